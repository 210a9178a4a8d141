//! Native benchmarks of the core (criterion): loading and validating the embedded study,
//! the statistics recompute for one selection change, and the reproducibility ledger.
//! Run with `make bench`; figures and method are recorded in BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use study_explorer::core::dataset::{Measure, Study};
use study_explorer::core::designs::analyse;
use study_explorer::core::reproduce::reproduce;
use study_explorer::core::selection::Selection;
use study_explorer::core::validate::validate;
use study_explorer::core::view::{salary_summaries, test_view};

fn benches(c: &mut Criterion) {
    c.bench_function("load + build the embedded study", |b| b.iter(|| Study::embedded().map(|s| s.quarterly.rows.len())));
    let study = match Study::embedded() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot load the study: {e}");
            return;
        }
    };
    c.bench_function("validate", |b| b.iter(|| validate(black_box(&study)).len()));
    let paper = Selection::paper(&study);
    c.bench_function("recompute: default selection (points, test, view)", |b| {
        b.iter(|| {
            let sel = black_box(paper);
            let points = study_explorer::core::selection::salary_points(&study, &sel).unwrap_or_default();
            let summaries = salary_summaries(&sel, &points);
            let analysis = analyse(&study, &sel);
            (summaries.len(), test_view(&sel, &analysis).details.len())
        })
    });
    let mut monthly_paired = paper;
    monthly_paired.measure = Measure::Monthly;
    monthly_paired.groups = [true, false];
    c.bench_function("recompute: monthly, Service only (paired)", |b| b.iter(|| analyse(&study, black_box(&monthly_paired)).is_ok()));
    c.bench_function("reproducibility ledger", |b| b.iter(|| reproduce(black_box(&study)).len()));
}

criterion_group!(core, benches);
criterion_main!(core);
