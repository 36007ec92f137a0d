//! `Registry`: the units of one official list, with the villages and schools a caller adds.

use super::index::KeyIndex;
use super::kind::{split_full_name_cleaned as split_full_name, Level, UnitKind};
use super::load::{LoadError, LoadErrorCode};
use crate::text::{ascii_key_into, name_key_into};
use std::sync::{Arc, OnceLock};

/// A unit's handle within one [`Registry`]: valid only for the registry that gave it
/// (and its clones).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub(crate) u32);

/// Where a string of a unit lies in its registry's text arena.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    start: u32,
    len: u32,
}

/// A unit as a registry stores it: its strings are spans of one arena, so that a list of
/// ten thousand units is a few allocations, not forty thousand.
#[derive(Clone, Debug)]
pub(crate) struct Rec {
    code: Span,
    full: Span,
    /// Where the bare name starts within the full name.
    bare_at: u32,
    key: Span,
    akey: Span,
    pub(crate) level: Level,
    pub(crate) kind: UnitKind,
    pub(crate) parent: Option<UnitId>,
}

/// One administrative unit (or village, or school) of a registry: a view into it.
///
/// # Examples
/// ```
/// use cncd::units::{Level, Registry, UnitKind};
/// let reg = Registry::ninh_thuan_2022();
/// let u = reg.unit(reg.find(Level::Commune, "22834").unwrap());
/// assert_eq!((u.full_name(), u.name(), u.kind()), ("Thị trấn Khánh Hải", "Khánh Hải", UnitKind::Township));
/// assert_eq!((u.name_key(), u.ascii_key()), ("khánh hải", "khanh hai"));
/// ```
#[derive(Clone, Copy)]
pub struct Unit<'a> {
    data: &'a Data,
    rec: &'a Rec,
}

impl std::fmt::Debug for Unit<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Unit").field("code", &self.code()).field("full_name", &self.full_name()).field("level", &self.level()).finish()
    }
}

impl<'a> Unit<'a> {
    /// The unit's code, as in its list ("22864"); unique within its level.
    pub fn code(&self) -> &'a str {
        self.data.str(self.rec.code)
    }
    /// The unit's level.
    pub fn level(&self) -> Level {
        self.rec.level
    }
    /// The unit's kind (its type word).
    pub fn kind(&self) -> UnitKind {
        self.rec.kind
    }
    /// The full name, type word included, [`clean`](crate::text::clean)ed ("Xã Phước Hà").
    pub fn full_name(&self) -> &'a str {
        self.data.str(self.rec.full)
    }
    /// The name without its type word ("Phước Hà"; "1" for "Phường 1").
    pub fn name(&self) -> &'a str {
        self.full_name().get(self.rec.bare_at as usize..).unwrap_or_default()
    }
    /// The unit above this one, if any.
    pub fn parent(&self) -> Option<UnitId> {
        self.rec.parent
    }
    /// [`name_key`](crate::text::name_key) of the bare name.
    pub fn name_key(&self) -> &'a str {
        self.data.str(self.rec.key)
    }
    /// [`ascii_key`](crate::text::ascii_key) of the bare name.
    pub fn ascii_key(&self) -> &'a str {
        self.data.str(self.rec.akey)
    }
    /// Whether the bare name is a number ("Phường 1"), so that it means nothing without
    /// its type word.
    pub fn is_numbered(&self) -> bool {
        super::kind::is_numbered(self.name())
    }
}

/// How many tiers of administration a list has above the communes' level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Tiers {
    /// Province > district > commune (until 30 June 2025).
    #[serde(rename = "3")]
    Three,
    /// Province > commune (since 1 July 2025).
    #[serde(rename = "2")]
    Two,
}

/// The index of a level in `Data::codes`.
pub(crate) fn level_index(level: Level) -> usize {
    match level {
        Level::Province => 0,
        Level::District => 1,
        Level::Commune => 2,
        Level::Village => 3,
        Level::School => 4,
    }
}

