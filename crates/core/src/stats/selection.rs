//! What the reader has chosen: groups, timepoints, salary measure and discount, the
//! informants left out, and the factor on a reader's own T2.
//!
//! A [`Selection`] is plain data; [`Selection::design`] says which comparison it implies
//! and [`Salaries::points`] turns the salaries analysed (the paper's, or a reader's own
//! file) plus a selection into the per-informant values every view and test works from.
//! Nothing here is precomputed per selection.

use crate::stats::discount::{
    discounted_t2, exact_rescale, original_t2, DiscountError, DiscountTotals,
};
use crate::study::{Group, Measure, OwnData, OwnRow, Study, Terms, Time};
use crate::text::i18n::{fill, Strings, EN};
use crate::text::money::{Cents, Money};

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
    /// The paper's informants left out of every quantitative view.
    pub excluded: Exclusions,
    /// The factor on T2 of a reader's own data (1: as in the file). The paper's T2
    /// follows `discount` and `totals` instead.
    pub t2_factor: f64,
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
            excluded: Exclusions::NONE,
            t2_factor: 1.0,
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

    /// One line naming the selection of the paper's salaries, in English: "Service and
    /// Development, T1→T2, quarterly, T2 discounted to 2016 terms".
    pub fn summary(&self) -> String {
        self.summary_in(&Terms::paper(), &EN)
    }

    /// [`Selection::summary`] for the data `terms` names, in a UI language. The groups'
    /// names and the timepoints stay as the data writes them; a reader's own values have no
    /// measure, and their T2 is taken by [`Selection::t2_words`].
    pub fn summary_in(&self, terms: &Terms, t: &Strings) -> String {
        let groups = self
            .selected_groups()
            .iter()
            .map(|g| terms.name(*g).to_string())
            .reduce(|a, b| fill(t.a_and, &[("a", &a), ("b", &b)]))
            .unwrap_or_default();
        let times: Vec<&str> = self.selected_times().iter().map(|t| t.label()).collect();
        fill(
            terms.pick(t.a_sel_summary, t.a_sel_summary_own),
            &[
                ("groups", &groups),
                ("times", &times.join("\u{2192}")),
                ("measure", measure_text(self.measure, t)),
                ("discount", &self.t2_words(terms, t.a_sel_discounted, t.a_sel_as_paid, t)),
            ],
        )
    }

    /// How T2 is taken, in a UI language. For the paper's salaries it is `discounted` or
    /// `as_paid`, each caller's wording of footnote 3's discount; a reader's own T2 is
    /// "T2 × 1.5" under a factor, or "T2 as in the file".
    pub fn t2_words(
        &self,
        terms: &Terms,
        discounted: &'static str,
        as_paid: &'static str,
        t: &Strings,
    ) -> String {
        if terms.is_paper() {
            (if self.discount { discounted } else { as_paid }).to_string()
        } else if self.t2_factor == 1.0 {
            t.a_sel_t2_as_read.to_string()
        } else {
            fill(t.a_sel_t2_factor, &[("factor", &self.t2_factor.to_string())])
        }
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
    /// T1 and T2 as amounts of money, exact in cents where known: a salary read from the
    /// study file or a reader's file with at most two decimals; a discounted T2 is the
    /// printed T2 times the exact [`exact_rescale`] fraction. Every mean, difference and
    /// total the page shows is taken from these ([`SalaryPoint::amount`]).
    pub money: [Money; 2],
}

impl SalaryPoint {
    /// A point from its two amounts (T2 − T1 follows).
    pub fn new(informant: String, group: Group, t1: Money, t2: Money) -> SalaryPoint {
        let diff = t2.value() - t1.value();
        SalaryPoint { informant, group, t1: t1.value(), t2: t2.value(), diff, money: [t1, t2] }
    }

    /// The amount at a time, or T2 − T1 for `None`, exact where both are.
    pub fn amount(&self, time: Option<Time>) -> Money {
        match time {
            Some(Time::T1) => self.money[0],
            Some(Time::T2) => self.money[1],
            None => self.money[1].minus(self.money[0]),
        }
    }
}

/// The salaries the quantitative sections analyse: the paper's or a reader's own.
#[derive(Debug, Clone, Copy)]
pub enum Salaries<'a> {
    /// The paper's Table 8 (quarterly) or A2 (monthly), by the selection's measure.
    Paper(&'a Study),
    /// A reader's file imported at `#your-data`.
    Own(&'a OwnData),
}

impl Salaries<'_> {
    /// The per-informant values of the selected groups under a selection.
    pub fn points(self, sel: &Selection) -> Result<Vec<SalaryPoint>, DiscountError> {
        match self {
            Salaries::Paper(study) => salary_points(study, sel),
            Salaries::Own(own) => own_points(own, sel),
        }
    }

    /// What the data is called: the groups' names the page shows, and whether the values
    /// are the paper's salaries or a reader's own.
    pub fn terms(self) -> Terms {
        match self {
            Salaries::Paper(_) => Terms::paper(),
            Salaries::Own(own) => Terms::own(own.names.clone()),
        }
    }
}

