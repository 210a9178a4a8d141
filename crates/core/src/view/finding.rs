//! The first screen's finding: one plain sentence with live numbers saying what the
//! selection shows (each group's mean change, the test in APA form, whether the robustness
//! checks agree), and one small chart of the mean per group with its 95 % CI.
//!
//! Every number comes from the analysis the `#test` section shows
//! ([`Analysis`]), the salary points of the selection and
//! the robustness view's [`Agreement`]; nothing is computed for the first screen alone. A
//! selection that does not compare the two groups' changes says what it shows instead, and
//! a selection with nothing to compare says why.
//!
//! The sentence is [`Piece`]s: the paper's group names are the study's words (English in
//! every UI language), a reader's own group names are not. The robustness clause is left
//! out while the view of the current test is not there yet, and says the checks are
//! running while its Monte Carlo part runs.

use crate::stats::designs::{Analysis, AnalysisError};
use crate::stats::discount::DiscountError;
use crate::stats::selection::{amounts, measure_text, SalaryPoint, Selection};
use crate::study::{Group, Measure, Terms, Time};
use crate::text::format::{grouped, rmb};
use crate::text::i18n::{fill, Lang, Strings};
use crate::text::money::Money;
use crate::text::pieces::{
    clause_separator, fill_pieces, join_pieces, list_separator, sentence_separator, Piece,
};
use crate::view::analysis::{analysis_error_text, summarise};
use crate::view::apa;
use crate::view::robustness::summary::join;
use crate::view::robustness::{Agreement, Check, Outcome};

/// The sentence for the current selection, in a UI language. `agreement` is the
/// robustness view's; it is used only when it belongs to the test shown (same t and df).
pub fn finding_sentence(
    sel: &Selection,
    terms: &Terms,
    analysis: &Result<Analysis, AnalysisError>,
    points: &Result<Vec<SalaryPoint>, DiscountError>,
    agreement: Option<&Agreement>,
    lang: Lang,
) -> Vec<Piece> {
    let t = lang.strings();
    let points = points.as_deref().unwrap_or_default();
    let a = match analysis {
        Ok(a) => a,
        Err(e) => {
            return vec![Piece::ui(fill(t.fd_nothing, &[("error", &analysis_error_text(e, lang))]))]
        }
    };
    let words = Words { terms, t, measure: sel.measure, points };
    let mut clauses: Vec<Vec<Piece>> = Vec::new();
    let mut note = None;
    match a {
        Analysis::DiffInDiff { student, .. } => {
            let first =
                words.change(Group::Service, words.mean(Group::Service, None, student.a.mean));
            let second = words.second_change(
                Group::Development,
                words.mean(Group::Development, None, student.b.mean),
            );
            clauses.push(join_pieces(vec![first, second], clause_separator(lang)));
            clauses.push(vec![Piece::ui(fill(t.fd_student, &[("apa", &apa::t_test(student))]))]);
        }
        Analysis::Between { time, student, .. } => {
            let first = words.level(
                Group::Service,
                *time,
                words.mean(Group::Service, Some(*time), student.a.mean),
            );
            let second = words.second_level(
                Group::Development,
                words.mean(Group::Development, Some(*time), student.b.mean),
            );
            clauses.push(join_pieces(vec![first, second], clause_separator(lang)));
            clauses.push(vec![Piece::ui(fill(t.fd_student, &[("apa", &apa::t_test(student))]))]);
            note = Some(vec![Piece::ui(fill(t.fd_note_between, &[("time", time.label())]))]);
        }
        Analysis::Paired { group, test } => {
            clauses.push(words.change(*group, words.mean(*group, None, test.mean_diff)));
            clauses.push(vec![Piece::ui(fill(t.fd_paired, &[("apa", &apa::t_test(test))]))]);
            note = Some(fill_pieces(t.fd_note_paired, &[("group", words.group(*group))]));
        }
        Analysis::Descriptive { group, time, descriptives } => {
            clauses.push(words.level(
                *group,
                *time,
                words.mean(*group, Some(*time), descriptives.mean),
            ));
            note = Some(vec![Piece::ui(t.fd_note_descriptive)]);
        }
    }
    if let Some(test) = a.primary() {
        let current = agreement.filter(|g| same(g.t, test.t) && same(g.df, test.df));
        if let Some(g) = current {
            clauses.push(vec![Piece::ui(checks_clause(g, lang))]);
        }
    }
    let body = join_pieces(clauses, list_separator(lang));
    let mut out = fill_pieces(t.fd_end, &[("text", body)]);
    if let Some(note) = note {
        out = join_pieces(vec![out, note], sentence_separator(lang));
    }
    out
}

