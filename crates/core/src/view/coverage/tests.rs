//! Unit tests of the workshop view models, worked by hand.

use super::*;
use crate::coverage::kappa::Kappa;
use crate::coverage::project::{Code, Coding, Grouping, ProjectParts, Source, SourceSet, User};
use crate::coverage::sample::teaching_project;
use crate::coverage::themes::ThemeMatch;
use crate::coverage::themes::{match_themes, PAPER_THEMES};
use crate::study::Study;
use crate::study::{Group, Time};
use crate::text::i18n::{EN, ZH};
use std::collections::BTreeMap;

fn src(id: &str, text: &str, attrs: &[(&str, &str)]) -> Source {
    Source {
        id: id.into(),
        name: id.into(),
        description: String::new(),
        text: text.into(),
        attributes: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    }
}

fn coding(source: &str, start: usize, end: usize, code: &str, coder: &str) -> Coding {
    Coding {
        source: source.into(),
        start,
        end,
        code: code.into(),
        coder: coder.into(),
        origin: String::new(),
    }
}

/// Two sources in one cell (10 and 30 characters), one empty source in another cell, one
/// source with no attributes; a parent with one child.
fn small() -> Project {
    let parts = ProjectParts {
        name: "Small".into(),
        description: String::new(),
        users: vec![
            User { id: "a".into(), name: "Ann".into() },
            User { id: "b".into(), name: "Bo".into() },
        ],
        codes: vec![
            Code {
                id: "p".into(),
                name: "Team monitoring".into(),
                children: vec![Code::leaf("c", "Visibility")],
            },
            Code::leaf("x", "Other"),
        ],
        sources: vec![
            src("s1", "0123456789", &[("Group", "Service"), ("Time", "T1")]),
            src("s2", &"x".repeat(30), &[("Group", "Service"), ("Time", "T1")]),
            src("s3", "", &[("Group", "Development"), ("Time", "T2")]),
            src("s4", "abcd", &[]),
        ],
        codings: vec![
            coding("s1", 0, 5, "c", "a"),
            coding("s2", 0, 3, "p", "a"),
            coding("s1", 0, 4, "c", "b"),
            coding("s4", 0, 2, "x", "b"),
        ],
        sets: vec![
            SourceSet {
                id: "k1".into(),
                name: "Long ones".into(),
                description: String::new(),
                sources: vec!["s2".into(), "s1".into(), "s2".into()],
            },
            SourceSet {
                id: "k2".into(),
                name: "Short ones".into(),
                description: String::new(),
                sources: vec!["s4".into(), "s1".into()],
            },
        ],
    };
    Project::new(parts).unwrap()
}

#[test]
fn size_limits_are_checked_before_reading_with_the_file_named() {
    assert!(check_qdpx_size("a.qdpx", QDPX_LIMITS.archive_bytes, &EN).is_ok());
    let e = check_qdpx_size("big.qdpx", QDPX_LIMITS.archive_bytes + 1, &EN).unwrap_err();
    assert!(e.starts_with("big.qdpx is 100.0 MiB, over the 100.0 MiB limit"), "{e}");
    assert!(check_csv_sizes(&[("c.csv".into(), 10), ("t.txt".into(), CSV_LIMITS.file_bytes)], &EN)
        .is_ok());
    let e = check_csv_sizes(
        &[("c.csv".into(), 10), ("huge.txt".into(), CSV_LIMITS.file_bytes + 1)],
        &EN,
    )
    .unwrap_err();
    assert!(e.starts_with("huge.txt is"), "{e}");
    let many: Vec<(String, u64)> =
        (0..5).map(|i| (format!("{i}.txt"), CSV_LIMITS.file_bytes)).collect();
    let e = check_csv_sizes(&many, &EN).unwrap_err();
    assert!(e.contains("5 files chosen are 320.0 MiB together"), "{e}");
    assert!(check_csv_sizes(&[("x".into(), u64::MAX), ("y".into(), u64::MAX)], &EN).is_err());
}

