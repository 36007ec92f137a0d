//! Tone-mark placement: the traditional ("hòa, thủy") and modern ("hoà, thuỷ") styles.

use super::clean::is_invisible;
use super::letters::{compose, is_shaped, letter, Letter, VOWELS};
use super::normal::{is_combining_mark, nfc};
use super::tables::BASES;

/// Where a syllable's tone mark goes: the two spellings in use in Vietnam.
///
/// The styles differ only in open syllables whose vowel is `oa`, `oe` or `uy`:
/// traditional (kiểu cũ) writes "hòa", "khỏe", "thủy"; modern (kiểu mới) writes "hoà",
/// "khoẻ", "thuỷ". Everywhere else both put the mark in the same place ("hoàng",
/// "khuyến", "người", "quý").
///
/// The official unit lists use both ("Huyện Hoà An", "Xã Hòa Thuận"); the keys of this
/// module fold one into the other.
///
/// # Examples
/// ```
/// use cncd::text::{to_tone_style, ToneStyle};
/// assert_eq!(to_tone_style("Hoà Thuận", ToneStyle::Traditional), "Hòa Thuận");
/// assert_eq!(to_tone_style("Thủy", ToneStyle::Modern), "Thuỷ");
/// assert_eq!("modern".parse::<ToneStyle>(), Ok(ToneStyle::Modern));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ToneStyle {
    /// Kiểu cũ: "hòa", "hòe", "thủy" (the mark on the first vowel of open `oa`, `oe`, `uy`).
    #[default]
    Traditional,
    /// Kiểu mới: "hoà", "hoè", "thuỷ" (the mark on the second vowel of open `oa`, `oe`, `uy`).
    Modern,
}

impl std::str::FromStr for ToneStyle {
    type Err = String;

    /// Parses `traditional` or `modern` (the contract's spelling).
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "traditional" => Ok(ToneStyle::Traditional),
            "modern" => Ok(ToneStyle::Modern),
            other => Err(format!("unknown tone style {other:?}: expected \"traditional\" or \"modern\"")),
        }
    }
}

/// Whether a sequence of vowel bases is a vowel nucleus of Vietnamese.
fn valid_nucleus(v: &[char]) -> bool {
    matches!(
        v,
        [_] | ['a', 'i']
            | ['a', 'o']
            | ['a', 'u']
            | ['a', 'y']
            | ['â', 'u']
            | ['â', 'y']
            | ['e', 'o']
            | ['ê', 'u']
            | ['i', 'a']
            | ['i', 'ê']
            | ['i', 'u']
            | ['o', 'a']
            | ['o', 'ă']
            | ['o', 'e']
            | ['o', 'i']
            | ['ô', 'i']
            | ['ơ', 'i']
            | ['o', 'o']
            | ['ô', 'ô']
            | ['u', 'a']
            | ['u', 'â']
            | ['u', 'ê']
            | ['u', 'i']
            | ['u', 'ô']
            | ['u', 'ơ']
            | ['u', 'y']
            | ['ư', 'a']
            | ['ư', 'i']
            | ['ư', 'ơ']
            | ['ư', 'u']
            | ['y', 'ê']
            | ['i', 'ê', 'u']
            | ['y', 'ê', 'u']
            | ['o', 'a', 'i']
            | ['o', 'a', 'o']
            | ['o', 'a', 'y']
            | ['o', 'e', 'o']
            | ['u', 'â', 'y']
            | ['u', 'ô', 'i']
            | ['u', 'y', 'a']
            | ['u', 'y', 'ê']
            | ['u', 'y', 'u']
            | ['ư', 'ơ', 'i']
            | ['ư', 'ơ', 'u']
    )
}

