//! Leaving informants out (`exclude=`) and a reader's own two-group study (`#your-data`):
//! the reference values of the issue and of SciPy, the CSV format's errors with their line
//! and column, the round trip of the paper's data through the own-data format, and the
//! views of a reader's data in its own terms (its groups' names, no RMB, no salary measure),
//! ANCOVA and the log scale on a reader's file and without Blake against NumPy and SciPy.
//!
//! References: `python3 scripts/reference/what_if.py` (SciPy 1.x).

use study_core::reader::own_csv::{paper_csv, read_own_csv, OwnCsvErrorKind, MAX_BYTES, MAX_ROWS};
use study_core::reader::permalink::{parse_exclude, Reason};
use study_core::stats::designs::{analyse_points, Analysis};
use study_core::stats::robust::rank::MannWhitney;
use study_core::stats::robust::report::{robustness, RankTest, RobustnessOptions};
use study_core::stats::selection::{own_points, own_rows_left_out, Salaries, Selection};
use study_core::study::{Group, Study, Time};
use study_core::text::i18n::{Lang, EN};
use study_core::view::analysis::{
    dots_summary, salary_caption, salary_csv, salary_summaries, slopes_summary, test_csv, test_view,
};
use study_core::view::apa;
use study_core::view::robustness::{robustness_view, robustness_view_staged, Staged};
use study_core::view::selection::selection_summary;

fn study() -> Study {
    Study::embedded().expect("the embedded study loads")
}

fn close(got: f64, want: f64) {
    assert!((got - want).abs() <= 1e-6 * want.abs().max(1.0), "got {got}, want {want}");
}

/// The selection `?exclude=…` opens.
fn excluding(study: &Study, query: &str) -> Selection {
    let names: Vec<&str> = study.raw.informants.iter().map(|i| i.name.as_str()).collect();
    let (excluded, notices) = parse_exclude(query, &names);
    assert!(notices.is_empty(), "{notices:?}");
    Selection { excluded, ..Selection::paper(study) }
}

fn student(salaries: Salaries, sel: &Selection) -> study_core::stats::ttest::TTest {
    let points = salaries.points(sel).unwrap();
    match analyse_points(sel, &points).unwrap() {
        Analysis::DiffInDiff { student, .. } => student,
        other => panic!("expected the paper's design, got {other:?}"),
    }
}

#[test]
fn without_blake_the_test_is_t19_4_14() {
    let s = study();
    let sel = excluding(&s, "exclude=blake");
    let t = student(Salaries::Paper(&s), &sel);
    // stats.ttest_ind(service_without_blake, development): t = 4.138234815246358,
    // p = 0.0005587776903477241
    assert_eq!(apa::t_test(&t), "t(19) = 4.14, p < .001");
    close(t.t, 4.138234815246358);
    close(t.p, 0.0005587776903477241);
    assert_eq!(t.df, 19.0);
}

#[test]
fn without_blake_and_harry_the_test_is_t18_3_90() {
    let s = study();
    let sel = excluding(&s, "?exclude=Blake,HARRY");
    let points = Salaries::Paper(&s).points(&sel).unwrap();
    assert_eq!(points.len(), 20);
    assert!(!points.iter().any(|p| p.informant == "Blake" || p.informant == "Harry"));
    let t = student(Salaries::Paper(&s), &sel);
    // stats.ttest_ind(...): t = 3.8957763207922143, p = 0.0010593405560597455
    assert_eq!(format!("t({}) = {:.2}", t.df, t.t), "t(18) = 3.90");
    close(t.t, 3.8957763207922143);
    close(t.p, 0.0010593405560597455);
    // The robustness report follows: the exact permutation walks C(20, 9) relabellings.
    let r = robustness(&points, sel.design().unwrap(), &RobustnessOptions::default()).unwrap();
    let perm = r.checks.permutation.unwrap();
    assert!(perm.exact);
    assert_eq!(perm.count, 167_960);
    // stats.mannwhitneyu(a, b, alternative="two-sided"): U = 94.0
    assert_eq!(mann_whitney(r.checks.rank.unwrap()).u1, 94.0);
}

#[test]
fn an_unknown_name_is_ignored_with_a_notice_naming_it() {
    let s = study();
    let names: Vec<&str> = s.raw.informants.iter().map(|i| i.name.as_str()).collect();
    let (excluded, notices) = parse_exclude("exclude=blake,zed", &names);
    assert_eq!(excluded.names(&s), ["Blake"]);
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].value, "zed");
    assert_eq!(notices[0].reason, Reason::UnknownInformant);
}

