//! Runs the `cncd-audit` binary as a user would: on the shipped sample, on a roster of
//! one's own in CSV and XLSX, and on broken files, checking findings and exit codes.

use std::path::PathBuf;
use std::process::Command;

fn audit(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cncd-audit")).args(args).output().expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

const SAMPLE: &str = include_str!("../data/sample-roster.csv");

#[test]
fn the_sample_roster_is_audited_with_no_arguments() {
    let (code, out, _) = audit(&["--as-of", "2022-12-31"]);
    assert_eq!(code, 1, "the sample has errors on purpose:\n{out}");
    // The communes with no team.
    assert!(out.contains("Thành phố Phan Rang-Tháp Chàm      15/16") && out.contains("thiếu: 22738"), "{out}");
    assert!(out.contains("Huyện Thuận Nam                     7/8") && out.contains("thiếu: 22910"), "{out}");
    // A team of two, missing a role; a missing role; the same person twice; a phone written another way.
    assert!(out.contains("NT-22885 (dòng 173–174): 2 lỗi") && out.contains("Tổ có 2 thành viên, cần ít nhất 3"), "{out}");
    assert!(out.contains("Tổ thiếu thành phần: đại diện Hội Phụ nữ"), "{out}");
    assert!(out.contains("Thành viên 4 trùng với thành viên 1"), "{out}");
    assert!(out.contains("Thành viên 5 có cùng số điện thoại 091****043"), "{out}");
    // Misspelt group names and what they should be.
    assert!(out.contains(r#""CNCD_Phuoc Nam_Thuan Nam" → CNCĐ_Phước Nam_Thuận Nam"#), "{out}");
    assert!(out.contains(r#""CNCĐ_Vĩnh Hải_Thuận Bắc" → CNCĐ_Vĩnh Hải_Ninh Hải"#), "{out}");
    // Rows that cannot be read, with their numbers.
    assert!(out.contains("dòng    205  Không có xã \"Xã Không Có\""), "{out}");
    assert!(out.contains("dòng    206  Thiếu họ và tên"), "{out}");
    // Personal data stays masked.
    assert!(!out.contains("0912345137"), "{out}");
}

#[test]
fn english_and_the_2025_names() {
    let (code, out, _) = audit(&["--lang", "en", "--as-of", "2022-12-31", "--rehome-2025"]);
    assert_eq!(code, 1);
    assert!(out.contains("Coverage per district") && out.contains("the team has 2 members, at least 3 are needed"), "{out}");
    assert!(out.contains("CNCĐ_Phước Hà_Thuận Nam → CNCĐ_Phước Hà_Khánh Hòa"), "{out}");
}

#[test]
fn json_csv_and_html_outputs() {
    let (json, csv, html) = (scratch("a.json"), scratch("a.csv"), scratch("a.html"));
    let (code, _, _) = audit(&[
        "--as-of",
        "2022-12-31",
        "--json",
        json.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let j: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(j["counts"]["teams"], 66);
    assert_eq!(j["problems"].as_array().unwrap().len(), 2);
    assert!(j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "team_too_small" && f["team_label"] == "NT-22885" && f["rows"] == serde_json::json!([173, 174])));
    let c = std::fs::read_to_string(&csv).unwrap();
    assert!(c.starts_with("rule,code,severity,team,rows,path,message\n"));
    assert!(c.contains("TEAM-SIZE,team_too_small,error,NT-22885,173 174,/roster/teams/"), "{c}");
    assert!(c.contains("INPUT,unreadable_row,error,,206,"), "{c}");
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(
        h.starts_with("<!doctype html>") && h.contains("<svg id=\"coverage\"") && h.contains("id=\"findings\"") && h.contains("<script>")
    );
    assert!(h.contains("Huyện Thuận Nam") && h.contains("Tổ có 2 thành viên"));
    assert!(!h.contains("src=\"http") && !h.contains("href=\"http"), "the page needs nothing from the network");
    // Personal data: no full phone number or birth date of the sample in any output.
    let json_text = std::fs::read_to_string(&json).unwrap();
    for text in [&json_text, &c, &h] {
        for secret in ["0912345137", "0912346043", "1984-07-12", "1995-03-02"] {
            assert!(!text.contains(secret), "{secret} leaked");
        }
    }
    // To standard output.
    let (_, out, _) = audit(&["--as-of", "2022-12-31", "--csv", "-"]);
    assert!(out.contains("rule,code,severity,team,rows,path,message"));
}

#[test]
fn a_roster_of_ones_own_with_english_columns_and_names_for_communes() {
    let path = scratch("mine.csv");
    std::fs::write(
        &path,
        "name,role,birth date,phone,commune,district,village,zalo group\n\
         A Một,village head; youth union,1999-01-01,0911111111,Phước Hà,Thuận Nam,Thôn Giá,CNCĐ_Thôn Giá_Phước Hà_Thuận Nam\n\
         B Hai,women's union,1980-01-01,,Phuoc Ha,Thuan Nam,Thôn Giá,CNCĐ_Thôn Giá_Phước Hà_Thuận Nam\n\
         C Ba,Viettel,1985-01-01,,22885,,Thôn Giá,CNCĐ_Thôn Giá_Phước Hà_Thuận Nam\n",
    )
    .unwrap();
    let (code, out, _) = audit(&[path.to_str().unwrap(), "--as-of", "2022-12-31", "--lang", "en"]);
    // One village team of three in Phước Hà, read from names and codes alike; no commune team anywhere.
    assert!(out.contains("Rows read: 3 · teams: 1 · members: 3"), "{out}");
    assert!(out.contains("Huyện Thuận Nam                     0/8"), "{out}");
    assert_eq!(code, 1);
}

#[test]
fn xlsx_rosters_are_read_like_csv() {
    let path = scratch("sample.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(SAMPLE.as_bytes());
    for (r, rec) in rdr.records().enumerate() {
        for (c, cell) in rec.unwrap().iter().enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let (code, out, err) = audit(&[path.to_str().unwrap(), "--as-of", "2022-12-31"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("Dòng đã đọc: 204 · tổ: 66 · thành viên: 202"), "{out}");
    assert!(out.contains("NT-22885 (dòng 173–174): 2 lỗi"), "{out}");
}

#[test]
fn broken_files_get_a_clear_error_and_exit_code_2() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("utf16.csv", [0xFF, 0xFE].into_iter().chain("Họ và tên,Xã\n".encode_utf16().flat_map(|u| u.to_le_bytes())).collect(), "UTF-16"),
        ("cp1258.csv", b"H\xe4 v\xe0 t\xean,X\xe3\nA,22885\n".to_vec(), "không phải UTF-8"),
        ("no-columns.csv", "Tên,Ghi chú\nA,b\n".as_bytes().to_vec(), "Thiếu cột bắt buộc"),
        ("empty.csv", Vec::new(), "Tệp trống"),
        ("broken.xlsx", b"not a zip".to_vec(), "Excel"),
    ];
    for (name, bytes, want) in cases {
        let path = scratch(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, out, err) = audit(&[path.to_str().unwrap()]);
        assert_eq!(code, 2, "{name}: {out}{err}");
        assert!(err.contains(want), "{name}: {err}");
    }
    // Past the size limit: refused before it is read (a sparse file, so the test stays small).
    let big = scratch("big.csv");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(cncd_audit::input::MAX_FILE_BYTES + 1).unwrap();
    let (code, _, err) = audit(&[big.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("vượt giới hạn"), "{err}");
    std::fs::remove_file(&big).unwrap();
    let (code, _, err) = audit(&["no-such-file.csv"]);
    assert_eq!((code, err.contains("no-such-file.csv")), (2, true));
    let (code, _, err) = audit(&["--lang", "fr"]);
    assert_eq!((code, err.contains("--lang")), (2, true));
    let (code, _, err) = audit(&["--as-of", "31/12/2022"]);
    assert_eq!((code, err.contains("YYYY-MM-DD")), (2, true));
}

#[test]
fn the_field_name_matcher_is_still_there() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/data/field-commune-names.txt");
    let (code, out, _) = audit(&["--communes", sample]);
    assert_eq!(code, 0);
    assert!(out.contains("→ Xã Phước Hà (22885), Huyện Thuận Nam [không dấu]"), "{out}");
    assert!(out.contains("Tên đã đọc: 18; xã khác nhau: 15; cần xem lại: 2"), "{out}");
}

#[test]
fn activity_log_and_reports_received() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let (acts, reps) = (format!("{dir}/data/sample-activities.csv"), format!("{dir}/data/sample-reports.csv"));
    let (code, out, _) = audit(&["--as-of", "2022-12-10", "--activities", &acts, "--reports", &reps]);
    assert_eq!(code, 1);
    // The month before the reference date, summed per district.
    assert!(out.contains("Hoạt động tháng 2022-11:"), "{out}");
    assert!(out.contains("Huyện Thuận Nam                     2/9            3       137        52           4"), "{out}");
    // One district report late, one missing.
    assert!(
        out.contains("Ủy ban nhân dân huyện Ninh Hải                   → Sở Thông tin và Truyền thông tỉnh Ninh Thuận trễ 5 ngày"),
        "{out}"
    );
    assert!(
        out.contains(
            "Ủy ban nhân dân huyện Thuận Nam                  → Sở Thông tin và Truyền thông tỉnh Ninh Thuận chưa nộp (10 ngày quá hạn)"
        ),
        "{out}"
    );
    // A count that is not a number is an unreadable row, with its number.
    assert!(out.contains("dòng     10  ") && out.contains("\"nhiều\" không phải số"), "{out}");
    // Unknown activities and teams are findings of REPORT-TEAM.
    let csv = scratch("logs.csv");
    audit(&["--as-of", "2022-12-10", "--activities", &acts, "--reports", &reps, "--csv", csv.to_str().unwrap()]);
    let c = std::fs::read_to_string(&csv).unwrap();
    assert!(c.contains("REPORT-TEAM,activity_unknown,error") && c.contains("REPORT-TEAM,activity_unknown_team,error"), "{c}");
    assert!(c.contains("REPORT-DISTRICT-MONTHLY,report_late,warning") && c.contains("REPORT-DISTRICT-MONTHLY,report_missing,error"), "{c}");
    // A log without its required columns cannot be read.
    let bad = scratch("bad-log.csv");
    std::fs::write(&bad, "Mã tổ,Ghi chú\nNT-1,x\n").unwrap();
    let (code, _, err) = audit(&["--activities", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("thiếu cột"), "{err}");
}
