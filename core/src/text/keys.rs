//! Comparison keys: `name_key` (diacritics kept) and `ascii_key` (diacritics folded).

use super::clean::clean;
use super::letters::{compose, fold, letter, Letter};
use super::tone::{retone, ToneStyle, MAX_SYLLABLE};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The tone style keys are written in.
const KEY_STYLE: ToneStyle = ToneStyle::Traditional;

/// Writes a key: collapses and trims spaces, removes spaces around hyphens, and drops the
/// leading zeros of numbers.
struct KeyWriter<'a> {
    out: &'a mut String,
    pending_space: bool,
    after_hyphen: bool,
    prev_alnum: bool,
}

impl<'a> KeyWriter<'a> {
    fn new(out: &'a mut String) -> Self {
        out.clear();
        KeyWriter { out, pending_space: false, after_hyphen: false, prev_alnum: false }
    }

    #[inline]
    fn space(&mut self) {
        if !self.out.is_empty() && !self.after_hyphen {
            self.pending_space = true;
        }
    }

    #[inline]
    fn hyphen(&mut self) {
        self.pending_space = false;
        self.out.push('-');
        self.after_hyphen = true;
        self.prev_alnum = false;
    }

    #[inline]
    fn before_char(&mut self) {
        if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
            self.prev_alnum = false;
        }
        self.after_hyphen = false;
    }

    /// A digit; a `0` that starts a number and is followed by another digit is dropped.
    #[inline]
    fn digit(&mut self, d: u8, next_is_digit: bool) {
        self.before_char();
        if d == b'0' && !self.prev_alnum && next_is_digit {
            return;
        }
        self.out.push(d as char);
        self.prev_alnum = true;
    }

    #[inline]
    fn letter(&mut self, c: char) {
        self.before_char();
        self.out.push(c);
        self.prev_alnum = true;
    }

    #[inline]
    fn other(&mut self, c: char) {
        self.before_char();
        self.out.push(c);
        self.prev_alnum = c.is_alphanumeric();
    }

    /// A character that is neither part of a word nor a letter.
    #[inline]
    fn punct(&mut self, c: char, next_is_digit: bool) {
        match c {
            ' ' => self.space(),
            '-' => self.hyphen(),
            '0'..='9' => self.digit(c as u8, next_is_digit),
            c => self.other(c),
        }
    }
}

/// Writes one word made only of table letters, lower case, retoned to [`KEY_STYLE`].
#[inline]
fn emit_word(word: &str, w: &mut KeyWriter) {
    let mut letters = [Letter { base: 0, tone: 0, upper: false }; MAX_SYLLABLE];
    let mut n = 0;
    for c in word.chars() {
        if n == MAX_SYLLABLE {
            // Too long for a syllable: lower case only.
            for c in word.chars() {
                if let Some(l) = letter(c) {
                    w.letter(compose(l.base, l.tone, false));
                }
            }
            return;
        }
        if let Some(l) = letter(c) {
            letters[n] = l;
            n += 1;
        }
    }
    retone(&mut letters[..n], KEY_STYLE);
    for l in &letters[..n] {
        w.letter(compose(l.base, l.tone, false));
    }
}

