//! `check`: what differs between a typed group name and the standard, one diagnostic per
//! difference.

use super::format::{format_slots, styled, unit_slot};
use super::parse::{parse_noting_clean, ParsedSlot, Separators};
use super::rules::NamingRules;
use crate::diagnostics::{Diagnostic, Severity};
use crate::text::clean::{clean_cow, is_clean_fast};
use crate::text::letters::{info, letter, UPPER};
use crate::text::{ascii_key, name_key, title_case, to_tone_style, ToneStyle};
use crate::units::split_text;
use crate::units::{Level, MatchKind, Registry, ResolveOptions, UnitId, UnitKind};
use serde::{Deserialize, Serialize};

/// A message from its pieces, as `format!("{}{}…")` would write them, in one allocation
/// and without `fmt`'s machinery, which costs several times more on short text.
macro_rules! say {
    ($($piece:expr),+ $(,)?) => {
        [$(AsRef::<str>::as_ref(&$piece)),+].concat()
    };
}

const RULE: &str = "NAME-ZALO";

/// The verdict on a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameStatus {
    /// The name is the canonical one.
    Ok,
    /// It names exactly one unit; `canonical` says how to write it.
    Fixable,
    /// It names no unit, or several.
    Invalid,
}

/// The answer of [`check`].
#[derive(Clone, Debug, PartialEq)]
pub struct NameCheck {
    /// Ok, fixable or invalid.
    pub status: NameStatus,
    /// The canonical name, when the name means one unit.
    pub canonical: Option<String>,
    /// The commune it names.
    pub commune: Option<UnitId>,
    /// The commune's parent (district in three tiers, province in two).
    pub parent: Option<UnitId>,
    /// The village slot, as the canonical name writes it.
    pub village: Option<String>,
    /// One finding per difference from the standard (rule NAME-ZALO).
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks a typed group name against the standard of `rules`: the unit(s) it points to,
/// the canonical name, and one diagnostic per difference, each with a stable code:
///
/// | code | severity | what |
/// |---|---|---|
/// | `prefix_missing` | warning | no `CNCĐ` |
/// | `prefix_variant` | warning | "CNCD", "Tổ CNCĐ", "cncđ", "Tổ công nghệ số cộng đồng", "Nhóm Zalo CNCĐ"… |
/// | `separator` | warning | slots separated by something else than `_` (or by nothing), or `_` between the words of a name |
/// | `slot_order` | warning | the district (or province) typed before the commune |
/// | `separator_spacing` | info | spaces around `_`, `__`, or a `_` before the prefix or after the last slot |
/// | `unicode_form` | info | NFD, look-alike letters or invisible characters |
/// | `spacing` | info | doubled spaces, spaces at the ends, tabs or no-break spaces |
/// | `case` | info | other capitalisation |
/// | `tone_style` | info | the other tone-mark placement ("Hoà" for "Hòa") |
/// | `diacritics_missing` | warning | typed without (or with wrong) diacritics |
/// | `type_word` | info | type word added, missing or abbreviated ("Xã Phước Hà", "TT"); a warning when it is another kind's ("Xã Đô Vinh" for Phường Đô Vinh) |
/// | `typo` | warning | one letter off |
/// | `unknown_commune` / `unknown_parent` | error | no such unit |
/// | `former_province` | warning | in two tiers, a province merged into the commune's on 1 July 2025 ("Ninh Thuận" for Khánh Hòa) |
/// | `short_name` | warning | the commune's district (or province) shortened: its initials ("PRTC", "TP. PRTC") or its first words ("Phan Rang") for Phan Rang-Tháp Chàm |
/// | `commune_not_in_parent` | error | the commune is in another district (of the same province, when the district typed has a commune one letter off its name) |
/// | `ambiguous` | error | several communes fit |
/// | `missing_slot` / `extra_slot` | error | too few slots (no commune, a district or province alone, no district, or the province where the district goes), or too many (a province after the district; in two tiers a district of before 2025; a year, emoji or a part in parentheses after the last slot) |
/// | `unknown_village` | warning | the commune's list of villages has no such village |
/// | `spelling` | info | another spelling of the same name, none of the above |
/// | `not_canonical` | info | differs from the canonical name in a way no other code names |
///
/// `path` is the JSON pointer of the name in the request (`"/name"` for `names.check`).
///
/// # Examples
/// ```
/// use cncd::names::{check, NameStatus, NamingRules};
/// use cncd::units::Registry;
/// let reg = Registry::ninh_thuan_2022();
/// let rules = NamingRules::ninh_thuan_2022();
/// let c = check(&reg, &rules, "CNCD_Thon Phuoc Loi_Phuoc Ha_Thuan Nam", None, "/name");
/// assert_eq!(c.status, NameStatus::Fixable);
/// assert_eq!(c.canonical.as_deref(), Some("CNCĐ_Thon Phuoc Loi_Phước Hà_Thuận Nam"));
/// let codes: Vec<&str> = c.diagnostics.iter().map(|d| &*d.code).collect();
/// assert_eq!(codes, ["prefix_variant", "diacritics_missing", "diacritics_missing"]);
/// assert_eq!(check(&reg, &rules, "CNCĐ_Phước Hà_Thuận Nam", None, "/name").status, NameStatus::Ok);
/// ```
pub fn check(reg: &Registry, rules: &NamingRules, name: &str, province: Option<UnitId>, path: &str) -> NameCheck {
    let (parsed, typed_clean) = parse_noting_clean(reg, rules, name, province);
    let mut d = Vec::new();
    let diag = |code: &'static str, sev: Severity, vi: String, en: String| Diagnostic::new(RULE, code, sev, path, vi, en);
    if parsed.prefix.is_none() {
        d.push(diag(
            "prefix_missing",
            Severity::Warning,
            say!("Tên nhóm phải bắt đầu bằng \"", rules.prefix, "\""),
            say!("the group name must start with \"", rules.prefix, "\""),
        ));
    } else if parsed.prefix.as_deref() != Some(rules.prefix.as_str()) {
        let typed = parsed.prefix.clone().unwrap_or_default();
        d.push(
            diag(
                "prefix_variant",
                Severity::Warning,
                say!("Tiền tố \"", typed, "\" phải viết là \"", rules.prefix, "\""),
                say!("the prefix \"", typed, "\" should be written \"", rules.prefix, "\""),
            )
            .param("typed", typed.clone())
            .param("expected", rules.prefix.clone()),
        );
    }
    match parsed.separators {
        Separators::Standard => {}
        Separators::Spaced => d.push(diag(
            "separator_spacing",
            Severity::Info,
            say!("Dấu \"", rules.separator, "\" không có khoảng trắng hai bên và không lặp lại"),
            say!("\"", rules.separator, "\" takes no spaces around it and is not doubled"),
        )),
        Separators::Other => d.push(diag(
            "separator",
            Severity::Warning,
            say!("Các phần của tên phải ngăn cách bằng \"", rules.separator, "\""),
            say!("the parts of the name must be separated by \"", rules.separator, "\""),
        )),
    }
    if parsed.swapped {
        d.push(diag(
            "slot_order",
            Severity::Warning,
            "Các phần của tên không đúng thứ tự: tên xã (phường, thị trấn) đứng trước tên huyện (hoặc tỉnh)".into(),
            "the parts of the name are out of order: the commune comes before the district (or province)".into(),
        ));
    }
    // Most names pass the cheap scan of `clean` (which `parse` ran), which admits only
    // NFC text without Ð, ð or invisible characters; the others are looked at closely.
    let plain = typed_clean || (crate::text::normal::is_nfc(name) && !name.contains(['\u{D0}', '\u{F0}']) && !has_invisible(name));
    if !plain {
        d.push(diag(
            "unicode_form",
            Severity::Info,
            "Tên có ký tự tổ hợp (NFD), chữ giống chữ Đ hoặc ký tự ẩn; đã chuẩn hóa".into(),
            "the name has decomposed (NFD) letters, a look-alike of Đ or invisible characters; normalised".into(),
        ));
    }
    if !typed_clean && stray_spaces(name, &rules.separator) {
        d.push(diag(
            "spacing",
            Severity::Info,
            "Tên có khoảng trắng thừa hoặc khoảng trắng lạ".into(),
            "the name has extra or unusual spaces".into(),
        ));
    }
    if let Some(extra) = parsed.extra.first() {
        d.push(
            diag(
                "extra_slot",
                Severity::Error,
                say!("Tên có phần thừa: \"", extra, "\""),
                say!("the name has a part too many: \"", extra, "\""),
            )
            .param("extra", parsed.extra.len()),
        );
    }

    let mut out =
        NameCheck { status: NameStatus::Invalid, canonical: None, commune: None, parent: None, village: None, diagnostics: Vec::new() };
    if !parsed.ambiguous.is_empty() {
        let names: Vec<String> = parsed.ambiguous.iter().map(|&c| describe(reg, c)).collect();
        d.push(
            diag(
                "ambiguous",
                Severity::Error,
                say!("Tên có thể chỉ nhiều xã: ", names.join("; ")),
                say!("the name may mean several communes: ", names.join("; ")),
            )
            .param("candidates", parsed.ambiguous.iter().map(|&c| reg.unit(c).code().to_string()).collect::<Vec<_>>()),
        );
        out.diagnostics = d;
        return out;
    }
    let Some(commune) = parsed.unit else {
        if parsed.commune.is_none() {
            d.push(diag(
                "missing_slot",
                Severity::Error,
                "Tên thiếu phần xã (phường, thị trấn)".into(),
                "the name lacks the commune part".into(),
            ));
            out.diagnostics = d;
            return out;
        }
        let typed = parsed.commune.as_ref().map(|c| c.text.clone()).unwrap_or_default();
        // A district (or province) alone, which has no team of its own: the commune is
        // what is missing, not unknown ("CNCĐ_Thuận Nam").
        let alone = parsed.parent.is_none() && parsed.village.is_none();
        let (code, vi, en) = match alone.then(|| unit_above_communes(reg, &typed, province)).flatten() {
            Some(above) => (
                "missing_slot",
                say!("Tên thiếu phần xã (phường, thị trấn): \"", typed, "\" là ", above.full_name()),
                say!("the name lacks the commune part: \"", typed, "\" is ", above.full_name()),
            ),
            None => (
                "unknown_commune",
                say!("Không tìm thấy xã \"", typed, "\" trong danh mục ", reg.name()),
                say!("no commune \"", typed, "\" in ", reg.name()),
            ),
        };
        d.push(diag(code, Severity::Error, vi, en).param("typed", typed));
        out.diagnostics = d;
        return out;
    };
    let village = parsed.village_unit.map(|v| reg.unit(v).full_name().to_string()).or_else(|| parsed.village.as_deref().map(village_slot));
    let real_parent = reg.unit(commune).parent();
    // The canonical texts of the slots, for the name and for the findings.
    let commune_slot = unit_slot(reg, rules, commune);
    let parent_slot = real_parent.map(|p| unit_slot(reg, rules, p));
    let canonical = format_slots(rules, village.as_deref(), &commune_slot, parent_slot.as_deref());

    // The commune slot.
    if let Some(slot) = &parsed.commune {
        slot_diagnostics(rules, slot, &commune_slot, "commune", &mut d, &diag);
        if let Some(wrong) = wrong_type_word(reg, commune, slot, &commune_slot, &diag) {
            // Said once, as a warning, in place of the slot's `type_word` as information.
            d.retain(|x| x.code != "type_word" || x.params.get("slot").and_then(|v| v.as_str()) != Some("commune"));
            d.push(wrong);
        }
    }
    // The parent slot.
    match (&parsed.parent, real_parent) {
        (None, _) => d.push(diag(
            "missing_slot",
            Severity::Error,
            "Tên thiếu phần huyện (hoặc tỉnh)".into(),
            "the name lacks the district (or province) part".into(),
        )),
        (Some(slot), Some(rp)) if slot.unit == Some(rp) => {
            slot_diagnostics(rules, slot, parent_slot.as_deref().unwrap_or_default(), "parent", &mut d, &diag)
        }
        // The commune's province where its district goes.
        (Some(slot), Some(rp)) if slot.unit.is_some() && slot.unit == reg.unit(rp).parent() => {
            let expected = parent_slot.as_deref().unwrap_or_default();
            d.push(
                diag(
                    "missing_slot",
                    Severity::Error,
                    say!("Tên thiếu phần huyện: \"", slot.text, "\" là tỉnh; phần cuối phải là \"", expected, "\""),
                    say!("the name lacks the district part: \"", slot.text, "\" is the province; the last part must be \"", expected, "\""),
                )
                .param("typed", slot.text.clone())
                .param("expected", expected),
            )
        }
        (Some(slot), Some(rp)) if slot.unit.is_some() => d.push(not_in_parent(reg, commune, rp, &slot.text, &diag)),
        // A parent slot that names no unit may still be the commune's own district, written
        // otherwise.
        (Some(slot), rp) => {
            let expected = parent_slot.as_deref().unwrap_or_default();
            let finding = rp.and_then(|rp| {
                former_province(reg, commune, rp, &slot.text, expected, &diag)
                    .or_else(|| hyphen_finding(&slot.text, expected, "parent", &diag))
                    .or_else(|| {
                        is_short_name(&slot.text, reg.unit(rp).full_name()).then(|| {
                            diag(
                                "short_name",
                                Severity::Warning,
                                say!("\"", slot.text, "\" là tên viết tắt, cần viết đủ: \"", expected, "\""),
                                say!("\"", slot.text, "\" is a short form: write \"", expected, "\" in full"),
                            )
                            .param("typed", slot.text.clone())
                            .param("expected", expected)
                        })
                    })
            });
            d.push(finding.unwrap_or_else(|| {
                diag(
                    "unknown_parent",
                    Severity::Error,
                    say!("Không tìm thấy huyện (hoặc tỉnh) \"", slot.text, "\""),
                    say!("no district (or province) \"", slot.text, "\""),
                )
                .param("typed", slot.text.clone())
            }));
        }
    }
    // The village slot.
    if let Some(v) = &parsed.village {
        if reg.children(commune).iter().any(|&k| reg.unit(k).level() == Level::Village) && parsed.village_unit.is_none() {
            d.push(
                diag(
                    "unknown_village",
                    Severity::Warning,
                    say!("Danh sách thôn của ", reg.unit(commune).full_name(), " không có \"", v, "\""),
                    say!("the villages of ", reg.unit(commune).full_name(), " do not include \"", v, "\""),
                )
                .param("typed", v.clone()),
            );
        } else if let Some(canon) = &village {
            text_diagnostics(rules, v, canon, "village", None, &mut d, &diag);
        }
    }
    out.status = if d.is_empty() && name == canonical { NameStatus::Ok } else { NameStatus::Fixable };
    if out.status == NameStatus::Fixable && d.is_empty() {
        // Only a difference that no finding names (such as the tone style when the
        // rules fix one): say it plainly.
        d.push(
            diag(
                "not_canonical",
                Severity::Info,
                say!("Tên chuẩn là \"", canonical, "\""),
                say!("the canonical name is \"", canonical, "\""),
            )
            .param("canonical", canonical.clone()),
        );
    }
    out.canonical = Some(canonical);
    out.commune = Some(commune);
    out.parent = real_parent;
    out.village = village;
    out.diagnostics = d;
    out
}

/// The district or province that `text` names by itself (in any spelling but a typo),
/// within `province` if given: a unit above the communes, which has no team.
fn unit_above_communes<'r>(reg: &'r Registry, text: &str, province: Option<UnitId>) -> Option<crate::units::Unit<'r>> {
    [Level::District, Level::Province].into_iter().find_map(|level| {
        reg.resolve(text, &ResolveOptions { level: Some(level), within: province }).unique_untypoed().map(|u| reg.unit(u))
    })
}

