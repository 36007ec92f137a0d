//! Which reports came in on time, late, or not at all.

use super::schedule::Obligation;
use crate::diagnostics::{Diagnostic, Severity};
use crate::month::Month;
use crate::teams::parse_date;
use crate::FastMap;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A report that was handed in.
///
/// ```
/// let s: cncd::reports::Submission = serde_json::from_str(
///     r#"{"rule": "REPORT-DISTRICT-MONTHLY", "from": "589", "month": "2022-07", "date": "2022-08-03", "number": "88/BC-UBND"}"#).unwrap();
/// assert_eq!(s.extra["number"], "88/BC-UBND");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    /// The obligation's rule.
    pub rule: String,
    /// Who reported: the `code` of the obligation's `from` (a team id, or a unit code).
    pub from: String,
    /// The month reported on.
    pub month: Month,
    /// The day it was received, `YYYY-MM-DD`.
    pub date: String,
    /// Fields cncd does not know, kept.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where an obligation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Received by the deadline.
    OnTime,
    /// Received after the deadline.
    Late,
    /// Not received, and the deadline has passed.
    Missing,
    /// Not received, and the deadline has not passed.
    Pending,
}

/// One obligation and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObligationStatus {
    /// The obligation.
    pub obligation: Obligation,
    /// Where it stands.
    pub state: State,
    /// The day the (earliest) report was received.
    pub submitted: Option<NaiveDate>,
    /// Days past the deadline: of the report if late, of `today` if missing.
    pub days_late: Option<i64>,
}

/// Obligations counted by state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateCounts {
    /// On time.
    pub on_time: usize,
    /// Late.
    pub late: usize,
    /// Missing.
    pub missing: usize,
    /// Pending.
    pub pending: usize,
}

/// The state of a schedule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusReport {
    /// One entry per obligation, in the schedule's order.
    pub items: Vec<ObligationStatus>,
    /// Counts.
    pub counts: StateCounts,
    /// A warning per late report (`report_late`, at `/submitted/N`), an error per missing
    /// one (`report_missing`, at `/submitted`), both under the obligation's rule; errors
    /// for submissions whose date cannot be read, info for those that match nothing due.
    pub diagnostics: Vec<Diagnostic>,
}

