//! Pins the paper: every printed number the core recomputes, at the paper's printed
//! precision, plus the known discrepancies that validation must report.
//!
//! The printed values are typed here from the paper independently of `crates/core/data/study.json`,
//! so a transcription error in either place fails a test. Reference values for statistics
//! the paper does not print come from SciPy 1.x, with the exact call beside each value;
//! their tolerance is [`REF_TOL`].

use study_core::checks::reproduce::{category_title, reproduce, Status, CATEGORIES};
use study_core::checks::validate::{validate, Kind};
use study_core::stats::demographics::{self, Variable};
use study_core::stats::designs::{analyse, Analysis};
use study_core::stats::discount::DiscountTotals;
use study_core::stats::selection::Selection;
use study_core::stats::ttest;
use study_core::study::printed::Printed;
use study_core::study::{Group, Measure, Study, Time};
use study_core::text::i18n::Lang;

/// Tolerance for SciPy/R reference values (absolute for p, relative otherwise).
const REF_TOL: f64 = 1e-6;

fn study() -> Study {
    Study::embedded().expect("the embedded study loads")
}

fn p(text: &str) -> Printed {
    Printed::parse(text).expect("a printed number")
}

fn close(actual: f64, expected: f64, what: &str) {
    let tol = REF_TOL * expected.abs().max(1.0);
    assert!((actual - expected).abs() <= tol, "{what}: {actual} vs reference {expected}");
}

fn series(s: &Study, m: Measure, g: Group, which: &str) -> Vec<f64> {
    s.table(m)
        .group_rows(g)
        .map(|r| match which {
            "t1" => r.t1,
            "t2" => r.t2_printed,
            _ => r.t2_printed - r.t1,
        })
        .collect()
}

/// (measure, group, series, printed mean, printed SD) — Tables 8 and A2, Mean and S.D. rows.
const TABLE_STATS: [(Measure, Group, &str, &str, &str); 12] = [
    (Measure::Quarterly, Group::Service, "t1", "20675.48", "9485.12"),
    (Measure::Quarterly, Group::Service, "t2", "26132.17", "13277.63"),
    (Measure::Quarterly, Group::Service, "diff", "5456.69", "4442.10"),
    (Measure::Quarterly, Group::Development, "t1", "24121.05", "8941.45"),
    (Measure::Quarterly, Group::Development, "t2", "22266.12", "6456.66"),
    (Measure::Quarterly, Group::Development, "diff", "-1854.93", "4142.95"),
    (Measure::Monthly, Group::Service, "t1", "6850.93", "3216.28"),
    (Measure::Monthly, Group::Service, "t2", "7784.91", "4083.70"),
    (Measure::Monthly, Group::Service, "diff", "933.98", "1189.27"),
    (Measure::Monthly, Group::Development, "t1", "8271.06", "3171.20"),
    (Measure::Monthly, Group::Development, "t2", "7234.59", "1874.91"),
    // The printed SD 1602.52 is a known discrepancy: the rows give 1602.42 (asserted below).
    (Measure::Monthly, Group::Development, "diff", "-1036.47", "1602.52"),
];

#[test]
fn table_means_and_sds_match_at_printed_precision() {
    let s = study();
    let mut mismatches = Vec::new();
    for (m, g, which, mean, sd) in TABLE_STATS {
        let d = ttest::describe(&series(&s, m, g, which)).unwrap();
        assert!(p(mean).matches(d.mean), "{m:?} {g:?} {which} mean {} vs printed {mean}", d.mean);
        if !p(sd).matches(d.sd) {
            mismatches.push((m, g, which, d.sd));
        }
    }
    // Exactly one of the 24 statistics differs: the monthly Development difference SD.
    assert_eq!(mismatches.len(), 1, "{mismatches:?}");
    let (m, g, which, sd) = mismatches[0];
    assert_eq!((m, g, which), (Measure::Monthly, Group::Development, "diff"));
    assert!(p("1602.42").matches(sd), "the rows give 1602.42, got {sd}");
    // scipy: np.std(monthly_dev_diffs, ddof=1) = 1602.4209...
    close(sd, 1602.4209, "monthly Development difference SD");
}

