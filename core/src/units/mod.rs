//! Administrative units as data: the 2022 three-tier tree, the 2025 two-tier tree, and
//! the mapping between them.
//!
//! A [`Registry`] holds one official list: [`Registry::ninh_thuan_2022`] always,
//! [`Registry::vietnam_2022`] and [`Registry::vietnam_2025`] behind the default
//! features `vietnam-2022` and `vietnam-2025`, or a caller's own list from CSV or JSON.
//! Villages and schools, which no national list has, are added by the caller.
//!
//! A name only means something against a list. [`Registry::resolve`] finds the units a
//! typed name may mean, and says when it cannot tell:
//!
//! ```
//! use cncd::units::{Level, Registry, ResolveOptions};
//! let reg = Registry::ninh_thuan_2022();
//! let r = reg.resolve("P. Đô Vinh, TP Phan Rang - Tháp Chàm", &ResolveOptions::default());
//! let ward = reg.unit(r.unique().unwrap());
//! assert_eq!((ward.code(), ward.full_name()), ("22738", "Phường Đô Vinh"));
//! ```
//!
//! The 2025 reform merged communes and abolished districts; [`Mapping`] follows each
//! commune to its successors, and [`Registry::merged_into`] each earlier province to
//! the provinces its communes joined.

mod exact;
mod index;
mod kind;
mod load;
mod mapping;
mod merger;
mod registry;
mod resolve;
mod typo;

pub(crate) use kind::{is_type_word, list_at, split_text};
pub use kind::{split_full_name, split_typed_name, Level, SplitName, UnitKind};
pub use load::{LoadError, LoadErrorCode, RegistryJson, UnitJson};
pub use mapping::{Mapping, Successor, SuccessorStatus, Successors};
pub use registry::{Registry, Tiers, Unit, UnitId, BUILTIN_REGISTRIES};
pub use resolve::{Candidate, MatchKind, Resolution, ResolveOptions, ResolveStatus, MAX_RESOLVE_BYTES};
pub use typo::MIN_TYPO_LETTERS;
