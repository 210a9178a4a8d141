//! The `#robustness` section's view model: every robustness result of
//! [`crate::stats::robust`] turned into finished display rows, chart models, their text
//! summaries and their data tables, for whatever selection is active.
//!
//! [`robustness_view`] (or [`robustness_view_points`] when the salary points are already
//! computed) runs [`robustness`], [`summarize`] and, for the paper's design,
//! [`discount_sensitivity`], and never fails: a statistic that cannot be computed for the
//! selection becomes a row or a part that reads "not defined for this selection: …" (the
//! core's own error text), never a panic. Views render these strings; charts receive the
//! numbers in the chart models and draw nothing they compute themselves.
//!
//! **Language.** Every text is built in the UI language passed in ([`Lang`]; the tables'
//! `b_…` entries), and the chart models carry that language for their summaries, data
//! tables and drawn labels. Numbers, APA strings, statistic symbols, pseudonyms and the
//! groups' names are the same in both languages; grouped numbers use the locale's
//! separator ([`Lang::numbers`]). English output is unchanged by the translation.
//!
//! [`robustness_view_staged`] is the same with a long Monte Carlo permutation test left
//! pending ([`Staged::Pending`]): the caller steps it in slices, showing progress, and
//! [`PendingView::finish`] then gives exactly the view [`robustness_view_points`] would.
//!
//! Conventions (every definition is labelled on the page, because tools disagree):
//! - t-tests in APA 7 (`t(18.73) = 3.96, p < .001` for Welch), with the exact two-sided p
//!   beside them; exact p-values with three significant digits
//!   ([`crate::view::apa::p_significant`]).
//! - The permutation test shows both one-sided p-values, SciPy's two-sided p (twice the
//!   smaller tail) and the |D| version (labelled), and the number of relabellings
//!   ("all 646,646 relabellings"), or the Monte Carlo count and seed above 5,000,000.
//! - Effect sizes: Cohen's d with the pooled SD, Hedges' g with the exact J correction,
//!   the 95 % CI for d from the non-central t distribution, the mean difference with its
//!   Student 95 % CI; d_z and g_z for paired designs.
//! - Normal Q-Q plots use Blom's plotting positions: the i-th smallest of n values is
//!   plotted against Φ⁻¹((i − 0.375)/(n + 0.25)) (statrs' standard normal inverse CDF),
//!   the positions Shapiro–Wilk's own coefficients start from; the reference line is
//!   x̄ + s·z (sample mean and SD), where the points would lie if the values were exactly
//!   normal.
//! - Bayes factors are given for each prior scale r (0.5, √2/2, 1) with Lee and
//!   Wagenmakers' verbal label, and [`BAYES_LABEL_NOTE`] keeps that label apart from the
//!   paper's own description of its evidence as anecdotal.
//! - The discount sensitivity reruns the paper's test (both groups, T2 − T1), so it is
//!   shown for that design only; the current factor (the selection's totals, or 1.00 when
//!   T2 is shown as paid) is added to the grid and marked.

pub mod summary;

use crate::stats::robust::bayes::{
    describe, BayesFactor, PRIOR_SCALES, R_MEDIUM, R_NARROW, R_WIDE,
};
use crate::stats::robust::effect::{EffectKind, EffectSize};
use crate::stats::robust::error::RobustError;
use crate::stats::robust::influence::Influence;
use crate::stats::robust::levene::Levene;
use crate::stats::robust::permutation::{MonteCarloRun, PermutationDesign, PermutationTest};
use crate::stats::robust::rank::RankMethod;
use crate::stats::robust::report::{
    robustness_deferred, NormalityCheck, RankTest, Robustness, RobustnessOptions,
};
use crate::stats::robust::sensitivity::{
    default_factors, discount_sensitivity, paper_factor, SensitivityRow,
};
use crate::stats::robust::shapiro::ShapiroWilk;
use crate::stats::selection::{salary_points, values, Design, SalaryPoint, Selection};
use crate::stats::ttest::TTest;
use crate::study::{Group, Study, Time};
use crate::text::format::{fixed, grouped, rmb};
use crate::text::i18n::{fill, Lang, Strings, EN};
use crate::view::apa;
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};
use summary::{list_sep, rank_name, summarize, then, ALPHA};

/// Groups above this size are not "small" for the normality reading.
const SMALL_N: usize = 30;

/// Keeps the Bayes factor's verbal label apart from the paper's "anecdotal evidence"
/// (English; the page shows `b_bayes_note` in its language).
pub const BAYES_LABEL_NOTE: &str = EN.b_bayes_note;

/// Why the discount sensitivity is shown only for the paper's design (English; the page
/// shows `b_sensitivity_design` in its language).
pub const SENSITIVITY_DESIGN: &str = EN.b_sensitivity_design;

/// One prior scale the reader can choose for the Bayes factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriorChoice {
    /// The `<option>` value ("0.5", "0.707", "1").
    pub key: &'static str,
    pub r: f64,
}

impl PriorChoice {
    /// What the option says ("r = 0.5 (narrow)"), in the UI language.
    pub fn label(&self, t: &Strings) -> &'static str {
        match self.key {
            "0.5" => t.b_prior_narrow,
            "1" => t.b_prior_wide,
            _ => t.b_prior_medium,
        }
    }
}

