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
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%d-%m-%Y"))
        .ok()
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
