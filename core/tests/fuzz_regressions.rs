//! Every input a fuzzer ever found to break cncd (`core/fuzz/regressions/<target>/`),
//! and the seeds of each target, replayed through the checks of its fuzz target: a bug
//! found once stays fixed. `core/fuzz/run.sh` copies new crashes there.

mod fuzz_checks;

use std::path::Path;

#[test]
fn every_input_the_fuzzers_found_is_handled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for (target, check) in fuzz_checks::TARGETS {
        let Ok(entries) = std::fs::read_dir(dir.join(target)) else { continue };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            let data = std::fs::read(&path).expect("a regression input");
            if let Err(e) = std::panic::catch_unwind(|| check(&data)) {
                let why = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
                panic!("{target}: {} fails again: {}", path.display(), why.unwrap_or_default());
            }
            replayed += 1;
        }
    }
    println!("{replayed} inputs replayed");
}

#[test]
fn the_checks_hold_on_real_names() {
    // The same checks over every commune of 2022, as a short stand-in for the fuzzers.
    let csv = include_str!("../data/vn-units-2022.csv");
    for line in csv.lines().skip(1).step_by(7) {
        let name = line.rsplit(',').next().expect("a name");
        fuzz_checks::text(name.as_bytes());
        fuzz_checks::names(format!("CNCĐ_{name}").as_bytes());
    }
    fuzz_checks::api(b"names.check\n{\"registry\":\"ninh-thuan-2022\",\"name\":\"CNCD_Phuoc Ha_Thuan Nam\"}");
    fuzz_checks::roster(
        br#"{"teams": [{"id": "T", "level": "commune", "commune": "22885", "members": [], "x": [1, {"y": null}]}], "z": 1}"#,
    );
    let profile = serde_json::to_string(&cncd::profile::Profile::ninh_thuan_2022()).expect("a profile serialises");
    fuzz_checks::profile(profile.as_bytes());
}
