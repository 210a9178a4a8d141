//! The `#robustness` view model (`core::robust::view`): the strings the section shows for
//! the paper's selections, pinned at the page's printed precision against the SciPy
//! references of `tests/robustness.rs` (SciPy 1.17.1), plus the edge cases that must read
//! "not defined for this selection" instead of panicking.
//!
//! Reference values (the paper's quarterly data, discounted): Student t = 3.98964,
//! p = 7.208e-4; Welch t(18.73) = 3.96; Mann–Whitney U₁ = 115, exact p = 5.876e-5; exact
//! permutation 12 / 24 / 82 of 646 646 (greater / SciPy two-sided / |D|); Cohen's
//! d = 1.7083 [0.7025, 2.6833]; Hedges' g = 1.6433; Shapiro–Wilk Service W = 0.6361,
//! p = 1.49e-4, Development W = 0.9218, p = .301; Levene W = 0.455, p = .508;
//! Brown–Forsythe W = 0.801, p = .381; BF₁₀ (r = 0.5, √2/2, 1) = 31.93, 39.26, 45.32;
//! leave-one-out t from 3.71 (without Harry) to 4.22 (without Carol). Monthly: t = 3.215,
//! p = .00434, permutation two-sided p = .00303, d = 1.377 [0.423, 2.303], BF₁₀ = 9.62.
//! Paired (Service, quarterly, discounted): Wilcoxon T = 0, p = .00195 (`stats.wilcoxon`);
//! 1,024 sign patterns; d_z = 1.228 [0.376, 2.045]; BF₁₀ (√2/2) = 13.85.
//! Q-Q plotting positions: `scipy.stats.norm.ppf((i - 0.375) / (n + 0.25))`. ANCOVA and
//! the log scale: `tests/robustness/ancova.rs`.

use study_core::stats::selection::{Design, SalaryPoint, Selection};
use study_core::study::{Group, Measure, Study, Time};
use study_core::text::i18n::Lang;
use study_core::view::robustness::*;

fn study() -> Study {
    Study::embedded().expect("the embedded study loads")
}

fn paper() -> (Study, Selection) {
    let s = study();
    let sel = Selection::paper(&s);
    (s, sel)
}

fn values(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.value.as_str()).collect()
}

