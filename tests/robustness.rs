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
use study_core::study::{Group, Measure, Study, Time};
use study_core::text::i18n::Lang;
use study_core::view::robustness::summary::{summarize, ALPHA};

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

// ---------------------------------------------------------------------------------------
// The paper's difference-in-differences design (Service vs Development, T2 − T1).
// ---------------------------------------------------------------------------------------

struct DidRef {
    measure: Measure,
    discount: bool,
    t: f64,
    mwu_u1: f64,
    mwu_p: f64,
    mwu_exact: bool,
    mwu_asymptotic_p: f64,
    perm_observed: f64,
    perm_two_sided: f64,
    perm_greater: f64,
    /// (#D ≥ obs, #D ≤ obs, #|D| ≥ |obs|) out of 646 646.
    perm_counts: (u64, u64, u64),
    d: f64,
    g: f64,
    d_ci: (f64, f64),
    shapiro_service: (f64, f64),
    shapiro_development: (f64, f64),
    levene_mean: (f64, f64),
    levene_median: (f64, f64),
    bf10: [f64; 3],
}

const DID: [DidRef; 4] = [
    DidRef {
        measure: Measure::Quarterly,
        discount: true,
        t: 3.98964079039795,          // stats.ttest_ind(a, b).statistic
        mwu_u1: 115.0,                // stats.mannwhitneyu(a, b, method='exact').statistic
        mwu_p: 5.876476464711759e-05, // stats.mannwhitneyu(a, b, method='exact').pvalue
        mwu_exact: true,
        mwu_asymptotic_p: 0.00032611086815760885, // stats.mannwhitneyu(a, b, method='asymptotic', use_continuity=True).pvalue
        perm_observed: 7311.624333333333, // stats.permutation_test((a, b), diff_mean, permutation_type='independent', n_resamples=np.inf, vectorized=True).statistic
        perm_two_sided: 3.711458819817953e-05, // same call, alternative='two-sided' (the default): .pvalue
        perm_greater: 1.8557294099089766e-05,  // same call, alternative='greater': .pvalue
        perm_counts: (12, 646635, 82), // null = res.null_distribution; tol = 1e-9*abs(obs): count_nonzero(null >= obs - tol), (null <= obs + tol), (abs(null) >= abs(obs) - tol)
        d: 1.7082621285997015, // (a.mean() - b.mean()) / sp, sp = sqrt(((n1-1)*a.var(ddof=1) + (n2-1)*b.var(ddof=1)) / (n1+n2-2))
        g: 1.6432534168028188, // d * special.gamma(df/2) / (sqrt(df/2) * special.gamma((df-1)/2)), df = 20
        d_ci: (0.7025268563224257, 2.683286137928923), // optimize.brentq(lambda x: stats.nct.cdf(t, 20, x) - q, t-8, t+8, xtol=1e-14) * sqrt(1/10 + 1/12), q = .975, .025
        shapiro_service: (0.6360695377090992, 0.0001493053781566847), // stats.shapiro(a)
        shapiro_development: (0.9218262814398628, 0.30140295350166496), // stats.shapiro(b)
        levene_mean: (0.4546904304160484, 0.5078358065285503), // stats.levene(a, b, center='mean')
        levene_median: (0.8008840425584356, 0.38147345144012706), // stats.levene(a, b, center='median')
        bf10: [31.927538477909117, 39.258761092228156, 45.32334459423414], // jzs_bf10(t, 10*12/22, 20, r) for r in (0.5, sqrt(2)/2, 1)
    },
    DidRef {
        measure: Measure::Quarterly,
        discount: false,
        t: 4.007627289699019,         // stats.ttest_ind(a, b).statistic
        mwu_u1: 119.0,                // stats.mannwhitneyu(a, b, method='exact').statistic
        mwu_p: 6.185764699696588e-06, // stats.mannwhitneyu(a, b, method='exact').pvalue
        mwu_exact: true,
        mwu_asymptotic_p: 0.0001146108970368846, // stats.mannwhitneyu(a, b, method='asymptotic', use_continuity=True).pvalue
        perm_observed: 6678.222772354273, // stats.permutation_test((a, b), diff_mean, permutation_type='independent', n_resamples=np.inf, vectorized=True).statistic
        perm_two_sided: 6.185764699696588e-06, // same call, alternative='two-sided' (the default): .pvalue
        perm_greater: 3.092882349848294e-06,   // same call, alternative='greater': .pvalue
        perm_counts: (2, 646645, 236), // null = res.null_distribution; tol = 1e-9*abs(obs): count_nonzero(null >= obs - tol), (null <= obs + tol), (abs(null) >= abs(obs) - tol)
        d: 1.7159634874929754, // (a.mean() - b.mean()) / sp, sp = sqrt(((n1-1)*a.var(ddof=1) + (n2-1)*b.var(ddof=1)) / (n1+n2-2))
        g: 1.6506616968925794, // d * special.gamma(df/2) / (sqrt(df/2) * special.gamma((df-1)/2)), df = 20
        d_ci: (0.7089366154782047, 2.692216931039673), // optimize.brentq(lambda x: stats.nct.cdf(t, 20, x) - q, t-8, t+8, xtol=1e-14) * sqrt(1/10 + 1/12), q = .975, .025
        shapiro_service: (0.5677233457374719, 2.2859519790083926e-05), // stats.shapiro(a)
        shapiro_development: (0.8519212812322741, 0.03877712992284761), // stats.shapiro(b)
        levene_mean: (8.166342339093699, 0.009729449454444148), // stats.levene(a, b, center='mean')
        levene_median: (8.601469506853233, 0.008227569873073177), // stats.levene(a, b, center='median')
        bf10: [32.98346603923941, 40.61104816444181, 46.95408073676112], // jzs_bf10(t, 10*12/22, 20, r) for r in (0.5, sqrt(2)/2, 1)
    },
    DidRef {
        measure: Measure::Monthly,
        discount: true,
        t: 3.2151644243044415,      // stats.ttest_ind(a, b).statistic
        mwu_u1: 93.0,               // stats.mannwhitneyu(a, b, method='asymptotic').statistic
        mwu_p: 0.03206560706536302, // stats.mannwhitneyu(a, b, method='asymptotic').pvalue (ties: SciPy's default, use_continuity=True)
        mwu_exact: false,
        mwu_asymptotic_p: 0.03206560706536302, // stats.mannwhitneyu(a, b, method='asymptotic', use_continuity=True).pvalue
        perm_observed: 1970.4533333333331, // stats.permutation_test((a, b), diff_mean, permutation_type='independent', n_resamples=np.inf, vectorized=True).statistic
        perm_two_sided: 0.00302793182050148, // same call, alternative='two-sided' (the default): .pvalue
        perm_greater: 0.00151396591025074,   // same call, alternative='greater': .pvalue
        perm_counts: (979, 645668, 1996), // null = res.null_distribution; tol = 1e-9*abs(obs): count_nonzero(null >= obs - tol), (null <= obs + tol), (abs(null) >= abs(obs) - tol)
        d: 1.3766511602946843, // (a.mean() - b.mean()) / sp, sp = sqrt(((n1-1)*a.var(ddof=1) + (n2-1)*b.var(ddof=1)) / (n1+n2-2))
        g: 1.324262058513331, // d * special.gamma(df/2) / (sqrt(df/2) * special.gamma((df-1)/2)), df = 20
        d_ci: (0.4227871672873472, 2.303125628491413), // optimize.brentq(lambda x: stats.nct.cdf(t, 20, x) - q, t-8, t+8, xtol=1e-14) * sqrt(1/10 + 1/12), q = .975, .025
        shapiro_service: (0.4820655127730694, 2.242548243264162e-06), // stats.shapiro(a)
        shapiro_development: (0.933362475721122, 0.4171187221193202), // stats.shapiro(b)
        levene_mean: (3.051626537885118, 0.09599656158755934), // stats.levene(a, b, center='mean')
        levene_median: (2.8859579809621856, 0.10485853689611392), // stats.levene(a, b, center='median')
        bf10: [8.405947253619932, 9.621373506306671, 10.302937838403365], // jzs_bf10(t, 10*12/22, 20, r) for r in (0.5, sqrt(2)/2, 1)
    },
    DidRef {
        measure: Measure::Monthly,
        discount: false,
        t: 3.0383382603166864,      // stats.ttest_ind(a, b).statistic
        mwu_u1: 93.0,               // stats.mannwhitneyu(a, b, method='asymptotic').statistic
        mwu_p: 0.03206560706536302, // stats.mannwhitneyu(a, b, method='asymptotic').pvalue (ties: SciPy's default, use_continuity=True)
        mwu_exact: false,
        mwu_asymptotic_p: 0.03206560706536302, // stats.mannwhitneyu(a, b, method='asymptotic', use_continuity=True).pvalue
        perm_observed: 1880.2912316072438, // stats.permutation_test((a, b), diff_mean, permutation_type='independent', n_resamples=np.inf, vectorized=True).statistic
        perm_two_sided: 0.0049362402303578775, // same call, alternative='two-sided' (the default): .pvalue
        perm_greater: 0.0024681201151789387,   // same call, alternative='greater': .pvalue
        perm_counts: (1596, 645051, 3837), // null = res.null_distribution; tol = 1e-9*abs(obs): count_nonzero(null >= obs - tol), (null <= obs + tol), (abs(null) >= abs(obs) - tol)
        d: 1.3009387202141545, // (a.mean() - b.mean()) / sp, sp = sqrt(((n1-1)*a.var(ddof=1) + (n2-1)*b.var(ddof=1)) / (n1+n2-2))
        g: 1.251430890641691, // d * special.gamma(df/2) / (sqrt(df/2) * special.gamma((df-1)/2)), df = 20
        d_ci: (0.3578217884522952, 2.2176120280476694), // optimize.brentq(lambda x: stats.nct.cdf(t, 20, x) - q, t-8, t+8, xtol=1e-14) * sqrt(1/10 + 1/12), q = .975, .025
        shapiro_service: (0.8428747751604909, 0.04776285892094417), // stats.shapiro(a)
        shapiro_development: (0.9376779099808179, 0.4685887123560988), // stats.shapiro(b)
        levene_mean: (8.86813450538062, 0.007435786211340389), // stats.levene(a, b, center='mean')
        levene_median: (5.036054007105353, 0.036300427222197854), // stats.levene(a, b, center='median')
        bf10: [6.342100169069813, 7.111811195898476, 7.462869870629436], // jzs_bf10(t, 10*12/22, 20, r) for r in (0.5, sqrt(2)/2, 1)
    },
];

