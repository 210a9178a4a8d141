//! View models for the Workshop (`#workshop`): what the page shows after an import, computed
//! here so it is pure and tested natively. The UI only lays these out.
//!
//! - [`check_qdpx_size`] / [`check_csv_sizes`]: the size limits, checked *before* a file is
//!   read, with a message naming the file;
//! - [`coverage_view`]: the coverage table, codes (rows, pre-order, with depth and the
//!   aggregate flag) × cells (group × time, or one per document set; both definitions) and ×
//!   sources, as numbers and as text with two decimals ("undefined" for an empty source or
//!   cell), with the sources in no cell and those in more than one set;
//! - [`filter_rows`]: which code rows a table shows (codes with codings by default, or all;
//!   matching a name filter) and a sentence saying how many are hidden and why;
//! - [`theme_assignments`] / [`comparison_bars`] / [`comparison_summary`]: which imported code
//!   stands for each of the paper's five themes (matched by name, or mapped by the reader),
//!   and the chart model that puts its coverage beside the printed values (`None` = not
//!   reported, never zero);
//! - [`agreement_view`]: Cohen's kappa per code and overall for every pair of coders who
//!   coded the same sources, with the reason when kappa is undefined;
//! - [`import_summary`]: one sentence naming the project and its size.

mod agreement;
mod comparison;
mod filter;
mod themes;

use crate::coverage::engine::{Coders, CoverageError, CoverageTable};
use crate::coverage::project::{Grouping, Project};
use crate::coverage::qdpx::QDPX_LIMITS;
use crate::text::format::{fixed, percent};
use crate::text::i18n::{fill, Strings};
use crate::text::pieces::name_separator;
pub use agreement::*;
pub use comparison::*;
pub use filter::*;
pub use themes::*;

/// What an empty source (or a cell of empty sources) shows instead of a percentage.
pub const UNDEFINED: &str = "undefined";

/// Size limits for the CSV route, in bytes: each file, and all files together. The same
/// figures as the `.qdpx` limits for one entry and for everything unpacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvLimits {
    pub file_bytes: u64,
    pub total_bytes: u64,
}

/// The limits the Workshop applies to the CSV route: 64 MiB a file, 256 MiB in all.
pub const CSV_LIMITS: CsvLimits =
    CsvLimits { file_bytes: QDPX_LIMITS.entry_bytes, total_bytes: QDPX_LIMITS.total_bytes };

fn size_text(bytes: u64, t: &Strings) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", fixed(bytes as f64 / (1u64 << 20) as f64, 1))
    } else {
        fill(t.c_bytes, &[("n", &bytes.to_string())])
    }
}

/// "1 source" / "3 sources" from a pair of table entries with an `{n}` placeholder.
pub fn count_text(n: usize, one: &str, many: &str) -> String {
    fill(if n == 1 { one } else { many }, &[("n", &n.to_string())])
}

/// Refuses a `.qdpx` over [`QDPX_LIMITS`]`.archive_bytes` before it is read.
pub fn check_qdpx_size(name: &str, bytes: u64, t: &Strings) -> Result<(), String> {
    let limit = QDPX_LIMITS.archive_bytes;
    if bytes > limit {
        return Err(fill(
            t.c_qdpx_too_big,
            &[("name", name), ("size", &size_text(bytes, t)), ("limit", &size_text(limit, t))],
        ));
    }
    Ok(())
}

/// Refuses CSV-route files over [`CSV_LIMITS`] before any is read: (file name, size in bytes).
pub fn check_csv_sizes(files: &[(String, u64)], t: &Strings) -> Result<(), String> {
    for (name, size) in files {
        if *size > CSV_LIMITS.file_bytes {
            return Err(fill(
                t.c_file_too_big,
                &[
                    ("name", name),
                    ("size", &size_text(*size, t)),
                    ("limit", &size_text(CSV_LIMITS.file_bytes, t)),
                ],
            ));
        }
    }
    let total = files.iter().fold(0u64, |acc, (_, s)| acc.saturating_add(*s));
    if total > CSV_LIMITS.total_bytes {
        return Err(fill(
            t.c_files_too_big,
            &[
                ("n", &files.len().to_string()),
                ("size", &size_text(total, t)),
                ("limit", &size_text(CSV_LIMITS.total_bytes, t)),
            ],
        ));
    }
    Ok(())
}

