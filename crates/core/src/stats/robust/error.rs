//! The one error type of the robustness analyses, with reader-facing messages.
//!
//! Every function in [`crate::stats::robust`] returns a [`RobustError`] instead of
//! panicking. Its `Display` text is written for the page: statistics that cannot be
//! computed for the reader's selection say "not defined for this selection: …" and why;
//! bad parameters (a prior scale of zero, no resamples) name the parameter.

use crate::stats::discount::DiscountError;
use crate::stats::ttest::StatsError;
use crate::study::{Terms, Time};
use crate::text::format::grouped;
use crate::text::i18n::{fill, Lang, Strings};
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
    /// A salary (or a reader's value) is zero or negative, so it has no logarithm (the log
    /// scale).
    NonPositive { informant: String, time: Time, value: f64 },
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
    /// A Monte Carlo run that is still in progress (the page runs it in slices).
    Running,
    /// An error from the t-tests in [`crate::stats::ttest`].
    Stats(StatsError),
    /// Unusable discount totals or factor.
    Discount(DiscountError),
}

impl RobustError {
    /// The reader-facing message in a UI language, about the paper's salaries. `Display`
    /// is the English one.
    pub fn message(&self, lang: Lang) -> String {
        self.message_for(&Terms::paper(), lang)
    }

    /// The reader-facing message in a UI language, about the data `terms` names: a
    /// non-positive value is an informant's salary in the paper's data and a row's value in
    /// a reader's own.
    pub fn message_for(&self, terms: &Terms, lang: Lang) -> String {
        let t = lang.strings();
        let not = |reason: String| fill(t.b_err_not_defined, &[("reason", &reason)]);
        match self {
            RobustError::InvalidParameter { name, value } => fill(
                t.b_err_invalid,
                &[("name", parameter_name(name, t)), ("value", &value.to_string())],
            ),
            RobustError::Discount(e) => e.message(lang),
            RobustError::Running => t.permutation_running.to_string(),
            other => not(other.reason(terms, lang)),
        }
    }

    /// The part after "not defined for this selection: ".
    fn reason(&self, terms: &Terms, lang: Lang) -> String {
        let t = lang.strings();
        match self {
            RobustError::TooFew { needed, got } => {
                fill(t.b_err_too_few, &[("needed", &needed.to_string()), ("got", &got.to_string())])
            }
            RobustError::TooMany { max, got } => {
                fill(t.b_err_too_many, &[("max", &max.to_string()), ("got", &got.to_string())])
            }
            RobustError::NonFinite { index } => {
                fill(t.b_err_non_finite, &[("i", &(index + 1).to_string())])
            }
            RobustError::NonPositive { informant, time, value } => fill(
                terms.pick(t.b_err_non_positive, t.b_err_non_positive_own),
                &[
                    ("name", informant),
                    ("time", time.label()),
                    ("value", &grouped(*value, 2, lang.numbers().group)),
                ],
            ),
            RobustError::ZeroVariance => t.b_err_zero_variance.to_string(),
            RobustError::ZeroRange => t.b_err_zero_range.to_string(),
            RobustError::AllTied => t.b_err_all_tied.to_string(),
            RobustError::LengthMismatch { left, right } => {
                fill(t.b_err_length, &[("left", &left.to_string()), ("right", &right.to_string())])
            }
            RobustError::NoComparison => t.b_err_no_comparison.to_string(),
            RobustError::NoConvergence { what } => {
                fill(t.b_err_no_convergence, &[("what", parameter_name(what, t))])
            }
            RobustError::Overflow => t.b_err_overflow.to_string(),
            RobustError::LeaveOneOut { informant, reason } => {
                let inner = match reason.as_ref() {
                    RobustError::InvalidParameter { .. } | RobustError::Discount(_) => {
                        reason.message_for(terms, lang)
                    }
                    other => other.reason(terms, lang),
                };
                fill(t.b_err_without, &[("name", informant), ("reason", &inner)])
            }
            RobustError::Stats(e) => e.message(t),
            RobustError::InvalidParameter { .. }
            | RobustError::Discount(_)
            | RobustError::Running => self.message_for(terms, lang),
        }
    }
}