/// Two computations of one statistic from the same data (the analysis and the
/// robustness report run the same code, so they agree to the last bit; the tolerance only
/// keeps this from depending on it).
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The robustness clause: all agree, or which disagree and which could not be computed;
/// "running" while any check runs.
pub fn checks_clause(g: &Agreement, lang: Lang) -> String {
    let t = lang.strings();
    if g.running() {
        return t.fd_checking.to_string();
    }
    let alpha = apa::no_leading_zero(g.alpha, 2);
    let names = |outcome| -> Vec<String> {
        g.with(outcome).into_iter().map(|c| check_name(c, t).to_string()).collect()
    };
    let (agree, differ, undefined) =
        (names(Outcome::Agrees), names(Outcome::Disagrees), names(Outcome::Undefined));
    if differ.is_empty() && undefined.is_empty() {
        let key = if g.significant { t.fd_checks_hold } else { t.fd_checks_hold_ns };
        return fill(key, &[("list", &join(&agree, lang)), ("alpha", &alpha)]);
    }
    let mut parts = Vec::new();
    if !differ.is_empty() {
        let key = if differ.len() == 1 { t.fd_checks_differ_one } else { t.fd_checks_differ_many };
        parts.push(fill(key, &[("list", &join(&differ, lang)), ("alpha", &alpha)]));
    }
    if !agree.is_empty() {
        let key = if agree.len() == 1 { t.fd_checks_agree_one } else { t.fd_checks_agree_many };
        parts.push(fill(key, &[("list", &join(&agree, lang)), ("alpha", &alpha)]));
    }
    if !undefined.is_empty() {
        parts.push(fill(t.fd_checks_undefined, &[("list", &join(&undefined, lang))]));
    }
    parts.join(clause_separator(lang))
}

fn check_name(c: Check, t: &Strings) -> &'static str {
    match c {
        Check::Welch => t.fd_welch,
        Check::Rank => t.fd_rank,
        Check::Permutation => t.fd_perm,
    }
}

/// The words of the sentence for the data analysed.
struct Words<'a> {
    terms: &'a Terms,
    t: &'static Strings,
    measure: Measure,
    /// The salaries analysed, for means exact in cents.
    points: &'a [SalaryPoint],
}

impl Words<'_> {
    /// A group's mean at `time` (or of T2 − T1), exact in cents where the amounts are; the
    /// test's double (`fallback`) when the points do not give it.
    fn mean(&self, g: Group, time: Option<Time>, fallback: f64) -> Money {
        Money::mean(&amounts(self.points, g, time)).unwrap_or(fallback.into())
    }
    /// A group's name: the study's words for the paper, the reader's own otherwise.
    fn group(&self, g: Group) -> Vec<Piece> {
        let name = self.terms.name(g);
        vec![if self.terms.is_paper() { Piece::study(name) } else { Piece::ui(name) }]
    }

    fn per(&self) -> &'static str {
        match self.measure {
            Measure::Quarterly => self.t.fd_per_quarter,
            Measure::Monthly => self.t.fd_per_month,
        }
    }

    fn args(&self, g: Group, amount: String) -> Vec<(&'static str, Vec<Piece>)> {
        vec![
            ("group", self.group(g)),
            ("amount", vec![Piece::ui(amount)]),
            ("per", vec![Piece::ui(self.per())]),
        ]
    }

    /// "Service salaries rose 5,456.69 RMB per quarter on average from T1 to T2".
    fn change(&self, g: Group, mean: Money) -> Vec<Piece> {
        let t = self.t;
        let key = match (mean.value() >= 0.0, self.terms.is_paper()) {
            (true, true) => t.fd_rose,
            (false, true) => t.fd_fell,
            (true, false) => t.fd_rose_own,
            (false, false) => t.fd_fell_own,
        };
        fill_pieces(key, &self.args(g, self.terms.amount(&rmb(magnitude(mean)), t)))
    }

    /// "and Development's fell 1,854.93".
    fn second_change(&self, g: Group, mean: Money) -> Vec<Piece> {
        let key = if mean.value() >= 0.0 { self.t.fd_and_rose } else { self.t.fd_and_fell };
        fill_pieces(key, &self.args(g, rmb(magnitude(mean))))
    }

    /// "At T1, Service salaries averaged 20,675.48 RMB per quarter".
    fn level(&self, g: Group, time: Time, mean: Money) -> Vec<Piece> {
        let t = self.t;
        let key = self.terms.pick(t.fd_level, t.fd_level_own);
        let mut args = self.args(g, self.terms.amount(&rmb(mean), t));
        args.push(("time", vec![Piece::ui(time.label())]));
        fill_pieces(key, &args)
    }

    /// "and Development's 19,480.00".
    fn second_level(&self, g: Group, mean: Money) -> Vec<Piece> {
        fill_pieces(self.t.fd_and_level, &self.args(g, rmb(mean)))
    }
}

/// The size of an amount, exact where it is (halves round away from zero, so its text is
/// the amount's without the sign).
fn magnitude(m: Money) -> Money {
    if m.value() < 0.0 {
        Money::decimal(0.0).minus(m)
    } else {
        m
    }
}

/// One bar of the small chart: a group's mean with its 95 % CI.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingBar {
    pub group: Group,
    pub name: String,
    pub n: usize,
    pub mean: Money,
    pub ci95: (f64, f64),
}

