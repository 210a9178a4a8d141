//! The two analyses of a pre/post design in `#robustness`: ANCOVA (T2 on group with T1 as
//! covariate) and the log scale (log ratios and geometric-mean changes). Each is a
//! [`PrePostPart`]: an APA line, a one-sentence plain reading and a table of rows, or the
//! reason it is not shown (a design it does not apply to, or the core's own error text).
//!
//! Conventions: the adjusted difference and the residual SD with two decimals (in RMB for
//! the paper's salaries, [`Terms::amount`]), the slope and the ratio of geometric-mean
//! changes with three, geometric-mean changes as signed percentages with two (`+24.72%`,
//! `−5.39%`), t in APA 7 with the exact two-sided p (three significant digits) beside it.
//! The data is worded in its [`Terms`]: the groups by [`Terms::name`], and informants'
//! salaries or the rows' values of a reader's file (the `…_own` entries).

use super::rows::Row;
use super::{groups, p3};
use crate::stats::robust::ancova::Ancova;
use crate::stats::robust::log_scale::LogScale;
use crate::stats::robust::report::Robustness;
use crate::stats::selection::Design;
use crate::study::{Group, Terms};
use crate::text::format::{fixed, rmb, signed_percent};
use crate::text::i18n::{fill, Lang};
use crate::view::apa;

/// One pre/post analysis, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct PrePostPart {
    /// The result in APA style after what it compares ("Service − Development at T2,
    /// adjusted for T1: b = 7,301.11 RMB, 95% CI [3,291.03, 11,311.18], t(19) = 3.81, p = .001").
    pub apa: String,
    /// What the result means, in one sentence.
    pub reading: String,
    /// The details: label, value, how it is computed.
    pub rows: Vec<Row>,
}

/// ANCOVA's `t(19) = 3.81` (df = n − 3, a whole number).
fn ancova_stat(x: &Ancova) -> String {
    format!("t({}) = {}", x.df, fixed(x.t, 2))
}

/// Why ANCOVA is not shown for a design without both groups and both times.
pub fn ancova_design_reason(terms: &Terms, lang: Lang) -> String {
    let t = lang.strings();
    let (a, b) = groups(terms);
    fill(terms.pick(t.b_ancova_design, t.b_ancova_design_own), &[("a", a), ("b", b)])
}

/// Why the log scale is not shown for a design with one time.
pub fn log_design_reason(terms: &Terms, lang: Lang) -> String {
    let t = lang.strings();
    terms.pick(t.b_log_design, t.b_log_design_own).to_string()
}

/// The reasons a design gives for (ANCOVA, the log scale) before anything is computed:
/// `None` where the design has the analysis.
pub(super) fn design_reasons(
    design: Design,
    terms: &Terms,
    lang: Lang,
) -> (Option<String>, Option<String>) {
    match design {
        Design::DiffInDiff => (None, None),
        Design::Paired(_) => (Some(ancova_design_reason(terms, lang)), None),
        Design::Between(_) | Design::Descriptive(..) => {
            (Some(ancova_design_reason(terms, lang)), Some(log_design_reason(terms, lang)))
        }
    }
}

/// The ANCOVA part of the report.
pub(super) fn ancova_part(
    r: &Robustness,
    terms: &Terms,
    lang: Lang,
) -> Result<PrePostPart, String> {
    match &r.ancova {
        None => Err(ancova_design_reason(terms, lang)),
        Some(Err(e)) => Err(e.message_for(terms, lang)),
        Some(Ok(x)) => Ok(ancova_view(x, terms, lang)),
    }
}

