//! Loading a registry from CSV (the columns of the official lists) or JSON, all or
//! nothing.

use super::kind::Level;
use super::registry::{add_unit, Data, Registry, Tiers, UnitId};
use crate::diagnostics::Message;
use crate::text::name_key;
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::Arc;

/// Why a list could not be loaded. Codes are stable snake_case ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LoadErrorCode {
    /// The header is not one of the known layouts.
    BadHeader,
    /// A row has the wrong number of fields, or an unterminated quote.
    MalformedRow,
    /// A unit names a parent that does not exist, or another parent than before.
    UnknownParent,
    /// A code appears twice at one level.
    DuplicateCode,
    /// A name or a code is empty.
    EmptyName,
    /// The JSON is not well-formed or not of the documented shape.
    BadJson,
}

/// An error loading a list: where (line and column of a CSV file or of JSON text, or a
/// JSON pointer) and why, in Vietnamese and English.
///
/// # Examples
/// ```
/// use cncd::units::{LoadErrorCode, Registry};
/// let csv = "province_code,province_name,commune_code,commune_name\n56,Tỉnh Khánh Hòa,22900\n";
/// let err = Registry::from_csv("mine", csv).unwrap_err();
/// assert_eq!((err.code, err.line, err.column), (LoadErrorCode::MalformedRow, Some(2), Some(4)));
/// assert!(err.to_string().starts_with("line 2, column 4:"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{}", where_(self), message.en)]
pub struct LoadError {
    /// What went wrong.
    pub code: LoadErrorCode,
    /// For a person, in both languages.
    pub message: Message,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// The 1-based column (CSV: the field's number; JSON: the character), when known.
    pub column: Option<usize>,
    /// A JSON pointer to the value at fault, for JSON input.
    pub path: Option<String>,
}

fn where_(e: &LoadError) -> String {
    match (e.line, e.column, &e.path) {
        (Some(l), Some(c), _) => format!("line {l}, column {c}: "),
        (Some(l), None, _) => format!("line {l}: "),
        (None, _, Some(p)) => format!("at {p}: "),
        _ => String::new(),
    }
}

impl LoadError {
    pub(crate) fn new(code: LoadErrorCode, vi: impl Into<String>, en: impl Into<String>) -> Self {
        LoadError { code, message: Message::new(vi, en), line: None, column: None, path: None }
    }

    fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        let (vi, en) = (&self.message.vi, &self.message.en);
        self.message = Message::new(format!("Dòng {line}, cột {column}: {vi}"), format!("line {line}, column {column}: {en}"));
        self
    }

    fn at_path(mut self, path: String) -> Self {
        self.path = Some(path);
        self
    }
}

/// Splits one CSV line into fields (RFC 4180 quoting within a line: `"a, b"`, `""`);
/// a line without quotes is split in place.
fn fields(line: &str) -> Result<Vec<Cow<'_, str>>, ()> {
    if !line.as_bytes().contains(&b'"') {
        let mut out = Vec::with_capacity(8);
        let mut start = 0;
        for (i, &b) in line.as_bytes().iter().enumerate() {
            if b == b',' {
                out.push(Cow::Borrowed(&line[start..i]));
                start = i + 1;
            }
        }
        out.push(Cow::Borrowed(&line[start..]));
        return Ok(out);
    }
    quoted_fields(line).map(|f| f.into_iter().map(Cow::Owned).collect())
}

fn quoted_fields(line: &str) -> Result<Vec<String>, ()> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (false, '"') if at_start => {
                quoted = true;
                at_start = false;
            }
            (true, '"') => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            }
            (false, ',') => {
                out.push(std::mem::take(&mut field));
                at_start = true;
            }
            (_, c) => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err(());
    }
    out.push(field);
    Ok(out)
}

const HEADER_3: &[&str] = &["province_code", "province_name", "district_code", "district_name", "commune_code", "commune_name"];
const HEADER_2: &[&str] = &["province_code", "province_name", "commune_code", "commune_name"];