#[test]
fn the_paper_selection_shows_the_expected_strings() {
    let (s, sel) = paper();
    let v = robustness_view(&s, &sel, Lang::En);
    assert_eq!(v.design, Some(Design::DiffInDiff));
    assert!(v.comparison.contains("the paper's design"), "{}", v.comparison);

    // Tests: Student, Welch (APA), Mann–Whitney (exact).
    assert_eq!(
        values(&v.tests),
        ["t(20) = 3.99, p < .001", "t(18.73) = 3.96, p < .001", "U = 115, p < .001"]
    );
    assert!(
        v.tests[0].label.contains("Student") && v.tests[0].note.contains("p = .000721"),
        "{:?}",
        v.tests[0]
    );
    assert!(v.tests[1].label.contains("Welch"));
    assert!(
        v.tests[2].label.contains("Mann\u{2013}Whitney")
            && v.tests[2].note.contains("p = .0000588")
            && v.tests[2].note.contains("exact"),
        "{:?}",
        v.tests[2]
    );
    assert!(v.tests.iter().all(|r| r.defined));

    // The exact permutation test.
    let perm = v.permutation.as_ref().expect("defined");
    assert!(perm.exact);
    assert_eq!(perm.count, "646,646");
    assert!(perm.method.contains("all 646,646 relabellings"), "{}", perm.method);
    assert!(perm.observed.ends_with("= 7,311.62 RMB"), "{}", perm.observed);
    let p: Vec<(&str, &str)> = perm.rows.iter().map(|r| (r.p.as_str(), r.count.as_str())).collect();
    assert_eq!(
        p,
        [
            (".0000186", "12 of 646,646 relabellings"),
            ("> .999", "646,635 of 646,646 relabellings"),
            (".0000371", "24 of 646,646 relabellings"),
            (".000127", "82 of 646,646 relabellings"),
        ]
    );
    assert!(
        perm.rows[2].label.contains("SciPy") && perm.rows[2].label.contains("twice the smaller")
    );
    assert!(perm.rows[3].label.contains("|D|"));
    assert!(perm.two_sided_note.contains("SciPy"));

    // Its histogram: every relabelling counted once, the observed value inside the range.
    let h = &perm.chart;
    assert_eq!(h.total, 646_646);
    assert_eq!(h.bins.iter().map(|b| b.2).sum::<u64>(), 646_646);
    let observed = h.observed.value();
    assert!(h.bins.first().unwrap().0 < observed && observed < h.bins.last().unwrap().1);
    assert!(h.bins.windows(2).all(|w| (w[0].1 - w[1].0).abs() < 1e-6));
    assert_eq!(h.table().len(), h.bins.len());
    assert!(
        h.summary().contains("all 646,646 relabellings") && h.summary().contains("7,311.62 RMB"),
        "{}",
        h.summary()
    );
    // The histogram's tail is one-sided and says so, beside the two-sided p (24 of 646,646,
    // SciPy's: scipy.stats.permutation_test(..., alternative='two-sided')) the summary uses.
    assert!(
        h.summary().contains("12 of 646,646 (.0000186, the one-sided p)")
            && h.summary().contains("the two-sided p the summary uses is .0000371"),
        "{}",
        h.summary()
    );
    let perm_line = v.summary.iter().find(|l| l.contains("permutation")).expect("summary line");
    assert!(
        perm_line
            .contains("the exact permutation test (two-sided, twice the smaller tail, p < .001)"),
        "{perm_line}"
    );

    // Effect sizes, every definition labelled.
    assert_eq!(
        values(&v.effects),
        [
            "d = 1.71, 95% CI [0.70, 2.68]",
            "g = 1.64, 95% CI [0.68, 2.58]",
            "7,311.62 RMB, 95% CI [3,488.78, 11,134.47]"
        ]
    );
    assert!(
        v.effects[0].label.contains("pooled SD") && v.effects[0].note.contains("non-central t")
    );
    assert!(
        v.effects[1].label.contains("Hedges")
            && v.effects[1].note.contains("J = ")
            && v.effects[1].note.contains("0.9619")
    );
    assert!(v.effects[2].note.contains("Student"));

    // Leave-one-out.
    let inf = v.influence.as_ref().expect("defined");
    assert_eq!(inf.rows.len(), 22);
    assert_eq!(inf.min_text, "3.71 (without Harry)");
    assert_eq!(inf.max_text, "4.22 (without Carol)");
    assert_eq!(inf.most_influential, "Harry");
    let harry = inf.rows.iter().find(|r| r.informant == "Harry").unwrap();
    assert!(harry.most_influential && harry.is_min && harry.change.starts_with('\u{2212}'));
    assert_eq!(inf.rows.iter().filter(|r| r.most_influential).count(), 1);
    assert!(inf.reading.contains("same side of p = .05"), "{}", inf.reading);
    // stats.t.ppf(0.975, 19) = 2.093024054408263
    assert!((inf.critical_t.unwrap() - 2.093024054408263).abs() < 1e-9);
    assert!(inf.summary().contains("Harry moves it most"));
    assert_eq!(inf.table(usize::MAX).len(), 22);
    // The limit keeps the first rows, in order, and formats no others.
    assert_eq!(
        inf.table(3).iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        inf.rows.iter().take(3).map(|r| r.informant.as_str()).collect::<Vec<_>>()
    );

    // Shapiro–Wilk and its readings.
    let n: Vec<(&str, &str, &str)> =
        v.normality.iter().map(|r| (r.label.as_str(), r.w.as_str(), r.p.as_str())).collect();
    assert_eq!(
        n,
        [
            ("Service T2 \u{2212} T1", "0.6361", ".000149"),
            ("Development T2 \u{2212} T1", "0.9218", ".301")
        ]
    );
    assert!(
        v.normality[0].reading.starts_with("A small p")
            && v.normality[0].reading.contains("with n = 10 the test has little power either way")
    );
    assert!(
        v.normality[1].reading.contains("does not show that they are normal"),
        "{}",
        v.normality[1].reading
    );

    // Levene and Brown–Forsythe.
    let var = v.variances.as_ref().expect("two groups");
    let w: Vec<(&str, &str, &str)> =
        var.iter().map(|r| (r.w.as_str(), r.df.as_str(), r.p.as_str())).collect();
    assert_eq!(w, [("W = 0.455", "1, 20", ".508"), ("W = 0.801", "1, 20", ".381")]);
    assert!(var[0].label.contains("mean-centred") && var[1].label.contains("median-centred"));

    // Bayes factors for each prior scale.
    let bf = v.bayes.as_ref().expect("defined");
    let b: Vec<&str> = bf.iter().map(|r| r.bf10.as_str()).collect();
    assert_eq!(b, ["31.93", "39.26", "45.32"]);
    assert!(
        bf.iter().all(|r| r.label == "very strong evidence for a difference (H\u{2081})"),
        "{bf:?}"
    );
    assert_eq!(v.bayes_row(DEFAULT_PRIOR).unwrap().bf10, "39.26");
    assert!(v.bayes_row(7).is_err());
    assert!(bf[1].reading.contains("39.26 times as likely"));

    // Discount sensitivity: 1.0 and the paper's factor, the current one marked.
    let sens = v.sensitivity.as_ref().expect("the paper's design");
    assert!(sens.rows.iter().any(|r| r.factor == 1.0 && r.note.contains("no discount")));
    let current: Vec<&SensitivityViewRow> = sens.rows.iter().filter(|r| r.is_current).collect();
    assert_eq!(current.len(), 1);
    assert!(
        current[0].is_paper && current[0].factor_text == "1.196" && current[0].t_text == "3.99",
        "{:?}",
        current[0]
    );
    assert_eq!(current[0].note, "the paper's factor, current");
    assert!(sens.rows.windows(2).all(|w| w[0].factor < w[1].factor));
    assert_eq!(sens.table().len(), sens.rows.len());
    assert!(
        sens.summary().contains("The current factor, 1.196, gives t = 3.99"),
        "{}",
        sens.summary()
    );

    // Q-Q plots, one per group, with Blom's positions.
    assert_eq!(v.qq.len(), 2);
    let qq: Vec<&QqChart> = v.qq.iter().map(|q| q.as_ref().unwrap()).collect();
    assert_eq!(
        (qq[0].group, qq[0].points.len(), qq[1].group, qq[1].points.len()),
        (Group::Service, 10, Group::Development, 12)
    );
    // norm.ppf((1 - 0.375)/10.25), norm.ppf((2 - 0.375)/10.25); norm.ppf((1 - 0.375)/12.25)
    assert!((qq[0].points[0].theoretical + 1.546635271399).abs() < 1e-9);
    assert!((qq[0].points[1].theoretical + 1.000490545619).abs() < 1e-9);
    assert!((qq[1].points[0].theoretical + 1.635039266802).abs() < 1e-9);
    assert!((qq[0].points[9].theoretical - 1.546635271399).abs() < 1e-9);
    assert!(qq[0]
        .points
        .windows(2)
        .all(|w| w[0].value.value() <= w[1].value.value() && w[0].theoretical < w[1].theoretical));
    assert_eq!(qq[0].points[9].informant, "Blake", "the largest change is Blake's");
    assert!(qq[0].summary().contains("farthest from the line is Blake"), "{}", qq[0].summary());
    assert_eq!(qq[1].table(usize::MAX).len(), 12);
    assert_eq!(qq[1].table(5).len(), 5);
    assert_eq!(qq[1].table(5)[0], qq[1].table(usize::MAX)[0]);

    // The plain-language summary, never overclaiming.
    let all = v.summary.join(" ");
    assert!(
        all.contains("exact permutation test") && all.contains("anecdotal evidence (footnote 2)"),
        "{all}"
    );
    assert!(BAYES_LABEL_NOTE.contains("anecdotal") && BAYES_LABEL_NOTE.contains("different thing"));
}

