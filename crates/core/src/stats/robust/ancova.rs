//! ANCOVA for a pre/post design with a control group: each informant's T2 salary
//! regressed on their group, with their T1 salary as a covariate (Vickers & Altman, "Analysing
//! controlled trials with baseline and follow up measurements", BMJ 2001;323:1123).
//!
//! The model is T2 = β₀ + β₁·g + β₂·T1 + ε with g = 1 for the first group and 0 for the
//! second, fitted by ordinary least squares; β₁ is the difference at T2 between the groups
//! for informants with the same T1 salary (first − second), β₂ the common slope on T1.
//!
//! **How it is solved.** The design has three columns, so no linear-algebra crate: the
//! normal equations are solved after centring each group on its own means (the
//! Frisch–Waugh–Lovell theorem: the intercept and group dummy together absorb the group
//! means), which gives the pooled within-group regression
//!
//! - Sxx = Σ_g Σ (x − x̄_g)², Sxy = Σ_g Σ (x − x̄_g)(y − ȳ_g) (x = T1, y = T2, two passes);
//! - β₂ = Sxy / Sxx; β₁ = (ȳ₁ − ȳ₂) − β₂ (x̄₁ − x̄₂); β₀ = ȳ₂ − β₂ x̄₂;
//! - residuals eᵢ = (yᵢ − ȳ_g) − β₂ (xᵢ − x̄_g), s² = Σ e² / (n − 3);
//! - SE(β₁) = s √(1/n₁ + 1/n₂ + (x̄₁ − x̄₂)² / Sxx), SE(β₂) = s / √Sxx;
//! - t = β₁ / SE(β₁) with n − 3 degrees of freedom, p = 2·S(|t|) (statrs' Student t),
//!   95 % CI β₁ ± t₀.₉₇₅,n−3 · SE(β₁), and likewise for β₂.
//!
//! Centring keeps the sums of squares at the scale of the spread rather than of the
//! salaries themselves (about 20,000 RMB), where the raw normal equations XᵀX would lose
//! about eight digits. These are exactly the OLS estimates and standard errors of
//! `numpy.linalg.lstsq` on `T2 ~ 1 + group + T1` (pinned in `tests/robustness/ancova.rs`).
//!
//! Only informants with both salaries finite are used ([`complete_pairs`]). Fewer than two
//! informants in a group, T1 constant within both groups (no slope) or T2 lying exactly on
//! the fitted lines (no residual variance) are errors, never panics.

use crate::stats::robust::error::RobustError;
use crate::stats::selection::SalaryPoint;
use crate::study::Group;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// The ANCOVA fit: the adjusted group difference and the slope on T1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ancova {
    /// Informants in the first and the second group (those with both salaries finite).
    pub n1: usize,
    pub n2: usize,
    /// β₁: first group − second group at T2, adjusted for T1.
    pub estimate: f64,
    pub se: f64,
    pub t: f64,
    /// Residual degrees of freedom, n − 3.
    pub df: usize,
    /// Two-sided p of `t`.
    pub p: f64,
    /// 95 % confidence interval of `estimate`.
    pub ci95: (f64, f64),
    /// β₂: the common slope on T1.
    pub slope: f64,
    pub slope_se: f64,
    /// 95 % confidence interval of `slope`.
    pub slope_ci95: (f64, f64),
    /// β₀: the second group's intercept.
    pub intercept: f64,
    /// The residual standard deviation s.
    pub residual_sd: f64,
}

impl Ancova {
    /// All informants used, n₁ + n₂.
    pub fn n(&self) -> usize {
        self.n1 + self.n2
    }
}

/// (T1, T2) of one group's informants, in input order, leaving out any informant whose T1
/// or T2 is not a finite number (a missing value).
pub fn complete_pairs(points: &[SalaryPoint], group: Group) -> Vec<(f64, f64)> {
    points
        .iter()
        .filter(|p| p.group == group && p.t1.is_finite() && p.t2.is_finite())
        .map(|p| (p.t1, p.t2))
        .collect()
}

