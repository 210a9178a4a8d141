import numpy as np
from scipy import stats
from data import *
svc = points('quarterly','service'); dev = points('quarterly','development')
full = stats.ttest_ind([p[3] for p in svc],[p[3] for p in dev]).statistic
loo=[]
rows_=None
for grp, pts in (('S', svc), ('D', dev)):
    for i, p in enumerate(pts):
        a = [q[3] for j,q in enumerate(svc) if not (grp=='S' and j==i)]
        b = [q[3] for j,q in enumerate(dev) if not (grp=='D' and j==i)]
        r = stats.ttest_ind(a, b); loo.append((p[0], r.statistic, r.pvalue, r.statistic-full))
for r in loo: print(f'    ("{r[0]}", {float(r[1])!r}, {float(r[2])!r}),')
print('most', max(loo, key=lambda r: abs(r[3]))[0], 'min', min(loo, key=lambda r: r[1])[0], 'max', max(loo, key=lambda r: r[1])[0])
# paired LOO for Service quarterly
print('sens')
for f in [0.8, 1.0, 1.4, PF]:
    a = [ (t2p/PF)*f - t1 for _, t1, t2p in rows_ if False] if False else None
for f in [0.8, 1.0, 1.4]:
    a = [(t2p/PF)*f - t1 for _, t1, t2p in rows('quarterly','service')]
    b = [(t2p/PF)*f - t1 for _, t1, t2p in rows('quarterly','development')]
    r = stats.ttest_ind(a, b); print(f, repr(r.statistic), repr(r.pvalue))
for f in [0.8, 1.0, 1.4]:
    a = [(t2p/PF)*f - t1 for _, t1, t2p in rows('monthly','service')]
    b = [(t2p/PF)*f - t1 for _, t1, t2p in rows('monthly','development')]
    r = stats.ttest_ind(a, b); print('monthly', f, repr(r.statistic), repr(r.pvalue))
