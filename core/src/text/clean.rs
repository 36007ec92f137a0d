//! `clean`: the display form of a name, with look-alike characters and spacing fixed.

use unicode_normalization::UnicodeNormalization;

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

/// Applies [`map_char`] to every character; says whether anything changed.
fn map_all(s: &str) -> (String, bool) {
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    for c in s.chars() {
        match map_char(c) {
            Map::Keep => out.push(c),
            Map::To(m) => {
                out.push(m);
                changed = true;
            }
            Map::Space => {
                out.push(' ');
                changed |= c != ' ';
            }
            Map::Drop => changed = true,
        }
    }
    (out, changed)
}

// Byte classes of the scan of `is_clean_fast`.
const OK: u8 = 0; // printable ASCII but space and backtick, or a continuation byte 0xBC..0xBF
const SP: u8 = 1; // space
const L_C3: u8 = 2; // lead of U+00C0..U+00FF
const L_C4: u8 = 3; // lead of U+0100..U+023F (0xC4..0xC8)
const L_C9: u8 = 4; // lead of U+0240..U+027F
const L_E1: u8 = 5; // lead of U+1000..U+1FFF
const K_80: u8 = 6; // continuation 0x80..0x8F
const K_90: u8 = 7; // continuation 0x90
const K_B0: u8 = 8; // continuation 0xB0
const K_B8: u8 = 9; // continuation 0xB8..0xBB
const K_ETC: u8 = 10; // other continuation bytes
const BAD: u8 = 15; // anything else: controls, backtick, other lead bytes

static CLASS: [u8; 256] = class_table();
static PAIR_BAD: [u8; 256] = pair_table();

const fn class_table() -> [u8; 256] {
    let mut t = [BAD; 256];
    let mut b = 0;
    while b < 256 {
        let x = b as u8;
        t[b] = match x {
            b' ' => SP,
            b'`' | 0x7f => BAD,
            0x21..=0x7e => OK,
            0xC3 => L_C3,
            0xC4..=0xC8 => L_C4,
            0xC9 => L_C9,
            0xE1 => L_E1,
            0x80..=0x8F => K_80,
            0x90 => K_90,
            0xB0 => K_B0,
            0xB8..=0xBB => K_B8,
            0x91..=0xBF => K_ETC,
            _ => BAD,
        };
        b += 1;
    }
    t
}

/// `PAIR_BAD[a << 4 | b]` is 1 where a byte of class `b` may not follow one of class `a`.
const fn pair_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let (a, b) = ((i >> 4) as u8, (i & 15) as u8);
        let bad = a == BAD
            || b == BAD
            || (a == SP && b == SP)
            || (a == L_C3 && (b == K_90 || b == K_B0))
            || (a == L_C9 && b != K_80)
            || (a == L_E1 && b != K_B8);
        t[i] = bad as u8;
        i += 1;
    }
    t
}

/// Whether `s` is certainly already clean, by a scan that accepts only printable ASCII,
/// single inner spaces and the precomposed Latin letters (U+00C0–U+024F but Ð and ð,
/// U+1E00–U+1EFF), all of which are NFC and compose with nothing before them.
///
/// Each pair of neighbouring bytes is checked on its own, with table loads and no
/// branch, so the checks run in parallel (valid UTF-8 is given, so leads and
/// continuations pair up).
#[inline]
pub(crate) fn is_clean_fast(s: &str) -> bool {
    let b = s.as_bytes();
    match b {
        [] => true,
        [x] => CLASS[*x as usize] == OK,
        [first, .., last] => {
            if *first == b' ' || *last == b' ' {
                return false;
            }
            let mut bad = 0u8;
            let mut prev = CLASS[*first as usize] as usize;
            for &x in &b[1..] {
                let class = CLASS[x as usize] as usize;
                // Both classes are below 16: the mask only tells the compiler so.
                bad |= PAIR_BAD[((prev << 4) | class) & 0xff];
                prev = class;
            }
            bad == 0
        }
    }
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
    } else {
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
    let (mapped, _) = map_all(s);
    let mut nfc: String = mapped.nfc().collect();
    let (again, changed) = map_all(&nfc);
    if changed {
        nfc = again.nfc().collect();
    }
    let mut pending_space = false;
    for c in nfc.chars() {
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
