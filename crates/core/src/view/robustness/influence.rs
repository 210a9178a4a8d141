//! The leave-one-out part of `#robustness`: t and p without each informant, as rows and
//! as a chart model with its text summary.

use super::p3;
use super::summary::{then, ALPHA};
use crate::stats::robust::influence::Influence;
use crate::study::{Group, Terms};
use crate::text::format::fixed;
use crate::text::i18n::{fill, Lang};
use statrs::distribution::{ContinuousCDF, StudentsT};

/// One informant left out.
#[derive(Debug, Clone, PartialEq)]
pub struct InfluenceViewRow {
    pub informant: String,
    pub group: Group,
    pub t: f64,
    pub t_text: String,
    /// Two-sided p, three significant digits.
    pub p_text: String,
    /// Δt = t without − t with everyone, signed.
    pub change: String,
    pub most_influential: bool,
    pub is_min: bool,
    pub is_max: bool,
}

/// Leave-one-out influence, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct InfluenceView {
    /// Which t-test is rerun ("Student's t (pooled variance)").
    pub test: String,
    pub full_t: f64,
    pub rows: Vec<InfluenceViewRow>,
    /// "3.71 (without Harry)".
    pub min_text: String,
    pub max_text: String,
    /// The most influential informant's name.
    pub most_influential: String,
    /// One sentence: min, max, most influential, and whether any removal crosses α.
    pub reading: String,
    /// The t that two-sided p = .05 needs with one informant fewer (None when undefined).
    pub critical_t: Option<f64>,
    /// What the data is called: the groups' names, informants or rows.
    pub terms: Terms,
    /// The language of every text in the view.
    pub lang: Lang,
}

impl InfluenceView {
    /// The chart's text alternative.
    pub fn summary(&self) -> String {
        let t = self.lang.strings();
        let mut s = fill(
            self.terms.pick(t.b_inf_summary, t.b_inf_summary_own),
            &[
                ("test", &self.test),
                ("t", &fixed(self.full_t, 2)),
                ("min", &self.min_text),
                ("max", &self.max_text),
                ("most", &self.most_influential),
            ],
        );
        if let Some(c) = self.critical_t {
            let crit = self.terms.pick(t.b_inf_crit, t.b_inf_crit_own);
            then(&mut s, &fill(crit, &[("t", &fixed(c, 2))]), self.lang);
        }
        s
    }

    /// Data table rows: informant, group (as the data names it), t without them; the
    /// first `limit` only, so a table capped at a few hundred rows never formats 20,000.
    pub fn table(&self, limit: usize) -> Vec<[String; 3]> {
        self.rows
            .iter()
            .take(limit)
            .map(|r| [r.informant.clone(), self.terms.name(r.group).to_string(), r.t_text.clone()])
            .collect()
    }
}

pub(super) fn influence_view(inf: &Influence, terms: &Terms, lang: Lang) -> InfluenceView {
    let t = lang.strings();
    let test = match inf.full.kind {
        crate::stats::ttest::TTestKind::Paired => t.b_inf_test_paired,
        _ => t.b_inf_test_student,
    };
    let rows: Vec<InfluenceViewRow> = inf
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| InfluenceViewRow {
            informant: r.informant.clone(),
            group: r.group,
            t: r.t,
            t_text: fixed(r.t, 2),
            p_text: p3(r.p),
            change: if r.delta_t > 0.0 {
                format!("+{}", fixed(r.delta_t, 2))
            } else {
                fixed(r.delta_t, 2)
            },
            most_influential: i == inf.most_influential,
            is_min: i == inf.min_t,
            is_max: i == inf.max_t,
        })
        .collect();
    let at = |i: usize| inf.rows.get(i);
    let text = |i: usize| {
        at(i)
            .map(|r| fill(t.b_without, &[("t", &fixed(r.t, 2)), ("name", &r.informant)]))
            .unwrap_or_default()
    };
    let most = at(inf.most_influential).map(|r| r.informant.clone()).unwrap_or_default();
    let crossing: Vec<String> = inf.crossing(ALPHA).map(|r| r.informant.clone()).collect();
    let verdict = match crossing.split_first() {
        None => terms.pick(t.b_verdict_none, t.b_verdict_none_own).to_string(),
        Some((first, rest)) => {
            let names =
                rest.iter().fold(first.clone(), |acc, x| fill(t.b_or, &[("a", &acc), ("b", x)]));
            let one_or_many = if crossing.len() == 1 {
                terms.pick(t.b_verdict_one, t.b_verdict_one_own)
            } else {
                terms.pick(t.b_verdict_many, t.b_verdict_many_own)
            };
            fill(one_or_many, &[("names", &names)])
        }
    };
    let reading = fill(
        terms.pick(t.b_inf_reading, t.b_inf_reading_own),
        &[
            ("t", &fixed(inf.full.t, 2)),
            ("min", &text(inf.min_t)),
            ("max", &text(inf.max_t)),
            ("most", &most),
            ("verdict", &verdict),
        ],
    );
    let df = inf.full.df - 1.0;
    let critical_t = if df > 0.0 {
        StudentsT::new(0.0, 1.0, df).ok().map(|d| d.inverse_cdf(0.975)).filter(|c| c.is_finite())
    } else {
        None
    };
    InfluenceView {
        test: test.to_string(),
        full_t: inf.full.t,
        rows,
        min_text: text(inf.min_t),
        max_text: text(inf.max_t),
        most_influential: most,
        reading,
        critical_t,
        terms: terms.clone(),
        lang,
    }
}
