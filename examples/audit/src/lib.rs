//! The roster audit behind `cncd-audit`: reading a roster file, running every rule of
//! the `cncd` crate over it, and writing the results for people and for systems.
//!
//! The binary (`src/main.rs`) only parses arguments; the benchmark and the tests call
//! these functions too.

pub mod audit;
pub mod communes;
pub mod input;
pub mod logs;
pub mod render;

/// The sample roster shipped with the tool: made-up people on the real units of
/// Ninh Thuận (2022), with the faults real rosters have.
pub const SAMPLE_ROSTER: &str = include_str!("../data/sample-roster.csv");
