//! The monthly report of a district (a commune in two tiers), drafted from the data.

use super::chain::Party;
use super::schedule::{reporters, scope, Obligation};
use crate::activities::{ActivitySummary, UnitActivity};
use crate::coverage::{Coverage, UnitCoverage};
use crate::month::Month;
use crate::profile::Profile;
use crate::teams::Roster;
use crate::units::{Level, Registry};
use crate::FastMap;
use serde::{Deserialize, Serialize};

/// A draft of one monthly report (REPORT-DISTRICT-MONTHLY), filled in from the coverage
/// and the month's activity records, for the committee to check and sign.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftReport {
    /// The obligation this report meets.
    pub obligation: Obligation,
    /// Coverage of the unit at the end of the month.
    pub coverage: UnitCoverage,
    /// The month's activity, summed over the unit's teams.
    pub activity: UnitActivity,
    /// Teams of the unit with no activity record in the month.
    pub inactive_teams: Vec<Party>,
}

/// Drafts the monthly report of every reporting unit (districts, or communes in two
/// tiers) of the provinces in scope, from a [`Coverage`] and an [`ActivitySummary`] of
/// `month` computed over the same registry, profile and roster. Units that neither
/// computation saw are left out.
///
/// ```
/// use cncd::{activities::{summarize, ActivityRecord}, coverage::compute, profile::Profile, reports::drafts, teams::Roster, units::Registry};
/// let (reg, profile) = (Registry::ninh_thuan_2022(), Profile::ninh_thuan_2022());
/// let roster: Roster = serde_json::from_str(r#"{"teams": [
///   {"id": "PH", "level": "commune", "commune": "22885", "members": []},
///   {"id": "PN", "level": "commune", "commune": "22897", "members": []}]}"#).unwrap();
/// let records: Vec<ActivityRecord> = serde_json::from_str(r#"[{"team": "PH", "date": "2022-07-04", "activity": "gov.apps", "apps_installed": 25}]"#).unwrap();
/// let month = "2022-07".parse().unwrap();
/// let d = drafts(&reg, &profile, &roster, &compute(&reg, &profile, &roster, &[]), &summarize(&reg, &profile, &roster, &records, month), month);
/// let thuan_nam = d.iter().find(|d| d.obligation.from.code == "589").unwrap();
/// assert_eq!(thuan_nam.activity.total.apps_installed, 25);
/// assert_eq!(thuan_nam.coverage.communes.covered, 2);
/// assert_eq!(thuan_nam.inactive_teams.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(), ["PN"]);
/// ```
pub fn drafts(
    registry: &Registry,
    profile: &Profile,
    roster: &Roster,
    coverage: &Coverage,
    activity: &ActivitySummary,
    month: Month,
) -> Vec<DraftReport> {
    let provinces = scope(registry, roster);
    let units = reporters(registry, &provinces);
    let level = units.first().map(|&u| registry.unit(u).level()).unwrap_or(Level::District);
    let (cov, act) = match level {
        Level::District => (&coverage.districts, &activity.districts),
        _ => (&coverage.communes, &activity.communes),
    };
    let cov: FastMap<&str, &UnitCoverage> = cov.iter().map(|u| (u.code.as_str(), u)).collect();
    let act: FastMap<&str, &UnitActivity> = act.iter().map(|u| (u.code.as_str(), u)).collect();
    // The reporting unit of each team with no record.
    let mut inactive: FastMap<&str, Vec<Party>> = FastMap::default();
    for t in &activity.teams {
        if t.total.records > 0 {
            continue;
        }
        let Some(c) = t.commune.as_deref().and_then(|c| registry.find(Level::Commune, c)) else {
            continue;
        };
        let unit = registry.ancestor_at(c, level).unwrap_or(c);
        if let Some(team) = roster.teams.get(t.index) {
            inactive.entry(registry.unit(unit).code()).or_default().push(Party::team(team, t.index));
        }
    }
    let mut out = Vec::with_capacity(units.len());
    let due = month.deadline(profile.reporting.monthly_deadline_day);
    for u in units {
        let code = registry.unit(u).code();
        let (Some(c), Some(a), Some(p)) = (cov.get(code), act.get(code), registry.ancestor_at(u, Level::Province)) else {
            continue;
        };
        let obligation = Obligation::new(
            "REPORT-DISTRICT-MONTHLY",
            month,
            Party::committee(registry, u),
            Party::department(registry, p, &profile.reporting.receiver),
            due,
        );
        out.push(DraftReport {
            obligation,
            coverage: (*c).clone(),
            activity: (*a).clone(),
            inactive_teams: inactive.remove(code).unwrap_or_default(),
        });
    }
    out
}
