import numpy as np, math
from scipy import stats, special
from data import *
np.set_printoptions(precision=17)
def diff_mean(x, y, axis=-1): return np.mean(x, axis=axis) - np.mean(y, axis=axis)
a = np.array(diffs('quarterly','service',True)); b = np.array(diffs('quarterly','development',True))
pt = stats.permutation_test((a, b), diff_mean, permutation_type='independent', alternative='two-sided', n_resamples=np.inf, vectorized=True)
null = pt.null_distribution
print('HIST', [int(v) for v in np.histogram(null, bins=60, range=(null.min(), null.max()))[0]])
print('NCT')
for t in [-8.0, -2.5, -0.3, 0.0, 0.7, 3.99, 12.0]:
    for df in [2.0, 7.0, 20.0, 100.0]:
        for ncp in [-10.0, -3.0, -0.5, 0.0, 1.5, 5.0, 10.0]:
            print(f"    ({t!r}, {df!r}, {ncp!r}, {float(stats.nct.cdf(t, df, ncp))!r}),")
print('SHAPIRO')
def synth(n):
    return np.array([((i*37 + 11) % 29) * 1.5 + math.sqrt(i) for i in range(n)])
for n in [3,4,5,7,11,20,50]:
    x = synth(n); r = stats.shapiro(x)
    print(f"    ({n}, {r.statistic!r}, {r.pvalue!r}),")
# n=3 and small explicit
for x in [[1.0,2.0,4.0],[2.0,2.0,3.0],[1.0, 2.0, 3.0, 4.0, 100.0],[-1.5, 0.25, 0.25, 7.0, 3.0, 2.0]]:
    r = stats.shapiro(x); print('   ', x, repr(r.statistic), repr(r.pvalue))
print('TIES')
x = [1.0, 2.0, 2.0, 3.0, 4.0, 5.0, 5.0, 6.0]; y = [2.0, 3.0, 3.0, 4.0, 7.0, 8.0, 8.0, 9.0, 9.0]
r = stats.mannwhitneyu(x, y); print('mwu auto', repr(r.statistic), repr(r.pvalue))
r = stats.mannwhitneyu(x, y, method='asymptotic'); print('mwu asym', repr(r.statistic), repr(r.pvalue))
print('levene mean', stats.levene(x, y, center='mean')); print('levene median', stats.levene(x, y, center='median'))
x3 = [1.0, 2.0, 2.0, 3.0]; y3=[10.0, 12.0, 9.0, 11.0, 10.0]; z3=[5.0, 5.0, 5.5, 8.0, 2.0, 6.0]
print('levene3 mean', stats.levene(x3, y3, z3, center='mean')); print('levene3 median', stats.levene(x3, y3, z3, center='median'))
d = [0.0, 1.5, -1.5, 2.0, 2.0, 3.0, -0.5, 4.0, 4.0, 5.0, 6.0]   # ties and a zero, n=11 -> permutation
r = stats.wilcoxon(d); print('wilcoxon small ties', repr(r.statistic), repr(r.pvalue))
d2 = [0.0, 1.5, -1.5, 2.0, 2.0, 3.0, -0.5, 4.0, 4.0, 5.0, 6.0, 7.5, -2.0, 8.0, 8.0, 0.0, 9.0, 3.0]  # n=18 -> asymptotic
r = stats.wilcoxon(d2); print('wilcoxon asym ties', repr(r.statistic), repr(r.pvalue))
d3 = [float(v) for v in range(-20, 41) if v != 0]  # n=60 no ties -> asymptotic (n>50)
r = stats.wilcoxon(d3); print('wilcoxon n60', repr(r.statistic), repr(r.pvalue))
d4 = [0.3, -1.2, 2.5, 3.1, -0.7, 4.4, 5.0, 1.9, 6.2, 7.7, -2.8, 8.1, 9.9, 0.1, 10.5, 11.0, 12.3, 3.3, 13.1, -4.0]  # n=20 no ties -> exact
r = stats.wilcoxon(d4); print('wilcoxon exact 20', repr(r.statistic), repr(r.pvalue))
print('J', repr(special.gamma(10)/(math.sqrt(10)*special.gamma(9.5))), repr(special.gamma(4.5)/(math.sqrt(4.5)*special.gamma(4.0))))
# MWU exact no ties moderate sizes
x5 = [1.1, 2.3, 3.7, 4.2, 5.9, 6.4, 7.0]; y5 = [0.5, 2.9, 8.1, 9.3, 10.2]
r = stats.mannwhitneyu(x5, y5, method='exact'); print('mwu exact small', repr(r.statistic), repr(r.pvalue))
