//! Money is exact in cents wherever the page shows it: Table 8's Service T1 mean is
//! exactly 20,675.475 (ten salaries summing to 20,675,475 cents, ÷ 10) and prints as the
//! paper prints it, 20,675.48, in the salary table's descriptives, the chart summaries,
//! the test details, the reproducibility ledger and `#robustness`'s Q-Q plots. Its
//! double, 20,675.4749…, would print 20,675.47. `#robustness`'s mean differences are exact
//! too, checked on selections whose difference is an exact half cent.

use study_core::checks::reproduce::reproduce;
use study_core::reader::permalink::parse_exclude;
use study_core::stats::designs::analyse;
use study_core::stats::selection::{salary_points, Selection};
use study_core::study::{Group, Measure, Study, Terms};
use study_core::text::format::rmb;
use study_core::text::i18n::{Lang, EN};
use study_core::view::analysis::{salary_summaries, slopes_summary, test_view};
use study_core::view::robustness::robustness_view;

#[test]
fn the_double_alone_would_round_the_half_down() {
    let study = Study::embedded().unwrap();
    let rows = study.table(Measure::Quarterly).group_rows(Group::Service);
    let t1: Vec<f64> = rows.map(|r| r.t1).collect();
    let mean = t1.iter().sum::<f64>() / t1.len() as f64;
    assert!(format!("{mean:.20}").starts_with("20675.4749"), "the double is below the half");
    assert_eq!(rmb(mean), "20,675.47");
}

#[test]
fn the_salary_descriptives_and_chart_summary_show_20675_48() {
    let study = Study::embedded().unwrap();
    let sel = Selection::paper(&study);
    let points = salary_points(&study, &sel).unwrap();
    let summaries = salary_summaries(&sel, &points);
    let t1 =
        summaries.iter().flatten().find(|s| s.group == Group::Service && s.series == "T1").unwrap();
    assert_eq!(rmb(t1.mean), "20,675.48");
    let slopes = slopes_summary(&sel, &Terms::paper(), &summaries, &EN);
    assert!(slopes.contains("Service mean 20,675.48 at T1"), "{slopes}");
    assert!(!slopes.contains("20,675.47"), "{slopes}");
}

#[test]
fn the_test_details_show_20675_48() {
    let study = Study::embedded().unwrap();
    let paper = Selection::paper(&study);
    let detail = |sel: &Selection, key: &str| {
        let points = salary_points(&study, sel).unwrap();
        let view = test_view(sel, &Terms::paper(), &analyse(&study, sel), &points, Lang::En);
        view.details.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    };
    // Both groups at T1: Student's between-group test.
    let between = Selection { times: [true, false], ..paper };
    assert_eq!(detail(&between, "mean Service").as_deref(), Some("20,675.48"));
    // Service at both times: the paired test's T1 mean.
    let paired = Selection { groups: [true, false], ..paper };
    assert_eq!(detail(&paired, "mean T1").as_deref(), Some("20,675.48"));
    // Service at T1 alone: descriptives only.
    let alone = Selection { groups: [true, false], times: [true, false], ..paper };
    assert_eq!(detail(&alone, "mean").as_deref(), Some("20,675.48"));
}

#[test]
fn the_ledger_recomputes_20675_48_and_every_printed_mean_as_printed() {
    let study = Study::embedded().unwrap();
    let rows = reproduce(&study, Lang::En);
    let row = rows.iter().find(|r| r.id == "quarterly-service-t1-mean").unwrap();
    assert_eq!(row.printed, "20675.48");
    assert_eq!(row.recomputed_text, "20675.48");
    assert_eq!(row.recomputed_full, "20675.47500");
    // Every salary mean and row difference the paper prints is recomputed to the same
    // text: the rule (halves away from zero) agrees with the paper wherever it applies.
    let money = rows.iter().filter(|r| r.id.ends_with("-mean") || r.id.ends_with("-diff"));
    let mut n = 0;
    for r in money {
        n += 1;
        let printed = r.printed.replace('-', "\u{2212}");
        if matches!(r.status, study_core::checks::reproduce::Status::Match) {
            assert_eq!(r.recomputed_text, printed, "{}", r.id);
        }
    }
    assert!(n > 40, "{n} amounts checked");
}

