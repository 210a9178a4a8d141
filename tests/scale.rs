//! Scale: the synthetic study that `?scale=N` loads, and the sliced Monte Carlo run the
//! page uses for it. A staged robustness view must finish to exactly the one-shot view;
//! the paper's own selection must never be deferred (its exact walk runs at once); and
//! every selection of a synthetic study must give a view (no panic, no error where the
//! paper has none). Speed is measured in `benches/core.rs`, not here.

use study_core::checks::validate::{validate, Kind};
use study_core::reader::synthetic::{
    synthetic_from, synthetic_name, synthetic_study, SYNTHETIC_SEED,
};
use study_core::stats::demographics::balance_moved;
use study_core::stats::selection::{salary_points, Salaries, Selection};
use study_core::study::{Group, Measure, Study};
use study_core::text::i18n::Lang;
use study_core::view::robustness::{
    robustness_view_points, robustness_view_staged, Staged, SYNC_PERMUTATION_WORK,
};

#[test]
fn the_papers_exact_test_is_never_deferred() {
    let study = Study::embedded().unwrap();
    let sel = Selection::paper(&study);
    let points = salary_points(&study, &sel).unwrap();
    match robustness_view_staged(
        Salaries::Paper(&study),
        &sel,
        &points,
        SYNC_PERMUTATION_WORK,
        Lang::En,
    ) {
        Staged::Ready(v) => assert!(v.permutation.unwrap().exact),
        Staged::Pending(_) => panic!("the paper's 646,646 relabellings must run at once"),
    }
}

#[test]
fn a_staged_view_finishes_to_the_one_shot_view() {
    let study = synthetic_study(150, SYNTHETIC_SEED).unwrap();
    let sel = Selection::paper(&study);
    let points = salary_points(&study, &sel).unwrap();
    let Staged::Pending(mut pending) = robustness_view_staged(
        Salaries::Paper(&study),
        &sel,
        &points,
        SYNC_PERMUTATION_WORK,
        Lang::En,
    ) else {
        panic!("100,000 resamples of 150 values are above the synchronous limit")
    };
    assert_eq!(pending.progress(), (0, 100_000));
    assert_eq!(pending.work_per_resample(), 150);
    assert!(pending.view.permutation.as_ref().unwrap_err().starts_with("still running"));
    assert!(
        pending.view.summary.iter().any(|s| s.contains("the permutation test: still running")),
        "{:?}",
        pending.view.summary
    );
    let mut last = 0;
    while pending.progress().0 < 100_000 {
        let (done, total) = pending.step(7_000);
        assert!(done > last && done <= total);
        last = done;
    }
    let finished = pending.finish();
    let one_shot = robustness_view_points(&study, &sel, &points, Lang::En);
    assert!(!finished.permutation.as_ref().unwrap().exact);
    assert_eq!(finished, one_shot);
}

#[test]
fn every_selection_of_a_synthetic_study_gives_a_view() {
    let paper = Study::embedded().unwrap();
    let study = synthetic_from(&paper, 1_000, SYNTHETIC_SEED).unwrap();
    assert!(validate(&study).iter().all(|p| p.kind != Kind::Error));
    for groups in [[true, true], [true, false], [false, true]] {
        for times in [[true, true], [true, false], [false, true]] {
            for measure in Measure::ALL {
                for discount in [true, false] {
                    let sel =
                        Selection { groups, times, measure, discount, ..Selection::paper(&study) };
                    let points = salary_points(&study, &sel).unwrap();
                    let view = match robustness_view_staged(
                        Salaries::Paper(&study),
                        &sel,
                        &points,
                        SYNC_PERMUTATION_WORK,
                        Lang::En,
                    ) {
                        Staged::Ready(v) => *v,
                        Staged::Pending(p) => p.view,
                    };
                    let compares =
                        groups != [true, false] && groups != [false, true] || times == [true, true];
                    assert_eq!(view.tests.iter().all(|r| r.defined), compares, "{sel:?}");
                    if compares {
                        assert!(view.influence.is_ok(), "{sel:?}: {:?}", view.influence);
                        assert_eq!(
                            view.influence.as_ref().unwrap().rows.len(),
                            if groups == [true, true] { 2_000 } else { 1_000 }
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_synthetic_study_has_the_schema_sizes_and_no_problems() {
    let s = synthetic_study(300, SYNTHETIC_SEED).unwrap();
    for m in Measure::ALL {
        for g in Group::ALL {
            let rows: Vec<_> = s.table(m).group_rows(g).collect();
            assert_eq!(rows.len(), 300);
            assert_eq!(rows[0].informant, synthetic_name(g, 0));
            assert!(rows.iter().all(|r| r.t1 > 0.0 && r.t2_printed > 0.0 && r.t1.is_finite()));
        }
    }
    assert_eq!(s.raw.informants.len(), 600);
    assert!(s.dropped.is_empty());
    assert!(s.raw.text_mentions.is_empty());
    let problems = validate(&s);
    let errors: Vec<_> = problems.iter().filter(|p| p.kind != Kind::Artefact).collect();
    // The codebook count is the paper's own discrepancy, which the template keeps.
    assert!(errors.iter().all(|p| p.code == "codebook-count"), "{errors:#?}");
    // It round-trips through the study file format (serde_json is native-only).
    #[cfg(not(target_arch = "wasm32"))]
    {
        let json = serde_json::to_string(&s.raw).unwrap();
        assert_eq!(Study::from_json(&json).unwrap().quarterly.rows.len(), 600);
    }
}

#[test]
fn moving_an_informant_of_the_paper_in_a_synthetic_study_finds_none() {
    let paper = Study::embedded().expect("embedded study");
    let synthetic = synthetic_from(&paper, 20, SYNTHETIC_SEED).expect("synthetic study");
    assert!(balance_moved(
        &synthetic,
        "Grace",
        Group::Service,
        study_core::stats::selection::Exclusions::NONE
    )
    .is_none());
}
