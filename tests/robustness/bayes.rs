//! Bayes factors against published values (pingouin, the R BayesFactor package).

use super::*;

#[test]
fn bayes_factors_match_published_values() {
    // pingouin.bayesfactor_ttest(3.5, 20, 20) = 26.743 (two-sample, r = 0.707); documented and unit-tested in pingouin.
    let two = bf10_two_sample(3.5, 20, 20, 0.707).unwrap();
    assert!((two.bf10 - 26.743).abs() <= PINGOUIN_TOL, "{}", two.bf10);
    // pingouin.bayesfactor_ttest(3.5, 20) = 17.185 (one-sample / paired, r = 0.707).
    let one = bf10_one_sample(3.5, 20, 0.707).unwrap();
    assert!((one.bf10 - 17.185).abs() <= PINGOUIN_TOL, "{}", one.bf10);
    // BayesFactor::ttestBF(x = sleep$extra[1:10], y = sleep$extra[11:20], paired = TRUE): "Alt., r=0.707 : 17.25888 ±0%".
    let g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    let g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    let t = ttest::paired(&g2, &g1).unwrap().t;
    let sleep = bf10_one_sample(t, 10, R_MEDIUM).unwrap();
    assert!((sleep.bf10 - 17.25888).abs() <= BAYESFACTOR_TOL, "{}", sleep.bf10);
    assert_eq!(sleep.strength, Strength::Strong);
    // BayesFactor::ttestBF(x = sleep$extra[11:20]) (one-sample, mu = 0): "Alt., r=0.707 : 10.71554 ±0%".
    let mean = g2.iter().sum::<f64>() / 10.0;
    let sd = (g2.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / 9.0).sqrt();
    let one_sample = bf10_one_sample(mean / (sd / 10f64.sqrt()), 10, R_MEDIUM).unwrap();
    assert!((one_sample.bf10 - 10.71554).abs() <= BAYESFACTOR_TOL, "{}", one_sample.bf10);
    // The quadrature's own error estimate is far below the tolerance.
    assert!(sleep.rel_error < QUADRATURE_TOL, "{}", sleep.rel_error);
}