#[inline]
fn next_is_digit(s: &str, i: usize) -> bool {
    s.as_bytes().get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// The fast path of `name_key`: text of printable ASCII and Vietnamese letters only.
/// Returns false, having written garbage, on anything else.
fn name_key_fast(s: &str, out: &mut String) -> bool {
    let mut w = KeyWriter::new(out);
    let mut start = None;
    for (i, c) in s.char_indices() {
        if letter(c).is_some() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(ws) = start.take() {
            emit_word(&s[ws..i], &mut w);
        }
        if !c.is_ascii() || c.is_ascii_control() || c == '`' {
            return false;
        }
        w.punct(c, next_is_digit(s, i));
    }
    if let Some(ws) = start {
        emit_word(&s[ws..], &mut w);
    }
    true
}

/// The general form of a key's input: cleaned, lower case, NFC.
fn prepare(s: &str) -> String {
    let lower = clean(s).to_lowercase();
    if unicode_normalization::is_nfc(&lower) {
        lower
    } else {
        lower.nfc().collect()
    }
}

fn name_key_slow(s: &str, out: &mut String) {
    let p = prepare(s);
    let mut w = KeyWriter::new(out);
    let mut start = None;
    let word = |word: &str, w: &mut KeyWriter| {
        if word.chars().all(|c| letter(c).is_some()) {
            emit_word(word, w);
        } else {
            for c in word.chars() {
                w.other(c);
            }
        }
    };
    for (i, c) in p.char_indices() {
        if c.is_alphabetic() || is_combining_mark(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(ws) = start.take() {
            word(&p[ws..i], &mut w);
        }
        w.punct(c, next_is_digit(&p, i));
    }
    if let Some(ws) = start {
        word(&p[ws..], &mut w);
    }
}

/// The key under which two names are the same name to a person who reads Vietnamese.
///
/// It is [`clean`]ed, in lower case, with every syllable's tone mark in one place (the
/// traditional style, see [`ToneStyle`]), without spaces around hyphens, and with the
/// leading zeros of numbers dropped (ASCII digits that start a number: "Phường 01" and
/// "Phường 1" share a key, "A01" keeps its zero). Diacritics stay: "Hà" and "Hạ",
/// "Thành" and "Thanh" have different keys; use [`ascii_key`] to fold them.
///
/// The empty string, and any string that cleans to it, has the empty key. `name_key` is
/// idempotent, and `name_key(&to_tone_style(s, style)) == name_key(s)` for both styles.
///
/// # Examples
/// ```
/// use cncd::text::name_key;
/// assert_eq!(name_key("Xã Hoà Thuận"), name_key("xã  hòa thuận"));
/// assert_eq!(name_key("Phan Rang - Tháp Chàm"), "phan rang-tháp chàm");
/// assert_eq!(name_key("Phan Rang – Tháp Chàm"), name_key("Phan Rang-Tháp Chàm"));
/// assert_eq!(name_key("Phường 01"), name_key("Phường 1"));
/// assert_eq!(name_key("\u{D0}ô Vinh"), "đô vinh"); // Ð (U+00D0) typed for Đ
/// assert_ne!(name_key("Thành Hải"), name_key("Thanh Hải"));
/// ```
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    name_key_into(s, &mut out);
    out
}

/// [`name_key`] into a buffer the caller owns: `out` is cleared, then holds the key.
///
/// # Examples
/// ```
/// let mut key = String::new();
/// cncd::text::name_key_into("Thị Trấn Khánh Hải", &mut key);
/// assert_eq!(key, "thị trấn khánh hải");
/// ```
pub fn name_key_into(s: &str, out: &mut String) {
    if !name_key_fast(s, out) {
        name_key_slow(s, out);
    }
}

/// The fast path of `ascii_key`: printable ASCII and Latin letters with diacritics.
fn ascii_key_fast(s: &str, out: &mut String) -> bool {
    let mut w = KeyWriter::new(out);
    for (i, c) in s.char_indices() {
        if let Some(f) = fold(c) {
            w.letter(f as char);
        } else if !c.is_ascii() || c.is_ascii_control() || c == '`' {
            return false;
        } else {
            w.punct(c, next_is_digit(s, i));
        }
    }
    true
}

fn ascii_key_slow(s: &str, out: &mut String) {
    let p = prepare(s);
    let mut w = KeyWriter::new(out);
    let mut buf = String::new();
    for (i, c) in p.char_indices() {
        if let Some(f) = fold(c) {
            w.letter(f as char);
        } else if is_combining_mark(c) {
            // A diacritic: dropped.
        } else if c.is_alphabetic() {
            // Outside the Latin tables: strip the marks of its canonical decomposition.
            buf.clear();
            buf.extend(std::iter::once(c).nfd().filter(|&d| !is_combining_mark(d)));
            if buf.chars().count() == 1 || buf.is_empty() {
                for d in buf.chars() {
                    w.other(d);
                }
            } else {
                w.other(c);
            }
        } else {
            w.punct(c, next_is_digit(&p, i));
        }
    }
}

/// [`name_key`] with every diacritic and đ folded to ASCII: the key for input typed
/// without Vietnamese diacritics ("Phuong Do Vinh").
///
/// Latin letters lose their diacritics ("ư" and "ứ" become "u", "đ" and "Ð" become "d");
/// other letters lose the combining marks of their canonical decomposition; what has no
/// ASCII form (Cyrillic, CJK, "ß") is kept in lower case. The empty string has the empty
/// key. `ascii_key` is idempotent and `ascii_key(&name_key(s)) == ascii_key(s)`.
///
/// # Examples
/// ```
/// use cncd::text::ascii_key;
/// assert_eq!(ascii_key("Phường Đô Vinh"), "phuong do vinh");
/// assert_eq!(ascii_key("PHUONG  DO VINH"), "phuong do vinh");
/// assert_eq!(ascii_key("Thành Hải"), ascii_key("Thanh Hai"));
/// assert_eq!(ascii_key("Phường 09"), "phuong 9");
/// ```
pub fn ascii_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    ascii_key_into(s, &mut out);
    out
}

