//! The first screen's finding (`view::finding`): the sentence's numbers for the paper's
//! selection and for others (one time, monthly, one group, nothing selected, Blake left
//! out, a reader's own file), its robustness clause (agreeing, running, stale, disagreeing)
//! and the small chart's means, intervals and axis.
//!
//! Expected numbers are the paper's print (Table 8, the reported test) or SciPy's, as
//! `e2e/reference_states.py` records them in `e2e/reference_states.json`
//! (`scipy.stats.ttest_ind(a, b)`, `scipy.stats.t.interval(0.95, n - 1, mean, sem)`).

use study_core::reader::own_csv::read_own_csv;
use study_core::reader::permalink::parse_exclude;
use study_core::stats::designs::{analyse_points, Analysis, AnalysisError};
use study_core::stats::selection::{Salaries, Selection};
use study_core::study::{Group, Measure, Study};
use study_core::text::i18n::Lang;
use study_core::text::pieces::{plain, Piece};
use study_core::view::finding::{checks_clause, finding_chart, finding_sentence, FindingChart};
use study_core::view::robustness::{
    robustness_view_staged, Agreement, Check, Outcome, RobustnessView, Staged,
};

fn study() -> Study {
    Study::embedded().expect("the embedded study loads")
}

/// The analysis, the finished robustness view and the chart of a selection.
fn compute(
    salaries: Salaries,
    sel: &Selection,
    lang: Lang,
) -> (Result<Analysis, AnalysisError>, RobustnessView, Option<FindingChart>) {
    let points = salaries.points(sel);
    let analysis = match &points {
        Ok(p) => analyse_points(sel, p),
        Err(e) => Err(AnalysisError::Discount(e.clone())),
    };
    let view = match robustness_view_staged(
        salaries,
        sel,
        points.as_deref().unwrap_or(&[]),
        u64::MAX,
        lang,
    ) {
        Staged::Ready(v) => *v,
        Staged::Pending(p) => p.finish(),
    };
    let chart = finding_chart(sel, &salaries.terms(), &points, lang);
    (analysis, view, chart)
}

/// The sentence of a selection of the paper's data, with its robustness clause.
fn sentence(study: &Study, sel: &Selection, lang: Lang) -> (Vec<Piece>, Option<FindingChart>) {
    let salaries = Salaries::Paper(study);
    let (analysis, view, chart) = compute(salaries, sel, lang);
    let points = salaries.points(sel);
    let s =
        finding_sentence(sel, &salaries.terms(), &analysis, &points, view.agreement.as_ref(), lang);
    (s, chart)
}

fn rows(chart: &FindingChart) -> Vec<[String; 4]> {
    chart.bars.iter().map(|b| chart.row(b)).collect()
}

#[test]
fn the_papers_selection_states_both_changes_the_test_and_that_the_checks_agree() {
    let study = study();
    let (s, chart) = sentence(&study, &Selection::paper(&study), Lang::En);
    // Table 8's mean changes, and the paper's t(20) = 3.99, p < .001 (SciPy: t =
    // 3.98964079039795, p = 0.0007207712551587463); Welch (p = .00085), the Mann–Whitney U
    // test and the permutation test reach the same side of .05.
    assert_eq!(
        plain(&s),
        "Service salaries rose 5,456.69 RMB per quarter on average from T1 to T2, and \
         Development\u{2019}s fell 1,854.93; Student t(20) = 3.99, p < .001; the conclusion \
         holds under the robustness checks (Welch\u{2019}s test, the rank test and the \
         permutation test agree at \u{3b1} = .05)."
    );
    // The paper's group names are the study's own words.
    let study_words: Vec<&str> = s.iter().filter(|p| p.study).map(|p| p.text.as_str()).collect();
    assert_eq!(study_words, ["Service", "Development"]);
    let chart = chart.expect("both groups have a change");
    assert_eq!(chart.title, "Mean quarterly change from T1 to T2 by group, with 95% CI (RMB)");
    // scipy.stats.t.interval(0.95, n - 1, loc=mean, scale=sem) of each group's T2 − T1.
    assert_eq!(
        rows(&chart),
        [
            ["Service", "5,456.69", "2,279.01", "8,634.38"].map(String::from),
            ["Development", "\u{2212}1,854.93", "\u{2212}4,487.24", "777.37"].map(String::from),
        ]
    );
    assert!(chart.lo < -4_487.24 && chart.hi > 8_634.38);
    assert!(chart.ticks.iter().any(|(v, l)| *v == 0.0 && l == "0"));
    assert!(chart.ticks.iter().any(|(_, l)| l.starts_with('\u{2212}')), "{:?}", chart.ticks);
    assert!(chart.position(0.0) > 0.0 && chart.position(0.0) < 1.0);
    assert_eq!(
        chart.summary(),
        "Mean quarterly change from T1 to T2 by group, with 95% CI (RMB): Service 5,456.69 \
         (95% CI 2,279.01 to 8,634.38, n = 10); Development \u{2212}1,854.93 (95% CI \
         \u{2212}4,487.24 to 777.37, n = 12)."
    );
}

