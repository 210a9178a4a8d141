//! Runs every robustness analysis for the design a selection implies, in one call.
//!
//! | Design | Values | Rank test | Permutation | Effect size | Normality | Variances |
//! |---|---|---|---|---|---|---|
//! | difference-in-differences | T2 − T1 per informant, Service vs Development | Mann–Whitney U | relabel groups | Cohen's d, Hedges' g | each group's differences | Levene, Brown–Forsythe |
//! | between groups at one time | that time's salaries | Mann–Whitney U | relabel groups | Cohen's d, Hedges' g | each group | Levene, Brown–Forsythe |
//! | paired within one group | T1 and T2 of that group | Wilcoxon signed-rank | sign flips | d_z | the differences | — |
//!
//! Beside them: the design's own t-test (Student for two groups, as the paper; paired
//! otherwise), Welch for two groups, JZS Bayes factors for each prior scale, the
//! leave-one-out influence, and the two analyses of a pre/post design: ANCOVA (T2 on group
//! with T1 as covariate; both groups and both times only) and the log scale (Student's t on
//! ln(T2/T1) between the groups, or the paired t on the logs within one group; both times
//! only). The headline t-test must be defined (otherwise the whole
//! report is an error); every other analysis carries its own `Result`, so one undefined
//! statistic (say Shapiro–Wilk with two values) never hides the others.

use crate::stats::robust::ancova::{ancova, Ancova};
use crate::stats::robust::bayes::{bf10_one_sample, bf10_two_sample, BayesFactor, PRIOR_SCALES};
use crate::stats::robust::effect::{cohens_d, paired_dz, EffectSize};
use crate::stats::robust::error::RobustError;
use crate::stats::robust::influence::{leave_one_out, Influence};
use crate::stats::robust::levene::{levene, Center, Levene};
use crate::stats::robust::log_scale::{log_scale_between, log_scale_paired, LogScale};
use crate::stats::robust::permutation::{
    plan_independent, plan_paired, MonteCarloRun, PermutationOptions, PermutationPlan,
    PermutationTest,
};
use crate::stats::robust::rank::{mann_whitney, wilcoxon, MannWhitney, RankMethod, Wilcoxon};
use crate::stats::robust::shapiro::{shapiro_wilk, ShapiroWilk};
use crate::stats::selection::{values, Design, SalaryPoint};
use crate::stats::ttest::{self, TTest};
use crate::study::{Group, Time};

/// Options for [`robustness`].
#[derive(Debug, Clone, PartialEq)]
pub struct RobustnessOptions {
    pub permutation: PermutationOptions,
    /// Cauchy prior scales for the Bayes factors.
    pub prior_scales: Vec<f64>,
}

impl Default for RobustnessOptions {
    fn default() -> Self {
        RobustnessOptions {
            permutation: PermutationOptions::default(),
            prior_scales: PRIOR_SCALES.to_vec(),
        }
    }
}

/// The rank test of the design.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RankTest {
    MannWhitney(MannWhitney),
    Wilcoxon(Wilcoxon),
}

impl RankTest {
    /// Two-sided p.
    pub fn p(&self) -> f64 {
        match self {
            RankTest::MannWhitney(m) => m.p,
            RankTest::Wilcoxon(w) => w.p,
        }
    }

    /// How p was computed.
    pub fn method(&self) -> RankMethod {
        match self {
            RankTest::MannWhitney(m) => m.method,
            RankTest::Wilcoxon(w) => w.method,
        }
    }

    /// The test's name.
    pub fn name(&self) -> &'static str {
        match self {
            RankTest::MannWhitney(_) => "Mann\u{2013}Whitney U test",
            RankTest::Wilcoxon(_) => "Wilcoxon signed-rank test",
        }
    }
}

