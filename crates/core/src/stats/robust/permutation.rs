//! Permutation tests of a difference in means: exact enumeration where feasible, seeded
//! Monte Carlo otherwise, with a histogram of the null distribution built on the way.
//!
//! **Independent groups** (`a` of size n₁, `b` of size n₂, N = n₁ + n₂). The statistic is
//! D = mean(a) − mean(b). Under the null every split of the pooled N values into groups of
//! n₁ and n₂ is equally likely. When C(N, n₁) ≤ [`EXACT_LIMIT`] every split is counted
//! (the paper: C(22, 10) = 646 646). Every tally depends on a split only through its
//! group's sum, so the splits are counted from the sums of the two halves' subsets
//! ([`SplitSums`], meet in the middle: 4,094 half-sums per threshold for the paper) when
//! that is less work than visiting them. Otherwise (a group of one or two, say) every
//! split is visited once by [`RevolvingDoor`], Knuth's Algorithm R (TAOCP 7.2.1.3):
//! consecutive subsets differ by one element out and one in, so the subset sum is updated
//! in O(1) (amortized; the algorithm's inner loop is constant on average) and nothing is
//! allocated per subset. Both give the same counts to the last split: the statistic and
//! every comparison are the same functions of the integer sum. Above the limit, `resamples` random
//! splits are drawn (partial Fisher–Yates over the pooled values, with a ChaCha8 generator
//! seeded by `seed`, so the result is the same on every platform; one 32-bit draw per
//! value moved, Lemire's unbiased multiply-and-reject). This is the costly part at scale:
//! 100,000 resamples of 10,000 vs 10,000 move 10⁹ values.
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
//! **Slicing.** The Monte Carlo branch is a [`MonteCarloRun`] ([`plan_independent`],
//! [`plan_differences`] return it unstarted): [`MonteCarloRun::step`] draws a slice of the
//! resamples and [`MonteCarloRun::finish`] the rest, giving exactly the one-shot result for
//! the same seed however it was sliced, so the page can yield to the browser in between.
//!
//! **Histogram.** [`HISTOGRAM_BINS`] equal bins over [min, max] of the null distribution;
//! both ends are known before the walk (the sums of the n₁ smallest and largest values;
//! ±mean|d| for sign flips), so the histogram is filled during the walk.

