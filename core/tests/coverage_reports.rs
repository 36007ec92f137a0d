//! Coverage, activities, training, targets and the reporting chain over the real
//! Ninh Thuận 2022 units (and Khánh Hòa 2025), with made-up teams.

use cncd::activities::{summarize, ActivityRecord};
use cncd::api::call;
use cncd::coverage::compute;
use cncd::profile::Profile;
use cncd::reports::{chain, drafts, schedule, status, PartyKind, State, Submission};
use cncd::teams::{validate_roster, Roster, Team};
use cncd::units::{Level, Registry};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Phước Hà (Thuận Nam), Cà Ná (Thuận Nam) and Đô Vinh (Phan Rang-Tháp Chàm) have no
/// commune team; every other commune of the province has one, and a few villages too.
const WITHOUT_TEAM: [&str; 3] = ["22738", "22885", "22910"];

fn synthetic_roster(reg: &Registry) -> Roster {
    let mut teams = Vec::new();
    for &c in &reg.descendants_at(reg.provinces()[0], Level::Commune) {
        let code = reg.unit(c).code();
        if WITHOUT_TEAM.contains(&code) {
            continue;
        }
        teams.push(team_with_id(&format!("X-{code}"), "commune", code, None));
    }
    // Village teams in Phước Hà: a commune without a commune team may still have them.
    for v in ["Thôn Giá", "Thôn Tà Dương"] {
        teams.push(team_with_id(&format!("V-{v}"), "village", "22885", Some(v)));
    }
    Roster { teams, ..Roster::default() }
}

#[test]
fn coverage_finds_exactly_the_communes_without_a_team() {
    let reg = Registry::ninh_thuan_2022();
    let profile = Profile::ninh_thuan_2022();
    let roster = synthetic_roster(&reg);
    let cov = compute(&reg, &profile, &roster, &[]);
    let mut missing = cov.provinces[0].communes.missing.clone();
    missing.sort();
    assert_eq!(missing, WITHOUT_TEAM);
    assert_eq!((cov.provinces[0].communes.covered, cov.provinces[0].communes.total), (62, 65));
    assert_eq!(cov.provinces[0].communes.percent, Some(95.4));
    assert_eq!(cov.provinces[0].communes.meets_target, Some(false));
    // Per district: Thuận Nam misses two, Phan Rang-Tháp Chàm one, the rest none.
    let short: Vec<(&str, usize)> = cov
        .districts
        .iter()
        .filter(|d| d.communes.meets_target == Some(false))
        .map(|d| (d.full_name.as_str(), d.communes.missing.len()))
        .collect();
    assert_eq!(short, [("Thành phố Phan Rang-Tháp Chàm", 1), ("Huyện Thuận Nam", 2)]);
    // One warning per district below target, naming what is missing.
    let warned: Vec<&str> =
        cov.diagnostics.iter().filter(|d| d.code == "communes_below_target").map(|d| d.params["unit"].as_str().unwrap()).collect();
    assert_eq!(warned, ["582", "589"]);
    // The villages are reported, with no target.
    let phuoc_ha = cov.unit(Level::Commune, "22885").unwrap();
    assert_eq!((phuoc_ha.villages.covered, phuoc_ha.villages.meets_target), (2, None));
    // The roster's ORG-COMMUNE agrees with coverage.
    let report = validate_roster(&reg, &profile, &roster, chrono::NaiveDate::from_ymd_opt(2022, 12, 31).unwrap());
    let mut no_team: Vec<&str> =
        report.diagnostics.iter().filter(|d| d.code == "no_commune_team").map(|d| d.params["commune"].as_str().unwrap()).collect();
    no_team.sort();
    assert_eq!(no_team, WITHOUT_TEAM);
}

