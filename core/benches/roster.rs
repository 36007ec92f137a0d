//! `validate_roster` over a synthetic national roster, with growth: 25,000, 50,000 and
//! 100,000 teams (4.7 members each on average: 470,000) over the 10,599 communes of 2022, beside
//! a baseline in the same run that only counts members per team (the cheapest rule):
//! `cargo bench -p cncd --bench roster`.
//!
//! The roster is made up (see `common/mod.rs`).

mod common;

use cncd::profile::Profile;
use cncd::teams::validate_roster;
use cncd::units::Registry;
use common::roster;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let reg = Registry::vietnam_2022();
    let profile = Profile::ninh_thuan_2022();
    let as_of = chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap();
    let mut g = c.benchmark_group("roster");
    for n in [25_000, 50_000, 100_000] {
        let r = roster(&reg, n);
        let members: usize = r.teams.iter().map(|t| t.members.len()).sum();
        eprintln!("{n} teams, {members} members");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("cncd validate_roster", n), &r, |b, r| {
            b.iter(|| black_box(validate_roster(&reg, &profile, r, as_of)))
        });
        g.bench_with_input(BenchmarkId::new("baseline size only", n), &r, |b, r| {
            b.iter(|| black_box(r.teams.iter().filter(|t| !(3..=5).contains(&t.members.len())).count()))
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(8)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