#[test]
fn coverage_view_has_both_definitions_undefined_and_source_columns_by_cell() {
    let p = small();
    let keys = Grouping::Variables(p.detect_cell_keys().unwrap());
    let v = coverage_view(&p, Some(&keys), &Coders::All, &EN).unwrap();
    assert_eq!(
        v.cells.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
        vec!["Development \u{d7} T2", "Service \u{d7} T1"]
    );
    assert_eq!((v.cells[0].n_sources, v.cells[0].n_empty, v.cells[1].total_chars), (1, 1, 40));
    assert_eq!(
        v.sources.iter().map(|s| (s.key.as_str(), s.id.as_str())).collect::<Vec<_>>(),
        vec![("S1", "s3"), ("S2", "s1"), ("S3", "s2"), ("S4", "s4")]
    );
    assert_eq!(v.sources[3].cell, None);
    assert_eq!(v.unassigned, vec!["s4".to_string()]);
    let parent = &v.rows[0];
    assert!(parent.aggregate && parent.depth == 1);
    assert_eq!(v.rows[1].depth, 2);
    // Parent in Service T1: s1 has [0,5) (union of a and b), s2 has [0,3): pooled 8/40, mean (50 + 10)/2.
    assert_eq!(parent.cells[1].pooled_text, "20.00%");
    assert_eq!(parent.cells[1].mean_text, "30.00%");
    // The empty Development T2 cell is undefined both ways, never 0 %.
    assert_eq!(
        (parent.cells[0].pooled_text.as_str(), parent.cells[0].mean_text.as_str()),
        (UNDEFINED, UNDEFINED)
    );
    assert_eq!(
        parent.sources.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
        vec![UNDEFINED, "50.00%", "10.00%", "0.00%"]
    );
    // One coder.
    let b = coverage_view(&p, Some(&keys), &Coders::One("b".into()), &EN).unwrap();
    assert_eq!(b.rows[0].cells[1].pooled_text, "10.00%");
    assert!(coverage_view(&p, Some(&keys), &Coders::One("nobody".into()), &EN).is_err());
    // Without keys: no cells, every source in project order.
    let none = coverage_view(&p, None, &Coders::All, &EN).unwrap();
    assert!(none.cells.is_empty() && none.rows.iter().all(|r| r.cells.is_empty()));
    assert_eq!(
        none.sources.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        vec!["s1", "s2", "s3", "s4"]
    );
}

#[test]
fn teaching_sample_view_shows_the_reference_numbers() {
    let p = teaching_project().unwrap();
    let keys = Grouping::Variables(p.detect_cell_keys().unwrap());
    let v = coverage_view(&p, Some(&keys), &Coders::All, &EN).unwrap();
    let row = |name: &str| v.rows.iter().find(|r| r.name == name).unwrap();
    let iv = row("Instrumental value");
    assert!(iv.aggregate);
    let texts: Vec<(&str, &str)> =
        iv.cells.iter().map(|c| (c.pooled_text.as_str(), c.mean_text.as_str())).collect();
    assert_eq!(
        texts,
        vec![
            ("19.82%", "16.67%"),
            ("17.38%", "12.50%"),
            ("89.86%", "88.45%"),
            ("29.36%", "50.00%")
        ]
    );
    assert_eq!(row("Team monitoring").cells[3].pooled_text, "17.30%");
    assert_eq!(row("Social exchange").cells[3].mean_text, "33.23%");
    assert_eq!(v.sources.len(), 8);
    assert!(v.unassigned.is_empty());
    assert!(import_summary(&p, &EN).starts_with("Imported \u{201c}Study Explorer"));
    assert!(
        import_summary(&p, &EN).ends_with(": 8 sources, 8 codes, 26 codings by 2 coders."),
        "{}",
        import_summary(&p, &EN)
    );
}

#[test]
fn themes_are_assigned_by_name_or_by_the_readers_mapping_never_guessed() {
    let p = small();
    let m = match_themes(&p, &PAPER_THEMES);
    assert_eq!(mappable_codes(&p, &m), vec!["c".to_string(), "x".to_string()]);
    let none = BTreeMap::new();
    let a = theme_assignments(&p, &m, &PAPER_THEMES, &none, &EN);
    let monitoring = a.iter().find(|t| t.theme == "team_monitoring").unwrap();
    assert_eq!((monitoring.code.as_deref(), monitoring.kind), (Some("p"), AssignmentKind::ByName));
    assert_eq!(a.iter().find(|t| t.theme == "team_effort").unwrap().kind, AssignmentKind::Missing);
    let chosen = BTreeMap::from([
        ("x".to_string(), "team_effort".to_string()),
        ("c".to_string(), "team_monitoring".to_string()),
    ]);
    let a = theme_assignments(&p, &m, &PAPER_THEMES, &chosen, &EN);
    let effort = a.iter().find(|t| t.theme == "team_effort").unwrap();
    assert_eq!((effort.code.as_deref(), effort.kind), (Some("x"), AssignmentKind::Chosen));
    let monitoring = a.iter().find(|t| t.theme == "team_monitoring").unwrap();
    assert_eq!(monitoring.code.as_deref(), Some("c"));
    assert!(
        monitoring.note.contains("instead of \u{201c}Team monitoring\u{201d}"),
        "{}",
        monitoring.note
    );
    let both = BTreeMap::from([
        ("x".to_string(), "team_effort".to_string()),
        ("c".to_string(), "team_effort".to_string()),
    ]);
    let a = theme_assignments(&p, &m, &PAPER_THEMES, &both, &EN);
    let effort = a.iter().find(|t| t.theme == "team_effort").unwrap();
    assert_eq!((effort.code.as_deref(), effort.kind), (None, AssignmentKind::Conflict));
}

