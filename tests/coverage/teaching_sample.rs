//! The teaching sample: the committed `.qdpx` equals the built one, and its coverage
//! and kappa equal an independent Python computation.

use super::csv_files::table_by_name;
use super::*;

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
            .map(|c| (c.group.as_str(), c.time.as_deref().unwrap(), c.sources.len()))
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
            match SAMPLE_COVERAGE.iter().find(|(n, g, t, ..)| {
                *n == row.name && *g == cell.group && cell.time.as_deref() == Some(*t)
            }) {
                Some(&(_, _, _, pooled, mean)) => {
                    close6(v.pooled, pooled);
                    close6(v.mean_of_sources, mean);
                    checked += 1;
                }
                None => assert_eq!(
                    (v.coded_chars, v.mean_of_sources),
                    (0, Some(0.0)),
                    "{} {} {:?}",
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
