//! Every unit name of the official 2022 and 2025 lists, written the ways people type
//! it, gets the same keys as the official spelling.

use cncd::text::{ascii_key, clean, name_key, to_tone_style, ToneStyle};
use unicode_normalization::UnicodeNormalization;

const UNITS_2022: &str = include_str!("../data/vn-units-2022.csv");
const UNITS_2025: &str = include_str!("../data/vn-units-2025.csv");

/// The names in columns `cols` of every row of a list: each commune once, with its
/// district and province.
fn names(csv: &str, cols: &[usize]) -> Vec<String> {
    csv.lines()
        .skip(1)
        .flat_map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            cols.iter().map(move |&c| fields[c].to_string()).collect::<Vec<_>>()
        })
        .collect()
}

/// The spellings a user may send for `name`.
fn variants(name: &str) -> Vec<(&'static str, String)> {
    let trad = to_tone_style(name, ToneStyle::Traditional);
    let modern = to_tone_style(name, ToneStyle::Modern);
    vec![
        ("NFD", name.nfd().collect()),
        ("traditional", trad.clone()),
        ("modern", modern.clone()),
        ("modern NFD", modern.nfd().collect()),
        ("doubled spaces", name.replace(' ', "  ")),
        ("Ð for Đ", name.replace('Đ', "\u{D0}").replace('đ', "\u{F0}")),
        ("upper case", name.to_uppercase()),
        ("NBSP and padding", format!(" {} ", name.replace(' ', "\u{A0}"))),
        ("all at once", format!("  {}", modern.replace('Đ', "\u{D0}").nfd().collect::<String>().replace(' ', " \u{200B} "))),
    ]
}

fn check_list(csv: &str, cols: &[usize], rows: usize) {
    let list = names(csv, cols);
    assert_eq!(list.len(), rows * cols.len(), "every row of the list is checked");
    let mut failures = Vec::new();
    for name in &list {
        let key = name_key(name);
        let akey = ascii_key(name);
        assert!(!key.is_empty() && akey.is_ascii(), "{name:?} -> {key:?} / {akey:?}");
        for (how, v) in variants(name) {
            if name_key(&v) != key {
                failures.push(format!("name_key {how}: {name:?} -> {:?} vs {key:?}", name_key(&v)));
            }
            if ascii_key(&v) != akey {
                failures.push(format!("ascii_key {how}: {name:?} -> {:?} vs {akey:?}", ascii_key(&v)));
            }
        }
        assert_eq!(ascii_key(&key), akey, "{name:?}");
        assert_eq!(clean(&clean(name)), clean(name));
    }
    assert!(failures.is_empty(), "{} failures, first: {:#?}", failures.len(), &failures[..failures.len().min(20)]);
}

#[test]
fn all_2022_names() {
    // The 10,599 communes, each with its district and province.
    check_list(UNITS_2022, &[1, 3, 5], 10_599);
}

#[test]
fn all_2025_names() {
    // The 3,321 communes of 2025, each with its province.
    check_list(UNITS_2025, &[1, 3], 3_321);
}

#[test]
fn official_lists_mix_spellings_that_keys_fold() {
    // Both tone styles, both capitalisations and a doubled space, as in the 2022 list.
    assert_eq!(name_key("Huyện Hoà An"), name_key("Huyện Hòa An"));
    assert_eq!(name_key("Xã Cò  Nòi"), name_key("Xã Cò Nòi"));
    assert_eq!(name_key("Thị Trấn Tân Sơn"), name_key("Thị trấn Tân Sơn"));
    assert_eq!(name_key("Xã Ngư Thủy "), name_key("Xã Ngư Thuỷ"));
    assert_eq!(name_key("Phường 01"), name_key("Phường 1"));
    assert_eq!(name_key("Tỉnh Bà Rịa - Vũng Tàu"), name_key("Tỉnh Bà Rịa-Vũng Tàu"));
    // Different names stay different.
    assert_ne!(name_key("Xã Thành Hải"), name_key("Xã Thanh Hải"));
    assert_ne!(name_key("Xã Phước Hà"), name_key("Xã Phước Hạ"));
    assert_eq!(ascii_key("Xã Thành Hải"), ascii_key("Xã Thanh Hải"));
}

#[test]
fn distinct_official_names_keep_distinct_name_keys_within_a_district() {
    // No two communes of one district share a name (SOURCES.md); their keys must not
    // collide either, or a typed name could not tell them apart.
    use std::collections::HashMap;
    let mut seen: HashMap<(String, String), String> = HashMap::new();
    for line in UNITS_2022.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if let Some(other) = seen.insert((f[2].to_string(), name_key(f[5])), f[5].to_string()) {
            panic!("{} and {} in district {} share a key", other, f[5], f[2]);
        }
    }
}
