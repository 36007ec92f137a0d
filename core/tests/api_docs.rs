//! Every example of docs/API.md runs: each request block (```` ```json request OP ````) is
//! passed to `api::call`, and the answer must be the response block under it (errors
//! by `code` and `path`). Every operation has an example.
//!
//! `CNCD_BLESS=1` rewrites the response blocks from what the library answers now, for
//! the writer of the page to read before committing.

use cncd::api::{call, OPERATIONS};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

struct Example {
    op: String,
    request: String,
    /// Line range of the response block's body.
    response: (usize, usize),
}

fn examples(lines: &[&str]) -> Vec<Example> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some(op) = lines[i].strip_prefix("```json request ") {
            let start = i + 1;
            let end = start + lines[start..].iter().position(|l| *l == "```").expect("closed request block");
            let r = end + 1;
            assert_eq!(lines.get(r), Some(&"```json response"), "docs/API.md line {}: a request block is followed by its response", r + 1);
            let rend = r + 1 + lines[r + 1..].iter().position(|l| *l == "```").expect("closed response block");
            out.push(Example { op: op.trim().to_string(), request: lines[start..end].join("\n"), response: (r + 1, rend) });
            i = rend;
        }
        i += 1;
    }
    out
}

fn same(expected: &Value, actual: &Value) -> bool {
    match (expected.get("error"), actual.get("error")) {
        (Some(e), Some(a)) => e.get("code") == a.get("code") && e.get("path") == a.get("path"),
        _ => expected == actual,
    }
}

#[test]
fn every_example_of_the_api_page_runs() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/API.md");
    let text = std::fs::read_to_string(&path).expect("docs/API.md");
    let lines: Vec<&str> = text.lines().collect();
    let examples = examples(&lines);
    let bless = std::env::var_os("CNCD_BLESS").is_some();
    let mut failures = Vec::new();
    let mut replaced: Vec<((usize, usize), String)> = Vec::new();
    for ex in &examples {
        let actual: Value = serde_json::from_str(&call(&ex.op, &ex.request)).unwrap();
        let expected_text = lines[ex.response.0..ex.response.1].join("\n");
        let ok = serde_json::from_str::<Value>(&expected_text).is_ok_and(|e| same(&e, &actual));
        if bless {
            let compact = serde_json::to_string(&actual).unwrap();
            let body = if compact.len() <= 160 { compact } else { serde_json::to_string_pretty(&actual).unwrap() };
            replaced.push((ex.response, body));
        } else if !ok {
            failures.push(format!("line {}: {} {}\n  got {}", ex.response.0 + 1, ex.op, ex.request.replace('\n', " "), actual));
        }
    }
    if bless {
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        for ((a, b), body) in replaced {
            out.extend(lines[i..a].iter().map(|s| s.to_string()));
            out.push(body);
            i = b;
        }
        out.extend(lines[i..].iter().map(|s| s.to_string()));
        std::fs::write(&path, out.join("\n") + "\n").unwrap();
    }
    assert!(failures.is_empty(), "{} examples of docs/API.md differ:\n{}", failures.len(), failures.join("\n"));
    let covered: BTreeSet<&str> = examples.iter().map(|e| e.op.as_str()).collect();
    let missing: Vec<&&str> = OPERATIONS.iter().filter(|op| !covered.contains(**op)).collect();
    assert!(missing.is_empty(), "operations without an example in docs/API.md: {missing:?}");
}
