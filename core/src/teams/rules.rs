//! One function per rule of the plan, named after its id: `check_team_size` is
//! TEAM-SIZE. Each adds its findings to a list, with JSON pointers under `path` (the
//! team's place in the request).

use super::person::{age_on, mask_phone, normalize_phone, parse_date};
use super::roster::{Roster, Team};
use crate::diagnostics::{Diagnostic, Severity};
use crate::names::{self, NameStatus};
use crate::profile::{Profile, Role, TeamLevel};
use crate::text::name_key;
use crate::units::{Level, Registry, UnitId};
use crate::FastMap;
use chrono::NaiveDate;

/// TEAM-SIZE: the number of members is within the profile's range for the level.
///
/// # Examples
/// ```
/// use cncd::teams::{check_team_size, Team};
/// use cncd::profile::Profile;
/// let team: Team = serde_json::from_str(r#"{"level": "village", "members": [{"name": "A"}, {"name": "B"}]}"#).unwrap();
/// let mut d = Vec::new();
/// check_team_size(&team, &Profile::ninh_thuan_2022(), "/team", &mut d);
/// assert_eq!((&*d[0].code, d[0].path.as_str()), ("team_too_small", "/team/members"));
/// ```
pub fn check_team_size(team: &Team, profile: &Profile, path: &str, out: &mut Vec<Diagnostic>) {
    let size = profile.teams.of(team.level).size;
    let n = team.members.len() as u32;
    let level = team.level.as_str();
    if let Some(min) = size.min.filter(|&m| n < m) {
        out.push(
            Diagnostic::new(
                "TEAM-SIZE",
                "team_too_small",
                Severity::Error,
                format!("{path}/members"),
                format!("Tổ có {n} thành viên, cần ít nhất {min}"),
                format!("the team has {n} members, at least {min} are needed"),
            )
            .param("min", min)
            .param("actual", n)
            .param("level", level),
        );
    }
    if let Some(max) = size.max.filter(|&m| n > m) {
        out.push(
            Diagnostic::new(
                "TEAM-SIZE",
                "team_too_large",
                Severity::Error,
                format!("{path}/members"),
                format!("Tổ có {n} thành viên, nhiều nhất là {max}"),
                format!("the team has {n} members, at most {max} are allowed"),
            )
            .param("max", max)
            .param("actual", n)
            .param("level", level),
        );
    }
}

/// TEAM-ROLES: the members, together, hold every required role (an error if not) and
/// every recommended one (a warning); one person may hold several.
pub fn check_team_roles(team: &Team, profile: &Profile, path: &str, out: &mut Vec<Diagnostic>) {
    let rules = &profile.teams.of(team.level).roles;
    let held = |r: &Role| team.members.iter().any(|m| m.roles.contains(r));
    for (list, severity, code) in
        [(&rules.required, Severity::Error, "role_missing"), (&rules.recommended, Severity::Warning, "role_recommended")]
    {
        for role in list.iter().filter(|r| !held(r)) {
            out.push(
                Diagnostic::new(
                    "TEAM-ROLES",
                    code,
                    severity,
                    format!("{path}/members"),
                    format!("Tổ thiếu thành phần: {}", role.vi()),
                    format!("no member is the {}", role.en()),
                )
                .param("role", serde_json::to_value(role).unwrap_or_default()),
            );
        }
    }
}