/// A selection of the paper's with the named informants left out (`exclude=` of a permalink).
fn leaving_out(study: &Study, sel: Selection, names: &str) -> Selection {
    let all: Vec<&str> = study.raw.informants.iter().map(|i| i.name.as_str()).collect();
    let (excluded, _) = parse_exclude(&format!("exclude={names}"), &all);
    assert_eq!(excluded.count(), names.split(',').count(), "{names}");
    Selection { excluded, ..sel }
}

/// The robustness view's mean difference row (the last effect row) and the permutation
/// test's observed value and chart text alternative, for a selection.
fn robustness_amounts(study: &Study, sel: &Selection) -> (String, String, String) {
    let v = robustness_view(study, sel, Lang::En);
    let row = v.effects.last().expect("a mean difference row").value.clone();
    let perm = v.permutation.expect("a permutation test");
    (row, perm.observed, perm.chart.summary())
}

#[test]
fn the_robustness_mean_differences_round_exact_halves_away_from_zero() {
    let study = Study::embedded().unwrap();
    let paper = Selection::paper(&study);
    // Monthly T2 without Carol: Service 7,784.905 − Development 7,348.45 = 436.455 exactly
    // (Service ten T2 summing to 77,849.05, Development eleven summing to 80,832.95);
    // the difference of the doubles is 436.45499…, which would print 436.45.
    let t2_monthly = Selection { times: [false, true], measure: Measure::Monthly, ..paper };
    let sel = leaving_out(&study, t2_monthly, "carol");
    let (row, observed, chart) = robustness_amounts(&study, &sel);
    assert!(row.starts_with("436.46 RMB, 95% CI ["), "{row}");
    assert!(observed.ends_with("= 436.46 RMB"), "{observed}");
    assert!(chart.contains("The observed value, 436.46 RMB,"), "{chart}");
    // Service T1 → T2 without Ablett and Calvin (a paired design): the eight T2 − T1
    // changes sum to 46,289.48, so the mean change is 5,786.185 exactly; the mean of the
    // doubles is 5,786.18499….
    let paired = Selection { groups: [true, false], ..paper };
    let sel = leaving_out(&study, paired, "ablett,calvin");
    let (row, observed, chart) = robustness_amounts(&study, &sel);
    assert!(row.starts_with("5,786.19 RMB, 95% CI ["), "{row}");
    assert!(observed.ends_with("= 5,786.19 RMB"), "{observed}");
    assert!(chart.contains("The observed value, 5,786.19 RMB,"), "{chart}");
}

#[test]
fn the_robustness_qq_plots_show_exact_means_and_values() {
    let study = Study::embedded().unwrap();
    let paper = Selection::paper(&study);
    // Both groups at T1: Service's Q-Q plot is of the ten T1 salaries, mean 20,675.475.
    let between = Selection { times: [true, false], ..paper };
    let v = robustness_view(&study, &between, Lang::En);
    let qq = v.qq[0].as_ref().expect("Service's Q-Q plot");
    assert!(qq.summary().contains("(mean 20,675.48 RMB, SD "), "{}", qq.summary());
    // With 2016's salary total halved, the factor on each printed T2 is exactly 1/2, so
    // a printed T2 with an odd number of cents becomes an exact half cent: Alice's
    // 18,473.67 is 9,236.835, printed 9,236.84 (its double, 9,236.8349…, would print
    // 9,236.83).
    let mut halved = Selection { times: [false, true], ..paper };
    halved.totals.salary_2016 /= 2.0;
    let v = robustness_view(&study, &halved, Lang::En);
    let qq = v.qq[0].as_ref().expect("Service's Q-Q plot");
    let rows = qq.table(usize::MAX);
    let alice = rows.iter().find(|r| r[0] == "Alice").expect("Alice's point");
    assert_eq!(alice[2], "9,236.84");
}
