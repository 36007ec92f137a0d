//! TRAIN: training sessions, and the teams never trained.
//!
//! The plan (II.3) has the department, the districts and the enterprises train the teams
//! "regularly and many times" but sets no number, so a team without any session by the
//! reference date is an advisory finding (`info`), never an error.
//!
//! ```
//! use cncd::{teams::Roster, training::{check_training, TrainingRecord}};
//! let roster: Roster = serde_json::from_str(r#"{"teams": [
//!   {"id": "PH", "level": "commune", "commune": "22885", "members": []},
//!   {"id": "PN", "level": "commune", "commune": "22897", "members": []}]}"#).unwrap();
//! let sessions: Vec<TrainingRecord> = serde_json::from_str(r#"[
//!   {"date": "2022-06-15", "teams": ["PH"], "topic": "Cài đặt và sử dụng VNeID"}]"#).unwrap();
//! let r = check_training(&roster, &sessions, chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap());
//! assert_eq!((r.trained, r.teams), (1, 2));
//! assert_eq!(r.diagnostics[0].code, "team_never_trained");
//! assert_eq!(r.diagnostics[0].path, "/roster/teams/1");
//! ```

use crate::diagnostics::{Diagnostic, Severity};
use crate::teams::{parse_date, Roster};
use crate::FastMap;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One training session and the teams that took part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TrainingRecord {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The ids of the teams trained.
    pub teams: Vec<String>,
    /// What it was about.
    #[serde(default)]
    pub topic: Option<String>,
    /// Who ran it (Sở TT&TT, a district, an enterprise…).
    #[serde(default)]
    pub organiser: Option<String>,
    /// Fields cncd does not know, kept.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// What [`check_training`] found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingReport {
    /// Teams in the roster.
    pub teams: usize,
    /// Teams with at least one session on or before the reference date.
    pub trained: usize,
    /// Sessions on or before the reference date.
    pub sessions: usize,
    /// `team_never_trained` (info) per team never trained, at `/roster/teams/N`;
    /// `training_bad_date` (error) and `training_unknown_team` (warning) for sessions
    /// that cannot be counted, at `/training/N/…`.
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the teams never trained by `as_of`. Teams are named by id; a team without an
/// id cannot be named by a session and counts as never trained.
///
/// See [the module](crate::training) for an example.
pub fn check_training(roster: &Roster, sessions: &[TrainingRecord], as_of: NaiveDate) -> TrainingReport {
    let mut by_id: FastMap<&str, usize> = FastMap::with_capacity_and_hasher(roster.teams.len(), Default::default());
    for (i, t) in roster.teams.iter().enumerate() {
        if let Some(id) = t.id.as_deref() {
            by_id.entry(id).or_insert(i);
        }
    }
    let mut trained = vec![false; roster.teams.len()];
    let mut diagnostics = Vec::new();
    let mut counted = 0;
    for (n, s) in sessions.iter().enumerate() {
        let Some(date) = parse_date(&s.date) else {
            diagnostics.push(
                Diagnostic::new(
                    "TRAIN",
                    "training_bad_date",
                    Severity::Error,
                    format!("/training/{n}/date"),
                    format!("Ngày tập huấn {:?} không đọc được (cần YYYY-MM-DD)", s.date),
                    format!("the training date {:?} cannot be read (YYYY-MM-DD expected)", s.date),
                )
                .param("value", s.date.as_str()),
            );
            continue;
        };
        if date > as_of {
            continue;
        }
        counted += 1;
        for (m, id) in s.teams.iter().enumerate() {
            match by_id.get(id.as_str()) {
                Some(&i) => trained[i] = true,
                None => diagnostics.push(
                    Diagnostic::new(
                        "TRAIN",
                        "training_unknown_team",
                        Severity::Warning,
                        format!("/training/{n}/teams/{m}"),
                        format!("Không có tổ mã {id:?} trong danh sách"),
                        format!("no team with id {id:?} in the roster"),
                    )
                    .param("team", id.as_str()),
                ),
            }
        }
    }
    for (i, t) in roster.teams.iter().enumerate() {
        if !trained[i] {
            let id = t.id.clone().unwrap_or_else(|| format!("#{i}"));
            diagnostics.push(
                Diagnostic::new(
                    "TRAIN",
                    "team_never_trained",
                    Severity::Info,
                    format!("/roster/teams/{i}"),
                    format!("Tổ {id} chưa được tập huấn lần nào đến ngày {as_of}"),
                    format!("team {id} has not been trained by {as_of}"),
                )
                .param("team", id),
            );
        }
    }
    TrainingReport { teams: roster.teams.len(), trained: trained.iter().filter(|&&t| t).count(), sessions: counted, diagnostics }
}