/// TEAM-YOUTH (advisory): at least one member is young (at most the profile's age on
/// `as_of`) and at least one has IT skills. Unreadable birth dates are reported too.
pub fn check_team_youth(team: &Team, profile: &Profile, as_of: NaiveDate, path: &str, out: &mut Vec<Diagnostic>) {
    let max = profile.youth.max_age as i32;
    let mut young = 0;
    for (i, m) in team.members.iter().enumerate() {
        let date = match m.birth_date.as_deref() {
            Some(s) => match parse_date(s) {
                Some(d) => Some(d),
                None => {
                    out.push(Diagnostic::new(
                        "TEAM-YOUTH",
                        "bad_birth_date",
                        Severity::Warning,
                        format!("{path}/members/{i}/birth_date"),
                        "Ngày sinh không đọc được (cần YYYY-MM-DD hoặc DD/MM/YYYY)",
                        "the birth date cannot be read (YYYY-MM-DD or DD/MM/YYYY)",
                    ));
                    None
                }
            },
            None => None,
        };
        if age_on(date, m.birth_year, as_of).is_some_and(|a| (0..=max).contains(&a)) {
            young += 1;
        }
    }
    if !team.members.is_empty() && young == 0 {
        out.push(
            Diagnostic::new(
                "TEAM-YOUTH",
                "no_young_member",
                Severity::Info,
                format!("{path}/members"),
                format!("Tổ không có thành viên từ {max} tuổi trở xuống (ưu tiên người trẻ)"),
                format!("no member is {max} or younger (the plan prefers young people)"),
            )
            .param("max_age", max),
        );
    }
    if !team.members.is_empty() && !team.members.iter().any(|m| m.it_skills == Some(true)) {
        out.push(Diagnostic::new(
            "TEAM-YOUTH",
            "no_it_skills",
            Severity::Info,
            format!("{path}/members"),
            "Tổ không có thành viên có kiến thức công nghệ thông tin",
            "no member has IT skills (the plan prefers people with IT knowledge)",
        ));
    }
}

/// TEAM-PERSON: nobody is listed twice in a team (same name key and birth date or year,
/// or the same phone number however written), and every member has a name.
pub fn check_team_person(team: &Team, path: &str, out: &mut Vec<Diagnostic>) {
    // Birth first: names are keyed only for members born on the same day (or year) as
    // someone before them, which is rare. Teams are small: a list scanned is cheaper
    // than a map, and a map takes over for long lists so that no input is quadratic.
    let mut births: Seen<Born> = Seen::new(team.members.len());
    let mut same_birth: Seen<(String, Born)> = Seen::new(team.members.len());
    let mut phones: Seen<String> = Seen::new(team.members.len());
    for (i, m) in team.members.iter().enumerate() {
        if !m.name.chars().any(char::is_alphanumeric) && name_key(&m.name).is_empty() {
            out.push(Diagnostic::new(
                "TEAM-PERSON",
                "empty_name",
                Severity::Error,
                format!("{path}/members/{i}/name"),
                "Thành viên không có họ tên",
                "the member has no name",
            ));
            continue;
        }
        let born = match m.birth_date.as_deref().and_then(parse_date) {
            Some(d) => Some(Born::Date(d)),
            None => m.birth_year.map(Born::Year),
        };
        if let Some(born) = born {
            let duplicate = match births.insert(born, i) {
                None => None,
                Some(first) => {
                    // Someone before was born then: compare names, keying the first one
                    // the first time it is needed.
                    if same_birth.find(&(name_key(&team.members[first].name), born)).is_none() {
                        same_birth.insert((name_key(&team.members[first].name), born), first);
                    }
                    same_birth.insert((name_key(&m.name), born), i)
                }
            };
            if let Some(first) = duplicate {
                out.push(
                    Diagnostic::new(
                        "TEAM-PERSON",
                        "duplicate_person",
                        Severity::Error,
                        format!("{path}/members/{i}"),
                        format!("Thành viên {} trùng với thành viên {} (cùng họ tên và ngày sinh)", i + 1, first + 1),
                        format!("member {} is member {} again (same name and birth date)", i + 1, first + 1),
                    )
                    .param("first", first)
                    .param("again", i),
                );
                continue;
            }
        }
        if let Some(phone) = m.phone.as_deref().and_then(normalize_phone) {
            if let Some(first) = phones.insert(phone.clone(), i) {
                out.push(
                    Diagnostic::new(
                        "TEAM-PERSON",
                        "duplicate_phone",
                        Severity::Error,
                        format!("{path}/members/{i}/phone"),
                        format!("Thành viên {} có cùng số điện thoại {} với thành viên {}", i + 1, mask_phone(&phone), first + 1),
                        format!("member {} has the same phone number {} as member {}", i + 1, mask_phone(&phone), first + 1),
                    )
                    .param("first", first)
                    .param("again", i),
                );
            }
        }
    }
}

/// A birth date, or only a year: two members are the same person only when both are
/// known the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Born {
    Date(NaiveDate),
    Year(i32),
}

