//! One-typo matching: a deletion-neighbourhood index over the ASCII keys of names.
//!
//! Two strings are within one edit (a letter added, removed, replaced, or two neighbours
//! swapped) only if deleting at most one letter from each makes them equal. The index
//! holds a hash of every one-letter deletion of every name; a query looks up its own
//! deletions, so its cost is linear in the number of deletions of the query (its
//! length), whatever the size of the list, and each hit is confirmed by a direct
//! comparison. The hashes of all the deletions of a name take one pass over it
//! ([`for_each_variant`]), and a directory of their top bits narrows each lookup to a
//! run of the sorted list.

use super::registry::{Data, UnitId};

/// The shortest name, in letters of its ASCII key, that matches with a typo.
pub const MIN_TYPO_LETTERS: usize = 5;

/// The longest key the index considers, in bytes: longer names match exactly or not at all.
pub(crate) const MAX_TYPO_BYTES: usize = 64;

/// Sorted `(hash of a variant, unit)` pairs, and a directory of where each run of hashes
/// with the same top bits starts, so that a lookup searches one run, not the whole list.
#[derive(Clone, Debug, Default)]
pub(crate) struct TypoIndex {
    entries: Vec<(u64, UnitId)>,
    /// `starts[t]`: the first entry whose hash's top [`DIRECTORY_BITS`] bits are `t` or
    /// more; `starts[1 << DIRECTORY_BITS]` is the number of entries.
    starts: Vec<u32>,
}

/// The bits of the directory: 4,096 runs, of about 60 entries each for the 2022 list
/// (16 KB).
const DIRECTORY_BITS: u32 = 12;

/// The base of the polynomial hash of the variants: odd, with its bits spread.
const BASE: u64 = 0x9E37_79B9_7F4A_7C15;

