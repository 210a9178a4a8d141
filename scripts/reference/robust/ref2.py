import numpy as np, math
from scipy import stats
from data import *
# exact abs-two-sided counts from SciPy's null distributions
def diff_mean(x, y, axis=-1): return np.mean(x, axis=axis) - np.mean(y, axis=axis)
for m in ['quarterly','monthly']:
    for disc in [True, False]:
        a = np.array(diffs(m,'service',disc)); b = np.array(diffs(m,'development',disc))
        pt = stats.permutation_test((a, b), diff_mean, permutation_type='independent', alternative='less', n_resamples=np.inf, vectorized=True)
        null = pt.null_distribution; obs = pt.statistic
        tol = 1e-9*abs(obs)
        print(m, disc, 'less', pt.pvalue, 'ge', np.count_nonzero(null >= obs - tol), 'le', np.count_nonzero(null <= obs + tol), 'abs', np.count_nonzero(np.abs(null) >= abs(obs) - tol), len(null), 'min', null.min(), 'max', null.max(), 'hist', np.histogram(null, bins=60, range=(null.min(), null.max()))[0][:6])
