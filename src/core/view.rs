//! View models: the numbers each section and chart shows, computed from a selection.
//!
//! Views and charts receive these finished numbers; they never compute statistics. Each
//! chart model also yields its text summary and the rows of its data table, so the chart,
//! its text alternative and its table can never disagree.

use crate::core::apa;
use crate::core::dataset::{Group, Study, Time};
use crate::core::designs::{Analysis, AnalysisError};
use crate::core::format::{fixed, percent, rmb};
use crate::core::selection::{values, SalaryPoint, Selection};
use crate::core::stats::{self, StatsError, TTest};
use statrs::distribution::{Continuous, ContinuousCDF, StudentsT};

/// A group's descriptives for one series, with the 95 % CI of its mean.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSummary {
    pub group: Group,
    /// `T1`, `T2` or `T2−T1`.
    pub series: &'static str,
    pub n: usize,
    pub mean: f64,
    pub sd: f64,
    /// 95 % CI of the mean (t with n − 1 df).
    pub ci95: (f64, f64),
}

/// Mean, SD and the 95 % CI of the mean.
pub fn summarise(group: Group, series: &'static str, xs: &[f64]) -> Result<SeriesSummary, StatsError> {
    let d = stats::describe(xs)?;
    let dist = StudentsT::new(0.0, 1.0, (d.n - 1) as f64).map_err(|_| StatsError::Distribution)?;
    let half = dist.inverse_cdf(0.975) * d.sd / (d.n as f64).sqrt();
    Ok(SeriesSummary { group, series, n: d.n, mean: d.mean, sd: d.sd, ci95: (d.mean - half, d.mean + half) })
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
pub fn salary_summaries(sel: &Selection, points: &[SalaryPoint]) -> Vec<Result<SeriesSummary, StatsError>> {
    let mut out = Vec::new();
    for g in sel.selected_groups() {
        for (label, time) in shown_series(sel) {
            out.push(summarise(g, label, &values(points, g, time)));
        }
    }
    out
}

/// CSV of the current salary table (one row per informant).
pub fn salary_csv(sel: &Selection, points: &[SalaryPoint]) -> String {
    let series = shown_series(sel);
    let mut head = vec!["informant".to_string(), "group".to_string()];
    head.extend(series.iter().map(|(l, _)| l.replace('\u{2212}', "-")));
    let mut out = csv_line(&head);
    for p in points {
        let mut row = vec![p.informant.clone(), p.group.label().to_string()];
        for (_, t) in &series {
            row.push(format!("{:.2}", match t {
                Some(Time::T1) => p.t1,
                Some(Time::T2) => p.t2,
                None => p.diff,
            }));
        }
        out.push_str(&csv_line(&row));
    }
    out
}

/// One RFC 4180 line: fields with commas, quotes or line breaks are quoted.
pub fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            // Spreadsheet formula guard: a text cell starting with = + - @ gets a leading
            // apostrophe; numbers (also with thousands separators) are left alone.
            let numeric = f.replace(',', "").parse::<f64>().is_ok();
            let safe = if f.starts_with(['=', '+', '-', '@']) && !numeric { format!("'{f}") } else { f.clone() };
            if safe.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", safe.replace('"', "\"\""))
            } else {
                safe
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(","))
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

