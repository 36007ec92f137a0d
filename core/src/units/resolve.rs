//! Resolution of typed unit names against a registry.

use super::kind::{split_cleaned, Level, UnitKind};
use super::registry::{Registry, UnitId};
use super::typo::{within_one_edit, TypoIndex, MIN_TYPO_LETTERS};
use crate::text::clean::clean_cow;
use crate::text::{ascii_key, ascii_key_into, name_key};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::OnceCell;

/// The longest text [`Registry::resolve`] reads, in bytes; longer text resolves to nothing.
pub const MAX_RESOLVE_BYTES: usize = 256;

/// Past this many namesakes, a search scoped to a commune or district scans the units
/// below it instead of the key's bucket.
const SCOPE_SCAN_ABOVE: usize = 32;

/// How a candidate matched, best first: the order in which candidates are ranked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The text is the unit's full name or bare name as the list writes it.
    Exact,
    /// Same [`name_key`]: case, spacing, tone style, Unicode form or a look-alike differ.
    NameKey,
    /// Same [`ascii_key`]: typed without (or with other) diacritics.
    AsciiKey,
    /// The type word was abbreviated ("TT", "P.", "TP").
    Abbreviation,
    /// One letter added, missing, replaced or swapped (names of five letters or more).
    Typo,
}

/// One unit a text may name, and how it matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The unit.
    pub unit: UnitId,
    /// How it matched.
    pub matched: MatchKind,
}

/// Whether a text named one unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolveStatus {
    /// One candidate matched better than all others.
    Unique,
    /// Several candidates matched equally well: the text does not say which.
    Ambiguous,
    /// Nothing matched.
    None,
}

/// The answer of [`Registry::resolve`]: a status and the candidates, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    /// Unique, ambiguous or none, judged on the best-matching candidates.
    pub status: ResolveStatus,
    /// Every candidate, best match first (then in the order of the list).
    pub candidates: Vec<Candidate>,
}

impl Resolution {
    /// The answer for the candidates found (each unit once), ranked.
    fn of(mut found: Vec<Candidate>) -> Resolution {
        found.sort_by_key(|c| (c.matched, c.unit));
        let status = match found.as_slice() {
            [] => ResolveStatus::None,
            [_] => ResolveStatus::Unique,
            [a, b, ..] if a.matched < b.matched => ResolveStatus::Unique,
            _ => ResolveStatus::Ambiguous,
        };
        Resolution { status, candidates: found }
    }

    /// The unit, if the text named exactly one.
    pub fn unique(&self) -> Option<UnitId> {
        (self.status == ResolveStatus::Unique).then(|| self.candidates[0].unit)
    }

    /// The unit, if the text named exactly one, and not as a typo: what a reading that
    /// guesses may take without naming the wrong unit.
    pub(crate) fn unique_untypoed(&self) -> Option<UnitId> {
        self.unique().filter(|_| self.candidates[0].matched < MatchKind::Typo)
    }

    /// The candidates that share the best match (all of them when ambiguous).
    pub fn best(&self) -> &[Candidate] {
        let n = self.candidates.iter().take_while(|c| Some(c.matched) == self.candidates.first().map(|f| f.matched)).count();
        &self.candidates[..n]
    }
}

/// Where to look: a level, and a unit to look within.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResolveOptions {
    /// Only units of this level.
    pub level: Option<Level>,
    /// Only this unit and the units below it (a province, district or commune of the
    /// registry): a search within "Huyện Tân Phú" may find the district itself.
    pub within: Option<UnitId>,
}

/// A typed part, cleaned, split and keyed once.
struct Part<'a> {
    full: Cow<'a, str>,
    kind: UnitKind,
    abbreviated: Option<bool>,
    key: String,
    akey: String,
    /// The keys of the whole part, when its first word was read as a type word: "Bản
    /// Lầu" may be a village "Lầu" or a name "Bản Lầu". Computed when first needed.
    whole: OnceCell<(String, String)>,
}

