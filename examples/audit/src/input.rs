//! Reading a roster as people keep it: a CSV or XLSX export, one row per member, with
//! column names in Vietnamese or English. Every row is either read into a team or
//! reported with its number and the reason; none is dropped silently.

use cncd::profile::{Role, TeamLevel};
use cncd::teams::{Decision, Member, Roster, Team};
use cncd::text::ascii_key;
use cncd::units::{Level, Registry, ResolveOptions, ResolveStatus, UnitJson};
use csv::StringRecord;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The largest roster file read: 256 MiB (about two million member rows).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A column the audit knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    TeamId,
    Level,
    District,
    Commune,
    Village,
    School,
    Zalo,
    DecisionNumber,
    DecisionDate,
    Name,
    Role,
    BirthDate,
    BirthYear,
    Phone,
    ItSkills,
}

/// Header words (compared without diacritics, case or punctuation) and their column.
const HEADERS: &[(&str, Column)] = &[
    ("ma to", Column::TeamId),
    ("ma to cong nghe so", Column::TeamId),
    ("team", Column::TeamId),
    ("team id", Column::TeamId),
    ("cap", Column::Level),
    ("cap to", Column::Level),
    ("level", Column::Level),
    ("huyen", Column::District),
    ("quan huyen", Column::District),
    ("district", Column::District),
    ("xa", Column::Commune),
    ("ma xa", Column::Commune),
    ("xa phuong", Column::Commune),
    ("xa phuong thi tran", Column::Commune),
    ("commune", Column::Commune),
    ("commune code", Column::Commune),
    ("thon", Column::Village),
    ("thon khu pho", Column::Village),
    ("thon to dan pho", Column::Village),
    ("village", Column::Village),
    ("truong", Column::School),
    ("truong hoc", Column::School),
    ("school", Column::School),
    ("ten nhom zalo", Column::Zalo),
    ("nhom zalo", Column::Zalo),
    ("zalo", Column::Zalo),
    ("zalo group", Column::Zalo),
    ("so quyet dinh", Column::DecisionNumber),
    ("quyet dinh", Column::DecisionNumber),
    ("decision", Column::DecisionNumber),
    ("decision number", Column::DecisionNumber),
    ("ngay quyet dinh", Column::DecisionDate),
    ("decision date", Column::DecisionDate),
    ("ho va ten", Column::Name),
    ("ho ten", Column::Name),
    ("thanh vien", Column::Name),
    ("name", Column::Name),
    ("member", Column::Name),
    ("vai tro", Column::Role),
    ("chuc danh", Column::Role),
    ("thanh phan", Column::Role),
    ("role", Column::Role),
    ("roles", Column::Role),
    ("ngay sinh", Column::BirthDate),
    ("birth date", Column::BirthDate),
    ("date of birth", Column::BirthDate),
    ("nam sinh", Column::BirthYear),
    ("birth year", Column::BirthYear),
    ("so dien thoai", Column::Phone),
    ("dien thoai", Column::Phone),
    ("sdt", Column::Phone),
    ("phone", Column::Phone),
    ("ky nang cntt", Column::ItSkills),
    ("tin hoc", Column::ItSkills),
    ("biet cntt", Column::ItSkills),
    ("it skills", Column::ItSkills),
];

/// The column a header cell names, if any.
pub fn column_of(header: &str) -> Option<Column> {
    let key: String = ascii_key(header).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    HEADERS.iter().find(|(h, _)| *h == key).map(|(_, c)| *c)
}

/// A role as people write it: the contract's name, or Vietnamese words.
pub fn role_of(text: &str) -> Option<Role> {
    let k = ascii_key(text);
    let has = |w: &str| k.contains(w);
    Some(match k.as_str() {
        "commune_official" => Role::CommuneOfficial,
        "village_head" => Role::VillageHead,
        "youth_union" => Role::YouthUnion,
        "women_union" => Role::WomenUnion,
        "enterprise_staff" => Role::EnterpriseStaff,
        "other" => Role::Other,
        _ if has("truong thon") || has("truong khu pho") || has("to truong") || has("truong ban") || has("village head") => {
            Role::VillageHead
        }
        _ if has("doan") || has("thanh nien") || has("youth") => Role::YouthUnion,
        _ if has("phu nu") || has("women") => Role::WomenUnion,
        _ if has("buu dien")
            || has("buu chinh")
            || has("vien thong")
            || has("viettel")
            || has("vnpt")
            || has("mobifone")
            || has("doanh nghiep")
            || has("enterprise") =>
        {
            Role::EnterpriseStaff
        }
        _ if has("can bo xa")
            || has("cong chuc")
            || has("ubnd xa")
            || has("commune official")
            || has("pho chu tich")
            || has("chu tich") =>
        {
            Role::CommuneOfficial
        }
        _ if has("khac") || has("thanh vien") || has("member") => Role::Other,
        _ => return None,
    })
}

