//! `format`: the canonical name of a team's unit.

use super::rules::{NamingRules, Slot, TypeWords};
use crate::text::clean::clean_cow;
use crate::text::to_tone_style;
use crate::units::{Level, Registry, UnitId};
use std::borrow::Cow;

/// Why a name could not be formatted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The unit is not a commune of the registry.
    #[error("unit {0} is not a commune of the registry")]
    NotACommune(String),
}

/// The slot text of a unit: its bare name, or its full name when the rules ask for the
/// type word or the bare name would not be enough.
pub(crate) fn unit_slot<'r>(reg: &'r Registry, rules: &NamingRules, id: UnitId) -> Cow<'r, str> {
    let u = reg.unit(id);
    let needs_type_word = match rules.type_words {
        TypeWords::Always => true,
        TypeWords::WhenNeeded => u.is_numbered() || reg.shares_name(id),
    };
    styled(rules, if needs_type_word { u.full_name() } else { u.name() })
}

/// `text` in the rules' tone style: the text itself when the rules keep the list's.
pub(crate) fn styled<'t>(rules: &NamingRules, text: &'t str) -> Cow<'t, str> {
    match rules.tone_style {
        Some(style) => Cow::Owned(to_tone_style(text, style)),
        None => Cow::Borrowed(text),
    }
}

/// The canonical group name of the team of `commune` (a village team when `village` is
/// given: its name with its type word, as "Thôn Phước Lợi").
///
/// The name is NFC, with the prefix's Đ as U+0110, the registry's spelling (or the
/// rules' tone style), and the commune and parent as bare names unless a bare name is a
/// number or would be ambiguous within its parent. The village is cleaned, the rules'
/// separator in it written as a space ("Thôn_A" as "Thôn A"); a village that is blank
/// once cleaned is none (the commune's team).
///
/// # Errors
/// [`FormatError::NotACommune`] if `commune` is not a commune of `reg`.
///
/// # Examples
/// ```
/// use cncd::names::{format, NamingRules};
/// use cncd::units::{Level, Registry};
/// let reg = Registry::ninh_thuan_2022();
/// let rules = NamingRules::ninh_thuan_2022();
/// let phuoc_ha = reg.find(Level::Commune, "22885").unwrap();
/// assert_eq!(format(&reg, &rules, phuoc_ha, Some("Thôn Phước Lợi")).unwrap(), "CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam");
/// assert_eq!(format(&reg, &rules, phuoc_ha, None).unwrap(), "CNCĐ_Phước Hà_Thuận Nam");
/// assert_eq!(format(&reg, &rules, phuoc_ha, Some("Thôn_Lạc  Tiến")).unwrap(), "CNCĐ_Thôn Lạc Tiến_Phước Hà_Thuận Nam");
/// assert_eq!(format(&reg, &rules, phuoc_ha, Some(" ")).unwrap(), "CNCĐ_Phước Hà_Thuận Nam");
/// ```
pub fn format(reg: &Registry, rules: &NamingRules, commune: UnitId, village: Option<&str>) -> Result<String, FormatError> {
    let u = reg
        .get(commune)
        .filter(|u| u.level() == Level::Commune)
        .ok_or_else(|| FormatError::NotACommune(reg.get(commune).map_or_else(|| format!("{commune:?}"), |u| u.code().to_string())))?;
    let commune_slot = unit_slot(reg, rules, commune);
    let parent_slot = u.parent().map(|p| unit_slot(reg, rules, p));
    Ok(format_slots(rules, village, &commune_slot, parent_slot.as_deref()))
}

/// A village's name as its slot writes it: cleaned, in the rules' tone style, with the
/// separator written as a space, so that the name reads back with the same slots.
fn village_slot<'v>(rules: &NamingRules, village: &'v str) -> Cow<'v, str> {
    let sep = rules.separator.as_str();
    let mut v = clean_cow(village);
    if !sep.is_empty() && v.contains(sep) {
        v = Cow::Owned(crate::text::clean(&v.replace(sep, " ")));
    }
    if let Cow::Owned(styled) = styled(rules, &v) {
        return Cow::Owned(styled);
    }
    v
}

/// The group name from its slot texts, as [`unit_slot`] writes them: for a caller that
/// needs the slots too.
pub(crate) fn format_slots(rules: &NamingRules, village: Option<&str>, commune: &str, parent: Option<&str>) -> String {
    let mut name = String::with_capacity(64);
    let mut first = true;
    let mut sep = |name: &mut String| {
        if !std::mem::take(&mut first) {
            name.push_str(&rules.separator);
        }
    };
    for slot in &rules.template {
        match slot {
            Slot::Prefix => {
                sep(&mut name);
                name.push_str(&clean_cow(&rules.prefix));
            }
            Slot::Village => {
                if let Some(v) = village.map(|v| village_slot(rules, v)).filter(|v| !v.is_empty()) {
                    sep(&mut name);
                    name.push_str(&v);
                }
            }
            Slot::Commune => {
                sep(&mut name);
                name.push_str(commune);
            }
            Slot::Parent => {
                if let Some(p) = parent {
                    sep(&mut name);
                    name.push_str(p);
                }
            }
        }
    }
    name
}