#[test]
fn group_sizes_are_10_and_12_after_dropping_repeated_rows() {
    let s = study();
    for m in Measure::ALL {
        assert_eq!(s.table(m).group_rows(Group::Service).count(), 10);
        assert_eq!(s.table(m).group_rows(Group::Development).count(), 12);
    }
    let dropped: Vec<_> =
        s.dropped.iter().map(|d| (d.table.as_str(), d.informant.as_str())).collect();
    assert_eq!(dropped, vec![("Table 8", "Aaron"), ("Table 8", "Evan")]);
}

#[test]
fn salary_t_tests_reproduce_the_paper() {
    let s = study();
    // Quarterly: t = 3.99, p ≤ .001 (Test of robustness).
    let q = ttest::student(
        &series(&s, Measure::Quarterly, Group::Service, "diff"),
        &series(&s, Measure::Quarterly, Group::Development, "diff"),
    )
    .unwrap();
    assert!(p("3.99").matches(q.t));
    assert!(q.p <= 0.001);
    assert_eq!(q.df, 20.0);
    // Monthly: t = 3.22, p = .004 (Test of robustness, footnote 4).
    let m = ttest::student(
        &series(&s, Measure::Monthly, Group::Service, "diff"),
        &series(&s, Measure::Monthly, Group::Development, "diff"),
    )
    .unwrap();
    assert!(p("3.22").matches(m.t));
    assert!(p("0.004").matches(m.p));
}

#[test]
fn demographic_p_values_reproduce_the_paper() {
    let s = study();
    let printed = [
        (Variable::Age, "0.22"),
        (Variable::Gender, "0.51"),
        (Variable::Education, "0.90"),
        (Variable::Tenure, "0.86"),
        (Variable::Position, "0.78"),
    ];
    let rows = demographics::balance(&s, &[]);
    for (v, pv) in printed {
        let row = rows.iter().find(|r| r.variable == v).unwrap();
        let t = row.test.clone().unwrap();
        assert!(p(pv).matches(t.p), "{v:?}: p = {} vs printed {pv}", t.p);
    }
    // References: scipy.stats.ttest_ind(service, development) on the coded columns.
    let refs = [
        (Variable::Age, 0.22147533096934194), // ttest_ind([35,25,25,30,27,31,29,25,27,27],[35,25,29,30,32,28,26,26,38,30,27,36]).pvalue
        (Variable::Gender, 0.5079027119991021), // male=1: ttest_ind([1,1,1,1,0,1,1,0,1,1],[1,1,0,1,1,1,0,1,1,1,0,0]).pvalue
        (Variable::Education, 0.8985263952034406), // bachelor=1: ttest_ind([1,1,0,1,1,1,1,1,1,1],[1,1,1,1,1,1,1,1,1,0,1,1]).pvalue
        (Variable::Tenure, 0.8594376539106939), // ttest_ind([8,3,2,4,4,5,4,4,4,4],[3,2,5,8,7,4,2,4,6,4,4,3]).pvalue
        (Variable::Position, 0.7803108624559251), // ttest_ind([3,1,1,1,1,4,1,2,1,3],[1,1,1,4,3,1,1,1,1,1,2,3]).pvalue
    ];
    for (v, r) in refs {
        let t = rows.iter().find(|x| x.variable == v).unwrap().test.clone().unwrap();
        assert!((t.p - r).abs() < 1e-6, "{v:?}: {} vs scipy {r}", t.p);
    }
}

#[test]
fn grace_in_service_would_not_reproduce_the_printed_p_values() {
    let s = study();
    let moved = demographics::balance(&s, &[("Grace", Group::Service)]);
    let printed = ["0.22", "0.51", "0.90", "0.86", "0.78"];
    let reproduced = moved
        .iter()
        .zip(printed)
        .filter(|(r, pv)| r.test.as_ref().map(|t| p(pv).matches(t.p)).unwrap_or(false))
        .count();
    assert_eq!(reproduced, 0);
    // scipy.stats.ttest_ind(age_service_plus_grace, age_development_minus_grace).pvalue = 0.6325...
    let age = moved[0].test.clone().unwrap();
    assert!((age.p - 0.6325).abs() < 5e-4, "{}", age.p);
}

