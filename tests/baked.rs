//! The baked study under damage, natively on every `cargo test`: bytes that
//! `Study::from_baked` cannot decode are a `LoadError`, and bytes it can (a changed letter,
//! a changed number, a NaN or infinite salary, which JSON cannot even write) load,
//! validate, reproduce and analyse without panicking. The dataset fuzz target runs the
//! same steps on arbitrary bytes.

use study_core::checks::reproduce::reproduce;
use study_core::checks::validate::validate;
use study_core::stats::designs::analyse;
use study_core::stats::selection::Selection;
use study_core::study::{LoadError, RawStudy, Study, BAKED_STUDY};
use study_core::text::i18n::Lang;

/// What the dataset fuzz target does with its bytes; whether they loaded.
fn exercise(bytes: &[u8]) -> bool {
    match Study::from_baked(bytes) {
        Ok(study) => {
            run(&study);
            true
        }
        Err(_) => false,
    }
}

fn run(study: &Study) {
    let _ = validate(study);
    let _ = reproduce(study, Lang::En);
    let _ = analyse(study, &Selection::paper(study));
}

/// A fixed xorshift sequence, so a failure reproduces.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn damaged_bytes_fail_to_load_or_load_without_panicking() {
    let mut state = 0x9e37_79b9_7f4a_7c15;
    let mut loaded = 0;
    for _ in 0..400 {
        let mut bytes = BAKED_STUDY.to_vec();
        for _ in 0..1 + xorshift(&mut state) % 4 {
            let at = (xorshift(&mut state) % bytes.len() as u64) as usize;
            bytes[at] = xorshift(&mut state) as u8;
        }
        loaded += usize::from(exercise(&bytes));
    }
    assert!(loaded > 0, "some damaged studies still decode, so the analysis ran on them");
    for cut in (0..BAKED_STUDY.len()).step_by(997) {
        assert!(
            matches!(Study::from_baked(&BAKED_STUDY[..cut]), Err(LoadError::Baked { .. })),
            "{cut} bytes"
        );
    }
}

#[test]
fn non_finite_numbers_load_or_fail_without_panicking() {
    let paper = Study::embedded().expect("the embedded study loads").raw;
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, -0.0, 5e-324] {
        let mut raw: RawStudy = paper.clone();
        for r in &mut raw.salaries.quarterly.extracted_rows.service {
            r.t1 = x;
        }
        raw.salaries.monthly.extracted_rows.development[0].t2_printed = x;
        raw.discount.revenue_2016.value = x;
        raw.discount.salary_total_2017.value = x;
        if let Ok(study) = Study::build(raw) {
            run(&study);
        }
    }
}
