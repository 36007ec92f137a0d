//! Compares `names::check` between two commits: the same answers, and how fast.
//!
//! It checks the names bench's 100,000 typed names (`benches/common/typed.rs`) against
//! the national list of 2022. Build it at two commits (the older one as a git worktree),
//! then:
//!
//! ```text
//! cargo run --release -p cncd --example names_ab -- dump new.tsv    # every answer, one line a name
//! cmp old.tsv new.tsv                                                # same answers?
//! cargo run --release -p cncd --example names_ab -- time 8           # best of 8 passes, names/s
//! cargo run --release -p cncd --example names_ab -- time 1 ASCII     # only the names of one kind
//! cargo run --release -p cncd --example names_ab -- classes          # best of 5, by kind of typed name
//! ```
//!
//! Run the `time` of both builds in alternation: on a shared machine the speed of one
//! build moves by half from minute to minute. For counts that do not move, run `classes`
//! or `time 1` under `valgrind --tool=callgrind`.

/// The core, as `common/typed.rs` names it.
use cncd as core_crate;

#[path = "../benches/common/typed.rs"]
mod typed;

use cncd::names::{check, NamingRules};
use cncd::units::Registry;
use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

/// The variant of `typed_names` a name most likely is.
fn class(n: &str) -> &'static str {
    if n.contains(" - ") {
        "\" - \""
    } else if n.contains(" _ ") {
        "\" _ \""
    } else if n.starts_with("CNCD_") {
        "CNCD"
    } else if n.starts_with("cncd_") {
        "ASCII"
    } else if n.chars().any(|c| ('\u{300}'..='\u{36F}').contains(&c)) {
        "NFD"
    } else if n == n.to_uppercase() {
        "upper case"
    } else if n.contains("_Xã ") {
        "\"_Xã \" added"
    } else {
        "canonical or other tone style"
    }
}

/// The best time of `rounds` passes of `check` over `names`, in seconds.
fn best_of(rounds: usize, reg: &Registry, rules: &NamingRules, names: &[&String]) -> f64 {
    (0..rounds.max(1))
        .map(|_| {
            let t = Instant::now();
            for n in names {
                std::hint::black_box(check(reg, rules, n, None, "/name"));
            }
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let reg = Registry::vietnam_2022();
    let rules = NamingRules::ninh_thuan_2022();
    let names = typed::typed_names(&reg, 100_000);
    let all: Vec<&String> = names.iter().collect();
    let code = |u: Option<cncd::units::UnitId>| u.map(|u| reg.unit(u).code().to_string());
    match args.first().map(String::as_str) {
        Some("dump") => {
            let path = args.get(1).map_or("names_ab.tsv", String::as_str);
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            for n in &names {
                let c = check(&reg, &rules, n, None, "/name");
                let findings: Vec<String> = c.diagnostics.iter().filter_map(|d| serde_json::to_string(d).ok()).collect();
                let (commune, parent) = (code(c.commune), code(c.parent));
                writeln!(out, "{n}\t{:?}\t{:?}\t{commune:?}\t{parent:?}\t{:?}\t{}", c.status, c.canonical, c.village, findings.join("|"))?;
            }
            eprintln!("{} answers written to {path}", names.len());
        }
        Some("classes") => {
            let mut by_class: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
            for n in &names {
                by_class.entry(class(n)).or_default().push(n);
            }
            for (name, list) in &by_class {
                let t = best_of(5, &reg, &rules, list);
                println!("{name:>32}: {:>6} names, {:>6.2} µs a name", list.len(), t * 1e6 / list.len() as f64);
            }
        }
        Some("time") => {
            let rounds = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
            let only: Vec<&String> = match args.get(2) {
                Some(kind) => names.iter().filter(|n| class(n) == kind).collect(),
                None => all,
            };
            let t = best_of(rounds, &reg, &rules, &only);
            println!("check: best of {rounds}, {:.1} ms = {:.0} k names/s", t * 1e3, only.len() as f64 / t / 1e3);
        }
        _ => eprintln!("usage: names_ab dump FILE | time [ROUNDS [KIND]] | classes"),
    }
    Ok(())
}
