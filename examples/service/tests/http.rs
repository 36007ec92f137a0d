//! The real service, started as a process on a free port of 127.0.0.1 with a real
//! database file, spoken to over HTTP.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A running `cncd-service`; killed when dropped.
struct Service {
    child: Child,
    base: String,
}

impl Service {
    fn start(db: &Path) -> Service {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cncd-service"))
            .args(["--listen", "127.0.0.1:0", "--as-of", "2022-12-31", "--db"])
            .arg(db)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the service starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let addr =
            line.split("http://").nth(1).and_then(|s| s.split_whitespace().next()).unwrap_or_else(|| panic!("no address in {line:?}"));
        Service { child, base: format!("http://{addr}") }
    }

    /// SIGKILL: no shutdown code runs.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

fn get(s: &Service, path: &str) -> (u16, Value) {
    let mut r = agent().get(format!("{}{path}", s.base)).call().unwrap();
    (r.status().as_u16(), r.body_mut().read_json().unwrap_or(Value::Null))
}

fn send(s: &Service, method: &str, path: &str, body: &str) -> (u16, Value) {
    let url = format!("{}{path}", s.base);
    let a = agent();
    let mut r = match method {
        "POST" => a.post(url).content_type("application/json").send(body),
        "PUT" => a.put(url).content_type("application/json").send(body),
        _ => a.delete(url).call(),
    }
    .unwrap();
    (r.status().as_u16(), r.body_mut().read_json().unwrap_or(Value::Null))
}

fn post(s: &Service, path: &str, body: &Value) -> (u16, Value) {
    send(s, "POST", path, &body.to_string())
}

fn db_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("teams.sqlite");
    (dir, path)
}

/// Members covering every role of a village team, one of them young and skilled.
fn members() -> Value {
    json!([
        {"name": "Nguyễn Văn An", "roles": ["village_head", "youth_union"], "birth_date": "1998-04-02", "it_skills": true},
        {"name": "Trần Thị Bình", "roles": ["women_union"], "birth_year": 1985},
        {"name": "Lê Văn Cường", "roles": ["enterprise_staff"], "phone": "0912 345 678"}
    ])
}

fn village_team(commune: &str, village: &str) -> Value {
    json!({"level": "village", "commune": commune, "village": village, "members": members(),
           "decision": {"number": "12/QĐ-UBND", "date": "2022-06-01", "signer": "Chủ tịch UBND xã"}})
}

fn commune_team(id: &str) -> Value {
    json!({"id": id, "level": "commune", "commune": "22885", "zalo_group": "CNCĐ_Phước Hà_Thuận Nam",
           "decision": {"number": "5/QĐ-UBND", "date": "2022-05-20", "signer": "Chủ tịch UBND xã Phước Hà"},
           "members": [{"name": "Lê Văn Cường", "roles": ["commune_official", "youth_union"], "birth_date": "1995-03-01", "it_skills": true},
                       {"name": "Phạm Thị Dung", "roles": ["women_union"]},
                       {"name": "Đặng Văn Em", "roles": ["enterprise_staff"], "organisation": "VNPT Ninh Thuận"}]})
}

fn rules(reply: &Value) -> Vec<(String, String)> {
    let mut r: Vec<(String, String)> = reply["error"]["diagnostics"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| (d["rule"].as_str().unwrap().to_string(), d["code"].as_str().unwrap().to_string()))
        .collect();
    r.sort();
    r
}

#[test]
fn a_valid_team_is_stored_with_its_warnings_and_every_field() {
    let (_dir, db) = db_file();
    let s = Service::start(&db);
    let mut team = village_team("22885", "Thôn Phước Lợi");
    team["crm_id"] = json!(42); // a field cncd does not know
    let (status, reply) = post(&s, "/teams", &team);
    assert_eq!(status, 201, "{reply}");
    let id = reply["team"]["id"].as_str().unwrap().to_string();
    assert_eq!(id, "T-1");
    // No group name: a warning, stored with the team.
    let warnings: Vec<&str> = reply["warnings"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(warnings, ["group_missing"]);

    let (status, stored) = get(&s, &format!("/teams/{id}"));
    assert_eq!(status, 200);
    assert_eq!(stored["team"]["crm_id"], 42);
    assert_eq!(stored["team"]["members"], members());
    assert_eq!(stored["warnings"][0]["rule"], "NAME-ZALO");

    // An update that names the group clears the warning and keeps the creation time.
    team["zalo_group"] = json!("CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam");
    let (status, updated) = send(&s, "PUT", &format!("/teams/{id}"), &team.to_string());
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["warnings"], json!([]));
    assert_eq!(updated["created_at"], stored["created_at"]);
    assert_eq!(get(&s, "/teams?commune=22885").1["count"], 1);
    assert_eq!(get(&s, "/teams?commune=22900").1["count"], 0);
}

