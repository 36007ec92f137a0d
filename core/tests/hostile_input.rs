//! Hostile and broken input (#11): nothing the caller passed is lost, no finding points
//! outside the request, and no input a stranger controls makes a call costly or deep.

use cncd::api::{call, MAX_REQUEST_BYTES};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::{json, Map, Value};

fn config(cases: u32, file: &'static str) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(file))),
        ..ProptestConfig::default()
    }
}

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Fields a caller's system might add, none of them a field cncd knows.
fn extras() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::btree_map("x_[a-z]{1,6}", json_value(), 0..3).prop_map(|m| m.into_iter().collect())
}

fn with(mut base: Value, extra: Map<String, Value>) -> Value {
    base.as_object_mut().unwrap().extend(extra);
    base
}

const ROLES: [&str; 6] = ["commune_official", "village_head", "youth_union", "women_union", "enterprise_staff", "other"];
const COMMUNES: [&str; 4] = ["22885", "22900", "22741", "99999"];

fn member() -> impl Strategy<Value = Value> {
    (
        "\\PC{0,20}",
        prop::collection::vec(prop::sample::select(ROLES.to_vec()), 0..3),
        prop::option::of(prop_oneof![Just("1998-04-02".to_string()), Just("02/04/1998".to_string()), "\\PC{0,10}"]),
        prop::option::of(prop_oneof![Just("0912 345 678".to_string()), "[0-9+ .-]{0,14}"]),
        extras(),
    )
        .prop_map(|(name, roles, birth, phone, extra)| {
            let mut m = json!({"name": name, "roles": roles});
            if let Some(b) = birth {
                m["birth_date"] = json!(b);
            }
            if let Some(p) = phone {
                m["phone"] = json!(p);
            }
            with(m, extra)
        })
}

fn team() -> impl Strategy<Value = Value> {
    (
        prop::option::of("[A-Z]{1,2}-[0-9]{1,3}"),
        prop::sample::select(vec!["commune", "village", "school"]),
        prop::option::of(prop::sample::select(COMMUNES.to_vec())),
        prop::option::of("\\PC{0,16}"),
        prop::option::of("\\PC{0,40}"),
        prop::option::of((prop::option::of("\\PC{0,12}"), prop::option::of("\\PC{0,10}"), extras())),
        prop::collection::vec(member(), 0..7),
        extras(),
    )
        .prop_map(|(id, level, commune, unit, zalo, decision, members, extra)| {
            let mut t = json!({"level": level, "members": members});
            if let Some(id) = id {
                t["id"] = json!(id);
            }
            if let Some(c) = commune {
                t["commune"] = json!(c);
            }
            if let Some(u) = unit {
                t[if level == "school" { "school" } else { "village" }] = json!(u);
            }
            if let Some(z) = zalo {
                t["zalo_group"] = json!(z);
            }
            if let Some((number, date, extra)) = decision {
                let mut d = json!({});
                if let Some(n) = number {
                    d["number"] = json!(n);
                }
                if let Some(n) = date {
                    d["date"] = json!(n);
                }
                t["decision"] = with(d, extra);
            }
            with(t, extra)
        })
}

fn roster() -> impl Strategy<Value = Value> {
    (prop::collection::vec(team(), 0..6), extras()).prop_map(|(teams, extra)| with(json!({"teams": teams}), extra))
}

