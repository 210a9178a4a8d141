//! Edge cases: errors, never panics.

use super::*;

#[test]
fn edge_cases_are_errors_not_panics() {
    let opts = PermutationOptions::default();
    // n < 3 for Shapiro–Wilk; zero range.
    assert_eq!(shapiro_wilk(&[1.0, 2.0]), Err(RobustError::TooFew { needed: 3, got: 2 }));
    assert_eq!(shapiro_wilk(&[]), Err(RobustError::TooFew { needed: 3, got: 0 }));
    assert_eq!(shapiro_wilk(&[5.0; 7]), Err(RobustError::ZeroRange));
    assert!(shapiro_wilk(&vec![1.0; 5001]).is_err());

    // Zero variance.
    let flat = [3.0, 3.0, 3.0];
    assert!(cohens_d(&flat, &flat).is_err());
    assert!(matches!(paired_dz(&[1.0, 2.0, 3.0], &[2.0, 3.0, 4.0]), Err(RobustError::Stats(_))));
    assert_eq!(levene(&[&flat, &[4.0, 4.0]], Center::Mean), Err(RobustError::ZeroVariance));

    // All tied.
    assert_eq!(mann_whitney(&flat, &flat), Err(RobustError::AllTied));
    assert_eq!(wilcoxon(&flat, &flat), Err(RobustError::AllTied));
    assert_eq!(permutation_independent(&flat, &flat, &opts), Err(RobustError::AllTied));
    assert_eq!(permutation_paired(&flat, &flat, &opts), Err(RobustError::AllTied));

    // Identical groups (with spread): defined, and say "no difference".
    let same = [1.0, 2.0, 4.0, 7.0];
    let mw = mann_whitney(&same, &same).unwrap();
    assert_eq!(mw.p, 1.0);
    let perm = permutation_independent(&same, &same, &opts).unwrap();
    assert_eq!(perm.p_two_sided, 1.0);
    assert_eq!(perm.observed, 0.0);
    let e = cohens_d(&same, &same).unwrap();
    assert_eq!(e.d, 0.0);
    assert!(
        e.ci_d.0 < 0.0 && e.ci_d.1 > 0.0 && (e.ci_d.0 + e.ci_d.1).abs() < IDENTITY_TOL,
        "symmetric CI around 0: {:?}",
        e.ci_d
    );
    let l = levene(&[&same, &same], Center::Median).unwrap();
    assert_eq!(l.w, 0.0);
    assert!(bf10_two_sample(0.0, 4, 4, R_MEDIUM).unwrap().bf10 < 1.0);

    // Too few values, non-finite values, bad parameters.
    assert!(matches!(mann_whitney(&[], &[1.0]), Err(RobustError::TooFew { .. })));
    assert!(matches!(permutation_independent(&[1.0], &[], &opts), Err(RobustError::TooFew { .. })));
    assert_eq!(
        wilcoxon(&[1.0, 2.0], &[1.0]),
        Err(RobustError::LengthMismatch { left: 2, right: 1 })
    );
    assert_eq!(
        mann_whitney(&[1.0, f64::INFINITY], &[1.0]),
        Err(RobustError::NonFinite { index: 1 })
    );
    assert_eq!(
        permutation_independent(&[1.0, 2.0], &[1.0, f64::NAN], &opts),
        Err(RobustError::NonFinite { index: 3 })
    );
    assert!(matches!(
        levene(&[&[1.0, 2.0], &[f64::NAN, 1.0]], Center::Mean),
        Err(RobustError::NonFinite { index: 2 })
    ));
    assert!(matches!(
        permutation_independent(&[1.0, 2.0], &[3.0, 4.0], &PermutationOptions { bins: 0, ..opts }),
        Err(RobustError::InvalidParameter { .. })
    ));
    assert!(matches!(
        permutation_independent(
            &[1.0, 2.0],
            &[3.0, 4.0],
            &PermutationOptions { exact_limit: 0, resamples: 0, ..opts }
        ),
        Err(RobustError::InvalidParameter { .. })
    ));
    assert!(matches!(jzs_bf10(2.0, 5.0, 8.0, -1.0), Err(RobustError::InvalidParameter { .. })));
    assert!(nct_cdf(1.0, -2.0, 0.0).is_err());
    assert!(ncp_interval(1.0, 10.0, 1.5).is_err());

    // Extreme magnitudes never panic.
    let huge = [1e308, -1e308, 5.0];
    let _ = permutation_independent(&huge, &[1.0, 2.0], &opts);
    let _ = mann_whitney(&huge, &[1.0, 2.0]);
    let _ = shapiro_wilk(&huge);
    let _ = levene(&[&huge, &[1.0, 2.0]], Center::Mean);
    let tiny = [1e-310, 2e-310, 3e-310];
    let _ = permutation_independent(&tiny, &[0.0, 1e-310], &opts);
    let _ = shapiro_wilk(&tiny);
    assert!(nct_cdf(1e300, 3.0, 2.0).unwrap() == 1.0);
    let _ = jzs_bf10(1e6, 10.0, 18.0, 0.7);

    // Leave-one-out needs three per group; the message names the informant.
    let p = points(Measure::Quarterly, true);
    let few: Vec<SalaryPoint> = p
        .iter()
        .filter(|x| x.group == Group::Development)
        .cloned()
        .chain(p.iter().filter(|x| x.group == Group::Service).take(2).cloned())
        .collect();
    let err = leave_one_out(&few, Design::DiffInDiff).unwrap_err();
    assert!(matches!(err, RobustError::LeaveOneOut { .. }));
    assert!(err.to_string().starts_with("not defined for this selection: without "), "{err}");
    assert_eq!(
        leave_one_out(&p, Design::Descriptive(Group::Service, Time::T2)),
        Err(RobustError::NoComparison)
    );
}
