//! Permutation tests of a difference in means: exact enumeration where feasible, seeded
//! Monte Carlo otherwise, with a histogram of the null distribution built on the way.
//!
//! **Independent groups** (`a` of size n₁, `b` of size n₂, N = n₁ + n₂). The statistic is
//! D = mean(a) − mean(b). Under the null every split of the pooled N values into groups of
//! n₁ and n₂ is equally likely. When C(N, n₁) ≤ [`EXACT_LIMIT`] every split is visited
//! once (the paper: C(22, 10) = 646 646) by [`RevolvingDoor`], Knuth's Algorithm R
//! (TAOCP 7.2.1.3): consecutive subsets differ by one element out and one in, so the
//! subset sum is updated in O(1) (amortized; the algorithm's inner loop is constant on
//! average) and nothing is allocated per subset. Above the limit, `resamples` random
//! splits are drawn (partial Fisher–Yates with a ChaCha20 generator seeded by `seed`, so
//! the result is the same on every platform).
//!
//! **Paired** (differences dᵢ = secondᵢ − firstᵢ). The statistic is mean(d); under the
//! null each difference's sign is exchangeable, so the 2ⁿ sign patterns are visited in
//! Gray-code order (one sign flips per step) when 2ⁿ ≤ [`EXACT_LIMIT`], else sampled.
//!
//! **p-values** (exact: counts / number of relabellings; Monte Carlo: (b + 1)/(m + 1),
//! the observed labelling counted once, as SciPy does):
//! - `p_greater` = P(D ≥ d_obs), `p_less` = P(D ≤ d_obs);
//! - `p_two_sided` = min(1, 2·min(p_less, p_greater)) — SciPy's definition, so it equals
//!   `scipy.stats.permutation_test(..., alternative='two-sided')`;
//! - `p_two_sided_abs` = P(|D − μ| ≥ |d_obs − μ|) where μ = E\[D\] under the permutation
//!   null, which is 0 for both designs whatever the data (E\[mean(a)\] = E\[mean(b)\] = the
//!   pooled mean; a sign flip is symmetric). For a null distribution that is not symmetric
//!   (unequal group sizes, skewed data) this differs from the doubled one-sided p; both are
//!   reported and the page should name the one it shows.
//!
//! **Ties and rounding.** Values are first mapped to integers on a common binary grid
//! (2⁴⁰ steps up to the largest |value|, fewer for very large N), so every subset sum is
//! computed exactly and a relabelling with the same multiset of values gives exactly the
//! same statistic however the walk reached it. Comparisons with the observed statistic
//! then allow a relative tolerance [`TIE_RTOL`]·|d_obs| (SciPy allows 100 machine epsilons,
//! about 2·10⁻¹⁴; for salaries given to the cent distinct sums differ by about a cent, far
//! more than either tolerance, so both count the same permutations: the counts for the
//! paper's data are pinned in `tests/robustness.rs`).
//!
//! **Histogram.** [`HISTOGRAM_BINS`] equal bins over [min, max] of the null distribution;
//! both ends are known before the walk (the sums of the n₁ smallest and largest values;
//! ±mean|d| for sign flips), so the histogram is filled during the walk.

use crate::core::robust::error::{check_finite, RobustError};
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};

/// Largest number of relabellings enumerated exactly.
pub const EXACT_LIMIT: u64 = 5_000_000;
/// Default number of Monte Carlo resamples above [`EXACT_LIMIT`].
pub const DEFAULT_RESAMPLES: u64 = 100_000;
/// Default seed of the Monte Carlo generator.
pub const DEFAULT_SEED: u64 = 2019;
/// Default number of histogram bins.
pub const HISTOGRAM_BINS: usize = 60;
/// Relative tolerance when comparing a permuted statistic with the observed one.
pub const TIE_RTOL: f64 = 1e-9;

/// Knobs of a permutation test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PermutationOptions {
    /// Enumerate exactly when the number of relabellings is at most this.
    pub exact_limit: u64,
    /// Monte Carlo resamples otherwise.
    pub resamples: u64,
    /// Monte Carlo seed.
    pub seed: u64,
    /// Histogram bins (≥ 1).
    pub bins: usize,
}

