//! TARGETS: what the department assigns to teams (III.1.b), and progress against it.
//!
//! A target names a team (by id) or a unit (all the teams in a province, district or
//! commune), a counter of the activity records, a value and a period. The counter is one
//! of [`Tally::COUNTERS`] (`apps_installed`, `digital_stores`…) or `activity:<id>`, the
//! number of records of one activity of the catalogue.
//!
//! ```
//! use cncd::{activities::ActivityRecord, profile::Profile, targets::{progress, Target}, teams::Roster, units::Registry};
//! let roster: Roster = serde_json::from_str(r#"{"teams": [{"id": "PH", "level": "commune", "commune": "22885", "members": []}]}"#).unwrap();
//! let records: Vec<ActivityRecord> = serde_json::from_str(r#"[
//!   {"team": "PH", "date": "2022-07-04", "activity": "econ.digital_stores_farm", "digital_stores": 12}]"#).unwrap();
//! let targets: Vec<Target> = serde_json::from_str(r#"[
//!   {"unit": "589", "counter": "digital_stores", "value": 20, "from": "2022-07-01", "to": "2022-09-30"}]"#).unwrap();
//! let as_of = chrono::NaiveDate::from_ymd_opt(2022, 10, 1).unwrap();
//! let r = progress(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &roster, &records, &targets, as_of);
//! assert_eq!((r.items[0].actual, r.items[0].percent, r.items[0].met), (12, Some(60.0), false));
//! assert_eq!(r.diagnostics[0].code, "target_missed");
//! ```

use crate::activities::{ActivityRecord, Tally};
use crate::diagnostics::{Diagnostic, Severity};
use crate::profile::Profile;
use crate::teams::{parse_date, team_communes, Roster};
use crate::units::Registry;
use crate::FastMap;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A target the department assigns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// Its id, if the department numbers them.
    #[serde(default)]
    pub id: Option<String>,
    /// The team it is assigned to, by id…
    #[serde(default)]
    pub team: Option<String>,
    /// …or the unit (code of a province, district or commune) whose teams share it.
    #[serde(default)]
    pub unit: Option<String>,
    /// What is counted: a counter of [`Tally`] or `activity:<id>`.
    pub counter: String,
    /// The value to reach.
    pub value: u64,
    /// First day of the period, `YYYY-MM-DD`.
    pub from: String,
    /// Last day of the period, `YYYY-MM-DD`.
    pub to: String,
    /// Fields cncd does not know, kept.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where a target stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The target's place in the request.
    pub index: usize,
    /// Its id.
    pub id: Option<String>,
    /// The count so far (records from `from` to `to`, not after the reference date).
    pub actual: u64,
    /// `actual / value` in percent, rounded to one decimal; null for a value of 0.
    pub percent: Option<f64>,
    /// Reached.
    pub met: bool,
    /// The period is over.
    pub closed: bool,
}

/// Every target's progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetsReport {
    /// One per target that could be read, in order.
    pub items: Vec<Progress>,
    /// `target_missed` (warning) for a closed period short of its value; errors for a
    /// target that cannot be read (`target_bad_period`, `target_unknown_counter`,
    /// `target_unknown_assignee`), at `/targets/N/…`.
    pub diagnostics: Vec<Diagnostic>,
}

