//! View models: the numbers each section and chart shows, computed from a selection.
//!
//! Views and charts receive these finished numbers; they never compute statistics. Each
//! chart model also yields its text summary and the rows of its data table, so the chart,
//! its text alternative and its table can never disagree.
//!
//! Every function that words something takes the UI language's table (`t: &Strings`), or
//! the language itself (`lang: Lang`) where it words an [`AnalysisError`]: a discount
//! error names the control's label in Chinese
//! ([`DiscountError::message`](crate::stats::discount::DiscountError::message)). The
//! timepoints, statistic symbols and APA strings stay as the paper writes them in every
//! language.
//!
//! Every function that names a group, a unit or the salary measure also takes the
//! [`Terms`] of the data analysed ([`Salaries::terms`](crate::stats::selection::Salaries::terms)):
//! the groups' names stay as the data writes them (Service and Development, or a reader's
//! own labels) in every language; the paper's salaries are amounts in RMB, quarterly or
//! monthly, per informant, and a reader's values have no unit and no measure.

use crate::stats::designs::{Analysis, AnalysisError};
use crate::stats::selection::{amounts, measure_text, SalaryPoint, Selection};
use crate::stats::ttest::{self, StatsError, TTest};
use crate::study::{Group, Study, Terms, Time};
use crate::text::csv::CsvWriter;
use crate::text::format::{fixed, money_fixed, percent, rmb, MINUS};
use crate::text::i18n::{fill, Lang, Strings};
use crate::text::money::Money;
use crate::text::pieces::list_separator;
use crate::view::apa;
use statrs::distribution::{Continuous, ContinuousCDF, StudentsT};

/// A group's descriptives for one series, with the 95 % CI of its mean.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSummary {
    pub group: Group,
    /// `T1`, `T2` or `T2−T1`.
    pub series: &'static str,
    pub n: usize,
    /// The mean, exact in cents where every amount is.
    pub mean: Money,
    pub sd: f64,
    /// 95 % CI of the mean (t with n − 1 df).
    pub ci95: (f64, f64),
}

/// Mean, SD and the 95 % CI of the mean of amounts (the mean exact where they are).
pub fn summarise(
    group: Group,
    series: &'static str,
    xs: &[Money],
) -> Result<SeriesSummary, StatsError> {
    let values: Vec<f64> = xs.iter().map(|x| x.value()).collect();
    let d = ttest::describe(&values)?;
    let mean = Money::mean(xs).unwrap_or(d.mean.into());
    let dist = StudentsT::new(0.0, 1.0, (d.n - 1) as f64).map_err(|_| StatsError::Distribution)?;
    let half = dist.inverse_cdf(0.975) * d.sd / (d.n as f64).sqrt();
    Ok(SeriesSummary {
        group,
        series,
        n: d.n,
        mean,
        sd: d.sd,
        ci95: (d.mean - half, d.mean + half),
    })
}

/// The series a selection shows: T1 and/or T2, and T2−T1 when both are selected.
pub fn shown_series(sel: &Selection) -> Vec<(&'static str, Option<Time>)> {
    let mut out = Vec::new();
    if sel.has_time(Time::T1) {
        out.push(("T1", Some(Time::T1)));
    }
    if sel.has_time(Time::T2) {
        out.push(("T2", Some(Time::T2)));
    }
    if sel.has_time(Time::T1) && sel.has_time(Time::T2) {
        out.push(("T2\u{2212}T1", None));
    }
    out
}

/// Descriptives of every shown series for every selected group.
pub fn salary_summaries(
    sel: &Selection,
    points: &[SalaryPoint],
) -> Vec<Result<SeriesSummary, StatsError>> {
    let mut out = Vec::new();
    for g in sel.selected_groups() {
        for (label, time) in shown_series(sel) {
            out.push(summarise(g, label, &amounts(points, g, time)));
        }
    }
    out
}

/// A list of clauses joined with the language's [`list_separator`] (`; `, `；`).
pub fn join_clauses(parts: Vec<String>, t: &Strings) -> String {
    parts.join(list_separator(t.lang))
}