impl<'a> Part<'a> {
    fn new(text: &'a str) -> Part<'a> {
        // Slots of a parsed name come cleaned already: no copy then.
        let full = clean_cow(text);
        let (kind, bare_at, abbreviated) = split_cleaned(&full, true);
        let bare = &full[bare_at..];
        Part { key: name_key(bare), akey: ascii_key(bare), kind, abbreviated, whole: OnceCell::new(), full }
    }

    /// The keys of the whole part, if its first word was read as a type word.
    fn whole(&self) -> Option<&(String, String)> {
        (self.kind != UnitKind::Other).then(|| self.whole.get_or_init(|| (name_key(&self.full), ascii_key(&self.full))))
    }
}

/// A search for one typed part: what it looks at, apart from the scope.
struct Search<'s, 'a> {
    reg: &'s Registry,
    t: &'s Part<'a>,
    above: &'s [Part<'a>],
    level: Option<Level>,
    /// Whether the search is within a unit: a number alone ("1") names a unit only there.
    scoped: bool,
}

impl Search<'_, '_> {
    /// The candidates of one stage of the search, within `within` if given: 0, the
    /// part's keys; 1, the keys of the whole part, if its first word was read as a type
    /// word; 2, the names one typo away.
    fn stage(&self, stage: usize, within: Option<UnitId>) -> Vec<Candidate> {
        let mut out = Vec::new();
        match stage {
            0 => self.keyed(&self.t.key, &self.t.akey, false, within, &mut out),
            1 => {
                if let Some((k, a)) = self.t.whole() {
                    self.keyed(k, a, true, within, &mut out);
                }
            }
            _ => {
                let data = &*self.reg.data;
                let index = data.typo.get_or_init(|| TypoIndex::build(data));
                let mut hits = Vec::new();
                index.lookup(data, &self.t.akey, &mut hits);
                for id in hits {
                    self.consider(id, MatchKind::Typo, false, within, &mut out);
                }
            }
        }
        out
    }

    /// Adds `id` to `out` if it may be the unit meant, with how it matched.
    fn consider(&self, id: UnitId, matched: MatchKind, as_whole: bool, within: Option<UnitId>, out: &mut Vec<Candidate>) {
        let (reg, t) = (self.reg, self.t);
        let u = reg.unit(id);
        let kind = if as_whole { UnitKind::Other } else { t.kind };
        if !reg.admits(id, kind, self.level, within, self.scoped) || !reg.ancestors_match(id, self.above) {
            return;
        }
        let mut matched = matched;
        if matched == MatchKind::NameKey {
            if t.full == u.full_name() || ((as_whole || t.abbreviated.is_none()) && t.full == u.name()) {
                matched = MatchKind::Exact;
            } else if t.full.is_ascii() {
                // Typed without diacritics, "thanh hai" says no more for Thanh Hải than
                // for Thành Hải: a same-key match is only as good as an ASCII one.
                matched = MatchKind::AsciiKey;
            }
        }
        if !as_whole && t.abbreviated == Some(true) && matched < MatchKind::Abbreviation {
            matched = MatchKind::Abbreviation;
        }
        match out.iter_mut().find(|c| c.unit == id) {
            Some(c) => c.matched = c.matched.min(matched),
            None => out.push(Candidate { unit: id, matched }),
        }
    }

    /// Adds the units whose name key or ASCII key is the given one.
    fn keyed(&self, key: &str, akey: &str, as_whole: bool, within: Option<UnitId>, out: &mut Vec<Candidate>) {
        let (reg, data) = (self.reg, &*self.reg.data);
        // Many units may share a name across the country ("Thôn 1" in thousands of
        // communes): when the search is scoped to a commune or a district, looking at
        // the few units below it costs less than walking the whole bucket, and keeps
        // a roster of such names from costing (teams × namesakes).
        if let Some(w) = within.filter(|&w| matches!(reg.unit(w).level(), Level::Commune | Level::District)) {
            if data.by_key.get(key).len() + data.by_ascii.get(akey).len() > SCOPE_SCAN_ABOVE {
                // The scope and everything below it: "within" includes the scope
                // itself, as the buckets' path (`is_within`) does.
                let mut stack = vec![w];
                while let Some(id) = stack.pop() {
                    stack.extend_from_slice(reg.children(id));
                    let u = data.unit(id);
                    if u.name_key() == key {
                        self.consider(id, MatchKind::NameKey, as_whole, within, out);
                    } else if u.ascii_key() == akey {
                        self.consider(id, MatchKind::AsciiKey, as_whole, within, out);
                    }
                }
                return;
            }
        }
        for &id in data.by_key.get(key) {
            if data.unit(id).name_key() == key {
                self.consider(id, MatchKind::NameKey, as_whole, within, out);
            }
        }
        for &id in data.by_ascii.get(akey) {
            let u = data.unit(id);
            // A unit with the same name_key was considered, with a better match, above.
            if u.ascii_key() == akey && u.name_key() != key {
                self.consider(id, MatchKind::AsciiKey, as_whole, within, out);
            }
        }
    }
}

