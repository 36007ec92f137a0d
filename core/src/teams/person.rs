//! Dates of birth and phone numbers as people write them.

use chrono::{Datelike, NaiveDate};

/// A date written `YYYY-MM-DD`, `DD/MM/YYYY` or `DD-MM-YYYY`.
///
/// # Examples
/// ```
/// use cncd::teams::parse_date;
/// assert_eq!(parse_date("1998-04-02"), parse_date("02/04/1998"));
/// assert!(parse_date("1998-02-30").is_none());
/// ```
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    // The contract's form, read without the general parser.
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *s.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0u32, |acc, &d| acc * 10 + (d - b'0') as u32);
            return NaiveDate::from_ymd_opt(n(&digits[..4]) as i32, n(&digits[4..6]), n(&digits[6..]));
        }
    }
    [ISO, DAY_SLASH, DAY_HYPHEN].iter().find_map(|form| read_date(s, form).ok())
}

/// A date written `YYYY-MM-DD`, as requests give them (`as_of`).
pub(crate) fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    read_date(s, &ISO).ok()
}

/// Which field comes where in a date.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Year,
    Month,
    Day,
}
use Field::{Day, Month, Year};

/// A form of date, as chrono's parser reads it from a format.
struct DateForm {
    /// The fields, in the order they are written.
    order: [Field; 3],
    /// What separates them.
    sep: char,
    /// Whether white space may also stand before each separator and at the end.
    spaced: bool,
}

/// "%Y-%m-%d".
const ISO: DateForm = DateForm { order: [Year, Month, Day], sep: '-', spaced: false };
/// "%d/%m/%Y".
const DAY_SLASH: DateForm = DateForm { order: [Day, Month, Year], sep: '/', spaced: false };
/// "%d-%m-%Y".
const DAY_HYPHEN: DateForm = DateForm { order: [Day, Month, Year], sep: '-', spaced: false };
/// `NaiveDate::from_str`, and so chrono's `Deserialize` (`Profile`'s `not_before`).
const FROM_STR: DateForm = DateForm { order: [Year, Month, Day], sep: '-', spaced: true };

/// Reads a date in `form` exactly as chrono does (`NaiveDate::parse_from_str` with the
/// form's format, or `NaiveDate::from_str`), refusals included: the tests compare the
/// two. White space before a number is skipped; a day or month is one or two digits; a
/// year is one to four digits, or any number of digits after a sign; nothing may follow.
/// chrono's general parser, and the format-string reader it needs, were 26 KB of the
/// WebAssembly module.
fn read_date(s: &str, form: &DateForm) -> Result<NaiveDate, Refusal> {
    let (mut year, mut month, mut day) = (0, 0, 0);
    let mut rest = s;
    for (i, field) in form.order.into_iter().enumerate() {
        if i > 0 {
            if form.spaced {
                rest = rest.trim_start();
            }
            rest = match rest.strip_prefix(form.sep) {
                Some(after) => after,
                None if rest.is_empty() => return Err(Refusal::TooShort),
                None => return Err(Refusal::Invalid),
            };
        }
        let (value, after) = read_number(rest, field == Year)?;
        rest = after;
        // Each field is checked as it is read, as chrono does, so a bad month is
        // refused before a bad day is read.
        match field {
            Year => year = i32::try_from(value).map_err(|_| Refusal::OutOfRange)?,
            Month if (1..=12).contains(&value) => month = value as u32,
            Day if (1..=31).contains(&value) => day = value as u32,
            Month | Day => return Err(Refusal::OutOfRange),
        }
    }
    if form.spaced {
        rest = rest.trim_start();
    }
    if !rest.is_empty() {
        return Err(Refusal::TooLong);
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(Refusal::OutOfRange)
}

/// Why chrono would refuse a date, in its words (`chrono::format::ParseError`'s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Refusal {
    OutOfRange,
    Invalid,
    TooShort,
    TooLong,
}

impl Refusal {
    fn message(self) -> &'static str {
        match self {
            Refusal::OutOfRange => "input is out of range",
            Refusal::Invalid => "input contains invalid characters",
            Refusal::TooShort => "premature end of input",
            Refusal::TooLong => "trailing input",
        }
    }
}

/// A number at the start of `s` after white space, and what follows it: one or two
/// digits, or for a year up to four, or any number after a sign.
fn read_number(s: &str, year: bool) -> Result<(i64, &str), Refusal> {
    let s = s.trim_start();
    let (negative, sign, max) = match s.as_bytes().first() {
        Some(b'-') if year => (true, 1, usize::MAX),
        Some(b'+') if year => (false, 1, usize::MAX),
        _ => (false, 0, if year { 4 } else { 2 }),
    };
    let bytes = &s.as_bytes()[sign..];
    if bytes.is_empty() {
        return Err(Refusal::TooShort);
    }
    let digits = bytes.iter().take(max).take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 {
        return Err(Refusal::Invalid);
    }
    let mut n: i64 = 0;
    for &b in &bytes[..digits] {
        n = n.checked_mul(10).and_then(|n| n.checked_add(i64::from(b - b'0'))).ok_or(Refusal::OutOfRange)?;
    }
    Ok((if negative { -n } else { n }, &s[sign + digits..]))
}

/// Reads a `NaiveDate` from a JSON string as chrono's own `Deserialize` does, with the
/// same messages, without chrono's general parser.
pub(crate) fn deserialize_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = NaiveDate;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a formatted date string")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            read_date(v, &FROM_STR).map_err(|r| E::custom(r.message()))
        }
    }
    d.deserialize_str(V)
}