/// The roles of a cell that may list several ("Trưởng thôn; Bí thư chi đoàn"); a part
/// that names no known role counts as `other`.
pub fn roles_of(text: &str) -> Vec<Role> {
    let mut roles = Vec::new();
    for part in text.split([';', ',', '+', '/']).map(str::trim).filter(|p| !p.is_empty()) {
        let r = role_of(part).unwrap_or(Role::Other);
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
    roles
}

/// A row that could not be read into the roster.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RowProblem {
    /// The row's number in the file (the header is row 1).
    pub row: usize,
    /// Why, in Vietnamese.
    pub vi: String,
    /// Why, in English.
    pub en: String,
}

/// A roster read from a file.
#[derive(Debug, Default)]
pub struct Input {
    /// The teams, in the order their first row appears.
    pub roster: Roster,
    /// The rows of each team (for the report).
    pub team_rows: Vec<Vec<usize>>,
    /// Villages named by the roster, added to the registry.
    pub villages: Vec<UnitJson>,
    /// Rows read.
    pub rows: usize,
    /// Rows that could not be read, and why.
    pub problems: Vec<RowProblem>,
    /// Header cells not recognised (ignored).
    pub ignored_columns: Vec<String>,
}

/// Why a file could not be read at all.
#[derive(Debug)]
pub struct FileError {
    pub vi: String,
    pub en: String,
}

impl FileError {
    fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        FileError { vi: vi.into(), en: en.into() }
    }
}

/// Reads the rows of a CSV or XLSX file (by extension) as text cells.
pub fn read_rows(path: &Path) -> Result<Vec<StringRecord>, FileError> {
    let meta = std::fs::metadata(path)
        .map_err(|e| FileError::new(format!("Không mở được {}: {e}", path.display()), format!("cannot open {}: {e}", path.display())))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::new(
            format!("Tệp {} byte, vượt giới hạn {} byte; hãy tách tệp", meta.len(), MAX_FILE_BYTES),
            format!("the file is {} bytes, over the limit of {} bytes; split it", meta.len(), MAX_FILE_BYTES),
        ));
    }
    let is_xlsx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if is_xlsx {
        return read_xlsx(path);
    }
    let bytes = std::fs::read(path)
        .map_err(|e| FileError::new(format!("Không đọc được {}: {e}", path.display()), format!("cannot read {}: {e}", path.display())))?;
    rows_of_csv(&bytes)
}

/// The rows of CSV bytes, which must be UTF-8 (a BOM is allowed).
pub fn rows_of_csv(bytes: &[u8]) -> Result<Vec<StringRecord>, FileError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FileError::new(
            "Tệp mã hóa UTF-16: hãy lưu lại dạng CSV UTF-8 (Excel: CSV UTF-8)",
            "the file is UTF-16: save it again as CSV UTF-8 (in Excel: CSV UTF-8)",
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(FileError::new(
                format!("Tệp không phải UTF-8 (dòng {line}): hãy lưu lại dạng CSV UTF-8; tệp Windows-1258 hay TCVN3 cần chuyển mã trước"),
                format!(
                    "the file is not UTF-8 (line {line}): save it again as CSV UTF-8; Windows-1258 or TCVN3 files need converting first"
                ),
            ));
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        match rec {
            Ok(r) => rows.push(r),
            Err(e) => {
                return Err(FileError::new(format!("CSV hỏng ở dòng {}: {e}", i + 1), format!("broken CSV at line {}: {e}", i + 1)));
            }
        }
    }
    Ok(rows)
}

fn read_xlsx(path: &Path) -> Result<Vec<StringRecord>, FileError> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(path)
        .map_err(|e| FileError::new(format!("Không đọc được tệp Excel: {e}"), format!("cannot read the Excel file: {e}")))?;
    let sheet =
        book.sheet_names().first().cloned().ok_or_else(|| FileError::new("Tệp Excel không có trang nào", "the Excel file has no sheet"))?;
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| FileError::new(format!("Không đọc được trang {sheet}: {e}"), format!("cannot read sheet {sheet}: {e}")))?;
    Ok(range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::DateTime(d) => excel_date(d.as_f64()),
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    other => other.to_string(),
                })
                .collect::<StringRecord>()
        })
        .collect())
}