impl Registry {
    /// The units a typed name may mean, ranked by how they matched (see [`MatchKind`]).
    ///
    /// The text is a unit's name in any spelling, with or without its type word or an
    /// abbreviation of it, optionally followed by the names of units above it, separated
    /// by commas or by their type words: "Phước Hà", "xa phuoc ha huyen thuan nam",
    /// "P. Đô Vinh, TP Phan Rang - Tháp Chàm", "TT Khánh Hải". A number alone ("1")
    /// matches only within a unit ([`ResolveOptions::within`]): elsewhere "Phường 1"
    /// needs its type word.
    ///
    /// When several units match equally, the status is [`ResolveStatus::Ambiguous`] and
    /// all of them are returned: one is never picked silently.
    ///
    /// # Examples
    /// ```
    /// use cncd::units::{Level, MatchKind, Registry, ResolveOptions, ResolveStatus};
    /// let reg = Registry::ninh_thuan_2022();
    /// let any = ResolveOptions::default();
    /// let r = reg.resolve("xa phuoc ha huyen thuan nam", &any);
    /// assert_eq!(reg.unit(r.unique().unwrap()).full_name(), "Xã Phước Hà");
    /// assert_eq!(r.candidates[0].matched, MatchKind::AsciiKey);
    ///
    /// let r = reg.resolve("TT Khánh Hải", &any);
    /// assert_eq!(r.candidates[0].matched, MatchKind::Abbreviation);
    ///
    /// // "Thanh Hai" typed without diacritics: Xã Thanh Hải or Xã Thành Hải?
    /// let r = reg.resolve("Thanh Hai", &any);
    /// assert_eq!(r.status, ResolveStatus::Ambiguous);
    /// assert_eq!(r.best().len(), 2);
    /// // With its diacritics, it is one of them.
    /// assert_eq!(reg.resolve("Thành Hải", &any).status, ResolveStatus::Unique);
    /// ```
    pub fn resolve(&self, text: &str, opts: &ResolveOptions) -> Resolution {
        if text.len() > MAX_RESOLVE_BYTES {
            return Resolution { status: ResolveStatus::None, candidates: Vec::new() };
        }
        // The first part is the target, the others name units above it; a text with no
        // comma (the common case) allocates no list.
        let mut parts = text.split([',', ';']).map(str::trim).filter(|p| !p.is_empty());
        let Some(target) = parts.next() else {
            return Resolution { status: ResolveStatus::None, candidates: Vec::new() };
        };
        let above: Vec<&str> = parts.collect();
        let mut found = self.resolve_parts(target, &above, opts);
        if found.is_empty() && above.is_empty() {
            found = self.resolve_segments(&split_at_type_words(target), opts);
        }
        Resolution::of(found)
    }

    /// What [`Registry::resolve`] answers for `text` at `level` within each of `scopes`,
    /// in order, for a caller that looks for one name in several places (a commune in
    /// each district called "Châu Thành"). The text is read and keyed once, and each
    /// stage of the search (keys, keys of the whole text, typos) runs at most once over
    /// the registry, its hits then filtered by scope.
    pub(crate) fn resolve_within_each(&self, text: &str, level: Option<Level>, scopes: &[UnitId]) -> Vec<Resolution> {
        let target = text.trim();
        if scopes.len() < 2 || text.len() > MAX_RESOLVE_BYTES || target.is_empty() || text.contains([',', ';']) {
            return scopes.iter().map(|&w| self.resolve(text, &ResolveOptions { level, within: Some(w) })).collect();
        }
        let t = Part::new(target);
        let search = Search { reg: self, t: &t, above: &[], level, scoped: true };
        let mut stages: [Option<Vec<Candidate>>; 3] = [None, None, None];
        let mut segments = None;
        scopes
            .iter()
            .map(|&w| {
                let mut found = Vec::new();
                for (stage, hits) in stages.iter_mut().enumerate() {
                    let hits = hits.get_or_insert_with(|| search.stage(stage, None));
                    found.extend(hits.iter().filter(|c| self.is_within(c.unit, w)));
                    if !found.is_empty() {
                        break;
                    }
                }
                if found.is_empty() {
                    let segments = segments.get_or_insert_with(|| split_at_type_words(target));
                    found = self.resolve_segments(segments, &ResolveOptions { level, within: Some(w) });
                }
                Resolution::of(found)
            })
            .collect()
    }

