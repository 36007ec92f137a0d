//! Table lookups over the generated letter tables: which base letter, tone and case a
//! character is, how a base and a tone compose back, and how a Latin letter folds to ASCII.

use super::tables::{BASES, COMPOSE, FOLD_EXT, FOLD_LATIN, INFO_ASCII, INFO_EXT, INFO_LATIN};

/// Number of vowel bases (`a ă â e ê i o ô ơ u ư y`); they come first in [`BASES`].
pub(crate) const VOWELS: u8 = 12;

/// A letter of the Vietnamese alphabet (or one of f, j, w, z), split into its parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Letter {
    /// Index into [`BASES`]: the letter without tone, in lower case.
    pub base: u8,
    /// 0 none, 1 grave (huyền), 2 acute (sắc), 3 hook above (hỏi), 4 tilde (ngã), 5 dot below (nặng).
    pub tone: u8,
    /// Whether the letter was upper case.
    pub upper: bool,
}

impl Letter {
    /// Whether this letter is a vowel.
    #[inline]
    pub fn is_vowel(self) -> bool {
        self.base < VOWELS
    }

    /// This letter in lower case, with its tone: one load from [`LOWER`].
    #[inline]
    pub fn lower(self) -> char {
        LOWER[self.base as usize * 6 + self.tone as usize]
    }
}

/// The table entry of code point `cp` (0 if it is not a Vietnamese letter).
#[inline]
pub(crate) const fn info(cp: u32) -> u16 {
    if cp < 0x80 {
        INFO_ASCII[cp as usize]
    } else if cp >= 0xC0 && cp < 0x1B1 {
        INFO_LATIN[(cp - 0xC0) as usize]
    } else if cp >= 0x1EA0 && cp < 0x1EFA {
        INFO_EXT[(cp - 0x1EA0) as usize]
    } else {
        0
    }
}

/// The case bit of a table entry (`upper << 9`): set for a capital.
pub(crate) const UPPER: u16 = 1 << 9;

/// Unpacks a non-zero table entry.
#[inline]
pub(crate) fn unpack(e: u16) -> Letter {
    Letter { base: (e & 0x3f) as u8, tone: ((e >> 6) & 7) as u8, upper: e & UPPER != 0 }
}

/// The letter `c` is, if it is a (precomposed) letter of the Vietnamese alphabet.
#[inline]
pub(crate) fn letter(c: char) -> Option<Letter> {
    let e = info(c as u32);
    (e != 0).then(|| unpack(e))
}

/// Whether a vowel base carries a shape mark (ă â ê ô ơ ư).
#[inline]
pub(crate) const fn is_shaped(base: u8) -> bool {
    // Bits 1 (ă), 2 (â), 4 (ê), 7 (ô), 8 (ơ), 10 (ư).
    base < 16 && (0b0101_1001_0110u16 >> base) & 1 == 1
}

/// Every letter in lower case, by `base * 6 + tone`: one load instead of [`compose`]'s
/// branches, for the hot loop of `name_key`.
pub(crate) static LOWER: [char; 33 * 6] = lower_table();

const fn lower_table() -> [char; 33 * 6] {
    let mut t = ['\0'; 33 * 6];
    let mut base = 0;
    while base < 33 {
        let mut tone = 0;
        while tone < 6 {
            t[base * 6 + tone] = if base < VOWELS as usize { COMPOSE[base][tone][0] } else { BASES[base] };
            tone += 1;
        }
        base += 1;
    }
    t
}

/// The precomposed character for a base letter with a tone, in the given case.
#[inline]
pub(crate) fn compose(base: u8, tone: u8, upper: bool) -> char {
    if base < VOWELS {
        COMPOSE[base as usize][tone as usize][upper as usize]
    } else {
        let c = BASES[base as usize];
        match (upper, c) {
            (false, c) => c,
            (true, 'đ') => 'Đ',
            (true, c) => c.to_ascii_uppercase(),
        }
    }
}

/// The lower-case ASCII letter code point `cp` folds to (diacritics and đ removed), 0 if
/// it is not a Latin letter.
#[inline]
pub(crate) const fn fold_cp(cp: u32) -> u8 {
    if cp < 0x80 {
        let b = cp as u8;
        if b.is_ascii_alphabetic() {
            b | 0x20
        } else {
            0
        }
    } else if cp >= 0xC0 && cp < 0x250 {
        FOLD_LATIN[(cp - 0xC0) as usize]
    } else if cp >= 0x1E00 && cp < 0x1F00 {
        FOLD_EXT[(cp - 0x1E00) as usize]
    } else {
        0
    }
}

/// The lower-case ASCII letter a Latin letter folds to (diacritics and đ removed).
#[inline]
pub(crate) fn fold(c: char) -> Option<u8> {
    let f = fold_cp(c as u32);
    (f != 0).then_some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Every table entry, re-derived from `unicode-normalization`: the generated tables
    /// cannot drift from Unicode's decompositions.
    #[test]
    fn tables_agree_with_unicode_normalization() {
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
        for cp in 0..0x2000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            if let Some(l) = letter(c) {
                let lower_base = BASES[l.base as usize];
                let mut expect: String = lower_base.to_string().nfd().collect();
                expect.push_str(tones[l.tone as usize]);
                let expect: String = expect.nfc().collect();
                let expect = if l.upper { expect.to_uppercase() } else { expect };
                assert_eq!(c.to_string(), expect, "letter table entry for U+{cp:04X}");
                assert_eq!(compose(l.base, l.tone, l.upper), c, "compose U+{cp:04X}");
            }
            if let Some(f) = fold(c) {
                if matches!(c, 'Đ' | 'đ' | 'Ð' | 'ð') {
                    assert_eq!(f, b'd');
                    continue;
                }
                let first = c.to_string().nfd().next().unwrap();
                assert_eq!(first.to_ascii_lowercase() as u32, f as u32, "fold U+{cp:04X}");
            }
        }
        // Every Vietnamese vowel with every tone is in the table.
        for (v, row) in COMPOSE.iter().enumerate() {
            for (t, pair) in row.iter().enumerate() {
                for (u, &c) in pair.iter().enumerate() {
                    assert_eq!(letter(c), Some(Letter { base: v as u8, tone: t as u8, upper: u == 1 }));
                }
            }
        }
        assert_eq!(letter('Ð'), None, "U+00D0 is a look-alike, not đ");
        for base in 0..33u8 {
            for tone in 0..6u8 {
                if base < VOWELS || tone == 0 {
                    assert_eq!(LOWER[base as usize * 6 + tone as usize], compose(base, tone, false));
                }
            }
            assert_eq!(is_shaped(base), matches!(BASES[base as usize], 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư'));
        }
        assert_eq!(letter('Đ'), Some(Letter { base: 12, tone: 0, upper: true }));
    }
}