/// The three prior scales, in the order of [`PRIOR_SCALES`]; [`DEFAULT_PRIOR`] is the default.
pub const PRIOR_CHOICES: [PriorChoice; 3] = [
    PriorChoice { key: "0.5", r: R_NARROW },
    PriorChoice { key: "0.707", r: R_MEDIUM },
    PriorChoice { key: "1", r: R_WIDE },
];

/// Index into [`PRIOR_CHOICES`] of the default prior scale (√2/2).
pub const DEFAULT_PRIOR: usize = 1;

/// The index of the prior choice with this key, if any.
pub fn prior_index(key: &str) -> Option<usize> {
    PRIOR_CHOICES.iter().position(|c| c.key == key)
}

/// A labelled result: what it is, its value, and how it was computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    /// The result, or the reason it is not defined.
    pub value: String,
    /// The definition or method, in plain words.
    pub note: String,
    /// False when `value` is a "not defined" message.
    pub defined: bool,
}

impl Row {
    fn new(label: impl Into<String>, value: impl Into<String>, note: impl Into<String>) -> Row {
        Row { label: label.into(), value: value.into(), note: note.into(), defined: true }
    }

    fn undefined(label: impl Into<String>, reason: &RobustError, lang: Lang) -> Row {
        Row {
            label: label.into(),
            value: reason.message(lang),
            note: String::new(),
            defined: false,
        }
    }
}

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
    /// The observed statistic, named ("difference in mean T2 − T1 change … = 7,311.62 RMB").
    pub observed: String,
    pub rows: Vec<PRow>,
    /// Which two-sided p the summary and the tests table use.
    pub two_sided_note: String,
    pub chart: HistogramChart,
}

/// The permutation distribution as a histogram with the observed statistic marked.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramChart {
    /// (lower edge, upper edge, count) per bin.
    pub bins: Vec<(f64, f64, u64)>,
    pub observed: f64,
    /// Relabellings in the histogram.
    pub total: u64,
    pub exact: bool,
    /// Axis label of the statistic ("Service − Development, mean T2 − T1 change (RMB)").
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

/// One informant left out.
#[derive(Debug, Clone, PartialEq)]
pub struct InfluenceViewRow {
    pub informant: String,
    pub group: Group,
    pub t: f64,
    pub t_text: String,
    /// Two-sided p, three significant digits.
    pub p_text: String,
    /// Δt = t without − t with everyone, signed.
    pub change: String,
    pub most_influential: bool,
    pub is_min: bool,
    pub is_max: bool,
}

/// Leave-one-out influence, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct InfluenceView {
    /// Which t-test is rerun ("Student's t (pooled variance)").
    pub test: String,
    pub full_t: f64,
    pub rows: Vec<InfluenceViewRow>,
    /// "3.71 (without Harry)".
    pub min_text: String,
    pub max_text: String,
    /// The most influential informant's name.
    pub most_influential: String,
    /// One sentence: min, max, most influential, and whether any removal crosses α.
    pub reading: String,
    /// The t that two-sided p = .05 needs with one informant fewer (None when undefined).
    pub critical_t: Option<f64>,
    /// The language of every text in the view.
    pub lang: Lang,
}

impl InfluenceView {
    /// The chart's text alternative.
    pub fn summary(&self) -> String {
        let t = self.lang.strings();
        let mut s = fill(
            t.b_inf_summary,
            &[
                ("test", &self.test),
                ("t", &fixed(self.full_t, 2)),
                ("min", &self.min_text),
                ("max", &self.max_text),
                ("most", &self.most_influential),
            ],
        );
        if let Some(c) = self.critical_t {
            then(&mut s, &fill(t.b_inf_crit, &[("t", &fixed(c, 2))]), self.lang);
        }
        s
    }

    /// Data table rows: informant, group, t without them; the first `limit` only, so a
    /// table capped at a few hundred rows never formats 20,000.
    pub fn table(&self, limit: usize) -> Vec<[String; 3]> {
        self.rows
            .iter()
            .take(limit)
            .map(|r| [r.informant.clone(), r.group.label().to_string(), r.t_text.clone()])
            .collect()
    }
}

/// Shapiro–Wilk for one series, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalityRow {
    /// What was tested ("Service T2 − T1").
    pub label: String,
    pub n: String,
    pub w: String,
    pub p: String,
    /// One sentence that never overclaims (or the "not defined" reason).
    pub reading: String,
    pub defined: bool,
}

/// Levene or Brown–Forsythe, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct VarianceRow {
    pub label: String,
    /// "W = 0.455" (the F-type statistic).
    pub w: String,
    /// "1, 20".
    pub df: String,
    pub p: String,
    pub reading: String,
    pub defined: bool,
}

/// One point of a normal Q-Q plot.
#[derive(Debug, Clone, PartialEq)]
pub struct QqPoint {
    pub informant: String,
    /// Φ⁻¹((i − 0.375)/(n + 0.25)).
    pub theoretical: f64,
    pub value: f64,
}

/// A normal Q-Q plot of one series.
#[derive(Debug, Clone, PartialEq)]
pub struct QqChart {
    pub label: String,
    pub group: Group,
    /// Sorted by value.
    pub points: Vec<QqPoint>,
    /// Reference line value = mean + sd·z.
    pub mean: f64,
    pub sd: f64,
    /// The language of every text in the chart.
    pub lang: Lang,
}