#[test]
fn ancova_and_the_log_scale_at_the_page_precision() {
    // tests/robustness/ancova.rs: numpy lstsq on T2 ~ 1 + group + T1 gives 7,301.11 RMB,
    // t(19) = 3.81, p = .00118, 95% CI [3,291.03, 11,311.18], slope 0.997 [0.773, 1.221],
    // SE 1,915.92, residual SD 4,391.25; SciPy ttest_ind on log(t2/t1) gives t(20) = 4.83,
    // p = .000102, Service +24.72 %, Development −5.39 %, ratio 1.318 [1.170, 1.485].
    let (s, sel) = paper();
    let v = robustness_view(&s, &sel, Lang::En);
    let a = v.ancova.as_ref().expect("the paper's design");
    assert_eq!(
        a.apa,
        "Service \u{2212} Development at T2, adjusted for T1: b = 7,301.11 RMB, 95% CI [3,291.03, 11,311.18], t(19) = 3.81, p = .001"
    );
    assert_eq!(
        a.reading,
        "Among informants who started from the same T1 salary, Service's T2 salary was on average 7,301.11 RMB higher than Development's."
    );
    assert_eq!(
        values(&a.rows),
        [
            "7,301.11 RMB, 95% CI [3,291.03, 11,311.18]",
            "0.997, 95% CI [0.773, 1.221]",
            "4,391.25 RMB"
        ]
    );
    assert!(
        a.rows[0].note.starts_with("SE = 1,915.92 RMB; t(19) = 3.81, two-sided p = .00118;"),
        "{}",
        a.rows[0].note
    );
    assert!(a.rows[1].note.starts_with("SE = 0.107;"), "{}", a.rows[1].note);
    assert!(a.rows[2].note.contains(
        "22 informants with both salaries (10 Service, 12 Development); df = n \u{2212} 3 = 19"
    ));

    let l = v.log_scale.as_ref().expect("the paper's design");
    assert_eq!(l.apa, "ln(T2/T1), Service vs Development: t(20) = 4.83, p < .001");
    assert_eq!(
        l.reading,
        "Typically, Service's salaries changed by +24.72% from T1 to T2 and Development's by \u{2212}5.39% (geometric means)."
    );
    assert_eq!(
        values(&l.rows),
        ["t(20) = 4.83, p < .001", "+24.72%", "\u{2212}5.39%", "1.318, 95% CI [1.170, 1.485]"]
    );
    assert!(l.rows[0].note.starts_with("two-sided p = .000102;"), "{}", l.rows[0].note);
    assert_eq!(
        l.rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>(),
        [
            "Student's t-test on ln(T2/T1)",
            "Geometric-mean change, Service",
            "Geometric-mean change, Development",
            "Ratio of geometric-mean changes (Service \u{f7} Development)"
        ]
    );

    // One sentence each in the summary, after the effect size.
    let at = |needle: &str| v.summary.iter().position(|x| x.contains(needle));
    let ancova = at("ANCOVA").expect("an ANCOVA sentence");
    assert_eq!(
        v.summary[ancova],
        "ANCOVA, adjusting each informant's T2 salary for their T1 salary, gives Service \u{2212} Development = 7,301.11 RMB (95% CI 3,291.03 to 11,311.18), t(19) = 3.81, p = .001: significant at \u{3b1} = .05."
    );
    assert_eq!(
        v.summary[ancova + 1],
        "On the log scale, Student's t-test on ln(T2/T1) gives t(20) = 4.83, p < .001 (significant at \u{3b1} = .05); typically, Service's salaries changed by +24.72% and Development's by \u{2212}5.39%."
    );
    assert!(at("standardized difference") < Some(ancova) && Some(ancova) < at("Bayes factor"));

    // Chinese: the same numbers in Chinese words.
    let zh = robustness_view(&s, &sel, Lang::Zh);
    let za = zh.ancova.as_ref().unwrap();
    assert_eq!(
        za.apa,
        "按 T1 调整后 T2 的 Service \u{2212} Development：b = 7,301.11 元，95% 置信区间 [3,291.03, 11,311.18]，t(19) = 3.81, p = .001"
    );
    assert_eq!(
        za.reading,
        "在 T1 薪资相同的受访者之间，Service 的 T2 薪资平均比 Development 高 7,301.11 元。"
    );
    let zl = zh.log_scale.as_ref().unwrap();
    assert_eq!(
        zl.reading,
        "从 T1 到 T2，Service 的薪资典型变化为 +24.72%，Development 为 \u{2212}5.39%（几何均值）。"
    );
    assert!(zh
        .summary
        .iter()
        .any(|x| x.starts_with("协方差分析") && x.contains("t(19) = 3.81, p = .001")));
}