/// A Shapiro–Wilk test of one series: one group's values at a time, or its T2 − T1
/// changes (`time` is `None`). The views name it (`study::Terms::series`).
#[derive(Debug, Clone, PartialEq)]
pub struct NormalityCheck {
    pub group: Group,
    pub time: Option<Time>,
    pub result: Result<ShapiroWilk, RobustError>,
}

/// The design's own test and the alternative tests of its conclusion (Welch's, the rank
/// test, the permutation test): the part of a [`Robustness`] report that says whether
/// the conclusion holds, which the first screen cites before the rest is computed
/// ([`checks_deferred`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Checks {
    pub design: Design,
    /// The design's own test: Student (two groups, as the paper) or paired.
    pub primary: TTest,
    /// Welch's test (two-group designs only).
    pub welch: Option<Result<TTest, RobustError>>,
    pub rank: Result<RankTest, RobustError>,
    pub permutation: Result<PermutationTest, RobustError>,
}

/// Every robustness analysis for one design: its [`Checks`] and the analyses beside them.
#[derive(Debug, Clone, PartialEq)]
pub struct Robustness {
    /// The design's own test and the alternative tests of its conclusion.
    pub checks: Checks,
    pub effect: Result<EffectSize, RobustError>,
    /// One per prior scale, in the order of [`RobustnessOptions::prior_scales`].
    pub bayes: Vec<Result<BayesFactor, RobustError>>,
    pub normality: Vec<NormalityCheck>,
    /// Levene (mean-centred), two-group designs only.
    pub levene_mean: Option<Result<Levene, RobustError>>,
    /// Brown–Forsythe (median-centred), two-group designs only.
    pub levene_median: Option<Result<Levene, RobustError>>,
    pub influence: Result<Influence, RobustError>,
    /// ANCOVA, the first group − the second at T2 adjusted for T1: `None` unless the design has
    /// both groups and both times (difference-in-differences).
    pub ancova: Option<Result<Ancova, RobustError>>,
    /// The log-scale test: `None` for a design with one time (between groups).
    pub log_scale: Option<Result<LogScale, RobustError>>,
}

/// Runs every analysis for `design` on the salary points of a selection.
pub fn robustness(
    points: &[SalaryPoint],
    design: Design,
    opts: &RobustnessOptions,
) -> Result<Robustness, RobustError> {
    robustness_deferred(points, design, opts, u64::MAX).map(|(r, _)| r)
}

/// [`robustness`], except that a Monte Carlo permutation test whose work (resamples ×
/// values per resample) exceeds `sync_work` is not run: the report's `checks.permutation` is
/// [`RobustError::Running`] and the run is returned, to be stepped and finished by the
/// caller ([`Robustness::with_permutation`] puts its result in). Everything else is
/// computed as usual.
pub fn robustness_deferred(
    points: &[SalaryPoint],
    design: Design,
    opts: &RobustnessOptions,
    sync_work: u64,
) -> Result<(Robustness, Option<Box<MonteCarloRun>>), RobustError> {
    let (checks, deferred) = checks_deferred(points, design, &opts.permutation, sync_work)?;
    Ok((Robustness::from_checks(checks, points, opts)?, deferred))
}