use crate::stats::robust::error::{check_finite, RobustError};
use crate::stats::robust::revolving_door::{binomial, RevolvingDoor};
use crate::stats::robust::split_sums::SplitSums;
use rand_chacha::ChaCha8Rng;
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
        PermutationOptions {
            exact_limit: EXACT_LIMIT,
            resamples: DEFAULT_RESAMPLES,
            seed: DEFAULT_SEED,
            bins: HISTOGRAM_BINS,
        }
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
#[derive(Debug, Clone)]
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
        Tally {
            observed,
            tol: TIE_RTOL * observed.abs(),
            ge: 0,
            le: 0,
            abs_ge: 0,
            lo,
            inv_width: bins as f64 / (hi - lo),
            counts: vec![0; bins],
        }
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

    /// How many sum thresholds [`Tally::count_sums`] asks about: one per tally and one
    /// per inner bin edge.
    fn thresholds(&self) -> usize {
        4 + self.counts.len() - 1
    }

    /// Records `count` statistics at once, given how many of their integer sums (all in
    /// `s_min..=s_max`) reach each of some thresholds: exactly what [`Tally::record`] of
    /// each would give. Each tally and each bin is a monotone function of the sum (the
    /// statistic is `stat.at(s)`, non-decreasing in s, and every test below is a
    /// threshold on it), so it is a count of sums at or above an integer threshold,
    /// found by bisection with the very comparison `record` makes.
    fn count_sums(
        &mut self,
        stat: Stat,
        (s_min, s_max): (i64, i64),
        count: u64,
        count_at_least: impl FnOnce(&[i64]) -> Vec<u64>,
    ) {
        // The first sum in s_min..=s_max + 1 at which `holds` (false below, true above).
        let first = |holds: &dyn Fn(f64) -> bool| {
            let (mut lo, mut hi) = (s_min, s_max + 1);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if holds(stat.at(mid)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            lo
        };
        let (observed, tol) = (self.observed, self.tol);
        let floor = observed.abs() - tol;
        let last = self.counts.len() - 1;
        let (lo, inv_width) = (self.lo, self.inv_width);
        let bin = |d: f64| (((d - lo) * inv_width) as usize).min(last);
        let mut thresholds = vec![
            first(&|d| d >= observed - tol),
            first(&|d| d > observed + tol),
            first(&|d| d >= floor),
            first(&|d| d > -floor),
        ];
        thresholds.extend((1..=last).map(|j| first(&|d| bin(d) >= j)));
        let at_least = count_at_least(&thresholds);
        let (ge, gt, high, not_low) = (at_least[0], at_least[1], at_least[2], at_least[3]);
        self.ge += ge;
        self.le += count - gt;
        // |d| ≥ floor ⟺ d ≥ floor or d ≤ −floor: the sums at or above `high`, and those
        // below `not_low`, which together are all of them when they meet.
        self.abs_ge += if thresholds[3] >= thresholds[2] { count } else { high + count - not_low };
        let edges = &at_least[4..];
        for (j, c) in self.counts.iter_mut().enumerate() {
            let above = if j == 0 { count } else { edges[j - 1] };
            let beyond = if j == last { 0 } else { edges[j] };
            *c += above - beyond;
        }
    }

    fn finish(
        self,
        design: PermutationDesign,
        exact: bool,
        count: u64,
        observed: f64,
        hi: f64,
        seed: Option<u64>,
    ) -> PermutationTest {
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

/// A uniform integer in 0..n (n ≥ 1) from one 32-bit draw (Lemire's multiply-and-reject).
#[inline]
fn below32<R: Rng>(rng: &mut R, n: u32) -> u32 {
    let mut m = u64::from(rng.next_u32()) * u64::from(n);
    if (m as u32) < n {
        let threshold = n.wrapping_neg() % n;
        while (m as u32) < threshold {
            m = u64::from(rng.next_u32()) * u64::from(n);
        }
    }
    (m >> 32) as u32
}

fn check_options(opts: &PermutationOptions) -> Result<(), RobustError> {
    if opts.bins == 0 {
        return Err(RobustError::InvalidParameter { name: "histogram bins", value: 0.0 });
    }
    Ok(())
}

/// How the statistic follows from an integer subset sum: D = s·slope − offset.
#[derive(Debug, Clone, Copy)]
struct Stat {
    slope: f64,
    offset: f64,
}

impl Stat {
    #[inline]
    fn at(self, s: i64) -> f64 {
        s as f64 * self.slope - self.offset
    }
}

/// What a Monte Carlo run draws.
#[derive(Debug, Clone)]
enum Draw {
    /// Partial Fisher–Yates on the values: the first `k` form the smaller group; the
    /// statistic uses its sum (or `total` minus it when the smaller group is `b`).
    Split { q: Vec<i64>, k: usize, total: i64, first_is_a: bool },
    /// One random sign per difference, 64 per generator call.
    Signs { q: Vec<i64> },
}

/// A seeded Monte Carlo permutation test that can run in slices: [`MonteCarloRun::step`]
/// draws some resamples, [`MonteCarloRun::finish`] draws whatever is left and returns the
/// result. However the resamples are sliced, the generator is consumed in the same order,
/// so the result is exactly that of [`permutation_independent`] / [`permutation_differences`]
/// with the same options (which are themselves a run finished in one go). The page uses
/// this to keep a 100,000-resample test on 20,000 values from blocking the main thread.
#[derive(Debug, Clone)]
pub struct MonteCarloRun {
    design: PermutationDesign,
    draw: Draw,
    rng: ChaCha8Rng,
    stat: Stat,
    tally: Tally,
    observed: f64,
    hi: f64,
    seed: u64,
    resamples: u64,
    done: u64,
}

impl MonteCarloRun {
    /// Draws up to `n` more resamples (fewer at the end); returns how many are done in all.
    pub fn step(&mut self, n: u64) -> u64 {
        let n = n.min(self.resamples - self.done);
        match &mut self.draw {
            Draw::Split { q, k, total, first_is_a } => {
                // A partial shuffle of the values themselves: from any order, the first k
                // after it are a uniformly random k-subset.
                let len = q.len();
                let small = u32::try_from(len).is_ok();
                for _ in 0..n {
                    let mut s = 0i64;
                    for i in 0..*k {
                        let r = if small {
                            below32(&mut self.rng, (len - i) as u32) as usize
                        } else {
                            below(&mut self.rng, (len - i) as u64) as usize
                        };
                        q.swap(i, i + r);
                        s += q[i];
                    }
                    self.tally.record(self.stat.at(if *first_is_a { s } else { *total - s }));
                }
            }
            Draw::Signs { q } => {
                for _ in 0..n {
                    let mut s = 0i64;
                    let mut bits = 0u64;
                    for (i, x) in q.iter().enumerate() {
                        if i % 64 == 0 {
                            bits = self.rng.next_u64();
                        }
                        s += if bits & 1 == 1 { -x } else { *x };
                        bits >>= 1;
                    }
                    self.tally.record(self.stat.at(s));
                }
            }
        }
        self.done += n;
        self.done
    }

    /// Resamples drawn so far.
    pub fn done(&self) -> u64 {
        self.done
    }

    /// Resamples in all.
    pub fn resamples(&self) -> u64 {
        self.resamples
    }

    /// Whether every resample has been drawn.
    pub fn is_finished(&self) -> bool {
        self.done >= self.resamples
    }

    /// Values touched per resample (the smaller group's size, or the number of
    /// differences): resamples × this is the run's work, for deciding whether to slice it.
    pub fn work_per_resample(&self) -> u64 {
        match &self.draw {
            Draw::Split { k, .. } => *k as u64,
            Draw::Signs { q } => q.len() as u64,
        }
    }

    /// Draws the remaining resamples and returns the test.
    pub fn finish(mut self) -> PermutationTest {
        self.step(self.resamples - self.done);
        self.tally.finish(
            self.design,
            false,
            self.resamples,
            self.observed,
            self.hi,
            Some(self.seed),
        )
    }
}

/// A permutation test ready to run: exact ones are already computed (the walk is fast
/// enough to run at once), Monte Carlo ones are a [`MonteCarloRun`] to be stepped.
#[derive(Debug, Clone)]
pub enum PermutationPlan {
    Exact(PermutationTest),
    MonteCarlo(Box<MonteCarloRun>),
}

impl PermutationPlan {
    /// Runs whatever is left and returns the test.
    pub fn finish(self) -> PermutationTest {
        match self {
            PermutationPlan::Exact(t) => t,
            PermutationPlan::MonteCarlo(run) => run.finish(),
        }
    }
}

/// Permutation test of mean(a) − mean(b) over relabellings of two independent groups.
pub fn permutation_independent(
    a: &[f64],
    b: &[f64],
    opts: &PermutationOptions,
) -> Result<PermutationTest, RobustError> {
    plan_independent(a, b, opts).map(PermutationPlan::finish)
}

/// [`permutation_independent`], with a Monte Carlo run returned unstarted.
pub fn plan_independent(
    a: &[f64],
    b: &[f64],
    opts: &PermutationOptions,
) -> Result<PermutationPlan, RobustError> {
    plan_independent_by(a, b, opts, Count::Cheaper)
}

/// How an exact test of independent groups counts its splits (the same tallies either
/// way; the tests compare them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    /// By [`SplitSums`] when that lists fewer sums than there are splits, else by the walk.
    Cheaper,
    /// Visiting every split ([`RevolvingDoor`]).
    #[cfg_attr(not(test), allow(dead_code))]
    Walk,
    /// From half-sums ([`SplitSums`]).
    #[cfg_attr(not(test), allow(dead_code))]
    Sums,
}

fn plan_independent_by(
    a: &[f64],
    b: &[f64],
    opts: &PermutationOptions,
    by: Count,
) -> Result<PermutationPlan, RobustError> {
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
    let stat = Stat { slope: (1.0 / f1 + 1.0 / f2) * unit, offset: total as f64 / f2 * unit };

    let mut sorted = q.clone();
    sorted.sort_unstable();
    let lo = stat.at(sorted[..n1].iter().sum());
    let hi = stat.at(sorted[n - n1..].iter().sum());
    if !(lo.is_finite() && hi.is_finite()) {
        return Err(RobustError::Overflow);
    }
    if hi <= lo {
        return Err(RobustError::AllTied);
    }
    let s0: i64 = q[..n1].iter().sum();
    let observed_q = stat.at(s0);
    let observed = a.iter().sum::<f64>() / f1 - b.iter().sum::<f64>() / f2;
    let mut tally = Tally::new(observed_q, lo, hi, opts.bins);

    let relabellings = binomial(n as u64, n1 as u64);
    match relabellings {
        Some(count) if count <= opts.exact_limit => {
            let (s_min, s_max) = (sorted[..n1].iter().sum(), sorted[n - n1..].iter().sum());
            let per_threshold = SplitSums::work(n, n1).unwrap_or(u64::MAX);
            let by_sums = match by {
                Count::Cheaper => per_threshold.saturating_mul(tally.thresholds() as u64) < count,
                Count::Walk => false,
                Count::Sums => true,
            };
            if by_sums {
                let sums = SplitSums::new(&q, n1);
                tally.count_sums(stat, (s_min, s_max), count, |t| sums.count_at_least(t));
            } else {
                let mut walk = RevolvingDoor::new(n, n1)?;
                let mut s = s0;
                tally.record(stat.at(s));
                while let Some((out, inn)) = walk.advance() {
                    s += q[inn] - q[out];
                    tally.record(stat.at(s));
                }
            }
            Ok(PermutationPlan::Exact(tally.finish(
                PermutationDesign::Independent,
                true,
                count,
                observed,
                hi,
                None,
            )))
        }
        _ => {
            if opts.resamples == 0 {
                return Err(RobustError::InvalidParameter { name: "resamples", value: 0.0 });
            }
            // Draw the smaller group; the other group's sum follows from the total.
            let (k, first_is_a) = if n1 <= n2 { (n1, true) } else { (n2, false) };
            Ok(PermutationPlan::MonteCarlo(Box::new(MonteCarloRun {
                design: PermutationDesign::Independent,
                draw: Draw::Split { q, k, total, first_is_a },
                rng: ChaCha8Rng::seed_from_u64(opts.seed),
                stat,
                tally,
                observed,
                hi,
                seed: opts.seed,
                resamples: opts.resamples,
                done: 0,
            })))
        }
    }
}

/// Sign-flip permutation test of mean(second − first) for paired values.
pub fn permutation_paired(
    first: &[f64],
    second: &[f64],
    opts: &PermutationOptions,
) -> Result<PermutationTest, RobustError> {
    plan_paired(first, second, opts).map(PermutationPlan::finish)
}

/// [`permutation_paired`], with a Monte Carlo run returned unstarted.
pub fn plan_paired(
    first: &[f64],
    second: &[f64],
    opts: &PermutationOptions,
) -> Result<PermutationPlan, RobustError> {
    if first.len() != second.len() {
        return Err(RobustError::LengthMismatch { left: first.len(), right: second.len() });
    }
    check_finite(first, 0)?;
    check_finite(second, first.len())?;
    let d: Vec<f64> = first.iter().zip(second).map(|(x, y)| y - x).collect();
    plan_differences(&d, opts)
}

/// Sign-flip permutation test of mean(d).
pub fn permutation_differences(
    d: &[f64],
    opts: &PermutationOptions,
) -> Result<PermutationTest, RobustError> {
    plan_differences(d, opts).map(PermutationPlan::finish)
}

/// [`permutation_differences`], with a Monte Carlo run returned unstarted.
pub fn plan_differences(
    d: &[f64],
    opts: &PermutationOptions,
) -> Result<PermutationPlan, RobustError> {
    check_options(opts)?;
    let n = d.len();
    if n == 0 {
        return Err(RobustError::TooFew { needed: 1, got: 0 });
    }
    check_finite(d, 0)?;
    let (q, unit) = quantize(d);
    let stat = Stat { slope: unit / n as f64, offset: 0.0 };
    let abs_sum: i64 = q.iter().map(|x| x.abs()).sum();
    if abs_sum == 0 {
        return Err(RobustError::AllTied);
    }
    let (lo, hi) = (stat.at(-abs_sum), stat.at(abs_sum));
    if !hi.is_finite() {
        return Err(RobustError::Overflow);
    }
    if hi <= lo {
        return Err(RobustError::AllTied);
    }
    let s0: i64 = q.iter().sum();
    let observed = d.iter().sum::<f64>() / n as f64;
    let mut tally = Tally::new(stat.at(s0), lo, hi, opts.bins);

    let exact_count = if n < 63 { Some(1u64 << n) } else { None };
    match exact_count {
        Some(count) if count <= opts.exact_limit => {
            // Gray code: step i flips the sign of element trailing_zeros(i).
            let mut negative: u64 = 0;
            let mut s = s0;
            tally.record(stat.at(s));
            for i in 1..count {
                let j = i.trailing_zeros();
                let qj = q[j as usize];
                if negative >> j & 1 == 1 {
                    s += 2 * qj;
                } else {
                    s -= 2 * qj;
                }
                negative ^= 1 << j;
                tally.record(stat.at(s));
            }
            Ok(PermutationPlan::Exact(tally.finish(
                PermutationDesign::PairedSignFlip,
                true,
                count,
                observed,
                hi,
                None,
            )))
        }
        _ => {
            if opts.resamples == 0 {
                return Err(RobustError::InvalidParameter { name: "resamples", value: 0.0 });
            }
            Ok(PermutationPlan::MonteCarlo(Box::new(MonteCarloRun {
                design: PermutationDesign::PairedSignFlip,
                draw: Draw::Signs { q },
                rng: ChaCha8Rng::seed_from_u64(opts.seed),
                stat,
                tally,
                observed,
                hi,
                seed: opts.seed,
                resamples: opts.resamples,
                done: 0,
            })))
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
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for n in 1..50u64 {
            for _ in 0..20 {
                assert!(below(&mut rng, n) < n);
                assert!(below32(&mut rng, n as u32) < n as u32);
            }
        }
        // Every value of a small range turns up, about equally often.
        let mut counts = [0u32; 3];
        for _ in 0..30_000 {
            counts[below32(&mut rng, 3) as usize] += 1;
        }
        assert!(counts.iter().all(|&c| (9_400..10_600).contains(&c)), "{counts:?}");
    }

    #[test]
    fn a_sliced_monte_carlo_run_equals_the_one_shot_test() {
        let a: Vec<f64> = (0..40).map(|i| 1000.0 + (i * 37 % 23) as f64 * 11.5).collect();
        let b: Vec<f64> = (0..55).map(|i| 980.0 + (i * 41 % 29) as f64 * 9.25).collect();
        let opts =
            PermutationOptions { resamples: 3_001, seed: 11, ..PermutationOptions::default() };
        let one_shot = permutation_independent(&a, &b, &opts).unwrap();
        assert!(!one_shot.exact, "C(95, 40) is far above the exact limit");
        for slices in [[1u64, 2, 997], [1000, 1000, 1000], [0, 5000, 0]] {
            let PermutationPlan::MonteCarlo(mut run) = plan_independent(&a, &b, &opts).unwrap()
            else {
                panic!("expected a Monte Carlo plan")
            };
            let mut done = 0;
            for s in slices {
                done = run.step(s);
            }
            assert_eq!(done, slices.iter().sum::<u64>().min(3_001));
            assert_eq!(run.is_finished(), done == 3_001);
            assert_eq!(run.finish(), one_shot, "slices {slices:?}");
        }
        // The larger group first: the smaller one (b) is drawn, a's sum follows.
        let swapped = permutation_independent(&b, &a, &opts).unwrap();
        let PermutationPlan::MonteCarlo(mut run) = plan_independent(&b, &a, &opts).unwrap() else {
            panic!("expected a Monte Carlo plan")
        };
        assert_eq!(run.work_per_resample(), 40);
        while !run.is_finished() {
            run.step(7);
        }
        assert_eq!(run.finish(), swapped);
        // Sign flips: 80 differences, 2^80 patterns.
        let d: Vec<f64> = (0..80).map(|i| ((i * 53 % 31) as f64 - 14.0) * 3.5).collect();
        let one_shot = permutation_differences(&d, &opts).unwrap();
        let PermutationPlan::MonteCarlo(mut run) = plan_differences(&d, &opts).unwrap() else {
            panic!("expected a Monte Carlo plan")
        };
        assert_eq!((run.work_per_resample(), run.resamples(), run.done()), (80, 3_001, 0));
        run.step(1500);
        assert_eq!(run.finish(), one_shot);
    }

    #[test]
    fn counting_by_half_sums_gives_what_the_walk_gives() {
        let by = |a: &[f64], b: &[f64], bins: usize, count: Count| {
            let opts = PermutationOptions { bins, ..PermutationOptions::default() };
            plan_independent_by(a, b, &opts, count).unwrap().finish()
        };
        let cases: Vec<(Vec<f64>, Vec<f64>)> = vec![
            // Ties across the groups, a negative observed difference.
            (vec![1.0, 2.0, 2.0, 3.0, 5.0], vec![2.0, 3.0, 8.0, 8.0, 1.0, 9.0]),
            // The observed split is the most extreme one.
            (vec![10.0, 11.0, 12.0], vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]),
            // A difference of zero: every split is at least as far from 0.
            (vec![1.0, 3.0], vec![2.0, 2.0]),
            // One group of one; salaries to the cent, with halves.
            (vec![20_675.475], vec![18_432.10, 21_907.55, 19_999.99, 20_675.475, 23_100.0]),
            // Unequal groups of a skewed sample, both orders.
            (
                (0..9).map(|i| ((i * 7919) % 101) as f64 * 13.25 - 300.0).collect(),
                (0..8).map(|i| ((i * 104_729) % 97) as f64 * 17.5 + (i * i) as f64).collect(),
            ),
            (
                (0..8).map(|i| ((i * 104_729) % 97) as f64 * 17.5 + (i * i) as f64).collect(),
                (0..9).map(|i| ((i * 7919) % 101) as f64 * 13.25 - 300.0).collect(),
            ),
        ];
        for (a, b) in &cases {
            for bins in [1, 2, 7, HISTOGRAM_BINS] {
                let walked = by(a, b, bins, Count::Walk);
                assert!(walked.exact);
                assert_eq!(by(a, b, bins, Count::Sums), walked, "{a:?} vs {b:?}, {bins} bins");
            }
        }
    }

    #[test]
    fn exact_plans_are_computed_at_once() {
        let plan = plan_independent(&[3.0], &[1.0, 2.0], &PermutationOptions::default()).unwrap();
        assert!(matches!(&plan, PermutationPlan::Exact(t) if t.exact && t.count == 3));
    }

    #[test]
    fn tiny_exact_test_by_hand() {
        // a = {3}, b = {1, 2}: relabellings put 1, 2 or 3 in a: D = −1.5, 0, 1.5.
        let r =
            permutation_independent(&[3.0], &[1.0, 2.0], &PermutationOptions::default()).unwrap();
        assert_eq!(r.count, 3);
        assert!((r.observed - 1.5).abs() < 1e-12);
        assert!((r.p_greater - 1.0 / 3.0).abs() < 1e-12);
        assert!((r.p_two_sided_abs - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(r.histogram.counts.iter().sum::<u64>(), 3);
    }
}
