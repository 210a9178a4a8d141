//! Descriptive statistics and t-tests.
//!
//! Formulas (all two-sided, 95 % intervals):
//! - mean x̄ = Σx / n; standard deviation s = √(Σ(x − x̄)² / (n − 1)).
//! - **Student** (pooled): s_p² = ((n₁−1)s₁² + (n₂−1)s₂²) / (n₁+n₂−2),
//!   SE = s_p √(1/n₁ + 1/n₂), df = n₁+n₂−2.
//! - **Welch**: SE = √(s₁²/n₁ + s₂²/n₂), df by Welch–Satterthwaite:
//!   (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)).
//! - **Paired**: on dᵢ = yᵢ − xᵢ, SE = s_d / √n, df = n − 1.
//! - t = (x̄₁ − x̄₂) / SE; p = 2·S(|t|) where S is the survival function of Student's t
//!   with df degrees of freedom (statrs' `sf`, which keeps precision in the upper tail);
//!   CI = (x̄₁ − x̄₂) ± t₀.₉₇₅,df · SE.
//!
//! These match `scipy.stats.ttest_ind(a, b, equal_var=True|False)` and
//! `scipy.stats.ttest_rel(b, a)`; the reference values are in `tests/paper.rs` and
//! `tests/reference.rs`. Every function returns a [`StatsError`] instead of panicking on
//! too few values, non-finite input or zero variance.

use crate::text::i18n::{fill, Strings};
use statrs::distribution::{ContinuousCDF, StudentsT};
use std::fmt;

/// Why a statistic cannot be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum StatsError {
    /// Fewer values than the statistic needs.
    TooFew { needed: usize, got: usize },
    /// A value is NaN or infinite (its 0-based position).
    NonFinite { index: usize },
    /// The standard error is zero, so t is undefined.
    ZeroVariance,
    /// Two paired series have different lengths.
    LengthMismatch { left: usize, right: usize },
    /// The t distribution could not be built (for example df not positive).
    Distribution,
    /// The values are so large that the variance overflows.
    Overflow,
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatsError::TooFew { needed, got } => {
                write!(f, "needs at least {needed} values per group, but has {got}")
            }
            StatsError::NonFinite { index } => {
                write!(f, "value {} is not a finite number", index + 1)
            }
            StatsError::ZeroVariance => {
                write!(f, "all differences are identical (zero variance), so t is undefined")
            }
            StatsError::LengthMismatch { left, right } => {
                write!(f, "paired series have different lengths ({left} and {right})")
            }
            StatsError::Distribution => {
                write!(f, "the t distribution is undefined for these degrees of freedom")
            }
            StatsError::Overflow => write!(f, "the values are too large to compute with"),
        }
    }
}

impl std::error::Error for StatsError {}

impl StatsError {
    /// The reader-facing message in a UI language's table. The English table words it
    /// exactly as `Display` does.
    pub fn message(&self, t: &Strings) -> String {
        match self {
            StatsError::TooFew { needed, got } => {
                fill(t.a_err_too_few, &[("needed", &needed.to_string()), ("got", &got.to_string())])
            }
            StatsError::NonFinite { index } => {
                fill(t.a_err_non_finite, &[("index", &(index + 1).to_string())])
            }
            StatsError::ZeroVariance => t.a_err_zero_variance.to_string(),
            StatsError::LengthMismatch { left, right } => fill(
                t.a_err_length_mismatch,
                &[("left", &left.to_string()), ("right", &right.to_string())],
            ),
            StatsError::Distribution => t.a_err_distribution.to_string(),
            StatsError::Overflow => t.a_err_overflow.to_string(),
        }
    }
}

/// n, mean and standard deviation (n − 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Descriptives {
    pub n: usize,
    pub mean: f64,
    /// Sample standard deviation (divisor n − 1).
    pub sd: f64,
}

fn check_finite(xs: &[f64]) -> Result<(), StatsError> {
    match xs.iter().position(|x| !x.is_finite()) {
        Some(index) => Err(StatsError::NonFinite { index }),
        None => Ok(()),
    }
}