/// The design's own test and the alternative tests alone ([`Checks`]), with a Monte Carlo
/// permutation test above `sync_work` left to the caller as in [`robustness_deferred`],
/// which computes its checks with this.
pub fn checks_deferred(
    points: &[SalaryPoint],
    design: Design,
    opts: &PermutationOptions,
    sync_work: u64,
) -> Result<(Checks, Option<Box<MonteCarloRun>>), RobustError> {
    let mut deferred = None;
    let mut settle =
        |plan: Result<PermutationPlan, RobustError>| -> Result<PermutationTest, RobustError> {
            match plan? {
                PermutationPlan::MonteCarlo(run)
                    if run.resamples().saturating_mul(run.work_per_resample()) > sync_work =>
                {
                    deferred = Some(run);
                    Err(RobustError::Running)
                }
                plan => Ok(plan.finish()),
            }
        };
    let checks = match design {
        Design::Descriptive(..) => return Err(RobustError::NoComparison),
        Design::DiffInDiff | Design::Between(_) => {
            let time = if let Design::Between(t) = design { Some(t) } else { None };
            let (a, b) =
                (values(points, Group::Service, time), values(points, Group::Development, time));
            Checks {
                design,
                primary: ttest::student(&a, &b)?,
                welch: Some(ttest::welch(&a, &b).map_err(RobustError::from)),
                rank: mann_whitney(&a, &b).map(RankTest::MannWhitney),
                permutation: settle(plan_independent(&a, &b, opts)),
            }
        }
        Design::Paired(group) => {
            let (t1, t2) =
                (values(points, group, Some(Time::T1)), values(points, group, Some(Time::T2)));
            Checks {
                design,
                primary: ttest::paired(&t1, &t2)?,
                welch: None,
                rank: wilcoxon(&t1, &t2).map(RankTest::Wilcoxon),
                permutation: settle(plan_paired(&t1, &t2, opts)),
            }
        }
    };
    Ok((checks, deferred))
}

impl Robustness {
    /// The report whose checks are `checks`, computed from the same `points` by
    /// [`checks_deferred`] (with `opts.permutation`): the analyses beside the checks are
    /// computed here, the checks are not computed again. A descriptive design has no
    /// report.
    pub fn from_checks(
        checks: Checks,
        points: &[SalaryPoint],
        opts: &RobustnessOptions,
    ) -> Result<Robustness, RobustError> {
        let t = checks.primary.t;
        let report = match checks.design {
            Design::Descriptive(..) => return Err(RobustError::NoComparison),
            Design::DiffInDiff | Design::Between(_) => {
                let time = if let Design::Between(t) = checks.design { Some(t) } else { None };
                let (s, d) = (Group::Service, Group::Development);
                let (a, b) = (values(points, s, time), values(points, d, time));
                let (n1, n2) = (a.len(), b.len());
                let did = checks.design == Design::DiffInDiff;
                Robustness {
                    effect: cohens_d(&a, &b),
                    bayes: opts
                        .prior_scales
                        .iter()
                        .map(|&r| bf10_two_sample(t, n1, n2, r))
                        .collect(),
                    normality: vec![
                        NormalityCheck { group: s, time, result: shapiro_wilk(&a) },
                        NormalityCheck { group: d, time, result: shapiro_wilk(&b) },
                    ],
                    levene_mean: Some(levene(&[&a, &b], Center::Mean)),
                    levene_median: Some(levene(&[&a, &b], Center::Median)),
                    influence: leave_one_out(points, checks.design),
                    ancova: did.then(|| ancova(points, s, d)),
                    log_scale: did.then(|| log_scale_between(points, s, d)),
                    checks,
                }
            }
            Design::Paired(group) => {
                let (t1, t2) =
                    (values(points, group, Some(Time::T1)), values(points, group, Some(Time::T2)));
                let diffs = values(points, group, None);
                Robustness {
                    effect: paired_dz(&t1, &t2),
                    bayes: opts
                        .prior_scales
                        .iter()
                        .map(|&r| bf10_one_sample(t, t1.len(), r))
                        .collect(),
                    normality: vec![NormalityCheck {
                        group,
                        time: None,
                        result: shapiro_wilk(&diffs),
                    }],
                    levene_mean: None,
                    levene_median: None,
                    influence: leave_one_out(points, checks.design),
                    ancova: None,
                    log_scale: Some(log_scale_paired(points, group)),
                    checks,
                }
            }
        };
        Ok(report)
    }

    /// Puts a finished permutation test in (after a deferred Monte Carlo run).
    pub fn with_permutation(mut self, test: PermutationTest) -> Robustness {
        self.checks.permutation = Ok(test);
        self
    }
}
