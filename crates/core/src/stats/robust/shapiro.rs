//! The Shapiro–Wilk test of normality: W and its p-value by Royston's (1995) algorithm
//! AS R94, valid for 3 ≤ n ≤ 5000.
//!
//! This is a line-by-line port of the algorithm as SciPy runs it
//! (`scipy.stats.shapiro`, the double-precision translation of AS R94's `swilk`), so W
//! and p agree with SciPy to rounding:
//! - coefficients aᵢ from the normal scores mᵢ = Φ⁻¹((i − 3/8)/(n + 1/4)) with Royston's
//!   polynomial corrections for the two most extreme (one for n ≤ 5); n = 3 uses a₁ = √½;
//! - W = (Σ aᵢ x₍ᵢ₎)² / Σ (xᵢ − x̄)², computed as a squared correlation with 1 − W formed
//!   without cancellation;
//! - p: n = 3 exactly, p = 1 − (6/π)·arccos(√W); 4 ≤ n ≤ 11 from a normal approximation of
//!   −ln(γ − ln(1 − W)), n ≥ 12 of ln(1 − W), with Royston's polynomial mean and SD.
//!
//! As in AS R94, Φ⁻¹ is Wichura's AS 111 (`ppnd`, ~10⁻⁷ accurate) and the normal tail is
//! Hill's AS 66 (`alnorm`): the algorithm's published constants were fitted with them,
//! and using them keeps W and p identical to SciPy's. The data are sorted and shifted by
//! their middle value first (W is shift invariant; the shift only protects precision).
//!
//! Errors instead of SciPy's warnings: n < 3, n > 5000, non-finite values, and a range
//! below 10⁻¹⁹ (all values equal) are "not defined".

use crate::stats::robust::error::{check_finite, RobustError};

/// Largest n for which AS R94 is valid.
pub const SHAPIRO_MAX_N: usize = 5000;

/// A Shapiro–Wilk test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapiroWilk {
    pub n: usize,
    /// The W statistic (near 1 for normal-looking data).
    pub w: f64,
    /// p-value: small values suggest the data are not normal.
    pub p: f64,
}

const SMALL: f64 = 1e-19;

/// Polynomial c[0] + c[1]x + … with AS R94's coefficient order.
fn poly(c: &[f64], nord: usize, x: f64) -> f64 {
    let res = c[0];
    if nord == 1 {
        return res;
    }
    let mut p = x * c[nord - 1];
    if nord == 2 {
        return res + p;
    }
    for ind in (1..=nord - 2).rev() {
        p = (p + c[ind]) * x;
    }
    res + p
}

/// AS 111: the standard normal quantile (about 7 significant digits).
fn ppnd(p: f64) -> f64 {
    const SPLIT: f64 = 0.42;
    const A: [f64; 4] = [2.50662823884, -18.61500062529, 41.39119773534, -25.44106049637];
    const B: [f64; 4] = [-8.47351093090, 23.08336743743, -21.06224101826, 3.13082909833];
    const C: [f64; 4] = [-2.78718931138, -2.29796479134, 4.85014127135, 2.32121276858];
    const D: [f64; 2] = [3.54388924762, 1.63706781897];
    let q = p - 0.5;
    if q.abs() <= SPLIT {
        let r = q * q;
        let num = q * (((A[3] * r + A[2]) * r + A[1]) * r + A[0]);
        return num / ((((B[3] * r + B[2]) * r + B[1]) * r + B[0]) * r + 1.0);
    }
    let mut r = if q > 0.0 { 1.0 - p } else { p };
    if r > 0.0 {
        r = (-r.ln()).sqrt();
    } else {
        return 0.0;
    }
    let v = ((C[3] * r + C[2]) * r + C[1]) * r + C[0];
    let v = v / ((D[1] * r + D[0]) * r + 1.0);
    if q < 0.0 {
        -v
    } else {
        v
    }
}

/// AS 66: upper (or lower) tail area of the standard normal.
fn alnorm(x: f64, upper: bool) -> f64 {
    const LTONE: f64 = 7.0;
    const UTZERO: f64 = 38.0;
    const CON: f64 = 1.28;
    const A: [f64; 7] = [
        0.398942280444,
        0.399903438504,
        5.75885480458,
        29.8213557808,
        2.62433121679,
        48.6959930692,
        5.92885724438,
    ];
    const B: [f64; 12] = [
        0.398942280385,
        3.8052e-8,
        1.00000615302,
        3.98064794e-4,
        1.98615381364,
        0.151679116635,
        5.29330324926,
        4.8385912808,
        15.1508972451,
        0.742380924027,
        30.789933034,
        3.99019417011,
    ];
    let mut upper = upper;
    let mut z = x;
    if z.is_nan() || z <= 0.0 {
        upper = false;
        z = -z;
    }
    if !(z <= LTONE || (upper && z <= UTZERO)) {
        return if upper { 0.0 } else { 1.0 };
    }
    let y = 0.5 * z * z;
    let temp = if z <= CON {
        0.5 - z * (A[0] - A[1] * y / (y + A[2] - A[3] / (y + A[4] + A[5] / (y + A[6]))))
    } else {
        B[0] * (-y).exp()
            / (z - B[1]
                + B[2]
                    / (z + B[3]
                        + B[4]
                            / (z - B[5]
                                + B[6] / (z + B[7] - B[8] / (z + B[9] + B[10] / (z + B[11]))))))
    };
    if upper {
        temp
    } else {
        1.0 - temp
    }
}

