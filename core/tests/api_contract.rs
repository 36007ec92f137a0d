//! The JSON contract: envelopes, error codes and pointers, and the operations so far.

use cncd::api::{call, Context};
use serde_json::{json, Value};

fn call_json(op: &str, req: &str) -> Value {
    serde_json::from_str(&call(op, req)).expect("every response is JSON")
}

fn error(op: &str, req: &str) -> (String, Option<String>) {
    let v = call_json(op, req);
    let e = &v["error"];
    assert!(e["message"]["vi"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
    assert!(e["message"]["en"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
    (e["code"].as_str().unwrap().to_string(), e["path"].as_str().map(str::to_string))
}

#[test]
fn errors_name_their_code_and_place() {
    assert_eq!(error("text.clean", "{\"text\": "), ("bad_json".into(), None));
    assert_eq!(error("text.clean", "{\"text\": 1}"), ("bad_request".into(), Some("/text".into())));
    assert_eq!(error("text.clean", "{}"), ("bad_request".into(), Some("/text".into())));
    assert_eq!(error("text.clean", "{\"txt\": \"a\"}").0, "bad_request");
    assert_eq!(error("text.clean", "[1]").0, "bad_request");
    assert_eq!(error("text.clean", "{\"text\":\"a\"} trailing").0, "bad_json");
    assert_eq!(error("text.tone_style", r#"{"text":"a","style":"new"}"#), ("bad_request".into(), Some("/style".into())));
    assert_eq!(error("nope", "{}").0, "unknown_op");
    assert_eq!(error("units.resolve", r#"{"registry":"atlantis","text":"a"}"#), ("unknown_registry".into(), Some("/registry".into())));
    let big = format!("{{\"text\":\"{}\"}}", "a".repeat(cncd::api::MAX_TEXT_BYTES + 1));
    assert_eq!(error("text.clean", &big), ("too_large".into(), Some("/text".into())));
    let huge = "x".repeat(cncd::api::MAX_REQUEST_BYTES + 1);
    assert_eq!(error("text.clean", &huge).0, "too_large");
    // Deep nesting is refused without overflowing the stack (serde_json stops at 128).
    for deep in [format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)), format!("{{\"registry\":{}", "{\"a\":".repeat(100_000))] {
        assert!(["bad_json", "bad_request"].contains(&error("units.resolve", &deep).0.as_str()));
    }
    let e = call_json("text.clean", "{\"text\": \n  \"a}");
    assert!(e["error"]["message"]["en"].as_str().unwrap().contains("line 2"), "{e}");
}

#[test]
fn bad_json_gives_line_and_column() {
    let e = call_json("units.resolve", "{\n  \"registry\": \"ninh-thuan-2022\",\n  \"text\": \"a\" \"b\"\n}");
    let msg = e["error"]["message"]["en"].as_str().unwrap();
    assert!(msg.contains("line 3, column"), "{msg}");
}

#[test]
fn resolve_and_successors() {
    let v = call_json("units.resolve", r#"{"registry":"ninh-thuan-2022","text":"TT Khánh Hải"}"#);
    assert_eq!(
        v,
        json!({"ok": {"status": "unique", "candidates": [
            {"code": "22834", "full_name": "Thị trấn Khánh Hải", "kind": "thi_tran", "level": "commune", "parent": "586", "match": "abbreviation"}
        ]}})
    );
    let v = call_json("units.resolve", r#"{"registry":"ninh-thuan-2022","text":"Thanh Hai"}"#);
    assert_eq!(v["ok"]["status"], "ambiguous");
    let v = call_json(
        "units.resolve",
        r#"{"registry":"ninh-thuan-2022","text":"thon phuoc loi","level":"village",
            "villages":[{"code":"T1","commune":"22885","name":"Thôn Phước Lợi"}]}"#,
    );
    assert_eq!(v["ok"]["candidates"][0]["parent"], "22885");
    let (code, path) =
        error("units.resolve", r#"{"registry":"ninh-thuan-2022","text":"a","villages":[{"code":"T1","commune":"1","name":"Thôn A"}]}"#);
    assert_eq!((code.as_str(), path.as_deref()), ("bad_request", Some("/villages/0")));
    let (code, path) = error("units.resolve", r#"{"registry":"ninh-thuan-2022","text":"a","within":"123"}"#);
    assert_eq!((code.as_str(), path.as_deref()), ("bad_request", Some("/within")));

    let v = call_json("units.successors", r#"{"code":"22768"}"#);
    assert_eq!(v["ok"]["status"], "mapped");
    assert_eq!(v["ok"]["successors"].as_array().unwrap().len(), 2);
    let v = call_json("units.successors", r#"{"code":"22747"}"#);
    assert_eq!(v["ok"], json!({"status": "not_in_base", "successors": []}));
    let v = call_json("units.successors", r#"{"code":"22747","from":"ninh-thuan-2022"}"#);
    assert_eq!((v["ok"]["status"].as_str(), v["ok"]["via"].as_str()), (Some("merged_before"), Some("22750")));
    let v = call_json("units.successors", r#"{"code":"22750","from":"vietnam-2022","mapping":"ninh-thuan-2025"}"#);
    assert_eq!(v["ok"]["successors"][0]["code"], "22759");
}

#[test]
fn inline_registry() {
    let req = r#"{"registry": {"tiers": 2, "provinces": [{"code": "56", "name": "Tỉnh Khánh Hòa"}],
                  "communes": [{"code": "22900", "province": "56", "name": "Xã Phước Hà"}]},
                  "text": "phuoc ha"}"#;
    let v = call_json("units.resolve", req);
    assert_eq!(v["ok"]["candidates"][0]["code"], "22900");
    let bad = r#"{"registry": {"provinces": [{"code": "56", "name": "Tỉnh A"}, {"code": "56", "name": "Tỉnh B"}]}, "text": "a"}"#;
    assert_eq!(error("units.resolve", bad), ("bad_request".into(), Some("/registry/provinces/1/code".into())));
}

#[test]
fn version_matches_cargo_toml() {
    let manifest = include_str!("../Cargo.toml");
    let workspace = include_str!("../../Cargo.toml");
    let version = workspace.lines().find_map(|l| l.strip_prefix("version = \"")).and_then(|v| v.strip_suffix('"')).unwrap();
    assert!(manifest.contains("version.workspace = true"));
    let v = call_json("version", "{}");
    assert_eq!(v, json!({"ok": {"crate": version, "contract": cncd::api::CONTRACT_VERSION}}));
    assert_eq!(call("version", ""), call("version", "{}"));
}

#[test]
fn a_context_gives_the_same_answers() {
    let ctx = Context::new();
    for (op, req) in [
        ("units.resolve", r#"{"registry":"vietnam-2022","text":"Phường Quang Trung","within":"01"}"#),
        ("units.successors", r#"{"code":"00004"}"#),
        ("text.ascii_key", r#"{"text":"Đắk Lắk"}"#),
    ] {
        assert_eq!(ctx.call(op, req), call(op, req));
        assert_eq!(ctx.call(op, req), ctx.call(op, req));
    }
}

#[test]
fn names_operations() {
    let v = call_json("names.format", r#"{"registry":"ninh-thuan-2022","commune":"22885","village":"Thôn Phước Lợi"}"#);
    assert_eq!(v, json!({"ok": {"name": "CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam"}}));
    let v = call_json("names.check", r#"{"registry":"ninh-thuan-2022","name":"CNCD_Phuoc Ha_Thuan Nam"}"#);
    let ok = &v["ok"];
    assert_eq!((ok["status"].as_str(), ok["canonical"].as_str()), (Some("fixable"), Some("CNCĐ_Phước Hà_Thuận Nam")));
    assert_eq!((ok["commune"].as_str(), ok["district"].as_str(), ok["province"].as_str()), (Some("22885"), Some("589"), Some("58")));
    let d = &ok["diagnostics"][0];
    assert_eq!(
        (d["rule"].as_str(), d["code"].as_str(), d["severity"].as_str(), d["path"].as_str()),
        (Some("NAME-ZALO"), Some("prefix_variant"), Some("warning"), Some("/name"))
    );
    let v = call_json("names.check", r#"{"registry":"ninh-thuan-2022","name":"CNCĐ_Thanh Hai"}"#);
    assert_eq!((v["ok"]["status"].as_str(), v["ok"]["canonical"].is_null()), (Some("invalid"), true));
    let v = call_json("names.parse", r#"{"registry":"ninh-thuan-2022","name":"CNCĐ_Thôn A_Phước Hà_Thuận Nam"}"#);
    assert_eq!(
        (v["ok"]["unit"].as_str(), v["ok"]["village"].as_str(), v["ok"]["parent"]["code"].as_str()),
        (Some("22885"), Some("Thôn A"), Some("589"))
    );
    let v = call_json("names.rehome", r#"{"name":"CNCĐ_Phước Hà_Thuận Nam","from":"ninh-thuan-2022","to":"vietnam-2025"}"#);
    assert_eq!(v["ok"]["names"], json!(["CNCĐ_Phước Hà_Khánh Hòa"]));
    assert_eq!(v["ok"]["diagnostics"][0]["rule"], "ORG-COMMUNE");
    assert_eq!(
        error("names.check", r#"{"registry":"ninh-thuan-2022","name":"x","profile":"quang-tri-2023"}"#),
        ("unknown_profile".into(), Some("/profile".into()))
    );
    assert_eq!(error("names.format", r#"{"registry":"ninh-thuan-2022","commune":"1"}"#), ("bad_request".into(), Some("/commune".into())));
    let long = format!(r#"{{"registry":"ninh-thuan-2022","name":"{}"}}"#, "a".repeat(600));
    assert_eq!(error("names.check", &long), ("too_large".into(), Some("/name".into())));
    let v = call_json("names.check", r#"{"registry":"vietnam-2022","name":"CNCĐ_Hảo Đước_Châu Thành","province":"72"}"#);
    assert_eq!(v["ok"]["status"], "ok");
    let mut profile = call_json("profile.get", "{}")["ok"]["profile"].clone();
    profile["naming"] =
        json!({"prefix":"CNCĐ","separator":"-","template":["prefix","commune","parent"],"type_words":"always","tone_style":null});
    let inline = json!({"registry":"ninh-thuan-2022","commune":"22885","profile": profile}).to_string();
    let inline = inline.as_str();
    assert_eq!(call_json("names.format", inline)["ok"]["name"], "CNCĐ-Xã Phước Hà-Huyện Thuận Nam");
}