impl QqChart {
    /// The text alternative.
    pub fn summary(&self) -> String {
        let far = self
            .points
            .iter()
            .max_by(|a, b| {
                let da = (a.value - (self.mean + self.sd * a.theoretical)).abs();
                let db = (b.value - (self.mean + self.sd * b.theoretical)).abs();
                da.total_cmp(&db)
            })
            .map(|p| {
                fill(
                    self.lang.strings().b_qq_far,
                    &[("name", &p.informant), ("value", &rmb(p.value))],
                )
            });
        let mut s = fill(
            self.lang.strings().b_qq_summary,
            &[
                ("label", &self.label),
                ("n", &self.points.len().to_string()),
                ("mean", &rmb(self.mean)),
                ("sd", &rmb(self.sd)),
            ],
        );
        if let Some(far) = far {
            then(&mut s, &far, self.lang);
        }
        s
    }

    /// Data table rows: informant, theoretical quantile, value; the first `limit` only.
    pub fn table(&self, limit: usize) -> Vec<[String; 3]> {
        self.points
            .iter()
            .take(limit)
            .map(|p| [p.informant.clone(), fixed(p.theoretical, 3), rmb(p.value)])
            .collect()
    }
}

/// A Bayes factor for one prior scale, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct BayesRow {
    pub r: f64,
    /// The prior scale, labelled ("r = 0.5 (narrow)").
    pub prior: String,
    /// "39.26", or the reason it is not defined.
    pub bf10: String,
    /// Lee and Wagenmakers' label ("very strong evidence for a difference (H₁)").
    pub label: String,
    /// What the number means, in a sentence.
    pub reading: String,
    pub defined: bool,
}

/// One discount factor's result, ready to show and plot.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityViewRow {
    pub factor: f64,
    pub t: f64,
    pub p: f64,
    pub factor_text: String,
    pub t_text: String,
    pub p_text: String,
    pub is_paper: bool,
    pub is_current: bool,
    /// "paper's factor", "no discount", "current" (comma-joined), or empty.
    pub note: String,
}

/// The paper's test over a range of discount factors.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityView {
    pub rows: Vec<SensitivityViewRow>,
    /// The factor the selection uses (1.0 when T2 is shown as paid).
    pub current: f64,
    pub paper: f64,
    pub alpha: f64,
    /// Which measure ("quarterly").
    pub measure: String,
    /// The language of every text in the view.
    pub lang: Lang,
}

impl SensitivityView {
    /// The chart's text alternative.
    pub fn summary(&self) -> String {
        let t_lo = self.rows.iter().map(|r| r.t).fold(f64::INFINITY, f64::min);
        let t_hi = self.rows.iter().map(|r| r.t).fold(f64::NEG_INFINITY, f64::max);
        let p_hi = self.rows.iter().map(|r| r.p).fold(0.0, f64::max);
        let f_lo = self.rows.first().map(|r| r.factor).unwrap_or(f64::NAN);
        let f_hi = self.rows.last().map(|r| r.factor).unwrap_or(f64::NAN);
        let t = self.lang.strings();
        let mut s = fill(
            t.b_sens_summary,
            &[
                ("measure", &self.measure),
                ("lo", &fixed(f_lo, 2)),
                ("hi", &fixed(f_hi, 2)),
                ("paper", &fixed(self.paper, 3)),
                ("tlo", &fixed(t_lo, 2)),
                ("thi", &fixed(t_hi, 2)),
                ("pmax", &apa::p_significant(p_hi)),
            ],
        );
        if let Some(r) = self.rows.iter().find(|r| r.is_current) {
            then(
                &mut s,
                &fill(
                    t.b_sens_current,
                    &[("factor", &r.factor_text), ("t", &r.t_text), ("p", &r.p_text)],
                ),
                self.lang,
            );
        }
        s
    }

    /// Data table rows: factor, t, p, note.
    pub fn table(&self) -> Vec<[String; 4]> {
        self.rows
            .iter()
            .map(|r| [r.factor_text.clone(), r.t_text.clone(), r.p_text.clone(), r.note.clone()])
            .collect()
    }
}

/// Everything the `#robustness` section shows.
#[derive(Debug, Clone, PartialEq)]
pub struct RobustnessView {
    pub design: Option<Design>,
    /// What is compared, in one line.
    pub comparison: String,
    /// The plain-language summary (or the reason nothing could be computed).
    pub summary: Vec<String>,
    /// Student / paired t, Welch, and the rank test.
    pub tests: Vec<Row>,
    pub permutation: Result<PermutationView, String>,
    /// Standardized effects and the mean difference.
    pub effects: Vec<Row>,
    pub influence: Result<InfluenceView, String>,
    pub normality: Vec<NormalityRow>,
    /// Levene and Brown–Forsythe; `Err` for paired designs (not applicable) or no comparison.
    pub variances: Result<Vec<VarianceRow>, String>,
    pub qq: Vec<Result<QqChart, String>>,
    /// One per [`PRIOR_CHOICES`] entry, in that order.
    pub bayes: Result<Vec<BayesRow>, String>,
    pub sensitivity: Result<SensitivityView, String>,
    /// The language every text of the view is in.
    pub lang: Lang,
}

