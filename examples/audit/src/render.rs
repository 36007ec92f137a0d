//! The audit's outputs: a summary for the terminal, JSON and CSV findings for other
//! systems, and one self-contained HTML page an officer can open or forward. Personal
//! data stays masked: messages carry phone numbers as `091****678`, and no output
//! prints a member's phone or birth date.

use crate::audit::Audit;
use cncd::diagnostics::Severity;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Words in the reader's language.
#[derive(Clone, Copy)]
pub struct Lang {
    pub en: bool,
}

impl Lang {
    pub fn t<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        if self.en {
            en
        } else {
            vi
        }
    }
    fn code(&self) -> &'static str {
        if self.en {
            "en"
        } else {
            "vi"
        }
    }
}

fn severity(lang: Lang, s: Severity) -> &'static str {
    match s {
        Severity::Error => lang.t("lỗi", "error"),
        Severity::Warning => lang.t("cảnh báo", "warning"),
        Severity::Info => lang.t("gợi ý", "info"),
    }
}

/// The terminal summary.
pub fn summary(a: &Audit, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "cncd-audit · {} · {} {} · {} {}", a.source, a.registry, a.profile, lang.t("ngày đối chiếu", "as of"), a.as_of);
    let _ = writeln!(
        o,
        "{}: {} · {}: {} · {}: {}",
        lang.t("Dòng đã đọc", "Rows read"),
        a.rows,
        lang.t("tổ", "teams"),
        a.counts.teams,
        lang.t("thành viên", "members"),
        a.counts.members
    );
    if !a.ignored_columns.is_empty() {
        let _ = writeln!(o, "{}: {}", lang.t("Cột không dùng", "Columns not used"), a.ignored_columns.join(", "));
    }
    if !a.problems.is_empty() {
        let _ = writeln!(o, "\n{} ({}):", lang.t("Dòng không đọc được", "Rows that could not be read"), a.problems.len());
        for p in a.problems.iter().take(20) {
            let _ = writeln!(o, "  {} {:>6}  {}", lang.t("dòng", "row"), p.row, if lang.en { &p.en } else { &p.vi });
        }
        if a.problems.len() > 20 {
            let _ = writeln!(o, "  … {}", a.problems.len() - 20);
        }
    }
    let _ = writeln!(
        o,
        "\n{}:",
        lang.t(
            "Độ phủ theo huyện (xã có tổ cấp xã · thôn có tổ)",
            "Coverage per district (communes with a commune team · villages with a team)"
        )
    );
    let units = if a.coverage.districts.is_empty() { &a.coverage.provinces } else { &a.coverage.districts };
    for u in units {
        let c = &u.communes;
        let missing: Vec<&str> = c.missing.iter().take(6).map(String::as_str).collect();
        let _ = writeln!(
            o,
            "  {:<32} {:>4}/{:<4} {:>6}  {} {:>3}   {}{}",
            u.full_name,
            c.covered,
            c.total,
            c.percent.map(|p| format!("{p:.1} %")).unwrap_or_default(),
            bar(c.covered, c.total, 10),
            u.villages.covered,
            if missing.is_empty() { String::new() } else { format!("{}: {}", lang.t("thiếu", "missing"), missing.join(", ")) },
            if c.missing.len() > 6 { ", …" } else { "" }
        );
    }
    let mut per_rule: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for f in &a.findings {
        let e = per_rule.entry(&*f.diagnostic.rule).or_default();
        e[f.diagnostic.severity as usize] += 1;
    }
    let _ = writeln!(o, "\n{}:", lang.t("Phát hiện theo quy định", "Findings per rule"));
    let _ = writeln!(
        o,
        "  {:<26} {:>7} {:>9} {:>7}",
        "",
        severity(lang, Severity::Error),
        severity(lang, Severity::Warning),
        severity(lang, Severity::Info)
    );
    for (rule, n) in &per_rule {
        let _ = writeln!(o, "  {rule:<26} {:>7} {:>9} {:>7}", n[0], n[1], n[2]);
    }
    let mut worst: BTreeMap<usize, (usize, Vec<String>)> = BTreeMap::new();
    for f in a.findings.iter().filter(|f| f.diagnostic.severity == Severity::Error) {
        if let Some(t) = f.team {
            let e = worst.entry(t).or_default();
            e.0 += 1;
            e.1.push(if lang.en { f.diagnostic.message.en.clone() } else { f.diagnostic.message.vi.clone() });
        }
    }
    let mut worst: Vec<_> = worst.into_iter().collect();
    worst.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    if !worst.is_empty() {
        let _ = writeln!(o, "\n{}:", lang.t("Các tổ nhiều lỗi nhất", "Teams with the most errors"));
        for (t, (n, msgs)) in worst.iter().take(10) {
            let f = a.findings.iter().find(|f| f.team == Some(*t));
            let label = f.and_then(|f| f.team_label.clone()).unwrap_or_default();
            let rows = f.map(|f| rows_text(&f.rows)).unwrap_or_default();
            let _ = writeln!(o, "  {label} ({} {rows}): {n} {}", lang.t("dòng", "rows"), severity(lang, Severity::Error));
            for m in msgs.iter().take(3) {
                let _ = writeln!(o, "      - {m}");
            }
        }
    }
    if !a.renames.is_empty() {
        let _ = writeln!(o, "\n{} ({}):", lang.t("Tên nhóm Zalo nên đổi", "Zalo group names to change"), a.renames.len());
        for r in a.renames.iter().take(20) {
            let _ = writeln!(o, "  {:<34} {:?} → {}", r.team_label, r.typed, r.canonical);
        }
        if a.renames.len() > 20 {
            let _ = writeln!(o, "  … {}", a.renames.len() - 20);
        }
    }
    if let Some(units) = &a.activity {
        let _ = writeln!(o, "\n{} {}:", lang.t("Hoạt động tháng", "Activity in"), a.month);
        let _ = writeln!(
            o,
            "  {:<32} {:>9} {:>9} {:>9} {:>9} {:>11}",
            "",
            lang.t("tổ có HĐ", "active"),
            lang.t("lượt", "records"),
            lang.t("người", "people"),
            lang.t("ứng dụng", "apps"),
            lang.t("gian hàng", "stores")
        );
        for u in units.iter().filter(|u| u.teams > 0) {
            let _ = writeln!(
                o,
                "  {:<32} {:>4}/{:<4} {:>9} {:>9} {:>9} {:>11}",
                u.full_name,
                u.active_teams,
                u.teams,
                u.total.records,
                u.total.people_reached,
                u.total.apps_installed,
                u.total.digital_stores
            );
        }
    }
    if let Some(r) = &a.reports {
        let _ = writeln!(
            o,
            "\n{} {} ({} {}): {} {}, {} {}, {} {}, {} {}",
            lang.t("Báo cáo tháng", "Reports for"),
            a.month,
            lang.t("ngày", "on"),
            a.as_of,
            r.counts.on_time,
            lang.t("đúng hạn", "on time"),
            r.counts.late,
            lang.t("trễ", "late"),
            r.counts.missing,
            lang.t("chưa nộp", "missing"),
            r.counts.pending,
            lang.t("chưa đến hạn", "not yet due")
        );
        let above_teams: Vec<_> = r
            .items
            .iter()
            .filter(|i| i.obligation.rule != "REPORT-TEAM" && matches!(i.state, cncd::reports::State::Late | cncd::reports::State::Missing))
            .collect();
        for i in above_teams.iter().take(20) {
            let state = match i.state {
                cncd::reports::State::Late => {
                    format!("{} {} {}", lang.t("trễ", "late by"), i.days_late.unwrap_or(0), lang.t("ngày", "days"))
                }
                _ => format!("{} ({} {})", lang.t("chưa nộp", "missing"), i.days_late.unwrap_or(0), lang.t("ngày quá hạn", "days overdue")),
            };
            let _ = writeln!(o, "  {:<48} → {:<44} {}", i.obligation.from.name, i.obligation.to.name, state);
        }
    }
    if let Some(names) = &a.rehome_2025 {
        let _ = writeln!(o, "\n{}:", lang.t("Tên nhóm sau sắp xếp đơn vị hành chính 2025", "Group names after the 2025 reform"));
        for n in names {
            let _ =
                writeln!(o, "  {:<34} {} → {}", n.team_label, n.old, if n.new.is_empty() { "?".to_string() } else { n.new.join(" | ") });
        }
    }
    let count = |s: Severity| a.findings.iter().filter(|f| f.diagnostic.severity == s).count();
    let _ = writeln!(
        o,
        "\n{}: {} {}, {} {}, {} {} · {}",
        lang.t("Tổng", "Total"),
        count(Severity::Error) + a.problems.len(),
        severity(lang, Severity::Error),
        count(Severity::Warning),
        severity(lang, Severity::Warning),
        count(Severity::Info),
        severity(lang, Severity::Info),
        if a.errors() == 0 { lang.t("không có lỗi", "no errors") } else { lang.t("có lỗi cần sửa", "errors to fix") }
    );
    o
}

