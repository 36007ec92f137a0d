//! `clean`: the display form of a name, with look-alike characters and spacing fixed.

use super::normal::{compose_marks, nfc};

/// What cleaning does with one character, before normalisation.
enum Map {
    Keep,
    To(char),
    Space,
    Drop,
}

/// The per-character rules of [`clean`].
#[inline]
fn map_char(c: char) -> Map {
    match c {
        // Letters, digits and combining marks that no rule below touches, answered
        // first: most characters of a name that is not clean are these.
        'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{C0}'..='\u{CF}' | '\u{D1}'..='\u{EF}' | '\u{F1}'..='\u{24F}' | '\u{300}'..='\u{36F}' => {
            Map::Keep
        }
        '\u{1E00}'..='\u{1EFF}' => Map::Keep,
        // Look-alike letters: Icelandic eth typed for đ.
        '\u{D0}' => Map::To('Đ'),
        '\u{F0}' => Map::To('đ'),
        // Dashes: Unicode general category Pd, the minus sign and the hyphen bullet.
        '\u{58A}'
        | '\u{5BE}'
        | '\u{1400}'
        | '\u{1806}'
        | '\u{2010}'..='\u{2015}'
        | '\u{2043}'
        | '\u{2212}'
        | '\u{2E17}'
        | '\u{2E1A}'
        | '\u{2E3A}'
        | '\u{2E3B}'
        | '\u{2E40}'
        | '\u{2E5D}'
        | '\u{301C}'
        | '\u{3030}'
        | '\u{30A0}'
        | '\u{FE31}'
        | '\u{FE32}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}'
        | '\u{10EAD}' => Map::To('-'),
        // Apostrophe look-alikes.
        '\u{60}' | '\u{B4}' | '\u{2BB}' | '\u{2BC}' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{2035}' | '\u{FF07}' => {
            Map::To('\'')
        }
        // Invisible characters: zero-width, joiners, word joiner, BOM, soft hyphen,
        // bidirectional controls, invisible operators, Mongolian vowel separator.
        '\u{AD}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Map::Drop,
        c if c.is_whitespace() => Map::Space,
        c if c.is_control() => Map::Drop,
        _ => Map::Keep,
    }
}

/// Whether [`clean`] removes `c` (zero-width and other invisible characters).
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(map_char(c), Map::Drop)
}

/// Whether [`map_char`] changes `c` (a space stays a space).
fn is_mapped(c: char) -> bool {
    c != ' ' && !matches!(map_char(c), Map::Keep)
}

/// Applies [`map_char`] to every character.
fn map_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match map_char(c) {
            Map::Keep => out.push(c),
            Map::To(m) => out.push(m),
            Map::Space => out.push(' '),
            Map::Drop => {}
        }
    }
    out
}

/// Whether byte `x`, after byte `p`, keeps a text from being certainly clean: a byte
/// the scan does not take (controls, the backtick, DEL, lead bytes of anything but
/// U+00C0–U+027F and U+1000–U+1FFF), a second space, or a character of those two
/// blocks that the scan does not take (Ð and ð, U+0250–U+027F, U+1000–U+1DFF,
/// U+1F00–U+1FFF), found by its lead byte and the byte after it.
///
/// Valid UTF-8 is given, so a lead byte is always followed by continuation bytes. The
/// tests compare this with the ranges it stands for, on every code point and on random
/// text.
#[inline(always)]
fn breaks_clean(p: u8, x: u8) -> bool {
    let not_taken = x < 0x20 || x == b'`' || x == 0x7F || (0xC0..=0xC2).contains(&x) || (0xCA..=0xE0).contains(&x) || x >= 0xE2;
    not_taken
        | (p == b' ' && x == b' ')
        | (p == 0xC3 && (x == 0x90 || x == 0xB0))
        | (p == 0xC9 && x >= 0x90)
        | (p == 0xE1 && !(0xB8..=0xBB).contains(&x))
}

/// The bytes [`is_clean_fast`] checks at once: 16, the width of the vector registers
/// of most CPUs (SSE2, NEON, WebAssembly SIMD).
const LANES: usize = 16;

/// Whether any of the last 16 bytes of `w` keeps a text from being clean, each checked
/// with the byte before it. A fixed number of byte pairs, checked with comparisons and
/// no table: the compiler checks them all at once in vector registers.
#[inline(always)]
fn window_breaks(w: &[u8; LANES + 1]) -> bool {
    let mut broken = false;
    for i in 0..LANES {
        broken |= breaks_clean(w[i], w[i + 1]);
    }
    broken
}

