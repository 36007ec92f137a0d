//! Unit levels and kinds, and the type words that name them ("Xã", "Thị trấn"…).

use crate::text::{ascii_key, clean};
use serde::{Deserialize, Serialize};

/// The level of a unit in the administrative tree.
///
/// The 2022 tree has three tiers above villages (province > district > commune); the
/// tree since 1 July 2025 has two (province > commune). Villages and schools sit under a
/// commune in both.
///
/// # Examples
/// ```
/// use cncd::units::Level;
/// assert!(Level::Commune.is_below(Level::Province));
/// assert_eq!(Level::District.as_str(), "district");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Tỉnh / thành phố trực thuộc trung ương.
    Province,
    /// Huyện, quận, thị xã, thành phố thuộc tỉnh (until 1 July 2025).
    District,
    /// Xã, phường, thị trấn, đặc khu.
    Commune,
    /// Thôn, khu phố, tổ dân phố, ấp, bản… (added by the caller).
    Village,
    /// An educational institution under a commune (added by the caller).
    School,
}

impl Level {
    /// The contract's name of the level.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
            Level::Village => "village",
            Level::School => "school",
        }
    }

    /// Whether a unit of this level can sit below one of `other` (strictly).
    pub fn is_below(self, other: Level) -> bool {
        let rank = |l: Level| match l {
            Level::Province => 0,
            Level::District => 1,
            Level::Commune => 2,
            Level::Village | Level::School => 3,
        };
        rank(self) > rank(other)
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of a unit: the type word its full name starts with.
///
/// "Thành phố" names both a centrally-run city (a province) and a provincial city (a
/// district); the kind is the same word, the [`Level`] tells them apart.
///
/// # Examples
/// ```
/// use cncd::units::UnitKind;
/// assert_eq!(UnitKind::Township.type_word(), "Thị trấn");
/// assert_eq!(UnitKind::Township.as_str(), "thi_tran");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnitKind {
    /// Tỉnh (province).
    #[serde(rename = "tinh")]
    Province,
    /// Thành phố (centrally-run city, or provincial city).
    #[serde(rename = "thanh_pho")]
    City,
    /// Huyện (rural district).
    #[serde(rename = "huyen")]
    RuralDistrict,
    /// Quận (urban district).
    #[serde(rename = "quan")]
    UrbanDistrict,
    /// Thị xã (town).
    #[serde(rename = "thi_xa")]
    Town,
    /// Xã (rural commune).
    #[serde(rename = "xa")]
    RuralCommune,
    /// Phường (ward).
    #[serde(rename = "phuong")]
    Ward,
    /// Thị trấn (township).
    #[serde(rename = "thi_tran")]
    Township,
    /// Đặc khu (special zone, since 2025).
    #[serde(rename = "dac_khu")]
    SpecialZone,
    /// Thôn (village).
    #[serde(rename = "thon")]
    Hamlet,
    /// Khu phố (urban quarter).
    #[serde(rename = "khu_pho")]
    Quarter,
    /// Tổ dân phố (residential group).
    #[serde(rename = "to_dan_pho")]
    ResidentialGroup,
    /// Ấp (hamlet, in the south).
    #[serde(rename = "ap")]
    Ap,
    /// Bản (village, in the north-west).
    #[serde(rename = "ban")]
    Ban,
    /// Buôn (village, in the Central Highlands).
    #[serde(rename = "buon")]
    Buon,
    /// Làng (village).
    #[serde(rename = "lang")]
    Lang,
    /// Xóm (hamlet).
    #[serde(rename = "xom")]
    Xom,
    /// Khóm (quarter, in the south).
    #[serde(rename = "khom")]
    Khom,
    /// Sóc (Khmer village).
    #[serde(rename = "soc")]
    Soc,
    /// Trường (a school).
    #[serde(rename = "truong")]
    School,
    /// A unit whose name starts with no known type word.
    #[serde(rename = "other")]
    Other,
}