#[test]
fn schools_and_ocop_are_measured_against_the_profile_targets() {
    let out: Value = serde_json::from_str(&call(
        "coverage.compute",
        &json!({
            "registry": "ninh-thuan-2022",
            "roster": {"teams": [
                {"level": "commune", "commune": "22885", "members": []},
                {"level": "school", "commune": "22885", "school": "Trường THCS Phước Hà", "members": []}]},
            "schools": [
                {"code": "S1", "commune": "22885", "name": "Trường THCS Phước Hà"},
                {"code": "S2", "commune": "22885", "name": "Trường Tiểu học Phước Hà"}],
            "ocop": [
                {"id": "NT-01", "name": "Nho Ba Mọi", "commune": "22885", "platforms": ["postmart.vn"]},
                {"id": "NT-02", "name": "Mật ong Phước Hà", "commune": "22885", "platforms": []},
                {"id": "NT-03", "name": "Muối", "commune": "99999"}]
        })
        .to_string(),
    ))
    .unwrap();
    let c = &out["ok"]["communes"].as_array().unwrap().iter().find(|c| c["code"] == "22885").unwrap().clone();
    assert_eq!(c["schools"]["covered"], 1);
    assert_eq!(c["schools"]["missing"], json!(["S2"]));
    assert_eq!(c["ocop"]["missing"], json!(["NT-02"]));
    assert_eq!(c["ocop"]["percent"], 50.0);
    let codes: Vec<&str> = out["ok"]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(
        codes.contains(&"ocop_unknown_commune") && codes.contains(&"schools_below_target") && codes.contains(&"ocop_below_target"),
        "{codes:?}"
    );
    // A province that sets a 50 % OCOP target is content with one of two.
    let mut p = Profile::ninh_thuan_2022();
    p.targets.ocop_percent = 50;
    let reg = Registry::ninh_thuan_2022();
    let roster: Roster = serde_json::from_value(json!({"teams": [{"level": "commune", "commune": "22885", "members": []}]})).unwrap();
    let ocop: Vec<cncd::coverage::OcopProduct> =
        serde_json::from_value(json!([{"name": "A", "commune": "22885", "platforms": ["x"]}, {"name": "B", "commune": "22885"}])).unwrap();
    assert_eq!(compute(&reg, &p, &roster, &ocop).provinces[0].ocop.meets_target, Some(true));
}

fn district_submissions(skip: &str, late: &str) -> Vec<Submission> {
    ["582", "584", "585", "586", "587", "588", "589"]
        .iter()
        .filter(|&&d| d != skip)
        .map(|&d| Submission {
            rule: "REPORT-DISTRICT-MONTHLY".into(),
            from: d.into(),
            month: "2022-07".parse().unwrap(),
            date: if d == late { "2022-08-03".into() } else { "2022-07-29".into() },
            extra: Default::default(),
        })
        .collect()
}

#[test]
fn one_late_and_one_missing_district_report_are_both_shown() {
    let reg = Registry::ninh_thuan_2022();
    let profile = Profile::ninh_thuan_2022();
    let due = schedule(&reg, &profile, &Roster::default(), "2022-07".parse().unwrap());
    let mut got = district_submissions("584", "589"); // Bác Ái missing, Thuận Nam late
    got.push(Submission {
        rule: "REPORT-PROVINCE".into(),
        from: "58".into(),
        month: "2022-07".parse().unwrap(),
        date: "2022-07-31".into(),
        extra: Default::default(),
    });
    let s = status(due.clone(), &got, chrono::NaiveDate::from_ymd_opt(2022, 8, 10).unwrap());
    assert_eq!((s.counts.on_time, s.counts.late, s.counts.missing, s.counts.pending), (6, 1, 1, 0));
    let late: Vec<_> = s.items.iter().filter(|i| i.state == State::Late).collect();
    assert_eq!((late[0].obligation.from.name.as_str(), late[0].days_late), ("Ủy ban nhân dân huyện Thuận Nam", Some(3)));
    let missing: Vec<_> = s.items.iter().filter(|i| i.state == State::Missing).collect();
    assert_eq!((missing[0].obligation.from.name.as_str(), missing[0].days_late), ("Ủy ban nhân dân huyện Bác Ái", Some(10)));
    let findings: Vec<(&str, &str, &str)> = s.diagnostics.iter().map(|d| (&*d.rule, &*d.code, d.severity.as_str())).collect();
    // In the schedule's order: Bác Ái (584) before Thuận Nam (589).
    assert_eq!(findings, [("REPORT-DISTRICT-MONTHLY", "report_missing", "error"), ("REPORT-DISTRICT-MONTHLY", "report_late", "warning")]);
    assert!(s.diagnostics[0].message.vi.contains("Bác Ái") && s.diagnostics[0].message.en.contains("Bác Ái"));
    // Before the deadline, nothing is missing yet.
    let early = status(due.clone(), &[], chrono::NaiveDate::from_ymd_opt(2022, 7, 31).unwrap());
    assert_eq!(early.counts.pending, due.len());
}

