//! Writes the fixtures of the C tests into a folder: `quang-tri.toml` (a whole profile,
//! as the library writes it) and `vectors.txt`: the conformance vectors (`tests/vectors/*.json`, and the files named in
//! `CNCD_VECTORS`) in a form a C test reads without a JSON parser, with the exact answer
//! of the Rust door for each: the C tests then check that `cncd_call` gives the same
//! bytes. (The Rust runner, core/tests/vectors.rs, checks those answers against the
//! vectors.)
//!
//! `cargo run -p cncd-c --example c_fixtures -- DIR`. Each case of `vectors.txt` is four lines:
//! `name`, `op`, then `<length>` and the request bytes, then `<length>` and the answer
//! bytes, each followed by a newline.

use std::io::Write;
use std::path::PathBuf;

fn main() {
    let dir_out = PathBuf::from(std::env::args().nth(1).expect("usage: c_fixtures DIR"));
    std::fs::create_dir_all(&dir_out).expect("fixture folder");
    let toml = cncd_core::profile::Profile::builtin("quang-tri").and_then(|p| p.to_toml().ok()).expect("the quang-tri profile");
    std::fs::write(dir_out.join("quang-tri.toml"), toml).expect("quang-tri.toml");
    let out = dir_out.join("vectors.txt");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files.extend(std::env::var("CNCD_VECTORS").unwrap_or_default().split(':').filter(|s| !s.is_empty()).map(PathBuf::from));
    let mut w = std::io::BufWriter::new(std::fs::File::create(&out).expect("output file"));
    let mut n = 0;
    for f in files {
        let cases: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(&f).expect("vector file")).expect("vector JSON");
        for c in cases {
            let name = c["name"].as_str().unwrap_or("?").replace('\n', " ");
            let op = c["op"].as_str().unwrap_or("");
            let request = match &c["request"] {
                serde_json::Value::String(raw) => raw.clone(),
                other => other.to_string(),
            };
            let answer = cncd_core::api::call(op, &request);
            write!(w, "{name}\n{op}\n{}\n{request}\n{}\n{answer}\n", request.len(), answer.len()).unwrap();
            n += 1;
        }
    }
    eprintln!("{n} vectors written to {}", out.display());
}
