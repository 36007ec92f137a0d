//! `api::call` answers every operation and every string with one JSON envelope, and
//! never panics.

use cncd::api::{call, Context, OPERATIONS};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// JSON-ish text: fragments of real requests, glued at random.
fn jsonish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\"text\"",
        "\"registry\"",
        "\"ninh-thuan-2022\"",
        "\"vietnam-2025\"",
        "\"name\"",
        "\"CNCĐ_Phước Hà_Thuận Nam\"",
        "\"code\"",
        "\"22885\"",
        "\"level\"",
        "\"commune\"",
        "\"village\"",
        "\"within\"",
        "\"villages\"",
        "\"style\"",
        "\"modern\"",
        "\"profile\"",
        "\"from\"",
        "\"to\"",
        "null",
        "true",
        "1e999",
        "-0",
        "\"\\u0000\"",
        "\"\\ud800\"",
        " ",
        "\u{301}",
        "Ð",
        "\"province\"",
        "\"provinces\"",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/api_never_panics.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_op_answers_any_text(op in prop::sample::select(OPERATIONS.to_vec()), body in prop_oneof![jsonish(), any::<String>()]) {
        let reply = call(op, &body);
        let v: serde_json::Value = serde_json::from_str(&reply).expect("the reply is JSON");
        let obj = v.as_object().expect("an object");
        prop_assert_eq!(obj.len(), 1);
        prop_assert!(obj.contains_key("ok") || obj.contains_key("error"));
        if let Some(e) = obj.get("error") {
            prop_assert!(e["code"].is_string() && e["message"]["vi"].is_string() && e["message"]["en"].is_string());
        }
    }

    #[test]
    fn unknown_ops_are_refused(op in any::<String>()) {
        prop_assume!(!OPERATIONS.contains(&op.as_str()));
        let reply = call(&op, "{}");
        prop_assert!(reply.contains("\"unknown_op\""), "{}", reply);
    }
}

#[test]
fn well_formed_requests_with_odd_values() {
    let ctx = Context::new();
    for (op, body) in [
        ("units.resolve", r#"{"registry":"ninh-thuan-2022","text":"\u0000\u0301"}"#),
        ("units.resolve", r#"{"registry":"ninh-thuan-2022","text":"x","within":""}"#),
        ("units.successors", r#"{"code":""}"#),
        ("names.check", r#"{"registry":"ninh-thuan-2022","name":"CNCĐ____"}"#),
        ("names.check", r#"{"registry":"ninh-thuan-2022","name":"CNCĐ - - - -"}"#),
        ("names.check", r#"{"registry":"ninh-thuan-2022","name":"a b c d e f g h i j k l m n o p q r s t"}"#),
        ("names.format", r#"{"registry":"ninh-thuan-2022","commune":"22885","village":""}"#),
        ("names.rehome", r#"{"name":"","from":"ninh-thuan-2022","to":"vietnam-2025"}"#),
        ("names.rehome", r#"{"name":"CNCĐ_Phước Hà_Thuận Nam","from":"vietnam-2025","to":"ninh-thuan-2022"}"#),
        ("units.resolve", r#"{"registry":{"provinces":[]},"text":"x"}"#),
    ] {
        let reply = ctx.call(op, body);
        assert!(serde_json::from_str::<serde_json::Value>(&reply).is_ok(), "{op} {body}: {reply}");
    }
}
