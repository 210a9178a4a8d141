//! The coverage engine and its importers, on hand-computed fixtures:
//! - coverage: overlapping ranges, nested codes and aggregate parents, CJK text (where a
//!   byte-offset implementation gives different numbers), empty sources, out-of-range codings,
//!   pooled vs mean-of-sources cells;
//! - Cohen's kappa: a hand-worked 2×2 table, sklearn's value on the character vectors, the
//!   undefined cases, pooled vs source-length-weighted;
//! - REFI-QDA `.qdpx`: a valid fixture, then malformed XML, missing Sources folder and files,
//!   unknown GUID references, bad positions, BOM, CRLF, size limits (zip bomb);
//! - CSV: import with hierarchy and attributes, errors naming file and line, export round trip;
//! - the teaching sample: the committed file equals the freshly built bytes
//!   (`REGENERATE_SAMPLE=1 cargo test --test coverage` rewrites it), and its per-cell coverage
//!   and kappa equal an independent Python computation (`scripts/coverage_reference.py`).

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use study_core::coverage::kappa::{AgreementTable, Kappa, KappaUndefined};
use study_core::coverage::sample::{self, CODER_A, CODER_B};
use study_core::coverage::*;

// ---------------------------------------------------------------------------------------------
// Helpers

fn source(id: &str, text: &str, attrs: &[(&str, &str)]) -> Source {
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

fn users(ids: &[&str]) -> Vec<User> {
    ids.iter().map(|i| User { id: i.to_string(), name: i.to_string() }).collect()
}

fn project(
    sources: Vec<Source>,
    codes: Vec<Code>,
    coders: &[&str],
    codings: Vec<Coding>,
) -> Result<Project, ModelError> {
    Project::new(ProjectParts {
        name: "t".into(),
        description: String::new(),
        users: users(coders),
        codes,
        sources,
        codings,
    })
}

fn flat(ids: &[&str]) -> Vec<Code> {
    ids.iter().map(|i| Code::leaf(*i, *i)).collect()
}

fn all() -> Coders {
    Coders::All
}

#[track_caller]
fn close(got: Option<f64>, want: f64) {
    let g = got.unwrap_or(f64::NAN);
    assert!((g - want).abs() < 1e-9, "got {got:?}, want {want}");
}

#[track_caller]
fn kappa_close(got: Kappa, want: f64) {
    close(got.value(), want);
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// Coverage

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

// ---------------------------------------------------------------------------------------------
// Kappa

#[test]
fn kappa_matches_a_hand_worked_table_and_sklearn() {
    // 10 characters; A codes [0,6), B codes [2,8):
    //   both [2,6) = 4, only A [0,2) = 2, only B [6,8) = 2, neither [8,10) = 2.
    //   po = (4 + 2) ÷ 10 = 0.6; A₁ = B₁ = 6, A₀ = B₀ = 4; pe = (6·6 + 4·4) ÷ 100 = 0.52;
    //   κ = (0.6 − 0.52) ÷ (1 − 0.52) = 0.08 ÷ 0.48 = 1/6.
    // Reference: sklearn.metrics.cohen_kappa_score([1,1,1,1,1,1,0,0,0,0], [0,0,1,1,1,1,1,1,0,0])
    //   = 0.16666666666666663
    let p = project(
        vec![source("s", "0123456789", &[])],
        flat(&["x"]),
        &["A", "B"],
        vec![coding("s", 0, 6, "x", "A"), coding("s", 2, 8, "x", "B")],
    )
    .unwrap();
    let ag = p.agreement("A", "B").unwrap();
    let x = &ag.codes[0];
    assert_eq!(x.table, AgreementTable { both: 4, only_a: 2, only_b: 2, neither: 2 });
    close(x.table.observed(), 0.6);
    close(x.table.expected(), 0.52);
    kappa_close(x.kappa, 1.0 / 6.0);
    kappa_close(x.kappa, 0.16666666666666663);
    kappa_close(ag.overall_pooled, 1.0 / 6.0);
    kappa_close(ag.overall_weighted, 1.0 / 6.0);
}

#[test]
fn kappa_pooled_and_weighted_over_sources() {
    // s1 (10 chars): the table above, κ₁ = 1/6.  s2 (20 chars): A and B both code [0,10), κ₂ = 1.
    // s3: only A coded it, so it is not compared.
    // Pooled: both 14, only A 2, only B 2, neither 12; n = 30; A₁ = B₁ = 16;
    //   κ = (n·agree − E) ÷ (n² − E) with E = 16·16 + 14·14 = 452: (30·26 − 452) ÷ (900 − 452)
    //     = 328 ÷ 448 = 0.732142857…
    //   sklearn.metrics.cohen_kappa_score(
    //       [1,1,1,1,1,1,0,0,0,0] + [1]*10 + [0]*10, [0,0,1,1,1,1,1,1,0,0] + [1]*10 + [0]*10)
    //     = 0.7321428571428572
    // Weighted by length (NVivo-style average): (10 · 1/6 + 20 · 1) ÷ 30 = 0.722222…
    let p = project(
        vec![
            source("s1", &"1".repeat(10), &[]),
            source("s2", &"2".repeat(20), &[]),
            source("s3", &"3".repeat(5), &[]),
        ],
        flat(&["x"]),
        &["A", "B"],
        vec![
            coding("s1", 0, 6, "x", "A"),
            coding("s1", 2, 8, "x", "B"),
            coding("s2", 0, 10, "x", "A"),
            coding("s2", 0, 10, "x", "B"),
            coding("s3", 0, 5, "x", "A"),
        ],
    )
    .unwrap();
    let ag = p.agreement("A", "B").unwrap();
    assert_eq!(ag.sources, strings(&["s1", "s2"]));
    let x = &ag.codes[0];
    assert_eq!(x.table, AgreementTable { both: 14, only_a: 2, only_b: 2, neither: 12 });
    kappa_close(x.kappa, 328.0 / 448.0);
    kappa_close(x.kappa, 0.7321428571428572);
    kappa_close(x.weighted, (10.0 / 6.0 + 20.0) / 30.0);
    kappa_close(x.per_source[1].kappa, 1.0);
    assert_eq!(p.agreement_all_pairs().len(), 1);
    assert_eq!(p.agreement("A", "A").unwrap_err(), CoverageError::SameCoder("A".into()));
}

#[test]
fn kappa_is_undefined_not_nan_when_chance_agreement_is_one() {
    // Neither coder codes y, both code all of z: pe = 1 → undefined. One codes all, the other
    // nothing: pe = 0, po = 0 → κ = 0 (defined).
    let p = project(
        vec![source("s", "0123456789", &[])],
        flat(&["x", "y", "z", "w"]),
        &["A", "B"],
        vec![
            coding("s", 0, 3, "x", "A"),
            coding("s", 0, 3, "x", "B"),
            coding("s", 0, 10, "z", "A"),
            coding("s", 0, 10, "z", "B"),
            coding("s", 0, 10, "w", "A"),
        ],
    )
    .unwrap();
    let ag = p.agreement("A", "B").unwrap();
    let by: BTreeMap<&str, Kappa> = ag.codes.iter().map(|c| (c.code.as_str(), c.kappa)).collect();
    assert_eq!(by["x"], Kappa::Defined(1.0));
    assert_eq!(by["y"], Kappa::Undefined(KappaUndefined::NoVariation));
    assert_eq!(by["z"], Kappa::Undefined(KappaUndefined::NoVariation));
    assert_eq!(by["w"], Kappa::Defined(0.0));
    assert_eq!(AgreementTable::default().kappa(), Kappa::Undefined(KappaUndefined::NoCharacters));
    assert!(KappaUndefined::NoVariation.to_string().contains("not defined"));
    // Coders who share no source: nothing to compare.
    let q = project(
        vec![source("a", "xx", &[]), source("b", "yy", &[])],
        flat(&["x"]),
        &["A", "B"],
        vec![coding("a", 0, 1, "x", "A"), coding("b", 0, 1, "x", "B")],
    )
    .unwrap();
    let ag = q.agreement("A", "B").unwrap();
    assert!(ag.sources.is_empty());
    assert_eq!(ag.overall_pooled, Kappa::Undefined(KappaUndefined::NoCharacters));
    assert_eq!(ag.overall_weighted, Kappa::Undefined(KappaUndefined::NoCharacters));
}

// ---------------------------------------------------------------------------------------------
// REFI-QDA .qdpx

const QDE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="fixture">
  <Users>
    <User guid="U-ann" name="ann"/>
    <User guid="U-bob" name="bob"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="C-inst" name="Instrumental value" isCodable="true">
        <Code guid="C-mon" name="Team monitoring" isCodable="true"/>
      </Code>
      <Code guid="C-sup" name="social_support" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="V-g" name="Group" typeOfVariable="Text"/>
    <Variable guid="V-t" name="Time" typeOfVariable="Text"/>
  </Variables>
  <Cases>
    <Case guid="K-1" name="Service">
      <VariableValue><VariableRef targetGUID="V-g"/><TextValue>Service</TextValue></VariableValue>
      <SourceRef targetGUID="S-1"/>
      <SourceRef targetGUID="S-2"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="S-1" name="one" plainTextPath="internal://S-1.txt">
      <PlainTextSelection guid="P-1" startPosition="2" endPosition="6" creatingUser="U-ann">
        <Coding guid="G-1" creatingUser="U-ann"><CodeRef targetGUID="C-mon"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="P-2" startPosition="4" endPosition="8">
        <Coding guid="G-2" creatingUser="U-bob"><CodeRef targetGUID="C-mon"/></Coding>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="V-t"/><TextValue>T1</TextValue></VariableValue>
    </TextSource>
    <TextSource guid="S-2" name="two">
      <PlainTextContent>钉钉 &amp; 微信</PlainTextContent>
      <Coding guid="G-3" creatingUser="U-bob"><CodeRef targetGUID="C-sup"/></Coding>
      <VariableValue><VariableRef targetGUID="V-t"/><TextValue>T2</TextValue></VariableValue>
    </TextSource>
    <PDFSource guid="S-3" name="a pdf" path="internal://x.pdf"/>
  </Sources>
  <Description>A fixture.</Description>
</Project>
"#;

const TEXT_ONE: &str = "0123456789";

fn zip_of(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn qdpx(qde: &str, text_one: &str) -> Vec<u8> {
    zip_of(
        &[("project.qde", qde.as_bytes()), ("Sources/S-1.txt", text_one.as_bytes())],
        zip::CompressionMethod::Deflated,
    )
}

/// 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in fixture")].matches('\n').count() + 1
}

#[test]
fn qdpx_fixture_is_read_completely() {
    let Import { project: p, notes } = import_qdpx(&qdpx(QDE, TEXT_ONE)).unwrap();
    assert_eq!(p.name(), "fixture");
    assert_eq!(p.description(), "A fixture.");
    assert_eq!(p.users().iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), vec!["ann", "bob"]);
    assert_eq!(
        p.code_rows().iter().map(|r| (r.name.as_str(), r.depth)).collect::<Vec<_>>(),
        vec![("Instrumental value", 1), ("Team monitoring", 2), ("social_support", 1)]
    );
    let one = p.source("S-1").unwrap();
    assert_eq!(one.text, TEXT_ONE);
    assert_eq!(
        one.attributes,
        BTreeMap::from([("Group".into(), "Service".into()), ("Time".into(), "T1".into())])
    );
    let two = p.source("S-2").unwrap();
    assert_eq!(two.text, "钉钉 & 微信", "inline text, entity resolved");
    assert_eq!(two.attributes.get("Time").map(String::as_str), Some("T2"));
    assert_eq!(p.sources().len(), 2, "the PDF source is skipped");
    assert!(notes.iter().any(|n| n.to_string().contains("PDFSource")), "{notes:?}");

    // S-1: ann [2,6), bob [4,8) (coder from the Coding) → all [2,8) = 6 of 10.
    close(p.source_coverage("S-1", "C-mon", &all()).unwrap().percent, 60.0);
    close(p.source_coverage("S-1", "C-inst", &all()).unwrap().percent, 60.0);
    close(p.source_coverage("S-1", "C-mon", &Coders::One("U-ann".into())).unwrap().percent, 40.0);
    // S-2: a Coding directly in the TextSource codes all 7 characters.
    close(p.source_coverage("S-2", "C-sup", &all()).unwrap().percent, 100.0);

    let keys = p.detect_cell_keys().unwrap();
    assert_eq!(keys, CellKeys { group: "Group".into(), time: "Time".into() });
    let cells = p.cells(&keys);
    assert_eq!(
        cells.cells.iter().map(|c| (c.group.as_str(), c.time.as_str())).collect::<Vec<_>>(),
        vec![("Service", "T1"), ("Service", "T2")]
    );

    // Kappa ann vs bob on S-1 only (bob alone coded S-2): the 1/6 table again.
    let ag = p.agreement("U-ann", "U-bob").unwrap();
    assert_eq!(ag.sources, strings(&["S-1"]));
    kappa_close(ag.codes[1].kappa, 1.0 / 6.0);
}

#[test]
fn qdpx_tolerates_any_qde_name_lowercase_sources_and_stored_entries() {
    let bytes = zip_of(
        &[("My Project.QDE", QDE.as_bytes()), ("sources/S-1.txt", TEXT_ONE.as_bytes())],
        zip::CompressionMethod::Stored,
    );
    let p = import_qdpx(&bytes).unwrap().project;
    assert_eq!(p.source("S-1").unwrap().text, TEXT_ONE);
    // A .qde inside a folder, with Sources beside it.
    let bytes = zip_of(
        &[("export/p.qde", QDE.as_bytes()), ("export/SOURCES/S-1.txt", TEXT_ONE.as_bytes())],
        zip::CompressionMethod::Deflated,
    );
    assert!(import_qdpx(&bytes).is_ok());
}

#[test]
fn qdpx_strips_a_byte_order_mark_from_xml_and_text() {
    let xml = format!("\u{feff}{QDE}");
    let text = format!("\u{feff}{TEXT_ONE}");
    let p = import_qdpx(&qdpx(&xml, &text)).unwrap().project;
    assert_eq!(p.source("S-1").unwrap().text, TEXT_ONE);
    assert_eq!(p.source("S-1").unwrap().len_chars(), 10);
}

#[test]
fn qdpx_keeps_crlf_so_positions_refer_to_the_stored_text() {
    // "line one\r\nline two" is 18 characters: the CRLF counts as two. [10,18) is "line two".
    // Normalising to LF would make the text 17 characters and this selection run past the end.
    let text = "line one\r\nline two";
    let xml = QDE
        .replace(r#"startPosition="2" endPosition="6""#, r#"startPosition="10" endPosition="18""#)
        .replace(r#"startPosition="4" endPosition="8""#, r#"startPosition="0" endPosition="8""#);
    let p = import_qdpx(&qdpx(&xml, text)).unwrap().project;
    let s = p.source("S-1").unwrap();
    assert_eq!(s.len_chars(), 18);
    assert_eq!(s.slice_chars(10, 18), Some("line two"));
    let c = p.source_coverage("S-1", "C-mon", &Coders::One("U-ann".into())).unwrap();
    assert_eq!((c.coded_chars, c.total_chars), (8, 18));
    // Inline content keeps a CR written as a character reference, and a literal CRLF.
    let inline = QDE.replace("钉钉 &amp; 微信", "a&#13;\nb\r\nc");
    let p = import_qdpx(&qdpx(&inline, TEXT_ONE)).unwrap().project;
    assert_eq!(p.source("S-2").unwrap().text, "a\r\nb\r\nc");
}

#[test]
fn qdpx_malformed_xml_names_file_and_line() {
    let xml = QDE.replace("  </Users>", "  </User>");
    let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
    let QdpxError::Xml { file, line, .. } = &err else { panic!("{err:?}") };
    assert_eq!(file, "project.qde");
    assert_eq!(*line, line_of(&xml, "</User>\n"));
    assert!(
        err.to_string().starts_with(&format!("project.qde line {line}: malformed XML")),
        "{err}"
    );

    let truncated = &QDE[..QDE.find("<Sources>").unwrap()];
    assert!(matches!(import_qdpx(&qdpx(truncated, TEXT_ONE)), Err(QdpxError::Xml { .. })));
    let not_project = "<?xml version=\"1.0\"?>\n<CodeBook/>";
    assert!(matches!(
        import_qdpx(&qdpx(not_project, TEXT_ONE)),
        Err(QdpxError::NotAProject { .. })
    ));
    assert!(matches!(
        import_qdpx(&qdpx(&QDE.replace("&amp;", "&bogus;"), TEXT_ONE)),
        Err(QdpxError::Xml { .. })
    ));
    assert!(matches!(import_qdpx(b"PK not really a zip"), Err(QdpxError::NotAZip(_))));
    assert!(matches!(
        import_qdpx(&zip_of(&[("readme.txt", b"hi")], zip::CompressionMethod::Stored)),
        Err(QdpxError::NoProjectFile)
    ));
    let two = zip_of(
        &[("a.qde", QDE.as_bytes()), ("b.qde", QDE.as_bytes())],
        zip::CompressionMethod::Stored,
    );
    let e = import_qdpx(&two).unwrap_err();
    assert!(matches!(e, QdpxError::SeveralProjectFiles(_)));
    // The file names are listed with the language's name separator (", " / "、").
    assert!(e.to_string().contains("(a.qde, b.qde)"), "{e}");
    assert!(e.message(&study_core::text::i18n::ZH).contains("a.qde\u{3001}b.qde"), "{e}");
    let latin1 =
        zip_of(&[("p.qde", b"<Project name=\"caf\xe9\"/>")], zip::CompressionMethod::Stored);
    assert!(matches!(import_qdpx(&latin1), Err(QdpxError::NotUtf8 { line: 1, .. })));
}

#[test]
fn qdpx_missing_sources_folder_or_file_is_an_error() {
    let no_folder = zip_of(&[("project.qde", QDE.as_bytes())], zip::CompressionMethod::Stored);
    let err = import_qdpx(&no_folder).unwrap_err();
    assert_eq!(
        err,
        QdpxError::NoSourcesFolder { source: "one".into(), path: "internal://S-1.txt".into() }
    );
    assert!(err.to_string().contains("no Sources folder"));

    let wrong_file = zip_of(
        &[("project.qde", QDE.as_bytes()), ("Sources/S-9.txt", b"x")],
        zip::CompressionMethod::Stored,
    );
    let err = import_qdpx(&wrong_file).unwrap_err();
    assert_eq!(
        err,
        QdpxError::MissingTextFile { source: "one".into(), path: "internal://S-1.txt".into() }
    );

    let external = QDE.replace("internal://S-1.txt", "relative://texts/S-1.txt");
    assert!(matches!(import_qdpx(&qdpx(&external, TEXT_ONE)), Err(QdpxError::ExternalText { .. })));
    let no_text = QDE.replace(r#" plainTextPath="internal://S-1.txt""#, "");
    assert!(matches!(import_qdpx(&qdpx(&no_text, TEXT_ONE)), Err(QdpxError::NoText { .. })));
}

#[test]
fn qdpx_unknown_guid_references_name_kind_guid_and_line() {
    let cases = [
        (
            QDE.replacen(
                r#"<CodeRef targetGUID="C-mon"/>"#,
                r#"<CodeRef targetGUID="C-nope"/>"#,
                1,
            ),
            "code",
            "C-nope",
            r#"<Coding guid="G-1""#,
        ),
        (
            QDE.replacen(
                r#"<Coding guid="G-2" creatingUser="U-bob">"#,
                r#"<Coding guid="G-2" creatingUser="U-zed">"#,
                1,
            ),
            "user",
            "U-zed",
            r#"<Coding guid="G-2""#,
        ),
        (
            QDE.replacen(r#"<SourceRef targetGUID="S-2"/>"#, r#"<SourceRef targetGUID="S-9"/>"#, 1),
            "source",
            "S-9",
            r#"<SourceRef targetGUID="S-9""#,
        ),
        (
            QDE.replacen(
                r#"<VariableRef targetGUID="V-t"/>"#,
                r#"<VariableRef targetGUID="V-x"/>"#,
                1,
            ),
            "variable",
            "V-x",
            r#"<VariableRef targetGUID="V-x""#,
        ),
    ];
    for (xml, kind, guid, at) in cases {
        let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
        let QdpxError::UnknownReference { kind: k, guid: g, line, .. } = &err else {
            panic!("{kind}: {err:?}")
        };
        assert_eq!((*k, g.as_str(), *line), (kind, guid, line_of(&xml, at)), "{err}");
        assert!(err.to_string().contains(guid));
    }
}

#[test]
fn qdpx_positions_must_be_whole_numbers_inside_the_text() {
    for (bad, value) in [
        (r#"startPosition="two""#, "two"),
        (r#"startPosition="-2""#, "-2"),
        (r#"startPosition="2.5""#, "2.5"),
    ] {
        let xml = QDE.replacen(r#"startPosition="2""#, bad, 1);
        let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
        let QdpxError::BadPosition { line, attribute, value: v, selection, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(
            (*line, *attribute, v.as_str(), selection.as_str()),
            (line_of(&xml, "P-1"), "startPosition", value, "P-1")
        );
    }
    let xml = QDE.replacen(r#"endPosition="8""#, r#"endPosition="11""#, 1);
    let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
    assert!(
        matches!(err, QdpxError::Model(ModelError::OutOfRange { end: 11, len: 10, .. })),
        "{err:?}"
    );
    assert!(
        err.to_string().contains(&format!("project.qde line {}", line_of(&xml, "P-2"))),
        "{err}"
    );
    let missing = QDE.replacen(r#" endPosition="6""#, "", 1);
    assert!(matches!(
        import_qdpx(&qdpx(&missing, TEXT_ONE)),
        Err(QdpxError::MissingAttribute { attribute: "endPosition", .. })
    ));
}

#[test]
fn qdpx_codings_without_a_user_and_conflicting_variables() {
    let xml =
        QDE.replacen(r#"<Coding guid="G-2" creatingUser="U-bob">"#, r#"<Coding guid="G-2">"#, 1);
    let Import { project, notes } = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap();
    assert!(project.users().iter().any(|u| u.name == "(unknown coder)"));
    assert!(notes.iter().any(|n| n.to_string().contains("name no coder")));
    // The selection's creatingUser is used when the Coding has none.
    let xml =
        QDE.replacen(r#"<Coding guid="G-1" creatingUser="U-ann">"#, r#"<Coding guid="G-1">"#, 1);
    let p = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap().project;
    assert_eq!(p.codings()[0].coder, "U-ann");

    let xml = QDE.replacen("<TextValue>T1</TextValue>", "<TextValue>T1</TextValue></VariableValue><VariableValue><VariableRef targetGUID=\"V-g\"/><TextValue>Development</TextValue>", 1);
    let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
    assert!(
        matches!(&err, QdpxError::ConflictingValue { variable, .. } if variable == "Group"),
        "{err:?}"
    );
}

#[test]
fn qdpx_size_limits_stop_a_zip_bomb() {
    assert_eq!(
        QDPX_LIMITS,
        QdpxLimits { archive_bytes: 100 << 20, entry_bytes: 64 << 20, total_bytes: 256 << 20 }
    );
    // 10 characters of text followed by a million zeros deflates to about a kilobyte.
    let bomb_text = format!("{TEXT_ONE}{}", "0".repeat(1_000_000));
    let bomb = qdpx(QDE, &bomb_text);
    assert!(bomb.len() < 10_000, "the archive is small: {}", bomb.len());
    let limits = QdpxLimits { archive_bytes: 1 << 20, entry_bytes: 100_000, total_bytes: 1 << 20 };
    let err = import_qdpx_with_limits(&bomb, &limits).unwrap_err();
    assert_eq!(err, QdpxError::EntryTooLarge { file: "Sources/S-1.txt".into(), limit: 100_000 });
    assert!(err.to_string().contains("zip bomb"));

    let total = QdpxLimits {
        archive_bytes: 1 << 20,
        entry_bytes: 1 << 20,
        total_bytes: QDE.len() as u64 + 5,
    };
    assert_eq!(
        import_qdpx_with_limits(&qdpx(QDE, TEXT_ONE), &total).unwrap_err(),
        QdpxError::TotalTooLarge { limit: QDE.len() as u64 + 5 }
    );

    let archive = QdpxLimits { archive_bytes: 100, ..QDPX_LIMITS };
    assert!(matches!(
        import_qdpx_with_limits(&qdpx(QDE, TEXT_ONE), &archive),
        Err(QdpxError::ArchiveTooLarge { limit: 100, .. })
    ));
}

#[test]
fn qdpx_deep_code_trees_are_refused() {
    let mut codes = String::new();
    for i in 0..=MAX_CODE_DEPTH {
        codes.push_str(&format!("<Code guid=\"D-{i}\" name=\"d{i}\" isCodable=\"true\">"));
    }
    codes.push_str(&"</Code>".repeat(MAX_CODE_DEPTH + 1));
    let xml = QDE.replace(
        r#"<Code guid="C-sup" name="social_support" isCodable="true"/>"#,
        &format!("<Code guid=\"C-sup\" name=\"social_support\" isCodable=\"true\"/>{codes}"),
    );
    assert!(matches!(import_qdpx(&qdpx(&xml, TEXT_ONE)), Err(QdpxError::CodeTreeTooDeep { .. })));
}

// ---------------------------------------------------------------------------------------------
// CSV

const CODINGS_CSV: &str = "source,start,end,code,coder
one,0,4,Instrumental value > Team monitoring,ann
one.txt,2,6,Instrumental value > Team monitoring,bob
二,0,2,Social support,ann
";
const SOURCES_CSV: &str = "source,group,time
one,Service,T1
二.txt,Development,T2
";

fn texts() -> Vec<(String, Vec<u8>)> {
    vec![
        ("texts/one.txt".into(), b"abcdefghij".to_vec()),
        ("二.txt".into(), "钉钉微信".as_bytes().to_vec()),
        ("uncoded.TXT".into(), b"xyz".to_vec()),
    ]
}

fn import(
    codings: &str,
    sources: Option<&str>,
    texts: &[(String, Vec<u8>)],
) -> Result<Import, CsvError> {
    import_csv(&CsvInput {
        codings: ("codings.csv", codings.as_bytes()),
        sources: sources.map(|s| ("sources.csv", s.as_bytes())),
        texts,
    })
}

#[test]
fn csv_import_reads_hierarchy_attributes_and_cjk() {
    let Import { project: p, notes } = import(CODINGS_CSV, Some(SOURCES_CSV), &texts()).unwrap();
    assert_eq!(
        p.sources().iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        vec!["one", "二", "uncoded"]
    );
    let rows: Vec<(String, usize)> = p.code_rows().into_iter().map(|r| (r.id, r.depth)).collect();
    assert_eq!(
        rows,
        vec![
            ("Instrumental value".to_string(), 1),
            ("Instrumental value > Team monitoring".to_string(), 2),
            ("Social support".to_string(), 1)
        ]
    );
    // one: [0,4) ∪ [2,6) = 6 of 10; 二: [0,2) = 2 of 4 characters (12 bytes).
    close(p.source_coverage("one", "Instrumental value", &all()).unwrap().percent, 60.0);
    close(p.source_coverage("二", "Social support", &all()).unwrap().percent, 50.0);
    assert_eq!(
        p.source("二").unwrap().attributes.get("group").map(String::as_str),
        Some("Development")
    );
    assert!(
        notes.iter().any(|n| n.to_string().contains("1 source(s) have no row in sources.csv")),
        "{notes:?}"
    );
    assert_eq!(p.cells(&p.detect_cell_keys().unwrap()).unassigned, strings(&["uncoded"]));
    // A slash is part of a name, not a level.
    let p = import("source,start,end,code,coder\none,0,1,DingTalk/WeChat,ann\n", None, &texts())
        .unwrap()
        .project;
    assert_eq!(p.code_rows().len(), 1);
    // Columns in any order, header case ignored, a BOM ignored, extra columns ignored.
    let p =
        import("\u{feff}Coder,Code,End,Start,Source,Note\nann,x,3,1,one,hello\n", None, &texts())
            .unwrap()
            .project;
    close(p.source_coverage("one", "x", &all()).unwrap().percent, 20.0);
}

/// Regression: the csv crate counts a CRLF line end late (rust-csv issue #395) and skips a
/// blank line without counting it, so a file saved with Windows line ends, as spreadsheets on
/// Windows save it, named the line before the faulty one. Lines are counted by the importer.
#[test]
fn csv_errors_name_the_right_line_with_crlf_line_ends_and_blank_lines() {
    let t = texts();
    let err = |codings: &str| import(codings, None, &t).unwrap_err();
    for (codings, line) in [
        ("source,start,end,code,coder\r\none,0,4,x,ann\r\none,x,4,x,ann\r\n", 3),
        ("source,start,end,code,coder\r\none,x,4,x,ann\r\n", 2),
        ("source,start,end,code,coder\n\none,0,4,x,ann\none,x,4,x,ann\n", 4),
        ("source,start,end,code,coder\r\n\r\n\r\none,x,4,x,ann\r\n", 4),
        ("source,start,end,code,coder\rone,0,4,x,ann\rone,x,4,x,ann\r", 3),
        ("source,start,end,code,coder\r\none,0,4,\"a\r\nb\",ann\r\none,x,4,x,ann\r\n", 4),
    ] {
        assert!(
            matches!(err(codings), CsvError::BadPosition { line: l, .. } if l == line),
            "{codings:?}: {:?}",
            err(codings)
        );
    }
    let e = err("source,start,end,code,coder\r\none,0,4,x,ann\r\none,0,4,x\r\n");
    assert!(matches!(&e, CsvError::Malformed { line: Some(3), .. }), "{e:?}");
    let e = import(CODINGS_CSV, Some("source,group,time\r\none,Service,T1\r\nfour,S,T2\r\n"), &t)
        .unwrap_err();
    assert!(matches!(&e, CsvError::UnknownSource { line: 3, .. }), "{e:?}");
}

#[test]
fn csv_errors_name_file_and_line() {
    let t = texts();
    let err = |codings: &str| import(codings, None, &t).unwrap_err();
    let e = err("source,start,end,code,coder\none,0,4,x,ann\none,x,4,x,ann\n");
    assert_eq!(
        e,
        CsvError::BadPosition {
            file: "codings.csv".into(),
            line: 3,
            column: "start",
            value: "x".into()
        }
    );
    assert!(e.to_string().starts_with("codings.csv line 3:"), "{e}");
    assert!(matches!(
        err("source,start,end,code,coder\none,0,-4,x,ann\n"),
        CsvError::BadPosition { line: 2, column: "end", .. }
    ));
    assert!(matches!(
        err("source,start,end,code,coder\none,,4,x,ann\n"),
        CsvError::EmptyValue { line: 2, column: "start", .. }
    ));
    assert!(matches!(
        err("source,start,end,code,coder\none,0,4,x,\n"),
        CsvError::EmptyValue { line: 2, column: "coder", .. }
    ));
    let e = err("source,start,end,code,coder\none,0,4,x,ann\nthree,0,4,x,ann\n");
    assert_eq!(
        e,
        CsvError::UnknownSource { file: "codings.csv".into(), line: 3, source: "three".into() }
    );
    assert_eq!(
        err("source,start,stop,code,coder\n"),
        CsvError::MissingColumn { file: "codings.csv".into(), column: "end" }
    );
    let e = err("source,start,end,code,coder\none,0,4,x,ann\none,0,4,x\n");
    assert!(matches!(&e, CsvError::Malformed { line: Some(3), .. }), "{e:?}");
    assert!(e.to_string().contains("codings.csv line 3"), "{e}");
    assert!(matches!(
        err("source,start,end,code,coder\none,0,4,A >  > B,ann\n"),
        CsvError::BadCodePath { line: 2, .. }
    ));
    // Past the end in characters: 二 has 4 characters (12 bytes).
    let e = err("source,start,end,code,coder\none,0,4,x,ann\n二,0,12,x,ann\n");
    assert!(matches!(e, CsvError::Model(ModelError::OutOfRange { end: 12, len: 4, .. })));
    assert!(e.to_string().contains("codings.csv line 3"), "{e}");

    let e = import(CODINGS_CSV, Some("source,group,time\none,Service,T1\nfour,Service,T2\n"), &t)
        .unwrap_err();
    assert_eq!(
        e,
        CsvError::UnknownSource { file: "sources.csv".into(), line: 3, source: "four".into() }
    );
    let e = import(CODINGS_CSV, Some("source,group,time\none,Service,T1\none,Service,T2\n"), &t)
        .unwrap_err();
    assert!(matches!(e, CsvError::DuplicateSource { .. }));
    let bad_text = vec![("one.txt".to_string(), b"ok\n\xff".to_vec())];
    assert_eq!(
        import(CODINGS_CSV, None, &bad_text).unwrap_err(),
        CsvError::NotUtf8 { file: "one.txt".into(), line: 2 }
    );
    let dup =
        vec![("a/one.txt".to_string(), b"x".to_vec()), ("b/one.txt".to_string(), b"y".to_vec())];
    assert!(matches!(import(CODINGS_CSV, None, &dup), Err(CsvError::DuplicateSource { .. })));
}

/// Pooled and mean-of-sources coverage (in units of 1e-9), keyed by (code path, group,
/// time).
type CellsByName = BTreeMap<(String, String, String), (Option<i64>, Option<i64>)>;

/// Coverage of every code in every cell, keyed by code path names, rounded to 1e-9.
fn table_by_name(p: &Project) -> CellsByName {
    let names: BTreeMap<String, String> = {
        let rows = p.code_rows();
        let by_id: BTreeMap<&str, &CodeRow> = rows.iter().map(|r| (r.id.as_str(), r)).collect();
        rows.iter()
            .map(|r| {
                let mut path = vec![r.name.clone()];
                let mut cur = r.parent.as_deref();
                while let Some(id) = cur {
                    path.insert(0, by_id[id].name.clone());
                    cur = by_id[id].parent.as_deref();
                }
                (r.id.clone(), path.join(" > "))
            })
            .collect()
    };
    let round = |x: Option<f64>| x.map(|v| (v * 1e9).round() as i64);
    let table = p.coverage_table(&p.detect_cell_keys().unwrap(), &all()).unwrap();
    let mut out = BTreeMap::new();
    for row in &table.rows {
        for (cell, v) in table.cells.iter().zip(&row.values) {
            out.insert(
                (names[&row.code].clone(), cell.group.clone(), cell.time.clone()),
                (round(v.pooled), round(v.mean_of_sources)),
            );
        }
    }
    out
}

#[test]
fn csv_export_round_trips() {
    let first = import(CODINGS_CSV, Some(SOURCES_CSV), &texts()).unwrap().project;
    let out = export_csv(&first).unwrap();
    assert!(out.codings_csv.starts_with("source,start,end,code,coder\r\n"));
    assert!(out.sources_csv.starts_with("source,group,time\r\n"));
    let files = out.text_files();
    let second = import_csv(&CsvInput {
        codings: ("codings.csv", out.codings_csv.as_bytes()),
        sources: Some(("sources.csv", out.sources_csv.as_bytes())),
        texts: &files,
    })
    .unwrap()
    .project;
    assert_eq!(
        first.parts(),
        second.parts(),
        "same sources, attributes, codes, coders and codings"
    );
    assert_eq!(export_csv(&second).unwrap(), out);
}

/// The characters that start a spreadsheet formula (OWASP, "CSV Injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Every cell of a CSV text, parsed by the csv crate as a spreadsheet would split it (no
/// header, nothing trimmed).
fn cells_of(csv_text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// The formula guard on the Workshop's export (`study_core::text::csv::guard`): codes named
/// like spreadsheet formulas, a coder and an attribute value too, are written with a `'` in
/// front, so no cell of either CSV starts a formula; import takes that quote off again, so
/// every name comes back as it was, including one that really starts with `'=` and one that
/// starts with a tab.
#[test]
fn csv_export_guards_formulas_and_imports_the_same_code_names() {
    const NAMES: [&str; 7] = [
        "+cmd|x",
        "=HYPERLINK(\"http://example.invalid/\",\"open\")",
        "-x",
        "@x",
        "'=already quoted",
        "\tTabbed",
        "Team monitoring",
    ];
    let codes: Vec<Code> =
        NAMES.iter().enumerate().map(|(i, n)| Code::leaf(format!("c{i}"), *n)).collect();
    let codings: Vec<Coding> =
        (0..NAMES.len()).map(|i| coding("s", i, i + 2, &format!("c{i}"), "=coder")).collect();
    let attrs = [("group", "Service"), ("time", "T1"), ("note", "@SUM(A1)")];
    let p = project(vec![source("s", "abcdefghij", &attrs)], codes, &["=coder"], codings).unwrap();

    let out = export_csv(&p).unwrap();
    for csv_text in [&out.codings_csv, &out.sources_csv] {
        let cells = cells_of(csv_text);
        assert!(cells.len() >= 8, "{csv_text}");
        for cell in cells {
            assert!(!cell.starts_with(FORMULA_START), "{cell:?} starts a formula in\n{csv_text}");
        }
    }

    let files = out.text_files();
    let again = import_csv(&CsvInput {
        codings: ("codings.csv", out.codings_csv.as_bytes()),
        sources: Some(("sources.csv", out.sources_csv.as_bytes())),
        texts: &files,
    })
    .unwrap()
    .project;
    let names = |p: &Project| {
        let mut names: Vec<String> = p.code_rows().into_iter().map(|r| r.name).collect();
        names.sort();
        names
    };
    assert_eq!(names(&again), names(&p), "the same code names after export and re-import");
    assert_eq!(names(&again).len(), NAMES.len());
    assert_eq!(again.users().iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["=coder"]);
    assert_eq!(again.sources()[0].attributes, p.sources()[0].attributes);
    assert_eq!(table_by_name(&again), table_by_name(&p));
    assert_eq!(export_csv(&again).unwrap(), out, "a second round trip writes the same files");
}

// ---------------------------------------------------------------------------------------------
// Theme matching

#[test]
fn code_names_match_the_papers_themes_loosely() {
    assert_eq!(normalize_code_name("Team monitoring"), normalize_code_name("team_monitoring"));
    assert_eq!(normalize_code_name("  TEAM-Monitoring "), "team monitoring");
    let p = sample::teaching_project().unwrap();
    let m = match_themes(&p, &PAPER_THEMES);
    assert_eq!(m.matched.len(), 5);
    assert!(m
        .matched
        .iter()
        .any(|t| t.theme == "team_monitoring" && t.code == sample::code::TEAM_MONITORING));
    assert!(m.missing_themes.is_empty() && m.ambiguous.is_empty());
    assert_eq!(
        m.unmatched_codes,
        strings(&[
            sample::code::INSTRUMENTAL_VALUE,
            sample::code::INFORMATION_VISIBILITY,
            sample::code::EXPRESSIVE_VALUE
        ])
    );

    let q = project(
        vec![],
        vec![
            Code::leaf("a", "team_effort"),
            Code::leaf("b", "Team Effort"),
            Code::leaf("c", "social support"),
        ],
        &[],
        vec![],
    )
    .unwrap();
    let m = match_themes(&q, &PAPER_THEMES);
    assert_eq!(m.ambiguous, vec![("team_effort".to_string(), strings(&["a", "b"]))]);
    assert_eq!(m.matched, vec![ThemeMapping { theme: "social_support".into(), code: "c".into() }]);
    assert_eq!(
        m.missing_themes,
        strings(&["team_reflexivity", "team_monitoring", "social_exchange"])
    );
}

// ---------------------------------------------------------------------------------------------
// The teaching sample

fn sample_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE_PATH)
}

#[test]
fn the_committed_teaching_sample_equals_the_built_one() {
    let built = build_teaching_sample().unwrap();
    assert_eq!(build_teaching_sample().unwrap(), built, "the build is deterministic");
    if std::env::var("REGENERATE_SAMPLE").as_deref() == Ok("1") {
        std::fs::create_dir_all(sample_path().parent().unwrap()).unwrap();
        std::fs::write(sample_path(), &built).unwrap();
    }
    let committed = std::fs::read(sample_path())
        .expect("public/sample/teaching-sample.qdpx exists (REGENERATE_SAMPLE=1 writes it)");
    assert!(committed == built, "public/sample/teaching-sample.qdpx is stale: run REGENERATE_SAMPLE=1 cargo test --test coverage");
}

fn committed_sample() -> Project {
    import_qdpx(&std::fs::read(sample_path()).unwrap()).unwrap().project
}

#[test]
fn the_teaching_sample_is_labelled_and_exercises_the_engine() {
    let p = committed_sample();
    assert!(p.description().starts_with(SAMPLE_NOTICE));
    assert!(p.name().contains(SAMPLE_NOTICE));
    assert_eq!(p.sources().len(), 8);
    assert!(p.sources().iter().all(|s| s.name.contains(SAMPLE_NOTICE)));
    assert!(
        p.sources().iter().any(|s| s.text.contains("钉钉"))
            && p.sources().iter().any(|s| s.text.contains("微信"))
    );
    assert!(
        p.sources().iter().any(|s| s.text.len() != s.len_chars()),
        "some offsets differ from byte offsets"
    );
    assert_eq!(
        p.users().iter().map(|u| u.name.as_str()).collect::<Vec<_>>(),
        vec!["coder-a", "coder-b"]
    );
    assert!(p.code_rows().iter().any(|r| r.depth == 3), "a nested first-order code");
    // coder-a's two team-effort codings in Service T2 excerpt 1 overlap.
    let effort: Vec<&Coding> = p
        .codings()
        .iter()
        .filter(|c| {
            c.code == sample::code::TEAM_EFFORT && c.coder == CODER_A && c.source.ends_with("003")
        })
        .collect();
    assert_eq!(effort.len(), 2);
    assert!(effort[0].start < effort[1].end && effort[1].start < effort[0].end);
    // Reading and writing again gives the very same bytes.
    assert!(write_qdpx(&p).unwrap() == std::fs::read(sample_path()).unwrap());
    // And it survives a CSV round trip with the same coverage table.
    let out = export_csv(&p).unwrap();
    let files = out.text_files();
    let again = import_csv(&CsvInput {
        codings: ("c.csv", out.codings_csv.as_bytes()),
        sources: Some(("s.csv", out.sources_csv.as_bytes())),
        texts: &files,
    })
    .unwrap()
    .project;
    assert_eq!(table_by_name(&again), table_by_name(&p));
}

/// Coverage of the teaching sample, all coders, per cell: (code, group, time, pooled, mean of
/// sources). From `scripts/coverage_reference.py`, an independent implementation (Python's
/// zipfile + ElementTree; `len()` counts code points):
///
/// ```python
/// def vector(source, code, coder, aggregate=True):
///     v = [0] * len(texts[source])
///     for s, a, b, c, u in codings:
///         if s == source and (coder is None or u == coder) and (code in ancestors_or_self(c) if aggregate else c == code):
///             for i in range(a, b): v[i] = 1
///     return v
/// vs = [vector(s, code, None) for s in cells[key]]
/// pooled = 100 * sum(map(sum, vs)) / sum(map(len, vs))
/// mean = sum(100 * sum(v) / len(v) for v in vs) / len(vs)
/// ```
///
/// One by hand: Team reflexivity, Service T1. Excerpt 1 (181 characters) has coder-a's
/// "We wanted to improve our management methods for a long time" (59); excerpt 2
/// (322 characters) has coder-b's two sentences from position 0 (215), which contain coder-a's
/// first sentence. Pooled = (59 + 215) ÷ (181 + 322) = 274 ÷ 503 = 54.4731610338 %;
/// mean = (59/181 + 215/322) ÷ 2 = (32.5967 % + 66.7702 %) ÷ 2 = 49.6834357091 %.
const SAMPLE_COVERAGE: &[(&str, &str, &str, f64, f64)] = &[
    ("Instrumental value", "Development", "T1", 19.822485207101, 16.666666666667),
    ("Instrumental value", "Development", "T2", 17.384615384615, 12.500000000000),
    ("Instrumental value", "Service", "T1", 89.860834990060, 88.451837617103),
    ("Instrumental value", "Service", "T2", 29.361702127660, 50.000000000000),
    ("Team reflexivity", "Service", "T1", 54.473161033797, 49.683435709138),
    ("Team reflexivity", "Service", "T2", 0.0, 0.0),
    ("Team monitoring", "Development", "T1", 19.822485207101, 16.666666666667),
    ("Team monitoring", "Service", "T1", 35.387673956262, 38.768401907965),
    ("Team monitoring", "Service", "T2", 17.304964539007, 29.468599033816),
    ("Work-related information visibility", "Service", "T2", 17.304964539007, 29.468599033816),
    ("Team effort", "Development", "T2", 17.384615384615, 12.500000000000),
    ("Team effort", "Service", "T1", 7.554671968191, 5.900621118012),
    ("Team effort", "Service", "T2", 21.276595744681, 36.231884057971),
    ("Expressive value", "Development", "T1", 13.609467455621, 16.788321167883),
    ("Expressive value", "Development", "T2", 30.461538461538, 50.000000000000),
    ("Expressive value", "Service", "T2", 57.304964539007, 40.562248995984),
    ("Social exchange", "Development", "T2", 30.461538461538, 50.000000000000),
    ("Social exchange", "Service", "T2", 46.950354609929, 33.232931726908),
    ("Social support", "Development", "T1", 13.609467455621, 16.788321167883),
    ("Social support", "Service", "T2", 10.354609929078, 7.329317269076),
];

#[test]
fn teaching_sample_coverage_matches_the_independent_reference() {
    let p = committed_sample();
    let keys = p.detect_cell_keys().unwrap();
    let table = p.coverage_table(&keys, &all()).unwrap();
    assert_eq!(
        table
            .cells
            .iter()
            .map(|c| (c.group.as_str(), c.time.as_str(), c.sources.len()))
            .collect::<Vec<_>>(),
        vec![
            ("Development", "T1", 2),
            ("Development", "T2", 2),
            ("Service", "T1", 2),
            ("Service", "T2", 2)
        ]
    );
    let close6 = |got: Option<f64>, want: f64| {
        assert!((got.unwrap() - want).abs() < 1e-9, "got {got:?}, want {want}")
    };
    let mut checked = 0;
    for row in &table.rows {
        for (cell, v) in table.cells.iter().zip(&row.values) {
            match SAMPLE_COVERAGE
                .iter()
                .find(|(n, g, t, ..)| *n == row.name && *g == cell.group && *t == cell.time)
            {
                Some(&(_, _, _, pooled, mean)) => {
                    close6(v.pooled, pooled);
                    close6(v.mean_of_sources, mean);
                    checked += 1;
                }
                None => assert_eq!(
                    (v.coded_chars, v.mean_of_sources),
                    (0, Some(0.0)),
                    "{} {} {}",
                    row.name,
                    cell.group,
                    cell.time
                ),
            }
        }
    }
    assert_eq!(checked, SAMPLE_COVERAGE.len());

    // One coder: coder-b never coded the first-order concept; coder-a's Team effort in Service T2
    // (reference: 21.276595744681 pooled, 36.231884057971 mean) equals the union, coder-b's is lower.
    let a = p.coverage_table(&keys, &Coders::One(CODER_A.into())).unwrap();
    let b = p.coverage_table(&keys, &Coders::One(CODER_B.into())).unwrap();
    let at = |t: &CoverageTable, code: &str, cell: usize| {
        t.rows.iter().find(|r| r.code == code).unwrap().values[cell].clone()
    };
    close6(at(&a, sample::code::TEAM_EFFORT, 3).pooled, 21.276595744681);
    close6(at(&b, sample::code::TEAM_EFFORT, 3).pooled, 11.914893617021);
    close6(at(&b, sample::code::TEAM_EFFORT, 3).mean_of_sources, 20.289855072464);
    close6(at(&b, sample::code::INFORMATION_VISIBILITY, 3).pooled, 0.0);
    close6(at(&a, sample::code::INSTRUMENTAL_VALUE, 2).pooled, 71.570576540755);
    close6(at(&b, sample::code::INSTRUMENTAL_VALUE, 2).mean_of_sources, 72.153495075667);
}

/// Kappa of the teaching sample, coder-a vs coder-b on all 8 sources: per code (pooled tables,
/// code with descendants) and overall. Reference: `sklearn.metrics.cohen_kappa_score` on the
/// concatenated 0/1 character vectors (`scripts/coverage_reference.py`):
///
/// ```python
/// va = sum((vector(s, code, a) for s in compared), []); vb = sum((vector(s, code, b) for s in compared), [])
/// cohen_kappa_score(va, vb)
/// # overall pooled: codes' own codings (aggregate=False), every used code × compared source
/// # overall weighted: Σ len(s)·κ(code, s) ÷ Σ len(s) over the (code, source) pairs with κ defined
/// ```
const SAMPLE_KAPPA: &[(&str, f64)] = &[
    ("Instrumental value", 0.802777681691),
    ("Team reflexivity", 0.587562436809),
    ("Team monitoring", 0.905501533642),
    ("Work-related information visibility", 0.0),
    ("Team effort", 0.768487299727),
    ("Expressive value", 0.733132064874),
    ("Social exchange", 0.655833168275),
    ("Social support", 1.0),
];

#[test]
fn teaching_sample_kappa_matches_sklearn() {
    let p = committed_sample();
    let ag = p.agreement(CODER_A, CODER_B).unwrap();
    assert_eq!(ag.sources.len(), 8);
    let got: Vec<(&str, f64)> =
        ag.codes.iter().map(|c| (c.name.as_str(), c.kappa.value().unwrap())).collect();
    assert_eq!(got.len(), SAMPLE_KAPPA.len());
    for ((name, k), (want_name, want)) in got.iter().zip(SAMPLE_KAPPA) {
        assert_eq!(name, want_name);
        assert!((k - want).abs() < 1e-9, "{name}: {k} vs {want}");
    }
    kappa_close(ag.overall_pooled, 0.689191550564);
    kappa_close(ag.overall_weighted, 0.574992683069);
    assert_eq!(p.agreement_all_pairs().len(), 1);
}

/// Regression (found by probing the `csv` fuzz target's round trip): a sources CSV with an
/// attribute column named like the key column in another case ("Source") imported with that
/// attribute as the key (the last column of a name won), and an export whose header is
/// `source,…,Source` did not import again ("no text file was given for source “zzz”"). The first
/// column of a name now wins, so the key stays the first `source` column and "Source" stays an
/// attribute through export and re-import.
#[test]
fn csv_a_column_named_like_source_in_another_case_survives_export_and_reimport() {
    let files = vec![("a.txt".to_string(), b"hello".to_vec())];
    let codings = "source,start,end,code,coder\na,0,1,x,k\n";
    let p =
        import(codings, Some("source,group,time,Source\na,S,T1,zzz\n"), &files).unwrap().project;
    assert_eq!(p.sources()[0].attributes.get("Source").map(String::as_str), Some("zzz"));
    let out = export_csv(&p).unwrap();
    let again = import_csv(&CsvInput {
        codings: ("c.csv", out.codings_csv.as_bytes()),
        sources: Some(("s.csv", out.sources_csv.as_bytes())),
        texts: &out.text_files(),
    })
    .unwrap()
    .project;
    assert_eq!(again.codings().len(), 1);
    assert_eq!(again.sources()[0].attributes, p.sources()[0].attributes);
    // The fuzz input itself: the first column named source ("Source" = "zzz") is the key now,
    // so it is refused with a message instead of exporting something that cannot be read back.
    let e = import(codings, Some("Source,source,group,time\nzzz,a,S,T1\n"), &files).unwrap_err();
    assert_eq!(
        e.to_string(),
        "sources.csv line 2: no text file was given for source \u{201c}zzz\u{201d}"
    );
    // The same error in the UI's Chinese: the English one is unchanged, file and line stay named.
    assert_eq!(e.message(&study_core::text::i18n::EN), e.to_string());
    assert_eq!(
        e.message(&study_core::text::i18n::ZH),
        "sources.csv 第 2 行：没有为来源\u{201c}zzz\u{201d}提供文本文件"
    );
}