impl Data {
    /// Room for about `n` more units.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.units.reserve(n);
        self.text.reserve(n * 64);
        self.children.reserve(n);
        self.codes[level_index(Level::Commune)].reserve(n);
        self.by_key.reserve(n);
        self.by_ascii.reserve(n);
    }

    pub(crate) fn find(&self, level: Level, code: &str) -> Option<UnitId> {
        self.codes[level_index(level)].get(code).iter().copied().find(|id| self.unit(*id).code() == code)
    }

    pub(crate) fn str(&self, s: Span) -> &str {
        self.text.get(s.start as usize..(s.start + s.len) as usize).unwrap_or_default()
    }

    pub(crate) fn unit(&self, id: UnitId) -> Unit<'_> {
        Unit { data: self, rec: &self.units[id.0 as usize] }
    }

    fn push_str(&mut self, s: &str) -> Span {
        let start = self.text.len() as u32;
        self.text.push_str(s);
        Span { start, len: s.len() as u32 }
    }
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Data {
    pub(crate) name: String,
    pub(crate) tiers: Option<Tiers>,
    /// Every string of every unit, one after the other.
    pub(crate) text: String,
    pub(crate) units: Vec<Rec>,
    /// Codes of each level (indexed by `level_index`).
    pub(crate) codes: [KeyIndex; 5],
    pub(crate) by_key: KeyIndex,
    pub(crate) by_ascii: KeyIndex,
    pub(crate) children: Vec<Vec<UnitId>>,
    /// The units without a parent (provinces), in the order of the list.
    pub(crate) roots: Vec<UnitId>,
    pub(crate) typo: OnceLock<super::typo::TypoIndex>,
    /// For each unit, whether another child of its parent has the same bare name key.
    pub(crate) shared_name: OnceLock<Vec<bool>>,
    /// Units by their names as the list writes them, built when first needed.
    pub(crate) exact: OnceLock<super::exact::ExactIndex>,
    /// The provinces merged in 2025, as this registry has their successors, built when
    /// first needed.
    pub(crate) mergers: OnceLock<super::merger::Mergers>,
}

/// The units of one official list: provinces, districts where the list has them,
/// communes, and the villages and schools that a caller adds.
///
/// A registry is immutable once shared: clones are cheap (the data is behind an `Arc`)
/// and it can be read from many threads at once without locks. Adding a village to a
/// registry that is shared copies its data first.
///
/// Codes are the official codes with their leading zeros, unique within a level; a code
/// means nothing without its list (commune 22900 is Xã Nhị Hà in 2022 and Xã Phước Hà in
/// 2025).
///
/// # Examples
/// ```
/// use cncd::units::{Level, Registry};
/// let reg = Registry::ninh_thuan_2022();
/// let id = reg.find(Level::Commune, "22900").unwrap();
/// let unit = reg.unit(id);
/// assert_eq!(unit.full_name(), "Xã Nhị Hà");
/// let district = reg.unit(unit.parent().unwrap());
/// assert_eq!(district.full_name(), "Huyện Thuận Nam");
/// ```
#[derive(Clone, Debug)]
pub struct Registry {
    pub(crate) data: Arc<Data>,
}

/// The Ninh Thuận rows of the 2022 list (see `core/data/SOURCES.md`).
const NINH_THUAN_2022: &str = include_str!("../../data/ninh-thuan-2022.csv");
#[cfg(feature = "vietnam-2022")]
const VIETNAM_2022: &str = include_str!("../../data/vn-units-2022.csv");
#[cfg(feature = "vietnam-2025")]
const VIETNAM_2025: &str = include_str!("../../data/vn-units-2025.csv");

/// The names of the built-in registries in this build, for [`Registry::builtin`].
pub const BUILTIN_REGISTRIES: &[&str] = &[
    "ninh-thuan-2022",
    #[cfg(feature = "vietnam-2022")]
    "vietnam-2022",
    #[cfg(feature = "vietnam-2025")]
    "vietnam-2025",
];

impl Registry {
    /// An empty registry, to fill with [`Registry::add`].
    pub fn new(name: impl Into<String>, tiers: Tiers) -> Self {
        Registry { data: Arc::new(Data { name: name.into(), tiers: Some(tiers), ..Data::default() }) }
    }

    /// Ninh Thuận in the 2022 three-tier list: 1 province, 7 districts, 65 communes.
    /// Always built in.
    pub fn ninh_thuan_2022() -> Self {
        Self::builtin_csv("ninh-thuan-2022", NINH_THUAN_2022)
    }

    /// The national list of 2022 (01/10/2022): 63 provinces, 705 districts (700 with
    /// communes), 10,599 communes. Behind the default feature `vietnam-2022`.
    #[cfg(feature = "vietnam-2022")]
    pub fn vietnam_2022() -> Self {
        Self::builtin_csv("vietnam-2022", VIETNAM_2022)
    }

