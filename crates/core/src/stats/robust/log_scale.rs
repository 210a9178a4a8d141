//! The salaries on the log scale: a pay change read as a percentage rather than an amount.
//!
//! Each informant's log ratio is ln T2 − ln T1 = ln(T2/T1). Between two groups (the paper's
//! design) the log ratios are compared by Student's pooled t-test (first − second, as
//! [`crate::stats::ttest::student`]); within one group, by the paired t-test of ln T2
//! against ln T1, which is the one-sample t-test of the log ratios against zero. A group's
//! **geometric-mean change** is exp(mean log ratio) − 1, the typical proportional change,
//! given in percent; exp of the test's mean difference is the ratio of the two groups'
//! geometric-mean T2/T1 ratios (between groups) or the group's geometric-mean T2/T1 ratio
//! (within one group), with the t-test's 95 % interval carried through exp.
//!
//! These match `scipy.stats.ttest_ind(np.log(t2 / t1) …)` and `ttest_1samp` (pinned in
//! `tests/robustness/ancova.rs`). Only informants with both salaries finite are used; a
//! salary that is zero or negative has no logarithm and is an error naming the informant,
//! never a NaN or a panic.

use crate::stats::robust::error::RobustError;
use crate::stats::selection::SalaryPoint;
use crate::stats::ttest::{self, TTest};
use crate::study::{Group, Time};

/// One group's typical proportional change from T1 to T2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeometricChange {
    pub group: Group,
    /// Informants used (both salaries finite).
    pub n: usize,
    /// Mean of ln T2 − ln T1.
    pub mean_log: f64,
    /// exp(mean_log) − 1, in percent (+24.72 for a rise of 24.72 %).
    pub percent: f64,
}

impl GeometricChange {
    fn new(group: Group, n: usize, mean_log: f64) -> GeometricChange {
        // exp − 1 rather than exp_m1: its absolute error (~1e-16) is far below the 0.01 %
        // the page shows, and exp is in the wasm already where exp_m1 would add ~0.8 KB.
        GeometricChange { group, n, mean_log, percent: (mean_log.exp() - 1.0) * 100.0 }
    }
}

/// The log-scale test and each group's geometric-mean change.
#[derive(Debug, Clone, PartialEq)]
pub struct LogScale {
    /// Student's t on the log ratios (two groups, first − second), or the paired t of
    /// ln T2 against ln T1 (one group; its mean difference is the mean log ratio).
    pub test: TTest,
    /// One per group, in the order given.
    pub changes: Vec<GeometricChange>,
}

impl LogScale {
    /// exp of the test's mean difference and of its 95 % interval: the ratio of the two
    /// groups' geometric-mean T2/T1 ratios, or one group's geometric-mean T2/T1 ratio.
    pub fn ratio(&self) -> (f64, (f64, f64)) {
        let t = &self.test;
        (t.mean_diff.exp(), (t.ci95.0.exp(), t.ci95.1.exp()))
    }
}

/// (ln T1, ln T2) of one group's informants with both salaries finite; a salary ≤ 0 is an error.
fn logs(points: &[SalaryPoint], group: Group) -> Result<(Vec<f64>, Vec<f64>), RobustError> {
    let mut out = (Vec::new(), Vec::new());
    for p in points.iter().filter(|p| p.group == group && p.t1.is_finite() && p.t2.is_finite()) {
        for (time, value) in [(Time::T1, p.t1), (Time::T2, p.t2)] {
            if value <= 0.0 {
                return Err(RobustError::NonPositive {
                    informant: p.informant.clone(),
                    time,
                    value,
                });
            }
        }
        out.0.push(p.t1.ln());
        out.1.push(p.t2.ln());
    }
    Ok(out)
}

/// Student's t-test on the log ratios of the first group against the second, with each
/// group's geometric-mean change (the mean of its log ratios is the test's mean of it).
pub fn log_scale_between(
    points: &[SalaryPoint],
    first: Group,
    second: Group,
) -> Result<LogScale, RobustError> {
    let ratios = |group| {
        logs(points, group).map(|(l1, l2)| l1.iter().zip(&l2).map(|(a, b)| b - a).collect())
    };
    let (a, b): (Vec<f64>, Vec<f64>) = (ratios(first)?, ratios(second)?);
    let test = ttest::student(&a, &b)?;
    let changes = vec![
        GeometricChange::new(first, test.a.n, test.a.mean),
        GeometricChange::new(second, test.b.n, test.b.mean),
    ];
    Ok(LogScale { test, changes })
}

/// The paired t-test of ln T2 against ln T1 within one group, with its geometric-mean
/// change (the test's mean difference is the mean log ratio).
pub fn log_scale_paired(points: &[SalaryPoint], group: Group) -> Result<LogScale, RobustError> {
    let (l1, l2) = logs(points, group)?;
    let test = ttest::paired(&l1, &l2)?;
    Ok(LogScale { test, changes: vec![GeometricChange::new(group, l1.len(), test.mean_diff)] })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(name: &str, group: Group, t1: f64, t2: f64) -> SalaryPoint {
        SalaryPoint::new(name.into(), group, t1.into(), t2.into())
    }

    #[test]
    fn a_uniform_rise_is_its_geometric_change() {
        // Ratios 1.1 and 1.21 have geometric mean 1.1 (exactly, up to rounding): +10 %.
        let pts = [pt("A", Group::Service, 100.0, 110.0), pt("B", Group::Service, 200.0, 242.0)];
        let l = log_scale_paired(&pts, Group::Service).unwrap();
        let c = l.changes[0];
        assert_eq!((c.group, c.n), (Group::Service, 2));
        assert!((c.percent - (1.1_f64 * 1.21).sqrt().mul_add(100.0, -100.0)).abs() < 1e-9);
        assert!((l.ratio().0 - (1.1_f64 * 1.21).sqrt()).abs() < 1e-12);
        assert!(l.ratio().1 .0 < l.ratio().0 && l.ratio().0 < l.ratio().1 .1);
    }

    #[test]
    fn non_positive_salaries_and_missing_values() {
        let mut pts = vec![
            pt("A", Group::Service, 100.0, 110.0),
            pt("B", Group::Service, 120.0, 0.0),
            pt("C", Group::Development, 100.0, 90.0),
            pt("D", Group::Development, 90.0, 95.0),
        ];
        assert_eq!(
            log_scale_between(&pts, Group::Service, Group::Development),
            Err(RobustError::NonPositive { informant: "B".into(), time: Time::T2, value: 0.0 })
        );
        pts[1] = pt("B", Group::Service, -5.0, 10.0);
        assert!(matches!(
            log_scale_paired(&pts, Group::Service),
            Err(RobustError::NonPositive { time: Time::T1, .. })
        ));
        // A missing salary leaves its informant out: Service has one left, too few.
        pts[1] = pt("B", Group::Service, f64::NAN, 10.0);
        assert!(matches!(
            log_scale_between(&pts, Group::Service, Group::Development),
            Err(RobustError::Stats(ttest::StatsError::TooFew { .. }))
        ));
    }
}
