#!/usr/bin/env python3
"""Independent reference for the teaching sample's coverage and kappa (pinned in tests/coverage.rs).

Reads public/sample/teaching-sample.qdpx with the standard library (zipfile, ElementTree), not
with the Rust importer, and prints per-cell coverage (pooled and mean of sources, all coders and
each coder) and Cohen's kappa from sklearn.metrics.cohen_kappa_score on 0/1 character vectors.
Python's len() counts code points, as REFI-QDA positions do.

    pip install scikit-learn && python3 scripts/coverage_reference.py
"""
import sys
import zipfile
import xml.etree.ElementTree as ET
from sklearn.metrics import cohen_kappa_score

NS = {"q": "urn:QDA-XML:project:1.0"}
path = sys.argv[1] if len(sys.argv) > 1 else "public/sample/teaching-sample.qdpx"
z = zipfile.ZipFile(path)
root = ET.fromstring(z.read("project.qde"))
users = {u.get("guid"): u.get("name") for u in root.iterfind("q:Users/q:User", NS)}
parent, names, order = {}, {}, []
def walk(el, par):
    for c in el.iterfind("q:Code", NS):
        parent[c.get("guid")] = par; names[c.get("guid")] = c.get("name"); order.append(c.get("guid"))
        walk(c, c.get("guid"))
walk(root.find("q:CodeBook/q:Codes", NS), None)
def ancestors_or_self(code):
    while code is not None:
        yield code; code = parent[code]
variables = {v.get("guid"): v.get("name") for v in root.iterfind("q:Variables/q:Variable", NS)}
attrs = {}
for case in root.iterfind("q:Cases/q:Case", NS):
    vals = {variables[vv.find("q:VariableRef", NS).get("targetGUID")]: vv.find("q:TextValue", NS).text
            for vv in case.iterfind("q:VariableValue", NS)}
    for sr in case.iterfind("q:SourceRef", NS):
        attrs.setdefault(sr.get("targetGUID"), {}).update(vals)
texts, codings = {}, []  # codings: (source, start, end, code, coder)
for ts in root.iterfind("q:Sources/q:TextSource", NS):
    g = ts.get("guid")
    texts[g] = z.read("Sources/" + ts.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
    for sel in ts.iterfind("q:PlainTextSelection", NS):
        for cod in sel.iterfind("q:Coding", NS):
            codings.append((g, int(sel.get("startPosition")), int(sel.get("endPosition")),
                            cod.find("q:CodeRef", NS).get("targetGUID"), cod.get("creatingUser")))

def vector(source, code, coder, aggregate=True):
    v = [0] * len(texts[source])
    for s, a, b, c, u in codings:
        if s == source and (coder is None or u == coder) and (code in ancestors_or_self(c) if aggregate else c == code):
            for i in range(a, b):
                v[i] = 1
    return v

cells = {}
for s in texts:
    cells.setdefault((attrs[s]["group"], attrs[s]["time"]), []).append(s)
for coder in [None] + sorted(users):
    print("coverage, coder =", users.get(coder, "all"))
    for code in order:
        row = []
        for key in sorted(cells):
            vs = [vector(s, code, coder) for s in cells[key]]
            pooled = 100 * sum(map(sum, vs)) / sum(map(len, vs))
            mean = sum(100 * sum(v) / len(v) for v in vs) / len(vs)
            row.append(f"{key[0][0]}{key[1]} pooled={pooled:.12f} mean={mean:.12f}")
        print(f"  {names[code]:38}", " | ".join(row))

a, b = sorted(users)
compared = [s for s in texts if any(c[0] == s and c[4] == a for c in codings) and any(c[0] == s and c[4] == b for c in codings)]
print("kappa", users[a], "vs", users[b], "on", len(compared), "sources")
for code in order:
    va = sum((vector(s, code, a) for s in compared), []); vb = sum((vector(s, code, b) for s in compared), [])
    print(f"  {names[code]:38} pooled={cohen_kappa_score(va, vb):.12f}")
used = [c for c in order if any(x[3] == c and x[0] in compared for x in codings)]
va = sum((vector(s, c, a, False) for c in used for s in compared), [])
vb = sum((vector(s, c, b, False) for c in used for s in compared), [])
print(f"  overall pooled={cohen_kappa_score(va, vb):.12f}")
num = den = 0.0
for c in used:
    for s in compared:
        x, y = vector(s, c, a, False), vector(s, c, b, False)
        if len(set(x) | set(y)) > 1:  # kappa defined (sklearn returns nan when pe = 1)
            num += len(x) * cohen_kappa_score(x, y); den += len(x)
print(f"  overall weighted={num / den:.12f}")