#[test]
fn a_group_left_with_one_informant_gives_no_test_and_no_panic() {
    let s = study();
    let service: Vec<String> = s.informants_in(Group::Service).map(|i| i.name.clone()).collect();
    let query = format!("exclude={}", service[1..].join(","));
    let sel = excluding(&s, &query);
    let points = Salaries::Paper(&s).points(&sel).unwrap();
    assert_eq!(points.iter().filter(|p| p.group == Group::Service).count(), 1);
    let err = analyse_points(&sel, &points).unwrap_err();
    assert!(err.to_string().starts_with("not defined for this selection"), "{err}");
    assert!(robustness(&points, sel.design().unwrap(), &RobustnessOptions::default()).is_err());
}

fn mann_whitney(r: RankTest) -> MannWhitney {
    match r {
        RankTest::MannWhitney(m) => m,
        other => panic!("expected Mann-Whitney, got {other:?}"),
    }
}

fn spreadsheet() -> study_core::study::OwnData {
    let bytes = include_bytes!("fixtures/own/spreadsheet.csv");
    read_own_csv("spreadsheet.csv", bytes).expect("the spreadsheet's file reads")
}

#[test]
fn a_spreadsheets_file_reads_with_its_bom_crlf_and_quotes() {
    let own = spreadsheet();
    assert_eq!(own.names.name(Group::Service), "Pilot");
    assert_eq!(own.names.name(Group::Development), "Usual");
    assert_eq!(own.rows.len(), 15);
    assert_eq!(own.rows[0].id, "P-01");
    assert_eq!(own.rows[0].t1, Some(1234.5));
    assert_eq!(own.rows[0].t2, Some(1480.0));
    assert_eq!(own.rows[1].id, "Lee, Ann");
    assert_eq!(own.rows[5].id, "O\"Neil");
    assert_eq!(own.rows[11].id, "Park, J.");
    assert_eq!(own.rows[14].line, 16);
}

#[test]
fn own_data_matches_scipy_for_every_test() {
    let own = spreadsheet();
    let sel = Selection::paper(&study());
    let points = own_points(&own, &sel).unwrap();
    let design = sel.design().unwrap();
    let r = robustness(&points, design, &RobustnessOptions::default()).unwrap();
    // stats.ttest_ind(a, b): t = 7.625360708007418, p = 3.765405142462927e-06, df = 13
    close(r.checks.primary.t, 7.625360708007418);
    close(r.checks.primary.p, 3.765405142462927e-06);
    assert_eq!(r.checks.primary.df, 13.0);
    // stats.ttest_ind(a, b, equal_var=False): t = 7.637512343509606,
    // p = 4.051292416712579e-06, df = 12.809852087576044
    let w = r.checks.welch.unwrap().unwrap();
    close(w.t, 7.637512343509606);
    close(w.p, 4.051292416712579e-06);
    close(w.df, 12.809852087576044);
    // stats.mannwhitneyu(a, b, alternative="two-sided", method="exact"): U = 56,
    // p = 0.0003108003108003108
    let u = mann_whitney(r.checks.rank.unwrap());
    assert_eq!(u.u1, 56.0);
    close(u.p, 0.0003108003108003108);
    // stats.permutation_test((a, b), mean(x) - mean(y), n_resamples=np.inf,
    // alternative="two-sided"): statistic = 150.7782142857143, p = 0.0003108003108003108
    let perm = r.checks.permutation.unwrap();
    assert!(perm.exact);
    assert_eq!(perm.count, 6435);
    close(perm.observed, 150.7782142857143);
    close(perm.p_two_sided, 0.0003108003108003108);
}

#[test]
fn swapping_the_groups_turns_the_test_around() {
    let own = spreadsheet().swapped();
    let sel = Selection::paper(&study());
    let t = student(Salaries::Own(&own), &sel);
    close(t.t, -7.625360708007418);
}

#[test]
fn the_factor_multiplies_t2() {
    let own = spreadsheet();
    let mut sel = Selection::paper(&study());
    sel.t2_factor = 0.5;
    let points = own_points(&own, &sel).unwrap();
    assert_eq!(points[0].t2, 740.0);
    assert_eq!(points[0].diff, 740.0 - 1234.5);
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e7] {
        sel.t2_factor = bad;
        assert!(own_points(&own, &sel).is_err(), "{bad}");
    }
}

