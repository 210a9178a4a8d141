//! The permutation test's part of `#robustness`: its rows of p-values (each definition
//! labelled), the relabelling count or Monte Carlo seed, and the null distribution's
//! histogram chart model. The histogram's text alternative gives the tail beyond the
//! observed value, so it calls that p one-sided and names the two-sided p (SciPy's, twice
//! the smaller tail) that the summary uses.

use super::{count_text, groups, p3};
use crate::stats::robust::permutation::{PermutationDesign, PermutationTest};
use crate::stats::robust::report::Robustness;
use crate::stats::selection::Design;
use crate::study::{Terms, Time};
use crate::text::format::{grouped, rmb};
use crate::text::i18n::{fill, Lang};
use crate::text::money::{Cents, Money};

/// One line of the permutation test's p-value table.
#[derive(Debug, Clone, PartialEq)]
pub struct PRow {
    /// Which p, with its definition ("two-sided (SciPy: twice the smaller tail)").
    pub label: String,
    /// Three significant digits.
    pub p: String,
    /// "24 of 646,646 relabellings" (exact) or the Monte Carlo convention.
    pub count: String,
}

/// The permutation test, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct PermutationView {
    pub exact: bool,
    /// Relabellings evaluated, with thousands separators ("646,646").
    pub count: String,
    /// What was enumerated or sampled, in a sentence.
    pub method: String,
    /// The observed statistic, named ("difference in mean T2 − T1 change … = 7,311.62 RMB";
    /// a reader's values have no unit).
    pub observed: String,
    pub rows: Vec<PRow>,
    /// Which two-sided p the summary and the tests table use.
    pub two_sided_note: String,
    pub chart: HistogramChart,
}

/// The permutation distribution as a histogram with the observed statistic marked.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramChart {
    /// (lower edge, upper edge, count) per bin. The edges split the statistic's range into
    /// equal widths: they are not amounts of the data, and are known only as doubles.
    pub bins: Vec<(f64, f64, u64)>,
    /// The observed statistic: exact in cents where the salaries are; its double places
    /// the mark.
    pub observed: Money,
    /// Relabellings in the histogram.
    pub total: u64,
    pub exact: bool,
    /// Axis label of the statistic ("Service − Development, mean T2 − T1 change (RMB)"; a
    /// reader's values have no unit).
    pub axis: String,
    /// The language of every text in the chart.
    pub lang: Lang,
    summary: String,
}

impl HistogramChart {
    /// The text alternative.
    pub fn summary(&self) -> String {
        self.summary.clone()
    }

    /// Data table: one row per bin.
    pub fn table(&self) -> Vec<[String; 2]> {
        let (t, sep) = (self.lang.strings(), self.lang.numbers().group);
        self.bins
            .iter()
            .map(|(lo, hi, n)| {
                [
                    fill(t.b_range, &[("lo", &rmb(*lo)), ("hi", &rmb(*hi))]),
                    grouped(*n as f64, 0, sep),
                ]
            })
            .collect()
    }
}

