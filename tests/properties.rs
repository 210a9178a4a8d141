//! Property tests (proptest) for the statistics and coverage cores:
//! - t is antisymmetric when the two groups are swapped (Student and Welch), p unchanged;
//! - valid inputs always reach a result (the properties are checked on the `Ok` path, and
//!   an error must have its reason in the input);
//! - every p-value lies in [0, 1];
//! - the exact permutation p-value is at least 1 / (number of permutations);
//! - coverage lies in [0, 100];
//! - the union of ranges is idempotent (and order-independent);
//! - the CSV formula guard is undone exactly by `unguard` and leaves no formula;
//! - a CSV import with names made of formula characters, quotes, blanks and separators
//!   exports and imports again to the same codings (what the `csv` fuzz target checks).

use proptest::prelude::*;
use study_core::coverage::ranges::{total_len, union};
use study_core::coverage::{
    export_csv, import_csv, Code, Coders, Coding, CsvInput, Project, ProjectParts, Source, User,
};
use study_core::stats::robust::{permutation_independent, PermutationOptions};
use study_core::stats::ttest;
use study_core::text::csv::{guard, is_number, unguard, FORMULA_TRIGGERS};

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
            sets: Vec::new(),
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

    #[test]
    fn the_csv_guard_is_undone_exactly(cell in "['=+@ \t\r\n\"a,.0-9-]{0,8}") {
        let guarded = guard(&cell);
        prop_assert_eq!(unguard(&guarded), cell.as_str());
        prop_assert!(!guarded.starts_with(FORMULA_TRIGGERS) || is_number(&guarded), "{:?}", guarded);
    }

    #[test]
    fn a_csv_import_exports_and_imports_again_to_the_same_codings(
        rows in prop::collection::vec(("['=+@ \t\"a>,-]{1,7}", "['=+@ \ta-]{1,4}", 0usize..5), 1..6)
    ) {
        let quoted = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut codings = String::from("source,start,end,code,coder\r\n");
        for (code, coder, start) in &rows {
            codings.push_str(&format!("a,{start},{},{},{}\r\n", start + 3, quoted(code), quoted(coder)));
        }
        let texts = vec![("a.txt".to_string(), b"abcdefghij".to_vec())];
        let input = CsvInput { codings: ("c.csv", codings.as_bytes()), sources: None, texts: &texts };
        // Names with an empty level are refused; everything else must survive the round trip.
        let first = import_csv(&input);
        prop_assume!(first.is_ok());
        let ids = |p: &Project| -> Vec<(String, usize, usize, String, String)> {
            p.codings().iter().map(|c| (c.source.clone(), c.start, c.end, c.code.clone(), c.coder.clone())).collect()
        };
        let p = first.unwrap().project;
        let out = export_csv(&p).unwrap();
        let files = out.text_files();
        let again = CsvInput {
            codings: ("c.csv", out.codings_csv.as_bytes()),
            sources: Some(("s.csv", out.sources_csv.as_bytes())),
            texts: &files,
        };
        let q = import_csv(&again);
        prop_assert!(q.is_ok(), "{:?}\n{}", q, out.codings_csv);
        prop_assert_eq!(ids(&q.unwrap().project), ids(&p), "{}", out.codings_csv);
    }
}