/// The index of the letter that carries the tone in a syllable spelt with these bases
/// (lower case, without tone), or `None` if they do not spell a Vietnamese syllable.
///
/// The syllable is split as initial consonant (one of b c d đ g h k l m n p r s t v x,
/// ch gh gi kh ng nh ph qu th tr, ngh, or none), vowel nucleus (one to three vowels from
/// a fixed list), final consonant (c ch m n ng nh p t, or none). `qu` and `gi` are
/// consonants when a vowel follows them ("quý", "già"), so their `u` and `i` never carry
/// the tone; in "gì" the `i` is the vowel. Then, after the placement rules of the
/// Vietnamese orthography taught since the 1980s (see the Vietnamese Wikipedia article
/// "Quy tắc đặt dấu thanh trong chữ quốc ngữ"):
/// 1. a vowel with a shape mark (ă â ê ô ơ ư) takes the tone; of `ươ`, the `ơ`;
/// 2. otherwise, with a final consonant, the last vowel ("hoàng", "quỳnh");
/// 3. otherwise, in an open syllable: the middle of three vowels ("ngoài", "khuỷu"), the
///    only vowel, or the first of two ("mái", "múa"), except `oa`, `oe`, `uy`, where the
///    traditional style takes the first and the modern style the second.
pub(crate) fn tone_position(bases: &[u8], style: ToneStyle) -> Option<usize> {
    let n = bases.len();
    let ch = |i: usize| BASES[bases[i] as usize];
    let is_vowel = |i: usize| bases[i] < VOWELS;
    let mut s = 0;
    while s < n && !is_vowel(s) {
        s += 1;
    }
    let initial_ok = match s {
        0 => true,
        1 => matches!(ch(0), 'b' | 'c' | 'd' | 'đ' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'p' | 'q' | 'r' | 's' | 't' | 'v' | 'x'),
        2 => {
            matches!((ch(0), ch(1)), ('c', 'h') | ('g', 'h') | ('k', 'h') | ('n', 'g') | ('n', 'h') | ('p', 'h') | ('t', 'h') | ('t', 'r'))
        }
        3 => (ch(0), ch(1), ch(2)) == ('n', 'g', 'h'),
        _ => false,
    };
    if !initial_ok || s == n {
        return None;
    }
    if s == 1 && ch(0) == 'q' {
        // "qu" is one consonant and needs a vowel after it.
        if ch(1) != 'u' || n < 3 || !is_vowel(2) {
            return None;
        }
        s = 2;
    } else if s == 1 && ch(0) == 'g' && ch(1) == 'i' && n > 2 && is_vowel(2) {
        s = 2;
    }
    let mut e = s;
    while e < n && is_vowel(e) {
        e += 1;
    }
    let len = e - s;
    if len > 3 {
        return None;
    }
    let mut nucleus = ['\0'; 3];
    for (k, slot) in nucleus.iter_mut().enumerate().take(len) {
        *slot = ch(s + k);
    }
    let nucleus = &nucleus[..len];
    if !valid_nucleus(nucleus) {
        return None;
    }
    let final_ok = match n - e {
        0 => true,
        1 => matches!(ch(e), 'c' | 'm' | 'n' | 'p' | 't'),
        2 => matches!((ch(e), ch(e + 1)), ('c', 'h') | ('n', 'h') | ('n', 'g')),
        _ => false,
    };
    if !final_ok {
        return None;
    }
    if let Some(k) = nucleus.iter().rposition(|c| matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')) {
        return Some(s + k);
    }
    if e < n {
        return Some(e - 1);
    }
    Some(match nucleus {
        [_, _, _] => s + 1,
        ['o', 'a'] | ['o', 'e'] | ['u', 'y'] => match style {
            ToneStyle::Traditional => s,
            ToneStyle::Modern => s + 1,
        },
        _ => s,
    })
}

/// The most letters a syllable can have ("nghiêng" has 7).
pub(crate) const MAX_SYLLABLE: usize = 8;

/// Where the one tone of a syllable moves under `style`: `Some((from, to))` when it
/// moves, `None` when it stays or when `letters` are not one syllable with one tone.
pub(crate) fn tone_move(letters: &[Letter], style: ToneStyle) -> Option<(usize, usize)> {
    let n = letters.len();
    if n > MAX_SYLLABLE {
        return None;
    }
    let mut toned = None;
    let mut vowels = 0;
    for (i, l) in letters.iter().enumerate() {
        vowels += l.is_vowel() as usize;
        if l.tone != 0 {
            if toned.is_some() {
                return None;
            }
            toned = Some(i);
        }
    }
    let from = toned?;
    // Cases where no syllable could want the mark elsewhere, decided without parsing:
    // the only vowel carries it, or the last vowel with a shape mark does (rule 1).
    if vowels == 1 || (is_shaped(letters[from].base) && !letters[from + 1..].iter().any(|l| is_shaped(l.base))) {
        return None;
    }
    let mut bases = [0u8; MAX_SYLLABLE];
    for (b, l) in bases.iter_mut().zip(letters) {
        *b = l.base;
    }
    match tone_position(&bases[..n], style) {
        Some(to) if to != from => Some((from, to)),
        _ => None,
    }
}

/// Moves the one tone of a syllable to where `style` puts it. Returns whether anything
/// moved; leaves `letters` alone when they are not exactly one syllable with one tone.
pub(crate) fn retone(letters: &mut [Letter], style: ToneStyle) -> bool {
    match tone_move(letters, style) {
        Some((from, to)) => {
            letters[to].tone = letters[from].tone;
            letters[from].tone = 0;
            true
        }
        None => false,
    }
}

/// Splits a word into letters after putting it in NFC, so that it reads a word exactly
/// as the keys do; `None` if it is not made of precomposed Vietnamese letters (an NFD
/// mark that does not compose, such as U+0302 after "ò", leaves a mark behind) or has
/// more than [`MAX_SYLLABLE`] of them.
fn parse_word(word: &str) -> Option<([Letter; MAX_SYLLABLE], usize)> {
    letters_of(nfc(word).chars())
}

/// The letters of a syllable; `None` if a character is not a Vietnamese letter or there
/// are more than [`MAX_SYLLABLE`] of them.
pub(crate) fn letters_of(chars: impl Iterator<Item = char>) -> Option<([Letter; MAX_SYLLABLE], usize)> {
    let mut letters = [Letter::default(); MAX_SYLLABLE];
    let mut n = 0;
    for c in chars {
        if n == MAX_SYLLABLE {
            return None;
        }
        letters[n] = letter(c)?;
        n += 1;
    }
    Some((letters, n))
}

