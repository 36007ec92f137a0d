//! The database: a SQLite file, its migrations, and the rows the service reads and writes.
//!
//! Every write runs in one `BEGIN IMMEDIATE` transaction that also reads what the check
//! needs (the commune's teams, say), so that two clients cannot both pass a check that
//! only one of them may pass. The journal is a write-ahead log with `synchronous=FULL`:
//! a write the service has acknowledged survives the process being killed.

use cncd::diagnostics::Diagnostic;
use cncd::teams::{Roster, Team};
use cncd::units::Registry;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use std::path::Path;

/// The migrations, in order; `PRAGMA user_version` is the number applied.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/0001_init.sql")];

/// Opens (creating if needed) the database at `path`, applies the migrations it lacks and,
/// on a fresh database, seeds the units of `registry`.
pub(crate) fn open(path: &Path, registry: &Registry) -> rusqlite::Result<Connection> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let applied: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        if i == 0 {
            seed_units(&tx, registry)?;
        }
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(conn)
}

fn seed_units(tx: &Transaction<'_>, registry: &Registry) -> rusqlite::Result<()> {
    let mut insert = tx.prepare("INSERT INTO units (code, level, full_name, parent) VALUES (?1, ?2, ?3, ?4)")?;
    // Parents come before their children in a registry, so the foreign key holds row by row.
    for (_, u) in registry.units() {
        let parent = u.parent().map(|p| registry.unit(p).code());
        insert.execute(params![u.code(), u.level().as_str(), u.full_name(), parent])?;
    }
    Ok(())
}

/// A stored team: the team as the client sent it, and what cncd warned of.
#[derive(Debug, serde::Serialize)]
pub(crate) struct StoredTeam {
    /// The team.
    pub team: Team,
    /// Warnings and information cncd raised when it was last written.
    pub warnings: Vec<Diagnostic>,
    /// When it was first stored (UTC, RFC 3339).
    pub created_at: String,
    /// When it was last written.
    pub updated_at: String,
}