#[test]
fn difference_in_differences_matches_scipy() {
    for r in &DID {
        let case = format!("{:?} discount={}", r.measure, r.discount);
        let (a, b) = did(r.measure, r.discount);
        let t = ttest::student(&a, &b).unwrap();
        close(t.t, r.t, &format!("{case}: t"));

        let mw = mann_whitney(&a, &b).unwrap();
        close(mw.u1, r.mwu_u1, &format!("{case}: U1"));
        close_p(mw.p, r.mwu_p, &format!("{case}: Mann-Whitney"));
        assert_eq!(mw.method == RankMethod::Exact, r.mwu_exact, "{case}: Mann-Whitney method");
        let mwa = mann_whitney_with(&a, &b, MwuMethod::Asymptotic).unwrap();
        close_p(mwa.p, r.mwu_asymptotic_p, &format!("{case}: Mann-Whitney asymptotic"));

        let perm = permutation_independent(&a, &b, &PermutationOptions::default()).unwrap();
        assert!(perm.exact, "{case}: exact enumeration");
        assert_eq!(perm.count, 646_646, "{case}: C(22, 10)");
        close(perm.observed, r.perm_observed, &format!("{case}: observed difference"));
        close_p(perm.p_two_sided, r.perm_two_sided, &format!("{case}: permutation two-sided"));
        close_p(perm.p_greater, r.perm_greater, &format!("{case}: permutation greater"));
        let n = 646_646.0;
        let (ge, le, ab) = r.perm_counts;
        assert_eq!((perm.p_greater * n).round() as u64, ge, "{case}: #D >= obs");
        assert_eq!((perm.p_less * n).round() as u64, le, "{case}: #D <= obs");
        assert_eq!((perm.p_two_sided_abs * n).round() as u64, ab, "{case}: #|D| >= |obs|");
        assert_eq!(
            perm.histogram.counts.iter().sum::<u64>(),
            perm.count,
            "{case}: histogram total"
        );

        let e = cohens_d(&a, &b).unwrap();
        close(e.d, r.d, &format!("{case}: d"));
        close(e.g, r.g, &format!("{case}: g"));
        close(e.ci_d.0, r.d_ci.0, &format!("{case}: d CI low"));
        close(e.ci_d.1, r.d_ci.1, &format!("{case}: d CI high"));

        for (xs, (w, p), who) in
            [(&a, r.shapiro_service, "Service"), (&b, r.shapiro_development, "Development")]
        {
            let s = shapiro_wilk(xs).unwrap();
            close(s.w, w, &format!("{case}: Shapiro-Wilk W {who}"));
            close_p(s.p, p, &format!("{case}: Shapiro-Wilk p {who}"));
        }
        for (center, (w, p)) in [(Center::Mean, r.levene_mean), (Center::Median, r.levene_median)] {
            let l = levene(&[&a, &b], center).unwrap();
            close(l.w, w, &format!("{case}: {center:?} W"));
            close_p(l.p, p, &format!("{case}: {center:?} p"));
        }
        for (scale, expected) in PRIOR_SCALES.iter().zip(r.bf10) {
            let bf = bf10_two_sample(t.t, a.len(), b.len(), *scale).unwrap();
            close(bf.bf10, expected, &format!("{case}: BF10 r={scale}"));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Paired designs (one group, T2 vs T1).
// ---------------------------------------------------------------------------------------

struct PairedRef {
    measure: Measure,
    discount: bool,
    group: Group,
    t: f64,
    wilcoxon: (f64, f64),
    wilcoxon_method: RankMethod,
    /// (observed mean difference, two-sided p, p greater).
    perm: (f64, f64, f64),
    /// (d_z, CI low, CI high).
    dz: (f64, f64, f64),
    bf10: [f64; 3],
}

const PAIRED: [PairedRef; 8] = [
    PairedRef {
        measure: Measure::Quarterly,
        discount: true,
        group: Group::Service,
        t: 3.8845561408060245,              // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (0.0, 0.001953125),       // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (5456.691000000001, 0.001953125, 0.0009765625), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (1.2284045103740786, 0.37577582927993763, 2.044622489008485), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [12.229093353874985, 13.849753314536954, 14.566648945797068], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Quarterly,
        discount: true,
        group: Group::Development,
        t: -1.5509910542139524,          // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (21.0, 0.17626953125), // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (-1854.9333333333327, 0.15087890625, 0.9248046875), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-0.4477325513305634, -1.0338835129639152, 0.15657017857680555), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [0.864900600082633, 0.7432408563420061, 0.6057372716816611], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Quarterly,
        discount: false,
        group: Group::Service,
        t: 1.3959913176886263,              // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (9.0, 0.064453125),       // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (1175.2750084889656, 0.056640625, 0.0283203125), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (0.4414512157715762, -0.2210066476840365, 1.0820994572233642), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [0.7719842168910901, 0.6604089831733603, 0.5374960642158721], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Quarterly,
        discount: false,
        group: Group::Development,
        t: -4.0884704988623,                // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (0.0, 0.00048828125),     // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (-5502.947763865307, 0.00048828125, 1.0), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-1.1802397715459962, -1.9116351867581503, -0.4185879197878271), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [21.528136341635374, 24.480828145382073, 25.709323577189217], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Monthly,
        discount: true,
        group: Group::Service,
        t: 2.4834566310606303,        // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (0.0, 0.001953125), // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::ExactConditional, // SciPy method="auto": ties, n <= 13 -> exact permutation of the signed ranks
        perm: (933.9799999999998, 0.001953125, 0.0009765625), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (0.7853379424400058, 0.053863390932976006, 1.4847731550889076), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [2.369470379563906, 2.3244980988364334, 2.1300414964919097], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Monthly,
        discount: true,
        group: Group::Development,
        t: -2.2406404119958285,         // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (12.0, 0.0341796875), // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (-1036.4733333333334, 0.04736328125, 0.9765625), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-0.6468171725114727, -1.260601655848987, -0.009311121332460785), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [1.866189209510588, 1.7486425192966717, 1.53204744660734], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Monthly,
        discount: false,
        group: Group::Service,
        t: -1.402461903558108,        // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (11.0, 0.09765625), // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::ExactConditional, // SciPy method="auto": ties, n <= 13 -> exact permutation of the signed ranks
        perm: (-341.475573005093, 0.19921875, 0.9013671875), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-0.4434973946859025, -1.0843927419458312, 0.21928897349753707), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [0.7763399513766857, 0.6646454242889759, 0.5412910685546425], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Monthly,
        discount: false,
        group: Group::Development,
        t: -4.228349223436134,              // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (4.0, 0.00341796875),     // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (-2221.7668046123367, 0.0029296875, 0.998779296875), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-1.2206192811892984, -1.9629124667321247, -0.44795151485635254), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [25.98817669088113, 29.86526532207871, 31.712533189938412], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
];

#[test]
fn paired_designs_match_scipy() {
    for r in &PAIRED {
        let case = format!("{:?} {:?} discount={}", r.measure, r.group, r.discount);
        let p = points(r.measure, r.discount);
        let (t1, t2) = (values(&p, r.group, Some(Time::T1)), values(&p, r.group, Some(Time::T2)));
        let t = ttest::paired(&t1, &t2).unwrap();
        close(t.t, r.t, &format!("{case}: t"));

        let w = wilcoxon(&t1, &t2).unwrap();
        assert_eq!(w.method, r.wilcoxon_method, "{case}: Wilcoxon method");
        assert_eq!(w.zeros, 0, "{case}: no zero differences");
        close(
            w.statistic + 1.0,
            r.wilcoxon.0 + 1.0,
            &format!("{case}: Wilcoxon statistic (+1, it can be 0)"),
        );
        close_p(w.p, r.wilcoxon.1, &format!("{case}: Wilcoxon p"));

        let perm = permutation_paired(&t1, &t2, &PermutationOptions::default()).unwrap();
        assert!(perm.exact);
        assert_eq!(perm.count, 1 << t1.len(), "{case}: 2^n sign patterns");
        close(perm.observed, r.perm.0, &format!("{case}: observed mean difference"));
        close_p(perm.p_two_sided, r.perm.1, &format!("{case}: sign-flip two-sided"));
        close_p(perm.p_greater, r.perm.2, &format!("{case}: sign-flip greater"));

        let e = paired_dz(&t1, &t2).unwrap();
        assert_eq!(e.kind, EffectKind::PairedDz);
        close(e.d, r.dz.0, &format!("{case}: d_z"));
        close(e.ci_d.0, r.dz.1, &format!("{case}: d_z CI low"));
        close(e.ci_d.1, r.dz.2, &format!("{case}: d_z CI high"));

        for (scale, expected) in PRIOR_SCALES.iter().zip(r.bf10) {
            let bf = bf10_one_sample(t.t, t1.len(), *scale).unwrap();
            close(bf.bf10, expected, &format!("{case}: BF10 r={scale}"));
        }
    }
}

// ---------------------------------------------------------------------------------------
// The non-central t CDF.
// ---------------------------------------------------------------------------------------

/// (t, df, ncp, `float(stats.nct.cdf(t, df, ncp))`) over
/// `for t in [-8, -2.5, -0.3, 0, 0.7, 3.99, 12] for df in [2, 7, 20, 100] for ncp in [-10, -3, -0.5, 0, 1.5, 5, 10]`.
/// SciPy 1.17.1 returns `nan` for six points deep in the lower tail; those values come from
/// mpmath (40 digits) integrating the definition instead:
/// `mp.quad(lambda x: mp.ncdf(t*mp.sqrt(x/df) - ncp) * x**(df/2-1) * mp.e**(-x/2) / (2**(df/2) * mp.gamma(df/2)), [0, df/4, df, 4*df, mp.inf])`
/// (checked against SciPy on regular points to 1e-15).
const NCT: [(f64, f64, f64, f64); 196] = [
    (-8.0, 2.0, -10.0, 0.7835806556750494),
    (-8.0, 2.0, -3.0, 0.14079332555386367),
    (-8.0, 2.0, -0.5, 0.015773256613776553),
    (-8.0, 2.0, 0.0, 0.00763403608266907),
    (-8.0, 2.0, 1.5, 0.00035312896630247556),
    (-8.0, 2.0, 5.0, 3.013886757480683e-10),
    (-8.0, 2.0, 10.0, 8.826123662832714e-17),
    (-8.0, 7.0, -10.0, 0.8363476278600213),
    (-8.0, 7.0, -3.0, 0.014674682785466296),
    (-8.0, 7.0, -0.5, 0.00015900619492741088),
    (-8.0, 7.0, 0.0, 4.557460585437679e-05),
    (-8.0, 7.0, 1.5, 4.5005883622715974e-07),
    (-8.0, 7.0, 5.0, 1.964022601778876e-14),
    (-8.0, 7.0, 10.0, 8.930501397341909e-33), // SciPy: nan; mpmath
    (-8.0, 20.0, -10.0, 0.9028240950645042),
    (-8.0, 20.0, -3.0, 0.0007452976363924773),
    (-8.0, 20.0, -0.5, 4.0084206371141434e-07),
    (-8.0, 20.0, 0.0, 5.828314135744255e-08),
    (-8.0, 20.0, 1.5, 7.029318732964743e-11),
    (-8.0, 20.0, 5.0, 2.5576982952640124e-20), // SciPy: nan; mpmath
    (-8.0, 20.0, 10.0, 7.003925364448181e-18),
    (-8.0, 100.0, -10.0, 0.9604353829760711),
    (-8.0, 100.0, -3.0, 6.457874604927773e-06),
    (-8.0, 100.0, -0.5, 2.4707383657737972e-11),
    (-8.0, 100.0, 0.0, 1.1364324038640347e-12),
    (-8.0, 100.0, 1.5, 3.35945626587197e-17),
    (-8.0, 100.0, 5.0, 7.634287112290947e-31), // SciPy: nan; mpmath
    (-8.0, 100.0, 10.0, 1.3459741908587669e-17),
    (-2.5, 2.0, -10.0, 0.99999526262792),
    (-2.5, 2.0, -3.0, 0.7075962257025065),
    (-2.5, 2.0, -0.5, 0.12715334584453417),
    (-2.5, 2.0, 0.0, 0.06480586011075541),
    (-2.5, 2.0, 1.5, 0.003296198060565516),
    (-2.5, 2.0, 5.0, 3.0090909166634557e-09),
    (-2.5, 2.0, 10.0, 2.304446188612647e-26), // SciPy: nan; mpmath
    (-2.5, 7.0, -10.0, 0.9999999994432612),
    (-2.5, 7.0, -3.0, 0.6905169271875609),
    (-2.5, 7.0, -0.5, 0.053408279074533424),
    (-2.5, 7.0, 0.0, 0.020496109292876444),
    (-2.5, 7.0, 1.5, 0.0003977127969006351),
    (-2.5, 7.0, 5.0, 3.8044234188083714e-11),
    (-2.5, 7.0, 10.0, 2.4570762381022626e-29), // SciPy: nan; mpmath
    (-2.5, 20.0, -10.0, 0.9999999999981599),
    (-2.5, 20.0, -3.0, 0.6898017273008787),
    (-2.5, 20.0, -0.5, 0.03319108936296994),
    (-2.5, 20.0, 0.0, 0.01061677271956619),
    (-2.5, 20.0, 1.5, 0.00010313117462451771),
    (-2.5, 20.0, 5.0, 1.1476970797184967e-12),
    (-2.5, 20.0, 10.0, 3.083523065048469e-28),
    (-2.5, 100.0, -10.0, 0.9999999999999258),
    (-2.5, 100.0, -3.0, 0.6909618434050191),
    (-2.5, 100.0, -0.5, 0.024790000215685806),
    (-2.5, 100.0, 0.0, 0.007022894562038586),
    (-2.5, 100.0, 1.5, 4.180096125623164e-05),
    (-2.5, 100.0, 5.0, 7.741400070835868e-14),
    (-2.5, 100.0, 10.0, 3.8630267451661193e-35), // SciPy: nan; mpmath
    (-0.3, 2.0, -10.0, 1.0),
    (-0.3, 2.0, -3.0, 0.9965984323638826),
    (-0.3, 2.0, -0.5, 0.5917952609299506),
    (-0.3, 2.0, 0.0, 0.3962428304200888),
    (-0.3, 2.0, 1.5, 0.0400916069787324),
    (-0.3, 2.0, 5.0, 8.828858268555456e-08),
    (-0.3, 2.0, 10.0, 1.0756679891324723e-24),
    (-0.3, 7.0, -10.0, 1.0),
    (-0.3, 7.0, -3.0, 0.9965538193125463),
    (-0.3, 7.0, -0.5, 0.5831136029183733),
    (-0.3, 7.0, 0.0, 0.3864450252010671),
    (-0.3, 7.0, 1.5, 0.037207603991200974),
    (-0.3, 7.0, 5.0, 6.679571912022269e-08),
    (-0.3, 7.0, 10.0, 5.322763374573052e-25),
    (-0.3, 20.0, -10.0, 1.0),
    (-0.3, 20.0, -3.0, 0.9965404129183791),
    (-0.3, 20.0, -0.5, 0.5806286426260061),
    (-0.3, 20.0, 0.0, 0.3836365016218801),
    (-0.3, 20.0, 1.5, 0.036383482677228206),
    (-0.3, 20.0, 5.0, 6.09981889326112e-08),
    (-0.3, 20.0, 10.0, 4.1104728900597435e-25),
    (-0.3, 100.0, -10.0, 1.0),
    (-0.3, 100.0, -3.0, 0.9965345098944768),
    (-0.3, 100.0, -0.5, 0.579535030653081),
    (-0.3, 100.0, 0.0, 0.3823999401501518),
    (-0.3, 100.0, 1.5, 0.03602140179856815),
    (-0.3, 100.0, 5.0, 5.851813296089299e-08),
    (-0.3, 100.0, 10.0, 3.636461901468213e-25),
    (0.0, 2.0, -10.0, 1.0),
    (0.0, 2.0, -3.0, 0.9986501019683699),
    (0.0, 2.0, -0.5, 0.6914624612740131),
    (0.0, 2.0, 0.0, 0.5),
    (0.0, 2.0, 1.5, 0.06680720126885809),
    (0.0, 2.0, 5.0, 2.866515718791946e-07),
    (0.0, 2.0, 10.0, 7.619853024160595e-24),
    (0.0, 7.0, -10.0, 1.0),
    (0.0, 7.0, -3.0, 0.9986501019683699),
    (0.0, 7.0, -0.5, 0.6914624612740131),
    (0.0, 7.0, 0.0, 0.5),
    (0.0, 7.0, 1.5, 0.06680720126885809),
    (0.0, 7.0, 5.0, 2.866515718791946e-07),
    (0.0, 7.0, 10.0, 7.619853024160595e-24),
    (0.0, 20.0, -10.0, 1.0),
    (0.0, 20.0, -3.0, 0.9986501019683699),
    (0.0, 20.0, -0.5, 0.6914624612740131),
    (0.0, 20.0, 0.0, 0.5),
    (0.0, 20.0, 1.5, 0.06680720126885809),
    (0.0, 20.0, 5.0, 2.866515718791946e-07),
    (0.0, 20.0, 10.0, 7.619853024160595e-24),
    (0.0, 100.0, -10.0, 1.0),
    (0.0, 100.0, -3.0, 0.9986501019683699),
    (0.0, 100.0, -0.5, 0.6914624612740131),
    (0.0, 100.0, 0.0, 0.5),
    (0.0, 100.0, 1.5, 0.06680720126885809),
    (0.0, 100.0, 5.0, 2.866515718791946e-07),
    (0.0, 100.0, 10.0, 7.619853024160595e-24),
    (0.7, 2.0, -10.0, 1.0),
    (0.7, 2.0, -3.0, 0.9997447345792904),
    (0.7, 2.0, -0.5, 0.8568633021043911),
    (0.7, 2.0, 0.0, 0.7218034876835673),
    (0.7, 2.0, 1.5, 0.20106694673200398),
    (0.7, 2.0, 5.0, 1.9376724768169822e-05),
    (0.7, 2.0, 10.0, 1.6049184919167157e-18),
    (0.7, 7.0, -10.0, 1.0),
    (0.7, 7.0, -3.0, 0.9998518842603125),
    (0.7, 7.0, -0.5, 0.8762237628210143),
    (0.7, 7.0, 0.0, 0.7467412239022),
    (0.7, 7.0, 1.5, 0.20867196809992272),
    (0.7, 7.0, 5.0, 1.0756005849448999e-05),
    (0.7, 7.0, 10.0, 2.899128757057168e-20),
    (0.7, 20.0, -10.0, 1.0),
    (0.7, 20.0, -3.0, 0.9998785493709381),
    (0.7, 20.0, -0.5, 0.8818298202870802),
    (0.7, 20.0, 0.0, 0.7540048911710847),
    (0.7, 20.0, 1.5, 0.21073931970699708),
    (0.7, 20.0, 5.0, 9.250338692564254e-06),
    (0.7, 20.0, 10.0, 1.1233632870976416e-20),
    (0.7, 100.0, -10.0, 1.0),
    (0.7, 100.0, -3.0, 0.9998895186244414),
    (0.7, 100.0, -0.5, 0.8843060525463399),
    (0.7, 100.0, 0.0, 0.7572236967728134),
    (0.7, 100.0, 1.5, 0.21163228439865964),
    (0.7, 100.0, 5.0, 8.676734373804805e-06),
    (0.7, 100.0, 10.0, 7.694091068897893e-21),
    (3.99, 2.0, -10.0, 1.0),
    (3.99, 2.0, -3.0, 0.9999875049801699),
    (3.99, 2.0, -0.5, 0.9877116139230051),
    (3.99, 2.0, 0.0, 0.9712731373490056),
    (3.99, 2.0, 1.5, 0.8327059766575124),
    (3.99, 2.0, 5.0, 0.23357506907822898),
    (3.99, 2.0, 10.0, 0.003554658558788231),
    (3.99, 7.0, -10.0, 1.0),
    (3.99, 7.0, -3.0, 0.9999999079128636),
    (3.99, 7.0, -0.5, 0.9992651402687164),
    (3.99, 7.0, 0.0, 0.9973717806197858),
    (3.99, 7.0, 1.5, 0.9512715502638704),
    (3.99, 7.0, 5.0, 0.21176656251913578),
    (3.99, 7.0, 10.0, 3.0622802586021506e-05),
    (3.99, 20.0, -10.0, 1.0),
    (3.99, 20.0, -3.0, 0.999999999154366),
    (3.99, 20.0, -0.5, 0.999932835296021),
    (3.99, 20.0, 0.0, 0.9996399169135034),
    (3.99, 20.0, 1.5, 0.9813060108295397),
    (3.99, 20.0, 5.0, 0.18446026433287716),
    (3.99, 20.0, 10.0, 2.330938568898902e-07),
    (3.99, 100.0, -10.0, 1.0),
    (3.99, 100.0, -3.0, 0.9999999999914516),
    (3.99, 100.0, -0.5, 0.9999920663212613),
    (3.99, 100.0, 0.0, 0.9999369876937498),
    (3.99, 100.0, 1.5, 0.9915342866719095),
    (3.99, 100.0, 5.0, 0.16311393618575468),
    (3.99, 100.0, 10.0, 3.5899197172297204e-09),
    (12.0, 2.0, -10.0, 0.9999999999999994),
    (12.0, 2.0, -3.0, 0.9999985908194968),
    (12.0, 2.0, -0.5, 0.9985557228854894),
    (12.0, 2.0, 0.0, 0.9965635331614208),
    (12.0, 2.0, 1.5, 0.9780972474275138),
    (12.0, 2.0, 5.0, 0.8368340149823186),
    (12.0, 2.0, 10.0, 0.5006599414621169),
    (12.0, 7.0, -10.0, 0.9999999999999998),
    (12.0, 7.0, -3.0, 0.9999999999376932),
    (12.0, 7.0, -0.5, 0.9999992271930837),
    (12.0, 7.0, 0.0, 0.9999968208448109),
    (12.0, 7.0, 1.5, 0.9998962515768783),
    (12.0, 7.0, 5.0, 0.9849137652612658),
    (12.0, 7.0, 10.0, 0.6704925193159653),
    (12.0, 20.0, -10.0, 0.9999999999999999),
    (12.0, 20.0, -3.0, 1.0),
    (12.0, 20.0, -0.5, 0.9999999999925121),
    (12.0, 20.0, 0.0, 0.9999999999320223),
    (12.0, 20.0, 1.5, 0.9999999775342192),
    (12.0, 20.0, 5.0, 0.9997014756905028),
    (12.0, 20.0, 10.0, 0.8055342985776519),
    (12.0, 100.0, -10.0, 0.9999999999999999),
    (12.0, 100.0, -3.0, 1.0),
    (12.0, 100.0, -0.5, 1.0),
    (12.0, 100.0, 0.0, 1.0),
    (12.0, 100.0, 1.5, 0.9999999999999999),
    (12.0, 100.0, 5.0, 0.9999999685449459),
    (12.0, 100.0, 10.0, 0.934094942077855),
];

#[test]
fn noncentral_t_cdf_matches_scipy_on_a_grid() {
    let mut worst: f64 = 0.0;
    for (t, df, ncp, expected) in NCT {
        let got = nct_cdf(t, df, ncp).unwrap();
        worst = worst.max((got - expected).abs());
        assert!(
            (got - expected).abs() <= NCT_TOL,
            "nct.cdf({t}, {df}, {ncp}) = {got} vs scipy {expected}"
        );
    }
    println!("non-central t: largest absolute difference from SciPy {worst:.1e}");
}

#[test]
fn hedges_j_matches_the_gamma_formula() {
    // special.gamma(10) / (math.sqrt(10) * special.gamma(9.5))  (df = 20)
    close(hedges_j(20.0).unwrap(), 0.9619445337407487, "J(20)");
    // special.gamma(4.5) / (math.sqrt(4.5) * special.gamma(4.0))  (df = 9)
    close(hedges_j(9.0).unwrap(), 0.9138748917925523, "J(9)");
    assert!((hedges_j_approx(20.0) - (1.0 - 3.0 / 79.0)).abs() < IDENTITY_TOL);
}

// ---------------------------------------------------------------------------------------
// Shapiro–Wilk.
// ---------------------------------------------------------------------------------------

/// Synthetic data, identical in Python and Rust: x_i = ((37i + 11) mod 29)·1.5 + √i.
fn synthetic(n: usize) -> Vec<f64> {
    (0..n).map(|i| ((i * 37 + 11) % 29) as f64 * 1.5 + (i as f64).sqrt()).collect()
}

#[test]
fn shapiro_wilk_matches_scipy() {
    // (n, W, p): stats.shapiro(np.array([((i*37 + 11) % 29) * 1.5 + math.sqrt(i) for i in range(n)]))
    let synthetic_refs: [(usize, f64, f64); 7] = [
        (3, 0.9998229372863437, 0.9745857233773901),
        (4, 0.9568708652832391, 0.7592174457685886),
        (5, 0.9751791930273014, 0.9073312305595278),
        (7, 0.9801610300637532, 0.9603156927492181),
        (11, 0.9499339928417454, 0.6431100810452883),
        (20, 0.9691261346745158, 0.736320756869594),
        (50, 0.959226601672688, 0.08250104486003317),
    ];
    for (n, w, p) in synthetic_refs {
        let s = shapiro_wilk(&synthetic(n)).unwrap();
        close(s.w, w, &format!("W n={n}"));
        close_p(s.p, p, &format!("p n={n}"));
    }
    let explicit: [(&[f64], f64, f64); 4] = [
        (&[1.0, 2.0, 4.0], 0.9642857142857142, 0.6368868450289689), // stats.shapiro([1, 2, 4])
        (&[2.0, 2.0, 3.0], 0.7500000000000002, 7.771561172376096e-16), // stats.shapiro([2, 2, 3]): W at its minimum 3/4
        (&[1.0, 2.0, 3.0, 4.0, 100.0], 0.5773067579532578, 0.0003053888504386124), // stats.shapiro([1, 2, 3, 4, 100])
        (&[-1.5, 0.25, 0.25, 7.0, 3.0, 2.0], 0.924107992607509, 0.5354279430092723), // stats.shapiro([-1.5, .25, .25, 7, 3, 2]) (a tie)
    ];
    for (x, w, p) in explicit {
        let s = shapiro_wilk(x).unwrap();
        close(s.w, w, &format!("W {x:?}"));
        assert!((s.p - p).abs() <= P_TOL.max(REL_TOL * p), "p {x:?}: {} vs {p}", s.p);
    }
}

// ---------------------------------------------------------------------------------------
// Synthetic data with ties (and zeros).
// ---------------------------------------------------------------------------------------

#[test]
fn tied_data_match_scipy() {
    let x = [1.0, 2.0, 2.0, 3.0, 4.0, 5.0, 5.0, 6.0];
    let y = [2.0, 3.0, 3.0, 4.0, 7.0, 8.0, 8.0, 9.0, 9.0];
    // stats.mannwhitneyu(x, y): ties, so SciPy's 'auto' is asymptotic with continuity correction
    let mw = mann_whitney(&x, &y).unwrap();
    assert_eq!(mw.method, RankMethod::Asymptotic);
    assert!(mw.ties);
    close(mw.u1, 18.5, "U1 with ties");
    close_p(mw.p, 0.09935509191551842, "Mann-Whitney with ties");
    // stats.levene(x, y, center='mean') and center='median'
    let lm = levene(&[&x, &y], Center::Mean).unwrap();
    close(lm.w, 7.592852552176703, "Levene W with ties");
    close_p(lm.p, 0.014722000786080403, "Levene p with ties");
    let lb = levene(&[&x, &y], Center::Median).unwrap();
    close(lb.w, 2.1610169491525433, "Brown-Forsythe W with ties");
    close_p(lb.p, 0.16221372474645393, "Brown-Forsythe p with ties");
    // Three groups: stats.levene([1, 2, 2, 3], [10, 12, 9, 11, 10], [5, 5, 5.5, 8, 2, 6], center='mean' / 'median')
    let g3: [&[f64]; 3] =
        [&[1.0, 2.0, 2.0, 3.0], &[10.0, 12.0, 9.0, 11.0, 10.0], &[5.0, 5.0, 5.5, 8.0, 2.0, 6.0]];
    let l3 = levene(&g3, Center::Mean).unwrap();
    close(l3.w, 0.6931011159959419, "Levene W, 3 groups");
    close_p(l3.p, 0.5189711136868759, "Levene p, 3 groups");
    let l3m = levene(&g3, Center::Median).unwrap();
    close(l3m.w, 0.6428571428571428, "Brown-Forsythe W, 3 groups");
    close_p(l3m.p, 0.5429727383857464, "Brown-Forsythe p, 3 groups");

    // stats.wilcoxon([0, 1.5, -1.5, 2, 2, 3, -0.5, 4, 4, 5, 6]): a zero and ties, n = 11 ≤ 13:
    // SciPy enumerates the sign patterns (permutation method); the zero is dropped ('wilcox').
    let d = [0.0, 1.5, -1.5, 2.0, 2.0, 3.0, -0.5, 4.0, 4.0, 5.0, 6.0];
    let w = wilcoxon_differences(&d).unwrap();
    assert_eq!((w.method, w.zeros, w.ties), (RankMethod::ExactConditional, 1, true));
    close(w.statistic, 3.5, "Wilcoxon statistic, small with ties");
    close_p(w.p, 0.01171875, "Wilcoxon p, small with ties");
    // stats.wilcoxon([0, 1.5, -1.5, 2, 2, 3, -0.5, 4, 4, 5, 6, 7.5, -2, 8, 8, 0, 9, 3]): n = 18, normal approximation
    let d2 = [
        0.0, 1.5, -1.5, 2.0, 2.0, 3.0, -0.5, 4.0, 4.0, 5.0, 6.0, 7.5, -2.0, 8.0, 8.0, 0.0, 9.0, 3.0,
    ];
    let w2 = wilcoxon_differences(&d2).unwrap();
    assert_eq!((w2.method, w2.zeros), (RankMethod::Asymptotic, 2));
    close(w2.statistic, 8.5, "Wilcoxon statistic, asymptotic with ties");
    close_p(w2.p, 0.0020644996786705772, "Wilcoxon p, asymptotic with ties");
    // stats.wilcoxon([v for v in range(-20, 41) if v != 0]): n = 60 > 50, normal approximation
    let d3: Vec<f64> = (-20..=40).filter(|v| *v != 0).map(f64::from).collect();
    let w3 = wilcoxon_differences(&d3).unwrap();
    assert_eq!(w3.method, RankMethod::Asymptotic);
    close(w3.statistic, 410.0, "Wilcoxon statistic, n = 60");
    close_p(w3.p, 0.00020091646087444466, "Wilcoxon p, n = 60");
    // stats.wilcoxon([0.3, -1.2, 2.5, 3.1, -0.7, 4.4, 5, 1.9, 6.2, 7.7, -2.8, 8.1, 9.9, 0.1, 10.5, 11, 12.3, 3.3, 13.1, -4]): exact, n = 20
    let d4 = [
        0.3, -1.2, 2.5, 3.1, -0.7, 4.4, 5.0, 1.9, 6.2, 7.7, -2.8, 8.1, 9.9, 0.1, 10.5, 11.0, 12.3,
        3.3, 13.1, -4.0,
    ];
    let w4 = wilcoxon_differences(&d4).unwrap();
    assert_eq!(w4.method, RankMethod::Exact);
    close(w4.statistic, 24.0, "Wilcoxon statistic, exact n = 20");
    close_p(w4.p, 0.0014324188232421875, "Wilcoxon p, exact n = 20");
    // stats.mannwhitneyu([1.1, 2.3, 3.7, 4.2, 5.9, 6.4, 7.0], [0.5, 2.9, 8.1, 9.3, 10.2], method='exact')
    let m5 =
        mann_whitney(&[1.1, 2.3, 3.7, 4.2, 5.9, 6.4, 7.0], &[0.5, 2.9, 8.1, 9.3, 10.2]).unwrap();
    assert_eq!(m5.method, RankMethod::Exact);
    close(m5.u1, 12.0, "U1 exact, small");
    close_p(m5.p, 0.4318181818181819, "Mann-Whitney exact, small");
}

// ---------------------------------------------------------------------------------------
// Bayes factors: published values.
// ---------------------------------------------------------------------------------------

#[test]
fn bayes_factors_match_published_values() {
    // pingouin.bayesfactor_ttest(3.5, 20, 20) = 26.743 (two-sample, r = 0.707); documented and unit-tested in pingouin.
    let two = bf10_two_sample(3.5, 20, 20, 0.707).unwrap();
    assert!((two.bf10 - 26.743).abs() <= PINGOUIN_TOL, "{}", two.bf10);
    // pingouin.bayesfactor_ttest(3.5, 20) = 17.185 (one-sample / paired, r = 0.707).
    let one = bf10_one_sample(3.5, 20, 0.707).unwrap();
    assert!((one.bf10 - 17.185).abs() <= PINGOUIN_TOL, "{}", one.bf10);
    // BayesFactor::ttestBF(x = sleep$extra[1:10], y = sleep$extra[11:20], paired = TRUE): "Alt., r=0.707 : 17.25888 ±0%".
    let g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    let g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    let t = ttest::paired(&g2, &g1).unwrap().t;
    let sleep = bf10_one_sample(t, 10, R_MEDIUM).unwrap();
    assert!((sleep.bf10 - 17.25888).abs() <= BAYESFACTOR_TOL, "{}", sleep.bf10);
    assert_eq!(sleep.strength, Strength::Strong);
    // BayesFactor::ttestBF(x = sleep$extra[11:20]) (one-sample, mu = 0): "Alt., r=0.707 : 10.71554 ±0%".
    let mean = g2.iter().sum::<f64>() / 10.0;
    let sd = (g2.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / 9.0).sqrt();
    let one_sample = bf10_one_sample(mean / (sd / 10f64.sqrt()), 10, R_MEDIUM).unwrap();
    assert!((one_sample.bf10 - 10.71554).abs() <= BAYESFACTOR_TOL, "{}", one_sample.bf10);
    // The quadrature's own error estimate is far below the tolerance.
    assert!(sleep.rel_error < QUADRATURE_TOL, "{}", sleep.rel_error);
}

// ---------------------------------------------------------------------------------------
// Permutation walk: self-checks, histogram, Monte Carlo, timing.
// ---------------------------------------------------------------------------------------

#[test]
fn revolving_door_visits_every_subset_exactly_once() {
    for n in 0..=12usize {
        for k in 0..=n {
            let mut walk = RevolvingDoor::new(n, k).unwrap();
            let mask_of = |s: &[usize]| s.iter().fold(0u32, |m, i| m | 1 << i);
            let mut mask = mask_of(walk.current());
            assert_eq!(mask, (1u32 << k) - 1, "n={n} k={k}: starts at {{0..k-1}}");
            let mut seen = HashSet::new();
            seen.insert(mask);
            while let Some((out, inn)) = walk.advance() {
                assert!(
                    mask >> out & 1 == 1 && mask >> inn & 1 == 0,
                    "n={n} k={k}: move {out}->{inn} from {mask:b}"
                );
                mask = mask & !(1 << out) | 1 << inn;
                let cur = walk.current();
                assert!(
                    cur.windows(2).all(|w| w[0] < w[1]) && cur.iter().all(|&i| i < n),
                    "n={n} k={k}: {cur:?}"
                );
                assert_eq!(mask, mask_of(cur), "n={n} k={k}: reported move matches the subset");
                assert!(seen.insert(mask), "n={n} k={k}: subset {mask:b} visited twice");
            }
            assert_eq!(
                seen.len() as u64,
                binomial(n as u64, k as u64).unwrap(),
                "n={n} k={k}: visits C(n, k)"
            );
            assert!(walk.advance().is_none(), "stays finished");
        }
    }
    // The paper's size, counted without storing: C(22, 10) steps.
    let mut walk = RevolvingDoor::new(22, 10).unwrap();
    let mut steps = 1u64;
    while walk.advance().is_some() {
        steps += 1;
    }
    assert_eq!(steps, 646_646);
}

#[test]
fn exact_permutation_on_the_paper_histogram() {
    let (a, b) = did(Measure::Quarterly, true);
    let perm = permutation_independent(&a, &b, &PermutationOptions::default()).unwrap();
    // null = res.null_distribution; np.histogram(null, bins=60, range=(null.min(), null.max()))[0]
    let numpy: [u64; 60] = [
        12, 46, 76, 104, 211, 399, 661, 939, 1338, 1855, 2592, 3410, 4484, 5662, 6905, 8347, 9951,
        11611, 13364, 15146, 16838, 18460, 19831, 21300, 22440, 23416, 24231, 25026, 25430, 25555,
        25429, 25213, 24858, 24378, 23730, 22968, 21883, 20730, 19528, 18154, 16653, 15280, 13689,
        12193, 10557, 9079, 7605, 6193, 4978, 3996, 3134, 2335, 1670, 1071, 723, 431, 303, 170, 61,
        14,
    ];
    // null.min(), null.max()
    close(perm.histogram.lo, -7878.517666666667, "null minimum");
    close(perm.histogram.hi, 7552.515166666666, "null maximum");
    let moved: u64 = perm.histogram.counts.iter().zip(numpy).map(|(x, y)| x.abs_diff(y)).sum();
    assert!(
        moved <= HISTOGRAM_SLACK,
        "histogram differs from NumPy's by {moved}: {:?}",
        perm.histogram.counts
    );
    assert_eq!(
        perm.histogram.bin_of(perm.observed),
        59,
        "the observed difference is in the last bin"
    );
}

#[test]
fn monte_carlo_is_seeded_portable_and_close_to_exact() {
    let (a, b) = did(Measure::Monthly, true);
    let exact = permutation_independent(&a, &b, &PermutationOptions::default()).unwrap();
    let opts = PermutationOptions {
        exact_limit: 0,
        resamples: 40_000,
        seed: 7,
        ..PermutationOptions::default()
    };
    let mc = permutation_independent(&a, &b, &opts).unwrap();
    assert!(!mc.exact);
    assert_eq!(mc.seed, Some(7));
    assert_eq!(mc.count, 40_000);
    assert_eq!(mc, permutation_independent(&a, &b, &opts).unwrap(), "same seed, same result");
    assert_ne!(
        mc,
        permutation_independent(&a, &b, &PermutationOptions { seed: 8, ..opts }).unwrap()
    );
    // (b + 1)/(m + 1) is never zero, and is within MC_SIGMAS binomial SEs of the exact p
    // (plus the 1/(m + 1) the observed labelling adds).
    for (got, want) in
        [(mc.p_greater, exact.p_greater), (mc.p_two_sided_abs, exact.p_two_sided_abs)]
    {
        let se = (want * (1.0 - want) / 40_000.0).sqrt();
        assert!(
            got >= 1.0 / 40_001.0 && (got - want).abs() <= MC_SIGMAS * se + 1.0 / 40_001.0,
            "{got} vs exact {want}"
        );
    }
    // Paired sign flips, forced to Monte Carlo.
    let p = points(Measure::Quarterly, true);
    let (t1, t2) = (
        values(&p, Group::Development, Some(Time::T1)),
        values(&p, Group::Development, Some(Time::T2)),
    );
    let exact = permutation_paired(&t1, &t2, &PermutationOptions::default()).unwrap();
    let mc = permutation_paired(&t1, &t2, &opts).unwrap();
    // The two-sided p doubles a one-sided proportion q, so its SE is 2·√(q(1 − q)/m).
    let q = exact.p_two_sided / 2.0;
    let se = 2.0 * (q * (1.0 - q) / 40_000.0).sqrt();
    assert!(
        (mc.p_two_sided - exact.p_two_sided).abs() <= MC_SIGMAS * se + 2.0 / 40_001.0,
        "{} vs {}",
        mc.p_two_sided,
        exact.p_two_sided
    );
}

// ---------------------------------------------------------------------------------------
// Influence, discount sensitivity, the full report and its summary.
// ---------------------------------------------------------------------------------------

#[test]
fn leave_one_out_matches_scipy() {
    // (informant, t, p): stats.ttest_ind(a without i, b) or (a, b without i), quarterly, discounted
    let refs: [(&str, f64, f64); 22] = [
        ("Aaron", 3.7299801541841715, 0.0014193311773377402),
        ("Ablett", 3.8201161293951538, 0.0011554782518877426),
        ("Bruce", 4.052625584894474, 0.0006794135760885294),
        ("Barret", 3.886092449890344, 0.0009938830493082824),
        ("Alice", 3.9136423640644127, 0.000933271468807722),
        ("Blake", 4.138234815246358, 0.0005587776903477241),
        ("Calvin", 3.907735861872102, 0.0009459474372049733),
        ("Emily", 3.9325432794868496, 0.0008938370332353434),
        ("Chad", 3.8592297544069516, 0.0010567627430334598),
        ("Daniel", 3.761023592507852, 0.0013223033424885544),
        ("Evan", 4.10683990139078, 0.0006002976500397915),
        ("Gary", 4.014460443680917, 0.000741297615893839),
        ("Basia", 3.8229604277605316, 0.0011479998219603483),
        ("Harry", 3.7108207249386274, 0.0014827132482572332),
        ("Herbert", 3.7432691438357835, 0.0013769582065446188),
        ("James", 4.081543886172333, 0.0006359928044035253),
        ("Carol", 4.222112414071973, 0.0004614447648290686),
        ("Jeremy", 3.7635833480427947, 0.0013146034869447013),
        ("Lambert", 3.769287789106229, 0.001297604366033872),
        ("Matt", 4.134684075629918, 0.0005633252011835153),
        ("Dana", 3.7169224079125174, 0.0014622286824597904),
        ("Grace", 3.768003108743839, 0.001301413506815325),
    ];
    let p = points(Measure::Quarterly, true);
    let inf = leave_one_out(&p, Design::DiffInDiff).unwrap();
    assert_eq!(inf.rows.len(), 22);
    for (row, (name, t, pv)) in inf.rows.iter().zip(refs) {
        assert_eq!(row.informant, name);
        close(row.t, t, &format!("t without {name}"));
        close_p(row.p, pv, &format!("p without {name}"));
        close(row.delta_t, t - 3.98964079039795, &format!("change in t without {name}"));
    }
    assert_eq!(inf.most_influential_row().informant, "Harry");
    assert_eq!(inf.rows[inf.min_t].informant, "Harry");
    assert_eq!(inf.rows[inf.max_t].informant, "Carol");
    assert_eq!(inf.crossing(0.05).count(), 0, "no single informant changes the conclusion");
}

#[test]
fn discount_sensitivity_reuses_the_paper_test() {
    let s = study();
    let pf = paper_factor(&s).unwrap();
    close(pf, 228.0 * 3100.0 / (3000.0 * 197.0), "paper factor");
    let factors = default_factors(pf);
    let rows = discount_sensitivity(&s.table(Measure::Quarterly).rows, pf, &factors).unwrap();
    assert_eq!(rows.len(), factors.len());
    let at = |f: f64| rows.iter().find(|r| r.factor == f).unwrap();
    // The paper's factor reproduces the paper's test, 1.0 the undiscounted one (DID table).
    close(at(pf).t, DID[0].t, "t at the paper's factor");
    assert!(at(pf).is_paper);
    close(at(1.0).t, DID[1].t, "t without discount");
    // diffs = [(t2p / PF) * f - t1 ...]; stats.ttest_ind(service, development)
    close(at(0.8).t, 3.360834013626319, "t at 0.8");
    close_p(at(0.8).p, 0.0031096832826108182, "p at 0.8");
    close(at(1.4).t, 3.552643849853517, "t at 1.4");
    close_p(at(1.4).p, 0.001996128018756107, "p at 1.4");
    let monthly = discount_sensitivity(&s.table(Measure::Monthly).rows, pf, &[0.8, 1.4]).unwrap();
    close(monthly[0].t, 2.5643209708878336, "monthly t at 0.8");
    close_p(monthly[0].p, 0.018497844566297685, "monthly p at 0.8");
    close(monthly[1].t, 3.021929142518104, "monthly t at 1.4");
    close_p(monthly[1].p, 0.006734817249714852, "monthly p at 1.4");
    assert!(matches!(
        discount_sensitivity(&s.table(Measure::Quarterly).rows, pf, &[0.0]),
        Err(RobustError::InvalidParameter { .. })
    ));
    assert!(matches!(
        discount_sensitivity(&s.table(Measure::Quarterly).rows, f64::NAN, &[1.0]),
        Err(RobustError::InvalidParameter { .. })
    ));
}

#[test]
fn the_report_runs_every_design() {
    let opts = RobustnessOptions::default();
    let p = points(Measure::Quarterly, true);
    let r = robustness(&p, Design::DiffInDiff, &opts).unwrap();
    close(r.primary.t, DID[0].t, "report t");
    assert!(matches!(r.rank, Ok(RankTest::MannWhitney(_))));
    assert_eq!(r.bayes.len(), 3);
    assert_eq!(r.normality.len(), 2);
    assert!(r.levene_mean.is_some() && r.welch.is_some() && r.influence.is_ok());

    let between = robustness(&p, Design::Between(Time::T1), &opts).unwrap();
    assert!(between.primary.p > 0.05, "the groups did not differ at T1");
    let paired = robustness(&p, Design::Paired(Group::Service), &opts).unwrap();
    assert!(matches!(paired.rank, Ok(RankTest::Wilcoxon(_))));
    assert!(paired.welch.is_none() && paired.levene_mean.is_none());
    assert_eq!(paired.influence.as_ref().unwrap().rows.len(), 10);
    assert_eq!(
        robustness(&p, Design::Descriptive(Group::Service, Time::T1), &opts),
        Err(RobustError::NoComparison)
    );
}

#[test]
fn the_summary_reports_agreement_without_overclaiming() {
    let s = study();
    let p = points(Measure::Quarterly, true);
    let r = robustness(&p, Design::DiffInDiff, &RobustnessOptions::default()).unwrap();
    let pf = paper_factor(&s).unwrap();
    let sens =
        discount_sensitivity(&s.table(Measure::Quarterly).rows, pf, &default_factors(pf)).unwrap();
    let text = summarize(&r, Some(&sens), ALPHA, Lang::En);
    for line in &text {
        println!("{line}");
    }
    let all = text.join(" ");
    assert!(all.contains("t(20) = 3.99, p < .001: significant"), "{all}");
    assert!(
        all.contains("Welch's t-test")
            && all.contains("Mann\u{2013}Whitney U test (exact")
            && all.contains("exact permutation test"),
        "{all}"
    );
    assert!(
        !all.contains("do not:") && !all.contains("does not:"),
        "everything agrees for the paper's data: {all}"
    );
    assert!(all.contains("Harry moves it most"), "{all}");
    assert!(all.contains("No single informant's removal changes the conclusion"), "{all}");
    assert!(all.contains("anecdotal evidence (footnote 2)"), "{all}");
    assert!(
        all.contains(
            "Shapiro\u{2013}Wilk suggests Service T2 \u{2212} T1 (W = .64, p < .001) may not be"
        ),
        "{all}"
    );
    let zh = summarize(&r, Some(&sens), ALPHA, Lang::Zh);
    assert_eq!(zh.len(), text.len());
    for (e, z) in text.iter().zip(&zh) {
        assert_ne!(e, z);
        assert!(z.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "no Chinese: {z}");
    }
    let zh_all = zh.join("");
    assert!(
        zh_all.contains("t(20) = 3.99, p < .001")
            && zh_all.contains("Mann\u{2013}Whitney U 检验（精确，p < .001）")
            && zh_all.contains("Harry 的影响最大"),
        "{zh_all}"
    );
    for word in ["prove", "confirm", "demonstrate", "causal"] {
        assert!(!all.to_lowercase().contains(word), "overclaims with {word:?}: {all}");
    }
}

#[test]
fn the_summary_names_tests_that_disagree() {
    // One outlier hides a clear shift from the t-test but not from the rank test:
    // stats.ttest_ind(a, b).pvalue = 0.487, stats.mannwhitneyu(a, b, method='exact').pvalue = 0.0015
    let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 60.0];
    let b = [10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0];
    let point = |i: usize, group: Group, diff: f64| SalaryPoint {
        informant: format!("P{i}"),
        group,
        t1: 100.0,
        t2: 100.0 + diff,
        diff,
    };
    let pts: Vec<SalaryPoint> = a
        .iter()
        .enumerate()
        .map(|(i, d)| point(i, Group::Service, *d))
        .chain(b.iter().enumerate().map(|(i, d)| point(i + 10, Group::Development, *d)))
        .collect();
    let r = robustness(&pts, Design::DiffInDiff, &RobustnessOptions::default()).unwrap();
    close_p(r.primary.p, 0.48743377481699934, "t-test p");
    close_p(r.rank.as_ref().unwrap().p(), 0.0015046872632011952, "Mann-Whitney p");
    let all = summarize(&r, None, ALPHA, Lang::En).join(" ");
    assert!(all.contains("not significant at \u{3b1} = .05"), "{all}");
    assert!(all.contains("The Mann\u{2013}Whitney U test (exact, p = .002) does not reach it, so the conclusion depends on the method."), "{all}");
    assert!(
        all.contains("Removing only P9 (p would be < .001) would change the conclusion"),
        "the outlier is named: {all}"
    );
}

// ---------------------------------------------------------------------------------------
// Edge cases: errors, never panics.
// ---------------------------------------------------------------------------------------

#[test]
fn edge_cases_are_errors_not_panics() {
    let opts = PermutationOptions::default();
    // n < 3 for Shapiro–Wilk; zero range.
    assert_eq!(shapiro_wilk(&[1.0, 2.0]), Err(RobustError::TooFew { needed: 3, got: 2 }));
    assert_eq!(shapiro_wilk(&[]), Err(RobustError::TooFew { needed: 3, got: 0 }));
    assert_eq!(shapiro_wilk(&[5.0; 7]), Err(RobustError::ZeroRange));
    assert!(shapiro_wilk(&vec![1.0; 5001]).is_err());

    // Zero variance.
    let flat = [3.0, 3.0, 3.0];
    assert!(cohens_d(&flat, &flat).is_err());
    assert!(matches!(paired_dz(&[1.0, 2.0, 3.0], &[2.0, 3.0, 4.0]), Err(RobustError::Stats(_))));
    assert_eq!(levene(&[&flat, &[4.0, 4.0]], Center::Mean), Err(RobustError::ZeroVariance));

    // All tied.
    assert_eq!(mann_whitney(&flat, &flat), Err(RobustError::AllTied));
    assert_eq!(wilcoxon(&flat, &flat), Err(RobustError::AllTied));
    assert_eq!(permutation_independent(&flat, &flat, &opts), Err(RobustError::AllTied));
    assert_eq!(permutation_paired(&flat, &flat, &opts), Err(RobustError::AllTied));

    // Identical groups (with spread): defined, and say "no difference".
    let same = [1.0, 2.0, 4.0, 7.0];
    let mw = mann_whitney(&same, &same).unwrap();
    assert_eq!(mw.p, 1.0);
    let perm = permutation_independent(&same, &same, &opts).unwrap();
    assert_eq!(perm.p_two_sided, 1.0);
    assert_eq!(perm.observed, 0.0);
    let e = cohens_d(&same, &same).unwrap();
    assert_eq!(e.d, 0.0);
    assert!(
        e.ci_d.0 < 0.0 && e.ci_d.1 > 0.0 && (e.ci_d.0 + e.ci_d.1).abs() < IDENTITY_TOL,
        "symmetric CI around 0: {:?}",
        e.ci_d
    );
    let l = levene(&[&same, &same], Center::Median).unwrap();
    assert_eq!(l.w, 0.0);
    assert!(bf10_two_sample(0.0, 4, 4, R_MEDIUM).unwrap().bf10 < 1.0);

    // Too few values, non-finite values, bad parameters.
    assert!(matches!(mann_whitney(&[], &[1.0]), Err(RobustError::TooFew { .. })));
    assert!(matches!(permutation_independent(&[1.0], &[], &opts), Err(RobustError::TooFew { .. })));
    assert_eq!(
        wilcoxon(&[1.0, 2.0], &[1.0]),
        Err(RobustError::LengthMismatch { left: 2, right: 1 })
    );
    assert_eq!(
        mann_whitney(&[1.0, f64::INFINITY], &[1.0]),
        Err(RobustError::NonFinite { index: 1 })
    );
    assert_eq!(
        permutation_independent(&[1.0, 2.0], &[1.0, f64::NAN], &opts),
        Err(RobustError::NonFinite { index: 3 })
    );
    assert!(matches!(
        levene(&[&[1.0, 2.0], &[f64::NAN, 1.0]], Center::Mean),
        Err(RobustError::NonFinite { index: 2 })
    ));
    assert!(matches!(
        permutation_independent(&[1.0, 2.0], &[3.0, 4.0], &PermutationOptions { bins: 0, ..opts }),
        Err(RobustError::InvalidParameter { .. })
    ));
    assert!(matches!(
        permutation_independent(
            &[1.0, 2.0],
            &[3.0, 4.0],
            &PermutationOptions { exact_limit: 0, resamples: 0, ..opts }
        ),
        Err(RobustError::InvalidParameter { .. })
    ));
    assert!(matches!(jzs_bf10(2.0, 5.0, 8.0, -1.0), Err(RobustError::InvalidParameter { .. })));
    assert!(nct_cdf(1.0, -2.0, 0.0).is_err());
    assert!(ncp_interval(1.0, 10.0, 1.5).is_err());

    // Extreme magnitudes never panic.
    let huge = [1e308, -1e308, 5.0];
    let _ = permutation_independent(&huge, &[1.0, 2.0], &opts);
    let _ = mann_whitney(&huge, &[1.0, 2.0]);
    let _ = shapiro_wilk(&huge);
    let _ = levene(&[&huge, &[1.0, 2.0]], Center::Mean);
    let tiny = [1e-310, 2e-310, 3e-310];
    let _ = permutation_independent(&tiny, &[0.0, 1e-310], &opts);
    let _ = shapiro_wilk(&tiny);
    assert!(nct_cdf(1e300, 3.0, 2.0).unwrap() == 1.0);
    let _ = jzs_bf10(1e6, 10.0, 18.0, 0.7);

    // Leave-one-out needs three per group; the message names the informant.
    let p = points(Measure::Quarterly, true);
    let few: Vec<SalaryPoint> = p
        .iter()
        .filter(|x| x.group == Group::Development)
        .cloned()
        .chain(p.iter().filter(|x| x.group == Group::Service).take(2).cloned())
        .collect();
    let err = leave_one_out(&few, Design::DiffInDiff).unwrap_err();
    assert!(matches!(err, RobustError::LeaveOneOut { .. }));
    assert!(err.to_string().starts_with("not defined for this selection: without "), "{err}");
    assert_eq!(
        leave_one_out(&p, Design::Descriptive(Group::Service, Time::T2)),
        Err(RobustError::NoComparison)
    );
}
