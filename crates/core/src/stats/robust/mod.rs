//! Robustness analyses: does the paper's t-test conclusion survive other
//! reasonable ways of analysing the same salaries?
//!
//! Pure Rust, no UI: every function takes plain slices or salary points and returns a
//! `Result` with a [`RobustError`] whose message is written for the reader ("not defined
//! for this selection: …"); nothing panics on input. Each file documents its formulas and
//! the SciPy (or published) reference it matches; the references are pinned in
//! `tests/robustness/`.
//!
//! | Module | Owns |
//! |---|---|
//! | [`rank`] | Mann–Whitney U (exact / tie-corrected normal), Wilcoxon signed-rank |
//! | [`revolving_door`] | every split of n values into k and the rest, one move per step, and their count |
//! | [`split_sums`] | how many of those splits reach each of some sums, counted in two halves (meet in the middle) |
//! | [`permutation`] | exact (revolving-door walk) and seeded Monte Carlo permutation tests, independent and paired; Monte Carlo runs that can be sliced |
//! | [`effect`] | Cohen's d, Hedges' g, d_z with exact non-central-t intervals |
//! | [`noncentral_t`] | the non-central t CDF (AS 243) and its inversion in the non-centrality |
//! | [`shapiro`] | Shapiro–Wilk W and p (Royston's AS R94) |
//! | [`mod@levene`] | Levene and Brown–Forsythe tests of equal variances |
//! | [`bayes`] | JZS Bayes factors and their verbal labels |
//! | [`influence`] | leave-one-out t and p per informant |
//! | [`sensitivity`] | the paper's test over a range of discount factors |
//! | [`mod@ancova`] | T2 on group with T1 as covariate (Vickers & Altman), by ordinary least squares |
//! | [`log_scale`] | Student's or the paired t on log ratios ln(T2/T1), geometric-mean changes |
//! | [`report`] | runs all of the above for a design |
//! | `numeric` | Brent root finding and adaptive Gauss–Kronrod quadrature (crate-internal) |
//! | [`error`] | [`RobustError`] |
//!
//! Welch's test is [`crate::stats::ttest::welch`]; it is reused, not repeated.

pub mod ancova;
pub mod bayes;
pub mod effect;
pub mod error;
pub mod influence;
pub mod levene;
pub mod log_scale;
pub mod noncentral_t;
pub(crate) mod numeric;
pub mod permutation;
pub mod rank;
pub mod report;
pub mod revolving_door;
pub mod sensitivity;
pub mod shapiro;
pub mod split_sums;

pub use ancova::{ancova, ancova_pairs, complete_pairs, Ancova};
pub use bayes::{
    bf10_one_sample, bf10_two_sample, classify, describe, jzs_bf10, BayesFactor, Favours, Strength,
    PRIOR_SCALES, R_MEDIUM, R_NARROW, R_WIDE,
};
pub use effect::{cohens_d, hedges_j, hedges_j_approx, paired_dz, EffectKind, EffectSize};
pub use error::RobustError;
pub use influence::{leave_one_out, Influence, InfluenceRow};
pub use levene::{levene, Center, Levene};
pub use log_scale::{log_scale_between, log_scale_paired, GeometricChange, LogScale};
pub use noncentral_t::{ncp_for_cdf, ncp_interval, nct_cdf};
pub use permutation::{
    permutation_differences, permutation_independent, permutation_paired, plan_differences,
    plan_independent, plan_paired, Histogram, MonteCarloRun, PermutationDesign, PermutationOptions,
    PermutationPlan, PermutationTest, EXACT_LIMIT,
};
pub use rank::{
    mann_whitney, mann_whitney_with, wilcoxon, wilcoxon_differences, MannWhitney, MwuMethod,
    RankMethod, Wilcoxon,
};
pub use report::{robustness, NormalityCheck, RankTest, Robustness, RobustnessOptions};
pub use revolving_door::{binomial, RevolvingDoor};
pub use sensitivity::{default_factors, discount_sensitivity, paper_factor, SensitivityRow};
pub use shapiro::{shapiro_wilk, ShapiroWilk};
