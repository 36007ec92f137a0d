//! `ExactIndex`: units by their names exactly as the list writes them, for the reader of
//! a text that is one of those names ("Phước Hà", "Xã Phước Hà").
//!
//! [`Registry::resolve`] cleans, splits and keys every text, and ranks what the keys
//! find; a text that is a unit's name exactly ranks that unit first, as
//! [`MatchKind::Exact`](super::MatchKind::Exact). Most texts a program reads are such
//! names, so [`Registry::exact_best`] finds them by one lookup and answers what the
//! search's best tier would be. It answers only where it is sure: a name that the search
//! would split or key otherwise than the list does is left to the search.

use super::index::{hash_str, Ids, KeyIndex};
use super::kind::{split_cleaned, Level, UnitKind};
use super::registry::{Data, Registry, UnitId};
use crate::text::name_key;

/// The units by their full and their bare names, and which of them the index may answer
/// for.
#[derive(Clone, Debug, Default)]
pub(crate) struct ExactIndex {
    /// Each unit under its full name, and under its bare name where that differs.
    by_name: KeyIndex,
    /// Per unit: its full name reads, as a typed text, as the list split it (kind and
    /// bare name), with the same name key.
    full_reads_alike: Vec<bool>,
    /// Per unit: its bare name reads, as a typed text, as a name without type word.
    bare_reads_alike: Vec<bool>,
}

impl ExactIndex {
    pub(crate) fn build(data: &Data) -> ExactIndex {
        let n = data.units.len();
        let mut idx = ExactIndex { full_reads_alike: Vec::with_capacity(n), bare_reads_alike: Vec::with_capacity(n), ..Default::default() };
        idx.by_name.reserve(2 * n);
        for i in 0..n {
            let id = UnitId(i as u32);
            let u = data.unit(id);
            let (full, bare) = (u.full_name(), u.name());
            idx.by_name.insert(full, id);
            // Under the bare name too, unless that is the same hash (as the same text):
            // a unit is filed once per bucket.
            if hash_str(bare) != hash_str(full) {
                idx.by_name.insert(bare, id);
            }
            // What `resolve` would read in each, as a typed text.
            let plain = !full.contains([',', ';']) && name_key(bare) == u.name_key();
            let (kind, at, _) = split_cleaned(full, true);
            idx.full_reads_alike.push(plain && kind == u.kind() && full.len() - at == bare.len());
            let (kind, _, abbreviated) = split_cleaned(bare, true);
            idx.bare_reads_alike.push(plain && kind == UnitKind::Other && abbreviated.is_none());
        }
        idx
    }
}

impl Registry {
    /// The units that [`Registry::resolve`] would rank first, as exact matches, for
    /// `text` at `level` within `within`, in the order of the list; `None` when the text
    /// is no unit's name as the list writes it (or not one this index answers for), and
    /// the search must decide.
    pub(crate) fn exact_best(&self, text: &str, level: Option<Level>, within: Option<UnitId>) -> Option<Ids> {
        let data = &*self.data;
        let idx = data.exact.get_or_init(|| ExactIndex::build(data));
        let ids = idx.by_name.get(text);
        // How `resolve` reads the text: as a full name with its type word, or as a bare
        // name; only names that it reads as the list splits them are answered here.
        let (mut full, mut bare, mut alike, mut kind) = (false, false, true, UnitKind::Other);
        for &id in ids {
            let u = data.unit(id);
            if u.full_name() == text {
                (full, kind) = (true, u.kind());
                alike &= idx.full_reads_alike[id.0 as usize];
            }
            if u.name() == text {
                bare = true;
                alike &= idx.bare_reads_alike[id.0 as usize];
            }
        }
        if full == bare || !alike {
            return None;
        }
        let named = |id: UnitId| if full { data.unit(id).full_name() == text } else { data.unit(id).name() == text };
        // The scope first: most namesakes are elsewhere, and it costs less than a compare.
        let best: Ids = ids.iter().copied().filter(|&id| self.admits(id, kind, level, within, within.is_some()) && named(id)).collect();
        (!best.as_slice().is_empty()).then_some(best)
    }
}
