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
    /// Registries the caller added by name ([`Context::add_registry`]).
    added: Vec<Registry>,
    /// Mappings the caller added by name ([`Context::add_mapping`]).
    added_mappings: Vec<(String, Mapping)>,
}

/// The mapping a request uses when it names none: the national one, in every build (a
/// build without it answers `bad_request` unless the caller added it).
pub const DEFAULT_MAPPING: &str = "vietnam-2025";

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
            _ => self.added.iter().find(|r| r.name() == name),
        }
    }

    /// Makes `registry` answer to its name in this context's calls, as the built-in ones
    /// do: a build without the national lists (the WebAssembly module) loads
    /// `vn-units-2022.csv` from its own origin and adds it as `vietnam-2022`, and the
    /// requests that name it give the answers of every other door. A registry added
    /// under a name already added replaces it; a name the build has built in keeps the
    /// built-in one, and `add_registry` returns false.
    ///
    /// # Examples
    /// ```
    /// use cncd::{api::Context, units::Registry};
    /// let csv = "province_code,province_name,commune_code,commune_name\n56,Tỉnh Khánh Hòa,22900,Xã Phước Hà\n";
    /// let mut ctx = Context::new();
    /// assert!(ctx.add_registry(Registry::from_csv("khanh-hoa-2025", csv).unwrap()));
    /// let reply = ctx.call("units.resolve", r#"{"registry": "khanh-hoa-2025", "text": "Phuoc Ha"}"#);
    /// assert!(reply.contains(r#""code":"22900""#));
    /// assert!(!ctx.add_registry(Registry::from_csv("ninh-thuan-2022", csv).unwrap()));
    /// ```
    pub fn add_registry(&mut self, registry: Registry) -> bool {
        let name = registry.name().to_string();
        self.added.retain(|r| r.name() != name);
        self.added.push(registry);
        std::ptr::eq(self.registry(&name).expect("just added"), self.added.last().expect("just added"))
    }

    /// A built-in mapping by name (see [`BUILTIN_MAPPINGS`]).
    pub fn mapping(&self, name: &str) -> Option<&Mapping> {
        match name {
            "ninh-thuan-2025" => Some(self.ninh_thuan_mapping.get_or_init(Mapping::ninh_thuan_2025)),
            #[cfg(feature = "mapping-2025")]
            "vietnam-2025" => Some(self.vietnam_mapping.get_or_init(Mapping::vietnam_2025)),
            _ => self.added_mappings.iter().find(|(n, _)| n == name).map(|(_, m)| m),
        }
    }

    /// Makes `mapping` answer to `name`, as [`Context::add_registry`] does for registries:
    /// a build without the national mapping adds it as `vietnam-2025`. Returns false when
    /// the build has `name` built in (the built-in one answers).
    ///
    /// # Examples
    /// ```
    /// use cncd::{api::Context, units::Mapping};
    /// let mut ctx = Context::new();
    /// assert!(ctx.add_mapping("mine", Mapping::ninh_thuan_2025()));
    /// let reply = ctx.call("units.successors", r#"{"code": "22885", "mapping": "mine"}"#);
    /// assert!(reply.contains(r#""status":"mapped""#), "{reply}");
    /// ```
    pub fn add_mapping(&mut self, name: &str, mapping: Mapping) -> bool {
        self.added_mappings.retain(|(n, _)| n != name);
        self.added_mappings.push((name.to_string(), mapping));
        std::ptr::eq(self.mapping(name).expect("just added"), &self.added_mappings.last().expect("just added").1)
    }

    /// The names of the registries this context answers to: built in, then added.
    pub(crate) fn registry_names(&self) -> Vec<&str> {
        let builtin = crate::units::BUILTIN_REGISTRIES.iter().copied();
        builtin.chain(self.added.iter().map(Registry::name).filter(|n| !crate::units::BUILTIN_REGISTRIES.contains(n))).collect()
    }

    /// The names of the mappings this context answers to: built in, then added.
    pub(crate) fn mapping_names(&self) -> Vec<&str> {
        let added = self.added_mappings.iter().map(|(n, _)| n.as_str()).filter(|n| !BUILTIN_MAPPINGS.contains(n));
        BUILTIN_MAPPINGS.iter().copied().chain(added).collect()
    }

    /// [`call`](super::call) with this context's built-in data.
    pub fn call(&self, op: &str, request_json: &str) -> String {
        match self.call_raw(op, request_json) {
            Ok(result) => format!("{{\"ok\":{result}}}"),
            Err(e) => super::error_envelope(&e),
        }
    }
}