/// The small chart beside the sentence: the mean T2 − T1 change per selected group when
/// both times are selected, otherwise the mean at the one time, each with its 95 % CI;
/// with its title, text alternative, table and axis.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingChart {
    pub title: String,
    pub bars: Vec<FindingBar>,
    /// The axis: its ends and its ticks (value, label), zero always inside.
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<(f64, String)>,
    pub lang: Lang,
}

/// The chart of a selection, or `None` when no group has a mean with a CI (no group or
/// time selected, fewer than two values, a discount error).
pub fn finding_chart(
    sel: &Selection,
    terms: &Terms,
    points: &Result<Vec<SalaryPoint>, DiscountError>,
    lang: Lang,
) -> Option<FindingChart> {
    let t = lang.strings();
    let points = points.as_ref().ok()?;
    let times = sel.selected_times();
    let (time, title) = match times.as_slice() {
        [_, _] => (
            None,
            fill(
                terms.pick(t.fd_chart_change, t.fd_chart_change_own),
                &[("measure", measure_text(sel.measure, t))],
            ),
        ),
        [one] => (
            Some(*one),
            fill(
                terms.pick(t.fd_chart_level, t.fd_chart_level_own),
                &[("measure", measure_text(sel.measure, t)), ("time", one.label())],
            ),
        ),
        _ => return None,
    };
    let bars: Vec<FindingBar> = sel
        .selected_groups()
        .into_iter()
        .filter_map(|g| {
            let s = summarise(g, "", &amounts(points, g, time)).ok()?;
            let finite = s.mean.value().is_finite() && s.ci95.0.is_finite() && s.ci95.1.is_finite();
            finite.then(|| FindingBar {
                group: g,
                name: terms.name(g).to_string(),
                n: s.n,
                mean: s.mean,
                ci95: s.ci95,
            })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    let lo = bars.iter().map(|b| b.ci95.0).fold(0.0, f64::min);
    let hi = bars.iter().map(|b| b.ci95.1).fold(0.0, f64::max);
    let (lo, hi, ticks) = axis(lo, hi, lang);
    Some(FindingChart { title, bars, lo, hi, ticks, lang })
}

/// A rounded axis over [lo, hi] (which holds zero) with three to six ticks at a step of
/// 1, 2 or 5 × 10ᵏ, labelled as the text writes numbers (grouped, true minus sign).
fn axis(lo: f64, hi: f64, lang: Lang) -> (f64, f64, Vec<(f64, String)>) {
    let span = if hi > lo { hi - lo } else { 1.0 };
    let raw = span / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step =
        [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(mag * 10.0);
    let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    // All at zero (no change, no spread): one step above it.
    let hi = if hi > lo { hi } else { lo + step };
    let decimals = if step >= 1.0 { 0 } else { (-step.log10().floor()) as usize };
    let count = ((hi - lo) / step).round() as i64;
    let ticks = (0..=count.clamp(0, 20))
        .map(|i| {
            let v = lo + step * i as f64;
            // −0 and rounding dust print as 0.
            let v = if v.abs() < step * 1e-9 { 0.0 } else { v };
            (v, grouped(v, decimals, lang.numbers().group))
        })
        .collect();
    (lo, hi, ticks)
}

impl FindingChart {
    /// Where `v` falls on the axis, from 0 (its low end) to 1 (its high end).
    pub fn position(&self, v: f64) -> f64 {
        if self.hi > self.lo {
            ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
        } else {
            0.5
        }
    }

    /// The text alternative: the title and each group's mean with its CI.
    pub fn summary(&self) -> String {
        let t = self.lang.strings();
        let parts: Vec<String> = self
            .bars
            .iter()
            .map(|b| {
                let [_, mean, lo, hi] = self.row(b);
                fill(
                    t.fd_chart_part,
                    &[
                        ("group", &b.name),
                        ("mean", &mean),
                        ("lo", &lo),
                        ("hi", &hi),
                        ("n", &b.n.to_string()),
                    ],
                )
            })
            .collect();
        fill(
            t.fd_chart_summary,
            &[("title", &self.title), ("parts", &parts.join(list_separator(self.lang)))],
        )
    }

    /// The data table's header.
    pub fn head(&self) -> [&'static str; 4] {
        let t = self.lang.strings();
        [t.fd_col_group, t.fd_col_mean, t.fd_col_lo, t.fd_col_hi]
    }

    /// One bar's table row: group, mean, CI low, CI high, as the text writes them.
    pub fn row(&self, b: &FindingBar) -> [String; 4] {
        [b.name.clone(), rmb(b.mean), rmb(b.ci95.0), rmb(b.ci95.1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_holds_zero_and_steps_in_round_numbers() {
        let (lo, hi, ticks) = axis(-4_000.0, 9_000.0, Lang::En);
        assert_eq!((lo, hi), (-5_000.0, 10_000.0));
        let labels: Vec<&str> = ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["\u{2212}5,000", "0", "5,000", "10,000"]);
        let (_, _, ticks) = axis(0.0, 0.3, Lang::En);
        let labels: Vec<&str> = ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["0.0", "0.1", "0.2", "0.3"]);
        let (lo, hi, _) = axis(0.0, 0.0, Lang::En);
        assert!(lo <= 0.0 && hi > lo);
    }
}
