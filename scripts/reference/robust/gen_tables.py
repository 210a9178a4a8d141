import json
R = json.load(open('ref.json'))
abs_counts = {('quarterly',True):(12,646635,82),('quarterly',False):(2,646645,236),('monthly',True):(979,645668,1996),('monthly',False):(1596,645051,3837)}
def f(x): return repr(float(x))
out=[]
for m in ['quarterly','monthly']:
    for disc in [True, False]:
        r = R[f"{m}_{'disc' if disc else 'raw'}"]
        ge, le, ab = abs_counts[(m,disc)]
        M = 'Measure::Quarterly' if m=='quarterly' else 'Measure::Monthly'
        exact = 'mwu_exact' in r
        mw = r['mwu_exact'] if exact else r['mwu_asym']
        e = r['effect']
        out.append(f'''    DidRef {{
        measure: {M},
        discount: {str(disc).lower()},
        t: {f(r['t'])}, // stats.ttest_ind(a, b).statistic
        mwu_u1: {f(mw[0])}, // stats.mannwhitneyu(a, b, method={"'exact'" if exact else "'asymptotic'"}).statistic
        mwu_p: {f(mw[1])}, // stats.mannwhitneyu(a, b, method={"'exact'" if exact else "'asymptotic'"}).pvalue{"" if exact else " (ties: SciPy's default, use_continuity=True)"}
        mwu_exact: {str(exact).lower()},
        mwu_asymptotic_p: {f(r['mwu_asym'][1])}, // stats.mannwhitneyu(a, b, method='asymptotic', use_continuity=True).pvalue
        perm_observed: {f(r['perm'][0])}, // stats.permutation_test((a, b), diff_mean, permutation_type='independent', n_resamples=np.inf, vectorized=True).statistic
        perm_two_sided: {f(r['perm'][1])}, // same call, alternative='two-sided' (the default): .pvalue
        perm_greater: {f(r['perm'][2])}, // same call, alternative='greater': .pvalue
        perm_counts: ({ge}, {le}, {ab}), // null = res.null_distribution; tol = 1e-9*abs(obs): count_nonzero(null >= obs - tol), (null <= obs + tol), (abs(null) >= abs(obs) - tol)
        d: {f(e[0])}, // (a.mean() - b.mean()) / sp, sp = sqrt(((n1-1)*a.var(ddof=1) + (n2-1)*b.var(ddof=1)) / (n1+n2-2))
        g: {f(e[2])}, // d * special.gamma(df/2) / (sqrt(df/2) * special.gamma((df-1)/2)), df = 20
        d_ci: ({f(e[3])}, {f(e[4])}), // optimize.brentq(lambda x: stats.nct.cdf(t, 20, x) - q, t-8, t+8, xtol=1e-14) * sqrt(1/10 + 1/12), q = .975, .025
        shapiro_service: ({f(r['shapiro_a'][0])}, {f(r['shapiro_a'][1])}), // stats.shapiro(a)
        shapiro_development: ({f(r['shapiro_b'][0])}, {f(r['shapiro_b'][1])}), // stats.shapiro(b)
        levene_mean: ({f(r['levene_mean'][0])}, {f(r['levene_mean'][1])}), // stats.levene(a, b, center='mean')
        levene_median: ({f(r['levene_median'][0])}, {f(r['levene_median'][1])}), // stats.levene(a, b, center='median')
        bf10: [{', '.join(f(x) for x in r['bf'])}], // jzs_bf10(t, 10*12/22, 20, r) for r in (0.5, sqrt(2)/2, 1)
    }},''')
print('\n'.join(out))
print('=====')
out=[]
for m in ['quarterly','monthly']:
    for disc in [True, False]:
        for g in ['service','development']:
            r = R[f"{m}_{'disc' if disc else 'raw'}_{g}"]
            M = 'Measure::Quarterly' if m=='quarterly' else 'Measure::Monthly'
            G = 'Group::Service' if g=='service' else 'Group::Development'
            out.append(f'''    PairedRef {{
        measure: {M},
        discount: {str(disc).lower()},
        group: {G},
        t: {f(r['t'])}, // stats.ttest_rel(t2, t1).statistic
        wilcoxon: ({f(r['wilcoxon'][0])}, {f(r['wilcoxon'][1])}), // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::METHOD,
        perm: ({f(r['perm'][0])}, {f(r['perm'][1])}, {f(r['perm'][2])}), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: ({f(r['dz'][0])}, {f(r['dz'][1])}, {f(r['dz'][2])}), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [{', '.join(f(x) for x in r['bf'])}], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    }},''')
print('\n'.join(out))
