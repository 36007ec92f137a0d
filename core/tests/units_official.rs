//! Every commune of the official lists resolves to itself, and the 2025 mapping covers
//! Ninh Thuận.

use cncd::text::{ascii_key, to_tone_style, ToneStyle};
use cncd::units::{Level, Mapping, MatchKind, Registry, ResolveOptions, ResolveStatus, SuccessorStatus, UnitId};

fn other_style(s: &str) -> String {
    let t = to_tone_style(s, ToneStyle::Traditional);
    if t != s {
        t
    } else {
        to_tone_style(s, ToneStyle::Modern)
    }
}

struct Counts {
    communes: usize,
    bare_ambiguous_in_parent: usize,
    ascii_ambiguous_in_parent: usize,
    ambiguous_in_province: usize,
}

/// Resolves every commune of `reg` four ways within its parent, and by full name within
/// its province; returns the counts of the ambiguous answers.
fn check_all(reg: &Registry) -> Counts {
    let mut counts = Counts { communes: 0, bare_ambiguous_in_parent: 0, ascii_ambiguous_in_parent: 0, ambiguous_in_province: 0 };
    let communes: Vec<UnitId> = reg.units().filter(|(_, u)| u.level() == Level::Commune).map(|(id, _)| id).collect();
    for &id in &communes {
        counts.communes += 1;
        let u = reg.unit(id);
        let parent = ResolveOptions { level: Some(Level::Commune), within: u.parent() };
        let r = reg.resolve(u.full_name(), &parent);
        assert_eq!((r.unique(), r.candidates[0].matched), (Some(id), MatchKind::Exact), "full name {}", u.full_name());
        let r = reg.resolve(u.name(), &parent);
        assert!(r.best().iter().any(|c| c.unit == id), "bare name {} ({})", u.name(), u.code());
        if r.status == ResolveStatus::Ambiguous {
            // A township and a commune of one district may share a bare name (Thị trấn
            // Yên Viên, Xã Yên Viên): the bare name cannot tell them apart.
            counts.bare_ambiguous_in_parent += 1;
            assert!(r.best().iter().all(|c| reg.unit(c.unit).name_key() == u.name_key()));
        }
        let r = reg.resolve(&other_style(u.full_name()), &parent);
        assert_eq!(r.unique(), Some(id), "other tone style of {}", u.full_name());
        let r = reg.resolve(&ascii_key(u.name()), &parent);
        assert!(r.best().iter().any(|c| c.unit == id), "ascii {}", u.full_name());
        if r.status == ResolveStatus::Ambiguous {
            // Another commune of the parent folds to the same letters (Thành Hải, Thanh Hải).
            counts.ascii_ambiguous_in_parent += 1;
            assert!(r.best().iter().all(|c| reg.unit(c.unit).ascii_key() == u.ascii_key()));
        }
        let province = reg.ancestor_at(id, Level::Province);
        let in_province = ResolveOptions { level: Some(Level::Commune), within: province };
        let r = reg.resolve(u.full_name(), &in_province);
        match r.status {
            ResolveStatus::Unique => assert_eq!(r.unique(), Some(id)),
            ResolveStatus::Ambiguous => {
                counts.ambiguous_in_province += 1;
                assert!(r.best().iter().any(|c| c.unit == id));
                assert!(r.best().iter().all(|c| reg.unit(c.unit).name_key() == u.name_key()));
            }
            ResolveStatus::None => panic!("{} not found in its province", u.full_name()),
        }
    }
    counts
}

#[test]
fn every_2022_commune_resolves_to_itself() {
    let reg = Registry::vietnam_2022();
    assert_eq!((reg.count(Level::Province), reg.count(Level::District), reg.count(Level::Commune)), (63, 700, 10_599));
    let c = check_all(&reg);
    assert_eq!(c.communes, 10_599);
    // Measured on the list, and checked by an independent script (reported in the
    // issue): 40 communes share their bare name with another of their district (a
    // township and a commune, such as Yên Viên); 90 share their bare name folded to ASCII;
    // 455 share their full name (by name_key) with another of their province.
    eprintln!(
        "2022: bare-ambiguous in district {}, ascii-ambiguous in district {}, ambiguous in province {}",
        c.bare_ambiguous_in_parent, c.ascii_ambiguous_in_parent, c.ambiguous_in_province
    );
    assert_eq!((c.bare_ambiguous_in_parent, c.ascii_ambiguous_in_parent, c.ambiguous_in_province), (40, 90, 455));
}

#[test]
fn every_2025_commune_resolves_to_itself() {
    let reg = Registry::vietnam_2025();
    assert_eq!((reg.count(Level::Province), reg.count(Level::District), reg.count(Level::Commune)), (34, 0, 3_321));
    let c = check_all(&reg);
    eprintln!(
        "2025: bare-ambiguous in province {}, ascii-ambiguous in province {}, ambiguous in province {}",
        c.bare_ambiguous_in_parent, c.ascii_ambiguous_in_parent, c.ambiguous_in_province
    );
    assert_eq!((c.bare_ambiguous_in_parent, c.ascii_ambiguous_in_parent, c.ambiguous_in_province), (0, 20, 0));
}

#[test]
fn hanoi_had_three_phuong_quang_trung() {
    let reg = Registry::vietnam_2022();
    let hanoi = reg.find(Level::Province, "01");
    let r = reg.resolve("Phường Quang Trung", &ResolveOptions { level: None, within: hanoi });
    assert_eq!(r.status, ResolveStatus::Ambiguous);
    assert_eq!(r.best().len(), 3);
}

