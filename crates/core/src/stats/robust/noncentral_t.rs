//! The non-central t distribution's CDF, and its inversion in the non-centrality
//! parameter (for confidence intervals of standardized effect sizes).
//!
//! statrs has no non-central t, so the CDF is computed from the series of Lenth (1989,
//! Algorithm AS 243). For t ≥ 0, with x = t²/(t² + ν), λ = δ²/2:
//!
//! F(t; ν, δ) = Φ(−δ) + ½ Σⱼ [ pⱼ·I_x(j + ½, ν/2) + qⱼ·I_x(j + 1, ν/2) ],
//! pⱼ = e^{−λ} λʲ / j!,   qⱼ = δ e^{−λ} λʲ / (√2 Γ(j + 3/2)),
//!
//! and F(t; ν, δ) = 1 − F(−t; ν, −δ) for t < 0. I_x is the regularized incomplete beta
//! function (statrs' `beta_reg`). As in AS 243 the sum starts at the mode j₀ = ⌊λ⌋ of the
//! Poisson weights and runs both ways; I_x is evaluated once at j₀ and then by the exact
//! recurrence I_x(a+1, b) = I_x(a, b) − x^a (1−x)^b / (a·B(a, b)), whose terms are taken in
//! logs (so they never underflow into a wrong zero). Each direction stops when a geometric
//! bound on the remaining weights falls below 10⁻¹⁶ (the I_x factors are at most 1).
//!
//! **Accuracy.** A few 10⁻¹² absolute (rounding in the recurrence and in statrs'
//! `ln_gamma`/`beta_reg`); `tests/robustness.rs` checks it against `scipy.stats.nct.cdf`
//! (mpmath where SciPy returns NaN) on a grid of t ∈ [−8, 12], ν ∈ [2, 100],
//! δ ∈ [−10, 10] to 10⁻⁹ absolute; the largest difference there is 3·10⁻¹². Absolute,
//! not relative: far in the lower tail (values below ~10⁻¹²) the relative error can be
//! large, which does not matter for confidence intervals.
//!
//! **Inversion.** F is strictly decreasing in δ. [`ncp_for_cdf`] brackets the root by
//! stepping away from δ = t with doubling steps and then runs Brent's method to 10⁻¹² in δ.
//! [`ncp_interval`] returns (δ_lo, δ_hi) with F(t; ν, δ_lo) = (1 + level)/2 and
//! F(t; ν, δ_hi) = (1 − level)/2.

use crate::stats::robust::error::RobustError;
use crate::stats::robust::numeric::brent;
use crate::stats::robust::rank::norm_sf;
use statrs::function::beta::beta_reg;
use statrs::function::gamma::ln_gamma;

/// Largest |δ| the inversion searches.
pub const MAX_NCP: f64 = 1e4;

fn check_args(t: f64, df: f64, ncp: f64) -> Result<(), RobustError> {
    if !(df.is_finite() && df > 0.0) {
        return Err(RobustError::InvalidParameter { name: "degrees of freedom", value: df });
    }
    if !t.is_finite() {
        return Err(RobustError::NonFinite { index: 0 });
    }
    if !ncp.is_finite() {
        return Err(RobustError::InvalidParameter { name: "non-centrality", value: ncp });
    }
    Ok(())
}

/// P(T ≤ t) for the non-central t distribution with `df` degrees of freedom and
/// non-centrality `ncp`.
pub fn nct_cdf(t: f64, df: f64, ncp: f64) -> Result<f64, RobustError> {
    check_args(t, df, ncp)?;
    let f = if t < 0.0 { 1.0 - cdf_nonneg(-t, df, -ncp) } else { cdf_nonneg(t, df, ncp) };
    Ok(f.clamp(0.0, 1.0))
}

