//! Every way to split n values into a group of k and the rest, one step at a time: the
//! revolving-door walk (Knuth, TAOCP 7.2.1.3, Algorithm R) that the exact permutation test
//! follows, moving one value per step, and the binomial coefficient that counts the splits.

use crate::stats::robust::error::RobustError;

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
