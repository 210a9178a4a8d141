//! Whether the alternative tests reach the same conclusion as the design's own test, as
//! data rather than words: the first screen's sentence ([`crate::view::finding`]) says in
//! one clause what the `#robustness` summary says in a paragraph.
//!
//! "Agrees" means the same as in the summary ([`super::summary`]): the test's two-sided p
//! falls on the same side of α as the design's own test's p. The permutation p is the
//! two-sided one the summary uses.

use crate::stats::robust::error::RobustError;
use crate::stats::robust::report::Checks;

/// An alternative test the first screen names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Welch,
    /// Mann–Whitney U between groups, Wilcoxon signed-rank within one.
    Rank,
    Permutation,
}

/// What became of one alternative test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// On the same side of α as the design's own test.
    Agrees,
    /// On the other side.
    Disagrees,
    /// Not computable for this selection.
    Undefined,
    /// Its Monte Carlo run is still in progress.
    Running,
}

/// The alternative tests against the design's own test.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// The design's own test's t and df: the view this agreement belongs to, so a reader
    /// of it can tell whether it is the agreement of the test it shows.
    pub t: f64,
    pub df: f64,
    pub alpha: f64,
    /// Whether the design's own test is significant at `alpha`.
    pub significant: bool,
    /// In the order Welch (two-group designs only), rank test, permutation test.
    pub checks: Vec<(Check, Outcome)>,
}

impl Agreement {
    /// Whether any test is still running.
    pub fn running(&self) -> bool {
        self.checks.iter().any(|(_, o)| *o == Outcome::Running)
    }

    /// The tests with this outcome, in order.
    pub fn with(&self, outcome: Outcome) -> Vec<Check> {
        self.checks.iter().filter(|(_, o)| *o == outcome).map(|(c, _)| *c).collect()
    }
}

/// The agreement of a report's checks at `alpha` (a [`Robustness`] report's are its
/// `checks`): the same whether the rest of the report has been computed or not.
///
/// [`Robustness`]: crate::stats::robust::report::Robustness
pub fn agreement(c: &Checks, alpha: f64) -> Agreement {
    let Checks { primary, welch, rank, permutation, .. } = c;
    let significant = primary.p < alpha;
    let outcome = |p: Result<f64, &RobustError>| match p {
        Ok(p) if p.is_finite() && (p < alpha) == significant => Outcome::Agrees,
        Ok(p) if p.is_finite() => Outcome::Disagrees,
        Ok(_) => Outcome::Undefined,
        Err(RobustError::Running) => Outcome::Running,
        Err(_) => Outcome::Undefined,
    };
    let mut checks = Vec::new();
    if let Some(w) = welch {
        checks.push((Check::Welch, outcome(w.as_ref().map(|w| w.p))));
    }
    checks.push((Check::Rank, outcome(rank.as_ref().map(|x| x.p()))));
    checks.push((Check::Permutation, outcome(permutation.as_ref().map(|x| x.p_two_sided))));
    Agreement { t: primary.t, df: primary.df, alpha, significant, checks }
}
