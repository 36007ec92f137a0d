//! Units: building the national 2022 registry, and resolving 100,000 typed commune
//! names drawn from it, beside a naive baseline in the same run:
//! `cargo bench -p cncd --bench units`.
//!
//! The typed names come in five kinds, 20,000 each: the exact full name, the other tone
//! style, no diacritics, an abbreviated type word, and one typo (a letter dropped).
//! The baseline is the obvious code: fold the typed name to ASCII and compare it with
//! the folded name of every commune.

use cncd::text::{ascii_key, to_tone_style, ToneStyle};
use cncd::units::{split_typed_name, Level, Registry, ResolveOptions, UnitKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// A small deterministic generator, so that every run resolves the same names.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn typed_names(reg: &Registry, kind: &str, n: usize) -> Vec<String> {
    let communes: Vec<_> = reg.units().filter(|(_, u)| u.level() == Level::Commune).map(|(_, u)| u).collect();
    let mut rng = Lcg(42);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let u = communes[rng.next(communes.len())];
        let name = match kind {
            "exact" => u.full_name().to_string(),
            "tone" => {
                let t = to_tone_style(u.full_name(), ToneStyle::Modern);
                if t == u.full_name() {
                    to_tone_style(u.full_name(), ToneStyle::Traditional)
                } else {
                    t
                }
            }
            "ascii" => ascii_key(u.full_name()),
            "abbreviation" => match u.kind() {
                UnitKind::Township => format!("TT {}", u.name()),
                UnitKind::Ward => format!("P. {}", u.name()),
                _ => format!("X. {}", u.name()),
            },
            _ => {
                let a = ascii_key(u.name());
                if a.len() < 6 || !a.is_ascii() {
                    continue;
                }
                let cut = 1 + rng.next(a.len() - 2);
                format!("{}{}", &a[..cut], &a[cut + 1..])
            }
        };
        out.push(name);
    }
    out
}

fn naive(keys: &[String], typed: &str) -> usize {
    let bare = split_typed_name(typed).bare;
    let k = ascii_key(&bare);
    keys.iter().filter(|name| **name == k).count()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("registry");
    // The registry is dropped outside the measurement: this is the cost of building it.
    g.bench_function("build vietnam_2022", |b| b.iter_with_large_drop(Registry::vietnam_2022));
    g.finish();

    let reg = Registry::vietnam_2022();
    let opts = ResolveOptions { level: Some(Level::Commune), within: None };
    let keys: Vec<String> = reg.units().filter(|(_, u)| u.level() == Level::Commune).map(|(_, u)| u.ascii_key().to_string()).collect();
    let mut g = c.benchmark_group("resolve");
    for kind in ["exact", "tone", "ascii", "abbreviation", "typo"] {
        let names = typed_names(&reg, kind, 20_000);
        // Warm the typo index, built on first use, outside the measurement.
        black_box(reg.resolve("xxxxxxx", &opts));
        g.throughput(Throughput::Elements(names.len() as u64));
        g.bench_function(format!("cncd {kind}"), |b| {
            b.iter(|| {
                for n in &names {
                    black_box(reg.resolve(black_box(n), &opts));
                }
            })
        });
        if kind == "ascii" {
            let sample = &names[..1_000];
            g.throughput(Throughput::Elements(sample.len() as u64));
            g.bench_function("baseline linear scan of ascii keys", |b| {
                b.iter(|| {
                    for n in sample {
                        black_box(naive(&keys, black_box(n)));
                    }
                })
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