fn decode<T: serde::de::DeserializeOwned>(i: usize, text: String) -> rusqlite::Result<T> {
    serde_json::from_str(&text).map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn stored_team(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredTeam> {
    Ok(StoredTeam { team: decode(0, r.get(0)?)?, warnings: decode(1, r.get(1)?)?, created_at: r.get(2)?, updated_at: r.get(3)? })
}

/// The team with `id`.
pub(crate) fn team(conn: &Connection, id: &str) -> rusqlite::Result<Option<StoredTeam>> {
    conn.query_row("SELECT body, warnings, created_at, updated_at FROM teams WHERE id = ?1", [id], stored_team).optional()
}

/// The teams, in the order they were first stored, of one commune when `commune` is given.
pub(crate) fn teams(conn: &Connection, commune: Option<&str>) -> rusqlite::Result<Vec<StoredTeam>> {
    let mut q = conn.prepare_cached(
        "SELECT body, warnings, created_at, updated_at FROM teams WHERE ?1 IS NULL OR commune = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = q.query_map([commune], stored_team)?;
    rows.collect()
}

/// Every stored team, as a roster cncd can check.
pub(crate) fn roster(conn: &Connection) -> rusqlite::Result<Roster> {
    Ok(Roster { teams: teams(conn, None)?.into_iter().map(|s| s.team).collect(), ..Roster::default() })
}

/// The teams a newcomer must be checked against: those of its commune, level and unit
/// (the only ones the roster rules could find it colliding with), and any team that
/// already has its id, less the team it replaces (`replacing`). An index finds them.
pub(crate) fn neighbours(conn: &Connection, team: &Team, replacing: Option<&str>) -> rusqlite::Result<Roster> {
    let mut q = conn.prepare_cached(
        "SELECT body FROM teams WHERE ((commune = ?1 AND level = ?2 AND unit_key = ?3) OR id = ?4) \
         AND (?5 IS NULL OR id <> ?5) ORDER BY created_at, rowid",
    )?;
    let args = params![team.commune, team.level.as_str(), team.unit_key(), team.id, replacing];
    let teams = q.query_map(args, |r| decode::<Team>(0, r.get(0)?))?.collect::<rusqlite::Result<_>>()?;
    Ok(Roster { teams, ..Roster::default() })
}

/// The stored team with `id`, as a roster of one (or none): what an activity record's
/// team must be.
pub(crate) fn team_roster(conn: &Connection, id: &str) -> rusqlite::Result<Roster> {
    Ok(Roster { teams: team(conn, id)?.map(|t| t.team).into_iter().collect(), ..Roster::default() })
}

/// A fresh team id: `T-` and one more than the number of teams ever stored.
pub(crate) fn next_team_id(conn: &Connection) -> rusqlite::Result<String> {
    let n: i64 = conn.query_row("SELECT COALESCE(MAX(rowid), 0) + 1 FROM teams", [], |r| r.get(0))?;
    // A client may already have used that id for a team of its own.
    let mut taken = conn.prepare_cached("SELECT 1 FROM teams WHERE id = ?1")?;
    let mut k = n;
    loop {
        let id = format!("T-{k}");
        if !taken.exists([&id])? {
            return Ok(id);
        }
        k += 1;
    }
}

/// Stores a new team; `now` is its creation time.
pub(crate) fn insert_team(conn: &Connection, team: &Team, warnings: &[Diagnostic], now: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO teams (id, level, commune, unit_key, body, warnings, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![team.id, team.level.as_str(), team.commune, team.unit_key(), json(team), json(&warnings), now],
    )?;
    Ok(())
}

/// Replaces the team with the same id; false when there is none.
pub(crate) fn update_team(conn: &Connection, team: &Team, warnings: &[Diagnostic], now: &str) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "UPDATE teams SET level = ?2, commune = ?3, unit_key = ?4, body = ?5, warnings = ?6, updated_at = ?7 WHERE id = ?1",
        params![team.id, team.level.as_str(), team.commune, team.unit_key(), json(team), json(&warnings), now],
    )?;
    Ok(n == 1)
}

/// Deletes the team with `id` and its activities; false when there is none.
pub(crate) fn delete_team(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.execute("DELETE FROM activities WHERE team = ?1", [id])?;
    Ok(conn.execute("DELETE FROM teams WHERE id = ?1", [id])? == 1)
}

/// Stores an activity record; returns its sequence number.
pub(crate) fn insert_activity(
    conn: &Connection,
    r: &cncd::activities::ActivityRecord,
    warnings: &[Diagnostic],
    now: &str,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO activities (team, date, activity, body, warnings, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![r.team, r.date, r.activity, json(r), json(&warnings), now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The activity records of one team, or of every team, whose date starts with `month`
/// (`YYYY-MM`) when it is given.
pub(crate) fn activities(
    conn: &Connection,
    team: Option<&str>,
    month: Option<&str>,
) -> rusqlite::Result<Vec<cncd::activities::ActivityRecord>> {
    let mut q = conn.prepare_cached(
        "SELECT body FROM activities WHERE (?1 IS NULL OR team = ?1) AND (?2 IS NULL OR substr(date, 1, 7) = ?2) ORDER BY seq",
    )?;
    let rows = q.query_map(params![team, month], |r| decode(0, r.get(0)?))?;
    rows.collect()
}

/// Stores a report that was handed in; returns its sequence number.
pub(crate) fn insert_report(conn: &Connection, s: &cncd::reports::Submission, warnings: &[Diagnostic], now: &str) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO reports (rule, sender, month, date, body, warnings, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![s.rule, s.from, s.month.to_string(), s.date, json(s), json(&warnings), now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The reports handed in on `month` (`YYYY-MM`).
pub(crate) fn reports(conn: &Connection, month: &str) -> rusqlite::Result<Vec<cncd::reports::Submission>> {
    let mut q = conn.prepare_cached("SELECT body FROM reports WHERE month = ?1 ORDER BY seq")?;
    let rows = q.query_map([month], |r| decode(0, r.get(0)?))?;
    rows.collect()
}

/// The units stored, children of `parent` when it is given.
pub(crate) fn units(conn: &Connection, parent: Option<&str>) -> rusqlite::Result<Vec<serde_json::Value>> {
    let mut q = conn.prepare_cached("SELECT code, level, full_name, parent FROM units WHERE ?1 IS NULL OR parent = ?1 ORDER BY rowid")?;
    let rows = q.query_map([parent], |r| {
        Ok(serde_json::json!({
            "code": r.get::<_, String>(0)?, "level": r.get::<_, String>(1)?,
            "full_name": r.get::<_, String>(2)?, "parent": r.get::<_, Option<String>>(3)?,
        }))
    })?;
    rows.collect()
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).expect("cncd's types serialise to JSON")
}
