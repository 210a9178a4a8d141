//! Property tests (proptest) for the statistics and coverage cores:
//! - t is antisymmetric when the two groups are swapped (Student and Welch), p unchanged;
//! - valid inputs always reach a result (the properties are checked on the `Ok` path, and
//!   an error must have its reason in the input);
//! - every p-value lies in [0, 1];
//! - the exact permutation p-value is at least 1 / (number of permutations);
//! - coverage lies in [0, 100];
//! - the union of ranges is idempotent (and order-independent).

use proptest::prelude::*;
use study_core::coverage::ranges::{total_len, union};
use study_core::coverage::{Code, Coders, Coding, Project, ProjectParts, Source, User};
use study_core::stats::robust::{permutation_independent, PermutationOptions};
use study_core::stats::ttest;

fn sample(min: usize, max: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-1e6f64..1e6, min..=max)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn t_is_antisymmetric_and_p_is_a_probability(a in sample(2, 30), b in sample(2, 30)) {
        for kind in [ttest::TTestKind::Student, ttest::TTestKind::Welch] {
            match (ttest::independent(&a, &b, kind), ttest::independent(&b, &a, kind)) {
                (Ok(x), Ok(y)) => {
                    prop_assert!((x.t + y.t).abs() <= 1e-9 * x.t.abs().max(1.0), "{} vs {}", x.t, y.t);
                    prop_assert!((x.p - y.p).abs() <= 1e-12);
                    prop_assert!((0.0..=1.0).contains(&x.p));
                    prop_assert!((x.df - y.df).abs() <= 1e-9 * x.df);
                }
                // Distinct continuous draws always have a spread: both directions must give a test.
                (r1, r2) => prop_assert!(false, "no test for valid samples: {:?} / {:?}", r1, r2),
            }
        }
    }

    #[test]
    fn paired_p_is_a_probability(pairs in prop::collection::vec((-1e5f64..1e5, -1e5f64..1e5), 2..25)) {
        let (x, y): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
        let diffs: Vec<f64> = x.iter().zip(&y).map(|(a, b)| a - b).collect();
        let spread = diffs.iter().any(|d| *d != diffs[0]);
        match ttest::paired(&x, &y) {
            Ok(t) => {
                prop_assert!(spread, "a test for differences without spread: {:?}", diffs);
                prop_assert!((0.0..=1.0).contains(&t.p));
                prop_assert!(t.ci95.0 <= t.mean_diff && t.mean_diff <= t.ci95.1);
            }
            Err(e) => prop_assert!(!spread, "no test for differences with spread: {}", e),
        }
    }

    #[test]
    fn permutation_p_is_at_least_one_over_the_count(a in sample(2, 7), b in sample(2, 7)) {
        let p = permutation_independent(&a, &b, &PermutationOptions::default());
        prop_assert!(p.is_ok(), "finite samples of two or more always permute: {:?}", p);
        let p = p.unwrap();
        let floor = 1.0 / p.count as f64;
        for v in [p.p_greater, p.p_less, p.p_two_sided, p.p_two_sided_abs] {
            prop_assert!(v >= floor - 1e-15 && v <= 1.0, "p = {} with {} permutations", v, p.count);
        }
    }

    #[test]
    fn union_is_idempotent(ranges in prop::collection::vec((0usize..200, 0usize..200), 0..40)) {
        let u = union(ranges.clone());
        prop_assert_eq!(union(u.clone()), u.clone());
        let mut reversed = ranges.clone();
        reversed.reverse();
        prop_assert_eq!(union(reversed), u.clone());
        for w in u.windows(2) {
            prop_assert!(w[0].1 < w[1].0, "sorted, disjoint and not touching: {:?}", u);
        }
        prop_assert!(total_len(&u) <= 200);
    }

    #[test]
    fn coverage_is_a_percentage(len in 0usize..120, codings in prop::collection::vec((0usize..130, 0usize..130), 0..12)) {
        let text: String = "话".repeat(len / 2) + &"a".repeat(len - len / 2);
        let cods: Vec<Coding> = codings
            .iter()
            .map(|&(s, e)| Coding { source: "s".into(), start: s.min(e), end: s.max(e), code: "c".into(), coder: "u".into(), origin: String::new() })
            .collect();
        let parts = ProjectParts {
            name: "p".into(),
            description: String::new(),
            users: vec![User { id: "u".into(), name: "u".into() }],
            codes: vec![Code { id: "c".into(), name: "c".into(), children: vec![] }],
            sources: vec![Source { id: "s".into(), name: "s".into(), description: String::new(), text, attributes: Default::default() }],
            codings: cods,
        };
        // A coding past the end of the text is an error when the project is built, and only
        // that; otherwise coverage is within [0, 100] (or undefined for an empty source).
        let in_range = parts.codings.iter().all(|c| c.end <= len);
        match Project::new(parts) {
            Ok(project) => {
                prop_assert!(in_range, "a coding past the end was accepted");
                let c = project.source_coverage("s", "c", &Coders::All);
                prop_assert!(c.is_ok(), "{:?}", c);
                let c = c.unwrap();
                match c.percent {
                    Some(p) => prop_assert!((0.0..=100.0).contains(&p), "{}", p),
                    None => prop_assert_eq!(c.total_chars, 0),
                }
            }
            Err(e) => prop_assert!(!in_range, "a valid project was refused: {}", e),
        }
    }
}