/// Mean of finite values (n ≥ 1).
pub fn mean(xs: &[f64]) -> Result<f64, StatsError> {
    if xs.is_empty() {
        return Err(StatsError::TooFew { needed: 1, got: 0 });
    }
    check_finite(xs)?;
    Ok(xs.iter().sum::<f64>() / xs.len() as f64)
}

/// n, mean and SD (n ≥ 2), using a two-pass sum for accuracy.
pub fn describe(xs: &[f64]) -> Result<Descriptives, StatsError> {
    if xs.len() < 2 {
        return Err(StatsError::TooFew { needed: 2, got: xs.len() });
    }
    let m = mean(xs)?;
    let ss: f64 = xs.iter().map(|x| (x - m) * (x - m)).sum();
    Ok(Descriptives { n: xs.len(), mean: m, sd: (ss / (xs.len() - 1) as f64).sqrt() })
}

/// Which t-test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TTestKind {
    /// Independent samples, pooled variance (what the paper used).
    Student,
    /// Independent samples, unequal variances.
    Welch,
    /// Paired samples (second − first).
    Paired,
}

impl TTestKind {
    /// Human name.
    pub fn label(self) -> &'static str {
        match self {
            TTestKind::Student => "Student's t-test (pooled variance)",
            TTestKind::Welch => "Welch's t-test (unequal variances)",
            TTestKind::Paired => "paired t-test",
        }
    }
}

/// The result of a t-test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TTest {
    pub kind: TTestKind,
    /// The two samples (for a paired test: the first and second series).
    pub a: Descriptives,
    pub b: Descriptives,
    /// For a paired test, the descriptives of the differences b − a.
    pub diffs: Option<Descriptives>,
    pub df: f64,
    pub t: f64,
    /// Two-sided p-value.
    pub p: f64,
    /// a − b for independent tests; mean of (b − a) for paired tests.
    pub mean_diff: f64,
    pub se: f64,
    /// 95 % confidence interval of `mean_diff`.
    pub ci95: (f64, f64),
}

/// Two-sided p and the 97.5 % quantile for Student's t with `df` degrees of freedom.
fn t_tail(t: f64, df: f64) -> Result<(f64, f64), StatsError> {
    if !(df > 0.0 && df.is_finite()) {
        return Err(StatsError::Distribution);
    }
    let dist = StudentsT::new(0.0, 1.0, df).map_err(|_| StatsError::Distribution)?;
    let p = (2.0 * dist.sf(t.abs())).min(1.0);
    let q = dist.inverse_cdf(0.975);
    Ok((p, q))
}

fn finish(
    kind: TTestKind,
    a: Descriptives,
    b: Descriptives,
    diffs: Option<Descriptives>,
    mean_diff: f64,
    se: f64,
    df: f64,
) -> Result<TTest, StatsError> {
    if se.is_nan() || se.is_infinite() {
        return Err(StatsError::Overflow);
    }
    if se <= 0.0 {
        return Err(StatsError::ZeroVariance);
    }
    let t = mean_diff / se;
    let (p, q) = t_tail(t, df)?;
    Ok(TTest {
        kind,
        a,
        b,
        diffs,
        df,
        t,
        p,
        mean_diff,
        se,
        ci95: (mean_diff - q * se, mean_diff + q * se),
    })
}

/// Independent-samples t-test of `a` against `b` (t > 0 when a's mean is larger).
pub fn independent(a: &[f64], b: &[f64], kind: TTestKind) -> Result<TTest, StatsError> {
    let da = describe(a)?;
    let db = describe(b).map_err(|e| match e {
        StatsError::NonFinite { index } => StatsError::NonFinite { index: a.len() + index },
        other => other,
    })?;
    let (n1, n2) = (da.n as f64, db.n as f64);
    let (v1, v2) = (da.sd * da.sd, db.sd * db.sd);
    let diff = da.mean - db.mean;
    match kind {
        TTestKind::Welch => {
            let (w1, w2) = (v1 / n1, v2 / n2);
            let se = (w1 + w2).sqrt();
            let df = (w1 + w2).powi(2) / (w1 * w1 / (n1 - 1.0) + w2 * w2 / (n2 - 1.0));
            finish(TTestKind::Welch, da, db, None, diff, se, df)
        }
        TTestKind::Student | TTestKind::Paired => {
            let df = n1 + n2 - 2.0;
            let sp2 = ((n1 - 1.0) * v1 + (n2 - 1.0) * v2) / df;
            let se = (sp2 * (1.0 / n1 + 1.0 / n2)).sqrt();
            finish(TTestKind::Student, da, db, None, diff, se, df)
        }
    }
}

