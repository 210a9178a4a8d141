//! The `#robustness` section's view model: every robustness result of
//! [`crate::core::robust`] turned into finished display rows, chart models, their text
//! summaries and their data tables, for whatever selection is active.
//!
//! [`robustness_view`] (or [`robustness_view_points`] when the salary points are already
//! computed) runs [`robustness`], [`summarize`] and, for the paper's design,
//! [`discount_sensitivity`], and never fails: a statistic that cannot be computed for the
//! selection becomes a row or a part that reads "not defined for this selection: …" (the
//! core's own error text), never a panic. Views render these strings; charts receive the
//! numbers in the chart models and draw nothing they compute themselves.
//!
//! Conventions (every definition is labelled on the page, because tools disagree):
//! - t-tests in APA 7 (`t(18.73) = 3.96, p < .001` for Welch), with the exact two-sided p
//!   beside them; exact p-values with three significant digits
//!   ([`crate::core::apa::p_significant`]).
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

use crate::core::apa;
use crate::core::dataset::{Group, Study, Time};
use crate::core::format::{fixed, grouped, rmb};
use crate::core::robust::bayes::{describe, BayesFactor, PRIOR_SCALES, R_MEDIUM, R_NARROW, R_WIDE};
use crate::core::robust::effect::{EffectKind, EffectSize};
use crate::core::robust::error::RobustError;
use crate::core::robust::influence::Influence;
use crate::core::robust::levene::Levene;
use crate::core::robust::permutation::{PermutationDesign, PermutationTest};
use crate::core::robust::rank::RankMethod;
use crate::core::robust::report::{robustness, NormalityCheck, RankTest, Robustness, RobustnessOptions};
use crate::core::robust::sensitivity::{default_factors, discount_sensitivity, paper_factor, SensitivityRow};
use crate::core::robust::shapiro::ShapiroWilk;
use crate::core::robust::summary::{summarize, ALPHA};
use crate::core::selection::{salary_points, values, Design, SalaryPoint, Selection};
use crate::core::stats::TTest;
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// Groups above this size are not "small" for the normality reading.
const SMALL_N: usize = 30;

/// Keeps the Bayes factor's verbal label apart from the paper's "anecdotal evidence".
pub const BAYES_LABEL_NOTE: &str = "The label grades only the size of the Bayes factor (Lee and Wagenmakers' convention). \
It is a different thing from the paper's own remark that its design can present only anecdotal evidence: that is about the study \
(a few informants in one company), and no reanalysis of the same numbers changes it.";

/// Why the discount sensitivity is shown only for the paper's design.
pub const SENSITIVITY_DESIGN: &str = "not defined for this selection: the discount sensitivity reruns the paper's test \
(Service against Development on the T2 \u{2212} T1 changes), so select both groups and both timepoints";

/// One prior scale the reader can choose for the Bayes factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriorChoice {
    /// The `<option>` value ("0.5", "0.707", "1").
    pub key: &'static str,
    /// What the option says.
    pub label: &'static str,
    pub r: f64,
}

