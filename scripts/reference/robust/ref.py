import numpy as np, time, json, math
from scipy import stats, special, optimize
from data import *
from bf import jzs_bf10

def diff_mean(x, y, axis=-1): return np.mean(x, axis=axis) - np.mean(y, axis=axis)
def mean_diff(x, y, axis=-1): return np.mean(x - y, axis=axis)

def d_ci(t, df, scale):
    lo = optimize.brentq(lambda d: stats.nct.cdf(t, df, d) - 0.975, t - 8, t + 8, xtol=1e-14, rtol=1e-15)
    hi = optimize.brentq(lambda d: stats.nct.cdf(t, df, d) - 0.025, t - 8, t + 8, xtol=1e-14, rtol=1e-15)
    return lo*scale, hi*scale, lo, hi

out = {}
for m in ['quarterly', 'monthly']:
    for disc in [True, False]:
        key = f"{m}_{'disc' if disc else 'raw'}"
        a = np.array(diffs(m, 'service', disc)); b = np.array(diffs(m, 'development', disc))
        r = {}
        st = stats.ttest_ind(a, b); r['t'] = st.statistic; r['p'] = st.pvalue
        if len(set(np.concatenate([a, b]))) == len(a) + len(b):
            mw = stats.mannwhitneyu(a, b, method='exact'); r['mwu_exact'] = (mw.statistic, mw.pvalue)
        mw = stats.mannwhitneyu(a, b, method='asymptotic', use_continuity=True); r['mwu_asym'] = (mw.statistic, mw.pvalue)
        t0 = time.time()
        pt = stats.permutation_test((a, b), diff_mean, permutation_type='independent', alternative='two-sided', n_resamples=np.inf, vectorized=True)
        pg = stats.permutation_test((a, b), diff_mean, permutation_type='independent', alternative='greater', n_resamples=np.inf, vectorized=True)
        r['perm'] = (pt.statistic, pt.pvalue, pg.pvalue, len(pt.null_distribution), float(np.mean(np.abs(pt.null_distribution) >= abs(pt.statistic) * (1 - 1e-12))))
        r['perm_time'] = time.time() - t0
        n1, n2 = len(a), len(b); df = n1 + n2 - 2
        sp = np.sqrt(((n1-1)*np.var(a, ddof=1) + (n2-1)*np.var(b, ddof=1))/df)
        d = (a.mean() - b.mean())/sp
        J = special.gamma(df/2)/(np.sqrt(df/2)*special.gamma((df-1)/2))
        r['effect'] = (d, J, d*J) + d_ci(st.statistic, df, np.sqrt(1/n1 + 1/n2))
        r['shapiro_a'] = tuple(stats.shapiro(a)); r['shapiro_b'] = tuple(stats.shapiro(b))
        r['levene_mean'] = tuple(stats.levene(a, b, center='mean')); r['levene_median'] = tuple(stats.levene(a, b, center='median'))
        r['bf'] = [jzs_bf10(st.statistic, n1*n2/(n1+n2), df, rr) for rr in (0.5, np.sqrt(2)/2, 1.0)]
        out[key] = r
        # paired designs per group
        for g in ['service', 'development']:
            pts = points(m, g, disc)
            t1 = np.array([p[1] for p in pts]); t2 = np.array([p[2] for p in pts])
            pr = {}
            tt = stats.ttest_rel(t2, t1); pr['t'] = tt.statistic; pr['p'] = tt.pvalue
            w = stats.wilcoxon(t2, t1); pr['wilcoxon'] = (w.statistic, w.pvalue)
            pp = stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', alternative='two-sided', n_resamples=np.inf, vectorized=True)
            pg = stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', alternative='greater', n_resamples=np.inf, vectorized=True)
            pr['perm'] = (pp.statistic, pp.pvalue, pg.pvalue, len(pp.null_distribution))
            n = len(t1); dd = t2 - t1
            dz = dd.mean()/dd.std(ddof=1)
            pr['dz'] = (dz,) + d_ci(tt.statistic, n-1, 1/np.sqrt(n))
            pr['bf'] = [jzs_bf10(tt.statistic, n, n-1, rr) for rr in (0.5, np.sqrt(2)/2, 1.0)]
            pr['shapiro'] = tuple(stats.shapiro(dd))
            out[key + '_' + g] = pr
json.dump(out, open('ref.json', 'w'), indent=1, default=float)
print(json.dumps(out, indent=1, default=float))
