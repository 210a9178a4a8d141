//! Coverage: the share of a source's characters coded at a code, per source, per cell (a
//! group × time cell, or a set of sources; pooled and mean of sources) and as a whole table
//! of codes × cells.
//!
//! Definitions (all offsets in Unicode code points, ranges half-open):
//! - **Per source**: coverage = |∪ coded ranges| ÷ source length × 100, where the union takes
//!   the code's own codings and, for a parent code, every descendant's codings, by the chosen
//!   [`Coders`]. A source with 0 characters has *undefined* coverage (`percent: None`).
//! - **Per cell** (a set of sources): [`CellCoverage::pooled`] = Σ coded ÷ Σ length × 100 over
//!   the cell's sources; [`CellCoverage::mean_of_sources`] = the mean of the defined per-source
//!   percentages (empty sources are left out and counted in [`CellCoverage::n_empty`]). Each is
//!   `None` when nothing defines it (no characters / no non-empty source).
//!
//! - **Cells** come from a [`Grouping`]: group × time cells from two source attributes (each
//!   source in at most one cell), or one cell per set of sources. A source in two sets counts
//!   in both cells, so set cells may overlap ([`Cells::overlapping`] names those sources).
//!
//! Worked example: sources of 100 and 300 characters with 50 and 30 coded: pooled =
//! (50 + 30) ÷ (100 + 300) = 20 %; mean of sources = (50 % + 10 %) ÷ 2 = 30 %.

use super::project::{CellKeys, Grouping, Project};
use super::ranges::{self, Range};
use crate::text::i18n::{fill, Strings, EN};
use std::collections::BTreeMap;
use std::fmt;

/// Whose codings count.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Coders {
    /// The union of every coder's codings (the default): a character counts as coded if any
    /// coder coded it.
    #[default]
    All,
    /// Only this coder's codings (a user id).
    One(String),
}

/// A request the engine cannot answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoverageError {
    UnknownSource(String),
    UnknownCode(String),
    UnknownCoder(String),
    /// Agreement needs two different coders.
    SameCoder(String),
}

impl CoverageError {
    /// The message in the UI language (`Display` gives the English one).
    pub fn message(&self, t: &Strings) -> String {
        let (template, id) = match self {
            CoverageError::UnknownSource(id) => (t.c_err_no_source, id),
            CoverageError::UnknownCode(id) => (t.c_err_no_code, id),
            CoverageError::UnknownCoder(id) => (t.c_err_no_coder, id),
            CoverageError::SameCoder(id) => (t.c_err_same_coder, id),
        };
        fill(template, &[("id", id)])
    }
}

impl fmt::Display for CoverageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

impl std::error::Error for CoverageError {}

/// Coverage of one code in one source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceCoverage {
    pub source: String,
    /// Characters coded (each counted once, however many codings cover it).
    pub coded_chars: usize,
    /// Length of the source in characters.
    pub total_chars: usize,
    /// coded ÷ total × 100; `None` for an empty source (undefined, not 0 %).
    pub percent: Option<f64>,
}

/// Coverage of one code across a set of sources (a group × time cell), both ways.
#[derive(Debug, Clone, PartialEq)]
pub struct CellCoverage {
    /// Σ coded chars ÷ Σ chars × 100 over the cell's sources; `None` if they hold no characters.
    pub pooled: Option<f64>,
    /// Mean of the per-source percentages of the non-empty sources; `None` if there are none.
    pub mean_of_sources: Option<f64>,
    /// Number of sources in the cell, empty ones included.
    pub n_sources: usize,
    /// Of which empty (0 characters; left out of `mean_of_sources`).
    pub n_empty: usize,
    pub coded_chars: u64,
    pub total_chars: u64,
    /// The per-source figures, in the order the sources were given.
    pub per_source: Vec<SourceCoverage>,
}

/// The sources of one cell: a group × time cell, or a set of sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellSources {
    /// The group value, or the set's name.
    pub group: String,
    /// The time value; `None` for a set's cell.
    pub time: Option<String>,
    /// The set's id, for a set's cell.
    pub set: Option<String>,
    /// Source ids, in project order.
    pub sources: Vec<String>,
}

