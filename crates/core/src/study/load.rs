//! The study ready for analysis: [`Study`], built from a [`RawStudy`] (the study file's
//! types are [`crate::study::schema`]).
//!
//! Loading has two steps. Decoding gives a [`RawStudy`] or a structural [`LoadError`]: the
//! page decodes the study baked at build time ([`crate::study::embedded`]), native code may
//! parse any study file with [`RawStudy::from_json`]. [`Study::build`] then resolves the
//! salary tables, dropping rows the text extraction repeated; a repeated informant with
//! different numbers is an error. `crates/core/build.rs` includes this file and runs both
//! steps on `crates/core/data/study.json`, so a file with a structural error never builds.
//! Semantic checks live in [`crate::checks::validate`].

use crate::study::kinds::{Group, Measure};
use crate::study::printed::Printed;
use crate::study::schema::Informant;
use crate::study::schema::{LoadError, RawStudy};
use std::collections::HashMap;

/// One informant's salaries in one table, after duplicate extraction rows are dropped.
#[derive(Debug, Clone)]
pub struct SalaryRow {
    pub informant: String,
    pub group: Group,
    pub t1: f64,
    /// T2 as printed (discounted with the paper's factor).
    pub t2_printed: f64,
    pub diff_printed: Printed,
    /// 1-based position of the row in the printed column.
    pub printed_row: usize,
}

/// A repeated row of the text extraction that [`Study::build`] dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedRow {
    pub table: String,
    pub group: Group,
    pub informant: String,
    pub first_row: usize,
    pub repeated_row: usize,
}

/// A salary table ready for analysis.
#[derive(Debug, Clone)]
pub struct SalaryTable {
    pub measure: Measure,
    pub source: String,
    pub rows: Vec<SalaryRow>,
}

impl SalaryTable {
    /// The rows of one group, in printed order.
    pub fn group_rows(&self, g: Group) -> impl Iterator<Item = &SalaryRow> {
        self.rows.iter().filter(move |r| r.group == g)
    }
}

/// The study ready for analysis: the raw file plus resolved salary tables.
#[derive(Debug, Clone)]
pub struct Study {
    pub raw: RawStudy,
    pub quarterly: SalaryTable,
    pub monthly: SalaryTable,
    /// Rows the text extraction repeated, dropped once each (reported by validation).
    pub dropped: Vec<DroppedRow>,
}

impl Study {
    /// Parses (with serde_json) and builds a study from JSON text.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Study, LoadError> {
        Study::build(RawStudy::from_json(text)?)
    }

    /// Resolves the salary tables: identical repeated rows are dropped (and recorded);
    /// a repeated informant with different numbers is an error.
    pub fn build(raw: RawStudy) -> Result<Study, LoadError> {
        let mut dropped = Vec::new();
        let quarterly = resolve_table(&raw, Measure::Quarterly, &mut dropped)?;
        let monthly = resolve_table(&raw, Measure::Monthly, &mut dropped)?;
        Ok(Study { raw, quarterly, monthly, dropped })
    }

    /// The resolved table for a measure.
    pub fn table(&self, m: Measure) -> &SalaryTable {
        match m {
            Measure::Quarterly => &self.quarterly,
            Measure::Monthly => &self.monthly,
        }
    }

    /// An informant by pseudonym.
    pub fn informant(&self, name: &str) -> Option<&Informant> {
        self.raw.informants.iter().find(|i| i.name == name)
    }

    /// Informants of one group, in Table 2 order.
    pub fn informants_in(&self, g: Group) -> impl Iterator<Item = &Informant> {
        self.raw.informants.iter().filter(move |i| i.group == g)
    }
}

/// Builds one table, recording the rows it drops as repeats.
fn resolve_table(
    raw: &RawStudy,
    m: Measure,
    dropped: &mut Vec<DroppedRow>,
) -> Result<SalaryTable, LoadError> {
    let t = raw.salaries.get(m);
    let mut rows: Vec<SalaryRow> = Vec::new();
    for g in Group::ALL {
        // Row index by informant, so a table of 20,000 rows builds in linear time.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, r) in t.extracted_rows.get(g).iter().enumerate() {
            if let Some(first) = seen.get(r.informant.as_str()).map(|&k| &rows[k]) {
                let same = first.t1 == r.t1
                    && first.t2_printed == r.t2_printed
                    && first.diff_printed == r.diff_printed;
                if !same {
                    return Err(LoadError::ConflictingRows {
                        table: t.source.clone(),
                        informant: r.informant.clone(),
                    });
                }
                dropped.push(DroppedRow {
                    table: t.source.clone(),
                    group: g,
                    informant: r.informant.clone(),
                    first_row: first.printed_row,
                    repeated_row: i + 1,
                });
                continue;
            }
            seen.insert(r.informant.as_str(), rows.len());
            rows.push(SalaryRow {
                informant: r.informant.clone(),
                group: g,
                t1: r.t1,
                t2_printed: r.t2_printed,
                diff_printed: r.diff_printed.clone(),
                printed_row: i + 1,
            });
        }
    }
    Ok(SalaryTable { measure: m, source: t.source.clone(), rows })
}
