//! Coverage on hand-worked fixtures: overlapping codings count once, parents aggregate
//! their descendants, offsets count characters, empty sources are undefined, bad codings
//! are errors, and cells report pooled and mean-of-sources coverage.

use super::*;

#[test]
fn overlapping_codings_count_once() {
    // Source of 20 characters. ann codes [0,10) and [5,15); bob codes [5,15) again and [16,20);
    // an empty coding [18,18) covers nothing.
    //   all coders: [0,15) ∪ [16,20) = 15 + 4 = 19 → 95 %
    //   ann:        [0,15)           = 15      → 75 %
    //   bob:        [5,15) ∪ [16,20) = 10 + 4 → 70 %
    let p = project(
        vec![source("s", "abcdefghijklmnopqrst", &[])],
        flat(&["x"]),
        &["ann", "bob"],
        vec![
            coding("s", 0, 10, "x", "ann"),
            coding("s", 5, 15, "x", "ann"),
            coding("s", 5, 15, "x", "bob"),
            coding("s", 16, 20, "x", "bob"),
            coding("s", 18, 18, "x", "bob"),
        ],
    )
    .unwrap();
    let c = p.source_coverage("s", "x", &all()).unwrap();
    assert_eq!((c.coded_chars, c.total_chars), (19, 20));
    close(c.percent, 95.0);
    close(p.source_coverage("s", "x", &Coders::One("ann".into())).unwrap().percent, 75.0);
    close(p.source_coverage("s", "x", &Coders::One("bob".into())).unwrap().percent, 70.0);
    assert_eq!(Coders::default(), Coders::All, "coverage uses every coder unless one is picked");
    assert_eq!(
        p.source_coverage("s", "x", &Coders::One("zed".into())),
        Err(CoverageError::UnknownCoder("zed".into()))
    );
    assert_eq!(
        p.source_coverage("s", "nope", &all()),
        Err(CoverageError::UnknownCode("nope".into()))
    );
    assert_eq!(
        p.source_coverage("nope", "x", &all()),
        Err(CoverageError::UnknownSource("nope".into()))
    );
}

#[test]
fn a_parent_code_aggregates_its_own_and_all_descendants_ranges() {
    // P { C1, C2 { G } } on a 40-character source:
    //   C1 [0,10), C2 [5,15), G [30,40), P itself [12,20).
    //   C1 = 10 → 25 %; G = 10 → 25 %; C2 ∪ G = [5,15) ∪ [30,40) = 20 → 50 %;
    //   P ∪ C1 ∪ C2 ∪ G = [0,20) ∪ [30,40) = 30 → 75 %.
    let tree = vec![Code {
        id: "P".into(),
        name: "Instrumental value".into(),
        children: vec![
            Code::leaf("C1", "Team effort"),
            Code {
                id: "C2".into(),
                name: "Team monitoring".into(),
                children: vec![Code::leaf("G", "Visibility")],
            },
        ],
    }];
    let text = "x".repeat(40);
    let p = project(
        vec![source("s", &text, &[("group", "Service"), ("time", "T2")])],
        tree,
        &["ann"],
        vec![
            coding("s", 0, 10, "C1", "ann"),
            coding("s", 5, 15, "C2", "ann"),
            coding("s", 30, 40, "G", "ann"),
            coding("s", 12, 20, "P", "ann"),
        ],
    )
    .unwrap();
    let pct = |code: &str| p.source_coverage("s", code, &all()).unwrap().percent;
    close(pct("C1"), 25.0);
    close(pct("G"), 25.0);
    close(pct("C2"), 50.0);
    close(pct("P"), 75.0);

    let rows = p.code_rows();
    let summary: Vec<(&str, usize, Option<&str>, bool)> = rows
        .iter()
        .map(|r| (r.id.as_str(), r.depth, r.parent.as_deref(), r.has_children))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("P", 1, None, true),
            ("C1", 2, Some("P"), false),
            ("C2", 2, Some("P"), true),
            ("G", 3, Some("C2"), false)
        ]
    );

    let keys = p.detect_cell_keys().unwrap();
    let table = p.coverage_table(&keys, &all()).unwrap();
    assert_eq!(table.cells.len(), 1);
    let p_row = &table.rows[0];
    assert!(p_row.aggregate);
    close(p_row.values[0].pooled, 75.0);
    assert!(!table.rows[1].aggregate);
}

