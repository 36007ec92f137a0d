//! `Profile`: every number and list a province may set differently, as data.
//!
//! The plan of Ninh Thuận (2022) is the default; other provinces set other team sizes,
//! roles and names. A profile is read from JSON or TOML; a mistyped key is an error that
//! names it, so that a setting cannot be silently ignored.

use crate::catalogue::ActivityKind;
use crate::names::NamingRules;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A team's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamLevel {
    /// A commune-level team (one in every commune, rule ORG-COMMUNE).
    Commune,
    /// A village-level team (at most one per village, rule ORG-VILLAGE).
    Village,
    /// A school's team (one per school, rule ORG-SCHOOL).
    School,
}

impl TeamLevel {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            TeamLevel::Commune => "commune",
            TeamLevel::Village => "village",
            TeamLevel::School => "school",
        }
    }
}

/// The roles a member can hold (several at once).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Cán bộ, công chức xã phụ trách: the commune official in charge.
    CommuneOfficial,
    /// Trưởng thôn, khu phố: the village or quarter head.
    VillageHead,
    /// Đại diện Chi đoàn thanh niên: the Youth Union's representative.
    YouthUnion,
    /// Đại diện Hội Phụ nữ: the Women's Union's representative.
    WomenUnion,
    /// Nhân sự doanh nghiệp bưu chính, viễn thông, CNTT: postal, telecom or IT staff.
    EnterpriseStaff,
    /// Anyone else.
    Other,
}

impl Role {
    /// The role in Vietnamese, for messages.
    pub fn vi(self) -> &'static str {
        match self {
            Role::CommuneOfficial => "cán bộ, công chức xã phụ trách",
            Role::VillageHead => "trưởng thôn, khu phố",
            Role::YouthUnion => "đại diện Chi đoàn thanh niên",
            Role::WomenUnion => "đại diện Hội Phụ nữ",
            Role::EnterpriseStaff => "nhân sự doanh nghiệp bưu chính, viễn thông, CNTT",
            Role::Other => "khác",
        }
    }

    /// The role in English, for messages.
    pub fn en(self) -> &'static str {
        match self {
            Role::CommuneOfficial => "commune official in charge",
            Role::VillageHead => "village head",
            Role::YouthUnion => "Youth Union representative",
            Role::WomenUnion => "Women's Union representative",
            Role::EnterpriseStaff => "postal, telecom or IT enterprise staff",
            Role::Other => "other",
        }
    }
}

/// How many members a team has: `min..=max` (either may be absent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Size {
    /// The fewest members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    /// The most members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// The roles a team of one level must, should or may cover.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    /// Missing one is an error.
    #[serde(default)]
    pub required: Vec<Role>,
    /// Missing one is a warning.
    #[serde(default)]
    pub recommended: Vec<Role>,
    /// Listed, never checked.
    #[serde(default)]
    pub optional: Vec<Role>,
}

/// Settings of one team level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRules {
    /// Team size (TEAM-SIZE).
    pub size: Size,
    /// Roles (TEAM-ROLES).
    #[serde(default)]
    pub roles: Roles,
    /// Whether an establishment decision is required (ORG-DECISION).
    #[serde(default)]
    pub decision_required: bool,
}

/// Settings per team level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Teams {
    /// Commune-level teams.
    pub commune: LevelRules,
    /// Village-level teams.
    pub village: LevelRules,
    /// School teams.
    pub school: LevelRules,
}

impl Teams {
    /// The rules of a level.
    pub fn of(&self, level: TeamLevel) -> &LevelRules {
        match level {
            TeamLevel::Commune => &self.commune,
            TeamLevel::Village => &self.village,
            TeamLevel::School => &self.school,
        }
    }
}

/// TEAM-YOUTH: the plan prefers young people with IT knowledge (advisory).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Youth {
    /// The oldest age that counts as young (default 30, the Youth Union's upper age).
    pub max_age: u32,
}