    /// A text read as a unit followed by the units above it ("xa phuoc ha huyen thuan
    /// nam", split by [`split_at_type_words`]); nothing if it had no such words.
    fn resolve_segments(&self, segments: &[String], opts: &ResolveOptions) -> Vec<Candidate> {
        match segments {
            [target, above @ ..] if !above.is_empty() => {
                let above: Vec<&str> = above.iter().map(String::as_str).collect();
                self.resolve_parts(target, &above, opts)
            }
            _ => Vec::new(),
        }
    }

    fn resolve_parts(&self, target: &str, above: &[&str], opts: &ResolveOptions) -> Vec<Candidate> {
        let t = Part::new(target);
        let above: Vec<Part> = above.iter().map(|a| Part::new(a)).collect();
        let search = Search { reg: self, t: &t, above: &above, level: opts.level, scoped: opts.within.is_some() };
        // Each stage runs only if the ones before found nothing.
        let mut out = Vec::new();
        for stage in 0..3 {
            out = search.stage(stage, opts.within);
            if !out.is_empty() {
                break;
            }
        }
        out
    }

    /// Whether unit `id` may be what a text read as `kind` names, at `level`, within
    /// `within`; `scoped` says whether the search is within a unit, where a number alone
    /// ("1") may name one.
    pub(super) fn admits(&self, id: UnitId, kind: UnitKind, level: Option<Level>, within: Option<UnitId>, scoped: bool) -> bool {
        let u = self.unit(id);
        // The cheap tests first: reading the name to see whether it is a number comes last.
        !(level.is_some_and(|l| l != u.level())
            || kind != UnitKind::Other && (u.kind() != kind || !kind.levels().contains(&u.level()))
            || within.is_some_and(|w| !self.is_within(id, w))
            || kind == UnitKind::Other && !scoped && u.is_numbered())
    }

    /// Whether the units above `id` match the typed parts, in order (each part higher
    /// than the one before; levels may be skipped).
    fn ancestors_match(&self, id: UnitId, above: &[Part<'_>]) -> bool {
        let mut chain = self.ancestors(id);
        'parts: for p in above {
            for a in chain.by_ref() {
                let u = self.unit(a);
                let kind_ok = p.kind == UnitKind::Other || p.kind == u.kind();
                let named = (kind_ok && (p.key == u.name_key() || p.akey == u.ascii_key()))
                    || p.whole().is_some_and(|(k, a)| *k == u.name_key() || *a == u.ascii_key())
                    || (kind_ok
                        && p.akey.chars().filter(|c| c.is_alphabetic()).count() >= MIN_TYPO_LETTERS
                        && within_one_edit(p.akey.as_bytes(), u.ascii_key().as_bytes()));
                if named {
                    continue 'parts;
                }
            }
            return false;
        }
        true
    }
}

