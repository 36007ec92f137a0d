//! The HTTP endpoints. Each handler decodes, runs the crate's check and the database work
//! on a blocking thread, and answers JSON; `openapi.json` describes every one.

use crate::error::ServiceError;
use crate::{db, State};
use axum::body::Bytes;
use axum::extract::{Path, Query, State as Shared};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use cncd::activities::{check_record, ActivityRecord};
use cncd::api::names::CheckResult;
use cncd::diagnostics::{Diagnostic, Severity};
use cncd::month::Month;
use cncd::reports::{schedule, status, Submission};
use cncd::teams::{validate_joining, Team};
use rusqlite::{Connection, TransactionBehavior};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;

type Shared_ = Arc<State>;
type Reply = Result<Json<Value>, ServiceError>;
type Created = Result<(StatusCode, HeaderMap, Json<Value>), ServiceError>;

/// The OpenAPI 3.1 description of the endpoints below.
pub const OPENAPI: &str = include_str!("../openapi.json");

pub(crate) fn router(state: Shared_) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/openapi.json", get(openapi))
        .route("/units", get(units))
        .route("/teams", get(list_teams).post(create_team))
        .route("/teams/{id}", get(get_team).put(replace_team).delete(delete_team))
        .route("/activities", get(list_activities).post(create_activity))
        .route("/reports", get(list_reports).post(create_report))
        .route("/reports/schedule", get(report_schedule))
        .route("/reports/status", get(report_status))
        .route("/coverage", get(coverage))
        .route("/names/check", get(check_name))
        .with_state(state)
}

/// Runs `f` with the connection on a blocking thread: SQLite calls block.
async fn with_db<T: Send + 'static>(
    state: Shared_,
    f: impl FnOnce(&State, &mut Connection) -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(move || {
        // A handler that panicked rolled its transaction back when it unwound: the
        // connection is still good, so a poisoned lock is taken over, not propagated.
        let mut conn = state.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&state, &mut conn)
    })
    .await
    .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))
}

/// A body decoded as the contract decodes requests: `bad_json` or `bad_request` with a path.
fn body<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, ServiceError> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| ServiceError::bad_request("", "Nội dung không phải UTF-8", "the body is not UTF-8"))?;
    cncd::api::decode(text).map_err(|e| ServiceError::BadRequest {
        code: e.code.as_str(),
        path: e.path.unwrap_or_default(),
        vi: e.message.vi,
        en: e.message.en,
    })
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn month(q: Option<&str>) -> Result<Month, ServiceError> {
    let text =
        q.ok_or_else(|| ServiceError::bad_request("month", "Thiếu tham số month (YYYY-MM)", "the month parameter (YYYY-MM) is missing"))?;
    text.parse().map_err(|_| {
        ServiceError::bad_request(
            "month",
            format!("Tháng {text:?} không đọc được (cần YYYY-MM)"),
            format!("month {text:?} cannot be read (YYYY-MM expected)"),
        )
    })
}

fn day(q: Option<&str>, name: &str) -> Result<Option<NaiveDate>, ServiceError> {
    q.map(|text| {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            ServiceError::bad_request(
                name,
                format!("Ngày {text:?} không đọc được (cần YYYY-MM-DD)"),
                format!("date {text:?} cannot be read (YYYY-MM-DD expected)"),
            )
        })
    })
    .transpose()
}

/// Errors refuse the write; warnings and information are kept with the record.
fn refuse_errors(diagnostics: Vec<Diagnostic>) -> Result<Vec<Diagnostic>, ServiceError> {
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        Err(ServiceError::Invalid(diagnostics))
    } else {
        Ok(diagnostics)
    }
}

/// `/teams/<id>`, with the id's reserved characters percent-encoded.
fn location(id: &str) -> HeaderValue {
    let mut out = String::from("/teams/");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    HeaderValue::from_str(&out).expect("percent-encoded ASCII is a valid header")
}

async fn health(Shared(state): Shared<Shared_>) -> Reply {
    with_db(state, |s, conn| {
        let teams: i64 = conn.query_row("SELECT COUNT(*) FROM teams", [], |r| r.get(0))?;
        Ok(Json(json!({"status": "ok", "registry": s.registry.name(), "profile": s.profile.name, "teams": teams})))
    })
    .await
}