#[test]
fn an_invalid_team_is_refused_with_the_rules_it_breaks() {
    let (_dir, db) = db_file();
    let s = Service::start(&db);
    let small = json!({"level": "village", "commune": "22885", "village": "Thôn Từ Thiện",
                       "members": [{"name": "Nguyễn Văn An", "roles": ["village_head"]}, {"name": "Nguyễn Văn An", "roles": ["youth_union"]}]});
    let (status, reply) = post(&s, "/teams", &small);
    assert_eq!(status, 422, "{reply}");
    assert_eq!(reply["error"]["code"], "rule_violation");
    assert_eq!(
        rules(&reply),
        [
            ("ORG-DECISION".into(), "decision_missing".into()),
            ("TEAM-ROLES".into(), "role_missing".into()),
            ("TEAM-ROLES".into(), "role_missing".into()),
            ("TEAM-SIZE".into(), "team_too_small".into()),
        ]
    );
    assert!(reply["error"]["message"]["vi"].as_str().unwrap().contains("không được lưu"));

    let unknown = village_team("99999", "Thôn Phước Lợi");
    let (status, reply) = post(&s, "/teams", &unknown);
    assert_eq!((status, rules(&reply)), (422, vec![("ORG-VILLAGE".into(), "unknown_commune".into())]));

    // One commune team per commune, one team per village, however the village is typed.
    assert_eq!(post(&s, "/teams", &commune_team("PH")).0, 201);
    let (status, reply) = post(&s, "/teams", &commune_team("PH-2"));
    assert_eq!((status, rules(&reply)), (422, vec![("ORG-COMMUNE".into(), "several_commune_teams".into())]));
    assert_eq!(reply["error"]["diagnostics"][0]["params"]["existing"], "PH");
    let (status, reply) = post(&s, "/teams", &commune_team("PH"));
    assert_eq!(status, 422);
    assert!(rules(&reply).contains(&("ORG-COMMUNE".into(), "duplicate_team_id".into())));
    assert_eq!(post(&s, "/teams", &village_team("22885", "Thôn Phước Lợi")).0, 201);
    let (status, reply) = post(&s, "/teams", &village_team("22885", "thôn  phước lợi"));
    assert_eq!((status, rules(&reply)), (422, vec![("ORG-VILLAGE".into(), "several_village_teams".into())]));
    // The same village name in another commune is another village.
    assert_eq!(post(&s, "/teams", &village_team("22900", "Thôn Phước Lợi")).0, 201);

    // Bodies that are not a team: the contract's errors, with a path.
    let (status, reply) = send(&s, "POST", "/teams", "{\"level\": ");
    assert_eq!((status, reply["error"]["code"].as_str()), (400, Some("bad_json")));
    let mut wrong_role = village_team("22885", "Thôn Quán Thẻ");
    wrong_role["members"][1]["roles"] = json!(["mayor"]);
    let (status, reply) = post(&s, "/teams", &wrong_role);
    assert_eq!((status, reply["error"]["path"].as_str()), (400, Some("/members/1/roles/0")));
    let (status, reply) = send(&s, "PUT", "/teams/PH", &json!({"id": "XX", "level": "commune"}).to_string());
    assert_eq!((status, reply["error"]["path"].as_str()), (400, Some("/id")));
    assert_eq!(send(&s, "PUT", "/teams/nobody", &village_team("22885", "Thôn Quán Thẻ").to_string()).0, 404);
    assert_eq!(get(&s, "/teams/nobody").0, 404);

    // Nothing refused was stored.
    assert_eq!(get(&s, "/teams").1["count"], 3);
}

#[test]
fn a_restart_keeps_the_data() {
    let (_dir, db) = db_file();
    let s = Service::start(&db);
    let units = get(&s, "/units").1["units"].as_array().unwrap().len();
    assert_eq!(units, 1 + 7 + 65, "Ninh Thuận 2022: one province, seven districts, 65 communes");
    assert_eq!(post(&s, "/teams", &commune_team("PH")).0, 201);
    assert_eq!(post(&s, "/teams", &village_team("22885", "Thôn Phước Lợi")).0, 201);
    drop(s);

    let s = Service::start(&db);
    let teams = get(&s, "/teams").1;
    assert_eq!(teams["count"], 2);
    assert_eq!(teams["teams"][0]["team"]["id"], "PH");
    // Seeding happens once.
    assert_eq!(get(&s, "/units").1["units"].as_array().unwrap().len(), units);
    // The stored teams still count: the commune has its team.
    assert_eq!(post(&s, "/teams", &commune_team("PH-2")).0, 422);
}

