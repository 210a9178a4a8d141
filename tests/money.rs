//! Money is exact in cents wherever the page shows it: Table 8's Service T1 mean is
//! exactly 20,675.475 (ten salaries summing to 20,675,475 cents, ÷ 10) and prints as the
//! paper prints it, 20,675.48, in the salary table's descriptives, the chart summaries,
//! the test details and the reproducibility ledger. Its double, 20,675.4749…, would
//! print 20,675.47.

use study_core::checks::reproduce::reproduce;
use study_core::stats::designs::analyse;
use study_core::stats::selection::{salary_points, Selection};
use study_core::study::{Group, Measure, Study, Terms};
use study_core::text::format::rmb;
use study_core::text::i18n::{Lang, EN};
use study_core::view::analysis::{salary_summaries, slopes_summary, test_view};

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