#[test]
fn ambiguous_names_are_left_to_the_reader() {
    let parts = ProjectParts {
        codes: vec![Code::leaf("1", "Team effort"), Code::leaf("2", "team_effort")],
        ..ProjectParts::default()
    };
    let p = Project::new(parts).unwrap();
    let m = match_themes(&p, &PAPER_THEMES);
    assert_eq!(mappable_codes(&p, &m), vec!["1".to_string(), "2".to_string()]);
    let a = theme_assignments(&p, &m, &PAPER_THEMES, &BTreeMap::new(), &EN);
    assert_eq!(
        a.iter().find(|t| t.theme == "team_effort").unwrap().kind,
        AssignmentKind::Ambiguous
    );
    let a = theme_assignments(
        &p,
        &m,
        &PAPER_THEMES,
        &BTreeMap::from([("2".to_string(), "team_effort".to_string())]),
        &EN,
    );
    assert_eq!(a.iter().find(|t| t.theme == "team_effort").unwrap().code.as_deref(), Some("2"));
}

#[test]
fn comparison_puts_imported_beside_printed_and_keeps_not_reported() {
    let study = Study::embedded().unwrap();
    let p = teaching_project().unwrap();
    let keys = p.detect_cell_keys().unwrap();
    let table = p.coverage_table(&keys, &Coders::All).unwrap();
    let m = match_themes(&p, &PAPER_THEMES);
    assert_eq!(m.matched.len(), 5);
    let a = theme_assignments(&p, &m, &PAPER_THEMES, &BTreeMap::new(), &EN);
    let bars = comparison_bars(&study.raw.coverage, &p, &table, &a, Definition::Pooled, &EN);
    assert_eq!(bars.len(), 20);
    let at = |theme: &str, g: Group, t: Time| {
        bars.iter().find(|b| b.theme == theme && b.group == g && b.time == t).unwrap()
    };
    let b = at("team_monitoring", Group::Service, Time::T2);
    assert_eq!((b.paper, b.imported_text.as_str()), (Some(50.28), "17.30%"));
    let b = at("team_monitoring", Group::Service, Time::T1);
    assert_eq!(b.paper, None, "not reported stays None, never zero");
    let mean = comparison_bars(&study.raw.coverage, &p, &table, &a, Definition::MeanOfSources, &EN);
    let b = mean
        .iter()
        .find(|b| b.theme == "social_exchange" && b.group == Group::Service && b.time == Time::T2)
        .unwrap();
    assert_eq!(b.imported_text, "33.23%");
    let s = comparison_summary(&bars, Definition::Pooled, &EN);
    assert!(s.contains("Team monitoring Service T2: imported 17.30%, paper 50.28%"), "{s}");
    assert!(s.contains("10 of 20 cells reported"), "{s}");
    // Unmapped themes say so; cells the import lacks say so.
    let none = theme_assignments(&p, &ThemeMatch::default(), &PAPER_THEMES, &BTreeMap::new(), &EN);
    let bars = comparison_bars(&study.raw.coverage, &p, &table, &none, Definition::Pooled, &EN);
    assert!(bars.iter().all(|b| b.imported.is_none() && b.imported_text == "no code mapped"));
    assert!(comparison_summary(&bars, Definition::Pooled, &EN).contains("only the paper's values"));
    assert_eq!(paper_group(" service "), Some(Group::Service));
    assert_eq!(paper_time("t2"), Some(Time::T2));
    assert_eq!(paper_group("Sales"), None);
}