/// A parameter or search target named in an error, in the UI language (unknown names as given).
fn parameter_name(name: &'static str, t: &'static Strings) -> &'static str {
    let en = &crate::text::i18n::EN;
    let keys: [(&str, &'static str); 14] = [
        (en.b_param_n_eff, t.b_param_n_eff),
        (en.b_param_df, t.b_param_df),
        (en.b_param_prior, t.b_param_prior),
        (en.b_param_ncp, t.b_param_ncp),
        (en.b_param_probability, t.b_param_probability),
        (en.b_param_level, t.b_param_level),
        (en.b_param_hedges_df, t.b_param_hedges_df),
        (en.b_param_subset, t.b_param_subset),
        (en.b_param_bins, t.b_param_bins),
        (en.b_param_resamples, t.b_param_resamples),
        (en.b_param_paper_factor, t.b_param_paper_factor),
        (en.b_param_factor, t.b_param_factor),
        (en.b_what_bf_integral, t.b_what_bf_integral),
        (en.b_what_ncp, t.b_what_ncp),
    ];
    keys.iter().find(|(e, _)| *e == name).map(|(_, x)| *x).unwrap_or(name)
}

impl fmt::Display for RobustError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
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
        assert_eq!(
            RobustError::TooFew { needed: 3, got: 2 }.to_string(),
            "not defined for this selection: needs at least 3 values, but has 2"
        );
        let loo = RobustError::LeaveOneOut {
            informant: "Blake".into(),
            reason: Box::new(RobustError::ZeroVariance),
        };
        assert_eq!(
            loo.to_string(),
            "not defined for this selection: without Blake, the values do not vary (zero variance)"
        );
        assert!(RobustError::InvalidParameter { name: "prior scale r", value: 0.0 }
            .to_string()
            .starts_with("prior scale r"));
        assert_eq!(loo.message(Lang::En), loo.to_string());
        assert_eq!(
            loo.message(Lang::Zh),
            "当前选择下无法计算：剔除 Blake 后，数值没有变化（方差为零）"
        );
        assert!(RobustError::InvalidParameter { name: "prior scale r", value: 0.0 }
            .message(Lang::Zh)
            .starts_with("先验尺度 r"));
        let stats = RobustError::Stats(StatsError::ZeroVariance);
        assert_eq!(
            stats.message(Lang::En),
            format!("not defined for this selection: {}", StatsError::ZeroVariance)
        );
        // The wrapped errors read as they do in every other section.
        assert_eq!(
            stats.message(Lang::Zh),
            format!(
                "当前选择下无法计算：{}",
                StatsError::ZeroVariance.message(&crate::text::i18n::ZH)
            )
        );
        let np =
            RobustError::NonPositive { informant: "Kai".into(), time: Time::T2, value: -1234.5 };
        assert_eq!(
            np.to_string(),
            "not defined for this selection: Kai's T2 salary is \u{2212}1,234.50, and only a positive salary has a logarithm"
        );
        assert_eq!(
            np.message(Lang::Zh),
            "当前选择下无法计算：Kai 的 T2 薪资为 \u{2212}1,234.50，只有正的薪资才能取对数"
        );
        // A reader's own values are values, not salaries.
        let own = Terms::own(crate::study::GroupNames::new("Pilot".into(), "Usual".into()));
        assert_eq!(np.message_for(&Terms::paper(), Lang::En), np.to_string());
        assert_eq!(
            np.message_for(&own, Lang::En),
            "not defined for this selection: Kai's T2 value is \u{2212}1,234.50, and only a positive value has a logarithm"
        );
        assert_eq!(
            np.message_for(&own, Lang::Zh),
            "当前选择下无法计算：Kai 的 T2 数值为 \u{2212}1,234.50，只有正数才能取对数"
        );
        let inner = RobustError::LeaveOneOut { informant: "Kai".into(), reason: Box::new(np) };
        assert!(inner
            .message_for(&own, Lang::En)
            .ends_with("T2 value is \u{2212}1,234.50, and only a positive value has a logarithm"));
        let d = DiscountError { field: "revenue2016", value: 0.0 };
        for lang in Lang::ALL {
            assert_eq!(RobustError::Discount(d.clone()).message(lang), d.message(lang));
        }
    }
}