/// Why no analysis could be computed, in a UI language.
pub fn analysis_error_text(e: &AnalysisError, lang: Lang) -> String {
    let t = lang.strings();
    match e {
        AnalysisError::EmptySelection => t.a_err_empty_selection.to_string(),
        AnalysisError::Discount(e) => e.message(lang),
        AnalysisError::Stats(e) => fill(t.a_err_not_defined_selection, &[("error", &e.message(t))]),
    }
}

/// The salary table's caption ("Quarterly salary per informant (RMB)", or "Value per row"
/// for a reader's own values), in a UI language.
pub fn salary_caption(sel: &Selection, terms: &Terms, t: &Strings) -> String {
    fill(
        terms.pick(t.a_sal_caption, t.a_sal_caption_own),
        &[("measure", measure_text(sel.measure, t))],
    )
}

/// CSV of the current salary table (one row per informant, or per row of a reader's
/// file); the header is in the UI language, the groups as `terms` names them, the values
/// as shown. Written by [`CsvWriter`] (quoting, formula guard).
pub fn salary_csv(sel: &Selection, terms: &Terms, points: &[SalaryPoint], t: &Strings) -> String {
    let series = shown_series(sel);
    let mut w = CsvWriter::new();
    let id = terms.pick(t.a_csv_informant, t.a_csv_informant_own);
    let mut head = vec![id.to_string(), t.a_csv_group.to_string()];
    head.extend(series.iter().map(|(l, _)| l.replace('\u{2212}', "-")));
    w.row(&head);
    for p in points {
        let mut row = vec![p.informant.clone(), terms.name(p.group).to_string()];
        for (_, time) in &series {
            row.push(money_fixed(p.amount(*time), 2, None).replace(MINUS, "-"));
        }
        w.row(&row);
    }
    w.finish()
}

/// The test panel: the APA line(s), the explanation and the detail rows.
#[derive(Debug, Clone, PartialEq)]
pub struct TestView {
    /// The headline APA result, or the reason no test applies.
    pub apa: String,
    /// Welch beside Student, where the design has it.
    pub apa_welch: Option<String>,
    pub explanation: String,
    /// (statistic, value) rows, one per statistic; also the CSV export.
    pub details: Vec<(String, String)>,
}

/// Builds the test panel for an analysis of `points` (the data `terms` names), worded in
/// a UI language (the APA strings keep their APA form). The means and their difference
/// are taken from the points' amounts, exact in cents where they are.
pub fn test_view(
    sel: &Selection,
    terms: &Terms,
    analysis: &Result<Analysis, AnalysisError>,
    points: &[SalaryPoint],
    lang: Lang,
) -> TestView {
    let t = lang.strings();
    match analysis {
        Err(e) => TestView {
            apa: fill(t.a_no_test, &[("error", &analysis_error_text(e, lang))]),
            apa_welch: None,
            explanation: String::new(),
            details: Vec::new(),
        },
        Ok(a) => {
            let mut details = Vec::new();
            let (na, nb) = match a {
                Analysis::Paired { .. } => ("T1", "T2"),
                _ => (terms.name(Group::Service), terms.name(Group::Development)),
            };
            if let Some(test) = a.primary() {
                push_test(&mut details, test, test_means(a, test, points), (na, nb), t);
            }
            if let Some(w) = a.welch() {
                details.push(("Welch t".into(), fixed(w.t, 4)));
                details.push(("Welch df".into(), apa::df(w)));
                details.push((t.a_d_welch_p.into(), format!("{:.6}", w.p)));
                details.push((
                    t.a_d_welch_ci.into(),
                    format!("[{}, {}]", rmb(w.ci95.0), rmb(w.ci95.1)),
                ));
            }
            if let Analysis::Descriptive { descriptives: d, group, time } = a {
                let mean = exact_mean(points, *group, Some(*time), d.n).unwrap_or(d.mean.into());
                details.push(("n".into(), d.n.to_string()));
                details.push((t.a_d_mean.into(), rmb(mean)));
                details.push((t.a_sd.into(), rmb(d.sd)));
            }
            let (apa, apa_welch) = match (a.primary(), a.welch()) {
                (Some(p), Some(w)) => (
                    fill(t.a_apa_student, &[("apa", &apa::t_test(p))]),
                    Some(fill(t.a_apa_welch, &[("apa", &apa::t_test(w))])),
                ),
                (Some(p), None) => (fill(t.a_apa_paired, &[("apa", &apa::t_test(p))]), None),
                _ => (t.a_no_test_applies.to_string(), None),
            };
            let explanation = a.explanation(terms, sel.measure, t);
            TestView { apa, apa_welch, explanation, details }
        }
    }
}

