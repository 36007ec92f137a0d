//! One `Context` shared by 8 threads answers every conformance vector exactly as a
//! single thread does: the built-in data is built once (`OnceLock`) and then only read,
//! without locks, so threads cannot disturb each other.

use cncd::api::Context;
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;

fn cases() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<_> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        for c in cases {
            let request = match &c["request"] {
                Value::String(raw) => raw.clone(),
                other => other.to_string(),
            };
            out.push((c["op"].as_str().unwrap_or("").to_string(), request));
        }
    }
    out
}

#[test]
fn eight_threads_on_one_context_answer_as_one_thread_does() {
    let cases = Arc::new(cases());
    assert!(cases.len() >= 300);
    // Single-threaded answers, from a context of their own.
    let alone = Context::new();
    let expected: Arc<Vec<String>> = Arc::new(cases.iter().map(|(op, req)| alone.call(op, req)).collect());
    // One shared context, first touched by all threads at once (the lazy data races to be built).
    let shared = Arc::new(Context::new());
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let (cases, expected, shared) = (Arc::clone(&cases), Arc::clone(&expected), Arc::clone(&shared));
            std::thread::spawn(move || {
                let mut mismatches = 0;
                // Each thread walks the cases from a different place, so different
                // operations overlap in time.
                let n = cases.len();
                for k in 0..n {
                    let i = (k + t * n / 8) % n;
                    let (op, req) = &cases[i];
                    if shared.call(op, req) != expected[i] {
                        mismatches += 1;
                    }
                }
                mismatches
            })
        })
        .collect();
    let mismatches: usize = threads.into_iter().map(|h| h.join().expect("no thread panics")).sum();
    assert_eq!(mismatches, 0);
}
