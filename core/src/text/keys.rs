//! Comparison keys: `name_key` (diacritics kept) and `ascii_key` (diacritics folded).

use super::clean::clean;
use super::letters::{compose, fold, is_shaped, letter, unpack, Letter};
use super::normal::{for_each_nfd, is_combining_mark, nfc};
use super::pairs;
use super::tone::{letters_of, retone, ToneStyle, MAX_SYLLABLE};
use std::borrow::Cow;

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
        // A combining mark belongs to the character before it: "ô\u{302}00" is a letter
        // before a number, as "o00" is once the mark is folded away.
        if !is_combining_mark(c) {
            self.prev_alnum = c.is_alphanumeric();
        }
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

/// Whether the first character after the one at byte `i` that is not a combining mark
/// is an ASCII digit: `ascii_key` drops the marks, so "0\u{300}0" is the number "00".
fn next_is_digit_after_marks(s: &str, i: usize) -> bool {
    let rest = s.get(i + 1..).unwrap_or_default();
    rest.chars().find(|&c| !is_combining_mark(c)).is_some_and(|c| c.is_ascii_digit())
}

/// The general form of a key's input: cleaned, lower case, NFC.
fn prepare(s: &str) -> String {
    let lower = clean(s).to_lowercase();
    match nfc(&lower) {
        Cow::Borrowed(_) => lower,
        Cow::Owned(composed) => composed,
    }
}

/// Out of line, as `ascii_key_slow`.
#[cold]
#[inline(never)]
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
    let paired = pairs::TAKEN && pairs::name_key(s, out, tone_moves);
    if !paired && !name_key_fast(s, out) {
        name_key_slow(s, out);
    }
}

/// The key a fast path writes: what [`punct`] needs to read and change at its end.
trait KeyOut {
    /// The last byte written.
    fn last(&self) -> Option<u8>;
    /// Writes an ASCII byte.
    fn push_ascii(&mut self, c: u8);
    /// Takes back the last byte written, an ASCII one.
    fn pop_ascii(&mut self);
}

impl KeyOut for String {
    #[inline(always)]
    fn last(&self) -> Option<u8> {
        self.as_bytes().last().copied()
    }

    #[inline(always)]
    fn push_ascii(&mut self, c: u8) {
        // `& 0x7f` tells the compiler the byte is ASCII: a one-byte push.
        self.push((c & 0x7f) as char);
    }

    #[inline(always)]
    fn pop_ascii(&mut self) {
        self.pop();
    }
}

/// An ASCII key written into a buffer on the stack, then into its `String` at once.
///
/// In the WebAssembly module, built for size, `String::push` is a call of its own for
/// every byte; a store into an array is not. The buffer is moved into the string when it
/// fills and when the key ends ([`AsciiOut::finish`]).
struct AsciiOut<'a> {
    out: &'a mut String,
    buf: [u8; 64],
    n: usize,
}

impl<'a> AsciiOut<'a> {
    fn new(out: &'a mut String) -> Self {
        out.clear();
        AsciiOut { out, buf: [0; 64], n: 0 }
    }

    fn flush(&mut self) {
        // Only ASCII bytes are written, so the check always passes.
        if let Ok(key) = std::str::from_utf8(&self.buf[..self.n]) {
            self.out.push_str(key);
        }
        self.n = 0;
    }

    fn finish(mut self) {
        trim_end_space(&mut self);
        self.flush();
    }
}

impl KeyOut for AsciiOut<'_> {
    #[inline(always)]
    fn last(&self) -> Option<u8> {
        match self.n {
            0 => self.out.last(),
            n => Some(self.buf[n - 1]),
        }
    }

    #[inline(always)]
    fn push_ascii(&mut self, c: u8) {
        if self.n == self.buf.len() {
            self.flush();
        }
        self.buf[self.n] = c & 0x7f;
        self.n += 1;
    }

    #[inline(always)]
    fn pop_ascii(&mut self) {
        match self.n {
            0 => self.out.pop_ascii(),
            n => self.n = n - 1,
        }
    }
}