/// ORG-DECISION: the establishment decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    /// A decision dated before this day is before the plan (default 2022-03-05, the date of
    /// guidance 793/BTTTT-THH that the plan implements).
    #[serde(deserialize_with = "crate::teams::person::deserialize_date")]
    pub not_before: NaiveDate,
    /// Who signs, for messages ("Chủ tịch UBND xã").
    pub signer: String,
}

/// Coverage targets, in percent (used by coverage).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// Communes with a commune team.
    pub communes_percent: u32,
    /// Schools with a team.
    pub schools_percent: u32,
    /// OCOP products on an e-commerce platform.
    pub ocop_percent: u32,
}

/// Reporting settings (used by reports).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reporting {
    /// The day of the month after the month reported on by which a monthly report is
    /// due; 0 means the last day of the month reported on (the default: the plan names no
    /// day).
    pub monthly_deadline_day: u32,
    /// Who receives the districts' (or communes') monthly reports.
    pub receiver: String,
    /// Who the receiver reports on to.
    pub board: String,
    /// The deadline of a team's report (REPORT-TEAM) to the committee that supervises
    /// it, by the same rule as `monthly_deadline_day`. Default 0.
    #[serde(default)]
    pub team_deadline_day: u32,
    /// The deadline of the receiver's report to the board (REPORT-PROVINCE), by the same
    /// rule. Default 0.
    #[serde(default)]
    pub province_deadline_day: u32,
    /// Who directs school teams (III.3.a: Sở Giáo dục và Đào tạo, through the district
    /// offices of education): where a school team's report goes.
    #[serde(default = "default_school_authority")]
    pub school_authority: String,
}

fn default_school_authority() -> String {
    "Sở Giáo dục và Đào tạo".into()
}

/// Every setting of a province's plan.
///
/// # Examples
/// ```
/// use cncd::profile::{Profile, TeamLevel};
/// let p = Profile::ninh_thuan_2022();
/// assert_eq!((p.teams.of(TeamLevel::Village).size.min, p.teams.of(TeamLevel::Village).size.max), (Some(3), Some(5)));
/// let toml = p.to_toml().unwrap();
/// assert_eq!(Profile::from_toml(&toml).unwrap(), p);
/// let err = Profile::from_json(r#"{"name": "x", "team": {}}"#).unwrap_err();
/// assert!(err.to_string().contains("team"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The profile's name ("ninh-thuan-2022").
    pub name: String,
    /// Where its numbers come from.
    pub source: String,
    /// Team rules per level.
    pub teams: Teams,
    /// TEAM-YOUTH.
    pub youth: Youth,
    /// ORG-DECISION.
    pub decisions: Decisions,
    /// NAME-ZALO.
    pub naming: NamingRules,
    /// Coverage targets.
    pub targets: Targets,
    /// Reporting.
    pub reporting: Reporting,
    /// The activity catalogue (II.4); the Ninh Thuận 2022 one when absent.
    #[serde(default = "ActivityKind::ninh_thuan_2022")]
    pub activities: Vec<ActivityKind>,
}

/// A profile file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ProfileError {
    /// What is wrong, naming the key at fault where there is one.
    pub message: String,
}

/// The names of the built-in profiles.
pub const BUILTIN_PROFILES: &[&str] =
    &["ninh-thuan-2022", "two-tier-2025", "thai-nguyen", "quang-tri", "thanh-hoa", "tuyen-quang", "da-nang"];

fn size(min: Option<u32>, max: Option<u32>) -> Size {
    Size { min, max }
}