    /// The national list since 1 July 2025, two tiers: 34 provinces, 3,321 communes.
    /// Behind the default feature `vietnam-2025`.
    #[cfg(feature = "vietnam-2025")]
    pub fn vietnam_2025() -> Self {
        Self::builtin_csv("vietnam-2025", VIETNAM_2025)
    }

    /// A built-in registry by name (see [`BUILTIN_REGISTRIES`]).
    ///
    /// # Examples
    /// ```
    /// assert!(cncd::units::Registry::builtin("ninh-thuan-2022").is_some());
    /// assert!(cncd::units::Registry::builtin("atlantis-1999").is_none());
    /// ```
    pub fn builtin(name: &str) -> Option<Self> {
        match name {
            "ninh-thuan-2022" => Some(Self::ninh_thuan_2022()),
            #[cfg(feature = "vietnam-2022")]
            "vietnam-2022" => Some(Self::vietnam_2022()),
            #[cfg(feature = "vietnam-2025")]
            "vietnam-2025" => Some(Self::vietnam_2025()),
            _ => None,
        }
    }

    fn builtin_csv(name: &str, csv: &str) -> Self {
        // The built-in files are checked by the tests; an error here is a packaging bug.
        Self::from_csv(name, csv).unwrap_or_else(|_| Self::new(name, Tiers::Three))
    }

    /// The registry's name ("vietnam-2022").
    pub fn name(&self) -> &str {
        &self.data.name
    }

    /// The number of tiers, when the list says.
    pub fn tiers(&self) -> Option<Tiers> {
        self.data.tiers
    }