impl RobustnessView {
    /// A view in which every part says why it is not defined.
    pub fn undefined(reason: &str, lang: Lang) -> RobustnessView {
        let t = lang.strings();
        let r = reason.to_string();
        RobustnessView {
            design: None,
            comparison: t.b_nothing_compared.to_string(),
            summary: vec![r.clone()],
            tests: vec![Row {
                label: t.b_tests_label.into(),
                value: r.clone(),
                note: String::new(),
                defined: false,
            }],
            permutation: Err(r.clone()),
            effects: vec![Row {
                label: t.b_h_effects.into(),
                value: r.clone(),
                note: String::new(),
                defined: false,
            }],
            influence: Err(r.clone()),
            normality: vec![NormalityRow {
                label: "Shapiro\u{2013}Wilk".into(),
                n: String::new(),
                w: String::new(),
                p: String::new(),
                reading: r.clone(),
                defined: false,
            }],
            variances: Err(r.clone()),
            qq: vec![Err(r.clone())],
            bayes: Err(r.clone()),
            sensitivity: Err(r),
            lang,
        }
    }

    /// The Bayes row for [`PRIOR_CHOICES`]`[index]`.
    pub fn bayes_row(&self, index: usize) -> Result<BayesRow, String> {
        match &self.bayes {
            Ok(rows) => {
                rows.get(index).cloned().ok_or_else(|| self.lang.strings().b_no_prior.to_string())
            }
            Err(e) => Err(e.clone()),
        }
    }
}

/// The view for a selection, computing its salary points from the study, in a UI language.
pub fn robustness_view(study: &Study, sel: &Selection, lang: Lang) -> RobustnessView {
    match salary_points(study, sel) {
        Ok(points) => robustness_view_points(study, sel, &points, lang),
        Err(e) => RobustnessView::undefined(&e.to_string(), lang),
    }
}

/// The view for a selection whose salary points are already computed, in a UI language.
pub fn robustness_view_points(
    study: &Study,
    sel: &Selection,
    points: &[SalaryPoint],
    lang: Lang,
) -> RobustnessView {
    match robustness_view_staged(study, sel, points, u64::MAX, lang) {
        Staged::Ready(v) => *v,
        Staged::Pending(p) => p.finish(),
    }
}

/// Monte Carlo work (resamples × values per resample) the page runs at once: about
/// 100 ms or less in the browser. Above it, [`robustness_view_staged`] leaves the run to the
/// caller, which steps it in slices between frames and shows progress.
pub const SYNC_PERMUTATION_WORK: u64 = 10_000_000;

/// A robustness view, or one waiting for its Monte Carlo permutation test. Both are boxed:
/// the value is handed on at once, and the two differ in size by hundreds of bytes.
#[derive(Debug, Clone)]
pub enum Staged {
    Ready(Box<RobustnessView>),
    Pending(Box<PendingView>),
}

/// Everything of a [`RobustnessView`] except the permutation test, whose Monte Carlo run
/// is stepped by the caller ([`PendingView::step`]) and then put in ([`PendingView::finish`]).
#[derive(Debug, Clone)]
pub struct PendingView {
    /// The view meanwhile: the permutation part and the summary say the run is in progress.
    pub view: RobustnessView,
    report: Robustness,
    sensitivity: Option<Vec<SensitivityRow>>,
    run: Box<MonteCarloRun>,
}

impl PendingView {
    /// Draws up to `n` more resamples; returns (done, total).
    pub fn step(&mut self, n: u64) -> (u64, u64) {
        let done = self.run.step(n);
        (done, self.run.resamples())
    }

    /// (resamples done, resamples in all).
    pub fn progress(&self) -> (u64, u64) {
        (self.run.done(), self.run.resamples())
    }

    /// Values touched per resample (to size a slice).
    pub fn work_per_resample(&self) -> u64 {
        self.run.work_per_resample()
    }

    /// Runs whatever is left and returns the complete view: the same as
    /// [`robustness_view_points`] for the same selection and language.
    pub fn finish(self) -> RobustnessView {
        let PendingView { mut view, report, sensitivity, run } = self;
        let lang = view.lang;
        let report = report.with_permutation(run.finish());
        view.summary = summarize(&report, sensitivity.as_deref(), ALPHA, lang);
        view.permutation = report
            .permutation
            .as_ref()
            .map(|p| permutation_view(p, &report, lang))
            .map_err(|e| e.message(lang));
        view
    }
}

/// The view, with a Monte Carlo permutation test above `sync_work` left pending (see
/// [`SYNC_PERMUTATION_WORK`]); exact tests and small runs are always done at once.
pub fn robustness_view_staged(
    study: &Study,
    sel: &Selection,
    points: &[SalaryPoint],
    sync_work: u64,
    lang: Lang,
) -> Staged {
    let Some(design) = sel.design() else {
        return Staged::Ready(Box::new(RobustnessView::undefined(
            &RobustError::NoComparison.message(lang),
            lang,
        )));
    };
    let (report, run) =
        match robustness_deferred(points, design, &RobustnessOptions::default(), sync_work) {
            Ok(r) => r,
            Err(e) => {
                let mut v = RobustnessView::undefined(&e.message(lang), lang);
                v.design = Some(design);
                v.comparison = comparison(design, sel, lang);
                return Staged::Ready(Box::new(v));
            }
        };
    let sensitivity = sensitivity_rows(study, sel, design, lang);
    let summary = summarize(
        &report,
        sensitivity.as_ref().ok().map(|(rows, _, _)| rows.as_slice()),
        ALPHA,
        lang,
    );
    let view = RobustnessView {
        design: Some(design),
        comparison: comparison(design, sel, lang),
        summary,
        tests: tests(&report, lang),
        permutation: report
            .permutation
            .as_ref()
            .map(|p| permutation_view(p, &report, lang))
            .map_err(|e| e.message(lang)),
        effects: effects(&report, lang),
        influence: report
            .influence
            .as_ref()
            .map(|i| influence_view(i, lang))
            .map_err(|e| e.message(lang)),
        normality: report.normality.iter().map(|n| normality_row(n, lang)).collect(),
        variances: variances(&report, lang),
        qq: qq_charts(points, design, lang),
        bayes: Ok(bayes_rows(&report.bayes, lang)),
        sensitivity: sensitivity
            .as_ref()
            .map(|(rows, paper, current)| sensitivity_view(rows, *paper, *current, sel, lang))
            .map_err(|e| e.clone()),
        lang,
    };
    match run {
        None => Staged::Ready(Box::new(view)),
        Some(run) => Staged::Pending(Box::new(PendingView {
            view,
            report,
            sensitivity: sensitivity.ok().map(|(rows, _, _)| rows),
            run,
        })),
    }
}