/// The finding for a parent slot that names a province merged into another on 1 July
/// 2025 ("CNCĐ_Phước Hà_Ninh Thuận" in two tiers): `former_province` (a warning) where
/// the commune is in a province that took the earlier one's communes, and
/// `commune_not_in_parent` where it is not. `None` where the slot names no earlier
/// province (see [`Registry::merged_into`]).
fn former_province(reg: &Registry, commune: UnitId, parent: UnitId, typed: &str, expected: &str, diag: &Diag) -> Option<Diagnostic> {
    let merged = reg.merged_into(typed);
    if merged.is_empty() {
        return None;
    }
    if !merged.contains(&parent) {
        return Some(not_in_parent(reg, commune, parent, typed, diag));
    }
    let (c, p) = (reg.unit(commune).full_name(), reg.unit(parent).full_name());
    let finding = diag(
        "former_province",
        Severity::Warning,
        say!("\"", typed, "\" là tỉnh cũ, đã sáp nhập từ ngày 1/7/2025; nay ", c, " thuộc ", p, ": phần cuối phải là \"", expected, "\""),
        say!(
            "\"",
            typed,
            "\" was a province until its merger on 1 July 2025; ",
            c,
            " is now in ",
            p,
            ": the last part must be \"",
            expected,
            "\""
        ),
    );
    Some(finding.param("typed", typed).param("expected", expected))
}

