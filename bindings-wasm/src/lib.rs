//! `cncd-wasm`: the WebAssembly door of cncd, for web forms.
//!
//! A door converts types and decides nothing: every answer comes from the core, through
//! the JSON contract. The JavaScript API that users call (camelCase, typed, errors as
//! `CncdError`) is `bindings-wasm/js/`, over the functions below; `scripts/build.sh`
//! builds the npm package.
//!
//! The module keeps one [`Context`] for its lifetime (a web page has one thread): the
//! built-in Ninh Thuận data, and the national lists a page loads from its own origin
//! with [`load_registry`].

use cncd::api::{error_envelope, ApiError, Context, ErrorCode};
use cncd::units::Registry;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static CONTEXT: RefCell<Context> = RefCell::new(Context::new());
}

/// Runs a JSON operation of the contract and returns the JSON response envelope.
#[wasm_bindgen(js_name = callJson)]
pub fn call_json(op: &str, request_json: &str) -> String {
    CONTEXT.with(|c| c.borrow().call(op, request_json))
}

/// Loads a registry from the CSV of an official list (the shape of `vn-units-2022.csv`)
/// under `name`, for the requests that name it. Returns the envelope
/// `{"ok": {"name", "communes"}}`, or `{"error": …}` (`bad_request`, with the line and
/// column in the message) when the CSV cannot be read; nothing is loaded then.
#[wasm_bindgen(js_name = loadRegistryCsv)]
pub fn load_registry(name: &str, csv: &str) -> String {
    match Registry::from_csv(name, csv) {
        Ok(reg) => {
            let communes = reg.count(cncd::units::Level::Commune);
            let visible = CONTEXT.with(|c| c.borrow_mut().add_registry(reg));
            if visible {
                format!(r#"{{"ok":{{"name":{},"communes":{communes}}}}}"#, serde_json::to_string(name).expect("a string serialises"))
            } else {
                built_in("Danh mục", "registry", name)
            }
        }
        Err(e) => error_envelope(&ApiError::new(
            ErrorCode::BadRequest,
            format!("Không đọc được danh mục {name:?}: {e}"),
            format!("registry {name:?} cannot be read: {e}"),
        )),
    }
}

/// Loads the old-to-new commune mapping from the CSV of `vn-commune-mapping-2025.csv`
/// under `name` (`vietnam-2025` is the one requests use when they name none). Returns
/// `{"ok": {"name", "rows"}}`, or `{"error": …}` when the name is built in.
#[wasm_bindgen(js_name = loadMappingCsv)]
pub fn load_mapping(name: &str, csv: &str) -> String {
    let mapping = cncd::units::Mapping::from_csv(csv);
    let old = csv.lines().skip(1).filter(|l| !l.is_empty()).count();
    if CONTEXT.with(|c| c.borrow_mut().add_mapping(name, mapping)) {
        format!(r#"{{"ok":{{"name":{},"rows":{old}}}}}"#, serde_json::to_string(name).expect("a string serialises"))
    } else {
        built_in("Bảng chuyển đổi", "mapping", name)
    }
}

/// The error of loading data under a name the module has built in.
fn built_in(vi: &str, en: &str, name: &str) -> String {
    error_envelope(&ApiError::new(
        ErrorCode::BadRequest,
        format!("{vi} {name:?} đã có sẵn trong mô-đun"),
        format!("{en} {name:?} is built into the module"),
    ))
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

/// `ascii_key` of many names in one crossing: the names joined by `"\n"` in, their keys
/// joined by `"\n"` out (a key never holds a line break: `clean` turns it into a space).
#[wasm_bindgen(js_name = asciiKeyLines)]
pub fn ascii_key_lines(lines: &str) -> String {
    let mut out = String::with_capacity(lines.len());
    let mut key = String::new();
    for (i, line) in lines.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        cncd::text::ascii_key_into(line, &mut key);
        out.push_str(&key);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_the_core() {
        assert_eq!(ascii_key("Phường Đô Vinh"), "phuong do vinh");
        let req = r#"{"text":"Hòa","style":"modern"}"#;
        assert_eq!(call_json("text.tone_style", req), cncd::api::call("text.tone_style", req));
        assert_eq!(ascii_key_lines("Phường Đô Vinh\nXã  Phước Hà\n"), "phuong do vinh\nxa phuoc ha\n");
    }

    #[test]
    fn a_loaded_registry_answers_to_its_name() {
        let csv = "province_code,province_name,commune_code,commune_name\n56,Tỉnh Khánh Hòa,22900,Xã Phước Hà\n";
        assert_eq!(load_registry("mine \"2025\"", csv), r#"{"ok":{"name":"mine \"2025\"","communes":1}}"#);
        let reply = call_json("units.resolve", r#"{"registry": "mine \"2025\"", "text": "Phuoc Ha"}"#);
        assert!(reply.contains(r#""code":"22900""#), "{reply}");
        assert!(load_registry("x", "province_code\n").contains(r#""code":"bad_request""#));
        assert!(load_registry("ninh-thuan-2022", csv).contains("built into"));
    }
}