/// Every kind with its type word, longest words first (so that "Thị trấn" is tried
/// before a shorter word).
const KINDS: &[(UnitKind, &str)] = &[
    (UnitKind::ResidentialGroup, "Tổ dân phố"),
    (UnitKind::City, "Thành phố"),
    (UnitKind::Township, "Thị trấn"),
    (UnitKind::Town, "Thị xã"),
    (UnitKind::Quarter, "Khu phố"),
    (UnitKind::SpecialZone, "Đặc khu"),
    (UnitKind::Province, "Tỉnh"),
    (UnitKind::RuralDistrict, "Huyện"),
    (UnitKind::UrbanDistrict, "Quận"),
    (UnitKind::Ward, "Phường"),
    (UnitKind::RuralCommune, "Xã"),
    (UnitKind::Hamlet, "Thôn"),
    (UnitKind::Ap, "Ấp"),
    (UnitKind::Ban, "Bản"),
    (UnitKind::Buon, "Buôn"),
    (UnitKind::Lang, "Làng"),
    (UnitKind::Xom, "Xóm"),
    (UnitKind::Khom, "Khóm"),
    (UnitKind::Soc, "Sóc"),
    (UnitKind::School, "Trường"),
];

/// The first four bytes of each type word of [`KINDS`] followed by a space, as
/// [`split_cleaned`] compares them with a name's first four bytes.
static KIND_HEADS: [u32; KINDS.len()] = kind_heads();

const fn kind_heads() -> [u32; KINDS.len()] {
    let mut heads = [0u32; KINDS.len()];
    let mut i = 0;
    while i < KINDS.len() {
        let w = KINDS[i].1.as_bytes();
        let mut head = [b' '; 4];
        let mut j = 0;
        while j < 4 && j < w.len() {
            head[j] = w[j];
            j += 1;
        }
        heads[i] = u32::from_le_bytes(head);
        i += 1;
    }
    heads
}

/// The type words of [`KINDS`] folded by [`ascii_key`], in the same order (a test checks).
const KINDS_ASCII: &[(UnitKind, &str)] = &[
    (UnitKind::ResidentialGroup, "to dan pho"),
    (UnitKind::City, "thanh pho"),
    (UnitKind::Township, "thi tran"),
    (UnitKind::Town, "thi xa"),
    (UnitKind::Quarter, "khu pho"),
    (UnitKind::SpecialZone, "dac khu"),
    (UnitKind::Province, "tinh"),
    (UnitKind::RuralDistrict, "huyen"),
    (UnitKind::UrbanDistrict, "quan"),
    (UnitKind::Ward, "phuong"),
    (UnitKind::RuralCommune, "xa"),
    (UnitKind::Hamlet, "thon"),
    (UnitKind::Ap, "ap"),
    (UnitKind::Ban, "ban"),
    (UnitKind::Buon, "buon"),
    (UnitKind::Lang, "lang"),
    (UnitKind::Xom, "xom"),
    (UnitKind::Khom, "khom"),
    (UnitKind::Soc, "soc"),
    (UnitKind::School, "truong"),
];

/// Abbreviations people write for type words, in ASCII lower case.
const ABBREVIATIONS: &[(&str, UnitKind)] = &[
    ("tp", UnitKind::City),
    ("tx", UnitKind::Town),
    ("tt", UnitKind::Township),
    ("tdp", UnitKind::ResidentialGroup),
    ("kp", UnitKind::Quarter),
    ("q", UnitKind::UrbanDistrict),
    ("h", UnitKind::RuralDistrict),
    ("p", UnitKind::Ward),
    ("x", UnitKind::RuralCommune),
];

/// The number of letters of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].0.len() > longest {
            longest = ABBREVIATIONS[i].0.len();
        }
        i += 1;
    }
    longest
};