    /// The unit behind a handle.
    ///
    /// # Panics
    /// If `id` comes from another registry with fewer units: handles belong to the
    /// registry that gave them.
    pub fn unit(&self, id: UnitId) -> Unit<'_> {
        self.data.unit(id)
    }

    /// The unit behind a handle, or `None` if the handle is not of this registry.
    pub fn get(&self, id: UnitId) -> Option<Unit<'_>> {
        ((id.0 as usize) < self.data.units.len()).then(|| self.data.unit(id))
    }

    /// Every unit, in the order of the list.
    pub fn units(&self) -> impl Iterator<Item = (UnitId, Unit<'_>)> {
        (0..self.data.units.len()).map(|i| (UnitId(i as u32), self.data.unit(UnitId(i as u32))))
    }

    /// The number of units of each level: `count(Level::Commune)`.
    pub fn count(&self, level: Level) -> usize {
        self.data.units.iter().filter(|u| u.level == level).count()
    }

    /// The unit with `code` at `level`.
    pub fn find(&self, level: Level, code: &str) -> Option<UnitId> {
        self.data.find(level, code)
    }

    /// The unit with `code` at any level, trying province, district, commune, village,
    /// school in that order.
    pub fn find_any(&self, code: &str) -> Option<UnitId> {
        [Level::Province, Level::District, Level::Commune, Level::Village, Level::School].into_iter().find_map(|l| self.find(l, code))
    }

    /// The units directly below `id`, in the order of the list.
    pub fn children(&self, id: UnitId) -> &[UnitId] {
        self.data.children.get(id.0 as usize).map_or(&[], |c| c.as_slice())
    }

    /// The units with the same parent as `id` (itself included): the other communes of
    /// its district, or every province for a province.
    pub fn siblings(&self, id: UnitId) -> &[UnitId] {
        match self.unit(id).parent() {
            Some(p) => self.children(p),
            None => &self.data.roots,
        }
    }

    /// Whether another unit with the same parent (or another province, for a province)
    /// has the same bare name, by [`name_key`](crate::text::name_key): then the bare name
    /// alone does not say which unit is meant ("Thị trấn Yên Viên", "Xã Yên Viên").
    ///
    /// # Examples
    /// ```
    /// use cncd::units::{Level, Registry};
    /// let reg = Registry::vietnam_2022();
    /// let yen_vien = reg.find(Level::Commune, "00526").unwrap();
    /// assert!(reg.shares_name(yen_vien));
    /// ```
    pub fn shares_name(&self, id: UnitId) -> bool {
        let flags = self.data.shared_name.get_or_init(|| {
            let mut flags = vec![false; self.data.units.len()];
            let groups = self.data.children.iter().chain(std::iter::once(&self.data.roots));
            for group in groups {
                let mut keys: Vec<(&str, UnitId)> = group.iter().map(|&c| (self.unit(c).name_key(), c)).collect();
                keys.sort_unstable();
                for w in keys.windows(2) {
                    if w[0].0 == w[1].0 {
                        flags[w[0].1 .0 as usize] = true;
                        flags[w[1].1 .0 as usize] = true;
                    }
                }
            }
            flags
        });
        flags.get(id.0 as usize).copied().unwrap_or(false)
    }

    /// The provinces, in the order of the list.
    pub fn provinces(&self) -> &[UnitId] {
        &self.data.roots
    }

    /// The chain of units above `id`, nearest first.
    pub fn ancestors(&self, id: UnitId) -> impl Iterator<Item = UnitId> + '_ {
        std::iter::successors(self.unit(id).parent(), move |p| self.unit(*p).parent())
    }

    /// The nearest unit above `id` (or `id` itself) at `level`.
    pub fn ancestor_at(&self, id: UnitId, level: Level) -> Option<UnitId> {
        std::iter::once(id).chain(self.ancestors(id)).find(|a| self.unit(*a).level() == level)
    }

    /// Every unit at `level` below `id` (or `id` itself if it is at `level`), depth first
    /// in the order of the list.
    ///
    /// ```
    /// use cncd::units::{Level, Registry};
    /// let reg = Registry::ninh_thuan_2022();
    /// let province = reg.provinces()[0];
    /// assert_eq!(reg.descendants_at(province, Level::Commune).len(), 65);
    /// assert_eq!(reg.descendants_at(province, Level::District).len(), 7);
    /// ```
    pub fn descendants_at(&self, id: UnitId, level: Level) -> Vec<UnitId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(u) = stack.pop() {
            if self.unit(u).level() == level {
                out.push(u);
            } else if self.unit(u).level() < level {
                stack.extend(self.children(u).iter().rev());
            }
        }
        out
    }

    /// Rolls values kept per commune up to the units at `level` (district or province)
    /// of `provinces`: each parent starts as `start(parent)` and `merge`s the value of
    /// every commune below it. Parents come in the order of the list. Coverage and
    /// activity summaries both sum this way.
    pub(crate) fn roll_up<T, S>(
        &self,
        provinces: &[UnitId],
        level: Level,
        communes: &[UnitId],
        values: &[S],
        start: impl Fn(UnitId) -> T,
        merge: impl Fn(&mut T, &S),
    ) -> Vec<T> {
        let parents: Vec<UnitId> = provinces.iter().flat_map(|&p| self.descendants_at(p, level)).collect();
        let index: crate::FastMap<UnitId, usize> = parents.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        let mut out: Vec<T> = parents.iter().map(|&p| start(p)).collect();
        for (&c, value) in communes.iter().zip(values) {
            if let Some(&i) = self.ancestor_at(c, level).and_then(|p| index.get(&p)) {
                merge(&mut out[i], value);
            }
        }
        out
    }

    /// Whether `ancestor` is `id` or above it.
    pub fn is_within(&self, id: UnitId, ancestor: UnitId) -> bool {
        id == ancestor || self.ancestors(id).any(|a| a == ancestor)
    }

    /// Adds a unit below `parent` (a handle of this registry, or `None` for a province).
    /// `full_name` is the name with its type word ("Thôn Phước Lợi"); the type word sets
    /// the kind.
    ///
    /// # Errors
    /// [`LoadErrorCode::DuplicateCode`] if the level already has `code`;
    /// [`LoadErrorCode::EmptyName`] for an empty name or code;
    /// [`LoadErrorCode::UnknownParent`] if `parent` is not of this registry or cannot
    /// hold a unit of `level`.
    ///
    /// # Examples
    /// ```
    /// use cncd::units::{Level, Registry, UnitKind};
    /// let mut reg = Registry::ninh_thuan_2022();
    /// let commune = reg.find(Level::Commune, "22900").unwrap();
    /// let v = reg.add(Level::Village, "22900-01", "Thôn Phước Lợi", Some(commune)).unwrap();
    /// assert_eq!(reg.unit(v).kind(), UnitKind::Hamlet);
    /// assert_eq!(reg.children(commune), &[v]);
    /// assert!(reg.add(Level::Village, "22900-01", "Thôn Khác", Some(commune)).is_err());
    /// ```
    pub fn add(&mut self, level: Level, code: &str, full_name: &str, parent: Option<UnitId>) -> Result<UnitId, LoadError> {
        let data = Arc::make_mut(&mut self.data);
        add_unit(data, level, code, full_name, parent)
    }

    /// Adds a village under the commune with code `commune`.
    ///
    /// # Errors
    /// As [`Registry::add`], and [`LoadErrorCode::UnknownParent`] if no commune has that code.
    ///
    /// # Examples
    /// ```
    /// let mut reg = cncd::units::Registry::ninh_thuan_2022();
    /// reg.add_village("T-1", "22900", "Thôn Phước Lợi").unwrap();
    /// assert!(reg.add_village("T-2", "99999", "Thôn Nowhere").is_err());
    /// ```
    pub fn add_village(&mut self, code: &str, commune: &str, full_name: &str) -> Result<UnitId, LoadError> {
        self.add_below(Level::Village, code, commune, full_name)
    }

    /// Adds a school under the commune with code `commune`.
    ///
    /// # Errors
    /// As [`Registry::add_village`].
    pub fn add_school(&mut self, code: &str, commune: &str, full_name: &str) -> Result<UnitId, LoadError> {
        self.add_below(Level::School, code, commune, full_name)
    }

    fn add_below(&mut self, level: Level, code: &str, commune: &str, full_name: &str) -> Result<UnitId, LoadError> {
        let parent = self.find(Level::Commune, commune).ok_or_else(|| {
            LoadError::new(
                LoadErrorCode::UnknownParent,
                format!("Không có xã mã {commune:?} trong danh mục {}", self.name()),
                format!("no commune with code {commune:?} in {}", self.name()),
            )
        })?;
        self.add(level, code, full_name, Some(parent))
    }
}

