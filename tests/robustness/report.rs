//! Leave-one-out, discount sensitivity, the full report and its plain-language summary.

use super::did::DID;
use super::*;
use study_core::stats::robust::report::{checks_deferred, Checks};

#[test]
fn leave_one_out_matches_scipy() {
    // (informant, t, p): stats.ttest_ind(a without i, b) or (a, b without i), quarterly, discounted
    let refs: [(&str, f64, f64); 22] = [
        ("Aaron", 3.7299801541841715, 0.0014193311773377402),
        ("Ablett", 3.8201161293951538, 0.0011554782518877426),
        ("Bruce", 4.052625584894474, 0.0006794135760885294),
        ("Barret", 3.886092449890344, 0.0009938830493082824),
        ("Alice", 3.9136423640644127, 0.000933271468807722),
        ("Blake", 4.138234815246358, 0.0005587776903477241),
        ("Calvin", 3.907735861872102, 0.0009459474372049733),
        ("Emily", 3.9325432794868496, 0.0008938370332353434),
        ("Chad", 3.8592297544069516, 0.0010567627430334598),
        ("Daniel", 3.761023592507852, 0.0013223033424885544),
        ("Evan", 4.10683990139078, 0.0006002976500397915),
        ("Gary", 4.014460443680917, 0.000741297615893839),
        ("Basia", 3.8229604277605316, 0.0011479998219603483),
        ("Harry", 3.7108207249386274, 0.0014827132482572332),
        ("Herbert", 3.7432691438357835, 0.0013769582065446188),
        ("James", 4.081543886172333, 0.0006359928044035253),
        ("Carol", 4.222112414071973, 0.0004614447648290686),
        ("Jeremy", 3.7635833480427947, 0.0013146034869447013),
        ("Lambert", 3.769287789106229, 0.001297604366033872),
        ("Matt", 4.134684075629918, 0.0005633252011835153),
        ("Dana", 3.7169224079125174, 0.0014622286824597904),
        ("Grace", 3.768003108743839, 0.001301413506815325),
    ];
    let p = points(Measure::Quarterly, true);
    let inf = leave_one_out(&p, Design::DiffInDiff).unwrap();
    assert_eq!(inf.rows.len(), 22);
    for (row, (name, t, pv)) in inf.rows.iter().zip(refs) {
        assert_eq!(row.informant, name);
        close(row.t, t, &format!("t without {name}"));
        close_p(row.p, pv, &format!("p without {name}"));
        close(row.delta_t, t - 3.98964079039795, &format!("change in t without {name}"));
    }
    assert_eq!(inf.most_influential_row().informant, "Harry");
    assert_eq!(inf.rows[inf.min_t].informant, "Harry");
    assert_eq!(inf.rows[inf.max_t].informant, "Carol");
    assert_eq!(inf.crossing(0.05).count(), 0, "no single informant changes the conclusion");
}

#[test]
fn discount_sensitivity_reuses_the_paper_test() {
    let s = study();
    let pf = paper_factor(&s).unwrap();
    close(pf, 228.0 * 3100.0 / (3000.0 * 197.0), "paper factor");
    let factors = default_factors(pf);
    let rows = discount_sensitivity(&s.table(Measure::Quarterly).rows, pf, &factors).unwrap();
    assert_eq!(rows.len(), factors.len());
    let at = |f: f64| rows.iter().find(|r| r.factor == f).unwrap();
    // The paper's factor reproduces the paper's test, 1.0 the undiscounted one (DID table).
    close(at(pf).t, DID[0].t, "t at the paper's factor");
    assert!(at(pf).is_paper);
    close(at(1.0).t, DID[1].t, "t without discount");
    // diffs = [(t2p / PF) * f - t1 ...]; stats.ttest_ind(service, development)
    close(at(0.8).t, 3.360834013626319, "t at 0.8");
    close_p(at(0.8).p, 0.0031096832826108182, "p at 0.8");
    close(at(1.4).t, 3.552643849853517, "t at 1.4");
    close_p(at(1.4).p, 0.001996128018756107, "p at 1.4");
    let monthly = discount_sensitivity(&s.table(Measure::Monthly).rows, pf, &[0.8, 1.4]).unwrap();
    close(monthly[0].t, 2.5643209708878336, "monthly t at 0.8");
    close_p(monthly[0].p, 0.018497844566297685, "monthly p at 0.8");
    close(monthly[1].t, 3.021929142518104, "monthly t at 1.4");
    close_p(monthly[1].p, 0.006734817249714852, "monthly p at 1.4");
    assert!(matches!(
        discount_sensitivity(&s.table(Measure::Quarterly).rows, pf, &[0.0]),
        Err(RobustError::InvalidParameter { .. })
    ));
    assert!(matches!(
        discount_sensitivity(&s.table(Measure::Quarterly).rows, f64::NAN, &[1.0]),
        Err(RobustError::InvalidParameter { .. })
    ));
}

#[test]
fn the_report_runs_every_design() {
    let opts = RobustnessOptions::default();
    let p = points(Measure::Quarterly, true);
    let r = robustness(&p, Design::DiffInDiff, &opts).unwrap();
    close(r.checks.primary.t, DID[0].t, "report t");
    assert!(matches!(r.checks.rank, Ok(RankTest::MannWhitney(_))));
    assert_eq!(r.bayes.len(), 3);
    assert_eq!(r.normality.len(), 2);
    assert!(r.levene_mean.is_some() && r.checks.welch.is_some() && r.influence.is_ok());

    let between = robustness(&p, Design::Between(Time::T1), &opts).unwrap();
    assert!(between.checks.primary.p > 0.05, "the groups did not differ at T1");
    let paired = robustness(&p, Design::Paired(Group::Service), &opts).unwrap();
    assert!(matches!(paired.checks.rank, Ok(RankTest::Wilcoxon(_))));
    assert!(paired.checks.welch.is_none() && paired.levene_mean.is_none());
    assert_eq!(paired.influence.as_ref().unwrap().rows.len(), 10);
    assert_eq!(
        robustness(&p, Design::Descriptive(Group::Service, Time::T1), &opts),
        Err(RobustError::NoComparison)
    );
}

