//! Unicode canonical normalization (NFC, NFD) and the character properties it needs.
//!
//! The text layer needs only the canonical forms: `clean` composes (NFC), and the keys
//! decompose single letters outside the Latin tables (NFD) to strip their marks. The
//! general-purpose `unicode-normalization` crate also carries the compatibility tables
//! (NFKC, NFKD), and they come along in every build because its decomposition iterator
//! holds both kinds; in the WebAssembly module that was 142 KB of the module's 831 KB.
//! This module implements the algorithm of UAX #15 (canonical decomposition, canonical
//! ordering, canonical composition) over compact tables generated from that same crate:
//! `normal_tables.rs`, which the test `tables_are_current` re-derives and compares, so
//! the output is the crate's for every input (checked for every code point and for
//! random text by this module's tests and `tests/text_properties.rs`).
//!
//! Hangul syllables decompose and compose by arithmetic, as UAX #15 defines.

use super::normal_tables::{COMPOSE, DECOMPOSE, PROPERTIES};
use std::borrow::Cow;

// Hangul syllables, UAX #15 section 3.12 (Unicode chapter 3.12).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// Text below this is in NFC: no character below it has a combining class or composes
/// with what precedes it, and those that decompose (from U+00C0) compose back.
const FIRST_AFFECTED: char = '\u{300}';
/// No character below this decomposes.
const FIRST_DECOMPOSABLE: char = '\u{C0}';

/// Bits of a character's entry in `PROPERTIES`, above its combining class.
const NOT_QUICK: u32 = 1 << 8;
const MARK: u32 = 1 << 9;

/// The properties of `c`: `MARK | NOT_QUICK | class`, from the step table `PROPERTIES`
/// (`start << 10 | properties`, sorted by start: the properties of every code point from
/// `start` to the next entry's).
fn properties(c: char) -> u32 {
    // Below U+0300, and the precomposed Latin letters of U+1E00..U+1EFF (Vietnamese
    // among them), nothing is a mark, has a class or fails the quick check.
    if c < FIRST_AFFECTED || ('\u{1E00}'..='\u{1EFF}').contains(&c) {
        return 0;
    }
    let key = (c as u32) << 10 | 0x3FF;
    match PROPERTIES.binary_search(&key) {
        Ok(i) => PROPERTIES[i] & 0x3FF,
        Err(0) => 0,
        Err(i) => PROPERTIES[i - 1] & 0x3FF,
    }
}

/// The canonical combining class of `c` (0 for starters).
pub(crate) fn combining_class(c: char) -> u8 {
    properties(c) as u8
}

/// Whether `c` is a combining mark (general category Mn, Mc or Me), as
/// `unicode_normalization::char::is_combining_mark` says.
pub(crate) fn is_combining_mark(c: char) -> bool {
    properties(c) & MARK != 0
}

/// UAX #15's quick check for NFC, answering "yes" or "cannot tell": true if `s` is in
/// NFC, false if it may not be.
fn quick_nfc(s: &str) -> bool {
    let mut last_class = 0;
    for c in s.chars() {
        let p = properties(c);
        let class = p & 0xFF;
        if p & NOT_QUICK != 0 || (class != 0 && last_class > class) {
            return false;
        }
        last_class = class;
    }
    true
}

/// One step of `c`'s canonical decomposition: a pair, or a single character (the
/// second is then U+0000), by the table; Hangul syllables are not in it.
fn decomposition(c: char) -> Option<(char, char)> {
    let cp = u64::from(c as u32);
    let i = DECOMPOSE.binary_search_by_key(&cp, |e| e >> 42).ok()?;
    let e = DECOMPOSE[i];
    let first = char::from_u32((e >> 21) as u32 & 0x1F_FFFF)?;
    let second = char::from_u32(e as u32 & 0x1F_FFFF)?;
    Some((first, second))
}

/// The primary composite of `a` followed by `b`, if there is one.
fn compose(a: char, b: char) -> Option<char> {
    let (a, b) = (a as u32, b as u32);
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return char::from_u32(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a) && (a - S_BASE) % T_COUNT == 0 && (T_BASE + 1..T_BASE + T_COUNT).contains(&b) {
        return char::from_u32(a + (b - T_BASE));
    }
    let key = u64::from(a) << 21 | u64::from(b);
    let i = COMPOSE.binary_search_by_key(&key, |&i| DECOMPOSE[usize::from(i)] & ((1 << 42) - 1)).ok()?;
    char::from_u32((DECOMPOSE[usize::from(COMPOSE[i])] >> 42) as u32)
}

