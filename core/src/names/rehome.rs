//! `rehome`: the name(s) a team takes after the 2025 reform.

use super::check::check;
use super::format::format;
use super::rules::NamingRules;
use crate::diagnostics::{Diagnostic, Severity};
use crate::units::{Level, Mapping, Registry, SuccessorStatus, UnitId};

/// The answer of [`rehome`].
#[derive(Clone, Debug, PartialEq)]
pub struct Rehomed {
    /// The new name(s): one per successor commune (several if the old commune was split).
    pub names: Vec<String>,
    /// The codes of the successor communes, in the new list.
    pub communes: Vec<String>,
    /// What the move brings up: a split, several old communes merging into one (which
    /// then has more than one commune team, rule ORG-COMMUNE), a name that could not be
    /// read, a commune the mapping cannot follow.
    pub diagnostics: Vec<Diagnostic>,
}

/// The name(s) a team named `name` in list `from` takes in list `to`, through `mapping`,
/// under `rules` (those of the new list, such as [`NamingRules::two_tier_2025`]). The
/// village slot is kept as it is.
///
/// # Examples
/// ```
/// use cncd::names::{rehome, NamingRules};
/// use cncd::units::{Mapping, Registry};
/// let (old, new) = (Registry::ninh_thuan_2022(), Registry::vietnam_2025());
/// let r = rehome(&old, &new, &Mapping::ninh_thuan_2025(), &NamingRules::ninh_thuan_2022(),
///                &NamingRules::two_tier_2025(), "CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam");
/// assert_eq!(r.names, ["CNCĐ_Thôn Phước Lợi_Phước Hà_Khánh Hòa"]);
/// assert_eq!(r.communes, ["22900"]);
/// ```
pub fn rehome(from: &Registry, to: &Registry, mapping: &Mapping, from_rules: &NamingRules, to_rules: &NamingRules, name: &str) -> Rehomed {
    let mut out = Rehomed { names: Vec::new(), communes: Vec::new(), diagnostics: Vec::new() };
    let checked = check(from, from_rules, name, None, "/name");
    let Some(commune) = checked.commune else {
        out.diagnostics = checked.diagnostics.into_iter().filter(|d| d.severity == Severity::Error).collect();
        return out;
    };
    let old = from.unit(commune);
    let s = mapping.successors_of(from, old.code());
    if s.successors.is_empty() {
        let why = match s.status {
            SuccessorStatus::CodeReused => "code_reused",
            _ => "not_in_mapping",
        };
        out.diagnostics.push(
            Diagnostic::new(
                "NAME-ZALO",
                why,
                Severity::Error,
                "/name",
                format!("Không xác định được xã mới của {} ({}): bảng chuyển đổi không có mã này", old.full_name(), old.code()),
                format!("cannot tell the new commune of {} ({}): the mapping does not have this code", old.full_name(), old.code()),
            )
            .param("code", old.code()),
        );
        return out;
    }
    let village = checked.village.as_deref();
    for succ in &s.successors {
        let Some(new_id) = to.find(Level::Commune, &succ.code) else {
            out.diagnostics.push(Diagnostic::new(
                "NAME-ZALO",
                "not_in_target",
                Severity::Error,
                "/to",
                format!("Danh mục {} không có xã mã {}", to.name(), succ.code),
                format!("{} has no commune with code {}", to.name(), succ.code),
            ));
            continue;
        };
        if let Ok(n) = format(to, to_rules, new_id, village) {
            out.names.push(n);
            out.communes.push(succ.code.clone());
        }
        merged_diagnostic(mapping, to, new_id, village.is_none(), &mut out.diagnostics);
    }
    if s.successors.len() > 1 {
        let codes: Vec<&str> = s.successors.iter().map(|x| x.code.as_str()).collect();
        out.diagnostics.push(
            Diagnostic::new(
                "NAME-ZALO",
                "split",
                Severity::Warning,
                "/name",
                format!("{} được chia cho {} xã mới: chọn tên theo xã nơi tổ hoạt động", old.full_name(), codes.len()),
                format!("{} was split among {} new communes: take the name of the one the team works in", old.full_name(), codes.len()),
            )
            .param("communes", codes),
        );
    }
    out
}

/// Several old communes in one new commune: its commune-level teams become several.
fn merged_diagnostic(mapping: &Mapping, to: &Registry, new_id: UnitId, commune_team: bool, d: &mut Vec<Diagnostic>) {
    let before = mapping.predecessors(to.unit(new_id).code());
    if before.len() > 1 && commune_team {
        let u = to.unit(new_id);
        d.push(
            Diagnostic::new(
                "ORG-COMMUNE",
                "merged_commune_teams",
                Severity::Warning,
                "/name",
                format!("{} được hợp nhất từ {} xã cũ: xã mới sẽ có nhiều hơn một tổ cấp xã", u.full_name(), before.len()),
                format!(
                    "{} merges {} old communes: the new commune will have more than one commune-level team",
                    u.full_name(),
                    before.len()
                ),
            )
            .param("commune", u.code())
            .param("predecessors", before.to_vec()),
        );
    }
}
