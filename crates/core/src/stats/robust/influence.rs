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
//! Above [`FAST_LEAVE_ONE_OUT`] informants (the synthetic studies of `?scale=`), each
//! t comes from the group's running moments with that informant's value removed, which is
//! O(n) in all rather than a fresh O(n) test per informant; the two agree to rounding
//! (a test checks them against each other).
//!
//! Dropping an informant must leave every group with at least two values and some
//! variance; otherwise the whole analysis is an error naming the informant.

use crate::stats::robust::error::RobustError;
use crate::stats::selection::{Design, SalaryPoint};
use crate::stats::ttest::{self, TTest};
use crate::study::{Group, Time};
use statrs::distribution::{ContinuousCDF, StudentsT};

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
            let pick = |g: Group| -> Vec<f64> {
                points
                    .iter()
                    .enumerate()
                    .filter(|(i, p)| keep(*i) && p.group == g)
                    .map(|(_, p)| value(p, time))
                    .collect()
            };
            Ok(ttest::student(&pick(Group::Service), &pick(Group::Development))?)
        }
        Design::Paired(group) => {
            let sel: Vec<&SalaryPoint> = points
                .iter()
                .enumerate()
                .filter(|(i, p)| keep(*i) && p.group == group)
                .map(|(_, p)| p)
                .collect();
            let t1: Vec<f64> = sel.iter().map(|p| p.t1).collect();
            let t2: Vec<f64> = sel.iter().map(|p| p.t2).collect();
            Ok(ttest::paired(&t1, &t2)?)
        }
        Design::Descriptive(..) => Err(RobustError::NoComparison),
    }
}

/// Count, mean and sum of squared deviations of one series, with the value of one
/// informant removed in O(1): n' = n − 1, mean' = (n·mean − x)/(n − 1),
/// SS' = SS − (x − mean)²·n/(n − 1).
#[derive(Clone, Copy)]
struct Moments {
    n: f64,
    mean: f64,
    ss: f64,
}

impl Moments {
    fn of(xs: &[f64]) -> Moments {
        let n = xs.len() as f64;
        let mean = xs.iter().sum::<f64>() / n;
        Moments { n, mean, ss: xs.iter().map(|x| (x - mean) * (x - mean)).sum() }
    }

    fn without(self, x: f64) -> Moments {
        let n = self.n - 1.0;
        let d = x - self.mean;
        Moments { n, mean: (self.n * self.mean - x) / n, ss: self.ss - d * d * self.n / n }
    }
}

/// t without each informant, from running moments: O(n) in all instead of O(n²).
/// `None` for a row whose downdated variance is not clearly positive; that row is then
/// recomputed exactly (which gives the proper error, if any).
fn fast_t(points: &[SalaryPoint], design: Design, i: usize, m: &[Moments; 2]) -> Option<f64> {
    let p = &points[i];
    let (t, ss_ok) = match design {
        Design::DiffInDiff | Design::Between(_) => {
            let time = if let Design::Between(t) = design { Some(t) } else { None };
            let mut g = *m;
            let k = p.group.index();
            g[k] = g[k].without(value(p, time));
            let df = g[0].n + g[1].n - 2.0;
            let sp2 = (g[0].ss + g[1].ss) / df;
            let se = (sp2 * (1.0 / g[0].n + 1.0 / g[1].n)).sqrt();
            ((g[0].mean - g[1].mean) / se, g[k].ss > 1e-9 * m[k].ss && g[k].n >= 2.0)
        }
        Design::Paired(_) => {
            let d = m[0].without(p.diff);
            let se = (d.ss / (d.n - 1.0)).sqrt() / d.n.sqrt();
            (d.mean / se, d.ss > 1e-9 * m[0].ss && d.n >= 2.0)
        }
        Design::Descriptive(..) => return None,
    };
    (ss_ok && t.is_finite()).then_some(t)
}

/// Above this many informants the leave-one-out t's come from running moments
/// (`fast_t`) rather than a fresh t-test each; below it every row is a full t-test,
/// so small studies (the paper's 22) get exactly the values pinned against SciPy.
pub const FAST_LEAVE_ONE_OUT: usize = 200;