/// Every diagnostic's path is a JSON pointer into `request`: to a value that is there, or
/// to a field that is missing from an object that is there.
fn check_paths(request: &Value, reply: &Value) -> Result<(), TestCaseError> {
    let mut stack = vec![reply];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(o) => {
                if let (Some(Value::String(path)), Some(Value::String(_))) = (o.get("path"), o.get("rule")) {
                    let parent = &path[..path.rfind('/').unwrap_or(0)];
                    prop_assert!(
                        request.pointer(path).is_some() || request.pointer(parent).is_some_and(Value::is_object),
                        "the path {} points outside the request",
                        path
                    );
                }
                stack.extend(o.values());
            }
            Value::Array(a) => stack.extend(a),
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(300, "proptest-regressions/hostile_input.txt"))]

    /// A roster with fields cncd does not know, at every level, comes back from the typed
    /// model exactly as it went in, whatever validation said of it.
    #[test]
    fn a_roster_loses_nothing(roster in roster()) {
        let typed: cncd::teams::Roster = serde_json::from_value(roster.clone()).unwrap();
        let report = cncd::teams::validate_roster(
            &cncd::units::Registry::ninh_thuan_2022(), &cncd::profile::Profile::ninh_thuan_2022(), &typed,
            chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap());
        prop_assert!(report.counts.teams == typed.teams.len());
        prop_assert_eq!(serde_json::to_value(&typed).unwrap(), roster);
    }

    /// Records of the activity log, reports and OCOP products keep their extra fields too.
    #[test]
    fn records_lose_nothing(a in extras(), b in extras(), c in extras(), d in extras(), e in extras()) {
        let cases = [
            (with(json!({"team": "T", "date": "2022-07-04", "activity": "gov.apps", "people_reached": 3}), a), "activity"),
            (with(json!({"rule": "REPORT-TEAM", "from": "T", "month": "2022-07", "date": "2022-08-01"}), b), "submission"),
            (with(json!({"name": "Nho Thái An", "commune": "22885", "platforms": ["postmart"]}), c), "ocop"),
            (with(json!({"date": "2022-07-04", "teams": ["T"]}), d), "training"),
            (with(json!({"counter": "records", "value": 4, "from": "2022-07-01", "to": "2022-07-31"}), e), "target"),
        ];
        for (v, kind) in cases {
            let back = match kind {
                "activity" => serde_json::to_value(serde_json::from_value::<cncd::activities::ActivityRecord>(v.clone()).unwrap()),
                "submission" => serde_json::to_value(serde_json::from_value::<cncd::reports::Submission>(v.clone()).unwrap()),
                "ocop" => serde_json::to_value(serde_json::from_value::<cncd::coverage::OcopProduct>(v.clone()).unwrap()),
                "training" => serde_json::to_value(serde_json::from_value::<cncd::training::TrainingRecord>(v.clone()).unwrap()),
                _ => serde_json::to_value(serde_json::from_value::<cncd::targets::Target>(v.clone()).unwrap()),
            }.unwrap();
            // Defaults the model fills in (counters at 0, empty lists) may be added; nothing is lost or changed.
            for (k, x) in v.as_object().unwrap() {
                prop_assert_eq!(&back[k], x, "{} lost or changed {}", kind, k);
            }
        }
    }

    /// No finding of roster.validate, coverage.compute or reports.draft points outside
    /// the request it is about.
    #[test]
    fn no_finding_points_outside_its_request(roster in roster()) {
        for (op, request) in [
            ("roster.validate", json!({"registry": "ninh-thuan-2022", "roster": roster, "as_of": "2022-12-31"})),
            ("coverage.compute", json!({"registry": "ninh-thuan-2022", "roster": roster})),
            ("reports.draft", json!({"registry": "ninh-thuan-2022", "roster": roster, "month": "2022-07"})),
        ] {
            let reply: Value = serde_json::from_str(&call(op, &request.to_string())).unwrap();
            check_paths(&request, &reply)?;
        }
        for (i, team) in roster["teams"].as_array().unwrap().iter().enumerate() {
            let request = json!({"registry": "ninh-thuan-2022", "team": team, "as_of": "2022-12-31"});
            let reply: Value = serde_json::from_str(&call("teams.validate", &request.to_string())).unwrap();
            check_paths(&request, &reply).map_err(|e| TestCaseError::fail(format!("team {i}: {e}")))?;
        }
    }
}

fn error_code(reply: &str) -> String {
    let v: Value = serde_json::from_str(reply).expect("the reply is JSON");
    v["error"]["code"].as_str().unwrap_or("(none)").to_string()
}

