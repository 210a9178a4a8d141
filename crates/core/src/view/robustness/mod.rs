//! The `#robustness` section's view model: every robustness result of
//! [`crate::stats::robust`] turned into finished display rows, chart models, their text
//! summaries and their data tables, for whatever selection is active.
//!
//! [`robustness_view`] (or [`robustness_view_points`] when the salary points are already
//! computed) runs [`robustness`](crate::stats::robust::robustness), [`summarize`] and, for the paper's design,
//! [`discount_sensitivity`](crate::stats::robust::discount_sensitivity), and never fails: a statistic that cannot be computed for the
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
//! **Terms.** The view words the data analysed through its [`Terms`]
//! ([`Salaries::terms`]): the groups' names as the data writes them (Service and
//! Development, or a reader's own labels), amounts in RMB for the paper's salaries and
//! without a unit for a reader's values, informants or rows. [`robustness_view`] and
//! [`robustness_view_points`] are the paper's; [`robustness_view_staged`] takes either.
//!
//! The view also carries its [`Agreement`]: whether each alternative test reaches the
//! design's own test's side of α, as data, for the first screen's sentence.
//!
//! [`robustness_view_staged`] is the same with a long Monte Carlo permutation test left
//! pending ([`Staged::Pending`]): the caller steps it in slices, showing progress, and
//! [`PendingView::finish`] then gives exactly the view [`robustness_view_points`] would.
//! [`FirstChecks`] splits it the other way: the checks first (their agreement is the
//! first screen's), then [`FirstChecks::complete`] builds the same view around them.
//!
//! Conventions (every definition is labelled on the page, because tools disagree):
//! - t-tests in APA 7 (`t(18.73) = 3.96, p < .001` for Welch), with the exact two-sided p
//!   beside them; exact p-values with three significant digits
//!   ([`crate::view::apa::p_significant`]).
//! - The permutation test shows both one-sided p-values, SciPy's two-sided p (twice the
//!   smaller tail) and the |D| version (labelled), and the number of relabellings
//!   ("all 646,646 relabellings"), or the Monte Carlo count and seed above 5,000,000.
//!   The summary uses SciPy's two-sided p and says so; the histogram's text alternative
//!   gives the observed tail as the one-sided p, beside that two-sided p.
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
//! - ANCOVA (T2 on group with T1 as covariate) is shown for the paper's design, the log
//!   scale (log ratios, geometric-mean changes) for any design with both times; elsewhere
//!   each says why ([`ancova_design_reason`], [`log_design_reason`]).
//! - Amounts of money: the mean difference, the permutation test's observed difference
//!   and the Q-Q plots' values and means are taken from the salary points' amounts, exact
//!   in cents where they are ([`mean_difference`]); ANCOVA's adjusted difference (a
//!   regression coefficient), SDs, SEs, interval bounds and the histogram's bin edges
//!   are doubles.
//! - The discount sensitivity reruns the paper's test (both groups, T2 − T1), so it is
//!   shown for that design only; the current factor (the selection's totals, or 1.00 when
//!   T2 is shown as paid) is added to the grid and marked.

mod agreement;
mod assumptions;
mod bayes;
mod influence;
mod permutation;
mod prepost;
mod rows;
mod sensitivity;
pub mod summary;

pub use agreement::*;
pub use assumptions::*;
pub use bayes::*;
pub use influence::*;
pub use permutation::*;
pub use prepost::*;
pub use rows::*;
pub use sensitivity::*;

