//! Half-open character ranges `[start, end)`: union, total length and the length of the
//! intersection of two unions — the only arithmetic coverage and kappa need.
//!
//! A union is a sorted list of disjoint, non-empty, non-touching ranges. Overlapping and
//! touching ranges merge (`[0, 5)` ∪ `[5, 9)` = `[0, 9)`), empty ranges vanish, so a
//! character coded twice counts once.

/// A half-open range of character positions.
pub type Range = (usize, usize);

/// The union of any ranges, as sorted disjoint ranges. Ranges with `end <= start` are dropped.
pub fn union(mut ranges: Vec<Range>) -> Vec<Range> {
    ranges.retain(|&(s, e)| e > s);
    ranges.sort_unstable();
    let mut out: Vec<Range> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Number of positions in a union (or in any list of disjoint ranges).
pub fn total_len(union: &[Range]) -> usize {
    union.iter().map(|&(s, e)| e.saturating_sub(s)).sum()
}

/// Number of positions in both of two unions (each sorted and disjoint, as [`union`] returns).
pub fn intersection_len(a: &[Range], b: &[Range]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(&(s1, e1)), Some(&(s2, e2))) = (a.get(i), b.get(j)) {
        let (s, e) = (s1.max(s2), e1.min(e2));
        if e > s {
            n += e - s;
        }
        if e1 <= e2 {
            i += 1;
        } else {
            j += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_merges_overlapping_and_touching_ranges() {
        assert_eq!(union(vec![(5, 9), (0, 5), (3, 4), (12, 12), (20, 10)]), vec![(0, 9)]);
        assert_eq!(union(vec![(10, 20), (0, 5)]), vec![(0, 5), (10, 20)]);
        assert_eq!(total_len(&union(vec![(0, 10), (5, 15)])), 15);
    }

    #[test]
    fn intersection_of_unions() {
        let a = union(vec![(0, 10), (20, 30)]);
        let b = union(vec![(5, 25)]);
        assert_eq!(intersection_len(&a, &b), 5 + 5);
        assert_eq!(intersection_len(&a, &[]), 0);
    }
}
