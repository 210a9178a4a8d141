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