#[test]
fn one_time_compares_the_levels_and_says_it_is_not_the_change() {
    let study = study();
    let sel = Selection { times: [true, false], ..Selection::paper(&study) };
    let (s, chart) = sentence(&study, &sel, Lang::En);
    let text = plain(&s);
    // SciPy: ttest_ind(Service T1, Development T1) t = −0.8756326343778408, p = .3916.
    // Service's T1 mean is exactly 20,675.475 (Table 8 prints 20,675.48).
    assert!(text.starts_with("At T1, Service salaries averaged 20,675.4"), "{text}");
    assert!(
        text.contains(" RMB per quarter, and Development\u{2019}s 24,121.05; Student t(20) = \u{2212}0.88, p = .392; "),
        "{text}"
    );
    assert!(
        text.ends_with(
            "Only T1 is selected: this compares the groups at one time, not their change from \
             T1 to T2 (the paper\u{2019}s test)."
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "; the robustness checks agree (Welch\u{2019}s test, the rank test and the \
             permutation test are not significant at \u{3b1} = .05 either)."
        ),
        "{text}"
    );
    let chart = chart.unwrap();
    assert_eq!(chart.title, "Mean quarterly at T1 by group, with 95% CI (RMB)");
    assert_eq!(
        rows(&chart)[1],
        ["Development", "24,121.05", "18,439.93", "29,802.18"].map(String::from)
    );
}

#[test]
fn monthly_salaries_follow_the_measure() {
    let study = study();
    let sel = Selection { measure: Measure::Monthly, ..Selection::paper(&study) };
    let (s, chart) = sentence(&study, &sel, Lang::En);
    let text = plain(&s);
    // SciPy (monthly): t = 3.2151644243044415, p = 0.004343196668387226.
    assert!(
        text.starts_with(
            "Service salaries rose 933.98 RMB per month on average from T1 to T2, and \
             Development\u{2019}s fell 1,036.47; Student t(20) = 3.22, p = .004; "
        ),
        "{text}"
    );
    assert_eq!(rows(&chart.unwrap())[1][3], "\u{2212}18.34");
}

#[test]
fn one_group_is_its_own_change_and_one_cell_compares_nothing() {
    let study = study();
    let sel = Selection { groups: [false, true], ..Selection::paper(&study) };
    let (s, chart) = sentence(&study, &sel, Lang::En);
    let text = plain(&s);
    // SciPy: ttest_rel(Development T2, T1): t(11) = −1.55, p = .149.
    assert!(
        text.starts_with(
            "Development salaries fell 1,854.93 RMB per quarter on average from T1 to T2; \
             paired t(11) = \u{2212}1.55, p = .149; "
        ),
        "{text}"
    );
    assert!(text.contains("Only Development is selected: this is its own change"), "{text}");
    assert_eq!(chart.unwrap().bars.len(), 1);

    let sel = Selection { groups: [true, false], times: [false, true], ..Selection::paper(&study) };
    let text = plain(&sentence(&study, &sel, Lang::En).0);
    assert_eq!(
        text,
        "At T2, Service salaries averaged 26,132.17 RMB per quarter. With one group at one \
         time, nothing is compared."
    );

    let sel = Selection { groups: [false, false], ..Selection::paper(&study) };
    let (s, chart) = sentence(&study, &sel, Lang::En);
    assert_eq!(plain(&s), "Nothing is compared: select at least one group and one timepoint.");
    assert!(chart.is_none());
}

#[test]
fn leaving_blake_out_changes_the_numbers() {
    let study = study();
    let names: Vec<&str> = study.raw.informants.iter().map(|i| i.name.as_str()).collect();
    let (excluded, _) = parse_exclude("exclude=blake", &names);
    let sel = Selection { excluded, ..Selection::paper(&study) };
    let text = plain(&sentence(&study, &sel, Lang::En).0);
    // scripts/reference/what_if.py: without Blake, t(19) = 4.14.
    assert!(text.contains("Student t(19) = 4.14, p < .001"), "{text}");
    assert!(!text.contains("5,456.69"), "{text}");
}

#[test]
fn a_readers_file_is_worded_in_its_own_terms() {
    let own = read_own_csv("spreadsheet.csv", include_bytes!("fixtures/own/spreadsheet.csv"))
        .expect("the spreadsheet's file reads");
    let salaries = Salaries::Own(&own);
    let study = study();
    let sel = Selection::paper(&study);
    let (analysis, view, chart) = compute(salaries, &sel, Lang::En);
    let s = finding_sentence(
        &sel,
        &salaries.terms(),
        &analysis,
        &salaries.points(&sel),
        view.agreement.as_ref(),
        Lang::En,
    );
    let text = plain(&s);
    assert!(text.starts_with("Pilot values "), "{text}");
    assert!(text.contains(", and Usual\u{2019}s "), "{text}");
    assert!(!text.contains("RMB") && !text.contains("per quarter"), "{text}");
    // The reader's names are not the study's words.
    assert!(s.iter().all(|p| !p.study), "{s:?}");
    let Ok(Analysis::DiffInDiff { student, .. }) = &analysis else { panic!("{analysis:?}") };
    assert!(text.contains(&format!("Student {}", study_core::view::apa::t_test(student))));
    let chart = chart.unwrap();
    assert_eq!(chart.title, "Mean change from T1 to T2 by group, with 95% CI");
    assert_eq!(chart.bars.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(), ["Pilot", "Usual"]);
}

