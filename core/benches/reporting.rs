//! Coverage and one month's reports for the synthetic national roster (100,000 teams over
//! the 10,599 communes of 2022) and 1,000,000 activity records: all in the month reported
//! on (the worst case: none is skipped), and spread over the seven months January–July
//! (a log kept since January; the month's share is counted). Beside it in the same run, a baseline that does
//! the least any summary must do: one pass over the records adding a counter per team
//! id in a hash map. `cargo bench -p cncd --bench reporting`.
//!
//! The month pipeline is what an officer's monthly run does: `coverage::compute`,
//! `activities::summarize`, `reports::schedule`, `reports::status` (every district
//! report and 90 % of the team reports received, one in ten late) and `reports::drafts` for every district.

mod common;

use cncd::activities::{summarize, ActivityRecord};
use cncd::coverage::compute;
use cncd::profile::Profile;
use cncd::reports::{drafts, schedule, status, Submission};
use cncd::units::{Level, Registry};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::collections::HashMap;
use std::hint::black_box;

/// `n` records over `teams` teams, on days of `months` months of 2022 ending in July.
fn records(teams: usize, n: usize, profile: &Profile, months: usize) -> Vec<ActivityRecord> {
    let kinds: Vec<&str> = profile.activities.iter().map(|a| a.id.as_str()).collect();
    (0..n)
        .map(|i| {
            // A spread of teams (a multiplicative step), days and activities.
            let t = (i.wrapping_mul(7919) % teams) + 1;
            ActivityRecord {
                team: format!("T-{t}"),
                date: format!("2022-{:02}-{:02}", 7 - (i / 31) % months, i % 28 + 1),
                activity: kinds[i % kinds.len()].to_string(),
                people_reached: (i % 40) as u64,
                apps_installed: (i % 7) as u64,
                digital_stores: (i % 3 == 0) as u64,
                payment_accounts: (i % 5) as u64,
                extra: Default::default(),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let reg = Registry::vietnam_2022();
    let profile = Profile::ninh_thuan_2022();
    let roster = common::roster(&reg, 100_000);
    let recs = records(100_000, 1_000_000, &profile, 1);
    let year = records(100_000, 1_000_000, &profile, 7);
    let month = "2022-07".parse().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2022, 8, 10).unwrap();
    // Every district report and 90 % of the team reports came in, one in ten late.
    let sub = |rule: &str, from: &str, i: usize| Submission {
        rule: rule.into(),
        from: from.into(),
        month,
        date: if i % 10 == 0 { "2022-08-04".into() } else { "2022-07-30".into() },
        extra: Default::default(),
    };
    let mut submitted: Vec<Submission> = roster
        .teams
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 10 != 3)
        .map(|(i, t)| sub("REPORT-TEAM", t.id.as_deref().unwrap_or(""), i))
        .collect();
    submitted.extend(
        reg.units()
            .filter(|(_, u)| u.level() == Level::District)
            .enumerate()
            .map(|(i, (_, u))| sub("REPORT-DISTRICT-MONTHLY", u.code(), i)),
    );

    let mut g = c.benchmark_group("reporting 100k teams, 1M records");
    let pipeline = |recs: &[ActivityRecord]| {
        let cov = compute(&reg, &profile, &roster, &[]);
        let act = summarize(&reg, &profile, &roster, recs, month);
        let due = schedule(&reg, &profile, &roster, month);
        let st = status(due, &submitted, today);
        let d = drafts(&reg, &profile, &roster, &cov, &act, month);
        (st.counts, d.len())
    };
    g.bench_function("cncd month pipeline", |b| b.iter(|| black_box(pipeline(&recs))));
    g.bench_function("cncd month pipeline, records over 7 months", |b| b.iter(|| black_box(pipeline(&year))));
    g.bench_function("cncd coverage::compute", |b| b.iter(|| black_box(compute(&reg, &profile, &roster, &[]))));
    g.bench_function("cncd activities::summarize", |b| b.iter(|| black_box(summarize(&reg, &profile, &roster, &recs, month))));
    let due = schedule(&reg, &profile, &roster, month);
    g.bench_function("cncd reports::schedule", |b| b.iter(|| black_box(schedule(&reg, &profile, &roster, month))));
    g.bench_function("cncd reports::status", |b| {
        b.iter_batched(|| due.clone(), |d| black_box(status(d, &submitted, today)), BatchSize::LargeInput)
    });
    let (cov, act) = (compute(&reg, &profile, &roster, &[]), summarize(&reg, &profile, &roster, &recs, month));
    g.bench_function("cncd reports::drafts", |b| b.iter(|| black_box(drafts(&reg, &profile, &roster, &cov, &act, month))));
    g.bench_function("baseline one hash pass over the records", |b| {
        b.iter(|| {
            let mut m: HashMap<&str, u64> = HashMap::with_capacity(100_000);
            for r in &recs {
                *m.entry(r.team.as_str()).or_default() += r.people_reached;
            }
            black_box(m.len())
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(10)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