/// Keys seen, with the index that brought each: a list for a few, a map for many.
enum Seen<K> {
    Few(Vec<(K, usize)>),
    Many(FastMap<K, usize>),
}

impl<K: Eq + std::hash::Hash> Seen<K> {
    fn new(n: usize) -> Self {
        if n <= 16 {
            Seen::Few(Vec::with_capacity(n))
        } else {
            Seen::Many(FastMap::with_capacity_and_hasher(n, Default::default()))
        }
    }

    /// Where `key` was seen first, if it was.
    fn find(&self, key: &K) -> Option<usize> {
        match self {
            Seen::Few(v) => v.iter().find(|(k, _)| k == key).map(|&(_, i)| i),
            Seen::Many(m) => m.get(key).copied(),
        }
    }

    /// Records `key` at `i`; returns where it was seen first, if it was.
    fn insert(&mut self, key: K, i: usize) -> Option<usize> {
        match self {
            Seen::Few(v) => match v.iter().find(|(k, _)| *k == key) {
                Some(&(_, first)) => Some(first),
                None => {
                    v.push((key, i));
                    None
                }
            },
            Seen::Many(m) => match m.get(&key) {
                Some(&first) => Some(first),
                None => {
                    m.insert(key, i);
                    None
                }
            },
        }
    }
}

/// ORG-DECISION: where the profile requires one, a decision with a number and a date
/// that is neither after `as_of` nor before the plan.
pub fn check_org_decision(team: &Team, profile: &Profile, as_of: NaiveDate, path: &str, out: &mut Vec<Diagnostic>) {
    if !profile.teams.of(team.level).decision_required {
        return;
    }
    let signer = &profile.decisions.signer;
    let Some(decision) = &team.decision else {
        out.push(Diagnostic::new(
            "ORG-DECISION",
            "decision_missing",
            Severity::Error,
            format!("{path}/decision"),
            format!("Tổ chưa có quyết định thành lập của {signer}"),
            format!("the team has no establishment decision of the {signer}"),
        ));
        return;
    };
    if decision.number.as_deref().is_none_or(|n| n.trim().is_empty()) {
        out.push(Diagnostic::new(
            "ORG-DECISION",
            "decision_number_missing",
            Severity::Error,
            format!("{path}/decision/number"),
            "Quyết định thành lập thiếu số",
            "the establishment decision has no number",
        ));
    }
    match decision.date.as_deref().map(|d| (d, parse_date(d))) {
        None => out.push(Diagnostic::new(
            "ORG-DECISION",
            "decision_date_missing",
            Severity::Error,
            format!("{path}/decision/date"),
            "Quyết định thành lập thiếu ngày",
            "the establishment decision has no date",
        )),
        Some((_, None)) => out.push(Diagnostic::new(
            "ORG-DECISION",
            "decision_date_unreadable",
            Severity::Error,
            format!("{path}/decision/date"),
            "Ngày quyết định không đọc được (cần YYYY-MM-DD hoặc DD/MM/YYYY)",
            "the decision's date cannot be read (YYYY-MM-DD or DD/MM/YYYY)",
        )),
        Some((_, Some(date))) if date > as_of => out.push(
            Diagnostic::new(
                "ORG-DECISION",
                "decision_in_future",
                Severity::Error,
                format!("{path}/decision/date"),
                format!("Quyết định ngày {date} sau ngày đối chiếu {as_of}"),
                format!("the decision is dated {date}, after the reference date {as_of}"),
            )
            .param("date", date.to_string())
            .param("as_of", as_of.to_string()),
        ),
        Some((_, Some(date))) if date < profile.decisions.not_before => out.push(
            Diagnostic::new(
                "ORG-DECISION",
                "decision_before_plan",
                Severity::Error,
                format!("{path}/decision/date"),
                format!("Quyết định ngày {date} trước kế hoạch ({})", profile.decisions.not_before),
                format!("the decision is dated {date}, before the plan ({})", profile.decisions.not_before),
            )
            .param("date", date.to_string())
            .param("not_before", profile.decisions.not_before.to_string()),
        ),
        _ => {}
    }
}