async fn openapi() -> ([(header::HeaderName, &'static str); 1], &'static str) {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

#[derive(Deserialize)]
struct UnitsQuery {
    parent: Option<String>,
}

async fn units(Shared(state): Shared<Shared_>, Query(q): Query<UnitsQuery>) -> Reply {
    with_db(state, move |_, conn| Ok(Json(json!({"units": db::units(conn, q.parent.as_deref())?})))).await
}

#[derive(Deserialize)]
struct TeamsQuery {
    commune: Option<String>,
}

async fn list_teams(Shared(state): Shared<Shared_>, Query(q): Query<TeamsQuery>) -> Reply {
    with_db(state, move |_, conn| {
        let teams = db::teams(conn, q.commune.as_deref())?;
        Ok(Json(json!({"count": teams.len(), "teams": teams})))
    })
    .await
}

async fn get_team(Shared(state): Shared<Shared_>, Path(id): Path<String>) -> Reply {
    with_db(state, move |_, conn| match db::team(conn, &id)? {
        Some(t) => Ok(Json(serde_json::to_value(t).expect("a stored team serialises"))),
        None => Err(ServiceError::NotFound(format!("team {id:?}"))),
    })
    .await
}

async fn create_team(Shared(state): Shared<Shared_>, bytes: Bytes) -> Created {
    let mut team: Team = body(&bytes)?;
    with_db(state, move |s, conn| {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if team.id.is_none() {
            team.id = Some(db::next_team_id(&tx)?);
        }
        let stored = db::neighbours(&tx, &team, None)?;
        let report = validate_joining(&s.registry, &s.profile, &stored, &team, s.as_of(), "");
        let warnings = refuse_errors(report.diagnostics)?;
        let now = now();
        db::insert_team(&tx, &team, &warnings, &now)?;
        tx.commit()?;
        let id = team.id.as_deref().unwrap_or_default();
        let headers = HeaderMap::from_iter([(header::LOCATION, location(id))]);
        let stored = db::StoredTeam { team, warnings, created_at: now.clone(), updated_at: now };
        Ok((StatusCode::CREATED, headers, Json(serde_json::to_value(stored).expect("a team serialises"))))
    })
    .await
}

async fn replace_team(Shared(state): Shared<Shared_>, Path(id): Path<String>, bytes: Bytes) -> Reply {
    let mut team: Team = body(&bytes)?;
    match team.id.as_deref() {
        Some(given) if given != id => {
            return Err(ServiceError::bad_request(
                "/id",
                format!("Mã tổ {given:?} khác mã trong đường dẫn {id:?}"),
                format!("team id {given:?} differs from the id in the URL {id:?}"),
            ))
        }
        _ => team.id = Some(id.clone()),
    }
    with_db(state, move |s, conn| {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some(before) = db::team(&tx, &id)? else {
            return Err(ServiceError::NotFound(format!("team {id:?}")));
        };
        let stored = db::neighbours(&tx, &team, Some(&id))?;
        let report = validate_joining(&s.registry, &s.profile, &stored, &team, s.as_of(), "");
        let warnings = refuse_errors(report.diagnostics)?;
        let now = now();
        db::update_team(&tx, &team, &warnings, &now)?;
        tx.commit()?;
        let stored = db::StoredTeam { team, warnings, created_at: before.created_at, updated_at: now };
        Ok(Json(serde_json::to_value(stored).expect("a team serialises")))
    })
    .await
}

async fn delete_team(Shared(state): Shared<Shared_>, Path(id): Path<String>) -> Result<StatusCode, ServiceError> {
    with_db(state, move |_, conn| {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !db::delete_team(&tx, &id)? {
            return Err(ServiceError::NotFound(format!("team {id:?}")));
        }
        tx.commit()?;
        Ok(StatusCode::NO_CONTENT)
    })
    .await
}

#[derive(Deserialize)]
struct ActivitiesQuery {
    team: Option<String>,
    month: Option<String>,
}

async fn list_activities(Shared(state): Shared<Shared_>, Query(q): Query<ActivitiesQuery>) -> Reply {
    let m = q.month.as_deref().map(|m| month(Some(m))).transpose()?.map(|m| m.to_string());
    with_db(state, move |_, conn| {
        let records = db::activities(conn, q.team.as_deref(), m.as_deref())?;
        Ok(Json(json!({"count": records.len(), "activities": records})))
    })
    .await
}

async fn create_activity(Shared(state): Shared<Shared_>, bytes: Bytes) -> Created {
    let record: ActivityRecord = body(&bytes)?;
    with_db(state, move |s, conn| {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let team = db::team_roster(&tx, &record.team)?;
        let warnings = refuse_errors(check_record(&s.profile, &team, &record, ""))?;
        let seq = db::insert_activity(&tx, &record, &warnings, &now())?;
        tx.commit()?;
        Ok((StatusCode::CREATED, HeaderMap::new(), Json(json!({"seq": seq, "activity": record, "warnings": warnings}))))
    })
    .await
}

#[derive(Deserialize)]
struct MonthQuery {
    month: Option<String>,
    today: Option<String>,
}

async fn list_reports(Shared(state): Shared<Shared_>, Query(q): Query<MonthQuery>) -> Reply {
    let m = month(q.month.as_deref())?;
    with_db(state, move |_, conn| {
        let reports = db::reports(conn, &m.to_string())?;
        Ok(Json(json!({"month": m, "count": reports.len(), "reports": reports})))
    })
    .await
}

async fn create_report(Shared(state): Shared<Shared_>, bytes: Bytes) -> Created {
    let report: Submission = body(&bytes)?;
    with_db(state, move |s, conn| {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let roster = db::roster(&tx)?;
        let due = schedule(&s.registry, &s.profile, &roster, report.month);
        // The report alone against the month's schedule: what `status` says of it (late,
        // not due from this sender, an unreadable date), at paths into this body.
        let seen = status(due, std::slice::from_ref(&report), s.as_of());
        let findings = seen
            .diagnostics
            .into_iter()
            .filter_map(|mut d| {
                let rest = d.path.strip_prefix("/submitted/0")?;
                if !(rest.is_empty() || rest.starts_with('/')) {
                    return None;
                }
                d.path = rest.to_string();
                Some(d)
            })
            .collect();
        let warnings = refuse_errors(findings)?;
        let seq = db::insert_report(&tx, &report, &warnings, &now())?;
        tx.commit()?;
        Ok((StatusCode::CREATED, HeaderMap::new(), Json(json!({"seq": seq, "report": report, "warnings": warnings}))))
    })
    .await
}

async fn report_schedule(Shared(state): Shared<Shared_>, Query(q): Query<MonthQuery>) -> Reply {
    let m = month(q.month.as_deref())?;
    with_db(state, move |s, conn| {
        let due = schedule(&s.registry, &s.profile, &db::roster(conn)?, m);
        Ok(Json(json!({"month": m, "obligations": due})))
    })
    .await
}

async fn report_status(Shared(state): Shared<Shared_>, Query(q): Query<MonthQuery>) -> Reply {
    let m = month(q.month.as_deref())?;
    let today = day(q.today.as_deref(), "today")?;
    with_db(state, move |s, conn| {
        let due = schedule(&s.registry, &s.profile, &db::roster(conn)?, m);
        let got = db::reports(conn, &m.to_string())?;
        let report = status(due, &got, today.unwrap_or_else(|| s.as_of()));
        Ok(Json(serde_json::to_value(report).expect("a status report serialises")))
    })
    .await
}

async fn coverage(Shared(state): Shared<Shared_>) -> Reply {
    with_db(state, |s, conn| {
        let c = cncd::coverage::compute(&s.registry, &s.profile, &db::roster(conn)?, &[]);
        Ok(Json(serde_json::to_value(c).expect("coverage serialises")))
    })
    .await
}

#[derive(Deserialize)]
struct NameQuery {
    name: Option<String>,
}

async fn check_name(Shared(state): Shared<Shared_>, Query(q): Query<NameQuery>) -> Reply {
    let name = q.name.ok_or_else(|| ServiceError::bad_request("name", "Thiếu tham số name", "the name parameter is missing"))?;
    if name.len() > cncd::api::MAX_TEXT_BYTES {
        return Err(ServiceError::bad_request("name", "Tên quá dài", "the name is too long"));
    }
    // No database work: the check is pure and quick.
    let province = match state.registry.provinces() {
        [only] => Some(*only),
        _ => None,
    };
    let c = cncd::names::check(&state.registry, &state.profile.naming, &name, province, "/name");
    Ok(Json(serde_json::to_value(CheckResult::new(&state.registry, c)).expect("a check serialises")))
}
