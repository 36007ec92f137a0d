//! The 2025 reform: each commune of the list of 01/03/2025 and the commune(s) it became
//! on 1 July 2025.

use super::registry::Registry;
use crate::text::name_key;
use crate::FastMap;
use serde::{Deserialize, Serialize};

const NINH_THUAN_MAPPING: &str = include_str!("../../data/ninh-thuan-mapping-2025.csv");
#[cfg(feature = "mapping-2025")]
const VIETNAM_MAPPING: &str = include_str!("../../data/vn-commune-mapping-2025.csv");
/// 2022 codes of Ninh Thuận that the list of 01/03/2025 no longer has, or gives to
/// another ward (see `core/data/SOURCES.md`).
const NINH_THUAN_2024_MERGES: &str = include_str!("../../data/ninh-thuan-2024-merges.csv");

/// One commune an old commune became (part of).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Successor {
    /// The new commune's code, in the list since 1 July 2025.
    pub code: String,
    /// Its full name.
    pub full_name: String,
    /// The code of its (new) province.
    pub province_code: String,
    /// The name of its (new) province.
    pub province_name: String,
    /// Whether the old commune was split: it has more than one successor.
    pub split: bool,
}

/// What the mapping says of a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuccessorStatus {
    /// The code is in the mapping's base list, with this name: its successors follow.
    Mapped,
    /// The code was merged away before the base list (01/03/2025), and a documented
    /// merger leads to a code of the base list; the successors are those of that code.
    MergedBefore,
    /// The mapping's base list has no commune with this code: no successor is guessed.
    NotInBase,
    /// The base list gives this code to another commune than the caller's list does
    /// (codes are reused): no successor is guessed.
    CodeReused,
}

/// The answer of [`Mapping::successors`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Successors {
    /// What the mapping knows of the code.
    pub status: SuccessorStatus,
    /// The successors (empty unless mapped).
    pub successors: Vec<Successor>,
    /// The code in the base list that the successors were found from, when it differs
    /// from the code asked about ([`SuccessorStatus::MergedBefore`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The name the base list gives the code, when it knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_name: Option<String>,
}

#[derive(Clone, Debug)]
struct Old {
    name: String,
    province_code: String,
    new: Vec<usize>,
}

#[derive(Clone, Debug)]
struct New {
    code: String,
    name: String,
    province_code: String,
    province_name: String,
    old: Vec<String>,
}

/// Old communes (list of 01/03/2025) to new communes (since 1 July 2025), both ways.
///
/// Source: `core/data/vn-commune-mapping-2025.csv` (see `SOURCES.md` beside it). The
/// base list is that of 01/03/2025: a 2022 code is first checked against it (codes were
/// reused), through [`Mapping::successors_of`].
///
/// # Examples
/// ```
/// use cncd::units::{Mapping, SuccessorStatus};
/// let m = Mapping::ninh_thuan_2025();
/// let s = m.successors("22768"); // Phường Đông Hải was split in two
/// assert_eq!(s.status, SuccessorStatus::Mapped);
/// let codes: Vec<&str> = s.successors.iter().map(|x| x.code.as_str()).collect();
/// assert_eq!(codes, ["22780", "22888"]);
/// assert!(s.successors.iter().all(|x| x.split && x.province_code == "56"));
/// assert_eq!(m.successors("22747").status, SuccessorStatus::NotInBase);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Mapping {
    old: FastMap<String, Old>,
    new: Vec<New>,
    new_index: FastMap<String, usize>,
    /// 2022 code → (its 2022 name, the base-list code it was merged into).
    merged_before: FastMap<String, (String, String)>,
}

impl Mapping {
    /// The Ninh Thuận rows of the mapping (62 old communes into 24 in Khánh Hòa), with
    /// the 2024 mergers of Phan Rang-Tháp Chàm. Always built in.
    pub fn ninh_thuan_2025() -> Self {
        Self::from_csv(NINH_THUAN_MAPPING)
    }

    /// The national mapping: 10,035 old communes into 3,316 new ones. Behind the default
    /// feature `mapping-2025`.
    #[cfg(feature = "mapping-2025")]
    pub fn vietnam_2025() -> Self {
        Self::from_csv(VIETNAM_MAPPING)
    }