#[test]
fn monthly_shows_its_own_numbers() {
    let (s, mut sel) = paper();
    sel.measure = Measure::Monthly;
    let v = robustness_view(&s, &sel, Lang::En);
    assert_eq!(v.tests[0].value, "t(20) = 3.22, p = .004");
    assert!(v.tests[0].note.contains("p = .00434"), "{}", v.tests[0].note);
    assert!(
        v.tests[2].note.contains("normal approximation with tie and continuity corrections"),
        "ties: {}",
        v.tests[2].note
    );
    let perm = v.permutation.as_ref().unwrap();
    assert_eq!(perm.rows[2].p, ".00303");
    assert_eq!(perm.count, "646,646");
    assert_eq!(v.effects[0].value, "d = 1.38, 95% CI [0.42, 2.30]");
    assert_eq!(v.bayes_row(DEFAULT_PRIOR).unwrap().bf10, "9.62");
    assert_eq!(
        v.bayes_row(DEFAULT_PRIOR).unwrap().label,
        "moderate evidence for a difference (H\u{2081})"
    );
    assert!(v.sensitivity.as_ref().unwrap().measure == "monthly");
}

#[test]
fn one_group_is_paired_with_wilcoxon_and_sign_flips() {
    let (s, mut sel) = paper();
    sel.groups = [true, false];
    let v = robustness_view(&s, &sel, Lang::En);
    assert_eq!(v.design, Some(Design::Paired(Group::Service)));
    assert_eq!(v.tests.len(), 2, "paired t and Wilcoxon, no Welch");
    assert_eq!(v.tests[0].label, "Paired t-test");
    assert!(v.tests[1].label.starts_with("Wilcoxon signed-rank"));
    assert_eq!(v.tests[1].value, "T = 0, p = .002");
    assert!(
        v.tests[1].note.contains("p = .00195") && v.tests[1].note.contains("exact"),
        "{}",
        v.tests[1].note
    );
    let perm = v.permutation.as_ref().unwrap();
    assert_eq!(perm.count, "1,024");
    assert!(perm.method.contains("sign patterns"));
    assert_eq!(perm.rows[2].p, ".00195");
    assert_eq!(v.effects[0].value, "d_z = 1.23, 95% CI [0.38, 2.04]");
    assert!(v.effects[1].label.starts_with("g_z"));
    assert!(v.effects[2].label.contains("Mean change, Service"));
    assert_eq!(v.bayes_row(DEFAULT_PRIOR).unwrap().bf10, "13.85");
    assert!(v.variances.as_ref().unwrap_err().starts_with("Not applicable to a paired design"));
    assert_eq!(v.sensitivity.as_ref().unwrap_err(), SENSITIVITY_DESIGN);
    assert!(SENSITIVITY_DESIGN.starts_with("not defined for this selection"));
    assert_eq!(v.qq.len(), 1);
    assert_eq!(v.normality.len(), 1);
    assert_eq!(v.influence.as_ref().unwrap().rows.len(), 10);
    assert_eq!(v.influence.as_ref().unwrap().test, "The paired t");
}

