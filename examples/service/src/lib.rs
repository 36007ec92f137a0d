//! # cncd-service: a provincial service that stores teams and refuses bad data at the door
//!
//! An HTTP service (axum) over a SQLite file: teams with their members, activity records
//! and monthly reports are checked by [`cncd`] before they are written. A write that
//! breaks an error-level rule is refused with `422` and the diagnostics as JSON; warnings
//! are stored with the record and returned with it. Read endpoints give coverage, the
//! report schedule and status, and the group-name check. `openapi.json` describes it all.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! let config = cncd_service::Config { db: "teams.sqlite".into(), ..cncd_service::Config::default() };
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! cncd_service::serve(config, listener, std::future::pending()).await
//! # }
//! ```
//!
//! What the service adds to the crate is storage and HTTP; every rule is the crate's:
//! [`cncd::teams::validate_joining`] for a team (its own rules, and one commune team per
//! commune, one team per village or school, ids unique, against the stored teams),
//! [`cncd::activities::check_record`] for an activity, [`cncd::reports::status`] for a
//! report.

mod db;
mod error;
mod routes;

pub use error::ServiceError;

use chrono::NaiveDate;
use cncd::profile::Profile;
use cncd::units::Registry;
use std::future::Future;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// How the service runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The SQLite file; created and seeded with the registry's units when missing.
    pub db: PathBuf,
    /// The units teams are checked against: Ninh Thuận 2022 by default.
    pub registry: Registry,
    /// The rule profile: Ninh Thuận 2022 by default.
    pub profile: Profile,
    /// The day rules about dates are checked on (a member's age, a decision not in the
    /// future); today when `None`.
    pub as_of: Option<NaiveDate>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            db: PathBuf::from("cncd-service.sqlite"),
            registry: Registry::ninh_thuan_2022(),
            profile: Profile::ninh_thuan_2022(),
            as_of: None,
        }
    }
}

/// What the handlers share: one connection (SQLite has one writer at a time anyway), the
/// registry and the profile, read without locks.
pub(crate) struct State {
    pub conn: Mutex<rusqlite::Connection>,
    pub registry: Registry,
    pub profile: Profile,
    pub as_of: Option<NaiveDate>,
}

impl State {
    /// The day date rules are checked on.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of.unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

/// The service's routes over an open database, for embedding in a larger axum app.
/// Opens (creating, migrating and seeding as needed) the database of `config`.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("cncd-service-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let config = cncd_service::Config { db: dir.join("teams.sqlite"), ..Default::default() };
/// let app: axum::Router = cncd_service::router(config).unwrap();
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn router(config: Config) -> Result<axum::Router, ServiceError> {
    let conn = db::open(&config.db, &config.registry)?;
    let state = State { conn: Mutex::new(conn), registry: config.registry, profile: config.profile, as_of: config.as_of };
    Ok(routes::router(Arc::new(state)))
}

/// Serves on `listener` until `shutdown` completes, then finishes the requests in flight.
/// See the crate's example above.
pub async fn serve(
    config: Config,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(config).map_err(std::io::Error::other)?;
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}