/// Appends the full canonical decomposition of `c`, with combining classes, to `buf`.
fn decompose_into(c: char, buf: &mut Vec<(char, u8)>) {
    let cp = c as u32;
    if c < FIRST_DECOMPOSABLE {
        buf.push((c, 0));
    } else if matches!(c, '\u{300}'..='\u{33F}' | '\u{345}'..='\u{36F}') {
        // The combining diacritical marks decompose no further, but for U+0340–U+0344.
        buf.push((c, combining_class(c)));
    } else if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
        let s = cp - S_BASE;
        let jamo = [L_BASE + s / N_COUNT, V_BASE + (s % N_COUNT) / T_COUNT, T_BASE + s % T_COUNT];
        let n = if jamo[2] == T_BASE { 2 } else { 3 };
        buf.extend(jamo[..n].iter().filter_map(|&j| char::from_u32(j)).map(|j| (j, 0)));
    } else if let Some((first, second)) = decomposition(c) {
        decompose_into(first, buf);
        if second != '\0' {
            decompose_into(second, buf);
        }
    } else {
        buf.push((c, combining_class(c)));
    }
}

/// Decomposes `s` and puts each run of combining characters in canonical order.
fn decompose_ordered(s: impl Iterator<Item = char>, buf: &mut Vec<(char, u8)>) {
    buf.clear();
    for c in s {
        // Most characters of a name: nothing to decompose, nothing to look up.
        if c < FIRST_DECOMPOSABLE {
            buf.push((c, 0));
        } else {
            decompose_into(c, buf);
        }
    }
    // A stable sort of each run of non-starters by combining class: sorting whole runs
    // keeps the cost at n log n, where swapping neighbours would be quadratic on a long
    // run of marks.
    let mut i = 0;
    while i < buf.len() {
        if buf[i].1 == 0 {
            i += 1;
            continue;
        }
        let end = buf[i..].iter().position(|&(_, class)| class == 0).map_or(buf.len(), |n| i + n);
        if end - i > 1 {
            buf[i..end].sort_by_key(|&(_, class)| class);
        }
        i = end;
    }
}

