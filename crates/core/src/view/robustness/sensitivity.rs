//! The discount sensitivity part of `#robustness`: the paper's test rerun over a grid of
//! discount factors, with the current factor added and marked, as rows and a chart model.

use super::p3;
use super::summary::{then, ALPHA};
use crate::stats::robust::sensitivity::{
    default_factors, discount_sensitivity, paper_factor, SensitivityRow,
};
use crate::stats::selection::measure_text;
use crate::stats::selection::{Design, Salaries, Selection};
use crate::text::format::fixed;
use crate::text::i18n::{fill, Lang, EN};
use crate::text::pieces::name_separator;
use crate::view::apa;

/// Why the discount sensitivity is shown only for the paper's design (English; the page
/// shows `b_sensitivity_design` in its language).
pub const SENSITIVITY_DESIGN: &str = EN.b_sensitivity_design;

/// One discount factor's result, ready to show and plot.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityViewRow {
    pub factor: f64,
    pub t: f64,
    pub p: f64,
    pub factor_text: String,
    pub t_text: String,
    pub p_text: String,
    pub is_paper: bool,
    pub is_current: bool,
    /// "paper's factor", "no discount", "current" (comma-joined), or empty.
    pub note: String,
}

/// The paper's test over a range of discount factors.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityView {
    pub rows: Vec<SensitivityViewRow>,
    /// The factor the selection uses (1.0 when T2 is shown as paid).
    pub current: f64,
    pub paper: f64,
    pub alpha: f64,
    /// Which measure ("quarterly").
    pub measure: String,
    /// The language of every text in the view.
    pub lang: Lang,
}

impl SensitivityView {
    /// The chart's text alternative.
    pub fn summary(&self) -> String {
        let t_lo = self.rows.iter().map(|r| r.t).fold(f64::INFINITY, f64::min);
        let t_hi = self.rows.iter().map(|r| r.t).fold(f64::NEG_INFINITY, f64::max);
        let p_hi = self.rows.iter().map(|r| r.p).fold(0.0, f64::max);
        let f_lo = self.rows.first().map(|r| r.factor).unwrap_or(f64::NAN);
        let f_hi = self.rows.last().map(|r| r.factor).unwrap_or(f64::NAN);
        let t = self.lang.strings();
        let mut s = fill(
            t.b_sens_summary,
            &[
                ("measure", &self.measure),
                ("lo", &fixed(f_lo, 2)),
                ("hi", &fixed(f_hi, 2)),
                ("paper", &fixed(self.paper, 3)),
                ("tlo", &fixed(t_lo, 2)),
                ("thi", &fixed(t_hi, 2)),
                ("pmax", &apa::p_significant(p_hi)),
            ],
        );
        if let Some(r) = self.rows.iter().find(|r| r.is_current) {
            then(
                &mut s,
                &fill(
                    t.b_sens_current,
                    &[("factor", &r.factor_text), ("t", &r.t_text), ("p", &r.p_text)],
                ),
                self.lang,
            );
        }
        s
    }

    /// Data table rows: factor, t, p, note.
    pub fn table(&self) -> Vec<[String; 4]> {
        self.rows
            .iter()
            .map(|r| [r.factor_text.clone(), r.t_text.clone(), r.p_text.clone(), r.note.clone()])
            .collect()
    }
}

/// The sensitivity rows, the paper's factor and the current factor, for the paper's design.
pub(super) fn sensitivity_rows(
    salaries: Salaries,
    sel: &Selection,
    design: Design,
    lang: Lang,
) -> Result<(Vec<SensitivityRow>, f64, f64), String> {
    let Salaries::Paper(study) = salaries else {
        return Err(lang.strings().b_sensitivity_own.to_string());
    };
    if design != Design::DiffInDiff {
        return Err(lang.strings().b_sensitivity_design.to_string());
    }
    let paper = paper_factor(study).map_err(|e| e.message(lang))?;
    let current =
        if sel.discount { sel.totals.checked_factor().map_err(|e| e.message(lang))? } else { 1.0 };
    let mut factors = default_factors(paper);
    if !factors.iter().any(|f| (f - current).abs() < 1e-12) {
        factors.push(current);
        factors.sort_by(f64::total_cmp);
    }
    let rows = discount_sensitivity(&study.table(sel.measure).rows, paper, &factors)
        .map_err(|e| e.message(lang))?;
    Ok((rows, paper, current))
}

pub(super) fn sensitivity_view(
    rows: &[SensitivityRow],
    paper: f64,
    current: f64,
    sel: &Selection,
    lang: Lang,
) -> SensitivityView {
    let t = lang.strings();
    let rows = rows
        .iter()
        .map(|r| {
            let is_current = (r.factor - current).abs() < 1e-12;
            let mut notes = Vec::new();
            if r.is_paper {
                notes.push(t.b_note_paper);
            }
            if r.factor == 1.0 {
                notes.push(t.b_note_none);
            }
            if is_current {
                notes.push(t.b_note_current);
            }
            SensitivityViewRow {
                factor: r.factor,
                t: r.t,
                p: r.p,
                factor_text: if r.is_paper || !is_grid(r.factor) {
                    fixed(r.factor, 3)
                } else {
                    fixed(r.factor, 2)
                },
                t_text: fixed(r.t, 2),
                p_text: p3(r.p),
                is_paper: r.is_paper,
                is_current,
                note: notes.join(name_separator(lang)),
            }
        })
        .collect();
    SensitivityView {
        rows,
        current,
        paper,
        alpha: ALPHA,
        measure: measure_text(sel.measure, t).to_string(),
        lang,
    }
}

/// Whether a factor is on the 0.05 grid (printed with two decimals).
fn is_grid(f: f64) -> bool {
    ((f * 20.0).round() - f * 20.0).abs() < 1e-9
}