/// Builds the test panel for an analysis.
pub fn test_view(sel: &Selection, analysis: &Result<Analysis, AnalysisError>) -> TestView {
    let measure = sel.measure.label();
    match analysis {
        Err(e) => TestView { apa: format!("No test: {e}."), apa_welch: None, explanation: String::new(), details: Vec::new() },
        Ok(a) => {
            let mut details = Vec::new();
            let names = |a: &Analysis| -> (String, String) {
                match a {
                    Analysis::Paired { .. } => ("T1".into(), "T2".into()),
                    _ => ("Service".into(), "Development".into()),
                }
            };
            let (na, nb) = names(a);
            if let Some(t) = a.primary() {
                push_test(&mut details, t, &na, &nb);
            }
            if let Some(w) = a.welch() {
                details.push(("Welch t".into(), fixed(w.t, 4)));
                details.push(("Welch df".into(), fixed(w.df, 4)));
                details.push(("Welch p (two-sided)".into(), format!("{:.6}", w.p)));
                details.push(("Welch 95% CI of the difference".into(), format!("[{}, {}]", rmb(w.ci95.0), rmb(w.ci95.1))));
            }
            if let Analysis::Descriptive { descriptives: d, .. } = a {
                details.push(("n".into(), d.n.to_string()));
                details.push(("mean".into(), rmb(d.mean)));
                details.push(("SD".into(), rmb(d.sd)));
            }
            let (apa, apa_welch) = match (a.primary(), a.welch()) {
                (Some(p), Some(w)) => (format!("Student: {}", apa::t_test(p)), Some(format!("Welch: {}", apa::t_test(w)))),
                (Some(p), None) => (format!("Paired: {}", apa::t_test(p)), None),
                _ => ("No test applies".to_string(), None),
            };
            TestView { apa, apa_welch, explanation: a.explanation(measure), details }
        }
    }
}

fn push_test(details: &mut Vec<(String, String)>, t: &TTest, na: &str, nb: &str) {
    details.push((format!("n ({na}, {nb})"), format!("{}, {}", t.a.n, t.b.n)));
    if let Some(d) = t.diffs {
        details.push((format!("mean {na}"), rmb(t.a.mean)));
        details.push((format!("mean {nb}"), rmb(t.b.mean)));
        details.push(("mean of differences (T2 \u{2212} T1)".into(), rmb(d.mean)));
        details.push(("SD of differences".into(), rmb(d.sd)));
    } else {
        details.push((format!("mean {na}"), rmb(t.a.mean)));
        details.push((format!("mean {nb}"), rmb(t.b.mean)));
        details.push((format!("SD {na}"), rmb(t.a.sd)));
        details.push((format!("SD {nb}"), rmb(t.b.sd)));
        details.push((format!("mean difference ({na} \u{2212} {nb})"), rmb(t.mean_diff)));
    }
    details.push(("standard error".into(), rmb(t.se)));
    details.push(("df".into(), fixed(t.df, 2)));
    details.push(("t".into(), fixed(t.t, 4)));
    details.push(("p (two-sided)".into(), format!("{:.6}", t.p)));
    details.push(("95% CI of the difference".into(), format!("[{}, {}]", rmb(t.ci95.0), rmb(t.ci95.1))));
}

/// CSV of the test results, one row per statistic.
pub fn test_csv(sel: &Selection, view: &TestView) -> String {
    let mut out = csv_line(&["statistic".into(), "value".into()]);
    out.push_str(&csv_line(&["selection".into(), sel.summary()]));
    out.push_str(&csv_line(&["result (APA)".into(), view.apa.clone()]));
    if let Some(w) = &view.apa_welch {
        out.push_str(&csv_line(&["result (APA, Welch)".into(), w.clone()]));
    }
    for (k, v) in &view.details {
        out.push_str(&csv_line(&[k.replace('\u{2212}', "-"), v.replace('\u{2212}', "-")]));
    }
    out
}

/// The t distribution plot: the density, the observed t and the two-sided p area.
#[derive(Debug, Clone, PartialEq)]
pub struct TDistChart {
    pub df: f64,
    pub t: f64,
    pub p: f64,
    /// (x, density) over [−max(4, |t|+1), +…].
    pub curve: Vec<(f64, f64)>,
}

impl TDistChart {
    /// From a test result; `None` if the distribution cannot be built.
    pub fn new(test: &TTest) -> Option<TDistChart> {
        let dist = StudentsT::new(0.0, 1.0, test.df).ok()?;
        let lim = (test.t.abs() + 1.0).max(4.0).min(60.0);
        let curve = (0..=240).map(|i| {
            let x = -lim + 2.0 * lim * i as f64 / 240.0;
            (x, dist.pdf(x))
        });
        Some(TDistChart { df: test.df, t: test.t, p: test.p, curve: curve.collect() })
    }

