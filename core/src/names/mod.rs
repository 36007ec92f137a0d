//! The naming standard of rule NAME-ZALO: `CNCĐ_<village>_<commune>_<district>`.
//!
//! Each team runs a Zalo group whose name follows the standard. People type those names
//! on phones, and they drift: NFD, no diacritics, "CNCD", the other tone style, extra
//! spaces, other separators, type words added or dropped, a commune put under the wrong
//! district. This module writes the canonical name ([`format`](format())), reads any
//! name against a registry ([`parse`]), says what differs from the standard, in
//! Vietnamese and English ([`check`]), and gives a team its name after the 2025 reform
//! ([`rehome`]).
//!
//! ```
//! use cncd::names::{check, NameStatus, NamingRules};
//! use cncd::units::Registry;
//! let reg = Registry::ninh_thuan_2022();
//! let rules = NamingRules::ninh_thuan_2022();
//! let c = check(&reg, &rules, "CNCD _ Phước Hà _ Huyện Thuận Nam", None, "/name");
//! assert_eq!(c.status, NameStatus::Fixable);
//! assert_eq!(c.canonical.as_deref(), Some("CNCĐ_Phước Hà_Thuận Nam"));
//! for d in &c.diagnostics {
//!     println!("{} {:?}: {}", d.code, d.severity, d.message.vi);
//! }
//! ```

mod check;
mod format;
mod parse;
mod rehome;
mod rules;

pub use check::{check, NameCheck, NameStatus};
pub use format::{format, FormatError};
pub use parse::{parse, ParsedName, ParsedSlot, Separators, MAX_NAME_BYTES};
pub use rehome::{rehome, Rehomed};
pub use rules::{NamingRules, Slot, TypeWords};
