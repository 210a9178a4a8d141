//! Robustness analyses (`core::robust`) against SciPy references, on the paper's data and
//! on synthetic data with ties, plus self-checks of the permutation walk and the edge
//! cases that must be errors rather than panics.
//!
//! **Reference values** come from SciPy 1.17.1 / NumPy 2.4.6; the exact call is in a
//! comment beside each value. The Python arrays are built exactly as the core builds them
//! (`core::dataset::Study` drops the repeated rows, `core::selection::salary_points`
//! rebuilds T2):
//!
//! ```python
//! import json, math, numpy as np
//! from scipy import stats, special, optimize, integrate
//! d = json.load(open('crates/core/data/study.json'))
//! PF = (2280000 / 30000000) / (1970000 / 31000000)   # DiscountTotals::factor, same operation order
//! def rows(m, g):   # first occurrence of each informant, as Study::build
//!     seen, out = set(), []
//!     for r in d['salaries'][m]['extracted_rows'][g]:
//!         if r['informant'] not in seen:
//!             seen.add(r['informant']); out.append((r['t1'], r['t2_printed']))
//!     return out
//! # with discount: t2 = (t2_printed / PF) * PF;  without ("raw"): t2 = t2_printed / PF
//! t1, t2 = np.array(...), np.array(...)          # one group, for the paired design
//! a, b = service (t2 - t1), development (t2 - t1)  # the paper's difference-in-differences design
//! diff_mean = lambda x, y, axis=-1: np.mean(x, axis=axis) - np.mean(y, axis=axis)
//! mean_diff = lambda x, y, axis=-1: np.mean(x - y, axis=axis)
//!
//! def jzs_bf10(t, n_eff, df, r):   # independent check of Rouder et al. (2009) eq. 1, integrating over g directly
//!     f = lambda g: ((1 + n_eff*g)**-0.5 * (1 + t*t/((1 + n_eff*g)*df))**(-(df+1)/2)
//!                    * r/np.sqrt(2*np.pi) * g**-1.5 * np.exp(-r*r/(2*g)))
//!     i = (integrate.quad(f, 0, 1, epsabs=0, epsrel=1e-13, limit=500)[0]
//!          + integrate.quad(f, 1, np.inf, epsabs=0, epsrel=1e-13, limit=500)[0])
//!     return i / (1 + t*t/df)**(-(df+1)/2)
//! ```
//!
//! The exact permutation references enumerate all C(22, 10) = 646 646 splits (about ten
//! seconds each in SciPy). Published Bayes factors are pinned too: pingouin's documented
//! `bayesfactor_ttest(3.5, 20, 20) = 26.743` and `bayesfactor_ttest(3.5, 20) = 17.185`
//! (r = 0.707, "validated against JASP and the BayesFactor R package", pingouin
//! `bayesian.py` docstring and unit tests), and the R BayesFactor package's `ttestBF`
//! output for R's `sleep` data, paired (the example of `?ttestBF`):
//! `[1] Alt., r=0.707 : 17.25888 ±0%`, and one-sample on group 2: `10.71554` (the package's
//! printed output as quoted in public tutorials that run it; R is not available here).
//!
//! Every tolerance is in the constants below.

use std::collections::HashSet;
use study_core::stats::robust::revolving_door::binomial;
use study_core::stats::robust::*;
use study_core::stats::selection::{salary_points, values, Design, SalaryPoint, Selection};
use study_core::stats::ttest;
use study_core::study::{Group, Measure, Study, Terms, Time};
use study_core::text::i18n::Lang;
use study_core::view::robustness::summary::{summarize, ALPHA};

mod ancova;
mod bayes;
mod did;
mod edge_cases;
mod noncentral_t;
mod paired;
mod permutation;
mod report;
mod shapiro;
mod ties;

/// Relative tolerance for statistics (t, U, W, d, BF, …) against SciPy.
const REL_TOL: f64 = 1e-6;
/// Absolute tolerance for p-values; relative ([`REL_TOL`]) below [`TINY_P`].
const P_TOL: f64 = 1e-6;
/// p-values below this are compared relatively.
const TINY_P: f64 = 1e-3;
/// Absolute tolerance for the non-central t CDF against `scipy.stats.nct.cdf`.
const NCT_TOL: f64 = 1e-9;
/// Published Bayes factors are printed to 3 decimals (pingouin) or 7 significant digits (BayesFactor).
const PINGOUIN_TOL: f64 = 5e-4;
const BAYESFACTOR_TOL: f64 = 5e-6;
/// Histogram bins may differ from NumPy's by values lying within rounding of a bin edge.
const HISTOGRAM_SLACK: u64 = 4;
/// Monte Carlo p-values must lie within this many binomial standard errors of the exact p.
const MC_SIGMAS: f64 = 4.0;
/// Largest acceptable relative error estimate of the Bayes factor quadrature.
const QUADRATURE_TOL: f64 = 1e-10;
/// Tolerance for exact identities (a CI symmetric about zero, a closed-form J).
const IDENTITY_TOL: f64 = 1e-9;

fn study() -> Study {
    Study::embedded().expect("the embedded study loads")
}

fn points(measure: Measure, discount: bool) -> Vec<SalaryPoint> {
    let s = study();
    let mut sel = Selection::paper(&s);
    sel.measure = measure;
    sel.discount = discount;
    salary_points(&s, &sel).expect("paper totals are valid")
}

fn did(measure: Measure, discount: bool) -> (Vec<f64>, Vec<f64>) {
    let p = points(measure, discount);
    (values(&p, Group::Service, None), values(&p, Group::Development, None))
}

#[track_caller]
fn close(actual: f64, expected: f64, what: &str) {
    let tol = REL_TOL * expected.abs().max(f64::MIN_POSITIVE);
    assert!((actual - expected).abs() <= tol, "{what}: {actual} vs reference {expected}");
}

#[track_caller]
fn close_p(actual: f64, expected: f64, what: &str) {
    let tol = if expected < TINY_P { REL_TOL * expected } else { P_TOL };
    assert!((actual - expected).abs() <= tol, "{what}: p = {actual} vs reference {expected}");
}
