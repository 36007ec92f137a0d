//! The `names.*` operations.

use super::units::{Extra, RegistryRef};
use super::{ApiError, Context, ErrorCode};
use crate::diagnostics::Diagnostic;
use crate::names::{self, NameStatus, NamingRules, Separators, MAX_NAME_BYTES};
use crate::units::{Level, MatchKind, Registry, Tiers, UnitId, UnitJson};
use serde::{Deserialize, Serialize};

pub use super::teams::ProfileRef;

/// The naming rules of a profile reference; `default` when absent.
pub(crate) fn naming(p: Option<&ProfileRef>, default: &str) -> Result<NamingRules, ApiError> {
    Ok(super::teams::profile(p, default)?.naming)
}

fn check_name(name: &str, path: &str) -> Result<(), ApiError> {
    if name.len() > MAX_NAME_BYTES {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!("Tên dài {} byte, vượt giới hạn {MAX_NAME_BYTES} byte", name.len()),
            format!("the name is {} bytes long, over the limit of {MAX_NAME_BYTES} bytes", name.len()),
        )
        .at(path));
    }
    Ok(())
}

fn unit_code(reg: &Registry, id: Option<UnitId>) -> Option<String> {
    id.map(|i| reg.unit(i).code().to_string())
}

fn find_code(reg: &Registry, level: Level, code: &str, path: &str) -> Result<UnitId, ApiError> {
    reg.find(level, code).ok_or_else(|| {
        ApiError::new(
            ErrorCode::BadRequest,
            format!("Không có đơn vị cấp {level} mã {code:?} trong danh mục {}", reg.name()),
            format!("no {level} with code {code:?} in {}", reg.name()),
        )
        .at(path)
    })
}

/// Request of `names.format`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`).
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The commune's code.
    pub commune: String,
    /// The village, with its type word ("Thôn Phước Lợi"), for a village team.
    #[serde(default)]
    pub village: Option<String>,
}

/// Result of `names.format`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormatResult {
    /// The canonical group name.
    pub name: String,
}

/// `names.format`: [`names::format`].
pub fn format(ctx: &Context, r: &FormatRequest) -> Result<FormatResult, ApiError> {
    let rules = naming(r.profile.as_ref(), "ninh-thuan-2022")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra::default())?;
    let commune = find_code(&reg, Level::Commune, &r.commune, "/commune")?;
    if let Some(v) = &r.village {
        check_name(v, "/village")?;
    }
    let name = names::format(&reg, &rules, commune, r.village.as_deref())
        .map_err(|e| ApiError::new(ErrorCode::BadRequest, format!("Không định dạng được tên: {e}"), e.to_string()).at("/commune"))?;
    Ok(FormatResult { name })
}

/// Request of `names.check` and `names.parse`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The profile (default `ninh-thuan-2022`).
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The group name as typed, at most [`MAX_NAME_BYTES`] bytes.
    pub name: String,
    /// Only within this province (a code of the registry): a three-tier name carries no
    /// province.
    #[serde(default)]
    pub province: Option<String>,
    /// Villages to add to the registry.
    #[serde(default)]
    pub villages: Vec<UnitJson>,
}

/// Result of `names.check`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    /// `ok`, `fixable` or `invalid`.
    pub status: NameStatus,
    /// The canonical name, or null when the name names no unit or several.
    pub canonical: Option<String>,
    /// The commune's code.
    pub commune: Option<String>,
    /// The district's code (null in a two-tier list).
    pub district: Option<String>,
    /// The province's code.
    pub province: Option<String>,
    /// The village slot as the canonical name writes it.
    pub village: Option<String>,
    /// One finding per difference from the standard.
    pub diagnostics: Vec<Diagnostic>,
}

fn scope(reg: &Registry, province: &Option<String>) -> Result<Option<UnitId>, ApiError> {
    province.as_deref().map(|p| find_code(reg, Level::Province, p, "/province")).transpose()
}

/// `names.check`: [`names::check`].
pub fn check(ctx: &Context, r: &CheckRequest) -> Result<CheckResult, ApiError> {
    check_name(&r.name, "/name")?;
    let rules = naming(r.profile.as_ref(), "ninh-thuan-2022")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra { villages: r.villages.clone(), schools: Vec::new() })?;
    let province = scope(&reg, &r.province)?;
    Ok(CheckResult::new(&reg, names::check(&reg, &rules, &r.name, province, "/name")))
}

impl CheckResult {
    /// The contract's form of a [`names::check`] verdict on `reg`: unit handles become
    /// codes. The C door uses it to answer exactly as `names.check` does.
    ///
    /// ```
    /// use cncd::{api::names::CheckResult, names::{check, NamingRules}, units::Registry};
    /// let reg = Registry::ninh_thuan_2022();
    /// let r = CheckResult::new(&reg, check(&reg, &NamingRules::ninh_thuan_2022(), "CNCD_Phuoc Ha_Thuan Nam", None, "/name"));
    /// assert_eq!((r.commune.as_deref(), r.district.as_deref()), (Some("22885"), Some("589")));
    /// ```
    pub fn new(reg: &Registry, c: names::NameCheck) -> CheckResult {
        let district = c.parent.filter(|&p| reg.unit(p).level() == Level::District);
        CheckResult {
            status: c.status,
            canonical: c.canonical,
            commune: unit_code(reg, c.commune),
            district: unit_code(reg, district),
            province: unit_code(reg, c.commune.and_then(|id| reg.ancestor_at(id, Level::Province))),
            village: c.village,
            diagnostics: c.diagnostics,
        }
    }
}