/// The final mix of a variant's hash (from SplitMix64), so that its top bits, which the
/// directory reads, depend on every byte.
fn mix(h: u64) -> u64 {
    let h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Calls `f` with the hash of each variant of `s` with one byte deleted, then of `s`
/// itself: `s.len() + 1` hashes in `O(s.len())` steps. The hash of a string `t` is
/// `sum((t[j] + 1) * BASE^(len - 1 - j))` (wrapping), so the hash of `s` without byte
/// `i` is the hash of the bytes before `i`, times `BASE` to the number after it, plus
/// the hash of the bytes after it. Strings of more than [`MAX_TYPO_BYTES`] bytes give
/// none.
fn for_each_variant(s: &[u8], mut f: impl FnMut(u64)) {
    let n = s.len();
    if n > MAX_TYPO_BYTES {
        return;
    }
    // before[i]: the hash of s[..i].
    let mut before = [0u64; MAX_TYPO_BYTES + 1];
    for (i, &b) in s.iter().enumerate() {
        before[i + 1] = before[i].wrapping_mul(BASE).wrapping_add(b as u64 + 1);
    }
    // From the end: `after` is the hash of s[i + 1..], `power` is BASE^(n - 1 - i).
    let (mut after, mut power) = (0u64, 1u64);
    for i in (0..n).rev() {
        f(mix(before[i].wrapping_mul(power).wrapping_add(after)));
        after = after.wrapping_add((s[i] as u64 + 1).wrapping_mul(power));
        power = power.wrapping_mul(BASE);
    }
    f(mix(before[n]));
}

/// The number of letters of `s`, as [`MIN_TYPO_LETTERS`] counts them.
fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

impl TypoIndex {
    /// The index of every unit's ASCII key of at least [`MIN_TYPO_LETTERS`] letters and
    /// at most [`MAX_TYPO_BYTES`] bytes.
    pub(crate) fn build(data: &Data) -> Self {
        let mut entries = Vec::new();
        for i in 0..data.units.len() {
            let id = UnitId(i as u32);
            let akey = data.unit(id).ascii_key();
            if letters(akey) < MIN_TYPO_LETTERS || akey.len() > MAX_TYPO_BYTES {
                continue;
            }
            for_each_variant(akey.as_bytes(), |h| entries.push((h, id)));
        }
        entries.sort_unstable();
        entries.dedup();
        let mut starts = Vec::with_capacity((1 << DIRECTORY_BITS) + 1);
        let mut e = 0;
        for top in 0..=1u64 << DIRECTORY_BITS {
            while e < entries.len() && entries[e].0 >> (64 - DIRECTORY_BITS) < top {
                e += 1;
            }
            starts.push(e as u32);
        }
        TypoIndex { entries, starts }
    }

    /// The entries whose hash is `h`.
    fn run(&self, h: u64) -> &[(u64, UnitId)] {
        let top = (h >> (64 - DIRECTORY_BITS)) as usize;
        let (from, to) = (self.starts[top] as usize, self.starts[top + 1] as usize);
        let run = &self.entries[from..to];
        let first = run.partition_point(|e| e.0 < h);
        let len = run[first..].iter().take_while(|e| e.0 == h).count();
        &run[first..first + len]
    }

    /// Units whose ASCII key is within one edit of `key` (other than equal to it).
    pub(crate) fn lookup(&self, data: &Data, key: &str, out: &mut Vec<UnitId>) {
        let k = key.as_bytes();
        if k.len() > MAX_TYPO_BYTES || k.len() + 1 < MIN_TYPO_LETTERS {
            return;
        }
        let start = out.len();
        for_each_variant(k, |h| {
            for &(_, id) in self.run(h) {
                if !out[start..].contains(&id) {
                    out.push(id);
                }
            }
        });
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
    use crate::units::Registry;

    /// The hash of a string, computed directly.
    fn direct(t: &[u8]) -> u64 {
        mix(t.iter().fold(0u64, |h, &b| h.wrapping_mul(BASE).wrapping_add(b as u64 + 1)))
    }

    proptest::proptest! {
        #[test]
        fn each_variant_hashes_as_the_string_it_is(s in proptest::collection::vec(proptest::num::u8::ANY, 0..=MAX_TYPO_BYTES)) {
            let mut got = Vec::new();
            for_each_variant(&s, |h| got.push(h));
            let mut want: Vec<u64> = (0..s.len()).rev().map(|i| direct(&[&s[..i], &s[i + 1..]].concat())).collect();
            want.push(direct(&s));
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// The index finds exactly the units a comparison with every unit finds.
    fn assert_finds_what_a_scan_finds(reg: &Registry, queries: &[String]) {
        let data = &*reg.data;
        let index = TypoIndex::build(data);
        for q in queries {
            let mut hits = Vec::new();
            index.lookup(data, q, &mut hits);
            hits.sort();
            let mut scan: Vec<UnitId> = (0..data.units.len() as u32)
                .map(UnitId)
                .filter(|&id| {
                    let a = data.unit(id).ascii_key();
                    letters(a) >= MIN_TYPO_LETTERS
                        && a.len() <= MAX_TYPO_BYTES
                        && q.len() <= MAX_TYPO_BYTES
                        && q.len() + 1 >= MIN_TYPO_LETTERS
                        && a != q
                        && within_one_edit(a.as_bytes(), q.as_bytes())
                })
                .collect();
            scan.sort();
            assert_eq!(hits, scan, "{q:?}");
        }
    }

    /// Each unit's key, and that key with a letter dropped, doubled, replaced and two
    /// letters swapped, at a few places.
    fn typed_wrong(reg: &Registry, every: usize) -> Vec<String> {
        let mut out = Vec::new();
        for (_, u) in reg.units().step_by(every) {
            let k = u.ascii_key().as_bytes();
            out.push(u.ascii_key().to_string());
            for i in [0, k.len() / 2, k.len().saturating_sub(1)] {
                if i >= k.len() {
                    continue;
                }
                let mut variants =
                    vec![[&k[..i], &k[i + 1..]].concat(), [&k[..=i], &k[i..]].concat(), [&k[..i], b"x", &k[i + 1..]].concat()];
                if i + 1 < k.len() {
                    variants.push([&k[..i], &[k[i + 1], k[i]], &k[i + 2..]].concat());
                }
                out.extend(variants.into_iter().filter_map(|v| String::from_utf8(v).ok()));
            }
        }
        out
    }

    #[test]
    fn the_index_finds_what_a_scan_finds_ninh_thuan() {
        let reg = Registry::ninh_thuan_2022();
        assert_finds_what_a_scan_finds(&reg, &typed_wrong(&reg, 1));
    }

    #[cfg(feature = "vietnam-2022")]
    #[test]
    fn the_index_finds_what_a_scan_finds_vietnam_2022() {
        let reg = Registry::vietnam_2022();
        assert_finds_what_a_scan_finds(&reg, &typed_wrong(&reg, 37));
    }

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