/// The communes of Huyện Thuận Nam (589) in the list of 2022.
const THUAN_NAM: [&str; 8] = ["22885", "22897", "22898", "22900", "22903", "22906", "22909", "22910"];

#[test]
fn eight_clients_writing_at_once_lose_nothing() {
    let (_dir, db) = db_file();
    let s = Arc::new(Service::start(&db));
    let clients: Vec<_> = (0..8)
        .map(|c| {
            let s = Arc::clone(&s);
            std::thread::spawn(move || {
                let mut ids = Vec::new();
                for v in 0..12 {
                    let (status, reply) = post(&s, "/teams", &village_team(THUAN_NAM[c], &format!("Thôn {}", v + 1)));
                    assert_eq!(status, 201, "{reply}");
                    ids.push(reply["team"]["id"].as_str().unwrap().to_string());
                }
                // All eight race to create the one commune team of Phước Hà.
                let (status, _) = post(&s, "/teams", &commune_team(&format!("PH-{c}")));
                (ids, status)
            })
        })
        .collect();
    let mut ids = Vec::new();
    let mut created = 0;
    for c in clients {
        let (mine, status) = c.join().unwrap();
        ids.extend(mine);
        created += usize::from(status == 201);
        assert!(status == 201 || status == 422);
    }
    assert_eq!(created, 1, "exactly one commune team wins");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 96, "every acknowledged team has its own id");
    let stored = get(&s, "/teams").1;
    assert_eq!(stored["count"], 97);
    let mut stored_ids: Vec<String> = stored["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["team"]["id"].as_str().unwrap().to_string())
        .filter(|id| id.starts_with("T-"))
        .collect();
    stored_ids.sort();
    assert_eq!(stored_ids, ids);
}

#[test]
fn a_killed_process_leaves_a_consistent_database() {
    let (_dir, db) = db_file();
    let s = Service::start(&db);
    let base = s.base.clone();
    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (base, stop, acknowledged) = (base.clone(), Arc::clone(&stop), Arc::clone(&acknowledged));
            std::thread::spawn(move || {
                let a = agent();
                for v in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let body = village_team(THUAN_NAM[w], &format!("Khu phố {}", v + 1)).to_string();
                    match a.post(format!("{base}/teams")).content_type("application/json").send(&body) {
                        Ok(mut r) if r.status() == 201 => {
                            let reply: Value = r.body_mut().read_json().unwrap();
                            acknowledged.lock().unwrap().push(reply["team"]["id"].as_str().unwrap().to_string());
                        }
                        Ok(r) => panic!("unexpected status {}", r.status()),
                        Err(_) => break, // the service is gone
                    }
                }
            })
        })
        .collect();
    while acknowledged.lock().unwrap().len() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    s.kill();
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();

    // The file as the killed process left it: whole, every row readable.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok");
        let broken_keys: i64 = conn.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(broken_keys, 0);
        let mut q = conn.prepare("SELECT id, body FROM teams").unwrap();
        let rows: Vec<(String, String)> = q.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
        for (id, body) in &rows {
            let team: Value = serde_json::from_str(body).unwrap();
            assert_eq!(team["id"].as_str(), Some(id.as_str()));
        }
        // Every write the service acknowledged is there; at most the ones in flight are not.
        for id in &acknowledged {
            assert!(rows.iter().any(|(r, _)| r == id), "acknowledged team {id} was lost");
        }
        assert!(rows.len() <= acknowledged.len() + 4);
    }
    // And the service starts again on it.
    let s = Service::start(&db);
    assert!(get(&s, "/teams").1["count"].as_u64().unwrap() >= acknowledged.len() as u64);
}

