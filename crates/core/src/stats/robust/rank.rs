//! Rank tests: Mann–Whitney U (two independent groups) and the Wilcoxon signed-rank test
//! (paired designs), both two-sided, matching SciPy.
//!
//! **Ranks.** Values are ranked 1…N in the pooled sample; tied values share the average
//! of their ranks. The tie term is Σ(t³ − t) over groups of t tied values.
//!
//! **Mann–Whitney U** (`scipy.stats.mannwhitneyu(a, b, alternative="two-sided")`):
//! U₁ = R₁ − n₁(n₁+1)/2 (R₁ the rank sum of `a`), U₂ = n₁n₂ − U₁; the reported statistic
//! is U₁, as SciPy reports it. With U = max(U₁, U₂):
//! - *exact* (no ties and n₁·n₂ ≤ [`MWU_EXACT_MAX_CELLS`]): p = 2·P(U ≥ u), with the null
//!   distribution of U counted by the recurrence
//!   P_{m,n}(u) = m/(m+n)·P_{m−1,n}(u−n) + n/(m+n)·P_{m,n−1}(u) (condition on which sample
//!   holds the largest value; every term is positive, so nothing cancels). This is
//!   `method="exact"`. SciPy's `"auto"` would pick the normal approximation as soon as
//!   both groups exceed 8; we use the exact distribution for the paper's 10 vs 12 because
//!   it is cheap and exact.
//! - *asymptotic* (ties, or larger samples): z = (U − n₁n₂/2 − ½) / σ with
//!   σ² = n₁n₂/12·((N+1) − Σ(t³−t)/(N(N−1))), p = 2·(1 − Φ(z)) — `method="asymptotic",
//!   use_continuity=True`.
//!
//! p is clipped to [0, 1].
//!
//! **Wilcoxon signed-rank** on the paired differences dᵢ = secondᵢ − firstᵢ
//! (`scipy.stats.wilcoxon(second, first)` with its defaults: `zero_method="wilcox"`,
//! `correction=False`, `method="auto"`).
//! - *Zero convention ("wilcox")*: differences that are exactly zero are dropped before
//!   ranking; the remaining |dᵢ| are ranked 1…n′. This is SciPy's and R's default; the
//!   number of zeros dropped is reported so the page can say so.
//! - R⁺ and R⁻ are the rank sums of positive and negative differences; the statistic is
//!   min(R⁺, R⁻).
//! - Method, exactly as SciPy's `"auto"` chooses it (n counts all pairs, zeros included):
//!   more than 50 pairs → normal approximation; no ties and no zeros → *exact* null
//!   distribution of R⁺ (subset sums of 1…n, counted exactly in integers); otherwise, with
//!   at most 13 pairs, an *exact conditional* test that enumerates all 2ⁿ′ sign patterns of
//!   the tied ranks (what SciPy's permutation fallback computes); otherwise the normal
//!   approximation.
//! - Exact p = min(1, 2·min(P(R⁺ ≥ r⁺), P(R⁺ ≤ r⁺))). Normal approximation:
//!   z = (R⁺ − n′(n′+1)/4) / √((n′(n′+1)(2n′+1) − Σ(t³−t)/2)/24), p = 2·Φ(−|z|), no
//!   continuity correction.

use crate::stats::robust::error::{check_finite, RobustError};
use statrs::function::erf::erfc;

/// Largest n₁·n₂ for which the exact Mann–Whitney distribution is used (50 × 50).
pub const MWU_EXACT_MAX_CELLS: usize = 2500;

/// Largest number of pairs for the exact Wilcoxon distribution (SciPy's limit).
pub const WILCOXON_EXACT_MAX: usize = 50;

/// Largest number of pairs for the exact conditional (tied or zero) Wilcoxon test.
pub const WILCOXON_CONDITIONAL_MAX: usize = 13;

/// How a rank test's p-value was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankMethod {
    /// The exact null distribution (no ties).
    Exact,
    /// Exact enumeration of all sign patterns of the tied ranks (Wilcoxon with ties or zeros).
    ExactConditional,
    /// Normal approximation with tie correction.
    Asymptotic,
}