/// Sources sorted into cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cells {
    /// Group × time cells sorted by group, then time (text order: `Development` < `Service`,
    /// `T1` < `T2`); set cells in the project's order of sets.
    pub cells: Vec<CellSources>,
    /// Sources in no cell: lacking the group or the time attribute (or with an empty value),
    /// or in no set.
    pub unassigned: Vec<String>,
    /// Sources in more than one cell (only sets overlap), in project order.
    pub overlapping: Vec<String>,
}

/// One code's coverage in every cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    pub code: String,
    pub name: String,
    pub depth: usize,
    /// True when the code has children, so its figures are the union with its descendants.
    pub aggregate: bool,
    /// One entry per cell, in the order of [`CoverageTable::cells`].
    pub values: Vec<CellCoverage>,
}

/// Codes × cells.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageTable {
    pub grouping: Grouping,
    pub cells: Vec<CellSources>,
    pub unassigned: Vec<String>,
    /// Sources in more than one cell (see [`Cells::overlapping`]).
    pub overlapping: Vec<String>,
    /// One row per code, in pre-order of the code tree.
    pub rows: Vec<CoverageRow>,
}

fn percent(coded: u64, total: u64) -> Option<f64> {
    (total > 0).then(|| coded as f64 / total as f64 * 100.0)
}

impl Project {
    pub(crate) fn code_index(&self, id: &str) -> Result<usize, CoverageError> {
        self.code_by_id.get(id).copied().ok_or_else(|| CoverageError::UnknownCode(id.to_string()))
    }

    pub(crate) fn source_index(&self, id: &str) -> Result<usize, CoverageError> {
        self.source_by_id
            .get(id)
            .copied()
            .ok_or_else(|| CoverageError::UnknownSource(id.to_string()))
    }

    pub(crate) fn coder_index(&self, id: &str) -> Result<usize, CoverageError> {
        self.user_by_id.get(id).copied().ok_or_else(|| CoverageError::UnknownCoder(id.to_string()))
    }

    fn coder_filter(&self, coders: &Coders) -> Result<Option<usize>, CoverageError> {
        match coders {
            Coders::All => Ok(None),
            Coders::One(id) => self.coder_index(id).map(Some),
        }
    }

    /// The union of the ranges coded in source `source` at code `code` (with its descendants
    /// when `aggregate`), by `coder` (any coder when `None`).
    pub(crate) fn coded_union(
        &self,
        source: usize,
        code: usize,
        aggregate: bool,
        coder: Option<usize>,
    ) -> Vec<Range> {
        let end = match self.codes_flat.get(code) {
            Some(c) if aggregate => c.subtree_end,
            Some(_) => code + 1,
            None => return Vec::new(),
        };
        let list = self.by_source.get(source).map(Vec::as_slice).unwrap_or(&[]);
        let ranges = list
            .iter()
            .filter_map(|&i| self.resolved.get(i))
            .filter(|r| r.code >= code && r.code < end && coder.is_none_or(|c| r.coder == c))
            .map(|r| (r.start, r.end))
            .collect();
        ranges::union(ranges)
    }

    fn source_coverage_at(
        &self,
        source: usize,
        code: usize,
        coder: Option<usize>,
    ) -> SourceCoverage {
        let coded = ranges::total_len(&self.coded_union(source, code, true, coder));
        let total = self.source_len.get(source).copied().unwrap_or(0);
        SourceCoverage {
            source: self.sources().get(source).map(|s| s.id.clone()).unwrap_or_default(),
            coded_chars: coded,
            total_chars: total,
            percent: percent(coded as u64, total as u64),
        }
    }

    /// Coverage of `code` (with its descendants) in one source.
    pub fn source_coverage(
        &self,
        source: &str,
        code: &str,
        coders: &Coders,
    ) -> Result<SourceCoverage, CoverageError> {
        let (s, c, who) =
            (self.source_index(source)?, self.code_index(code)?, self.coder_filter(coders)?);
        Ok(self.source_coverage_at(s, c, who))
    }

    fn cell_at(&self, sources: &[usize], code: usize, coder: Option<usize>) -> CellCoverage {
        let per_source: Vec<SourceCoverage> =
            sources.iter().map(|&s| self.source_coverage_at(s, code, coder)).collect();
        let coded: u64 = per_source.iter().map(|s| s.coded_chars as u64).sum();
        let total: u64 = per_source.iter().map(|s| s.total_chars as u64).sum();
        let defined: Vec<f64> = per_source.iter().filter_map(|s| s.percent).collect();
        CellCoverage {
            pooled: percent(coded, total),
            mean_of_sources: (!defined.is_empty())
                .then(|| defined.iter().sum::<f64>() / defined.len() as f64),
            n_sources: per_source.len(),
            n_empty: per_source.len() - defined.len(),
            coded_chars: coded,
            total_chars: total,
            per_source,
        }
    }

