//! The operations of coverage, activities, training, targets and reports:
//! `coverage.compute`, `activities.summarize`, `training.check`, `targets.progress`,
//! `reports.chain`, `reports.schedule`, `reports.status` and `reports.draft`.

use super::teams::{date, profile, ProfileRef};
use super::units::{Extra, RegistryRef};
use super::{ApiError, Context, ErrorCode};
use crate::activities::{self, ActivityRecord, ActivitySummary};
use crate::coverage::{self, Coverage, OcopProduct};
use crate::diagnostics::Diagnostic;
use crate::month::Month;
use crate::reports::{self, Chain, DraftReport, Obligation, StatusReport, Submission};
use crate::targets::{self, Target, TargetsReport};
use crate::teams::{Roster, Team};
use crate::training::{self, TrainingRecord, TrainingReport};
use crate::units::{Level, UnitJson};
use serde::{Deserialize, Serialize};

/// Request of `coverage.compute`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`): its targets.
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The roster.
    pub roster: Roster,
    /// Villages to add to the registry (each counted, covered or not).
    #[serde(default)]
    pub villages: Vec<UnitJson>,
    /// Schools to add to the registry (each counted, covered or not).
    #[serde(default)]
    pub schools: Vec<UnitJson>,
    /// OCOP products.
    #[serde(default)]
    pub ocop: Vec<OcopProduct>,
}

/// `coverage.compute`: [`coverage::compute`]; the result is the [`Coverage`].
pub fn coverage(ctx: &Context, r: &CoverageRequest) -> Result<Coverage, ApiError> {
    let profile = profile(r.profile.as_ref(), "ninh-thuan-2022")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra { villages: r.villages.clone(), schools: r.schools.clone() })?;
    Ok(coverage::compute(&reg, &profile, &r.roster, &r.ocop))
}

/// Request of `activities.summarize`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivitiesRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`): its activity catalogue.
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The roster: the teams the records name by id.
    pub roster: Roster,
    /// The activity records.
    pub activities: Vec<ActivityRecord>,
    /// The month, `YYYY-MM`.
    pub month: Month,
}

/// `activities.summarize`: [`activities::summarize`]; the result is the [`ActivitySummary`].
pub fn summarize(ctx: &Context, r: &ActivitiesRequest) -> Result<ActivitySummary, ApiError> {
    let profile = profile(r.profile.as_ref(), "ninh-thuan-2022")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra::default())?;
    Ok(activities::summarize(&reg, &profile, &r.roster, &r.activities, r.month))
}

/// Request of `training.check`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingRequest {
    /// The roster.
    pub roster: Roster,
    /// The training sessions.
    pub training: Vec<TrainingRecord>,
    /// The reference date, `YYYY-MM-DD`.
    pub as_of: String,
}

/// `training.check`: [`training::check_training`]; the result is the [`TrainingReport`].
pub fn training(r: &TrainingRequest) -> Result<TrainingReport, ApiError> {
    Ok(training::check_training(&r.roster, &r.training, date(&r.as_of, "/as_of")?))
}

/// Request of `targets.progress`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetsRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`): its activity catalogue.
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The roster.
    pub roster: Roster,
    /// The activity records.
    #[serde(default)]
    pub activities: Vec<ActivityRecord>,
    /// The targets.
    pub targets: Vec<Target>,
    /// The reference date, `YYYY-MM-DD`.
    pub as_of: String,
}

/// `targets.progress`: [`targets::progress`]; the result is the [`TargetsReport`].
pub fn progress(ctx: &Context, r: &TargetsRequest) -> Result<TargetsReport, ApiError> {
    let profile = profile(r.profile.as_ref(), "ninh-thuan-2022")?;
    let as_of = date(&r.as_of, "/as_of")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra::default())?;
    Ok(targets::progress(&reg, &profile, &r.roster, &r.activities, &r.targets, as_of))
}

/// Request of `reports.chain`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`): the authorities' names.
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The team (its `level` and `commune` matter).
    pub team: Team,
}