/// Whether `s` is certainly already clean, by a scan that accepts only printable ASCII,
/// single inner spaces and the precomposed Latin letters (U+00C0–U+024F but Ð and ð,
/// U+1E00–U+1EFF), all of which are NFC and compose with nothing before them.
///
/// The text is read in windows of 16 bytes, each with the byte before it. A text
/// shorter than that is padded with letters, which change nothing; in a longer one the
/// last window ends where the text ends, overlapping the window before it.
#[inline]
pub(crate) fn is_clean_fast(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    if b.len() < LANES {
        let mut padded = [b'a'; LANES + 1];
        padded[1..=b.len()].copy_from_slice(b);
        return !window_breaks(&padded);
    }
    // The first window, after a letter.
    let mut head = [b'a'; LANES + 1];
    head[1..].copy_from_slice(&b[..LANES]);
    let mut broken = window_breaks(&head);
    let mut at = LANES;
    while at < b.len() {
        let start = at.min(b.len() - LANES);
        if let Ok(w) = <&[u8; LANES + 1]>::try_from(&b[start - 1..start + LANES]) {
            broken |= window_breaks(w);
        }
        at += LANES;
    }
    !broken
}

/// The display form of a name: what a careful typist would have written.
///
/// In order: look-alike and invisible characters are mapped (Ð/ð U+00D0/U+00F0 to Đ/đ;
/// every dash-like character, Unicode category Pd plus U+2212 MINUS SIGN and U+2043, to
/// `-`; apostrophe look-alikes such as `’`, `ʼ`, `´` and `` ` `` to `'`; zero-width
/// characters, joiners, the BOM, soft hyphens, bidirectional controls and other control
/// characters removed; every Unicode white space, NBSP, tabs and line breaks included,
/// to a space); the text is put in Unicode NFC; runs of spaces become one; the ends are
/// trimmed. Letters, case and the position of tone marks are kept.
///
/// The empty string, and a string of nothing but spaces and invisible characters, clean
/// to the empty string. `clean` is idempotent: `clean(&clean(s)) == clean(s)`.
///
/// # Examples
/// ```
/// use cncd::text::clean;
/// // NFD from a phone keyboard, two spaces, an en dash, Ð (U+00D0) for Đ:
/// let typed = "Pha\u{300}n  Rang \u{2013} Tha\u{301}p Cha\u{300}m, \u{D0}ô Vinh";
/// assert_eq!(clean(typed), "Phàn Rang - Tháp Chàm, Đô Vinh");
/// // Spelling, case and tone placement are kept: "Hoà" is not changed to "Hòa".
/// assert_eq!(clean(" Xã Cò  Nòi\u{200B} "), "Xã Cò Nòi");
/// assert_eq!(clean("Hoà"), "Hoà");
/// assert_eq!(clean(""), "");
/// ```
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    clean_into(s, &mut out);
    out
}

/// [`clean`] without copying text that is already clean.
pub(crate) fn clean_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if is_clean_fast(s) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(clean(s))
    }
}

/// [`clean`] into a buffer the caller owns: `out` is cleared, then holds the result.
///
/// Reusing one buffer across many names avoids an allocation per name.
///
/// # Examples
/// ```
/// let mut buf = String::new();
/// for name in ["Xã  Phước Hà", "Phường\u{A0}Đô Vinh"] {
///     cncd::text::clean_into(name, &mut buf);
///     assert!(!buf.contains("  ") && !buf.contains('\u{A0}'));
/// }
/// ```
pub fn clean_into(s: &str, out: &mut String) {
    out.clear();
    if is_clean_fast(s) {
        out.push_str(s);
    } else if !(compose_marks(s, out) && is_clean_fast(out)) {
        // Decomposed text whose marks all compose is NFC once they are composed, and
        // clean if it then passes the scan; anything else takes the general path.
        out.clear();
        clean_slow(s, out);
    }
}