/// `commune_not_in_parent`: the parent slot `typed` names a unit, not the commune's
/// `parent`.
fn not_in_parent(reg: &Registry, commune: UnitId, parent: UnitId, typed: &str, diag: &Diag) -> Diagnostic {
    let (c, p) = (reg.unit(commune).full_name(), reg.unit(parent).full_name());
    diag(
        "commune_not_in_parent",
        Severity::Error,
        say!(c, " không thuộc \"", typed, "\" mà thuộc ", p),
        say!(c, " is not in \"", typed, "\" but in ", p),
    )
    .param("typed", typed)
    .param("expected", reg.unit(parent).code().to_string())
}

/// The finding for a commune slot typed with the type word of another kind of unit
/// ("Xã Đô Vinh" for Phường Đô Vinh): a warning, since the type word says what the unit
/// is. `None` where the slot has no type word, or the unit's own.
fn wrong_type_word(reg: &Registry, commune: UnitId, slot: &ParsedSlot, canon: &str, diag: &Diag) -> Option<Diagnostic> {
    let unit = reg.unit(commune);
    // A type word makes the slot longer than the unit's bare name (the cheap test, for
    // every name checked).
    if slot.text.len() <= unit.name().len() {
        return None;
    }
    let split = split_text(&slot.text, true);
    let typed = split.kind;
    // A name may start with a word that is also a type word ("Trường Yên", "Phương
    // Hải"): only a word before the unit's own name is its type word.
    if typed == UnitKind::Other || typed == unit.kind() || ascii_key(split.bare()) != unit.ascii_key() {
        return None;
    }
    let (is, not) = (unit.kind().type_word().to_lowercase(), typed.type_word().to_lowercase());
    Some(
        diag(
            "type_word",
            Severity::Warning,
            say!("\"", slot.text, "\": ", unit.full_name(), " là ", is, ", không phải ", not, "; viết là \"", canon, "\""),
            say!("\"", slot.text, "\": ", unit.full_name(), " is a ", is, ", not a ", not, "; write \"", canon, "\""),
        )
        .param("slot", "commune")
        .param("typed", slot.text.clone())
        .param("expected", canon),
    )
}