fn rows_text(rows: &[usize]) -> String {
    match rows {
        [] => String::new(),
        [one] => one.to_string(),
        [first, .., last] => format!("{first}–{last}"),
    }
}

fn bar(n: usize, total: usize, width: usize) -> String {
    let filled = (n * width + total / 2).checked_div(total).unwrap_or(0);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled.min(width)))
}

/// The findings as JSON: the whole audit.
pub fn json(a: &Audit) -> String {
    serde_json::to_string_pretty(a).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The findings as CSV, one per line, with the rows of the file they are about.
pub fn csv(a: &Audit, lang: Lang) -> String {
    let mut o = String::from("rule,code,severity,team,rows,path,message\n");
    for p in &a.problems {
        let _ = writeln!(o, "INPUT,unreadable_row,error,,{},,{}", p.row, csv_field(if lang.en { &p.en } else { &p.vi }));
    }
    for f in &a.findings {
        let d = &f.diagnostic;
        let rows: Vec<String> = f.rows.iter().map(usize::to_string).collect();
        let _ = writeln!(
            o,
            "{},{},{},{},{},{},{}",
            d.rule,
            d.code,
            d.severity.as_str(),
            csv_field(f.team_label.as_deref().unwrap_or("")),
            csv_field(&rows.join(" ")),
            csv_field(&d.path),
            csv_field(d.message.get(lang.code()))
        );
    }
    o
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// One self-contained page: the coverage chart per district and a filterable table.
pub fn html(a: &Audit, lang: Lang) -> String {
    let mut o = String::new();
    let title = lang.t("Báo cáo rà soát Tổ công nghệ số cộng đồng", "Community digital technology teams: audit report");
    let _ = write!(
        o,
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title><style>\
body{{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}}h1{{font-size:1.4em}}table{{border-collapse:collapse;width:100%}}\
td,th{{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}}th{{background:#f4f4f4}}\
.error{{color:#b00020}}.warning{{color:#8a5a00}}.info{{color:#555}}.bar{{fill:#2e7d32}}.gap{{fill:#e0e0e0}}\
#filters{{margin:1em 0}}#filters input{{width:20em}}</style></head><body>",
        lang.code()
    );
    let _ = write!(
        o,
        "<h1>{title}</h1><p>{} · {} · {} {} · {} {} · {} {} · {} {}</p>",
        esc(&a.source),
        esc(&a.registry),
        lang.t("ngày đối chiếu", "as of"),
        a.as_of,
        a.counts.teams,
        lang.t("tổ", "teams"),
        a.counts.members,
        lang.t("thành viên", "members"),
        a.errors(),
        lang.t("lỗi", "errors")
    );
    // Coverage chart: one bar per district, communes with a commune team.
    let units = if a.coverage.districts.is_empty() { &a.coverage.provinces } else { &a.coverage.districts };
    let _ = write!(o, "<h2>{}</h2>", lang.t("Xã có tổ cấp xã, theo huyện", "Communes with a commune team, per district"));
    let (w, rowh) = (520.0, 26.0);
    let _ = write!(o, "<svg id=\"coverage\" role=\"img\" width=\"820\" height=\"{}\">", units.len() as f64 * rowh + 10.0);
    for (i, u) in units.iter().enumerate() {
        let y = i as f64 * rowh + 5.0;
        let frac = if u.communes.total == 0 { 0.0 } else { u.communes.covered as f64 / u.communes.total as f64 };
        let _ = write!(
            o,
            "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text><rect class=\"gap\" x=\"250\" y=\"{y}\" width=\"{w}\" height=\"18\"/>\
<rect class=\"bar\" x=\"250\" y=\"{y}\" width=\"{:.1}\" height=\"18\"><title>{} {}/{}</title></rect>\
<text x=\"{:.1}\" y=\"{}\" font-size=\"12\">{}/{}</text>",
            y + 14.0,
            esc(&u.full_name),
            w * frac,
            esc(&u.full_name),
            u.communes.covered,
            u.communes.total,
            250.0 + w + 6.0,
            y + 14.0,
            u.communes.covered,
            u.communes.total
        );
    }
    o.push_str("</svg>");
    let _ = write!(
        o,
        "<h2>{}</h2><div id=\"filters\"><input id=\"q\" placeholder=\"{}\"> <select id=\"sev\"><option value=\"\">{}</option>\
<option value=\"error\">{}</option><option value=\"warning\">{}</option><option value=\"info\">{}</option></select> <span id=\"shown\"></span></div>\
<table id=\"findings\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        lang.t("Phát hiện", "Findings"),
        lang.t("Lọc: tổ, quy định, nội dung…", "Filter: team, rule, text…"),
        lang.t("mọi mức", "every severity"),
        severity(lang, Severity::Error),
        severity(lang, Severity::Warning),
        severity(lang, Severity::Info),
        lang.t("Mức", "Severity"),
        lang.t("Quy định", "Rule"),
        lang.t("Tổ", "Team"),
        lang.t("Dòng", "Rows"),
        lang.t("Nội dung", "Finding")
    );
    for p in &a.problems {
        let _ = write!(
            o,
            "<tr data-sev=\"error\"><td class=\"error\">{}</td><td>INPUT</td><td></td><td>{}</td><td>{}</td></tr>",
            severity(lang, Severity::Error),
            p.row,
            esc(if lang.en { &p.en } else { &p.vi })
        );
    }
    for f in &a.findings {
        let d = &f.diagnostic;
        let _ = write!(
            o,
            "<tr data-sev=\"{s}\"><td class=\"{s}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            severity(lang, d.severity),
            esc(&d.rule),
            esc(f.team_label.as_deref().unwrap_or("")),
            rows_text(&f.rows),
            esc(d.message.get(lang.code())),
            s = d.severity.as_str()
        );
    }
    o.push_str(
        "</tbody></table><script>\
const q=document.getElementById('q'),sev=document.getElementById('sev'),shown=document.getElementById('shown');\
function f(){const t=q.value.toLowerCase(),s=sev.value;let n=0;for(const r of document.querySelectorAll('#findings tbody tr')){\
const ok=(!s||r.dataset.sev===s)&&(!t||r.textContent.toLowerCase().includes(t));r.style.display=ok?'':'none';n+=ok;}shown.textContent=n;}\
q.addEventListener('input',f);sev.addEventListener('change',f);f();</script></body></html>\n",
    );
    o
}