enum Counter {
    Tally(&'static str),
    Activity(String),
}

/// Progress of every target on `as_of`. Records that cannot be counted (unknown team
/// or date) are skipped here: [`summarize`](crate::activities::summarize) reports them.
///
/// See [the module](crate::targets) for an example.
pub fn progress(
    registry: &Registry,
    profile: &Profile,
    roster: &Roster,
    records: &[ActivityRecord],
    targets: &[Target],
    as_of: NaiveDate,
) -> TargetsReport {
    let mut by_id: FastMap<&str, usize> = FastMap::with_capacity_and_hasher(roster.teams.len(), Default::default());
    for (i, t) in roster.teams.iter().enumerate() {
        if let Some(id) = t.id.as_deref() {
            by_id.entry(id).or_insert(i);
        }
    }
    // The records of each team, with their dates: one pass.
    let mut per_team: Vec<Vec<(NaiveDate, &ActivityRecord)>> = vec![Vec::new(); roster.teams.len()];
    for r in records {
        if let (Some(&t), Some(d)) = (by_id.get(r.team.as_str()), parse_date(&r.date)) {
            per_team[t].push((d, r));
        }
    }
    let communes = team_communes(registry, roster);
    let mut items = Vec::new();
    let mut diagnostics = Vec::new();
    for (n, t) in targets.iter().enumerate() {
        let err = |field: &str, code: &'static str, vi: String, en: String| {
            Diagnostic::new("TARGETS", code, Severity::Error, format!("/targets/{n}/{field}"), vi, en)
        };
        let (Some(from), Some(to)) = (parse_date(&t.from), parse_date(&t.to)) else {
            let field = if parse_date(&t.from).is_none() { "from" } else { "to" };
            diagnostics.push(err(
                field,
                "target_bad_period",
                "Kỳ chỉ tiêu phải có ngày dạng YYYY-MM-DD".into(),
                "the target's period needs dates written YYYY-MM-DD".into(),
            ));
            continue;
        };
        let counter = if let Some(id) = t.counter.strip_prefix("activity:") {
            if !profile.activities.iter().any(|a| a.id == id) {
                diagnostics.push(
                    err(
                        "counter",
                        "target_unknown_counter",
                        format!("Hoạt động {id:?} không có trong danh mục"),
                        format!("activity {id:?} is not in the catalogue"),
                    )
                    .param("counter", t.counter.as_str()),
                );
                continue;
            }
            Counter::Activity(id.to_string())
        } else if let Some(c) = Tally::COUNTERS.iter().find(|c| **c == t.counter) {
            Counter::Tally(c)
        } else {
            diagnostics.push(
                err(
                    "counter",
                    "target_unknown_counter",
                    format!("Không có chỉ số {:?}; có: {}, activity:<mã hoạt động>", t.counter, Tally::COUNTERS.join(", ")),
                    format!("no counter {:?}; there are: {}, activity:<activity id>", t.counter, Tally::COUNTERS.join(", ")),
                )
                .param("counter", t.counter.as_str()),
            );
            continue;
        };
        // The teams the target is assigned to; `None` when the team or unit is unknown.
        let teams: Option<Vec<usize>> = match (&t.team, &t.unit) {
            (Some(id), _) => by_id.get(id.as_str()).map(|&i| vec![i]),
            (None, Some(code)) => registry
                .find_any(code)
                .map(|u| (0..roster.teams.len()).filter(|&i| communes[i].is_some_and(|c| registry.is_within(c, u))).collect()),
            (None, None) => None,
        };
        let Some(teams) = teams else {
            let field = if t.team.is_some() { "team" } else { "unit" };
            diagnostics.push(err(
                field,
                "target_unknown_assignee",
                "Chỉ tiêu phải giao cho một tổ (mã tổ) hoặc một đơn vị (mã đơn vị) có trong dữ liệu".into(),
                "a target is assigned to a team (its id) or a unit (its code) that the data has".into(),
            ));
            continue;
        };
        let end = to.min(as_of);
        let mut tally = Tally::default();
        let mut activity_count = 0u64;
        for &i in &teams {
            for &(d, r) in &per_team[i] {
                if d < from || d > end {
                    continue;
                }
                match &counter {
                    Counter::Activity(id) => activity_count += u64::from(&r.activity == id),
                    Counter::Tally(_) => tally.add_record(r),
                }
            }
        }
        let actual = match counter {
            Counter::Activity(_) => activity_count,
            Counter::Tally(c) => tally.get(c).unwrap_or(0),
        };
        let met = actual >= t.value;
        let closed = as_of > to;
        let percent = (t.value > 0).then(|| (actual as f64 * 1000.0 / t.value as f64).round() / 10.0);
        if closed && !met {
            diagnostics.push(
                Diagnostic::new(
                    "TARGETS",
                    "target_missed",
                    Severity::Warning,
                    format!("/targets/{n}"),
                    format!("Chỉ tiêu {} đến {}: đạt {actual}/{} {}", t.from, t.to, t.value, t.counter),
                    format!("target {} to {}: {actual} of {} {}", t.from, t.to, t.value, t.counter),
                )
                .param("actual", actual)
                .param("value", t.value),
            );
        }
        items.push(Progress { index: n, id: t.id.clone(), actual, percent, met, closed });
    }
    TargetsReport { items, diagnostics }
}