/// The canonical text of a village slot that no list answers (the registry has no
/// villages for the commune): its type word as the lists write it, from any case or
/// abbreviation ("thôn", "KP3", "TDP 5" for "Thôn", "Khu phố 3", "Tổ dân phố 5"), and a
/// name typed all in one case in title case ("PHƯỚC LỢI" for "Phước Lợi"). A name typed
/// without diacritics keeps its type word without them too ("Thon Phuoc Loi": its
/// name's diacritics are not known, and half of them would be no better). A name in
/// mixed case, and a type word that is not a village's, are kept as typed.
pub(super) fn village_slot(typed: &str) -> String {
    let t = split_text(typed, true);
    let bare = t.bare();
    let one_case = bare.chars().all(|c| !c.is_uppercase()) || bare.chars().all(|c| !c.is_lowercase());
    let bare_canon = if one_case { title_case(bare) } else { bare.to_string() };
    match t.kind {
        UnitKind::Other => bare_canon,
        _ if bare.is_empty() => typed.to_string(),
        kind if kind.is_village() => {
            let typed_word = t.cleaned_text().strip_suffix(bare).unwrap_or_default();
            let ascii_name = typed.is_ascii() && t.abbreviated != Some(true) && bare.chars().any(char::is_alphabetic);
            let word = if ascii_name { title_case(typed_word) } else { kind.type_word().to_string() };
            say!(word, " ", bare_canon)
        }
        _ => typed.to_string(),
    }
}