/// Matches submissions to a schedule on `today`: on time, late by N days, missing, or
/// not yet due. A submission matches the obligation with its rule, `from` code and month;
/// the earliest counts. The schedule is moved into the report's items (clone it to keep it).
///
/// ```
/// use cncd::{profile::Profile, reports::{schedule, status, State, Submission}, teams::Roster, units::Registry};
/// let due = schedule(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &Roster::default(), "2022-07".parse().unwrap());
/// let got: Vec<Submission> = serde_json::from_str(r#"[
///   {"rule": "REPORT-DISTRICT-MONTHLY", "from": "582", "month": "2022-07", "date": "2022-07-29"},
///   {"rule": "REPORT-DISTRICT-MONTHLY", "from": "589", "month": "2022-07", "date": "2022-08-03"}]"#).unwrap();
/// let today = chrono::NaiveDate::from_ymd_opt(2022, 8, 10).unwrap();
/// let s = status(due, &got, today);
/// assert_eq!(s.items[0].state, State::OnTime);
/// let thuan_nam = s.items.iter().find(|i| i.obligation.from.code == "589").unwrap();
/// assert_eq!((thuan_nam.state, thuan_nam.days_late), (State::Late, Some(3)));
/// assert_eq!((s.counts.on_time, s.counts.late, s.counts.missing), (1, 1, 6));
/// ```
pub fn status(schedule: Vec<Obligation>, submitted: &[Submission], today: NaiveDate) -> StatusReport {
    let index: FastMap<(&str, &str, Month), usize> =
        schedule.iter().enumerate().map(|(i, o)| ((o.rule.as_str(), o.from.code.as_str(), o.month), i)).collect();
    let mut first: Vec<Option<(NaiveDate, usize)>> = vec![None; schedule.len()];
    let mut diagnostics = Vec::new();
    for (n, s) in submitted.iter().enumerate() {
        let Some(date) = parse_date(&s.date) else {
            diagnostics.push(
                Diagnostic::new(
                    rule_or_team(&s.rule),
                    "submission_bad_date",
                    Severity::Error,
                    format!("/submitted/{n}/date"),
                    format!("Ngày nhận báo cáo {:?} không đọc được (cần YYYY-MM-DD)", s.date),
                    format!("the date received {:?} cannot be read (YYYY-MM-DD expected)", s.date),
                )
                .param("value", s.date.as_str()),
            );
            continue;
        };
        match index.get(&(s.rule.as_str(), s.from.as_str(), s.month)) {
            Some(&i) => {
                if first[i].is_none_or(|(d, _)| date < d) {
                    first[i] = Some((date, n));
                }
            }
            None => diagnostics.push(
                Diagnostic::new(
                    rule_or_team(&s.rule),
                    "submission_unexpected",
                    Severity::Info,
                    format!("/submitted/{n}"),
                    format!("Báo cáo {} của {:?} tháng {} không có trong lịch", s.rule, s.from, s.month),
                    format!("report {} from {:?} for {} is not in the schedule", s.rule, s.from, s.month),
                )
                .param("from", s.from.as_str()),
            ),
        }
    }
    drop(index);
    let mut counts = StateCounts::default();
    let mut items = Vec::with_capacity(schedule.len());
    // The month and deadline as text, for the messages: formatted again only when they
    // change (a schedule has three deadlines for a hundred thousand obligations).
    let mut shown: Option<(Month, NaiveDate, String, String)> = None;
    for (o, got) in schedule.into_iter().zip(first) {
        let (state, days_late) = match got {
            Some((d, _)) if d <= o.due => (State::OnTime, None),
            Some((d, _)) => (State::Late, Some((d - o.due).num_days())),
            None if today > o.due => (State::Missing, Some((today - o.due).num_days())),
            None => (State::Pending, None),
        };
        match state {
            State::OnTime => counts.on_time += 1,
            State::Late => counts.late += 1,
            State::Missing => counts.missing += 1,
            State::Pending => counts.pending += 1,
        }
        let days = days_late.unwrap_or(0);
        if matches!(state, State::Late | State::Missing) && shown.as_ref().is_none_or(|s| (s.0, s.1) != (o.month, o.due)) {
            shown = Some((o.month, o.due, o.month.to_string(), o.due.to_string()));
        }
        let (month, due) = shown.as_ref().map_or(("", ""), |s| (s.2.as_str(), s.3.as_str()));
        match (state, got) {
            (State::Late, Some((_, n))) => diagnostics.push(
                Diagnostic::new(
                    o.rule.clone(),
                    "report_late",
                    Severity::Warning,
                    format!("/submitted/{n}"),
                    format!("{} nộp báo cáo tháng {month} cho {} trễ {days} ngày (hạn {due})", o.from.name, o.to.name),
                    format!("{} reported on {month} to {} {days} days late (due {due})", o.from.name, o.to.name),
                )
                .param("obligation", o.id.as_str())
                .param("days_late", days),
            ),
            (State::Missing, _) => diagnostics.push(
                Diagnostic::new(
                    o.rule.clone(),
                    "report_missing",
                    Severity::Error,
                    "/submitted",
                    format!("{} chưa nộp báo cáo tháng {month} cho {} (hạn {due}, quá {days} ngày)", o.from.name, o.to.name),
                    format!("{} has not reported on {month} to {} (due {due}, {days} days ago)", o.from.name, o.to.name),
                )
                .param("obligation", o.id.as_str())
                .param("days_late", days),
            ),
            _ => {}
        }
        items.push(ObligationStatus { obligation: o, state, submitted: got.map(|(d, _)| d), days_late });
    }
    StatusReport { items, counts, diagnostics }
}

/// The rule a submission claims, if it is a reporting rule; REPORT-TEAM otherwise.
fn rule_or_team(rule: &str) -> &'static str {
    match rule {
        "REPORT-DISTRICT-MONTHLY" => "REPORT-DISTRICT-MONTHLY",
        "REPORT-PROVINCE" => "REPORT-PROVINCE",
        _ => "REPORT-TEAM",
    }
}
