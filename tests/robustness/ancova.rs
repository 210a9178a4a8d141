//! The two analyses of a pre/post design against NumPy and SciPy: ANCOVA (T2 on group with
//! T1 as covariate, Vickers & Altman 2001) and the log scale (log ratios ln(T2/T1),
//! geometric-mean changes); then the designs they are not defined for, a non-positive
//! salary and a missing one.
//!
//! References from `scripts/reference/robust/ancova.py` (NumPy 2.4.6, SciPy 1.17.1), with
//! the arrays of `main.rs` (`t1`, `t2` of both groups, Service first):
//!
//! ```python
//! g = np.array([1.0] * 10 + [0.0] * 12)                 # 1 = Service, 0 = Development
//! X = np.column_stack([np.ones(22), g, t1])
//! beta = np.linalg.lstsq(X, t2, rcond=None)[0]          # (intercept, estimate, slope)
//! resid = t2 - X @ beta; s2 = resid @ resid / 19        # df = n - 3
//! se = np.sqrt(np.diag(s2 * np.linalg.inv(X.T @ X)))    # (.., se, slope_se)
//! t = beta[1] / se[1]; p = 2 * stats.t.sf(abs(t), 19); q = stats.t.ppf(0.975, 19)
//! ci = beta[1] -/+ q * se[1]; slope_ci = beta[2] -/+ q * se[2]; residual_sd = np.sqrt(s2)
//! lr_s, lr_d = np.log(t2_s / t1_s), np.log(t2_d / t1_d)
//! r = stats.ttest_ind(lr_s, lr_d)                       # t, p; r.confidence_interval(0.95)
//! np.expm1(lr.mean()) * 100                             # geometric-mean change, percent
//! stats.ttest_1samp(lr_s, 0.0)                          # one group (the paired design)
//! ```

use super::*;
use study_core::view::robustness::{robustness_view, robustness_view_points};

struct AncovaRef {
    measure: Measure,
    discount: bool,
    intercept: f64,
    estimate: f64,
    se: f64,
    t: f64,
    p: f64,
    ci: (f64, f64),
    slope: f64,
    slope_se: f64,
    slope_ci: (f64, f64),
    residual_sd: f64,
}

const ANCOVA: [AncovaRef; 3] = [
    AncovaRef {
        measure: Measure::Quarterly,
        discount: true,
        intercept: -1781.296015162384,                      // beta[0]
        estimate: 7301.105593048217,                        // beta[1]
        se: 1915.9228980372457,                             // se[1]
        t: 3.810751257541619,                               // beta[1] / se[1]
        p: 0.001180445679292025,                            // 2 * stats.t.sf(abs(t), 19)
        ci: (3291.0328810645847, 11311.17830503185), // beta[1] -/+ stats.t.ppf(0.975, 19) * se[1]
        slope: 0.9969471763868758,                   // beta[2]
        slope_se: 0.10684491546532428,               // se[2]
        slope_ci: (0.7733181982267298, 1.2205761545470217), // beta[2] -/+ stats.t.ppf(0.975, 19) * se[2]
        residual_sd: 4391.250617583506,                     // np.sqrt(s2)
    },
    AncovaRef {
        measure: Measure::Quarterly,
        discount: false,
        intercept: -1489.4537987563197,
        estimate: 6104.914269229618,
        se: 1602.0238154216363,
        t: 3.810751257541616,
        p: 0.0011804456792920337,
        ci: (2751.839887817157, 9457.988650642079),
        slope: 0.8336103300007826,
        slope_se: 0.08933976378042822,
        slope_ci: (0.6466200553931901, 1.020600604608375),
        residual_sd: 3671.80123796244,
    },
    AncovaRef {
        measure: Measure::Monthly,
        discount: true,
        intercept: 99.07402745276589,
        estimate: 1775.480391214188,
        se: 614.5447129695857,
        t: 2.8890987974410547,
        p: 0.009401104017990327,
        ci: (489.22352445939555, 3061.737257968981),
        slope: 0.8627084052641708,
        slope_se: 0.09794767679187485,
        slope_ci: (0.6577015616653663, 1.0677152488629753),
        residual_sd: 1398.0179972780368,
    },
];

struct LogRef {
    measure: Measure,
    discount: bool,
    /// stats.ttest_ind(lr_s, lr_d): (statistic, pvalue).
    between: (f64, f64),
    /// np.exp(lr_s.mean() - lr_d.mean()) and np.exp(r.confidence_interval(0.95)).
    ratio: (f64, f64, f64),
    /// np.expm1(lr.mean()) * 100 for Service, Development.
    percent: (f64, f64),
    /// stats.ttest_1samp(lr, 0.0): (statistic, pvalue) for Service, Development.
    paired: [(f64, f64); 2],
}