/// The measure's name in the UI language ("quarterly", "季度").
fn measure_name(sel: &Selection, t: &Strings) -> &'static str {
    match sel.measure {
        crate::study::Measure::Quarterly => t.measure_quarterly,
        crate::study::Measure::Monthly => t.measure_monthly,
    }
}

/// "Service vs Development, comparing each informant's T2 − T1 change (the paper's design)".
fn comparison(design: Design, sel: &Selection, lang: Lang) -> String {
    let t = lang.strings();
    let m = measure_name(sel, t);
    match design {
        Design::DiffInDiff => fill(t.b_cmp_did, &[("measure", m)]),
        Design::Between(x) => fill(t.b_cmp_between, &[("measure", m), ("time", x.label())]),
        Design::Paired(g) => fill(t.b_cmp_paired, &[("measure", m), ("group", g.label())]),
        Design::Descriptive(g, x) => {
            fill(t.b_cmp_none, &[("group", g.label()), ("time", x.label())])
        }
    }
}

/// Names of the two sides of the design ("Service", "Development") or ("T2", "T1").
fn sides(design: Design) -> (&'static str, &'static str) {
    match design {
        Design::Paired(_) => ("T2", "T1"),
        _ => ("Service", "Development"),
    }
}

/// Three significant digits, e.g. ".000721"; "> .999" for p just below 1 (which three
/// significant digits would round up to 1).
fn p3(p: f64) -> String {
    if p > 0.999 && p < 1.0 {
        "> .999".to_string()
    } else if p == 1.0 {
        "1".to_string()
    } else {
        apa::p_significant(p)
    }
}

fn count_text(n: u64, lang: Lang) -> String {
    grouped(n as f64, 0, lang.numbers().group)
}

/// The separator before a clause that follows a comma: ", " or "，".
fn comma(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "\u{ff0c}",
    }
}

fn u_text(u: f64) -> String {
    if u.fract() == 0.0 {
        fixed(u, 0)
    } else {
        fixed(u, 1)
    }
}

fn t_row(label: &str, t: &TTest, note: &str, lang: Lang) -> Row {
    Row::new(
        label,
        apa::t_test(t),
        fill(lang.strings().b_two_sided_p, &[("p", &p3(t.p)), ("note", note)]),
    )
}

fn tests(r: &Robustness, lang: Lang) -> Vec<Row> {
    let t = lang.strings();
    let mut out = Vec::new();
    match r.design {
        Design::Paired(_) => out.push(t_row(t.b_t_paired, &r.primary, t.b_note_paired, lang)),
        Design::DiffInDiff => {
            out.push(t_row(t.b_t_student_paper, &r.primary, t.b_note_student, lang))
        }
        _ => out.push(t_row(t.b_t_student, &r.primary, t.b_note_student, lang)),
    }
    if let Some(w) = &r.welch {
        let label = t.b_t_welch;
        out.push(match w {
            Ok(x) => t_row(label, x, t.b_note_welch, lang),
            Err(e) => Row::undefined(label, e, lang),
        });
    }
    let rank_label = match r.design {
        Design::Paired(_) => t.b_wilcoxon,
        _ => t.b_mann_whitney,
    };
    let z_text = |z: Option<f64>| {
        z.map(|z| format!("{}z = {}", comma(lang), fixed(z, 2))).unwrap_or_default()
    };
    out.push(match &r.rank {
        Ok(x @ RankTest::MannWhitney(m)) => {
            let method = match m.method {
                RankMethod::Exact => t.b_mw_exact.to_string(),
                _ => fill(t.b_mw_approx, &[("z", &z_text(m.z))]),
            };
            Row::new(
                fill(t.b_ranks, &[("test", rank_name(x, t))]),
                format!("U = {}, {}", u_text(m.u1), apa::p_value(m.p)),
                fill(
                    t.b_mw_note,
                    &[
                        ("p", &p3(m.p)),
                        ("method", &method),
                        ("n1", &m.n1.to_string()),
                        ("n2", &m.n2.to_string()),
                        ("pairs", &(m.n1 * m.n2).to_string()),
                    ],
                ),
            )
        }
        Ok(x @ RankTest::Wilcoxon(w)) => {
            let method = match w.method {
                RankMethod::Exact => t.b_w_exact.to_string(),
                RankMethod::ExactConditional => t.b_w_exact_cond.to_string(),
                RankMethod::Asymptotic => fill(t.b_w_approx, &[("z", &z_text(w.z))]),
            };
            let zeros = if w.zeros > 0 {
                let sep = if lang == Lang::En { "; " } else { "\u{ff1b}" };
                format!(
                    "{sep}{}",
                    fill(
                        if w.zeros == 1 { t.b_zero_one } else { t.b_zero_many },
                        &[("n", &w.zeros.to_string())]
                    )
                )
            } else {
                String::new()
            };
            Row::new(
                fill(t.b_ranks, &[("test", rank_name(x, t))]),
                format!("T = {}, {}", u_text(w.statistic), apa::p_value(w.p)),
                fill(
                    t.b_w_note,
                    &[
                        ("p", &p3(w.p)),
                        ("method", &method),
                        ("rp", &u_text(w.r_plus)),
                        ("rm", &u_text(w.r_minus)),
                        ("zeros", &zeros),
                    ],
                ),
            )
        }
        Err(e) => Row::undefined(rank_label, e, lang),
    });
    out
}