/// The general path of [`clean_into`], out of line: the fast path then needs no stack
/// frame for it.
#[cold]
#[inline(never)]
fn clean_slow(s: &str, out: &mut String) {
    // Map, normalise, and map once more: a few characters normalise to a mapped one
    // (U+1FEF GREEK VARIA is U+0060 in NFC), which would otherwise survive one pass.
    let mapped = map_all(s);
    let mut composed = nfc(&mapped);
    if composed.chars().any(is_mapped) {
        composed = std::borrow::Cow::Owned(nfc(&map_all(&composed)).into_owned());
    }
    let mut pending_space = false;
    // At most as long as the composed text: grown once, not as it fills.
    out.reserve(composed.len());
    for c in composed.chars() {
        if c == ' ' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn fast_scan_accepts_only_what_clean_keeps() {
        for cp in 0..0x2000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s = format!("a{c}b");
            if is_clean_fast(&s) {
                assert!(is_nfc(&s), "U+{cp:04X} passes the fast scan but is not NFC");
                assert!(c == ' ' || matches!(map_char(c), Map::Keep), "U+{cp:04X} passes but is mapped");
                // Nothing before it can compose with it, and it composes with no mark:
                let with_mark = format!("{c}\u{301}");
                assert!(!is_clean_fast(&with_mark));
            }
        }
    }

    /// What the scan stands for, character by character.
    fn taken_by_the_scan(s: &str) -> bool {
        let taken = |c: char| {
            matches!(c, ' '..='~') && c != '`' || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c != 'Ð' && c != 'ð'
        };
        !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ") && s.chars().all(taken)
    }

    #[test]
    fn fast_scan_reads_every_code_point_in_every_window_position() {
        for cp in (0..0x2100u32).chain(0xFFF0..0x10010) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            // Before, inside and across the 16-byte windows, and as the last byte.
            for pad in [0, 1, 13, 14, 15, 16, 17, 30, 31, 40] {
                for s in [format!("{}{c}", "a".repeat(pad)), format!("{}{c}b", "a".repeat(pad))] {
                    assert_eq!(is_clean_fast(&s), taken_by_the_scan(&s), "U+{cp:04X} in {s:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_scan_takes_what_it_stands_for(s in "[ -~\u{80}-\u{2ff}\u{1dff}-\u{1f00}\t]{0,40}") {
            proptest::prop_assert_eq!(is_clean_fast(&s), taken_by_the_scan(&s), "{:?}", s);
        }
    }

    fn by_general_path(s: &str) -> String {
        let mut out = String::new();
        clean_slow(s, &mut out);
        out
    }

    /// Whether `clean` answers `s` by composing its marks.
    fn composes(s: &str) -> bool {
        let mut out = String::new();
        compose_marks(s, &mut out) && is_clean_fast(&out)
    }

    /// The marks of Vietnamese in NFD: five tones, circumflex, breve and horn.
    const VIETNAMESE_MARKS: [char; 8] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31B}'];

    /// Every character the clean scan takes, followed by one mark and by two (one of them
    /// Vietnamese), in and out of canonical order: where `clean` composes the marks, it
    /// answers as the general path.
    #[test]
    fn composed_marks_answer_as_the_general_path() {
        let starters: Vec<char> = (0x20..0x7F).chain(0xC0..0x250).chain(0x1E00..0x1F00).filter_map(char::from_u32).collect();
        let marks: Vec<char> = ('\u{300}'..='\u{36F}').collect();
        let mut composed = 0;
        let mut check = |s: String| {
            let mut out = String::new();
            clean_into(&s, &mut out);
            assert_eq!(out, by_general_path(&s), "{s:?}");
            composed += usize::from(composes(&s));
        };
        for &p in &starters {
            for &m in &marks {
                check(format!("x{p}{m}y"));
                for v in VIETNAMESE_MARKS {
                    check(format!("{p}{m}{v}"));
                    check(format!("{p}{v}{m} "));
                }
            }
        }
        // Hundreds of these texts take the composing path (the decomposed letters of
        // Vietnamese among them): the comparison is not vacuous.
        assert!(composed > 500, "{composed}");
    }

    /// Every official name of 2022, decomposed: `clean` composes it, and gives the name.
    #[test]
    fn decomposed_official_names_are_composed() {
        use unicode_normalization::UnicodeNormalization;
        for line in include_str!("../../data/vn-units-2022.csv").lines().skip(1) {
            for name in line.split(',').skip(1).step_by(2) {
                let nfd: String = name.nfd().collect();
                let mut out = String::new();
                clean_into(&nfd, &mut out);
                assert_eq!(out, by_general_path(&nfd), "{name:?}");
                if is_clean_fast(name) {
                    assert!(composes(&nfd), "{name:?}");
                    assert_eq!(out, name);
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn clean_answers_as_the_general_path(s in "[aAeoOuyiDd\u{E2}\u{1A1}\u{1B0}\u{D0}\u{300}-\u{303}\u{309}\u{31B}\u{323}\u{345}\u{34F} _\u{2013}-]{0,12}") {
            let mut out = String::new();
            clean_into(&s, &mut out);
            proptest::prop_assert_eq!(out, by_general_path(&s), "{:?}", s);
        }
    }

    #[test]
    fn slow_path_examples() {
        assert_eq!(clean("\u{FEFF}Thôn\u{A0}\u{A0}Phước\tLợi\n"), "Thôn Phước Lợi");
        assert_eq!(clean("Ea H\u{2019}MLay"), "Ea H'MLay");
        assert_eq!(clean("Phan Rang\u{2014}Tháp Chàm"), "Phan Rang-Tháp Chàm");
        assert_eq!(clean("\u{301}"), "\u{301}");
        assert_eq!(clean(" \u{301}a"), "\u{301}a");
        assert_eq!(clean("a\u{200B}\u{301}"), "á");
        assert_eq!(clean("\u{200B} \u{AD}"), "");
        // U+1FEF normalises to a backtick, which is an apostrophe look-alike.
        assert_eq!(clean("H\u{1FEF}M"), "H'M");
    }
}
