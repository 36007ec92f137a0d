//! GOV-CHAIN: who supervises a team, and where reports go.

use crate::profile::{Profile, TeamLevel};
use crate::teams::Team;
use crate::units::{Level, Registry, UnitId};
use serde::{Deserialize, Serialize};

/// What kind of party a report comes from or goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    /// A team.
    Team,
    /// A People's Committee (Ủy ban nhân dân) of a commune or district.
    Committee,
    /// A provincial department (Sở TT&TT; since 2025 Sở KH&CN; Sở GD&ĐT for schools).
    Department,
    /// The provincial Executive Board on digital transformation.
    Board,
}

/// A party in the chain: a team, a committee, a department or the board.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Party {
    /// Its kind.
    pub kind: PartyKind,
    /// The team's id (`#N`, its place in the roster, when it has none), or the code of
    /// the unit whose committee, department or board it is.
    pub code: String,
    /// Its name in Vietnamese ("Ủy ban nhân dân huyện Thuận Nam").
    pub name: String,
}

impl Party {
    /// The People's Committee of a unit.
    ///
    /// ```
    /// use cncd::{reports::Party, units::{Level, Registry}};
    /// let reg = Registry::ninh_thuan_2022();
    /// let p = Party::committee(&reg, reg.find(Level::District, "589").unwrap());
    /// assert_eq!(p.name, "Ủy ban nhân dân huyện Thuận Nam");
    /// ```
    pub fn committee(registry: &Registry, unit: UnitId) -> Party {
        let u = registry.unit(unit);
        Party { kind: PartyKind::Committee, code: u.code().to_string(), name: lower_first("Ủy ban nhân dân ", u.full_name()) }
    }

    /// A provincial department named by the profile (`Sở Thông tin và Truyền thông`).
    ///
    /// ```
    /// use cncd::{reports::Party, units::Registry};
    /// let reg = Registry::ninh_thuan_2022();
    /// let p = Party::department(&reg, reg.provinces()[0], "Sở Thông tin và Truyền thông");
    /// assert_eq!(p.name, "Sở Thông tin và Truyền thông tỉnh Ninh Thuận");
    /// ```
    pub fn department(registry: &Registry, province: UnitId, name: &str) -> Party {
        let u = registry.unit(province);
        Party { kind: PartyKind::Department, code: u.code().to_string(), name: lower_first(&[name, " "].concat(), u.full_name()) }
    }

    /// The province's board, as the profile names it ("Ban Điều hành chuyển đổi số tỉnh"),
    /// followed by the province's bare name.
    ///
    /// ```
    /// use cncd::{profile::Profile, reports::Party, units::Registry};
    /// let reg = Registry::ninh_thuan_2022();
    /// let p = Party::board(&reg, reg.provinces()[0], &Profile::ninh_thuan_2022());
    /// assert_eq!(p.name, "Ban Điều hành chuyển đổi số tỉnh Ninh Thuận");
    /// ```
    pub fn board(registry: &Registry, province: UnitId, profile: &Profile) -> Party {
        let u = registry.unit(province);
        Party { kind: PartyKind::Board, code: u.code().to_string(), name: format!("{} {}", profile.reporting.board, u.name()) }
    }

    /// A team of a roster: its id, or `#N` with its place.
    ///
    /// ```
    /// let t: cncd::teams::Team = serde_json::from_str(r#"{"level": "commune", "members": []}"#).unwrap();
    /// assert_eq!(cncd::reports::Party::team(&t, 4).code, "#4");
    /// ```
    pub fn team(team: &Team, index: usize) -> Party {
        let code = team.id.clone().unwrap_or_else(|| format!("#{index}"));
        let name = match (team.level, &team.village, &team.school) {
            (TeamLevel::Village, Some(v), _) => ["Tổ công nghệ số cộng đồng ", v].concat(),
            (TeamLevel::School, _, Some(s)) => ["Tổ công nghệ thông tin ", s].concat(),
            _ => "Tổ công nghệ số cộng đồng cấp xã".to_string(),
        };
        Party { kind: PartyKind::Team, code, name }
    }
}