#[test]
fn agreement_view_gives_kappa_per_code_and_overall_with_reasons() {
    let p = teaching_project().unwrap();
    let v = agreement_view(&p, &EN);
    assert_eq!(v.len(), 1);
    let pair = &v[0];
    assert_eq!(
        (pair.coder_a.as_str(), pair.coder_b.as_str(), pair.n_sources),
        ("coder-a", "coder-b", 8)
    );
    let tm = pair.rows.iter().find(|r| r.name == "Team monitoring").unwrap();
    assert_eq!(tm.kappa_text, "0.91");
    assert!((tm.kappa.unwrap() - 0.905501533642).abs() < 1e-9);
    assert_eq!(
        (pair.overall_pooled_text.as_str(), pair.overall_weighted_text.as_str()),
        ("0.69", "0.57")
    );
    assert_eq!(kappa_text(Kappa::Defined(-0.25), &EN), "\u{2212}0.25");
    assert!(kappa_text(Kappa::Undefined(crate::coverage::KappaUndefined::NoVariation), &EN)
        .starts_with("undefined (both coders coded nothing"));
    // Coders who share no source give no pair.
    let small = small();
    let v = agreement_view(&small, &EN);
    assert_eq!(v.len(), 1, "a and b both coded s1");
    let vis = v[0].rows.iter().find(|r| r.code == "x").unwrap();
    assert_eq!(vis.kappa, None);
}

#[test]
fn texts_follow_the_ui_language_and_english_stays_as_it_was() {
    assert_eq!(EN.c_undefined, UNDEFINED);
    assert_eq!(EN.c_sample_notice, crate::coverage::SAMPLE_NOTICE);
    let p = teaching_project().unwrap();
    let en = import_summary(&p, &EN);
    let zh = import_summary(&p, &ZH);
    assert_ne!(en, zh);
    assert!(zh.starts_with("已导入\u{201c}Study Explorer"), "{zh}");
    assert!(zh.contains("8 个来源") && zh.contains("26 条编码记录"), "{zh}");
    assert_eq!(Definition::Pooled.label(&EN), "pooled (\u{3a3} coded \u{f7} \u{3a3} characters)");
    assert_ne!(Definition::Pooled.label(&ZH), Definition::Pooled.label(&EN));
    let e = check_qdpx_size("big.qdpx", QDPX_LIMITS.archive_bytes + 1, &ZH).unwrap_err();
    assert!(e.starts_with("big.qdpx 大小为 100.0 MiB"), "{e}");
    assert_eq!(check_csv_sizes(&[("a.txt".into(), 10)], &ZH), Ok(()));
    // Empty sources are undefined in both languages, never 0 %.
    let small = small();
    let keys = Grouping::Variables(small.detect_cell_keys().unwrap());
    let v = coverage_view(&small, Some(&keys), &Coders::All, &ZH).unwrap();
    assert_eq!(v.rows[0].cells[0].pooled_text, "无定义");
    assert_eq!(v.rows[0].cells[1].pooled_text, "20.00%");
    let k = kappa_text(Kappa::Undefined(crate::coverage::KappaUndefined::NoVariation), &ZH);
    assert!(k.starts_with("无定义（两名编码员"), "{k}");
    // Theme notes: the list separator follows the language.
    let parts = ProjectParts {
        codes: vec![Code::leaf("1", "Team effort"), Code::leaf("2", "team_effort")],
        ..ProjectParts::default()
    };
    let amb = Project::new(parts).unwrap();
    let m = match_themes(&amb, &PAPER_THEMES);
    let note = |t| {
        theme_assignments(&amb, &m, &PAPER_THEMES, &BTreeMap::new(), t)
            .into_iter()
            .find(|a| a.theme == "team_effort")
            .unwrap()
            .note
    };
    assert_eq!(note(&EN), "several codes have this name (\u{201c}Team effort\u{201d}, \u{201c}team_effort\u{201d}); map one of them below");
    assert_eq!(note(&ZH), "有多个编码使用此名称（\u{201c}Team effort\u{201d}、\u{201c}team_effort\u{201d}）；请在下方对应其中一个");
    // The chart summary keeps APA-free numbers and the theme names in English.
    let study = Study::embedded().unwrap();
    let table = p.coverage_table(&p.detect_cell_keys().unwrap(), &Coders::All).unwrap();
    let tm = match_themes(&p, &PAPER_THEMES);
    let a = theme_assignments(&p, &tm, &PAPER_THEMES, &BTreeMap::new(), &ZH);
    let bars = comparison_bars(&study.raw.coverage, &p, &table, &a, Definition::Pooled, &ZH);
    let s = comparison_summary(&bars, Definition::Pooled, &ZH);
    assert!(s.contains("Team monitoring Service T2：导入 17.30%，论文 50.28%"), "{s}");
    assert!(s.contains("20 个单元格中 10 个有报告"), "{s}");
}

