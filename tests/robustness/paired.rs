//! Paired designs (one group, T2 vs T1) against SciPy.

use super::*;

struct PairedRef {
    measure: Measure,
    discount: bool,
    group: Group,
    t: f64,
    wilcoxon: (f64, f64),
    wilcoxon_method: RankMethod,
    /// (observed mean difference, two-sided p, p greater).
    perm: (f64, f64, f64),
    /// (d_z, CI low, CI high).
    dz: (f64, f64, f64),
    bf10: [f64; 3],
}

const PAIRED: [PairedRef; 8] = [
    PairedRef {
        measure: Measure::Quarterly,
        discount: true,
        group: Group::Service,
        t: 3.8845561408060245,              // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (0.0, 0.001953125),       // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (5456.691000000001, 0.001953125, 0.0009765625), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (1.2284045103740786, 0.37577582927993763, 2.044622489008485), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [12.229093353874985, 13.849753314536954, 14.566648945797068], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Quarterly,
        discount: true,
        group: Group::Development,
        t: -1.5509910542139524,          // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (21.0, 0.17626953125), // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (-1854.9333333333327, 0.15087890625, 0.9248046875), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-0.4477325513305634, -1.0338835129639152, 0.15657017857680555), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [0.864900600082633, 0.7432408563420061, 0.6057372716816611], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Quarterly,
        discount: false,
        group: Group::Service,
        t: 1.3959913176886263,              // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (9.0, 0.064453125),       // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (1175.2750084889656, 0.056640625, 0.0283203125), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (0.4414512157715762, -0.2210066476840365, 1.0820994572233642), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [0.7719842168910901, 0.6604089831733603, 0.5374960642158721], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Quarterly,
        discount: false,
        group: Group::Development,
        t: -4.0884704988623,                // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (0.0, 0.00048828125),     // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (-5502.947763865307, 0.00048828125, 1.0), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-1.1802397715459962, -1.9116351867581503, -0.4185879197878271), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [21.528136341635374, 24.480828145382073, 25.709323577189217], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Monthly,
        discount: true,
        group: Group::Service,
        t: 2.4834566310606303,        // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (0.0, 0.001953125), // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::ExactConditional, // SciPy method="auto": ties, n <= 13 -> exact permutation of the signed ranks
        perm: (933.9799999999998, 0.001953125, 0.0009765625), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (0.7853379424400058, 0.053863390932976006, 1.4847731550889076), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [2.369470379563906, 2.3244980988364334, 2.1300414964919097], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Monthly,
        discount: true,
        group: Group::Development,
        t: -2.2406404119958285,         // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (12.0, 0.0341796875), // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (-1036.4733333333334, 0.04736328125, 0.9765625), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-0.6468171725114727, -1.260601655848987, -0.009311121332460785), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [1.866189209510588, 1.7486425192966717, 1.53204744660734], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Monthly,
        discount: false,
        group: Group::Service,
        t: -1.402461903558108,        // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (11.0, 0.09765625), // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::ExactConditional, // SciPy method="auto": ties, n <= 13 -> exact permutation of the signed ranks
        perm: (-341.475573005093, 0.19921875, 0.9013671875), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-0.4434973946859025, -1.0843927419458312, 0.21928897349753707), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [0.7763399513766857, 0.6646454242889759, 0.5412910685546425], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
    PairedRef {
        measure: Measure::Monthly,
        discount: false,
        group: Group::Development,
        t: -4.228349223436134,              // stats.ttest_rel(t2, t1).statistic
        wilcoxon: (4.0, 0.00341796875),     // stats.wilcoxon(t2, t1): (statistic, pvalue)
        wilcoxon_method: RankMethod::Exact, // SciPy method="auto": no ties or zeros, n <= 50 -> exact
        perm: (-2221.7668046123367, 0.0029296875, 0.998779296875), // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', n_resamples=np.inf, vectorized=True): statistic, pvalue (two-sided), pvalue (alternative='greater')
        dz: (-1.2206192811892984, -1.9629124667321247, -0.44795151485635254), // (t2-t1).mean()/(t2-t1).std(ddof=1); brentq(lambda x: stats.nct.cdf(t, n-1, x) - q, t-8, t+8, xtol=1e-14) / sqrt(n), q = .975, .025
        bf10: [25.98817669088113, 29.86526532207871, 31.712533189938412], // jzs_bf10(t, n, n-1, r) for r in (0.5, sqrt(2)/2, 1)
    },
];

#[test]
fn paired_designs_match_scipy() {
    for r in &PAIRED {
        let case = format!("{:?} {:?} discount={}", r.measure, r.group, r.discount);
        let p = points(r.measure, r.discount);
        let (t1, t2) = (values(&p, r.group, Some(Time::T1)), values(&p, r.group, Some(Time::T2)));
        let t = ttest::paired(&t1, &t2).unwrap();
        close(t.t, r.t, &format!("{case}: t"));

        let w = wilcoxon(&t1, &t2).unwrap();
        assert_eq!(w.method, r.wilcoxon_method, "{case}: Wilcoxon method");
        assert_eq!(w.zeros, 0, "{case}: no zero differences");
        close(
            w.statistic + 1.0,
            r.wilcoxon.0 + 1.0,
            &format!("{case}: Wilcoxon statistic (+1, it can be 0)"),
        );
        close_p(w.p, r.wilcoxon.1, &format!("{case}: Wilcoxon p"));

        let perm = permutation_paired(&t1, &t2, &PermutationOptions::default()).unwrap();
        assert!(perm.exact);
        assert_eq!(perm.count, 1 << t1.len(), "{case}: 2^n sign patterns");
        close(perm.observed, r.perm.0, &format!("{case}: observed mean difference"));
        close_p(perm.p_two_sided, r.perm.1, &format!("{case}: sign-flip two-sided"));
        close_p(perm.p_greater, r.perm.2, &format!("{case}: sign-flip greater"));

        let e = paired_dz(&t1, &t2).unwrap();
        assert_eq!(e.kind, EffectKind::PairedDz);
        close(e.d, r.dz.0, &format!("{case}: d_z"));
        close(e.ci_d.0, r.dz.1, &format!("{case}: d_z CI low"));
        close(e.ci_d.1, r.dz.2, &format!("{case}: d_z CI high"));

        for (scale, expected) in PRIOR_SCALES.iter().zip(r.bf10) {
            let bf = bf10_one_sample(t.t, t1.len(), *scale).unwrap();
            close(bf.bf10, expected, &format!("{case}: BF10 r={scale}"));
        }
    }
}