#[test]
fn offsets_count_unicode_characters_not_bytes() {
    // "钉钉是工作软件。微信是社交软件。" is 16 characters but 48 UTF-8 bytes.
    // The coding [8,16) is "微信是社交软件。": 8 ÷ 16 = 50 %. A byte-offset implementation would
    // divide by 48 (16.7 %), and would accept [0,40) below, which is past the end in characters.
    let text = "钉钉是工作软件。微信是社交软件。";
    assert_eq!((text.chars().count(), text.len()), (16, 48));
    let p = project(
        vec![source("zh", text, &[])],
        flat(&["x"]),
        &["ann"],
        vec![coding("zh", 8, 16, "x", "ann")],
    )
    .unwrap();
    let c = p.source_coverage("zh", "x", &all()).unwrap();
    assert_eq!((c.coded_chars, c.total_chars), (8, 16));
    close(c.percent, 50.0);
    assert_eq!(p.sources()[0].slice_chars(8, 16), Some("微信是社交软件。"));
    assert_eq!(p.sources()[0].slice_chars(0, 2), Some("钉钉"));
    assert_eq!(p.sources()[0].slice_chars(16, 16), Some(""));
    assert_eq!(p.sources()[0].slice_chars(15, 17), None);

    let err = project(
        vec![source("zh", text, &[])],
        flat(&["x"]),
        &["ann"],
        vec![coding("zh", 0, 40, "x", "ann")],
    )
    .unwrap_err();
    assert!(matches!(err, ModelError::OutOfRange { end: 40, len: 16, .. }), "{err:?}");
}

#[test]
fn an_empty_source_has_undefined_coverage_and_never_divides_by_zero() {
    // Decision: a 0-character source has no coverage (None), not 0 %. It is left out of the mean
    // of sources and adds 0 to both sums of the pooled figure.
    let p = project(
        vec![source("empty", "", &[]), source("full", "abcd", &[])],
        flat(&["x"]),
        &["ann"],
        vec![coding("empty", 0, 0, "x", "ann"), coding("full", 0, 1, "x", "ann")],
    )
    .unwrap();
    let e = p.source_coverage("empty", "x", &all()).unwrap();
    assert_eq!((e.coded_chars, e.total_chars, e.percent), (0, 0, None));

    let only_empty = p.cell_coverage(&strings(&["empty"]), "x", &all()).unwrap();
    assert_eq!(
        (only_empty.pooled, only_empty.mean_of_sources, only_empty.n_sources, only_empty.n_empty),
        (None, None, 1, 1)
    );

    // 1 of 4 characters: pooled 1 ÷ (0 + 4) = 25 %; mean over the one non-empty source = 25 %.
    let both = p.cell_coverage(&strings(&["empty", "full"]), "x", &all()).unwrap();
    close(both.pooled, 25.0);
    close(both.mean_of_sources, 25.0);
    assert_eq!((both.n_sources, both.n_empty), (2, 1));

    let none = p.cell_coverage(&[], "x", &all()).unwrap();
    assert_eq!((none.pooled, none.mean_of_sources, none.n_sources), (None, None, 0));

    assert!(matches!(
        project(
            vec![source("empty", "", &[])],
            flat(&["x"]),
            &["ann"],
            vec![coding("empty", 0, 1, "x", "ann")]
        ),
        Err(ModelError::OutOfRange { end: 1, len: 0, .. })
    ));
}

