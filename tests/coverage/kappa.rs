//! Cohen's kappa against hand-worked tables and scikit-learn, pooled and weighted over
//! sources, and undefined (never NaN) when chance agreement is one.

use super::*;

#[test]
fn kappa_matches_a_hand_worked_table_and_sklearn() {
    // 10 characters; A codes [0,6), B codes [2,8):
    //   both [2,6) = 4, only A [0,2) = 2, only B [6,8) = 2, neither [8,10) = 2.
    //   po = (4 + 2) ÷ 10 = 0.6; A₁ = B₁ = 6, A₀ = B₀ = 4; pe = (6·6 + 4·4) ÷ 100 = 0.52;
    //   κ = (0.6 − 0.52) ÷ (1 − 0.52) = 0.08 ÷ 0.48 = 1/6.
    // Reference: sklearn.metrics.cohen_kappa_score([1,1,1,1,1,1,0,0,0,0], [0,0,1,1,1,1,1,1,0,0])
    //   = 0.16666666666666663
    let p = project(
        vec![source("s", "0123456789", &[])],
        flat(&["x"]),
        &["A", "B"],
        vec![coding("s", 0, 6, "x", "A"), coding("s", 2, 8, "x", "B")],
    )
    .unwrap();
    let ag = p.agreement("A", "B").unwrap();
    let x = &ag.codes[0];
    assert_eq!(x.table, AgreementTable { both: 4, only_a: 2, only_b: 2, neither: 2 });
    close(x.table.observed(), 0.6);
    close(x.table.expected(), 0.52);
    kappa_close(x.kappa, 1.0 / 6.0);
    kappa_close(x.kappa, 0.16666666666666663);
    kappa_close(ag.overall_pooled, 1.0 / 6.0);
    kappa_close(ag.overall_weighted, 1.0 / 6.0);
}

#[test]
fn kappa_pooled_and_weighted_over_sources() {
    // s1 (10 chars): the table above, κ₁ = 1/6.  s2 (20 chars): A and B both code [0,10), κ₂ = 1.
    // s3: only A coded it, so it is not compared.
    // Pooled: both 14, only A 2, only B 2, neither 12; n = 30; A₁ = B₁ = 16;
    //   κ = (n·agree − E) ÷ (n² − E) with E = 16·16 + 14·14 = 452: (30·26 − 452) ÷ (900 − 452)
    //     = 328 ÷ 448 = 0.732142857…
    //   sklearn.metrics.cohen_kappa_score(
    //       [1,1,1,1,1,1,0,0,0,0] + [1]*10 + [0]*10, [0,0,1,1,1,1,1,1,0,0] + [1]*10 + [0]*10)
    //     = 0.7321428571428572
    // Weighted by length (NVivo-style average): (10 · 1/6 + 20 · 1) ÷ 30 = 0.722222…
    let p = project(
        vec![
            source("s1", &"1".repeat(10), &[]),
            source("s2", &"2".repeat(20), &[]),
            source("s3", &"3".repeat(5), &[]),
        ],
        flat(&["x"]),
        &["A", "B"],
        vec![
            coding("s1", 0, 6, "x", "A"),
            coding("s1", 2, 8, "x", "B"),
            coding("s2", 0, 10, "x", "A"),
            coding("s2", 0, 10, "x", "B"),
            coding("s3", 0, 5, "x", "A"),
        ],
    )
    .unwrap();
    let ag = p.agreement("A", "B").unwrap();
    assert_eq!(ag.sources, strings(&["s1", "s2"]));
    let x = &ag.codes[0];
    assert_eq!(x.table, AgreementTable { both: 14, only_a: 2, only_b: 2, neither: 12 });
    kappa_close(x.kappa, 328.0 / 448.0);
    kappa_close(x.kappa, 0.7321428571428572);
    kappa_close(x.weighted, (10.0 / 6.0 + 20.0) / 30.0);
    kappa_close(x.per_source[1].kappa, 1.0);
    assert_eq!(p.agreement_all_pairs().len(), 1);
    assert_eq!(p.agreement("A", "A").unwrap_err(), CoverageError::SameCoder("A".into()));
}

#[test]
fn kappa_is_undefined_not_nan_when_chance_agreement_is_one() {
    // Neither coder codes y, both code all of z: pe = 1 → undefined. One codes all, the other
    // nothing: pe = 0, po = 0 → κ = 0 (defined).
    let p = project(
        vec![source("s", "0123456789", &[])],
        flat(&["x", "y", "z", "w"]),
        &["A", "B"],
        vec![
            coding("s", 0, 3, "x", "A"),
            coding("s", 0, 3, "x", "B"),
            coding("s", 0, 10, "z", "A"),
            coding("s", 0, 10, "z", "B"),
            coding("s", 0, 10, "w", "A"),
        ],
    )
    .unwrap();
    let ag = p.agreement("A", "B").unwrap();
    let by: BTreeMap<&str, Kappa> = ag.codes.iter().map(|c| (c.code.as_str(), c.kappa)).collect();
    assert_eq!(by["x"], Kappa::Defined(1.0));
    assert_eq!(by["y"], Kappa::Undefined(KappaUndefined::NoVariation));
    assert_eq!(by["z"], Kappa::Undefined(KappaUndefined::NoVariation));
    assert_eq!(by["w"], Kappa::Defined(0.0));
    assert_eq!(AgreementTable::default().kappa(), Kappa::Undefined(KappaUndefined::NoCharacters));
    assert!(KappaUndefined::NoVariation.to_string().contains("not defined"));
    // Coders who share no source: nothing to compare.
    let q = project(
        vec![source("a", "xx", &[]), source("b", "yy", &[])],
        flat(&["x"]),
        &["A", "B"],
        vec![coding("a", 0, 1, "x", "A"), coding("b", 0, 1, "x", "B")],
    )
    .unwrap();
    let ag = q.agreement("A", "B").unwrap();
    assert!(ag.sources.is_empty());
    assert_eq!(ag.overall_pooled, Kappa::Undefined(KappaUndefined::NoCharacters));
    assert_eq!(ag.overall_weighted, Kappa::Undefined(KappaUndefined::NoCharacters));
}
