//! CSV import and export: hierarchy, attributes and CJK text; errors that name the file
//! and line (CRLF and blank lines included); the export round trip, with the formula
//! guard on hostile code names.

use super::*;

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
pub(crate) type CellsByName = BTreeMap<(String, String, String), (Option<i64>, Option<i64>)>;

/// Coverage of every code in every cell, keyed by code path names, rounded to 1e-9.
pub(crate) fn table_by_name(p: &Project) -> CellsByName {
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
                (
                    names[&row.code].clone(),
                    cell.group.clone(),
                    cell.time.clone().unwrap_or_default(),
                ),
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