/// Composes a decomposed, ordered buffer in place (UAX #15's canonical composition).
fn compose_in_place(buf: &mut Vec<(char, u8)>) {
    let mut starter: Option<usize> = None;
    let mut w = 0;
    for r in 0..buf.len() {
        let (c, class) = buf[r];
        // Nothing below U+0300 is the second character of a composition (the test
        // `no_composition_ends_below_u0300` checks), so it only starts a new composition.
        if let (Some(si), true) = (starter, c >= FIRST_AFFECTED) {
            // Everything written after the starter is a non-starter in canonical order,
            // so the last one has the highest class: it blocks `c` if its class is not
            // lower than `c`'s.
            let blocked = w - 1 != si && buf[w - 1].1 >= class;
            if !blocked {
                if let Some(composite) = compose(buf[si].0, c) {
                    buf[si].0 = composite;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(w);
        }
        buf[w] = (c, class);
        w += 1;
    }
    buf.truncate(w);
}

/// `s` in Normalization Form C, borrowed when it already is (UAX #15's quick check
/// first, the whole algorithm where it cannot tell).
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    if quick_nfc(s) {
        return Cow::Borrowed(s);
    }
    let mut buf = Vec::with_capacity(s.len());
    decompose_ordered(s.chars(), &mut buf);
    compose_in_place(&mut buf);
    // NFC is rarely longer than its input (a few composition exclusions are): one
    // allocation, most often.
    let mut out = String::with_capacity(s.len());
    out.extend(buf.iter().map(|&(c, _)| c));
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// `s` with each combining mark of U+0300–U+036F composed at once with the character
/// before it, which may be a composite just made, into `out`: the NFC of decomposed
/// (NFD) Vietnamese, read in one pass. `false`, with `out` holding part of the text,
/// when a mark composes with nothing there.
///
/// Each step replaces a character and a mark with their primary composite, which is
/// canonically equivalent to them, so `out` is canonically equivalent to `s`: it is
/// then the NFC of `s` if it is itself NFC, which the caller checks (`clean` checks that
/// it passes the clean scan, whose characters are NFC and compose with nothing).
pub(crate) fn compose_marks(s: &str, out: &mut String) -> bool {
    out.clear();
    out.reserve(s.len());
    let mut last: Option<char> = None;
    for c in s.chars() {
        if ('\u{300}'..='\u{36F}').contains(&c) {
            match last.and_then(|p| compose(p, c)) {
                Some(composite) => last = Some(composite),
                None => return false,
            }
        } else {
            if let Some(p) = last {
                out.push(p);
            }
            last = Some(c);
        }
    }
    if let Some(p) = last {
        out.push(p);
    }
    true
}

/// Whether `s` is in Normalization Form C.
///
/// A starter followed at once by a character it composes with is not NFC: the pair is
/// canonically equivalent to their primary composite, which NFC writes. That answers for
/// decomposed (NFD) text at its first accent, without normalising the whole of it.
pub(crate) fn is_nfc(s: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev.filter(|_| c >= FIRST_AFFECTED) {
            if compose(p, c).is_some() {
                return false;
            }
        }
        prev = (properties(c) & 0xFF == 0).then_some(c);
    }
    matches!(nfc(s), Cow::Borrowed(_))
}

/// Calls `f` with each character of `c`'s canonical decomposition (NFD), in order.
pub(crate) fn for_each_nfd(c: char, mut f: impl FnMut(char)) {
    let mut buf = Vec::new();
    decompose_ordered(std::iter::once(c), &mut buf);
    for &(d, _) in &buf {
        f(d);
    }
}

#[cfg(test)]
mod tests {
    //! The tables are derived from `unicode-normalization` (a dev-dependency) and the
    //! algorithm is compared with it on every code point and on random text.
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;
    use std::fmt::Write;
    use unicode_normalization::UnicodeNormalization;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    fn full_decomposition(c: char) -> Vec<char> {
        let mut d = Vec::new();
        unicode_normalization::char::decompose_canonical(c, |x| d.push(x));
        d
    }

    /// A step table over all code points: `start << 10 | value` where the value changes.
    fn steps(value: impl Fn(char) -> u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut last = 0;
        for c in all_chars() {
            let v = value(c);
            if v != last {
                out.push((c as u32) << 10 | v);
                last = v;
            }
        }
        out
    }

    /// The generated file's text, from the crate's data.
    fn generate() -> String {
        let properties = steps(|c| {
            let quick = unicode_normalization::is_nfc_quick(std::iter::once(c)) == unicode_normalization::IsNormalized::Yes;
            u32::from(unicode_normalization::char::canonical_combining_class(c))
                | if quick { 0 } else { NOT_QUICK }
                | if unicode_normalization::char::is_combining_mark(c) { MARK } else { 0 }
        });

        // Every character with a canonical decomposition (Hangul syllables aside) as one
        // step: a pair (x, y) whose full decompositions make up the character's, with
        // (x, y) the pair that composes to it wherever one does; or a single character.
        let mut by_decomposition: HashMap<Vec<char>, Vec<char>> = HashMap::new();
        let mut decomposable = Vec::new();
        for c in all_chars() {
            let d = full_decomposition(c);
            if d != [c] && !(0xAC00..0xAC00 + 11172).contains(&(c as u32)) {
                by_decomposition.entry(d.clone()).or_default().push(c);
                decomposable.push((c, d));
            }
        }
        let mut entries: Vec<(char, char, char, bool)> = Vec::new();
        for (c, d) in &decomposable {
            let (last, prefix) = d.split_last().expect("a decomposition is not empty");
            if prefix.is_empty() {
                entries.push((*c, *last, '\0', false));
                continue;
            }
            let mut candidates: Vec<char> = by_decomposition.get(prefix).cloned().unwrap_or_default();
            if prefix.len() == 1 {
                candidates.insert(0, prefix[0]);
            }
            let composing = candidates.iter().copied().find(|&x| unicode_normalization::char::compose(x, *last) == Some(*c));
            let x = composing
                .or_else(|| candidates.first().copied())
                .unwrap_or_else(|| panic!("U+{:04X}: no one-step form of its decomposition", *c as u32));
            entries.push((*c, x, *last, composing.is_some()));
        }
        let mut compose: Vec<usize> = (0..entries.len()).filter(|&i| entries[i].3).collect();
        compose.sort_by_key(|&i| (entries[i].1, entries[i].2));

        let mut out = String::new();
        let _ = writeln!(out, "// @generated by `CNCD_REGENERATE=1 cargo test -p cncd --lib normal::tests::tables_are_current`");
        let _ = writeln!(
            out,
            "// from unicode-normalization 0.1 (Unicode {}.{}.{}); do not edit by hand.",
            unicode_normalization::UNICODE_VERSION.0,
            unicode_normalization::UNICODE_VERSION.1,
            unicode_normalization::UNICODE_VERSION.2
        );
        let _ = writeln!(out, "//! Tables of `normal.rs`: see its tests for how each is derived.\n");
        let mut table = |doc: &str, decl: &str, items: Vec<String>| {
            let _ = writeln!(out, "/// {doc}\npub(crate) static {decl} = &[");
            for line in items.chunks(8) {
                let _ = writeln!(out, "    {},", line.join(", "));
            }
            let _ = writeln!(out, "];");
        };
        table(
            "Character properties, as a step table: `start << 10 | mark << 9 | not_quick << 8 | class`, the properties of every code point from `start` to the next entry's: whether it is a combining mark (general category M), whether it fails NFC's quick check (NFC_QC No or Maybe), and its canonical combining class.",
            "PROPERTIES: &[u32]",
            properties.iter().map(|v| format!("0x{v:08X}")).collect(),
        );
        table(
            "One step of each canonical decomposition, sorted: `c << 42 | x << 21 | y` (y is 0 where c decomposes to x alone).",
            "DECOMPOSE: &[u64]",
            entries
                .iter()
                .map(|&(c, x, y, _)| format!("0x{:016X}", u64::from(c as u32) << 42 | u64::from(x as u32) << 21 | u64::from(y as u32)))
                .collect(),
        );
        table(
            "The entries of `DECOMPOSE` whose pair composes back (primary composites), sorted by pair.",
            "COMPOSE: &[u16]",
            compose.iter().map(|i| i.to_string()).collect(),
        );
        out
    }

    #[test]
    fn tables_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/text/normal_tables.rs");
        let expected = generate();
        if std::env::var_os("CNCD_REGENERATE").is_some() {
            std::fs::write(path, &expected).expect("writes the tables");
        }
        let committed = std::fs::read_to_string(path).expect("reads the tables");
        assert!(committed == expected, "normal_tables.rs differs from what unicode-normalization gives: run CNCD_REGENERATE=1 cargo test -p cncd --lib normal::tests::tables_are_current");
    }

    #[test]
    fn every_code_point_normalizes_as_the_crate_does() {
        let mut mismatches = Vec::new();
        for c in all_chars() {
            let s = c.to_string();
            let decomposed: String = s.nfd().collect();
            let mut ours = String::new();
            for_each_nfd(c, |d| ours.push(d));
            let checks = [
                (ours.as_str() == decomposed, "nfd"),
                (nfc(&s) == s.nfc().collect::<String>(), "nfc"),
                (nfc(&decomposed) == decomposed.nfc().collect::<String>(), "nfc of nfd"),
                (combining_class(c) == unicode_normalization::char::canonical_combining_class(c), "class"),
                (is_combining_mark(c) == unicode_normalization::char::is_combining_mark(c), "mark"),
                (is_nfc(&s) == unicode_normalization::is_nfc(&s), "is_nfc"),
            ];
            for (ok, what) in checks {
                if !ok {
                    mismatches.push(format!("U+{:04X} {what}", c as u32));
                }
            }
        }
        assert!(mismatches.is_empty(), "{} mismatches, first {:?}", mismatches.len(), &mismatches[..mismatches.len().min(20)]);
    }

    #[test]
    fn no_composition_ends_below_u0300() {
        for &i in COMPOSE {
            let second = DECOMPOSE[usize::from(i)] & 0x1F_FFFF;
            assert!(second >= FIRST_AFFECTED as u64, "U+{second:04X} ends a composition");
        }
    }

    #[test]
    fn vietnamese_in_every_form() {
        for s in ["Phường Đô Vinh", "Hoà", "thuỷ", "NGƯỜI", "Ea H'MLay", "", "한국어", "e\u{302}\u{301}", "\u{301}e", "a\u{323}\u{302}"]
        {
            let composed: String = s.nfc().collect();
            assert_eq!(nfc(s), composed, "{s:?}");
            assert_eq!(nfc(&s.nfd().collect::<String>()), composed, "{s:?} from NFD");
        }
        assert!(matches!(nfc("Phường"), Cow::Borrowed(_)));
        assert_eq!(nfc("e\u{302}\u{301}"), "ế");
        assert_eq!(nfc("a\u{323}\u{302}"), "ậ");
        assert_eq!(nfc("a\u{302}\u{323}"), "ậ");
    }

    #[test]
    fn long_runs_of_marks_stay_linear() {
        // 200,000 marks in falling class order: a quadratic reordering would not finish.
        let s: String = std::iter::once('a').chain(std::iter::repeat_n("\u{301}\u{323}", 100_000).flat_map(str::chars)).collect();
        assert_eq!(nfc(&s), s.nfc().collect::<String>());
    }

    proptest! {
        #[test]
        fn random_text_normalizes_as_the_crate_does(s in "(\\PC|[\u{300}-\u{36F}\u{1100}-\u{11FF}\u{AC00}-\u{AC20}\u{1E00}-\u{1EFF}\u{591}-\u{5C7}\u{F71}-\u{F84}])*") {
            prop_assert_eq!(nfc(&s), s.nfc().collect::<String>());
            prop_assert_eq!(is_nfc(&s), unicode_normalization::is_nfc(&s));
        }
    }
}
