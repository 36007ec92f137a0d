//! The naming standard on every commune of Ninh Thuận, a few hundred villages made up
//! for the tests, every national commune of 2022, and the 2025 reform.

use cncd::diagnostics::Severity;
use cncd::names::{check, format, parse, rehome, NameStatus, NamingRules};
use cncd::text::{ascii_key, to_tone_style, ToneStyle};
use cncd::units::{Level, Mapping, Registry, UnitId};
use unicode_normalization::UnicodeNormalization;

/// Made-up villages (names invented for the tests) on the real communes of Ninh Thuận.
const VILLAGES: [&str; 5] = ["Thôn Phước Lợi", "Thôn 3", "Khu phố Hòa Bình", "Thôn Tân Hòa", "Tổ dân phố 12"];

fn registry_with_villages() -> (Registry, Vec<UnitId>) {
    let mut reg = Registry::ninh_thuan_2022();
    let communes: Vec<UnitId> = reg.units().filter(|(_, u)| u.level() == Level::Commune).map(|(id, _)| id).collect();
    for &c in &communes {
        let code = reg.unit(c).code().to_string();
        for (k, v) in VILLAGES.iter().enumerate() {
            reg.add_village(&format!("{code}-{k}"), &code, v).unwrap();
        }
    }
    (reg, communes)
}

fn codes(c: &cncd::names::NameCheck) -> Vec<String> {
    c.diagnostics.iter().map(|d| d.code.to_string()).collect()
}

/// A typed variant of a canonical name, and the finding it must give.
fn variants(canonical: &str, other_style: &str) -> Vec<(String, &'static str)> {
    let rest = canonical.strip_prefix("CNCĐ_").unwrap();
    let mut v = vec![
        (canonical.nfd().collect::<String>(), "unicode_form"),
        (format!("CNCD_{rest}"), "prefix_variant"),
        (format!("cncđ_{rest}"), "prefix_variant"),
        (format!("Tổ CNCĐ_{rest}"), "prefix_variant"),
        (format!("CNSCĐ_{rest}"), "prefix_variant"),
        (format!("CNC\u{D0}_{rest}"), "unicode_form"),
        (canonical.replace('_', " _ "), "separator_spacing"),
        (canonical.replace('_', "__"), "separator_spacing"),
        (canonical.replace('_', " | "), "separator"),
        (canonical.replace('_', " - "), "separator"),
        (canonical.to_uppercase(), "case"),
        (ascii_key(canonical), "diacritics_missing"),
    ];
    if other_style != canonical {
        v.push((other_style.to_string(), "tone_style"));
    }
    v
}

#[test]
fn format_then_parse_gives_back_the_unit_for_every_commune_and_village() {
    let (reg, communes) = registry_with_villages();
    let rules = NamingRules::ninh_thuan_2022();
    let mut checked = 0;
    for &c in &communes {
        let mut names = vec![(format(&reg, &rules, c, None).unwrap(), None)];
        for v in VILLAGES {
            names.push((format(&reg, &rules, c, Some(v)).unwrap(), Some(v)));
        }
        for (name, village) in names {
            let p = parse(&reg, &rules, &name, None);
            assert_eq!(p.unit, Some(c), "{name}");
            let ch = check(&reg, &rules, &name, None, "/name");
            assert_eq!((ch.status, codes(&ch)), (NameStatus::Ok, vec![]), "{name}");
            assert_eq!(ch.village.as_deref(), village);
            let other = if to_tone_style(&name, ToneStyle::Modern) != name {
                to_tone_style(&name, ToneStyle::Modern)
            } else {
                to_tone_style(&name, ToneStyle::Traditional)
            };
            for (typed, code) in variants(&name, &other) {
                let ch = check(&reg, &rules, &typed, None, "/name");
                assert_eq!(ch.commune, Some(c), "{typed}");
                assert_eq!(ch.status, NameStatus::Fixable, "{typed}");
                assert_eq!(ch.canonical.as_deref(), Some(name.as_str()), "{typed}");
                assert!(codes(&ch).iter().any(|x| x == code), "{typed}: expected {code}, got {:?}", codes(&ch));
                assert!(ch.diagnostics.iter().all(|d| d.severity != cncd::diagnostics::Severity::Error), "{typed}: {:?}", codes(&ch));
                checked += 1;
            }
        }
    }
    assert!(checked > 65 * 6 * 11, "{checked}");
}

