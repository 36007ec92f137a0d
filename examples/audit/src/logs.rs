//! The optional files beside a roster: the activity log (`--activities`) and the reports
//! received (`--reports`), CSV or XLSX, with Vietnamese or English column names.

use crate::input::{header_row, read_rows, FileError, RowProblem};
use cncd::activities::ActivityRecord;
use cncd::reports::Submission;
use cncd::text::ascii_key;
use csv::StringRecord;
use std::path::Path;

/// The columns of a header, by the ASCII keys of their accepted names.
fn columns(header: &StringRecord, wanted: &[(&str, &[&str])]) -> Vec<Option<usize>> {
    let keys: Vec<String> = header.iter().map(|h| ascii_key(h).replace(['_', '/'], " ")).collect();
    wanted.iter().map(|(_, names)| keys.iter().position(|k| names.contains(&k.as_str()))).collect()
}

fn require(cols: &[Option<usize>], wanted: &[(&str, &[&str])], required: usize, file: &str) -> Result<(), FileError> {
    let missing: Vec<&str> = wanted[..required].iter().zip(cols).filter(|(_, c)| c.is_none()).map(|((n, _), _)| *n).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(FileError {
            vi: format!("{file}: thiếu cột {}", missing.join(", ")),
            en: format!("{file}: missing columns {}", missing.join(", ")),
        })
    }
}

/// Reads a log file: finds its header, checks the first `required` columns of `wanted`,
/// and calls `row` for each non-empty row with its number and a cell getter by the
/// index in `wanted`; `row` gives an item or why the row cannot be read.
fn read_log<T>(
    path: &Path,
    wanted: &[(&str, &[&str])],
    required: usize,
    mut row: impl for<'r> FnMut(&'r dyn Fn(usize) -> &'r str) -> Result<T, (String, String)>,
) -> Result<(Vec<T>, Vec<RowProblem>), FileError> {
    let rows = read_rows(path)?;
    let h = header_row(&rows)?;
    let cols = columns(&rows[h], wanted);
    require(&cols, wanted, required, &path.display().to_string())?;
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    for (i, r) in rows.iter().enumerate().skip(h + 1) {
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let get = |c: usize| cols[c].and_then(|j| r.get(j)).map(str::trim).unwrap_or("");
        match row(&get) {
            Ok(item) => out.push(item),
            Err((vi, en)) => problems.push(RowProblem { row: i + 1, vi, en }),
        }
    }
    Ok((out, problems))
}

const ACTIVITY_COLUMNS: &[(&str, &[&str])] = &[
    ("team", &["team", "ma to", "to"]),
    ("date", &["date", "ngay"]),
    ("activity", &["activity", "hoat dong", "ma hoat dong"]),
    ("people_reached", &["people reached", "so nguoi", "so nguoi duoc ho tro"]),
    ("apps_installed", &["apps installed", "so ung dung", "cai dat ung dung"]),
    ("digital_stores", &["digital stores", "gian hang so", "cua hang so"]),
    ("payment_accounts", &["payment accounts", "tai khoan thanh toan"]),
];

/// Reads an activity log: team, date, activity id (required); counts (optional).
pub fn read_activities(path: &Path) -> Result<(Vec<ActivityRecord>, Vec<RowProblem>), FileError> {
    read_log(path, ACTIVITY_COLUMNS, 3, |get| {
        let mut counts = [0u64; 4];
        for (k, count) in counts.iter_mut().enumerate() {
            let v = get(3 + k);
            if !v.is_empty() {
                let col = ACTIVITY_COLUMNS[3 + k].0;
                *count = v.parse().map_err(|_| (format!("{col}: {v:?} không phải số"), format!("{col}: {v:?} is not a number")))?;
            }
        }
        let [people_reached, apps_installed, digital_stores, payment_accounts] = counts;
        Ok(ActivityRecord {
            team: get(0).to_string(),
            date: get(1).to_string(),
            activity: get(2).to_string(),
            people_reached,
            apps_installed,
            digital_stores,
            payment_accounts,
            extra: Default::default(),
        })
    })
}

const REPORT_COLUMNS: &[(&str, &[&str])] = &[
    ("from", &["from", "don vi", "ma don vi", "don vi bao cao"]),
    ("month", &["month", "thang", "ky bao cao"]),
    ("date", &["date", "ngay nop", "ngay nhan", "ngay"]),
    ("rule", &["rule", "loai bao cao", "loai"]),
];

/// Reads the reports received: from (a unit code or a team id), month (`YYYY-MM`), date
/// received (required); the rule (default REPORT-DISTRICT-MONTHLY).
pub fn read_submissions(path: &Path) -> Result<(Vec<Submission>, Vec<RowProblem>), FileError> {
    read_log(path, REPORT_COLUMNS, 3, |get| {
        let month = get(1)
            .parse()
            .map_err(|_| (format!("Tháng {:?} cần dạng YYYY-MM", get(1)), format!("month {:?}: YYYY-MM expected", get(1))))?;
        let rule = match get(3) {
            "" => "REPORT-DISTRICT-MONTHLY".to_string(),
            r => r.to_string(),
        };
        Ok(Submission { rule, from: get(0).to_string(), month, date: get(2).to_string(), extra: Default::default() })
    })
}