const LOG: [LogRef; 3] = [
    LogRef {
        measure: Measure::Quarterly,
        discount: true,
        between: (4.8281979218261295, 0.00010212604129588658),
        ratio: (1.3182443947715228, 1.1699119262240538, 1.4853838527445977),
        percent: (24.722730013338694, -5.387247988294657),
        paired: [
            (11.07488743706177, 1.5203661461408475e-06),
            (-1.1221993906071266, 0.28567587773279046),
        ],
    },
    LogRef {
        measure: Measure::Quarterly,
        discount: false,
        between: (4.8281979218261295, 0.00010212604129588658),
        ratio: (1.3182443947715228, 1.1699119262240538, 1.4853838527445977),
        percent: (4.288530613869795, -20.88831856406641),
        paired: [
            (2.1050230931087714, 0.06458955329910099),
            (-4.748140406620525, 0.0006014912732920467),
        ],
    },
    LogRef {
        measure: Measure::Monthly,
        discount: true,
        between: (3.100491286172727, 0.005638591649095974),
        ratio: (1.2376574405206826, 1.0722604215965328, 1.4285670805562818),
        percent: (12.465560643705503, -9.130299740781878),
        paired: [
            (4.776276677770201, 0.0010064972128918826),
            (-1.6192784364184873, 0.13367667587791995),
        ],
    },
];

fn paper_ancova(measure: Measure, discount: bool) -> Ancova {
    ancova(&points(measure, discount), Group::Service, Group::Development).expect("defined")
}

#[test]
fn the_printed_references_at_their_printed_precision() {
    // numpy lstsq on T2 ~ 1 + group + T1, quarterly, T2 discounted: group effect
    // 7,301.11 RMB, t(19) = 3.81, p = .0012, 95% CI [3,291.03, 11,311.18], slope 0.997.
    let a = paper_ancova(Measure::Quarterly, true);
    assert_eq!(format!("{:.2}", a.estimate), "7301.11");
    assert_eq!(
        (a.df, format!("{:.2}", a.t), format!("{:.4}", a.p)),
        (19, "3.81".into(), "0.0012".into())
    );
    assert_eq!(
        (format!("{:.2}", a.ci95.0), format!("{:.2}", a.ci95.1)),
        ("3291.03".into(), "11311.18".into())
    );
    assert_eq!(format!("{:.3}", a.slope), "0.997");
    // SciPy ttest_ind on log(t2/t1): t(20) = 4.83, p = .00010; Service +24.72 %,
    // Development −5.39 %.
    let l =
        log_scale_between(&points(Measure::Quarterly, true), Group::Service, Group::Development)
            .expect("defined");
    assert_eq!(
        (l.test.df, format!("{:.2}", l.test.t), format!("{:.5}", l.test.p)),
        (20.0, "4.83".into(), "0.00010".into())
    );
    let pct: Vec<String> = l.changes.iter().map(|c| format!("{:.2}", c.percent)).collect();
    assert_eq!(pct, ["24.72", "-5.39"]);
    assert_eq!(
        l.changes.iter().map(|c| (c.group, c.n)).collect::<Vec<_>>(),
        [(Group::Service, 10), (Group::Development, 12)]
    );
}

#[test]
fn ancova_matches_numpy() {
    for r in &ANCOVA {
        let what = |x: &str| format!("{:?} discount={} {x}", r.measure, r.discount);
        let a = paper_ancova(r.measure, r.discount);
        assert_eq!((a.n1, a.n2, a.n(), a.df), (10, 12, 22, 19), "{}", what("sizes"));
        close(a.intercept, r.intercept, &what("intercept"));
        close(a.estimate, r.estimate, &what("estimate"));
        close(a.se, r.se, &what("SE"));
        close(a.t, r.t, &what("t"));
        close_p(a.p, r.p, &what("p"));
        close(a.ci95.0, r.ci.0, &what("CI low"));
        close(a.ci95.1, r.ci.1, &what("CI high"));
        close(a.slope, r.slope, &what("slope"));
        close(a.slope_se, r.slope_se, &what("slope SE"));
        close(a.slope_ci95.0, r.slope_ci.0, &what("slope CI low"));
        close(a.slope_ci95.1, r.slope_ci.1, &what("slope CI high"));
        close(a.residual_sd, r.residual_sd, &what("residual SD"));
    }
    // Discounting scales every T2 by one factor: the estimate scales with it, t does not move.
    let (disc, raw) =
        (paper_ancova(Measure::Quarterly, true), paper_ancova(Measure::Quarterly, false));
    let s = study();
    let factor = Selection::paper(&s).totals.factor();
    close(disc.estimate / raw.estimate, factor, "the estimate scales with the discount");
    close(disc.t, raw.t, "t is unchanged by the discount");
}