impl UnitKind {
    /// The type word, as the official lists write it ("Thị trấn").
    pub fn type_word(self) -> &'static str {
        KINDS.iter().find(|(k, _)| *k == self).map_or("", |(_, w)| w)
    }

    /// The stable snake_case id of the kind, as in JSON ("thi_tran").
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Province => "tinh",
            UnitKind::City => "thanh_pho",
            UnitKind::RuralDistrict => "huyen",
            UnitKind::UrbanDistrict => "quan",
            UnitKind::Town => "thi_xa",
            UnitKind::RuralCommune => "xa",
            UnitKind::Ward => "phuong",
            UnitKind::Township => "thi_tran",
            UnitKind::SpecialZone => "dac_khu",
            UnitKind::Hamlet => "thon",
            UnitKind::Quarter => "khu_pho",
            UnitKind::ResidentialGroup => "to_dan_pho",
            UnitKind::Ap => "ap",
            UnitKind::Ban => "ban",
            UnitKind::Buon => "buon",
            UnitKind::Lang => "lang",
            UnitKind::Xom => "xom",
            UnitKind::Khom => "khom",
            UnitKind::Soc => "soc",
            UnitKind::School => "truong",
            UnitKind::Other => "other",
        }
    }

    /// The levels a unit of this kind can be at.
    pub fn levels(self) -> &'static [Level] {
        match self {
            UnitKind::Province => &[Level::Province],
            UnitKind::City => &[Level::Province, Level::District],
            UnitKind::RuralDistrict | UnitKind::UrbanDistrict | UnitKind::Town => &[Level::District],
            UnitKind::RuralCommune | UnitKind::Ward | UnitKind::Township | UnitKind::SpecialZone => &[Level::Commune],
            UnitKind::School => &[Level::School],
            UnitKind::Other => &[Level::Province, Level::District, Level::Commune, Level::Village, Level::School],
            _ => &[Level::Village],
        }
    }

    /// Whether this is a village's kind (thôn, khu phố, tổ dân phố…): a type word that
    /// only a village has, not [`UnitKind::Other`].
    pub(crate) fn is_village(self) -> bool {
        self.levels() == [Level::Village]
    }
}

/// A full name split into its type word and its bare name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitName {
    /// The kind named by the type word, or [`UnitKind::Other`] when there is none.
    pub kind: UnitKind,
    /// The name without its type word, cleaned ("Phước Hà").
    pub bare: String,
    /// How the type word was written: `None` without one, `Some(true)` for an
    /// abbreviation ("TT", "P."), `Some(false)` for the word itself in any spelling.
    pub abbreviated: Option<bool>,
}

/// Splits a full name into its kind and bare name, the type word in any case, tone
/// style or without diacritics ("Thị Trấn", "thi tran"); only one type word is taken
/// ("Phường Phường Đúc" is the ward "Phường Đúc").
///
/// Numbered units keep their number as bare name ("Phường 01": ward "01"); callers that
/// display a unit use its full name.
///
/// # Examples
/// ```
/// use cncd::units::{split_full_name, UnitKind};
/// let s = split_full_name("Xã Phước Hà");
/// assert_eq!((s.kind, s.bare.as_str()), (UnitKind::RuralCommune, "Phước Hà"));
/// assert_eq!(split_full_name("Thị Trấn Khánh Hải").kind, UnitKind::Township);
/// assert_eq!(split_full_name("Phường Phường Đúc").bare, "Phường Đúc");
/// assert_eq!(split_full_name("Phan Rang").kind, UnitKind::Other);
/// ```
pub fn split_full_name(full: &str) -> SplitName {
    split_with(full, false)
}

/// [`split_full_name`] that gives the cleaned full name and where the bare name starts
/// in it, so that a registry cleans each name once and keeps one string.
pub(crate) fn split_full_name_cleaned(full: &str) -> CleanedSplit {
    let cleaned = clean(full);
    let (kind, bare_at, _) = split_cleaned(&cleaned, false);
    CleanedSplit { kind, bare_at, cleaned }
}

