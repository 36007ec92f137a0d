//! `cncd-audit`: what a provincial officer runs on Monday morning.
//!
//! For now it reads a list of commune names as people type them in the field (one per
//! line) and matches each against the official list of Ninh Thuận (2022): which unit it
//! is, how sure the match is, and what the commune became after the 2025 reform; then,
//! per district, which communes the list never mentions. With no argument it runs on
//! the sample shipped in `examples/audit/data/`. It grows into the roster audit.
//!
//! ```text
//! cncd-audit [FILE] [--lang vi|en]
//! ```

use cncd::units::{Level, Mapping, MatchKind, Registry, ResolveOptions, ResolveStatus, SuccessorStatus};
use std::collections::BTreeSet;
use std::process::ExitCode;

const SAMPLE: &str = include_str!("../data/field-commune-names.txt");

/// Messages in the officer's language.
struct Lang {
    en: bool,
}

impl Lang {
    fn t<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        if self.en {
            en
        } else {
            vi
        }
    }

    fn matched(&self, m: MatchKind) -> &'static str {
        match (m, self.en) {
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
}

fn usage() -> &'static str {
    "usage: cncd-audit [FILE] [--lang vi|en]\n  FILE: commune names, one per line (# starts a comment); default: the shipped sample"
}

fn main() -> ExitCode {
    let mut lang = Lang { en: false };
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => match args.next().as_deref() {
                Some("en") => lang.en = true,
                Some("vi") => lang.en = false,
                _ => {
                    eprintln!("{}", usage());
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{}", usage());
                return ExitCode::SUCCESS;
            }
            f if !f.starts_with('-') && file.is_none() => file = Some(f.to_string()),
            _ => {
                eprintln!("{}", usage());
                return ExitCode::from(2);
            }
        }
    }
    let text = match &file {
        None => SAMPLE.to_string(),
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    eprintln!("{}: {path}", lang.t("Tệp không phải UTF-8", "the file is not UTF-8"));
                    return ExitCode::from(2);
                }
            },
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let reg = Registry::ninh_thuan_2022();
    let mapping = Mapping::ninh_thuan_2025();
    println!("cncd-audit · Ninh Thuận 2022 · {} {}", reg.count(Level::Commune), lang.t("xã, phường, thị trấn", "communes"));
    println!("{}", lang.t("Đối chiếu tên xã gõ tay với danh mục chính thức:", "Typed commune names against the official list:"));
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
                println!(
                    "{label} → {} ({}), {district} [{}] → 2025: {after}",
                    u.full_name(),
                    u.code(),
                    lang.matched(r.candidates[0].matched)
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
                println!("{label} ✗ {}: {}", lang.t("chưa rõ, có thể là", "ambiguous, could be"), names.join(" | "));
            }
            ResolveStatus::None => {
                unclear += 1;
                println!("{label} ✗ {}", lang.t("không có trong danh mục", "not in the list"));
            }
        }
    }
    println!();
    println!("{}", lang.t("Theo huyện, các xã chưa có trong danh sách:", "Per district, communes the list does not mention:"));
    for (did, d) in reg.units().filter(|(_, u)| u.level() == Level::District) {
        let communes = reg.children(did);
        let missing: Vec<&str> = communes.iter().filter(|c| !seen.contains(*c)).map(|c| reg.unit(*c).name()).collect();
        println!("  {:<32} {:>2}/{:<2}  {}", d.full_name(), communes.len() - missing.len(), communes.len(), missing.join(", "));
    }
    println!();
    println!(
        "{}: {total}; {}: {}; {}: {unclear}",
        lang.t("Tên đã đọc", "Names read"),
        lang.t("xã khác nhau", "distinct communes"),
        seen.len(),
        lang.t("cần xem lại", "to check")
    );
    ExitCode::SUCCESS
}