impl Registry {
    /// Loads a list from CSV text with the columns of the official lists: either
    /// `province_code,province_name,district_code,district_name,commune_code,commune_name`
    /// (three tiers) or `province_code,province_name,commune_code,commune_name` (two).
    /// A BOM, CRLF line ends, blank lines and quoted fields are accepted.
    ///
    /// # Errors
    /// The first error, with its line and column: a bad header, a row with the wrong
    /// number of fields, an empty code or name, a duplicate commune code, a district or
    /// province code that comes back with another name or parent. Nothing is returned
    /// half-loaded.
    ///
    /// # Examples
    /// ```
    /// use cncd::units::{Level, Registry};
    /// let csv = "province_code,province_name,commune_code,commune_name\n\
    ///            56,Tỉnh Khánh Hòa,22900,Xã Phước Hà\n";
    /// let reg = Registry::from_csv("mine", csv).unwrap();
    /// assert_eq!(reg.count(Level::Commune), 1);
    /// let dup = format!("{csv}56,Tỉnh Khánh Hòa,22900,Xã Phước Hà\n");
    /// let err = Registry::from_csv("mine", &dup).unwrap_err();
    /// assert_eq!((err.line, err.column), (Some(3), Some(3)));
    /// ```
    pub fn from_csv(name: &str, csv: &str) -> Result<Registry, LoadError> {
        let csv = csv.strip_prefix('\u{FEFF}').unwrap_or(csv);
        let mut lines = csv.lines().enumerate().map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)));
        let Some((_, header)) = lines.next() else {
            return Err(LoadError::new(LoadErrorCode::BadHeader, "Tệp CSV trống", "the CSV text is empty").at(1, 1));
        };
        let head = fields(header).unwrap_or_default();
        let head: Vec<&str> = head.iter().map(|h| h.trim()).collect();
        let tiers = if head == HEADER_3 {
            Tiers::Three
        } else if head == HEADER_2 {
            Tiers::Two
        } else {
            return Err(LoadError::new(
                LoadErrorCode::BadHeader,
                format!("Dòng tiêu đề phải là {:?} hoặc {:?}", HEADER_3.join(","), HEADER_2.join(",")),
                format!("the header must be {:?} or {:?}", HEADER_3.join(","), HEADER_2.join(",")),
            )
            .at(1, 1));
        };
        let mut data = Data { name: name.to_string(), tiers: Some(tiers), ..Data::default() };
        data.reserve(csv.bytes().filter(|&b| b == b'\n').count() + 1);
        let width = head.len();
        let (mut last_province, mut last_district): (Option<UnitId>, Option<UnitId>) = (None, None);
        for (line, text) in lines {
            if text.trim().is_empty() {
                continue;
            }
            let f = fields(text).map_err(|_| {
                LoadError::new(LoadErrorCode::MalformedRow, "Dấu ngoặc kép không được đóng", "unterminated quote").at(line, 1)
            })?;
            if f.len() != width {
                return Err(LoadError::new(
                    LoadErrorCode::MalformedRow,
                    format!("Dòng có {} trường, cần {width}", f.len()),
                    format!("the row has {} fields, expected {width}", f.len()),
                )
                .at(line, f.len().min(width) + 1));
            }
            // Rows come grouped by district: the previous row's units are checked first.
            let province = match last_province {
                Some(id) if same_unit(&data, id, &f[0], &f[1]) => id,
                _ => upsert(&mut data, Level::Province, &f[0], &f[1], None).map_err(|e| e.at(line, 1))?,
            };
            last_province = Some(province);
            let parent = if tiers == Tiers::Three {
                let district = match last_district {
                    Some(id) if same_unit(&data, id, &f[2], &f[3]) && data.unit(id).parent() == Some(province) => id,
                    _ => upsert(&mut data, Level::District, &f[2], &f[3], Some(province)).map_err(|e| e.at(line, 3))?,
                };
                last_district = Some(district);
                district
            } else {
                province
            };
            let (c_code, c_name) = (&f[width - 2], &f[width - 1]);
            add_unit(&mut data, Level::Commune, c_code, c_name, Some(parent)).map_err(|e| {
                let col = if e.code == LoadErrorCode::EmptyName && !c_code.trim().is_empty() { width } else { width - 1 };
                e.at(line, col)
            })?;
        }
        Ok(Registry { data: Arc::new(data) })
    }

    /// Loads a registry from JSON of this shape (every array optional; `tiers` is 3 or 2;
    /// a commune names its `district` in three tiers, its `province` in two):
    ///
    /// ```json
    /// {"name": "my-list", "tiers": 3,
    ///  "provinces": [{"code": "58", "name": "Tỉnh Ninh Thuận"}],
    ///  "districts": [{"code": "589", "province": "58", "name": "Huyện Thuận Nam"}],
    ///  "communes":  [{"code": "22900", "district": "589", "name": "Xã Nhị Hà"}],
    ///  "villages":  [{"code": "T-1", "commune": "22900", "name": "Thôn Phước Lợi"}],
    ///  "schools":   [{"code": "S-1", "commune": "22900", "name": "Trường TH Nhị Hà"}]}
    /// ```
    ///
    /// # Errors
    /// Malformed JSON with its line and column; an unknown parent, a duplicate code or an
    /// empty name with a JSON pointer to it. Nothing is returned half-loaded.
    ///
    /// # Examples
    /// ```
    /// use cncd::units::{LoadErrorCode, Registry};
    /// let json = r#"{"tiers": 2, "provinces": [{"code": "56", "name": "Tỉnh Khánh Hòa"}],
    ///               "communes": [{"code": "22900", "province": "57", "name": "Xã Phước Hà"}]}"#;
    /// let err = Registry::from_json(json).unwrap_err();
    /// assert_eq!(err.code, LoadErrorCode::UnknownParent);
    /// assert_eq!(err.path.as_deref(), Some("/communes/0/province"));
    /// ```
    pub fn from_json(json: &str) -> Result<Registry, LoadError> {
        let doc: RegistryJson = serde_json::from_str(json).map_err(|e| {
            let mut err = LoadError::new(LoadErrorCode::BadJson, format!("JSON không hợp lệ: {e}"), format!("invalid JSON: {e}"));
            err.line = Some(e.line());
            err.column = Some(e.column());
            err
        })?;
        Registry::from_json_value(doc)
    }

    pub(crate) fn from_json_value(doc: RegistryJson) -> Result<Registry, LoadError> {
        let tiers = match doc.tiers {
            Some(2) => Some(Tiers::Two),
            Some(3) => Some(Tiers::Three),
            None => None,
            Some(n) => {
                return Err(LoadError::new(
                    LoadErrorCode::BadJson,
                    format!("\"tiers\" phải là 2 hoặc 3, không phải {n}"),
                    format!("\"tiers\" must be 2 or 3, not {n}"),
                )
                .at_path("/tiers".into()))
            }
        };
        let mut data = Data { name: doc.name.unwrap_or_else(|| "inline".into()), tiers, ..Data::default() };
        let sections: [(&str, Level, &[UnitJson]); 5] = [
            ("provinces", Level::Province, &doc.provinces),
            ("districts", Level::District, &doc.districts),
            ("communes", Level::Commune, &doc.communes),
            ("villages", Level::Village, &doc.villages),
            ("schools", Level::School, &doc.schools),
        ];
        for (section, level, items) in sections {
            for (i, u) in items.iter().enumerate() {
                let (parent_field, parent) = match level {
                    Level::Province => ("", None),
                    Level::District => ("province", u.province.as_deref().map(|c| (Level::Province, c))),
                    Level::Commune => match (&u.district, &u.province) {
                        (Some(d), _) => ("district", Some((Level::District, d.as_str()))),
                        (None, p) => ("province", p.as_deref().map(|c| (Level::Province, c))),
                    },
                    Level::Village | Level::School => ("commune", u.commune.as_deref().map(|c| (Level::Commune, c))),
                };
                let parent_id = match parent {
                    None if level == Level::Province => None,
                    None => {
                        return Err(LoadError::new(
                            LoadErrorCode::UnknownParent,
                            format!("Thiếu trường \"{parent_field}\""),
                            format!("missing field \"{parent_field}\""),
                        )
                        .at_path(format!("/{section}/{i}")))
                    }
                    Some((pl, code)) => Some(data.find(pl, code).ok_or_else(|| {
                        LoadError::new(
                            LoadErrorCode::UnknownParent,
                            format!("Không có đơn vị cấp {pl} mã {code:?}"),
                            format!("no {pl} with code {code:?}"),
                        )
                        .at_path(format!("/{section}/{i}/{parent_field}"))
                    })?),
                };
                add_unit(&mut data, level, &u.code, &u.name, parent_id).map_err(|e| {
                    let field = if e.code == LoadErrorCode::EmptyName && !u.code.trim().is_empty() { "name" } else { "code" };
                    e.at_path(format!("/{section}/{i}/{field}"))
                })?;
            }
        }
        Ok(Registry { data: Arc::new(data) })
    }
}

