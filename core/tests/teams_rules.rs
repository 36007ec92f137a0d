//! Every rule of teams passes, fails, and sits on its edge.

use chrono::NaiveDate;
use cncd::api::call;
use cncd::diagnostics::Severity;
use cncd::profile::Profile;
use cncd::teams::{validate_roster, validate_team, Roster, Team};
use cncd::units::Registry;
use serde_json::{json, Value};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 12, 31).unwrap()
}

/// A valid village team of Xã Phước Hà (made-up people on a real unit).
fn good_team() -> Value {
    json!({
        "id": "T-001", "level": "village", "commune": "22885", "village": "Thôn Phước Lợi",
        "zalo_group": "CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam",
        "decision": {"number": "12/QĐ-UBND", "date": "2022-06-01", "signer": "Chủ tịch UBND xã Phước Hà"},
        "members": [
            {"name": "Nguyễn Văn An", "roles": ["village_head"], "birth_date": "1998-04-02", "phone": "0912345678", "it_skills": true},
            {"name": "Trần Thị Bình", "roles": ["women_union", "youth_union"], "birth_year": 1990, "phone": "0987654321"},
            {"name": "Lê Văn Cường", "roles": ["enterprise_staff"], "birth_date": "1980-01-15"}
        ]
    })
}

fn check(team: &Value) -> Vec<(String, String, Severity)> {
    let t: Team = serde_json::from_value(team.clone()).unwrap();
    let r = validate_team(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &t, as_of(), "/team");
    assert_eq!(r.valid, !r.diagnostics.iter().any(|d| d.severity == Severity::Error));
    r.diagnostics.into_iter().map(|d| (d.rule.into_owned(), d.code.into_owned(), d.severity)).collect()
}

fn codes(team: &Value) -> Vec<String> {
    check(team).into_iter().map(|(_, c, _)| c).collect()
}

fn member(name: &str, roles: &[&str]) -> Value {
    json!({"name": name, "roles": roles})
}

#[test]
fn a_good_team_is_valid() {
    assert_eq!(codes(&good_team()), Vec::<String>::new());
}

#[test]
fn team_size_edges() {
    let mut t = good_team();
    // 3 members: the edge, valid. 2: too small.
    t["members"].as_array_mut().unwrap().pop();
    assert!(codes(&t).contains(&"team_too_small".to_string()));
    let mut t = good_team();
    for n in ["Phạm Văn Dũng", "Hoàng Thị Em"] {
        t["members"].as_array_mut().unwrap().push(member(n, &["other"]));
    }
    assert!(!codes(&t).iter().any(|c| c.starts_with("team_too")), "5 members is the edge: {:?}", codes(&t));
    t["members"].as_array_mut().unwrap().push(member("Võ Văn Phúc", &["other"]));
    assert!(codes(&t).contains(&"team_too_large".to_string()));
    // Other provinces, other numbers.
    let t: Team = serde_json::from_value(good_team()).unwrap();
    let r = validate_team(&Registry::ninh_thuan_2022(), &Profile::builtin("da-nang").unwrap(), &t, as_of(), "/team");
    let d = r.diagnostics.iter().find(|d| d.code == "team_too_small").unwrap();
    assert_eq!((d.params["min"].as_u64(), d.params["actual"].as_u64()), (Some(7), Some(3)));
    assert!(d.message.vi.contains('3') && d.message.vi.contains('7'));
}

#[test]
fn roles_one_person_may_hold_three() {
    let mut t = good_team();
    t["members"] = json!([
        {"name": "Nguyễn Văn An", "roles": ["village_head", "youth_union", "women_union"], "birth_date": "1998-04-02", "it_skills": true},
        member("Lê Văn Cường", &["enterprise_staff"]),
        member("Phạm Văn Dũng", &["other"])
    ]);
    assert_eq!(codes(&t), Vec::<String>::new());
    t["members"][2]["roles"] = json!(["other"]);
    t["members"][1]["roles"] = json!(["other"]);
    let found = check(&t);
    assert!(found.contains(&("TEAM-ROLES".into(), "role_missing".into(), Severity::Error)), "{found:?}");
}

#[test]
fn youth_on_the_30th_birthday() {
    let mut t = good_team();
    t["members"][0]["birth_date"] = json!("1992-12-31"); // 30 on the reference date: young
    t["members"][1]["birth_year"] = json!(1970);
    assert!(!codes(&t).contains(&"no_young_member".to_string()));
    t["members"][0]["birth_date"] = json!("1992-12-30"); // 30 and a day: still 30
    assert!(!codes(&t).contains(&"no_young_member".to_string()));
    t["members"][0]["birth_date"] = json!("1991-12-31"); // 31
    let found = check(&t);
    assert!(found.contains(&("TEAM-YOUTH".into(), "no_young_member".into(), Severity::Info)), "{found:?}");
    t["members"][0]["birth_date"] = json!("31/02/1999");
    assert!(codes(&t).contains(&"bad_birth_date".to_string()));
}

