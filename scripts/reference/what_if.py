"""References for leaving informants out and for own data (tests/what_if.rs).

Reads crates/core/data/study.json, drops the rows the text extraction repeated (as
Study::build does), and prints SciPy's tests on the quarterly T2 - T1 differences with T2
as printed (the paper's factor, so the discount is the page's default).
Run: python3 scripts/reference/what_if.py
"""
import json
from scipy import stats

d = json.load(open("crates/core/data/study.json"))
rows = {}
for g in ("service", "development"):
    seen = []
    for r in d["salaries"]["quarterly"]["extracted_rows"][g]:
        if r["informant"] not in [s["informant"] for s in seen]:
            seen.append(r)
    rows[g] = seen


def diffs(g, out):
    return [r["t2_printed"] - r["t1"] for r in rows[g] if r["informant"].lower() not in out]


for out in ([], ["blake"], ["blake", "harry"]):
    a, b = diffs("service", out), diffs("development", out)
    s = stats.ttest_ind(a, b)
    w = stats.ttest_ind(a, b, equal_var=False)
    u = stats.mannwhitneyu(a, b, alternative="two-sided")
    print(out, len(a), len(b), "student", repr(s.statistic), repr(s.pvalue), "welch", repr(w.statistic), repr(w.pvalue), "U", u.statistic, repr(u.pvalue))

# tests/fixtures/own/spreadsheet.csv: a file as a spreadsheet writes it (BOM, CRLF, quoted
# ids with a comma and a quote, quoted thousands commas). T2 - T1 differences, Pilot
# (the first group in the file) against Usual.
import csv
import io
import numpy as np

with open("tests/fixtures/own/spreadsheet.csv", encoding="utf-8-sig", newline="") as f:
    own = list(csv.DictReader(f))
num = lambda s: float(s.replace(",", ""))
by = {}
for r in own:
    by.setdefault(r["group"], []).append(num(r["t2"]) - num(r["t1"]))
a, b = by["Pilot"], by["Usual"]
s = stats.ttest_ind(a, b)
w = stats.ttest_ind(a, b, equal_var=False)
u = stats.mannwhitneyu(a, b, alternative="two-sided", method="exact")
perm = stats.permutation_test(
    (a, b), lambda x, y: np.mean(x) - np.mean(y), permutation_type="independent",
    n_resamples=np.inf, alternative="two-sided")
print("own", len(a), len(b), "student", repr(s.statistic), repr(s.pvalue), "df", s.df,
      "welch", repr(w.statistic), repr(w.pvalue), repr(w.df),
      "U", u.statistic, repr(u.pvalue), "perm", repr(perm.statistic), repr(perm.pvalue))


# ANCOVA (T2 ~ 1 + group + T1, group = 1 for the first group) by numpy.linalg.lstsq with
# the OLS covariance s^2 (X'X)^-1, and Student's t-test on log(t2/t1), for the same two
# cases: the reader's file above and the paper's data without Blake (as
# scripts/reference/robust/ancova.py does for the paper's whole data).
def ancova(first, second):
    pts = first + second
    t1 = np.array([p[0] for p in pts]); t2 = np.array([p[1] for p in pts])
    g = np.array([1.0] * len(first) + [0.0] * len(second))
    X = np.column_stack([np.ones(len(pts)), g, t1])
    beta = np.linalg.lstsq(X, t2, rcond=None)[0]
    df = len(pts) - 3
    resid = t2 - X @ beta
    s2 = resid @ resid / df
    se = np.sqrt(np.diag(s2 * np.linalg.inv(X.T @ X)))
    q = stats.t.ppf(0.975, df)
    t = beta[1] / se[1]
    return dict(df=df, estimate=beta[1], se=se[1], t=t, p=2 * stats.t.sf(abs(t), df),
                ci=(beta[1] - q * se[1], beta[1] + q * se[1]), slope=beta[2],
                slope_se=se[2], residual_sd=np.sqrt(s2))


def log_scale(first, second):
    la = np.log([p[1] / p[0] for p in first]); lb = np.log([p[1] / p[0] for p in second])
    r = stats.ttest_ind(la, lb)
    ci = r.confidence_interval(0.95)
    return dict(df=r.df, t=r.statistic, p=r.pvalue, first=np.expm1(la.mean()) * 100,
                second=np.expm1(lb.mean()) * 100, ratio=np.exp(la.mean() - lb.mean()),
                ratio_ci=(np.exp(ci.low), np.exp(ci.high)))


def show(name, first, second):
    for kind, res in (("ancova", ancova(first, second)), ("log", log_scale(first, second))):
        print(name, kind, {k: (tuple(float(x) for x in v) if isinstance(v, tuple) else float(v))
                           for k, v in res.items()})


pairs = {}
for r in own:
    pairs.setdefault(r["group"], []).append((num(r["t1"]), num(r["t2"])))
show("own", pairs["Pilot"], pairs["Usual"])
paper = {g: [(r["t1"], r["t2_printed"]) for r in rows[g] if r["informant"].lower() != "blake"]
         for g in rows}
show("without blake", paper["service"], paper["development"])