/// An Excel serial date as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    base.checked_add_signed(chrono::Duration::days(serial.floor() as i64)).map(|d| d.to_string()).unwrap_or_default()
}

/// Whether a row is a comment: its first cell starts with `#` (the sample's first line
/// says what the file is).
pub fn is_comment(row: &StringRecord) -> bool {
    row.get(0).is_some_and(|c| c.trim_start().starts_with('#'))
}

/// The index of the header: the first row that is neither a comment nor empty.
pub fn header_row(rows: &[StringRecord]) -> Result<usize, FileError> {
    rows.iter()
        .position(|r| !is_comment(r) && r.iter().any(|c| !c.trim().is_empty()))
        .ok_or_else(|| FileError::new("Tệp trống", "the file is empty"))
}

/// Turns rows into a roster: the first row that is not a comment (`#…`) is the header; members are grouped into
/// teams by team id, or else by commune, level, village and school. Communes may be
/// given by code or by name (resolved in `registry`, within the district if there is a
/// district column).
pub fn roster_of_rows(rows: &[StringRecord], registry: &Registry, mut progress: impl FnMut(usize)) -> Result<Input, FileError> {
    let h = header_row(rows)?;
    let header = &rows[h];
    let mut cols: HashMap<Column, usize> = HashMap::new();
    let mut ignored = Vec::new();
    for (i, h) in header.iter().enumerate() {
        match column_of(h) {
            Some(c) => {
                cols.entry(c).or_insert(i);
            }
            None if !h.trim().is_empty() => ignored.push(h.trim().to_string()),
            None => {}
        }
    }
    let missing: Vec<&str> = [(Column::Commune, "Xã / commune"), (Column::Name, "Họ và tên / name")]
        .iter()
        .filter(|(c, _)| !cols.contains_key(c))
        .map(|(_, n)| *n)
        .collect();
    if !missing.is_empty() {
        return Err(FileError::new(
            format!("Thiếu cột bắt buộc: {} (dòng tiêu đề: {})", missing.join(", "), header.iter().collect::<Vec<_>>().join(", ")),
            format!("required columns missing: {} (header row: {})", missing.join(", "), header.iter().collect::<Vec<_>>().join(", ")),
        ));
    }
    let mut input = Input { ignored_columns: ignored, ..Input::default() };
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut commune_cache: HashMap<(String, String), Resolved> = HashMap::new();
    let mut villages_seen: HashSet<(String, String)> = HashSet::new();
    let mut last_commune: Option<(String, String, Resolved)> = None;
    let mut role_cache: HashMap<String, Vec<Role>> = HashMap::new();
    let mut last_team: Option<(String, usize)> = None;
    let mut level_cache: HashMap<String, String> = HashMap::new();
    for (i, row) in rows.iter().enumerate().skip(h + 1) {
        let n = i + 1;
        progress(n);
        if is_comment(row) {
            continue;
        }
        let get = |c: Column| cols.get(&c).and_then(|&j| row.get(j)).map(|s| s.trim()).filter(|s| !s.is_empty());
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        input.rows += 1;
        let problem = |vi: String, en: String| RowProblem { row: n, vi, en };
        let Some(name) = get(Column::Name) else {
            input.problems.push(problem("Thiếu họ và tên".into(), "no name".into()));
            continue;
        };
        let Some(commune_text) = get(Column::Commune) else {
            input.problems.push(problem(format!("{name}: thiếu xã"), format!("{name}: no commune")));
            continue;
        };
        let district = get(Column::District).unwrap_or("");
        // Rows of one team follow each other: the previous row's commune is the usual answer.
        let commune = match &last_commune {
            Some((t, d, c)) if t == commune_text && d == district => c.clone(),
            _ => {
                let c = commune_cache
                    .entry((commune_text.to_string(), district.to_string()))
                    .or_insert_with(|| resolve_commune(registry, commune_text, district))
                    .clone();
                last_commune = Some((commune_text.to_string(), district.to_string(), c.clone()));
                c
            }
        };
        let commune = match commune {
            Ok(c) => c,
            Err((vi, en)) => {
                input.problems.push(problem(vi, en));
                continue;
            }
        };
        let village = get(Column::Village).map(str::to_string);
        let school = get(Column::School).map(str::to_string);
        let level = match get(Column::Level).map(|l| level_cache.entry(l.to_string()).or_insert_with(|| ascii_key(l)).clone()) {
            Some(l) if l.contains("thon") || l.contains("village") || l.contains("khu pho") || l.contains("to dan pho") => {
                TeamLevel::Village
            }
            Some(l) if l.contains("truong") || l.contains("school") => TeamLevel::School,
            Some(l) if l.contains("xa") || l.contains("commune") || l.contains("phuong") => TeamLevel::Commune,
            Some(l) => {
                input.problems.push(problem(format!("{name}: không hiểu cấp tổ {l:?}"), format!("{name}: unknown team level {l:?}")));
                continue;
            }
            None if school.is_some() => TeamLevel::School,
            None if village.is_some() => TeamLevel::Village,
            None => TeamLevel::Commune,
        };
        // A roster repeats a handful of role texts: read each once.
        let roles = match get(Column::Role) {
            None => Vec::new(),
            Some(text) => role_cache.entry(text.to_string()).or_insert_with(|| roles_of(text)).clone(),
        };
        let member = Member {
            name: name.to_string(),
            roles,
            birth_date: get(Column::BirthDate).map(str::to_string),
            birth_year: get(Column::BirthYear).and_then(|y| y.parse().ok()),
            phone: get(Column::Phone).map(str::to_string),
            it_skills: get(Column::ItSkills).map(|v| matches!(ascii_key(v).as_str(), "co" | "x" | "yes" | "true" | "1" | "y")),
            ..Member::default()
        };
        let key = match get(Column::TeamId) {
            Some(id) => format!("id:{id}"),
            None => format!(
                "{commune}|{}|{}|{}",
                level.as_str(),
                village.as_deref().map(ascii_key).unwrap_or_default(),
                school.as_deref().map(ascii_key).unwrap_or_default()
            ),
        };
        // The rows of a team usually follow each other.
        if last_team.as_ref().is_some_and(|(k, _)| *k == key) {
            let t = last_team.as_ref().map_or(0, |(_, t)| *t);
            input.roster.teams[t].members.push(member);
            input.team_rows[t].push(n);
            continue;
        }
        let t = *by_key.entry(key.clone()).or_insert_with(|| {
            input.roster.teams.push(Team {
                id: get(Column::TeamId).map(str::to_string),
                level,
                commune: Some(commune.clone()),
                village: village.clone(),
                school: school.clone(),
                zalo_group: get(Column::Zalo).map(str::to_string),
                decision: (get(Column::DecisionNumber).is_some() || get(Column::DecisionDate).is_some()).then(|| Decision {
                    number: get(Column::DecisionNumber).map(str::to_string),
                    date: get(Column::DecisionDate).map(str::to_string),
                    ..Decision::default()
                }),
                members: Vec::new(),
                extra: Default::default(),
            });
            input.team_rows.push(Vec::new());
            input.roster.teams.len() - 1
        });
        last_team = Some((key, t));
        input.roster.teams[t].members.push(member);
        input.team_rows[t].push(n);
        if let (TeamLevel::Village, Some(v)) = (level, &village) {
            if villages_seen.insert((commune.clone(), ascii_key(v))) {
                input.villages.push(UnitJson {
                    code: format!("{commune}-{}", input.villages.len() + 1),
                    name: v.clone(),
                    commune: Some(commune.clone()),
                    ..UnitJson::default()
                });
            }
        }
    }
    Ok(input)
}

