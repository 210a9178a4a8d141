import json
d = json.load(open('crates/core/data/study.json'))
disc = d['discount']
s16 = float(disc['salary_total_2016']['value']); r16 = float(disc['revenue_2016']['value'])
s17 = float(disc['salary_total_2017']['value']); r17 = float(disc['revenue_2017']['value'])
PF = (s16 / r16) / (s17 / r17)   # same operation order as DiscountTotals::factor

def rows(measure, group):
    seen = []; out = []
    for r in d['salaries'][measure]['extracted_rows'][group]:
        if r['informant'] in seen: continue
        seen.append(r['informant']); out.append((r['informant'], float(r['t1']), float(r['t2_printed'])))
    return out

def points(measure, group, discount=True, factor=None):
    f = PF if factor is None else factor
    out = []
    for name, t1, t2p in rows(measure, group):
        t2 = (t2p / PF) * f if discount else t2p / PF
        out.append((name, t1, t2, t2 - t1))
    return out

def diffs(measure, group, discount=True):
    return [p[3] for p in points(measure, group, discount)]
