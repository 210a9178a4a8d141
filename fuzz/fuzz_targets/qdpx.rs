//! Fuzz target: the REFI-QDA (`.qdpx`) importer. Any bytes either fail with a `QdpxError` or
//! import; an imported project then gives its coverage table (all coders and each coder),
//! the Workshop's view models and the agreement of every pair of coders without panicking,
//! with every percentage in [0, 100] and every defined kappa in [−1, 1]; and it is written
//! back as a `.qdpx` that imports again with the same codings.
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_core::view::coverage::{agreement_view, coverage_view};
use study_core::coverage::{import_qdpx, write_qdpx, Coders, Project};
use study_core::text::i18n::EN;

fn check_project(p: &Project) {
    let keys = p.detect_cell_keys();
    let mut coders = vec![Coders::All];
    coders.extend(p.users().iter().map(|u| Coders::One(u.id.clone())));
    for who in &coders {
        if let Some(k) = &keys {
            let table = p.coverage_table(k, who).expect("a valid project and coder give a table");
            for row in &table.rows {
                for v in &row.values {
                    for x in [v.pooled, v.mean_of_sources].into_iter().flatten() {
                        assert!((0.0..=100.0).contains(&x), "coverage {x}");
                    }
                }
            }
        }
        let view = coverage_view(p, keys.as_ref(), who, &EN).expect("a valid project and coder give a view");
        assert_eq!(view.rows.len(), p.code_rows().len());
    }
    for pair in p.agreement_all_pairs() {
        for k in pair.codes.iter().flat_map(|c| [c.kappa, c.weighted]).chain([pair.overall_pooled, pair.overall_weighted]) {
            if let Some(v) = k.value() {
                assert!(v.is_finite() && (-1.0 - 1e-9..=1.0 + 1e-9).contains(&v), "kappa {v}");
            }
        }
    }
    let _ = agreement_view(p, &EN);
}

fuzz_target!(|data: &[u8]| {
    let Ok(import) = import_qdpx(data) else { return };
    let p = import.project;
    check_project(&p);
    let bytes = write_qdpx(&p).expect("an imported project can be written");
    let again = import_qdpx(&bytes).expect("a written project imports again").project;
    let spans = |p: &Project| p.codings().iter().map(|c| (c.start, c.end)).collect::<Vec<_>>();
    assert_eq!(spans(&again), spans(&p), "the same codings after writing and reading again");
});