fn permutation_view(p: &PermutationTest, r: &Robustness, lang: Lang) -> PermutationView {
    let t = lang.strings();
    let (n1, n2) = (r.primary.a.n, r.primary.b.n);
    let what = match r.design {
        Design::DiffInDiff => t.b_what_diffs,
        Design::Between(Time::T1) => t.b_what_t1,
        Design::Between(Time::T2) => t.b_what_t2,
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
    let (statistic, axis) = match r.design {
        Design::Paired(g) => (
            fill(t.b_stat_paired, &[("group", g.label())]),
            fill(t.b_axis_paired, &[("group", g.label())]),
        ),
        Design::DiffInDiff => (t.b_stat_did.to_string(), t.b_axis_did.to_string()),
        _ => (t.b_stat_between.to_string(), t.b_axis_between.to_string()),
    };
    let observed =
        fill(t.b_observed_value, &[("statistic", &statistic), ("value", &rmb(p.observed))]);
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
            &[("k", &k_of(tail_p)), ("count", &count), ("p", &p3(tail_p)), ("tail", tail_word)],
        )
    } else {
        fill(t.b_tail_mc, &[("p", &p3(tail_p)), ("tail", tail_word)])
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
        t.b_hist_summary,
        &[
            ("statistic", &statistic),
            ("over", &over),
            ("observed", &rmb(p.observed)),
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
            observed: p.observed,
            total: p.count,
            exact: p.exact,
            axis,
            lang,
            summary,
        },
    }
}

fn ci(x: (f64, f64)) -> String {
    format!("[{}, {}]", fixed(x.0, 2), fixed(x.1, 2))
}

fn effects(r: &Robustness, lang: Lang) -> Vec<Row> {
    let t = lang.strings();
    let mut out = Vec::new();
    let (a, b) = sides(r.design);
    match &r.effect {
        Ok(e) => out.extend(effect_rows(e, lang)),
        Err(err) => out.push(Row::undefined(
            if matches!(r.design, Design::Paired(_)) { "d_z" } else { t.b_d_and_g },
            err,
            lang,
        )),
    }
    let x = &r.primary;
    let (label, note) = match r.design {
        Design::Paired(g) => {
            (fill(t.b_mean_change, &[("group", g.label())]), t.b_mean_change_note.to_string())
        }
        _ => (fill(t.b_mean_diff, &[("a", a), ("b", b)]), t.b_mean_diff_note.to_string()),
    };
    out.push(Row::new(
        label,
        fill(
            t.b_mean_value,
            &[("m", &rmb(x.mean_diff)), ("lo", &rmb(x.ci95.0)), ("hi", &rmb(x.ci95.1))],
        ),
        note,
    ));
    out
}

fn effect_rows(e: &EffectSize, lang: Lang) -> Vec<Row> {
    let t = lang.strings();
    let df = fixed(e.df, 0);
    let j =
        fill(t.b_j_note, &[("j", &fixed(e.j, 4)), ("df", &df), ("approx", &fixed(e.j_approx, 4))]);
    let value = |sym: &str, v: f64, c: (f64, f64)| {
        fill(t.b_effect_value, &[("sym", sym), ("v", &fixed(v, 2)), ("ci", &ci(c))])
    };
    match e.kind {
        EffectKind::CohensD => vec![
            Row::new(
                t.b_cohen_label,
                value("d", e.d, e.ci_d),
                fill(t.b_cohen_note, &[("df", &df)]),
            ),
            Row::new(t.b_hedges_label, value("g", e.g, e.ci_g), fill(t.b_g_note, &[("j", &j)])),
        ],
        EffectKind::PairedDz => vec![
            Row::new(t.b_dz_label, value("d_z", e.d, e.ci_d), fill(t.b_dz_note, &[("df", &df)])),
            Row::new(t.b_gz_label, value("g_z", e.g, e.ci_g), fill(t.b_gz_note, &[("j", &j)])),
        ],
    }
}

