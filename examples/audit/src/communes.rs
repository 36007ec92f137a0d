//! The first tool of the audit, kept: commune names as people type them in the field (one
//! per line), matched against the official list of Ninh Thuận (2022), with what each
//! commune became after the 2025 reform, and per district the communes the list never
//! mentions. `cncd-audit --communes FILE`.

use crate::render::Lang;
use cncd::units::{Level, Mapping, MatchKind, Registry, ResolveOptions, ResolveStatus, SuccessorStatus};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The shipped sample of typed names.
pub const SAMPLE: &str = include_str!("../data/field-commune-names.txt");

macro_rules! outln {
    ($o:expr, $($arg:tt)*) => {{ let _ = writeln!($o, $($arg)*); }};
}

fn matched(lang: Lang, m: MatchKind) -> &'static str {
    match (m, lang.en) {
        (MatchKind::Exact, false) => "đúng tên",
        (MatchKind::Exact, true) => "exact",
        (MatchKind::NameKey, false) => "khác cách viết",
        (MatchKind::NameKey, true) => "other spelling",
        (MatchKind::AsciiKey, false) => "không dấu",
        (MatchKind::AsciiKey, true) => "without diacritics",
        (MatchKind::Abbreviation, false) => "viết tắt",
        (MatchKind::Abbreviation, true) => "abbreviated",
        (MatchKind::Typo, false) => "gõ sai một chữ",
        (MatchKind::Typo, true) => "one typo",
    }
}

/// The report on a list of typed commune names.
pub fn report(text: &str, lang: Lang) -> String {
    let mut o = String::new();
    let reg = Registry::ninh_thuan_2022();
    let mapping = Mapping::ninh_thuan_2025();
    outln!(o, "cncd-audit · Ninh Thuận 2022 · {} {}", reg.count(Level::Commune), lang.t("xã, phường, thị trấn", "communes"));
    outln!(o, "{}", lang.t("Đối chiếu tên xã gõ tay với danh mục chính thức:", "Typed commune names against the official list:"));
    let mut seen = BTreeSet::new();
    let (mut unclear, mut total) = (0, 0);
    for (n, line) in text.lines().enumerate() {
        let typed = line.trim();
        if typed.is_empty() || typed.starts_with('#') {
            continue;
        }
        total += 1;
        let r = reg.resolve(typed, &ResolveOptions { level: Some(Level::Commune), within: None });
        let label = format!("{:>3}  {typed:<40}", n + 1);
        match r.status {
            ResolveStatus::Unique => {
                let id = r.candidates[0].unit;
                seen.insert(id);
                let u = reg.unit(id);
                let district = reg.unit(u.parent().unwrap_or(id)).full_name();
                let s = mapping.successors_of(&reg, u.code());
                let after: Vec<String> = s.successors.iter().map(|x| format!("{} ({})", x.full_name, x.code)).collect();
                let after = if s.status == SuccessorStatus::NotInBase || after.is_empty() { "?".to_string() } else { after.join(" + ") };
                outln!(
                    o,
                    "{label} → {} ({}), {district} [{}] → 2025: {after}",
                    u.full_name(),
                    u.code(),
                    matched(lang, r.candidates[0].matched)
                );
            }
            ResolveStatus::Ambiguous => {
                unclear += 1;
                let names: Vec<String> = r
                    .best()
                    .iter()
                    .map(|c| {
                        let u = reg.unit(c.unit);
                        format!("{} ({})", u.full_name(), reg.unit(u.parent().unwrap_or(c.unit)).full_name())
                    })
                    .collect();
                outln!(o, "{label} ✗ {}: {}", lang.t("chưa rõ, có thể là", "ambiguous, could be"), names.join(" | "));
            }
            ResolveStatus::None => {
                unclear += 1;
                outln!(o, "{label} ✗ {}", lang.t("không có trong danh mục", "not in the list"));
            }
        }
    }
    outln!(o, "");
    outln!(o, "{}", lang.t("Theo huyện, các xã chưa có trong danh sách:", "Per district, communes the list does not mention:"));
    for (did, d) in reg.units().filter(|(_, u)| u.level() == Level::District) {
        let communes = reg.children(did);
        let missing: Vec<&str> = communes.iter().filter(|c| !seen.contains(*c)).map(|c| reg.unit(*c).name()).collect();
        outln!(o, "  {:<32} {:>2}/{:<2}  {}", d.full_name(), communes.len() - missing.len(), communes.len(), missing.join(", "));
    }
    outln!(o, "");
    outln!(
        o,
        "{}: {total}; {}: {}; {}: {unclear}",
        lang.t("Tên đã đọc", "Names read"),
        lang.t("xã khác nhau", "distinct communes"),
        seen.len(),
        lang.t("cần xem lại", "to check")
    );
    o
}