impl RankMethod {
    /// Short label for the page.
    pub fn label(self) -> &'static str {
        match self {
            RankMethod::Exact => "exact",
            RankMethod::ExactConditional => "exact, conditional on ties",
            RankMethod::Asymptotic => "normal approximation",
        }
    }
}

/// Which Mann–Whitney p-value to compute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MwuMethod {
    /// Exact when there are no ties and n₁·n₂ ≤ [`MWU_EXACT_MAX_CELLS`], else asymptotic.
    Auto,
    /// Always the normal approximation (tie and continuity corrected).
    Asymptotic,
}

/// A two-sided Mann–Whitney U test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannWhitney {
    pub n1: usize,
    pub n2: usize,
    /// U for the first sample (SciPy's `statistic`).
    pub u1: f64,
    /// n₁n₂ − U₁.
    pub u2: f64,
    /// Two-sided p-value.
    pub p: f64,
    pub method: RankMethod,
    /// The standardized statistic (asymptotic method only).
    pub z: Option<f64>,
    /// Whether the pooled sample has tied values.
    pub ties: bool,
}

/// A two-sided Wilcoxon signed-rank test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wilcoxon {
    /// Number of pairs, zeros included.
    pub n: usize,
    /// Zero differences dropped before ranking ("wilcox" convention).
    pub zeros: usize,
    /// Rank sum of the positive differences.
    pub r_plus: f64,
    /// Rank sum of the negative differences.
    pub r_minus: f64,
    /// min(R⁺, R⁻), SciPy's two-sided `statistic`.
    pub statistic: f64,
    pub p: f64,
    pub method: RankMethod,
    /// The standardized statistic (asymptotic method only).
    pub z: Option<f64>,
    /// Whether the nonzero |differences| have ties.
    pub ties: bool,
}

/// Upper tail of the standard normal distribution, accurate far into the tail.
pub(crate) fn norm_sf(z: f64) -> f64 {
    0.5 * erfc(z / std::f64::consts::SQRT_2)
}

/// Average ranks (1-based) of finite `values` and the tie term Σ(t³ − t).
pub(crate) fn average_ranks(values: &[f64]) -> (Vec<f64>, f64) {
    let n = values.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut ranks = vec![0.0; n];
    let mut tie_term = 0.0;
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end (0-based) hold ranks start+1 ..= end; their average:
        let avg = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = avg;
        }
        let t = (end - start) as f64;
        tie_term += t * t * t - t;
        start = end;
    }
    (ranks, tie_term)
}

/// Mann–Whitney U with the default method choice ([`MwuMethod::Auto`]).
pub fn mann_whitney(a: &[f64], b: &[f64]) -> Result<MannWhitney, RobustError> {
    mann_whitney_with(a, b, MwuMethod::Auto)
}

/// Mann–Whitney U of `a` against `b` (U₁ > n₁n₂/2 when `a` tends to be larger).
pub fn mann_whitney_with(
    a: &[f64],
    b: &[f64],
    method: MwuMethod,
) -> Result<MannWhitney, RobustError> {
    let (n1, n2) = (a.len(), b.len());
    if n1 == 0 || n2 == 0 {
        return Err(RobustError::TooFew { needed: 1, got: n1.min(n2) });
    }
    check_finite(a, 0)?;
    check_finite(b, n1)?;
    let pooled: Vec<f64> = a.iter().chain(b).copied().collect();
    let (ranks, tie_term) = average_ranks(&pooled);
    let r1: f64 = ranks[..n1].iter().sum();
    let (f1, f2) = (n1 as f64, n2 as f64);
    let u1 = r1 - f1 * (f1 + 1.0) / 2.0;
    let u2 = f1 * f2 - u1;
    let u = u1.max(u2);
    let ties = tie_term > 0.0;
    let n = f1 + f2;
    if tie_term >= n * n * n - n {
        return Err(RobustError::AllTied);
    }
    let exact = method == MwuMethod::Auto && !ties && n1.saturating_mul(n2) <= MWU_EXACT_MAX_CELLS;
    if exact {
        // Without ties U is a whole number.
        let k = u.round() as usize;
        let p = (2.0 * mwu_sf(n1.min(n2), n1.max(n2), k)).clamp(0.0, 1.0);
        return Ok(MannWhitney { n1, n2, u1, u2, p, method: RankMethod::Exact, z: None, ties });
    }
    let sigma = (f1 * f2 / 12.0 * ((n + 1.0) - tie_term / (n * (n - 1.0)))).sqrt();
    if sigma.is_nan() || sigma <= 0.0 {
        return Err(RobustError::AllTied);
    }
    let z = (u - f1 * f2 / 2.0 - 0.5) / sigma;
    let p = (2.0 * norm_sf(z)).clamp(0.0, 1.0);
    Ok(MannWhitney { n1, n2, u1, u2, p, method: RankMethod::Asymptotic, z: Some(z), ties })
}