/// The fast paths' way with spaces, hyphens and digits, on the key being written.
///
/// A space is written at once and taken back if the key ends or a hyphen follows, so
/// the common case, a letter, is a plain push. The state of the key rules is read off
/// the last byte written: no space at the start, after a space or after a hyphen; a
/// number starts after anything but a letter or digit (every non-ASCII character a fast
/// path writes is a letter).
///
/// Returns false for what the fast paths do not take (control characters, and the
/// backtick that `clean` maps to an apostrophe).
#[inline(always)]
fn punct(out: &mut impl KeyOut, c: u8, next: Option<&u8>) -> bool {
    let last = out.last();
    match c {
        b' ' => {
            if last.is_some_and(|l| l != b' ' && l != b'-') {
                out.push_ascii(b' ');
            }
        }
        b'-' => {
            if last == Some(b' ') {
                out.pop_ascii();
            }
            out.push_ascii(b'-');
        }
        b'0'..=b'9' => {
            let last = last.unwrap_or(b' ');
            let after_alnum = last.is_ascii_alphanumeric() || last >= 0x80;
            if after_alnum || c != b'0' || !next.is_some_and(u8::is_ascii_digit) {
                out.push_ascii(c);
            }
        }
        0x21..=0x7E if c != b'`' => out.push_ascii(c),
        _ => return false,
    }
    true
}

/// Takes back a space left at the end of a key.
#[inline(always)]
fn trim_end_space(out: &mut impl KeyOut) {
    if out.last() == Some(b' ') {
        out.pop_ascii();
    }
}

/// What the fast paths do with an ASCII byte: a value above [`ACT_PUNCT`] is the byte to
/// write (letters in lower case, punctuation as it is); the others are actions.
static ASCII_ACT: [u8; 128] = ascii_act_table();
const ACT_BAIL: u8 = 0;
const ACT_PUNCT: u8 = 1;

const fn ascii_act_table() -> [u8; 128] {
    let mut t = [ACT_BAIL; 128];
    let mut c = 0x21;
    while c < 0x7f {
        t[c] = (c as u8).to_ascii_lowercase();
        c += 1;
    }
    t[b'`' as usize] = ACT_BAIL;
    t[b' ' as usize] = ACT_PUNCT;
    t[b'-' as usize] = ACT_PUNCT;
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = ACT_PUNCT;
        d += 1;
    }
    t
}

/// ASCII folding of the two-byte code points U+0080..U+07FF (0 where none).
static FOLD2: [u8; 0x780] = fold2_table();

const fn fold2_table() -> [u8; 0x780] {
    let mut t = [0u8; 0x780];
    let mut cp = 0xC0;
    while cp < 0x250 {
        t[cp - 0x80] = super::tables::FOLD_LATIN[cp - 0xC0];
        cp += 1;
    }
    t
}

/// The fast path of `ascii_key`: printable ASCII and precomposed Latin letters. Returns
/// false, having written part of a key, on anything else. It follows the rules of
/// `KeyWriter`; tests compare the two paths.
fn ascii_key_fast(s: &str, out: &mut String) -> bool {
    let b = s.as_bytes();
    let mut key = AsciiOut::new(out);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let x = if c < 0x80 {
            let a = ASCII_ACT[c as usize];
            if a == ACT_PUNCT {
                punct(&mut key, c, b.get(i + 1));
                i += 1;
                continue;
            }
            i += 1;
            a
        } else if c < 0xE0 {
            // Valid UTF-8: a continuation byte follows.
            let cp = ((c as usize & 0x1f) << 6) | (b[i + 1] as usize & 0x3f);
            i += 2;
            FOLD2[cp - 0x80]
        } else if c == 0xE1 && b[i + 1] & 0xFC == 0xB8 {
            // U+1E00..U+1EFF, Latin Extended Additional.
            let k = ((b[i + 1] as usize & 3) << 6) | (b[i + 2] as usize & 0x3f);
            i += 3;
            super::tables::FOLD_EXT[k]
        } else {
            0
        };
        if x == 0 {
            return false;
        }
        key.push_ascii(x);
    }
    key.finish();
    true
}

/// Letter entries (see `letters::info`) of the two-byte code points U+0080..U+07FF.
static INFO2: [u16; 0x780] = info2_table();
/// Letter entries of U+1E80..U+1EFF, the three-byte code points with a Vietnamese letter.
static INFO3: [u16; 0x80] = info3_table();

const fn info2_table() -> [u16; 0x780] {
    let mut t = [0u16; 0x780];
    let mut cp = 0xC0;
    while cp < 0x1B1 {
        t[cp - 0x80] = super::tables::INFO_LATIN[cp - 0xC0];
        cp += 1;
    }
    t
}

const fn info3_table() -> [u16; 0x80] {
    let mut t = [0u16; 0x80];
    let mut cp = 0x1EA0;
    while cp < 0x1EFA {
        t[cp - 0x1E80] = super::tables::INFO_EXT[cp - 0x1EA0];
        cp += 1;
    }
    t
}

