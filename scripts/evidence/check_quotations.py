#!/usr/bin/env python3
"""Checks the evidence in crates/core/data/study.json against the paper's text.

1. Every stored quotation occurs verbatim in the normalised paper (asterisks, <i>/</i>
   removed, whitespace collapsed, which also joins page-split lines), with quote marks
   immediately around at least one occurrence.
2. Completeness by quote marks: every passage of the paper enclosed by quote marks with at
   least MIN_WORDS words is a stored quotation (or inside one), or is a candidate in
   quotation_check.candidates whose decision says why it is not a quotation.
3. Completeness by italics: the paper sets interview words in italics, so every italic run
   outside the reference list is inside a stored quotation or is listed in ITALIC_NOT_QUOTES.
4. Every other text the explorer shows as the paper's words (model definitions and edge
   arguments, the limitations, the cells of Tables 1, 5, 6 and A1) occurs verbatim in the
   paper, and the two background sentences occur verbatim in the essay.
5. Every candidate's `section` (where a reader finds it in the paper) is the place its
   `line` of the text extraction lies in: a footnote, a table, or else the last heading
   or paragraph lead in LOCATORS before it.

Run from the repository root: python3 scripts/evidence/check_quotations.py
Exit status 0 when every check passes.
"""
import json
import re
import sys

PAPER = "/work/shared/study/000_3e81d1c517a65106.txt"
ESSAY = "/work/shared/study/001_b3f2510927b910de.txt"
STUDY = "crates/core/data/study.json"
MIN_WORDS = 3
OPEN = "\u201c\""
CLOSE = "\u201d\""
# Italic runs that are not quotations (terms, emphasis, table headings, formula asterisks).
ITALIC_NOT_QUOTES = [
    "Work-oriented social media", "Socialization-oriented social media", "228",
    "Communication features", "Office automation features", "Collaboration features",
    "197)$ .", "and in a similar way to Facebook", ", and they brought the informal",
    ") in combination with socialization-oriented social media (",
]
# Where a candidate lies, as readers cite it: a heading or a paragraph lead of the text
# extraction, and the name the explorer shows for the text after it. Tables (rows are
# tab-separated) and footnotes (`<sup>n</sup>` lines) are found by their own marks.
LOCATORS = [
    ("### **INTRODUCTION**", "Introduction"),
    ("### **Conceptualization and classification of social media in the workplace**",
     "Theoretical background: conceptualization and classification of social media in the workplace"),
    ("### **Research context and design**", "Research methodology: research context and design"),
    ("**Data collection:**", "Research methodology: data collection"),
    ("**Prevention of positive bias in retrospective interviews:**",
     "Research methodology: prevention of positive bias in retrospective interviews"),
    ("**Coders and data saturation point:**", "Research methodology: coders and data saturation point"),
    ("**Work-oriented social media and team monitoring:**", "Key findings: team monitoring"),
    ("**Work-oriented social media and team effort:**", "Key findings: team effort"),
    ("**Socialization-oriented social media and social exchange:**", "Key findings: social exchange"),
    ("**Socialization-oriented social media and social support:**", "Key findings: social support"),
    ("**Impact on team performance:**", "Key findings: impact on team performance"),
    ("### **Discussion of results**", "Discussion and conclusions: discussion of results"),
    ("### **Contributions to IS research**", "Discussion and conclusions: contributions to IS research"),
    ("## REFERENCES", "References"),
]


def section_of(lines, n):
    """Where line `n` (1-based) of the text extraction lies, as a reader cites it."""
    line = lines[n - 1]
    footnote = re.match(r"<sup>(\d+)</sup>", line)
    if footnote:
        return f"Footnote {footnote.group(1)}"
    for before in reversed(lines[:n]):
        table = re.match(r"\*\*Table (\w+):", before)
        if "\t" in line and table:
            return f"Table {table.group(1)}"
        for start, name in LOCATORS:
            if before.startswith(start):
                return name
    return None


def normalise(text):
    text = text.replace("<i>", "").replace("</i>", "").replace("*", "")
    return re.sub(r"\s+", " ", text)


