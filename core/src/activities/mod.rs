//! What teams do (plan II.4): the activity catalogue in three pillars, activity records,
//! and their sums per month for each team, commune, district and province.
//!
//! The catalogue is data: [`Profile::activities`](crate::profile::Profile::activities)
//! holds it, the Ninh Thuận 2022 list by default (`core/data/activities-ninh-thuan-2022.json`,
//! each entry quoting the plan).
//!
//! ```
//! use cncd::activities::{summarize, ActivityRecord};
//! use cncd::{month::Month, profile::Profile, teams::Roster, units::Registry};
//! let roster: Roster = serde_json::from_str(r#"{"teams": [
//!   {"id": "PH", "level": "commune", "commune": "22885", "members": []}]}"#).unwrap();
//! let records: Vec<ActivityRecord> = serde_json::from_str(r#"[
//!   {"team": "PH", "date": "2022-07-04", "activity": "gov.apps", "people_reached": 40, "apps_installed": 25},
//!   {"team": "PH", "date": "2022-07-18", "activity": "econ.digital_stores_farm", "digital_stores": 3},
//!   {"team": "PH", "date": "2022-08-01", "activity": "gov.apps", "apps_installed": 9}]"#).unwrap();
//! let s = summarize(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &roster, &records, "2022-07".parse().unwrap());
//! assert_eq!(s.teams[0].total.records, 2);
//! assert_eq!(s.teams[0].total.apps_installed, 25); // August's record is another month
//! let thuan_nam = s.districts.iter().find(|d| d.full_name == "Huyện Thuận Nam").unwrap();
//! assert_eq!(thuan_nam.pillars.digital_economy.digital_stores, 3);
//! assert_eq!(s.provinces[0].active_teams, 1);
//! ```

mod summary;

pub use crate::catalogue::{ActivityKind, Pillar};
pub use summary::{check_record, summarize, ActivityRecord, ActivitySummary, PillarTallies, Tally, TeamActivity, UnitActivity};
