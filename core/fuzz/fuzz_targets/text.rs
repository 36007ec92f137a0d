//! Fuzz target `text`: see `core/tests/fuzz_checks/mod.rs`, which says what it checks.
#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::text(data));
