//! Fuzz target: the dataset loader and validator. Any bytes either fail to load with a
//! `LoadError` or load and validate (returning a list of problems) without panicking; the
//! ledger and the paper's analysis then run without panicking either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_core::study::Study;
use study_core::stats::designs::analyse;
use study_core::checks::reproduce::reproduce;
use study_core::stats::selection::Selection;
use study_core::checks::validate::validate;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(study) = Study::from_json(&text) {
        let _ = validate(&study);
        let _ = reproduce(&study);
        let _ = analyse(&study, &Selection::paper(&study));
    }
});
