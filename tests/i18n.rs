//! The two UI string tables (English, Simplified Chinese) hold the same keys, and each
//! entry is usable: not empty, the same `{placeholders}` in both languages, and the Chinese
//! table really Chinese. A key missing from either table does not compile, which fails this
//! test as well as every build; the checks below catch what the compiler cannot.

use study_core::text::i18n::{fill, placeholders, segments, Lang, Segment, Strings, EN, ZH};

/// Entries that are the same words in both languages (names, symbols, the paper's labels).
const SAME_IN_BOTH: &[&str] = &[];

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        ('\u{4E00}'..='\u{9FFF}').contains(&c)
            || ('\u{3000}'..='\u{303F}').contains(&c)
            || ('\u{FF00}'..='\u{FFEF}').contains(&c)
    })
}

/// The keys of a table's source, in the order written: each `key: "…"` line of its
/// `Strings { … }` literal.
fn written_keys(source: &str) -> Vec<String> {
    let body = source.split_once("Strings {").map_or("", |(_, b)| b);
    body.lines()
        .filter_map(|line| {
            let (key, rest) = line.trim().split_once(':')?;
            let is_key = !key.is_empty()
                && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            (is_key && rest.trim_start().starts_with('"')).then(|| key.to_string())
        })
        .collect()
}

fn table_source(file: &str) -> String {
    let path = format!("{}/crates/core/src/text/i18n/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_detector_reads_a_table_in_written_order() {
    let table = "Strings {\n    // a section\n    b_key: \"B\",\n    a_key: \"A: x\",\n};";
    assert_eq!(written_keys(table), ["b_key", "a_key"]);
}

/// The compiler checks that both tables fill every key, but not in which order: this keeps
/// both written in `keys.rs`'s order, one entry per line, so the two read side by side.
#[test]
fn both_tables_are_written_in_the_key_lists_order() {
    for file in ["en.rs", "zh.rs"] {
        let written = written_keys(&table_source(file));
        assert_eq!(written, Strings::KEYS, "{file} is not written in keys.rs's order");
    }
}

#[test]
fn no_entry_is_empty_or_padded() {
    for lang in Lang::ALL {
        for (k, v) in lang.strings().entries() {
            assert!(!v.trim().is_empty(), "{}: {k} is empty", lang.key());
            assert_eq!(v, v.trim(), "{}: {k} has surrounding blanks", lang.key());
        }
    }
}

#[test]
fn placeholders_match_between_languages() {
    for ((k, en), (_, zh)) in EN.entries().into_iter().zip(ZH.entries()) {
        let mut a = placeholders(en);
        let mut b = placeholders(zh);
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "{k}: placeholders differ:\n  en: {en}\n  zh: {zh}");
        for p in a {
            assert!(
                !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{k}: odd placeholder {{{p}}}"
            );
        }
    }
}

#[test]
fn the_chinese_table_is_translated() {
    for ((k, en), (_, zh)) in EN.entries().into_iter().zip(ZH.entries()) {
        if SAME_IN_BOTH.contains(&k) {
            assert_eq!(en, zh, "{k} is listed as the same in both languages");
            continue;
        }
        assert!(has_cjk(zh), "zh: {k} has no Chinese: {zh:?}");
        assert!(!has_cjk(en), "en: {k} has Chinese: {en:?}");
    }
}

#[test]
fn fill_replaces_named_placeholders_and_keeps_unknown_ones_visible() {
    assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
    assert_eq!(fill("{a} and {missing}", &[("a", "1")]), "1 and {missing}");
    assert_eq!(fill("no { close", &[]), "no { close");
    assert_eq!(
        fill(EN.total_error, &[("error", "not a number")]),
        "not a number; the last valid value is still used."
    );
    assert_eq!(placeholders(EN.live_factor), vec!["r16", "r17", "factor"]);
    assert_eq!(
        segments("{a}, then {b}. {open"),
        vec![
            Segment::Placeholder("a"),
            Segment::Text(", then "),
            Segment::Placeholder("b"),
            Segment::Text(". {open")
        ]
    );
    assert_eq!(segments(""), vec![]);
}

#[test]
fn languages_round_trip_and_follow_the_browser() {
    for l in Lang::ALL {
        assert_eq!(Lang::from_key(l.key()), Some(l));
    }
    assert_eq!(Lang::from_key("ZH"), Some(Lang::Zh));
    assert_eq!(Lang::from_key("fr"), None);
    assert_eq!(Lang::from_navigator(["zh-CN", "en-US"]), Lang::Zh);
    assert_eq!(Lang::from_navigator(["fr-FR", "zh_TW"]), Lang::Zh);
    assert_eq!(Lang::from_navigator(["en-GB", "zh-CN"]), Lang::En);
    assert_eq!(Lang::from_navigator(["de", "fr"]), Lang::En);
    assert_eq!(Lang::from_navigator([]), Lang::En);
    assert_eq!(Lang::Zh.bcp47(), "zh-Hans");
}