#[test]
fn deep_nesting_is_refused_without_a_deep_stack() {
    // 100,000 levels: a recursive reader without a limit would overflow the stack.
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        // The request is read whole before its fields are: depth is refused wherever it
        // is, where a string is expected as where any value is kept (a field cncd does
        // not know).
        let body = format!("{{\"text\":{}1{}}}", open.repeat(100_000), close.repeat(100_000));
        let reply = call("text.clean", &body);
        assert_eq!(error_code(&reply), "bad_json", "{reply}");
        assert!(reply.contains("recursion limit"), "{reply}");
        let team = format!(
            r#"{{"registry":"ninh-thuan-2022","as_of":"2022-12-31","team":{{"level":"village","x":{}1{}}}}}"#,
            open.repeat(100_000),
            close.repeat(100_000)
        );
        let reply = call("teams.validate", &team);
        assert_eq!(error_code(&reply), "bad_json", "{reply}");
        assert!(reply.contains("recursion limit"), "{reply}");
    }
}

#[test]
fn a_request_past_the_limit_is_refused_before_it_is_read() {
    // 100 MB of a valid-looking request: refused by its size, not parsed.
    let mut body = String::with_capacity(100 * 1024 * 1024 + 64);
    body.push_str(r#"{"text":""#);
    body.extend(std::iter::repeat_n('a', 100 * 1024 * 1024));
    body.push_str(r#""}"#);
    assert!(body.len() > MAX_REQUEST_BYTES);
    let reply = call("text.clean", &body);
    assert_eq!(error_code(&reply), "too_large");
    assert!(reply.len() < 1024, "the error does not echo the input");
}

/// Calls that would be slow if any step were quadratic in what a stranger sends: each
/// is sized so that a quadratic step would take minutes, where the linear one takes
/// well under a second. The bounds are generous; what they catch is a change of order.
#[test]
fn worst_case_inputs_stay_linear() {
    let limit = std::time::Duration::from_secs(30);
    let time = |what: &str, f: &dyn Fn() -> String| {
        let started = std::time::Instant::now();
        let reply = f();
        let took = started.elapsed();
        assert!(took < limit, "{what} took {took:?}");
        reply
    };
    // Typo search: the longest names it takes, of letters that nearly match everything.
    let typo = "Phuoc ".repeat(10);
    time("a typo search of 60 bytes", &|| call("units.resolve", &json!({"registry": "vietnam-2022", "text": typo}).to_string()));
    let long = "Phước Hà ".repeat(2000);
    let reply =
        time("a resolve past the name limit", &|| call("units.resolve", &json!({"registry": "vietnam-2022", "text": long}).to_string()));
    assert_eq!(error_code(&reply), "too_large");
    // Group names made of nothing but separators and slots.
    for name in ["_".repeat(500), "CNCĐ ".repeat(100), "Phước_".repeat(80), "-".repeat(100_000)] {
        time("a group name", &|| call("names.check", &json!({"registry": "vietnam-2022", "name": name}).to_string()));
    }
    // 50,000 commune teams, all in one commune, each with the same id: every pair collides.
    let team = json!({"id": "T", "level": "commune", "commune": "22885", "members": []});
    let roster = json!({"teams": vec![team; 50_000]});
    let reply = time("50,000 colliding teams", &|| {
        call("roster.validate", &json!({"registry": "ninh-thuan-2022", "roster": roster, "as_of": "2022-12-31"}).to_string())
    });
    let v: Value = serde_json::from_str(&reply).unwrap();
    assert!(v["ok"]["counts"]["by_rule"]["ORG-COMMUNE"]["error"].as_u64().unwrap() >= 49_999);
    // 50,000 villages of the same name in one commune.
    let team = json!({"level": "village", "commune": "22885", "village": "Thôn Phước Lợi", "members": []});
    let roster = json!({"teams": vec![team; 50_000]});
    time("50,000 teams of one village", &|| {
        call("coverage.compute", &json!({"registry": "ninh-thuan-2022", "roster": roster}).to_string())
    });
    // A text of 1 MiB of combining marks on one letter: one syllable, a million marks.
    let marks = format!("a{}", "\u{301}".repeat(500_000));
    time("a million combining marks", &|| call("text.name_key", &json!({"text": marks}).to_string()));
}