/// The mean of a group's amounts at a time (or of its T2 − T1 with `None`), exact in
/// cents where they are; `None` unless the points hold the `n` values the test used.
fn exact_mean(points: &[SalaryPoint], g: Group, time: Option<Time>, n: usize) -> Option<Money> {
    let xs = amounts(points, g, time);
    if xs.len() == n {
        Money::mean(&xs)
    } else {
        None
    }
}

/// The two means a test compares and the mean difference it tests (for a paired test, the
/// mean of T2 − T1), exact in cents where the points' amounts are; the test's own doubles
/// where the points do not hold its values.
fn test_means(a: &Analysis, test: &TTest, points: &[SalaryPoint]) -> [Money; 3] {
    let (s, d) = (Group::Service, Group::Development);
    let ((ga, ta), (gb, tb)) = match a {
        Analysis::DiffInDiff { .. } => ((s, None), (d, None)),
        Analysis::Between { time, .. } => ((s, Some(*time)), (d, Some(*time))),
        Analysis::Paired { group, .. } => ((*group, Some(Time::T1)), (*group, Some(Time::T2))),
        Analysis::Descriptive { .. } => {
            return [test.a.mean, test.b.mean, test.mean_diff].map(Money::from)
        }
    };
    let ma = exact_mean(points, ga, ta, test.a.n).unwrap_or(test.a.mean.into());
    let mb = exact_mean(points, gb, tb, test.b.n).unwrap_or(test.b.mean.into());
    let diff = match a {
        Analysis::Paired { group, .. } => exact_mean(points, *group, None, test.a.n),
        _ => Some(ma.minus(mb)),
    };
    [ma, mb, diff.unwrap_or(test.mean_diff.into())]
}

fn push_test(
    details: &mut Vec<(String, String)>,
    test: &TTest,
    [mean_a, mean_b, mean_diff]: [Money; 3],
    (na, nb): (&str, &str),
    t: &Strings,
) {
    let ab = [("a", na), ("b", nb)];
    details.push((fill(t.a_d_n, &ab), format!("{}, {}", test.a.n, test.b.n)));
    details.push((fill(t.a_d_mean_of, &[("a", na)]), rmb(mean_a)));
    details.push((fill(t.a_d_mean_of, &[("a", nb)]), rmb(mean_b)));
    if let Some(d) = test.diffs {
        details.push((t.a_d_mean_diffs.into(), rmb(mean_diff)));
        details.push((t.a_d_sd_diffs.into(), rmb(d.sd)));
    } else {
        details.push((fill(t.a_d_sd_of, &[("a", na)]), rmb(test.a.sd)));
        details.push((fill(t.a_d_sd_of, &[("a", nb)]), rmb(test.b.sd)));
        details.push((fill(t.a_d_mean_difference, &ab), rmb(mean_diff)));
    }
    details.push((t.a_d_se.into(), rmb(test.se)));
    details.push(("df".into(), apa::df(test)));
    details.push(("t".into(), fixed(test.t, 4)));
    details.push((t.a_d_p.into(), format!("{:.6}", test.p)));
    details.push((t.a_d_ci.into(), format!("[{}, {}]", rmb(test.ci95.0), rmb(test.ci95.1))));
}