impl Profile {
    /// Ninh Thuận 2022 (plans/RULES.md): teams of 3 to 5 at every level; a village team
    /// covers the village head, the Youth Union, the Women's Union and enterprise staff
    /// (the commune official is optional, "tùy vào tình hình thực tế"); a commune team the
    /// same with the commune official in place of the village head; a school team size
    /// only. Young means at most 30. Decisions for commune and village teams.
    pub fn ninh_thuan_2022() -> Self {
        use Role::*;
        let village_roles = Roles {
            required: vec![VillageHead, YouthUnion, WomenUnion, EnterpriseStaff],
            recommended: vec![],
            optional: vec![CommuneOfficial],
        };
        let commune_roles =
            Roles { required: vec![CommuneOfficial, YouthUnion, WomenUnion, EnterpriseStaff], recommended: vec![], optional: vec![] };
        Profile {
            name: "ninh-thuan-2022".into(),
            source: "Kế hoạch triển khai Tổ công nghệ số cộng đồng, UBND tỉnh Ninh Thuận, 2022 (II.2.b, II.5.a, III.5.b)".into(),
            teams: Teams {
                commune: LevelRules { size: size(Some(3), Some(5)), roles: commune_roles, decision_required: true },
                village: LevelRules { size: size(Some(3), Some(5)), roles: village_roles, decision_required: true },
                school: LevelRules { size: size(Some(3), Some(5)), roles: Roles::default(), decision_required: false },
            },
            youth: Youth { max_age: 30 },
            decisions: Decisions {
                not_before: NaiveDate::from_ymd_opt(2022, 3, 5).unwrap_or_default(), signer: "Chủ tịch UBND xã".into()
            },
            naming: NamingRules::ninh_thuan_2022(),
            targets: Targets { communes_percent: 100, schools_percent: 100, ocop_percent: 100 },
            reporting: Reporting {
                monthly_deadline_day: 0,
                receiver: "Sở Thông tin và Truyền thông".into(),
                board: "Ban Điều hành chuyển đổi số tỉnh".into(),
                team_deadline_day: 0,
                province_deadline_day: 0,
                school_authority: default_school_authority(),
            },
            activities: ActivityKind::ninh_thuan_2022(),
        }
    }

    /// After 1 July 2025: two tiers, names end with the province, communes report to the
    /// Department of Science and Technology (Sở KH&CN, which took over Sở TT&TT on
    /// 1 March 2025). Team rules as Ninh Thuận 2022.
    pub fn two_tier_2025() -> Self {
        let mut p = Self::ninh_thuan_2022();
        p.name = "two-tier-2025".into();
        p.source = "Ninh Thuận 2022 rules in the two-tier tree (Nghị quyết 202/2025/QH15; Sở KH&CN since 01/03/2025)".into();
        p.naming = NamingRules::two_tier_2025();
        p.reporting.receiver = "Sở Khoa học và Công nghệ".into();
        p
    }

    fn with_sizes(name: &str, source: &str, commune: Size, village: Size) -> Self {
        let mut p = Self::ninh_thuan_2022();
        p.name = name.into();
        p.source = source.into();
        p.teams.commune.size = commune;
        p.teams.village.size = village;
        p
    }

