//! The two analyses of a pre/post design in `#robustness`: ANCOVA (T2 on group with T1 as
//! covariate) and the log scale (log ratios and geometric-mean changes). Each is a
//! [`PrePostPart`]: an APA line, a one-sentence plain reading and a table of rows, or the
//! reason it is not shown (a design it does not apply to, or the core's own error text).
//!
//! Conventions: the adjusted difference and the residual SD in RMB with two decimals, the
//! slope and the ratio of geometric-mean changes with three, geometric-mean changes as
//! signed percentages with two (`+24.72%`, `−5.39%`), t in APA 7 with the exact two-sided p
//! (three significant digits) beside it. The groups are named by [`Group::label`].

use super::p3;
use super::rows::Row;
use crate::stats::robust::ancova::Ancova;
use crate::stats::robust::log_scale::LogScale;
use crate::stats::robust::report::Robustness;
use crate::stats::selection::Design;
use crate::study::Group;
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
pub fn ancova_design_reason(lang: Lang) -> String {
    let (a, b) = (Group::Service.label(), Group::Development.label());
    fill(lang.strings().b_ancova_design, &[("a", a), ("b", b)])
}

/// Why the log scale is not shown for a design with one time.
pub fn log_design_reason(lang: Lang) -> String {
    lang.strings().b_log_design.to_string()
}

/// The reasons a design gives for (ANCOVA, the log scale) before anything is computed:
/// `None` where the design has the analysis.
pub(super) fn design_reasons(design: Design, lang: Lang) -> (Option<String>, Option<String>) {
    match design {
        Design::DiffInDiff => (None, None),
        Design::Paired(_) => (Some(ancova_design_reason(lang)), None),
        Design::Between(_) | Design::Descriptive(..) => {
            (Some(ancova_design_reason(lang)), Some(log_design_reason(lang)))
        }
    }
}

/// The ANCOVA part of the report.
pub(super) fn ancova_part(r: &Robustness, lang: Lang) -> Result<PrePostPart, String> {
    match &r.ancova {
        None => Err(ancova_design_reason(lang)),
        Some(Err(e)) => Err(e.message(lang)),
        Some(Ok(x)) => Ok(ancova_view(x, lang)),
    }
}

fn ancova_view(x: &Ancova, lang: Lang) -> PrePostPart {
    let t = lang.strings();
    let (a, b) = (Group::Service.label(), Group::Development.label());
    let (lo, hi) = (rmb(x.ci95.0), rmb(x.ci95.1));
    let (full, stat) = (apa::t_result(&x.df.to_string(), x.t, x.p), ancova_stat(x));
    let value =
        fill(t.b_ancova_value, &[("m", &rmb(x.estimate)), ("lo", &lo), ("hi", &hi), ("t", &full)]);
    let label = fill(t.b_ancova_label, &[("a", a), ("b", b)]);
    let dir = if x.estimate < 0.0 { t.b_lower } else { t.b_higher };
    let rows = vec![
        Row::new(
            fill(t.b_ancova_diff, &[("a", a), ("b", b)]),
            // b_mean_value has no unit since a reader's values have none: RMB as in the
            // residual SD's row.
            fill(
                t.b_mean_value,
                &[("m", &fill(t.b_rmb, &[("v", &rmb(x.estimate))])), ("lo", &lo), ("hi", &hi)],
            ),
            fill(t.b_ancova_diff_note, &[("se", &rmb(x.se)), ("t", &stat), ("p", &p3(x.p))]),
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
            fill(t.b_ancova_slope_note, &[("se", &fixed(x.slope_se, 3))]),
        ),
        Row::new(
            t.b_ancova_residual,
            fill(t.b_rmb, &[("v", &rmb(x.residual_sd))]),
            fill(
                t.b_ancova_residual_note,
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
            t.b_ancova_reading,
            &[("a", a), ("b", b), ("m", &rmb(x.estimate.abs())), ("dir", dir)],
        ),
        rows,
    }
}

/// The log-scale part of the report.
pub(super) fn log_part(r: &Robustness, lang: Lang) -> Result<PrePostPart, String> {
    match &r.log_scale {
        None => Err(log_design_reason(lang)),
        Some(Err(e)) => Err(e.message(lang)),
        Some(Ok(x)) => Ok(log_view(x, lang)),
    }
}

fn log_view(x: &LogScale, lang: Lang) -> PrePostPart {
    let t = lang.strings();
    let test = &x.test;
    let (ratio, (lo, hi)) = x.ratio();
    let change_row = |c: &crate::stats::robust::log_scale::GeometricChange, value: String| {
        Row::new(
            fill(t.b_log_change, &[("group", c.group.label())]),
            value,
            fill(t.b_log_change_note, &[("n", &c.n.to_string())]),
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
            let (a, b) = (first.group.label(), second.group.label());
            let (pa, pb) = (signed_percent(first.percent), signed_percent(second.percent));
            let label = fill(t.b_log_label_between, &[("a", a), ("b", b)]);
            PrePostPart {
                apa: fill(t.b_apa_line, &[("label", &label), ("apa", &apa::t_test(test))]),
                reading: fill(
                    t.b_log_reading_between,
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
            let label = fill(t.b_log_label_paired, &[("group", group.label())]);
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
                reading: fill(t.b_log_reading_paired, &[("group", group.label()), ("p", &p)]),
                rows,
            }
        }
    }
}
