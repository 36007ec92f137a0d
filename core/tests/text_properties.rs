//! Invariants of the text layer, on random strings biased toward Vietnamese.

use cncd::text::{ascii_key, ascii_key_into, clean, clean_into, name_key, name_key_into, title_case, to_tone_style, ToneStyle};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

/// Vietnamese letters in both cases, combining marks, look-alikes, odd spaces and dashes.
const ALPHABET: &str = "aăâeêioôơuưyđbcdghklmnpqrstvxAĂÂEÊIOÔƠUƯYĐQGàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠÒÓỎÕỌỦỤỲÝ\u{300}\u{301}\u{309}\u{303}\u{323}\u{302}\u{306}\u{31b}\u{340}\u{D0}\u{F0}\u{2013}\u{2014}\u{A0}\u{200B}\u{FEFF}\u{AD}\u{2019}\u{1FEF}`'-  0123456789.,ßİΣσς";

fn vietnamese_like() -> impl Strategy<Value = String> {
    let chars: Vec<char> = ALPHABET.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..40).prop_map(|v| v.into_iter().collect())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![vietnamese_like(), any::<String>(), "\\PC{0,30}"]
}

fn style() -> impl Strategy<Value = ToneStyle> {
    prop_oneof![Just(ToneStyle::Traditional), Just(ToneStyle::Modern)]
}

proptest! {
    #![proptest_config(ProptestConfig {
        // PROPTEST_CASES=100000 for a longer run.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(4000),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/text_properties.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn clean_is_idempotent(s in any_text()) {
        let once = clean(&s);
        prop_assert_eq!(clean(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
    }

    #[test]
    fn keys_are_idempotent(s in any_text()) {
        let k = name_key(&s);
        prop_assert_eq!(name_key(&k), k.clone());
        let a = ascii_key(&s);
        prop_assert_eq!(ascii_key(&a), a.clone());
    }

    #[test]
    fn name_key_ignores_tone_style(s in any_text(), st in style()) {
        prop_assert_eq!(name_key(&to_tone_style(&s, st)), name_key(&s));
    }

    #[test]
    fn ascii_key_is_the_folded_name_key(s in any_text()) {
        prop_assert_eq!(ascii_key(&name_key(&s)), ascii_key(&s));
    }

    #[test]
    fn keys_see_through_clean(s in any_text()) {
        prop_assert_eq!(name_key(&clean(&s)), name_key(&s));
        prop_assert_eq!(ascii_key(&clean(&s)), ascii_key(&s));
    }

    #[test]
    fn tone_style_is_idempotent_and_reversible_in_key(s in any_text(), st in style()) {
        let once = to_tone_style(&s, st);
        prop_assert_eq!(to_tone_style(&once, st), once);
    }

    #[test]
    fn into_forms_match_and_reuse_dirty_buffers(s in any_text(), junk in any_text()) {
        let mut buf = junk.clone();
        clean_into(&s, &mut buf);
        prop_assert_eq!(&buf, &clean(&s));
        buf.push_str(&junk);
        name_key_into(&s, &mut buf);
        prop_assert_eq!(&buf, &name_key(&s));
        buf.push_str(&junk);
        ascii_key_into(&s, &mut buf);
        prop_assert_eq!(&buf, &ascii_key(&s));
    }

    #[test]
    fn title_case_keeps_the_name_key(s in vietnamese_like()) {
        // Title case changes only case, so the key (lower case) is unchanged, except where
        // lower-casing is not reversible (İ, final sigma), which the alphabet includes.
        let t = title_case(&s);
        if !s.contains(['İ', 'Σ', 'σ', 'ς', 'ß']) {
            prop_assert_eq!(name_key(&t), name_key(&s));
        }
    }
}

#[test]
fn one_megabyte_inputs() {
    let mib = 1 << 20;
    let inputs = [
        "Xã Phước Hà ".repeat(mib / 14),
        "\u{301}".repeat(mib / 2),
        "a".repeat(mib),
        "ư\u{301}\u{300}".repeat(mib / 6),
        " \u{A0}\u{200B}".repeat(mib / 6),
        "0".repeat(mib),
        "- ".repeat(mib / 2),
    ];
    for s in &inputs {
        let c = clean(s);
        assert!(c.len() <= s.len() * 2);
        let k = name_key(s);
        assert_eq!(name_key(&k), k);
        let a = ascii_key(s);
        assert_eq!(ascii_key(&a), a);
        let _ = to_tone_style(s, ToneStyle::Modern);
        let _ = title_case(s);
    }
    assert_eq!(name_key(&"0".repeat(mib)), "0");
}

#[test]
fn empty_strings() {
    assert_eq!(clean(""), "");
    assert_eq!(name_key(""), "");
    assert_eq!(ascii_key(""), "");
    assert_eq!(title_case(""), "");
    assert_eq!(to_tone_style("", ToneStyle::Modern), "");
}