impl Default for PermutationOptions {
    fn default() -> Self {
        PermutationOptions { exact_limit: EXACT_LIMIT, resamples: DEFAULT_RESAMPLES, seed: DEFAULT_SEED, bins: HISTOGRAM_BINS }
    }
}

/// Which relabelling the null distribution uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PermutationDesign {
    /// Reassign values to two independent groups.
    Independent,
    /// Flip the signs of paired differences.
    PairedSignFlip,
}

/// Equal-width counts over [lo, hi].
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    pub lo: f64,
    pub hi: f64,
    pub counts: Vec<u64>,
}

impl Histogram {
    /// Width of one bin.
    pub fn bin_width(&self) -> f64 {
        (self.hi - self.lo) / self.counts.len().max(1) as f64
    }

    /// The bin holding `x` (clamped to the ends).
    pub fn bin_of(&self, x: f64) -> usize {
        let bins = self.counts.len().max(1);
        let w = self.bin_width();
        if w.is_nan() || w <= 0.0 {
            return 0;
        }
        // `as usize` saturates: values below `lo` land in bin 0.
        (((x - self.lo) / w) as usize).min(bins - 1)
    }
}

/// The result of a permutation test.
#[derive(Debug, Clone, PartialEq)]
pub struct PermutationTest {
    pub design: PermutationDesign,
    /// Every relabelling was visited (otherwise Monte Carlo).
    pub exact: bool,
    /// Relabellings evaluated: C(N, n₁), 2ⁿ, or the number of resamples.
    pub count: u64,
    /// Observed statistic: mean(a) − mean(b), or mean(second − first).
    pub observed: f64,
    /// Mean of the statistic under the permutation null (0 for both designs).
    pub null_mean: f64,
    /// P(D ≥ observed).
    pub p_greater: f64,
    /// P(D ≤ observed).
    pub p_less: f64,
    /// min(1, 2·min(p_less, p_greater)) (SciPy's two-sided p).
    pub p_two_sided: f64,
    /// P(|D − μ| ≥ |observed − μ|).
    pub p_two_sided_abs: f64,
    pub histogram: Histogram,
    /// The seed, for Monte Carlo runs.
    pub seed: Option<u64>,
}

/// Algorithm R (revolving-door combinations, Knuth TAOCP 7.2.1.3): all t-subsets of
/// {0, …, n−1}, each differing from the previous one by one element out and one in.
///
/// The first subset is {0, …, t−1}. [`RevolvingDoor::advance`] moves to the next subset and
/// returns `(out, in)`, or `None` after the last one; [`RevolvingDoor::current`] is the
/// current subset in increasing order.
#[derive(Debug, Clone)]
pub struct RevolvingDoor {
    n: usize,
    t: usize,
    /// c[1..=t] is the subset, c[t+1] = n (c[0] unused), as in Knuth.
    c: Vec<usize>,
    done: bool,
}

impl RevolvingDoor {
    /// The walk over t-subsets of n elements (t ≤ n).
    pub fn new(n: usize, t: usize) -> Result<RevolvingDoor, RobustError> {
        if t > n {
            return Err(RobustError::InvalidParameter { name: "subset size", value: t as f64 });
        }
        let mut c: Vec<usize> = (0..t + 2).map(|j| j.saturating_sub(1)).collect();
        c[t + 1] = n;
        Ok(RevolvingDoor { n, t, c, done: false })
    }

    /// The current subset, increasing.
    pub fn current(&self) -> &[usize] {
        &self.c[1..=self.t]
    }

