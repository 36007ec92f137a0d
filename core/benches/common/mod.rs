//! The synthetic national roster shared by the benchmarks.
//!
//! Made-up people on real units: one commune team in each commune, then village teams
//! ("Thôn 1", "Thôn 2"…), each with a canonical Zalo name, a decision and members
//! covering the roles; 4.7 members a team on average.

use cncd::names::{format, NamingRules};
use cncd::profile::{Role, TeamLevel};
use cncd::teams::{Decision, Member, Roster, Team};
use cncd::units::{Level, Registry};

/// `teams` teams over the communes of `reg`, ids `T-1`, `T-2`…
pub fn roster(reg: &Registry, teams: usize) -> Roster {
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
