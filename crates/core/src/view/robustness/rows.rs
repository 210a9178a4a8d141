//! The tests and effect-size tables of `#robustness`: one [`Row`] per statistic, with its
//! label, APA result and a plain-language note.

use super::summary::rank_name;
use super::{groups, p3, sides, u_text};
use crate::stats::robust::effect::{EffectKind, EffectSize};
use crate::stats::robust::error::RobustError;
use crate::stats::robust::rank::RankMethod;
use crate::stats::robust::report::{RankTest, Robustness};
use crate::stats::selection::Design;
use crate::stats::ttest::TTest;
use crate::study::Terms;
use crate::text::format::{fixed, rmb};
use crate::text::i18n::{fill, Lang};
use crate::text::money::{Cents, Money};
use crate::text::pieces::{clause_separator, list_separator};
use crate::view::apa;

/// A labelled result: what it is, its value, and how it was computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    /// The result, or the reason it is not defined.
    pub value: String,
    /// The definition or method, in plain words.
    pub note: String,
    /// False when `value` is a "not defined" message.
    pub defined: bool,
}

impl Row {
    pub(super) fn new(
        label: impl Into<String>,
        value: impl Into<String>,
        note: impl Into<String>,
    ) -> Row {
        Row { label: label.into(), value: value.into(), note: note.into(), defined: true }
    }

    fn undefined(label: impl Into<String>, reason: &RobustError, lang: Lang) -> Row {
        Row {
            label: label.into(),
            value: reason.message(lang),
            note: String::new(),
            defined: false,
        }
    }
}

fn t_row(label: &str, t: &TTest, note: &str, lang: Lang) -> Row {
    Row::new(
        label,
        apa::t_test(t),
        fill(lang.strings().b_two_sided_p, &[("p", &p3(t.p)), ("note", note)]),
    )
}

pub(super) fn tests(r: &Robustness, terms: &Terms, lang: Lang) -> Vec<Row> {
    let t = lang.strings();
    let (a, b) = groups(terms);
    let mut out = Vec::new();
    match r.checks.design {
        Design::Paired(_) => {
            out.push(t_row(t.b_t_paired, &r.checks.primary, t.b_note_paired, lang))
        }
        Design::DiffInDiff => {
            out.push(t_row(t.b_t_student_paper, &r.checks.primary, t.b_note_student, lang))
        }
        _ => out.push(t_row(t.b_t_student, &r.checks.primary, t.b_note_student, lang)),
    }
    if let Some(w) = &r.checks.welch {
        let label = t.b_t_welch;
        out.push(match w {
            Ok(x) => t_row(label, x, t.b_note_welch, lang),
            Err(e) => Row::undefined(label, e, lang),
        });
    }
    let rank_label = match r.checks.design {
        Design::Paired(_) => t.b_wilcoxon,
        _ => t.b_mann_whitney,
    };
    let z_text = |z: Option<f64>| {
        z.map(|z| format!("{}z = {}", clause_separator(lang), fixed(z, 2))).unwrap_or_default()
    };
    out.push(match &r.checks.rank {
        Ok(x @ RankTest::MannWhitney(m)) => {
            let method = match m.method {
                RankMethod::Exact => t.b_mw_exact.to_string(),
                _ => fill(t.b_mw_approx, &[("z", &z_text(m.z))]),
            };
            Row::new(
                fill(t.b_ranks, &[("test", rank_name(x, t))]),
                format!("U = {}, {}", u_text(m.u1), apa::p_value(m.p)),
                fill(
                    t.b_mw_note,
                    &[
                        ("p", &p3(m.p)),
                        ("method", &method),
                        ("n1", &m.n1.to_string()),
                        ("n2", &m.n2.to_string()),
                        ("pairs", &(m.n1 * m.n2).to_string()),
                        ("a", a),
                        ("b", b),
                    ],
                ),
            )
        }
        Ok(x @ RankTest::Wilcoxon(w)) => {
            let method = match w.method {
                RankMethod::Exact => t.b_w_exact.to_string(),
                RankMethod::ExactConditional => t.b_w_exact_cond.to_string(),
                RankMethod::Asymptotic => fill(t.b_w_approx, &[("z", &z_text(w.z))]),
            };
            let zeros = if w.zeros > 0 {
                format!(
                    "{}{}",
                    list_separator(lang),
                    fill(
                        if w.zeros == 1 { t.b_zero_one } else { t.b_zero_many },
                        &[("n", &w.zeros.to_string())]
                    )
                )
            } else {
                String::new()
            };
            Row::new(
                fill(t.b_ranks, &[("test", rank_name(x, t))]),
                format!("T = {}, {}", u_text(w.statistic), apa::p_value(w.p)),
                fill(
                    t.b_w_note,
                    &[
                        ("p", &p3(w.p)),
                        ("method", &method),
                        ("rp", &u_text(w.r_plus)),
                        ("rm", &u_text(w.r_minus)),
                        ("zeros", &zeros),
                    ],
                ),
            )
        }
        Err(e) => Row::undefined(rank_label, e, lang),
    });
    out
}