fn describe(reg: &Registry, c: UnitId) -> String {
    let u = reg.unit(c);
    match u.parent() {
        Some(p) => say!(u.full_name(), " (", reg.unit(p).full_name(), ", ", u.code(), ")"),
        None => say!(u.full_name(), " (", u.code(), ")"),
    }
}

fn has_invisible(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'))
}

/// Whether `typed` is a short form of the name of the unit named `full_name`, its type
/// word there or not: its initials, at least two, in either case, with or without full
/// stops ("PRTC", "P.R.T.C", "TP. PRTC" for "Thành phố Phan Rang-Tháp Chàm"), or its
/// first words, at least two ("Phan Rang", "TP Phan Rang").
pub(super) fn is_short_name(typed: &str, full_name: &str) -> bool {
    let words =
        |s: &str| ascii_key(split_text(s, true).bare()).split([' ', '-']).filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let name = words(full_name);
    let initials: String = name.iter().filter_map(|w| w.chars().next()).collect();
    let letters = |s: &str| ascii_key(s).chars().filter(char::is_ascii_alphanumeric).collect::<String>();
    let first_words = words(typed);
    (initials.len() >= 2 && (letters(typed) == initials || letters(split_text(typed, true).bare()) == initials))
        || (first_words.len() >= 2 && first_words.len() < name.len() && name.starts_with(&first_words))
}

/// Whether `name` has white space that the standard does not: at its ends, two in a row,
/// or other than U+0020 (a tab, a no-break space). Spaces beside the separator are
/// `separator_spacing`'s, and are not counted here.
fn stray_spaces(name: &str, sep: &str) -> bool {
    if name.starts_with(char::is_whitespace) || name.ends_with(char::is_whitespace) {
        return true;
    }
    let mut rest = name;
    while let Some(start) = rest.find(char::is_whitespace) {
        let after = &rest[start..];
        let len = after.find(|c: char| !c.is_whitespace()).unwrap_or(after.len());
        let run = &after[..len];
        let beside_sep = rest[..start].ends_with(sep) || after[len..].starts_with(sep);
        if run != " " && !beside_sep {
            return true;
        }
        rest = &after[len..];
    }
    false
}

type Diag<'a> = dyn Fn(&'static str, Severity, String, String) -> Diagnostic + 'a;

/// Findings for a unit slot that named its unit.
fn slot_diagnostics(rules: &NamingRules, slot: &ParsedSlot, canon: &str, which: &str, d: &mut Vec<Diagnostic>, diag: &Diag) {
    let style = rules.tone_style;
    match slot.matched {
        // A space typed for a hyphen, a hyphen for a space ("Phan Rang Tháp Chàm"), or
        // either left out ("PhướcHà"), is the same name written otherwise, not a letter off.
        Some(MatchKind::Typo) => d.push(hyphen_finding(&slot.text, canon, which, diag).unwrap_or_else(|| {
            diag(
                "typo",
                Severity::Warning,
                say!("\"", slot.text, "\" sai chính tả, đúng là \"", canon, "\""),
                say!("\"", slot.text, "\" is misspelt: \"", canon, "\""),
            )
            .param("slot", which)
            .param("typed", slot.text.clone())
            .param("expected", canon)
        })),
        Some(MatchKind::AsciiKey) if !same_letters_with_diacritics(&slot.text, canon) => {
            let (vi, en) = diacritics_missing(&slot.text, canon);
            d.push(
                diag("diacritics_missing", Severity::Warning, vi, en)
                    .param("slot", which)
                    .param("typed", slot.text.clone())
                    .param("expected", canon),
            )
        }
        _ => text_diagnostics(rules, &slot.text, canon, which, style, d, diag),
    }
}

/// Whether the typed text has diacritics where the canonical one has them (so that an
/// ASCII-key match is a matter of case or type word, not of diacritics).
///
/// Typed in ASCII, as most such slots are, it has none; the canonical name's bare name
/// then has them if it has a letter of the Vietnamese alphabet outside ASCII, which its
/// name key keeps (a test checks this of every such letter), and the keys need not be
/// written.
fn same_letters_with_diacritics(typed: &str, canon: &str) -> bool {
    let canon_split = split_text(canon, true);
    let canon_bare = canon_split.bare();
    if typed.is_ascii() && canon_bare.chars().any(|c| !c.is_ascii() && letter(c).is_some()) {
        return false;
    }
    name_key(split_text(typed, true).bare()) == name_key(canon_bare)
}

