//! # cncd: the rules of Vietnam's Community Digital Technology Teams, as code
//!
//! Vietnam runs tens of thousands of *Tổ công nghệ số cộng đồng* (community digital
//! technology teams): one in every commune, optionally one in every village, one in every
//! school. Provinces set the rules in plans such as the Ninh Thuận plan of 2022; this
//! crate turns them into functions that give every provincial system the same answer.
//!
//! The crate is layered; each module uses only the ones above it in this list:
//! - [`text`]: Vietnamese text as people type it (clean forms, tone styles, keys);
//! - [`diagnostics`]: messages in Vietnamese and English;
//! - [`units`]: administrative units as data, resolution of typed names, the 2025 mapping;
//! - [`names`]: the `CNCĐ_…` group-name standard: format, parse, check, re-home;
//! - [`catalogue`]: the activities of the plan, in three pillars;
//! - [`profile`]: every number and list a province sets, as data;
//! - [`teams`]: the roster, one function per rule of the plan, validation;
//! - [`month`], [`activities`], [`coverage`], [`training`], [`targets`], [`reports`]: what
//!   teams do and reach, and the monthly reporting chain;
//! - [`api`]: the versioned JSON contract shared by the Rust, C and WebAssembly doors.
//!
//! The core does no I/O and keeps no global mutable state: every function is a pure
//! function of its arguments, safe to call from any thread.
//!
//! ```
//! assert_eq!(cncd::text::ascii_key("Xã Phước Hà"), "xa phuoc ha");
//! let reply = cncd::api::call("text.name_key", r#"{"text": "Xã Hoà Thuận"}"#);
//! assert_eq!(reply, r#"{"ok":{"key":"xã hòa thuận"}}"#);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod activities;
pub mod api;
pub mod catalogue;
pub mod coverage;
pub mod diagnostics;
pub mod month;
pub mod names;
pub mod profile;
pub mod reports;
pub mod targets;
pub mod teams;
pub mod text;
pub mod training;
pub mod units;

/// The README's examples, run as documentation tests so that they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;

/// The hasher of the loops that run once per team or record: foldhash hashes a short
/// key in a fraction of the time of std's SipHash (`activities::summarize` went from
/// 375 to 245 ms over a million records), and is seeded at random per map as std's is,
/// so that no crafted input lines its keys up in one bucket. The WebAssembly module,
/// which serves one commune's form rather than a national month and counts its bytes,
/// keeps std's (foldhash added 4.4 KB to it); no answer depends on the hasher. Every
/// hash map of the crate is one of these, or keyed by hashes of its own (`units::index`).
///
/// Under the fuzzers (`--cfg fuzzing`, which cargo-fuzz sets), the seed is fixed: which
/// branches of the maps an input takes, which the fuzzer sees, then depends on the input
/// alone, so that a run from libFuzzer's seed explores the same inputs from run to run
/// (`core/fuzz/run.sh --runs`: the `api` target does; see that script).
#[cfg(all(not(target_arch = "wasm32"), not(fuzzing)))]
type FastHasher = foldhash::fast::RandomState;
#[cfg(all(target_arch = "wasm32", not(fuzzing)))]
type FastHasher = std::collections::hash_map::RandomState;
#[cfg(fuzzing)]
type FastHasher = foldhash::fast::FixedState;

/// The hash map of those loops (see [`FastHasher`]).
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, FastHasher>;

/// The hash set of those loops (see [`FastHasher`]).
pub(crate) type FastSet<K> = std::collections::HashSet<K, FastHasher>;

/// The official lists, for the crate's own tests (with or without the list features).
#[cfg(test)]
mod test_data {
    /// Every field of every row of the 2022 and 2025 lists: codes and names.
    pub(crate) fn official_fields() -> impl Iterator<Item = &'static str> {
        [include_str!("../data/vn-units-2022.csv"), include_str!("../data/vn-units-2025.csv")]
            .into_iter()
            .flat_map(|csv| csv.lines().skip(1))
            .flat_map(|line| line.split(','))
    }
}