/// A cleaned full name, its kind and where its bare name starts.
pub(crate) struct CleanedSplit {
    pub kind: UnitKind,
    pub bare_at: usize,
    pub cleaned: String,
}

impl CleanedSplit {
    pub fn bare(&self) -> &str {
        &self.cleaned[self.bare_at..]
    }
}

/// Like [`split_full_name`], but also takes abbreviations of the type word ("TP", "TT",
/// "P.", "Q1"), as people type them.
///
/// # Examples
/// ```
/// use cncd::units::{split_typed_name, UnitKind};
/// let s = split_typed_name("TT Khánh Hải");
/// assert_eq!((s.kind, s.bare.as_str(), s.abbreviated), (UnitKind::Township, "Khánh Hải", Some(true)));
/// assert_eq!(split_typed_name("P.5").bare, "5");
/// assert_eq!(split_typed_name("xa phuoc ha").kind, UnitKind::RuralCommune);
/// ```
pub fn split_typed_name(typed: &str) -> SplitName {
    split_with(typed, true)
}

fn split_with(full: &str, abbreviations: bool) -> SplitName {
    let s = split_text(full, abbreviations);
    SplitName { kind: s.kind, bare: s.bare().to_string(), abbreviated: s.abbreviated }
}

/// [`split_typed_name`] (or, without `abbreviations`, [`split_full_name`]) without
/// copies: the text cleaned (borrowed when it is clean already) and where its bare name
/// starts.
pub(crate) fn split_text(text: &str, abbreviations: bool) -> SplitText<'_> {
    let cleaned = crate::text::clean::clean_cow(text);
    let (kind, bare_at, abbreviated) = split_cleaned(&cleaned, abbreviations);
    SplitText { kind, bare_at, abbreviated, cleaned }
}

/// Whether a cleaned `text` is a type word alone, as typed: "xã", "Thị trấn", "huyen",
/// "TT", "X.". Typed with diacritics, it must have the type word's ("Lăng" and "Láng" are
/// names of communes, not "Làng"); typed in ASCII, it is read as [`split_typed_name`]
/// reads a type word.
pub(crate) fn is_type_word(text: &str) -> bool {
    // The longest, "Tổ dân phố", has 15 bytes.
    if text.len() > 16 {
        return false;
    }
    if text.is_ascii() {
        let with_name = [text, " X"].concat();
        let s = split_text(&with_name, true);
        return s.kind != UnitKind::Other && s.bare() == "X";
    }
    // No type word has a mark that the tone styles place apart, so case is all that may
    // differ in a cleaned text.
    let lower = |s: &'static str| s.chars().flat_map(char::to_lowercase);
    KINDS.iter().any(|&(_, word)| text.chars().flat_map(char::to_lowercase).eq(lower(word)))
}

/// A text cleaned and split, as [`SplitName`] without its copy of the bare name.
pub(crate) struct SplitText<'a> {
    pub kind: UnitKind,
    pub abbreviated: Option<bool>,
    bare_at: usize,
    cleaned: std::borrow::Cow<'a, str>,
}

impl SplitText<'_> {
    /// The name without its type word.
    pub fn bare(&self) -> &str {
        self.cleaned.get(self.bare_at..).unwrap_or_default()
    }

    /// The whole text, cleaned.
    pub fn cleaned_text(&self) -> &str {
        &self.cleaned
    }
}