#[test]
fn the_log_scale_matches_scipy() {
    for r in &LOG {
        let what = |x: &str| format!("{:?} discount={} {x}", r.measure, r.discount);
        let pts = points(r.measure, r.discount);
        let l = log_scale_between(&pts, Group::Service, Group::Development).expect("defined");
        assert_eq!(l.test.df, 20.0);
        close(l.test.t, r.between.0, &what("t"));
        close_p(l.test.p, r.between.1, &what("p"));
        let (ratio, (lo, hi)) = l.ratio();
        close(ratio, r.ratio.0, &what("ratio"));
        close(lo, r.ratio.1, &what("ratio CI low"));
        close(hi, r.ratio.2, &what("ratio CI high"));
        close(l.changes[0].percent, r.percent.0, &what("Service change"));
        close(l.changes[1].percent, r.percent.1, &what("Development change"));
        for (i, group) in [Group::Service, Group::Development].into_iter().enumerate() {
            let one = log_scale_paired(&pts, group).expect("defined");
            assert_eq!(
                (one.changes.len(), one.changes[0].group, one.test.df),
                (1, group, (10 + 2 * i) as f64 - 1.0)
            );
            close(one.test.t, r.paired[i].0, &what("paired t"));
            close_p(one.test.p, r.paired[i].1, &what("paired p"));
            close(one.changes[0].percent, [r.percent.0, r.percent.1][i], &what("paired change"));
            close(one.ratio().0, 1.0 + one.changes[0].percent / 100.0, &what("paired ratio"));
        }
    }
}

#[test]
fn the_report_has_them_where_the_design_does() {
    let pts = points(Measure::Quarterly, true);
    let opts = RobustnessOptions::default();
    let did = robustness(&pts, Design::DiffInDiff, &opts).unwrap();
    assert!(matches!(did.ancova, Some(Ok(ref a)) if (a.t - ANCOVA[0].t).abs() < 1e-9));
    assert!(matches!(did.log_scale, Some(Ok(ref l)) if l.changes.len() == 2));
    let paired = robustness(&pts, Design::Paired(Group::Development), &opts).unwrap();
    assert_eq!(paired.ancova, None, "ANCOVA needs two groups");
    assert!(
        matches!(paired.log_scale, Some(Ok(ref l)) if l.changes[0].group == Group::Development)
    );
    for time in Time::ALL {
        let between = robustness(&pts, Design::Between(time), &opts).unwrap();
        assert_eq!((between.ancova, between.log_scale), (None, None), "one time: neither");
    }
}

#[test]
fn the_view_says_why_where_they_are_not_defined() {
    let s = study();
    let view = |groups: [bool; 2], times: [bool; 2], lang: Lang| {
        let mut sel = Selection::paper(&s);
        (sel.groups, sel.times) = (groups, times);
        robustness_view(&s, &sel, lang)
    };
    let needs_both = "not defined for this selection: ANCOVA compares Service with Development at T2, adjusting each informant's T2 salary for their T1 salary, so select both groups and both timepoints";
    let needs_times = "not defined for this selection: the log scale compares each informant's T2 salary with their T1 salary, so select both timepoints";
    // One group, both times: the log scale is the paired test; ANCOVA says why not.
    let v = view([true, false], [true, true], Lang::En);
    assert_eq!(v.ancova, Err(needs_both.to_string()));
    let log = v.log_scale.as_ref().expect("paired log scale");
    // stats.ttest_1samp(np.log(t2/t1), 0) on Service: t(9) = 11.07, p = 1.52e-6.
    assert_eq!(log.apa, "ln T2 vs ln T1, Service: t(9) = 11.07, p < .001");
    assert_eq!(
        log.reading,
        "Typically, Service's salaries changed by +24.72% from T1 to T2 (geometric mean)."
    );
    assert!(log.rows[0].note.contains("two-sided p = .00000152"), "{:?}", log.rows[0]);
    // One time (between groups, or one group): both say why.
    for (groups, times) in [
        ([true, true], [false, true]),
        ([true, true], [true, false]),
        ([false, true], [true, false]),
    ] {
        let v = view(groups, times, Lang::En);
        assert_eq!(v.ancova, Err(needs_both.to_string()), "{groups:?} {times:?}");
        assert_eq!(v.log_scale, Err(needs_times.to_string()), "{groups:?} {times:?}");
        assert!(
            v.summary.iter().all(|x| !x.contains("ANCOVA") && !x.contains("log scale")),
            "{:?}",
            v.summary
        );
        let zh = view(groups, times, Lang::Zh);
        assert!(zh.ancova.unwrap_err().starts_with("当前选择下无法计算：协方差分析"));
        assert!(zh.log_scale.unwrap_err().starts_with("当前选择下无法计算：对数尺度"));
    }
}