#[test]
fn rows_with_an_empty_value_are_left_out_only_where_it_is_needed() {
    let text = "id,group,t1,t2\na,X,1,2\nb,X,2,\nc,X,3,5\nd,Y,,4\ne,Y,1,1\nf,Y,2,3\n";
    let own = read_own_csv("gaps.csv", text.as_bytes()).unwrap();
    assert_eq!(own.incomplete_rows(), 2);
    let mut sel = Selection::paper(&study());
    assert_eq!(own_points(&own, &sel).unwrap().len(), 4);
    assert_eq!(own_rows_left_out(&own, &sel), 2);
    sel.times = [true, false];
    let t1_only = own_points(&own, &sel).unwrap();
    assert_eq!(t1_only.len(), 5);
    assert_eq!(own_rows_left_out(&own, &sel), 1);
    let points = own_points(&own, &sel).unwrap();
    match analyse_points(&sel, &points).unwrap() {
        Analysis::Between { time: Time::T1, student, .. } => assert_eq!(student.a.n, 3),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_papers_data_in_this_format_gives_the_papers_test() {
    let s = study();
    let csv = paper_csv(&s);
    assert!(csv.starts_with("id,group,t1,t2\r\nAaron,Service,37200.5,43532.78\r\n"), "{csv}");
    let own = read_own_csv("paper.csv", csv.as_bytes()).unwrap();
    assert_eq!(own.rows.len(), 22);
    let sel = Selection::paper(&s);
    let paper = student(Salaries::Paper(&s), &sel);
    let again = student(Salaries::Own(&own), &sel);
    assert_eq!(apa::t_test(&again), "t(20) = 3.99, p < .001");
    assert_eq!(apa::t_test(&again), apa::t_test(&paper));
    close(again.t, 3.9896407903979494);
    // T2 is the printed (discounted) value, exactly: the paper's view divides it by the
    // factor and multiplies again, which may move the last bit only.
    for (a, b) in own.rows.iter().zip(&s.quarterly.rows) {
        assert_eq!(a.t1, Some(b.t1));
        assert_eq!(a.t2, Some(b.t2_printed));
    }
}

/// The error a text gives: (line, column, kind).
fn error(text: &[u8]) -> (u64, Option<usize>, OwnCsvErrorKind) {
    let e = read_own_csv("bad.csv", text).unwrap_err();
    assert!(!e.message(Lang::Zh).is_empty());
    (e.line, e.column, e.kind)
}

#[test]
fn bad_files_are_refused_with_their_line_and_column() {
    use OwnCsvErrorKind as K;
    assert_eq!(error(b"").2, K::Empty);
    assert_eq!(error(b"\xEF\xBB\xBF\r\n\r\n").2, K::Empty);
    assert_eq!(error(b"id,group,t1\n").0, 1);
    assert_eq!(error(b"id,grp,t1,t2\n"), (1, Some(2), K::Header { found: "grp".into() }));
    assert_eq!(error(b"id,group,t1,t2\n").2, K::NoRows);
    assert_eq!(
        error(b"id,group,t1,t2\na,X,1,2\nb,X,3,4\n"),
        (2, Some(2), K::OneGroup { name: "X".into() })
    );
    assert_eq!(
        error(b"id,group,t1,t2\na,X,1,2\nb,Y,3,4\nc,Z,5,6\n"),
        (4, Some(2), K::ThirdGroup { names: ["X".into(), "Y".into()], found: "Z".into() })
    );
    assert_eq!(
        error(b"id,group,t1,t2\r\na,X,1,2\r\nb,Y,3,4\r\nc,Y,5,six\r\n"),
        (4, Some(4), K::NotANumber { found: "six".into() })
    );
    assert_eq!(error(b"id,group,t1,t2\na,X,1,2,3\n"), (2, None, K::Width { found: 5 }));
    // Blank lines and a quoted line break count as lines, whatever the line ends.
    assert_eq!(
        error(b"id,group,t1,t2\r\n\r\n\"a\r\nb\",X,1,2\r\nc,Y,x,2\r\n"),
        (5, Some(3), K::NotANumber { found: "x".into() })
    );
    assert_eq!(
        error(b"id,group,t1,t2\r\r\na,X,1,2\rc,Y,x,2\r"),
        (4, Some(3), K::NotANumber { found: "x".into() })
    );
    assert_eq!(error(b"id,group,t1,t2\na,,1,2\n"), (2, Some(2), K::NoGroup));
    assert_eq!(error(b"id,group,t1,t2\na,X,\xFF,2\n"), (2, Some(3), K::NotText));
    for bad in ["NaN", "inf", "1e400", "1,23", "12,345,67", "--1", "1.2.3", "0x10", "1e16"] {
        let text = format!("id,group,t1,t2\na,X,\"{bad}\",2\nb,Y,1,2\n");
        assert!(matches!(error(text.as_bytes()), (2, Some(3), K::NotANumber { .. })), "{bad}");
    }
}

#[test]
fn files_over_the_limits_are_refused_whole() {
    let big = vec![b' '; MAX_BYTES + 1];
    assert_eq!(error(&big).2, OwnCsvErrorKind::TooLarge { bytes: MAX_BYTES + 1 });
    let mut text = String::from("id,group,t1,t2\n");
    for i in 0..=MAX_ROWS {
        text.push_str(if i % 2 == 0 { "a,X,1,2\n" } else { "b,Y,1,2\n" });
    }
    assert_eq!(error(text.as_bytes()), (MAX_ROWS as u64 + 2, None, OwnCsvErrorKind::TooManyRows));
    // Exactly the limit reads.
    let at_limit = text.lines().take(MAX_ROWS + 1).collect::<Vec<_>>().join("\n");
    assert_eq!(read_own_csv("max.csv", at_limit.as_bytes()).unwrap().rows.len(), MAX_ROWS);
}

#[test]
fn messages_name_where_and_what() {
    let e = read_own_csv("bad.csv", b"id,group,t1,t2\r\na,X,1,2\r\nb,Y,1,=2+2\r\n").unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "line 3, column 4 (t2): \u{201c}=2+2\u{201d} is not a number (digits, an optional sign, \
         decimal point and exponent; at most 10^15)"
    );
    assert!(e.message(Lang::Zh).starts_with("第 3 行第 4 (t2) 列"), "{}", e.message(Lang::Zh));
}

#[test]
fn numbers_read_as_spreadsheets_write_them() {
    use study_core::reader::own_csv::parse_number;
    for (cell, want) in [
        ("1,234.50", 1234.5),
        ("-1,234", -1234.0),
        ("12,345,678.9", 12_345_678.9),
        ("+7", 7.0),
        ("1e3", 1000.0),
        (".5", 0.5),
        ("0", 0.0),
    ] {
        assert_eq!(parse_number(cell), Some(want), "{cell}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Any bytes either read or fail with a message naming a line the input has; never a
    /// panic. Inputs are drawn near the format (the header, separators, quotes, numbers,
    /// line ends) as well as at random.
    #[test]
    fn any_input_reads_or_names_a_line_it_has(
        cells in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::string::string_regex("[a-zA-Z0-9 .,+\\-eE\"\u{ff}]{0,6}").unwrap(),
                proptest::strategy::Just("\r\n".to_string()),
                proptest::strategy::Just("\n".to_string()),
                proptest::strategy::Just(",".to_string()),
                proptest::strategy::Just("\"".to_string()),
            ],
            0..40,
        ),
        raw in proptest::collection::vec(proptest::num::u8::ANY, 0..64),
        header in proptest::bool::ANY,
    ) {
        let mut text = if header { String::from("id,group,t1,t2\n") } else { String::new() };
        text.extend(cells);
        for input in [text.as_bytes(), raw.as_slice()] {
            match read_own_csv("p.csv", input) {
                Ok(own) => {
                    proptest::prop_assert!(own.rows.iter().all(|r| r.line >= 2));
                    let sel = Selection::paper(&study());
                    let points = own_points(&own, &sel).unwrap();
                    let _ = analyse_points(&sel, &points);
                }
                Err(e) => {
                    let lines = input.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
                    proptest::prop_assert!(e.line <= lines, "line {} of {}", e.line, lines);
                    proptest::prop_assert!(!e.message(Lang::Zh).is_empty());
                }
            }
        }
    }
}

/// Every text the salaries, test and robustness views give for a selection of a reader's
/// data, in one language: what the page shows, its text alternatives and its downloads.
fn own_texts(own: &study_core::study::OwnData, sel: &Selection, lang: Lang) -> Vec<String> {
    let t = lang.strings();
    let salaries = Salaries::Own(own);
    let terms = salaries.terms();
    let points = salaries.points(sel).unwrap();
    let analysis = analyse_points(sel, &points);
    let summaries = salary_summaries(sel, &points);
    let test = test_view(sel, &terms, &analysis, &points, lang);
    let mut out = vec![
        test.apa.clone(),
        test.apa_welch.clone().unwrap_or_default(),
        test.explanation.clone(),
        test_csv(sel, &terms, &test, t),
        salary_csv(sel, &terms, &points, t),
        salary_caption(sel, &terms, t),
        slopes_summary(sel, &terms, &summaries, t),
        dots_summary(&terms, &summaries, t),
        sel.summary_in(&terms, t),
        selection_summary(sel, &terms, lang),
    ];
    out.extend(test.details.iter().flat_map(|(k, v)| [k.clone(), v.clone()]));
    let v = match robustness_view_staged(salaries, sel, &points, u64::MAX, lang) {
        Staged::Ready(v) => *v,
        Staged::Pending(p) => p.finish(),
    };
    out.push(v.comparison.clone());
    out.extend(v.summary.iter().cloned());
    out.extend(
        v.tests
            .iter()
            .chain(&v.effects)
            .flat_map(|r| [r.label.clone(), r.value.clone(), r.note.clone()]),
    );
    match &v.permutation {
        Ok(p) => {
            out.extend([
                p.method.clone(),
                p.observed.clone(),
                p.chart.axis.clone(),
                p.chart.summary(),
            ]);
            out.extend(p.rows.iter().flat_map(|r| [r.label.clone(), r.count.clone()]));
            out.extend(p.chart.table().into_iter().flatten());
        }
        Err(e) => out.push(e.clone()),
    }
    match &v.influence {
        Ok(i) => {
            out.extend([i.test.clone(), i.reading.clone(), i.summary()]);
            out.extend(i.table(1000).into_iter().flatten());
        }
        Err(e) => out.push(e.clone()),
    }
    out.extend(v.normality.iter().flat_map(|r| [r.label.clone(), r.reading.clone()]));
    match &v.variances {
        Ok(rows) => out.extend(rows.iter().flat_map(|r| [r.label.clone(), r.reading.clone()])),
        Err(e) => out.push(e.clone()),
    }
    for q in &v.qq {
        match q {
            Ok(q) => out.extend([q.title(), q.axis(), q.summary()]),
            Err(e) => out.push(e.clone()),
        }
    }
    match &v.bayes {
        Ok(rows) => out.extend(rows.iter().flat_map(|r| [r.label.clone(), r.reading.clone()])),
        Err(e) => out.push(e.clone()),
    }
    out.push(v.sensitivity.as_ref().map(|s| s.summary()).unwrap_or_else(|e| e.clone()));
    for part in [&v.ancova, &v.log_scale] {
        match part {
            Ok(x) => {
                out.extend([x.apa.clone(), x.reading.clone()]);
                out.extend(
                    x.rows.iter().flat_map(|r| [r.label.clone(), r.value.clone(), r.note.clone()]),
                );
            }
            Err(e) => out.push(e.clone()),
        }
    }
    // The sentence under each heading, as the page picks it for a reader's file.
    out.extend([
        terms.pick(t.b_ancova_intro, t.b_ancova_intro_own).to_string(),
        terms.pick(t.b_log_intro, t.b_log_intro_own).to_string(),
        terms.pick(t.b_lede, t.b_lede_own).to_string(),
    ]);
    out
}

/// The selections of groups and times that compare something (and the one that does not).
fn own_selections(study: &Study) -> Vec<Selection> {
    let mut out = Vec::new();
    for groups in [[true, true], [true, false], [false, true]] {
        for times in [[true, true], [true, false], [false, true]] {
            for t2_factor in [1.0, 1.5] {
                out.push(Selection { groups, times, t2_factor, ..Selection::paper(study) });
            }
        }
    }
    out
}

#[test]
fn a_readers_data_is_named_in_its_own_terms_in_english() {
    let s = study();
    for own in [spreadsheet(), spreadsheet().swapped()] {
        for sel in own_selections(&s) {
            let all = own_texts(&own, &sel, Lang::En).join("\n");
            if sel.groups == [true, true] {
                assert!(all.contains("Pilot") && all.contains("Usual"), "{sel:?}:\n{all}");
            }
            for word in ["RMB", "Service", "Development", "quarterly", "monthly", "informant"] {
                assert!(!all.contains(word), "{sel:?}: {word} in\n{all}");
            }
            assert!(!all.to_lowercase().contains("salar"), "{sel:?}: salary in\n{all}");
        }
    }
}

#[test]
fn a_readers_data_is_named_in_its_own_terms_in_chinese() {
    let s = study();
    for sel in own_selections(&s) {
        let all = own_texts(&spreadsheet(), &sel, Lang::Zh).join("\n");
        if sel.groups == [true, true] {
            assert!(all.contains("Pilot") && all.contains("Usual"), "{sel:?}:\n{all}");
        }
        for word in [
            "\u{5143}",
            "\u{85aa}",
            "\u{5b63}\u{5ea6}",
            "\u{53d7}\u{8bbf}\u{8005}",
            "Service",
            "Development",
        ] {
            // 元 (the unit), 薪 (salary), 季度 (quarterly), 受访者 (informant)
            assert!(!all.contains(word), "{sel:?}: {word} in\n{all}");
        }
    }
}

#[test]
fn the_test_the_selection_and_robustness_name_the_readers_groups() {
    let s = study();
    let own = spreadsheet();
    let salaries = Salaries::Own(&own);
    let terms = salaries.terms();
    assert_eq!(terms.name(Group::Service), "Pilot");
    let mut sel = Selection::paper(&s);
    let points = salaries.points(&sel).unwrap();
    let test = test_view(&sel, &terms, &analyse_points(&sel, &points), &points, Lang::En);
    assert!(
        test.explanation
            .starts_with("Did the values change more from T1 to T2 in Pilot than in Usual? "),
        "{}",
        test.explanation
    );
    assert_eq!(test.details[0].0, "n (Pilot, Usual)");
    assert_eq!(sel.summary_in(&terms, &EN), "Pilot and Usual, T1\u{2192}T2, T2 as in the file");
    assert_eq!(selection_summary(&sel, &terms, Lang::En), sel.summary_in(&terms, &EN));
    assert_eq!(
        selection_summary(&sel, &terms, Lang::Zh),
        "Pilot \u{548c} Usual\u{ff0c}T1\u{2192}T2\u{ff0c}T2 \u{4e3a}\u{6587}\u{4ef6}\u{4e2d}\u{7684}\u{539f}\u{503c}"
    );
    assert!(
        salary_csv(&sel, &terms, &points, &EN).starts_with("id,group,T1,T2,T2-T1\r\nP-01,Pilot,")
    );
    let v = match robustness_view_staged(salaries, &sel, &points, u64::MAX, Lang::En) {
        Staged::Ready(v) => *v,
        Staged::Pending(_) => panic!("6,435 relabellings run at once"),
    };
    assert_eq!(
        v.comparison,
        "Pilot against Usual, comparing each row's T2 \u{2212} T1 change (the paper's design)."
    );
    assert_eq!(v.normality[0].label, "Pilot T2 \u{2212} T1");
    let perm = v.permutation.as_ref().unwrap();
    assert_eq!(
        perm.observed,
        "difference in mean T2 \u{2212} T1 change, Pilot \u{2212} Usual = 150.78"
    );
    assert_eq!(perm.chart.axis, "Pilot \u{2212} Usual, mean T2 \u{2212} T1 change");
    assert!(perm.method.contains("groups of 8 (Pilot) and 7 (Usual)"), "{}", perm.method);
    assert_eq!(v.effects[2].value.split(',').next(), Some("150.78"));
    let qq = v.qq[1].as_ref().unwrap();
    assert_eq!(
        (qq.title(), qq.axis()),
        ("Normal Q-Q plot: Usual".into(), "Usual T2 \u{2212} T1".into())
    );
    assert_eq!(v.influence.as_ref().unwrap().table(1)[0][1], "Pilot");
    assert!(v.summary.last().unwrap().starts_with("All of these reanalyse the same 15 rows: "));
    assert_eq!(v.sensitivity.unwrap_err(), EN.b_sensitivity_own);
    sel.t2_factor = 1.5;
    sel.groups = [false, true];
    assert_eq!(sel.summary_in(&terms, &EN), "Usual, T1\u{2192}T2, T2 \u{d7} 1.5");
    let points = salaries.points(&sel).unwrap();
    let test = test_view(&sel, &terms, &analyse_points(&sel, &points), &points, Lang::En);
    assert!(test.explanation.starts_with("Did the values in Usual change from T1 to T2? "));
}

/// The robustness view of a reader's file for a selection, run to the end.
fn own_view(
    own: &study_core::study::OwnData,
    sel: &Selection,
    lang: Lang,
) -> study_core::view::robustness::RobustnessView {
    let salaries = Salaries::Own(own);
    let points = salaries.points(sel).unwrap();
    match robustness_view_staged(salaries, sel, &points, u64::MAX, lang) {
        Staged::Ready(v) => *v,
        Staged::Pending(p) => p.finish(),
    }
}

// scripts/reference/what_if.py, on the pairs (t1, t2) of each group, the first group first:
//
// ```python
// pts = first + second; t1, t2 = ...; g = np.array([1.0] * len(first) + [0.0] * len(second))
// X = np.column_stack([np.ones(len(pts)), g, t1])
// beta = np.linalg.lstsq(X, t2, rcond=None)[0]; df = len(pts) - 3
// resid = t2 - X @ beta; s2 = resid @ resid / df
// se = np.sqrt(np.diag(s2 * np.linalg.inv(X.T @ X))); t = beta[1] / se[1]
// p = 2 * stats.t.sf(abs(t), df); ci = beta[1] -/+ stats.t.ppf(0.975, df) * se[1]
// la, lb = np.log(t2_a / t1_a), np.log(t2_b / t1_b); r = stats.ttest_ind(la, lb)
// np.expm1(la.mean()) * 100; np.exp(la.mean() - lb.mean()); np.exp(r.confidence_interval(0.95))
// ```

#[test]
fn ancova_and_the_log_scale_on_a_readers_file_match_numpy_and_scipy() {
    let own = spreadsheet();
    let sel = Selection::paper(&study());
    let points = own_points(&own, &sel).unwrap();
    let r = robustness(&points, sel.design().unwrap(), &RobustnessOptions::default()).unwrap();
    let a = r.ancova.expect("both groups and both times").unwrap();
    assert_eq!((a.n1, a.n2, a.df), (8, 7, 12));
    close(a.estimate, 147.62972934544908);
    close(a.se, 16.63465083290897);
    close(a.t, 8.874831869232114);
    close(a.p, 1.2797614401588849e-06);
    close(a.ci95.0, 111.38593869367236);
    close(a.ci95.1, 183.8735199972258);
    close(a.slope, 1.1309287169308058);
    close(a.slope_se, 0.05147058604595109);
    close(a.residual_sd, 32.052102867624676);
    let l = r.log_scale.expect("both times").unwrap();
    assert_eq!(l.test.df, 13.0);
    close(l.test.t, 8.406621682593691);
    close(l.test.p, 1.2941496157682732e-06);
    close(l.changes[0].percent, 14.758880884397207);
    close(l.changes[1].percent, 2.1771013055157944);
    let (ratio, (lo, hi)) = l.ratio();
    close(ratio, 1.123136979011189);
    close(lo, 1.0901149970026847);
    close(hi, 1.1571592695181248);

    // The page words them in the file's terms: its groups, no unit, rows and values.
    let v = own_view(&own, &sel, Lang::En);
    let a = v.ancova.as_ref().unwrap();
    assert_eq!(
        a.apa,
        "Pilot \u{2212} Usual at T2, adjusted for T1: b = 147.63, 95% CI [111.39, 183.87], t(12) = 8.87, p < .001"
    );
    assert_eq!(
        a.reading,
        "Among rows that started from the same T1 value, Pilot's T2 value was on average 147.63 higher than Usual's."
    );
    assert_eq!(a.rows[0].value, "147.63, 95% CI [111.39, 183.87]");
    assert!(a.rows[0].note.starts_with("SE = 16.63; t(12) = 8.87, two-sided p = .00000128;"));
    assert_eq!(a.rows[2].value, "32.05");
    assert!(a.rows[2].note.starts_with("15 rows with both values (8 Pilot, 7 Usual);"));
    let l = v.log_scale.as_ref().unwrap();
    assert_eq!(l.apa, "ln(T2/T1), Pilot vs Usual: t(13) = 8.41, p < .001");
    assert_eq!(
        l.reading,
        "Typically, Pilot's values changed by +14.76% from T1 to T2 and Usual's by +2.18% (geometric means)."
    );
    assert_eq!(l.rows[3].value, "1.123, 95% CI [1.090, 1.157]");
    assert!(v.summary.contains(&"ANCOVA, adjusting each row's T2 value for its T1 value, gives Pilot \u{2212} Usual = 147.63 (95% CI 111.39 to 183.87), t(12) = 8.87, p < .001: significant at \u{3b1} = .05.".to_string()), "{:?}", v.summary);
    let zh = own_view(&own, &sel, Lang::Zh);
    assert_eq!(
        zh.ancova.as_ref().unwrap().reading,
        "在 T1 数值相同的行之间，Pilot 的 T2 数值平均比 Usual 高 147.63。"
    );
    // Swapping the groups turns the difference around, not the slope.
    let swapped = spreadsheet().swapped();
    let points = own_points(&swapped, &sel).unwrap();
    let r = robustness(&points, sel.design().unwrap(), &RobustnessOptions::default()).unwrap();
    let b = r.ancova.unwrap().unwrap();
    close(b.estimate, -147.62972934544908);
    close(b.slope, 1.1309287169308058);
}

#[test]
fn a_non_positive_value_in_a_readers_file_is_a_value_not_a_salary() {
    let text =
        "id,group,t1,t2\nP1,X,10,12\nP2,X,11,13\nP3,X,0,14\nQ1,Y,10,10\nQ2,Y,12,11\nQ3,Y,9,10\n";
    let own = read_own_csv("zero.csv", text.as_bytes()).unwrap();
    let sel = Selection::paper(&study());
    let v = own_view(&own, &sel, Lang::En);
    let reason = "not defined for this selection: P3's T1 value is 0.00, and only a positive value has a logarithm";
    assert_eq!(v.log_scale, Err(reason.to_string()));
    assert!(
        v.summary.contains(&format!("Not computed: the log-scale t-test: {reason}.")),
        "{:?}",
        v.summary
    );
    // ANCOVA needs no logarithm.
    assert!(v.ancova.is_ok());
    let zh = own_view(&own, &sel, Lang::Zh);
    assert_eq!(
        zh.log_scale,
        Err("当前选择下无法计算：P3 的 T1 数值为 0.00，只有正数才能取对数".to_string())
    );
    // One group: the paired log scale says the same.
    let one = Selection { groups: [true, false], ..sel };
    assert_eq!(own_view(&own, &one, Lang::En).log_scale, Err(reason.to_string()));
}

#[test]
fn without_blake_ancova_and_the_log_scale_match_numpy_and_scipy() {
    // scripts/reference/what_if.py, the paper's quarterly data without Blake, T2 as printed.
    let s = study();
    let sel = excluding(&s, "exclude=blake");
    let points = Salaries::Paper(&s).points(&sel).unwrap();
    let r = robustness(&points, sel.design().unwrap(), &RobustnessOptions::default()).unwrap();
    let a = r.ancova.expect("both groups and both times").unwrap();
    assert_eq!((a.n1, a.n2, a.df), (9, 12, 18));
    close(a.estimate, 5084.607413854717);
    close(a.se, 1402.3843931168287);
    close(a.t, 3.6256873927084077);
    close(a.p, 0.0019334779117550413);
    close(a.ci95.0, 2138.307133465519);
    close(a.ci95.1, 8030.907694243915);
    close(a.slope, 0.8339044074365713);
    close(a.slope_se, 0.08142470453276118);
    close(a.residual_sd, 3026.2907707080344);
    let l = r.log_scale.expect("both times").unwrap();
    assert_eq!(l.test.df, 19.0);
    close(l.test.t, 4.45936703308842);
    close(l.test.p, 0.0002688784360304477);
    close(l.changes[0].percent, 22.45484998381344);
    close(l.changes[1].percent, -5.387247988294659);
    let (ratio, (lo, hi)) = l.ratio();
    close(ratio, 1.2942742640935285);
    close(lo, 1.146690616043891);
    close(hi, 1.4608525152792622);
    // The page: the paper's terms, with Blake left out.
    let v = robustness_view(&s, &sel, Lang::En);
    assert_eq!(
        v.ancova.as_ref().unwrap().apa,
        "Service \u{2212} Development at T2, adjusted for T1: b = 5,084.61 RMB, 95% CI [2,138.31, 8,030.91], t(18) = 3.63, p = .002"
    );
    assert!(v.ancova.as_ref().unwrap().rows[2]
        .note
        .starts_with("21 informants with both salaries (9 Service, 12 Development);"));
    assert_eq!(
        v.log_scale.as_ref().unwrap().apa,
        "ln(T2/T1), Service vs Development: t(19) = 4.46, p < .001"
    );
}
