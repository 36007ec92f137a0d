//! Teams: the roster model, one function per rule of the plan, and validation.
//!
//! The rules come from the plan (`plan/RULES.md`, "Establishment" and "Composition"),
//! with every number taken from a [`Profile`](crate::profile::Profile):
//!
//! | rule | function | what |
//! |---|---|---|
//! | TEAM-SIZE | [`check_team_size`] | 3 to 5 members (profile) |
//! | TEAM-ROLES | [`check_team_roles`] | the listed roles covered; one person may hold several |
//! | TEAM-YOUTH | [`check_team_youth`] | a young member, a member with IT skills (advisory) |
//! | TEAM-PERSON | [`check_team_person`] | nobody twice (name and birth date, or phone) |
//! | ORG-DECISION | [`check_org_decision`] | a decision with number and date, not in the future nor before the plan |
//! | NAME-ZALO | [`check_name_zalo`] | the group name names the team's unit, as the standard writes it |
//! | ORG-COMMUNE | [`check_org_commune`] | exactly one commune team per commune |
//! | ORG-VILLAGE | [`check_org_village`] | at most one team per village |
//! | ORG-SCHOOL | [`check_org_school`] | one team per school |
//!
//! [`validate_team`] and [`validate_roster`] run them all and count the findings;
//! [`validate_joining`] (with [`check_joining`]) asks them of a team about to join a stored roster.

pub(crate) mod person;
mod roster;
mod rules;
mod validate;

pub use person::{age_on, mask_phone, normalize_phone, parse_date};
pub use roster::{Decision, Member, Roster, Team};
pub use rules::{
    check_joining, check_name_zalo, check_org_commune, check_org_decision, check_org_school, check_org_village, check_team_person,
    check_team_roles, check_team_size, check_team_youth, provinces_of,
};
pub(crate) use rules::{provinces_of_communes, team_communes};
pub use validate::{validate_joining, validate_roster, validate_team, Counts, Report, SeverityCounts};
