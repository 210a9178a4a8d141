//! Fuzz target: the CSV importer and exporter. The input is split at NUL bytes into a codings
//! CSV, an optional sources CSV (empty = none) and one text file `a.txt` (source `a`). Any
//! input either fails with a `CsvError` or imports; an imported project is exported as CSV,
//! and the export must import again with the same codings (source, range, code, coder) and
//! the same coverage table.
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_core::coverage::{export_csv, import_csv, Coders, CsvInput, Project};

/// The codings as (source, start, end, code, coder) ids.
fn codings(p: &Project) -> Vec<(String, usize, usize, String, String)> {
    p.codings().iter().map(|c| (c.source.clone(), c.start, c.end, c.code.clone(), c.coder.clone())).collect()
}

/// Pooled and mean coverage of every code in every cell, by cell and code name.
fn table(p: &Project) -> Vec<(String, String, String, Option<u64>, Option<u64>)> {
    let Some(keys) = p.detect_cell_keys() else { return Vec::new() };
    let Ok(t) = p.coverage_table(&keys, &Coders::All) else { return Vec::new() };
    let mut out = Vec::new();
    for row in &t.rows {
        for (cell, v) in t.cells.iter().zip(&row.values) {
            let bits = |x: Option<f64>| x.map(f64::to_bits);
            out.push((row.code.clone(), cell.group.clone(), cell.time.clone().unwrap_or_default(), bits(v.pooled), bits(v.mean_of_sources)));
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let codings_csv = parts.next().unwrap_or(&[]);
    let sources_csv = parts.next().filter(|s| !s.is_empty());
    let text = parts.next().unwrap_or(&[]);
    let texts = vec![("a.txt".to_string(), text.to_vec())];
    let input = CsvInput { codings: ("codings.csv", codings_csv), sources: sources_csv.map(|s| ("sources.csv", s)), texts: &texts };
    let Ok(import) = import_csv(&input) else { return };
    let p = import.project;
    let out = export_csv(&p).expect("an imported project can be exported");
    let files = out.text_files();
    let again = CsvInput { codings: ("codings.csv", out.codings_csv.as_bytes()), sources: Some(("sources.csv", out.sources_csv.as_bytes())), texts: &files };
    let q = match import_csv(&again) {
        Ok(i) => i.project,
        Err(e) => panic!("the export does not import again: {e}\ncodings:\n{}\nsources:\n{}", out.codings_csv, out.sources_csv),
    };
    assert_eq!(codings(&q), codings(&p), "the same codings after export and re-import");
    assert_eq!(table(&q), table(&p), "the same coverage after export and re-import");
});