/// P(U ≥ k) for sample sizes m ≤ n without ties.
fn mwu_sf(m: usize, n: usize, k: usize) -> f64 {
    let len = m * n + 1;
    if k >= len {
        return 0.0;
    }
    // rows[i·len ..][u] = P_{i, n'}(u) for the current n'; n' = 0: U = 0 surely.
    let mut rows = vec![0.0; (m + 1) * len];
    for i in 0..=m {
        rows[i * len] = 1.0;
    }
    for np in 1..=n {
        for mp in 1..=m {
            let total = (mp + np) as f64;
            let (wa, wb) = (mp as f64 / total, np as f64 / total);
            let (lo, hi) = rows.split_at_mut(mp * len);
            let prev = &lo[(mp - 1) * len..]; // P_{mp−1, np}, already updated
            let cur = &mut hi[..len]; // P_{mp, np−1}, updated in place
            for u in 0..=(mp * np) {
                let from_a = if u >= np { prev[u - np] } else { 0.0 };
                cur[u] = wa * from_a + wb * cur[u];
            }
        }
    }
    rows[m * len + k..(m + 1) * len].iter().rev().sum()
}

/// Wilcoxon signed-rank test on `second − first`.
pub fn wilcoxon(first: &[f64], second: &[f64]) -> Result<Wilcoxon, RobustError> {
    if first.len() != second.len() {
        return Err(RobustError::LengthMismatch { left: first.len(), right: second.len() });
    }
    check_finite(first, 0)?;
    check_finite(second, first.len())?;
    let d: Vec<f64> = first.iter().zip(second).map(|(x, y)| y - x).collect();
    wilcoxon_differences(&d)
}

/// Wilcoxon signed-rank test on paired differences (zeros dropped, see the module doc).
pub fn wilcoxon_differences(d: &[f64]) -> Result<Wilcoxon, RobustError> {
    check_finite(d, 0)?;
    let n = d.len();
    if n == 0 {
        return Err(RobustError::TooFew { needed: 1, got: 0 });
    }
    let nonzero: Vec<f64> = d.iter().copied().filter(|x| *x != 0.0).collect();
    let zeros = n - nonzero.len();
    let count = nonzero.len();
    if count == 0 {
        return Err(RobustError::AllTied);
    }
    let abs: Vec<f64> = nonzero.iter().map(|x| x.abs()).collect();
    let (ranks, tie_term) = average_ranks(&abs);
    let r_plus: f64 = nonzero.iter().zip(&ranks).filter(|(x, _)| **x > 0.0).map(|(_, r)| r).sum();
    let r_minus: f64 = nonzero.iter().zip(&ranks).filter(|(x, _)| **x < 0.0).map(|(_, r)| r).sum();
    let ties = tie_term > 0.0;
    let statistic = r_plus.min(r_minus);
    let base = Wilcoxon {
        n,
        zeros,
        r_plus,
        r_minus,
        statistic,
        p: f64::NAN,
        method: RankMethod::Asymptotic,
        z: None,
        ties,
    };

    if n <= WILCOXON_EXACT_MAX && !ties && zeros == 0 {
        let p = wilcoxon_exact_p(count, r_plus.round() as usize);
        return Ok(Wilcoxon { p, method: RankMethod::Exact, ..base });
    }
    if n <= WILCOXON_CONDITIONAL_MAX {
        // Doubled average ranks are whole numbers, so the enumeration compares integers.
        let r2: Vec<u64> = ranks.iter().map(|r| (2.0 * r).round() as u64).collect();
        let observed: u64 =
            nonzero.iter().zip(&r2).filter(|(x, _)| **x > 0.0).map(|(_, r)| r).sum();
        let (mut le, mut ge) = (0u64, 0u64);
        let total = 1u64 << count;
        for mask in 0..total {
            let mut s = 0u64;
            for (i, r) in r2.iter().enumerate() {
                if mask >> i & 1 == 1 {
                    s += r;
                }
            }
            le += u64::from(s <= observed);
            ge += u64::from(s >= observed);
        }
        let p = (2.0 * le.min(ge) as f64 / total as f64).clamp(0.0, 1.0);
        return Ok(Wilcoxon { p, method: RankMethod::ExactConditional, ..base });
    }
    let c = count as f64;
    let mean = c * (c + 1.0) / 4.0;
    let se = ((c * (c + 1.0) * (2.0 * c + 1.0) - tie_term / 2.0) / 24.0).sqrt();
    if se.is_nan() || se <= 0.0 {
        return Err(RobustError::AllTied);
    }
    let z = (r_plus - mean) / se;
    let p = (2.0 * norm_sf(z.abs())).clamp(0.0, 1.0);
    Ok(Wilcoxon { p, method: RankMethod::Asymptotic, z: Some(z), ..base })
}