pub(crate) fn add_unit(data: &mut Data, level: Level, code: &str, full_name: &str, parent: Option<UnitId>) -> Result<UnitId, LoadError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(LoadError::new(LoadErrorCode::EmptyName, "Mã đơn vị trống", "empty unit code"));
    }
    if let Some(p) = parent {
        let ok = data.units.get(p.0 as usize).is_some_and(|pu| level.is_below(pu.level));
        if !ok {
            return Err(LoadError::new(
                LoadErrorCode::UnknownParent,
                format!("Đơn vị cấp trên của {code:?} không hợp lệ"),
                format!("the parent of {code:?} is not a unit of this registry that can hold a {level}"),
            ));
        }
    } else if level != Level::Province {
        return Err(LoadError::new(
            LoadErrorCode::UnknownParent,
            format!("Đơn vị {code:?} thiếu đơn vị cấp trên"),
            format!("unit {code:?} ({level}) has no parent"),
        ));
    }
    let split = split_full_name(full_name);
    if split.bare().is_empty() {
        return Err(LoadError::new(
            LoadErrorCode::EmptyName,
            format!("Tên của đơn vị {code:?} trống"),
            format!("the name of unit {code:?} is empty"),
        ));
    }
    if data.find(level, code).is_some() {
        return Err(LoadError::new(
            LoadErrorCode::DuplicateCode,
            format!("Mã {code:?} ({level}) bị trùng"),
            format!("duplicate {level} code {code:?}"),
        ));
    }
    let id = UnitId(data.units.len() as u32);
    data.codes[level_index(level)].insert(code, id);
    let mut buf = String::with_capacity(split.cleaned.len() + 8);
    name_key_into(split.bare(), &mut buf);
    data.by_key.insert(&buf, id);
    let key = data.push_str(&buf);
    ascii_key_into(split.bare(), &mut buf);
    data.by_ascii.insert(&buf, id);
    let akey = data.push_str(&buf);
    let code = data.push_str(code);
    let full = data.push_str(&split.cleaned);
    data.children.push(Vec::new());
    match parent {
        Some(p) => data.children[p.0 as usize].push(id),
        None => data.roots.push(id),
    }
    data.units.push(Rec { code, full, bare_at: split.bare_at as u32, key, akey, level, kind: split.kind, parent });
    data.typo = OnceLock::new();
    data.shared_name = OnceLock::new();
    data.exact = OnceLock::new();
    data.mergers = OnceLock::new();
    Ok(id)
}
