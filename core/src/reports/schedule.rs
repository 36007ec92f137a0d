//! The monthly obligations: who reports to whom, by when.

use super::chain::{self, Party};
use crate::month::Month;
use crate::profile::{Profile, TeamLevel};
use crate::teams::{provinces_of, provinces_of_communes, team_communes, Roster};
use crate::units::{Level, Registry, UnitId};
use crate::FastMap;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A report that is due: from whom, to whom, on which month, by when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Obligation {
    /// `<rule>/<month>/<from.code>`: unique in a schedule, stable across runs.
    pub id: String,
    /// REPORT-TEAM, REPORT-DISTRICT-MONTHLY or REPORT-PROVINCE.
    pub rule: String,
    /// The month reported on.
    pub month: Month,
    /// Who reports.
    pub from: Party,
    /// To whom.
    pub to: Party,
    /// The last day on which the report is on time.
    pub due: NaiveDate,
}

impl Obligation {
    pub(crate) fn new(rule: &str, month: Month, from: Party, to: Party, due: NaiveDate) -> Obligation {
        Ids::new(rule, month).obligation(from, to, due)
    }
}

/// The obligations of one rule and month, whose ids share `<rule>/<month>/`: written
/// once rather than formatted for each of a hundred thousand teams.
struct Ids<'a> {
    rule: &'a str,
    month: Month,
    prefix: String,
}

impl<'a> Ids<'a> {
    fn new(rule: &'a str, month: Month) -> Self {
        Ids { rule, month, prefix: format!("{rule}/{month}/") }
    }

    fn obligation(&self, from: Party, to: Party, due: NaiveDate) -> Obligation {
        let mut id = String::with_capacity(self.prefix.len() + from.code.len());
        id.push_str(&self.prefix);
        id.push_str(&from.code);
        Obligation { id, rule: self.rule.to_string(), month: self.month, from, to, due }
    }
}

/// The provinces a schedule covers: those of the roster's teams, or every province of the
/// registry when the roster names none.
pub(crate) fn scope(registry: &Registry, roster: &Roster) -> Vec<UnitId> {
    or_every_province(registry, provinces_of(registry, roster))
}

/// `provinces`, or every province of the registry when there is none.
fn or_every_province(registry: &Registry, p: Vec<UnitId>) -> Vec<UnitId> {
    if p.is_empty() {
        registry.provinces().to_vec()
    } else {
        p
    }
}

/// The units that report monthly to the department: the districts in three tiers, the
/// communes in two.
pub(crate) fn reporters(registry: &Registry, provinces: &[UnitId]) -> Vec<UnitId> {
    let districts: Vec<UnitId> = provinces.iter().flat_map(|&p| registry.descendants_at(p, Level::District)).collect();
    if districts.is_empty() {
        provinces.iter().flat_map(|&p| registry.descendants_at(p, Level::Commune)).collect()
    } else {
        districts
    }
}

/// Everything due for `month`, in this order:
/// - REPORT-TEAM: each team of the roster whose commune the registry has, to the first of
///   its supervisors ([`chain`](crate::reports::chain())), by the profile's `team_deadline_day`;
/// - REPORT-DISTRICT-MONTHLY: each district committee (each commune committee in two
///   tiers) of the provinces in scope, to the department, by `monthly_deadline_day`;
/// - REPORT-PROVINCE: each department to its board, by `province_deadline_day`.
///
/// The provinces in scope are those of the roster's teams, or all of the registry's when
/// the roster names none. A deadline day of 0 is the last day of the month reported on
/// (the default: the plan names no day); N is the N-th of the next month.
///
/// ```
/// use cncd::{profile::Profile, reports::schedule, teams::Roster, units::Registry};
/// let s = schedule(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &Roster::default(), "2022-07".parse().unwrap());
/// // 7 district-level committees, then the department to the board.
/// assert_eq!(s.len(), 8);
/// assert_eq!(s[0].id, "REPORT-DISTRICT-MONTHLY/2022-07/582");
/// assert_eq!(s[0].to.name, "Sở Thông tin và Truyền thông tỉnh Ninh Thuận");
/// assert_eq!(s[0].due.to_string(), "2022-07-31");
/// assert_eq!(s[7].rule, "REPORT-PROVINCE");
/// ```
pub fn schedule(registry: &Registry, profile: &Profile, roster: &Roster, month: Month) -> Vec<Obligation> {
    let r = &profile.reporting;
    let mut out = Vec::with_capacity(roster.teams.len() + 1024);
    let team_due = month.deadline(r.team_deadline_day);
    // Teams of one commune and level share their supervisor: work it out once.
    let mut supervisor: FastMap<(UnitId, TeamLevel), Option<Party>> = FastMap::default();
    let ids = Ids::new("REPORT-TEAM", month);
    let communes = team_communes(registry, roster);
    for (i, (t, c)) in roster.teams.iter().zip(&communes).enumerate() {
        let Some(c) = *c else {
            continue;
        };
        let to = supervisor.entry((c, t.level)).or_insert_with(|| chain::supervisor(registry, profile, t.level, c));
        if let Some(to) = to {
            out.push(ids.obligation(Party::team(t, i), to.clone(), team_due));
        }
    }
    let provinces = or_every_province(registry, provinces_of_communes(registry, communes.into_iter().flatten()));
    let monthly_due = month.deadline(r.monthly_deadline_day);
    let ids = Ids::new("REPORT-DISTRICT-MONTHLY", month);
    for u in reporters(registry, &provinces) {
        if let Some(p) = registry.ancestor_at(u, Level::Province) {
            out.push(ids.obligation(Party::committee(registry, u), Party::department(registry, p, &r.receiver), monthly_due));
        }
    }
    let province_due = month.deadline(r.province_deadline_day);
    let ids = Ids::new("REPORT-PROVINCE", month);
    for &p in &provinces {
        out.push(ids.obligation(Party::department(registry, p, &r.receiver), Party::board(registry, p, profile), province_due));
    }
    out
}
