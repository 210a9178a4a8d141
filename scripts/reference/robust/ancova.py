# ANCOVA (T2 ~ 1 + group + T1) and the log scale (log ratios ln(T2/T1)) for
# tests/robustness/ancova.rs. Run from the repository root:
#   python3 scripts/reference/robust/ancova.py
# ANCOVA by numpy.linalg.lstsq on the raw design matrix, with the OLS covariance
# s^2 (X'X)^-1 by numpy.linalg.inv (an independent route from the core's within-group
# centring); the log scale by scipy.stats.ttest_ind / ttest_1samp / ttest_rel.
import numpy as np
from scipy import stats
from data import points

def ancova(measure, discount):
    svc = points(measure, 'service', discount); dev = points(measure, 'development', discount)
    pts = svc + dev
    t1 = np.array([p[1] for p in pts]); t2 = np.array([p[2] for p in pts])
    g = np.array([1.0] * len(svc) + [0.0] * len(dev))          # 1 = Service, 0 = Development
    X = np.column_stack([np.ones(len(pts)), g, t1])
    beta = np.linalg.lstsq(X, t2, rcond=None)[0]
    df = len(pts) - 3
    resid = t2 - X @ beta
    s2 = resid @ resid / df
    se = np.sqrt(np.diag(s2 * np.linalg.inv(X.T @ X)))
    q = stats.t.ppf(0.975, df)
    t = beta[1] / se[1]
    print(f'ancova {measure} discount={discount}: df = {df}')
    for name, v in [('intercept', beta[0]), ('estimate', beta[1]), ('slope', beta[2]),
                    ('se', se[1]), ('slope_se', se[2]), ('t', t),
                    ('p', 2 * stats.t.sf(abs(t), df)),
                    ('ci_lo', beta[1] - q * se[1]), ('ci_hi', beta[1] + q * se[1]),
                    ('slope_ci_lo', beta[2] - q * se[2]), ('slope_ci_hi', beta[2] + q * se[2]),
                    ('residual_sd', np.sqrt(s2))]:
        print(f'  {name} = {float(v)!r}')

def log_scale(measure, discount):
    lr = {g: np.log(np.array([p[2] / p[1] for p in points(measure, g, discount)]))
          for g in ('service', 'development')}
    r = stats.ttest_ind(lr['service'], lr['development'])
    ci = r.confidence_interval(0.95)
    print(f'log {measure} discount={discount}: ttest_ind(log(t2/t1)) df = {r.df}')
    print(f'  t = {float(r.statistic)!r}\n  p = {float(r.pvalue)!r}')
    print(f'  ratio = {float(np.exp(lr["service"].mean() - lr["development"].mean()))!r}')
    print(f'  ratio_ci = ({float(np.exp(ci.low))!r}, {float(np.exp(ci.high))!r})')
    for g in ('service', 'development'):
        print(f'  {g}: percent = {float(np.expm1(lr[g].mean()) * 100)!r}')
        one = stats.ttest_1samp(lr[g], 0.0)
        t1 = np.array([p[1] for p in points(measure, g, discount)])
        t2 = np.array([p[2] for p in points(measure, g, discount)])
        rel = stats.ttest_rel(np.log(t2), np.log(t1))
        print(f'  {g}: ttest_1samp(log(t2/t1), 0) t = {float(one.statistic)!r}, p = {float(one.pvalue)!r}'
              f' (ttest_rel(log t2, log t1): {float(rel.statistic)!r}, {float(rel.pvalue)!r})')

for measure, discount in [('quarterly', True), ('quarterly', False), ('monthly', True)]:
    ancova(measure, discount)
    log_scale(measure, discount)