use crate::stats::robust::error::RobustError;
use crate::stats::robust::permutation::MonteCarloRun;
use crate::stats::robust::report::{
    checks_deferred, robustness_deferred, Checks, Robustness, RobustnessOptions,
};
use crate::stats::robust::sensitivity::SensitivityRow;
use crate::stats::selection::{
    mean_difference, measure_text, salary_points, Design, Salaries, SalaryPoint, Selection,
};
use crate::study::{Group, Study, Terms};
use crate::text::format::{fixed, grouped};
use crate::text::i18n::{fill, Lang};
use crate::text::money::{Cents, Money};
use crate::view::apa;
use summary::{summarize, ALPHA};

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
    /// ANCOVA (both groups and both times), or why it is not shown.
    pub ancova: Result<PrePostPart, String>,
    /// The log scale (both times), or why it is not shown.
    pub log_scale: Result<PrePostPart, String>,
    /// Whether Welch, the rank test and the permutation test agree with the design's own
    /// test; `None` when there is no test.
    pub agreement: Option<Agreement>,
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
            sensitivity: Err(r.clone()),
            ancova: Err(r.clone()),
            log_scale: Err(r),
            agreement: None,
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
    match robustness_view_staged(Salaries::Paper(study), sel, points, u64::MAX, lang) {
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
    terms: Terms,
    /// The difference of means tested, exact in cents where the points are.
    difference: Option<Cents>,
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
        let PendingView { mut view, report, sensitivity, run, terms, difference } = self;
        let lang = view.lang;
        let report = report.with_permutation(run.finish());
        view.agreement = Some(agreement(&report.checks, ALPHA));
        view.summary = summarize(&report, sensitivity.as_deref(), ALPHA, &terms, lang);
        view.permutation = report
            .checks
            .permutation
            .as_ref()
            .map(|p| permutation_view(p, &report, difference, &terms, lang))
            .map_err(|e| e.message(lang));
        view
    }
}

/// A selection's checks (the design's own test and the alternative tests), computed before
/// the rest of its view: the first screen cites their [`agreement`](FirstChecks::agreement)
/// while the page starts, and [`complete`](FirstChecks::complete) then builds the view
/// around them instead of computing them again.
#[derive(Debug, Clone)]
pub struct FirstChecks {
    sel: Selection,
    checks: Checks,
    /// A Monte Carlo permutation test above `sync_work`, not run yet.
    run: Option<Box<MonteCarloRun>>,
}

impl FirstChecks {
    /// The checks of `sel` on its salary points, with a Monte Carlo permutation test above
    /// `sync_work` left to run as [`robustness_view_staged`] leaves it. `None` where the
    /// view has no agreement: nothing to compare, or the design's own test undefined.
    pub fn new(sel: &Selection, points: &[SalaryPoint], sync_work: u64) -> Option<FirstChecks> {
        let design = sel.design()?;
        let options = RobustnessOptions::default().permutation;
        let (checks, run) = checks_deferred(points, design, &options, sync_work).ok()?;
        Some(FirstChecks { sel: *sel, checks, run })
    }

    /// The selection the checks are of.
    pub fn selection(&self) -> &Selection {
        &self.sel
    }

    /// What [`RobustnessView::agreement`] of the whole view will be.
    pub fn agreement(&self) -> Agreement {
        agreement(&self.checks, ALPHA)
    }

    /// The selection's whole view: [`robustness_view_staged`] with the `sync_work` the
    /// checks were computed with, for the `salaries` and `points` they were computed from
    /// (the caller's to keep the same).
    pub fn complete(self, salaries: Salaries, points: &[SalaryPoint], lang: Lang) -> Staged {
        let FirstChecks { sel, checks, run } = self;
        let design = checks.design;
        let report = Robustness::from_checks(checks, points, &RobustnessOptions::default());
        staged_from_report(salaries, &sel, design, points, report.map(|r| (r, run)), lang)
    }
}

/// The view of the paper's salaries or a reader's own values (each worded in its
/// [`Terms`]), with a Monte Carlo permutation test above `sync_work` left pending (see
/// [`SYNC_PERMUTATION_WORK`]); exact tests and small runs are always done at once. The
/// discount sensitivity is the paper's: for a reader's values it says why it is not
/// defined.
pub fn robustness_view_staged(
    salaries: Salaries,
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
    let report = robustness_deferred(points, design, &RobustnessOptions::default(), sync_work);
    staged_from_report(salaries, sel, design, points, report, lang)
}