/// NAME-ZALO: the team has a group name, it names the team's own unit, and it is written
/// as the standard says (the findings of [`names::check`]).
pub fn check_name_zalo(
    team: &Team,
    commune: Option<UnitId>,
    registry: &Registry,
    profile: &Profile,
    path: &str,
    out: &mut Vec<Diagnostic>,
) {
    let gpath = format!("{path}/zalo_group");
    let Some(group) = team.zalo_group.as_deref().filter(|g| !g.trim().is_empty()) else {
        if team.level != TeamLevel::School {
            out.push(Diagnostic::new(
                "NAME-ZALO",
                "group_missing",
                Severity::Warning,
                gpath,
                "Tổ chưa có tên nhóm Zalo",
                "the team has no Zalo group name",
            ));
        }
        return;
    };
    if team.level == TeamLevel::School {
        return;
    }
    // The common case, a name written exactly as the standard writes this team's own
    // unit, needs no parsing: it is what `check` would find canonical.
    let village = if team.level == TeamLevel::Village { team.village.as_deref() } else { None };
    if let Some(own) = commune {
        if names::format(registry, &profile.naming, own, village).is_ok_and(|canonical| canonical == group) {
            return;
        }
    }
    let province = commune.and_then(|c| registry.ancestor_at(c, Level::Province));
    let checked = names::check(registry, &profile.naming, group, province, &gpath);
    if let (Some(named), Some(own)) = (checked.commune, commune) {
        if named != own {
            out.push(
                Diagnostic::new(
                    "NAME-ZALO",
                    "group_of_other_unit",
                    Severity::Error,
                    gpath.clone(),
                    format!("Tên nhóm chỉ {}, không phải xã của tổ ({})", registry.unit(named).full_name(), registry.unit(own).full_name()),
                    format!(
                        "the group name points to {}, not to the team's commune ({})",
                        registry.unit(named).full_name(),
                        registry.unit(own).full_name()
                    ),
                )
                .param("named", registry.unit(named).code())
                .param("commune", registry.unit(own).code()),
            );
            return;
        }
    }
    let village_mismatch = match (team.level, team.village.as_deref(), checked.village.as_deref()) {
        (TeamLevel::Village, Some(v), Some(g)) => name_key(v) != name_key(g) && crate::text::ascii_key(v) != crate::text::ascii_key(g),
        (TeamLevel::Commune, _, Some(_)) => true,
        _ => false,
    };
    if village_mismatch {
        out.push(Diagnostic::new(
            "NAME-ZALO",
            "group_of_other_village",
            Severity::Error,
            gpath.clone(),
            "Phần thôn của tên nhóm không khớp với thôn của tổ",
            "the village part of the group name does not match the team's village",
        ));
    }
    if checked.status != NameStatus::Ok {
        out.extend(checked.diagnostics);
    }
}

/// The provinces a roster's teams are in (by their communes' codes), in the order of the
/// registry: the scope of ORG-COMMUNE, coverage and the report schedule.
///
/// ```
/// use cncd::{teams::{provinces_of, Roster}, units::Registry};
/// let reg = Registry::vietnam_2022();
/// let roster: Roster = serde_json::from_str(r#"{"teams": [{"level": "commune", "commune": "22885", "members": []}]}"#).unwrap();
/// let p = provinces_of(&reg, &roster);
/// assert_eq!(p.iter().map(|&p| reg.unit(p).full_name()).collect::<Vec<_>>(), ["Tỉnh Ninh Thuận"]);
/// ```
pub fn provinces_of(registry: &Registry, roster: &Roster) -> Vec<UnitId> {
    provinces_of_communes(registry, team_communes(registry, roster).into_iter().flatten())
}

/// Each team's commune, by its code (`None` where the registry has no such commune), in
/// the roster's order: what coverage, the activity summary, the schedule and the targets
/// look up once per team.
pub(crate) fn team_communes(registry: &Registry, roster: &Roster) -> Vec<Option<UnitId>> {
    roster.teams.iter().map(|t| t.commune.as_deref().and_then(|c| registry.find(Level::Commune, c))).collect()
}

