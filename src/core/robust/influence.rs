//! Leave-one-out influence: how much the paper's t-test depends on any single informant.
//!
//! For the design the selection implies, each informant is dropped in turn and the
//! design's t-test is rerun on the others: Student's pooled t (as the paper) for the
//! difference-in-differences and between-group designs, the paired t for a within-group
//! design (only that group's informants are dropped). Each row gives t and p without
//! that informant and Δt = t₋ᵢ − t; the most influential informant is the one with the
//! largest |Δt| (the first in input order on a tie). One group at one time compares
//! nothing and is an error.
//!
//! Dropping an informant must leave every group with at least two values and some
//! variance; otherwise the whole analysis is an error naming the informant.

use crate::core::dataset::{Group, Time};
use crate::core::robust::error::RobustError;
use crate::core::selection::{Design, SalaryPoint};
use crate::core::stats::{self, TTest};

/// One informant left out.
#[derive(Debug, Clone, PartialEq)]
pub struct InfluenceRow {
    pub informant: String,
    pub group: Group,
    /// t without this informant.
    pub t: f64,
    /// Two-sided p without this informant.
    pub p: f64,
    /// t without this informant minus t with everyone.
    pub delta_t: f64,
}

/// Leave-one-out results for a design.
#[derive(Debug, Clone, PartialEq)]
pub struct Influence {
    pub design: Design,
    /// The test with everyone.
    pub full: TTest,
    /// One row per informant, in input order.
    pub rows: Vec<InfluenceRow>,
    /// Index into `rows` of the largest |Δt|.
    pub most_influential: usize,
    /// Index into `rows` of the smallest and the largest t.
    pub min_t: usize,
    pub max_t: usize,
}

impl Influence {
    /// The row of the most influential informant.
    pub fn most_influential_row(&self) -> &InfluenceRow {
        &self.rows[self.most_influential]
    }

    /// Rows whose removal moves p across `alpha` (in either direction).
    pub fn crossing(&self, alpha: f64) -> impl Iterator<Item = &InfluenceRow> {
        let full_sig = self.full.p < alpha;
        self.rows.iter().filter(move |r| (r.p < alpha) != full_sig)
    }
}

fn value(p: &SalaryPoint, time: Option<Time>) -> f64 {
    match time {
        Some(Time::T1) => p.t1,
        Some(Time::T2) => p.t2,
        None => p.diff,
    }
}

/// The design's t-test on the points, skipping index `skip`.
fn test(points: &[SalaryPoint], design: Design, skip: Option<usize>) -> Result<TTest, RobustError> {
    let keep = |i: usize| Some(i) != skip;
    match design {
        Design::DiffInDiff | Design::Between(_) => {
            let time = if let Design::Between(t) = design { Some(t) } else { None };
            let pick = |g: Group| -> Vec<f64> { points.iter().enumerate().filter(|(i, p)| keep(*i) && p.group == g).map(|(_, p)| value(p, time)).collect() };
            Ok(stats::student(&pick(Group::Service), &pick(Group::Development))?)
        }
        Design::Paired(group) => {
            let sel: Vec<&SalaryPoint> = points.iter().enumerate().filter(|(i, p)| keep(*i) && p.group == group).map(|(_, p)| p).collect();
            let t1: Vec<f64> = sel.iter().map(|p| p.t1).collect();
            let t2: Vec<f64> = sel.iter().map(|p| p.t2).collect();
            Ok(stats::paired(&t1, &t2)?)
        }
        Design::Descriptive(..) => Err(RobustError::NoComparison),
    }
}

/// Drops each informant of the design in turn and reruns its t-test.
pub fn leave_one_out(points: &[SalaryPoint], design: Design) -> Result<Influence, RobustError> {
    let full = test(points, design, None)?;
    let mut rows = Vec::new();
    for (i, p) in points.iter().enumerate() {
        if let Design::Paired(g) = design {
            if p.group != g {
                continue;
            }
        }
        let r = test(points, design, Some(i)).map_err(|e| RobustError::LeaveOneOut { informant: p.informant.clone(), reason: Box::new(e) })?;
        rows.push(InfluenceRow { informant: p.informant.clone(), group: p.group, t: r.t, p: r.p, delta_t: r.t - full.t });
    }
    if rows.is_empty() {
        return Err(RobustError::NoComparison);
    }
    let pick = |better: &dyn Fn(&InfluenceRow, &InfluenceRow) -> bool| {
        let mut best = 0;
        for (i, r) in rows.iter().enumerate() {
            if better(r, &rows[best]) {
                best = i;
            }
        }
        best
    };
    let most_influential = pick(&|a, b| a.delta_t.abs() > b.delta_t.abs());
    let min_t = pick(&|a, b| a.t < b.t);
    let max_t = pick(&|a, b| a.t > b.t);
    Ok(Influence { design, full, rows, most_influential, min_t, max_t })
}