/// CSV of the test results, one row per statistic, worded in a UI language (the selection
/// for the data `terms` names). Written by [`CsvWriter`] (quoting, formula guard).
pub fn test_csv(sel: &Selection, terms: &Terms, view: &TestView, t: &Strings) -> String {
    let mut w = CsvWriter::new();
    w.row([t.a_csv_statistic, t.a_csv_value]);
    w.row([t.a_csv_selection, &sel.summary_in(terms, t)]);
    w.row([t.a_csv_result, &view.apa]);
    if let Some(welch) = &view.apa_welch {
        w.row([t.a_csv_result_welch, welch]);
    }
    for (k, v) in &view.details {
        w.row([k.replace('\u{2212}', "-"), v.replace('\u{2212}', "-")]);
    }
    w.finish()
}

/// The t distribution plot: the density, the observed t and the two-sided p area.
#[derive(Debug, Clone, PartialEq)]
pub struct TDistChart {
    pub df: f64,
    /// `df` as APA prints it for the test ([`apa::df`]: whole for Student's and the
    /// paired test, two decimals for Welch's).
    pub df_text: String,
    pub t: f64,
    pub p: f64,
    /// (x, density) over [−max(4, |t|+1), +…].
    pub curve: Vec<(f64, f64)>,
}

impl TDistChart {
    /// From a test result; `None` if the distribution cannot be built.
    pub fn new(test: &TTest) -> Option<TDistChart> {
        let dist = StudentsT::new(0.0, 1.0, test.df).ok()?;
        let lim = (test.t.abs() + 1.0).clamp(4.0, 60.0);
        let curve = (0..=240).map(|i| {
            let x = -lim + 2.0 * lim * i as f64 / 240.0;
            (x, dist.pdf(x))
        });
        Some(TDistChart {
            df: test.df,
            df_text: apa::df(test),
            t: test.t,
            p: test.p,
            curve: curve.collect(),
        })
    }

    /// The text alternative, in a UI language.
    pub fn summary(&self, t: &Strings) -> String {
        fill(
            t.a_tdist_summary,
            &[
                ("df", &self.df_text),
                ("t", &fixed(self.t, 2)),
                ("abs", &fixed(self.t.abs(), 2)),
                ("p", &format!("{:.4}", self.p)),
            ],
        )
    }

    /// The data table rows, in a UI language.
    pub fn table(&self, t: &Strings) -> Vec<[String; 2]> {
        vec![
            [t.a_tdist_df.into(), self.df_text.clone()],
            [t.a_tdist_t.into(), fixed(self.t, 4)],
            [t.a_tdist_p.into(), format!("{:.6}", self.p)],
        ]
    }
}

/// One line of the slope chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Slope {
    pub informant: String,
    pub group: Group,
    pub t1: f64,
    pub t2: f64,
    /// T1 and T2 as amounts, exact in cents where known (the chart's data table).
    pub money: [Money; 2],
}

/// Slope chart model: T1→T2 per informant.
pub fn slopes(points: &[SalaryPoint]) -> Vec<Slope> {
    points
        .iter()
        .map(|p| Slope {
            informant: p.informant.clone(),
            group: p.group,
            t1: p.t1,
            t2: p.t2,
            money: p.money,
        })
        .collect()
}

/// Text alternative of the slope chart, for the data `terms` names, in a UI language.
pub fn slopes_summary(
    sel: &Selection,
    terms: &Terms,
    summaries: &[Result<SeriesSummary, StatsError>],
    t: &Strings,
) -> String {
    let mut parts = Vec::new();
    for g in sel.selected_groups() {
        let m = |s: &str| {
            summaries.iter().flatten().find(|x| x.group == g && x.series == s).map(|x| rmb(x.mean))
        };
        if let (Some(a), Some(b)) = (m("T1"), m("T2")) {
            parts.push(fill(t.a_slopes_part, &[("group", terms.name(g)), ("t1", &a), ("t2", &b)]));
        }
    }
    fill(
        terms.pick(t.a_slopes_summary, t.a_slopes_summary_own),
        &[
            ("measure", measure_text(sel.measure, t)),
            ("discount", &sel.t2_words(terms, t.a_slopes_discounted, t.a_slopes_as_paid, t)),
            ("parts", &join_clauses(parts, t)),
        ],
    )
}