fn influence_view(inf: &Influence, lang: Lang) -> InfluenceView {
    let t = lang.strings();
    let test = match inf.full.kind {
        crate::stats::ttest::TTestKind::Paired => t.b_inf_test_paired,
        _ => t.b_inf_test_student,
    };
    let rows: Vec<InfluenceViewRow> = inf
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| InfluenceViewRow {
            informant: r.informant.clone(),
            group: r.group,
            t: r.t,
            t_text: fixed(r.t, 2),
            p_text: p3(r.p),
            change: if r.delta_t > 0.0 {
                format!("+{}", fixed(r.delta_t, 2))
            } else {
                fixed(r.delta_t, 2)
            },
            most_influential: i == inf.most_influential,
            is_min: i == inf.min_t,
            is_max: i == inf.max_t,
        })
        .collect();
    let at = |i: usize| inf.rows.get(i);
    let text = |i: usize| {
        at(i)
            .map(|r| fill(t.b_without, &[("t", &fixed(r.t, 2)), ("name", &r.informant)]))
            .unwrap_or_default()
    };
    let most = at(inf.most_influential).map(|r| r.informant.clone()).unwrap_or_default();
    let crossing: Vec<String> = inf.crossing(ALPHA).map(|r| r.informant.clone()).collect();
    let verdict = match crossing.split_first() {
        None => t.b_verdict_none.to_string(),
        Some((first, rest)) => {
            let names =
                rest.iter().fold(first.clone(), |acc, x| fill(t.b_or, &[("a", &acc), ("b", x)]));
            fill(
                if crossing.len() == 1 { t.b_verdict_one } else { t.b_verdict_many },
                &[("names", &names)],
            )
        }
    };
    let reading = fill(
        t.b_inf_reading,
        &[
            ("t", &fixed(inf.full.t, 2)),
            ("min", &text(inf.min_t)),
            ("max", &text(inf.max_t)),
            ("most", &most),
            ("verdict", &verdict),
        ],
    );
    let df = inf.full.df - 1.0;
    let critical_t = if df > 0.0 {
        StudentsT::new(0.0, 1.0, df).ok().map(|d| d.inverse_cdf(0.975)).filter(|c| c.is_finite())
    } else {
        None
    };
    InfluenceView {
        test: test.to_string(),
        full_t: inf.full.t,
        rows,
        min_text: text(inf.min_t),
        max_text: text(inf.max_t),
        most_influential: most,
        reading,
        critical_t,
        lang,
    }
}

fn normality_row(n: &NormalityCheck, lang: Lang) -> NormalityRow {
    match &n.result {
        Ok(s) => NormalityRow {
            label: n.label.clone(),
            n: s.n.to_string(),
            w: fixed(s.w, 4),
            p: p3(s.p),
            reading: normality_reading(&n.label, s, lang),
            defined: true,
        },
        Err(e) => NormalityRow {
            label: n.label.clone(),
            n: String::new(),
            w: String::new(),
            p: String::new(),
            reading: e.message(lang),
            defined: false,
        },
    }
}

/// One sentence that never overclaims.
fn normality_reading(label: &str, s: &ShapiroWilk, lang: Lang) -> String {
    let t = lang.strings();
    let n = s.n.to_string();
    let power = if s.n <= SMALL_N {
        fill(t.b_power_small, &[("n", &n)])
    } else {
        fill(t.b_power_large, &[("n", &n)])
    };
    let args = [("p", apa::p_value(s.p)), ("label", label.to_string()), ("power", power)];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(if s.p < ALPHA { t.b_normal_small_p } else { t.b_normal_ok }, &args)
}

fn variances(r: &Robustness, lang: Lang) -> Result<Vec<VarianceRow>, String> {
    let t = lang.strings();
    let (Some(mean), Some(median)) = (&r.levene_mean, &r.levene_median) else {
        return Err(t.b_var_paired.to_string());
    };
    Ok([(mean, t.b_levene_label), (median, t.b_bf_label)]
        .into_iter()
        .map(|(l, label)| variance_row(l, label, lang))
        .collect())
}

fn variance_row(l: &Result<Levene, RobustError>, label: &str, lang: Lang) -> VarianceRow {
    let t = lang.strings();
    match l {
        Ok(l) => {
            let reading = fill(
                if l.p < ALPHA { t.b_var_small_p } else { t.b_var_ok },
                &[("p", &apa::p_value(l.p))],
            );
            VarianceRow {
                label: label.to_string(),
                w: format!("W = {}", fixed(l.w, 3)),
                df: format!("{}, {}", fixed(l.df1, 0), fixed(l.df2, 0)),
                p: p3(l.p),
                reading,
                defined: true,
            }
        }
        Err(e) => VarianceRow {
            label: label.to_string(),
            w: String::new(),
            df: String::new(),
            p: String::new(),
            reading: e.message(lang),
            defined: false,
        },
    }
}

/// Q-Q plot models for the series Shapiro–Wilk tests.
fn qq_charts(points: &[SalaryPoint], design: Design, lang: Lang) -> Vec<Result<QqChart, String>> {
    let series: Vec<(Group, Option<Time>, String)> = match design {
        Design::DiffInDiff => {
            Group::ALL.iter().map(|g| (*g, None, format!("{} T2 \u{2212} T1", g.label()))).collect()
        }
        Design::Between(t) => Group::ALL
            .iter()
            .map(|g| (*g, Some(t), format!("{} {}", g.label(), t.label())))
            .collect(),
        Design::Paired(g) => vec![(g, None, format!("{} T2 \u{2212} T1", g.label()))],
        Design::Descriptive(..) => return vec![Err(RobustError::NoComparison.message(lang))],
    };
    series
        .into_iter()
        .map(|(g, t, label)| qq_chart(points, g, t, label, lang).map_err(|e| e.message(lang)))
        .collect()
}