#[test]
fn the_same_person_twice() {
    let mut t = good_team();
    t["members"].as_array_mut().unwrap().push(json!({"name": "NGUYỄN VĂN  AN", "birth_date": "02/04/1998"}));
    assert!(codes(&t).contains(&"duplicate_person".to_string()));
    let mut t = good_team();
    t["members"].as_array_mut().unwrap().push(json!({"name": "Nguyễn Văn Bảy", "phone": "+84 912-345-678"}));
    assert!(codes(&t).contains(&"duplicate_phone".to_string()));
    let mut t = good_team();
    t["members"][2]["name"] = json!("  ");
    assert!(codes(&t).contains(&"empty_name".to_string()));
}

#[test]
fn decisions() {
    let mut t = good_team();
    t["decision"]["date"] = json!("2022-12-31"); // on the reference date: fine
    assert_eq!(codes(&t), Vec::<String>::new());
    t["decision"]["date"] = json!("2023-01-01");
    assert!(codes(&t).contains(&"decision_in_future".to_string()));
    t["decision"]["date"] = json!("2022-03-04");
    assert!(codes(&t).contains(&"decision_before_plan".to_string()));
    t["decision"]["date"] = json!("2022-03-05");
    assert!(!codes(&t).contains(&"decision_before_plan".to_string()));
    t["decision"] = Value::Null;
    assert!(codes(&t).contains(&"decision_missing".to_string()));
}

#[test]
fn group_names() {
    let mut t = good_team();
    t["zalo_group"] = json!("CNCD_Thon Phuoc Loi_Phuoc Ha_Thuan Nam");
    let found = check(&t);
    assert!(found.iter().all(|(r, _, s)| r == "NAME-ZALO" && *s != Severity::Error), "{found:?}");
    t["zalo_group"] = json!("CNCĐ_Thôn Phước Lợi_Nhị Hà_Thuận Nam");
    assert!(codes(&t).contains(&"group_of_other_unit".to_string()));
    t["zalo_group"] = json!("CNCĐ_Thôn Khác_Phước Hà_Thuận Nam");
    assert!(codes(&t).contains(&"group_of_other_village".to_string()));
    t["zalo_group"] = Value::Null;
    assert!(codes(&t).contains(&"group_missing".to_string()));
}

#[test]
fn roster_rules() {
    let mut a = good_team();
    a["level"] = json!("commune");
    a["zalo_group"] = json!("CNCĐ_Phước Hà_Thuận Nam");
    a["members"][0]["roles"] = json!(["commune_official"]);
    let mut b = a.clone();
    b["id"] = json!("T-002");
    let c = good_team();
    let mut d = good_team();
    d["id"] = json!("T-001");
    let mut e = good_team();
    e["commune"] = json!("99999");
    let roster: Roster = serde_json::from_value(json!({"teams": [a, b, c, d, e], "province": "Ninh Thuận"})).unwrap();
    let r = validate_roster(&Registry::ninh_thuan_2022(), &Profile::ninh_thuan_2022(), &roster, as_of());
    let count = |code: &str| r.diagnostics.iter().filter(|x| x.code == code).count();
    assert_eq!(count("no_commune_team"), 64);
    assert_eq!(count("several_commune_teams"), 1);
    // c and d share a village; e's village is in another (unknown) commune.
    assert_eq!(count("several_village_teams"), 1);
    // a, c, d and e are all "T-001".
    assert_eq!(count("duplicate_team_id"), 3);
    assert_eq!(count("unknown_commune"), 1);
    assert_eq!(r.counts.teams, 5);
    assert_eq!(r.counts.by_rule["ORG-COMMUNE"].error, 64 + 1);
    assert!(r.diagnostics.iter().any(|x| x.path == "/roster/teams/4/commune"));
    // The roster keeps what cncd does not know.
    assert_eq!(serde_json::to_value(&roster).unwrap()["province"], "Ninh Thuận");
}