/// The series for t ≥ 0.
fn cdf_nonneg(t: f64, df: f64, ncp: f64) -> f64 {
    let phi = norm_sf(ncp); // Φ(−δ)
    if t == 0.0 {
        return phi;
    }
    let t2 = t * t;
    if !t2.is_finite() {
        return 1.0;
    }
    let denom = t2 + df;
    let x = t2 / denom;
    let y = df / denom; // 1 − x without cancellation
    let b = df / 2.0;
    let lam = ncp * ncp / 2.0;
    if lam == 0.0 {
        return 0.5 + 0.5 * beta_reg(0.5, b, x);
    }
    let (ln_x, ln_y, ln_lam) = (x.ln(), y.ln(), lam.ln());
    let ln_gamma_b = ln_gamma(b);
    // x^a (1−x)^b / (a·B(a, b)), the step of the I_x recurrence.
    let step =
        |a: f64| (a * ln_x + b * ln_y + ln_gamma(a + b) - ln_gamma(a + 1.0) - ln_gamma_b).exp();
    let sign = ncp.signum();
    let j0 = lam.floor();
    let p0 = (-lam + j0 * ln_lam - ln_gamma(j0 + 1.0)).exp();
    let q0 = sign * (-lam + (j0 + 0.5) * ln_lam - ln_gamma(j0 + 1.5)).exp();
    let ip0 = beta_reg(j0 + 0.5, b, x);
    let iq0 = beta_reg(j0 + 1.0, b, x);
    const TAIL: f64 = 1e-16;
    // Bounded by the Poisson tails: a few hundred terms for |δ| ≤ 10.
    let max_terms = (40.0 * lam.sqrt() + 200.0) as usize;

    let mut sum = 0.0;
    // Forward from the mode.
    let (mut p, mut q, mut ip, mut iq, mut j) = (p0, q0, ip0, iq0, j0);
    for _ in 0..max_terms {
        sum += p * ip + q * iq;
        ip -= step(j + 0.5);
        iq -= step(j + 1.0);
        p *= lam / (j + 1.0);
        q *= lam / (j + 1.5);
        j += 1.0;
        let ratio = lam / (j + 1.0);
        if ratio < 1.0 && (p + q.abs()) / (1.0 - ratio) < TAIL {
            break;
        }
    }
    // Backward from the mode.
    let (mut p, mut q, mut ip, mut iq, mut j) = (p0, q0, ip0, iq0, j0);
    for _ in 0..max_terms {
        if j < 1.0 {
            break;
        }
        j -= 1.0;
        ip += step(j + 0.5);
        iq += step(j + 1.0);
        p *= (j + 1.0) / lam;
        q *= (j + 1.5) / lam;
        sum += p * ip + q * iq;
        let ratio = j / lam;
        if ratio < 1.0 && (p + q.abs()) / (1.0 - ratio) < TAIL {
            break;
        }
    }
    phi + 0.5 * sum
}

/// The non-centrality δ at which F(t; df, δ) = `target` (0 < target < 1).
pub fn ncp_for_cdf(t: f64, df: f64, target: f64) -> Result<f64, RobustError> {
    check_args(t, df, 0.0)?;
    if !(target > 0.0 && target < 1.0) {
        return Err(RobustError::InvalidParameter { name: "probability", value: target });
    }
    let mut failed = false;
    let mut f = |d: f64| match nct_cdf(t, df, d) {
        Ok(v) => v - target,
        Err(_) => {
            failed = true;
            f64::NAN
        }
    };
    // F decreases in δ: below the root f > 0, above it f < 0.
    let start = t.clamp(-MAX_NCP, MAX_NCP);
    let f_start = f(start);
    if f_start == 0.0 {
        return Ok(start);
    }
    let dir = if f_start < 0.0 { -1.0 } else { 1.0 };
    let mut step = 1.0;
    let mut other = start;
    let mut bracketed = false;
    for _ in 0..64 {
        other = (start + dir * step).clamp(-MAX_NCP, MAX_NCP);
        let fo = f(other);
        if fo.is_nan() {
            break;
        }
        if (fo > 0.0) != (f_start > 0.0) || fo == 0.0 {
            bracketed = true;
            break;
        }
        if other.abs() >= MAX_NCP {
            break;
        }
        step *= 2.0;
    }
    if !bracketed {
        return Err(RobustError::NoConvergence { what: "the non-centrality parameter" });
    }
    let (lo, hi) = if other < start { (other, start) } else { (start, other) };
    let root = brent(&mut f, lo, hi, 1e-12, 200);
    match root {
        Some(r) if !failed => Ok(r),
        _ => Err(RobustError::NoConvergence { what: "the non-centrality parameter" }),
    }
}

/// (δ_lo, δ_hi): the `level` confidence interval of the non-centrality given observed `t`.
pub fn ncp_interval(t: f64, df: f64, level: f64) -> Result<(f64, f64), RobustError> {
    if !(level > 0.0 && level < 1.0) {
        return Err(RobustError::InvalidParameter { name: "confidence level", value: level });
    }
    let lo = ncp_for_cdf(t, df, 0.5 + level / 2.0)?;
    let hi = ncp_for_cdf(t, df, 0.5 - level / 2.0)?;
    Ok((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;
    use statrs::distribution::{ContinuousCDF, StudentsT};

    #[test]
    fn central_case_is_students_t() {
        let st = StudentsT::new(0.0, 1.0, 7.0).unwrap();
        for t in [-3.0, -0.5, 0.0, 0.7, 2.5] {
            assert!((nct_cdf(t, 7.0, 0.0).unwrap() - st.cdf(t)).abs() < 1e-13, "t = {t}");
        }
    }

    #[test]
    fn inversion_round_trips() {
        let d = ncp_for_cdf(2.0, 12.0, 0.3).unwrap();
        assert!((nct_cdf(2.0, 12.0, d).unwrap() - 0.3).abs() < 1e-12);
    }

    #[test]
    fn bad_arguments_are_errors() {
        assert!(nct_cdf(1.0, 0.0, 1.0).is_err());
        assert!(nct_cdf(f64::NAN, 3.0, 1.0).is_err());
        assert!(ncp_for_cdf(1.0, 3.0, 1.0).is_err());
    }
}