/// The permutation test's part; `difference` is its observed difference of means exact
/// in cents, where the salaries are (the test's own statistic is a double on its grid).
pub(super) fn permutation_view(
    p: &PermutationTest,
    r: &Robustness,
    difference: Option<Cents>,
    terms: &Terms,
    lang: Lang,
) -> PermutationView {
    let t = lang.strings();
    let (n1, n2) = (r.checks.primary.a.n, r.checks.primary.b.n);
    let (a, b) = groups(terms);
    let what = match r.checks.design {
        Design::DiffInDiff => t.b_what_diffs,
        Design::Between(Time::T1) => terms.pick(t.b_what_t1, t.b_what_t1_own),
        Design::Between(Time::T2) => terms.pick(t.b_what_t2, t.b_what_t2_own),
        _ => t.b_what_changes,
    };
    let count = count_text(p.count, lang);
    let unit = match p.design {
        PermutationDesign::Independent => t.b_unit_relabellings,
        PermutationDesign::PairedSignFlip => t.b_unit_signs,
    };
    let seed = p.seed.map(|s| s.to_string()).unwrap_or_else(|| "\u{2014}".into());
    let method = match (p.design, p.exact) {
        (PermutationDesign::Independent, true) => fill(
            t.b_method_exact,
            &[
                ("count", &count),
                ("n", &(n1 + n2).to_string()),
                ("what", what),
                ("n1", &n1.to_string()),
                ("n2", &n2.to_string()),
                ("a", a),
                ("b", b),
            ],
        ),
        (PermutationDesign::PairedSignFlip, true) => {
            fill(t.b_method_signs, &[("count", &count), ("n", &n1.to_string())])
        }
        (_, false) => fill(
            t.b_method_mc,
            &[
                ("count", &count),
                ("unit", unit),
                ("seed", &seed),
                ("limit", &count_text(crate::stats::robust::permutation::EXACT_LIMIT, lang)),
            ],
        ),
    };
    let ab = [("a", a), ("b", b)];
    let (statistic, axis) = match r.checks.design {
        Design::Paired(g) => (
            fill(t.b_stat_paired, &[("group", terms.name(g))]),
            fill(t.b_axis_paired, &[("group", terms.name(g))]),
        ),
        Design::DiffInDiff => (fill(t.b_stat_did, &ab), fill(t.b_axis_did, &ab)),
        _ => (
            fill(terms.pick(t.b_stat_between, t.b_stat_between_own), &ab),
            fill(terms.pick(t.b_axis_between, t.b_axis_between_own), &ab),
        ),
    };
    let axis = terms.with_unit(&axis, t);
    let observed_amount = Money::new(p.observed, difference);
    let observed_value = terms.amount(&rmb(observed_amount), t);
    let observed = format!("{statistic} = {observed_value}");
    let k_of = |prob: f64| count_text(((prob * p.count as f64).round() as u64).min(p.count), lang);
    let of = |prob: f64| -> String {
        if p.exact {
            fill(t.b_of, &[("k", &k_of(prob)), ("count", &count), ("unit", unit)])
        } else {
            fill(t.b_of_mc, &[("count", &count)])
        }
    };
    let rows = vec![
        PRow { label: t.b_p_greater.into(), p: p3(p.p_greater), count: of(p.p_greater) },
        PRow { label: t.b_p_less.into(), p: p3(p.p_less), count: of(p.p_less) },
        PRow { label: t.b_p_scipy.into(), p: p3(p.p_two_sided), count: of(p.p_two_sided) },
        PRow { label: t.b_p_abs.into(), p: p3(p.p_two_sided_abs), count: of(p.p_two_sided_abs) },
    ];
    let two_sided_note = t.b_two_sided_note.to_string();
    let h = &p.histogram;
    let w = h.bin_width();
    let bins: Vec<(f64, f64, u64)> = h
        .counts
        .iter()
        .enumerate()
        .map(|(i, c)| (h.lo + w * i as f64, h.lo + w * (i + 1) as f64, *c))
        .collect();
    let (tail_p, tail_word) =
        if p.observed >= 0.0 { (p.p_greater, t.b_tail_large) } else { (p.p_less, t.b_tail_small) };
    let tail = if p.exact {
        fill(
            t.b_tail_exact,
            &[
                ("k", &k_of(tail_p)),
                ("count", &count),
                ("p", &p3(tail_p)),
                ("tail", tail_word),
                ("p2", &p3(p.p_two_sided)),
            ],
        )
    } else {
        fill(t.b_tail_mc, &[("p", &p3(tail_p)), ("tail", tail_word), ("p2", &p3(p.p_two_sided))])
    };
    let over = if p.exact {
        fill(t.b_over_exact, &[("count", &count), ("unit", unit)])
    } else {
        fill(
            t.b_over_mc,
            &[("count", &count), ("unit", unit), ("seed", &p.seed.unwrap_or_default().to_string())],
        )
    };
    let summary = fill(
        terms.pick(t.b_hist_summary, t.b_hist_summary_own),
        &[
            ("statistic", &statistic),
            ("over", &over),
            ("observed", &rmb(observed_amount)),
            ("tail", &tail),
        ],
    );
    PermutationView {
        exact: p.exact,
        count,
        method,
        observed,
        rows,
        two_sided_note,
        chart: HistogramChart {
            bins,
            observed: observed_amount,
            total: p.count,
            exact: p.exact,
            axis,
            lang,
            summary,
        },
    }
}