/// Rewrites each syllable of `s` with its tone mark where `style` puts it.
///
/// Words are runs of letters and combining marks (and of the invisible characters that
/// [`clean`](super::clean) removes, which join what they separate); each one that spells a Vietnamese
/// syllable with exactly one tone mark (see [`ToneStyle`] for the rule) has the mark
/// moved and is written in NFC, whatever its input form (NFD is read). Marks in the
/// wrong place are corrected too: "tòan" becomes "toàn" in both styles. Case is kept
/// letter by letter. Everything else (words that are not Vietnamese syllables, such as
/// "H'MLay" or "Ea", words with two tone marks, spaces and punctuation) is copied
/// unchanged. The empty string gives the empty string.
///
/// # Examples
/// ```
/// use cncd::text::{to_tone_style, ToneStyle::*};
/// assert_eq!(to_tone_style("Xã Hòa Thủy", Modern), "Xã Hoà Thuỷ");
/// assert_eq!(to_tone_style("khoẻ", Traditional), "khỏe");
/// // Both styles agree on closed syllables and on ươ, uyê:
/// assert_eq!(to_tone_style("HOÀNG NGƯỜI KHUYẾN", Modern), "HOÀNG NGƯỜI KHUYẾN");
/// // "qu" and "gi" are consonants:
/// assert_eq!(to_tone_style("quý già", Traditional), "quý già");
/// // A misplaced mark is put right:
/// assert_eq!(to_tone_style("tòan", Modern), "toàn");
/// // Not Vietnamese syllables: untouched.
/// assert_eq!(to_tone_style("Ea H'MLay", Modern), "Ea H'MLay");
/// ```
pub fn to_tone_style(s: &str, style: ToneStyle) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = None;
    for (i, c) in s.char_indices() {
        // Invisible characters stay inside a word (and so make it no syllable): `clean`
        // removes them, which joins what they separate.
        if c.is_alphabetic() || is_combining_mark(c) || is_invisible(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(w) = start.take() {
            retone_word(&s[w..i], style, &mut out);
        }
        out.push(c);
    }
    if let Some(w) = start {
        retone_word(&s[w..], style, &mut out);
    }
    out
}

fn retone_word(word: &str, style: ToneStyle, out: &mut String) {
    if let Some((mut letters, n)) = parse_word(word) {
        if retone(&mut letters[..n], style) {
            out.extend(letters[..n].iter().map(|l| compose(l.base, l.tone, l.upper)));
            return;
        }
    }
    out.push_str(word);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ToneStyle::*;

    #[test]
    fn style_pairs() {
        for (trad, modern) in [
            ("hòa", "hoà"),
            ("thủy", "thuỷ"),
            ("khỏe", "khoẻ"),
            ("hòe", "hoè"),
            ("Hóa", "Hoá"),
            ("THỦY", "THUỶ"),
            ("Tòa", "Toà"),
            ("lũy", "luỹ"),
            ("xõa", "xoã"),
            ("họa", "hoạ"),
        ] {
            assert_eq!(to_tone_style(trad, Modern), modern);
            assert_eq!(to_tone_style(modern, Traditional), trad);
            assert_eq!(to_tone_style(trad, Traditional), trad);
            assert_eq!(to_tone_style(modern, Modern), modern);
        }
    }

    #[test]
    fn same_in_both_styles() {
        for w in [
            "khuyến", "hoàng", "người", "quý", "quỳnh", "già", "gì", "giữa", "ngoài", "khuỷu", "thuở", "rượu", "hoặc", "tuần", "muốn",
            "tiếng", "yêu", "mía", "múa", "cửa", "gửi", "Phước", "Quảng", "Nghĩa", "huỳnh", "Thuận", "Đoàn", "Khánh", "Hải",
        ] {
            assert_eq!(to_tone_style(w, Traditional), w, "{w}");
            assert_eq!(to_tone_style(w, Modern), w, "{w}");
        }
    }

    #[test]
    fn misplaced_and_nfd() {
        assert_eq!(to_tone_style("tòan", Traditional), "toàn");
        assert_eq!(to_tone_style("ngừơi", Modern), "người");
        assert_eq!(to_tone_style("quí", Modern), "quí"); // i after qu is the vowel
        assert_eq!(to_tone_style("ho\u{300}a", Modern), "hoà");
        assert_eq!(to_tone_style("tho\u{31b}\u{301}", Modern), "tho\u{31b}\u{301}");
        assert_eq!(to_tone_style("thu\u{309}y", Modern), "thuỷ");
    }

    #[test]
    fn not_syllables_untouched() {
        for w in ["Ea H'MLay", "Đắk R'Lấp", "hòàa", "Phàn  Rang", "", "  ", "x\u{301}", "\u{301}"] {
            assert_eq!(to_tone_style(w, Modern), w);
        }
    }
}