/// A report completed from checks computed beforehand (as the first screen's are) is the
/// report computed in one call, for every design; a descriptive design has neither.
#[test]
fn a_report_from_its_checks_is_the_whole_report() {
    let opts = RobustnessOptions::default();
    let p = points(Measure::Quarterly, true);
    let designs = [
        Design::DiffInDiff,
        Design::Between(Time::T1),
        Design::Between(Time::T2),
        Design::Paired(Group::Service),
        Design::Paired(Group::Development),
    ];
    for design in designs {
        let (checks, deferred) = checks_deferred(&p, design, &opts.permutation, u64::MAX).unwrap();
        assert!(deferred.is_none(), "{design:?}: nothing is deferred without a work limit");
        let whole = robustness(&p, design, &opts).unwrap();
        assert_eq!(Robustness::from_checks(checks, &p, &opts).unwrap(), whole, "{design:?}");
    }
    let descriptive = Checks {
        design: Design::Descriptive(Group::Service, Time::T1),
        ..checks_deferred(&p, Design::DiffInDiff, &opts.permutation, u64::MAX).unwrap().0
    };
    assert_eq!(Robustness::from_checks(descriptive, &p, &opts), Err(RobustError::NoComparison));
}

#[test]
fn the_summary_reports_agreement_without_overclaiming() {
    let s = study();
    let p = points(Measure::Quarterly, true);
    let r = robustness(&p, Design::DiffInDiff, &RobustnessOptions::default()).unwrap();
    let pf = paper_factor(&s).unwrap();
    let sens =
        discount_sensitivity(&s.table(Measure::Quarterly).rows, pf, &default_factors(pf)).unwrap();
    let text = summarize(&r, Some(&sens), ALPHA, &Terms::paper(), Lang::En);
    for line in &text {
        println!("{line}");
    }
    let all = text.join(" ");
    assert!(all.contains("t(20) = 3.99, p < .001: significant"), "{all}");
    assert!(
        all.contains("Welch's t-test")
            && all.contains("Mann\u{2013}Whitney U test (exact")
            && all.contains("exact permutation test"),
        "{all}"
    );
    assert!(
        !all.contains("do not:") && !all.contains("does not:"),
        "everything agrees for the paper's data: {all}"
    );
    assert!(all.contains("Harry moves it most"), "{all}");
    assert!(all.contains("No single informant's removal changes the conclusion"), "{all}");
    assert!(all.contains("anecdotal evidence (footnote 2)"), "{all}");
    assert!(
        all.contains(
            "Shapiro\u{2013}Wilk suggests Service T2 \u{2212} T1 (W = .64, p < .001) may not be"
        ),
        "{all}"
    );
    let zh = summarize(&r, Some(&sens), ALPHA, &Terms::paper(), Lang::Zh);
    assert_eq!(zh.len(), text.len());
    for (e, z) in text.iter().zip(&zh) {
        assert_ne!(e, z);
        assert!(z.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "no Chinese: {z}");
    }
    let zh_all = zh.join("");
    assert!(
        zh_all.contains("t(20) = 3.99, p < .001")
            && zh_all.contains("Mann\u{2013}Whitney U 检验（精确，p < .001）")
            && zh_all.contains("Harry 的影响最大"),
        "{zh_all}"
    );
    for word in ["prove", "confirm", "demonstrate", "causal"] {
        assert!(!all.to_lowercase().contains(word), "overclaims with {word:?}: {all}");
    }
}

#[test]
fn the_summary_names_tests_that_disagree() {
    // One outlier hides a clear shift from the t-test but not from the rank test:
    // stats.ttest_ind(a, b).pvalue = 0.487, stats.mannwhitneyu(a, b, method='exact').pvalue = 0.0015
    let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 60.0];
    let b = [10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0];
    let point = |i: usize, group: Group, diff: f64| SalaryPoint {
        informant: format!("P{i}"),
        group,
        t1: 100.0,
        t2: 100.0 + diff,
        diff,
        money: [100.0.into(), (100.0 + diff).into()],
    };
    let pts: Vec<SalaryPoint> = a
        .iter()
        .enumerate()
        .map(|(i, d)| point(i, Group::Service, *d))
        .chain(b.iter().enumerate().map(|(i, d)| point(i + 10, Group::Development, *d)))
        .collect();
    let r = robustness(&pts, Design::DiffInDiff, &RobustnessOptions::default()).unwrap();
    close_p(r.checks.primary.p, 0.48743377481699934, "t-test p");
    close_p(r.checks.rank.as_ref().unwrap().p(), 0.0015046872632011952, "Mann-Whitney p");
    let all = summarize(&r, None, ALPHA, &Terms::paper(), Lang::En).join(" ");
    assert!(all.contains("not significant at \u{3b1} = .05"), "{all}");
    assert!(all.contains("The Mann\u{2013}Whitney U test (exact, p = .002) does not reach it, so the conclusion depends on the method."), "{all}");
    assert!(
        all.contains("Removing only P9 (p would be < .001) would change the conclusion"),
        "the outlier is named: {all}"
    );
}
