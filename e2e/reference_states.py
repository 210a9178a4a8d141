#!/usr/bin/env python3
"""Independent SciPy references for the e2e tests (writes e2e/reference_states.json).

Run from the repository root:  python3 e2e/reference_states.py
The JSON it writes is committed; e2e/reference.test.js reads it and compares the page.

Inputs: crates/core/data/study.json only (never the app's code). Per salary table and group, rows
repeated in `extracted_rows` (the same informant twice) are counted once, first occurrence
kept. T2 values:
  paper_factor = (2280000 / 30000000) / (1970000 / 31000000)      # 228*3100/(3000*197)
  discount on  : T2 = t2_printed / paper_factor * factor
                 factor = (salary2016 / revenue2016) / (salary2017 / revenue2017)
                 (= t2_printed, up to rounding, with the paper's totals)
  discount off : T2 = t2_printed / paper_factor                   # as originally paid
  T2 - T1 per informant.
The monthly salaries are Table A2's own rows (study.json's `monthly` table), as the app reads them.

Money is exact, as the app computes it: T1 and the printed T2 are decimals with two places,
read as whole cents; a T2 is the printed T2 times the exact fraction
  discount on  : exact_factor(totals) / exact_factor(paper)
  discount off : 1 / exact_factor(paper)
  exact_factor(t) = (salary2016 / revenue2016) * (revenue2017 / salary2017), each total in whole cents
(1 under the paper's totals), so every salary, T2 - T1, mean and difference of means is a
fractions.Fraction of cents, rounded to the cent with halves away from zero (Table 8's Service
T1 mean, 20,675.475, is shown 20,675.48). Only where a total has more than two decimals does
the app, and so this script, round the double. Statistics (t, df, p, SD, SE, CI) are SciPy's doubles.

The exact SciPy calls (scipy.stats as st, numpy as np):
  both groups, both times (difference-in-differences, the paper's test):
      a, b = Service T2-T1, Development T2-T1
      st.ttest_ind(a, b, equal_var=True)            -> Student t, df, p (two-sided)
      st.ttest_ind(a, b, equal_var=False)           -> Welch t, df, p (two-sided)
      res.confidence_interval(0.95)                 -> 95% CI of mean(a) - mean(b)
  both groups, one time:  the same two calls on Service vs Development values at that time
  one group, both times:  st.ttest_rel(T2, T1)     -> paired t (T2 - T1), df = n - 1, p
                          res.confidence_interval(0.95) -> 95% CI of mean(T2 - T1)
  one group, one time:    no test; n, np.mean(x), np.std(x, ddof=1)
  standard error:         res.statistic and the CI give se = (hi - lo) / (2 * st.t.ppf(.975, res.df))
  group descriptives:     np.mean(x), np.std(x, ddof=1),
                          st.t.interval(0.95, n - 1, loc=np.mean(x), scale=st.sem(x))

Displayed precision (APA 7, as the page prints it): t with two decimals; df whole for
Student and paired, two decimals for Welch; p with three decimals and no leading zero,
"p < .001" below .001; a true minus sign (U+2212) for negatives. Details: RMB with
thousands separators and two decimals, t to 4 decimals, p to 6, df as in the APA line.

Each expected display is a string. An amount of money that is exact (a salary, a mean, a
difference of means) has exactly one rendering. A double (t, p, SD, SE, a CI bound) becomes a
list of strings only if the SciPy value lies within 1e-6 of a unit of the last displayed digit
from a rounding boundary (then either neighbour is a correct rendering of the same number; the
script prints every such case).
"""

import json
import math
import os
import sys
from fractions import Fraction

import numpy as np
import scipy
import scipy.stats as st

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STUDY = os.path.join(ROOT, "crates", "core", "data", "study.json")
OUT = os.path.join(HERE, "reference_states.json")

MINUS = "\u2212"
GROUPS = ["service", "development"]
GROUP_LABEL = {"service": "Service", "development": "Development"}
TIMES = ["t1", "t2"]
TOTAL_KEYS = ["salary2016", "revenue2016", "salary2017", "revenue2017"]

