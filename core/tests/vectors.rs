//! The conformance vectors: every case of `tests/vectors/*.json` (at the top of the
//! workspace), and of every file named in `CNCD_VECTORS` (paths separated by `:`), run
//! through `cncd::api::call`. Ends with the line `N passed, N failed`.
//!
//! A vector file is a JSON array of cases:
//! `{"name", "op", "request": {…} | "raw text", "response": {"ok": …} | {"error": …}, "rules"?: [id]}`.
//! A success must equal `response` as JSON (key order aside). An error must have the same
//! `code` and `path`: messages may be reworded between versions, codes and paths may not.
//! `rules` names rule ids a case exercises beyond those in its diagnostics (GOV-CHAIN).
//!
//! `CNCD_BLESS=1` rewrites the `response` of every case of `tests/vectors` from what the
//! library answers now: for new cases, whose answers must then be read before they are
//! committed.

use cncd::api::{call, ErrorCode, OPERATIONS};
use cncd::diagnostics::RULE_IDS;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn vector_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vector_dir())
        .expect("tests/vectors")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn request_text(case: &Value) -> String {
    match &case["request"] {
        Value::String(raw) => raw.clone(),
        other => other.to_string(),
    }
}

/// `None` if the answer matches, or what differs.
fn check(expected: &Value, actual: &Value) -> Option<String> {
    let same = match (expected.get("error"), actual.get("error")) {
        (Some(e), Some(a)) => e.get("code") == a.get("code") && e.get("path") == a.get("path"),
        _ => expected == actual,
    };
    (!same).then(|| format!("expected {expected}\n     got {actual}"))
}

fn collect_rules(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(rule)), Some(Value::String(_))) = (m.get("rule"), m.get("severity")) {
                out.insert(rule.clone());
            }
            m.values().for_each(|x| collect_rules(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_rules(x, out)),
        _ => {}
    }
}

fn main() {
    let bless = std::env::var_os("CNCD_BLESS").is_some();
    let mut paths = files();
    let extra: Vec<PathBuf> =
        std::env::var("CNCD_VECTORS").unwrap_or_default().split(':').filter(|s| !s.is_empty()).map(PathBuf::from).collect();
    paths.extend(extra.iter().cloned());
    let (mut passed, mut failed) = (0usize, 0usize);
    let (mut ops, mut rules, mut codes) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut cases: Vec<Value> = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &mut cases {
            let (name, op) = (case["name"].as_str().unwrap_or("?").to_string(), case["op"].as_str().unwrap_or("").to_string());
            let actual: Value = serde_json::from_str(&call(&op, &request_text(case))).expect("call answers JSON");
            if bless && !extra.contains(path) {
                case["response"] = actual.clone();
            }
            match check(&case["response"], &actual) {
                None => passed += 1,
                Some(diff) => {
                    failed += 1;
                    println!("FAIL {} :: {name} ({op})\n     {diff}", path.display());
                }
            }
            ops.insert(op);
            collect_rules(&case["response"], &mut rules);
            for r in case["rules"].as_array().into_iter().flatten() {
                rules.insert(r.as_str().unwrap_or_default().to_string());
            }
            if let Some(code) = case["response"]["error"]["code"].as_str() {
                codes.insert(code.to_string());
            }
        }
        if bless && !extra.contains(path) {
            let mut out = String::from("[\n");
            for (i, c) in cases.iter().enumerate() {
                out.push_str("  ");
                out.push_str(&serde_json::to_string(c).unwrap());
                out.push_str(if i + 1 < cases.len() { ",\n" } else { "\n" });
            }
            out.push_str("]\n");
            std::fs::write(path, out).unwrap();
        }
    }
    // The shipped vectors cover the whole contract.
    let mut gaps = Vec::new();
    for op in OPERATIONS {
        if !ops.contains(*op) {
            gaps.push(format!("operation {op}"));
        }
    }
    for rule in RULE_IDS {
        if !rules.contains(*rule) {
            gaps.push(format!("rule {rule}"));
        }
    }
    for code in ErrorCode::ALL {
        if *code != ErrorCode::Internal && !codes.contains(code.as_str()) {
            gaps.push(format!("error code {}", code.as_str()));
        }
    }
    if passed + failed < 300 {
        gaps.push(format!("only {} cases, 300 wanted", passed + failed));
    }
    for g in &gaps {
        println!("GAP no vector covers {g}");
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 || !gaps.is_empty() {
        std::process::exit(1);
    }
}
