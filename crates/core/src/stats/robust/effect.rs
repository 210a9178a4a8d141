//! Standardized effect sizes with exact confidence intervals: Cohen's d and Hedges' g for
//! two independent groups, d_z for paired designs.
//!
//! - **Cohen's d** = (x̄₁ − x̄₂) / s_p with the pooled SD
//!   s_p = √(((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2)); equivalently d = t·√(1/n₁ + 1/n₂) with
//!   Student's t from [`crate::stats::ttest::student`], which is how it is computed here.
//! - **Hedges' g** = d·J with the exact small-sample correction
//!   J(df) = Γ(df/2) / (√(df/2)·Γ((df−1)/2)), df = n₁+n₂−2 (computed with log-gamma);
//!   the familiar approximation J ≈ 1 − 3/(4·df − 1) is reported beside it
//!   (for df = 20 they differ by about 10⁻⁴).
//! - **95 % CI for d** by inverting the non-central t distribution: t_obs ~ t(df, δ) with
//!   δ = d/√(1/n₁ + 1/n₂); find δ_lo, δ_hi with F(t_obs; df, δ_lo) = .975 and
//!   F(t_obs; df, δ_hi) = .025 ([`crate::stats::robust::noncentral_t::ncp_interval`]); then
//!   d_lo,hi = δ_lo,hi·√(1/n₁ + 1/n₂). The CI for g is the CI for d times J (the usual
//!   convention, e.g. Hedges & Olkin 1985).
//! - **Paired, d_z** = mean(d)/sd(d) on the differences d = second − first, i.e. t/√n with
//!   df = n − 1; its CI is δ_lo,hi/√n. g_z = d_z·J(n − 1).
//!
//! The sign follows the t-test: positive when the first group (or the second time) is larger.

use crate::stats::robust::error::RobustError;
use crate::stats::robust::noncentral_t::ncp_interval;
use crate::stats::ttest;
use statrs::function::gamma::ln_gamma;

/// Confidence level of the effect-size intervals.
pub const LEVEL: f64 = 0.95;

/// Which standardized difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffectKind {
    /// Two independent groups: Cohen's d with the pooled SD.
    CohensD,
    /// Paired design: mean difference over the SD of the differences.
    PairedDz,
}

impl EffectKind {
    /// The symbol the page prints.
    pub fn symbol(self) -> &'static str {
        match self {
            EffectKind::CohensD => "d",
            EffectKind::PairedDz => "d_z",
        }
    }
}

/// A standardized effect size with its exact confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EffectSize {
    pub kind: EffectKind,
    /// Group sizes (for a paired design, n pairs and n).
    pub n1: usize,
    pub n2: usize,
    /// The t statistic and df it is derived from.
    pub t: f64,
    pub df: f64,
    /// Cohen's d (or d_z).
    pub d: f64,
    /// [`LEVEL`] confidence interval for d.
    pub ci_d: (f64, f64),
    /// Exact small-sample correction J(df).
    pub j: f64,
    /// The approximation 1 − 3/(4df − 1).
    pub j_approx: f64,
    /// Hedges' g = d·J.
    pub g: f64,
    /// CI for g (the CI for d times J).
    pub ci_g: (f64, f64),
    /// CI for the non-centrality parameter δ.
    pub ncp_ci: (f64, f64),
}

/// J(df) = Γ(df/2) / (√(df/2)·Γ((df−1)/2)), defined for df > 1.
pub fn hedges_j(df: f64) -> Result<f64, RobustError> {
    if !(df.is_finite() && df > 1.0) {
        return Err(RobustError::InvalidParameter {
            name: "degrees of freedom for Hedges' J (must exceed 1)",
            value: df,
        });
    }
    let h = df / 2.0;
    Ok((ln_gamma(h) - 0.5 * h.ln() - ln_gamma(h - 0.5)).exp())
}

/// The approximation J ≈ 1 − 3/(4df − 1).
pub fn hedges_j_approx(df: f64) -> f64 {
    1.0 - 3.0 / (4.0 * df - 1.0)
}

fn build(
    kind: EffectKind,
    n1: usize,
    n2: usize,
    t: f64,
    df: f64,
    scale: f64,
) -> Result<EffectSize, RobustError> {
    let j = hedges_j(df)?;
    let ncp_ci = ncp_interval(t, df, LEVEL)?;
    let d = t * scale;
    let ci_d = (ncp_ci.0 * scale, ncp_ci.1 * scale);
    Ok(EffectSize {
        kind,
        n1,
        n2,
        t,
        df,
        d,
        ci_d,
        j,
        j_approx: hedges_j_approx(df),
        g: d * j,
        ci_g: (ci_d.0 * j, ci_d.1 * j),
        ncp_ci,
    })
}

/// Cohen's d and Hedges' g of `a` against `b`, with exact 95 % intervals.
pub fn cohens_d(a: &[f64], b: &[f64]) -> Result<EffectSize, RobustError> {
    let test = ttest::student(a, b)?;
    let (n1, n2) = (a.len(), b.len());
    build(EffectKind::CohensD, n1, n2, test.t, test.df, (1.0 / n1 as f64 + 1.0 / n2 as f64).sqrt())
}

/// d_z of `second − first`, with its exact 95 % interval.
pub fn paired_dz(first: &[f64], second: &[f64]) -> Result<EffectSize, RobustError> {
    let test = ttest::paired(first, second)?;
    let n = first.len();
    if n < 3 {
        // df = n − 1 must exceed 1 for J.
        return Err(RobustError::TooFew { needed: 3, got: n });
    }
    build(EffectKind::PairedDz, n, n, test.t, test.df, 1.0 / (n as f64).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn j_exact_and_approximate_agree_roughly() {
        for df in [2.0, 5.0, 20.0, 100.0] {
            let j = hedges_j(df).unwrap();
            assert!(j < 1.0 && (j - hedges_j_approx(df)).abs() < 0.01, "df = {df}");
        }
        assert!(hedges_j(1.0).is_err());
    }

    #[test]
    fn zero_variance_is_an_error() {
        assert!(cohens_d(&[1.0, 1.0], &[1.0, 1.0]).is_err());
        assert!(paired_dz(&[1.0, 2.0, 3.0], &[2.0, 3.0, 4.0]).is_err());
    }
}