def main():
    raw = open(PAPER, encoding="utf-8").read()
    paper = normalise(raw)
    essay = normalise(open(ESSAY, encoding="utf-8").read())
    study = json.load(open(STUDY, encoding="utf-8"))
    quotes = study.get("quotations", [])
    texts = [normalise(q["text"]).strip() for q in quotes]
    failures = []

    # 1. Verbatim and quoted.
    for q, t in zip(quotes, texts):
        hits = [m.start() for m in re.finditer(re.escape(t), paper)]
        if not hits:
            failures.append(f"{q['id']}: text not found in the paper")
            continue
        enclosed = any(paper[i - 1:i] in OPEN and any(c in CLOSE for c in paper[i + len(t):i + len(t) + 3]) for i in hits if i > 0)
        if not enclosed:
            failures.append(f"{q['id']}: no occurrence is enclosed by quote marks")

    # 2. Every quoted span.
    candidates = study.get("quotation_check", {}).get("candidates", [])
    rejected = [normalise(c["snippet"]).strip().lstrip(OPEN) for c in candidates if not c["decision"].startswith("quotation")]
    spans = [m.group(1).strip() for m in re.finditer(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]", paper)]
    spans = [s for s in spans if len(s.split()) >= MIN_WORDS]
    for body in spans:
        if any(body in t or t in body for t in texts):
            continue
        if any(body.startswith(r[:11]) for r in rejected):
            continue
        failures.append(f"quoted span not accounted for: {body[:80]}")

    # 3. Every italic run outside the references.
    body = raw[:raw.index("## REFERENCES")] + raw[raw.index("**APPENDIX**"):]
    body = re.sub(r"\s+", " ", body.replace("**", ""))
    runs = re.findall(r"\*([^*]+)\*", body) + re.findall(r"<i>(.*?)</i>", body)
    italic_quotes = 0
    for r in runs:
        c = normalise(r).strip(" \u201c\u201d\"")
        if not c:
            continue
        if any(c in t for t in texts):
            italic_quotes += 1
            continue
        if any(c.startswith(x) for x in ITALIC_NOT_QUOTES):
            continue
        failures.append(f"italic run not accounted for: {c[:80]}")
    covered = {q["id"] for q, t in zip(quotes, texts) for r in runs if normalise(r).strip(" \u201c\u201d\"") and normalise(r).strip(" \u201c\u201d\"") in t}
    for q in quotes:
        if q["id"] not in covered:
            failures.append(f"{q['id']}: no italic run of the paper lies inside it")

    # 4. Other words of the paper.
    def verbatim(text, where, source=paper):
        if normalise(text).strip() not in source:
            failures.append(f"{where}: not verbatim in the source: {text[:70]}")

    model = study.get("model", {})
    for n in model.get("nodes", []):
        verbatim(n["definition"]["text"], f"node {n['id']} definition")
    for e in model.get("edges", []):
        verbatim(e["argument"]["text"], f"edge {e['from']}->{e['to']} argument")
    for lim in study.get("context", {}).get("limitations", []):
        verbatim(lim["text"], f"limitation ({lim['source']})")
    for s in study.get("context", {}).get("background", {}).get("sentences", []):
        verbatim(s, "background sentence", essay)
    for key in ["table1", "table5", "table6", "tableA1"]:
        for i, row in enumerate(study.get(key, {}).get("rows", []), 1):
            for k, v in row.items():
                if k in ("source", "node"):
                    continue
                for cell in (v if isinstance(v, list) else [v]):
                    verbatim(cell, f"{key} row {i} {k}")

    # 5. Where each candidate is.
    lines = raw.split("\n")
    for c in candidates:
        where = section_of(lines, c["line"])
        if c.get("section") != where:
            failures.append(f"candidate on line {c['line']}: section {c.get('section')!r}, the text says {where!r}")

    print(f"{len(quotes)} quotations; {len(spans)} quoted spans of {MIN_WORDS}+ words and {len(runs)} italic runs checked "
          f"({italic_quotes} inside quotations)")
    for f in failures:
        print("FAIL", f)
    print("OK" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
