//! `NamingRules`: how a profile writes a team's Zalo group name.

use crate::text::ToneStyle;
use serde::{Deserialize, Serialize};

/// When a unit slot carries its type word ("Xã Phước Hà" rather than "Phước Hà").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeWords {
    /// The bare name, unless it is a number ("Phường 1") or another unit of the same
    /// parent has the same bare name ("Thị trấn Yên Viên" beside "Xã Yên Viên").
    WhenNeeded,
    /// Always the full name.
    Always,
}

/// A slot of the name, in the order the template lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Slot {
    /// The prefix (`CNCĐ`).
    Prefix,
    /// The village, with its type word; absent for a commune-level team.
    Village,
    /// The commune.
    Commune,
    /// The commune's parent: the district in a three-tier list, the province in a
    /// two-tier one.
    Parent,
}

/// How a profile writes group names (rule NAME-ZALO).
///
/// # Examples
/// ```
/// use cncd::names::NamingRules;
/// let r = NamingRules::ninh_thuan_2022();
/// assert_eq!((r.prefix.as_str(), r.separator.as_str()), ("CNCĐ", "_"));
/// let json = serde_json::to_string(&r).unwrap();
/// assert_eq!(serde_json::from_str::<NamingRules>(&json).unwrap(), r);
/// assert!(serde_json::from_str::<NamingRules>(r#"{"prefx":"X"}"#).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamingRules {
    /// The prefix, NFC, with Đ as U+0110.
    pub prefix: String,
    /// Between slots.
    pub separator: String,
    /// The slots in order. Parsing reads templates whose unit slots go from the village
    /// up to the parent, as both built-in profiles do.
    pub template: Vec<Slot>,
    /// When the commune and parent slots carry their type word. The village slot always
    /// does ("Thôn Phước Lợi").
    pub type_words: TypeWords,
    /// The tone style names are written in; `None` keeps the registry's spelling.
    pub tone_style: Option<ToneStyle>,
}

impl Default for NamingRules {
    fn default() -> Self {
        Self::ninh_thuan_2022()
    }
}

impl NamingRules {
    /// Ninh Thuận 2022 (plan II.5.a, and the defaults of RULES.md where it is silent):
    /// `CNCĐ_<village>_<commune>_<district>`, the commune and district as bare names when
    /// that is enough, the registry's spelling.
    pub fn ninh_thuan_2022() -> Self {
        NamingRules {
            prefix: "CNCĐ".into(),
            separator: "_".into(),
            template: vec![Slot::Prefix, Slot::Village, Slot::Commune, Slot::Parent],
            type_words: TypeWords::WhenNeeded,
            tone_style: None,
        }
    }

    /// After 1 July 2025 (two tiers): the same slots, the last one holding the province.
    pub fn two_tier_2025() -> Self {
        Self::ninh_thuan_2022()
    }
}
