//! The text layer over the 10,599 commune names of 2022, each beside the baseline the
//! issue names, in the same run: `cargo bench -p cncd --bench text`.
//!
//! - `ascii_key`: cncd's `ascii_key_into` vs deunicode + lower case + white-space collapse;
//! - `name_key`: cncd's `name_key_into` vs unicode-normalization's NFD + mark removal +
//!   lower case (which folds diacritics too, so it does less than `name_key`);
//! - `clean`: `clean_into` on names that are already clean vs a plain copy.
//!
//! After criterion's groups, the same three comparisons are timed in pairs of passes,
//! and each median ratio is printed with the spread of its rounds: on a shared machine
//! both functions of a pair see the same load, and the spread shows how much it moved.

#[path = "common/rounds.rs"]
mod rounds;

use criterion::{criterion_group, Criterion, Throughput};
use std::hint::black_box;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

const UNITS_2022: &str = include_str!("../data/vn-units-2022.csv");

fn commune_names() -> Vec<&'static str> {
    UNITS_2022.lines().skip(1).map(|l| l.rsplit(',').next().unwrap()).collect()
}

fn bytes(names: &[impl AsRef<str>]) -> u64 {
    names.iter().map(|n| n.as_ref().len() as u64).sum()
}

fn deunicode_lower_collapse(s: &str, out: &mut String) {
    out.clear();
    let d = deunicode::deunicode(s);
    for (i, w) in d.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
    }
}

fn nfd_strip_lower(s: &str, out: &mut String) {
    out.clear();
    for c in s.nfd().filter(|&c| !is_combining_mark(c)) {
        out.extend(c.to_lowercase());
    }
}

fn bench(c: &mut Criterion) {
    let names = commune_names();
    assert_eq!(names.len(), 10_599);
    let mut buf = String::with_capacity(128);

    let mut g = c.benchmark_group("ascii_key");
    g.throughput(Throughput::Bytes(bytes(&names)));
    g.bench_function("cncd ascii_key_into", |b| {
        b.iter(|| {
            for n in &names {
                cncd::text::ascii_key_into(black_box(n), &mut buf);
                black_box(&buf);
            }
        })
    });
    g.bench_function("baseline deunicode+lower+collapse", |b| {
        b.iter(|| {
            for n in &names {
                deunicode_lower_collapse(black_box(n), &mut buf);
                black_box(&buf);
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("name_key");
    g.throughput(Throughput::Bytes(bytes(&names)));
    g.bench_function("cncd name_key_into", |b| {
        b.iter(|| {
            for n in &names {
                cncd::text::name_key_into(black_box(n), &mut buf);
                black_box(&buf);
            }
        })
    });
    g.bench_function("baseline NFD+strip marks+lower", |b| {
        b.iter(|| {
            for n in &names {
                nfd_strip_lower(black_box(n), &mut buf);
                black_box(&buf);
            }
        })
    });
    g.finish();

    let clean_names: Vec<String> = names.iter().map(|n| cncd::text::clean(n)).collect();
    let mut g = c.benchmark_group("clean");
    g.throughput(Throughput::Bytes(bytes(&clean_names)));
    g.bench_function("cncd clean_into (already clean)", |b| {
        b.iter(|| {
            for n in &clean_names {
                cncd::text::clean_into(black_box(n), &mut buf);
                black_box(&buf);
            }
        })
    });
    g.bench_function("baseline copy", |b| {
        b.iter(|| {
            for n in &clean_names {
                buf.clear();
                buf.push_str(black_box(n));
                black_box(&buf);
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}

/// The ratios, measured in pairs. Criterion times each function in turn, and on
/// a shared machine the load moves between them: the same code measured 4.0x to 5.6x
/// deunicode from one run to the next. Here each round times a pass of cncd and a pass
/// of its baseline one after the other (in alternating order), so that both see the same
/// machine, and the median of the rounds' ratios is printed with their spread (which is
/// still wide when the load changes within a pass). Only under `cargo bench`:
/// as a test, the groups above run once and this not at all.
fn paired_ratios() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let names = commune_names();
    let clean_names: Vec<String> = names.iter().map(|n| cncd::text::clean(n)).collect();
    let clean_names: Vec<&str> = clean_names.iter().map(String::as_str).collect();
    println!("\nPaired rounds (median of 31; each round 10 passes over the 10,599 names):");
    paired("ascii_key vs deunicode+lower+collapse (target 5x)", &names, cncd::text::ascii_key_into, deunicode_lower_collapse);
    paired("name_key vs NFD+strip marks+lower (target 3x)", &names, cncd::text::name_key_into, nfd_strip_lower);
    paired(
        "clean, already clean (target 500 MB/s, 477 MiB/s) vs copy",
        &clean_names,
        cncd::text::clean_into,
        |s: &str, out: &mut String| {
            out.clear();
            out.push_str(s);
        },
    );
}

/// Times `ours` and `baseline` over `names` in pairs of passes, as [`paired_ratios`] says.
fn paired(label: &str, names: &[&str], ours: impl Fn(&str, &mut String), baseline: impl Fn(&str, &mut String)) {
    let mut buf = String::with_capacity(128);
    let mut rounds = rounds::alternate(31, &mut buf, |buf| ten_passes(names, &ours, buf), |buf| ten_passes(names, &baseline, buf));
    rounds.sort_by(|x, y| (x.1 / x.0).total_cmp(&(y.1 / y.0)));
    let (ours_s, base_s) = rounds[rounds.len() / 2];
    let (low, high) = (rounds[0], rounds[rounds.len() - 1]);
    let mib = bytes(names) as f64 * 10.0 / (1024.0 * 1024.0);
    println!(
        "  {label}: {:.2}x, {:.0} MiB/s vs {:.0} MiB/s (rounds from {:.2}x to {:.2}x)",
        base_s / ours_s,
        mib / ours_s,
        mib / base_s,
        low.1 / low.0,
        high.1 / high.0
    );
}

/// Ten passes of `f` over `names`, in seconds, the function called directly (not
/// through a pointer), as the groups call it.
fn ten_passes(names: &[&str], f: &impl Fn(&str, &mut String), buf: &mut String) -> f64 {
    let start = std::time::Instant::now();
    for _ in 0..10 {
        for n in names {
            f(black_box(n), buf);
            black_box(&*buf);
        }
    }
    start.elapsed().as_secs_f64()
}

fn main() {
    benches();
    paired_ratios();
    Criterion::default().configure_from_args().final_summary();
}