/// The provinces of some communes, in the order of the registry (each commune's province
/// is looked up once, however many teams it has).
pub(crate) fn provinces_of_communes(registry: &Registry, communes: impl Iterator<Item = UnitId>) -> Vec<UnitId> {
    let mut communes: Vec<UnitId> = communes.collect();
    communes.sort_unstable();
    communes.dedup();
    let mut provinces: Vec<UnitId> = communes.into_iter().filter_map(|c| registry.ancestor_at(c, Level::Province)).collect();
    provinces.sort_unstable();
    provinces.dedup();
    provinces
}

/// The communes a roster must cover: those of the provinces its teams are in.
fn scope(roster: &Roster, registry: &Registry) -> Vec<UnitId> {
    provinces_of(registry, roster).into_iter().flat_map(|p| registry.descendants_at(p, Level::Commune)).collect()
}

/// ORG-COMMUNE: every commune of the provinces the roster covers has exactly one
/// commune-level team.
pub fn check_org_commune(roster: &Roster, registry: &Registry, out: &mut Vec<Diagnostic>) {
    let mut teams: FastMap<UnitId, Vec<usize>> = FastMap::with_capacity_and_hasher(roster.teams.len(), Default::default());
    for (i, t) in roster.teams.iter().enumerate() {
        if t.level == TeamLevel::Commune {
            if let Some(c) = t.commune.as_deref().and_then(|c| registry.find(Level::Commune, c)) {
                teams.entry(c).or_default().push(i);
            }
        }
    }
    for c in scope(roster, registry) {
        let u = registry.unit(c);
        match teams.get(&c).map(Vec::as_slice).unwrap_or(&[]) {
            [] => out.push(
                Diagnostic::new(
                    "ORG-COMMUNE",
                    "no_commune_team",
                    Severity::Error,
                    "/roster/teams",
                    format!("{} ({}) chưa có Tổ công nghệ số cộng đồng cấp xã", u.full_name(), u.code()),
                    format!("{} ({}) has no commune-level team", u.full_name(), u.code()),
                )
                .param("commune", u.code()),
            ),
            [_] => {}
            [_, again @ ..] => {
                for &i in again {
                    out.push(
                        Diagnostic::new(
                            "ORG-COMMUNE",
                            "several_commune_teams",
                            Severity::Error,
                            format!("/roster/teams/{i}"),
                            format!("{} có {} tổ cấp xã, chỉ được một", u.full_name(), again.len() + 1),
                            format!("{} has {} commune-level teams, one is allowed", u.full_name(), again.len() + 1),
                        )
                        .param("commune", u.code())
                        .param("teams", again.len() + 1),
                    );
                }
            }
        }
    }
}

/// ORG-VILLAGE: a village has at most one team.
pub fn check_org_village(roster: &Roster, out: &mut Vec<Diagnostic>) {
    check_one_per(roster, TeamLevel::Village, "ORG-VILLAGE", "several_village_teams", "thôn", "village", out);
}

/// ORG-SCHOOL: a school team names its school, and a school has one team.
pub fn check_org_school(roster: &Roster, out: &mut Vec<Diagnostic>) {
    for (i, t) in roster.teams.iter().enumerate() {
        if t.level == TeamLevel::School && t.school.as_deref().is_none_or(|s| s.trim().is_empty()) {
            out.push(Diagnostic::new(
                "ORG-SCHOOL",
                "school_missing",
                Severity::Error,
                format!("/roster/teams/{i}/school"),
                "Tổ trường học không ghi tên trường",
                "the school team does not name its school",
            ));
        }
    }
    check_one_per(roster, TeamLevel::School, "ORG-SCHOOL", "several_school_teams", "trường", "school", out);
}

fn check_one_per(roster: &Roster, level: TeamLevel, rule: &'static str, code: &'static str, vi: &str, en: &str, out: &mut Vec<Diagnostic>) {
    let mut seen: FastMap<(String, String), usize> = FastMap::with_capacity_and_hasher(roster.teams.len(), Default::default());
    for (i, t) in roster.teams.iter().enumerate() {
        if t.level != level {
            continue;
        }
        let Some(name) = t.unit_key() else {
            continue;
        };
        let key = (t.commune.clone().unwrap_or_default(), name);
        if let Some(&first) = seen.get(&key) {
            out.push(
                Diagnostic::new(
                    rule,
                    code,
                    Severity::Error,
                    format!("/roster/teams/{i}"),
                    format!("Một {vi} có hai tổ: tổ {} và tổ {}", first + 1, i + 1),
                    format!("one {en} has two teams: teams {} and {}", first + 1, i + 1),
                )
                .param("first", first)
                .param("again", i),
            );
        } else {
            seen.insert(key, i);
        }
    }
}