fn point(i: usize, group: Group, t1: f64, t2: f64) -> SalaryPoint {
    SalaryPoint::new(format!("P{i}"), group, t1.into(), t2.into())
}

#[test]
fn a_non_positive_salary_makes_the_log_scale_undefined_not_a_panic() {
    let s = study();
    let sel = Selection::paper(&s);
    let mut pts = points(Measure::Quarterly, true);
    pts[3].t1 = 0.0;
    pts[3].diff = pts[3].t2;
    let name = pts[3].informant.clone();
    let err = log_scale_between(&pts, Group::Service, Group::Development).unwrap_err();
    assert_eq!(
        err,
        RobustError::NonPositive { informant: name.clone(), time: Time::T1, value: 0.0 }
    );
    assert_eq!(
        err.to_string(),
        format!("not defined for this selection: {name}'s T1 salary is 0.00, and only a positive salary has a logarithm")
    );
    assert_eq!(
        err.message(Lang::Zh),
        format!("当前选择下无法计算：{name} 的 T1 薪资为 0.00，只有正的薪资才能取对数")
    );
    // The page says so in the part and in the summary; ANCOVA is still computed.
    let v = robustness_view_points(&s, &sel, &pts, Lang::En);
    assert_eq!(v.log_scale, Err(err.to_string()));
    assert!(v.ancova.is_ok());
    assert!(
        v.summary.iter().any(|x| x == &format!("Not computed: the log-scale t-test: {err}.")),
        "{:?}",
        v.summary
    );
    // A negative T2, in the paired design.
    pts[3] = point(3, Group::Service, 100.0, -1.0);
    assert!(matches!(
        log_scale_paired(&pts, Group::Service),
        Err(RobustError::NonPositive { time: Time::T2, value, .. }) if value == -1.0
    ));
}

#[test]
fn a_missing_salary_leaves_its_informant_out() {
    let pts = points(Measure::Quarterly, true);
    let full = paper_ancova(Measure::Quarterly, true);
    for (i, missing) in [(0, f64::NAN), (14, f64::INFINITY)] {
        let mut with_gap = pts.clone();
        with_gap[i].t2 = missing;
        let without: Vec<SalaryPoint> =
            pts.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, p)| p.clone()).collect();
        let a = ancova(&with_gap, Group::Service, Group::Development).unwrap();
        assert_eq!(a, ancova(&without, Group::Service, Group::Development).unwrap());
        assert_eq!((a.n(), a.df), (21, 18));
        assert_ne!(a.estimate, full.estimate);
        let l = log_scale_between(&with_gap, Group::Service, Group::Development).unwrap();
        assert_eq!(l, log_scale_between(&without, Group::Service, Group::Development).unwrap());
        assert_eq!(l.test.df, 19.0);
    }
    assert_eq!(complete_pairs(&pts, Group::Service).len(), 10);
}

#[test]
fn too_little_or_no_spread_is_an_error() {
    let one_each = [point(0, Group::Service, 1.0, 2.0), point(1, Group::Development, 1.0, 3.0)];
    assert_eq!(
        ancova(&one_each, Group::Service, Group::Development),
        Err(RobustError::TooFew { needed: 2, got: 1 })
    );
    // The same T1 for everyone: no slope to adjust by.
    let flat: Vec<SalaryPoint> = (0..6)
        .map(|i| {
            point(
                i,
                if i < 3 { Group::Service } else { Group::Development },
                100.0,
                100.0 + i as f64,
            )
        })
        .collect();
    assert_eq!(ancova(&flat, Group::Service, Group::Development), Err(RobustError::ZeroVariance));
    assert!(ancova(&flat, Group::Service, Group::Development)
        .unwrap_err()
        .to_string()
        .starts_with("not defined for this selection"));
    assert!(log_scale_between(&flat, Group::Service, Group::Development).is_ok());
}
