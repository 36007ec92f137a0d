//! Reporting: the chain of command (GOV-CHAIN), the monthly obligations
//! (REPORT-TEAM, REPORT-DISTRICT-MONTHLY, REPORT-PROVINCE), their status, and a draft
//! of each district's monthly report.
//!
//! The plan names the chain (II.5.b–d, III.1.d, III.5.c) but no deadline day: the
//! deadlines are [`Profile::reporting`](crate::profile::Profile::reporting) settings, by
//! default the last day of the month reported on. The names of the authorities are
//! profile data too: Sở TT&TT in 2022, Sở KH&CN in the `two-tier-2025` profile.
//!
//! ```
//! use cncd::{profile::Profile, reports::{schedule, status, State}, teams::Roster, units::Registry};
//! let due = schedule(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &Roster::default(), "2022-07".parse().unwrap());
//! let s = status(due, &[], chrono::NaiveDate::from_ymd_opt(2022, 7, 20).unwrap());
//! assert!(s.items.iter().all(|i| i.state == State::Pending)); // not due before 31 July
//! ```

mod chain;
mod draft;
mod schedule;
mod status;

pub use chain::{chain, Chain, Party, PartyKind};
pub use draft::{drafts, DraftReport};
pub use schedule::{schedule, Obligation};
pub use status::{status, ObligationStatus, State, StateCounts, StatusReport, Submission};
