//! The paper's designs: which test a selection runs, and its plain-language reading.
//!
//! - difference-in-differences: independent t on T2 − T1 differences between groups
//!   (Student, as the paper, with Welch beside it);
//! - between groups at one time: Student and Welch;
//! - paired within one group: T2 vs T1;
//! - one group at one time: descriptives only, because nothing is compared.

use crate::stats::discount::DiscountError;
use crate::stats::selection::{
    measure_text, salary_points, values, Design, SalaryPoint, Selection,
};
use crate::stats::ttest::{self, Descriptives, StatsError, TTest};
use crate::study::{Group, Measure, Study, Terms, Time};
use crate::text::i18n::{fill, Strings};
use std::fmt;

/// The result of the test a selection implies.
#[derive(Debug, Clone, PartialEq)]
pub enum Analysis {
    DiffInDiff { student: TTest, welch: TTest },
    Between { time: Time, student: TTest, welch: TTest },
    Paired { group: Group, test: TTest },
    Descriptive { group: Group, time: Time, descriptives: Descriptives },
}

/// Why no analysis could be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum AnalysisError {
    /// No group or no time is selected.
    EmptySelection,
    /// The discount totals are unusable.
    Discount(DiscountError),
    /// The statistic is not defined for these values.
    Stats(StatsError),
}

impl fmt::Display for AnalysisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnalysisError::EmptySelection => {
                write!(f, "select at least one group and one timepoint")
            }
            AnalysisError::Discount(e) => write!(f, "{e}"),
            AnalysisError::Stats(e) => write!(f, "not defined for this selection: {e}"),
        }
    }
}

impl std::error::Error for AnalysisError {}

impl From<StatsError> for AnalysisError {
    fn from(e: StatsError) -> Self {
        AnalysisError::Stats(e)
    }
}

impl From<DiscountError> for AnalysisError {
    fn from(e: DiscountError) -> Self {
        AnalysisError::Discount(e)
    }
}

/// Runs the test the selection implies on precomputed salary points.
pub fn analyse_points(sel: &Selection, points: &[SalaryPoint]) -> Result<Analysis, AnalysisError> {
    let design = sel.design().ok_or(AnalysisError::EmptySelection)?;
    let (s, d) = (Group::Service, Group::Development);
    Ok(match design {
        Design::DiffInDiff => {
            let (a, b) = (values(points, s, None), values(points, d, None));
            Analysis::DiffInDiff { student: ttest::student(&a, &b)?, welch: ttest::welch(&a, &b)? }
        }
        Design::Between(time) => {
            let (a, b) = (values(points, s, Some(time)), values(points, d, Some(time)));
            Analysis::Between {
                time,
                student: ttest::student(&a, &b)?,
                welch: ttest::welch(&a, &b)?,
            }
        }
        Design::Paired(group) => {
            let (t1, t2) =
                (values(points, group, Some(Time::T1)), values(points, group, Some(Time::T2)));
            Analysis::Paired { group, test: ttest::paired(&t1, &t2)? }
        }
        Design::Descriptive(group, time) => Analysis::Descriptive {
            group,
            time,
            descriptives: ttest::describe(&values(points, group, Some(time)))?,
        },
    })
}

/// Computes the salary points and runs the test for a selection.
pub fn analyse(study: &Study, sel: &Selection) -> Result<Analysis, AnalysisError> {
    let points = salary_points(study, sel)?;
    analyse_points(sel, &points)
}

impl Analysis {
    /// The headline test (Student for two-group designs).
    pub fn primary(&self) -> Option<&TTest> {
        match self {
            Analysis::DiffInDiff { student, .. } | Analysis::Between { student, .. } => {
                Some(student)
            }
            Analysis::Paired { test, .. } => Some(test),
            Analysis::Descriptive { .. } => None,
        }
    }

    /// Welch's test where the design has one.
    pub fn welch(&self) -> Option<&TTest> {
        match self {
            Analysis::DiffInDiff { welch, .. } | Analysis::Between { welch, .. } => Some(welch),
            _ => None,
        }
    }

    /// A plain-language sentence saying what is compared, for the data `terms` names, in
    /// a UI language; `measure` is the paper's salary measure (a reader's own values have
    /// none).
    pub fn explanation(&self, terms: &Terms, measure: Measure, t: &Strings) -> String {
        let m = measure_text(measure, t);
        let (a, b) = (terms.name(Group::Service), terms.name(Group::Development));
        match self {
            Analysis::DiffInDiff { .. } => fill(
                terms.pick(t.a_explain_did, t.a_explain_did_own),
                &[("measure", m), ("a", a), ("b", b)],
            ),
            Analysis::Between { time, .. } => fill(
                terms.pick(t.a_explain_between, t.a_explain_between_own),
                &[("measure", m), ("time", time.label()), ("a", a), ("b", b)],
            ),
            Analysis::Paired { group, .. } => fill(
                terms.pick(t.a_explain_paired, t.a_explain_paired_own),
                &[("measure", m), ("group", terms.name(*group))],
            ),
            Analysis::Descriptive { group, time, .. } => fill(
                t.a_explain_descriptive,
                &[("group", terms.name(*group)), ("time", time.label())],
            ),
        }
    }
}