/// The three prior scales, in the order of [`PRIOR_SCALES`]; [`DEFAULT_PRIOR`] is the default.
pub const PRIOR_CHOICES: [PriorChoice; 3] = [
    PriorChoice { key: "0.5", label: "r = 0.5 (narrow)", r: R_NARROW },
    PriorChoice { key: "0.707", label: "r = \u{221a}2/2 \u{2248} 0.707 (medium, the usual default)", r: R_MEDIUM },
    PriorChoice { key: "1", label: "r = 1 (wide)", r: R_WIDE },
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

    fn undefined(label: impl Into<String>, reason: &RobustError) -> Row {
        Row { label: label.into(), value: reason.to_string(), note: String::new(), defined: false }
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
    summary: String,
}

impl HistogramChart {
    /// The text alternative.
    pub fn summary(&self) -> String {
        self.summary.clone()
    }

    /// Data table: one row per bin.
    pub fn table(&self) -> Vec<[String; 2]> {
        self.bins.iter().map(|(lo, hi, n)| [format!("{} to {}", rmb(*lo), rmb(*hi)), grouped(*n as f64, 0, ',')]).collect()
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
}

impl InfluenceView {
    /// The chart's text alternative.
    pub fn summary(&self) -> String {
        let crit = self.critical_t.map(|c| format!(" The dashed line marks t = {}, the value p = .05 needs with one informant fewer.", fixed(c, 2))).unwrap_or_default();
        format!(
            "{} with each informant left out in turn, one dot per informant; the solid line marks t = {} with everyone. t ranges from {} to {}; {} moves it most.{crit}",
            self.test,
            fixed(self.full_t, 2),
            self.min_text,
            self.max_text,
            self.most_influential
        )
    }

    /// Data table rows: informant, group, t without them.
    pub fn table(&self) -> Vec<[String; 3]> {
        self.rows.iter().map(|r| [r.informant.clone(), r.group.label().to_string(), r.t_text.clone()]).collect()
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
            .map(|p| format!(" The point farthest from the line is {} ({} RMB).", p.informant, rmb(p.value)))
            .unwrap_or_default();
        format!(
            "Normal Q-Q plot of {} ({} values): each value against the normal quantile for its rank. Values from a normal distribution would lie near the line (mean {} RMB, SD {} RMB).{far}",
            self.label,
            self.points.len(),
            rmb(self.mean),
            rmb(self.sd)
        )
    }

    /// Data table rows: informant, theoretical quantile, value.
    pub fn table(&self) -> Vec<[String; 3]> {
        self.points.iter().map(|p| [p.informant.clone(), fixed(p.theoretical, 3), rmb(p.value)]).collect()
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
}

impl SensitivityView {
    /// The chart's text alternative.
    pub fn summary(&self) -> String {
        let t_lo = self.rows.iter().map(|r| r.t).fold(f64::INFINITY, f64::min);
        let t_hi = self.rows.iter().map(|r| r.t).fold(f64::NEG_INFINITY, f64::max);
        let p_hi = self.rows.iter().map(|r| r.p).fold(0.0, f64::max);
        let f_lo = self.rows.first().map(|r| r.factor).unwrap_or(f64::NAN);
        let f_hi = self.rows.last().map(|r| r.factor).unwrap_or(f64::NAN);
        let current = self.rows.iter().find(|r| r.is_current).map(|r| format!(" The current factor, {}, gives t = {} and p = {}.", r.factor_text, r.t_text, r.p_text)).unwrap_or_default();
        format!(
            "The paper's t-test on the {} T2 \u{2212} T1 differences for discount factors from {} to {} (1.00 = T2 as originally paid, {} = the paper's factor): t (top) runs from {} to {}, and p (bottom, log scale, dashed line at .05) is at most {}.{current}",
            self.measure,
            fixed(f_lo, 2),
            fixed(f_hi, 2),
            fixed(self.paper, 3),
            fixed(t_lo, 2),
            fixed(t_hi, 2),
            apa::p_significant(p_hi)
        )
    }

    /// Data table rows: factor, t, p, note.
    pub fn table(&self) -> Vec<[String; 4]> {
        self.rows.iter().map(|r| [r.factor_text.clone(), r.t_text.clone(), r.p_text.clone(), r.note.clone()]).collect()
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
}

impl RobustnessView {
    /// A view in which every part says why it is not defined.
    pub fn undefined(reason: &str) -> RobustnessView {
        let r = reason.to_string();
        RobustnessView {
            design: None,
            comparison: "Nothing is compared for this selection.".to_string(),
            summary: vec![r.clone()],
            tests: vec![Row { label: "Tests".into(), value: r.clone(), note: String::new(), defined: false }],
            permutation: Err(r.clone()),
            effects: vec![Row { label: "Effect sizes".into(), value: r.clone(), note: String::new(), defined: false }],
            influence: Err(r.clone()),
            normality: vec![NormalityRow { label: "Shapiro\u{2013}Wilk".into(), n: String::new(), w: String::new(), p: String::new(), reading: r.clone(), defined: false }],
            variances: Err(r.clone()),
            qq: vec![Err(r.clone())],
            bayes: Err(r.clone()),
            sensitivity: Err(r),
        }
    }

    /// The Bayes row for [`PRIOR_CHOICES`]`[index]`.
    pub fn bayes_row(&self, index: usize) -> Result<BayesRow, String> {
        match &self.bayes {
            Ok(rows) => rows.get(index).cloned().ok_or_else(|| "no such prior scale".to_string()),
            Err(e) => Err(e.clone()),
        }
    }
}

/// The view for a selection, computing its salary points from the study.
pub fn robustness_view(study: &Study, sel: &Selection) -> RobustnessView {
    match salary_points(study, sel) {
        Ok(points) => robustness_view_points(study, sel, &points),
        Err(e) => RobustnessView::undefined(&e.to_string()),
    }
}

/// The view for a selection whose salary points are already computed.
pub fn robustness_view_points(study: &Study, sel: &Selection, points: &[SalaryPoint]) -> RobustnessView {
    let Some(design) = sel.design() else {
        return RobustnessView::undefined(&RobustError::NoComparison.to_string());
    };
    let report = match robustness(points, design, &RobustnessOptions::default()) {
        Ok(r) => r,
        Err(e) => {
            let mut v = RobustnessView::undefined(&e.to_string());
            v.design = Some(design);
            v.comparison = comparison(design, sel);
            return v;
        }
    };
    let sensitivity = sensitivity_rows(study, sel, design);
    let summary = summarize(&report, sensitivity.as_ref().ok().map(|(rows, _, _)| rows.as_slice()), ALPHA);
    RobustnessView {
        design: Some(design),
        comparison: comparison(design, sel),
        summary,
        tests: tests(&report),
        permutation: report.permutation.as_ref().map(|p| permutation_view(p, &report)).map_err(|e| e.to_string()),
        effects: effects(&report),
        influence: report.influence.as_ref().map(influence_view).map_err(|e| e.to_string()),
        normality: report.normality.iter().map(normality_row).collect(),
        variances: variances(&report),
        qq: qq_charts(points, design),
        bayes: Ok(bayes_rows(&report.bayes)),
        sensitivity: sensitivity.map(|(rows, paper, current)| sensitivity_view(&rows, paper, current, sel)),
    }
}

/// "Service vs Development, comparing each informant's T2 − T1 change (the paper's design)".
fn comparison(design: Design, sel: &Selection) -> String {
    let m = sel.measure.label();
    match design {
        Design::DiffInDiff => format!("Service against Development, comparing each informant's {m} T2 \u{2212} T1 change (the paper's design)."),
        Design::Between(t) => format!("Service against Development, comparing {m} salaries at {}.", t.label()),
        Design::Paired(g) => format!("{} only, comparing each informant's {m} salary at T2 with their own at T1 (paired).", g.label()),
        Design::Descriptive(g, t) => format!("Only {} at {} is selected, so nothing is compared.", g.label(), t.label()),
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

fn count_text(n: u64) -> String {
    grouped(n as f64, 0, ',')
}

fn u_text(u: f64) -> String {
    if u.fract() == 0.0 {
        fixed(u, 0)
    } else {
        fixed(u, 1)
    }
}

fn t_row(label: &str, t: &TTest, note: &str) -> Row {
    Row::new(label, apa::t_test(t), format!("two-sided p = {}; {note}", p3(t.p)))
}

fn tests(r: &Robustness) -> Vec<Row> {
    let mut out = Vec::new();
    match r.design {
        Design::Paired(_) => out.push(t_row("Paired t-test", &r.primary, "assumes the T2 \u{2212} T1 changes are roughly normal")),
        Design::DiffInDiff => out.push(t_row("Student's t-test (pooled variance; the paper's test)", &r.primary, "assumes normal values with equal spread in both groups")),
        _ => out.push(t_row("Student's t-test (pooled variance)", &r.primary, "assumes normal values with equal spread in both groups")),
    }
    if let Some(w) = &r.welch {
        let label = "Welch's t-test (unequal variances)";
        out.push(match w {
            Ok(t) => t_row(label, t, "does not assume equal spread; degrees of freedom by Welch\u{2013}Satterthwaite"),
            Err(e) => Row::undefined(label, e),
        });
    }
    let rank_label = match r.design {
        Design::Paired(_) => "Wilcoxon signed-rank test",
        _ => "Mann\u{2013}Whitney U test",
    };
    out.push(match &r.rank {
        Ok(RankTest::MannWhitney(m)) => {
            let method = match m.method {
                RankMethod::Exact => "exact distribution of U; there are no ties".to_string(),
                _ => format!("normal approximation with tie and continuity corrections{}", m.z.map(|z| format!(", z = {}", fixed(z, 2))).unwrap_or_default()),
            };
            Row::new(
                format!("{rank_label} (ranks)"),
                format!("U = {}, {}", u_text(m.u1), apa::p_value(m.p)),
                format!(
                    "two-sided p = {} ({method}); U counts the {} \u{d7} {} = {} Service\u{2013}Development pairs in which Service is larger (ties count \u{bd})",
                    p3(m.p),
                    m.n1,
                    m.n2,
                    m.n1 * m.n2
                ),
            )
        }
        Ok(RankTest::Wilcoxon(w)) => {
            let method = match w.method {
                RankMethod::Exact => "exact distribution".to_string(),
                RankMethod::ExactConditional => "exact, conditional on the tied ranks".to_string(),
                RankMethod::Asymptotic => format!("normal approximation with tie correction{}", w.z.map(|z| format!(", z = {}", fixed(z, 2))).unwrap_or_default()),
            };
            let zeros = if w.zeros > 0 { format!("; {} zero change{} dropped first, as SciPy and R do", w.zeros, if w.zeros == 1 { "" } else { "s" }) } else { String::new() };
            Row::new(
                format!("{rank_label} (ranks)"),
                format!("T = {}, {}", u_text(w.statistic), apa::p_value(w.p)),
                format!("two-sided p = {} ({method}); T = min(R\u{207a}, R\u{207b}) with R\u{207a} = {} and R\u{207b} = {}, the rank sums of the rises and falls{zeros}", p3(w.p), u_text(w.r_plus), u_text(w.r_minus)),
            )
        }
        Err(e) => Row::undefined(rank_label, e),
    });
    out
}

fn permutation_view(p: &PermutationTest, r: &Robustness) -> PermutationView {
    let (n1, n2) = (r.primary.a.n, r.primary.b.n);
    let what = match r.design {
        Design::DiffInDiff => "T2 \u{2212} T1 changes",
        Design::Between(Time::T1) => "T1 salaries",
        Design::Between(Time::T2) => "T2 salaries",
        _ => "changes",
    };
    let count = count_text(p.count);
    let unit = match p.design {
        PermutationDesign::Independent => "relabellings",
        PermutationDesign::PairedSignFlip => "sign patterns",
    };
    let method = match (p.design, p.exact) {
        (PermutationDesign::Independent, true) => format!(
            "Exact: all {count} relabellings of the {} {what} into groups of {n1} (Service) and {n2} (Development), each visited once.",
            n1 + n2
        ),
        (PermutationDesign::PairedSignFlip, true) => {
            format!("Exact: all {count} sign patterns of the {n1} T2 \u{2212} T1 changes (if nothing changed, each change was as likely to be a rise as a fall), each visited once.")
        }
        (_, false) => format!(
            "Monte Carlo: {count} random {unit} with seed {} (there are more than {} in all); p = (b + 1)/(m + 1), counting the observed labelling once.",
            p.seed.map(|s| s.to_string()).unwrap_or_else(|| "\u{2014}".into()),
            count_text(crate::core::robust::permutation::EXACT_LIMIT)
        ),
    };
    let (statistic, axis) = match r.design {
        Design::Paired(g) => (format!("mean T2 \u{2212} T1 change in {}", g.label()), format!("mean T2 \u{2212} T1 change, {} (RMB)", g.label())),
        Design::DiffInDiff => ("difference in mean T2 \u{2212} T1 change, Service \u{2212} Development".to_string(), "Service \u{2212} Development, mean T2 \u{2212} T1 change (RMB)".to_string()),
        _ => ("difference in mean salary, Service \u{2212} Development".to_string(), "Service \u{2212} Development, mean salary (RMB)".to_string()),
    };
    let observed = format!("{statistic} = {} RMB", rmb(p.observed));
    let of = |prob: f64| -> String {
        if p.exact {
            let k = ((prob * p.count as f64).round() as u64).min(p.count);
            format!("{} of {count} {unit}", count_text(k))
        } else {
            format!("estimated from {count} resamples, (b + 1)/(m + 1)")
        }
    };
    let rows = vec![
        PRow { label: "one-sided, greater: P(D \u{2265} observed)".into(), p: p3(p.p_greater), count: of(p.p_greater) },
        PRow { label: "one-sided, less: P(D \u{2264} observed)".into(), p: p3(p.p_less), count: of(p.p_less) },
        PRow { label: "two-sided, SciPy's definition: twice the smaller one-sided p".into(), p: p3(p.p_two_sided), count: of(p.p_two_sided) },
        PRow { label: "two-sided, |D| \u{2265} |observed| (distance from 0 either way)".into(), p: p3(p.p_two_sided_abs), count: of(p.p_two_sided_abs) },
    ];
    let two_sided_note = "The summary and the comparison with the other tests use SciPy's two-sided p (twice the smaller tail). \
The |D| version counts relabellings at least as far from zero in either direction; the two differ when the permutation distribution is not symmetric."
        .to_string();
    let h = &p.histogram;
    let w = h.bin_width();
    let bins: Vec<(f64, f64, u64)> = h.counts.iter().enumerate().map(|(i, c)| (h.lo + w * i as f64, h.lo + w * (i + 1) as f64, *c)).collect();
    let (tail_p, tail_word) = if p.observed >= 0.0 { (p.p_greater, "at least as large") } else { (p.p_less, "at least as small") };
    let tail = if p.exact {
        format!("{} ({}) give a value {tail_word}", of(tail_p).replace(&format!(" {unit}"), ""), p3(tail_p))
    } else {
        format!("an estimated proportion {} gives a value {tail_word}", p3(tail_p))
    };
    let over = if p.exact { format!("all {count} {unit}") } else { format!("{count} random {unit} (seed {})", p.seed.unwrap_or_default()) };
    let summary = format!("Histogram of the {statistic} over {over}. The observed value, {} RMB, is marked with a line; {tail}.", rmb(p.observed));
    PermutationView {
        exact: p.exact,
        count,
        method,
        observed,
        rows,
        two_sided_note,
        chart: HistogramChart { bins, observed: p.observed, total: p.count, exact: p.exact, axis, summary },
    }
}

fn ci(x: (f64, f64)) -> String {
    format!("[{}, {}]", fixed(x.0, 2), fixed(x.1, 2))
}

fn effects(r: &Robustness) -> Vec<Row> {
    let mut out = Vec::new();
    let (a, b) = sides(r.design);
    match &r.effect {
        Ok(e) => out.extend(effect_rows(e)),
        Err(err) => out.push(Row::undefined(if matches!(r.design, Design::Paired(_)) { "d_z" } else { "Cohen's d and Hedges' g" }, err)),
    }
    let t = &r.primary;
    let (label, note) = match r.design {
        Design::Paired(g) => (format!("Mean change, {} (T2 \u{2212} T1)", g.label()), "in RMB; the 95% CI is from the paired t-test".to_string()),
        _ => (format!("Mean difference ({a} \u{2212} {b})"), "in RMB; the 95% CI is from Student's t-test (pooled variance)".to_string()),
    };
    out.push(Row::new(label, format!("{} RMB, 95% CI [{}, {}]", rmb(t.mean_diff), rmb(t.ci95.0), rmb(t.ci95.1)), note));
    out
}

fn effect_rows(e: &EffectSize) -> Vec<Row> {
    let df = fixed(e.df, 0);
    let j = format!(
        "J = \u{393}(df/2) / (\u{221a}(df/2)\u{b7}\u{393}((df \u{2212} 1)/2)) = {} with df = {df} (the common approximation 1 \u{2212} 3/(4df \u{2212} 1) gives {}); its CI is d's CI times J",
        fixed(e.j, 4),
        fixed(e.j_approx, 4)
    );
    match e.kind {
        EffectKind::CohensD => vec![
            Row::new(
                "Cohen's d (pooled SD)",
                format!("d = {}, 95% CI {}", fixed(e.d, 2), ci(e.ci_d)),
                format!("the difference in means divided by the pooled standard deviation; the interval inverts the non-central t distribution (df = {df})"),
            ),
            Row::new("Hedges' g (exact small-sample correction)", format!("g = {}, 95% CI {}", fixed(e.g, 2), ci(e.ci_g)), format!("g = d \u{d7} J, {j}")),
        ],
        EffectKind::PairedDz => vec![
            Row::new(
                "d_z (paired)",
                format!("d_z = {}, 95% CI {}", fixed(e.d, 2), ci(e.ci_d)),
                format!("the mean T2 \u{2212} T1 change divided by the SD of the changes (t/\u{221a}n); the interval inverts the non-central t distribution (df = {df})"),
            ),
            Row::new("g_z (d_z with the small-sample correction)", format!("g_z = {}, 95% CI {}", fixed(e.g, 2), ci(e.ci_g)), format!("g_z = d_z \u{d7} J, {j}")),
        ],
    }
}

fn influence_view(inf: &Influence) -> InfluenceView {
    let test = match inf.full.kind {
        crate::core::stats::TTestKind::Paired => "The paired t",
        _ => "Student's t (pooled variance)",
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
            change: if r.delta_t > 0.0 { format!("+{}", fixed(r.delta_t, 2)) } else { fixed(r.delta_t, 2) },
            most_influential: i == inf.most_influential,
            is_min: i == inf.min_t,
            is_max: i == inf.max_t,
        })
        .collect();
    let at = |i: usize| inf.rows.get(i);
    let text = |i: usize| at(i).map(|r| format!("{} (without {})", fixed(r.t, 2), r.informant)).unwrap_or_default();
    let most = at(inf.most_influential).map(|r| r.informant.clone()).unwrap_or_default();
    let crossing: Vec<String> = inf.crossing(ALPHA).map(|r| r.informant.clone()).collect();
    let verdict = if crossing.is_empty() {
        "Removing any single informant leaves the result on the same side of p = .05.".to_string()
    } else {
        format!("Removing {} would move p across .05, so the result leans on {}.", crossing.join(" or "), if crossing.len() == 1 { "one person" } else { "single people" })
    };
    let reading = format!("With everyone, t = {}. Leaving one informant out at a time, t runs from {} to {}; {most} moves it most. {verdict}", fixed(inf.full.t, 2), text(inf.min_t), text(inf.max_t));
    let df = inf.full.df - 1.0;
    let critical_t = if df > 0.0 { StudentsT::new(0.0, 1.0, df).ok().map(|d| d.inverse_cdf(0.975)).filter(|c| c.is_finite()) } else { None };
    InfluenceView { test: test.to_string(), full_t: inf.full.t, rows, min_text: text(inf.min_t), max_text: text(inf.max_t), most_influential: most, reading, critical_t }
}

fn normality_row(n: &NormalityCheck) -> NormalityRow {
    match &n.result {
        Ok(s) => NormalityRow { label: n.label.clone(), n: s.n.to_string(), w: fixed(s.w, 4), p: p3(s.p), reading: normality_reading(&n.label, s), defined: true },
        Err(e) => NormalityRow { label: n.label.clone(), n: String::new(), w: String::new(), p: String::new(), reading: e.to_string(), defined: false },
    }
}

/// One sentence that never overclaims.
fn normality_reading(label: &str, s: &ShapiroWilk) -> String {
    let power = if s.n <= SMALL_N {
        format!("with n = {} the test has little power either way", s.n)
    } else {
        format!("with n = {} even a small, harmless departure can give a small p", s.n)
    };
    if s.p < ALPHA {
        format!("A small p ({}) suggests the values of {label} are not normally distributed; {power}.", apa::p_value(s.p))
    } else {
        format!("No clear sign that the values of {label} are not normal ({}); {power}, so this does not show that they are normal.", apa::p_value(s.p))
    }
}

fn variances(r: &Robustness) -> Result<Vec<VarianceRow>, String> {
    let (Some(mean), Some(median)) = (&r.levene_mean, &r.levene_median) else {
        return Err("Not applicable to a paired design: it compares each informant with themself, so there are no two groups' spreads to compare.".to_string());
    };
    Ok([(mean, "Levene's test (mean-centred)"), (median, "Brown\u{2013}Forsythe test (median-centred)")].into_iter().map(|(l, label)| variance_row(l, label)).collect())
}

fn variance_row(l: &Result<Levene, RobustError>, label: &str) -> VarianceRow {
    match l {
        Ok(l) => {
            let reading = if l.p < ALPHA {
                format!("A small p ({}) suggests the two groups' spreads differ; Welch's test, which allows for that, is shown above.", apa::p_value(l.p))
            } else {
                format!("No clear sign that the spreads differ ({}); with groups this small the test can easily miss a difference.", apa::p_value(l.p))
            };
            VarianceRow { label: label.to_string(), w: format!("W = {}", fixed(l.w, 3)), df: format!("{}, {}", fixed(l.df1, 0), fixed(l.df2, 0)), p: p3(l.p), reading, defined: true }
        }
        Err(e) => VarianceRow { label: label.to_string(), w: String::new(), df: String::new(), p: String::new(), reading: e.to_string(), defined: false },
    }
}

/// Q-Q plot models for the series Shapiro–Wilk tests.
fn qq_charts(points: &[SalaryPoint], design: Design) -> Vec<Result<QqChart, String>> {
    let series: Vec<(Group, Option<Time>, String)> = match design {
        Design::DiffInDiff => Group::ALL.iter().map(|g| (*g, None, format!("{} T2 \u{2212} T1", g.label()))).collect(),
        Design::Between(t) => Group::ALL.iter().map(|g| (*g, Some(t), format!("{} {}", g.label(), t.label()))).collect(),
        Design::Paired(g) => vec![(g, None, format!("{} T2 \u{2212} T1", g.label()))],
        Design::Descriptive(..) => return vec![Err(RobustError::NoComparison.to_string())],
    };
    series.into_iter().map(|(g, t, label)| qq_chart(points, g, t, label).map_err(|e| e.to_string())).collect()
}

/// A normal Q-Q plot of one group's values (at least 3, finite).
pub fn qq_chart(points: &[SalaryPoint], group: Group, time: Option<Time>, label: String) -> Result<QqChart, RobustError> {
    let xs = values(points, group, time);
    let n = xs.len();
    if n < 3 {
        return Err(RobustError::TooFew { needed: 3, got: n });
    }
    if let Some(i) = xs.iter().position(|x| !x.is_finite()) {
        return Err(RobustError::NonFinite { index: i });
    }
    let names: Vec<&str> = points.iter().filter(|p| p.group == group).map(|p| p.informant.as_str()).collect();
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
        .map(|(i, (value, name))| QqPoint { informant: name.to_string(), theoretical: normal.inverse_cdf((i as f64 + 1.0 - 0.375) / (nf + 0.25)), value })
        .collect();
    Ok(QqChart { label, group, points, mean, sd })
}

fn bf_text(bf: f64) -> String {
    if bf >= 1000.0 {
        grouped(bf, 0, ',')
    } else if bf >= 0.01 {
        fixed(bf, 2)
    } else {
        format!("{bf:.2e}")
    }
}

fn bayes_rows(bayes: &[Result<BayesFactor, RobustError>]) -> Vec<BayesRow> {
    PRIOR_CHOICES
        .iter()
        .map(|choice| {
            let found = bayes.iter().zip(PRIOR_SCALES).find(|(_, r)| (*r - choice.r).abs() < 1e-12).map(|(b, _)| b);
            match found {
                Some(Ok(b)) => {
                    let times = if b.bf10 >= 1.0 {
                        format!("The data are about {} times as likely if there is a difference (H\u{2081}) as if there is none (H\u{2080}), with this prior on the size of the difference.", bf_text(b.bf10))
                    } else {
                        format!("The data are about {} times as likely if there is no difference (H\u{2080}) as if there is one (H\u{2081}), with this prior on the size of the difference.", bf_text(1.0 / b.bf10))
                    };
                    BayesRow { r: choice.r, prior: choice.label.to_string(), bf10: bf_text(b.bf10), label: describe(b.bf10), reading: times, defined: true }
                }
                Some(Err(e)) => BayesRow { r: choice.r, prior: choice.label.to_string(), bf10: e.to_string(), label: String::new(), reading: String::new(), defined: false },
                None => BayesRow { r: choice.r, prior: choice.label.to_string(), bf10: "not computed".into(), label: String::new(), reading: String::new(), defined: false },
            }
        })
        .collect()
}

/// The sensitivity rows, the paper's factor and the current factor, for the paper's design.
fn sensitivity_rows(study: &Study, sel: &Selection, design: Design) -> Result<(Vec<SensitivityRow>, f64, f64), String> {
    if design != Design::DiffInDiff {
        return Err(SENSITIVITY_DESIGN.to_string());
    }
    let paper = paper_factor(study).map_err(|e| e.to_string())?;
    let current = if sel.discount { sel.totals.checked_factor().map_err(|e| e.to_string())? } else { 1.0 };
    let mut factors = default_factors(paper);
    if !factors.iter().any(|f| (f - current).abs() < 1e-12) {
        factors.push(current);
        factors.sort_by(f64::total_cmp);
    }
    let rows = discount_sensitivity(&study.table(sel.measure).rows, paper, &factors).map_err(|e| e.to_string())?;
    Ok((rows, paper, current))
}

fn sensitivity_view(rows: &[SensitivityRow], paper: f64, current: f64, sel: &Selection) -> SensitivityView {
    let rows = rows
        .iter()
        .map(|r| {
            let is_current = (r.factor - current).abs() < 1e-12;
            let mut notes = Vec::new();
            if r.is_paper {
                notes.push("the paper's factor");
            }
            if r.factor == 1.0 {
                notes.push("no discount");
            }
            if is_current {
                notes.push("current");
            }
            SensitivityViewRow {
                factor: r.factor,
                t: r.t,
                p: r.p,
                factor_text: if r.is_paper || !is_grid(r.factor) { fixed(r.factor, 3) } else { fixed(r.factor, 2) },
                t_text: fixed(r.t, 2),
                p_text: p3(r.p),
                is_paper: r.is_paper,
                is_current,
                note: notes.join(", "),
            }
        })
        .collect();
    SensitivityView { rows, current, paper, alpha: ALPHA, measure: sel.measure.label().to_string() }
}

/// Whether a factor is on the 0.05 grid (printed with two decimals).
fn is_grid(f: f64) -> bool {
    ((f * 20.0).round() - f * 20.0).abs() < 1e-9
}