/// [`robustness_view_staged`] once the report of `design` is computed (or failed), with
/// its Monte Carlo run left to the caller, if any.
fn staged_from_report(
    salaries: Salaries,
    sel: &Selection,
    design: Design,
    points: &[SalaryPoint],
    report: Result<(Robustness, Option<Box<MonteCarloRun>>), RobustError>,
    lang: Lang,
) -> Staged {
    let terms = salaries.terms();
    let (report, run) = match report {
        Ok(r) => r,
        Err(e) => {
            let mut v = RobustnessView::undefined(&e.message(lang), lang);
            v.design = Some(design);
            v.comparison = comparison(design, sel, &terms, lang);
            // A design without the pre/post analyses says so rather than why its test failed.
            let (ancova, log_scale) = design_reasons(design, &terms, lang);
            if let Some(reason) = ancova {
                v.ancova = Err(reason);
            }
            if let Some(reason) = log_scale {
                v.log_scale = Err(reason);
            }
            return Staged::Ready(Box::new(v));
        }
    };
    // The mean difference the tests compare, as the page shows it: from the points'
    // amounts, exact in cents where they are, rather than from a statistic's double.
    let difference = mean_difference(points, design).and_then(Money::exact);
    let sensitivity = sensitivity_rows(salaries, sel, design, lang);
    let summary = summarize(
        &report,
        sensitivity.as_ref().ok().map(|(rows, _, _)| rows.as_slice()),
        ALPHA,
        &terms,
        lang,
    );
    let view = RobustnessView {
        design: Some(design),
        comparison: comparison(design, sel, &terms, lang),
        summary,
        tests: tests(&report, &terms, lang),
        permutation: report
            .checks
            .permutation
            .as_ref()
            .map(|p| permutation_view(p, &report, difference, &terms, lang))
            .map_err(|e| e.message(lang)),
        effects: effects(&report, difference, &terms, lang),
        influence: report
            .influence
            .as_ref()
            .map(|i| influence_view(i, &terms, lang))
            .map_err(|e| e.message(lang)),
        normality: report.normality.iter().map(|n| normality_row(n, &terms, lang)).collect(),
        variances: variances(&report, &terms, lang),
        qq: qq_charts(points, design, &terms, lang),
        bayes: Ok(bayes_rows(&report.bayes, lang)),
        sensitivity: sensitivity
            .as_ref()
            .map(|(rows, paper, current)| sensitivity_view(rows, *paper, *current, sel, lang))
            .map_err(|e| e.clone()),
        ancova: ancova_part(&report, &terms, lang),
        log_scale: log_part(&report, &terms, lang),
        agreement: Some(agreement(&report.checks, ALPHA)),
        lang,
    };
    match run {
        None => Staged::Ready(Box::new(view)),
        Some(run) => Staged::Pending(Box::new(PendingView {
            view,
            report,
            sensitivity: sensitivity.ok().map(|(rows, _, _)| rows),
            run,
            terms,
            difference,
        })),
    }
}

/// "Service against Development, comparing each informant's quarterly T2 − T1 change (the
/// paper's design)".
fn comparison(design: Design, sel: &Selection, terms: &Terms, lang: Lang) -> String {
    let t = lang.strings();
    let m = measure_text(sel.measure, t);
    let (a, b) = groups(terms);
    match design {
        Design::DiffInDiff => {
            fill(terms.pick(t.b_cmp_did, t.b_cmp_did_own), &[("measure", m), ("a", a), ("b", b)])
        }
        Design::Between(x) => fill(
            terms.pick(t.b_cmp_between, t.b_cmp_between_own),
            &[("measure", m), ("time", x.label()), ("a", a), ("b", b)],
        ),
        Design::Paired(g) => fill(
            terms.pick(t.b_cmp_paired, t.b_cmp_paired_own),
            &[("measure", m), ("group", terms.name(g))],
        ),
        Design::Descriptive(g, x) => {
            fill(t.b_cmp_none, &[("group", terms.name(g)), ("time", x.label())])
        }
    }
}

/// The two groups' names in slot order ("Service", "Development").
fn groups(terms: &Terms) -> (&str, &str) {
    (terms.name(Group::Service), terms.name(Group::Development))
}

/// Names of the two sides of the design: the groups ("Service", "Development") or the
/// times ("T2", "T1").
fn sides(design: Design, terms: &Terms) -> (&str, &str) {
    match design {
        Design::Paired(_) => ("T2", "T1"),
        _ => groups(terms),
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

fn u_text(u: f64) -> String {
    if u.fract() == 0.0 {
        fixed(u, 0)
    } else {
        fixed(u, 1)
    }
}