/// `reports.chain`: [`reports::chain`]; the result is the [`Chain`].
pub fn chain(ctx: &Context, r: &ChainRequest) -> Result<Chain, ApiError> {
    let profile = profile(r.profile.as_ref(), "ninh-thuan-2022")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra::default())?;
    let unknown = || {
        let code = r.team.commune.as_deref().unwrap_or("");
        ApiError::new(
            ErrorCode::BadRequest,
            format!("Không có xã mã {code:?} trong danh mục {}", reg.name()),
            format!("no commune with code {code:?} in {}", reg.name()),
        )
        .at("/team/commune")
    };
    let commune = r.team.commune.as_deref().and_then(|c| reg.find(Level::Commune, c)).ok_or_else(unknown)?;
    reports::chain(&reg, &profile, &r.team, commune).ok_or_else(unknown)
}

/// Request of `reports.schedule`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`): deadlines and authorities.
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The roster (its teams owe REPORT-TEAM; its provinces are the scope). Absent: no
    /// team reports, every province of the registry.
    #[serde(default)]
    pub roster: Roster,
    /// The month reported on, `YYYY-MM`.
    pub month: Month,
}

/// Result of `reports.schedule`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleResult {
    /// What is due.
    pub obligations: Vec<Obligation>,
}

/// `reports.schedule`: [`reports::schedule`].
pub fn schedule(ctx: &Context, r: &ScheduleRequest) -> Result<ScheduleResult, ApiError> {
    let profile = profile(r.profile.as_ref(), "ninh-thuan-2022")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra::default())?;
    Ok(ScheduleResult { obligations: reports::schedule(&reg, &profile, &r.roster, r.month) })
}

/// Request of `reports.status`: a schedule's fields, the reports received and the day.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`).
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The roster, as for `reports.schedule`.
    #[serde(default)]
    pub roster: Roster,
    /// The month reported on.
    pub month: Month,
    /// The reports received.
    #[serde(default)]
    pub submitted: Vec<Submission>,
    /// The day the status is taken, `YYYY-MM-DD`.
    pub today: String,
}

/// `reports.status`: [`reports::schedule`] then [`reports::status`]; the result is the
/// [`StatusReport`].
pub fn status(ctx: &Context, r: &StatusRequest) -> Result<StatusReport, ApiError> {
    let profile = profile(r.profile.as_ref(), "ninh-thuan-2022")?;
    let today = date(&r.today, "/today")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra::default())?;
    let due = reports::schedule(&reg, &profile, &r.roster, r.month);
    Ok(reports::status(due, &r.submitted, today))
}

/// Request of `reports.draft`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`).
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The roster.
    pub roster: Roster,
    /// The activity records.
    #[serde(default)]
    pub activities: Vec<ActivityRecord>,
    /// The month reported on.
    pub month: Month,
    /// Villages to add to the registry.
    #[serde(default)]
    pub villages: Vec<UnitJson>,
    /// Schools to add to the registry.
    #[serde(default)]
    pub schools: Vec<UnitJson>,
    /// OCOP products.
    #[serde(default)]
    pub ocop: Vec<OcopProduct>,
    /// Only the report of the unit with this code (a district, or a commune in two tiers).
    #[serde(default)]
    pub unit: Option<String>,
}

/// Result of `reports.draft`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftResult {
    /// One draft per reporting unit (or the one asked for).
    pub reports: Vec<DraftReport>,
    /// What could not be counted, from coverage and the activity summary.
    pub diagnostics: Vec<Diagnostic>,
}

/// `reports.draft`: [`coverage::compute`], [`activities::summarize`], then
/// [`reports::drafts`].
pub fn draft(ctx: &Context, r: &DraftRequest) -> Result<DraftResult, ApiError> {
    let profile = profile(r.profile.as_ref(), "ninh-thuan-2022")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra { villages: r.villages.clone(), schools: r.schools.clone() })?;
    let cov = coverage::compute(&reg, &profile, &r.roster, &r.ocop);
    let act = activities::summarize(&reg, &profile, &r.roster, &r.activities, r.month);
    let mut reports = reports::drafts(&reg, &profile, &r.roster, &cov, &act, r.month);
    if let Some(unit) = &r.unit {
        reports.retain(|d| &d.obligation.from.code == unit);
        if reports.is_empty() {
            return Err(ApiError::new(
                ErrorCode::BadRequest,
                format!("Không có đơn vị báo cáo mã {unit:?} trong phạm vi danh sách"),
                format!("no reporting unit with code {unit:?} in the roster's scope"),
            )
            .at("/unit"));
        }
    }
    let mut diagnostics = cov.diagnostics;
    diagnostics.extend(act.diagnostics);
    Ok(DraftResult { reports, diagnostics })
}
