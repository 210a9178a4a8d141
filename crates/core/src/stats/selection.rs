//! What the reader has chosen: groups, timepoints, salary measure and discount.
//!
//! A [`Selection`] is plain data; [`Selection::design`] says which comparison it implies
//! and [`salary_points`] turns the study plus a selection into the per-informant values
//! every view and test works from. Nothing here is precomputed per selection.

use crate::stats::discount::{discounted_t2, original_t2, DiscountError, DiscountTotals};
use crate::study::{Group, Measure, Study, Time};
use crate::text::i18n::{fill, Strings, EN};

/// Groups, times, measure and discount, as toggled in the control bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Selection {
    /// [Service, Development].
    pub groups: [bool; 2],
    /// [T1, T2].
    pub times: [bool; 2],
    pub measure: Measure,
    /// Discount T2 to 2016 terms (footnote 3)?
    pub discount: bool,
    /// The totals behind the discount factor.
    pub totals: DiscountTotals,
}

impl Selection {
    /// The paper's view: both groups, both times, quarterly, discounted with the paper's totals.
    pub fn paper(study: &Study) -> Selection {
        Selection {
            groups: [true, true],
            times: [true, true],
            measure: Measure::Quarterly,
            discount: true,
            totals: DiscountTotals::from_study(&study.raw.discount),
        }
    }

    /// Whether a group is selected.
    pub fn has_group(&self, g: Group) -> bool {
        self.groups[g.index()]
    }

    /// Whether a time is selected.
    pub fn has_time(&self, t: Time) -> bool {
        match t {
            Time::T1 => self.times[0],
            Time::T2 => self.times[1],
        }
    }

    /// The selected groups, in order.
    pub fn selected_groups(&self) -> Vec<Group> {
        Group::ALL.into_iter().filter(|g| self.has_group(*g)).collect()
    }

    /// The selected times, in order.
    pub fn selected_times(&self) -> Vec<Time> {
        Time::ALL.into_iter().filter(|t| self.has_time(*t)).collect()
    }

    /// Which comparison this selection implies, or `None` when a group or time set is empty.
    pub fn design(&self) -> Option<Design> {
        let g = self.selected_groups();
        let t = self.selected_times();
        match (g.as_slice(), t.as_slice()) {
            ([_, _], [_, _]) => Some(Design::DiffInDiff),
            ([_, _], [time]) => Some(Design::Between(*time)),
            ([group], [_, _]) => Some(Design::Paired(*group)),
            ([group], [time]) => Some(Design::Descriptive(*group, *time)),
            _ => None,
        }
    }

    /// One line naming the selection, in English: "Service and Development, T1→T2,
    /// quarterly, T2 discounted to 2016 terms".
    pub fn summary(&self) -> String {
        self.summary_in(&EN)
    }

    /// [`Selection::summary`] in a UI language. The groups' names and the timepoints stay
    /// as the paper writes them.
    pub fn summary_in(&self, t: &Strings) -> String {
        let groups = self
            .selected_groups()
            .iter()
            .map(|g| g.label().to_string())
            .reduce(|a, b| fill(t.a_and, &[("a", &a), ("b", &b)]))
            .unwrap_or_default();
        let times: Vec<&str> = self.selected_times().iter().map(|t| t.label()).collect();
        fill(
            t.a_sel_summary,
            &[
                ("groups", &groups),
                ("times", &times.join("\u{2192}")),
                ("measure", measure_text(self.measure, t)),
                ("discount", if self.discount { t.a_sel_discounted } else { t.a_sel_as_paid }),
            ],
        )
    }
}

/// The salary measure as a word in a UI language (`quarterly`, `monthly`).
pub fn measure_text(m: Measure, t: &Strings) -> &'static str {
    match m {
        Measure::Quarterly => t.measure_quarterly,
        Measure::Monthly => t.measure_monthly,
    }
}

/// The comparison a selection implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Design {
    /// Both groups, both times: independent t-test on T2 − T1 differences (the paper's test).
    DiffInDiff,
    /// Both groups at one time: independent t-test between groups.
    Between(Time),
    /// One group, both times: paired t-test, T2 vs T1.
    Paired(Group),
    /// One group, one time: descriptives only.
    Descriptive(Group, Time),
}

/// One informant's salary under a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct SalaryPoint {
    pub informant: String,
    pub group: Group,
    pub t1: f64,
    /// T2, discounted under the selection's totals or as originally paid.
    pub t2: f64,
    /// t2 − t1.
    pub diff: f64,
}

/// The per-informant salaries of the selected groups (both times are always computed;
/// views show only the selected ones).
pub fn salary_points(study: &Study, sel: &Selection) -> Result<Vec<SalaryPoint>, DiscountError> {
    let paper_factor = DiscountTotals::from_study(&study.raw.discount).checked_factor()?;
    let factor = sel.totals.checked_factor()?;
    Ok(study
        .table(sel.measure)
        .rows
        .iter()
        .filter(|r| sel.has_group(r.group))
        .map(|r| {
            let t2 = if sel.discount {
                discounted_t2(r.t2_printed, paper_factor, factor)
            } else {
                original_t2(r.t2_printed, paper_factor)
            };
            SalaryPoint {
                informant: r.informant.clone(),
                group: r.group,
                t1: r.t1,
                t2,
                diff: t2 - r.t1,
            }
        })
        .collect())
}

/// The values of one group at one time (or of the differences, with `None`).
pub fn values(points: &[SalaryPoint], group: Group, time: Option<Time>) -> Vec<f64> {
    points
        .iter()
        .filter(|p| p.group == group)
        .map(|p| match time {
            Some(Time::T1) => p.t1,
            Some(Time::T2) => p.t2,
            None => p.diff,
        })
        .collect()
}
