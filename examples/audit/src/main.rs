//! `cncd-audit`: what a provincial officer runs on Monday morning.
//!
//! It reads a roster (CSV or XLSX, one row per member, columns named in Vietnamese or
//! English), runs every rule of the plan over it, and says which communes have no team,
//! which teams break which rule, which group names are wrong and what they should be.
//! With no file it audits the sample roster shipped with it. Exit code: 0 when no
//! error-level finding, 1 when there are some, 2 when the input cannot be audited.

use chrono::Datelike;
use cncd::month::Month;
use cncd::profile::Profile;
use cncd::units::{Registry, UnitJson};
use cncd_audit::audit::Logs;
use cncd_audit::input::{read_rows, roster_of_rows, rows_of_csv, FileError, RowProblem};
use cncd_audit::logs::{read_activities, read_submissions};
use cncd_audit::render::{self, Lang};
use cncd_audit::{audit, communes, SAMPLE_ROSTER};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cncd-audit [ROSTER.csv|ROSTER.xlsx] [options]

With no roster, audits the shipped sample (made-up people on real Ninh Thuận units).

options:
  --lang vi|en          language of the output (default vi)
  --as-of YYYY-MM-DD    the day the rules are judged on (default today)
  --profile FILE        a province's profile, TOML or JSON (default ninh-thuan-2022)
  --registry NAME|FILE  ninh-thuan-2022 (default), vietnam-2022, vietnam-2025, or a CSV/JSON list
  --json FILE|-         the whole audit as JSON
  --csv FILE|-          the findings as CSV
  --html FILE           one self-contained page: coverage chart and findings table
  --activities FILE     the activity log (team, date, activity; counts), CSV or XLSX
  --reports FILE        the reports received (from, month, date; rule), CSV or XLSX
  --month YYYY-MM       the month of the activity and report sections (default: the month before --as-of)
  --rehome-2025         the teams' group names after the 2025 reform
  --communes FILE       instead: match commune names typed in the field (one per line)
  -h, --help            this help

exit codes: 0 no error, 1 errors found, 2 the input cannot be audited";

struct Args {
    file: Option<PathBuf>,
    lang: Lang,
    as_of: Option<String>,
    profile: Option<PathBuf>,
    registry: Option<String>,
    json: Option<String>,
    csv: Option<String>,
    html: Option<PathBuf>,
    rehome: bool,
    communes: Option<PathBuf>,
    activities: Option<PathBuf>,
    reports: Option<PathBuf>,
    month: Option<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut a = Args {
        file: None,
        lang: Lang { en: false },
        as_of: None,
        profile: None,
        registry: None,
        json: None,
        csv: None,
        html: None,
        rehome: false,
        communes: None,
        activities: None,
        reports: None,
        month: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--lang" => match value("--lang")?.as_str() {
                "vi" => a.lang.en = false,
                "en" => a.lang.en = true,
                other => return Err(format!("--lang takes vi or en, not {other:?}")),
            },
            "--as-of" => a.as_of = Some(value("--as-of")?),
            "--profile" => a.profile = Some(value("--profile")?.into()),
            "--registry" => a.registry = Some(value("--registry")?),
            "--json" => a.json = Some(value("--json")?),
            "--csv" => a.csv = Some(value("--csv")?),
            "--html" => a.html = Some(value("--html")?.into()),
            "--rehome-2025" => a.rehome = true,
            "--activities" => a.activities = Some(value("--activities")?.into()),
            "--reports" => a.reports = Some(value("--reports")?.into()),
            "--month" => a.month = Some(value("--month")?),
            "--communes" => a.communes = Some(value("--communes")?.into()),
            f if !f.starts_with('-') && a.file.is_none() => a.file = Some(f.into()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Some(a))
}

fn fail(lang: Lang, vi: &str, en: &str) -> ExitCode {
    eprintln!("cncd-audit: {}", lang.t(vi, en));
    ExitCode::from(2)
}

fn file_error(lang: Lang, e: FileError) -> ExitCode {
    fail(lang, &e.vi, &e.en)
}

/// The unreadable rows of a log file, with the file's name in front of the reason.
fn from_file(path: &std::path::Path, problems: Vec<RowProblem>) -> impl Iterator<Item = RowProblem> + '_ {
    problems.into_iter().map(move |mut x| {
        x.vi = format!("{}: {}", path.display(), x.vi);
        x.en = format!("{}: {}", path.display(), x.en);
        x
    })
}

fn write_out(target: &str, text: &str) -> std::io::Result<()> {
    if target == "-" {
        print!("{text}");
        Ok(())
    } else {
        std::fs::write(target, text)
    }
}

fn load_registry(spec: Option<&str>) -> Result<Registry, String> {
    let spec = spec.unwrap_or("ninh-thuan-2022");
    if let Some(r) = Registry::builtin(spec) {
        return Ok(r);
    }
    let text = std::fs::read_to_string(spec).map_err(|e| format!("{spec}: {e}"))?;
    let name = std::path::Path::new(spec).file_stem().and_then(|s| s.to_str()).unwrap_or("registry");
    if spec.ends_with(".json") { Registry::from_json(&text) } else { Registry::from_csv(name, &text) }.map_err(|e| format!("{spec}: {e}"))
}

