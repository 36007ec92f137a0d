//! The roster model of the contract: teams and their members, with every field a caller
//! adds kept as it came. Written back, a roster is what was read, except that `teams`, a
//! team's `members`, and a member's `name` and `roles` are always written (empty when
//! they were left out).

use crate::profile::{Role, TeamLevel};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A roster: the teams of a province, a district or the country.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    /// The teams.
    #[serde(default)]
    pub teams: Vec<Team>,
    /// Fields cncd does not know, given back unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A community digital technology team.
///
/// # Examples
/// ```
/// use cncd::teams::Team;
/// let json = r#"{"id": "T-001", "level": "village", "commune": "22885", "village": "Thôn Phước Lợi",
///                "members": [], "crm_id": 42}"#;
/// let team: Team = serde_json::from_str(json).unwrap();
/// assert_eq!(team.extra["crm_id"], 42);
/// // A round trip loses nothing.
/// let back: serde_json::Value = serde_json::to_value(&team).unwrap();
/// assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).unwrap());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Team {
    /// The caller's id of the team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Commune, village or school.
    pub level: TeamLevel,
    /// The commune's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune: Option<String>,
    /// The village's name, with its type word ("Thôn Phước Lợi"), for a village team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village: Option<String>,
    /// The school's name, for a school team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    /// The team's Zalo group name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zalo_group: Option<String>,
    /// The establishment decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// The members.
    #[serde(default)]
    pub members: Vec<Member>,
    /// Fields cncd does not know, given back unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Team {
    /// The key under which the roster rules (ORG-COMMUNE, ORG-VILLAGE, ORG-SCHOOL) judge
    /// two teams of one commune and one level to be teams of the same unit: `""` for a
    /// commune team, the [`name_key`](crate::text::name_key) of the village or the
    /// school otherwise; `None` when the team names no village or school. A service can
    /// store it to find the teams a newcomer could collide with.
    ///
    /// ```
    /// use cncd::teams::Team;
    /// let a: Team = serde_json::from_str(r#"{"level": "village", "village": "Thôn  Phước Lợi", "members": []}"#).unwrap();
    /// let b: Team = serde_json::from_str(r#"{"level": "village", "village": "thôn phước lợi", "members": []}"#).unwrap();
    /// assert_eq!(a.unit_key(), b.unit_key());
    /// let c: Team = serde_json::from_str(r#"{"level": "commune", "members": []}"#).unwrap();
    /// assert_eq!(c.unit_key().as_deref(), Some(""));
    /// ```
    pub fn unit_key(&self) -> Option<String> {
        let named = |s: Option<&str>| s.map(crate::text::name_key).filter(|k| !k.is_empty());
        match self.level {
            TeamLevel::Commune => Some(String::new()),
            TeamLevel::Village => named(self.village.as_deref()),
            TeamLevel::School => named(self.school.as_deref()),
        }
    }
}

/// The establishment decision (Quyết định thành lập) of a team.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// Its number ("123/QĐ-UBND").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Its date, `YYYY-MM-DD` (or `DD/MM/YYYY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who signed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// Fields cncd does not know, given back unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A member of a team.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Full name.
    #[serde(default)]
    pub name: String,
    /// Roles held (one person may hold several).
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Birth date, `YYYY-MM-DD` (or `DD/MM/YYYY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// Birth year, when the date is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i32>,
    /// Phone number, in any of the ways people write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Organisation (for enterprise staff: the enterprise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Whether the member has IT skills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub it_skills: Option<bool>,
    /// Fields cncd does not know, given back unchanged.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