/// Dot plot of differences: each informant's T2−T1 with group mean and 95 % CI (text
/// alternative for the data `terms` names, in a UI language).
pub fn dots_summary(
    terms: &Terms,
    summaries: &[Result<SeriesSummary, StatsError>],
    t: &Strings,
) -> String {
    let parts: Vec<String> = summaries
        .iter()
        .flatten()
        .filter(|s| s.series == "T2\u{2212}T1")
        .map(|s| {
            fill(
                t.a_dots_part,
                &[
                    ("group", terms.name(s.group)),
                    ("mean", &terms.amount(&rmb(s.mean), t)),
                    ("lo", &rmb(s.ci95.0)),
                    ("hi", &rmb(s.ci95.1)),
                ],
            )
        })
        .collect();
    fill(terms.pick(t.a_dots_summary, t.a_dots_summary_own), &[("parts", &join_clauses(parts, t))])
}

/// One coverage cell as the chart and table show it.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageBar {
    pub theme: String,
    pub theme_name: String,
    pub group: Group,
    pub time: Time,
    /// `None` = not reported in the text (Figure 3 only): drawn outlined, never as zero.
    pub value: Option<f64>,
    pub source: String,
}

/// The coverage bars for the selected groups × times.
pub fn coverage_bars(study: &Study, sel: &Selection) -> Vec<CoverageBar> {
    let c = &study.raw.coverage;
    let mut out = Vec::new();
    for th in &c.themes {
        for g in sel.selected_groups() {
            for t in sel.selected_times() {
                let cell = c.cell(&th.id, g, t);
                out.push(CoverageBar {
                    theme: th.id.clone(),
                    theme_name: th.name.clone(),
                    group: g,
                    time: t,
                    value: cell.and_then(|x| x.printed.as_ref()).map(|p| p.value()),
                    source: cell
                        .map(|x| x.source.clone())
                        .unwrap_or_else(|| "missing from the study file".into()),
                });
            }
        }
    }
    out
}

/// Coverage change per group and the difference-in-differences, where reported.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageChange {
    pub theme: String,
    pub theme_name: String,
    /// T2 − T1 for [Service, Development], `None` where a cell is not reported.
    pub change: [Option<f64>; 2],
    /// (Service change) − (Development change), when all four cells are reported.
    pub did: Option<f64>,
}

/// T2−T1 per group and the DiD for each theme.
pub fn coverage_changes(study: &Study) -> Vec<CoverageChange> {
    let c = &study.raw.coverage;
    c.themes
        .iter()
        .map(|th| {
            let v = |g, t| c.cell(&th.id, g, t).and_then(|x| x.printed.as_ref()).map(|p| p.value());
            let change = |g| Some(v(g, Time::T2)? - v(g, Time::T1)?);
            let s = change(Group::Service);
            let d = change(Group::Development);
            CoverageChange {
                theme: th.id.clone(),
                theme_name: th.name.clone(),
                change: [s, d],
                did: s.zip(d).map(|(a, b)| a - b),
            }
        })
        .collect()
}