/// Exact two-sided p for R⁺ = r with n untied, nonzero differences.
fn wilcoxon_exact_p(n: usize, r: usize) -> f64 {
    let max = n * (n + 1) / 2;
    // counts[s] = number of subsets of {1..n} with sum s (at most 2⁵⁰, exact in u64).
    let mut counts = vec![0u64; max + 1];
    counts[0] = 1;
    for i in 1..=n {
        for s in (i..=(i * (i + 1) / 2)).rev() {
            counts[s] += counts[s - i];
        }
    }
    let total = (1u64 << n) as f64;
    let r = r.min(max);
    let ge: u64 = counts[r..].iter().sum();
    let le: u64 = counts[..=r].iter().sum();
    (2.0 * ge.min(le) as f64 / total).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_average_ties() {
        let (r, tie) = average_ranks(&[3.0, 1.0, 3.0, 2.0]);
        assert_eq!(r, vec![3.5, 1.0, 3.5, 2.0]);
        assert_eq!(tie, 6.0);
    }

    #[test]
    fn exact_mwu_distribution_sums_to_one() {
        // P(U ≥ 0) = 1 and the distribution is symmetric about mn/2.
        assert!((mwu_sf(3, 4, 0) - 1.0).abs() < 1e-15);
        // U for (1, 1): 0 or 1 with probability ½ each.
        assert!((mwu_sf(1, 1, 1) - 0.5).abs() < 1e-15);
        // (2, 2): C(4,2) = 6 arrangements, U = 4 once.
        assert!((mwu_sf(2, 2, 4) - 1.0 / 6.0).abs() < 1e-15);
    }

    #[test]
    fn wilcoxon_exact_extremes() {
        // All 5 differences positive: p = 2/32.
        let w = wilcoxon_differences(&[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        assert_eq!(w.method, RankMethod::Exact);
        assert!((w.p - 2.0 / 32.0).abs() < 1e-15);
        assert_eq!(w.statistic, 0.0);
    }

    #[test]
    fn degenerate_inputs_are_errors() {
        assert_eq!(mann_whitney(&[1.0, 1.0], &[1.0, 1.0]), Err(RobustError::AllTied));
        assert_eq!(wilcoxon_differences(&[0.0, 0.0]), Err(RobustError::AllTied));
        assert!(matches!(mann_whitney(&[], &[1.0]), Err(RobustError::TooFew { .. })));
        assert!(matches!(
            mann_whitney(&[f64::NAN], &[1.0]),
            Err(RobustError::NonFinite { index: 0 })
        ));
    }
}
