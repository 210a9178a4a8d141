//! Counting the splits of an exact permutation test by their group sums, without visiting
//! each split: meet in the middle (Horowitz & Sahni, 1974).
//!
//! Every tally of the exact test of two independent groups depends on a split only through
//! the first group's integer sum s, and is a count of splits with s at or above a
//! threshold (or a difference of two such counts: a histogram bin lies between two
//! thresholds). [`SplitSums`] answers "how many n₁-subsets of the N values have a sum of
//! at least t" for several thresholds at once:
//!
//! 1. the values are cut into two halves, of h = ⌊N/2⌋ and N − h;
//! 2. for each k, the sums of the k-subsets of the first half and of the (n₁ − k)-subsets
//!    of the second are listed and sorted, so that every n₁-subset is one pair of sums;
//! 3. for each threshold, the pairs whose total reaches it are counted by walking the first
//!    list upwards while a pointer walks the second downwards.
//!
//! For m thresholds that is m · Σₖ (C(h, k) + C(N − h, n₁ − k)) steps instead of C(N, n₁):
//! for the paper (N = 22, n₁ = 10) 4,094 sums per threshold instead of 646,646 splits.
//! [`SplitSums::work`] gives the first figure before anything is listed, so a caller can
//! walk the splits instead when they are fewer (one group of one or two, say).

use crate::stats::robust::revolving_door::binomial;

/// The sums of the n₁-subsets of some integers, as pairs of sorted half-lists.
#[derive(Debug, Clone)]
pub struct SplitSums {
    /// For each k: the sorted sums of the k-subsets of the first half, and of the
    /// (n₁ − k)-subsets of the second.
    pairs: Vec<(Vec<i64>, Vec<i64>)>,
}

impl SplitSums {
    /// Sums listed per threshold for the n₁-subsets of `n` values: Σₖ (C(h, k) +
    /// C(n − h, n₁ − k)), or `None` if it does not fit in a `u64`.
    pub fn work(n: usize, n1: usize) -> Option<u64> {
        let h = n / 2;
        ks(n, n1).try_fold(0u64, |sum, k| {
            let left = binomial(h as u64, k as u64)?;
            let right = binomial((n - h) as u64, (n1 - k) as u64)?;
            sum.checked_add(left)?.checked_add(right)
        })
    }

    /// Lists and sorts the half-sums of the n₁-subsets of `q` (n₁ ≤ `q.len()`). The caller
    /// keeps the sums within `i64` (the permutation test's grid keeps every sum below 2⁵²).
    pub fn new(q: &[i64], n1: usize) -> SplitSums {
        let n = q.len();
        let (left, right) = q.split_at(n / 2);
        let mut left = sums_by_size(left, n1);
        let mut right = sums_by_size(right, n1);
        let pairs = ks(n, n1)
            .map(|k| (std::mem::take(&mut left[k]), std::mem::take(&mut right[n1 - k])))
            .collect();
        SplitSums { pairs }
    }

    /// For each threshold, the number of n₁-subsets whose sum is at least it.
    pub fn count_at_least(&self, thresholds: &[i64]) -> Vec<u64> {
        thresholds
            .iter()
            .map(|&t| {
                let mut count = 0u64;
                for (a, b) in &self.pairs {
                    // The first index of b with x + b[p] ≥ t: as x grows it only moves down.
                    let mut p = b.len();
                    for &x in a {
                        while p > 0 && x + b[p - 1] >= t {
                            p -= 1;
                        }
                        count += (b.len() - p) as u64;
                    }
                }
                count
            })
            .collect()
    }
}

/// The k for which a k-subset of the first half (h = ⌊n/2⌋) and an (n₁ − k)-subset of the
/// second make an n₁-subset of all n.
fn ks(n: usize, n1: usize) -> impl Iterator<Item = usize> {
    let h = n / 2;
    n1.saturating_sub(n - h)..=n1.min(h)
}

/// The sums of the k-subsets of `xs` for every k ≤ `max_k`, each list sorted.
fn sums_by_size(xs: &[i64], max_k: usize) -> Vec<Vec<i64>> {
    let mut by_size: Vec<Vec<i64>> = vec![Vec::new(); max_k + 1];
    by_size[0].push(0);
    for (i, &x) in xs.iter().enumerate() {
        // Largest size first, so each value is added to each subset at most once.
        for k in (0..(i + 1).min(max_k)).rev() {
            let grown: Vec<i64> = by_size[k].iter().map(|s| s + x).collect();
            by_size[k + 1].extend(grown);
        }
    }
    for sums in &mut by_size {
        sums.sort_unstable();
    }
    by_size
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::robust::revolving_door::RevolvingDoor;

    /// Every n₁-subset's sum, by walking the splits.
    fn walked(q: &[i64], n1: usize) -> Vec<i64> {
        let mut walk = RevolvingDoor::new(q.len(), n1).unwrap();
        let mut sums = vec![walk.current().iter().map(|&i| q[i]).sum()];
        while walk.advance().is_some() {
            sums.push(walk.current().iter().map(|&i| q[i]).sum());
        }
        sums
    }

    #[test]
    fn counts_equal_those_of_the_walk() {
        // Ties, negatives and zeros, every group size including 0 and N.
        let q: Vec<i64> = (0..13).map(|i| (i * 37 % 11) as i64 - 4).collect();
        for n1 in 0..=q.len() {
            let sums = walked(&q, n1);
            let thresholds: Vec<i64> = (-45..=45).collect();
            let expected: Vec<u64> = thresholds
                .iter()
                .map(|&t| sums.iter().filter(|&&s| s >= t).count() as u64)
                .collect();
            let split = SplitSums::new(&q, n1);
            assert_eq!(split.count_at_least(&thresholds), expected, "n1 = {n1}");
            let listed: u64 = split.pairs.iter().map(|(a, b)| (a.len() + b.len()) as u64).sum();
            assert_eq!(SplitSums::work(q.len(), n1), Some(listed), "n1 = {n1}");
        }
    }

    #[test]
    fn the_papers_design_lists_a_few_thousand_sums() {
        assert_eq!(SplitSums::work(22, 10), Some(4_094));
        assert_eq!(binomial(22, 10), Some(646_646));
    }

    #[test]
    fn thresholds_in_any_order() {
        let q = [5, -3, 8, 0, 2, 2, -7];
        let split = SplitSums::new(&q, 3);
        let up = split.count_at_least(&[-20, 0, 3, 30]);
        let down = split.count_at_least(&[30, 3, 0, -20]);
        assert_eq!(up, [35, up[1], up[2], 0]);
        assert_eq!(down, [0, up[2], up[1], 35]);
    }
}
