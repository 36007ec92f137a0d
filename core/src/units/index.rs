//! `KeyIndex`: units by a string key, stored as a 64-bit hash of the key.
//!
//! The maps of a registry hold no strings of their own: a key is hashed once (FNV-1a,
//! a few instructions a byte), the map is keyed by that hash, and a lookup confirms each
//! hit against the unit's own string. A key shared by many units (or colliding hashes)
//! only makes its list longer: inserting stays O(1), so no input makes building
//! quadratic.

use super::registry::UnitId;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A hasher for keys that are already hashes: it mixes the bits once more.
#[derive(Default, Clone, Copy)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        // A final avalanche (from SplitMix64) so that the table's bucket bits are good.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// One unit, or several: most keys name one unit, and then need no vector.
#[derive(Clone, Debug)]
pub(crate) enum Ids {
    One(UnitId),
    Many(Vec<UnitId>),
}

/// Collects in order, with no vector for none or one unit (none is an empty `Many`).
impl FromIterator<UnitId> for Ids {
    fn from_iter<I: IntoIterator<Item = UnitId>>(iter: I) -> Ids {
        let mut iter = iter.into_iter();
        match (iter.next(), iter.next()) {
            (None, _) => Ids::Many(Vec::new()),
            (Some(a), None) => Ids::One(a),
            (Some(a), Some(b)) => Ids::Many([a, b].into_iter().chain(iter).collect()),
        }
    }
}

impl Ids {
    pub(crate) fn as_slice(&self) -> &[UnitId] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(v) => v,
        }
    }
}

/// Units by the hash of a string key.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyIndex {
    map: HashMap<u64, Ids, BuildHasherDefault<PreHashed>>,
}

impl KeyIndex {
    pub(crate) fn reserve(&mut self, n: usize) {
        self.map.reserve(n);
    }

    pub(crate) fn insert(&mut self, key: &str, id: UnitId) {
        match self.map.entry(hash_str(key)) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(Ids::One(id));
            }
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let ids = e.get_mut();
                match ids {
                    Ids::One(first) => *ids = Ids::Many(vec![*first, id]),
                    Ids::Many(v) => v.push(id),
                }
            }
        }
    }

    /// The units filed under `key`'s hash: callers confirm the key on each.
    pub(crate) fn get(&self, key: &str) -> &[UnitId] {
        self.map.get(&hash_str(key)).map_or(&[], Ids::as_slice)
    }
}