/// One slot of `names.parse`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotJson {
    /// The text as typed (cleaned).
    pub text: String,
    /// The unit's code, if the slot names exactly one.
    pub code: Option<String>,
    /// How it matched.
    #[serde(rename = "match")]
    pub matched: Option<MatchKind>,
}

/// Result of `names.parse`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseResult {
    /// The prefix as typed, or null.
    pub prefix: Option<String>,
    /// `standard`, `spaced` or `other`.
    pub separators: String,
    /// The village slot as typed.
    pub village: Option<String>,
    /// The commune slot.
    pub commune: Option<SlotJson>,
    /// The parent slot (district, or province in two tiers).
    pub parent: Option<SlotJson>,
    /// Slots beyond the template's.
    pub extra: Vec<String>,
    /// The communes the name could mean, when several.
    pub ambiguous: Vec<String>,
    /// The commune the name means, if exactly one.
    pub unit: Option<String>,
}

/// `names.parse`: [`names::parse`].
pub fn parse(ctx: &Context, r: &CheckRequest) -> Result<ParseResult, ApiError> {
    check_name(&r.name, "/name")?;
    let rules = naming(r.profile.as_ref(), "ninh-thuan-2022")?;
    let reg = ctx.resolve_registry(&r.registry, &Extra { villages: r.villages.clone(), schools: Vec::new() })?;
    let province = scope(&reg, &r.province)?;
    let p = names::parse(&reg, &rules, &r.name, province);
    let slot = |s: &Option<names::ParsedSlot>| {
        s.as_ref().map(|s| SlotJson { text: s.text.clone(), code: unit_code(&reg, s.unit), matched: s.matched })
    };
    Ok(ParseResult {
        prefix: p.prefix.clone(),
        separators: match p.separators {
            Separators::Standard => "standard",
            Separators::Spaced => "spaced",
            Separators::Other => "other",
        }
        .into(),
        village: p.village.clone(),
        commune: slot(&p.commune),
        parent: slot(&p.parent),
        extra: p.extra.clone(),
        ambiguous: p.ambiguous.iter().map(|&c| reg.unit(c).code().to_string()).collect(),
        unit: unit_code(&reg, p.unit),
    })
}

/// Request of `names.rehome`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RehomeRequest {
    /// The name in the old list.
    pub name: String,
    /// The old list (such as `"ninh-thuan-2022"` or `"vietnam-2022"`).
    pub from: RegistryRef,
    /// The new list (`"vietnam-2025"`).
    pub to: RegistryRef,
    /// The new list's profile (default `two-tier-2025`).
    #[serde(default)]
    pub profile: Option<ProfileRef>,
    /// The mapping (default `vietnam-2025` where built in).
    #[serde(default)]
    pub mapping: Option<String>,
}

/// Result of `names.rehome`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RehomeResult {
    /// The new name(s), one per successor commune.
    pub names: Vec<String>,
    /// The successor communes' codes.
    pub communes: Vec<String>,
    /// Splits, merged communes (ORG-COMMUNE), names that could not be followed.
    pub diagnostics: Vec<Diagnostic>,
}

/// `names.rehome`: [`names::rehome`].
pub fn rehome(ctx: &Context, r: &RehomeRequest) -> Result<RehomeResult, ApiError> {
    check_name(&r.name, "/name")?;
    let to_rules = naming(r.profile.as_ref(), "two-tier-2025")?;
    let repath = |from: &'static str| {
        move |mut e: ApiError| {
            if e.path.as_deref() == Some("/registry") {
                e.path = Some(from.into());
            }
            e
        }
    };
    let from = ctx.resolve_registry(&r.from, &Extra::default()).map_err(repath("/from"))?;
    let to = ctx.resolve_registry(&r.to, &Extra::default()).map_err(repath("/to"))?;
    let from_rules = if from.tiers() == Some(Tiers::Two) { NamingRules::two_tier_2025() } else { NamingRules::ninh_thuan_2022() };
    let mapping_name = r.mapping.as_deref().unwrap_or(super::context::DEFAULT_MAPPING);
    let mapping = ctx.mapping(mapping_name).ok_or_else(|| {
        ApiError::new(
            ErrorCode::BadRequest,
            format!("Không có bảng chuyển đổi {mapping_name:?}"),
            format!("no mapping {mapping_name:?}; the built-in ones are: {}", ctx.mapping_names().join(", ")),
        )
        .at("/mapping")
    })?;
    let out = names::rehome(&from, &to, mapping, &from_rules, &to_rules, &r.name);
    Ok(RehomeResult { names: out.names, communes: out.communes, diagnostics: out.diagnostics })
}
