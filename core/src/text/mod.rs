//! Vietnamese text as people type it: clean display forms, tone styles and comparison keys.
//!
//! The same place name reaches cncd in many spellings. Phone keyboards send NFC or NFD;
//! "Hòa" and "Hoà" are both correct (two tone-mark styles); "Đ" arrives as "Ð" (U+00D0)
//! or "D"; spaces double; hyphens become en dashes. The official lists themselves mix
//! these. This module gives each spelling three forms:
//!
//! | function | what it keeps | use it for |
//! |---|---|---|
//! | [`clean`] | letters, case, tone placement | showing and storing a name |
//! | [`name_key`] | letters and diacritics | "is this the same name?" |
//! | [`ascii_key`] | base letters only | matching input typed without diacritics |
//!
//! [`to_tone_style`] rewrites tone marks to one [`ToneStyle`], and [`title_case`]
//! capitalises names typed in one case.
//!
//! ```
//! use cncd::text::{ascii_key, clean, name_key};
//! let official = "Phường Đô Vinh";
//! let typed = "phu\u{31b}o\u{31b}\u{300}ng  \u{D0}ô vinh"; // NFD, doubled space, Ð for Đ
//! assert_eq!(clean(typed), "phường Đô vinh");
//! assert_eq!(name_key(typed), name_key(official));
//! // "Thành" and "Thanh" are different names, but typed without diacritics they meet:
//! assert_ne!(name_key("Thành Hải"), name_key("Thanh Hải"));
//! assert_eq!(ascii_key("Thành Hải"), ascii_key("Thanh Hai"));
//! ```
//!
//! Every function takes any `&str` and never panics; each `_into` form writes into a
//! buffer the caller reuses, which is how the benchmarks run them over whole lists.
//! Their cost is linear in the input.

pub(crate) mod clean;
mod keys;
pub(crate) mod letters;
pub(crate) mod normal;
#[rustfmt::skip]
mod normal_tables;
mod pairs;
#[rustfmt::skip]
mod tables;
mod tone;

pub use clean::{clean, clean_into};
pub use keys::{ascii_key, ascii_key_into, name_key, name_key_into, title_case};
pub use tone::{to_tone_style, ToneStyle};