#[test]
fn deadlines_follow_the_profile() {
    let reg = Registry::ninh_thuan_2022();
    let mut p = Profile::ninh_thuan_2022();
    p.reporting.monthly_deadline_day = 5;
    p.reporting.province_deadline_day = 10;
    let due = schedule(&reg, &p, &Roster::default(), "2022-12".parse().unwrap());
    assert_eq!(due[0].due.to_string(), "2023-01-05");
    assert_eq!(due.last().unwrap().due.to_string(), "2023-01-10");
    // The late report of the other test is on time under this profile.
    let s = status(
        due,
        &district_submissions("", "589")
            .into_iter()
            .map(|mut s| {
                s.month = "2022-12".parse().unwrap();
                s
            })
            .collect::<Vec<_>>(),
        chrono::NaiveDate::from_ymd_opt(2023, 1, 6).unwrap(),
    );
    assert_eq!((s.counts.on_time, s.counts.late, s.counts.pending), (7, 0, 1));
}

fn team(level: &str, commune: &str, village: Option<&str>) -> Team {
    serde_json::from_value(json!({"level": level, "commune": commune, "village": village, "members": []})).unwrap()
}

fn team_with_id(id: &str, level: &str, commune: &str, village: Option<&str>) -> Team {
    Team { id: Some(id.into()), ..team(level, commune, village) }
}

#[test]
fn chain_of_command_in_the_three_tier_tree_matches_the_plan() {
    // II.5.b: commune teams follow the district committee; II.5.c: village teams the
    // commune and district committees; II.5.d: Sở TT&TT guides the district committees.
    let reg = Registry::ninh_thuan_2022();
    let p = Profile::ninh_thuan_2022();
    let phuoc_ha = reg.find(Level::Commune, "22885").unwrap();
    let names = |t: &Team| chain(&reg, &p, t, phuoc_ha).unwrap().supervisors.into_iter().map(|s| s.name).collect::<Vec<_>>();
    assert_eq!(names(&team("commune", "22885", None)), ["Ủy ban nhân dân huyện Thuận Nam"]);
    assert_eq!(names(&team("village", "22885", Some("Thôn Giá"))), ["Ủy ban nhân dân xã Phước Hà", "Ủy ban nhân dân huyện Thuận Nam"]);
    let c = chain(&reg, &p, &team("village", "22885", Some("Thôn Giá")), phuoc_ha).unwrap();
    assert_eq!(c.reporter.name, "Ủy ban nhân dân huyện Thuận Nam");
    assert_eq!((c.department.kind, c.department.name.as_str()), (PartyKind::Department, "Sở Thông tin và Truyền thông tỉnh Ninh Thuận"));
    assert_eq!(c.board.name, "Ban Điều hành chuyển đổi số tỉnh Ninh Thuận");
    // III.3.a: school teams are directed by the education department.
    assert_eq!(names(&team("school", "22885", None)), ["Sở Giáo dục và Đào tạo tỉnh Ninh Thuận"]);
}

