//! The audit itself: every rule of the library over the roster read, tied back to the
//! teams and rows of the file.

use crate::input::{Input, RowProblem};
use chrono::NaiveDate;
use cncd::activities::{summarize, ActivityRecord, UnitActivity};
use cncd::coverage::{compute, Coverage};
use cncd::diagnostics::{Diagnostic, Severity};
use cncd::month::Month;
use cncd::names::{format, rehome, NamingRules};
use cncd::profile::Profile;
use cncd::reports::{schedule, status, StatusReport, Submission};
use cncd::teams::{validate_roster, Counts};
use cncd::units::{Level, Mapping, Registry};
use serde::Serialize;

/// A finding, with the team and rows of the file it is about.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    /// The team's place in the roster, when the finding is about one team.
    pub team: Option<usize>,
    /// Its id, or its commune and village when it has none.
    pub team_label: Option<String>,
    /// The rows of the file the team was read from.
    pub rows: Vec<usize>,
}

/// A team's new group name after the 2025 reform.
#[derive(Clone, Debug, Serialize)]
pub struct NewName {
    pub team_label: String,
    pub old: String,
    pub new: Vec<String>,
}

/// A group name typed otherwise than the standard writes it.
#[derive(Clone, Debug, Serialize)]
pub struct Rename {
    pub team_label: String,
    pub typed: String,
    pub canonical: String,
}

/// Everything the audit found.
#[derive(Debug, Serialize)]
pub struct Audit {
    pub source: String,
    pub registry: String,
    pub profile: String,
    pub as_of: NaiveDate,
    pub rows: usize,
    pub counts: Counts,
    pub valid: bool,
    pub problems: Vec<RowProblem>,
    pub ignored_columns: Vec<String>,
    pub coverage: Coverage,
    pub findings: Vec<Finding>,
    pub renames: Vec<Rename>,
    /// The month the activity and report sections are about.
    pub month: Month,
    /// The month's activity per district (or commune in two tiers), with `--activities`.
    pub activity: Option<Vec<UnitActivity>>,
    /// Where the month's reports stand on the reference date, with `--reports`.
    pub reports: Option<StatusReport>,
    pub rehome_2025: Option<Vec<NewName>>,
}

impl Audit {
    /// Error-level findings, and unreadable rows.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.diagnostic.severity == Severity::Error).count() + self.problems.len()
    }
}

/// A team's label for people: its id, or where it is.
pub fn team_label(registry: &Registry, input: &Input, t: usize) -> String {
    let team = &input.roster.teams[t];
    if let Some(id) = &team.id {
        return id.clone();
    }
    let commune = team
        .commune
        .as_deref()
        .and_then(|c| registry.find(Level::Commune, c))
        .map(|c| registry.unit(c).full_name().to_string())
        .unwrap_or_default();
    match (&team.village, &team.school) {
        (Some(v), _) => format!("{v}, {commune}"),
        (_, Some(s)) => format!("{s}, {commune}"),
        _ => commune,
    }
}

/// The optional logs beside the roster, and the month they are read for.
pub struct Logs {
    pub month: Month,
    pub activities: Option<Vec<ActivityRecord>>,
    pub submissions: Option<Vec<Submission>>,
}

/// Runs the audit. `registry` must already hold the villages of `input`.
pub fn run(source: &str, registry: &Registry, profile: &Profile, input: &Input, as_of: NaiveDate, rehome_2025: bool, logs: &Logs) -> Audit {
    let report = validate_roster(registry, profile, &input.roster, as_of);
    let coverage = compute(registry, profile, &input.roster, &[]);
    let summary = logs.activities.as_ref().map(|a| summarize(registry, profile, &input.roster, a, logs.month));
    let reports = logs.submissions.as_ref().map(|s| status(schedule(registry, profile, &input.roster, logs.month), s, as_of));
    let extra: Vec<&Diagnostic> = summary.iter().flat_map(|s| &s.diagnostics).chain(reports.iter().flat_map(|r| &r.diagnostics)).collect();
    let findings = report
        .diagnostics
        .iter()
        .chain(coverage.diagnostics.iter())
        .chain(extra)
        .map(|d| {
            let team = d.path.strip_prefix("/roster/teams/").and_then(|rest| rest.split('/').next()).and_then(|n| n.parse::<usize>().ok());
            Finding {
                diagnostic: d.clone(),
                team,
                team_label: team.map(|t| team_label(registry, input, t)),
                rows: team.and_then(|t| input.team_rows.get(t).cloned()).unwrap_or_default(),
            }
        })
        .collect();
    let renames = input
        .roster
        .teams
        .iter()
        .enumerate()
        .filter_map(|(t, team)| {
            let typed = team.zalo_group.as_deref()?;
            let c = team.commune.as_deref().and_then(|c| registry.find(Level::Commune, c))?;
            let canonical = format(registry, &profile.naming, c, team.village.as_deref()).ok()?;
            (typed != canonical).then(|| Rename { team_label: team_label(registry, input, t), typed: typed.to_string(), canonical })
        })
        .collect();
    let rehome_2025 = rehome_2025.then(|| new_names(registry, profile, input));
    Audit {
        source: source.to_string(),
        registry: registry.name().to_string(),
        profile: profile.name.clone(),
        as_of,
        rows: input.rows,
        valid: report.valid && input.problems.is_empty(),
        counts: report.counts,
        problems: input.problems.clone(),
        ignored_columns: input.ignored_columns.clone(),
        coverage,
        findings,
        renames,
        month: logs.month,
        activity: summary.map(|s| if s.districts.is_empty() { s.communes } else { s.districts }),
        reports,
        rehome_2025,
    }
}

fn new_names(registry: &Registry, profile: &Profile, input: &Input) -> Vec<NewName> {
    let to = Registry::vietnam_2025();
    let mapping = if registry.name() == "ninh-thuan-2022" { Mapping::ninh_thuan_2025() } else { Mapping::vietnam_2025() };
    let to_rules = NamingRules::two_tier_2025();
    input
        .roster
        .teams
        .iter()
        .enumerate()
        .filter_map(|(t, team)| {
            let c = team.commune.as_deref().and_then(|c| registry.find(Level::Commune, c))?;
            let old = format(registry, &profile.naming, c, team.village.as_deref()).ok()?;
            let r = rehome(registry, &to, &mapping, &profile.naming, &to_rules, &old);
            Some(NewName { team_label: team_label(registry, input, t), old, new: r.names })
        })
        .collect()
}