#[test]
fn out_of_range_and_dangling_codings_are_errors_that_name_the_coding() {
    let make =
        |c: Coding| project(vec![source("s", "abcde", &[])], flat(&["x"]), &["ann"], vec![c]);
    let mut c = coding("s", 2, 9, "x", "ann");
    c.origin = "codings.csv line 7".into();
    let err = make(c).unwrap_err();
    assert!(matches!(err, ModelError::OutOfRange { end: 9, len: 5, .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("codings.csv line 7")
            && msg.contains("\u{201c}x\u{201d}")
            && msg.contains("[2, 9)"),
        "{msg}"
    );
    let zh = err.message(&study_core::text::i18n::ZH);
    assert!(
        zh.starts_with("第 1 条编码记录（codings.csv line 7: 编码\u{201c}x\u{201d}")
            && zh.contains("结束于第 9 个字符"),
        "{zh}"
    );

    let err = make(coding("s", 4, 2, "x", "ann")).unwrap_err();
    assert!(matches!(err, ModelError::Reversed { start: 4, end: 2, .. }), "{err:?}");
    assert!(err.to_string().contains("before it starts"));
    assert!(matches!(make(coding("t", 0, 1, "x", "ann")), Err(ModelError::UnknownSource { .. })));
    assert!(matches!(make(coding("s", 0, 1, "y", "ann")), Err(ModelError::UnknownCode { .. })));
    assert!(matches!(make(coding("s", 0, 1, "x", "bob")), Err(ModelError::UnknownCoder { .. })));
    // Touching the end is fine: [0,5) is the whole source.
    close(
        make(coding("s", 0, 5, "x", "ann"))
            .unwrap()
            .source_coverage("s", "x", &all())
            .unwrap()
            .percent,
        100.0,
    );

    let dup = project(vec![source("s", "a", &[]), source("s", "b", &[])], vec![], &[], vec![]);
    assert_eq!(dup.unwrap_err(), ModelError::DuplicateId { kind: "source", id: "s".into() });
    let mut deep = Code::leaf("c0", "c0");
    for i in 1..=MAX_CODE_DEPTH {
        deep = Code { id: format!("c{i}"), name: format!("c{i}"), children: vec![deep] };
    }
    assert!(matches!(
        project(vec![], vec![deep], &[], vec![]),
        Err(ModelError::CodeTreeTooDeep { .. })
    ));
}

#[test]
fn a_cell_reports_pooled_and_mean_of_sources() {
    // Sources of 100, 300 and 0 characters with 50, 30 and 0 coded:
    //   pooled          = (50 + 30 + 0) ÷ (100 + 300 + 0) × 100 = 80 ÷ 400 = 20 %
    //   mean of sources = (50 % + 10 %) ÷ 2 = 30 %   (the empty source is left out)
    let p = project(
        vec![
            source("a", &"a".repeat(100), &[("group", "Service"), ("time", "T1")]),
            source("b", &"b".repeat(300), &[("group", "Service"), ("time", "T1")]),
            source("c", "", &[("group", "Service"), ("time", "T1")]),
            source("d", "dddd", &[("group", "Development")]),
        ],
        flat(&["x"]),
        &["ann"],
        vec![coding("a", 0, 50, "x", "ann"), coding("b", 100, 130, "x", "ann")],
    )
    .unwrap();
    let cell = p.cell_coverage(&strings(&["a", "b", "c"]), "x", &all()).unwrap();
    close(cell.pooled, 20.0);
    close(cell.mean_of_sources, 30.0);
    assert_eq!((cell.n_sources, cell.n_empty, cell.coded_chars, cell.total_chars), (3, 1, 80, 400));
    let per: Vec<Option<f64>> = cell.per_source.iter().map(|s| s.percent).collect();
    assert_eq!(per, vec![Some(50.0), Some(10.0), None]);

    let keys = CellKeys { group: "group".into(), time: "time".into() };
    let cells = p.cells(&keys);
    assert_eq!(cells.cells.len(), 1);
    assert_eq!(cells.cells[0].sources, strings(&["a", "b", "c"]));
    assert_eq!(cells.unassigned, strings(&["d"]), "a source without a time belongs to no cell");
}

#[test]
fn cell_keys_are_found_case_insensitively_or_given() {
    let p =
        project(vec![source("a", "x", &[("Group ", "S"), ("TIME", "T1")])], vec![], &[], vec![])
            .unwrap();
    assert_eq!(
        p.detect_cell_keys(),
        Some(CellKeys { group: "Group ".into(), time: "TIME".into() })
    );
    let q =
        project(vec![source("a", "x", &[("Gruppe", "S"), ("Welle", "T1")])], vec![], &[], vec![])
            .unwrap();
    assert_eq!(q.detect_cell_keys(), None);
    assert_eq!(q.attribute_names(), strings(&["Gruppe", "Welle"]));
    let keys = CellKeys { group: "Gruppe".into(), time: "Welle".into() };
    assert_eq!(q.cells(&keys).cells[0].group, "S");
}