/// Text alternative of the coverage chart, in a UI language (theme names stay English).
pub fn coverage_summary(bars: &[CoverageBar], t: &Strings) -> String {
    let reported = bars.iter().filter(|b| b.value.is_some()).count();
    let parts: Vec<String> = bars
        .iter()
        .filter_map(|b| {
            b.value.map(|v| {
                format!("{} {} {} {}", b.theme_name, b.group.label(), b.time.label(), percent(v))
            })
        })
        .collect();
    fill(
        t.a_coverage_summary,
        &[
            ("reported", &reported.to_string()),
            ("total", &bars.len().to_string()),
            ("parts", &join_clauses(parts, t)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_did_only_where_all_four_cells_are_reported() {
        let s = Study::embedded().unwrap();
        let ch = coverage_changes(&s);
        let refl = ch.iter().find(|c| c.theme == "team_reflexivity").unwrap();
        // (33.26 − 15.67) − (29.71 − 21.36) = 17.59 − 8.35 = 9.24
        assert!((refl.did.unwrap() - 9.24).abs() < 1e-9);
        let effort = ch.iter().find(|c| c.theme == "team_effort").unwrap();
        assert_eq!(effort.did, None);
        assert_eq!(effort.change, [None, None]);
        let support = ch.iter().find(|c| c.theme == "social_support").unwrap();
        assert!((support.change[0].unwrap() - 7.97).abs() < 1e-9);
        assert_eq!(support.change[1], None);
    }

    #[test]
    fn the_test_panel_reads_as_before_in_english_and_is_translated_in_chinese() {
        use crate::stats::designs::analyse;
        use crate::text::i18n::{EN, ZH};
        let study = Study::embedded().unwrap();
        let sel = Selection::paper(&study);
        let analysis = analyse(&study, &sel);
        let points = crate::stats::selection::salary_points(&study, &sel).unwrap();
        let paper = Terms::paper();
        let en = test_view(&sel, &paper, &analysis, &points, Lang::En);
        assert!(en.apa.starts_with("Student: t(20) = 3.99, p "), "{}", en.apa);
        assert!(en.apa_welch.as_deref().unwrap().starts_with("Welch: t("));
        assert!(en.explanation.starts_with("Did quarterly salaries change more from T1 to T2 in Service (DingTalk + WeChat) than in Development (WeChat only)? This compares"), "{}", en.explanation);
        assert!(en.explanation.ends_with("the paper's own test."));
        let keys: Vec<&str> = en.details.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "n (Service, Development)",
                "mean Service",
                "mean Development",
                "SD Service",
                "SD Development",
                "mean difference (Service \u{2212} Development)",
                "standard error",
                "df",
                "t",
                "p (two-sided)",
                "95% CI of the difference",
                "Welch t",
                "Welch df",
                "Welch p (two-sided)",
                "Welch 95% CI of the difference",
            ]
        );
        // Student's df is a whole number, Welch's keeps two decimals.
        let detail = |k: &str| en.details.iter().find(|(x, _)| x == k).map(|(_, v)| v.as_str());
        assert_eq!(detail("df"), Some("20"));
        let welch_df = analysis.as_ref().unwrap().welch().unwrap().df;
        assert_eq!(detail("Welch df"), Some(fixed(welch_df, 2).as_str()));
        assert_eq!(detail("Welch df").map(|d| d.split('.').nth(1).map(str::len)), Some(Some(2)));
        let zh = test_view(&sel, &paper, &analysis, &points, Lang::Zh);
        // The APA string itself is the same in both languages; only the words around it differ.
        assert_eq!(
            zh.apa.split_once("t(20)").map(|x| x.1),
            en.apa.split_once("t(20)").map(|x| x.1)
        );
        assert_ne!(zh.apa, en.apa);
        assert_ne!(zh.explanation, en.explanation);
        assert_eq!(zh.details.len(), en.details.len());
        for ((ke, ve), (kz, vz)) in en.details.iter().zip(&zh.details) {
            assert_eq!(ve, vz, "{ke}: values do not depend on the language");
            if !["df", "t", "Welch t", "Welch df"].contains(&ke.as_str()) {
                assert_ne!(ke, kz);
            }
        }
        assert!(test_csv(&sel, &paper, &en, &EN).starts_with("statistic,value\r\nselection,\"Service and Development, T1\u{2192}T2, quarterly, T2 discounted to 2016 terms\"\r\nresult (APA),"));
        assert!(test_csv(&sel, &paper, &zh, &ZH).starts_with("统计量,数值\r\n"));
        assert!(
            salary_csv(&sel, &paper, &points, &EN).starts_with("informant,group,T1,T2,T2-T1\r\n")
        );
        assert!(salary_csv(&sel, &paper, &points, &ZH).starts_with("受访者,组别,T1,T2,T2-T1\r\n"));
        let tdist = TDistChart::new(analysis.as_ref().unwrap().primary().unwrap()).unwrap();
        assert!(tdist.summary(&EN).starts_with("Student's t distribution with 20 degrees of freedom. The observed t = 3.99 is marked; the shaded tails beyond \u{b1}3.99 hold the two-sided p = 0.0007"), "{}", tdist.summary(&EN));
        assert_eq!(tdist.table(&EN)[0][1], "20");
        assert_eq!(
            tdist.table(&EN).iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
            ["degrees of freedom", "observed t", "two-sided p (shaded area)"]
        );
        assert_ne!(tdist.summary(&ZH), tdist.summary(&EN));
        let summaries = salary_summaries(&sel, &points);
        let slopes_en = slopes_summary(&sel, &paper, &summaries, &EN);
        assert!(slopes_en.starts_with("Slope chart of each informant's quarterly salary from T1 to T2 (T2 discounted). Service mean "), "{slopes_en}");
        assert!(
            slopes_en.contains(" at T2; Development mean ") && slopes_en.ends_with(" at T2."),
            "{slopes_en}"
        );
        assert!(slopes_summary(&sel, &paper, &summaries, &ZH).contains("；Development "));
        let dots_en = dots_summary(&paper, &summaries, &EN);
        assert!(dots_en.starts_with("Dot plot of each informant's T2 \u{2212} T1 salary change with group means and 95% confidence intervals. Service: mean 5,456.69 RMB, 95% CI ["), "{dots_en}");
        assert_ne!(dots_summary(&paper, &summaries, &ZH), dots_en);
        let bars = coverage_bars(&study, &sel);
        assert!(coverage_summary(&bars, &EN)
            .starts_with("Grouped bar chart of coverage percentages by theme. "));
        assert_ne!(coverage_summary(&bars, &ZH), coverage_summary(&bars, &EN));
    }

    #[test]
    fn analysis_errors_match_the_english_display() {
        use crate::stats::discount::DiscountError;
        use crate::text::i18n::EN;
        for e in StatsError::EXAMPLES {
            let a = AnalysisError::Stats(e);
            assert_eq!(analysis_error_text(&a, Lang::En), a.to_string());
            assert_ne!(analysis_error_text(&a, Lang::Zh), a.to_string());
        }
        let d = DiscountError { field: "salary2017", value: 0.0 };
        let a = AnalysisError::Discount(d.clone());
        assert_eq!(analysis_error_text(&a, Lang::En), a.to_string());
        assert_eq!(analysis_error_text(&a, Lang::Zh), d.message(Lang::Zh));
        assert_eq!(
            analysis_error_text(&AnalysisError::EmptySelection, Lang::En),
            AnalysisError::EmptySelection.to_string()
        );
        assert_eq!(join_clauses(vec!["a".into(), "b".into(), "c".into()], &EN), "a; b; c");
        assert_eq!(join_clauses(vec![], &EN), "");
    }

    #[test]
    fn the_selection_line_is_worded_in_the_ui_language() {
        use crate::text::i18n::ZH;
        let study = Study::embedded().unwrap();
        let mut sel = Selection::paper(&study);
        assert_eq!(
            sel.summary(),
            "Service and Development, T1\u{2192}T2, quarterly, T2 discounted to 2016 terms"
        );
        assert_eq!(
            sel.summary_in(&Terms::paper(), &ZH),
            "Service 和 Development，T1\u{2192}T2，季度薪资，T2 折算为 2016 年水平"
        );
        sel.groups = [false, true];
        sel.times = [true, false];
        sel.discount = false;
        sel.measure = crate::study::Measure::Monthly;
        assert_eq!(sel.summary(), "Development, T1, monthly, T2 as originally paid");
    }

    #[test]
    fn mean_ci_matches_scipy() {
        // scipy.stats.t.interval(0.95, 9, loc=mean(x), scale=sem(x)) for x = 1..10:
        // (3.334149410331831, 7.665850589668169)
        let x: Vec<f64> = (1..=10).map(|i| i as f64).collect();
        let x: Vec<Money> = x.into_iter().map(Money::decimal).collect();
        let s = summarise(Group::Service, "T1", &x).unwrap();
        assert!((s.ci95.0 - 3.334149410331831).abs() < 1e-9);
        assert!((s.ci95.1 - 7.665850589668169).abs() < 1e-9);
    }
}