    /// A built-in profile by name (see [`BUILTIN_PROFILES`]). The provinces' profiles
    /// change only the team sizes of Ninh Thuận's, with the figures their plans set.
    ///
    /// # Examples
    /// ```
    /// let p = cncd::profile::Profile::builtin("thanh-hoa").unwrap();
    /// assert_eq!((p.teams.commune.size.min, p.teams.commune.size.max), (Some(3), Some(9)));
    /// ```
    pub fn builtin(name: &str) -> Option<Self> {
        // Each province's figures are those its own plan sets; the comments give where
        // they were read (press reports of the plans: the plans themselves were not
        // reachable here). Thanh Hóa's and Đà Nẵng's figures are those of the project's
        // issue on teams; no public source was found for them yet.
        Some(match name {
            "ninh-thuan-2022" => Self::ninh_thuan_2022(),
            "two-tier-2025" => Self::two_tier_2025(),
            // Thái Nguyên: teams of 2 to 5 members in villages and residential groups.
            // Source: Báo Thái Nguyên, "tổ công nghệ số cộng đồng ... với từ 2-5 thành viên",
            // http://backup.baothainguyen.vn/trang-in-302045.html (on the province's 2022 plan).
            "thai-nguyen" => Self::with_sizes(
                "thai-nguyen",
                "Kế hoạch triển khai Tổ công nghệ số cộng đồng, UBND tỉnh Thái Nguyên (tổ 2–5 người)",
                size(Some(2), Some(5)),
                size(Some(2), Some(5)),
            ),
            // Quảng Trị: 5 members per commune team, 5 to 8 per village team.
            // Source: VietNamNet, "Mỗi tổ công nghệ số cộng đồng cấp xã có 5 thành viên; cấp
            // thôn từ 5 - 8 thành viên", https://vietnamnet.vn/quang-tri-dua-cong-nghe-so-den-moi-ngo-ngach-canh-tay-noi-dai-chuyen-doi-so-2225596.html
            // (on the province's plan of 2022).
            "quang-tri" => Self::with_sizes(
                "quang-tri",
                "Kế hoạch triển khai Tổ công nghệ số cộng đồng, UBND tỉnh Quảng Trị (tổ xã 5 người, tổ thôn 5–8 người)",
                size(Some(5), Some(5)),
                size(Some(5), Some(8)),
            ),
            // Thanh Hóa: 3 to 9 members.
            "thanh-hoa" => Self::with_sizes(
                "thanh-hoa",
                "Kế hoạch triển khai Tổ công nghệ số cộng đồng, UBND tỉnh Thanh Hóa (tổ 3–9 người)",
                size(Some(3), Some(9)),
                size(Some(3), Some(9)),
            ),
            // Tuyên Quang: at most 10 per commune team, at most 5 per village team.
            // Source: Kinh doanh & Đầu tư, "Tổ công nghệ số cộng đồng cấp xã với tối đa 10
            // thành viên, ... cấp thôn với tối đa 5 người", https://kinhdoanhdautu.com/tinh-quang-lap-to-cong-nghe-so-cong-dong-ho-tro-nguoi-dan-dung-dich-vu-cong-truc-tuyen
            // (a plan of the two-tier era, with Sở KH&CN).
            "tuyen-quang" => Self::with_sizes(
                "tuyen-quang",
                "Kế hoạch triển khai Tổ công nghệ số cộng đồng, UBND tỉnh Tuyên Quang (tổ xã tối đa 10 người, tổ thôn tối đa 5 người)",
                size(None, Some(10)),
                size(None, Some(5)),
            ),
            // Đà Nẵng: at least 7 members.
            "da-nang" => Self::with_sizes(
                "da-nang",
                "Kế hoạch triển khai Tổ công nghệ số cộng đồng, UBND thành phố Đà Nẵng (tổ tối thiểu 7 người)",
                size(Some(7), None),
                size(Some(7), None),
            ),
            _ => return None,
        })
    }

    /// Reads a profile from JSON; an unknown or mistyped key is an error that names it.
    ///
    /// # Errors
    /// The first problem, with its line and column.
    pub fn from_json(json: &str) -> Result<Self, ProfileError> {
        serde_json::from_str(json).map_err(|e| ProfileError { message: format!("profile JSON: {e}") })
    }

    /// Reads a profile from TOML; an unknown or mistyped key is an error that names it.
    ///
    /// # Errors
    /// The first problem, with its place in the file.
    pub fn from_toml(text: &str) -> Result<Self, ProfileError> {
        toml::from_str(text).map_err(|e| ProfileError { message: format!("profile TOML: {e}") })
    }

    /// The profile as TOML.
    ///
    /// # Errors
    /// Never for a profile built by this crate.
    pub fn to_toml(&self) -> Result<String, ProfileError> {
        toml::to_string(self).map_err(|e| ProfileError { message: e.to_string() })
    }
}

impl Default for Profile {
    fn default() -> Self {
        Self::ninh_thuan_2022()
    }
}