fn load_profile(path: Option<&PathBuf>) -> Result<Profile, String> {
    let Some(path) = path else { return Ok(Profile::ninh_thuan_2022()) };
    if let Some(p) = path.to_str().and_then(Profile::builtin) {
        return Ok(p);
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e == "json") { Profile::from_json(&text) } else { Profile::from_toml(&text) }
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("cncd-audit: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let lang = args.lang;
    // CNCD_AUDIT_TIMING=1 prints how long each phase took, on standard error.
    let timing = std::env::var_os("CNCD_AUDIT_TIMING").is_some();
    let start = std::time::Instant::now();
    let phase = |name: &str| {
        if timing {
            eprintln!("{:>8.3} s  {name}", start.elapsed().as_secs_f64());
        }
    };
    if let Some(path) = &args.communes {
        return match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => {
                print!("{}", communes::report(&text, lang));
                ExitCode::SUCCESS
            }
            Ok(Err(_)) => fail(lang, "Tệp không phải UTF-8", "the file is not UTF-8"),
            Err(e) => fail(lang, &format!("{}: {e}", path.display()), &format!("{}: {e}", path.display())),
        };
    }
    let as_of = match &args.as_of {
        None => chrono::Local::now().date_naive(),
        Some(s) => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => return fail(lang, &format!("--as-of {s:?}: cần dạng YYYY-MM-DD"), &format!("--as-of {s:?}: YYYY-MM-DD expected")),
        },
    };
    let mut registry = match load_registry(args.registry.as_deref()) {
        Ok(r) => r,
        Err(e) => return fail(lang, &e, &e),
    };
    let profile = match load_profile(args.profile.as_ref()) {
        Ok(p) => p,
        Err(e) => return fail(lang, &e, &e),
    };
    let (source, rows) = match &args.file {
        None => ("sample-roster.csv".to_string(), rows_of_csv(SAMPLE_ROSTER.as_bytes())),
        Some(p) => (p.display().to_string(), read_rows(p)),
    };
    let rows = match rows {
        Ok(r) => r,
        Err(e) => return file_error(lang, e),
    };
    phase("read");
    let bar = (rows.len() > 50_000).then(|| {
        let b = indicatif::ProgressBar::new(rows.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b.set_message(lang.t("dòng", "rows"));
        b
    });
    let input = roster_of_rows(&rows, &registry, |n| {
        if let Some(b) = &bar {
            if n % 4096 == 0 {
                b.set_position(n as u64);
            }
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let input = match input {
        Ok(i) => i,
        Err(e) => return file_error(lang, e),
    };
    phase("rows to teams");
    for v in &input.villages {
        let UnitJson { code, name, commune, .. } = v;
        let _ = registry.add_village(code, commune.as_deref().unwrap_or(""), name);
    }
    phase("villages");
    let month = match &args.month {
        Some(m) => match m.parse::<Month>() {
            Ok(m) => m,
            Err(_) => return fail(lang, &format!("--month {m:?}: cần dạng YYYY-MM"), &format!("--month {m:?}: YYYY-MM expected")),
        },
        None => Month::of(as_of.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(as_of)),
    };
    let mut input = input;
    let mut logs = Logs { month, activities: None, submissions: None };
    if let Some(p) = &args.activities {
        match read_activities(p) {
            Ok((a, problems)) => {
                logs.activities = Some(a);
                input.problems.extend(from_file(p, problems));
            }
            Err(e) => return file_error(lang, e),
        }
    }
    if let Some(p) = &args.reports {
        match read_submissions(p) {
            Ok((s, problems)) => {
                logs.submissions = Some(s);
                input.problems.extend(from_file(p, problems));
            }
            Err(e) => return file_error(lang, e),
        }
    }
    let report = audit::run(&source, &registry, &profile, &input, as_of, args.rehome, &logs);
    phase("rules");
    print!("{}", render::summary(&report, lang));
    phase("summary");
    let outputs: [(Option<&str>, &dyn Fn() -> String); 2] =
        [(args.json.as_deref(), &|| render::json(&report)), (args.csv.as_deref(), &|| render::csv(&report, lang))];
    for (target, render) in outputs {
        if let Some(t) = target {
            if let Err(e) = write_out(t, &render()) {
                return fail(lang, &format!("{t}: {e}"), &format!("{t}: {e}"));
            }
        }
    }
    if let Some(path) = &args.html {
        if let Err(e) = std::fs::write(path, render::html(&report, lang)) {
            return fail(lang, &format!("{}: {e}", path.display()), &format!("{}: {e}", path.display()));
        }
        eprintln!("{}: {}", lang.t("Đã ghi báo cáo", "Report written to"), path.display());
    }
    let code = if report.errors() == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) };
    // The process ends here: freeing half a million rows one by one would take a third of
    // the run on a national roster, for memory the system takes back at exit anyway.
    std::mem::forget((rows, input, report, registry));
    code
}