#[test]
fn between_groups_at_one_time() {
    let (s, mut sel) = paper();
    sel.times = [false, true];
    let v = robustness_view(&s, &sel, Lang::En);
    assert_eq!(v.design, Some(Design::Between(Time::T2)));
    assert!(v.permutation.as_ref().unwrap().method.contains("T2 salaries"));
    assert_eq!(v.normality[0].label, "Service T2");
    assert!(v.sensitivity.is_err());
    assert!(v.ancova.as_ref().unwrap_err().contains("so select both groups and both timepoints"));
    assert!(v.log_scale.as_ref().unwrap_err().contains("so select both timepoints"));
    assert_eq!(v.tests.len(), 3);
}

#[test]
fn one_group_at_one_time_is_not_defined_everywhere() {
    let (s, mut sel) = paper();
    sel.groups = [false, true];
    sel.times = [true, false];
    let v = robustness_view(&s, &sel, Lang::En);
    assert_eq!(v.design, Some(Design::Descriptive(Group::Development, Time::T1)));
    let nd = "not defined for this selection";
    assert!(v.summary.iter().all(|x| x.starts_with(nd)), "{:?}", v.summary);
    assert!(v.tests.iter().all(|r| !r.defined && r.value.starts_with(nd)));
    assert!(v.effects.iter().all(|r| !r.defined && r.value.starts_with(nd)));
    assert!(v.permutation.as_ref().unwrap_err().starts_with(nd));
    assert!(v.influence.as_ref().unwrap_err().starts_with(nd));
    assert!(v.normality.iter().all(|r| !r.defined && r.reading.starts_with(nd)));
    assert!(v.variances.as_ref().unwrap_err().starts_with(nd));
    assert!(v.qq.iter().all(|q| q.as_ref().unwrap_err().starts_with(nd)));
    assert!(v.bayes.as_ref().unwrap_err().starts_with(nd));
    assert!(v.bayes_row(DEFAULT_PRIOR).unwrap_err().starts_with(nd));
    assert!(v.sensitivity.as_ref().unwrap_err().starts_with(nd));
    assert!(v.ancova.as_ref().unwrap_err().starts_with("not defined for this selection: ANCOVA"));
    assert!(v
        .log_scale
        .as_ref()
        .unwrap_err()
        .starts_with("not defined for this selection: the log scale"));
    assert!(v.comparison.contains("nothing is compared"));
}

#[test]
fn nothing_selected_and_bad_totals_are_messages() {
    let (s, mut sel) = paper();
    sel.groups = [false, false];
    let v = robustness_view(&s, &sel, Lang::En);
    assert!(v.summary[0].starts_with("not defined for this selection"), "{:?}", v.summary);
    let (s, mut sel) = paper();
    sel.totals.revenue_2017 = 0.0;
    let v = robustness_view(&s, &sel, Lang::En);
    assert!(v.summary[0].contains("revenue"), "{:?}", v.summary);
    assert!(v.permutation.is_err() && v.sensitivity.is_err());
}

#[test]
fn the_current_factor_is_marked() {
    let (s, mut sel) = paper();
    sel.discount = false;
    let v = robustness_view(&s, &sel, Lang::En);
    let sens = v.sensitivity.unwrap();
    let cur: Vec<_> = sens.rows.iter().filter(|r| r.is_current).collect();
    assert_eq!(cur.len(), 1);
    assert_eq!((cur[0].factor, cur[0].note.as_str()), (1.0, "no discount, current"));
    assert_eq!(sens.current, 1.0);

    // Edited totals: their factor joins the grid, marked.
    let (s, mut sel) = paper();
    sel.totals.salary_2017 = 2_000_000.0;
    let f = sel.totals.factor();
    let v = robustness_view(&s, &sel, Lang::En);
    let sens = v.sensitivity.unwrap();
    let cur: Vec<_> = sens.rows.iter().filter(|r| r.is_current).collect();
    assert_eq!(cur.len(), 1);
    assert!((cur[0].factor - f).abs() < 1e-12 && !cur[0].is_paper);
    assert_eq!(cur[0].factor_text, format!("{f:.3}"));
    assert!(sens.rows.iter().any(|r| r.is_paper));
}

