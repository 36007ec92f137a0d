//! One-typo matching: a deletion-neighbourhood index over the ASCII keys of names.
//!
//! Two strings are within one edit (a letter added, removed, replaced, or two neighbours
//! swapped) only if deleting at most one letter from each makes them equal. The index
//! holds a hash of every one-letter deletion of every name; a query looks up its own
//! deletions, so its cost is linear in the number of deletions of the query (its
//! length), whatever the size of the list, and each hit is confirmed by a direct
//! comparison.

use super::registry::{Data, UnitId};

/// The shortest name, in letters of its ASCII key, that matches with a typo.
pub const MIN_TYPO_LETTERS: usize = 5;

/// The longest key the index considers, in bytes: longer names match exactly or not at all.
pub(crate) const MAX_TYPO_BYTES: usize = 64;

/// Sorted `(hash of a variant, unit)` pairs.
#[derive(Clone, Debug, Default)]
pub(crate) struct TypoIndex {
    entries: Vec<(u64, UnitId)>,
}

/// FNV-1a over the bytes of `s` without byte `skip` (none if `skip >= s.len()`).
fn hash_without(s: &[u8], skip: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, &b) in s.iter().enumerate() {
        if i != skip {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

impl TypoIndex {
    pub(crate) fn build(data: &Data) -> Self {
        let mut entries = Vec::new();
        for i in 0..data.units.len() {
            let id = UnitId(i as u32);
            let akey = data.unit(id).ascii_key();
            let k = akey.as_bytes();
            if letters(akey) < MIN_TYPO_LETTERS || k.len() > MAX_TYPO_BYTES {
                continue;
            }
            for skip in 0..=k.len() {
                entries.push((hash_without(k, skip), id));
            }
        }
        entries.sort_unstable();
        entries.dedup();
        TypoIndex { entries }
    }

    /// Units whose ASCII key is within one edit of `key` (other than equal to it).
    pub(crate) fn lookup(&self, data: &Data, key: &str, out: &mut Vec<UnitId>) {
        let k = key.as_bytes();
        if k.len() > MAX_TYPO_BYTES || k.len() + 1 < MIN_TYPO_LETTERS {
            return;
        }
        let start = out.len();
        for skip in 0..=k.len() {
            let h = hash_without(k, skip);
            let from = self.entries.partition_point(|e| e.0 < h);
            for &(eh, id) in &self.entries[from..] {
                if eh != h {
                    break;
                }
                if !out[start..].contains(&id) {
                    out.push(id);
                }
            }
        }
        // Confirm each hit: hashes can collide, and shared deletions can be two edits apart.
        let mut w = start;
        for r in start..out.len() {
            let id = out[r];
            let name = data.unit(id).ascii_key();
            if name != key && within_one_edit(name.as_bytes(), k) {
                out[w] = id;
                w += 1;
            }
        }
        out.truncate(w);
    }
}

/// Whether `a` and `b` are at most one edit apart (insertion, deletion, substitution, or
/// transposition of neighbours).
pub(crate) fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        if p == a.len() {
            return true;
        }
        // Substitution at p, or a transposition of p and p+1.
        a[p + 1..] == b[p + 1..] || (p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
    } else {
        // Deletion from b at p.
        a[p..] == b[p + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit() {
        for (a, b, yes) in [
            ("phuoc ha", "phuoc ha", true),
            ("phuoc ha", "phuc ha", true),
            ("phuoc ha", "phuoc haa", true),
            ("phuoc ha", "phouc ha", true),
            ("phuoc ha", "phuoc hx", true),
            ("phuoc ha", "puoc h", false),
            ("abcd", "badc", false),
            ("", "a", true),
        ] {
            assert_eq!(within_one_edit(a.as_bytes(), b.as_bytes()), yes, "{a} {b}");
        }
    }
}