    /// The text alternative.
    pub fn summary(&self) -> String {
        format!(
            "Student's t distribution with {} degrees of freedom. The observed t = {} is marked; the shaded tails beyond \u{b1}{} hold the two-sided p = {}.",
            fixed(self.df, 2),
            fixed(self.t, 2),
            fixed(self.t.abs(), 2),
            format!("{:.4}", self.p)
        )
    }

    /// The data table rows.
    pub fn table(&self) -> Vec<[String; 2]> {
        vec![
            ["degrees of freedom".into(), fixed(self.df, 2)],
            ["observed t".into(), fixed(self.t, 4)],
            ["two-sided p (shaded area)".into(), format!("{:.6}", self.p)],
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
}

/// Slope chart model: T1→T2 per informant.
pub fn slopes(points: &[SalaryPoint]) -> Vec<Slope> {
    points.iter().map(|p| Slope { informant: p.informant.clone(), group: p.group, t1: p.t1, t2: p.t2 }).collect()
}

/// Text alternative of the slope chart.
pub fn slopes_summary(sel: &Selection, summaries: &[Result<SeriesSummary, StatsError>]) -> String {
    let mut parts = Vec::new();
    for g in sel.selected_groups() {
        let m = |s: &str| summaries.iter().flatten().find(|x| x.group == g && x.series == s).map(|x| rmb(x.mean));
        if let (Some(a), Some(b)) = (m("T1"), m("T2")) {
            parts.push(format!("{} mean {} at T1 and {} at T2", g.label(), a, b));
        }
    }
    format!("Slope chart of each informant's {} salary from T1 to T2 ({}). {}.", sel.measure.label(), if sel.discount { "T2 discounted" } else { "T2 as paid" }, parts.join("; "))
}

/// Dot plot of differences: each informant's T2−T1 with group mean and 95 % CI.
pub fn dots_summary(summaries: &[Result<SeriesSummary, StatsError>]) -> String {
    let parts: Vec<String> = summaries
        .iter()
        .flatten()
        .filter(|s| s.series == "T2\u{2212}T1")
        .map(|s| format!("{}: mean {} RMB, 95% CI [{}, {}]", s.group.label(), rmb(s.mean), rmb(s.ci95.0), rmb(s.ci95.1)))
        .collect();
    format!("Dot plot of each informant's T2 \u{2212} T1 salary change with group means and 95% confidence intervals. {}.", parts.join("; "))
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
                    source: cell.map(|x| x.source.clone()).unwrap_or_else(|| "missing from the study file".into()),
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
            CoverageChange { theme: th.id.clone(), theme_name: th.name.clone(), change: [s, d], did: s.zip(d).map(|(a, b)| a - b) }
        })
        .collect()
}

/// Text alternative of the coverage chart.
pub fn coverage_summary(bars: &[CoverageBar]) -> String {
    let reported = bars.iter().filter(|b| b.value.is_some()).count();
    let parts: Vec<String> = bars
        .iter()
        .filter_map(|b| b.value.map(|v| format!("{} {} {} {}", b.theme_name, b.group.label(), b.time.label(), percent(v))))
        .collect();
    format!(
        "Grouped bar chart of coverage percentages by theme. {} of {} cells are reported in the text; the others appear only in Figure 3 and are drawn as outlined \u{201c}not reported\u{201d} bars. Reported: {}.",
        reported,
        bars.len(),
        parts.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_neutralises_formulas() {
        assert_eq!(csv_line(&["a,b".into(), "say \"hi\"".into(), "=SUM(A1)".into(), "-12.5".into()]), "\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),-12.5\r\n");
        assert_eq!(csv_line(&["-1,854.93".into(), "-cmd".into()]), "\"-1,854.93\",'-cmd\r\n");
    }

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
    fn mean_ci_matches_scipy() {
        // scipy.stats.t.interval(0.95, 9, loc=mean(x), scale=sem(x)) for x = 1..10:
        // (3.334149410331831, 7.665850589668169)
        let x: Vec<f64> = (1..=10).map(|i| i as f64).collect();
        let s = summarise(Group::Service, "T1", &x).unwrap();
        assert!((s.ci95.0 - 3.334149410331831).abs() < 1e-9);
        assert!((s.ci95.1 - 7.665850589668169).abs() < 1e-9);
    }
}
