//! The `units.*` operations.

use super::{ApiError, Context, ErrorCode};
use crate::units::{
    Level, LoadError, MatchKind, Registry, RegistryJson, ResolveOptions, ResolveStatus, Successors, UnitJson, UnitKind, MAX_RESOLVE_BYTES,
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A registry named in a request: a built-in name, or an inline list (the JSON shape of
/// [`Registry::from_json`]).
///
/// A mistake inside an inline list is reported with a pointer into it
/// (`/registry/districts/0/province`).
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum RegistryRef {
    /// `"ninh-thuan-2022"`, `"vietnam-2022"`, `"vietnam-2025"`.
    Named(String),
    /// A list given in the request.
    Inline(RegistryJson),
}

impl<'de> Deserialize<'de> for RegistryRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::name_or_object(d, "a registry name or an inline registry object", RegistryRef::Named, RegistryRef::Inline)
    }
}

/// Villages and schools a request adds to its registry.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Extra {
    /// Villages: `{"code", "commune", "name"}`.
    #[serde(default)]
    pub villages: Vec<UnitJson>,
    /// Schools: `{"code", "commune", "name"}`.
    #[serde(default)]
    pub schools: Vec<UnitJson>,
}

impl Context {
    /// The registry a request names, with the villages and schools it adds. Errors point
    /// at `/registry`, `/villages/N/…` or `/schools/N/…`.
    pub(crate) fn resolve_registry<'a>(&'a self, r: &RegistryRef, extra: &Extra) -> Result<Cow<'a, Registry>, ApiError> {
        let mut reg = match r {
            RegistryRef::Named(name) => Cow::Borrowed(self.registry(name).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::UnknownRegistry,
                    format!("Không có danh mục {name:?}; có: {}", self.registry_names().join(", ")),
                    format!("no registry {name:?}; the built-in ones are: {}", self.registry_names().join(", ")),
                )
                .at("/registry")
            })?),
            RegistryRef::Inline(doc) => Cow::Owned(Registry::from_json_value(doc.clone()).map_err(|e| load_error(e, "/registry"))?),
        };
        for (section, level, items) in [("villages", Level::Village, &extra.villages), ("schools", Level::School, &extra.schools)] {
            for (i, v) in items.iter().enumerate() {
                let commune = v.commune.as_deref().unwrap_or_default();
                let added = if level == Level::Village {
                    reg.to_mut().add_village(&v.code, commune, &v.name)
                } else {
                    reg.to_mut().add_school(&v.code, commune, &v.name)
                };
                added.map_err(|e| load_error(e, &format!("/{section}/{i}")))?;
            }
        }
        Ok(reg)
    }
}

fn load_error(e: LoadError, prefix: &str) -> ApiError {
    let path = format!("{prefix}{}", e.path.clone().unwrap_or_default());
    ApiError { code: ErrorCode::BadRequest, message: e.message, path: Some(path) }
}

/// Request of `units.resolve`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolveRequest {
    /// The registry.
    pub registry: RegistryRef,
    /// The typed name, at most [`MAX_RESOLVE_BYTES`] bytes.
    pub text: String,
    /// Only units of this level.
    #[serde(default)]
    pub level: Option<Level>,
    /// Only units within the unit with this code (a province, district or commune).
    #[serde(default)]
    pub within: Option<String>,
    /// Villages to add to the registry.
    #[serde(default)]
    pub villages: Vec<UnitJson>,
    /// Schools to add to the registry.
    #[serde(default)]
    pub schools: Vec<UnitJson>,
}

/// One candidate of `units.resolve`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateJson {
    /// The unit's code.
    pub code: String,
    /// Its full name.
    pub full_name: String,
    /// Its kind.
    pub kind: UnitKind,
    /// Its level.
    pub level: Level,
    /// Its parent's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// How it matched.
    #[serde(rename = "match")]
    pub matched: MatchKind,
}

/// Result of `units.resolve`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolveResult {
    /// `unique`, `ambiguous` or `none`.
    pub status: ResolveStatus,
    /// The candidates, best first.
    pub candidates: Vec<CandidateJson>,
}

/// `units.resolve`: [`Registry::resolve`].
pub fn resolve(ctx: &Context, r: &ResolveRequest) -> Result<ResolveResult, ApiError> {
    if r.text.len() > MAX_RESOLVE_BYTES {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            format!("Tên dài {} byte, vượt giới hạn {MAX_RESOLVE_BYTES} byte", r.text.len()),
            format!("the name is {} bytes long, over the limit of {MAX_RESOLVE_BYTES} bytes", r.text.len()),
        )
        .at("/text"));
    }
    let reg = ctx.resolve_registry(&r.registry, &Extra { villages: r.villages.clone(), schools: r.schools.clone() })?;
    let within = within(&reg, r.within.as_deref())?;
    let res = reg.resolve(&r.text, &ResolveOptions { level: r.level, within });
    let candidates = res
        .candidates
        .iter()
        .map(|c| {
            let u = reg.unit(c.unit);
            CandidateJson {
                code: u.code().to_string(),
                full_name: u.full_name().to_string(),
                kind: u.kind(),
                level: u.level(),
                parent: u.parent().map(|p| reg.unit(p).code().to_string()),
                matched: c.matched,
            }
        })
        .collect();
    Ok(ResolveResult { status: res.status, candidates })
}