#[test]
fn typed_names_of_ninh_thuan() {
    let reg = Registry::ninh_thuan_2022();
    let any = ResolveOptions::default();
    let code = |text: &str| reg.resolve(text, &any).unique().map(|id| reg.unit(id).code().to_string());
    for (text, expected, how) in [
        ("Phước Hà", "22885", MatchKind::Exact),
        ("xa phuoc ha huyen thuan nam", "22885", MatchKind::AsciiKey),
        ("P. Đô Vinh, TP Phan Rang - Tháp Chàm", "22738", MatchKind::Abbreviation),
        ("TT Khánh Hải", "22834", MatchKind::Abbreviation),
        ("Phường Đô Vinnh", "22738", MatchKind::Typo),
        ("XÃ PHƯỚC HÀ", "22885", MatchKind::NameKey),
        ("Xa\u{301} Phu\u{31b}o\u{31b}\u{301}c Ha\u{300}", "22885", MatchKind::NameKey),
    ] {
        let r = reg.resolve(text, &any);
        assert_eq!(code(text).as_deref(), Some(expected), "{text}");
        assert_eq!(r.candidates[0].matched, how, "{text}");
    }
    assert_eq!(reg.resolve("Phường 1", &any).status, ResolveStatus::None);
    // A typo that two names are one edit from: Phước Hà and Phước Hải.
    assert_eq!(reg.resolve("Phuoc Haa", &any).status, ResolveStatus::Ambiguous);
    assert_eq!(reg.resolve("", &any).status, ResolveStatus::None);
    assert_eq!(reg.resolve(&"a".repeat(10_000), &any).status, ResolveStatus::None);
    // Wrong district: Phước Hà is in Thuận Nam, not Ninh Hải.
    assert_eq!(reg.resolve("Phước Hà, Huyện Ninh Hải", &any).status, ResolveStatus::None);
}

#[test]
fn every_ninh_thuan_commune_maps_into_khanh_hoa() {
    let (reg, m) = (Registry::ninh_thuan_2022(), Mapping::ninh_thuan_2025());
    let national = Mapping::vietnam_2025();
    let mut merged_before = 0;
    for (_, u) in reg.units().filter(|(_, u)| u.level() == Level::Commune) {
        for map in [&m, &national] {
            let s = map.successors_of(&reg, u.code());
            assert!(!s.successors.is_empty(), "{} {}: {:?}", u.code(), u.full_name(), s.status);
            assert!(s.successors.iter().all(|x| x.province_code == "56" && x.province_name == "Tỉnh Khánh Hòa"));
            merged_before += usize::from(s.status == SuccessorStatus::MergedBefore);
        }
    }
    assert_eq!(merged_before, 2 * 4, "the four wards of Phan Rang merged in 2024");
    // Without the 2022 list, a code the base list lacks gets a clear answer, no guess.
    for code in ["22747", "22753", "22756"] {
        assert_eq!(m.successors(code).status, SuccessorStatus::NotInBase);
    }
    let s = m.successors("22750");
    assert_eq!((s.status, s.base_name.as_deref()), (SuccessorStatus::Mapped, Some("Phường Phủ Hà")));
}

#[test]
fn reused_codes_are_not_guessed() {
    // 22750 is Thanh Sơn in a list that lacks the documented 2024 merger: the base list
    // gives that code to Phủ Hà, so no successor is guessed.
    let csv = "province_code,province_name,district_code,district_name,commune_code,commune_name\n\
               58,Tỉnh Ninh Thuận,582,Thành phố Phan Rang-Tháp Chàm,22744,Phường Sơn Thanh\n";
    let reg = Registry::from_csv("odd", csv).unwrap();
    let s = Mapping::ninh_thuan_2025().successors_of(&reg, "22744");
    assert_eq!(s.status, SuccessorStatus::CodeReused);
    assert!(s.successors.is_empty());
}

#[test]
fn namesakes_in_many_communes_resolve_within_their_commune() {
    // "Thôn 1" exists in thousands of communes: a search scoped to one commune must find
    // its own, by exact name or typed without diacritics, however many namesakes there are.
    let mut reg = Registry::vietnam_2022();
    let communes: Vec<_> = reg.units().filter(|(_, u)| u.level() == Level::Commune).map(|(_, u)| u.code().to_string()).take(500).collect();
    for (i, c) in communes.iter().enumerate() {
        reg.add_village(&format!("{c}-1"), c, "Thôn 1").unwrap();
        reg.add_village(&format!("{c}-2"), c, if i % 2 == 0 { "Thôn Phú Thọ" } else { "Thôn Phú Thạnh" }).unwrap();
    }
    for c in [&communes[0], &communes[250], &communes[499]] {
        let within = reg.find(Level::Commune, c);
        for typed in ["Thôn 1", "thon 1", "Thôn Phú Thọ", "thon phu tho"] {
            let r = reg.resolve(typed, &ResolveOptions { level: None, within });
            let i = communes.iter().position(|x| x == c).unwrap();
            if (typed.contains("Ph") || typed.contains("ph")) && i % 2 == 1 {
                continue; // this commune has Phú Thạnh, not Phú Thọ
            }
            assert_eq!(r.status, ResolveStatus::Unique, "{typed} in {c}: {:?}", r.candidates);
            let u = reg.unit(r.candidates[0].unit);
            assert_eq!(reg.unit(u.parent().unwrap()).code(), c.as_str());
        }
    }
}