#[test]
fn profiles_round_trip_and_name_bad_keys() {
    for name in cncd::profile::BUILTIN_PROFILES {
        let p = Profile::builtin(name).unwrap();
        assert_eq!(&Profile::from_json(&serde_json::to_string(&p).unwrap()).unwrap(), &p);
        assert_eq!(&Profile::from_toml(&p.to_toml().unwrap()).unwrap(), &p);
    }
    let mut toml = Profile::ninh_thuan_2022().to_toml().unwrap();
    toml = toml.replace("max_age", "max_agee");
    let e = Profile::from_toml(&toml).unwrap_err();
    assert!(e.message.contains("max_agee"), "{e}");
    let e = Profile::from_json(r#"{"name":"x","sourc":"y"}"#).unwrap_err();
    assert!(e.message.contains("sourc"), "{e}");
}

#[test]
fn the_operations() {
    let req = json!({"registry": "ninh-thuan-2022", "team": good_team(), "as_of": "2022-12-31"});
    let v: Value = serde_json::from_str(&call("teams.validate", &req.to_string())).unwrap();
    assert_eq!(v["ok"]["valid"], true, "{v}");
    let mut bad = good_team();
    bad["members"] = json!([member("A", &["other"]), member("B", &["other"])]);
    let req = json!({"registry": "ninh-thuan-2022", "team": bad, "as_of": "2022-12-31"});
    let v: Value = serde_json::from_str(&call("teams.validate", &req.to_string())).unwrap();
    assert_eq!(v["ok"]["valid"], false);
    assert!(v["ok"]["diagnostics"].as_array().unwrap().iter().any(|d| d["path"] == "/team/members" && d["rule"] == "TEAM-SIZE"));
    let req = json!({"registry": "ninh-thuan-2022", "roster": {"teams": [good_team()]}, "as_of": "2022-12-31"});
    let v: Value = serde_json::from_str(&call("roster.validate", &req.to_string())).unwrap();
    assert_eq!(v["ok"]["counts"]["by_rule"]["ORG-COMMUNE"]["error"], 65);
    let v: Value =
        serde_json::from_str(&call("teams.validate", r#"{"registry":"ninh-thuan-2022","team":{"level":"village"},"as_of":"31/12/2022"}"#))
            .unwrap();
    assert_eq!((v["error"]["code"].as_str(), v["error"]["path"].as_str()), (Some("bad_request"), Some("/as_of")));
    let v: Value =
        serde_json::from_str(&call("teams.validate", r#"{"registry":"ninh-thuan-2022","team":{"level":"city"},"as_of":"2022-12-31"}"#))
            .unwrap();
    assert_eq!(v["error"]["path"], "/team/level");
    let v: Value = serde_json::from_str(&call("profile.get", r#"{"name":"quang-tri"}"#)).unwrap();
    assert_eq!(v["ok"]["profile"]["teams"]["village"]["size"], json!({"min": 5, "max": 8}));
}

#[test]
fn a_huge_team_stays_linear() {
    // 20,000 members born the same year, with one real duplicate at the end: a list
    // scanned per member would take seconds; the maps take milliseconds.
    let mut members: Vec<Value> =
        (0..20_000).map(|i| json!({"name": format!("Người {i}"), "birth_year": 1990, "phone": format!("09{i:08}")})).collect();
    members.push(json!({"name": "Người 7", "birth_year": 1990}));
    let mut t = good_team();
    t["members"] = Value::Array(members);
    let started = std::time::Instant::now();
    let found = codes(&t);
    assert!(found.contains(&"duplicate_person".to_string()));
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}

mod joining {
    use super::*;
    use cncd::teams::validate_joining;
    use proptest::prelude::*;

    const ORG_CODES: [&str; 4] = ["several_commune_teams", "several_village_teams", "several_school_teams", "duplicate_team_id"];

    fn team(id: u8, level: u8, commune: u8, unit: u8) -> Team {
        let communes = ["22885", "22900", "22910"];
        let units = ["Thôn Phước Lợi", "thôn  phước lợi", "Thôn Từ Thiện", "Trường THCS Phước Hà"];
        let (level, village, school) = match level % 3 {
            0 => ("commune", None, None),
            1 => ("village", Some(units[usize::from(unit % 3)]), None),
            _ => ("school", None, Some(units[usize::from(unit % 4)])),
        };
        serde_json::from_value(json!({"id": format!("T{}", id % 6), "level": level, "commune": communes[usize::from(commune % 3)],
                                      "village": village, "school": school, "members": []}))
        .unwrap()
    }

    proptest! {
        /// What `validate_joining` says of a newcomer is what `validate_roster` says of the
        /// same team at the end of the roster: a service that checks each team as it is
        /// stored keeps the same roster rules as an audit of the whole roster.
        #[test]
        fn joining_agrees_with_the_whole_roster(teams in proptest::collection::vec((any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>()), 0..8),
                                                 new in (any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>())) {
            let reg = Registry::ninh_thuan_2022();
            let profile = Profile::ninh_thuan_2022();
            // A stored roster that already keeps the rules: each team joined it in turn.
            let mut stored = Roster::default();
            for &(id, level, commune, unit) in &teams {
                let t = team(id, level, commune, unit);
                let r = validate_joining(&reg, &profile, &stored, &t, as_of(), "");
                if !r.diagnostics.iter().any(|d| ORG_CODES.contains(&&*d.code)) {
                    stored.teams.push(t);
                }
            }
            let newcomer = team(new.0, new.1, new.2, new.3);
            let joining = validate_joining(&reg, &profile, &stored, &newcomer, as_of(), "");
            let mut joined: Vec<&str> = joining.diagnostics.iter().map(|d| &*d.code).filter(|c| ORG_CODES.contains(c)).collect();
            joined.sort();
            joined.dedup();

            let mut whole = stored.clone();
            whole.teams.push(newcomer);
            let last = format!("/roster/teams/{}", whole.teams.len() - 1);
            let audit = validate_roster(&reg, &profile, &whole, as_of());
            let mut audited: Vec<&str> = audit.diagnostics.iter()
                .filter(|d| d.path == last || d.path.starts_with(&format!("{last}/")))
                .map(|d| &*d.code).filter(|c| ORG_CODES.contains(c)).collect();
            audited.sort();
            audited.dedup();
            prop_assert_eq!(joined, audited);
        }
    }
}
