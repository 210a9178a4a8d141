//! No internal file path reaches a reader: every string of the embedded study (what the
//! page and the dataset download show) and every entry of the two UI string tables is
//! scanned for file paths such as `shared/study/000_….txt` or `scripts/…/….py`. Sources
//! are cited as publications; file names belong to the maintainers' check script
//! (`scripts/evidence/check_quotations.py`) only.

use study_core::study::Study;

/// The path-like words in `text`: a word naming a `.txt` file, one with a folder of the
/// transcription's (`shared/`, `study/`), or a file in a folder (`scripts/check.py`). The
/// file picker's bare `.txt` (a file type, not a file), a web address and a DOI are not.
fn paths_in(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || "._/-".contains(c))))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| {
            let names_txt = w.len() > ".txt".len() && w.to_ascii_lowercase().ends_with(".txt");
            names_txt || w.contains("shared/") || w.contains("study/") || file_in_folder(w)
        })
        .map(str::to_string)
        .collect()
}

/// `folder/name.ext`, with an extension of one to four letters, as a file path is
/// written. A web address (`https://…`) is not one, nor a DOI (its last part ends in
/// digits).
fn file_in_folder(word: &str) -> bool {
    let Some((folder, name)) = word.rsplit_once('/') else { return false };
    let is_file = name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=4).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphabetic())
    });
    !folder.is_empty() && is_file && !word.contains("://")
}

/// Every string value in a JSON tree, with its path.
fn strings(v: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((at.to_string(), s.clone())),
        serde_json::Value::Array(xs) => {
            xs.iter().enumerate().for_each(|(i, x)| strings(x, &format!("{at}[{i}]"), out))
        }
        serde_json::Value::Object(m) => {
            m.iter().for_each(|(k, x)| strings(x, &format!("{at}.{k}"), out))
        }
        _ => {}
    }
}

#[test]
fn the_detector_finds_paths_and_spares_a_file_type() {
    assert_eq!(
        paths_in("(shared/study/001_b3f2510927b910de.txt, background essay)"),
        ["shared/study/001_b3f2510927b910de.txt"]
    );
    assert_eq!(paths_in("see 000_3e81d1c517a65106.txt."), ["000_3e81d1c517a65106.txt"]);
    assert!(paths_in("Plain-text sources (.txt, pick several at once)").is_empty());
    assert!(paths_in("Song et al. (2019), Table 8").is_empty());
    assert_eq!(
        paths_in("Re-checked with scripts/evidence/check_quotations.py: (1) every"),
        ["scripts/evidence/check_quotations.py"]
    );
    assert!(paths_in("https://doi.org/10.1016/j.im.2019.103160 and 10.1016/j.im.2019.103160")
        .is_empty());
    assert!(paths_in("work- and socialization-oriented, 1/2 of them, and/or either").is_empty());
}

#[test]
fn no_study_string_names_a_file() {
    let study = Study::embedded().unwrap();
    let json = serde_json::to_value(&study.raw).unwrap();
    let mut all = Vec::new();
    strings(&json, "$", &mut all);
    assert!(all.len() > 500, "the study's strings are scanned ({})", all.len());
    let found: Vec<_> = all.iter().filter(|(_, s)| !paths_in(s).is_empty()).collect();
    assert!(found.is_empty(), "file paths in the study's reader-facing strings: {found:?}");
    let file = include_str!("../crates/core/data/study.json");
    assert!(paths_in(file).is_empty(), "the dataset download names a file: {:?}", paths_in(file));
}

#[test]
fn no_ui_string_names_a_file() {
    for (name, source) in [
        ("en.rs", include_str!("../crates/core/src/text/i18n/en.rs")),
        ("zh.rs", include_str!("../crates/core/src/text/i18n/zh.rs")),
    ] {
        let entries: String =
            source.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
        assert!(paths_in(&entries).is_empty(), "{name}: {:?}", paths_in(&entries));
    }
}
