//! Numerical building blocks shared by the robustness analyses: Brent's root finder and
//! adaptive Gauss–Kronrod quadrature.
//!
//! - [`brent`]: Brent's method (inverse quadratic interpolation safeguarded by bisection;
//!   Brent 1973, as in Numerical Recipes' `zbrent`) on a bracketing interval. Converges to
//!   `tol` in the argument; returns `None` without a sign change, on NaN, or after
//!   `max_iter` steps.
//! - [`integrate`]: globally adaptive 7/15-point Gauss–Kronrod quadrature (the QUADPACK
//!   QAG rule). Each interval's error estimate is |K15 − G7|; the interval with the largest
//!   estimate is bisected until the total estimate is below max(abs_tol, rel_tol·|I|) or
//!   `max_intervals` is reached. The integrand must be finite on the closed interval.

/// Root of `f` in [a, b], where f(a) and f(b) have opposite signs (or one is zero).
pub(crate) fn brent<F: FnMut(f64) -> f64>(
    mut f: F,
    a: f64,
    b: f64,
    tol: f64,
    max_iter: usize,
) -> Option<f64> {
    let (mut a, mut b) = (a, b);
    let (mut fa, mut fb) = (f(a), f(b));
    if fa.is_nan() || fb.is_nan() || (fa > 0.0 && fb > 0.0) || (fa < 0.0 && fb < 0.0) {
        return None;
    }
    if fa == 0.0 {
        return Some(a);
    }
    if fb == 0.0 {
        return Some(b);
    }
    let (mut c, mut fc) = (b, fb);
    let (mut d, mut e) = (b - a, b - a);
    for _ in 0..max_iter {
        if (fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol1 = 2.0 * f64::EPSILON * b.abs() + 0.5 * tol;
        let xm = 0.5 * (c - b);
        if xm.abs() <= tol1 || fb == 0.0 {
            return Some(b);
        }
        if e.abs() >= tol1 && fa.abs() > fb.abs() {
            let s = fb / fa;
            let (mut p, mut q);
            if a == c {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                let qq = fa / fc;
                let r = fb / fc;
                p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
                q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if p > 0.0 {
                q = -q;
            }
            p = p.abs();
            let min1 = 3.0 * xm * q - (tol1 * q).abs();
            let min2 = (e * q).abs();
            if 2.0 * p < min1.min(min2) {
                e = d;
                d = p / q;
            } else {
                d = xm;
                e = d;
            }
        } else {
            d = xm;
            e = d;
        }
        a = b;
        fa = fb;
        b += if d.abs() > tol1 { d } else { tol1.copysign(xm) };
        fb = f(b);
        if fb.is_nan() {
            return None;
        }
    }
    None
}

/// Kronrod nodes (positive half, last is 0) of the 15-point rule.
const XGK: [f64; 8] = [
    0.991_455_371_120_812_6,
    0.949_107_912_342_758_5,
    0.864_864_423_359_769_1,
    0.741_531_185_599_394_4,
    0.586_087_235_467_691_1,
    0.405_845_151_377_397_2,
    0.207_784_955_007_898_5,
    0.0,
];
/// Kronrod weights.
const WGK: [f64; 8] = [
    0.022_935_322_010_529_22,
    0.063_092_092_629_978_55,
    0.104_790_010_322_250_2,
    0.140_653_259_715_525_9,
    0.169_004_726_639_267_9,
    0.190_350_578_064_785_4,
    0.204_432_940_075_298_9,
    0.209_482_141_084_727_8,
];
/// Gauss weights for nodes XGK[1], XGK[3], XGK[5], XGK[7].
const WG: [f64; 4] = [
    0.129_484_966_168_869_7,
    0.279_705_391_489_276_7,
    0.381_830_050_505_118_9,
    0.417_959_183_673_469_4,
];

/// (K15 estimate, |K15 − G7|) on [a, b].
fn gk15<F: FnMut(f64) -> f64>(f: &mut F, a: f64, b: f64) -> (f64, f64) {
    let c = 0.5 * (a + b);
    let h = 0.5 * (b - a);
    let fc = f(c);
    let mut k = WGK[7] * fc;
    let mut g = WG[3] * fc;
    for i in 0..7 {
        let x = h * XGK[i];
        let s = f(c - x) + f(c + x);
        k += WGK[i] * s;
        if i % 2 == 1 {
            g += WG[i / 2] * s;
        }
    }
    (k * h, ((k - g) * h).abs())
}

/// Integral of `f` over [a, b] split into `pieces` starting intervals: (value, error estimate).
pub(crate) fn integrate<F: FnMut(f64) -> f64>(
    mut f: F,
    a: f64,
    b: f64,
    pieces: usize,
    rel_tol: f64,
    abs_tol: f64,
    max_intervals: usize,
) -> (f64, f64) {
    let pieces = pieces.max(1);
    let mut intervals: Vec<(f64, f64, f64, f64)> =
        Vec::with_capacity(max_intervals.max(pieces) + 1);
    let w = (b - a) / pieces as f64;
    for i in 0..pieces {
        let lo = a + w * i as f64;
        let hi = if i + 1 == pieces { b } else { lo + w };
        let (v, e) = gk15(&mut f, lo, hi);
        intervals.push((lo, hi, v, e));
    }
    loop {
        let total: f64 = intervals.iter().map(|x| x.2).sum();
        let err: f64 = intervals.iter().map(|x| x.3).sum();
        if err <= abs_tol.max(rel_tol * total.abs())
            || intervals.len() >= max_intervals
            || !err.is_finite()
        {
            return (total, err);
        }
        let worst = intervals
            .iter()
            .enumerate()
            .max_by(|x, y| x.1 .3.total_cmp(&y.1 .3))
            .map(|(i, _)| i)
            .unwrap_or(0);
        let (lo, hi, _, _) = intervals.swap_remove(worst);
        let mid = 0.5 * (lo + hi);
        if !(mid > lo && mid < hi) {
            // The interval cannot be split further in floating point.
            return (total, err);
        }
        let (v1, e1) = gk15(&mut f, lo, mid);
        let (v2, e2) = gk15(&mut f, mid, hi);
        intervals.push((lo, mid, v1, e1));
        intervals.push((mid, hi, v2, e2));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brent_finds_roots() {
        let r = brent(|x| x * x - 2.0, 0.0, 2.0, 1e-14, 100).unwrap();
        assert!((r - 2f64.sqrt()).abs() < 1e-13);
        assert!(brent(|x| x * x + 1.0, 0.0, 2.0, 1e-14, 100).is_none());
    }

    #[test]
    fn quadrature_is_accurate() {
        let (v, _) = integrate(|x: f64| x.exp(), 0.0, 1.0, 1, 1e-14, 0.0, 100);
        assert!((v - (1f64.exp() - 1.0)).abs() < 1e-14);
        // A narrow peak is found by adaptive bisection.
        let (v, _) =
            integrate(|x: f64| (-(x - 0.3).powi(2) / 2e-6).exp(), 0.0, 1.0, 8, 1e-12, 0.0, 500);
        assert!((v - (2.0 * std::f64::consts::PI * 1e-6).sqrt()).abs() < 1e-12);
    }
}
