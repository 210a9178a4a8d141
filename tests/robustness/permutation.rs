//! The permutation walk: every subset once, the paper's exact histogram against NumPy,
//! and a seeded, portable Monte Carlo close to the exact result.

use super::*;

#[test]
fn revolving_door_visits_every_subset_exactly_once() {
    for n in 0..=12usize {
        for k in 0..=n {
            let mut walk = RevolvingDoor::new(n, k).unwrap();
            let mask_of = |s: &[usize]| s.iter().fold(0u32, |m, i| m | 1 << i);
            let mut mask = mask_of(walk.current());
            assert_eq!(mask, (1u32 << k) - 1, "n={n} k={k}: starts at {{0..k-1}}");
            let mut seen = HashSet::new();
            seen.insert(mask);
            while let Some((out, inn)) = walk.advance() {
                assert!(
                    mask >> out & 1 == 1 && mask >> inn & 1 == 0,
                    "n={n} k={k}: move {out}->{inn} from {mask:b}"
                );
                mask = mask & !(1 << out) | 1 << inn;
                let cur = walk.current();
                assert!(
                    cur.windows(2).all(|w| w[0] < w[1]) && cur.iter().all(|&i| i < n),
                    "n={n} k={k}: {cur:?}"
                );
                assert_eq!(mask, mask_of(cur), "n={n} k={k}: reported move matches the subset");
                assert!(seen.insert(mask), "n={n} k={k}: subset {mask:b} visited twice");
            }
            assert_eq!(
                seen.len() as u64,
                binomial(n as u64, k as u64).unwrap(),
                "n={n} k={k}: visits C(n, k)"
            );
            assert!(walk.advance().is_none(), "stays finished");
        }
    }
    // The paper's size, counted without storing: C(22, 10) steps.
    let mut walk = RevolvingDoor::new(22, 10).unwrap();
    let mut steps = 1u64;
    while walk.advance().is_some() {
        steps += 1;
    }
    assert_eq!(steps, 646_646);
}

#[test]
fn exact_permutation_on_the_paper_histogram() {
    let (a, b) = did(Measure::Quarterly, true);
    let perm = permutation_independent(&a, &b, &PermutationOptions::default()).unwrap();
    // null = res.null_distribution; np.histogram(null, bins=60, range=(null.min(), null.max()))[0]
    let numpy: [u64; 60] = [
        12, 46, 76, 104, 211, 399, 661, 939, 1338, 1855, 2592, 3410, 4484, 5662, 6905, 8347, 9951,
        11611, 13364, 15146, 16838, 18460, 19831, 21300, 22440, 23416, 24231, 25026, 25430, 25555,
        25429, 25213, 24858, 24378, 23730, 22968, 21883, 20730, 19528, 18154, 16653, 15280, 13689,
        12193, 10557, 9079, 7605, 6193, 4978, 3996, 3134, 2335, 1670, 1071, 723, 431, 303, 170, 61,
        14,
    ];
    // null.min(), null.max()
    close(perm.histogram.lo, -7878.517666666667, "null minimum");
    close(perm.histogram.hi, 7552.515166666666, "null maximum");
    let moved: u64 = perm.histogram.counts.iter().zip(numpy).map(|(x, y)| x.abs_diff(y)).sum();
    assert!(
        moved <= HISTOGRAM_SLACK,
        "histogram differs from NumPy's by {moved}: {:?}",
        perm.histogram.counts
    );
    assert_eq!(
        perm.histogram.bin_of(perm.observed),
        59,
        "the observed difference is in the last bin"
    );
}

#[test]
fn monte_carlo_is_seeded_portable_and_close_to_exact() {
    let (a, b) = did(Measure::Monthly, true);
    let exact = permutation_independent(&a, &b, &PermutationOptions::default()).unwrap();
    let opts = PermutationOptions {
        exact_limit: 0,
        resamples: 40_000,
        seed: 7,
        ..PermutationOptions::default()
    };
    let mc = permutation_independent(&a, &b, &opts).unwrap();
    assert!(!mc.exact);
    assert_eq!(mc.seed, Some(7));
    assert_eq!(mc.count, 40_000);
    assert_eq!(mc, permutation_independent(&a, &b, &opts).unwrap(), "same seed, same result");
    assert_ne!(
        mc,
        permutation_independent(&a, &b, &PermutationOptions { seed: 8, ..opts }).unwrap()
    );
    // (b + 1)/(m + 1) is never zero, and is within MC_SIGMAS binomial SEs of the exact p
    // (plus the 1/(m + 1) the observed labelling adds).
    for (got, want) in
        [(mc.p_greater, exact.p_greater), (mc.p_two_sided_abs, exact.p_two_sided_abs)]
    {
        let se = (want * (1.0 - want) / 40_000.0).sqrt();
        assert!(
            got >= 1.0 / 40_001.0 && (got - want).abs() <= MC_SIGMAS * se + 1.0 / 40_001.0,
            "{got} vs exact {want}"
        );
    }
    // Paired sign flips, forced to Monte Carlo.
    let p = points(Measure::Quarterly, true);
    let (t1, t2) = (
        values(&p, Group::Development, Some(Time::T1)),
        values(&p, Group::Development, Some(Time::T2)),
    );
    let exact = permutation_paired(&t1, &t2, &PermutationOptions::default()).unwrap();
    let mc = permutation_paired(&t1, &t2, &opts).unwrap();
    // The two-sided p doubles a one-sided proportion q, so its SE is 2·√(q(1 − q)/m).
    let q = exact.p_two_sided / 2.0;
    let se = 2.0 * (q * (1.0 - q) / 40_000.0).sqrt();
    assert!(
        (mc.p_two_sided - exact.p_two_sided).abs() <= MC_SIGMAS * se + 2.0 / 40_001.0,
        "{} vs {}",
        mc.p_two_sided,
        exact.p_two_sided
    );
}