#[test]
fn prior_choices_are_the_three_scales() {
    assert_eq!(PRIOR_CHOICES.map(|c| c.key), ["0.5", "0.707", "1"]);
    assert_eq!(prior_index("0.707"), Some(DEFAULT_PRIOR));
    assert_eq!(prior_index("2"), None);
    assert!((PRIOR_CHOICES[DEFAULT_PRIOR].r - std::f64::consts::FRAC_1_SQRT_2).abs() < 1e-15);
}

#[test]
fn degenerate_points_never_panic() {
    let (s, sel) = paper();
    let pt = |i: usize, group: Group, diff: f64| SalaryPoint {
        informant: format!("P{i}"),
        group,
        t1: 100.0,
        t2: 100.0 + diff,
        diff,
        money: [100.0.into(), (100.0 + diff).into()],
    };
    // Zero variance: the headline test is undefined, so everything says why.
    let flat: Vec<SalaryPoint> = (0..6)
        .map(|i| pt(i, if i < 3 { Group::Service } else { Group::Development }, 5.0))
        .collect();
    let v = robustness_view_points(&s, &sel, &flat, Lang::En);
    assert!(v.summary[0].starts_with("not defined for this selection"), "{:?}", v.summary);
    // Two values per group: the t-test is defined, Shapiro–Wilk and leave-one-out are not.
    let two: Vec<SalaryPoint> = [1.0, 3.0, 2.0, 7.0]
        .iter()
        .enumerate()
        .map(|(i, d)| pt(i, if i < 2 { Group::Service } else { Group::Development }, *d))
        .collect();
    let v = robustness_view_points(&s, &sel, &two, Lang::En);
    assert!(v.tests[0].defined);
    assert!(v
        .normality
        .iter()
        .all(|r| !r.defined && r.reading.contains("needs at least 3 values")));
    assert!(v.qq.iter().all(|q| q.is_err()));
    assert!(v
        .influence
        .as_ref()
        .unwrap_err()
        .starts_with("not defined for this selection: without "));
    // Ties: the rank test says it used the approximation.
    let tied: Vec<SalaryPoint> = [1.0, 2.0, 2.0, 5.0, 2.0, 3.0, 3.0, 9.0]
        .iter()
        .enumerate()
        .map(|(i, d)| pt(i, if i < 4 { Group::Service } else { Group::Development }, *d))
        .collect();
    let v = robustness_view_points(&s, &sel, &tied, Lang::En);
    assert!(v.tests[2].note.contains("normal approximation"), "{}", v.tests[2].note);
    // Non-finite values and an empty list.
    let bad = vec![
        pt(0, Group::Service, f64::NAN),
        pt(1, Group::Service, 1.0),
        pt(2, Group::Development, 2.0),
        pt(3, Group::Development, 3.0),
    ];
    let v = robustness_view_points(&s, &sel, &bad, Lang::En);
    assert!(v.summary[0].starts_with("not defined for this selection"));
    let v = robustness_view_points(&s, &sel, &[], Lang::En);
    assert!(v.summary[0].starts_with("not defined for this selection"));
}

#[test]
fn above_five_million_relabellings_it_is_monte_carlo_with_seed_and_count() {
    // 15 against 15: C(30, 15) = 155,117,520 relabellings, more than the exact limit.
    let (s, sel) = paper();
    let pts: Vec<SalaryPoint> = (0..30)
        .map(|i| {
            let group = if i < 15 { Group::Service } else { Group::Development };
            let diff =
                (i % 15) as f64 * 10.0 + if i < 15 { 35.0 } else { 0.0 } + (i as f64 * 0.37).sin();
            SalaryPoint {
                informant: format!("P{i}"),
                group,
                t1: 1000.0,
                t2: 1000.0 + diff,
                diff,
                money: [1000.0.into(), (1000.0 + diff).into()],
            }
        })
        .collect();
    let v = robustness_view_points(&s, &sel, &pts, Lang::En);
    let perm = v.permutation.as_ref().unwrap();
    assert!(!perm.exact);
    assert_eq!(perm.count, "100,000");
    assert!(perm.method.starts_with("Monte Carlo: 100,000 random relabellings with seed 2019 (there are more than 5,000,000 in all); p = (b + 1)/(m + 1)"), "{}", perm.method);
    assert!(perm
        .rows
        .iter()
        .all(|r| r.count == "estimated from 100,000 resamples, (b + 1)/(m + 1)"));
    assert_eq!(perm.chart.total, 100_000);
    assert_eq!(perm.chart.bins.iter().map(|b| b.2).sum::<u64>(), 100_000);
    assert!(
        perm.chart.summary().contains("over 100,000 random relabellings (seed 2019)"),
        "{}",
        perm.chart.summary()
    );
    // The same seed gives the same page.
    assert_eq!(robustness_view_points(&s, &sel, &pts, Lang::En).permutation, v.permutation);
}