fn ci(x: (f64, f64)) -> String {
    format!("[{}, {}]", fixed(x.0, 2), fixed(x.1, 2))
}

/// The effect sizes and the mean difference, whose amount is `difference` where it is
/// exact (its 95 % CI bounds are estimates, known only as doubles).
pub(super) fn effects(
    r: &Robustness,
    difference: Option<Cents>,
    terms: &Terms,
    lang: Lang,
) -> Vec<Row> {
    let t = lang.strings();
    let mut out = Vec::new();
    let (a, b) = sides(r.checks.design, terms);
    match &r.effect {
        Ok(e) => out.extend(effect_rows(e, lang)),
        Err(err) => out.push(Row::undefined(
            if matches!(r.checks.design, Design::Paired(_)) { "d_z" } else { t.b_d_and_g },
            err,
            lang,
        )),
    }
    let x = &r.checks.primary;
    let (label, note) = match r.checks.design {
        Design::Paired(g) => (
            fill(t.b_mean_change, &[("group", terms.name(g))]),
            terms.pick(t.b_mean_change_note, t.b_mean_change_note_own),
        ),
        _ => (
            fill(t.b_mean_diff, &[("a", a), ("b", b)]),
            terms.pick(t.b_mean_diff_note, t.b_mean_diff_note_own),
        ),
    };
    out.push(Row::new(
        label,
        fill(
            t.b_mean_value,
            &[
                ("m", &terms.amount(&rmb(Money::new(x.mean_diff, difference)), t)),
                ("lo", &rmb(x.ci95.0)),
                ("hi", &rmb(x.ci95.1)),
            ],
        ),
        note,
    ));
    out
}

fn effect_rows(e: &EffectSize, lang: Lang) -> Vec<Row> {
    let t = lang.strings();
    let df = fixed(e.df, 0);
    let j =
        fill(t.b_j_note, &[("j", &fixed(e.j, 4)), ("df", &df), ("approx", &fixed(e.j_approx, 4))]);
    let value = |sym: &str, v: f64, c: (f64, f64)| {
        fill(t.b_effect_value, &[("sym", sym), ("v", &fixed(v, 2)), ("ci", &ci(c))])
    };
    match e.kind {
        EffectKind::CohensD => vec![
            Row::new(
                t.b_cohen_label,
                value("d", e.d, e.ci_d),
                fill(t.b_cohen_note, &[("df", &df)]),
            ),
            Row::new(t.b_hedges_label, value("g", e.g, e.ci_g), fill(t.b_g_note, &[("j", &j)])),
        ],
        EffectKind::PairedDz => vec![
            Row::new(t.b_dz_label, value("d_z", e.d, e.ci_d), fill(t.b_dz_note, &[("df", &df)])),
            Row::new(t.b_gz_label, value("g_z", e.g, e.ci_g), fill(t.b_gz_note, &[("j", &j)])),
        ],
    }
}