/// The kind, the byte where the bare name starts (it is always the end of the cleaned
/// name) and how the type word was written.
pub(crate) fn split_cleaned(cleaned: &str, abbreviations: bool) -> (UnitKind, usize, Option<bool>) {
    // The type word as the official lists write it: the common case, without keys. The
    // first four bytes first, as one number: most names start with none of the type
    // words, and seven of the words start with "T" (as do many names).
    if let Some(&[a, b, c, d]) = cleaned.as_bytes().first_chunk::<4>() {
        let head = u32::from_le_bytes([a, b, c, d]);
        for (&(kind, word), &word_head) in KINDS.iter().zip(&KIND_HEADS) {
            if head == word_head && cleaned.len() > word.len() + 1 && cleaned.starts_with(word) && cleaned.as_bytes()[word.len()] == b' ' {
                return (kind, word.len() + 1, Some(false));
            }
        }
    }
    // An abbreviation ("TT", "P.", "Q1"): its first word is short ASCII, and no
    // abbreviation is also the ASCII form of a type word, so trying it first is safe.
    let first = first_word(cleaned);
    let abbreviation_first = abbreviations && first.len() <= 6 && first.is_ascii();
    if abbreviation_first {
        if let Some((kind, bare_at)) = split_abbreviation(cleaned) {
            return (kind, bare_at, Some(true));
        }
    }
    // Any other spelling: case, tone style, no diacritics ("THI TRAN", "thị Trấn"): the
    // first three words folded to ASCII, against the type words folded the same way.
    // A bare name such as "Phước Hà" starts no type word: nothing to fold or compare.
    if may_start_type_word(cleaned) {
        // Folded on the stack where the head is letters and spaces, as typed type words
        // are ("THÔN", "thi tran"); by `ascii_key` otherwise.
        let (stack, folded);
        let head = match fold_head_letters(cleaned) {
            Some((bytes, n)) => {
                stack = bytes;
                &stack[..n]
            }
            None => {
                folded = folded_head(cleaned);
                folded.as_bytes()
            }
        };
        for &(kind, ascii) in KINDS_ASCII {
            if starts_with_words(head, ascii) {
                // The bare name starts after as many words as the type word has.
                let n = ascii.bytes().filter(|&b| b == b' ').count() + 1;
                if let Some(i) = spaces(cleaned).nth(n - 1) {
                    return (kind, i + 1, Some(false));
                }
            }
        }
    }
    // (Tried above already, with the same answer, if the first word was short ASCII.)
    if abbreviations && !abbreviation_first {
        if let Some((kind, bare_at)) = split_abbreviation(cleaned) {
            return (kind, bare_at, Some(true));
        }
    }
    (UnitKind::Other, 0, None)
}

/// The text up to its first space. Names are short: a loop over bytes costs less than
/// `split(' ')`, which calls `memchr`.
fn first_word(s: &str) -> &str {
    let end = s.bytes().position(|b| b == b' ').unwrap_or(s.len());
    s.get(..end).unwrap_or_default()
}

/// Where the spaces of `s` are, in bytes.
fn spaces(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.bytes().enumerate().filter(|&(_, b)| b == b' ').map(|(i, _)| i)
}

/// The first three words of a cleaned name, folded by [`ascii_key`].
fn folded_head(cleaned: &str) -> String {
    let end = spaces(cleaned).nth(2).unwrap_or(cleaned.len());
    ascii_key(&cleaned[..end])
}

/// How many bytes of a folded head [`fold_head_letters`] keeps: more than the longest
/// type word of [`KINDS_ASCII`] and the byte after it (a test checks).
const HEAD_BYTES: usize = 16;

/// [`folded_head`] without a string, where each character of the first three words
/// folds alone (letters, and the spaces between them): its first [`HEAD_BYTES`] bytes.
/// `None` for any other character (a digit, a hyphen, a mark), which `ascii_key` may
/// fold with its neighbours.
fn fold_head_letters(cleaned: &str) -> Option<([u8; HEAD_BYTES], usize)> {
    let mut head = [0u8; HEAD_BYTES];
    let (mut n, mut spaces) = (0, 0);
    for c in cleaned.chars() {
        let b = if c == ' ' {
            spaces += 1;
            if spaces == 3 {
                break;
            }
            b' '
        } else {
            crate::text::letters::fold(c)?
        };
        let Some(slot) = head.get_mut(n) else {
            break;
        };
        *slot = b;
        n += 1;
    }
    Some((head, n))
}