    /// Moves to the next subset: `Some((out, in))`, or `None` when all were visited.
    pub fn advance(&mut self) -> Option<(usize, usize)> {
        if self.done {
            return None;
        }
        let (n, t) = (self.n, self.t);
        if t == 0 || t == n {
            self.done = true;
            return None;
        }
        let c = &mut self.c;
        if t == 1 {
            let o = c[1];
            if o + 1 < n {
                c[1] = o + 1;
                return Some((o, o + 1));
            }
            self.done = true;
            return None;
        }
        // R3: the easy case.
        let mut j = 2;
        let mut try_decrease;
        if t % 2 == 1 {
            if c[1] + 1 < c[2] {
                let o = c[1];
                c[1] = o + 1;
                return Some((o, o + 1));
            }
            try_decrease = true; // go to R4
        } else {
            if c[1] > 0 {
                let o = c[1];
                c[1] = o - 1;
                return Some((o, o - 1));
            }
            try_decrease = false; // go to R5
        }
        loop {
            if try_decrease {
                // R4: here c[j] = c[j−1] + 1.
                if c[j] >= j {
                    let o = c[j];
                    c[j] = c[j - 1];
                    c[j - 1] = j - 2;
                    return Some((o, j - 2));
                }
                j += 1;
                if j > t {
                    break;
                }
                try_decrease = false;
            } else {
                // R5: here c[j−1] = j − 2.
                if c[j] + 1 < c[j + 1] {
                    let o = c[j - 1];
                    c[j - 1] = c[j];
                    c[j] += 1;
                    return Some((o, c[j]));
                }
                j += 1;
                if j > t {
                    break;
                }
                try_decrease = true;
            }
        }
        self.done = true;
        None
    }
}

/// C(n, k), or `None` above u64.
pub fn binomial(n: u64, k: u64) -> Option<u64> {
    if k > n {
        return Some(0);
    }
    let k = k.min(n - k);
    let mut c: u128 = 1;
    for i in 1..=k as u128 {
        // c·(n−k+i)/i is C(n−k+i, i), a whole number at every step.
        c = c.checked_mul(n as u128 - k as u128 + i)? / i;
        if c > u64::MAX as u128 {
            return None;
        }
    }
    Some(c as u64)
}

/// Values on an exact integer grid: (integers, value of one grid step).
fn quantize(xs: &[f64]) -> (Vec<i64>, f64) {
    let max_abs = xs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if max_abs == 0.0 {
        return (vec![0; xs.len()], 1.0);
    }
    // Bits per value so that the sum of all N values stays below 2⁵² (exact in f64 too).
    let n_bits = (usize::BITS - xs.len().leading_zeros()) as i32;
    let steps = 2f64.powi((52 - n_bits).min(40));
    (xs.iter().map(|x| (x / max_abs * steps).round() as i64).collect(), max_abs / steps)
}

/// Running tallies of a permutation walk.
struct Tally {
    observed: f64,
    tol: f64,
    ge: u64,
    le: u64,
    abs_ge: u64,
    lo: f64,
    inv_width: f64,
    counts: Vec<u64>,
}

impl Tally {
    fn new(observed: f64, lo: f64, hi: f64, bins: usize) -> Tally {
        Tally { observed, tol: TIE_RTOL * observed.abs(), ge: 0, le: 0, abs_ge: 0, lo, inv_width: bins as f64 / (hi - lo), counts: vec![0; bins] }
    }

    #[inline]
    fn record(&mut self, d: f64) {
        self.ge += u64::from(d >= self.observed - self.tol);
        self.le += u64::from(d <= self.observed + self.tol);
        self.abs_ge += u64::from(d.abs() >= self.observed.abs() - self.tol);
        let last = self.counts.len() - 1;
        let bin = (((d - self.lo) * self.inv_width) as usize).min(last);
        self.counts[bin] += 1;
    }

    fn finish(self, design: PermutationDesign, exact: bool, count: u64, observed: f64, hi: f64, seed: Option<u64>) -> PermutationTest {
        let adj = if exact { 0.0 } else { 1.0 };
        let p = |k: u64| ((k as f64 + adj) / (count as f64 + adj)).min(1.0);
        let (p_greater, p_less) = (p(self.ge), p(self.le));
        PermutationTest {
            design,
            exact,
            count,
            observed,
            null_mean: 0.0,
            p_greater,
            p_less,
            p_two_sided: (2.0 * p_greater.min(p_less)).min(1.0),
            p_two_sided_abs: p(self.abs_ge),
            histogram: Histogram { lo: self.lo, hi, counts: self.counts },
            seed,
        }
    }
}