/// Drops each informant of the design in turn and reruns its t-test.
pub fn leave_one_out(points: &[SalaryPoint], design: Design) -> Result<Influence, RobustError> {
    let full = test(points, design, None)?;
    let fast = points.len() > FAST_LEAVE_ONE_OUT;
    let moments = if fast {
        match design {
            Design::DiffInDiff | Design::Between(_) => {
                let time = if let Design::Between(t) = design { Some(t) } else { None };
                let of = |g: Group| {
                    Moments::of(
                        &points
                            .iter()
                            .filter(|p| p.group == g)
                            .map(|p| value(p, time))
                            .collect::<Vec<f64>>(),
                    )
                };
                [of(Group::Service), of(Group::Development)]
            }
            Design::Paired(g) => {
                let d = Moments::of(
                    &points.iter().filter(|p| p.group == g).map(|p| p.diff).collect::<Vec<f64>>(),
                );
                [d, d]
            }
            Design::Descriptive(..) => return Err(RobustError::NoComparison),
        }
    } else {
        [Moments { n: 0.0, mean: 0.0, ss: 0.0 }; 2]
    };
    // With the degrees of freedom fixed (one informant fewer), one distribution serves every row.
    let dist = StudentsT::new(0.0, 1.0, full.df - 1.0).ok();
    let mut rows = Vec::new();
    for (i, p) in points.iter().enumerate() {
        if let Design::Paired(g) = design {
            if p.group != g {
                continue;
            }
        }
        let quick =
            if fast { fast_t(points, design, i, &moments).zip(dist.as_ref()) } else { None };
        let (t, pv) = match quick {
            Some((t, d)) => (t, (2.0 * d.sf(t.abs())).min(1.0)),
            None => {
                let r = test(points, design, Some(i)).map_err(|e| RobustError::LeaveOneOut {
                    informant: p.informant.clone(),
                    reason: Box::new(e),
                })?;
                (r.t, r.p)
            }
        };
        rows.push(InfluenceRow {
            informant: p.informant.clone(),
            group: p.group,
            t,
            p: pv,
            delta_t: t - full.t,
        });
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

#[cfg(test)]
mod tests {
    use super::*;

    fn point(i: usize, group: Group) -> SalaryPoint {
        let t1 = 20_000.0 + (i * 7919 % 1000) as f64 * 13.7;
        let t2 = t1 + (i * 104_729 % 997) as f64 * 5.3
            - if group == Group::Service { 1000.0 } else { 2500.0 };
        SalaryPoint::new(format!("P{i}"), group, t1.into(), t2.into())
    }

    #[test]
    fn the_running_moments_agree_with_a_fresh_test_per_informant() {
        let points: Vec<SalaryPoint> = (0..260)
            .map(|i| point(i, if i % 3 == 0 { Group::Service } else { Group::Development }))
            .collect();
        assert!(points.len() > FAST_LEAVE_ONE_OUT);
        for design in
            [Design::DiffInDiff, Design::Between(Time::T2), Design::Paired(Group::Development)]
        {
            let inf = leave_one_out(&points, design).unwrap();
            let mut checked = 0;
            for (i, p) in points.iter().enumerate() {
                if matches!(design, Design::Paired(g) if g != p.group) {
                    continue;
                }
                let row = &inf.rows[checked];
                let fresh = test(&points, design, Some(i)).unwrap();
                assert_eq!(row.informant, p.informant);
                assert!(
                    (row.t - fresh.t).abs() <= 1e-9 * fresh.t.abs().max(1.0),
                    "{design:?} {}: {} vs {}",
                    p.informant,
                    row.t,
                    fresh.t
                );
                assert!(
                    (row.p - fresh.p).abs() <= 1e-9,
                    "{design:?} {}: p {} vs {}",
                    p.informant,
                    row.p,
                    fresh.p
                );
                checked += 1;
            }
            assert_eq!(checked, inf.rows.len());
        }
    }
}