/// Whether `head` starts with the whole words `words`.
fn starts_with_words(head: &[u8], words: &str) -> bool {
    head.starts_with(words.as_bytes()) && matches!(head.get(words.len()), None | Some(b' '))
}

/// Whether the first word of a cleaned name, folded as [`ascii_key`] folds it, may be
/// the first word of a type word of [`KINDS_ASCII`]. False only where the word is made
/// of letters that fold one by one and is none of those words: a bare name such as
/// "Phước Hà" then skips the folding of its first three words. Anything else (a mark,
/// a hyphen, a digit, a letter outside the tables) answers true, and the caller folds.
fn may_start_type_word(cleaned: &str) -> bool {
    let word = first_word(cleaned);
    let mut folded = [0u8; 8];
    let mut n = 0;
    for c in word.chars() {
        let Some(f) = crate::text::letters::fold(c) else {
            return true;
        };
        let Some(slot) = folded.get_mut(n) else {
            // Longer than any type word's first word: none starts so.
            return false;
        };
        *slot = f;
        n += 1;
    }
    let folded = &folded[..n];
    TYPE_WORD_HEADS.iter().any(|w| w.as_bytes() == folded)
}

/// The first words of [`KINDS_ASCII`] (a test checks).
const TYPE_WORD_HEADS: &[&str] = &[
    "to", "thanh", "thi", "khu", "dac", "tinh", "huyen", "quan", "phuong", "xa", "thon", "ap", "ban", "buon", "lang", "xom", "khom", "soc",
    "truong",
];

/// "TP Phan Rang", "TP. Phan Rang", "TP.Phan Rang", "T.P Phan Rang", "P.5", "Q1",
/// "TT Khánh Hải".
fn split_abbreviation(cleaned: &str) -> Option<(UnitKind, usize)> {
    // Bytes, not characters: a byte that is not ASCII ends the head as its character would.
    let head_len = cleaned.bytes().position(|b| !(b.is_ascii_alphabetic() || b == b'.')).unwrap_or(cleaned.len());
    let head = &cleaned[..head_len];
    // With no full stop, the abbreviation ends at the head's end, where a space or a digit
    // must follow: most names ("Phước Hà", whose head is "Ph") end here.
    if !head.contains('.') && !matches!(cleaned.as_bytes().get(head_len), Some(b' ' | b'0'..=b'9')) {
        return None;
    }
    // Where the abbreviation may end: after any full stop of the head, or at its end.
    let dots = head.bytes().enumerate().filter(|&(_, b)| b == b'.').map(|(i, _)| i + 1);
    let ends = dots.chain(std::iter::once(head_len));
    for end in ends {
        // The letters without their full stops, in lower case, compared without building
        // a string: more letters than the buffer holds is longer than any abbreviation.
        let mut letters = [0u8; 8];
        let mut n = 0;
        for &b in head.as_bytes()[..end].iter().filter(|&&b| b != b'.') {
            if let Some(slot) = letters.get_mut(n) {
                *slot = b.to_ascii_lowercase();
            }
            n += 1;
        }
        // Longer than every abbreviation ("binh" in "binh tuong"): not one.
        let Some(letters) = letters.get(..n).filter(|l| l.len() <= LONGEST_ABBREVIATION) else {
            continue;
        };
        let rest = &cleaned[end..];
        let dotted = head[..end].contains('.');
        let glued_digit = rest.starts_with(|c: char| c.is_ascii_digit());
        // A one-letter abbreviation needs a full stop or a number after it ("P.5", "Q1"),
        // so that a name like "H Mông" is not read as "Huyện Mông". Checked before the
        // list: most names ("Phước Hà") fail it at once.
        let ok = if letters.len() == 1 { dotted || glued_digit } else { dotted || rest.starts_with(' ') || glued_digit };
        let bare = rest.trim_start();
        if !ok || bare.is_empty() {
            continue;
        }
        if let Some(&(_, kind)) = ABBREVIATIONS.iter().find(|(a, _)| a.as_bytes() == letters) {
            return Some((kind, cleaned.len() - bare.len()));
        }
    }
    None
}