fn ancova_view(x: &Ancova, terms: &Terms, lang: Lang) -> PrePostPart {
    let t = lang.strings();
    let (a, b) = groups(terms);
    // The adjusted difference is a regression coefficient, not a mean of amounts: like
    // its SE, CI and the residual SD it is known only as a double, and printed from it.
    let amount = |v: f64| terms.amount(&rmb(v), t);
    let (m, lo, hi) = (amount(x.estimate), rmb(x.ci95.0), rmb(x.ci95.1));
    let (full, stat) = (apa::t_result(&x.df.to_string(), x.t, x.p), ancova_stat(x));
    let value = fill(t.b_ancova_value, &[("m", &m), ("lo", &lo), ("hi", &hi), ("t", &full)]);
    let label = fill(t.b_ancova_label, &[("a", a), ("b", b)]);
    let dir = if x.estimate < 0.0 { t.b_lower } else { t.b_higher };
    let rows = vec![
        Row::new(
            fill(t.b_ancova_diff, &[("a", a), ("b", b)]),
            fill(t.b_mean_value, &[("m", &m), ("lo", &lo), ("hi", &hi)]),
            fill(
                terms.pick(t.b_ancova_diff_note, t.b_ancova_diff_note_own),
                &[("se", &amount(x.se)), ("t", &stat), ("p", &p3(x.p))],
            ),
        ),
        Row::new(
            t.b_ancova_slope,
            fill(
                t.b_value_ci,
                &[
                    ("v", &fixed(x.slope, 3)),
                    ("lo", &fixed(x.slope_ci95.0, 3)),
                    ("hi", &fixed(x.slope_ci95.1, 3)),
                ],
            ),
            fill(
                terms.pick(t.b_ancova_slope_note, t.b_ancova_slope_note_own),
                &[("se", &fixed(x.slope_se, 3))],
            ),
        ),
        Row::new(
            t.b_ancova_residual,
            amount(x.residual_sd),
            fill(
                terms.pick(t.b_ancova_residual_note, t.b_ancova_residual_note_own),
                &[
                    ("n", &x.n().to_string()),
                    ("n1", &x.n1.to_string()),
                    ("a", a),
                    ("n2", &x.n2.to_string()),
                    ("b", b),
                    ("df", &x.df.to_string()),
                ],
            ),
        ),
    ];
    PrePostPart {
        apa: fill(t.b_apa_line, &[("label", &label), ("apa", &value)]),
        reading: fill(
            terms.pick(t.b_ancova_reading, t.b_ancova_reading_own),
            &[("a", a), ("b", b), ("m", &amount(x.estimate.abs())), ("dir", dir)],
        ),
        rows,
    }
}

/// The log-scale part of the report.
pub(super) fn log_part(r: &Robustness, terms: &Terms, lang: Lang) -> Result<PrePostPart, String> {
    match &r.log_scale {
        None => Err(log_design_reason(terms, lang)),
        Some(Err(e)) => Err(e.message_for(terms, lang)),
        Some(Ok(x)) => Ok(log_view(x, terms, lang)),
    }
}

fn log_view(x: &LogScale, terms: &Terms, lang: Lang) -> PrePostPart {
    let t = lang.strings();
    let test = &x.test;
    let (ratio, (lo, hi)) = x.ratio();
    let change_row = |c: &crate::stats::robust::log_scale::GeometricChange, value: String| {
        Row::new(
            fill(t.b_log_change, &[("group", terms.name(c.group))]),
            value,
            fill(
                terms.pick(t.b_log_change_note, t.b_log_change_note_own),
                &[("n", &c.n.to_string())],
            ),
        )
    };
    let test_row = |label: &str, note: &str| {
        Row::new(
            label,
            apa::t_test(test),
            fill(t.b_two_sided_p, &[("p", &p3(test.p)), ("note", note)]),
        )
    };
    match x.changes.as_slice() {
        [first, second] => {
            let (a, b) = (terms.name(first.group), terms.name(second.group));
            let (pa, pb) = (signed_percent(first.percent), signed_percent(second.percent));
            let label = fill(t.b_log_label_between, &[("a", a), ("b", b)]);
            PrePostPart {
                apa: fill(t.b_apa_line, &[("label", &label), ("apa", &apa::t_test(test))]),
                reading: fill(
                    terms.pick(t.b_log_reading_between, t.b_log_reading_between_own),
                    &[("a", a), ("pa", &pa), ("b", b), ("pb", &pb)],
                ),
                rows: vec![
                    test_row(t.b_log_t_between, t.b_log_note_between),
                    change_row(first, pa),
                    change_row(second, pb),
                    Row::new(
                        fill(t.b_log_ratio, &[("a", a), ("b", b)]),
                        fill(
                            t.b_value_ci,
                            &[
                                ("v", &fixed(ratio, 3)),
                                ("lo", &fixed(lo, 3)),
                                ("hi", &fixed(hi, 3)),
                            ],
                        ),
                        t.b_log_ratio_note,
                    ),
                ],
            }
        }
        changes => {
            let group = changes.first().map(|c| c.group).unwrap_or(Group::Service);
            let p =
                signed_percent(changes.first().map(|c| c.percent).unwrap_or(ratio * 100.0 - 100.0));
            let label = fill(t.b_log_label_paired, &[("group", terms.name(group))]);
            let with_ci = fill(
                t.b_value_ci,
                &[
                    ("v", &p),
                    ("lo", &signed_percent((lo - 1.0) * 100.0)),
                    ("hi", &signed_percent((hi - 1.0) * 100.0)),
                ],
            );
            let mut rows = vec![test_row(t.b_log_t_paired, t.b_log_note_paired)];
            rows.extend(changes.first().map(|c| change_row(c, with_ci)));
            PrePostPart {
                apa: fill(t.b_apa_line, &[("label", &label), ("apa", &apa::t_test(test))]),
                reading: fill(
                    terms.pick(t.b_log_reading_paired, t.b_log_reading_paired_own),
                    &[("group", terms.name(group)), ("p", &p)],
                ),
                rows,
            }
        }
    }
}
