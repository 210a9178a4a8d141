#!/usr/bin/env python3
"""Independent reference for coverage by document set (pinned in tests/coverage/sets.rs).

Reads a REFI-QDA .qdpx with the standard library only (zipfile, ElementTree), not with the
Rust importer: any .qde name, elements matched by local name whatever their namespace (MAXQDA
gives its CodeBook its own), texts from internal:// paths in the Sources folder (any case) or
relative:// paths found in the archive. Prints, for each set of sources (REFI-QDA Sets with
MemberSource; sets of codes only are skipped) and each code with codings in it, the pooled and
mean-of-sources coverage of the code with its descendants, all coders, then each coder.
Python's len() counts code points, as REFI-QDA positions do.

    python3 scripts/sets_reference.py tests/coverage/fixtures/maxqda-24-sets.qdpx
"""
import sys
import zipfile
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit("}", 1)[-1]


def children(el, name):
    return [c for c in el if local(c.tag) == name]


z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
qde = [n for n in names if n.lower().endswith(".qde")][0]
root = ET.fromstring(z.read(qde))
top = {local(c.tag): c for c in root}
users = {u.get("guid"): u.get("name") for u in children(top["Users"], "User")}
parent, code_names, order = {}, {}, []


def walk(el, par):
    for c in children(el, "Code"):
        g = c.get("guid")
        parent[g], code_names[g] = par, c.get("name")
        order.append(g)
        walk(c, g)


walk(children(top["CodeBook"], "Codes")[0], None)


def ancestors_or_self(code):
    while code is not None:
        yield code
        code = parent[code]


def text_of(path):
    if path.startswith("internal://"):
        want = "sources/" + path[len("internal://"):]
    else:  # relative:// found in the archive's Sources folder
        want = "sources/" + path[len("relative://"):].lstrip("/")
    entry = [n for n in names if n.lower() == want.lower()][0]
    return z.read(entry).decode("utf-8")


texts, source_names, codings = {}, {}, []  # codings: (source, start, end, code, coder)
for ts in children(top["Sources"], "TextSource"):
    g = ts.get("guid")
    texts[g], source_names[g] = text_of(ts.get("plainTextPath")), ts.get("name")
    for sel in children(ts, "PlainTextSelection"):
        for cod in children(sel, "Coding"):
            codings.append((g, int(sel.get("startPosition")), int(sel.get("endPosition")),
                            children(cod, "CodeRef")[0].get("targetGUID"),
                            cod.get("creatingUser") or sel.get("creatingUser")))

sets = []
for s in children(top.get("Sets", ET.Element("Sets")), "Set"):
    members = [m.get("targetGUID") for m in children(s, "MemberSource")]
    if members or not (children(s, "MemberCode") or children(s, "MemberNote")):
        sets.append((s.get("name"), [g for g in texts if g in members]))


def coded(source, code, coder):
    v = [0] * len(texts[source])
    for s, a, b, c, u in codings:
        if s == source and (coder is None or u == coder) and code in ancestors_or_self(c):
            for i in range(a, b):
                v[i] = 1
    return sum(v)


print("sources:", {source_names[g]: (len(t), len(t.encode())) for g, t in texts.items()},
      "(characters, UTF-8 bytes)")
print("codes:", len(order), "with codings (or a sub-code with codings):",
      sum(any(code in ancestors_or_self(c[3]) for c in codings) for code in order))
for coder in [None] + sorted(users):
    print("coverage, coder =", users.get(coder, "all"))
    for name, members in sets:
        lengths = [len(texts[s]) for s in members]
        print(f"  set {name}: {len(members)} sources, {sum(lengths)} characters")
        for code in order:
            cs = [coded(s, code, coder) for s in members]
            if sum(cs) == 0:
                continue
            pooled = 100 * sum(cs) / sum(lengths)
            mean = sum(100 * c / n for c, n in zip(cs, lengths)) / len(members)
            print(f"    {code_names[code]:24} coded={cs} pooled={pooled:.12f} mean={mean:.12f}")