/// Age in whole years on `on`, from a birth date; from a birth year alone, the age the
/// person reaches during `on`'s year.
///
/// # Examples
/// ```
/// use cncd::teams::age_on;
/// use chrono::NaiveDate;
/// let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// assert_eq!(age_on(Some(d("1992-06-01")), None, d("2022-06-01")), Some(30)); // the 30th birthday
/// assert_eq!(age_on(Some(d("1992-06-02")), None, d("2022-06-01")), Some(29));
/// assert_eq!(age_on(None, Some(1992), d("2022-01-01")), Some(30));
/// ```
pub fn age_on(birth_date: Option<NaiveDate>, birth_year: Option<i32>, on: NaiveDate) -> Option<i32> {
    match (birth_date, birth_year) {
        (Some(b), _) => {
            let mut age = on.year() - b.year();
            if (on.month(), on.day()) < (b.month(), b.day()) {
                age -= 1;
            }
            Some(age)
        }
        (None, Some(y)) => Some(on.year() - y),
        _ => None,
    }
}

/// A Vietnamese phone number in its national form ("0912345678"), from "0912 345 678",
/// "+84 912345678", "84-912-345-678", "0084912345678"; `None` when it has too few
/// digits to be a number.
///
/// # Examples
/// ```
/// use cncd::teams::normalize_phone;
/// for p in ["0912 345 678", "+84 912345678", "84-912-345-678", "(+84) 912.345.678"] {
///     assert_eq!(normalize_phone(p).as_deref(), Some("0912345678"));
/// }
/// ```
pub fn normalize_phone(s: &str) -> Option<String> {
    let digits = s.bytes().filter(u8::is_ascii_digit);
    let count = digits.clone().count();
    let mut out = String::with_capacity(count + 1);
    let mut skip = 0;
    let mut first_two = [0u8; 4];
    for (slot, d) in first_two.iter_mut().zip(digits.clone()) {
        *slot = d;
    }
    if first_two.starts_with(b"0084") {
        out.push('0');
        skip = 4;
    } else if first_two.starts_with(b"84") && count == 11 {
        out.push('0');
        skip = 2;
    } else if first_two[0] != b'0' && count == 9 {
        out.push('0');
    }
    out.extend(digits.skip(skip).map(char::from));
    (out.len() >= 9).then_some(out)
}

/// A phone number shown with its middle masked ("091****678"), for messages.
///
/// # Examples
/// ```
/// assert_eq!(cncd::teams::mask_phone("0912345678"), "091****678");
/// ```
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() <= 6 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 3..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 6))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const FORMATS: [(&str, DateForm); 3] = [("%Y-%m-%d", ISO), ("%d/%m/%Y", DAY_SLASH), ("%d-%m-%Y", DAY_HYPHEN)];

    fn agree(s: &str) -> Result<(), TestCaseError> {
        for (format, form) in &FORMATS {
            let ours = read_date(s, form).map_err(|r| r.message().to_string());
            let theirs = NaiveDate::parse_from_str(s, format).map_err(|e| e.to_string());
            prop_assert_eq!(ours, theirs, "{:?} as {}", s, format);
        }
        let ours = read_date(s, &FROM_STR).map_err(|r| r.message().to_string());
        let theirs = s.parse::<NaiveDate>().map_err(|e| e.to_string());
        prop_assert_eq!(ours, theirs, "{:?} as NaiveDate::from_str", s);
        Ok(())
    }

    #[test]
    fn reads_dates_as_chrono_does() {
        // Every day of 1899..2101 in each format, padded and not, and the near misses.
        let mut d = NaiveDate::from_ymd_opt(1899, 1, 1).unwrap_or_default();
        while d.year() < 2101 {
            let (y, m, n) = (d.year(), d.month(), d.day());
            for s in [
                format!("{y}-{m:02}-{n:02}"),
                format!("{y}-{m}-{n}"),
                format!("{n:02}/{m:02}/{y}"),
                format!("{n}/{m}/{y}"),
                format!("{n:02}-{m:02}-{y}"),
            ] {
                agree(&s).unwrap();
            }
            d = d.succ_opt().unwrap_or_default();
        }
        for s in [
            "",
            " ",
            "2022-02-29",
            "2024-02-29",
            "2022-2-3",
            " 2022-12-31",
            "2022-12-31 ",
            "2022 -12-31",
            "2022- 12-31",
            "+2022-12-31",
            "-0001-01-01",
            "+12345-01-01",
            "12345-01-01",
            "0-1-1",
            "2022-123-1",
            "2022-00-10",
            "31/12/2022",
            "31/12/22",
            "31-12-+2022",
            "\u{3000}2022-12-31",
            "２０２２-12-31",
            "2022-12-31x",
            "99999999999999999999-01-01",
            "+99999999999999999999-01-01",
            "2022—12—31",
            "2022 - 12 - 31 ",
            "2022",
            "2022-",
            "2022-12",
            "2022-12-",
            "-",
            "+",
            "2022-13-01",
            "2022-12-32",
            "2022-02-30",
            "300000-01-01",
            "+3000000000-01-01",
            "2022-1a-01",
            "2022-12-31 x",
        ] {
            agree(s).unwrap();
        }
    }

    proptest! {
        #[test]
        fn reads_any_text_as_chrono_does(s in "[ \t+\\-/0-9x\u{3000}]{0,16}") {
            agree(&s)?;
        }

        #[test]
        fn reads_date_shaped_text_as_chrono_does(s in "\\s?[+-]?[0-9]{1,6}\\s?[-/]?\\s?[0-9]{0,3}\\s?[-/]?\\s?[+-]?[0-9]{0,5}\\s?x?") {
            agree(&s)?;
        }
    }
}