    /// A mapping from the CSV of `vn-commune-mapping-2025.csv`: a header line, then nine
    /// fields a row (`old_commune_code`, `old_commune_name`, `old_district_code`,
    /// `old_district_name`, `old_province_code`, `new_commune_code`, `new_commune_name`,
    /// `new_province_code`, `new_province_name`). Rows without nine fields are skipped.
    /// A build without the national mapping (the WebAssembly module) loads it this way,
    /// as data.
    ///
    /// ```
    /// let csv = "old_commune_code,old_commune_name,old_district_code,old_district_name,old_province_code,\
    ///            new_commune_code,new_commune_name,new_province_code,new_province_name\n\
    ///            22885,Xã Phước Hà,589,Huyện Thuận Nam,58,22900,Xã Phước Hà,56,Tỉnh Khánh Hòa\n";
    /// let m = cncd::units::Mapping::from_csv(csv);
    /// assert_eq!(m.successors("22885").successors[0].code, "22900");
    /// ```
    pub fn from_csv(csv: &str) -> Self {
        let mut m = Mapping::default();
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            if f.len() != 9 {
                continue;
            }
            let n = *m.new_index.entry(f[5].to_string()).or_insert_with(|| {
                m.new.push(New {
                    code: f[5].to_string(),
                    name: f[6].to_string(),
                    province_code: f[7].to_string(),
                    province_name: f[8].to_string(),
                    old: Vec::new(),
                });
                m.new.len() - 1
            });
            m.new[n].old.push(f[0].to_string());
            let old = m.old.entry(f[0].to_string()).or_insert_with(|| Old {
                name: f[1].to_string(),
                province_code: f[4].to_string(),
                new: Vec::new(),
            });
            old.new.push(n);
        }
        for line in NINH_THUAN_2024_MERGES.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            if f.len() == 4 && m.old.contains_key(f[2]) {
                m.merged_before.insert(f[0].to_string(), (f[1].to_string(), f[2].to_string()));
            }
        }
        m
    }

    /// The successors of a commune code of the mapping's base list (01/03/2025).
    pub fn successors(&self, code: &str) -> Successors {
        match self.old.get(code) {
            Some(old) => self.mapped(old, None),
            None => Successors { status: SuccessorStatus::NotInBase, successors: Vec::new(), via: None, base_name: None },
        }
    }

    /// The successors of commune `code` of another list (such as 2022's): the code must
    /// name the same commune in the base list, or have a documented merger into one.
    ///
    /// # Examples
    /// ```
    /// use cncd::units::{Mapping, Registry, SuccessorStatus};
    /// let (m, reg) = (Mapping::ninh_thuan_2025(), Registry::ninh_thuan_2022());
    /// // 22750 was Phường Thanh Sơn in 2022; the base list gives 22750 to Phường Phủ Hà,
    /// // which Thanh Sơn was merged into in 2024.
    /// let s = m.successors_of(&reg, "22750");
    /// assert_eq!(s.status, SuccessorStatus::MergedBefore);
    /// assert_eq!(s.successors[0].full_name, "Phường Phan Rang");
    /// ```
    pub fn successors_of(&self, list: &Registry, code: &str) -> Successors {
        let name = list.find(super::Level::Commune, code).map(|id| list.unit(id).full_name().to_string());
        if let (Some(name), Some((merged_name, into))) = (&name, self.merged_before.get(code)) {
            if name_key(name) == name_key(merged_name) {
                if let Some(old) = self.old.get(into) {
                    return self.mapped(old, Some(into.clone()));
                }
            }
        }
        match (self.old.get(code), name) {
            (Some(old), Some(name)) if name_key(&old.name) != name_key(&name) => {
                Successors { status: SuccessorStatus::CodeReused, successors: Vec::new(), via: None, base_name: Some(old.name.clone()) }
            }
            _ => self.successors(code),
        }
    }

    fn mapped(&self, old: &Old, via: Option<String>) -> Successors {
        let split = old.new.len() > 1;
        let successors = old
            .new
            .iter()
            .map(|&n| {
                let n = &self.new[n];
                Successor {
                    code: n.code.clone(),
                    full_name: n.name.clone(),
                    province_code: n.province_code.clone(),
                    province_name: n.province_name.clone(),
                    split,
                }
            })
            .collect();
        let status = if via.is_some() { SuccessorStatus::MergedBefore } else { SuccessorStatus::Mapped };
        Successors { status, successors, via, base_name: Some(old.name.clone()) }
    }

    /// The base-list codes of the communes that became (part of) new commune `code`.
    ///
    /// # Examples
    /// ```
    /// let m = cncd::units::Mapping::ninh_thuan_2025();
    /// assert_eq!(m.predecessors("22759").len(), 4); // Phường Phan Rang
    /// ```
    pub fn predecessors(&self, code: &str) -> &[String] {
        self.new_index.get(code).map_or(&[], |&n| self.new[n].old.as_slice())
    }

    /// The old province of a base-list commune.
    pub fn old_province(&self, code: &str) -> Option<&str> {
        self.old.get(code).map(|o| o.province_code.as_str())
    }
}
