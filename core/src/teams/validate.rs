//! `validate_team` and `validate_roster`: every rule, one report.

use super::roster::{Roster, Team};
use super::rules::*;
use crate::diagnostics::{Diagnostic, Severity};
use crate::profile::{Profile, TeamLevel};
use crate::units::{Level, Registry, UnitId};
use crate::FastMap;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Findings counted by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeverityCounts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Information.
    pub info: usize,
}

impl SeverityCounts {
    fn add(&mut self, s: Severity) {
        match s {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }
}

/// What a report counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Teams read.
    pub teams: usize,
    /// Teams without an error.
    pub valid_teams: usize,
    /// Members read.
    pub members: usize,
    /// All findings by severity.
    pub findings: SeverityCounts,
    /// Findings per rule id, by severity.
    pub by_rule: BTreeMap<String, SeverityCounts>,
}

/// The verdict on a team or a roster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// No error (warnings and info never make a team invalid).
    pub valid: bool,
    /// Counts.
    pub counts: Counts,
    /// Every finding.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    fn from(diagnostics: Vec<Diagnostic>, teams: usize, valid_teams: usize, members: usize) -> Report {
        let mut counts = Counts { teams, valid_teams, members, ..Counts::default() };
        for d in &diagnostics {
            counts.findings.add(d.severity);
            counts.by_rule.entry(d.rule.to_string()).or_default().add(d.severity);
        }
        Report { valid: counts.findings.error == 0, counts, diagnostics }
    }
}

/// Every rule of one team: TEAM-SIZE, TEAM-ROLES, TEAM-YOUTH, TEAM-PERSON, ORG-DECISION,
/// NAME-ZALO, and that its commune is in the registry. `path` is the team's JSON pointer
/// in the request (`"/team"`). A team is valid when it has no error.
///
/// # Examples
/// ```
/// use cncd::{profile::Profile, teams::{validate_team, Team}, units::Registry};
/// use chrono::NaiveDate;
/// let team: Team = serde_json::from_str(r#"{
///   "level": "village", "commune": "22885", "village": "Thôn Phước Lợi",
///   "zalo_group": "CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam",
///   "decision": {"number": "12/QĐ-UBND", "date": "2022-06-01", "signer": "Chủ tịch UBND xã Phước Hà"},
///   "members": [
///     {"name": "Nguyễn Văn An", "roles": ["village_head", "youth_union"], "birth_date": "1998-04-02", "it_skills": true},
///     {"name": "Trần Thị Bình", "roles": ["women_union"], "birth_year": 1985},
///     {"name": "Lê Văn Cường", "roles": ["enterprise_staff"], "phone": "0912 345 678"}]}"#).unwrap();
/// let as_of = NaiveDate::from_ymd_opt(2022, 12, 31).unwrap();
/// let r = validate_team(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &team, as_of, "/team");
/// assert!(r.valid, "{:?}", r.diagnostics);
/// ```
pub fn validate_team(registry: &Registry, profile: &Profile, team: &Team, as_of: NaiveDate, path: &str) -> Report {
    one_team(team_findings(registry, profile, team, as_of, path), team)
}

/// Every finding of [`validate_team`], not yet counted.
fn team_findings(registry: &Registry, profile: &Profile, team: &Team, as_of: NaiveDate, path: &str) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    let commune = team_commune(registry, team, path, &mut d);
    team_rules(registry, profile, team, commune, as_of, path, &mut d);
    d
}

/// The report on one team from its findings.
fn one_team(d: Vec<Diagnostic>, team: &Team) -> Report {
    let valid = !d.iter().any(|x| x.severity == Severity::Error);
    Report::from(d, 1, usize::from(valid), team.members.len())
}

/// Every rule a team must meet to join `roster`, as a service asks before it stores the
/// team: those of [`validate_team`] and those of [`check_joining`] (one commune team per
/// commune, one team per village or school, ids unique). `roster` holds the teams
/// already stored, without the one being replaced when a team is updated. Findings sit
/// under `path`, the team's place in the request (`""` when the request is the team).
///
/// # Examples
/// ```
/// use cncd::{profile::Profile, teams::{validate_joining, Roster, Team}, units::Registry};
/// let stored: Roster = serde_json::from_str(r#"{"teams": [
///   {"id": "PH-1", "level": "village", "commune": "22885", "village": "Thôn Phước Lợi", "members": []}]}"#).unwrap();
/// let again: Team = serde_json::from_str(r#"{"id": "PH-2", "level": "village", "commune": "22885",
///   "village": "thôn  Phước Lợi", "members": []}"#).unwrap();
/// let as_of = chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap();
/// let r = validate_joining(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &stored, &again, as_of, "");
/// assert!(!r.valid);
/// assert!(r.diagnostics.iter().any(|d| d.code == "several_village_teams" && d.path.is_empty()));
/// ```
pub fn validate_joining(registry: &Registry, profile: &Profile, roster: &Roster, team: &Team, as_of: NaiveDate, path: &str) -> Report {
    let mut d = team_findings(registry, profile, team, as_of, path);
    check_joining(roster, team, registry, path, &mut d);
    one_team(d, team)
}