/// Findings for a slot whose text names the right unit, by how it differs from the
/// canonical text.
fn text_diagnostics(
    rules: &NamingRules,
    typed: &str,
    canon: &str,
    which: &str,
    style: Option<ToneStyle>,
    d: &mut Vec<Diagnostic>,
    diag: &Diag,
) {
    if typed == canon {
        return;
    }
    // The canonical text in other case ("PHƯỚC HÀ", "xã Phước Hà"), already clean: the
    // steps of `split_diagnostics` would find the same type word in both, then say
    // `case` (a test compares them on every name of the lists). Said here without
    // splitting either text, which cost more than the rest of an upper-case slot's check.
    if is_clean_fast(typed) && same_lowercase(typed, canon) {
        let case = diag("case", Severity::Info, case_vi(typed, canon), case_en(typed, canon));
        d.push(case.param("slot", which).param("typed", typed).param("expected", canon));
        return;
    }
    split_diagnostics(rules, typed, canon, which, style, d, diag);
}

/// [`text_diagnostics`] of a `typed` text that differs from `canon`, by splitting both
/// into type word and bare name.
fn split_diagnostics(
    rules: &NamingRules,
    typed: &str,
    canon: &str,
    which: &str,
    style: Option<ToneStyle>,
    d: &mut Vec<Diagnostic>,
    diag: &Diag,
) {
    let mut push = |code: &'static str, sev: Severity, vi: String, en: String| {
        d.push(diag(code, sev, vi, en).param("slot", which).param("typed", typed).param("expected", canon));
    };
    let t = split_text(typed, true);
    let c = split_text(canon, true);
    let typed_kind = t.kind != UnitKind::Other;
    let canon_kind = c.kind != UnitKind::Other;
    if typed_kind != canon_kind || t.abbreviated == Some(true) {
        push(
            "type_word",
            Severity::Info,
            say!("\"", typed, "\" nên viết là \"", canon, "\" (loại đơn vị)"),
            say!("\"", typed, "\" should be \"", canon, "\" (the unit's type word)"),
        );
        return;
    }
    let bare = clean_cow(t.bare());
    if *clean_cow(typed) != *typed {
        push("spacing", Severity::Info, say!("\"", typed, "\" có khoảng trắng thừa"), say!("\"", typed, "\" has extra spaces"));
    }
    let styled_bare = styled(rules, &bare);
    let canon_bare = c.bare();
    if styled_bare == *canon_bare {
        // The bare names agree; the type word may not ("quan 4" for "Quận 4").
        let typed_word = t.cleaned_text().strip_suffix(t.bare()).unwrap_or_default();
        let canon_word = c.cleaned_text().strip_suffix(canon_bare).unwrap_or_default();
        if typed_word == canon_word {
            return;
        }
        let (code, vi, en) = if same_lowercase(typed_word, canon_word) {
            ("case", case_vi(typed, canon), case_en(typed, canon))
        } else if ascii_key(typed_word) == ascii_key(canon_word) {
            let (vi, en) = diacritics_missing(typed, canon);
            ("diacritics_missing", vi, en)
        } else {
            let (vi, en) = spelling(typed, canon);
            ("spelling", vi, en)
        };
        let sev = if code == "diacritics_missing" { Severity::Warning } else { Severity::Info };
        push(code, sev, vi, en);
        return;
    }
    if same_lowercase(&styled_bare, canon_bare) {
        push("case", Severity::Info, case_vi(typed, canon), case_en(typed, canon));
        return;
    }
    let other = |s: &str| match style {
        Some(st) => to_tone_style(s, st),
        None => to_tone_style(
            s,
            if to_tone_style(canon_bare, ToneStyle::Modern) == *canon_bare { ToneStyle::Modern } else { ToneStyle::Traditional },
        ),
    };
    let restyled = other(&bare);
    if same_lowercase(&restyled, canon_bare) {
        push(
            "tone_style",
            Severity::Info,
            say!("\"", typed, "\" nên bỏ dấu là \"", canon, "\""),
            say!("\"", typed, "\" should place its tone marks as \"", canon, "\""),
        );
        if restyled != *canon_bare {
            push("case", Severity::Info, case_vi(typed, canon), case_en(typed, canon));
        }
        return;
    }
    // The same name key, written otherwise: a leading zero ("Phường 1" for "Phường 01"),
    // spaces around a hyphen ("Phan Rang - Tháp Chàm"): another spelling, as below.
    let (vi, en) = spelling(typed, canon);
    push("spelling", Severity::Info, vi, en);
}

/// The messages of the `case` finding.
fn case_vi(typed: &str, canon: &str) -> String {
    say!("\"", typed, "\" nên viết hoa là \"", canon, "\"")
}

/// See [`case_vi`].
fn case_en(typed: &str, canon: &str) -> String {
    say!("\"", typed, "\" should be capitalised \"", canon, "\"")
}

/// The finding for a slot that differs from `canon` only by spaces typed for hyphens,
/// hyphens for spaces, or either left out ("PhướcHà", "Phan RangTháp Chàm"): `spelling`,
/// or `diacritics_missing` if its diacritics differ too; `None` if it differs otherwise.
fn hyphen_finding(typed: &str, canon: &str, which: &str, diag: &Diag) -> Option<Diagnostic> {
    let joined = |key: String| key.replace([' ', '-'], "");
    let finding = if joined(name_key(typed)) == joined(name_key(canon)) {
        let (vi, en) = spelling(typed, canon);
        diag("spelling", Severity::Info, vi, en)
    } else if joined(ascii_key(typed)) == joined(ascii_key(canon)) {
        let (vi, en) = diacritics_missing(typed, canon);
        diag("diacritics_missing", Severity::Warning, vi, en)
    } else {
        return None;
    };
    Some(finding.param("slot", which).param("typed", typed).param("expected", canon))
}