/// ANCOVA of the first group against the second on the salary points: T2 on group with T1
/// as covariate, informants with a missing salary left out.
pub fn ancova(points: &[SalaryPoint], first: Group, second: Group) -> Result<Ancova, RobustError> {
    ancova_pairs(&complete_pairs(points, first), &complete_pairs(points, second))
}

/// Means of the (x, y) pairs of one group (n ≥ 1).
fn means(xy: &[(f64, f64)]) -> (f64, f64) {
    let n = xy.len() as f64;
    let (sx, sy) = xy.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
    (sx / n, sy / n)
}

/// ANCOVA on (T1, T2) pairs of two groups (first − second). Every value must be finite.
pub fn ancova_pairs(first: &[(f64, f64)], second: &[(f64, f64)]) -> Result<Ancova, RobustError> {
    for (base, group) in [(0, first), (first.len(), second)] {
        if group.len() < 2 {
            return Err(RobustError::TooFew { needed: 2, got: group.len() });
        }
        if let Some(i) = group.iter().position(|(x, y)| !x.is_finite() || !y.is_finite()) {
            return Err(RobustError::NonFinite { index: base + i });
        }
    }
    let (n1, n2) = (first.len(), second.len());
    let n = n1 + n2;
    let ((x1, y1), (x2, y2)) = (means(first), means(second));
    let groups = [(first, x1, y1), (second, x2, y2)];
    // First pass: the within-group sums of squares and products, and the largest values.
    let (mut sxx, mut sxy, mut x_max, mut y_max) = (0.0, 0.0, 0.0_f64, 0.0_f64);
    for (xy, mx, my) in groups {
        for (x, y) in xy {
            let (dx, dy) = (x - mx, y - my);
            sxx += dx * dx;
            sxy += dx * dy;
            (x_max, y_max) = (x_max.max(x.abs()), y_max.max(y.abs()));
        }
    }
    if !(sxx.is_finite() && sxy.is_finite()) {
        return Err(RobustError::Overflow);
    }
    // T1 constant within both groups (up to the rounding of its means): no slope.
    let tiny = |max: f64| n as f64 * (max * 8.0 * f64::EPSILON).powi(2);
    if sxx <= tiny(x_max) {
        return Err(RobustError::ZeroVariance);
    }
    let slope = sxy / sxx;
    // Second pass: the residuals, from the centred values (no cancellation against Syy).
    let mut sse = 0.0;
    for (xy, mx, my) in groups {
        for (x, y) in xy {
            let e = (y - my) - slope * (x - mx);
            sse += e * e;
        }
    }
    if !sse.is_finite() {
        return Err(RobustError::Overflow);
    }
    // T2 exactly on the fitted lines (up to rounding): no residual variance, t undefined.
    if sse <= tiny(y_max) {
        return Err(RobustError::ZeroVariance);
    }
    let df = n - 3;
    let s2 = sse / df as f64;
    let gap = x1 - x2;
    let estimate = (y1 - y2) - slope * gap;
    let se = (s2 * (1.0 / n1 as f64 + 1.0 / n2 as f64 + gap * gap / sxx)).sqrt();
    let slope_se = (s2 / sxx).sqrt();
    if !(estimate.is_finite() && se.is_finite() && slope_se.is_finite()) {
        return Err(RobustError::Overflow);
    }
    let dist = StudentsT::new(0.0, 1.0, df as f64).map_err(|_| RobustError::InvalidParameter {
        name: "degrees of freedom",
        value: df as f64,
    })?;
    let q = dist.inverse_cdf(0.975);
    let t = estimate / se;
    let p = (2.0 * dist.sf(t.abs())).min(1.0);
    Ok(Ancova {
        n1,
        n2,
        estimate,
        se,
        t,
        df,
        p,
        ci95: (estimate - q * se, estimate + q * se),
        slope,
        slope_se,
        slope_ci95: (slope - q * slope_se, slope + q * slope_se),
        intercept: y2 - slope * x2,
        residual_sd: s2.sqrt(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_line_plus_noise_is_recovered() {
        // y = 10 + 3·g + 2·x + e, with residuals that sum to zero within each group and are
        // orthogonal to x: the fit returns the coefficients exactly.
        let e = [1.0, -2.0, 1.0];
        let first: Vec<(f64, f64)> =
            [1.0, 2.0, 3.0].iter().zip(e).map(|(x, e)| (*x, 13.0 + 2.0 * x + e)).collect();
        let second: Vec<(f64, f64)> =
            [2.0, 4.0, 6.0].iter().zip(e).map(|(x, e)| (*x, 10.0 + 2.0 * x + e)).collect();
        let a = ancova_pairs(&first, &second).unwrap();
        assert!((a.estimate - 3.0).abs() < 1e-12, "{a:?}");
        assert!((a.slope - 2.0).abs() < 1e-12, "{a:?}");
        assert!((a.intercept - 10.0).abs() < 1e-12, "{a:?}");
        assert_eq!((a.n(), a.df), (6, 3));
        // s² = Σe² / 3 = 12 / 3; Sxx = 2 + 8; (x̄₁ − x̄₂)² = 4.
        assert!((a.se - (4.0_f64 * (1.0 / 3.0 + 1.0 / 3.0 + 4.0 / 10.0)).sqrt()).abs() < 1e-12);
        assert!((a.slope_se - (4.0_f64 / 10.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn degenerate_inputs_are_errors() {
        let two = [(1.0, 2.0), (2.0, 3.5)];
        assert_eq!(ancova_pairs(&two[..1], &two), Err(RobustError::TooFew { needed: 2, got: 1 }));
        assert_eq!(
            ancova_pairs(&two, &[(1.0, f64::NAN), (2.0, 1.0)]),
            Err(RobustError::NonFinite { index: 2 })
        );
        // T1 constant within each group: no slope.
        let flat = [(5.0, 1.0), (5.0, 2.0)];
        assert_eq!(ancova_pairs(&flat, &[(7.0, 1.0), (7.0, 4.0)]), Err(RobustError::ZeroVariance));
        // T2 exactly on two parallel lines: no residual variance.
        let on = |c: f64| [(1.0, c + 2.0), (2.0, c + 4.0), (3.0, c + 6.0)];
        assert_eq!(ancova_pairs(&on(1.0), &on(0.0)), Err(RobustError::ZeroVariance));
        assert_eq!(ancova_pairs(&[(1e308, 1.0), (-1e308, 2.0)], &two), Err(RobustError::Overflow));
    }

    #[test]
    fn a_shift_of_the_salaries_changes_only_the_intercept() {
        // Numerically sound at salary scale: adding 10⁶ to every T1 moves the intercept and
        // nothing else (the raw normal equations would lose digits here).
        let first = [(20_100.0, 24_300.0), (19_800.0, 25_900.0), (21_400.0, 26_100.0)];
        let second = [(20_000.0, 19_700.0), (22_300.0, 21_800.0), (18_900.0, 19_950.0)];
        let shift = |xy: &[(f64, f64)]| xy.iter().map(|(x, y)| (x + 1e6, *y)).collect::<Vec<_>>();
        let a = ancova_pairs(&first, &second).unwrap();
        let b = ancova_pairs(&shift(&first), &shift(&second)).unwrap();
        for (x, y) in [(a.estimate, b.estimate), (a.se, b.se), (a.slope, b.slope), (a.p, b.p)] {
            assert!((x - y).abs() <= 1e-9 * x.abs(), "{x} vs {y}");
        }
        assert!((b.intercept - (a.intercept - 1e6 * a.slope)).abs() < 1e-6 * b.intercept.abs());
    }
}
