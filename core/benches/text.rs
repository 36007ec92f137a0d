//! The text layer over the 10,599 commune names of 2022, each beside the baseline the
//! issue names, in the same run: `cargo bench -p cncd --bench text`.
//!
//! - `ascii_key`: cncd's `ascii_key_into` vs deunicode + lower case + white-space collapse;
//! - `name_key`: cncd's `name_key_into` vs unicode-normalization's NFD + mark removal +
//!   lower case (which folds diacritics too, so it does less than `name_key`);
//! - `clean`: `clean_into` on names that are already clean vs a plain copy.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
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
criterion_main!(benches);