#[test]
fn paired_permutation_rows_count_sign_patterns() {
    let (s, mut sel) = paper();
    sel.groups = [true, false];
    let v = robustness_view(&s, &sel, Lang::En);
    let perm = v.permutation.unwrap();
    // stats.permutation_test((t2, t1), mean_diff, permutation_type='samples', alternative='greater'): 0.0009765625 = 1/1024
    assert_eq!(
        (perm.rows[0].p.as_str(), perm.rows[0].count.as_str()),
        (".000977", "1 of 1,024 sign patterns")
    );
    assert!(
        perm.chart.summary().contains("over all 1,024 sign patterns")
            && perm.chart.summary().contains("1 of 1,024 (.000977, the one-sided p)")
            && perm.chart.summary().contains("the two-sided p the summary uses is .00195"),
        "{}",
        perm.chart.summary()
    );
    let inf = v.influence.unwrap();
    assert_eq!(inf.most_influential, "Blake");
    assert!(inf.summary().contains("one dot per informant"));
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

#[test]
fn the_chinese_view_has_the_same_numbers_in_chinese_words() {
    let (s, sel) = paper();
    let en = robustness_view(&s, &sel, Lang::En);
    let zh = robustness_view(&s, &sel, Lang::Zh);
    assert_eq!(zh.lang, Lang::Zh);
    // APA strings and numbers are the same in both languages.
    assert_eq!(values(&zh.tests)[..2], values(&en.tests)[..2]);
    assert_eq!(zh.tests[2].value, en.tests[2].value);
    let (pe, pz) = (en.permutation.as_ref().unwrap(), zh.permutation.as_ref().unwrap());
    assert_eq!(pz.count, pe.count);
    assert_eq!(
        pz.rows.iter().map(|r| r.p.as_str()).collect::<Vec<_>>(),
        pe.rows.iter().map(|r| r.p.as_str()).collect::<Vec<_>>()
    );
    assert_eq!(pz.rows[0].count, "646,646 种重新分组中的 12 种");
    assert!(pz.observed.ends_with("= 7,311.62 元"), "{}", pz.observed);
    assert_eq!(zh.effects[0].value, "d = 1.71\u{ff0c}95% 置信区间 [0.70, 2.68]");
    assert_eq!(zh.bayes_row(DEFAULT_PRIOR).unwrap().bf10, "39.26");
    assert_eq!(zh.bayes_row(DEFAULT_PRIOR).unwrap().label, "支持存在差异（H\u{2081}）的很强证据");
    assert_eq!(zh.influence.as_ref().unwrap().min_text, "3.71（剔除 Harry）");
    // Every sentence the page shows differs from the English one and is Chinese.
    let texts = |v: &RobustnessView| {
        let mut out = vec![v.comparison.clone()];
        out.extend(v.summary.iter().cloned());
        out.extend(v.tests.iter().flat_map(|r| [r.label.clone(), r.note.clone()]));
        out.extend(v.effects.iter().flat_map(|r| [r.label.clone(), r.note.clone()]));
        let p = v.permutation.as_ref().unwrap();
        out.extend([p.method.clone(), p.two_sided_note.clone(), p.chart.summary()]);
        out.extend(p.rows.iter().map(|r| r.label.clone()));
        let i = v.influence.as_ref().unwrap();
        out.extend([i.test.clone(), i.reading.clone(), i.summary()]);
        out.extend(v.normality.iter().map(|r| r.reading.clone()));
        out.extend(
            v.variances.as_ref().unwrap().iter().flat_map(|r| [r.label.clone(), r.reading.clone()]),
        );
        out.extend(v.qq.iter().map(|q| q.as_ref().unwrap().summary()));
        out.extend(
            v.bayes
                .as_ref()
                .unwrap()
                .iter()
                .flat_map(|r| [r.prior.clone(), r.label.clone(), r.reading.clone()]),
        );
        let x = v.sensitivity.as_ref().unwrap();
        out.extend([x.summary(), x.measure.clone()]);
        out
    };
    let (te, tz) = (texts(&en), texts(&zh));
    assert_eq!(te.len(), tz.len());
    for (e, z) in te.iter().zip(&tz) {
        assert_ne!(e, z, "not translated: {e}");
        assert!(has_chinese(z), "no Chinese: {z}");
        // One currency word for the Chinese page: 元, as in the salary area and controls.
        assert!(!z.contains("RMB"), "RMB in the Chinese text: {z}");
    }
    let sens = zh.sensitivity.as_ref().unwrap();
    assert_eq!(sens.rows.iter().find(|r| r.is_current).unwrap().note, "论文的系数\u{3001}当前");
    assert!(zh.summary.last().unwrap().contains("脚注 2"), "{:?}", zh.summary);
    assert!(zh.summary[0].contains("t(20) = 3.99, p < .001"), "APA stays APA: {}", zh.summary[0]);
    assert_eq!(zh.bayes_row(9).unwrap_err(), "没有这个先验尺度");
    assert_eq!(
        PRIOR_CHOICES[DEFAULT_PRIOR].label(&study_core::text::i18n::EN),
        "r = \u{221a}2/2 \u{2248} 0.707 (medium, the usual default)"
    );
}

#[test]
fn chinese_messages_for_undefined_parts() {
    let (s, mut sel) = paper();
    sel.groups = [true, false];
    let v = robustness_view(&s, &sel, Lang::Zh);
    assert_eq!(
        v.sensitivity.as_ref().unwrap_err(),
        study_core::text::i18n::ZH.b_sensitivity_design
    );
    assert!(v.variances.as_ref().unwrap_err().starts_with("不适用于配对设计"));
    assert!(v.permutation.as_ref().unwrap().method.contains("1,024 种符号组合"));
    assert_eq!(v.tests[0].label, "配对 t 检验");
    sel.times = [true, false];
    let v = robustness_view(&s, &sel, Lang::Zh);
    let nd = "当前选择下无法计算";
    assert!(v.summary.iter().all(|x| x.starts_with(nd)), "{:?}", v.summary);
    assert!(v.comparison.contains("没有可比较的内容"), "{}", v.comparison);
    // Too few values: the reason is Chinese too.
    let pt = |i: usize, group: Group, diff: f64| SalaryPoint {
        informant: format!("P{i}"),
        group,
        t1: 100.0,
        t2: 100.0 + diff,
        diff,
        money: [100.0.into(), (100.0 + diff).into()],
    };
    let two: Vec<SalaryPoint> = [1.0, 3.0, 2.0, 7.0]
        .iter()
        .enumerate()
        .map(|(i, d)| pt(i, if i < 2 { Group::Service } else { Group::Development }, *d))
        .collect();
    let (s, sel) = paper();
    let v = robustness_view_points(&s, &sel, &two, Lang::Zh);
    assert!(
        v.normality
            .iter()
            .all(|r| r.reading == "当前选择下无法计算：至少需要 3 个数值，但只有 2 个"),
        "{:?}",
        v.normality
    );
    assert!(v.influence.as_ref().unwrap_err().starts_with("当前选择下无法计算：剔除 "));
}

/// The first screen cites the agreement of the alternative tests before the rest of the
/// view is computed (`FirstChecks`); it must be the agreement the whole view then holds,
/// and the view completed from those checks must be the view computed from scratch, for
/// every kind of selection: the paper's design, monthly, one time, one group, an informant
/// left out, nothing to compare, and a Monte Carlo test left running (finished alike).
#[test]
fn the_first_checks_give_the_views_agreement_and_the_view() {
    use study_core::reader::synthetic::{synthetic_from, SYNTHETIC_SEED};
    use study_core::stats::selection::{salary_points, Salaries};
    let (s, paper) = paper();
    let mut selections = vec![paper];
    let mut monthly = paper;
    monthly.measure = Measure::Monthly;
    let mut t1 = paper;
    t1.times = [true, false];
    let mut service = paper;
    service.groups = [true, false];
    let mut without = paper;
    without.excluded = without.excluded.with(0, true);
    let mut none = paper;
    none.groups = [false, false];
    selections.extend([monthly, t1, service, without, none]);
    let check = |study: &Study, sel: &Selection, expect_running: bool| {
        let points = salary_points(study, sel).expect("points");
        let first = FirstChecks::new(sel, &points, SYNC_PERMUTATION_WORK);
        let staged = || {
            robustness_view_staged(
                Salaries::Paper(study),
                sel,
                &points,
                SYNC_PERMUTATION_WORK,
                Lang::En,
            )
        };
        let view = match staged() {
            Staged::Ready(v) => *v,
            Staged::Pending(p) => p.view,
        };
        let agreement = first.as_ref().map(FirstChecks::agreement);
        assert_eq!(agreement, view.agreement, "{sel:?}");
        assert_eq!(agreement.as_ref().is_some_and(Agreement::running), expect_running, "{sel:?}");
        let Some(first) = first else { return };
        assert_eq!(first.selection(), sel);
        match (first.complete(Salaries::Paper(study), &points, Lang::En), staged()) {
            (Staged::Ready(a), Staged::Ready(b)) => assert_eq!(a, b, "{sel:?}"),
            (Staged::Pending(a), Staged::Pending(b)) => {
                assert_eq!(a.view, b.view, "{sel:?}");
                assert_eq!(a.finish(), b.finish(), "{sel:?}");
            }
            _ => panic!("{sel:?}: one view is pending and the other is not"),
        }
    };
    for sel in &selections {
        check(&s, sel, false);
    }
    assert!(FirstChecks::new(&selections[5], &[], SYNC_PERMUTATION_WORK).is_none());
    // 200 informants a group: C(400, 200) splits, so a Monte Carlo test, left running.
    let big = synthetic_from(&s, 200, SYNTHETIC_SEED).expect("a synthetic study");
    check(&big, &Selection::paper(&big), true);
}