/// The letter entry of the character at byte `i` of valid UTF-8, and its length; entry
/// 0 for a character that is not a Vietnamese letter.
#[inline(always)]
fn letter_at(b: &[u8], i: usize) -> (u16, usize) {
    let c = b[i];
    if c < 0x80 {
        (super::tables::INFO_ASCII[c as usize], 1)
    } else if c < 0xE0 {
        let cp = ((c as usize & 0x1f) << 6) | (b[i + 1] as usize & 0x3f);
        (INFO2[cp - 0x80], 2)
    } else if c == 0xE1 && b[i + 1] & 0xFE == 0xBA {
        (INFO3[((b[i + 1] as usize & 1) << 6) | (b[i + 2] as usize & 0x3f)], 3)
    } else {
        (0, 1)
    }
}

/// The fast path of `name_key`: printable ASCII and Vietnamese letters. Returns false,
/// having written part of a key, on anything else.
///
/// Letters are written in lower case as they come; a word is rewritten only in the rare
/// case that its tone mark has to move (see [`WordStats::may_move`]).
fn name_key_fast(s: &str, out: &mut String) -> bool {
    let b = s.as_bytes();
    out.clear();
    out.reserve(b.len() + b.len() / 4);
    let mut word = WordStats::default();
    let mut i = 0;
    while i < b.len() {
        let (e, len) = letter_at(b, i);
        if e != 0 {
            let l = unpack(e);
            if word.letters == 0 {
                word.start = i;
                word.out_start = out.len();
            }
            word.add(l);
            let lower = l.lower();
            if lower.is_ascii() {
                // `& 0x7f` tells the compiler the byte is ASCII: a one-byte push.
                out.push(((lower as u8) & 0x7f) as char);
            } else {
                out.push(lower);
            }
            i += len;
            continue;
        }
        if word.letters > 0 {
            word.finish(s, i, out);
            word = WordStats::default();
        }
        let c = b[i];
        if c >= 0x80 || !punct(out, c, b.get(i + 1)) {
            return false;
        }
        i += 1;
    }
    if word.letters > 0 {
        word.finish(s, b.len(), out);
    }
    trim_end_space(out);
    true
}

/// What `name_key_fast` notes of the word it is writing, to know whether its tone mark
/// might have to move.
#[derive(Default)]
struct WordStats {
    start: usize,
    out_start: usize,
    letters: usize,
    vowels: usize,
    tones: usize,
    toned_at: usize,
    toned_shaped: bool,
    last_shaped_at: usize,
}

impl WordStats {
    #[inline(always)]
    fn add(&mut self, l: Letter) {
        let shaped = is_shaped(l.base);
        if l.tone != 0 {
            self.tones += 1;
            self.toned_at = self.letters;
            self.toned_shaped = shaped;
        }
        if shaped {
            self.last_shaped_at = self.letters;
        }
        self.vowels += l.is_vowel() as usize;
        self.letters += 1;
    }

    /// Whether `tone::tone_move` could move the mark: it cannot when the word has no mark
    /// or several, when the only vowel carries it, or when the last shaped vowel does.
    #[inline(always)]
    fn may_move(&self) -> bool {
        self.tones == 1 && self.vowels > 1 && !(self.toned_shaped && self.last_shaped_at == self.toned_at)
    }

    /// At the end of the word (byte `end` of `s`): rewrites it if its mark moves.
    #[inline(always)]
    fn finish(&self, s: &str, end: usize, out: &mut String) {
        if !self.may_move() {
            return;
        }
        if let Some((letters, n)) = retoned(&s[self.start..end]) {
            out.truncate(self.out_start);
            out.extend(letters[..n].iter().map(|l| compose(l.base, l.tone, false)));
        }
    }
}

/// The letters of `word`, a run of Vietnamese letters that [`WordStats::may_move`]
/// picked, if `name_key` moves its mark (never in a word too long to be a syllable).
#[inline(always)]
fn retoned(word: &str) -> Option<([Letter; MAX_SYLLABLE], usize)> {
    let (mut letters, n) = letters_of(word.chars())?;
    retone(&mut letters[..n], KEY_STYLE).then_some((letters, n))
}

/// Whether `name_key` moves the mark of `word`, as [`retoned`].
pub(super) fn tone_moves(word: &str) -> bool {
    retoned(word).is_some()
}