/// The Shapiro–Wilk test of `xs` (3 ≤ n ≤ 5000).
pub fn shapiro_wilk(xs: &[f64]) -> Result<ShapiroWilk, RobustError> {
    let n = xs.len();
    if n < 3 {
        return Err(RobustError::TooFew { needed: 3, got: n });
    }
    if n > SHAPIRO_MAX_N {
        return Err(RobustError::TooMany { max: SHAPIRO_MAX_N, got: n });
    }
    check_finite(xs, 0)?;
    let mut x = xs.to_vec();
    x.sort_by(f64::total_cmp);
    let mid = x[n / 2];
    for v in &mut x {
        *v -= mid;
    }
    let range = x[n - 1] - x[0];
    if !range.is_finite() {
        return Err(RobustError::Overflow);
    }
    if range < SMALL {
        return Err(RobustError::ZeroRange);
    }

    const C1: [f64; 6] = [0.0, 0.221157, -0.147981, -2.071190, 4.434685, -2.706056];
    const C2: [f64; 6] = [0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
    const C3: [f64; 4] = [0.5440, -0.39978, 0.025054, -6.714e-4];
    const C4: [f64; 4] = [1.3822, -0.77857, 0.062767, -0.0020322];
    const C5: [f64; 4] = [-1.5861, -0.31082, -0.083751, 0.0038915];
    const C6: [f64; 3] = [-0.4803, -0.082676, 0.0030302];
    const G: [f64; 2] = [-2.273, 0.459];

    let an = n as f64;
    let nn2 = n / 2;
    let mut a = vec![0.0; nn2];
    if n == 3 {
        a[0] = std::f64::consts::SQRT_2 / 2.0;
    } else {
        let an25 = an + 0.25;
        let mut summ2 = 0.0;
        for (i, ai) in a.iter_mut().enumerate() {
            let m = ppnd((i as f64 + 1.0 - 0.375) / an25);
            *ai = m;
            summ2 += m * m;
        }
        summ2 *= 2.0;
        let ssumm2 = summ2.sqrt();
        let rsn = 1.0 / an.sqrt();
        let a1 = poly(&C1, 6, rsn) - a[0] / ssumm2;
        let (i1, fac) = if n > 5 {
            let a2 = -a[1] / ssumm2 + poly(&C2, 6, rsn);
            let fac = ((summ2 - 2.0 * a[0] * a[0] - 2.0 * a[1] * a[1])
                / (1.0 - 2.0 * a1 * a1 - 2.0 * a2 * a2))
                .sqrt();
            a[1] = a2;
            (2, fac)
        } else {
            (1, ((summ2 - 2.0 * a[0] * a[0]) / (1.0 - 2.0 * a1 * a1)).sqrt())
        };
        a[0] = a1;
        for ai in a.iter_mut().skip(i1) {
            *ai *= -1.0 / fac;
        }
    }

    // aᵢ with its sign for sorted position i (negative in the lower half).
    let coef = |i: usize, j: usize| -> f64 {
        if i < j {
            -a[i.min(j)]
        } else {
            a[i.min(j)]
        }
    };
    let mut sx = x[0] / range;
    let mut sa = -a[0];
    for (i, xi) in x.iter().enumerate().skip(1) {
        sx += xi / range;
        let j = n - 1 - i;
        if i != j {
            sa += coef(i, j);
        }
    }
    sa /= an;
    sx /= an;
    let (mut ssa, mut ssx, mut sax) = (0.0, 0.0, 0.0);
    for (i, xi) in x.iter().enumerate() {
        let j = n - 1 - i;
        let asa = if i != j { coef(i, j) - sa } else { -sa };
        let xsx = xi / range - sx;
        ssa += asa * asa;
        ssx += xsx * xsx;
        sax += asa * xsx;
    }
    let ssassx = (ssa * ssx).sqrt();
    let w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx);
    let w = 1.0 - w1;

    if n == 3 {
        if w < 0.75 {
            return Ok(ShapiroWilk { n, w: 0.75, p: 0.0 });
        }
        let p = 1.0 - 6.0 / std::f64::consts::PI * w.sqrt().acos();
        return Ok(ShapiroWilk { n, w, p });
    }
    let mut y = w1.ln();
    let lxx = an.ln();
    let (m, s) = if n <= 11 {
        let gamma = poly(&G, 2, an);
        if y >= gamma {
            return Ok(ShapiroWilk { n, w, p: SMALL });
        }
        y = -(gamma - y).ln();
        (poly(&C3, 4, an), poly(&C4, 4, an).exp())
    } else {
        (poly(&C5, 4, lxx), poly(&C6, 3, lxx).exp())
    };
    let p = alnorm((y - m) / s, true);
    Ok(ShapiroWilk { n, w, p })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_cases_are_errors() {
        assert_eq!(shapiro_wilk(&[1.0, 2.0]), Err(RobustError::TooFew { needed: 3, got: 2 }));
        assert_eq!(shapiro_wilk(&[4.0, 4.0, 4.0, 4.0]), Err(RobustError::ZeroRange));
        assert!(matches!(
            shapiro_wilk(&[1.0, f64::NAN, 3.0]),
            Err(RobustError::NonFinite { index: 1 })
        ));
    }

    #[test]
    fn ppnd_is_close_to_the_normal_quantile() {
        assert!((ppnd(0.975) - 1.959963984540054).abs() < 1e-6);
        assert_eq!(ppnd(0.5), 0.0);
    }
}