#[test]
fn activities_reports_and_the_read_endpoints() {
    let (_dir, db) = db_file();
    let s = Service::start(&db);
    assert_eq!(post(&s, "/teams", &commune_team("PH")).0, 201);

    let record = json!({"team": "PH", "date": "2022-07-04", "activity": "gov.apps", "apps_installed": 25, "place": "Nhà văn hóa"});
    let (status, reply) = post(&s, "/activities", &record);
    assert_eq!(status, 201, "{reply}");
    let (status, reply) = post(&s, "/activities", &json!({"team": "PX", "date": "4/7", "activity": "gov.apps"}));
    assert_eq!(status, 422);
    let paths: Vec<&str> = reply["error"]["diagnostics"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["/date", "/team"]);
    let listed = get(&s, "/activities?month=2022-07").1;
    assert_eq!((listed["count"].as_u64(), &listed["activities"][0]["place"]), (Some(1), &json!("Nhà văn hóa")));
    assert_eq!(get(&s, "/activities?month=2022-08").1["count"], 0);

    // Coverage: Phước Hà has its commune team, the other 64 communes do not.
    let cov = get(&s, "/coverage").1;
    let province = &cov["provinces"][0];
    assert_eq!(province["communes"]["covered"], 1);
    assert_eq!(province["communes"]["total"], 65);

    // Reports: the team reports to Thuận Nam; Thuận Nam reports three days late.
    let due = get(&s, "/reports/schedule?month=2022-07").1;
    let obligations = due["obligations"].as_array().unwrap();
    assert!(obligations.iter().any(|o| o["rule"] == "REPORT-TEAM" && o["from"]["code"] == "PH"));
    let late = json!({"rule": "REPORT-DISTRICT-MONTHLY", "from": "589", "month": "2022-07", "date": "2022-08-03", "number": "88/BC-UBND"});
    let (status, reply) = post(&s, "/reports", &late);
    assert_eq!(status, 201, "{reply}");
    assert_eq!(reply["warnings"][0]["code"], "report_late");
    assert_eq!(reply["warnings"][0]["path"], "");
    let (status, reply) = post(&s, "/reports", &json!({"rule": "REPORT-TEAM", "from": "PH", "month": "2022-07", "date": "soon"}));
    assert_eq!((status, rules(&reply)), (422, vec![("REPORT-TEAM".into(), "submission_bad_date".into())]));
    let st = get(&s, "/reports/status?month=2022-07&today=2022-08-20").1;
    let thuan_nam = st["items"].as_array().unwrap().iter().find(|i| i["obligation"]["from"]["code"] == "589").unwrap();
    assert_eq!((thuan_nam["state"].as_str(), thuan_nam["days_late"].as_i64()), (Some("late"), Some(3)));
    assert_eq!(get(&s, "/reports?month=2022-07").1["reports"][0]["number"], "88/BC-UBND");
    assert_eq!(get(&s, "/reports?month=July").0, 400);

    // The group-name check, as typed on a phone.
    let (status, c) = get(&s, "/names/check?name=CNCD_Phuoc%20Ha_Thuan%20Nam");
    assert_eq!((status, c["status"].as_str(), c["canonical"].as_str()), (200, Some("fixable"), Some("CNCĐ_Phước Hà_Thuận Nam")));

    // Deleting the team takes its activities with it.
    assert_eq!(send(&s, "DELETE", "/teams/PH", "").0, 204);
    assert_eq!(get(&s, "/activities").1["count"], 0);
    assert_eq!(send(&s, "DELETE", "/teams/PH", "").0, 404);
}

#[test]
fn the_openapi_description_matches_the_routes() {
    let (_dir, db) = db_file();
    let s = Service::start(&db);
    assert_eq!(post(&s, "/teams", &commune_team("PH")).0, 201);
    let (status, spec) = get(&s, "/openapi.json");
    assert_eq!(status, 200);
    let paths = spec["paths"].as_object().unwrap();
    assert_eq!(paths.len(), 11);
    for (path, item) in paths {
        if item.get("get").is_none() {
            continue;
        }
        let url = path.replace("{id}", "PH")
            + match path.as_str() {
                "/reports" | "/reports/schedule" | "/reports/status" => "?month=2022-07",
                "/names/check" => "?name=CNCĐ_Phước%20Hà_Thuận%20Nam",
                _ => "",
            };
        let (status, _) = get(&s, &url);
        assert_eq!(status, 200, "GET {url}");
    }
    // Every write the description lists answers, and nothing else does.
    for (path, item) in paths {
        for method in ["post", "put", "delete"] {
            let (status, _) = send(&s, &method.to_uppercase(), &path.replace("{id}", "PH"), "[]");
            if item.get(method).is_some() {
                assert!(status != 404 && status != 405, "{method} {path}: {status}");
            } else {
                assert_eq!(status, 405, "{method} {path}");
            }
        }
    }
}