/// Out of line: the fast path, which nearly every name takes, then needs no stack frame
/// for the general one.
#[cold]
#[inline(never)]
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
            for_each_nfd(c, |d| {
                if !is_combining_mark(d) {
                    buf.push(d);
                }
            });
            if buf.chars().count() == 1 || buf.is_empty() {
                for d in buf.chars() {
                    w.other(d);
                }
            } else {
                w.other(c);
            }
        } else {
            w.punct(c, next_is_digit_after_marks(&p, i));
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
    let paired = pairs::TAKEN && pairs::ascii_key(s, out);
    if !paired && !ascii_key_fast(s, out) {
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
        // The letters of the tables first: `is_alphabetic` searches Unicode's tables for
        // every letter outside ASCII.
        if letter(c).is_some() || c.is_alphabetic() {
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

    /// Wherever a fast path answers, it answers like the general path.
    fn assert_paths_agree(s: &str) {
        let (slow_name, slow_ascii) = slow_keys(s);
        let mut fast = String::new();
        if name_key_fast(s, &mut fast) {
            assert_eq!(fast, slow_name, "name_key of {s:?}");
        }
        if pairs::name_key(s, &mut fast, tone_moves) {
            assert_eq!(fast, slow_name, "name_key (pairs) of {s:?}");
        }
        if ascii_key_fast(s, &mut fast) {
            assert_eq!(fast, slow_ascii, "ascii_key of {s:?}");
        }
        if pairs::ascii_key(s, &mut fast) {
            assert_eq!(fast, slow_ascii, "ascii_key (pairs) of {s:?}");
        }
    }

    /// `title_case` takes the letters of the tables as letters without asking Unicode.
    #[test]
    fn letters_of_the_tables_are_alphabetic() {
        let letters: Vec<char> = (0..0x1F00u32).filter_map(char::from_u32).filter(|&c| letter(c).is_some()).collect();
        assert!(letters.len() > 150, "{}", letters.len());
        assert!(letters.iter().all(|c| c.is_alphabetic()));
    }

    #[test]
    fn fast_paths_cover_every_official_name() {
        let mut out = String::new();
        for line in include_str!("../../data/vn-units-2022.csv").lines().skip(1) {
            let name = line.rsplit(',').next().unwrap();
            let clean = crate::text::clean(name);
            assert!(ascii_key_fast(&clean, &mut out), "ascii_key {name:?}");
            // The pairs path leaves leading zeros ("Phường 06") to the next one.
            let leading_zero = clean.contains(" 0");
            assert_eq!(pairs::ascii_key(&clean, &mut out), !leading_zero, "ascii_key (pairs) {name:?}");
            // And it leaves names in the modern style ("Hoà") to the path that moves marks.
            let moves = clean.split(|c: char| c.is_ascii() && !c.is_ascii_alphabetic()).any(|w| {
                let mut stats = WordStats::default();
                w.chars().filter_map(letter).for_each(|l| stats.add(l));
                stats.may_move() && tone_moves(w)
            });
            let taken = pairs::name_key(&clean, &mut out, tone_moves);
            assert_eq!(taken, !leading_zero && !moves, "name_key (pairs) {name:?}");
            assert!(name_key_fast(&clean, &mut out), "name_key {name:?}");
            assert!(crate::text::clean::is_clean_fast(&clean), "clean {name:?}");
        }
    }

    #[test]
    fn fast_and_slow_agree_on_every_official_name() {
        for field in crate::test_data::official_fields() {
            assert_paths_agree(field);
            assert_paths_agree(&field.to_uppercase());
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_and_slow_agree_on_any_text(s in "[ -~àáảãạăằắẳẵặâầấẩẫậđĐêềếểễệòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵÀỦỲÝĂÂÊÔƠƯçÄß]{0,30}") {
            assert_paths_agree(&s);
        }

        #[test]
        fn fast_and_slow_agree_on_any_latin(s in "[\\x00-\\x7f\u{80}-\u{7ff}\u{1e00}-\u{1eff}\u{2000}-\u{2010}]{0,24}") {
            assert_paths_agree(&s);
        }
    }

    #[test]
    fn fast_and_slow_agree() {
        for s in ["Xã Hoà Thuận", "Phường 01", "a - b", " x ", "Ea H'MLay", "ÀÁẢÃẠ", "HOÀ THUỶ"] {
            let mut a = String::new();
            let mut b = String::new();
            assert!(name_key_fast(s, &mut a));
            assert!(ascii_key_fast(s, &mut b));
            assert_eq!((a, b), slow_keys(s), "{s}");
        }
    }
}
