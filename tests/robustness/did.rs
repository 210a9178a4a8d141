//! The paper's difference-in-differences design (Service vs Development, T2 − T1)
//! against SciPy.

use super::*;

pub(crate) struct DidRef {
    measure: Measure,
    discount: bool,
    pub(crate) t: f64,
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

pub(crate) const DID: [DidRef; 4] = [
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