/// Whether a bare name is a number ("1", "01"), which needs its type word to mean
/// anything ("Phường 1").
pub(crate) fn is_numbered(bare: &str) -> bool {
    !bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit())
}

/// The list of a per-level report (provinces, districts, communes) that holds `level`,
/// or `None` for villages and schools: how coverage and activity summaries find a unit.
pub(crate) fn list_at<'a, T>(level: Level, provinces: &'a [T], districts: &'a [T], communes: &'a [T]) -> Option<&'a [T]> {
    match level {
        Level::Province => Some(provinces),
        Level::District => Some(districts),
        Level::Commune => Some(communes),
        Level::Village | Level::School => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_words_alone() {
        for t in ["xã", "Xã", "XÃ", "huyện", "Huyen", "thị trấn", "Thị Trấn", "thi tran", "Tổ dân phố", "TT", "TP.", "X.", "thôn", "Làng"]
        {
            assert!(is_type_word(t), "{t}");
        }
        // "Lăng" and "Láng" are communes (Xã Lăng, Phường Láng); a name is not a type word.
        for t in ["Lăng", "Láng", "Phước Hà", "Xã Phước Hà", "xa phuoc", "Thị", "trấn", ""] {
            assert!(!is_type_word(t), "{t}");
        }
    }

    #[test]
    fn official_prefixes() {
        for (full, kind, bare) in [
            ("Tỉnh Ninh Thuận", UnitKind::Province, "Ninh Thuận"),
            ("Thành phố Phan Rang-Tháp Chàm", UnitKind::City, "Phan Rang-Tháp Chàm"),
            ("Huyện Bác Ái", UnitKind::RuralDistrict, "Bác Ái"),
            ("Thị xã Ninh Hòa", UnitKind::Town, "Ninh Hòa"),
            ("Quận 1", UnitKind::UrbanDistrict, "1"),
            ("Thị trấn N.T Phong Hải", UnitKind::Township, "N.T Phong Hải"),
            ("Đặc khu Côn Đảo", UnitKind::SpecialZone, "Côn Đảo"),
            ("Xã  Mỹ Lộc", UnitKind::RuralCommune, "Mỹ Lộc"),
            ("Thôn Phước Lợi", UnitKind::Hamlet, "Phước Lợi"),
            ("Tổ dân phố 3", UnitKind::ResidentialGroup, "3"),
        ] {
            let s = split_full_name(full);
            assert_eq!((s.kind, s.bare.as_str()), (kind, bare), "{full}");
        }
    }

    #[test]
    fn ascii_type_words_follow_the_type_words() {
        assert_eq!(KINDS.len(), KINDS_ASCII.len());
        for (a, _) in ABBREVIATIONS {
            assert!(KINDS_ASCII.iter().all(|(_, w)| w != a), "{a} is both an abbreviation and a type word");
        }
        for (&(k, w), &(ka, a)) in KINDS.iter().zip(KINDS_ASCII) {
            assert_eq!((k, ascii_key(w).as_str()), (ka, a));
        }
        let mut heads: Vec<&str> = KINDS_ASCII.iter().filter_map(|(_, a)| a.split(' ').next()).collect();
        heads.dedup();
        assert_eq!(heads, TYPE_WORD_HEADS);
    }

    /// What `may_start_type_word` rules out, folding the first three words would not
    /// have matched either.
    fn assert_no_type_word_missed(name: &str) {
        let cleaned = clean(name);
        if may_start_type_word(&cleaned) {
            return;
        }
        let head = folded_head(&cleaned);
        for (_, ascii) in KINDS_ASCII {
            assert!(!starts_with_words(head.as_bytes(), ascii), "{name:?} was ruled out, but its head {head:?} starts with {ascii:?}");
        }
    }

    /// The head folded on the stack is `folded_head`'s, as far as a type word and the
    /// byte after it reach.
    fn assert_head_folds_alike(name: &str) {
        let cleaned = clean(name);
        if let Some((bytes, n)) = fold_head_letters(&cleaned) {
            let head = folded_head(&cleaned);
            let keep = head.len().min(HEAD_BYTES);
            assert_eq!(&bytes[..n], &head.as_bytes()[..keep], "{name:?}");
        }
    }

    #[test]
    fn the_head_folds_alike_on_the_stack() {
        assert!(KINDS_ASCII.iter().all(|(_, a)| a.len() < HEAD_BYTES));
        for field in crate::test_data::official_fields() {
            for typed in [field.to_string(), field.to_uppercase(), ascii_key(field), field.to_lowercase()] {
                assert_head_folds_alike(&typed);
            }
        }
        assert_eq!(fold_head_letters("THỊ TRẤN Khánh Hải").map(|(b, n)| b[..n].to_vec()), Some(b"thi tran khanh".to_vec()));
        assert_eq!(fold_head_letters("Phường 01"), None);
        assert_eq!(fold_head_letters("Thôn Phan Rang Tháp Chàm"), Some((*b"thon phan rang\0\0", 14)));
        assert_eq!(fold_head_letters("Thôn Phan Rang-Tháp Chàm"), None);
    }

    #[test]
    fn the_type_word_check_rules_out_no_type_word() {
        for field in crate::test_data::official_fields() {
            assert_no_type_word_missed(field);
            assert_no_type_word_missed(&ascii_key(field));
            assert_no_type_word_missed(&field.to_uppercase());
        }
        assert!(!may_start_type_word("Phước Hà"));
        assert!(may_start_type_word("PHUONG 1"));
        assert!(may_start_type_word("Thi\u{300} tran"));
    }

    proptest::proptest! {
        #[test]
        fn the_type_word_check_rules_out_no_type_word_in_any_text(s in "[ a-zA-Z0-9.\\-àảạăằâấđĐêềíòôốơờùủưứỳýÀẤ\u{300}\u{303}]{0,24}") {
            assert_no_type_word_missed(&s);
            assert_head_folds_alike(&s);
        }
    }

    #[test]
    fn abbreviations() {
        assert_eq!(split_typed_name("TP Phan Rang - Tháp Chàm").kind, UnitKind::City);
        assert_eq!(split_typed_name("T.P Phan Rang").kind, UnitKind::City);
        assert_eq!(split_typed_name("Q.1").bare, "1");
        assert_eq!(split_typed_name("H Mông").kind, UnitKind::Other);
        assert_eq!(split_typed_name("X. Phước Hà").kind, UnitKind::RuralCommune);
        assert_eq!(split_typed_name("TX").kind, UnitKind::Other);
        assert_eq!(split_typed_name("TP.Phan Rang").bare, "Phan Rang");
        assert_eq!(split_typed_name("THỊ TRẤN Khánh Hải").kind, UnitKind::Township);
        assert_eq!(split_typed_name("thi tran Khanh Hai").bare, "Khanh Hai");
        assert_eq!(split_typed_name("TỔ DÂN PHỐ 12").bare, "12");
        assert_eq!(split_typed_name("TỔ DÂN PHỐ").kind, UnitKind::Other);
    }

    /// Every abbreviation, the longest included, in each way people write it.
    #[test]
    fn every_abbreviation_is_read() {
        for &(a, kind) in ABBREVIATIONS {
            let upper = a.to_ascii_uppercase();
            let dotted: String = a.chars().flat_map(|c| [c.to_ascii_uppercase(), '.']).collect();
            for typed in [format!("{upper}12"), format!("{upper}.12"), format!("{dotted} Phước Hà"), format!("{a}. 12")] {
                let s = split_typed_name(&typed);
                assert_eq!((s.kind, s.abbreviated), (kind, Some(true)), "{typed:?}");
            }
        }
        assert_eq!(LONGEST_ABBREVIATION, 3);
    }
}