/// A uniform integer in 0..n (n ≥ 1), unbiased (Lemire's multiply-and-reject).
fn below<R: Rng>(rng: &mut R, n: u64) -> u64 {
    let mut m = u128::from(rng.next_u64()) * u128::from(n);
    if (m as u64) < n {
        let threshold = n.wrapping_neg() % n;
        while (m as u64) < threshold {
            m = u128::from(rng.next_u64()) * u128::from(n);
        }
    }
    (m >> 64) as u64
}

fn check_options(opts: &PermutationOptions) -> Result<(), RobustError> {
    if opts.bins == 0 {
        return Err(RobustError::InvalidParameter { name: "histogram bins", value: 0.0 });
    }
    Ok(())
}

/// Permutation test of mean(a) − mean(b) over relabellings of two independent groups.
pub fn permutation_independent(a: &[f64], b: &[f64], opts: &PermutationOptions) -> Result<PermutationTest, RobustError> {
    check_options(opts)?;
    let (n1, n2) = (a.len(), b.len());
    if n1 == 0 || n2 == 0 {
        return Err(RobustError::TooFew { needed: 1, got: n1.min(n2) });
    }
    check_finite(a, 0)?;
    check_finite(b, n1)?;
    let pooled: Vec<f64> = a.iter().chain(b).copied().collect();
    let n = pooled.len();
    let (q, unit) = quantize(&pooled);
    let total: i64 = q.iter().sum();
    let (f1, f2) = (n1 as f64, n2 as f64);
    let slope = (1.0 / f1 + 1.0 / f2) * unit;
    let offset = total as f64 / f2 * unit;
    let stat = |s: i64| s as f64 * slope - offset;

    let mut sorted = q.clone();
    sorted.sort_unstable();
    let lo = stat(sorted[..n1].iter().sum());
    let hi = stat(sorted[n - n1..].iter().sum());
    if !(lo.is_finite() && hi.is_finite()) {
        return Err(RobustError::Overflow);
    }
    if hi <= lo {
        return Err(RobustError::AllTied);
    }
    let s0: i64 = q[..n1].iter().sum();
    let observed_q = stat(s0);
    let observed = a.iter().sum::<f64>() / f1 - b.iter().sum::<f64>() / f2;
    let mut tally = Tally::new(observed_q, lo, hi, opts.bins);

    let relabellings = binomial(n as u64, n1 as u64);
    match relabellings {
        Some(count) if count <= opts.exact_limit => {
            let mut walk = RevolvingDoor::new(n, n1)?;
            let mut s = s0;
            tally.record(stat(s));
            while let Some((out, inn)) = walk.advance() {
                s += q[inn] - q[out];
                tally.record(stat(s));
            }
            Ok(tally.finish(PermutationDesign::Independent, true, count, observed, hi, None))
        }
        _ => {
            if opts.resamples == 0 {
                return Err(RobustError::InvalidParameter { name: "resamples", value: 0.0 });
            }
            let mut rng = ChaCha20Rng::seed_from_u64(opts.seed);
            let mut idx: Vec<usize> = (0..n).collect();
            // Draw the smaller group; the other group's sum follows from the total.
            let (k, first_is_a) = if n1 <= n2 { (n1, true) } else { (n2, false) };
            for _ in 0..opts.resamples {
                let mut s = 0i64;
                for i in 0..k {
                    let j = i + below(&mut rng, (n - i) as u64) as usize;
                    idx.swap(i, j);
                    s += q[idx[i]];
                }
                tally.record(stat(if first_is_a { s } else { total - s }));
            }
            Ok(tally.finish(PermutationDesign::Independent, false, opts.resamples, observed, hi, Some(opts.seed)))
        }
    }
}