#[test]
fn discount_ratios_and_factor() {
    let s = study();
    let t = DiscountTotals::from_study(&s.raw.discount);
    assert!(p("7.6").matches(t.ratio_2016() * 100.0));
    assert!(p("6.35").matches(t.ratio_2017() * 100.0));
    // Footnote 3: 228·3100 / (3000·197).
    close(t.factor(), 228.0 * 3100.0 / (3000.0 * 197.0), "factor");
}

/// Printed per-row differences that are off by a cent from T2 − T1 (Table A2).
const OFF_BY_A_CENT: [(&str, &str); 2] = [("Jeremy", "-2083.32"), ("Grace", "-2424.06")];

#[test]
fn every_printed_row_difference_is_within_a_cent() {
    let s = study();
    let mut off = Vec::new();
    for m in Measure::ALL {
        for r in &s.table(m).rows {
            let diff = r.t2_printed - r.t1;
            assert!((diff - r.diff_printed.value()).abs() <= 0.01 + 1e-9, "{} {m:?}", r.informant);
            if !r.diff_printed.matches(diff) {
                off.push((m, r.informant.clone(), r.diff_printed.text().to_string()));
            }
        }
    }
    let expected: Vec<_> = OFF_BY_A_CENT
        .iter()
        .map(|(n, d)| (Measure::Monthly, n.to_string(), d.to_string()))
        .collect();
    assert_eq!(off, expected);
}

#[test]
fn validation_reports_exactly_the_known_traps() {
    let s = study();
    let problems = validate(&s);
    let got: Vec<(Kind, &str, &str)> =
        problems.iter().map(|p| (p.kind, p.code, p.subject.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (Kind::Artefact, "decided-row", "Grace"),
            (Kind::Artefact, "duplicate-row", "Aaron (Service)"),
            (Kind::Artefact, "duplicate-row", "Evan (Development)"),
            (Kind::Discrepancy, "printed-difference", "Jeremy (monthly)"),
            (Kind::Discrepancy, "printed-difference", "Grace (monthly)"),
            (Kind::Discrepancy, "printed-sd", "Development difference S.D. (monthly)"),
            (Kind::Contradiction, "group-contradiction", "Grace"),
        ]
    );
    assert!(problems.iter().all(|p| p.kind != Kind::Error));
    let sd = problems.iter().find(|p| p.code == "printed-sd").unwrap();
    assert!(sd.message.contains("1602.52") && sd.message.contains("1602.42"), "{}", sd.message);
}

#[test]
fn the_ledger_flags_exactly_the_discrepancies() {
    let s = study();
    let ledger = reproduce(&s, Lang::En);
    // 24 table statistics, 4 test rows, 5 demographic p, 2 ratios, 4 group sizes,
    // 2 codebook counts, 44 row differences.
    assert_eq!(ledger.len(), 24 + 4 + 5 + 2 + 4 + 2 + 44);
    let flagged: Vec<&str> =
        ledger.iter().filter(|r| r.status != Status::Match).map(|r| r.id.as_str()).collect();
    assert_eq!(
        flagged,
        vec!["monthly-development-diff-sd", "monthly-jeremy-diff", "monthly-grace-diff"]
    );
}

