//! The JZS Bayes factor for t-tests (Rouder, Speckman, Sun, Morey & Iverson 2009), and
//! the verbal labels for its size.
//!
//! **Model.** H₀: δ = 0 against H₁: δ ~ Cauchy(0, r) (δ the standardized effect), with
//! Jeffreys' prior on the variance. Writing the Cauchy as a normal scale mixture,
//! δ | g ~ N(0, g), g ~ Inverse-Gamma(½, r²/2), Rouder et al.'s eq. 1 gives
//!
//! BF₁₀ = ∫₀^∞ (1 + Ng)^{−½} (1 + t²/((1 + Ng)ν))^{−(ν+1)/2} · r/√(2π) · g^{−3/2} e^{−r²/(2g)} dg
//!        ÷ (1 + t²/ν)^{−(ν+1)/2},
//!
//! with N = n₁n₂/(n₁ + n₂), ν = n₁ + n₂ − 2 for two independent groups and N = n,
//! ν = n − 1 for one sample or paired differences. This is the model of R's
//! `BayesFactor::ttest.tstat(t, n1, n2, rscale = r)` (r = √2/2 is its current "medium"
//! default); `tests/robustness.rs` checks it against BayesFactor's printed output for R's
//! `sleep` data, pingouin's documented values and an independent SciPy quadrature.
//!
//! **Integration.** Substituting g = eᵘ turns the integral into one over the real line
//! whose integrand is smooth and unimodal, decays super-exponentially on the left and like
//! e^{−u} on the right. The log-integrand is evaluated on a grid u ∈ [−40, 80] (step ¼) to
//! find its maximum; the interval is then widened from the maximum in steps of ½ until the
//! integrand is below e^{−40} of its peak on both sides (the neglected tails are < 10⁻¹⁷ of
//! the integral) and integrated by adaptive Gauss–Kronrod (7/15) to 10⁻¹² relative
//! (`numeric::integrate`). Everything is done relative to the peak,
//! in logs, so large t neither overflows nor underflows; [`BayesFactor::ln_bf10`] is
//! always finite and an infinite BF₁₀ is an error.
//!
//! **Labels** (Jeffreys 1961 as adapted by Lee & Wagenmakers 2013): BF₁₀ in (1, 3]
//! anecdotal, (3, 10] moderate, (10, 30] strong, (30, 100] very strong, above 100 extreme
//! evidence for H₁; the mirror image (BF₁₀ in [1/3, 1) anecdotal, …) for H₀; exactly 1 no
//! evidence. A value on a boundary takes the weaker label.

use crate::stats::robust::error::{check_positive, RobustError};
use crate::stats::robust::numeric::integrate;
use crate::text::i18n::{fill, Strings};

/// Prior scale 1/2 ("medium" for one-sample tests in old BayesFactor versions).
pub const R_NARROW: f64 = 0.5;
/// Prior scale √2/2, the BayesFactor and JASP default.
pub const R_MEDIUM: f64 = std::f64::consts::FRAC_1_SQRT_2;
/// Prior scale 1 ("wide").
pub const R_WIDE: f64 = 1.0;
/// The three scales the page shows.
pub const PRIOR_SCALES: [f64; 3] = [R_NARROW, R_MEDIUM, R_WIDE];

/// How strong the evidence is (either direction).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    NoEvidence,
    Anecdotal,
    Moderate,
    Strong,
    VeryStrong,
    Extreme,
}

impl Strength {
    /// Lower-case label.
    pub fn label(self) -> &'static str {
        match self {
            Strength::NoEvidence => "no",
            Strength::Anecdotal => "anecdotal",
            Strength::Moderate => "moderate",
            Strength::Strong => "strong",
            Strength::VeryStrong => "very strong",
            Strength::Extreme => "extreme",
        }
    }
}

/// Which hypothesis the evidence favours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Favours {
    /// H₁: there is a difference (BF₁₀ > 1).
    Alternative,
    /// H₀: no difference (BF₁₀ < 1).
    Null,
    /// BF₁₀ = 1.
    Neither,
}

/// The Lee–Wagenmakers category of a Bayes factor BF₁₀.
pub fn classify(bf10: f64) -> (Strength, Favours) {
    if bf10.is_nan() || bf10 <= 0.0 {
        return (Strength::NoEvidence, Favours::Neither);
    }
    let (x, favours) = if bf10 > 1.0 {
        (bf10, Favours::Alternative)
    } else if bf10 < 1.0 {
        (1.0 / bf10, Favours::Null)
    } else {
        return (Strength::NoEvidence, Favours::Neither);
    };
    let strength = if x > 100.0 {
        Strength::Extreme
    } else if x > 30.0 {
        Strength::VeryStrong
    } else if x > 10.0 {
        Strength::Strong
    } else if x > 3.0 {
        Strength::Moderate
    } else {
        Strength::Anecdotal
    };
    (strength, favours)
}

/// "moderate evidence for a difference (H₁)", "anecdotal evidence for no difference (H₀)"
/// (in the UI language `t`; the labels are Lee and Wagenmakers').
pub fn describe(bf10: f64, t: &Strings) -> String {
    let strength = |s: Strength| match s {
        Strength::NoEvidence => t.b_strength_no,
        Strength::Anecdotal => t.b_strength_anecdotal,
        Strength::Moderate => t.b_strength_moderate,
        Strength::Strong => t.b_strength_strong,
        Strength::VeryStrong => t.b_strength_very_strong,
        Strength::Extreme => t.b_strength_extreme,
    };
    match classify(bf10) {
        (_, Favours::Neither) => t.b_bf_neither.to_string(),
        (s, Favours::Alternative) => fill(t.b_bf_for_h1, &[("strength", strength(s))]),
        (s, Favours::Null) => fill(t.b_bf_for_h0, &[("strength", strength(s))]),
    }
}