/// Whether unit `id` has exactly this code and (cleaned) name.
fn same_unit(data: &Data, id: UnitId, code: &str, full_name: &str) -> bool {
    let u = data.unit(id);
    u.code() == code && u.full_name() == full_name
}

/// A province or district that may already be there: it must then have the same name
/// and parent.
fn upsert(data: &mut Data, level: Level, code: &str, full_name: &str, parent: Option<UnitId>) -> Result<UnitId, LoadError> {
    if let Some(id) = data.find(level, code.trim()) {
        let u = data.unit(id);
        if u.parent() != parent {
            return Err(LoadError::new(
                LoadErrorCode::UnknownParent,
                format!("Mã {code} ({level}) đã thuộc đơn vị cấp trên khác"),
                format!("{level} {code} was already listed under another parent"),
            ));
        }
        if u.full_name() != full_name && name_key(u.full_name()) != name_key(full_name) {
            return Err(LoadError::new(
                LoadErrorCode::DuplicateCode,
                format!("Mã {code} ({level}) đã có tên {:?}, không phải {full_name:?}", u.full_name()),
                format!("{level} {code} was already named {:?}, not {full_name:?}", u.full_name()),
            ));
        }
        return Ok(id);
    }
    add_unit(data, level, code, full_name, parent)
}

