//! Runs the `cncd-audit` binary as a user would.

use std::process::Command;

fn audit(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cncd-audit")).args(args).output().expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn sample_runs_with_no_arguments() {
    let (code, out, _) = audit(&[]);
    assert_eq!(code, 0);
    assert!(out.contains("xa phuoc ha huyen thuan nam") && out.contains("→ Xã Phước Hà (22885), Huyện Thuận Nam [không dấu]"), "{out}");
    assert!(out.contains("Thanh Hai") && out.contains("✗ chưa rõ, có thể là: Xã Thành Hải"), "{out}");
    assert!(out.contains("Phường Kinh Dinh (22759), Thành phố Phan Rang-Tháp Chàm [gõ sai một chữ] → 2025: Phường Phan Rang (22759)"));
    assert!(out.contains("Huyện Thuận Bắc                   0/6"), "{out}");
    assert!(out.contains("Tên đã đọc: 18; xã khác nhau: 15; cần xem lại: 2"), "{out}");
}

#[test]
fn english() {
    let (code, out, _) = audit(&["--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.contains("[without diacritics]") && out.contains("Names read: 18"), "{out}");
}

#[test]
fn bad_input_gives_a_clear_error_and_exit_code() {
    let (code, _, err) = audit(&["--lang", "fr"]);
    assert_eq!((code, err.contains("usage")), (2, true));
    let (code, _, err) = audit(&["/no/such/file.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/file.txt"), "{err}");
    let dir = std::env::temp_dir().join(format!("cncd-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Ph\xf9\xf4c H\xe0\n").unwrap();
    let (code, _, err) = audit(&[latin1.to_str().unwrap()]);
    assert_eq!((code, err.contains("UTF-8")), (2, true));
    let mine = dir.join("mine.txt");
    std::fs::write(&mine, "Cà Ná\n\nAtlantis\n").unwrap();
    let (code, out, _) = audit(&[mine.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.contains("Xã Cà Ná (22910)") && out.contains("✗ not in the list") && out.contains("Names read: 2"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}