/// [`ascii_key`] into a buffer the caller owns: `out` is cleared, then holds the key.
///
/// # Examples
/// ```
/// let mut key = String::new();
/// for typed in ["Xã Phước Hà", "xa phuoc ha", "XÃ PHƯỚC HÀ"] {
///     cncd::text::ascii_key_into(typed, &mut key);
///     assert_eq!(key, "xa phuoc ha");
/// }
/// ```
pub fn ascii_key_into(s: &str, out: &mut String) {
    if !ascii_key_fast(s, out) {
        ascii_key_slow(s, out);
    }
}

/// A name in title case: the first letter of each word upper case, the others lower.
///
/// The text is [`clean`]ed first. A word starts after the beginning, a space, a hyphen,
/// a full stop, a slash, an opening parenthesis or a double quote; an apostrophe does
/// not start one ("H'mlay"). Roman numerals and abbreviations are not recognised
/// ("Tp" for "TP"), so use it for names of people and places typed in one case, not to
/// rewrite official spellings. The empty string gives the empty string.
///
/// # Examples
/// ```
/// use cncd::text::title_case;
/// assert_eq!(title_case("phường đô vinh"), "Phường Đô Vinh");
/// assert_eq!(title_case("NGUYỄN VĂN AN"), "Nguyễn Văn An");
/// assert_eq!(title_case("phan rang-tháp chàm"), "Phan Rang-Tháp Chàm");
/// ```
pub fn title_case(s: &str) -> String {
    let cleaned = clean(s);
    let mut out = String::with_capacity(cleaned.len());
    let mut at_start = true;
    for c in cleaned.chars() {
        if c.is_alphabetic() {
            if at_start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            at_start = false;
        } else if is_combining_mark(c) {
            out.push(c);
        } else {
            out.push(c);
            at_start = matches!(c, ' ' | '-' | '.' | '/' | '(' | '"');
        }
    }
    out
}

/// The slow paths, for tests that compare them with the fast ones.
#[cfg(test)]
pub(crate) fn slow_keys(s: &str) -> (String, String) {
    let (mut a, mut b) = (String::new(), String::new());
    name_key_slow(s, &mut a);
    ascii_key_slow(s, &mut b);
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_examples() {
        assert_eq!(name_key(""), "");
        assert_eq!(ascii_key("   "), "");
        assert_eq!(name_key("Thị Trấn  Khánh Hải"), "thị trấn khánh hải");
        assert_eq!(name_key("Phường 00"), "phường 0");
        assert_eq!(name_key("Phường 0"), "phường 0");
        assert_eq!(name_key("Phường 010"), "phường 10");
        assert_eq!(name_key("Khu phố A01"), "khu phố a01");
        assert_eq!(name_key("Bà Rịa  -  Vũng Tàu"), "bà rịa-vũng tàu");
        assert_eq!(ascii_key("Bà Rịa – Vũng Tàu"), "ba ria-vung tau");
        assert_eq!(ascii_key("Xã Ea H\u{2019}MLay"), "xa ea h'mlay");
        assert_eq!(name_key("XÃ HOÀ THUẬN"), "xã hòa thuận");
        assert_eq!(ascii_key("Ελλάδα"), "ελλαδα");
    }

    #[test]
    fn fast_and_slow_agree() {
        for s in ["Xã Hoà Thuận", "Phường 01", "a - b", " x ", "Ea H'MLay", "Nghiêngggggggg", "ÀÁẢÃẠ"] {
            let mut a = String::new();
            let mut b = String::new();
            assert!(name_key_fast(s, &mut a));
            assert!(ascii_key_fast(s, &mut b));
            assert_eq!((a, b), slow_keys(s), "{s}");
        }
    }
}