fn lower_first(prefix: &str, s: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + s.len());
    out.push_str(prefix);
    let mut c = s.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_lowercase());
        out.push_str(c.as_str());
    }
    out
}

/// A team's chain of command (GOV-CHAIN, plan II.5.b–d).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chain {
    /// The committees (or, for a school team, the department) that direct the team,
    /// nearest first. The first receives the team's reports (REPORT-TEAM).
    pub supervisors: Vec<Party>,
    /// The committee that reports monthly to the department: the district's in three
    /// tiers (REPORT-DISTRICT-MONTHLY), the commune's in two.
    pub reporter: Party,
    /// The department that guides the reporters and receives their monthly reports.
    pub department: Party,
    /// The board the department reports to (REPORT-PROVINCE).
    pub board: Party,
}

/// The chain of command of a team whose commune is `commune`.
///
/// In three tiers, as the plan says: a commune team follows the district committee
/// (II.5.b); a village team the commune and district committees (II.5.c); the department
/// guides the district committees (II.5.d). In two tiers there is no district: a village
/// team follows the commune committee, and a commune team its own commune's committee,
/// which reports straight to the province. A school team is directed by the profile's
/// school authority (III.3.a). `None` if the commune is not a commune of the registry
/// under a province.
///
/// ```
/// use cncd::{profile::Profile, reports::chain, teams::Team, units::{Level, Registry}};
/// let reg = Registry::ninh_thuan_2022();
/// let team: Team = serde_json::from_str(r#"{"level": "village", "commune": "22885", "village": "Thôn Phước Lợi", "members": []}"#).unwrap();
/// let c = chain(&reg, &Profile::ninh_thuan_2022(), &team, reg.find(Level::Commune, "22885").unwrap()).unwrap();
/// let names: Vec<_> = c.supervisors.iter().map(|p| p.name.as_str()).collect();
/// assert_eq!(names, ["Ủy ban nhân dân xã Phước Hà", "Ủy ban nhân dân huyện Thuận Nam"]);
/// assert_eq!(c.department.name, "Sở Thông tin và Truyền thông tỉnh Ninh Thuận");
/// ```
pub fn chain(registry: &Registry, profile: &Profile, team: &Team, commune: UnitId) -> Option<Chain> {
    let (province, reporter_unit) = place(registry, commune)?;
    let department = Party::department(registry, province, &profile.reporting.receiver);
    let mut supervisors = vec![first_supervisor(registry, profile, team.level, commune, province, reporter_unit)];
    if team.level == TeamLevel::Village && reporter_unit != commune {
        supervisors.push(Party::committee(registry, reporter_unit));
    }
    Some(Chain {
        supervisors,
        reporter: Party::committee(registry, reporter_unit),
        department,
        board: Party::board(registry, province, profile),
    })
}

/// The first of [`Chain::supervisors`]: who receives the reports of a team of `level`
/// (REPORT-TEAM), or `None` where [`chain`] has no chain. `reports::schedule` asks this
/// of every commune and level, and needs none of the rest of the chain.
pub(crate) fn supervisor(registry: &Registry, profile: &Profile, level: TeamLevel, commune: UnitId) -> Option<Party> {
    let (province, reporter_unit) = place(registry, commune)?;
    Some(first_supervisor(registry, profile, level, commune, province, reporter_unit))
}

/// The province of a commune and its reporting unit (its district in three tiers, itself
/// in two); `None` if it is not a commune of the registry under a province.
fn place(registry: &Registry, commune: UnitId) -> Option<(UnitId, UnitId)> {
    if registry.get(commune)?.level() != Level::Commune {
        return None;
    }
    let province = registry.ancestor_at(commune, Level::Province)?;
    Some((province, registry.ancestor_at(commune, Level::District).unwrap_or(commune)))
}

fn first_supervisor(
    registry: &Registry,
    profile: &Profile,
    level: TeamLevel,
    commune: UnitId,
    province: UnitId,
    reporter_unit: UnitId,
) -> Party {
    match level {
        TeamLevel::School => Party::department(registry, province, &profile.reporting.school_authority),
        TeamLevel::Village => Party::committee(registry, commune),
        TeamLevel::Commune => Party::committee(registry, reporter_unit),
    }
}
