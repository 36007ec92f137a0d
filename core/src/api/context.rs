//! `Context`: the built-in registries and mappings, built once and shared by calls.

use crate::units::{Mapping, Registry};
use std::sync::OnceLock;

/// What calls share: the built-in registries and mappings, each built on first use and
/// then read without locks from any thread.
///
/// [`call`](super::call) uses a fresh context each time, so a call that names
/// `vietnam-2022` builds it (a few milliseconds). A service, or a door, keeps one
/// context for its lifetime and calls [`Context::call`].
///
/// # Examples
/// ```
/// let ctx = cncd::api::Context::new();
/// let a = ctx.call("units.resolve", r#"{"registry":"ninh-thuan-2022","text":"Phước Hà"}"#);
/// let b = ctx.call("units.resolve", r#"{"registry":"ninh-thuan-2022","text":"Phước Hà"}"#);
/// assert_eq!(a, b);
/// assert!(a.contains(r#""status":"unique""#));
/// ```
#[derive(Debug, Default)]
pub struct Context {
    ninh_thuan_2022: OnceLock<Registry>,
    #[cfg(feature = "vietnam-2022")]
    vietnam_2022: OnceLock<Registry>,
    #[cfg(feature = "vietnam-2025")]
    vietnam_2025: OnceLock<Registry>,
    ninh_thuan_mapping: OnceLock<Mapping>,
    #[cfg(feature = "mapping-2025")]
    vietnam_mapping: OnceLock<Mapping>,
}

/// The names of the built-in mappings, for `units.successors`.
pub const BUILTIN_MAPPINGS: &[&str] = &[
    #[cfg(feature = "mapping-2025")]
    "vietnam-2025",
    "ninh-thuan-2025",
];

impl Context {
    /// A context with nothing built yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// A built-in registry by name (see [`crate::units::BUILTIN_REGISTRIES`]).
    pub fn registry(&self, name: &str) -> Option<&Registry> {
        match name {
            "ninh-thuan-2022" => Some(self.ninh_thuan_2022.get_or_init(Registry::ninh_thuan_2022)),
            #[cfg(feature = "vietnam-2022")]
            "vietnam-2022" => Some(self.vietnam_2022.get_or_init(Registry::vietnam_2022)),
            #[cfg(feature = "vietnam-2025")]
            "vietnam-2025" => Some(self.vietnam_2025.get_or_init(Registry::vietnam_2025)),
            _ => None,
        }
    }

    /// A built-in mapping by name (see [`BUILTIN_MAPPINGS`]).
    pub fn mapping(&self, name: &str) -> Option<&Mapping> {
        match name {
            "ninh-thuan-2025" => Some(self.ninh_thuan_mapping.get_or_init(Mapping::ninh_thuan_2025)),
            #[cfg(feature = "mapping-2025")]
            "vietnam-2025" => Some(self.vietnam_mapping.get_or_init(Mapping::vietnam_2025)),
            _ => None,
        }
    }

    /// [`call`](super::call) with this context's built-in data.
    pub fn call(&self, op: &str, request_json: &str) -> String {
        match self.call_raw(op, request_json) {
            Ok(result) => format!("{{\"ok\":{result}}}"),
            Err(e) => super::error_envelope(&e),
        }
    }
}