#[test]
fn sets_are_cells_that_may_overlap_and_each_source_is_one_column() {
    let p = small();
    assert_eq!(p.default_grouping(), Some(Grouping::Variables(p.detect_cell_keys().unwrap())));
    let v = coverage_view(&p, Some(&Grouping::Sets), &Coders::All, &EN).unwrap();
    assert!(v.cells.iter().all(|c| c.time.is_none()));
    let heads: Vec<(&str, Option<&str>, usize, u64)> = v
        .cells
        .iter()
        .map(|c| (c.label.as_str(), c.set.as_deref(), c.n_sources, c.total_chars))
        .collect();
    // "Long ones" lists s2 twice: it counts once.
    assert_eq!(heads, vec![("Long ones", Some("k1"), 2, 40), ("Short ones", Some("k2"), 2, 14)]);
    // s1 is in both sets: one column, under its first set, naming both.
    let cols: Vec<(&str, &str, Option<&str>)> =
        v.sources.iter().map(|s| (s.key.as_str(), s.id.as_str(), s.cell.as_deref())).collect();
    assert_eq!(
        cols,
        vec![
            ("S1", "s1", Some("Long ones, Short ones")),
            ("S2", "s2", Some("Long ones")),
            ("S3", "s4", Some("Short ones")),
            ("S4", "s3", None)
        ]
    );
    assert_eq!(
        (v.unassigned.clone(), v.overlapping.clone()),
        (vec!["s3".to_string()], vec!["s1".to_string()])
    );
    // Team monitoring (with Visibility): s1 [0,5) of 10, s2 [0,3) of 30, s4 nothing of 4.
    // Long ones: (5 + 3) / (10 + 30) = 20 %, mean (50 + 10) / 2 = 30 %.
    // Short ones: (5 + 0) / (10 + 4) = 35.714… %, mean (50 + 0) / 2 = 25 %; s1 counts in both.
    let texts: Vec<(&str, &str)> =
        v.rows[0].cells.iter().map(|c| (c.pooled_text.as_str(), c.mean_text.as_str())).collect();
    assert_eq!(texts, vec![("20.00%", "30.00%"), ("35.71%", "25.00%")]);
}

#[test]
fn the_rows_shown_start_with_coded_codes_and_follow_the_name_filter() {
    let parts = ProjectParts {
        users: vec![User { id: "a".into(), name: "Ann".into() }],
        codes: vec![
            Code {
                id: "A".into(),
                name: "Alpha".into(),
                children: vec![Code::leaf("A1", "Alpha one"), Code::leaf("A2", "Alpha two")],
            },
            Code {
                id: "B".into(),
                name: "Beta".into(),
                children: vec![Code::leaf("B1", "Beta one")],
            },
        ],
        sources: vec![src("s", "0123456789", &[])],
        codings: vec![coding("s", 0, 4, "A1", "a")],
        ..ProjectParts::default()
    };
    let p = Project::new(parts).unwrap();
    assert_eq!(p.coded_codes(), vec![true, true, false, false, false]);
    let v = coverage_view(&p, None, &Coders::All, &EN).unwrap();
    let shown = |f: &RowFilter| {
        v.rows
            .iter()
            .zip(&f.visible)
            .filter(|(_, s)| **s)
            .map(|(r, _)| r.name.as_str())
            .collect::<Vec<_>>()
    };
    // By default only Alpha (whose sub-code is coded) and Alpha one.
    let f = filter_rows(&v.rows, "", false, &EN);
    assert_eq!(shown(&f), vec!["Alpha", "Alpha one"]);
    assert_eq!((f.shown, f.total, f.uncoded, f.unmatched), (2, 5, 3, 0));
    assert_eq!(f.text, "Showing 2 of 5 codes; 3 hidden (3 with no codings).");
    // All codes, filtered by a sub-code's name (any case): its parent stays as context.
    let f = filter_rows(&v.rows, "  ONE ", true, &EN);
    assert_eq!(shown(&f), vec!["Alpha", "Alpha one", "Beta", "Beta one"]);
    assert_eq!(f.text, "Showing 4 of 5 codes; 1 hidden (1 not matching \u{201c}ONE\u{201d}).");
    let f = filter_rows(&v.rows, "two", false, &EN);
    assert_eq!(shown(&f), Vec::<&str>::new());
    assert_eq!((f.uncoded, f.unmatched), (3, 2));
    assert_eq!(
        f.text,
        "Showing 0 of 5 codes; 5 hidden (3 with no codings; 2 not matching \u{201c}two\u{201d})."
    );
    let f = filter_rows(&v.rows, "", true, &EN);
    assert_eq!(f.text, "Showing all codes (5).");
    assert!(f.visible.iter().all(|v| *v));
    let zh = filter_rows(&v.rows, "two", false, &ZH).text;
    assert_eq!(
        zh,
        "显示 5 个编码中的 0 个；隐藏 5 个（3 个没有编码记录；2 个与\u{201c}two\u{201d}不匹配）。"
    );
}