/// The message of `spelling`, in Vietnamese and English.
fn spelling(typed: &str, canon: &str) -> (String, String) {
    (say!("\"", typed, "\" nên viết là \"", canon, "\""), say!("\"", typed, "\" should be written \"", canon, "\""))
}

/// The message of `diacritics_missing`, in Vietnamese and English.
fn diacritics_missing(typed: &str, canon: &str) -> (String, String) {
    (
        say!("\"", typed, "\" thiếu hoặc sai dấu, đúng là \"", canon, "\""),
        say!("\"", typed, "\" lacks or has wrong diacritics: \"", canon, "\""),
    )
}

/// `a.to_lowercase() == b.to_lowercase()`, without the two copies.
///
/// Letters of the Vietnamese alphabet are compared by their table entries without the
/// case bit, one load each (a test checks that this is their lower case). From the first
/// pair of characters that differ and are not both such letters, the rest is compared by
/// `char::to_lowercase`; or, if either text has a capital sigma, the whole by
/// `str::to_lowercase`, which writes one at the end of a word as "ς" (a character alone
/// cannot tell). Before that pair, each side's characters are the same or are letters
/// of one case or the other, so a sigma's context is the same on both sides, and the
/// loop may pass over one.
fn same_lowercase(a: &str, b: &str) -> bool {
    let (mut ai, mut bi) = (a.char_indices(), b.char_indices());
    // Where the letter tables stop answering: the byte offsets of the first pair of
    // characters that differ and are not both letters of the tables.
    let (i, j) = loop {
        match (ai.next(), bi.next()) {
            (None, None) => return true,
            (Some((_, ca)), Some((_, cb))) if ca == cb => {}
            (Some((i, ca)), Some((j, cb))) => {
                let (ea, eb) = (info(ca as u32), info(cb as u32));
                if ea == 0 || eb == 0 {
                    break (i, j);
                }
                if ea & !UPPER != eb & !UPPER {
                    return false;
                }
            }
            (Some((i, _)), None) => break (i, b.len()),
            (None, Some((j, _))) => break (a.len(), j),
        }
    };
    if a.contains('\u{3A3}') || b.contains('\u{3A3}') {
        return a.to_lowercase() == b.to_lowercase();
    }
    a[i..].chars().flat_map(char::to_lowercase).eq(b[j..].chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two letters of the tables are the same in lower case exactly when their entries
    /// are the same without the case bit.
    #[test]
    fn letter_entries_without_case_are_the_lower_case() {
        let letters: Vec<char> = (0..0x1F00u32).filter_map(char::from_u32).filter(|&c| info(c as u32) != 0).collect();
        assert!(letters.len() > 150, "{}", letters.len());
        for &a in &letters {
            for &b in &letters {
                let by_entry = info(a as u32) & !UPPER == info(b as u32) & !UPPER;
                assert_eq!(by_entry, a.to_lowercase().eq(b.to_lowercase()), "{a:?} {b:?}");
            }
        }
    }

    /// `text_diagnostics`' shortcut for a text that differs from the canonical one only
    /// by case says what splitting both texts says: for every unit's full and bare name
    /// of both lists (the texts a slot is checked against), in upper case, lower case
    /// and with its first letter turned, under rules with and without a tone style.
    #[cfg(all(feature = "vietnam-2022", feature = "vietnam-2025"))]
    #[test]
    fn case_shortcut_says_what_the_split_says() {
        let diag = |code: &'static str, sev: Severity, vi: String, en: String| Diagnostic::new(RULE, code, sev, "/name", vi, en);
        let mut styled_rules = NamingRules::ninh_thuan_2022();
        styled_rules.tone_style = Some(ToneStyle::Modern);
        let mut compared = 0;
        for reg in [Registry::vietnam_2022(), Registry::vietnam_2025()] {
            for (_, u) in reg.units() {
                for canon in [u.full_name(), u.name()] {
                    let mut turned = canon.chars();
                    let first: String = turned
                        .next()
                        .map(|c| if c.is_uppercase() { c.to_lowercase().collect() } else { c.to_uppercase().collect() })
                        .unwrap_or_default();
                    for typed in [canon.to_uppercase(), canon.to_lowercase(), first + turned.as_str()] {
                        if typed == canon || !is_clean_fast(&typed) || !same_lowercase(&typed, canon) {
                            continue;
                        }
                        for rules in [&NamingRules::ninh_thuan_2022(), &styled_rules] {
                            let canon = styled(rules, canon);
                            let (mut short, mut split) = (Vec::new(), Vec::new());
                            text_diagnostics(rules, &typed, &canon, "commune", rules.tone_style, &mut short, &diag);
                            split_diagnostics(rules, &typed, &canon, "commune", rules.tone_style, &mut split, &diag);
                            assert_eq!(short, split, "{typed:?} for {canon:?}");
                            compared += 1;
                        }
                    }
                }
            }
        }
        assert!(compared > 50_000, "{compared}");
    }

    /// What `same_letters_with_diacritics`'s shortcut rests on: a letter of the tables
    /// outside ASCII keeps a character outside ASCII in the name key, alone or in a
    /// syllable whose tone mark the key's tone style may move.
    #[test]
    fn a_letter_outside_ascii_keeps_a_diacritic_in_the_name_key() {
        let letters: Vec<char> = (0x80..0x1F00u32).filter_map(char::from_u32).filter(|&c| letter(c).is_some()).collect();
        assert!(letters.len() > 100, "{}", letters.len());
        for c in letters {
            for s in [format!("{c}"), format!("h{c}a"), format!("ho{c}"), format!("{c}y"), format!("qu{c}"), format!("gi{c}n")] {
                assert!(!name_key(&s).is_ascii(), "{s:?}: {:?}", name_key(&s));
            }
        }
    }

    /// The shortcut answers as the keys do, for every name of the Ninh Thuận list as its
    /// canonical slot, typed in ASCII, in ASCII capitals, and as the list writes it.
    #[test]
    fn same_letters_with_diacritics_answers_as_the_keys() {
        let reg = Registry::ninh_thuan_2022();
        let by_keys = |typed: &str, canon: &str| name_key(split_text(typed, true).bare()) == name_key(split_text(canon, true).bare());
        let mut differ = 0;
        for (_, u) in reg.units() {
            for canon in [u.full_name(), u.name()] {
                for typed in [crate::text::ascii_key(canon), crate::text::ascii_key(canon).to_uppercase(), canon.to_string()] {
                    assert_eq!(same_letters_with_diacritics(&typed, canon), by_keys(&typed, canon), "{typed:?} {canon:?}");
                    differ += usize::from(!by_keys(&typed, canon));
                }
            }
        }
        assert!(differ > 100, "{differ}");
    }

    fn assert_as_to_lowercase(a: &str, b: &str) {
        assert_eq!(same_lowercase(a, b), a.to_lowercase() == b.to_lowercase(), "{a:?} {b:?}");
    }

    #[test]
    fn same_lowercase_is_to_lowercase() {
        for (a, b) in [
            ("PHƯỚC HÀ", "Phước Hà"),
            ("PHƯỚC HÀ", "Phước Hạ"),
            ("Phước Hà", "Phước Hà "),
            ("", ""),
            ("Ð", "ð"),
            ("Đ", "ð"),
            ("İ", "i\u{307}"),
            ("AΣ", "aς"),
            ("AΣB", "aσb"),
            ("THÀNH Ǆ", "thành ǆ"),
            ("Ａ", "ａ"),
        ] {
            assert_as_to_lowercase(a, b);
            assert_as_to_lowercase(b, a);
        }
    }

    proptest::proptest! {
        #[test]
        fn same_lowercase_is_to_lowercase_on_any_text(a in "[ aAàÀảẢđĐĐðÐưƯớỚΣσςİi\u{307}\u{300}ǅǆǄ]{0,8}", b in "[ aAàÀảẢđĐðÐưƯớỚΣσςİi\u{307}\u{300}ǅǆǄ]{0,8}") {
            assert_as_to_lowercase(&a, &b);
            assert_as_to_lowercase(&a, &a.to_uppercase());
        }
    }

    /// The words of findings that the bench's names and the vectors do not show.
    #[test]
    fn messages_of_rare_findings() {
        let reg = Registry::ninh_thuan_2022();
        let rules = NamingRules::ninh_thuan_2022();
        let message = |name: &str, code: &str| {
            let c = check(&reg, &rules, name, None, "/name");
            let d = c.diagnostics.iter().find(|d| d.code == code).unwrap_or_else(|| panic!("{name}: {:?}", c.diagnostics));
            (d.message.vi.clone(), d.message.en.clone())
        };
        assert_eq!(
            message("CNCĐ_A_B_Phước Hà_Thuận Nam", "extra_slot"),
            ("Tên có phần thừa: \"A\"".to_string(), "the name has a part too many: \"A\"".to_string())
        );
        assert_eq!(
            message("CNCĐ", "missing_slot"),
            ("Tên thiếu phần xã (phường, thị trấn)".to_string(), "the name lacks the commune part".to_string())
        );
        assert_eq!(
            message("CNCĐ_Phước  Hà_Thuận Nam", "spacing"),
            ("Tên có khoảng trắng thừa hoặc khoảng trắng lạ".to_string(), "the name has extra or unusual spaces".to_string())
        );
        assert_eq!(
            message("CNCĐ_Phước Hà_Huyện Không Có", "unknown_parent"),
            ("Không tìm thấy huyện (hoặc tỉnh) \"Huyện Không Có\"".to_string(), "no district (or province) \"Huyện Không Có\"".to_string())
        );
        assert_eq!(
            message("CNCĐ_Đô Vinh_PRTC", "short_name"),
            (
                "\"PRTC\" là tên viết tắt, cần viết đủ: \"Phan Rang-Tháp Chàm\"".to_string(),
                "\"PRTC\" is a short form: write \"Phan Rang-Tháp Chàm\" in full".to_string()
            )
        );
    }
}
