//! A plain-language summary of the robustness analyses: a few short sentences for the page.
//!
//! The sentences say, in order: what the design's own t-test gives at α; which of the
//! alternative tests (Welch, the rank test, the permutation test) reach the same
//! conclusion at α and which do not; the standardized effect with its interval; ANCOVA's
//! adjusted difference and the log-scale test with each group's geometric-mean change
//! (for the designs that have them); the Bayes factor with its verbal label and its range
//! over prior scales; whether the assumption checks flag anything; which single informant
//! moves t most and whether removing any one informant changes the conclusion; how the
//! conclusion behaves over the discount factors (when given); and a closing caveat.
//!
//! **Never overclaim.** "Agree" means "reaches the same side of α", nothing more. The
//! closing sentence always says that these are reanalyses of the same informants from one
//! company, and recalls that the authors themselves describe their design as able to
//! present only anecdotal evidence (footnote 2). An analysis that could not be computed
//! is named with its reason rather than dropped silently.
//!
//! The sentences are written in the UI language passed in (the `b_sum_…` entries of the
//! string tables); APA strings and numbers read the same in both languages. They name the
//! data in its [`Terms`]: the groups as the data writes them, and informants of one
//! company for the paper's salaries or rows for a reader's values, whose closing sentence
//! says only that they are reanalyses of the same rows (the paper's footnote 2 is about
//! the paper).

use crate::stats::robust::bayes::{describe, BayesFactor, R_MEDIUM};
use crate::stats::robust::effect::EffectKind;
use crate::stats::robust::rank::RankMethod;
use crate::stats::robust::report::Robustness;
use crate::stats::robust::sensitivity::SensitivityRow;
use crate::stats::selection::Design;
use crate::stats::ttest::TTestKind;
use crate::study::{Group, Terms};
use crate::text::format::{fixed, rmb, signed_percent};
use crate::text::i18n::{fill, Lang, Strings};
use crate::text::pieces::{list_separator, name_separator};
use crate::view::apa;

/// The significance level the summary uses unless told otherwise.
pub const ALPHA: f64 = 0.05;

/// α without a leading zero (".05").
fn alpha_text(alpha: f64) -> String {
    apa::no_leading_zero(alpha, 2)
}

/// A Bayes factor with sensible precision.
fn bf_text(bf: f64) -> String {
    if bf >= 100.0 {
        fixed(bf, 0)
    } else if bf >= 10.0 {
        fixed(bf, 1)
    } else if bf >= 0.01 {
        fixed(bf, 2)
    } else {
        format!("{bf:.1e}")
    }
}

/// "A, B and C" ("A、B和C" in Chinese).
pub fn join(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            fill(lang.strings().b_and, &[("a", &init.join(name_separator(lang))), ("b", last)])
        }
    }
}

/// A rank test's name and method label in the UI language.
pub fn rank_name(test: &crate::stats::robust::report::RankTest, t: &Strings) -> &'static str {
    match test {
        crate::stats::robust::report::RankTest::MannWhitney(_) => t.b_mann_whitney,
        crate::stats::robust::report::RankTest::Wilcoxon(_) => t.b_wilcoxon,
    }
}

fn method_label(m: RankMethod, t: &Strings) -> &'static str {
    match m {
        RankMethod::Exact => t.b_rank_exact,
        RankMethod::ExactConditional => t.b_rank_exact_ties,
        RankMethod::Asymptotic => t.b_rank_approx,
    }
}

