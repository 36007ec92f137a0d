//! Group names as people type them, built from a registry: the canonical name of a
//! random commune (half with a village), then one of the variants of the field (NFD, no
//! diacritics, CNCD, the other tone style, spaces around "_", other separators, upper
//! case, a type word). Shared by the name benchmarks of the core and of the C door, each
//! of which names the core crate `core_crate` at its root.

use crate::core_crate::names::{format, NamingRules};
use crate::core_crate::text::{ascii_key, to_tone_style, ToneStyle};
use crate::core_crate::units::{Level, Registry};
use unicode_normalization::UnicodeNormalization;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// `n` typed names over the communes of `reg`, the same for the same `n`.
pub fn typed_names(reg: &Registry, n: usize) -> Vec<String> {
    let rules = NamingRules::ninh_thuan_2022();
    let communes: Vec<_> = reg.units().filter(|(_, u)| u.level() == Level::Commune).map(|(id, _)| id).collect();
    let mut rng = Lcg(7);
    (0..n)
        .map(|i| {
            let village = if i % 2 == 0 { Some("Thôn Phước Lợi") } else { None };
            let name = format(reg, &rules, communes[rng.next(communes.len())], village).unwrap();
            match rng.next(9) {
                0 => name,
                1 => name.nfd().collect(),
                2 => ascii_key(&name),
                3 => name.replacen("CNCĐ", "CNCD", 1),
                4 => to_tone_style(&name, ToneStyle::Modern),
                5 => name.replace('_', " _ "),
                6 => name.replace('_', " - "),
                7 => name.to_uppercase(),
                _ => name.replacen('_', "_Xã ", 1),
            }
        })
        .collect()
}
