//! `validate_roster` over a synthetic national roster, with growth: 25,000, 50,000 and
//! 100,000 teams (4.7 members each on average: 470,000) over the 10,599 communes of 2022, beside
//! a baseline in the same run that only counts members per team (the cheapest rule):
//! `cargo bench -p cncd --bench roster`.
//!
//! Made-up people on real units: one commune team in each commune, then village teams
//! ("Thôn 1", "Thôn 2"…), each with a canonical Zalo name, a decision and members
//! covering the roles.

use cncd::names::{format, NamingRules};
use cncd::profile::{Profile, Role, TeamLevel};
use cncd::teams::{validate_roster, Decision, Member, Roster, Team};
use cncd::units::{Level, Registry};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn roster(reg: &Registry, teams: usize) -> Roster {
    let rules = NamingRules::ninh_thuan_2022();
    let communes: Vec<_> = reg.units().filter(|(_, u)| u.level() == Level::Commune).map(|(id, _)| id).collect();
    let mut out = Vec::with_capacity(teams);
    let mut k = 0usize;
    while out.len() < teams {
        let c = communes[k % communes.len()];
        let round = k / communes.len();
        k += 1;
        let village = (round > 0).then(|| format!("Thôn {round}"));
        let level = if round == 0 { TeamLevel::Commune } else { TeamLevel::Village };
        let head = if round == 0 { Role::CommuneOfficial } else { Role::VillageHead };
        let size = if k % 10 < 7 { 5 } else { 4 }; // 4.7 members a team on average
        let members = (0..size)
            .map(|m| Member {
                name: format!("Nguyễn Văn {k}-{m}"),
                roles: match m {
                    0 => vec![head, Role::YouthUnion],
                    1 => vec![Role::WomenUnion],
                    2 => vec![Role::EnterpriseStaff],
                    _ => vec![Role::Other],
                },
                birth_year: Some(1980 + (m as i32 * 7) % 20),
                phone: Some(format!("09{:08}", k * 10 + m)),
                it_skills: Some(m == 0),
                ..Member::default()
            })
            .collect();
        out.push(Team {
            id: Some(format!("T-{k}")),
            level,
            commune: Some(reg.unit(c).code().to_string()),
            zalo_group: format(reg, &rules, c, village.as_deref()).ok(),
            village,
            school: None,
            decision: Some(Decision { number: Some(format!("{k}/QĐ-UBND")), date: Some("2022-06-01".into()), ..Decision::default() }),
            members,
            extra: Default::default(),
        });
    }
    Roster { teams: out, extra: Default::default() }
}

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
