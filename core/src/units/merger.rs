//! The provinces merged on 1 July 2025: where the communes of each earlier province went,
//! so that a name written with a province that no longer exists ("CNCĐ_Phước
//! Hà_Ninh Thuận") is understood against the two-tier list.
//!
//! The table (`data/vn-province-mergers-2025.csv`) is derived from the 2022 list, for
//! the earlier provinces' names, and from the commune mapping of 2025, for where their
//! communes went: 63 provinces into 34, whole, but for one commune of An Giang that went
//! to Đồng Tháp (a test derives it again from those two files).

use super::registry::{Registry, Tiers, UnitId};
use super::Level;
use crate::text::ascii_key;
use crate::units::{split_text, UnitKind};

/// Earlier province → province of 2025, with how many communes went that way.
const PROVINCE_MERGERS_2025: &str = include_str!("../../data/vn-province-mergers-2025.csv");

/// The table as one registry reads it: each earlier province's name folded by
/// [`ascii_key`] (without its type word), the province of the registry its communes
/// joined, and how many did; the most first.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mergers(Vec<(String, usize, UnitId)>);

impl Mergers {
    /// The rows of the table whose successor the registry has (by code and name).
    fn build(reg: &Registry) -> Mergers {
        let mut rows = Vec::new();
        for row in PROVINCE_MERGERS_2025.lines().skip(1) {
            let mut fields = row.split(',');
            let (Some(_), Some(old_name), Some(new_code), Some(new_name), Some(communes)) =
                (fields.next(), fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let successor = reg.find(Level::Province, new_code).filter(|&p| reg.unit(p).full_name() == new_name);
            if let Some(p) = successor {
                rows.push((ascii_key(split_text(old_name, false).bare()), communes.parse().unwrap_or(0), p));
            }
        }
        rows.sort_by_key(|&(_, communes, _)| std::cmp::Reverse(communes));
        Mergers(rows)
    }
}

impl Registry {
    /// The provinces of this two-tier registry that the communes of the province named
    /// `text` before the reform of 1 July 2025 now belong to, the one most went to first:
    /// Tỉnh Khánh Hòa for "Ninh Thuận". Empty where `text` names no earlier province
    /// (the name as the 2022 list writes it, with or without its type word, in any case
    /// and with or without diacritics), where the registry is not a two-tier one, or
    /// where it has none of the successors (matched by code and name, as in the list of
    /// 2025).
    ///
    /// # Examples
    /// ```
    /// use cncd::units::Registry;
    /// let reg = Registry::vietnam_2025();
    /// let names = |text: &str| -> Vec<String> { reg.merged_into(text).iter().map(|&p| reg.unit(p).full_name().to_string()).collect() };
    /// assert_eq!(names("Ninh Thuận"), ["Tỉnh Khánh Hòa"]);
    /// assert_eq!(names("tinh ninh thuan"), ["Tỉnh Khánh Hòa"]);
    /// // All of An Giang's communes but one joined Kiên Giang's in the new An Giang.
    /// assert_eq!(names("An Giang"), ["Tỉnh An Giang", "Tỉnh Đồng Tháp"]);
    /// // A province of 2025 that kept its name is one too.
    /// assert_eq!(names("Khánh Hòa"), ["Tỉnh Khánh Hòa"]);
    /// assert!(names("Thuận Nam").is_empty());
    /// assert!(Registry::vietnam_2022().merged_into("Ninh Thuận").is_empty());
    /// ```
    pub fn merged_into(&self, text: &str) -> Vec<UnitId> {
        if self.tiers() != Some(Tiers::Two) {
            return Vec::new();
        }
        let typed = split_text(text, true);
        if !matches!(typed.kind, UnitKind::Other | UnitKind::Province | UnitKind::City) {
            return Vec::new();
        }
        let key = ascii_key(typed.bare());
        let mergers = self.data.mergers.get_or_init(|| Mergers::build(self));
        mergers.0.iter().filter(|(old, ..)| *old == key).map(|&(.., p)| p).collect()
    }
}

#[cfg(test)]
mod tests {
    /// The table is what the 2022 list and the commune mapping of 2025 give: for each
    /// earlier province (by its code in the mapping, its name in the 2022 list), each
    /// province its communes went to, and how many.
    #[cfg(all(feature = "vietnam-2022", feature = "mapping-2025"))]
    #[test]
    fn table_is_derived_from_the_lists() {
        use std::collections::BTreeMap;
        let units = include_str!("../../data/vn-units-2022.csv");
        let mapping = include_str!("../../data/vn-commune-mapping-2025.csv");
        let old_names: BTreeMap<&str, &str> = units
            .lines()
            .skip(1)
            .filter_map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                Some((*f.first()?, *f.get(1)?))
            })
            .collect();
        let mut pairs: BTreeMap<(&str, &str, &str, &str), usize> = BTreeMap::new();
        for l in mapping.lines().skip(1) {
            let f: Vec<&str> = l.split(',').collect();
            *pairs.entry((f[4], old_names[f[4]], f[7], f[8])).or_default() += 1;
        }
        let mut derived = String::from("old_province_code,old_province_name,new_province_code,new_province_name,communes\n");
        for ((oc, on, nc, nn), n) in &pairs {
            derived.push_str(&format!("{oc},{on},{nc},{nn},{n}\n"));
        }
        assert_eq!(derived, super::PROVINCE_MERGERS_2025);
        assert_eq!(old_names.len(), 63);
    }
}
