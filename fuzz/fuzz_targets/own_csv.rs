//! Fuzz target: a reader's own two-group CSV (`#your-data`). Any input either fails with an
//! `OwnCsvError` whose message names a line the input has, or reads into a study with two
//! named groups whose every row and value came from the file; its analyses never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_core::reader::own_csv::read_own_csv;
use study_core::stats::designs::analyse_points;
use study_core::stats::robust::report::{robustness, RobustnessOptions};
use study_core::stats::selection::{own_points, Selection};
use study_core::study::Study;
use study_core::text::i18n::Lang;

fuzz_target!(|data: &[u8]| {
    match read_own_csv("fuzz.csv", data) {
        Err(e) => {
            let lines = data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
            assert!(e.line <= lines, "line {} of a {lines}-line input", e.line);
            assert!(!e.message(Lang::En).is_empty() && !e.message(Lang::Zh).is_empty());
        }
        Ok(own) => {
            assert!(own.rows.iter().all(|r| r.t1.is_none_or(f64::is_finite) && r.t2.is_none_or(f64::is_finite)));
            let study = Study::embedded().expect("the embedded study loads");
            let sel = Selection::paper(&study);
            let points = own_points(&own, &sel).expect("factor 1 is in range");
            let _ = analyse_points(&sel, &points);
            if points.len() <= 64 {
                let _ = robustness(&points, sel.design().expect("the paper's design"), &RobustnessOptions::default());
            }
            let _ = own.swapped();
        }
    }
});