/// A normal Q-Q plot of one group's values (at least 3, finite); `lang` is the language
/// of its summary.
pub fn qq_chart(
    points: &[SalaryPoint],
    group: Group,
    time: Option<Time>,
    label: String,
    lang: Lang,
) -> Result<QqChart, RobustError> {
    let xs = values(points, group, time);
    let n = xs.len();
    if n < 3 {
        return Err(RobustError::TooFew { needed: 3, got: n });
    }
    if let Some(i) = xs.iter().position(|x| !x.is_finite()) {
        return Err(RobustError::NonFinite { index: i });
    }
    let names: Vec<&str> =
        points.iter().filter(|p| p.group == group).map(|p| p.informant.as_str()).collect();
    let mut pairs: Vec<(f64, &str)> = xs.iter().copied().zip(names).collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mean = xs.iter().sum::<f64>() / n as f64;
    let sd = (xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64).sqrt();
    if !(mean.is_finite() && sd.is_finite()) {
        return Err(RobustError::Overflow);
    }
    let normal = Normal::standard();
    let nf = n as f64;
    let points = pairs
        .into_iter()
        .enumerate()
        .map(|(i, (value, name))| QqPoint {
            informant: name.to_string(),
            theoretical: normal.inverse_cdf((i as f64 + 1.0 - 0.375) / (nf + 0.25)),
            value,
        })
        .collect();
    Ok(QqChart { label, group, points, mean, sd, lang })
}

fn bf_text(bf: f64, lang: Lang) -> String {
    if bf >= 1000.0 {
        grouped(bf, 0, lang.numbers().group)
    } else if bf >= 0.01 {
        fixed(bf, 2)
    } else {
        format!("{bf:.2e}")
    }
}

fn bayes_rows(bayes: &[Result<BayesFactor, RobustError>], lang: Lang) -> Vec<BayesRow> {
    let t = lang.strings();
    PRIOR_CHOICES
        .iter()
        .map(|choice| {
            let found = bayes
                .iter()
                .zip(PRIOR_SCALES)
                .find(|(_, r)| (*r - choice.r).abs() < 1e-12)
                .map(|(b, _)| b);
            let prior = choice.label(t).to_string();
            match found {
                Some(Ok(b)) => {
                    let times = if b.bf10 >= 1.0 {
                        fill(t.b_bf_h1_times, &[("x", &bf_text(b.bf10, lang))])
                    } else {
                        fill(t.b_bf_h0_times, &[("x", &bf_text(1.0 / b.bf10, lang))])
                    };
                    BayesRow {
                        r: choice.r,
                        prior,
                        bf10: bf_text(b.bf10, lang),
                        label: describe(b.bf10, t),
                        reading: times,
                        defined: true,
                    }
                }
                Some(Err(e)) => BayesRow {
                    r: choice.r,
                    prior,
                    bf10: e.message(lang),
                    label: String::new(),
                    reading: String::new(),
                    defined: false,
                },
                None => BayesRow {
                    r: choice.r,
                    prior,
                    bf10: t.b_not_computed.into(),
                    label: String::new(),
                    reading: String::new(),
                    defined: false,
                },
            }
        })
        .collect()
}

/// The sensitivity rows, the paper's factor and the current factor, for the paper's design.
fn sensitivity_rows(
    study: &Study,
    sel: &Selection,
    design: Design,
    lang: Lang,
) -> Result<(Vec<SensitivityRow>, f64, f64), String> {
    if design != Design::DiffInDiff {
        return Err(lang.strings().b_sensitivity_design.to_string());
    }
    let paper = paper_factor(study).map_err(|e| e.message(lang))?;
    let current =
        if sel.discount { sel.totals.checked_factor().map_err(|e| e.message(lang))? } else { 1.0 };
    let mut factors = default_factors(paper);
    if !factors.iter().any(|f| (f - current).abs() < 1e-12) {
        factors.push(current);
        factors.sort_by(f64::total_cmp);
    }
    let rows = discount_sensitivity(&study.table(sel.measure).rows, paper, &factors)
        .map_err(|e| e.message(lang))?;
    Ok((rows, paper, current))
}

fn sensitivity_view(
    rows: &[SensitivityRow],
    paper: f64,
    current: f64,
    sel: &Selection,
    lang: Lang,
) -> SensitivityView {
    let t = lang.strings();
    let rows = rows
        .iter()
        .map(|r| {
            let is_current = (r.factor - current).abs() < 1e-12;
            let mut notes = Vec::new();
            if r.is_paper {
                notes.push(t.b_note_paper);
            }
            if r.factor == 1.0 {
                notes.push(t.b_note_none);
            }
            if is_current {
                notes.push(t.b_note_current);
            }
            SensitivityViewRow {
                factor: r.factor,
                t: r.t,
                p: r.p,
                factor_text: if r.is_paper || !is_grid(r.factor) {
                    fixed(r.factor, 3)
                } else {
                    fixed(r.factor, 2)
                },
                t_text: fixed(r.t, 2),
                p_text: p3(r.p),
                is_paper: r.is_paper,
                is_current,
                note: notes.join(list_sep(lang)),
            }
        })
        .collect();
    SensitivityView {
        rows,
        current,
        paper,
        alpha: ALPHA,
        measure: measure_name(sel, t).to_string(),
        lang,
    }
}

/// Whether a factor is on the 0.05 grid (printed with two decimals).
fn is_grid(f: f64) -> bool {
    ((f * 20.0).round() - f * 20.0).abs() < 1e-9
}