#[test]
fn chain_of_command_in_the_two_tier_tree_goes_straight_to_the_province() {
    let reg = Registry::vietnam_2025();
    let p = Profile::two_tier_2025();
    let phuoc_ha = reg.find(Level::Commune, "22900").unwrap();
    let c = chain(&reg, &p, &team("village", "22900", Some("Thôn Giá")), phuoc_ha).unwrap();
    assert_eq!(c.supervisors.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Ủy ban nhân dân xã Phước Hà"]);
    assert_eq!(c.reporter.name, "Ủy ban nhân dân xã Phước Hà");
    assert_eq!(c.department.name, "Sở Khoa học và Công nghệ tỉnh Khánh Hòa");
    let c = chain(&reg, &p, &team("commune", "22900", None), phuoc_ha).unwrap();
    assert_eq!(c.supervisors[0].name, "Ủy ban nhân dân xã Phước Hà");
    // The monthly reports come from the communes of the province, to Sở KH&CN.
    let roster: Roster =
        serde_json::from_value(json!({"teams": [{"id": "PH", "level": "commune", "commune": "22900", "members": []}]})).unwrap();
    let due = schedule(&reg, &p, &roster, "2025-09".parse().unwrap());
    assert_eq!(due[0].id, "REPORT-TEAM/2025-09/PH");
    let monthly: Vec<_> = due.iter().filter(|o| o.rule == "REPORT-DISTRICT-MONTHLY").collect();
    let khanh_hoa = reg.descendants_at(reg.ancestor_at(phuoc_ha, Level::Province).unwrap(), Level::Commune).len();
    assert_eq!(monthly.len(), khanh_hoa);
    assert!(monthly.iter().all(|o| o.from.kind == PartyKind::Committee && o.to.name == "Sở Khoa học và Công nghệ tỉnh Khánh Hòa"));
}

#[test]
fn team_reports_go_to_the_first_supervisor_of_the_chain() {
    // `schedule` works out each commune's recipient without building the whole chain:
    // the two must agree for every commune and level of both trees, and a team whose
    // commune is unknown is owed nothing.
    for (reg, p) in [(Registry::ninh_thuan_2022(), Profile::ninh_thuan_2022()), (Registry::vietnam_2025(), Profile::two_tier_2025())] {
        let communes: Vec<_> = reg.units().filter(|(_, u)| u.level() == Level::Commune).map(|(_, u)| u.code().to_string()).collect();
        let mut teams = Vec::new();
        for code in &communes {
            for (level, village) in [("commune", None), ("village", Some("Thôn 1")), ("school", None)] {
                teams.push(team_with_id(&format!("{code}-{level}"), level, code, village));
            }
        }
        teams.push(team_with_id("nowhere", "commune", "99999", None));
        let roster = Roster { teams, ..Roster::default() };
        let due = schedule(&reg, &p, &roster, "2025-09".parse().unwrap());
        let owed: Vec<_> = due.iter().filter(|o| o.rule == "REPORT-TEAM").collect();
        assert_eq!(owed.len(), communes.len() * 3, "{}", reg.name());
        for (o, t) in owed.iter().zip(&roster.teams) {
            let c = reg.find(Level::Commune, t.commune.as_deref().unwrap()).unwrap();
            assert_eq!(o.from.code, t.id.clone().unwrap());
            assert_eq!(o.to, chain(&reg, &p, t, c).unwrap().supervisors[0], "{:?}", t.id);
        }
    }
}

#[test]
fn a_draft_district_report_fills_itself_from_the_records_and_coverage() {
    let reg = Registry::ninh_thuan_2022();
    let p = Profile::ninh_thuan_2022();
    let roster = synthetic_roster(&reg);
    let records: Vec<ActivityRecord> = serde_json::from_value(json!([
        {"team": "X-22897", "date": "2022-07-02", "activity": "gov.online_public_services", "people_reached": 120},
        {"team": "X-22897", "date": "2022-07-09", "activity": "econ.digital_stores_farm", "digital_stores": 4},
        {"team": "V-Thôn Giá", "date": "2022-07-15", "activity": "econ.ecommerce_campaign", "payment_accounts": 17},
        {"team": "X-22738", "date": "2022-07-15", "activity": "gov.apps"},
        {"team": "X-22897", "date": "2022-07-20", "activity": "soc.dancing"}
    ]))
    .unwrap();
    let month = "2022-07".parse().unwrap();
    let act = summarize(&reg, &p, &roster, &records, month);
    // An unknown team and an unknown activity are reported, not counted.
    assert_eq!(
        act.diagnostics.iter().map(|d| (&*d.code, d.path.as_str())).collect::<Vec<_>>(),
        [("activity_unknown_team", "/activities/3/team"), ("activity_unknown", "/activities/4/activity")]
    );
    let d = drafts(&reg, &p, &roster, &compute(&reg, &p, &roster, &[]), &act, month);
    assert_eq!(d.len(), 7);
    let tn = d.iter().find(|d| d.obligation.from.code == "589").unwrap();
    assert_eq!(tn.obligation.to.name, "Sở Thông tin và Truyền thông tỉnh Ninh Thuận");
    assert_eq!((tn.activity.total.records, tn.activity.total.people_reached, tn.activity.total.payment_accounts), (3, 120, 17));
    assert_eq!(tn.activity.pillars.digital_economy.records, 2);
    assert_eq!((tn.coverage.communes.covered, tn.coverage.communes.total), (6, 8));
    // 6 commune teams and 2 village teams in Thuận Nam; Phước Nam's and Thôn Giá's were active.
    assert_eq!((tn.activity.teams, tn.activity.active_teams, tn.inactive_teams.len()), (8, 2, 6));
}

#[test]
fn operations_answer_through_the_contract() {
    let ok = |op: &str, req: Value| -> Value {
        let v: Value = serde_json::from_str(&call(op, &req.to_string())).unwrap();
        assert!(v.get("ok").is_some(), "{op}: {v}");
        v["ok"].clone()
    };
    let s = ok("reports.schedule", json!({"registry": "ninh-thuan-2022", "month": "2022-07"}));
    assert_eq!(s["obligations"].as_array().unwrap().len(), 8);
    let st = ok(
        "reports.status",
        json!({"registry": "ninh-thuan-2022", "month": "2022-07", "today": "2022-08-01",
        "submitted": [{"rule": "REPORT-DISTRICT-MONTHLY", "from": "589", "month": "2022-07", "date": "2022-07-30"}]}),
    );
    assert_eq!(st["counts"], json!({"on_time": 1, "late": 0, "missing": 7, "pending": 0}));
    let c = ok("reports.chain", json!({"registry": "ninh-thuan-2022", "team": {"level": "commune", "commune": "22885", "members": []}}));
    assert_eq!(c["supervisors"][0]["name"], "Ủy ban nhân dân huyện Thuận Nam");
    let t = ok(
        "training.check",
        json!({"roster": {"teams": [{"id": "A", "level": "commune", "members": []}]}, "training": [], "as_of": "2022-12-31"}),
    );
    assert_eq!(t["diagnostics"][0]["rule"], "TRAIN");
    let g = ok(
        "targets.progress",
        json!({"registry": "ninh-thuan-2022", "roster": {"teams": [{"id": "A", "level": "commune", "commune": "22885", "members": []}]},
        "activities": [{"team": "A", "date": "2022-07-01", "activity": "gov.apps", "apps_installed": 30}],
        "targets": [{"team": "A", "counter": "apps_installed", "value": 30, "from": "2022-07-01", "to": "2022-07-31"}], "as_of": "2022-08-01"}),
    );
    assert_eq!(g["items"][0]["met"], true);
    let a = ok(
        "activities.summarize",
        json!({"registry": "ninh-thuan-2022", "roster": {"teams": [{"id": "A", "level": "commune", "commune": "22885", "members": []}]},
        "activities": [{"team": "A", "date": "2022-07-01", "activity": "gov.apps", "apps_installed": 30, "note": "kept"}], "month": "2022-07"}),
    );
    assert_eq!(a["provinces"][0]["activities"]["gov.apps"]["apps_installed"], 30);
    let d = ok(
        "reports.draft",
        json!({"registry": "ninh-thuan-2022", "roster": {"teams": [{"id": "A", "level": "commune", "commune": "22885", "members": []}]}, "month": "2022-07", "unit": "589"}),
    );
    assert_eq!(d["reports"].as_array().unwrap().len(), 1);
    // Errors point at the field.
    let e: Value = serde_json::from_str(&call("reports.schedule", r#"{"registry": "ninh-thuan-2022", "month": "2022-13"}"#)).unwrap();
    assert_eq!((e["error"]["code"].as_str(), e["error"]["path"].as_str()), (Some("bad_request"), Some("/month")));
    let e: Value =
        serde_json::from_str(&call("reports.status", r#"{"registry": "ninh-thuan-2022", "month": "2022-07", "today": "10/08/2022"}"#))
            .unwrap();
    assert_eq!(e["error"]["path"], "/today");
    let e: Value = serde_json::from_str(&call(
        "reports.chain",
        r#"{"registry": "ninh-thuan-2022", "team": {"level": "commune", "commune": "00000", "members": []}}"#,
    ))
    .unwrap();
    assert_eq!(e["error"]["path"], "/team/commune");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Whatever subset of communes has a team: covered + missing = total at every level,
    /// the districts add up to the province, and every missing commune has no team.
    #[test]
    fn coverage_adds_up(mask in proptest::collection::vec(any::<bool>(), 65)) {
        let reg = Registry::ninh_thuan_2022();
        let communes = reg.descendants_at(reg.provinces()[0], Level::Commune);
        let teams: Vec<Team> = communes.iter().zip(&mask).filter(|(_, &m)| m)
            .map(|(&c, _)| team("commune", reg.unit(c).code(), None)).collect();
        prop_assume!(!teams.is_empty());
        let cov = compute(&reg, &Profile::ninh_thuan_2022(), &Roster { teams, ..Roster::default() }, &[]);
        for u in cov.provinces.iter().chain(&cov.districts).chain(&cov.communes) {
            prop_assert_eq!(u.communes.covered + u.communes.missing.len(), u.communes.total);
        }
        let p = &cov.provinces[0].communes;
        prop_assert_eq!(cov.districts.iter().map(|d| d.communes.covered).sum::<usize>(), p.covered);
        prop_assert_eq!(p.covered, mask.iter().filter(|&&m| m).count());
        for code in &p.missing {
            let i = communes.iter().position(|&c| reg.unit(c).code() == code).unwrap();
            prop_assert!(!mask[i]);
        }
    }
}

#[test]
fn sums_past_u32_are_exact() {
    // The summary counts in u32 and counts again in u64 when a sum would overflow.
    let reg = Registry::ninh_thuan_2022();
    let roster: Roster =
        serde_json::from_value(json!({"teams": [{"id": "A", "level": "commune", "commune": "22885", "members": []}]})).unwrap();
    let big = u64::from(u32::MAX) - 1;
    let records: Vec<ActivityRecord> = serde_json::from_value(json!([
        {"team": "A", "date": "2022-07-01", "activity": "gov.apps", "people_reached": big},
        {"team": "A", "date": "2022-07-02", "activity": "gov.apps", "people_reached": 5},
        {"team": "A", "date": "2022-07-03", "activity": "gov.apps", "people_reached": u64::MAX},
        {"team": "B", "date": "2022-07-03", "activity": "gov.apps"}
    ]))
    .unwrap();
    let s = summarize(&reg, &Profile::ninh_thuan_2022(), &roster, &records[..2], "2022-07".parse().unwrap());
    assert_eq!(s.teams[0].total.people_reached, big + 5);
    assert_eq!(s.unit(Level::District, "589").unwrap().activities["gov.apps"].people_reached, big + 5);
    // Past u64 it saturates; the unknown team is reported once, not once per pass.
    let s = summarize(&reg, &Profile::ninh_thuan_2022(), &roster, &records, "2022-07".parse().unwrap());
    assert_eq!((s.teams[0].total.people_reached, s.teams[0].total.records), (u64::MAX, 3));
    assert_eq!(s.diagnostics.len(), 1);
}

#[test]
fn records_find_their_team_whatever_the_length_of_its_id() {
    // The summary finds each record's team in a hash map of ids: ids short and long,
    // either side of 24 bytes (the size of an inline key, should the map ever hold its
    // keys itself), ids that differ only at the end, one not ASCII, an id used twice (the
    // first team keeps it), and a near miss with a trailing space (an unknown team).
    let reg = Registry::ninh_thuan_2022();
    let ids = [
        "",
        "A",
        "NT-PH-2022-001",
        "12345678901234567890123",     // 23 bytes
        "123456789012345678901234",    // 24
        "1234567890123456789012345-x", // long, differs only at the end
        "1234567890123456789012345-y",
        "Tổ CNSCĐ thôn Phước Lợi, xã Phước Hà", // long, not ASCII
        "NT-PH-2022-001",                       // again: the first team keeps the id
    ];
    let teams: Vec<Team> = ids.iter().map(|id| team_with_id(id, "commune", "22885", None)).collect();
    let roster = Roster { teams, ..Default::default() };
    let records: Vec<ActivityRecord> = ids[..8]
        .iter()
        .enumerate()
        .flat_map(|(i, id)| {
            (0..=i).map(move |_| serde_json::from_value(json!({"team": id, "date": "2022-07-05", "activity": "gov.apps"})).unwrap())
        })
        .chain([serde_json::from_value(json!({"team": "12345678901234567890123 ", "date": "2022-07-05", "activity": "gov.apps"})).unwrap()])
        .collect();
    let s = summarize(&reg, &Profile::ninh_thuan_2022(), &roster, &records, "2022-07".parse().unwrap());
    let counts: Vec<u64> = s.teams.iter().map(|t| t.total.records).collect();
    assert_eq!(counts, [1, 2, 3, 4, 5, 6, 7, 8, 0]);
    assert_eq!(s.diagnostics.len(), 1, "{:?}", s.diagnostics);
    assert_eq!(s.diagnostics[0].path, format!("/activities/{}/team", records.len() - 1));
}
