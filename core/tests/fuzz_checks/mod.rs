//! What each fuzz target checks of one input, shared by the fuzz targets
//! (`core/fuzz/fuzz_targets/*.rs` include this file) and by `tests/fuzz_regressions.rs`,
//! which replays every input the fuzzers ever found (`core/fuzz/regressions/<target>/`).
//! Each function panics when cncd misbehaves on the input: a panic inside cncd, an
//! answer that is not the contract's JSON, or a broken invariant.
#![allow(dead_code)]

use chrono::NaiveDate;
use cncd::api::Context;
use cncd::names::NamingRules;
use cncd::profile::Profile;
use cncd::teams::{validate_roster, validate_team, Roster, Team};
use cncd::text::{ascii_key, clean, name_key, title_case, to_tone_style, ToneStyle};
use cncd::units::Registry;
use std::sync::OnceLock;

/// What a target checks of one input.
pub type Check = fn(&[u8]);

/// The fuzz targets, as named in `core/fuzz/Cargo.toml`.
pub const TARGETS: [(&str, Check); 5] = [("text", text), ("names", names), ("api", api), ("roster", roster), ("profile", profile)];

fn ninh_thuan() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(Registry::ninh_thuan_2022)
}

fn vietnam_2025() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(Registry::vietnam_2025)
}

fn context() -> &'static Context {
    static C: OnceLock<Context> = OnceLock::new();
    C.get_or_init(Context::new)
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 12, 31).expect("a date")
}

/// `text::*`: no panic, and the keys' invariants.
pub fn text(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let c = clean(&s);
    assert_eq!(clean(&c), c, "clean is idempotent");
    let k = name_key(&s);
    assert_eq!(name_key(&k), k, "name_key is idempotent");
    let a = ascii_key(&s);
    assert_eq!(ascii_key(&k), a, "ascii_key(name_key(s)) == ascii_key(s)");
    for style in [ToneStyle::Traditional, ToneStyle::Modern] {
        let t = to_tone_style(&s, style);
        assert_eq!(name_key(&t), k, "a tone style changes no key");
    }
    let _ = title_case(&s);
}

/// `names::parse` and `names::check` against Ninh Thuận 2022 and the 2025 list.
pub fn names(data: &[u8]) {
    let name = String::from_utf8_lossy(data);
    for (reg, rules) in [(ninh_thuan(), NamingRules::ninh_thuan_2022()), (vietnam_2025(), NamingRules::two_tier_2025())] {
        let _ = cncd::names::parse(reg, &rules, &name, None);
        let c = cncd::names::check(reg, &rules, &name, None, "/name");
        if let Some(canonical) = &c.canonical {
            // The canonical name is itself read as the same unit, and as right.
            let again = cncd::names::check(reg, &rules, canonical, None, "/name");
            assert_eq!(again.commune, c.commune, "{canonical:?} names another commune than {name:?}");
        }
        assert!(c.diagnostics.iter().all(|d| d.path.starts_with("/name")));
    }
}

/// `api::call`: the operation's name up to the first line break, the request after it.
/// Any bytes give one JSON envelope, `ok` or `error` with a code and both messages.
pub fn api(data: &[u8]) {
    let (op, request) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let (op, request) = (String::from_utf8_lossy(op), String::from_utf8_lossy(request));
    let reply = context().call(&op, &request);
    let v: serde_json::Value = serde_json::from_str(&reply).expect("the reply is JSON");
    let o = v.as_object().expect("the reply is an object");
    assert_eq!(o.len(), 1, "{reply}");
    match (o.get("ok"), o.get("error")) {
        (Some(_), None) => {}
        (None, Some(e)) => {
            assert!(e["code"].is_string() && e["message"]["vi"].is_string() && e["message"]["en"].is_string(), "{reply}");
        }
        _ => panic!("neither ok nor error: {reply}"),
    }
}

/// A roster from JSON: read, validated, summed, and written back unchanged.
pub fn roster(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    let Ok(roster) = serde_json::from_value::<Roster>(value.clone()) else { return };
    let profile = Profile::ninh_thuan_2022();
    let report = validate_roster(ninh_thuan(), &profile, &roster, as_of());
    assert_eq!(report.counts.teams, roster.teams.len());
    let _ = cncd::coverage::compute(ninh_thuan(), &profile, &roster, &[]);
    let _ = cncd::reports::schedule(ninh_thuan(), &profile, &roster, "2022-07".parse().expect("a month"));
    assert_eq!(serde_json::to_value(&roster).expect("a roster serialises"), with_defaults(value), "the roster changed on the way through");
}

/// What the roster model writes that the input may leave out: `teams`, a team's
/// `members`, a member's `name` and `roles` are always written (empty when absent). Every
/// other field, known or not, comes back as it came.
fn with_defaults(mut roster: serde_json::Value) -> serde_json::Value {
    use serde_json::{json, Value};
    let fill = |v: &mut Value, key: &str, default: Value| {
        if let Some(o) = v.as_object_mut() {
            o.entry(key).or_insert(default);
        }
    };
    fill(&mut roster, "teams", json!([]));
    for team in roster["teams"].as_array_mut().into_iter().flatten() {
        fill(team, "members", json!([]));
        for member in team["members"].as_array_mut().into_iter().flatten() {
            fill(member, "name", json!(""));
            fill(member, "roles", json!([]));
        }
    }
    roster
}

/// A profile from JSON or TOML; a profile that loads checks a team without panicking,
/// whatever its numbers (a minimum above the maximum, a deadline on day 40…).
pub fn profile(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for loaded in [Profile::from_json(&text), Profile::from_toml(&text)] {
        let Ok(p) = loaded else { continue };
        let team: Team = serde_json::from_str(
            r#"{"level": "village", "commune": "22885", "village": "Thôn Phước Lợi", "zalo_group": "CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam",
                "decision": {"number": "1/QĐ", "date": "2022-06-01"},
                "members": [{"name": "An", "roles": ["village_head"], "birth_date": "1998-01-01"}, {"name": "Bình", "roles": ["women_union"]}]}"#,
        )
        .expect("a team");
        let _ = validate_team(ninh_thuan(), &p, &team, as_of(), "/team");
        let roster = Roster { teams: vec![team], ..Roster::default() };
        let _ = cncd::reports::schedule(ninh_thuan(), &p, &roster, "2022-07".parse().expect("a month"));
        let _ = cncd::coverage::compute(ninh_thuan(), &p, &roster, &[]);
        let _ =
            cncd::names::format(ninh_thuan(), &p.naming, ninh_thuan().find(cncd::units::Level::Commune, "22885").expect("Phước Hà"), None);
    }
}