/// Splits "xa phuoc ha huyen thuan nam" before each later word that starts a unit of a
/// higher level ("huyện", "quận", "thị xã", "thành phố", "tỉnh", "TP", "TX", "H.", "Q.").
fn split_at_type_words(text: &str) -> Vec<String> {
    let cleaned = clean_cow(text);
    let words: Vec<&str> = cleaned.split(' ').collect();
    let mut segments: Vec<Vec<&str>> = vec![Vec::new()];
    // Keys into two buffers, each word's at most once: the first word starts no segment,
    // and the next word matters only after "thi" or "thanh".
    let (mut key, mut next) = (String::new(), String::new());
    for (i, w) in words.iter().enumerate() {
        let starts = i > 0 && {
            ascii_key_into(w, &mut key);
            let mut next_is = |word: &str| {
                ascii_key_into(words.get(i + 1).copied().unwrap_or_default(), &mut next);
                next == word
            };
            match key.as_str() {
                "huyen" | "quan" | "tinh" | "tp" | "tx" | "tp." | "tx." | "h." | "q." => true,
                "thi" => next_is("xa"),
                "thanh" => next_is("pho"),
                _ => false,
            }
        };
        if starts && segments.last().is_some_and(|s| !s.is_empty()) {
            segments.push(Vec::new());
        }
        if let Some(last) = segments.last_mut() {
            last.push(w);
        }
    }
    segments.into_iter().map(|s| s.join(" ")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments() {
        assert_eq!(split_at_type_words("xa phuoc ha huyen thuan nam"), ["xa phuoc ha", "huyen thuan nam"]);
        assert_eq!(split_at_type_words("P. Đô Vinh TP Phan Rang-Tháp Chàm"), ["P. Đô Vinh", "TP Phan Rang-Tháp Chàm"]);
        assert_eq!(split_at_type_words("Thị xã Ninh Hòa"), ["Thị xã Ninh Hòa"]);
        assert_eq!(split_at_type_words("Xã Thanh Hải Thị Xã Ninh Hòa"), ["Xã Thanh Hải", "Thị Xã Ninh Hòa"]);
        assert_eq!(split_at_type_words("phuong 1 thanh pho phan rang"), ["phuong 1", "thanh pho phan rang"]);
        // "Thành" and "Thị" start a segment only before "phố" and "xã".
        assert_eq!(split_at_type_words("Xã Hải Thành Thị Trấn"), ["Xã Hải Thành Thị Trấn"]);
        assert_eq!(split_at_type_words("Xã Thanh"), ["Xã Thanh"]);
        assert_eq!(split_at_type_words("Xã  Phước\u{A0}Hà Huyện Thuận Nam"), ["Xã Phước Hà", "Huyện Thuận Nam"]);
    }

    /// A search within a unit may find the unit itself, whether its name is rare (the
    /// buckets' path) or shared by many units (the path that walks the scope).
    #[cfg(feature = "vietnam-2022")]
    #[test]
    fn within_includes_the_scope_on_both_paths() {
        let reg = Registry::vietnam_2022();
        for (id, u) in reg.units().filter(|(_, u)| matches!(u.level(), Level::District | Level::Commune)) {
            let r = reg.resolve(u.full_name(), &ResolveOptions { level: None, within: Some(id) });
            assert!(r.candidates.iter().any(|c| c.unit == id), "{} within itself: {r:?}", u.full_name());
        }
    }

    /// `resolve_within_each` answers what `resolve` answers scope by scope, for every
    /// commune of the districts whose names several districts share ("Châu Thành",
    /// "Phú Tân"…), as typed: full, bare, without diacritics, one letter short, with the
    /// district after it; and for texts that take the general path.
    #[cfg(feature = "vietnam-2022")]
    #[test]
    fn within_each_answers_as_resolve_in_each_scope() {
        let reg = Registry::vietnam_2022();
        let mut groups: Vec<Vec<UnitId>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (_, u) in reg.units().filter(|(_, u)| u.level() == Level::District) {
            let same = reg.resolve(u.name(), &ResolveOptions { level: Some(Level::District), within: None });
            if same.best().len() > 1 && seen.insert(u.name_key().to_string()) {
                groups.push(same.best().iter().map(|c| c.unit).collect());
            }
        }
        assert!(groups.len() > 20, "{} shared district names", groups.len());
        let mut texts: Vec<String> = ["", " ", "1", "Phường 1", "Xã 1", "Tân Thạnh, Long An", "x"].map(String::from).to_vec();
        let mut compared = 0;
        for scopes in &groups {
            let mut group_texts = Vec::new();
            for &d in scopes {
                let district = reg.unit(d).name();
                for &c in reg.children(d) {
                    let u = reg.unit(c);
                    let bare = u.name();
                    let short: String = bare.chars().enumerate().filter(|&(i, _)| i != 1).map(|(_, c)| c).collect();
                    group_texts.extend([
                        u.full_name().to_string(),
                        bare.to_string(),
                        ascii_key(bare),
                        short,
                        format!("xa {} huyen {}", ascii_key(bare), ascii_key(district)),
                    ]);
                }
            }
            for text in texts.iter().chain(&group_texts) {
                for level in [Some(Level::Commune), None] {
                    let each = reg.resolve_within_each(text, level, scopes);
                    for (&w, got) in scopes.iter().zip(&each) {
                        let want = reg.resolve(text, &ResolveOptions { level, within: Some(w) });
                        assert_eq!(*got, want, "{text:?} within {}", reg.unit(w).code());
                        compared += 1;
                    }
                }
            }
            texts.clear();
        }
        assert!(compared > 10_000, "{compared}");
    }
}
