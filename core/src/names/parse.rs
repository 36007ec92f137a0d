//! `parse`: a typed group name, read leniently, split into slots by the registry.

use super::rules::NamingRules;
use crate::text::{ascii_key, clean};
use crate::units::{Level, MatchKind, Registry, ResolveOptions, ResolveStatus, Tiers, UnitId};

/// The longest name [`parse`] reads, in bytes; a longer one names nothing.
pub const MAX_NAME_BYTES: usize = 512;

/// How the slots of a name were separated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Separators {
    /// The rules' separator, with nothing around it.
    #[default]
    Standard,
    /// The rules' separator with spaces around it, or doubled.
    Spaced,
    /// Another separator ("-", "|", "/", ",", ";", spaces alone).
    Other,
}

/// One unit slot of a parsed name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedSlot {
    /// The text as typed (cleaned).
    pub text: String,
    /// The unit it names, if exactly one.
    pub unit: Option<UnitId>,
    /// How it matched.
    pub matched: Option<MatchKind>,
}

/// A group name read against a registry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedName {
    /// The prefix as typed (cleaned), if any: "CNCĐ", "CNCD", "Tổ CNSCĐ"…
    pub prefix: Option<String>,
    /// How the slots were separated.
    pub separators: Separators,
    /// The village slot as typed (cleaned), for a village team.
    pub village: Option<String>,
    /// The village's unit, when the registry has the commune's villages and one matches.
    pub village_unit: Option<UnitId>,
    /// The commune slot.
    pub commune: Option<ParsedSlot>,
    /// The parent slot (district, or province in two tiers).
    pub parent: Option<ParsedSlot>,
    /// Slots beyond the template's (typed text).
    pub extra: Vec<String>,
    /// The communes the name could mean, when it names several.
    pub ambiguous: Vec<UnitId>,
    /// The commune the name means, if exactly one, even if the parent slot is wrong.
    pub unit: Option<UnitId>,
}

/// Reads the prefix ("CNCĐ", "CNCD", "cncđ", "Tổ CNCĐ", "CNSCĐ"…) off the start of a
/// cleaned name; returns it and the rest.
fn split_prefix(name: &str) -> (Option<String>, &str) {
    let lower = ascii_key(name.get(..name.len().min(24)).unwrap_or(name));
    let mut words = 0;
    for pat in ["to cnscd", "to cncd", "cnscd", "cncd"] {
        if lower.starts_with(pat) {
            words = pat.split(' ').count();
            break;
        }
    }
    if words == 0 {
        return (None, name);
    }
    // The prefix ends after its last word's letters: "CNCĐ_", "CNCĐ ", "CNCĐ-".
    let mut end = 0;
    for (n, w) in name.split([' ', '_', '-', '|', '/', ',', ';', '.']).enumerate() {
        if n == words {
            break;
        }
        end = w.as_ptr() as usize - name.as_ptr() as usize + w.len();
    }
    (Some(name[..end].trim().to_string()), &name[end..])
}

/// Candidate readings of the slots: each a list of slot texts.
fn segmentations(rest: &str, sep: &str) -> (Vec<Vec<String>>, Separators) {
    let trimmed = rest.trim_matches(|c: char| c == ' ' || sep.contains(c) || c == '-');
    if !sep.is_empty() && rest.contains(sep) {
        let raw: Vec<&str> = trimmed.split(sep).collect();
        let spaced = raw.iter().any(|s| s.trim().is_empty() || s.starts_with(' ') || s.ends_with(' '));
        let slots: Vec<String> = raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_string).collect();
        return (vec![slots], if spaced { Separators::Spaced } else { Separators::Standard });
    }
    for other in ['|', '/', ';', ','] {
        if trimmed.contains(other) {
            let slots = trimmed.split(other).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
            return (vec![slots], Separators::Other);
        }
    }
    // Hyphens or spaces: names have them too ("Phan Rang-Tháp Chàm", "Phước Hà"), so
    // every grouping of the pieces into two or three slots is a candidate.
    let (pieces, joiner): (Vec<&str>, &str) = if trimmed.contains('-') {
        (trimmed.split('-').map(str::trim).filter(|s| !s.is_empty()).collect(), "-")
    } else {
        (trimmed.split(' ').filter(|s| !s.is_empty()).collect(), " ")
    };
    let n = pieces.len();
    let mut out = Vec::new();
    if n > 12 {
        return (vec![pieces.iter().map(|s| s.to_string()).collect()], Separators::Other);
    }
    for a in 1..n {
        out.push(vec![pieces[..a].join(joiner), pieces[a..].join(joiner)]);
        for b in a + 1..n {
            out.push(vec![pieces[..a].join(joiner), pieces[a..b].join(joiner), pieces[b..].join(joiner)]);
        }
    }
    (out, Separators::Other)
}