fn team_commune(registry: &Registry, team: &Team, path: &str, d: &mut Vec<Diagnostic>) -> Option<UnitId> {
    let rule = establishment_rule(team.level);
    match team.commune.as_deref() {
        None => {
            d.push(Diagnostic::new(
                rule,
                "commune_missing",
                Severity::Error,
                format!("{path}/commune"),
                "Tổ không ghi mã xã",
                "the team does not give its commune's code",
            ));
            None
        }
        Some(code) => {
            let found = registry.find(Level::Commune, code);
            if found.is_none() {
                d.push(
                    Diagnostic::new(
                        rule,
                        "unknown_commune",
                        Severity::Error,
                        format!("{path}/commune"),
                        format!("Không có xã mã {code:?} trong danh mục {}", registry.name()),
                        format!("no commune with code {code:?} in {}", registry.name()),
                    )
                    .param("code", code),
                );
            }
            found
        }
    }
}

fn team_rules(
    registry: &Registry,
    profile: &Profile,
    team: &Team,
    commune: Option<UnitId>,
    as_of: NaiveDate,
    path: &str,
    d: &mut Vec<Diagnostic>,
) {
    if team.level == TeamLevel::Village && team.village.as_deref().is_none_or(|v| v.trim().is_empty()) {
        d.push(Diagnostic::new(
            "ORG-VILLAGE",
            "village_missing",
            Severity::Error,
            format!("{path}/village"),
            "Tổ cấp thôn không ghi tên thôn",
            "the village team does not name its village",
        ));
    }
    check_team_size(team, profile, path, d);
    check_team_roles(team, profile, path, d);
    check_team_youth(team, profile, as_of, path, d);
    check_team_person(team, path, d);
    check_org_decision(team, profile, as_of, path, d);
    check_name_zalo(team, commune, registry, profile, path, d);
}

/// Every rule over a whole roster: each team's (as [`validate_team`], at
/// `/roster/teams/N`), then ORG-COMMUNE (each commune of the provinces the roster
/// covers has exactly one commune team), ORG-VILLAGE, ORG-SCHOOL, and duplicate team ids.
///
/// # Examples
/// ```
/// use cncd::{profile::Profile, teams::{validate_roster, Roster}, units::Registry};
/// let roster: Roster = serde_json::from_str(r#"{"teams": [{"id": "T1", "level": "commune", "commune": "22885", "members": []}]}"#).unwrap();
/// let r = validate_roster(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &roster, chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap());
/// // 64 communes of the province have no commune team; this one is too small.
/// assert_eq!(r.diagnostics.iter().filter(|d| d.code == "no_commune_team").count(), 64);
/// assert!(!r.valid);
/// ```
pub fn validate_roster(registry: &Registry, profile: &Profile, roster: &Roster, as_of: NaiveDate) -> Report {
    let mut d = Vec::new();
    let mut valid_teams = 0;
    let mut members = 0;
    let mut ids: FastMap<&str, usize> = FastMap::with_capacity_and_hasher(roster.teams.len(), Default::default());
    let mut path = String::with_capacity(24);
    for (i, team) in roster.teams.iter().enumerate() {
        // One buffer for every team's path: no allocation per team.
        path.clear();
        let _ = std::fmt::Write::write_fmt(&mut path, format_args!("/roster/teams/{i}"));
        let before = d.len();
        let commune = team_commune(registry, team, &path, &mut d);
        team_rules(registry, profile, team, commune, as_of, &path, &mut d);
        if let Some(id) = team.id.as_deref() {
            if let Some(&first) = ids.get(id) {
                d.push(
                    Diagnostic::new(
                        establishment_rule(team.level),
                        "duplicate_team_id",
                        Severity::Error,
                        format!("{path}/id"),
                        format!("Mã tổ {id:?} đã dùng cho tổ {}", first + 1),
                        format!("team id {id:?} is already team {}'s", first + 1),
                    )
                    .param("id", id)
                    .param("first", first),
                );
            } else {
                ids.insert(id, i);
            }
        }
        members += team.members.len();
        valid_teams += usize::from(!d[before..].iter().any(|x| x.severity == Severity::Error));
    }
    check_org_commune(roster, registry, &mut d);
    check_org_village(roster, &mut d);
    check_org_school(roster, &mut d);
    Report::from(d, roster.teams.len(), valid_teams, members)
}