/// The roster rules a team would break by joining `roster`: a second commune team for its
/// commune (ORG-COMMUNE), a second team for its village (ORG-VILLAGE) or school
/// (ORG-SCHOOL), an id already taken. This is what a service checks before it stores a
/// team: the same rules as [`check_org_commune`], [`check_org_village`] and
/// [`check_org_school`], asked of one newcomer, at a cost linear in the roster. Findings
/// sit at `path` (the newcomer's place in the request) and name the team already there.
///
/// # Examples
/// ```
/// use cncd::{teams::{check_joining, Roster, Team}, units::Registry};
/// let stored: Roster = serde_json::from_str(r#"{"teams": [{"id": "PH-1", "level": "commune", "commune": "22885", "members": []}]}"#).unwrap();
/// let again: Team = serde_json::from_str(r#"{"id": "PH-2", "level": "commune", "commune": "22885", "members": []}"#).unwrap();
/// let mut d = Vec::new();
/// check_joining(&stored, &again, &Registry::ninh_thuan_2022(), "", &mut d);
/// assert_eq!((&*d[0].rule, &*d[0].code), ("ORG-COMMUNE", "several_commune_teams"));
/// assert_eq!(d[0].params["existing"], "PH-1");
/// ```
pub fn check_joining(roster: &Roster, team: &Team, registry: &Registry, path: &str, out: &mut Vec<Diagnostic>) {
    let commune_of = |t: &Team| t.commune.as_deref().and_then(|c| registry.find(Level::Commune, c));
    let commune = commune_of(team);
    let key = team.unit_key();
    for (i, other) in roster.teams.iter().enumerate() {
        let label = other.id.clone().unwrap_or_else(|| format!("#{}", i + 1));
        if let (Some(id), Some(other_id)) = (team.id.as_deref(), other.id.as_deref()) {
            if id == other_id {
                out.push(
                    Diagnostic::new(
                        establishment_rule(team.level),
                        "duplicate_team_id",
                        Severity::Error,
                        format!("{path}/id"),
                        format!("Mã tổ {id:?} đã được dùng"),
                        format!("team id {id:?} is already taken"),
                    )
                    .param("id", id)
                    .param("existing", label.as_str()),
                );
            }
        }
        if other.level != team.level || commune.is_none() || commune_of(other) != commune || key.is_none() || other.unit_key() != key {
            continue;
        }
        let u = registry.unit(commune.expect("checked above"));
        let (vi, en) = match team.level {
            TeamLevel::Commune => (
                format!("{} đã có tổ cấp xã ({label})", u.full_name()),
                format!("{} already has a commune-level team ({label})", u.full_name()),
            ),
            TeamLevel::Village => (
                format!("{} ({}) đã có tổ ({label})", team.village.as_deref().unwrap_or_default(), u.full_name()),
                format!("{} ({}) already has a team ({label})", team.village.as_deref().unwrap_or_default(), u.full_name()),
            ),
            TeamLevel::School => (
                format!("{} đã có tổ ({label})", team.school.as_deref().unwrap_or_default()),
                format!("{} already has a team ({label})", team.school.as_deref().unwrap_or_default()),
            ),
        };
        let code = match team.level {
            TeamLevel::Commune => "several_commune_teams",
            TeamLevel::Village => "several_village_teams",
            TeamLevel::School => "several_school_teams",
        };
        out.push(
            Diagnostic::new(establishment_rule(team.level), code, Severity::Error, path.to_string(), vi, en)
                .param("commune", u.code())
                .param("existing", label.as_str()),
        );
    }
}

/// The rule that governs a team's establishment at its level.
pub(crate) fn establishment_rule(level: TeamLevel) -> &'static str {
    match level {
        TeamLevel::Commune => "ORG-COMMUNE",
        TeamLevel::Village => "ORG-VILLAGE",
        TeamLevel::School => "ORG-SCHOOL",
    }
}
