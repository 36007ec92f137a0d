//! The activity catalogue (plan II.4): kinds of activity, each with a stable id and its
//! pillar. It is profile data ([`Profile::activities`](crate::profile::Profile::activities));
//! [`activities`](crate::activities) counts records against it.

use serde::{Deserialize, Serialize};

/// The three pillars of digital transformation the plan sorts activities into (II.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pillar {
    /// Chính quyền số (II.4.a).
    DigitalGovernment,
    /// Kinh tế số (II.4.b).
    DigitalEconomy,
    /// Xã hội số (II.4.c).
    DigitalSociety,
}

impl Pillar {
    /// The three, in the plan's order.
    pub const ALL: [Pillar; 3] = [Pillar::DigitalGovernment, Pillar::DigitalEconomy, Pillar::DigitalSociety];

    /// The Vietnamese name.
    ///
    /// ```
    /// assert_eq!(cncd::activities::Pillar::DigitalEconomy.vi(), "Kinh tế số");
    /// ```
    pub fn vi(self) -> &'static str {
        match self {
            Pillar::DigitalGovernment => "Chính quyền số",
            Pillar::DigitalEconomy => "Kinh tế số",
            Pillar::DigitalSociety => "Xã hội số",
        }
    }

    /// The English name.
    ///
    /// ```
    /// assert_eq!(cncd::activities::Pillar::DigitalSociety.en(), "digital society");
    /// ```
    pub fn en(self) -> &'static str {
        match self {
            Pillar::DigitalGovernment => "digital government",
            Pillar::DigitalEconomy => "digital economy",
            Pillar::DigitalSociety => "digital society",
        }
    }
}

/// One kind of activity in a profile's catalogue.
///
/// ```
/// let cat = cncd::activities::ActivityKind::ninh_thuan_2022();
/// assert_eq!(cat.len(), 12);
/// let ocop = cat.iter().find(|a| a.id == "econ.ocop_ecommerce").unwrap();
/// assert_eq!(ocop.pillar, cncd::activities::Pillar::DigitalEconomy);
/// assert!(ocop.vi.contains("100% sản phẩm OCOP"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityKind {
    /// Stable id, `<pillar>.<what>` (`gov.apps`): records name it.
    pub id: String,
    /// Its pillar.
    pub pillar: Pillar,
    /// The plan's section.
    #[serde(default)]
    pub section: String,
    /// The plan's words.
    pub vi: String,
    /// In English.
    pub en: String,
}

/// The catalogue of the Ninh Thuận plan as the crate holds it.
const NINH_THUAN_2022_JSON: &str = include_str!("../data/activities-ninh-thuan-2022.json");

impl ActivityKind {
    /// The catalogue of the Ninh Thuận plan, section II.4: twelve activities, four of
    /// digital government, five of digital economy, three of digital society.
    ///
    /// ```
    /// use cncd::activities::{ActivityKind, Pillar};
    /// let n = |p| ActivityKind::ninh_thuan_2022().iter().filter(|a| a.pillar == p).count();
    /// assert_eq!((n(Pillar::DigitalGovernment), n(Pillar::DigitalEconomy), n(Pillar::DigitalSociety)), (4, 5, 3));
    /// ```
    pub fn ninh_thuan_2022() -> Vec<ActivityKind> {
        // The file is part of the crate and checked by the tests: it always parses. It is
        // read as requests are, which read activity kinds too (in inline profiles).
        crate::api::read(NINH_THUAN_2022_JSON).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue file parses, as a list of twelve kinds: `ninh_thuan_2022` would
    /// hide a failure behind an empty list.
    #[test]
    fn the_catalogue_file_parses() {
        let kinds: Vec<ActivityKind> = crate::api::read(NINH_THUAN_2022_JSON).expect("the catalogue is valid");
        assert_eq!(kinds.len(), 12);
        assert_eq!(kinds, ActivityKind::ninh_thuan_2022());
    }
}