AMBIGUOUS = []
NOT_EXACT = []  # amounts of money known only as doubles (a total with more than two decimals)


# ---------------------------------------------------------------- formatting (the page's)

def fixed(x, d):
    if not math.isfinite(x):
        return "\u2014"
    s = f"{abs(x):.{d}f}"
    if x < 0 and any(c in "123456789" for c in s):
        return MINUS + s
    return s


def grouped(x, d):
    s = fixed(x, d)
    sign = ""
    if s.startswith(MINUS):
        sign, s = MINUS, s[1:]
    i, _, f = s.partition(".")
    i = f"{int(i):,}"
    return sign + i + ("." + f if f else "")


def rmb(x):
    return grouped(x, 2)


def round_half_away(q):
    """The whole number nearest a Fraction, halves away from zero."""
    n = (abs(q.numerator) * 2 + q.denominator) // (2 * q.denominator)
    return -n if q < 0 else n


def rmb_cents(c):
    """An exact amount in cents (a Fraction) as the page prints it: to the cent, halves away
    from zero, thousands separators, a true minus sign only below zero after rounding."""
    u = round_half_away(c)
    sign = MINUS if u < 0 else ""
    return f"{sign}{abs(u) // 100:,}.{abs(u) % 100:02d}"


def money(cents, double, what):
    """An amount of money: from its exact cents where known (one rendering), else the double."""
    if cents is not None:
        return rmb_cents(cents)
    NOT_EXACT.append(what)
    return expect(rmb, (double, 2), what=what)


def no_leading_zero(x, d):
    s = fixed(x, d)
    if s.startswith(MINUS + "0."):
        return MINUS + s[2:]
    if s.startswith("0."):
        return s[1:]
    return s


def apa_p(p):
    if p < 0.001:
        return "p < .001"
    if p > 0.999:
        return "p > .999"
    return "p = " + no_leading_zero(p, 3)


def apa_df(df, welch):
    return fixed(df, 2) if welch else fixed(float(round(df)), 0)


def apa(t, df, p, welch):
    return f"t({apa_df(df, welch)}) = {fixed(t, 2)}, {apa_p(p)}"


# ------------------------------------------------ robust expectations at displayed precision

def nudges(v, decimals):
    """v and v moved by 1e-6 of the last displayed unit either way."""
    eps = 1e-6 * 10.0 ** (-decimals)
    return [v - eps, v, v + eps]


def expect(render, *pairs, what=""):
    """All distinct renderings over nudged inputs; a plain string when unambiguous."""
    combos = [[]]
    for v, d in pairs:
        combos = [c + [x] for c in combos for x in nudges(v, d)]
    outs = []
    for c in combos:
        s = render(*c)
        if s not in outs:
            outs.append(s)
    exact = render(*[v for v, _ in pairs])
    outs.sort(key=lambda s: s != exact)
    if len(outs) > 1:
        AMBIGUOUS.append((what, outs))
        return outs
    return outs[0]


# ------------------------------------------------------------------------------ the data

def load():
    with open(STUDY, encoding="utf-8") as f:
        study = json.load(f)
    tables = {}
    for measure in ("quarterly", "monthly"):
        rows = []
        for g in GROUPS:
            seen = {}
            for r in study["salaries"][measure]["extracted_rows"][g]:
                name = r["informant"]
                if name in seen:  # repeated by the text extraction: count once
                    assert seen[name] == (r["t1"], r["t2_printed"]), f"conflicting repeat of {name}"
                    continue
                seen[name] = (r["t1"], r["t2_printed"])
                rows.append({"informant": name, "group": g, "t1": float(r["t1"]), "t2_printed": float(r["t2_printed"])})
        tables[measure] = rows
    d = study["discount"]
    paper = {
        "salary2016": float(d["salary_total_2016"]["value"]),
        "revenue2016": float(d["revenue_2016"]["value"]),
        "salary2017": float(d["salary_total_2017"]["value"]),
        "revenue2017": float(d["revenue_2017"]["value"]),
    }
    return study, tables, paper