#[test]
fn the_clause_waits_for_the_view_of_the_test_shown() {
    let study = study();
    let paper = Selection::paper(&study);
    let salaries = Salaries::Paper(&study);
    let terms = salaries.terms();
    let (analysis, _, _) = compute(salaries, &paper, Lang::En);
    // The view of another selection (T1 only) is not this test's: no clause.
    let t1 = Selection { times: [true, false], ..paper };
    let (_, stale, _) = compute(salaries, &t1, Lang::En);
    let text = plain(&finding_sentence(
        &paper,
        &terms,
        &analysis,
        &salaries.points(&paper),
        stale.agreement.as_ref(),
        Lang::En,
    ));
    assert!(text.ends_with("Student t(20) = 3.99, p < .001."), "{text}");
    // Before the first view, likewise.
    let none = plain(&finding_sentence(
        &paper,
        &terms,
        &analysis,
        &salaries.points(&paper),
        None,
        Lang::En,
    ));
    assert_eq!(none, text);
    // While the Monte Carlo run is going, the clause says so.
    let Ok(a) = &analysis else { unreachable!() };
    let test = a.primary().unwrap();
    let mut g = Agreement {
        t: test.t,
        df: test.df,
        alpha: 0.05,
        significant: true,
        checks: vec![
            (Check::Welch, Outcome::Agrees),
            (Check::Rank, Outcome::Agrees),
            (Check::Permutation, Outcome::Running),
        ],
    };
    let text = plain(&finding_sentence(
        &paper,
        &terms,
        &analysis,
        &salaries.points(&paper),
        Some(&g),
        Lang::En,
    ));
    assert!(text.ends_with("; the robustness checks are running\u{2026}."), "{text}");
    // Which disagree, which agree and which could not be computed.
    g.checks = vec![
        (Check::Welch, Outcome::Agrees),
        (Check::Rank, Outcome::Disagrees),
        (Check::Permutation, Outcome::Undefined),
    ];
    assert_eq!(
        checks_clause(&g, Lang::En),
        "not every robustness check agrees: the rank test reaches the other conclusion at \
         \u{3b1} = .05, Welch\u{2019}s test agrees at \u{3b1} = .05, the permutation test \
         could not be computed"
    );
    assert_ne!(checks_clause(&g, Lang::Zh), checks_clause(&g, Lang::En));
}

#[test]
fn the_chinese_sentence_keeps_the_numbers_and_the_studys_words() {
    let study = study();
    let paper = Selection::paper(&study);
    let (en, _) = sentence(&study, &paper, Lang::En);
    let (zh, chart) = sentence(&study, &paper, Lang::Zh);
    let zh_text = plain(&zh);
    for number in ["5,456.69", "1,854.93", "t(20) = 3.99, p < .001"] {
        assert!(plain(&en).contains(number) && zh_text.contains(number), "{number}: {zh_text}");
    }
    assert!(zh_text.ends_with('\u{3002}'), "{zh_text}");
    assert!(zh_text.contains("稳健性检验"), "{zh_text}");
    let study_words: Vec<&str> = zh.iter().filter(|p| p.study).map(|p| p.text.as_str()).collect();
    assert_eq!(study_words, ["Service", "Development"]);
    let chart = chart.unwrap();
    assert!(chart.title.contains("置信区间"), "{}", chart.title);
    assert_eq!(chart.head(), ["组别", "平均值", "95% 置信区间下限", "上限"]);
    assert_eq!(chart.bars[0].group, Group::Service);
}

#[test]
fn the_sentence_and_the_chart_round_exact_halves_as_the_paper_does() {
    // Service's ten T1 salaries sum to 206,754.75 RMB: the mean is exactly 20,675.475,
    // which Table 8 prints as 20,675.48 (its double, 20,675.4749…, would give .47).
    let study = study();
    let t1 = Selection { times: [true, false], ..Selection::paper(&study) };
    let (s, chart) = sentence(&study, &t1, Lang::En);
    let text = plain(&s);
    assert!(text.contains("20,675.48"), "{text}");
    assert!(!text.contains("20,675.47"), "{text}");
    let chart = chart.expect("a chart of the T1 means");
    assert_eq!(chart.row(&chart.bars[0])[1], "20,675.48");
}
