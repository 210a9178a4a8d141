//! Fuzz target: the dataset loader and validator. Any bytes either fail to load with a
//! `LoadError` or load and validate (returning a list of problems) without panicking; the
//! ledger and the paper's analysis then run without panicking either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_explorer::core::dataset::Study;
use study_explorer::core::designs::analyse;
use study_explorer::core::reproduce::reproduce;
use study_explorer::core::selection::Selection;
use study_explorer::core::validate::validate;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(study) = Study::from_json(&text) {
        let _ = validate(&study);
        let _ = reproduce(&study);
        let _ = analyse(&study, &Selection::paper(&study));
    }
});