#[test]
fn the_ledger_names_its_quantities_in_the_ui_language() {
    let s = study();
    let en = reproduce(&s, Lang::En);
    let zh = reproduce(&s, Lang::Zh);
    let quantity = |rows: &[study_core::checks::reproduce::ReproRow], id: &str| {
        rows.iter().find(|r| r.id == id).unwrap().quantity_text()
    };
    assert_eq!(quantity(&en, "quarterly-service-t1-mean"), "Service mean, quarterly T1");
    assert_eq!(quantity(&en, "ratio-2016"), "2016 salary total \u{f7} revenue (%)");
    assert_eq!(
        quantity(&en, "quarterly-jeremy-diff"),
        "Jeremy (Development), T2 \u{2212} T1, quarterly"
    );
    assert_eq!(quantity(&zh, "quarterly-service-t1-mean"), "Service 均值，季度，T1");
    assert_eq!(
        quantity(&zh, "quarterly-jeremy-diff"),
        "Jeremy（Development），T2 \u{2212} T1，季度"
    );
    // The pseudonym is the study's own word, marked for lang="en"; the rest is translated.
    let jeremy = &zh.iter().find(|r| r.id == "quarterly-jeremy-diff").unwrap().quantity;
    assert!(
        jeremy[0].study && jeremy[0].text == "Jeremy" && jeremy[1..].iter().all(|p| !p.study),
        "{jeremy:?}"
    );
    // Same rows, same numbers, same verdicts in both languages; only the words differ.
    assert_eq!(en.len(), zh.len());
    for (a, b) in en.iter().zip(&zh) {
        assert_eq!(
            (&a.id, &a.printed, &a.recomputed_text, &a.status),
            (&b.id, &b.printed, &b.recomputed_text, &b.status)
        );
        assert_ne!(a.quantity_text(), b.quantity_text(), "{}", a.id);
    }
    assert_eq!(category_title(CATEGORIES[1], Lang::En.strings()), "Salary t-tests");
    assert_eq!(category_title(CATEGORIES[1], Lang::Zh.strings()), "薪资 t 检验");
    for c in CATEGORIES {
        assert_eq!(category_title(c, Lang::En.strings()), c);
    }
}

#[test]
fn the_paper_design_matches_scipy() {
    let s = study();
    let sel = Selection::paper(&s);
    let Ok(Analysis::DiffInDiff { student, welch }) = analyse(&s, &sel) else {
        panic!("diff-in-diff expected")
    };
    // d_s, d_d = T2−T1 per informant (Table 8, deduplicated)
    // scipy.stats.ttest_ind(d_s, d_d, equal_var=True); .confidence_interval(0.95)
    close(student.t, 3.9896407903979494, "student t");
    close(student.p, 0.0007207712551587463, "student p");
    close(student.ci95.0, 3488.7786435208236, "student CI low");
    close(student.ci95.1, 11134.470023145841, "student CI high");
    // scipy.stats.ttest_ind(d_s, d_d, equal_var=False)
    close(welch.t, 3.96321205131404, "welch t");
    close(welch.p, 0.0008535161309173199, "welch p");
    close(welch.df, 18.726183016029967, "welch df");
    close(welch.ci95.0, 3446.434988370813, "welch CI low");
    close(welch.ci95.1, 11176.813678295852, "welch CI high");
}

#[test]
fn coverage_has_ten_reported_and_ten_unreported_cells() {
    let s = study();
    let c = &s.raw.coverage;
    assert_eq!(c.cells.len(), 20);
    assert_eq!(c.cells.iter().filter(|x| x.printed.is_some()).count(), 10);
    let cell = |th: &str, g, t| {
        c.cell(th, g, t).and_then(|x| x.printed.clone()).map(|p| p.text().to_string())
    };
    assert_eq!(cell("team_effort", Group::Service, Time::T2).as_deref(), Some("60.57"));
    assert_eq!(cell("team_monitoring", Group::Service, Time::T2).as_deref(), Some("50.28"));
    assert_eq!(cell("social_exchange", Group::Service, Time::T2).as_deref(), Some("40.69"));
    assert_eq!(cell("team_reflexivity", Group::Service, Time::T1).as_deref(), Some("15.67"));
    assert_eq!(cell("team_reflexivity", Group::Service, Time::T2).as_deref(), Some("33.26"));
    assert_eq!(cell("team_reflexivity", Group::Development, Time::T1).as_deref(), Some("21.36"));
    assert_eq!(cell("team_reflexivity", Group::Development, Time::T2).as_deref(), Some("29.71"));
    assert_eq!(cell("social_exchange", Group::Service, Time::T1).as_deref(), Some("19.99"));
    assert_eq!(cell("social_support", Group::Service, Time::T1).as_deref(), Some("25.06"));
    assert_eq!(cell("social_support", Group::Service, Time::T2).as_deref(), Some("33.03"));
    assert_eq!(cell("team_effort", Group::Development, Time::T1), None);
}
