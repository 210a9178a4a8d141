//! Fuzz target: the embedded study's loader, exactly as the page runs it. Arbitrary bytes
//! are decoded by `Study::from_baked`, the postcard decoding `Study::embedded` applies to
//! the bytes `crates/core/build.rs` baked, and built. Any bytes either fail with a
//! `LoadError` or load; a loaded study then validates, and the ledger and the paper's
//! analysis run, all without panicking. The seed `corpus/dataset/study.postcard` is the
//! baked study itself, so mutations start from a study that decodes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_core::checks::reproduce::reproduce;
use study_core::checks::validate::validate;
use study_core::stats::designs::analyse;
use study_core::stats::selection::Selection;
use study_core::study::Study;
use study_core::text::i18n::Lang;

fuzz_target!(|data: &[u8]| {
    if let Ok(study) = Study::from_baked(data) {
        let _ = validate(&study);
        let _ = reproduce(&study, Lang::En);
        let _ = analyse(&study, &Selection::paper(&study));
    }
});
