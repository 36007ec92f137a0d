//! [`Month`]: the period that activities are summed over and reports are due for.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar month, written `YYYY-MM` in JSON and text.
///
/// # Examples
/// ```
/// use cncd::month::Month;
/// let m: Month = "2022-12".parse().unwrap();
/// assert_eq!(m.last_day().to_string(), "2022-12-31");
/// assert_eq!(m.next().to_string(), "2023-01");
/// assert!(m.contains(chrono::NaiveDate::from_ymd_opt(2022, 12, 5).unwrap()));
/// assert!("2022-13".parse::<Month>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

/// A month that could not be read: not `YYYY-MM`, or out of range.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{text:?} is not a month written YYYY-MM")]
pub struct MonthError {
    /// The text given.
    pub text: String,
}

impl Month {
    /// The month `month` (1–12) of `year` (1900–9999), or `None`.
    ///
    /// ```
    /// assert!(cncd::month::Month::new(2022, 7).is_some());
    /// assert!(cncd::month::Month::new(2022, 0).is_none());
    /// ```
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1900..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    /// The month a date is in.
    ///
    /// ```
    /// let d = chrono::NaiveDate::from_ymd_opt(2022, 7, 14).unwrap();
    /// assert_eq!(cncd::month::Month::of(d).to_string(), "2022-07");
    /// ```
    pub fn of(date: NaiveDate) -> Month {
        Month { year: date.year(), month: date.month() }
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(cncd::month::Month::new(2022, 7).unwrap().year(), 2022);
    /// ```
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month of the year, 1–12.
    ///
    /// ```
    /// assert_eq!(cncd::month::Month::new(2022, 7).unwrap().month(), 7);
    /// ```
    pub fn month(self) -> u32 {
        self.month
    }

    /// The first day.
    ///
    /// ```
    /// assert_eq!(cncd::month::Month::new(2024, 2).unwrap().first_day().to_string(), "2024-02-01");
    /// ```
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The last day.
    ///
    /// ```
    /// assert_eq!(cncd::month::Month::new(2024, 2).unwrap().last_day().to_string(), "2024-02-29");
    /// ```
    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or_default()
    }

    /// The month after.
    ///
    /// ```
    /// assert_eq!(cncd::month::Month::new(2022, 12).unwrap().next().to_string(), "2023-01");
    /// ```
    pub fn next(self) -> Month {
        if self.month == 12 {
            Month { year: self.year + 1, month: 1 }
        } else {
            Month { year: self.year, month: self.month + 1 }
        }
    }

    /// Whether `date` falls in this month.
    ///
    /// ```
    /// let m = cncd::month::Month::new(2022, 7).unwrap();
    /// assert!(!m.contains(chrono::NaiveDate::from_ymd_opt(2022, 8, 1).unwrap()));
    /// ```
    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.year && date.month() == self.month
    }

    /// The deadline of a report on this month under a deadline rule: `day` 0 is the last
    /// day of this month; `day` N is the N-th day of the next month, or that month's last
    /// day when it is shorter.
    ///
    /// ```
    /// let m = cncd::month::Month::new(2023, 1).unwrap();
    /// assert_eq!(m.deadline(0).to_string(), "2023-01-31");
    /// assert_eq!(m.deadline(5).to_string(), "2023-02-05");
    /// assert_eq!(m.deadline(31).to_string(), "2023-02-28");
    /// ```
    pub fn deadline(self, day: u32) -> NaiveDate {
        if day == 0 {
            return self.last_day();
        }
        let next = self.next();
        NaiveDate::from_ymd_opt(next.year, next.month, day).unwrap_or_else(|| next.last_day())
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl std::str::FromStr for Month {
    type Err = MonthError;

    fn from_str(s: &str) -> Result<Month, MonthError> {
        let err = || MonthError { text: s.to_string() };
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit()) {
            return Err(err());
        }
        let year = s[..4].parse().map_err(|_| err())?;
        let month = s[5..].parse().map_err(|_| err())?;
        Month::new(year, month).ok_or_else(err)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