    /// Coverage of `code` (with its descendants) across a set of sources, pooled and as the
    /// mean of per-source percentages.
    pub fn cell_coverage(
        &self,
        sources: &[String],
        code: &str,
        coders: &Coders,
    ) -> Result<CellCoverage, CoverageError> {
        let idx = sources.iter().map(|s| self.source_index(s)).collect::<Result<Vec<_>, _>>()?;
        let (c, who) = (self.code_index(code)?, self.coder_filter(coders)?);
        Ok(self.cell_at(&idx, c, who))
    }

    /// Sorts the sources into group × time cells by the attributes named in `keys`.
    pub fn cells(&self, keys: &CellKeys) -> Cells {
        let mut map: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
        let mut unassigned = Vec::new();
        for s in self.sources() {
            let value = |k: &str| {
                s.attributes.get(k).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
            };
            match (value(&keys.group), value(&keys.time)) {
                (Some(g), Some(t)) => map.entry((g, t)).or_default().push(s.id.clone()),
                _ => unassigned.push(s.id.clone()),
            }
        }
        Cells {
            cells: map
                .into_iter()
                .map(|((group, time), sources)| CellSources {
                    group,
                    time: Some(time),
                    set: None,
                    sources,
                })
                .collect(),
            unassigned,
            overlapping: Vec::new(),
        }
    }

    /// One cell per set of sources, in the project's order of sets, with the sources in no
    /// set and those in more than one.
    pub fn set_cells(&self) -> Cells {
        let mut count = vec![0usize; self.sources().len()];
        let id = |i: &usize| self.sources().get(*i).map(|s| s.id.clone());
        let cells = self
            .sets()
            .iter()
            .zip(&self.set_members)
            .map(|(set, members)| {
                for &i in members {
                    if let Some(n) = count.get_mut(i) {
                        *n += 1;
                    }
                }
                CellSources {
                    group: set.name.clone(),
                    time: None,
                    set: Some(set.id.clone()),
                    sources: members.iter().filter_map(id).collect(),
                }
            })
            .collect();
        let with = |pred: fn(usize) -> bool| {
            count
                .iter()
                .enumerate()
                .filter(|(_, n)| pred(**n))
                .filter_map(|(i, _)| id(&i))
                .collect()
        };
        Cells { cells, unassigned: with(|n| n == 0), overlapping: with(|n| n > 1) }
    }

    /// The cells of a [`Grouping`].
    pub fn cells_by(&self, grouping: &Grouping) -> Cells {
        match grouping {
            Grouping::Variables(keys) => self.cells(keys),
            Grouping::Sets => self.set_cells(),
        }
    }

    /// Every code's coverage in every group × time cell.
    pub fn coverage_table(
        &self,
        keys: &CellKeys,
        coders: &Coders,
    ) -> Result<CoverageTable, CoverageError> {
        self.coverage_table_by(&Grouping::Variables(keys.clone()), coders)
    }

    /// Every code's coverage in every cell of `grouping`.
    pub fn coverage_table_by(
        &self,
        grouping: &Grouping,
        coders: &Coders,
    ) -> Result<CoverageTable, CoverageError> {
        let who = self.coder_filter(coders)?;
        let Cells { cells, unassigned, overlapping } = self.cells_by(grouping);
        let cell_idx: Vec<Vec<usize>> = cells
            .iter()
            .map(|c| c.sources.iter().filter_map(|s| self.source_by_id.get(s).copied()).collect())
            .collect();
        let rows = self
            .codes_flat
            .iter()
            .enumerate()
            .map(|(i, c)| CoverageRow {
                code: c.id.clone(),
                name: c.name.clone(),
                depth: c.depth,
                aggregate: c.subtree_end > i + 1,
                values: cell_idx.iter().map(|srcs| self.cell_at(srcs, i, who)).collect(),
            })
            .collect();
        Ok(CoverageTable { grouping: grouping.clone(), cells, unassigned, overlapping, rows })
    }
}
