//! Synthetic data with ties (and zeros) against SciPy.

use super::*;

#[test]
fn tied_data_match_scipy() {
    let x = [1.0, 2.0, 2.0, 3.0, 4.0, 5.0, 5.0, 6.0];
    let y = [2.0, 3.0, 3.0, 4.0, 7.0, 8.0, 8.0, 9.0, 9.0];
    // stats.mannwhitneyu(x, y): ties, so SciPy's 'auto' is asymptotic with continuity correction
    let mw = mann_whitney(&x, &y).unwrap();
    assert_eq!(mw.method, RankMethod::Asymptotic);
    assert!(mw.ties);
    close(mw.u1, 18.5, "U1 with ties");
    close_p(mw.p, 0.09935509191551842, "Mann-Whitney with ties");
    // stats.levene(x, y, center='mean') and center='median'
    let lm = levene(&[&x, &y], Center::Mean).unwrap();
    close(lm.w, 7.592852552176703, "Levene W with ties");
    close_p(lm.p, 0.014722000786080403, "Levene p with ties");
    let lb = levene(&[&x, &y], Center::Median).unwrap();
    close(lb.w, 2.1610169491525433, "Brown-Forsythe W with ties");
    close_p(lb.p, 0.16221372474645393, "Brown-Forsythe p with ties");
    // Three groups: stats.levene([1, 2, 2, 3], [10, 12, 9, 11, 10], [5, 5, 5.5, 8, 2, 6], center='mean' / 'median')
    let g3: [&[f64]; 3] =
        [&[1.0, 2.0, 2.0, 3.0], &[10.0, 12.0, 9.0, 11.0, 10.0], &[5.0, 5.0, 5.5, 8.0, 2.0, 6.0]];
    let l3 = levene(&g3, Center::Mean).unwrap();
    close(l3.w, 0.6931011159959419, "Levene W, 3 groups");
    close_p(l3.p, 0.5189711136868759, "Levene p, 3 groups");
    let l3m = levene(&g3, Center::Median).unwrap();
    close(l3m.w, 0.6428571428571428, "Brown-Forsythe W, 3 groups");
    close_p(l3m.p, 0.5429727383857464, "Brown-Forsythe p, 3 groups");

    // stats.wilcoxon([0, 1.5, -1.5, 2, 2, 3, -0.5, 4, 4, 5, 6]): a zero and ties, n = 11 ≤ 13:
    // SciPy enumerates the sign patterns (permutation method); the zero is dropped ('wilcox').
    let d = [0.0, 1.5, -1.5, 2.0, 2.0, 3.0, -0.5, 4.0, 4.0, 5.0, 6.0];
    let w = wilcoxon_differences(&d).unwrap();
    assert_eq!((w.method, w.zeros, w.ties), (RankMethod::ExactConditional, 1, true));
    close(w.statistic, 3.5, "Wilcoxon statistic, small with ties");
    close_p(w.p, 0.01171875, "Wilcoxon p, small with ties");
    // stats.wilcoxon([0, 1.5, -1.5, 2, 2, 3, -0.5, 4, 4, 5, 6, 7.5, -2, 8, 8, 0, 9, 3]): n = 18, normal approximation
    let d2 = [
        0.0, 1.5, -1.5, 2.0, 2.0, 3.0, -0.5, 4.0, 4.0, 5.0, 6.0, 7.5, -2.0, 8.0, 8.0, 0.0, 9.0, 3.0,
    ];
    let w2 = wilcoxon_differences(&d2).unwrap();
    assert_eq!((w2.method, w2.zeros), (RankMethod::Asymptotic, 2));
    close(w2.statistic, 8.5, "Wilcoxon statistic, asymptotic with ties");
    close_p(w2.p, 0.0020644996786705772, "Wilcoxon p, asymptotic with ties");
    // stats.wilcoxon([v for v in range(-20, 41) if v != 0]): n = 60 > 50, normal approximation
    let d3: Vec<f64> = (-20..=40).filter(|v| *v != 0).map(f64::from).collect();
    let w3 = wilcoxon_differences(&d3).unwrap();
    assert_eq!(w3.method, RankMethod::Asymptotic);
    close(w3.statistic, 410.0, "Wilcoxon statistic, n = 60");
    close_p(w3.p, 0.00020091646087444466, "Wilcoxon p, n = 60");
    // stats.wilcoxon([0.3, -1.2, 2.5, 3.1, -0.7, 4.4, 5, 1.9, 6.2, 7.7, -2.8, 8.1, 9.9, 0.1, 10.5, 11, 12.3, 3.3, 13.1, -4]): exact, n = 20
    let d4 = [
        0.3, -1.2, 2.5, 3.1, -0.7, 4.4, 5.0, 1.9, 6.2, 7.7, -2.8, 8.1, 9.9, 0.1, 10.5, 11.0, 12.3,
        3.3, 13.1, -4.0,
    ];
    let w4 = wilcoxon_differences(&d4).unwrap();
    assert_eq!(w4.method, RankMethod::Exact);
    close(w4.statistic, 24.0, "Wilcoxon statistic, exact n = 20");
    close_p(w4.p, 0.0014324188232421875, "Wilcoxon p, exact n = 20");
    // stats.mannwhitneyu([1.1, 2.3, 3.7, 4.2, 5.9, 6.4, 7.0], [0.5, 2.9, 8.1, 9.3, 10.2], method='exact')
    let m5 =
        mann_whitney(&[1.1, 2.3, 3.7, 4.2, 5.9, 6.4, 7.0], &[0.5, 2.9, 8.1, 9.3, 10.2]).unwrap();
    assert_eq!(m5.method, RankMethod::Exact);
    close(m5.u1, 12.0, "U1 exact, small");
    close_p(m5.p, 0.4318181818181819, "Mann-Whitney exact, small");
}
