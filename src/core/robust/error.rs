//! The one error type of the robustness analyses, with reader-facing messages.
//!
//! Every function in [`crate::core::robust`] returns a [`RobustError`] instead of
//! panicking. Its `Display` text is written for the page: statistics that cannot be
//! computed for the reader's selection say "not defined for this selection: …" and why;
//! bad parameters (a prior scale of zero, no resamples) name the parameter.

use crate::core::discount::DiscountError;
use crate::core::stats::StatsError;
use std::fmt;

/// Why a robustness statistic cannot be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum RobustError {
    /// Fewer values than the statistic needs (per group, or in total for one sample).
    TooFew { needed: usize, got: usize },
    /// More values than the algorithm is valid for (Shapiro–Wilk: 5000).
    TooMany { max: usize, got: usize },
    /// A value is NaN or infinite (its 0-based position in the input as given).
    NonFinite { index: usize },
    /// Every value in a group is the same, so a spread-based statistic is undefined.
    ZeroVariance,
    /// All values are equal (zero range), so a shape statistic is undefined.
    ZeroRange,
    /// All values are tied (or every paired difference is zero), so ranks carry no information.
    AllTied,
    /// Paired series have different lengths.
    LengthMismatch { left: usize, right: usize },
    /// The selection compares nothing (one group at one time, or nothing selected).
    NoComparison,
    /// A parameter is out of its range (for example a prior scale ≤ 0).
    InvalidParameter { name: &'static str, value: f64 },
    /// A numerical search did not converge.
    NoConvergence { what: &'static str },
    /// The numbers are too large to compute with.
    Overflow,
    /// Leaving one informant out leaves a statistic undefined.
    LeaveOneOut { informant: String, reason: Box<RobustError> },
    /// An error from the t-tests in [`crate::core::stats`].
    Stats(StatsError),
    /// Unusable discount totals or factor.
    Discount(DiscountError),
}

impl fmt::Display for RobustError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NOT: &str = "not defined for this selection";
        match self {
            RobustError::TooFew { needed, got } => write!(f, "{NOT}: needs at least {needed} values, but has {got}"),
            RobustError::TooMany { max, got } => write!(f, "{NOT}: valid for at most {max} values, but has {got}"),
            RobustError::NonFinite { index } => write!(f, "{NOT}: value {} is not a finite number", index + 1),
            RobustError::ZeroVariance => write!(f, "{NOT}: the values do not vary (zero variance)"),
            RobustError::ZeroRange => write!(f, "{NOT}: all values are identical (zero range)"),
            RobustError::AllTied => write!(f, "{NOT}: all values are tied (or every difference is zero), so ranks carry no information"),
            RobustError::LengthMismatch { left, right } => {
                write!(f, "{NOT}: paired series have different lengths ({left} and {right})")
            }
            RobustError::NoComparison => write!(f, "{NOT}: select two groups or two timepoints to compare"),
            RobustError::InvalidParameter { name, value } => write!(f, "{name} must be a positive finite number (got {value})"),
            RobustError::NoConvergence { what } => write!(f, "{NOT}: the numerical search for {what} did not converge"),
            RobustError::Overflow => write!(f, "{NOT}: the values are too large to compute with"),
            RobustError::LeaveOneOut { informant, reason } => {
                let inner = reason.to_string();
                let inner = inner.strip_prefix(&format!("{NOT}: ")).unwrap_or(&inner).to_string();
                write!(f, "{NOT}: without {informant}, {inner}")
            }
            RobustError::Stats(e) => write!(f, "{NOT}: {e}"),
            RobustError::Discount(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RobustError {}

impl From<StatsError> for RobustError {
    fn from(e: StatsError) -> Self {
        RobustError::Stats(e)
    }
}

impl From<DiscountError> for RobustError {
    fn from(e: DiscountError) -> Self {
        RobustError::Discount(e)
    }
}

/// The first non-finite value of `xs`, offset by `base` (the position of `xs` in the input).
pub(crate) fn check_finite(xs: &[f64], base: usize) -> Result<(), RobustError> {
    match xs.iter().position(|x| !x.is_finite()) {
        Some(i) => Err(RobustError::NonFinite { index: base + i }),
        None => Ok(()),
    }
}

/// A positive, finite parameter.
pub(crate) fn check_positive(name: &'static str, value: f64) -> Result<f64, RobustError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(RobustError::InvalidParameter { name, value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_reader_facing() {
        assert_eq!(RobustError::TooFew { needed: 3, got: 2 }.to_string(), "not defined for this selection: needs at least 3 values, but has 2");
        let loo = RobustError::LeaveOneOut { informant: "Blake".into(), reason: Box::new(RobustError::ZeroVariance) };
        assert_eq!(loo.to_string(), "not defined for this selection: without Blake, the values do not vary (zero variance)");
        assert!(RobustError::InvalidParameter { name: "prior scale r", value: 0.0 }.to_string().starts_with("prior scale r"));
    }
}