/// Reads a typed group name against `reg`: the prefix, the separators, and the units of
/// its slots (village, commune, parent), resolved with [`Registry::resolve`].
///
/// Lenient: prefix variants (CNCĐ, CNCD, cncđ, CNCÐ, "Tổ CNCĐ", CNSCĐ), "_" with spaces
/// around it or doubled, other separators (`-`, `|`, `/`, `,`, `;`, spaces), slots with or
/// without type words or abbreviations, NFD, no diacritics, either tone style. Names
/// contain hyphens and spaces, so slots are found by the registry, not by a blind split.
///
/// `province` limits the search (a name carries no province in three tiers).
///
/// # Examples
/// ```
/// use cncd::names::{parse, NamingRules};
/// use cncd::units::Registry;
/// let reg = Registry::ninh_thuan_2022();
/// let p = parse(&reg, &NamingRules::ninh_thuan_2022(), "cncd - thon phuoc loi - phuoc ha - thuan nam", None);
/// assert_eq!(reg.unit(p.unit.unwrap()).code(), "22885");
/// assert_eq!(p.village.as_deref(), Some("thon phuoc loi"));
/// ```
pub fn parse(reg: &Registry, rules: &NamingRules, name: &str, province: Option<UnitId>) -> ParsedName {
    let mut best = ParsedName::default();
    if name.len() > MAX_NAME_BYTES {
        return best;
    }
    let cleaned = clean(name);
    let (prefix, rest) = split_prefix(&cleaned);
    best.prefix = prefix.clone();
    let (readings, separators) = segmentations(rest, &rules.separator);
    best.separators = separators;
    let mut best_score = 0;
    for slots in readings {
        let candidate = read_slots(reg, slots, province);
        let score = score(&candidate);
        if score > best_score {
            best_score = score;
            best = ParsedName { prefix: prefix.clone(), separators, ..candidate };
        }
        if score >= 4 {
            break;
        }
    }
    best
}

/// 4: commune and parent agree; 3: the commune is unique, the parent slot wrong;
/// 2: ambiguous; 1: something read; 0: nothing.
fn score(p: &ParsedName) -> u8 {
    match (p.unit, &p.parent) {
        (Some(_), Some(ParsedSlot { unit: Some(_), .. })) if p.ambiguous.is_empty() => 4,
        (Some(_), _) => 3,
        _ if !p.ambiguous.is_empty() => 2,
        _ if p.commune.is_some() => 1,
        _ => 0,
    }
}

fn read_slots(reg: &Registry, mut slots: Vec<String>, province: Option<UnitId>) -> ParsedName {
    let mut p = ParsedName::default();
    if slots.len() > 3 {
        p.extra = slots.drain(..slots.len() - 3).collect();
    }
    let (village, commune_text, parent_text) = match slots.len() {
        3 => (Some(slots.remove(0)), slots.remove(0), Some(slots.remove(0))),
        2 => (None, slots.remove(0), Some(slots.remove(0))),
        1 => (None, slots.remove(0), None),
        _ => return p,
    };
    let parent_level = if reg.tiers() == Some(Tiers::Two) { Level::Province } else { Level::District };
    let mut pairs: Vec<(UnitId, MatchKind, UnitId, MatchKind)> = Vec::new();
    let mut parent_slot = None;
    if let Some(pt) = &parent_text {
        let pr = reg.resolve(pt, &ResolveOptions { level: Some(parent_level), within: province });
        parent_slot = Some(ParsedSlot { text: pt.clone(), unit: pr.unique(), matched: pr.candidates.first().map(|c| c.matched) });
        // The commune within each unit the parent slot may mean ("Châu Thành" names eight
        // districts): read once, looked for in each.
        let parents = pr.best();
        let scopes: Vec<UnitId> = parents.iter().map(|pc| pc.unit).collect();
        for (pc, cr) in parents.iter().zip(reg.resolve_within_each(&commune_text, Some(Level::Commune), &scopes)) {
            for cc in cr.best() {
                pairs.push((cc.unit, cc.matched, pc.unit, pc.matched));
            }
        }
    }
    // Keep the best-matching pairs only.
    if let Some(top) = pairs.iter().map(|(_, cm, _, pm)| (*cm).max(*pm)).min() {
        pairs.retain(|(_, cm, _, pm)| (*cm).max(*pm) == top);
    }
    match pairs.as_slice() {
        [(c, cm, par, pm)] => {
            p.unit = Some(*c);
            p.commune = Some(ParsedSlot { text: commune_text.clone(), unit: Some(*c), matched: Some(*cm) });
            p.parent = Some(ParsedSlot { text: parent_text.clone().unwrap_or_default(), unit: Some(*par), matched: Some(*pm) });
        }
        [] => {
            // The parent slot does not hold the commune: read the commune alone.
            let cr = reg.resolve(&commune_text, &ResolveOptions { level: Some(Level::Commune), within: province });
            p.commune =
                Some(ParsedSlot { text: commune_text.clone(), unit: cr.unique(), matched: cr.candidates.first().map(|c| c.matched) });
            p.parent = parent_slot;
            match cr.status {
                ResolveStatus::Unique => p.unit = cr.unique(),
                ResolveStatus::Ambiguous => p.ambiguous = cr.best().iter().map(|c| c.unit).collect(),
                ResolveStatus::None => {}
            }
        }
        many => {
            p.ambiguous = many.iter().map(|(c, ..)| *c).collect();
            p.commune = Some(ParsedSlot { text: commune_text.clone(), unit: None, matched: Some(many[0].1) });
            p.parent = parent_slot;
        }
    }
    if let (Some(v), Some(c)) = (&village, p.unit) {
        let villages = reg.children(c).iter().any(|&k| reg.unit(k).level() == Level::Village);
        if villages {
            p.village_unit = reg.resolve(v, &ResolveOptions { level: Some(Level::Village), within: Some(c) }).unique();
        }
    }
    p.village = village;
    p
}