/// A JZS Bayes factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BayesFactor {
    pub t: f64,
    /// Effective sample size N.
    pub n_eff: f64,
    /// Degrees of freedom ν.
    pub df: f64,
    /// Cauchy prior scale r.
    pub r: f64,
    /// BF₁₀: how many times more likely the data are under H₁ than under H₀.
    pub bf10: f64,
    /// ln BF₁₀.
    pub ln_bf10: f64,
    /// Estimated relative error of the quadrature.
    pub rel_error: f64,
    pub strength: Strength,
    pub favours: Favours,
}

/// BF₁₀ from a t statistic, effective sample size N, degrees of freedom ν and prior scale r.
pub fn jzs_bf10(t: f64, n_eff: f64, df: f64, r: f64) -> Result<BayesFactor, RobustError> {
    if !t.is_finite() {
        return Err(RobustError::NonFinite { index: 0 });
    }
    check_positive("effective sample size", n_eff)?;
    check_positive("degrees of freedom", df)?;
    check_positive("prior scale r", r)?;
    let t2 = t * t;
    let half = (df + 1.0) / 2.0;
    let null = half * (t2 / df).ln_1p();
    let c = r.ln() - 0.5 * (2.0 * std::f64::consts::PI).ln();
    let r2 = r * r;
    // log of the integrand in u = ln g (the dg = g du factor included), minus the null.
    let log_f = |u: f64| -> f64 {
        let g = u.exp();
        let ng1 = n_eff * g;
        -0.5 * ng1.ln_1p() - half * (t2 / ((1.0 + ng1) * df)).ln_1p() + c - 0.5 * u - r2 / (2.0 * g)
            + null
    };
    let mut peak_u = 0.0;
    let mut peak = f64::NEG_INFINITY;
    let mut u = -40.0;
    while u <= 80.0 {
        let v = log_f(u);
        if v > peak {
            peak = v;
            peak_u = u;
        }
        u += 0.25;
    }
    if !peak.is_finite() {
        return Err(RobustError::Overflow);
    }
    const DROP: f64 = 40.0;
    let mut lo = peak_u;
    while log_f(lo) > peak - DROP && lo > -200.0 {
        lo -= 0.5;
    }
    let mut hi = peak_u;
    while log_f(hi) > peak - DROP && hi < 200.0 {
        hi += 0.5;
    }
    let (value, err) = integrate(|u| (log_f(u) - peak).exp(), lo, hi, 16, 1e-12, 0.0, 2000);
    if !(value > 0.0 && value.is_finite()) {
        return Err(RobustError::NoConvergence { what: "the Bayes factor integral" });
    }
    let ln_bf10 = peak + value.ln();
    let bf10 = ln_bf10.exp();
    if !bf10.is_finite() || bf10 == 0.0 {
        return Err(RobustError::Overflow);
    }
    let (strength, favours) = classify(bf10);
    Ok(BayesFactor { t, n_eff, df, r, bf10, ln_bf10, rel_error: err / value, strength, favours })
}

/// BF₁₀ for an independent-samples t-test (N = n₁n₂/(n₁+n₂), ν = n₁+n₂−2).
pub fn bf10_two_sample(t: f64, n1: usize, n2: usize, r: f64) -> Result<BayesFactor, RobustError> {
    if n1 < 2 || n2 < 2 {
        return Err(RobustError::TooFew { needed: 2, got: n1.min(n2) });
    }
    let (a, b) = (n1 as f64, n2 as f64);
    jzs_bf10(t, a * b / (a + b), a + b - 2.0, r)
}

/// BF₁₀ for a one-sample or paired t-test (N = n, ν = n − 1).
pub fn bf10_one_sample(t: f64, n: usize, r: f64) -> Result<BayesFactor, RobustError> {
    if n < 2 {
        return Err(RobustError::TooFew { needed: 2, got: n });
    }
    jzs_bf10(t, n as f64, n as f64 - 1.0, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_boundaries() {
        assert_eq!(classify(1.0), (Strength::NoEvidence, Favours::Neither));
        assert_eq!(classify(2.0), (Strength::Anecdotal, Favours::Alternative));
        assert_eq!(classify(3.0), (Strength::Anecdotal, Favours::Alternative));
        assert_eq!(classify(3.5), (Strength::Moderate, Favours::Alternative));
        assert_eq!(classify(1.0 / 12.0), (Strength::Strong, Favours::Null));
        assert_eq!(classify(1000.0), (Strength::Extreme, Favours::Alternative));
        assert_eq!(
            describe(0.5, &crate::text::i18n::EN),
            "anecdotal evidence for no difference (H\u{2080})"
        );
        assert_eq!(
            describe(0.5, &crate::text::i18n::ZH),
            "支持不存在差异（H\u{2080}）的轶事性证据"
        );
        assert_eq!(describe(1.0, &crate::text::i18n::EN), "no evidence either way");
    }

    #[test]
    fn t_zero_favours_the_null() {
        let bf = bf10_two_sample(0.0, 10, 12, R_MEDIUM).unwrap();
        assert!(bf.bf10 < 1.0 && bf.favours == Favours::Null);
    }

    #[test]
    fn bad_parameters_are_errors() {
        assert!(jzs_bf10(1.0, 5.0, 10.0, 0.0).is_err());
        assert!(jzs_bf10(f64::NAN, 5.0, 10.0, 0.7).is_err());
        assert!(bf10_one_sample(1.0, 1, 0.7).is_err());
    }
}