/// The sentences, in reading order, about the data `terms` names, in the UI language.
pub fn summarize(
    r: &Robustness,
    sensitivity: Option<&[SensitivityRow]>,
    alpha: f64,
    terms: &Terms,
    lang: Lang,
) -> Vec<String> {
    let t = lang.strings();
    let mut out = Vec::new();
    let a = alpha_text(alpha);
    let sig = r.checks.primary.p < alpha;
    let side = |p: f64| if p < alpha { t.b_significant } else { t.b_not_significant };

    // 1. The design's own test.
    let name = match (r.checks.design, r.checks.primary.kind) {
        (Design::DiffInDiff, _) => t.b_sum_paper_test,
        (_, TTestKind::Paired) => t.b_sum_paired,
        _ => t.b_sum_student,
    };
    out.push(fill(
        t.b_sum_gives,
        &[
            ("name", name),
            ("apa", &apa::t_test(&r.checks.primary)),
            ("side", side(r.checks.primary.p)),
            ("alpha", &a),
        ],
    ));

    // 2. Agreement of the alternative tests.
    let mut agree = Vec::new();
    let mut disagree = Vec::new();
    let mut undefined = Vec::new();
    let mut consider = |label: String, note: Option<&str>, p: Result<f64, String>| {
        let detail = |x: String| match note {
            Some(n) => fill(t.b_detail_note, &[("label", &label), ("note", n), ("p", &x)]),
            None => fill(t.b_detail, &[("label", &label), ("p", &x)]),
        };
        match p {
            Ok(p) if (p < alpha) == sig => agree.push(detail(apa::p_value(p))),
            Ok(p) => disagree.push(detail(apa::p_value(p))),
            Err(e) => undefined.push(fill(t.b_label_error, &[("label", &label), ("error", &e)])),
        }
    };
    if let Some(w) = &r.checks.welch {
        consider(
            t.b_sum_welch.to_string(),
            None,
            w.as_ref().map(|x| x.p).map_err(|e| e.message(lang)),
        );
    }
    match &r.checks.rank {
        Ok(x) => {
            let name = match x {
                crate::stats::robust::report::RankTest::MannWhitney(_) => t.b_sum_mann_whitney,
                crate::stats::robust::report::RankTest::Wilcoxon(_) => t.b_sum_wilcoxon,
            };
            consider(name.to_string(), Some(method_label(x.method(), t)), Ok(x.p()))
        }
        Err(e) => consider(t.b_sum_rank_test.to_string(), None, Err(e.message(lang))),
    }
    match &r.checks.permutation {
        Ok(p) => consider(
            (if p.exact { t.b_sum_perm_exact } else { t.b_sum_perm_mc }).to_string(),
            Some(t.b_sum_perm_two_sided),
            Ok(p.p_two_sided),
        ),
        Err(e) => consider(t.b_sum_perm.to_string(), None, Err(e.message(lang))),
    }
    if !agree.is_empty() {
        out.push(fill(
            if agree.len() == 1 { t.b_sum_agree_one } else { t.b_sum_agree_many },
            &[("alpha", &a), ("list", &join(&agree, lang))],
        ));
    }
    if !disagree.is_empty() {
        out.push(fill(
            if disagree.len() == 1 { t.b_sum_disagree_one } else { t.b_sum_disagree_many },
            &[("list", &capitalize(&join(&disagree, lang)))],
        ));
    }
    if !undefined.is_empty() {
        let list = undefined.join(list_separator(lang));
        out.push(fill(t.b_sum_not_computed, &[("list", &list)]));
    }

    // 3. Effect size.
    if let Ok(e) = &r.effect {
        let symbol = e.kind.symbol();
        let sizes = if e.n1 == e.n2 && matches!(r.checks.design, Design::Paired(_)) {
            let one = terms.pick(t.b_sum_informants_one, t.b_sum_informants_one_own);
            fill(one, &[("n", &e.n1.to_string())])
        } else {
            let two = terms.pick(t.b_sum_informants_two, t.b_sum_informants_two_own);
            fill(two, &[("n1", &e.n1.to_string()), ("n2", &e.n2.to_string())])
        };
        let g_name = match e.kind {
            EffectKind::CohensD => t.b_sum_hedges,
            EffectKind::PairedDz => t.b_sum_gz,
        };
        let mut s = fill(
            t.b_sum_effect,
            &[
                ("sym", symbol),
                ("d", &fixed(e.d, 2)),
                ("lo", &fixed(e.ci_d.0, 2)),
                ("hi", &fixed(e.ci_d.1, 2)),
                ("gname", g_name),
                ("g", &fixed(e.g, 2)),
                ("sizes", &sizes),
            ],
        );
        if e.ci_d.0 <= 0.0 && e.ci_d.1 >= 0.0 {
            then(&mut s, t.b_sum_includes_zero, lang);
        }
        out.push(s);
    }

    // 4. The pre/post analyses: ANCOVA and the log scale (where the design has them).
    let not_computed = |name: &str, e: &crate::stats::robust::error::RobustError| {
        let item =
            fill(t.b_label_error, &[("label", name), ("error", &e.message_for(terms, lang))]);
        fill(t.b_sum_not_computed, &[("list", &item)])
    };
    let (first, second) = (terms.name(Group::Service), terms.name(Group::Development));
    // ANCOVA's adjusted difference is a regression coefficient, known only as a double.
    match &r.ancova {
        Some(Ok(x)) => out.push(fill(
            terms.pick(t.b_sum_ancova, t.b_sum_ancova_own),
            &[
                ("a", first),
                ("b", second),
                ("m", &terms.amount(&rmb(x.estimate), t)),
                ("lo", &rmb(x.ci95.0)),
                ("hi", &rmb(x.ci95.1)),
                ("apa", &apa::t_result(&x.df.to_string(), x.t, x.p)),
                ("side", side(x.p)),
                ("alpha", &a),
            ],
        )),
        Some(Err(e)) => out.push(not_computed(t.b_sum_ancova_name, e)),
        None => {}
    }
    match &r.log_scale {
        Some(Ok(x)) => {
            let apa_t = apa::t_test(&x.test);
            match x.changes.as_slice() {
                [c1, c2] => out.push(fill(
                    terms.pick(t.b_sum_log_between, t.b_sum_log_between_own),
                    &[
                        ("apa", &apa_t),
                        ("side", side(x.test.p)),
                        ("alpha", &a),
                        ("a", terms.name(c1.group)),
                        ("pa", &signed_percent(c1.percent)),
                        ("b", terms.name(c2.group)),
                        ("pb", &signed_percent(c2.percent)),
                    ],
                )),
                changes => out.extend(changes.first().map(|c| {
                    fill(
                        terms.pick(t.b_sum_log_paired, t.b_sum_log_paired_own),
                        &[
                            ("apa", &apa_t),
                            ("side", side(x.test.p)),
                            ("alpha", &a),
                            ("group", terms.name(c.group)),
                            ("p", &signed_percent(c.percent)),
                        ],
                    )
                })),
            }
        }
        Some(Err(e)) => out.push(not_computed(t.b_sum_log_name, e)),
        None => {}
    }

    // 5. Bayes factor.
    let bfs: Vec<&BayesFactor> = r.bayes.iter().filter_map(|b| b.as_ref().ok()).collect();
    if let Some(main) = bfs.iter().find(|b| (b.r - R_MEDIUM).abs() < 1e-12).or(bfs.first()) {
        let mut s = fill(
            t.b_sum_bayes,
            &[
                ("r", &fixed(main.r, 3)),
                ("bf", &bf_text(main.bf10)),
                ("label", &describe(main.bf10, t)),
            ],
        );
        if bfs.len() > 1 {
            let lo = bfs.iter().map(|b| b.bf10).fold(f64::INFINITY, f64::min);
            let hi = bfs.iter().map(|b| b.bf10).fold(f64::NEG_INFINITY, f64::max);
            then(
                &mut s,
                &fill(t.b_sum_bayes_range, &[("lo", &bf_text(lo)), ("hi", &bf_text(hi))]),
                lang,
            );
        }
        out.push(s);
    }

    // 6. Assumption checks.
    let non_normal: Vec<String> = r
        .normality
        .iter()
        .filter_map(|n| {
            n.result.as_ref().ok().filter(|s| s.p < alpha).map(|s| {
                fill(
                    t.b_sum_sw_item,
                    &[
                        ("label", &terms.series(n.group, n.time)),
                        ("w", &apa::no_leading_zero(s.w, 2)),
                        ("p", &apa::p_value(s.p)),
                    ],
                )
            })
        })
        .collect();
    let unequal = r.levene_mean.as_ref().and_then(|l| l.as_ref().ok()).filter(|l| l.p < alpha);
    if !non_normal.is_empty() {
        out.push(fill(t.b_sum_sw, &[("list", &join(&non_normal, lang))]));
    }
    if let Some(l) = unequal {
        out.push(fill(t.b_sum_levene, &[("p", &apa::p_value(l.p))]));
    }
    if non_normal.is_empty() && unequal.is_none() {
        out.push(
            (if r.levene_mean.is_some() { t.b_sum_checks_both } else { t.b_sum_checks_sw })
                .to_string(),
        );
    }

    // 7. Influence.
    if let Ok(inf) = &r.influence {
        let (lo, hi, top) =
            (&inf.rows[inf.min_t], &inf.rows[inf.max_t], inf.most_influential_row());
        out.push(fill(
            terms.pick(t.b_sum_influence, t.b_sum_influence_own),
            &[
                ("lo", &fixed(lo.t, 2)),
                ("lo_name", &lo.informant),
                ("hi", &fixed(hi.t, 2)),
                ("hi_name", &hi.informant),
                ("top", &top.informant),
                ("dt", &fixed(top.delta_t, 2)),
            ],
        ));
        let would_be = |p: f64| {
            let text = apa::p_value(p);
            text.strip_prefix("p = ")
                .or_else(|| text.strip_prefix("p "))
                .unwrap_or(&text)
                .to_string()
        };
        let crossing: Vec<String> = inf
            .crossing(alpha)
            .map(|x| fill(t.b_sum_would_be, &[("name", &x.informant), ("p", &would_be(x.p))]))
            .collect();
        match crossing.as_slice() {
            [] => out.push(fill(
                terms.pick(t.b_sum_no_crossing, t.b_sum_no_crossing_own),
                &[("alpha", &a)],
            )),
            [one] => out.push(fill(
                terms.pick(t.b_sum_one_crossing, t.b_sum_one_crossing_own),
                &[("name", one), ("alpha", &a)],
            )),
            [init @ .., last] => out.push(fill(
                terms.pick(t.b_sum_many_crossing, t.b_sum_many_crossing_own),
                &[("list", &init.join(name_separator(lang))), ("last", last), ("alpha", &a)],
            )),
        }
    }

    // 8. Discount sensitivity.
    if let Some(rows) = sensitivity.filter(|s| !s.is_empty()) {
        let lo = rows.iter().map(|x| x.factor).fold(f64::INFINITY, f64::min);
        let hi = rows.iter().map(|x| x.factor).fold(f64::NEG_INFINITY, f64::max);
        let changed: Vec<String> = rows
            .iter()
            .filter(|x| (x.p < alpha) != sig)
            .map(|x| fill(t.b_detail, &[("label", &fixed(x.factor, 2)), ("p", &apa::p_value(x.p))]))
            .collect();
        let max_p = rows.iter().map(|x| x.p).fold(0.0, f64::max);
        if changed.is_empty() {
            out.push(fill(
                t.b_sum_sens_same,
                &[("lo", &fixed(lo, 2)), ("hi", &fixed(hi, 2)), ("p", &apa::p_value(max_p))],
            ));
        } else {
            out.push(fill(
                t.b_sum_sens_changes,
                &[
                    ("list", &join(&changed, lang)),
                    ("side", if sig { t.b_no_longer_significant } else { t.b_significant }),
                ],
            ));
        }
        if let Some(none) = rows.iter().find(|x| x.factor == 1.0) {
            out.push(fill(
                t.b_sum_no_discount,
                &[("t", &fixed(none.t, 2)), ("p", &apa::p_value(none.p))],
            ));
        }
    }

    // 9. The caveat.
    let n = r.checks.primary.a.n
        + if matches!(r.checks.design, Design::Paired(_)) { 0 } else { r.checks.primary.b.n };
    out.push(fill(terms.pick(t.b_sum_caveat, t.b_sum_caveat_own), &[("n", &n.to_string())]));
    out
}

/// Appends a sentence: after a space in English, directly in Chinese.
pub fn then(s: &mut String, sentence: &str, lang: Lang) {
    if lang == Lang::En {
        s.push(' ');
    }
    s.push_str(sentence);
}

/// Upper-cases the first letter. The phrases are this module's own labels ("Welch's
/// t-test", "the exact permutation test", ...): in English they start with an ASCII letter,
/// so ASCII case mapping gives the same text as `char::to_uppercase` while keeping the
/// Unicode upper-case table (about 10 KB gzip) out of the wasm; Chinese has no case and a
/// multi-byte first character is left as it is.
fn capitalize(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}
