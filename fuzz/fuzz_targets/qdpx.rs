//! Fuzz target: the REFI-QDA (`.qdpx`) importer. Any bytes either fail with a `QdpxError` or
//! import; an imported project then gives its coverage tables by variables and by sets (all
//! coders and each coder), the Workshop's view models and row filter and the agreement of
//! every pair of coders without panicking, with every percentage in [0, 100] and every defined
//! kappa in [−1, 1]; and it is written back as a `.qdpx` that imports again with the same
//! codings and sets.
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_core::view::coverage::{agreement_view, coverage_view, filter_rows};
use study_core::coverage::{import_qdpx, write_qdpx, Coders, Grouping, Project};
use study_core::text::i18n::EN;

fn check_project(p: &Project) {
    let mut groupings: Vec<Grouping> = p.detect_cell_keys().map(Grouping::Variables).into_iter().collect();
    groupings.push(Grouping::Sets);
    let mut coders = vec![Coders::All];
    coders.extend(p.users().iter().map(|u| Coders::One(u.id.clone())));
    for who in &coders {
        for g in &groupings {
            let table = p.coverage_table_by(g, who).expect("a valid project and coder give a table");
            for row in &table.rows {
                for v in &row.values {
                    for x in [v.pooled, v.mean_of_sources].into_iter().flatten() {
                        assert!((0.0..=100.0).contains(&x), "coverage {x}");
                    }
                }
            }
        }
        let view = coverage_view(p, p.default_grouping().as_ref(), who, &EN).expect("a valid project and coder give a view");
        assert_eq!(view.rows.len(), p.code_rows().len());
        let shown = filter_rows(&view.rows, "a", false, &EN);
        assert_eq!(shown.visible.len(), view.rows.len());
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
    let sets = |p: &Project| p.sets().iter().map(|s| (s.name.clone(), s.sources.len())).collect::<Vec<_>>();
    assert_eq!(sets(&again), sets(&p), "the same sets after writing and reading again");
});