/// A coverage percentage with two decimals, or [`UNDEFINED`] (in the UI language).
pub fn coverage_text(v: Option<f64>, t: &Strings) -> String {
    v.map(percent).unwrap_or_else(|| t.c_undefined.to_string())
}

/// "Development × T1", or a set's name alone.
pub fn cell_label(group: &str, time: Option<&str>) -> String {
    match time {
        Some(time) => format!("{group} \u{d7} {time}"),
        None => group.to_string(),
    }
}

/// One sentence naming the project and its size.
pub fn import_summary(project: &Project, t: &Strings) -> String {
    let name = if project.name().trim().is_empty() { t.c_no_name } else { project.name() };
    fill(
        t.c_import_summary,
        &[
            ("name", name),
            ("sources", &count_text(project.sources().len(), t.c_sources_one, t.c_sources_many)),
            ("codes", &count_text(project.code_rows().len(), t.c_codes_one, t.c_codes_many)),
            ("codings", &count_text(project.codings().len(), t.c_codings_one, t.c_codings_many)),
            ("coders", &count_text(project.users().len(), t.c_coders_one, t.c_coders_many)),
        ],
    )
}

/// The head of one cell's column pair.
#[derive(Debug, Clone, PartialEq)]
pub struct CellHead {
    /// The group value, or the set's name.
    pub group: String,
    /// The time value; `None` for a set.
    pub time: Option<String>,
    /// The set's id, for a set.
    pub set: Option<String>,
    /// "Development × T1", or the set's name.
    pub label: String,
    pub n_sources: usize,
    /// Sources with no characters (left out of the mean of per-source percentages).
    pub n_empty: usize,
    pub total_chars: u64,
}

/// The head of one source column.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceHead {
    pub id: String,
    /// Short column key: `S1`, `S2`, … in column order.
    pub key: String,
    pub name: String,
    pub chars: usize,
    /// The label of its cell (of each of its sets, listed), `None` when it is in no cell.
    pub cell: Option<String>,
}

/// One code in one cell: both definitions, as numbers and as text.
#[derive(Debug, Clone, PartialEq)]
pub struct CellText {
    pub pooled: Option<f64>,
    pub mean: Option<f64>,
    pub pooled_text: String,
    pub mean_text: String,
}

/// One code in one source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceText {
    pub coded: usize,
    pub value: Option<f64>,
    pub text: String,
}

/// One code's row.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewRow {
    pub code: String,
    pub name: String,
    /// 1 for a root code.
    pub depth: usize,
    /// The code has children: its figures are the union with all its descendants.
    pub aggregate: bool,
    /// The code or one of its descendants has a coding (by any coder).
    pub coded: bool,
    /// One per [`CoverageView::cells`].
    pub cells: Vec<CellText>,
    /// One per [`CoverageView::sources`].
    pub sources: Vec<SourceText>,
}

/// The Workshop's coverage tables.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageView {
    /// How the sources form the cells (`None`: no cells, sources only).
    pub grouping: Option<Grouping>,
    pub cells: Vec<CellHead>,
    /// Sources in column order: by cell (in cell order; a source in several sets under the
    /// first), then the unassigned ones.
    pub sources: Vec<SourceHead>,
    pub rows: Vec<ViewRow>,
    /// Names of the sources that belong to no cell.
    pub unassigned: Vec<String>,
    /// Names of the sources in more than one cell (only document sets overlap).
    pub overlapping: Vec<String>,
}