#[test]
fn wrong_units_are_errors() {
    let reg = Registry::ninh_thuan_2022();
    let rules = NamingRules::ninh_thuan_2022();
    let cases = [
        ("CNCĐ_Phước Hà_Ninh Hải", "commune_not_in_parent", NameStatus::Fixable),
        ("CNCĐ_Phước Hà", "missing_slot", NameStatus::Fixable),
        ("CNCĐ_Atlantis_Thuận Nam", "unknown_commune", NameStatus::Invalid),
        ("CNCĐ_Phước Hà_Atlantis", "unknown_parent", NameStatus::Fixable),
        ("CNCĐ_Thanh Hai", "ambiguous", NameStatus::Invalid),
        ("CNCĐ_A_B_Phước Hà_Thuận Nam", "extra_slot", NameStatus::Fixable),
        ("CNCĐ_Xã Phước Hà_Huyện Thuận Nam", "type_word", NameStatus::Fixable),
        ("CNCĐ_X. Phước Hà_H. Thuận Nam", "type_word", NameStatus::Fixable),
        ("CNCĐ_Phước Haa_Thuận Nam", "typo", NameStatus::Fixable),
        ("Phước Hà_Thuận Nam", "prefix_missing", NameStatus::Fixable),
        ("CNCD Thon Phuoc Loi Phuoc Ha Thuan Nam", "separator", NameStatus::Fixable),
    ];
    for (name, code, status) in cases {
        let ch = check(&reg, &rules, name, None, "/name");
        assert!(codes(&ch).iter().any(|x| x == code), "{name}: expected {code}, got {:?}", codes(&ch));
        assert_eq!(ch.status, status, "{name}");
        assert!(ch.diagnostics.iter().all(|d| d.rule == "NAME-ZALO" && !d.message.vi.is_empty() && !d.message.en.is_empty()));
    }
    let ch = check(&reg, &rules, "CNCĐ_Phước Hà_Ninh Hải", None, "/name");
    assert_eq!(ch.canonical.as_deref(), Some("CNCĐ_Phước Hà_Thuận Nam"));
    let ch = check(&reg, &rules, "CNCD Thon Phuoc Loi Phuoc Ha Thuan Nam", None, "/name");
    assert_eq!(ch.canonical.as_deref(), Some("CNCĐ_Thon Phuoc Loi_Phước Hà_Thuận Nam"));
    assert_eq!(check(&reg, &rules, "", None, "/name").status, NameStatus::Invalid);
    assert_eq!(check(&reg, &rules, &"_".repeat(10_000), None, "/name").status, NameStatus::Invalid);
}

#[test]
fn every_national_commune_name_parses_back_within_its_province() {
    let reg = Registry::vietnam_2022();
    let rules = NamingRules::ninh_thuan_2022();
    let (mut ambiguous_nationally, mut communes) = (0, 0);
    for (id, u) in reg.units() {
        if u.level() != Level::Commune {
            continue;
        }
        communes += 1;
        let name = format(&reg, &rules, id, None).unwrap();
        let province = reg.ancestor_at(id, Level::Province);
        let p = parse(&reg, &rules, &name, province);
        assert_eq!(p.unit, Some(id), "{name} in {:?}", province.map(|p| reg.unit(p).full_name()));
        let national = check(&reg, &rules, &name, None, "/name");
        if national.status == NameStatus::Invalid {
            ambiguous_nationally += 1;
            assert!(codes(&national).contains(&"ambiguous".to_string()), "{name}: {:?}", codes(&national));
        } else {
            assert_eq!(national.commune, Some(id), "{name}");
        }
    }
    eprintln!("{communes} communes; {ambiguous_nationally} canonical names are ambiguous without a province");
    assert_eq!(communes, 10_599);
    assert!(ambiguous_nationally > 0);
}

#[test]
fn every_ninh_thuan_commune_rehomes_into_khanh_hoa() {
    let (old, new) = (Registry::ninh_thuan_2022(), Registry::vietnam_2025());
    let mapping = Mapping::ninh_thuan_2025();
    let (from, to) = (NamingRules::ninh_thuan_2022(), NamingRules::two_tier_2025());
    let mut merged = 0;
    for (id, u) in old.units() {
        if u.level() != Level::Commune {
            continue;
        }
        let name = format(&old, &from, id, None).unwrap();
        let r = rehome(&old, &new, &mapping, &from, &to, &name);
        assert!(!r.names.is_empty(), "{name}: {:?}", r.diagnostics);
        for (n, code) in r.names.iter().zip(&r.communes) {
            assert!(n.ends_with("_Khánh Hòa"), "{n}");
            let c = new.find(Level::Commune, code).unwrap();
            assert_eq!(new.unit(new.unit(c).parent().unwrap()).code(), "56");
            // The new name is canonical in the new list.
            let ch = check(&new, &to, n, None, "/name");
            assert_eq!((ch.status, ch.commune), (NameStatus::Ok, Some(c)), "{n}");
        }
        merged += usize::from(r.diagnostics.iter().any(|d| d.code == "merged_commune_teams"));
    }
    // 65 communes into 24: most new communes merge several old ones.
    assert!(merged > 40, "{merged}");
    let split = rehome(&old, &new, &mapping, &from, &to, "CNCĐ_Đông Hải_Phan Rang-Tháp Chàm");
    assert_eq!(split.names.len(), 2);
    assert!(split.diagnostics.iter().any(|d| d.code == "split"));
}