def factor(t):
    return (t["salary2016"] / t["revenue2016"]) / (t["salary2017"] / t["revenue2017"])


def whole_cents(x):
    """The whole cents a double stands for when it is the double nearest a decimal with at most
    two places (the app's text::money::whole_cents); None otherwise."""
    if not math.isfinite(x):
        return None
    c = round(x * 100.0)
    if abs(c) < 2**53 and c / 100.0 == x:
        return c
    return None


def exact_factor(t):
    """The discount factor as a Fraction of the totals in whole cents (DiscountTotals::exact_factor)."""
    c = {k: whole_cents(t[k]) for k in TOTAL_KEYS}
    if any(v is None for v in c.values()):
        return None
    return Fraction(c["salary2016"], c["revenue2016"]) * Fraction(c["revenue2017"], c["salary2017"])


def exact_rescale(paper, sel):
    """The exact fraction a printed T2 is multiplied by (stats::discount::exact_rescale)."""
    pf = exact_factor(paper)
    target = exact_factor(sel["totals"]) if sel["discount"] else Fraction(1)
    if pf is None or target is None:
        return None
    return target / pf


def amount_text(v):
    if v == int(v):
        return str(int(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def points(tables, paper, sel):
    pf = factor(paper)
    f = factor(sel["totals"])
    k = exact_rescale(paper, sel)
    out = []
    for r in tables[sel["salary"]]:
        if r["group"] not in sel["groups"]:
            continue
        t2 = r["t2_printed"] / pf * f if sel["discount"] else r["t2_printed"] / pf
        t1_c, t2_printed_c = whole_cents(r["t1"]), whole_cents(r["t2_printed"])
        t1_c = None if t1_c is None else Fraction(t1_c)
        t2_c = None if k is None or t2_printed_c is None else t2_printed_c * k
        diff_c = None if t1_c is None or t2_c is None else t2_c - t1_c
        out.append({
            "informant": r["informant"], "group": r["group"], "t1": r["t1"], "t2": t2, "diff": t2 - r["t1"],
            "cents": {"t1": t1_c, "t2": t2_c, "diff": diff_c},
        })
    return out


def series_of(sel):
    s = [(t.upper(), t) for t in TIMES if t in sel["times"]]
    if len(sel["times"]) == 2:
        s.append(("T2" + MINUS + "T1", "diff"))
    return s


def values(pts, g, key):
    return np.array([p[key] for p in pts if p["group"] == g], dtype=float)


def mean_cents(pts, g, key):
    """The exact mean in cents of a group's amounts (Money::mean); None unless every one is exact."""
    xs = [p["cents"][key] for p in pts if p["group"] == g]
    if not xs or any(x is None for x in xs):
        return None
    return sum(xs, Fraction(0)) / len(xs)


def minus(a, b):
    return None if a is None or b is None else a - b


def canonical_query(sel, paper):
    q = [
        "groups=" + ",".join(g for g in GROUPS if g in sel["groups"]),
        "times=" + ",".join(t for t in TIMES if t in sel["times"]),
        "salary=" + sel["salary"],
        "discount=" + ("on" if sel["discount"] else "off"),
    ]
    for k in TOTAL_KEYS:
        if sel["totals"][k] != paper[k]:
            q.append(f"{k}={amount_text(sel['totals'][k])}")
    return "&".join(q)


# ------------------------------------------------------------------------------- a state

def independent_rows(res, a, b, na, nb, welch_res, ca, cb):
    """`ca`, `cb`: the two exact means in cents (or None)."""
    lo, hi = res.confidence_interval(0.95)
    se = (hi - lo) / (2 * st.t.ppf(0.975, res.df))
    ma, mb = float(np.mean(a)), float(np.mean(b))
    rows = [
        (f"n ({na}, {nb})", f"{len(a)}, {len(b)}"),
        (f"mean {na}", money(ca, ma, what=f"mean {na}")),
        (f"mean {nb}", money(cb, mb, what=f"mean {nb}")),
        (f"SD {na}", expect(rmb, (float(np.std(a, ddof=1)), 2), what=f"SD {na}")),
        (f"SD {nb}", expect(rmb, (float(np.std(b, ddof=1)), 2), what=f"SD {nb}")),
        (f"mean difference ({na} {MINUS} {nb})", money(minus(ca, cb), ma - mb, what="mean difference")),
        ("standard error", expect(rmb, (float(se), 2), what="se")),
        ("df", apa_df(float(res.df), False)),
        ("t", expect(lambda x: fixed(x, 4), (float(res.statistic), 4), what="t")),
        ("p (two-sided)", expect(lambda x: f"{x:.6f}", (float(res.pvalue), 6), what="p")),
        ("95% CI of the difference", expect(lambda x, y: f"[{rmb(x)}, {rmb(y)}]", (float(lo), 2), (float(hi), 2), what="CI")),
    ]
    wlo, whi = welch_res.confidence_interval(0.95)
    rows += [
        ("Welch t", expect(lambda x: fixed(x, 4), (float(welch_res.statistic), 4), what="Welch t")),
        ("Welch df", expect(lambda x: apa_df(x, True), (float(welch_res.df), 2), what="Welch df")),
        ("Welch p (two-sided)", expect(lambda x: f"{x:.6f}", (float(welch_res.pvalue), 6), what="Welch p")),
        ("Welch 95% CI of the difference", expect(lambda x, y: f"[{rmb(x)}, {rmb(y)}]", (float(wlo), 2), (float(whi), 2), what="Welch CI")),
    ]
    return rows


def paired_rows(res, t1, t2, c1, c2, cd):
    """`c1`, `c2`, `cd`: the exact means in cents of T1, T2 and T2 - T1 (or None)."""
    lo, hi = res.confidence_interval(0.95)
    se = (hi - lo) / (2 * st.t.ppf(0.975, res.df))
    d = t2 - t1
    return [
        ("n (T1, T2)", f"{len(t1)}, {len(t2)}"),
        ("mean T1", money(c1, float(np.mean(t1)), what="mean T1")),
        ("mean T2", money(c2, float(np.mean(t2)), what="mean T2")),
        (f"mean of differences (T2 {MINUS} T1)", money(cd, float(np.mean(d)), what="mean diff")),
        ("SD of differences", expect(rmb, (float(np.std(d, ddof=1)), 2), what="SD diff")),
        ("standard error", expect(rmb, (float(se), 2), what="se")),
        ("df", apa_df(float(res.df), False)),
        ("t", expect(lambda x: fixed(x, 4), (float(res.statistic), 4), what="t")),
        ("p (two-sided)", expect(lambda x: f"{x:.6f}", (float(res.pvalue), 6), what="p")),
        ("95% CI of the difference", expect(lambda x, y: f"[{rmb(x)}, {rmb(y)}]", (float(lo), 2), (float(hi), 2), what="CI")),
    ]


def tdist_rows(res):
    return [
        ("degrees of freedom", apa_df(float(res.df), False)),
        ("observed t", expect(lambda x: fixed(x, 4), (float(res.statistic), 4), what="tdist t")),
        ("two-sided p (shaded area)", expect(lambda x: f"{x:.6f}", (float(res.pvalue), 6), what="tdist p")),
    ]


def scipy_numbers(res):
    lo, hi = res.confidence_interval(0.95)
    return {"t": float(res.statistic), "df": float(res.df), "p": float(res.pvalue), "ci95": [float(lo), float(hi)]}


def build_state(name, query, sel, tables, paper):
    pts = points(tables, paper, sel)
    groups, times = sel["groups"], sel["times"]
    state = {
        "name": name,
        "query": query,
        "canonical_query": canonical_query(sel, paper),
        "controls": {
            "groups": list(groups),
            "times": list(times),
            "salary": sel["salary"],
            "discount": sel["discount"],
            "totals": {k: amount_text(sel["totals"][k]) for k in TOTAL_KEYS},
        },
        "factor": factor(sel["totals"]),
    }
    # The salary table: one row per informant of the selected groups, the shown series,
    # after the "Included" column whose cells hold only a checkbox (no text).
    series = series_of(sel)
    state["salary_table"] = {
        "head": ["Included", "Informant", "Group"] + [s for s, _ in series],
        "rows": [["", p["informant"], GROUP_LABEL[p["group"]]] + [money(p["cents"][k], p[k], what=f"{name} {p['informant']} {k}") for _, k in series] for p in pts],
    }
    # Group descriptives.
    desc = []
    for g in GROUPS:
        if g not in groups:
            continue
        for label, key in series:
            x = values(pts, g, key)
            n = len(x)
            m = float(np.mean(x))
            sd = float(np.std(x, ddof=1))
            lo, hi = st.t.interval(0.95, n - 1, loc=m, scale=st.sem(x))
            desc.append([
                GROUP_LABEL[g], label, str(n),
                money(mean_cents(pts, g, key), m, what=f"{name} {g} {label} mean"),
                expect(rmb, (sd, 2), what=f"{name} {g} {label} sd"),
                expect(lambda a, b: f"[{rmb(a)}, {rmb(b)}]", (float(lo), 2), (float(hi), 2), what=f"{name} {g} {label} ci"),
            ])
    state["descriptives"] = desc

    if len(groups) == 2:
        key = "diff" if len(times) == 2 else times[0]
        a, b = values(pts, "service", key), values(pts, "development", key)
        student = st.ttest_ind(a, b, equal_var=True)
        welch = st.ttest_ind(a, b, equal_var=False)
        state["design"] = "diff-in-diff" if key == "diff" else f"between-{key}"
        state["scipy"] = {"student": scipy_numbers(student), "welch": scipy_numbers(welch)}
        state["apa_primary"] = expect(lambda t, df, p: "Student: " + apa(t, df, p, False),
                                      (float(student.statistic), 2), (float(student.df), 2), (float(student.pvalue), 3), what=f"{name} APA")
        state["apa_welch"] = expect(lambda t, df, p: "Welch: " + apa(t, df, p, True),
                                    (float(welch.statistic), 2), (float(welch.df), 2), (float(welch.pvalue), 3), what=f"{name} APA Welch")
        ca, cb = mean_cents(pts, "service", key), mean_cents(pts, "development", key)
        state["details"] = independent_rows(student, a, b, "Service", "Development", welch, ca, cb)
        state["tdist"] = tdist_rows(student)
        state["explanation_contains"] = ("the paper's own test" if key == "diff"
                                         else f"salaries at {key.upper()}? This compares the two groups at that one time")
    elif len(times) == 2:
        g = groups[0]
        t1, t2 = values(pts, g, "t1"), values(pts, g, "t2")
        res = st.ttest_rel(t2, t1)
        state["design"] = f"paired-{g}"
        state["scipy"] = {"paired": scipy_numbers(res)}
        state["apa_primary"] = expect(lambda t, df, p: "Paired: " + apa(t, df, p, False),
                                      (float(res.statistic), 2), (float(res.df), 2), (float(res.pvalue), 3), what=f"{name} APA")
        state["apa_welch"] = None
        c1, c2, cd = (mean_cents(pts, g, k) for k in ("t1", "t2", "diff"))
        state["details"] = paired_rows(res, t1, t2, c1, c2, cd)
        state["tdist"] = tdist_rows(res)
        state["explanation_contains"] = f"in {GROUP_LABEL[g]} change from T1 to T2? This compares each informant with themself"
    else:
        g, t = groups[0], times[0]
        x = values(pts, g, t)
        state["design"] = f"descriptive-{g}-{t}"
        state["scipy"] = None
        state["apa_primary"] = "No test applies"
        state["apa_welch"] = None
        state["details"] = [
            ("n", str(len(x))),
            ("mean", money(mean_cents(pts, g, t), float(np.mean(x)), what=f"{name} mean")),
            ("SD", expect(rmb, (float(np.std(x, ddof=1)), 2), what=f"{name} sd")),
        ]
        state["tdist"] = None
        state["explanation_contains"] = f"Only {GROUP_LABEL[g]} at {t.upper()} is selected, so there is nothing to compare: no test applies."
    state["details"] = [list(r) for r in state["details"]]
    if state["tdist"] is not None:
        state["tdist"] = [list(r) for r in state["tdist"]]
    return state


def main():
    _, tables, paper = load()
    n = {m: {g: sum(1 for r in tables[m] if r["group"] == g) for g in GROUPS} for m in tables}
    assert n == {"quarterly": {"service": 10, "development": 12}, "monthly": {"service": 10, "development": 12}}, n

    def sel(groups=GROUPS, times=TIMES, salary="quarterly", discount=True, **totals):
        t = dict(paper)
        t.update({k: float(v) for k, v in totals.items()})
        return {"groups": list(groups), "times": list(times), "salary": salary, "discount": discount, "totals": t}

    specs = [
        ("paper", "", sel()),
        ("monthly", "salary=monthly", sel(salary="monthly")),
        ("between-t1", "times=t1", sel(times=["t1"])),
        ("between-t2", "times=t2", sel(times=["t2"])),
        ("paired-service", "groups=service", sel(groups=["service"])),
        ("paired-development", "groups=development", sel(groups=["development"])),
        ("discount-off-quarterly", "discount=off", sel(discount=False)),
        ("discount-off-monthly", "salary=monthly&discount=off", sel(salary="monthly", discount=False)),
        ("custom-revenue2017", "revenue2017=40000000", sel(revenue2017=40000000)),
        ("custom-all-totals", "salary2016=2000000&revenue2016=25000000&salary2017=2100000&revenue2017=31500000.5",
         sel(salary2016=2000000, revenue2016=25000000, salary2017=2100000, revenue2017=31500000.5)),
        ("descriptive-service-t1", "groups=service&times=t1", sel(groups=["service"], times=["t1"])),
        ("descriptive-service-t2", "groups=service&times=t2", sel(groups=["service"], times=["t2"])),
        ("descriptive-development-t2-monthly-off", "groups=development&times=t2&salary=monthly&discount=off",
         sel(groups=["development"], times=["t2"], salary="monthly", discount=False)),
        ("paired-development-monthly-off", "groups=development&times=t1,t2&salary=monthly&discount=off",
         sel(groups=["development"], salary="monthly", discount=False)),
        ("between-t2-custom", "times=t2&revenue2017=40000000", sel(times=["t2"], revenue2017=40000000)),
    ]
    states = [build_state(name, q, s, tables, paper) for name, q, s in specs]

    # The brief's fixed strings, checked against SciPy here so a mismatch is caught at source.
    by = {s["name"]: s for s in states}
    assert by["paper"]["apa_primary"] == "Student: t(20) = 3.99, p < .001", by["paper"]["apa_primary"]
    assert by["paper"]["apa_welch"] == "Welch: t(18.73) = 3.96, p < .001", by["paper"]["apa_welch"]
    assert by["monthly"]["apa_primary"] == "Student: t(20) = 3.22, p = .004", by["monthly"]["apa_primary"]
    for s in states:
        assert isinstance(s["apa_primary"], str), f"{s['name']}: APA line too close to a rounding boundary"

    doc = {
        "generated_by": "e2e/reference_states.py",
        "inputs": "crates/core/data/study.json",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "paper_factor": factor(paper),
        "note": "Expected displays at the page's precision. Money is exact in cents, halves away from zero: one rendering. A list (a double on a rounding boundary) means either rendering is correct.",
        "states": states,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for s in states:
        print(f"{s['name']:<40} ?{s['query']:<60} {s['apa_primary']}" + (f" | {s['apa_welch']}" if s["apa_welch"] else ""))
    for what, outs in AMBIGUOUS:
        print(f"boundary: {what}: {outs}")
    for what in NOT_EXACT:
        print(f"money from a double: {what}")
    print(f"wrote {os.path.relpath(OUT, ROOT)} ({len(states)} states)")


if __name__ == "__main__":
    main()
