import mpmath as mp
mp.mp.dps = 40
def nct_cdf(t, df, ncp):
    t, df, ncp = mp.mpf(t), mp.mpf(df), mp.mpf(ncp)
    # P(T <= t) = ∫ Φ(t·sqrt(x/ν) − δ) · χ²_ν(x) dx
    f = lambda x: mp.ncdf(t*mp.sqrt(x/df) - ncp) * x**(df/2-1)*mp.e**(-x/2)/(2**(df/2)*mp.gamma(df/2))
    return mp.quad(f, [0, df/4, df, 4*df, mp.inf])
for t,df,ncp in [(-8,7,10),(-8,20,5),(-8,100,5),(-2.5,2,10),(-2.5,7,10),(-2.5,100,10)]:
    print(t, df, ncp, mp.nstr(nct_cdf(t,df,ncp), 17))
# sanity vs scipy on a regular point
from scipy import stats
for t,df,ncp in [(-2.5,7,-3),(3.99,20,5),(-0.3,2,1.5)]:
    print(float(nct_cdf(t,df,ncp)), stats.nct.cdf(t,df,ncp))