/// The per-informant salaries of the paper's selected groups, without the informants the
/// selection leaves out (both times are always computed; views show only the selected
/// ones).
pub fn salary_points(study: &Study, sel: &Selection) -> Result<Vec<SalaryPoint>, DiscountError> {
    let paper_factor = DiscountTotals::from_study(&study.raw.discount).checked_factor()?;
    let factor = sel.totals.checked_factor()?;
    let excluded = sel.excluded.names(study);
    let paper = DiscountTotals::from_study(&study.raw.discount);
    let rescale = exact_rescale(&paper, sel.discount.then_some(&sel.totals));
    Ok(study
        .table(sel.measure)
        .rows
        .iter()
        .filter(|r| sel.has_group(r.group) && !excluded.contains(&r.informant.as_str()))
        .map(|r| {
            let t2 = if sel.discount {
                discounted_t2(r.t2_printed, paper_factor, factor)
            } else {
                original_t2(r.t2_printed, paper_factor)
            };
            let t2 =
                Money::new(t2, rescale.and_then(|k| Cents::of_decimal(r.t2_printed)?.times(k)));
            SalaryPoint::new(r.informant.clone(), r.group, Money::decimal(r.t1), t2)
        })
        .collect())
}

/// Smallest and largest factor on a reader's own T2.
pub const T2_FACTOR_RANGE: (f64, f64) = (1e-6, 1e6);

/// The per-row values of a reader's own data for the selected groups: T2 is multiplied by
/// the selection's `t2_factor`. A row is kept when it has a value at every selected time;
/// a value at a time not selected may be missing, and is then NaN (no view shows it).
pub fn own_points(own: &OwnData, sel: &Selection) -> Result<Vec<SalaryPoint>, DiscountError> {
    let f = sel.t2_factor;
    if !(f.is_finite() && (T2_FACTOR_RANGE.0..=T2_FACTOR_RANGE.1).contains(&f)) {
        return Err(DiscountError { field: "factor", value: f });
    }
    Ok(own
        .rows
        .iter()
        .filter(|r| sel.has_group(r.group) && complete_for(r, sel))
        .map(|r| {
            let t1 = r.t1.map_or(f64::NAN.into(), Money::decimal);
            // Under a factor other than 1, T2 is known only as a double.
            let t2 = match r.t2 {
                Some(v) if f == 1.0 => Money::decimal(v),
                Some(v) => Money::from(v * f),
                None => Money::from(f64::NAN),
            };
            SalaryPoint::new(r.id.clone(), r.group, t1, t2)
        })
        .collect())
}

/// How many of a reader's rows in the selected groups [`own_points`] leaves out for a
/// missing value at a selected time.
pub fn own_rows_left_out(own: &OwnData, sel: &Selection) -> usize {
    own.rows.iter().filter(|r| sel.has_group(r.group) && !complete_for(r, sel)).count()
}

/// Whether a reader's row has a value at every time the selection shows.
fn complete_for(r: &OwnRow, sel: &Selection) -> bool {
    (!sel.has_time(Time::T1) || r.t1.is_some()) && (!sel.has_time(Time::T2) || r.t2.is_some())
}

/// The paper's informants left out of every quantitative view: a set of places in the
/// study's informant list (`study.raw.informants`, Table 2's order). It holds the first
/// [`Exclusions::CAPACITY`] places, which covers the paper's 22 informants; the page
/// offers the control for the paper's study only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Exclusions(u64);

impl Exclusions {
    /// Nobody left out.
    pub const NONE: Exclusions = Exclusions(0);
    /// How many places the set can hold.
    pub const CAPACITY: usize = 64;

    /// Whether nobody is left out.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the informant at `place` is left out.
    pub fn contains(self, place: usize) -> bool {
        place < Self::CAPACITY && self.0 & (1 << place) != 0
    }

    /// The set with the informant at `place` left out (`out`) or back in. A place beyond
    /// [`Exclusions::CAPACITY`] leaves the set as it is.
    pub fn with(self, place: usize, out: bool) -> Exclusions {
        if place >= Self::CAPACITY {
            return self;
        }
        let bit = 1u64 << place;
        Exclusions(if out { self.0 | bit } else { self.0 & !bit })
    }

    /// How many informants are left out.
    pub fn count(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The names of the informants left out, in the study's order.
    pub fn names(self, study: &Study) -> Vec<&str> {
        if self.is_empty() {
            return Vec::new();
        }
        let informants = study.raw.informants.iter().enumerate();
        informants.filter(|(i, _)| self.contains(*i)).map(|(_, inf)| inf.name.as_str()).collect()
    }
}

/// The amounts of one group at one time (or of the differences, with `None`), exact where
/// known: what the page's means, differences and totals are taken from.
pub fn amounts(points: &[SalaryPoint], group: Group, time: Option<Time>) -> Vec<Money> {
    points.iter().filter(|p| p.group == group).map(|p| p.amount(time)).collect()
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

/// The difference of means a design tests, from the points' amounts and so exact in
/// cents where they are: Service − Development of the T2 − T1 changes (the paper's
/// design) or of the amounts at one time, or one group's mean T2 − T1 change (paired).
/// `None` for a design with nothing to compare or a group without points.
pub fn mean_difference(points: &[SalaryPoint], design: Design) -> Option<Money> {
    let between = |time: Option<Time>| {
        let mean = |g: Group| Money::mean(&amounts(points, g, time));
        Some(mean(Group::Service)?.minus(mean(Group::Development)?))
    };
    match design {
        Design::DiffInDiff => between(None),
        Design::Between(t) => between(Some(t)),
        Design::Paired(g) => Money::mean(&amounts(points, g, None)),
        Design::Descriptive(..) => None,
    }
}