/// Sign-flip permutation test of mean(second − first) for paired values.
pub fn permutation_paired(first: &[f64], second: &[f64], opts: &PermutationOptions) -> Result<PermutationTest, RobustError> {
    if first.len() != second.len() {
        return Err(RobustError::LengthMismatch { left: first.len(), right: second.len() });
    }
    check_finite(first, 0)?;
    check_finite(second, first.len())?;
    let d: Vec<f64> = first.iter().zip(second).map(|(x, y)| y - x).collect();
    permutation_differences(&d, opts)
}

/// Sign-flip permutation test of mean(d).
pub fn permutation_differences(d: &[f64], opts: &PermutationOptions) -> Result<PermutationTest, RobustError> {
    check_options(opts)?;
    let n = d.len();
    if n == 0 {
        return Err(RobustError::TooFew { needed: 1, got: 0 });
    }
    check_finite(d, 0)?;
    let (q, unit) = quantize(d);
    let slope = unit / n as f64;
    let stat = |s: i64| s as f64 * slope;
    let abs_sum: i64 = q.iter().map(|x| x.abs()).sum();
    if abs_sum == 0 {
        return Err(RobustError::AllTied);
    }
    let (lo, hi) = (stat(-abs_sum), stat(abs_sum));
    if !hi.is_finite() {
        return Err(RobustError::Overflow);
    }
    if hi <= lo {
        return Err(RobustError::AllTied);
    }
    let s0: i64 = q.iter().sum();
    let observed = d.iter().sum::<f64>() / n as f64;
    let mut tally = Tally::new(stat(s0), lo, hi, opts.bins);

    let exact_count = if n < 63 { Some(1u64 << n) } else { None };
    match exact_count {
        Some(count) if count <= opts.exact_limit => {
            // Gray code: step i flips the sign of element trailing_zeros(i).
            let mut negative: u64 = 0;
            let mut s = s0;
            tally.record(stat(s));
            for i in 1..count {
                let j = i.trailing_zeros();
                let qj = q[j as usize];
                if negative >> j & 1 == 1 {
                    s += 2 * qj;
                } else {
                    s -= 2 * qj;
                }
                negative ^= 1 << j;
                tally.record(stat(s));
            }
            Ok(tally.finish(PermutationDesign::PairedSignFlip, true, count, observed, hi, None))
        }
        _ => {
            if opts.resamples == 0 {
                return Err(RobustError::InvalidParameter { name: "resamples", value: 0.0 });
            }
            let mut rng = ChaCha20Rng::seed_from_u64(opts.seed);
            for _ in 0..opts.resamples {
                let mut s = 0i64;
                let mut bits = 0u64;
                for (i, x) in q.iter().enumerate() {
                    if i % 64 == 0 {
                        bits = rng.next_u64();
                    }
                    s += if bits & 1 == 1 { -x } else { *x };
                    bits >>= 1;
                }
                tally.record(stat(s));
            }
            Ok(tally.finish(PermutationDesign::PairedSignFlip, false, opts.resamples, observed, hi, Some(opts.seed)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binomials() {
        assert_eq!(binomial(22, 10), Some(646_646));
        assert_eq!(binomial(5, 0), Some(1));
        assert_eq!(binomial(3, 5), Some(0));
        assert_eq!(binomial(200, 100), None);
    }

    #[test]
    fn below_is_in_range() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        for n in 1..50u64 {
            for _ in 0..20 {
                assert!(below(&mut rng, n) < n);
            }
        }
    }

    #[test]
    fn tiny_exact_test_by_hand() {
        // a = {3}, b = {1, 2}: relabellings put 1, 2 or 3 in a: D = −1.5, 0, 1.5.
        let r = permutation_independent(&[3.0], &[1.0, 2.0], &PermutationOptions::default()).unwrap();
        assert_eq!(r.count, 3);
        assert!((r.observed - 1.5).abs() < 1e-12);
        assert!((r.p_greater - 1.0 / 3.0).abs() < 1e-12);
        assert!((r.p_two_sided_abs - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(r.histogram.counts.iter().sum::<u64>(), 3);
    }
}
