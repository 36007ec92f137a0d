//! `names::check` over 100,000 group names built from the national list of 2022 with the
//! variants people type (NFD, no diacritics, CNCD, the other tone style, spaces around
//! "_", other separators, type words, upper case), beside a naive baseline in the same
//! run: `cargo bench -p cncd --bench names`.
//!
//! The baseline splits on "_" and scans every commune's and district's ASCII key: what
//! a first version would do, with none of the diagnostics.

/// The core, as `common/typed.rs` names it.
use cncd as core_crate;

#[path = "common/typed.rs"]
mod typed;

use cncd::names::{check, NamingRules};
use cncd::text::ascii_key;
use cncd::units::{Level, Registry};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use typed::typed_names;

fn naive(communes: &[String], districts: &[String], name: &str) -> usize {
    let parts: Vec<String> = name.split('_').map(ascii_key).collect();
    let n = parts.len();
    if n < 3 {
        return 0;
    }
    let c = communes.iter().filter(|k| **k == parts[n - 2]).count();
    let d = districts.iter().filter(|k| **k == parts[n - 1]).count();
    c + d
}

fn bench(c: &mut Criterion) {
    let reg = Registry::vietnam_2022();
    let rules = NamingRules::ninh_thuan_2022();
    let names = typed_names(&reg, 100_000);
    let keys = |level| reg.units().filter(|(_, u)| u.level() == level).map(|(_, u)| u.ascii_key().to_string()).collect::<Vec<_>>();
    let (communes, districts) = (keys(Level::Commune), keys(Level::District));
    black_box(check(&reg, &rules, "CNCĐ_xxxxxxx_yyyyyyy", None, "/name"));
    let mut g = c.benchmark_group("names");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("cncd check, national", |b| {
        b.iter(|| {
            for n in &names {
                black_box(check(&reg, &rules, black_box(n), None, "/name"));
            }
        })
    });
    let sample = &names[..2_000];
    g.throughput(Throughput::Elements(sample.len() as u64));
    g.bench_function("baseline split + linear scan", |b| {
        b.iter(|| {
            for n in sample {
                black_box(naive(&communes, &districts, black_box(n)));
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(5)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
