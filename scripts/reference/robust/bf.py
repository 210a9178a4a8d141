import numpy as np
from scipy import integrate
def jzs_bf10(t, n_eff, df, r):
    """Independent check of Rouder et al. (2009) eq. 1: direct integration over g with quad."""
    def f(g):
        return ((1 + n_eff*g)**-0.5 * (1 + t*t/((1 + n_eff*g)*df))**(-(df+1)/2)
                * r/np.sqrt(2*np.pi) * g**-1.5 * np.exp(-r*r/(2*g)))
    i1 = integrate.quad(f, 0, 1, epsabs=0, epsrel=1e-13, limit=500)[0]
    i2 = integrate.quad(f, 1, np.inf, epsabs=0, epsrel=1e-13, limit=500)[0]
    return (i1 + i2) / (1 + t*t/df)**(-(df+1)/2)
