//! Native benchmarks of the core (criterion): loading the embedded study (decoding the
//! postcard bytes build.rs baked, then building the salary tables) and validating it,
//! the statistics recompute for one selection change, the reproducibility ledger, the exact
//! permutation test on the paper's 10 vs 12, and the whole robustness recompute; then the
//! same steps at scale, on the synthetic study with 10,000 informants per group that
//! `?scale=10000` loads (generate, validate, select, t-tests, the robustness analyses
//! other than the permutation test, and the 100,000-resample Monte Carlo permutation test).
//! Run with `make bench`; figures and method are recorded in BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use study_core::checks::reproduce::reproduce;
use study_core::checks::validate::validate;
use study_core::reader::own_csv::read_own_csv;
use study_core::reader::synthetic::{synthetic_from, SYNTHETIC_SEED};
use study_core::stats::designs::analyse;
use study_core::stats::designs::analyse_points;
use study_core::stats::robust::{permutation_independent, PermutationOptions};
use study_core::stats::selection::{salary_points, values};
use study_core::stats::selection::{Salaries, Selection};
use study_core::study::Group;
use study_core::study::{Measure, Study};
use study_core::text::i18n::Lang;
use study_core::view::analysis::{salary_summaries, test_view};
use study_core::view::robustness::robustness_view;
use study_core::view::robustness::{robustness_view_staged, Staged, SYNC_PERMUTATION_WORK};

fn benches(c: &mut Criterion) {
    // Loading is decoding and building; freeing the study afterwards is not timed.
    c.bench_function("load the embedded study: Study::embedded (decode + build)", |b| {
        b.iter_with_large_drop(Study::embedded)
    });
    let study = match Study::embedded() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot load the study: {e}");
            return;
        }
    };
    c.bench_function("validate", |b| b.iter(|| validate(black_box(&study)).len()));
    let paper = Selection::paper(&study);
    let terms = Salaries::Paper(&study).terms();
    c.bench_function("recompute: default selection (points, test, view)", |b| {
        b.iter(|| {
            let sel = black_box(paper);
            let points =
                study_core::stats::selection::salary_points(&study, &sel).unwrap_or_default();
            let summaries = salary_summaries(&sel, &points);
            let analysis = analyse(&study, &sel);
            (summaries.len(), test_view(&sel, &terms, &analysis, &points, Lang::En).details.len())
        })
    });
    let mut monthly_paired = paper;
    monthly_paired.measure = Measure::Monthly;
    monthly_paired.groups = [true, false];
    c.bench_function("recompute: monthly, Service only (paired)", |b| {
        b.iter(|| analyse(&study, black_box(&monthly_paired)).is_ok())
    });
    c.bench_function("reproducibility ledger", |b| {
        b.iter(|| reproduce(black_box(&study), Lang::En).len())
    });
    let points = salary_points(&study, &paper).unwrap_or_default();
    let (a, bb) =
        (values(&points, Group::Service, None), values(&points, Group::Development, None));
    let opts = PermutationOptions::default();
    c.bench_function("exact permutation test, 10 vs 12 (646,646 relabellings)", |b| {
        b.iter(|| permutation_independent(black_box(&a), black_box(&bb), &opts).map(|p| p.count))
    });
    c.bench_function("whole robustness recompute, paper's selection", |b| {
        b.iter(|| robustness_view(&study, black_box(&paper), Lang::En).summary.len())
    });
    scale(c, &study);
    own_data(c, &paper);
}

/// The scale figures: 10,000 informants per group (20,000 in all), the paper's selection.
fn scale(c: &mut Criterion, paper_study: &Study) {
    const PER_GROUP: usize = 10_000;
    let mut g = c.benchmark_group("scale 10,000 per group");
    g.sample_size(10);
    g.bench_function("generate the synthetic study", |b| {
        b.iter(|| {
            synthetic_from(paper_study, black_box(PER_GROUP), SYNTHETIC_SEED)
                .map(|s| s.quarterly.rows.len())
        })
    });
    let study = match synthetic_from(paper_study, PER_GROUP, SYNTHETIC_SEED) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot build the synthetic study: {e}");
            return;
        }
    };
    let sel = Selection::paper(&study);
    g.bench_function("validate", |b| b.iter(|| validate(black_box(&study)).len()));
    g.bench_function("select: salary points of the paper's selection", |b| {
        b.iter(|| salary_points(&study, black_box(&sel)).map(|p| p.len()))
    });
    let points = salary_points(&study, &sel).unwrap_or_default();
    g.bench_function("t-tests: Student and Welch on the T2 - T1 changes", |b| {
        b.iter(|| analyse_points(black_box(&sel), &points).is_ok())
    });
    g.bench_function("robustness analyses except the permutation test", |b| {
        b.iter(|| {
            match robustness_view_staged(
                Salaries::Paper(&study),
                black_box(&sel),
                &points,
                SYNC_PERMUTATION_WORK,
                Lang::En,
            ) {
                Staged::Ready(v) => v.summary.len(),
                Staged::Pending(p) => p.view.summary.len(),
            }
        })
    });
    let (a, bb) =
        (values(&points, Group::Service, None), values(&points, Group::Development, None));
    let opts = PermutationOptions::default();
    g.bench_function("Monte Carlo permutation test, 100,000 resamples", |b| {
        b.iter(|| permutation_independent(black_box(&a), black_box(&bb), &opts).map(|p| p.count))
    });
    g.finish();
}

/// A reader's own file at the largest size read: 100,000 rows, read and tested.
fn own_data(c: &mut Criterion, paper: &Selection) {
    let mut text = String::from("\u{feff}id,group,t1,t2\r\n");
    for i in 0..100_000u32 {
        let group = if i % 2 == 0 { "Pilot" } else { "Usual" };
        let t1 = 1000.0 + f64::from(i % 997) * 1.25;
        let t2 = t1 * (1.0 + f64::from(i % 13) / 100.0);
        text.push_str(&format!("\"R-{i:06}\",{group},\"{t1:.2}\",{t2:.2}\r\n"));
    }
    let mut g = c.benchmark_group("own data, 100,000 rows");
    g.sample_size(20);
    g.bench_function("read the CSV (read_own_csv)", |b| {
        b.iter(|| read_own_csv("big.csv", black_box(text.as_bytes())).map(|o| o.rows.len()))
    });
    let Ok(own) = read_own_csv("big.csv", text.as_bytes()) else { return };
    g.bench_function("points and the test (Student and Welch)", |b| {
        b.iter(|| {
            let points = Salaries::Own(&own).points(black_box(paper)).unwrap_or_default();
            analyse_points(paper, &points).is_ok()
        })
    });
    g.finish();
}

criterion_group!(core, benches);
criterion_main!(core);