/// Student's pooled-variance t-test.
pub fn student(a: &[f64], b: &[f64]) -> Result<TTest, StatsError> {
    independent(a, b, TTestKind::Student)
}

/// Welch's unequal-variance t-test.
pub fn welch(a: &[f64], b: &[f64]) -> Result<TTest, StatsError> {
    independent(a, b, TTestKind::Welch)
}

/// Paired t-test of `second` against `first` (on differences second − first).
pub fn paired(first: &[f64], second: &[f64]) -> Result<TTest, StatsError> {
    if first.len() != second.len() {
        return Err(StatsError::LengthMismatch { left: first.len(), right: second.len() });
    }
    let da = describe(first)?;
    let db = describe(second)?;
    let d: Vec<f64> = first.iter().zip(second).map(|(x, y)| y - x).collect();
    let dd = describe(&d)?;
    let se = dd.sd / (dd.n as f64).sqrt();
    finish(TTestKind::Paired, da, db, Some(dd), dd.mean, se, dd.n as f64 - 1.0)
}

#[cfg(test)]
impl StatsError {
    /// One of each variant, for tests of their wording.
    pub(crate) const EXAMPLES: [StatsError; 6] = [
        StatsError::TooFew { needed: 2, got: 1 },
        StatsError::NonFinite { index: 0 },
        StatsError::ZeroVariance,
        StatsError::LengthMismatch { left: 3, right: 4 },
        StatsError::Distribution,
        StatsError::Overflow,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_match_the_english_display_and_are_translated() {
        use crate::text::i18n::{EN, ZH};
        for e in StatsError::EXAMPLES {
            assert_eq!(e.message(&EN), e.to_string());
            assert_ne!(e.message(&ZH), e.to_string());
        }
        assert_eq!(StatsError::NonFinite { index: 0 }.message(&ZH), "第 1 个值不是有限数");
    }

    #[test]
    fn too_few_values_is_an_error() {
        assert_eq!(describe(&[1.0]), Err(StatsError::TooFew { needed: 2, got: 1 }));
        assert_eq!(mean(&[]), Err(StatsError::TooFew { needed: 1, got: 0 }));
        assert!(matches!(student(&[1.0], &[1.0, 2.0]), Err(StatsError::TooFew { .. })));
        assert!(matches!(paired(&[1.0], &[2.0]), Err(StatsError::TooFew { .. })));
    }

    #[test]
    fn zero_variance_is_an_error() {
        assert_eq!(student(&[1.0, 1.0], &[1.0, 1.0]), Err(StatsError::ZeroVariance));
        assert_eq!(welch(&[2.0, 2.0], &[3.0, 3.0]), Err(StatsError::ZeroVariance));
        assert_eq!(paired(&[1.0, 2.0], &[2.0, 3.0]), Err(StatsError::ZeroVariance));
    }

    #[test]
    fn non_finite_input_is_an_error() {
        assert_eq!(describe(&[1.0, f64::NAN]), Err(StatsError::NonFinite { index: 1 }));
        assert_eq!(
            student(&[1.0, 2.0], &[f64::INFINITY, 1.0]),
            Err(StatsError::NonFinite { index: 2 })
        );
        assert!(matches!(paired(&[1.0, 2.0], &[f64::NAN, 1.0]), Err(StatsError::NonFinite { .. })));
    }

    #[test]
    fn mismatched_pairs_are_an_error() {
        assert_eq!(
            paired(&[1.0, 2.0], &[1.0]),
            Err(StatsError::LengthMismatch { left: 2, right: 1 })
        );
    }

    #[test]
    fn huge_values_do_not_panic() {
        // Overflow to infinity inside the variance must give an error, never a panic.
        assert_eq!(student(&[1e308, -1e308], &[1.0, 2.0]), Err(StatsError::Overflow));
    }
}