/// Names as people type them in Zalo, beyond the variants above: stray separators and
/// spaces, the province typed after the district, the team's name written out in full,
/// type words as words of their own, other separators, a separator left out or typed
/// between the words of a name too, a district's short form, a space for a hyphen, and
/// names with too little in them. Each gives the canonical name (or none) and exactly
/// these findings.
#[test]
fn names_typed_as_people_type_them() {
    let reg = Registry::ninh_thuan_2022();
    let rules = NamingRules::ninh_thuan_2022();
    let phuoc_ha = Some("CNCĐ_Phước Hà_Thuận Nam");
    let ca_na = Some("CNCĐ_Cà Ná_Thuận Nam");
    let cases: &[(&str, Option<&str>, &[&str])] = &[
        ("_CNCĐ_Phước Hà_Thuận Nam", phuoc_ha, &["separator_spacing"]),
        ("CNCĐ_Phước Hà_Thuận Nam_", phuoc_ha, &["separator_spacing"]),
        ("CNCĐ__Cà Ná_Thuận Nam", ca_na, &["separator_spacing"]),
        ("CNCĐ _Cà Ná_Thuận Nam", ca_na, &["separator_spacing"]),
        ("CNCĐ_ Cà Ná_Thuận Nam", ca_na, &["separator_spacing"]),
        ("CNCĐ Phước Hà_Thuận Nam", phuoc_ha, &["separator"]),
        ("CNCĐ_Phước  Hà_Thuận Nam", phuoc_ha, &["spacing"]),
        (" CNCĐ_Phước Hà_Thuận Nam", phuoc_ha, &["spacing"]),
        ("CNCĐ_Phước Hà_Thuận Nam\t", phuoc_ha, &["spacing"]),
        ("CNCĐ_Phước Hà_Thuận\u{A0}Nam", phuoc_ha, &["spacing"]),
        ("CNCĐ _ Phước Hà _ Thuận Nam", phuoc_ha, &["separator_spacing"]),
        ("CNCĐ_Cà Ná_Thuận Nam_Ninh Thuận", ca_na, &["extra_slot"]),
        ("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam_Tỉnh Ninh Thuận", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["extra_slot"]),
        ("CNCĐ_Phước Hà_Huyện Thuận Nam_Tỉnh Ninh Thuận", phuoc_ha, &["extra_slot", "type_word"]),
        // Text after the last slot that names no unit: a year, a number, emoji, a part in
        // parentheses; left out as a slot too many, one word at a time ("Quận 3 2022").
        ("CNCĐ_Phước Hà_Thuận Nam 2022", phuoc_ha, &["extra_slot"]),
        ("CNCĐ_Phước Hà_Thuận Nam - 2022", phuoc_ha, &["extra_slot"]),
        ("CNCĐ_Phước Hà_Thuận Nam (Zalo)", phuoc_ha, &["extra_slot"]),
        ("CNCĐ_Phước Hà_Thuận Nam 🇻🇳", phuoc_ha, &["extra_slot"]),
        ("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam (2024)", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["extra_slot"]),
        // The same as slots of their own, after a province too many.
        ("CNCĐ_Phước Hà_Thuận Nam_2022", phuoc_ha, &["extra_slot"]),
        ("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam_Ninh Thuận_2022", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["extra_slot"]),
        // After the commune, with the district left out: the district is missing, and
        // "2022" is no district of any name.
        ("CNCĐ_Phước Hà_2022", phuoc_ha, &["extra_slot", "missing_slot"]),
        ("CNCĐ_Phước Hà 2022", phuoc_ha, &["extra_slot", "missing_slot"]),
        ("CNCĐ_Phước Hà (Zalo)", phuoc_ha, &["extra_slot", "missing_slot"]),
        ("CNCĐ_Phước Hà_Xyz", phuoc_ha, &["unknown_parent"]),
        // The province after the district in the same slot.
        ("CNCĐ_Phước Hà_Thuận Nam - Ninh Thuận", phuoc_ha, &["separator", "extra_slot"]),
        ("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm Ninh Thuận", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["separator", "extra_slot"]),
        // Look-alikes of "_": the full-width low line of East Asian keyboards, the double
        // low line of symbol pickers.
        ("CNCĐ\u{FF3F}Phước Hà\u{FF3F}Thuận Nam", phuoc_ha, &["separator"]),
        ("CNCĐ\u{2017}Thôn Lạc Tiến\u{2017}Cà Ná\u{2017}Thuận Nam", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["separator"]),
        ("Tổ công nghệ số cộng đồng_Phước Hà_Thuận Nam", phuoc_ha, &["prefix_variant"]),
        ("Nhóm Zalo CNCĐ_Phước Hà_Thuận Nam", phuoc_ha, &["prefix_variant"]),
        ("ZALO CNCĐ_Cà Ná_Thuận Nam", ca_na, &["prefix_variant"]),
        ("TO CONG NGHE SO CONG DONG CA NA THUAN NAM", ca_na, &["prefix_variant", "separator", "diacritics_missing", "diacritics_missing"]),
        ("Tổ CNCĐ xã Phước Hà huyện Thuận Nam", phuoc_ha, &["prefix_variant", "separator", "type_word", "type_word"]),
        ("CNCĐ thị trấn Tân Sơn Ninh Sơn", Some("CNCĐ_Tân Sơn_Ninh Sơn"), &["separator", "type_word"]),
        ("CNCĐ X. Phước Hà H. Thuận Nam", phuoc_ha, &["separator", "type_word", "type_word"]),
        ("CNCĐ.Cà Ná.Thuận Nam", ca_na, &["separator"]),
        ("CNCĐ. Phước Hà. Thuận Nam", phuoc_ha, &["separator"]),
        ("CNCĐ:Phước Hà:Thuận Nam", phuoc_ha, &["separator"]),
        ("CNCĐ_Phước Hà Thuận Nam", phuoc_ha, &["separator"]),
        ("CNCĐ_Phước Hà-Thuận Nam", phuoc_ha, &["separator"]),
        ("CNCĐ_Phước Hà, Thuận Nam", phuoc_ha, &["separator"]),
        ("CNCĐ_Phước Hà-Thuận Nam-Ninh Thuận", phuoc_ha, &["separator", "extra_slot"]),
        ("CNCĐ_Phước Hà (Thuận Nam)", phuoc_ha, &["separator"]),
        ("CNCĐ_Phước Hà Thuận Nam Ninh Thuận", phuoc_ha, &["separator", "extra_slot"]),
        ("CNCĐ Phước Hà Thuận Nam Ninh Thuận", phuoc_ha, &["separator", "extra_slot"]),
        ("CNCĐ - Phước Hà - Thuận Nam - Ninh Thuận", phuoc_ha, &["separator", "extra_slot"]),
        ("CNCĐ_Thôn Lạc Tiến Cà Ná Thuận Nam", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["separator"]),
        // One slot after the prefix, its slots started by type words.
        (
            "CNCĐ_Thôn Lạc Tiến Xã Cà Ná Huyện Thuận Nam",
            Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"),
            &["separator", "type_word", "type_word"],
        ),
        ("CNCĐ_Xã Phước Hà Huyện Thuận Nam", phuoc_ha, &["separator", "type_word", "type_word"]),
        ("CNCĐ_Thôn Lạc Tiến (Cà Ná, Thuận Nam)", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["separator"]),
        // A village that no list answers: its type word as the lists write it, and its
        // name in title case when typed in one case (its diacritics cannot be known).
        ("CNCĐ_KP3_Đô Vinh_Phan Rang-Tháp Chàm", Some("CNCĐ_Khu phố 3_Đô Vinh_Phan Rang-Tháp Chàm"), &["type_word"]),
        ("CNCĐ_TDP 5_Đô Vinh_Phan Rang-Tháp Chàm", Some("CNCĐ_Tổ dân phố 5_Đô Vinh_Phan Rang-Tháp Chàm"), &["type_word"]),
        ("CNCĐ_thôn Lạc Tiến_Cà Ná_Thuận Nam", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["case"]),
        ("CNCĐ_THÔN LẠC TIẾN_Cà Ná_Thuận Nam", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["case"]),
        ("CNCĐ_thon lac tien_Cà Ná_Thuận Nam", Some("CNCĐ_Thon Lac Tien_Cà Ná_Thuận Nam"), &["case"]),
        ("CNCĐ_thon 2_Cà Ná_Thuận Nam", Some("CNCĐ_Thôn 2_Cà Ná_Thuận Nam"), &["diacritics_missing"]),
        // In quotes, as copied from a sentence: the quotes are no part of the name.
        ("\"CNCĐ_Phước Hà_Thuận Nam\"", phuoc_ha, &["not_canonical"]),
        ("“CNCĐ_Cà Ná_Thuận Nam”", ca_na, &["not_canonical"]),
        ("\"CNCĐ_Cà Ná_Thuận Nam", ca_na, &["not_canonical"]),
        ("CNCĐ_Thôn Lạc Tiến-Cà Ná-Thuận Nam", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["separator"]),
        ("CNCĐ_Đô Vinh-Phan Rang-Tháp Chàm-Ninh Thuận", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["separator", "extra_slot"]),
        ("CNCĐ_Thôn Lạc Tiến; Cà Ná; Thuận Nam", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["separator"]),
        ("CNCĐ_Phước_Hà_Thuận_Nam", phuoc_ha, &["separator"]),
        ("CNCĐ_Phước_Hà_Thuận_Nam_Ninh_Thuận", phuoc_ha, &["separator", "extra_slot"]),
        ("CNCĐ_Phước Hà_Thuận_Nam", phuoc_ha, &["separator"]),
        ("CNCD_Phuoc_Ha_Thuan_Nam", phuoc_ha, &["prefix_variant", "separator", "diacritics_missing", "diacritics_missing"]),
        ("CNCĐ_Thôn_Lạc_Tiến_Cà_Ná_Thuận_Nam", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["separator"]),
        ("CNCĐ_Xã_Phước_Hà_Huyện_Thuận_Nam", phuoc_ha, &["separator", "type_word", "type_word"]),
        ("CNCĐ_Đô_Vinh_Phan_Rang-Tháp_Chàm", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["separator"]),
        ("CNCĐ_Phước Hà_TN", phuoc_ha, &["short_name"]),
        ("CNCĐ_Đô Vinh_TP. PRTC", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["short_name"]),
        ("CNCĐ_Đô Vinh_P.R.T.C", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["short_name"]),
        ("CNCĐ_Văn Hải_Tp Phan Rang", Some("CNCĐ_Văn Hải_Phan Rang-Tháp Chàm"), &["short_name"]),
        ("CNCĐ_Đô Vinh_PR", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["unknown_parent"]),
        ("CNCĐ_Đô Vinh_Phan Rang Tháp Chàm", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["spelling"]),
        ("CNCĐ_Đô Vinh_Phan-Rang-Tháp-Chàm", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["spelling"]),
        ("CNCĐ_Đô Vinh_phan rang thap cham", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["diacritics_missing"]),
        // Spaces left out: the same names written otherwise, not letters off.
        ("CNCĐ_PhướcHà_ThuậnNam", phuoc_ha, &["spelling", "spelling"]),
        ("CNCĐ_Đô Vinh_Phan RangTháp Chàm", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["spelling"]),
        ("CNCĐ_PhuocHa_ThuanNam", phuoc_ha, &["diacritics_missing", "diacritics_missing"]),
        ("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàmm", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["typo"]),
        ("CNCĐ_Văn Hải_Phan", Some("CNCĐ_Văn Hải_Phan Rang-Tháp Chàm"), &["unknown_parent"]),
        ("CNCĐ Cà Ná", ca_na, &["separator", "missing_slot"]),
        ("Cà Ná", ca_na, &["prefix_missing", "separator", "missing_slot"]),
        ("CNCĐ", None, &["missing_slot"]),
        // A district or the province alone: no team of its own; the commune is missing.
        ("CNCĐ_Thuận Nam", None, &["missing_slot"]),
        ("CNCĐ_Huyện Thuận Nam", None, &["missing_slot"]),
        ("CNCĐ_Ninh Thuận", None, &["missing_slot"]),
        ("CNCĐ_Xyz", None, &["unknown_commune"]),
        ("CNCĐ_", None, &["separator_spacing", "missing_slot"]),
        // The province where the district goes: the commune found in it, the district said
        // missing ("Ninh Thuận" is one letter off a district of Kiên Giang, Vĩnh Thuận).
        ("CNCĐ_Phước Hà_Ninh Thuận", phuoc_ha, &["missing_slot"]),
        ("CNCĐ_Cà Ná_Tỉnh Ninh Thuận", ca_na, &["missing_slot"]),
        // A commune under another district, whose name there is one letter off another
        // commune's ("Phước Hậu" of Ninh Phước): the commune as typed, in the wrong place.
        ("CNCĐ_Phước Hà_Ninh Phước", phuoc_ha, &["commune_not_in_parent"]),
        ("CNCĐ_Phuoc Ha_Ninh Phuoc", phuoc_ha, &["diacritics_missing", "commune_not_in_parent"]),
        ("CNCĐ_Phước Dinh_Ninh Phước", Some("CNCĐ_Phước Dinh_Thuận Nam"), &["commune_not_in_parent"]),
        // The district typed before the commune: read in the template's order.
        ("CNCĐ_Thuận Nam_Phước Hà", phuoc_ha, &["slot_order"]),
        ("CNCĐ_thuan nam_phuoc ha", phuoc_ha, &["slot_order", "diacritics_missing", "diacritics_missing"]),
        ("CNCĐ_Phan Rang-Tháp Chàm_Đô Vinh", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["slot_order"]),
        ("CNCĐ_Thôn Lạc Tiến_Thuận Nam_Cà Ná", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["slot_order"]),
        ("CNCĐ_Thuận Nam_Xyz", None, &["unknown_commune"]),
        ("CNCĐ_Phước Hà_Thuận Nam_Thôn Phước Lợi", Some("CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam"), &["slot_order"]),
        ("CNCĐ_Ninh Thuận_Thuận Nam_Phước Hà", phuoc_ha, &["slot_order", "extra_slot"]),
        // The same with spaces or hyphens between the slots.
        ("CNCĐ Thuận Nam Phước Hà", phuoc_ha, &["separator", "slot_order"]),
        // A hyphen in a name is not a separator there.
        ("CNCĐ Phan Rang-Tháp Chàm Đô Vinh", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["separator", "slot_order"]),
        ("CNCĐ - Thuận Nam - Phước Hà", phuoc_ha, &["separator", "slot_order"]),
        ("CNCĐ Ninh Thuận Thuận Nam Phước Hà", phuoc_ha, &["separator", "slot_order", "extra_slot"]),
        ("CNCĐ Thuận Nam Xyz", None, &["separator", "unknown_commune"]),
        // A village and its commune, the district left out; only a slot with a village's
        // type word is taken for a village.
        ("CNCĐ_Thôn Lạc Tiến_Cà Ná", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["missing_slot"]),
        ("CNCĐ_Xyz_Cà Ná", None, &["unknown_commune"]),
        ("CNCĐ Thôn Lạc Tiến Cà Ná", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"), &["separator", "missing_slot"]),
        (
            "TỔ CNCĐ THÔN LẠC TIẾN XÃ CÀ NÁ",
            Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam"),
            &["prefix_variant", "separator", "type_word", "missing_slot", "case"],
        ),
        ("CNCĐ Xyz Cà Ná", None, &["separator", "unknown_commune"]),
        // The type word of another kind of unit: a phường typed as a xã, a xã as a thị trấn.
        ("CNCĐ_Xã Đô Vinh_Phan Rang-Tháp Chàm", Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"), &["type_word"]),
        ("CNCĐ_Thị trấn Phước Hà_Thuận Nam", phuoc_ha, &["type_word"]),
        (
            "CNCĐ_Xa Do Vinh_Phan Rang-Thap Cham",
            Some("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm"),
            &["diacritics_missing", "type_word", "diacritics_missing"],
        ),
    ];
    for &(typed, canonical, expected) in cases {
        let ch = check(&reg, &rules, typed, None, "/name");
        assert_eq!((ch.canonical.as_deref(), codes(&ch)), (canonical, expected.iter().map(|c| c.to_string()).collect()), "{typed:?}");
        let status = if canonical.is_some() { NameStatus::Fixable } else { NameStatus::Invalid };
        assert_eq!(ch.status, status, "{typed:?}");
    }
    // Slots written with their type word ("Phường 01", "Quận 3"), each typed otherwise:
    // every slot that differs has its finding, the type word's too.
    let national = Registry::vietnam_2022();
    let slots: &[(&str, &[&str])] = &[
        ("CNCĐ_PHƯỜNG 01_QUẬN 3", &["case", "case"]),
        ("CNCĐ_Phường 01_quan 3", &["diacritics_missing"]),
        ("CNCĐ_Phường 1_Quận 3", &["spelling"]),
        ("CNCĐ_Phường 01_Quận 3", &[]),
        // A year after a district whose name ends with a number: only the year left out.
        ("CNCĐ_Phường 01_Quận 3 2022", &["extra_slot"]),
    ];
    for &(typed, expected) in slots {
        let ch = check(&national, &rules, typed, None, "/name");
        assert_eq!(ch.canonical.as_deref(), Some("CNCĐ_Phường 01_Quận 3"), "{typed}");
        assert_eq!(codes(&ch), expected.iter().map(|c| c.to_string()).collect::<Vec<_>>(), "{typed}");
    }
    // The province typed after the district says where the district is: Châu Thành is
    // the name of districts in eight provinces, three of them with a Tân Phú, two with an
    // An Hiệp. The province is a slot too many; the commune is the one of that province.
    let by_province: &[(&str, &str, Option<&str>)] = &[
        ("CNCĐ_Tân Phú_Châu Thành_Bến Tre", "28840", None),
        ("CNCĐ_Tân Phú_Châu Thành_Tỉnh Đồng Tháp", "30274", None),
        ("CNCĐ_An Hiệp_Châu Thành_Đồng Tháp", "30247", None),
        ("CNCĐ_Ấp 1_An Hiệp_Châu Thành_Sóc Trăng", "31594", Some("Ấp 1")),
    ];
    for &(typed, code, village) in by_province {
        let ch = check(&national, &rules, typed, None, "/name");
        assert_eq!(ch.commune.map(|c| national.unit(c).code()), Some(code), "{typed}");
        assert_eq!((codes(&ch), ch.village.as_deref()), (vec!["extra_slot".to_string()], village), "{typed}");
    }
    // Without the province, or with one that has no such commune, it stays ambiguous.
    for typed in ["CNCĐ_Tân Phú_Châu Thành", "CNCĐ_Tân Phú_Châu Thành_Tiền Giang"] {
        assert!(codes(&check(&national, &rules, typed, None, "/name")).contains(&"ambiguous".to_string()), "{typed}");
    }
    // The district first, where the district's name is also a commune's elsewhere (Xã
    // Hồng Lĩnh of Hưng Hà): the order swapped names the commune within its district.
    let ch = check(&national, &rules, "CNCĐ_Hồng Lĩnh_Bắc Hồng", None, "/name");
    assert_eq!((ch.canonical.as_deref(), codes(&ch)), (Some("CNCĐ_Bắc Hồng_Hồng Lĩnh"), vec!["slot_order".to_string()]));
    // In two tiers, the province typed first, where the commune slot alone would name
    // several communes (a Xã Khánh Hòa is in Lào Cai).
    let ch = check(&Registry::vietnam_2025(), &NamingRules::two_tier_2025(), "CNCĐ_Khánh Hòa_Phước Hà", None, "/name");
    assert_eq!((ch.canonical.as_deref(), codes(&ch)), (Some("CNCĐ_Phước Hà_Khánh Hòa"), vec!["slot_order".to_string()]));
    // In two tiers, a team that kept its old district before the province.
    let reg_2025 = Registry::vietnam_2025();
    let two_tier = NamingRules::two_tier_2025();
    let ch = check(&reg_2025, &two_tier, "CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm_Khánh Hòa", None, "/name");
    assert_eq!((ch.canonical.as_deref(), codes(&ch)), (Some("CNCĐ_Đô Vinh_Khánh Hòa"), vec!["extra_slot".to_string()]));
    let ch = check(&reg_2025, &two_tier, "CNCĐ_Khu phố 1_Đô Vinh_Phan Rang-Tháp Chàm_Khánh Hòa", None, "/name");
    assert_eq!((ch.canonical.as_deref(), codes(&ch)), (Some("CNCĐ_Khu phố 1_Đô Vinh_Khánh Hòa"), vec!["extra_slot".to_string()]));
    // A commune whose name several provinces have, under its province typed short: the
    // one of that province.
    let ch = check(&reg_2025, &two_tier, "CNCĐ_Ba Đình_HN", None, "/name");
    assert_eq!((ch.canonical.as_deref(), codes(&ch)), (Some("CNCĐ_Ba Đình_Hà Nội"), vec!["short_name".to_string()]));
    let ch = check(&reg_2025, &two_tier, "CNCĐ_Ba Đình_TP.HCM", None, "/name");
    assert_eq!((ch.status, codes(&ch)), (NameStatus::Invalid, vec!["ambiguous".to_string()]));
    // A province merged into another on 1 July 2025, where the province goes: said as
    // such; it also picks the commune of that name in the province it joined (a Tân Phú
    // is in several provinces; Bình Phước joined Đồng Nai). A merged province that the
    // commune is not in is the wrong parent.
    let merged: &[(&str, Option<&str>, &[&str])] = &[
        ("CNCĐ_Phước Hà_Ninh Thuận", Some("CNCĐ_Phước Hà_Khánh Hòa"), &["former_province"]),
        ("CNCĐ_Thôn Phước Lợi_Phước Hà_Tỉnh Ninh Thuận", Some("CNCĐ_Thôn Phước Lợi_Phước Hà_Khánh Hòa"), &["former_province"]),
        ("CNCĐ_Phuoc Ha_Ninh Thuan", Some("CNCĐ_Phước Hà_Khánh Hòa"), &["diacritics_missing", "former_province"]),
        ("CNCĐ_Tân Phú_Bình Phước", Some("CNCĐ_Tân Phú_Đồng Nai"), &["former_province"]),
        ("CNCĐ_Phước Hà_Bình Thuận", Some("CNCĐ_Phước Hà_Khánh Hòa"), &["commune_not_in_parent"]),
        // Names written before the reform, district and province of then: the district
        // a slot too many, the province merged.
        ("CNCĐ_Phước Hà_Thuận Nam_Ninh Thuận", Some("CNCĐ_Phước Hà_Khánh Hòa"), &["extra_slot", "former_province"]),
        (
            "CNCĐ_Thôn Phước Lợi_Phước Hà_Thuận Nam_Ninh Thuận",
            Some("CNCĐ_Thôn Phước Lợi_Phước Hà_Khánh Hòa"),
            &["extra_slot", "former_province"],
        ),
        ("CNCĐ_Đô Vinh_Phan Rang-Tháp Chàm_Ninh Thuận", Some("CNCĐ_Đô Vinh_Khánh Hòa"), &["extra_slot", "former_province"]),
    ];
    for &(typed, canonical, expected) in merged {
        let ch = check(&reg_2025, &two_tier, typed, None, "/name");
        assert_eq!((ch.canonical.as_deref(), codes(&ch)), (canonical, expected.iter().map(|c| c.to_string()).collect()), "{typed}");
    }
    let ch = check(&reg_2025, &two_tier, "CNCĐ_Phước Hà_Ninh Thuận", None, "/name");
    assert_eq!(ch.diagnostics[0].severity, Severity::Warning);
    assert_eq!(
        ch.diagnostics[0].message.en,
        "\"Ninh Thuận\" was a province until its merger on 1 July 2025; Xã Phước Hà is now in Tỉnh Khánh Hòa: the last part must be \"Khánh Hòa\""
    );
    // A name from before the reform with the province of now: its district is the name
    // of a commune since 2025 (Xã Thuận Nam), and read as typed its commune would be a
    // village of that one. The village slot names a commune itself, and has no village
    // type word: read as that commune, the district a slot too many.
    let before: &[(&str, Option<&str>, &[&str])] = &[
        ("CNCĐ_Cà Ná_Thuận Nam_Khánh Hòa", Some("CNCĐ_Cà Ná_Khánh Hòa"), &["extra_slot"]),
        ("CNCĐ_Thôn Lạc Tiến_Cà Ná_Thuận Nam_Khánh Hòa", Some("CNCĐ_Thôn Lạc Tiến_Cà Ná_Khánh Hòa"), &["extra_slot"]),
        ("CNCĐ_Thôn Lạc Tiến_Thuận Nam_Khánh Hòa", Some("CNCĐ_Thôn Lạc Tiến_Thuận Nam_Khánh Hòa"), &[]),
        // The same with a last slot that names no province: the commune's province stands
        // for it, so that the canonical name offered is read as the same commune (Nhân
        // Hòa was a xã of Huyện Quế Võ; both are phường of Bắc Ninh since).
        ("CNCĐ_Nhân Hòa_Quế Võ_Bắc Ninh", Some("CNCĐ_Nhân Hòa_Bắc Ninh"), &["extra_slot"]),
        ("CNCĐ_Nhân Hòa_Quế Võ_Qu", Some("CNCĐ_Nhân Hòa_Bắc Ninh"), &["extra_slot", "unknown_parent"]),
        ("CNCĐ_Nhân Hòa_Quế Võ_Bắc Nin", Some("CNCĐ_Nhân Hòa_Bắc Ninh"), &["extra_slot", "typo"]),
        // A commune's name before it too: that one, the two after it slots too many (not
        // the first commune's name "misspelt" as the second's).
        ("CNCĐ_Hòa Bắc_Nam Đà_Hoài Đức_Lâm Đồng", Some("CNCĐ_Hòa Bắc_Lâm Đồng"), &["extra_slot"]),
    ];
    for &(typed, canonical, expected) in before {
        let ch = check(&reg_2025, &two_tier, typed, None, "/name");
        assert_eq!((ch.canonical.as_deref(), codes(&ch)), (canonical, expected.iter().map(|c| c.to_string()).collect()), "{typed}");
        let again = check(&reg_2025, &two_tier, canonical.expect("a canonical name"), None, "/name");
        assert_eq!(again.commune, ch.commune, "{typed}: the canonical name names another commune");
    }
    // Where the slots as typed name nothing, a guess that splits a slot must name a
    // commune within its district without a typo: "Dương" is not read as "Vương". Here
    // the slots do name one: the district's thị trấn, typed as a xã.
    let ch = check(&national, &rules, "CNCĐ_Xã Dương Minh Châu_Dương Minh Châu", None, "/name");
    assert_eq!((ch.status, codes(&ch)), (NameStatus::Fixable, vec!["type_word".to_string()]));
    assert_eq!(ch.canonical.as_deref(), Some("CNCĐ_Dương Minh Châu_Dương Minh Châu"));
    assert_eq!(ch.diagnostics[0].severity, Severity::Warning);
    // A name that starts with a word that is also a type word is not read as typed with
    // the wrong one ("Trường" is a school's, "Phương" is "Phường" without diacritics).
    for typed in ["CNCĐ_Trường Yên_Hoa Lư", "CNCĐ_Phương Hải_Ninh Hải"] {
        let ch = check(&national, &rules, typed, None, "/name");
        assert!(!codes(&ch).contains(&"type_word".to_string()), "{typed}: {:?}", codes(&ch));
    }
    // The right type word, which the standard leaves out, is information only.
    let ch = check(&national, &rules, "CNCĐ_Phường Liên Mạc_Bắc Từ Liêm", None, "/name");
    assert_eq!((codes(&ch), ch.diagnostics[0].severity), (vec!["type_word".to_string()], Severity::Info));
    // A ward typed as a xã: the ward of the district typed, not a xã of that name elsewhere.
    let ch = check(&national, &rules, "CNCĐ_Xã Liên Mạc_Bắc Từ Liêm", None, "/name");
    assert_eq!((ch.canonical.as_deref(), codes(&ch)), (Some("CNCĐ_Liên Mạc_Bắc Từ Liêm"), vec!["type_word".to_string()]));
    assert_eq!(ch.diagnostics[0].message.vi, "\"Xã Liên Mạc\": Phường Liên Mạc là phường, không phải xã; viết là \"Liên Mạc\"");
    // The province after the district, where the commune's name alone is common: the
    // name read as typed (a village "Tân Phú" of a Tân Phú in a district "Đồng Nai")
    // names several communes, so the province is left out as a slot too many.
    let ch = check(&national, &rules, "CNCĐ_Tân Phú_Tân Phú_Đồng Nai", None, "/name");
    assert_eq!((ch.canonical.as_deref(), codes(&ch)), (Some("CNCĐ_Tân Phú_Tân Phú"), vec!["extra_slot".to_string()]));
    assert_eq!(ch.commune.map(|c| national.unit(c).code()), Some("26116"));
    // A province whose name starts with a village's type word ("sóc", a Khmer hamlet)
    // after the district is a slot too many, not the village typed last.
    let ch = check(&national, &rules, "CNCĐ_Phú Tân_Châu Thành_Sóc Trăng", None, "/name");
    assert_eq!((ch.canonical.as_deref(), codes(&ch)), (Some("CNCĐ_Phú Tân_Châu Thành"), vec!["extra_slot".to_string()]));
    let district = national.unit(ch.parent.expect("the district"));
    assert_eq!(district.parent().map(|p| national.unit(p).name()), Some("Sóc Trăng"));
    // Nationally too, where the commune's name alone is common: one Tân Phú in Đồng Nai.
    let ch = check(&national, &rules, "CNCĐ_Tân Phú_Đồng Nai", None, "/name");
    assert_eq!((ch.canonical.as_deref(), codes(&ch)), (Some("CNCĐ_Tân Phú_Tân Phú"), vec!["missing_slot".to_string()]));
    assert!(ch.diagnostics[0].message.en.contains("\"Đồng Nai\" is the province"), "{}", ch.diagnostics[0].message.en);
    // A name that names several communes stays ambiguous: no slot is dropped to choose.
    let ch = check(&national, &rules, "CNCĐ_Phong Điền_Phong Điền", None, "/name");
    assert_eq!((ch.status, codes(&ch)), (NameStatus::Invalid, vec!["ambiguous".to_string()]));
}

mod canonical_names {
    //! The canonical name `check` offers for what was typed is read as the commune the
    //! typed name was read as, and as right: whoever copies it keeps their commune and
    //! has nothing more to mend. Names are put
    //! together from real names of the lists, in the shapes people type them: another
    //! commune's name as the village (a district of before 2025, in two tiers), slots too
    //! many, the parent first, the last slot cut short or wrong, a year or "(Zalo)" after
    //! it, type words, another separator, no diacritics, capitals.
    use cncd::names::{check, NamingRules};
    use cncd::units::{Level, Registry, Unit};
    use proptest::prelude::*;
    use proptest::sample::Index;
    use proptest::test_runner::FileFailurePersistence;
    use std::sync::OnceLock;

    /// Ninh Thuận (three tiers, its own list), and the 2025 list (two tiers).
    fn lists() -> &'static [(Registry, NamingRules); 2] {
        static L: OnceLock<[(Registry, NamingRules); 2]> = OnceLock::new();
        L.get_or_init(|| {
            [(Registry::ninh_thuan_2022(), NamingRules::ninh_thuan_2022()), (Registry::vietnam_2025(), NamingRules::two_tier_2025())]
        })
    }

    const AFTER: [&str; 11] =
        ["", "_2022", " 2022", "_Qu", " (Zalo)", "_Ninh Thuận", "_Hà Nội", "_Bình Phước", "_Thôn 3", "_Khánh Hòa", "_Tỉnh Hà Giang"];
    const TYPE_WORDS: [&str; 6] = ["Xã", "Phường", "Huyện", "Tỉnh", "Thôn", "TP"];

    fn typed(list: &(Registry, NamingRules), picks: [Index; 4], shape: u8, sep: &str, after: &str, case: u8) -> String {
        let reg = &list.0;
        let communes: Vec<Unit> = reg.units().map(|(_, u)| u).filter(|u| u.level() == Level::Commune).collect();
        let [c, other, another, word] = picks;
        let c = communes[c.index(communes.len())];
        let parent = reg.unit(c.parent().expect("a commune has a parent"));
        let (other, another) = (communes[other.index(communes.len())].name(), communes[another.index(communes.len())].name());
        let mut slots = vec![c.name().to_string(), parent.name().to_string()];
        match shape % 7 {
            0 => slots.insert(0, other.to_string()),
            1 => slots.insert(0, format!("Thôn {other}")),
            2 => slots.swap(0, 1),
            3 => slots.splice(0..0, [another.to_string(), other.to_string()]).for_each(drop),
            4 => {
                let last = slots.pop().unwrap_or_default();
                slots.push(last.chars().take(last.chars().count().saturating_sub(1)).collect());
            }
            5 => {
                let i = word.index(slots.len());
                slots[i] = format!("{} {}", TYPE_WORDS[word.index(TYPE_WORDS.len())], slots[i]);
            }
            _ => {}
        }
        let name = format!("CNCĐ{sep}{}{after}", slots.join(sep));
        match case % 4 {
            0 => cncd::text::ascii_key(&name),
            1 => name.to_uppercase(),
            _ => name,
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 2000,
            failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/names_canonical.txt"))),
            ..ProptestConfig::default()
        })]

        #[test]
        fn the_canonical_name_names_the_same_commune(
            two_tiers in any::<bool>(),
            picks in any::<[Index; 4]>(),
            shape in any::<u8>(),
            sep in prop::sample::select(vec!["_", " ", "-", " _ "]),
            after in prop::sample::select(AFTER.to_vec()),
            case in any::<u8>(),
        ) {
            let list = &lists()[usize::from(two_tiers)];
            let name = typed(list, picks, shape, sep, after, case);
            let (reg, rules) = list;
            let first = check(reg, rules, &name, None, "/name");
            if let Some(canonical) = &first.canonical {
                let again = check(reg, rules, canonical, None, "/name");
                prop_assert_eq!(again.commune, first.commune, "{:?} offered {:?}", name, canonical);
                // And it is right as it stands.
                prop_assert_eq!(again.canonical.as_deref(), Some(canonical.as_str()), "{:?}", name);
                prop_assert!(again.diagnostics.is_empty(), "{:?} offered {:?}: {:?}", name, canonical, again.diagnostics);
            }
        }
    }
}