/// A commune's code, or why it could not be found (Vietnamese, English).
type Resolved = Result<String, (String, String)>;

/// A commune by code or by name; an error message in both languages otherwise.
fn resolve_commune(registry: &Registry, text: &str, district: &str) -> Resolved {
    if registry.find(Level::Commune, text).is_some() {
        return Ok(text.to_string());
    }
    let within = if district.is_empty() {
        None
    } else {
        let r = registry.resolve(district, &ResolveOptions { level: Some(Level::District), within: None });
        (r.status == ResolveStatus::Unique).then(|| registry.unit(r.candidates[0].unit).code().to_string())
    };
    let within_id = within.as_deref().and_then(|c| registry.find(Level::District, c));
    let r = registry.resolve(text, &ResolveOptions { level: Some(Level::Commune), within: within_id });
    match r.status {
        ResolveStatus::Unique => Ok(registry.unit(r.candidates[0].unit).code().to_string()),
        ResolveStatus::Ambiguous => {
            let names: Vec<String> =
                r.best().iter().map(|c| format!("{} ({})", registry.unit(c.unit).full_name(), registry.unit(c.unit).code())).collect();
            Err((
                format!("Xã {text:?} chưa rõ, có thể là: {}", names.join(", ")),
                format!("commune {text:?} is ambiguous: {}", names.join(", ")),
            ))
        }
        ResolveStatus::None => {
            Err((format!("Không có xã {text:?} trong danh mục {}", registry.name()), format!("no commune {text:?} in {}", registry.name())))
        }
    }
}
