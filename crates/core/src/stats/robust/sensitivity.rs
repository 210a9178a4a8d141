//! Discount sensitivity: the paper's test (Student's t on T2 − T1 differences, Service vs
//! Development) rerun for a range of discount factors.
//!
//! Footnote 3 scales T2 by factor f = (S₂₀₁₆/R₂₀₁₆)/(S₂₀₁₇/R₂₀₁₇) ≈ 1.196. The tables print
//! T2 already discounted with the paper's factor, so T2 under another factor f is
//! `discounted_t2(printed, paper_factor, f)` = printed ÷ paper factor × f
//! ([`crate::stats::discount`]); f = 1 is T2 as originally paid. For each f the
//! differences T2 − T1 are rebuilt and [`crate::stats::ttest::student`] is run, exactly as
//! the paper's design. Nothing is re-derived here.
//!
//! [`default_factors`] is the grid the page shows: 0.80 to 1.40 in steps of 0.05 (which
//! includes 1.00, no discount) plus the paper's own factor, in increasing order.

use crate::stats::discount::{discounted_t2, DiscountTotals};
use crate::stats::robust::error::RobustError;
use crate::stats::ttest;
use crate::study::{Group, SalaryRow, Study};

/// One factor's result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SensitivityRow {
    /// The discount factor applied to original T2.
    pub factor: f64,
    /// Whether this is the paper's factor.
    pub is_paper: bool,
    /// Student's t (Service − Development) on the T2 − T1 differences.
    pub t: f64,
    /// Two-sided p.
    pub p: f64,
    /// Mean difference of the differences (Service − Development).
    pub mean_diff: f64,
}

/// The paper's factor from the study's totals.
pub fn paper_factor(study: &Study) -> Result<f64, RobustError> {
    Ok(DiscountTotals::from_study(&study.raw.discount).checked_factor()?)
}

/// 0.80, 0.85, …, 1.40 and the paper's factor, increasing.
pub fn default_factors(paper_factor: f64) -> Vec<f64> {
    let mut f: Vec<f64> = (0..=12).map(|i| f64::from(80 + 5 * i) / 100.0).collect();
    if paper_factor.is_finite() && paper_factor > 0.0 && !f.contains(&paper_factor) {
        f.push(paper_factor);
    }
    f.sort_by(f64::total_cmp);
    f
}

/// The paper's test under each factor, from the raw rows (T1 and printed T2).
pub fn discount_sensitivity(
    rows: &[SalaryRow],
    paper_factor: f64,
    factors: &[f64],
) -> Result<Vec<SensitivityRow>, RobustError> {
    let check = |name: &'static str, f: f64| {
        if f.is_finite() && f > 0.0 {
            Ok(f)
        } else {
            Err(RobustError::InvalidParameter { name, value: f })
        }
    };
    check("the paper's discount factor", paper_factor)?;
    factors
        .iter()
        .map(|&f| {
            check("discount factor", f)?;
            let diffs = |g: Group| -> Vec<f64> {
                rows.iter()
                    .filter(|r| r.group == g)
                    .map(|r| discounted_t2(r.t2_printed, paper_factor, f) - r.t1)
                    .collect()
            };
            let test = ttest::student(&diffs(Group::Service), &diffs(Group::Development))?;
            Ok(SensitivityRow {
                factor: f,
                is_paper: f == paper_factor,
                t: test.t,
                p: test.p,
                mean_diff: test.mean_diff,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_includes_one_and_the_paper() {
        let f = default_factors(706800.0 / 591000.0);
        assert_eq!(f.len(), 14);
        assert!(f.contains(&1.0));
        assert_eq!(f[0], 0.8);
        assert_eq!(f[13], 1.4);
        assert!(f.windows(2).all(|w| w[0] < w[1]));
    }
}
