//! A synthetic study for scale testing: the paper's study file with its informants and
//! salary tables replaced by `per_group` made-up informants per group, deterministic for a
//! seed. The page loads it with `?scale=N` (see [`crate::reader::permalink::parse_scale`]),
//! and the benchmarks time validation, selection, the t-tests and the Monte Carlo
//! permutation test on it.
//!
//! What is generated, and how:
//! - **Informants** `S00001`, `S00002`, … (Service) and `D00001`, … (Development). Age,
//!   gender, education, tenure and position are copied from a paper informant of the same
//!   group drawn at random (a bootstrap of Table 2), so the demographics keep their mix.
//! - **Salaries.** For each informant two standard normal draws z₁, z₂ (Box–Muller on a
//!   ChaCha20 stream seeded by `seed`, so every platform gets the same study) give
//!   T1 = m₁ + s₁·z₁ and T2 − T1 = m_d + s_d·z₂, where m and s are that group's mean and SD
//!   in the paper's own rows (T1 and the printed-T2 differences), in each table (quarterly
//!   and monthly use the same z's, so an informant is high or low in both). Salaries are
//!   kept at least 10 % of the group's T1 mean and rounded to the cent.
//! - **Printed values** (row differences, Mean and S.D. rows, the two t-tests, the
//!   demographic p-values) are the synthetic data's own statistics, printed as the paper
//!   prints them, so the study's checks (`checks::validate`) walk every check and finds no
//!   discrepancy.
//! - **Text mentions** are dropped: the paper's prose describes its own informants.
//!   Everything qualitative (codebook, coverage, quotations, model, tour) stays the paper's.
//!
//! Sizes outside [`MIN_PER_GROUP`]..=[`MAX_PER_GROUP`] are an error, never a panic.

use crate::stats::demographics::balance;
use crate::stats::ttest;
use crate::study::printed::Printed;
use crate::study::{Group, Informant, LoadError, Measure, RawSalaryRow, RawStudy, Study};
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};
use std::fmt;

/// Smallest group size (a t-test needs two values per group).
pub const MIN_PER_GROUP: usize = 2;
/// Largest group size (100,000 informants in all).
pub const MAX_PER_GROUP: usize = 50_000;
/// The seed the page and the benchmarks use.
pub const SYNTHETIC_SEED: u64 = 2019;

/// Why no synthetic study was made.
#[derive(Debug, Clone, PartialEq)]
pub enum SyntheticError {
    /// The group size is outside [`MIN_PER_GROUP`]..=[`MAX_PER_GROUP`].
    OutOfRange { per_group: usize },
    /// The paper's study, the template, did not load.
    Load(LoadError),
    /// The paper's rows give no mean or SD to draw from.
    Template(String),
}

impl fmt::Display for SyntheticError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyntheticError::OutOfRange { per_group } => {
                write!(f, "a synthetic study has {MIN_PER_GROUP} to {MAX_PER_GROUP} informants per group, not {per_group}")
            }
            SyntheticError::Load(e) => {
                write!(f, "the paper's study could not be loaded as a template: {e}")
            }
            SyntheticError::Template(e) => {
                write!(f, "the paper's salaries cannot serve as a template: {e}")
            }
        }
    }
}

impl std::error::Error for SyntheticError {}

/// The pseudonym of the `i`-th (0-based) synthetic informant of a group.
pub fn synthetic_name(group: Group, i: usize) -> String {
    let letter = match group {
        Group::Service => 'S',
        Group::Development => 'D',
    };
    format!("{letter}{:05}", i + 1)
}

/// A uniform draw in (0, 1).
fn unit(rng: &mut ChaCha20Rng) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
}

/// Two independent standard normal draws (Box–Muller).
fn normal_pair(rng: &mut ChaCha20Rng) -> (f64, f64) {
    let (u, v) = (unit(rng), unit(rng));
    let r = (-2.0 * u.ln()).sqrt();
    let a = std::f64::consts::TAU * v;
    (r * a.cos(), r * a.sin())
}

fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn printed(x: f64, decimals: usize) -> Result<Printed, SyntheticError> {
    let text = format!("{x:.decimals$}");
    Printed::parse(&text).map_err(|e| SyntheticError::Template(e.to_string()))
}

/// Mean and SD of T1 and of T2 − T1 in one of the paper's tables, for one group.
struct Shape {
    t1: (f64, f64),
    diff: (f64, f64),
}

fn shape(study: &Study, m: Measure, g: Group) -> Result<Shape, SyntheticError> {
    let rows: Vec<_> = study.table(m).group_rows(g).collect();
    let t1: Vec<f64> = rows.iter().map(|r| r.t1).collect();
    let diff: Vec<f64> = rows.iter().map(|r| r.t2_printed - r.t1).collect();
    let err = |e: ttest::StatsError| SyntheticError::Template(e.to_string());
    let (a, d) = (ttest::describe(&t1).map_err(err)?, ttest::describe(&diff).map_err(err)?);
    Ok(Shape { t1: (a.mean, a.sd), diff: (d.mean, d.sd) })
}

/// The synthetic study built on the embedded paper's study.
pub fn synthetic_study(per_group: usize, seed: u64) -> Result<Study, SyntheticError> {
    if !(MIN_PER_GROUP..=MAX_PER_GROUP).contains(&per_group) {
        return Err(SyntheticError::OutOfRange { per_group });
    }
    let template = Study::embedded().map_err(SyntheticError::Load)?;
    synthetic_from(&template, per_group, seed)
}

