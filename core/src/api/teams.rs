//! The `teams.validate`, `roster.validate` and `profile.get` operations.

use super::units::{Extra, RegistryRef};
use super::{ApiError, Context, ErrorCode};
use crate::diagnostics::Diagnostic;
use crate::profile::{Profile, BUILTIN_PROFILES};
use crate::teams::{self, Counts, Roster, Team};
use crate::units::UnitJson;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A profile named in a request: a built-in name, or a whole profile inline (the shape
/// `profile.get` returns).
///
/// A mistake inside an inline profile is reported with a pointer into it
/// (`/profile/teams/village/size/min`).
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum ProfileRef {
    /// A built-in profile's name (see [`BUILTIN_PROFILES`]).
    Named(String),
    /// A profile given in the request.
    Inline(Box<Profile>),
}

impl<'de> Deserialize<'de> for ProfileRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::name_or_object(d, "a profile name or an inline profile object", ProfileRef::Named, |p| ProfileRef::Inline(Box::new(p)))
    }
}

/// The profile a request names (`ninh-thuan-2022` when absent, or `default`).
pub(crate) fn profile(p: Option<&ProfileRef>, default: &str) -> Result<Profile, ApiError> {
    let name = match p {
        Some(ProfileRef::Inline(p)) => return Ok((**p).clone()),
        Some(ProfileRef::Named(n)) => n.as_str(),
        None => default,
    };
    Profile::builtin(name).ok_or_else(|| {
        ApiError::new(
            ErrorCode::UnknownProfile,
            format!("Không có cấu hình {name:?}; có: {}", BUILTIN_PROFILES.join(", ")),
            format!("no profile {name:?}; the built-in ones are: {}", BUILTIN_PROFILES.join(", ")),
        )
        .at("/profile")
    })
}

fn as_of(s: &str) -> Result<NaiveDate, ApiError> {
    date(s, "/as_of")
}

/// A date of a request, `YYYY-MM-DD`, or a `bad_request` at `pointer`.
pub(crate) fn date(s: &str, pointer: &str) -> Result<NaiveDate, ApiError> {
    crate::teams::person::parse_iso_date(s).ok_or_else(|| {
        ApiError::new(ErrorCode::BadRequest, format!("Ngày {s:?} phải có dạng YYYY-MM-DD"), format!("the date {s:?} must be YYYY-MM-DD"))
            .at(pointer)
    })
}

/// Request of `teams.validate`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`).
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The team.
    pub team: Team,
    /// The reference date, `YYYY-MM-DD`: ages and decision dates are judged on it.
    pub as_of: String,
    /// Villages to add to the registry.
    #[serde(default)]
    pub villages: Vec<UnitJson>,
}

/// Result of `teams.validate`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamResult {
    /// No error.
    pub valid: bool,
    /// Counts of findings.
    pub counts: Counts,
    /// The findings, with paths under `/team`.
    pub diagnostics: Vec<Diagnostic>,
}

/// `teams.validate`: [`teams::validate_team`].
pub fn validate_team(ctx: &Context, r: &TeamRequest) -> Result<TeamResult, ApiError> {
    let profile = profile(r.profile.as_ref(), "ninh-thuan-2022")?;
    let date = as_of(&r.as_of)?;
    let reg = ctx.resolve_registry(&r.registry, &Extra { villages: r.villages.clone(), schools: Vec::new() })?;
    let report = teams::validate_team(&reg, &profile, &r.team, date, "/team");
    Ok(TeamResult { valid: report.valid, counts: report.counts, diagnostics: report.diagnostics })
}

/// Request of `roster.validate`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`).
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The roster: `{"teams": [Team]}`.
    pub roster: Roster,
    /// The reference date, `YYYY-MM-DD`.
    pub as_of: String,
    /// Villages to add to the registry.
    #[serde(default)]
    pub villages: Vec<UnitJson>,
}

/// `roster.validate`: [`teams::validate_roster`]; the result is the [`teams::Report`].
pub fn validate_roster(ctx: &Context, r: &RosterRequest) -> Result<teams::Report, ApiError> {
    let profile = profile(r.profile.as_ref(), "ninh-thuan-2022")?;
    let date = as_of(&r.as_of)?;
    let reg = ctx.resolve_registry(&r.registry, &Extra { villages: r.villages.clone(), schools: Vec::new() })?;
    Ok(teams::validate_roster(&reg, &profile, &r.roster, date))
}

/// Request of `profile.get`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileRequest {
    /// A built-in profile's name (default `ninh-thuan-2022`).
    #[serde(default)]
    pub name: Option<String>,
}

/// Result of `profile.get`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProfileResult {
    /// The whole profile, which a request can give back inline, edited.
    pub profile: Profile,
    /// The names of the built-in profiles.
    pub builtin: Vec<String>,
}

/// `profile.get`: a built-in profile, whole.
pub fn get_profile(r: &ProfileRequest) -> Result<ProfileResult, ApiError> {
    let p = profile(r.name.clone().map(ProfileRef::Named).as_ref(), "ninh-thuan-2022").map_err(|e| e.at("/name"))?;
    Ok(ProfileResult { profile: p, builtin: BUILTIN_PROFILES.iter().map(|s| s.to_string()).collect() })
}