/// Request of `units.list`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRequest {
    /// A registry name or an inline registry.
    pub registry: RegistryRef,
    /// Only units of this level.
    #[serde(default)]
    pub level: Option<Level>,
    /// Only units under the unit with this code (its children, grandchildren…).
    #[serde(default)]
    pub within: Option<String>,
    /// Villages to add to the registry.
    #[serde(default)]
    pub villages: Vec<UnitJson>,
    /// Schools to add to the registry.
    #[serde(default)]
    pub schools: Vec<UnitJson>,
}

/// One unit of `units.list`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitListed {
    /// The unit's code.
    pub code: String,
    /// Its full name, with its type word.
    pub full_name: String,
    /// Its name without the type word.
    pub name: String,
    /// Its kind.
    pub kind: UnitKind,
    /// Its level.
    pub level: Level,
    /// Its parent's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// Result of `units.list`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListResult {
    /// The units, in the registry's order (a parent before its children).
    pub units: Vec<UnitListed>,
}

/// `units.list`: the units of a registry, of one level or under one unit: what a form
/// needs to offer a choice of district and commune.
pub fn list(ctx: &Context, r: &ListRequest) -> Result<ListResult, ApiError> {
    let reg = ctx.resolve_registry(&r.registry, &Extra { villages: r.villages.clone(), schools: r.schools.clone() })?;
    let within = within(&reg, r.within.as_deref())?;
    let units = reg
        .units()
        .filter(|(id, u)| r.level.is_none_or(|l| u.level() == l) && within.is_none_or(|w| *id != w && reg.is_within(*id, w)))
        .map(|(_, u)| UnitListed {
            code: u.code().to_string(),
            full_name: u.full_name().to_string(),
            name: u.name().to_string(),
            kind: u.kind(),
            level: u.level(),
            parent: u.parent().map(|p| reg.unit(p).code().to_string()),
        })
        .collect();
    Ok(ListResult { units })
}

/// The unit a request's `within` names, or an error at `/within`.
fn within(reg: &Registry, code: Option<&str>) -> Result<Option<crate::units::UnitId>, ApiError> {
    code.map(|code| {
        reg.find_any(code).ok_or_else(|| {
            ApiError::new(
                ErrorCode::BadRequest,
                format!("Không có đơn vị mã {code:?} trong danh mục {}", reg.name()),
                format!("no unit with code {code:?} in {}", reg.name()),
            )
            .at("/within")
        })
    })
    .transpose()
}

/// Request of `units.successors`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuccessorsRequest {
    /// A commune code.
    pub code: String,
    /// The list the code is from (a registry as in `units.resolve`). Without it, the code
    /// is read in the mapping's base list (01/03/2025).
    #[serde(default)]
    pub from: Option<RegistryRef>,
    /// `"vietnam-2025"` (the default where built in) or `"ninh-thuan-2025"`.
    #[serde(default)]
    pub mapping: Option<String>,
}

/// Result of `units.successors`: `status` (`mapped`, `merged_before`, `not_in_base` or
/// `code_reused`), `successors` (each with `code`, `full_name`, `province_code`,
/// `province_name`, `split`), and `via` and `base_name` when known.
pub type SuccessorsResult = Successors;

/// `units.successors`: [`crate::units::Mapping::successors`] and
/// [`crate::units::Mapping::successors_of`].
pub fn successors(ctx: &Context, r: &SuccessorsRequest) -> Result<SuccessorsResult, ApiError> {
    let name = r.mapping.as_deref().unwrap_or(super::context::DEFAULT_MAPPING);
    let mapping = ctx.mapping(name).ok_or_else(|| {
        ApiError::new(
            ErrorCode::BadRequest,
            format!("Không có bảng chuyển đổi {name:?}; có: {}", ctx.mapping_names().join(", ")),
            format!("no mapping {name:?}; the built-in ones are: {}", ctx.mapping_names().join(", ")),
        )
        .at("/mapping")
    })?;
    let s = match &r.from {
        None => mapping.successors(&r.code),
        Some(from) => {
            let reg = ctx.resolve_registry(from, &Extra::default()).map_err(|mut e| {
                if e.path.as_deref() == Some("/registry") {
                    e.path = Some("/from".into());
                }
                e
            })?;
            mapping.successors_of(&reg, &r.code)
        }
    };
    Ok(s)
}