/// The synthetic study built on `template` (normally the paper's study).
pub fn synthetic_from(
    template: &Study,
    per_group: usize,
    seed: u64,
) -> Result<Study, SyntheticError> {
    if !(MIN_PER_GROUP..=MAX_PER_GROUP).contains(&per_group) {
        return Err(SyntheticError::OutOfRange { per_group });
    }
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let mut raw: RawStudy = template.raw.clone();
    raw.text_mentions.clear();
    raw.informants = Vec::with_capacity(2 * per_group);
    for g in Group::ALL {
        let pool: Vec<&Informant> = template.informants_in(g).collect();
        if pool.is_empty() {
            return Err(SyntheticError::Template(format!(
                "Table 2 has no {} informant",
                g.label()
            )));
        }
        let shapes =
            [shape(template, Measure::Quarterly, g)?, shape(template, Measure::Monthly, g)?];
        let mut rows: [Vec<RawSalaryRow>; 2] =
            [Vec::with_capacity(per_group), Vec::with_capacity(per_group)];
        for i in 0..per_group {
            let name = synthetic_name(g, i);
            let like = pool[(rng.next_u64() % pool.len() as u64) as usize];
            raw.informants.push(Informant {
                name: name.clone(),
                source: "synthetic".into(),
                decision: None,
                ..like.clone()
            });
            let (z1, z2) = normal_pair(&mut rng);
            for (s, out) in shapes.iter().zip(rows.iter_mut()) {
                let floor = 0.1 * s.t1.0.abs();
                let t1 = cents((s.t1.0 + s.t1.1 * z1).max(floor));
                let t2 = cents((t1 + s.diff.0 + s.diff.1 * z2).max(floor));
                out.push(RawSalaryRow {
                    informant: name.clone(),
                    t1,
                    t2_printed: t2,
                    diff_printed: printed(t2 - t1, 2)?,
                });
            }
        }
        for (m, r) in Measure::ALL.into_iter().zip(rows) {
            let table = match m {
                Measure::Quarterly => &mut raw.salaries.quarterly,
                Measure::Monthly => &mut raw.salaries.monthly,
            };
            match g {
                Group::Service => table.extracted_rows.service = r,
                Group::Development => table.extracted_rows.development = r,
            }
        }
    }
    for info in &mut raw.groups {
        info.n_stated = per_group;
    }
    for m in Measure::ALL {
        let table = match m {
            Measure::Quarterly => &mut raw.salaries.quarterly,
            Measure::Monthly => &mut raw.salaries.monthly,
        };
        table.note = format!("Synthetic: {per_group} made-up informants per group (seed {seed}), drawn from the shape of the paper's {} table.", m.label());
        let mut diffs: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
        for g in Group::ALL {
            let rows = table.extracted_rows.get(g);
            let t1: Vec<f64> = rows.iter().map(|r| r.t1).collect();
            let t2: Vec<f64> = rows.iter().map(|r| r.t2_printed).collect();
            let d: Vec<f64> = rows.iter().map(|r| r.t2_printed - r.t1).collect();
            let err = |e: ttest::StatsError| SyntheticError::Template(e.to_string());
            let (a, b, c) = (
                ttest::describe(&t1).map_err(err)?,
                ttest::describe(&t2).map_err(err)?,
                ttest::describe(&d).map_err(err)?,
            );
            let (mean, sd) = match g {
                Group::Service => {
                    (&mut table.printed_summary.mean.service, &mut table.printed_summary.sd.service)
                }
                Group::Development => (
                    &mut table.printed_summary.mean.development,
                    &mut table.printed_summary.sd.development,
                ),
            };
            (mean.t1, mean.t2, mean.diff) =
                (printed(a.mean, 2)?, printed(b.mean, 2)?, printed(c.mean, 2)?);
            (sd.t1, sd.t2, sd.diff) = (printed(a.sd, 2)?, printed(b.sd, 2)?, printed(c.sd, 2)?);
            diffs[g.index()] = d;
        }
        if let Some(test) = raw.printed_tests.iter_mut().find(|t| t.measure == m) {
            let t = ttest::student(&diffs[0], &diffs[1])
                .map_err(|e| SyntheticError::Template(e.to_string()))?;
            test.t = printed(t.t, 2)?;
            if t.p < 0.001 {
                (test.p_relation, test.p) = ("<=".into(), printed(0.001, 3)?);
            } else {
                (test.p_relation, test.p) = ("=".into(), printed(t.p, 3)?);
            }
            test.source = "synthetic".into();
        }
    }
    let mut study = Study::build(raw).map_err(SyntheticError::Load)?;
    let rows = balance(&study, &[]);
    for p in &mut study.raw.printed_demographic_p {
        if let Some(r) = rows.iter().find(|r| r.variable.key() == p.variable) {
            if let Ok(t) = &r.test {
                p.p = printed(t.p, 2)?;
            }
        }
    }
    Ok(study)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_outside_the_range_are_errors() {
        for n in [0, 1, MAX_PER_GROUP + 1, usize::MAX] {
            assert_eq!(
                synthetic_study(n, 1).map(|_| ()),
                Err(SyntheticError::OutOfRange { per_group: n })
            );
        }
        assert!(synthetic_study(0, 1)
            .unwrap_err()
            .to_string()
            .contains("2 to 50000 informants per group, not 0"));
    }

    #[test]
    fn the_same_seed_gives_the_same_study() {
        let (a, b, c) = (
            synthetic_study(50, 3).unwrap(),
            synthetic_study(50, 3).unwrap(),
            synthetic_study(50, 4).unwrap(),
        );
        let t1 = |s: &Study| s.quarterly.rows.iter().map(|r| r.t1).collect::<Vec<_>>();
        assert_eq!(t1(&a), t1(&b));
        assert_ne!(t1(&a), t1(&c));
    }

    #[test]
    fn synthetic_salaries_follow_the_papers_shape() {
        let paper = Study::embedded().unwrap();
        let s = synthetic_from(&paper, 5_000, SYNTHETIC_SEED).unwrap();
        for m in Measure::ALL {
            for g in Group::ALL {
                let want = shape(&paper, m, g).unwrap();
                let got = shape(&s, m, g).unwrap();
                // Means within 5 standard errors; the floor at 10 % of the mean clips a little.
                assert!(
                    (got.diff.0 - want.diff.0).abs() < 5.0 * want.diff.1 / (5_000f64).sqrt(),
                    "{m:?} {g:?} diff mean {} vs {}",
                    got.diff.0,
                    want.diff.0
                );
                assert!(
                    (got.t1.1 / want.t1.1 - 1.0).abs() < 0.15,
                    "{m:?} {g:?} T1 SD {} vs {}",
                    got.t1.1,
                    want.t1.1
                );
            }
        }
    }
}