/// The JSON shape of a registry (see [`Registry::from_json`]).
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryJson {
    /// The registry's name.
    #[serde(default)]
    pub name: Option<String>,
    /// 3 or 2.
    #[serde(default)]
    pub tiers: Option<u8>,
    /// Provinces.
    #[serde(default)]
    pub provinces: Vec<UnitJson>,
    /// Districts, each with its `province`.
    #[serde(default)]
    pub districts: Vec<UnitJson>,
    /// Communes, each with its `district` (three tiers) or `province` (two).
    #[serde(default)]
    pub communes: Vec<UnitJson>,
    /// Villages, each with its `commune`.
    #[serde(default)]
    pub villages: Vec<UnitJson>,
    /// Schools, each with its `commune`.
    #[serde(default)]
    pub schools: Vec<UnitJson>,
}

/// One unit in [`RegistryJson`].
#[derive(Clone, Debug, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitJson {
    /// The unit's code.
    pub code: String,
    /// The full name, type word included.
    pub name: String,
    /// The parent province's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The parent district's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The parent commune's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields() {
        assert_eq!(fields("a,\"b, c\",\"d\"\"e\"").unwrap(), ["a", "b, c", "d\"e"]);
        assert!(fields("a,\"b").is_err());
    }

    #[test]
    fn csv_errors_have_line_and_column() {
        let h = "province_code,province_name,district_code,district_name,commune_code,commune_name\n";
        let ok = "58,Tỉnh Ninh Thuận,589,Huyện Thuận Nam,22900,Xã Nhị Hà\n";
        let cases = [
            (format!("{h}{ok}58,Tỉnh Ninh Thuận,589,Huyện Thuận Nam,22900,Xã Khác\n"), LoadErrorCode::DuplicateCode, 3, 5),
            (format!("{h}{ok}58,Tỉnh Ninh Thuận,589,Huyện Khác,22901,Xã Khác\n"), LoadErrorCode::DuplicateCode, 3, 3),
            (format!("{h}{ok}57,Tỉnh Khác,589,Huyện Thuận Nam,22901,Xã Khác\n"), LoadErrorCode::UnknownParent, 3, 3),
            (format!("{h}{ok}58,Tỉnh Ninh Thuận,589,Huyện Thuận Nam,22901,\n"), LoadErrorCode::EmptyName, 3, 6),
            (format!("{h}58,Tỉnh Ninh Thuận,589\n"), LoadErrorCode::MalformedRow, 2, 4),
            (format!("{h}{ok}\"58,Tỉnh\n"), LoadErrorCode::MalformedRow, 3, 1),
            ("code,name\n".to_string(), LoadErrorCode::BadHeader, 1, 1),
            (String::new(), LoadErrorCode::BadHeader, 1, 1),
        ];
        for (csv, code, line, column) in cases {
            let e = Registry::from_csv("t", &csv).unwrap_err();
            assert_eq!((e.code, e.line, e.column), (code, Some(line), Some(column)), "{csv}");
        }
        let crlf = format!("\u{FEFF}{h}{ok}").replace('\n', "\r\n");
        assert_eq!(Registry::from_csv("t", &crlf).unwrap().count(Level::Commune), 1);
    }

    #[test]
    fn json_errors() {
        let e = Registry::from_json("{\"provinces\": [").unwrap_err();
        assert_eq!((e.code, e.line), (LoadErrorCode::BadJson, Some(1)));
        let e = Registry::from_json(r#"{"provinces":[{"code":"1","name":"Tỉnh A"},{"code":"1","name":"Tỉnh B"}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), (LoadErrorCode::DuplicateCode, Some("/provinces/1/code")));
        let e =
            Registry::from_json(r#"{"provinces":[{"code":"1","name":"Tỉnh A"}],"villages":[{"code":"v","commune":"9","name":"Thôn A"}]}"#)
                .unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), (LoadErrorCode::UnknownParent, Some("/villages/0/commune")));
        let e = Registry::from_json(r#"{"provinces":[{"code":"1","name":"  "}]}"#).unwrap_err();
        assert_eq!((e.code, e.path.as_deref()), (LoadErrorCode::EmptyName, Some("/provinces/0/name")));
        let e = Registry::from_json(r#"{"provincs":[]}"#).unwrap_err();
        assert!(e.message.en.contains("provincs"));
    }
}