/// Builds the coverage tables for `coders`; cells only when `grouping` is given.
pub fn coverage_view(
    project: &Project,
    grouping: Option<&Grouping>,
    coders: &Coders,
    t: &Strings,
) -> Result<CoverageView, CoverageError> {
    let table: Option<CoverageTable> =
        grouping.map(|g| project.coverage_table_by(g, coders)).transpose()?;
    let name_of =
        |id: &str| project.source(id).map(|s| s.name.clone()).unwrap_or_else(|| id.to_string());
    // (source id, labels of its cells), each source once.
    let mut order: Vec<(String, Vec<String>)> = Vec::new();
    let (mut unassigned, mut overlapping) = (Vec::new(), Vec::new());
    match &table {
        Some(table) => {
            let mut at: std::collections::BTreeMap<String, usize> =
                std::collections::BTreeMap::new();
            for c in &table.cells {
                let label = cell_label(&c.group, c.time.as_deref());
                for s in &c.sources {
                    match at.get(s) {
                        Some(&i) => {
                            if let Some((_, labels)) = order.get_mut(i) {
                                labels.push(label.clone());
                            }
                        }
                        None => {
                            at.insert(s.clone(), order.len());
                            order.push((s.clone(), vec![label.clone()]));
                        }
                    }
                }
            }
            order.extend(table.unassigned.iter().map(|s| (s.clone(), Vec::new())));
            unassigned = table.unassigned.iter().map(|s| name_of(s)).collect();
            overlapping = table.overlapping.iter().map(|s| name_of(s)).collect();
        }
        None => order.extend(project.sources().iter().map(|s| (s.id.clone(), Vec::new()))),
    }
    let sources: Vec<SourceHead> = order
        .into_iter()
        .enumerate()
        .map(|(i, (id, cells))| SourceHead {
            key: format!("S{}", i + 1),
            name: name_of(&id),
            chars: project.source(&id).map(|s| s.len_chars()).unwrap_or(0),
            id,
            cell: (!cells.is_empty()).then(|| cells.join(name_separator(t.lang))),
        })
        .collect();
    let cells: Vec<CellHead> = table
        .as_ref()
        .map(|t| {
            t.cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let first = t.rows.first().and_then(|r| r.values.get(i));
                    CellHead {
                        group: c.group.clone(),
                        time: c.time.clone(),
                        set: c.set.clone(),
                        label: cell_label(&c.group, c.time.as_deref()),
                        n_sources: c.sources.len(),
                        n_empty: first.map_or(0, |v| v.n_empty),
                        total_chars: first.map_or_else(
                            || {
                                c.sources
                                    .iter()
                                    .filter_map(|s| project.source(s))
                                    .map(|s| s.len_chars() as u64)
                                    .sum()
                            },
                            |v| v.total_chars,
                        ),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let coded = project.coded_codes();
    let mut rows = Vec::new();
    for (i, code) in project.code_rows().into_iter().enumerate() {
        let cell_values = table
            .as_ref()
            .and_then(|t| t.rows.get(i))
            .map(|r| {
                r.values
                    .iter()
                    .map(|v| CellText {
                        pooled: v.pooled,
                        mean: v.mean_of_sources,
                        pooled_text: coverage_text(v.pooled, t),
                        mean_text: coverage_text(v.mean_of_sources, t),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut per_source = Vec::with_capacity(sources.len());
        for s in &sources {
            let c = project.source_coverage(&s.id, &code.id, coders)?;
            per_source.push(SourceText {
                coded: c.coded_chars,
                value: c.percent,
                text: coverage_text(c.percent, t),
            });
        }
        rows.push(ViewRow {
            code: code.id,
            name: code.name,
            depth: code.depth,
            aggregate: code.has_children,
            coded: coded.get(i).copied().unwrap_or(false),
            cells: cell_values,
            sources: per_source,
        });
    }
    Ok(CoverageView { grouping: grouping.cloned(), cells, sources, rows, unassigned, overlapping })
}

#[cfg(test)]
mod tests;
