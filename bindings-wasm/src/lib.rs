//! `cncd-wasm`: the WebAssembly door of cncd, for web forms.
//!
//! A door converts types and decides nothing: every answer comes from the core.
//! Names are camelCase on the JavaScript side.

use wasm_bindgen::prelude::*;

/// Runs a JSON operation of the contract and returns the JSON response envelope.
#[wasm_bindgen(js_name = callJson)]
pub fn call_json(op: &str, request_json: &str) -> String {
    cncd::api::call(op, request_json)
}

/// `cncd::text::clean`.
#[wasm_bindgen]
pub fn clean(s: &str) -> String {
    cncd::text::clean(s)
}

/// `cncd::text::name_key`.
#[wasm_bindgen(js_name = nameKey)]
pub fn name_key(s: &str) -> String {
    cncd::text::name_key(s)
}

/// `cncd::text::ascii_key`.
#[wasm_bindgen(js_name = asciiKey)]
pub fn ascii_key(s: &str) -> String {
    cncd::text::ascii_key(s)
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_answers_as_the_core() {
        assert_eq!(super::ascii_key("Phường Đô Vinh"), "phuong do vinh");
        let req = r#"{"text":"Hòa","style":"modern"}"#;
        assert_eq!(super::call_json("text.tone_style", req), cncd::api::call("text.tone_style", req));
    }
}
