//! View models for the Workshop (`#workshop`): what the page shows after an import, computed
//! here so it is pure and tested natively. The UI only lays these out.
//!
//! - [`check_qdpx_size`] / [`check_csv_sizes`]: the size limits, checked *before* a file is
//!   read, with a message naming the file;
//! - [`coverage_view`]: the coverage table, codes (rows, pre-order, with depth and the
//!   aggregate flag) × group × time cells (both definitions) and × sources, as numbers and as
//!   text with two decimals ("undefined" for an empty source or cell);
//! - [`theme_assignments`] / [`comparison_bars`] / [`comparison_summary`]: which imported code
//!   stands for each of the paper's five themes (matched by name, or mapped by the reader),
//!   and the chart model that puts its coverage beside the printed values (`None` = not
//!   reported, never zero);
//! - [`agreement_view`]: Cohen's kappa per code and overall for every pair of coders who
//!   coded the same sources, with the reason when kappa is undefined;
//! - [`import_summary`]: one sentence naming the project and its size.

use crate::coverage::engine::{Coders, CoverageError, CoverageTable};
use crate::coverage::kappa::{AgreementTable, Kappa};
use crate::coverage::project::{CellKeys, Project};
use crate::coverage::qdpx::QDPX_LIMITS;
use crate::coverage::themes::ThemeMatch;
use crate::study::{Coverage, Group, Time};
use crate::text::format::{fixed, percent};
use crate::text::i18n::{fill, Strings};
use std::collections::BTreeMap;

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

/// A list separator from the table: an ASCII one (`,` `;`) is followed by a space, a
/// full-width one (`、` `；`) is not.
fn sep(s: &str) -> String {
    if s.is_ascii() {
        format!("{s} ")
    } else {
        s.to_string()
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

/// "Development × T1".
pub fn cell_label(group: &str, time: &str) -> String {
    format!("{group} \u{d7} {time}")
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

/// The head of one group × time column pair.
#[derive(Debug, Clone, PartialEq)]
pub struct CellHead {
    pub group: String,
    pub time: String,
    /// "Development × T1".
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
    /// The cell label, `None` when the source lacks the group or the time value.
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
    /// One per [`CoverageView::cells`].
    pub cells: Vec<CellText>,
    /// One per [`CoverageView::sources`].
    pub sources: Vec<SourceText>,
}

/// The Workshop's coverage tables.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageView {
    /// The attributes used for the cells (`None`: no cells, sources only).
    pub keys: Option<CellKeys>,
    pub cells: Vec<CellHead>,
    /// Sources in column order: by cell (in cell order), then the unassigned ones.
    pub sources: Vec<SourceHead>,
    pub rows: Vec<ViewRow>,
    /// Names of the sources that belong to no cell.
    pub unassigned: Vec<String>,
}

/// Builds the coverage tables for `coders`; cells only when `keys` is given.
pub fn coverage_view(
    project: &Project,
    keys: Option<&CellKeys>,
    coders: &Coders,
    t: &Strings,
) -> Result<CoverageView, CoverageError> {
    let table: Option<CoverageTable> =
        keys.map(|k| project.coverage_table(k, coders)).transpose()?;
    let name_of =
        |id: &str| project.source(id).map(|s| s.name.clone()).unwrap_or_else(|| id.to_string());
    let mut order: Vec<(String, Option<String>)> = Vec::new();
    let mut unassigned = Vec::new();
    match &table {
        Some(t) => {
            for c in &t.cells {
                order.extend(
                    c.sources.iter().map(|s| (s.clone(), Some(cell_label(&c.group, &c.time)))),
                );
            }
            order.extend(t.unassigned.iter().map(|s| (s.clone(), None)));
            unassigned = t.unassigned.iter().map(|s| name_of(s)).collect();
        }
        None => order.extend(project.sources().iter().map(|s| (s.id.clone(), None))),
    }
    let sources: Vec<SourceHead> = order
        .into_iter()
        .enumerate()
        .map(|(i, (id, cell))| SourceHead {
            key: format!("S{}", i + 1),
            name: name_of(&id),
            chars: project.source(&id).map(|s| s.len_chars()).unwrap_or(0),
            id,
            cell,
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
                        label: cell_label(&c.group, &c.time),
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
            cells: cell_values,
            sources: per_source,
        });
    }
    Ok(CoverageView { keys: keys.cloned(), cells, sources, rows, unassigned })
}

/// How a theme got (or did not get) its imported code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignmentKind {
    /// One code has the theme's name.
    ByName,
    /// The reader mapped one code to it.
    Chosen,
    /// Several codes have the theme's name, and the reader has not chosen.
    Ambiguous,
    /// The reader mapped several codes to it.
    Conflict,
    /// No code has the theme's name, and the reader has not mapped one.
    Missing,
}

/// One of the paper's themes and the imported code that stands for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeAssignment {
    pub theme: String,
    pub theme_name: String,
    /// The code used, when exactly one stands for the theme.
    pub code: Option<String>,
    pub kind: AssignmentKind,
    /// A sentence for the reader.
    pub note: String,
}

/// Codes the reader may map to a theme: those no theme name matched and those in an
/// ambiguous match, in pre-order.
pub fn mappable_codes(project: &Project, m: &ThemeMatch) -> Vec<String> {
    let ambiguous: Vec<&String> = m.ambiguous.iter().flat_map(|(_, codes)| codes).collect();
    project
        .code_rows()
        .into_iter()
        .map(|r| r.id)
        .filter(|id| m.unmatched_codes.contains(id) || ambiguous.contains(&id))
        .collect()
}

fn quoted_names(project: &Project, codes: &[String], t: &Strings) -> String {
    codes
        .iter()
        .map(|c| {
            format!(
                "\u{201c}{}\u{201d}",
                project.code_row(c).map(|r| r.name).unwrap_or_else(|| c.clone())
            )
        })
        .collect::<Vec<_>>()
        .join(&sep(t.c_list_sep))
}

/// For each theme of `themes` (id, name), the code that stands for it: the reader's mapping
/// (`chosen`: code id → theme id) wins over a match by name; several codes for one theme are
/// reported, never guessed between. Mappings to unknown codes or themes are ignored.
pub fn theme_assignments(
    project: &Project,
    m: &ThemeMatch,
    themes: &[(&str, &str)],
    chosen: &BTreeMap<String, String>,
    t: &Strings,
) -> Vec<ThemeAssignment> {
    let rows = project.code_rows();
    themes
        .iter()
        .map(|&(id, name)| {
            let mine: Vec<String> = rows
                .iter()
                .filter(|r| chosen.get(&r.id).is_some_and(|t| t == id))
                .map(|r| r.id.clone())
                .collect();
            let by_name = m.matched.iter().find(|x| x.theme == id).map(|x| x.code.clone());
            let ambiguous = m.ambiguous.iter().find(|(t, _)| t == id).map(|(_, c)| c.clone());
            let (code, kind, note) = match (mine.as_slice(), by_name, ambiguous) {
                ([one], by_name, _) => {
                    let codes = quoted_names(project, &mine, t);
                    let note = match by_name.filter(|b| b != one) {
                        Some(b) => fill(
                            t.c_assign_chosen_instead,
                            &[("codes", &codes), ("code", &quoted_names(project, &[b], t))],
                        ),
                        None => fill(t.c_assign_chosen, &[("codes", &codes)]),
                    };
                    (Some(one.clone()), AssignmentKind::Chosen, note)
                }
                ([_, _, ..], _, _) => (
                    None,
                    AssignmentKind::Conflict,
                    fill(t.c_assign_conflict, &[("codes", &quoted_names(project, &mine, t))]),
                ),
                ([], Some(code), _) => {
                    let note = fill(
                        t.c_assign_by_name,
                        &[("codes", &quoted_names(project, std::slice::from_ref(&code), t))],
                    );
                    (Some(code), AssignmentKind::ByName, note)
                }
                ([], None, Some(codes)) => (
                    None,
                    AssignmentKind::Ambiguous,
                    fill(t.c_assign_ambiguous, &[("codes", &quoted_names(project, &codes, t))]),
                ),
                ([], None, None) => (None, AssignmentKind::Missing, t.c_assign_missing.to_string()),
            };
            ThemeAssignment {
                theme: id.to_string(),
                theme_name: name.to_string(),
                code,
                kind,
                note,
            }
        })
        .collect()
}

/// Which cell aggregate a chart or comparison uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Definition {
    /// Σ coded characters ÷ Σ characters.
    #[default]
    Pooled,
    /// The mean of the per-source percentages.
    MeanOfSources,
}

impl Definition {
    /// The label the page uses for the definition.
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            Definition::Pooled => t.c_def_pooled,
            Definition::MeanOfSources => t.c_def_mean,
        }
    }
}

/// The paper's group for an imported attribute value ("Service", "development", …).
pub fn paper_group(value: &str) -> Option<Group> {
    Group::ALL.into_iter().find(|g| value.trim().eq_ignore_ascii_case(g.label()))
}

/// The paper's time for an imported attribute value ("T1", "t2", …).
pub fn paper_time(value: &str) -> Option<Time> {
    [Time::T1, Time::T2].into_iter().find(|t| value.trim().eq_ignore_ascii_case(t.label()))
}

/// One theme × group × time: the printed value beside the imported one.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonBar {
    pub theme: String,
    pub theme_name: String,
    pub group: Group,
    pub time: Time,
    /// The printed percentage; `None` = not reported in the text (drawn outlined, never zero).
    pub paper: Option<f64>,
    /// Where the printed value comes from.
    pub paper_source: String,
    /// The imported coverage by the chosen definition, when there is one.
    pub imported: Option<f64>,
    /// The imported value as text, or why there is none.
    pub imported_text: String,
    /// Name of the imported code used, if any.
    pub code_name: Option<String>,
}

/// The comparison chart model: every theme of the paper × Service/Development × T1/T2, with the
/// printed value and the imported coverage of the code assigned to the theme.
pub fn comparison_bars(
    paper: &Coverage,
    project: &Project,
    table: &CoverageTable,
    assignments: &[ThemeAssignment],
    def: Definition,
    t: &Strings,
) -> Vec<ComparisonBar> {
    let mut out = Vec::new();
    for th in &paper.themes {
        let assigned = assignments.iter().find(|a| a.theme == th.id).and_then(|a| a.code.clone());
        let row = assigned.as_ref().and_then(|c| table.rows.iter().find(|r| &r.code == c));
        let code_name = assigned
            .as_ref()
            .map(|c| project.code_row(c).map(|r| r.name).unwrap_or_else(|| c.clone()));
        for g in Group::ALL {
            for time in [Time::T1, Time::T2] {
                let cell = paper.cell(&th.id, g, time);
                let at = table.cells.iter().position(|c| {
                    paper_group(&c.group) == Some(g) && paper_time(&c.time) == Some(time)
                });
                let (imported, imported_text) = match (row, at) {
                    (None, _) => (None, t.c_no_code_mapped.to_string()),
                    (Some(_), None) => (None, t.c_no_sources_in_cell.to_string()),
                    (Some(r), Some(i)) => {
                        let v = r.values.get(i).and_then(|v| match def {
                            Definition::Pooled => v.pooled,
                            Definition::MeanOfSources => v.mean_of_sources,
                        });
                        (v, coverage_text(v, t))
                    }
                };
                out.push(ComparisonBar {
                    theme: th.id.clone(),
                    theme_name: th.name.clone(),
                    group: g,
                    time,
                    paper: cell.and_then(|c| c.printed.as_ref()).map(|p| p.value()),
                    paper_source: cell
                        .map(|c| c.source.clone())
                        .unwrap_or_else(|| t.c_missing_from_study.into()),
                    imported,
                    imported_text,
                    code_name: code_name.clone(),
                });
            }
        }
    }
    out
}

/// The text alternative of the comparison chart.
pub fn comparison_summary(bars: &[ComparisonBar], def: Definition, t: &Strings) -> String {
    let compared: Vec<String> = bars
        .iter()
        .filter_map(|b| {
            let v = b.imported?;
            let paper = b.paper.map(percent).unwrap_or_else(|| t.c_not_reported.into());
            Some(fill(
                t.c_cmp_item,
                &[
                    ("theme", &b.theme_name),
                    ("group", b.group.label()),
                    ("time", b.time.label()),
                    ("imported", &percent(v)),
                    ("paper", &paper),
                ],
            ))
        })
        .collect();
    let reported = bars.iter().filter(|b| b.paper.is_some()).count();
    let body = if compared.is_empty() {
        t.c_cmp_none.to_string()
    } else {
        fill(t.c_cmp_items, &[("items", &compared.join(&sep(t.c_semicolon)))])
    };
    fill(
        t.c_cmp_summary,
        &[
            ("reported", &reported.to_string()),
            ("total", &bars.len().to_string()),
            ("definition", def.label(t)),
            ("body", &body),
        ],
    )
}

/// Kappa with two decimals (as the paper prints it), or why it is undefined.
pub fn kappa_text(k: Kappa, t: &Strings) -> String {
    match k {
        Kappa::Defined(v) => fixed(v, 2),
        Kappa::Undefined(why) => fill(t.c_kappa_undefined, &[("reason", why.reason(t))]),
    }
}

/// One code's agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct KappaRow {
    pub code: String,
    pub name: String,
    pub depth: usize,
    pub aggregate: bool,
    pub table: AgreementTable,
    /// κ of the summed table (pooled over sources).
    pub kappa: Option<f64>,
    pub kappa_text: String,
    /// Source-length-weighted mean of the per-source κ.
    pub weighted: Option<f64>,
    pub weighted_text: String,
}

/// Agreement between two coders.
#[derive(Debug, Clone, PartialEq)]
pub struct PairView {
    pub coder_a: String,
    pub coder_b: String,
    /// Number of sources both coded.
    pub n_sources: usize,
    pub rows: Vec<KappaRow>,
    pub overall_table: AgreementTable,
    pub overall_pooled: Option<f64>,
    pub overall_pooled_text: String,
    pub overall_weighted: Option<f64>,
    pub overall_weighted_text: String,
}

/// Agreement for every pair of coders who both coded at least one source.
pub fn agreement_view(project: &Project, t: &Strings) -> Vec<PairView> {
    let name = |id: &str| {
        project
            .user(id)
            .map(|u| u.name.clone())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| id.to_string())
    };
    let rows = project.code_rows();
    project
        .agreement_all_pairs()
        .into_iter()
        .filter(|p| !p.sources.is_empty())
        .map(|p| PairView {
            coder_a: name(&p.coder_a),
            coder_b: name(&p.coder_b),
            n_sources: p.sources.len(),
            rows: p
                .codes
                .iter()
                .map(|c| {
                    let row = rows.iter().find(|r| r.id == c.code);
                    KappaRow {
                        code: c.code.clone(),
                        name: c.name.clone(),
                        depth: row.map_or(1, |r| r.depth),
                        aggregate: row.is_some_and(|r| r.has_children),
                        table: c.table,
                        kappa: c.kappa.value(),
                        kappa_text: kappa_text(c.kappa, t),
                        weighted: c.weighted.value(),
                        weighted_text: kappa_text(c.weighted, t),
                    }
                })
                .collect(),
            overall_table: p.overall_table,
            overall_pooled: p.overall_pooled.value(),
            overall_pooled_text: kappa_text(p.overall_pooled, t),
            overall_weighted: p.overall_weighted.value(),
            overall_weighted_text: kappa_text(p.overall_weighted, t),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::project::{Code, Coding, ProjectParts, Source, User};
    use crate::coverage::sample::teaching_project;
    use crate::coverage::themes::{match_themes, PAPER_THEMES};
    use crate::study::Study;
    use crate::text::i18n::{EN, ZH};

    fn src(id: &str, text: &str, attrs: &[(&str, &str)]) -> Source {
        Source {
            id: id.into(),
            name: id.into(),
            description: String::new(),
            text: text.into(),
            attributes: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        }
    }

    fn coding(source: &str, start: usize, end: usize, code: &str, coder: &str) -> Coding {
        Coding {
            source: source.into(),
            start,
            end,
            code: code.into(),
            coder: coder.into(),
            origin: String::new(),
        }
    }

    /// Two sources in one cell (10 and 30 characters), one empty source in another cell, one
    /// source with no attributes; a parent with one child.
    fn small() -> Project {
        let parts = ProjectParts {
            name: "Small".into(),
            description: String::new(),
            users: vec![
                User { id: "a".into(), name: "Ann".into() },
                User { id: "b".into(), name: "Bo".into() },
            ],
            codes: vec![
                Code {
                    id: "p".into(),
                    name: "Team monitoring".into(),
                    children: vec![Code::leaf("c", "Visibility")],
                },
                Code::leaf("x", "Other"),
            ],
            sources: vec![
                src("s1", "0123456789", &[("Group", "Service"), ("Time", "T1")]),
                src("s2", &"x".repeat(30), &[("Group", "Service"), ("Time", "T1")]),
                src("s3", "", &[("Group", "Development"), ("Time", "T2")]),
                src("s4", "abcd", &[]),
            ],
            codings: vec![
                coding("s1", 0, 5, "c", "a"),
                coding("s2", 0, 3, "p", "a"),
                coding("s1", 0, 4, "c", "b"),
                coding("s4", 0, 2, "x", "b"),
            ],
        };
        Project::new(parts).unwrap()
    }

    #[test]
    fn size_limits_are_checked_before_reading_with_the_file_named() {
        assert!(check_qdpx_size("a.qdpx", QDPX_LIMITS.archive_bytes, &EN).is_ok());
        let e = check_qdpx_size("big.qdpx", QDPX_LIMITS.archive_bytes + 1, &EN).unwrap_err();
        assert!(e.starts_with("big.qdpx is 100.0 MiB, over the 100.0 MiB limit"), "{e}");
        assert!(check_csv_sizes(
            &[("c.csv".into(), 10), ("t.txt".into(), CSV_LIMITS.file_bytes)],
            &EN
        )
        .is_ok());
        let e = check_csv_sizes(
            &[("c.csv".into(), 10), ("huge.txt".into(), CSV_LIMITS.file_bytes + 1)],
            &EN,
        )
        .unwrap_err();
        assert!(e.starts_with("huge.txt is"), "{e}");
        let many: Vec<(String, u64)> =
            (0..5).map(|i| (format!("{i}.txt"), CSV_LIMITS.file_bytes)).collect();
        let e = check_csv_sizes(&many, &EN).unwrap_err();
        assert!(e.contains("5 files chosen are 320.0 MiB together"), "{e}");
        assert!(check_csv_sizes(&[("x".into(), u64::MAX), ("y".into(), u64::MAX)], &EN).is_err());
    }

    #[test]
    fn coverage_view_has_both_definitions_undefined_and_source_columns_by_cell() {
        let p = small();
        let keys = p.detect_cell_keys().unwrap();
        let v = coverage_view(&p, Some(&keys), &Coders::All, &EN).unwrap();
        assert_eq!(
            v.cells.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
            vec!["Development \u{d7} T2", "Service \u{d7} T1"]
        );
        assert_eq!((v.cells[0].n_sources, v.cells[0].n_empty, v.cells[1].total_chars), (1, 1, 40));
        assert_eq!(
            v.sources.iter().map(|s| (s.key.as_str(), s.id.as_str())).collect::<Vec<_>>(),
            vec![("S1", "s3"), ("S2", "s1"), ("S3", "s2"), ("S4", "s4")]
        );
        assert_eq!(v.sources[3].cell, None);
        assert_eq!(v.unassigned, vec!["s4".to_string()]);
        let parent = &v.rows[0];
        assert!(parent.aggregate && parent.depth == 1);
        assert_eq!(v.rows[1].depth, 2);
        // Parent in Service T1: s1 has [0,5) (union of a and b), s2 has [0,3): pooled 8/40, mean (50 + 10)/2.
        assert_eq!(parent.cells[1].pooled_text, "20.00%");
        assert_eq!(parent.cells[1].mean_text, "30.00%");
        // The empty Development T2 cell is undefined both ways, never 0 %.
        assert_eq!(
            (parent.cells[0].pooled_text.as_str(), parent.cells[0].mean_text.as_str()),
            (UNDEFINED, UNDEFINED)
        );
        assert_eq!(
            parent.sources.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
            vec![UNDEFINED, "50.00%", "10.00%", "0.00%"]
        );
        // One coder.
        let b = coverage_view(&p, Some(&keys), &Coders::One("b".into()), &EN).unwrap();
        assert_eq!(b.rows[0].cells[1].pooled_text, "10.00%");
        assert!(coverage_view(&p, Some(&keys), &Coders::One("nobody".into()), &EN).is_err());
        // Without keys: no cells, every source in project order.
        let none = coverage_view(&p, None, &Coders::All, &EN).unwrap();
        assert!(none.cells.is_empty() && none.rows.iter().all(|r| r.cells.is_empty()));
        assert_eq!(
            none.sources.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            vec!["s1", "s2", "s3", "s4"]
        );
    }

    #[test]
    fn teaching_sample_view_shows_the_reference_numbers() {
        let p = teaching_project().unwrap();
        let keys = p.detect_cell_keys().unwrap();
        let v = coverage_view(&p, Some(&keys), &Coders::All, &EN).unwrap();
        let row = |name: &str| v.rows.iter().find(|r| r.name == name).unwrap();
        let iv = row("Instrumental value");
        assert!(iv.aggregate);
        let texts: Vec<(&str, &str)> =
            iv.cells.iter().map(|c| (c.pooled_text.as_str(), c.mean_text.as_str())).collect();
        assert_eq!(
            texts,
            vec![
                ("19.82%", "16.67%"),
                ("17.38%", "12.50%"),
                ("89.86%", "88.45%"),
                ("29.36%", "50.00%")
            ]
        );
        assert_eq!(row("Team monitoring").cells[3].pooled_text, "17.30%");
        assert_eq!(row("Social exchange").cells[3].mean_text, "33.23%");
        assert_eq!(v.sources.len(), 8);
        assert!(v.unassigned.is_empty());
        assert!(import_summary(&p, &EN).starts_with("Imported \u{201c}Study Explorer"));
        assert!(
            import_summary(&p, &EN).ends_with(": 8 sources, 8 codes, 26 codings by 2 coders."),
            "{}",
            import_summary(&p, &EN)
        );
    }

    #[test]
    fn themes_are_assigned_by_name_or_by_the_readers_mapping_never_guessed() {
        let p = small();
        let m = match_themes(&p, &PAPER_THEMES);
        assert_eq!(mappable_codes(&p, &m), vec!["c".to_string(), "x".to_string()]);
        let none = BTreeMap::new();
        let a = theme_assignments(&p, &m, &PAPER_THEMES, &none, &EN);
        let monitoring = a.iter().find(|t| t.theme == "team_monitoring").unwrap();
        assert_eq!(
            (monitoring.code.as_deref(), monitoring.kind),
            (Some("p"), AssignmentKind::ByName)
        );
        assert_eq!(
            a.iter().find(|t| t.theme == "team_effort").unwrap().kind,
            AssignmentKind::Missing
        );
        let chosen = BTreeMap::from([
            ("x".to_string(), "team_effort".to_string()),
            ("c".to_string(), "team_monitoring".to_string()),
        ]);
        let a = theme_assignments(&p, &m, &PAPER_THEMES, &chosen, &EN);
        let effort = a.iter().find(|t| t.theme == "team_effort").unwrap();
        assert_eq!((effort.code.as_deref(), effort.kind), (Some("x"), AssignmentKind::Chosen));
        let monitoring = a.iter().find(|t| t.theme == "team_monitoring").unwrap();
        assert_eq!(monitoring.code.as_deref(), Some("c"));
        assert!(
            monitoring.note.contains("instead of \u{201c}Team monitoring\u{201d}"),
            "{}",
            monitoring.note
        );
        let both = BTreeMap::from([
            ("x".to_string(), "team_effort".to_string()),
            ("c".to_string(), "team_effort".to_string()),
        ]);
        let a = theme_assignments(&p, &m, &PAPER_THEMES, &both, &EN);
        let effort = a.iter().find(|t| t.theme == "team_effort").unwrap();
        assert_eq!((effort.code.as_deref(), effort.kind), (None, AssignmentKind::Conflict));
    }

    #[test]
    fn ambiguous_names_are_left_to_the_reader() {
        let parts = ProjectParts {
            codes: vec![Code::leaf("1", "Team effort"), Code::leaf("2", "team_effort")],
            ..ProjectParts::default()
        };
        let p = Project::new(parts).unwrap();
        let m = match_themes(&p, &PAPER_THEMES);
        assert_eq!(mappable_codes(&p, &m), vec!["1".to_string(), "2".to_string()]);
        let a = theme_assignments(&p, &m, &PAPER_THEMES, &BTreeMap::new(), &EN);
        assert_eq!(
            a.iter().find(|t| t.theme == "team_effort").unwrap().kind,
            AssignmentKind::Ambiguous
        );
        let a = theme_assignments(
            &p,
            &m,
            &PAPER_THEMES,
            &BTreeMap::from([("2".to_string(), "team_effort".to_string())]),
            &EN,
        );
        assert_eq!(a.iter().find(|t| t.theme == "team_effort").unwrap().code.as_deref(), Some("2"));
    }

    #[test]
    fn comparison_puts_imported_beside_printed_and_keeps_not_reported() {
        let study = Study::embedded().unwrap();
        let p = teaching_project().unwrap();
        let keys = p.detect_cell_keys().unwrap();
        let table = p.coverage_table(&keys, &Coders::All).unwrap();
        let m = match_themes(&p, &PAPER_THEMES);
        assert_eq!(m.matched.len(), 5);
        let a = theme_assignments(&p, &m, &PAPER_THEMES, &BTreeMap::new(), &EN);
        let bars = comparison_bars(&study.raw.coverage, &p, &table, &a, Definition::Pooled, &EN);
        assert_eq!(bars.len(), 20);
        let at = |theme: &str, g: Group, t: Time| {
            bars.iter().find(|b| b.theme == theme && b.group == g && b.time == t).unwrap()
        };
        let b = at("team_monitoring", Group::Service, Time::T2);
        assert_eq!((b.paper, b.imported_text.as_str()), (Some(50.28), "17.30%"));
        let b = at("team_monitoring", Group::Service, Time::T1);
        assert_eq!(b.paper, None, "not reported stays None, never zero");
        let mean =
            comparison_bars(&study.raw.coverage, &p, &table, &a, Definition::MeanOfSources, &EN);
        let b = mean
            .iter()
            .find(|b| {
                b.theme == "social_exchange" && b.group == Group::Service && b.time == Time::T2
            })
            .unwrap();
        assert_eq!(b.imported_text, "33.23%");
        let s = comparison_summary(&bars, Definition::Pooled, &EN);
        assert!(s.contains("Team monitoring Service T2: imported 17.30%, paper 50.28%"), "{s}");
        assert!(s.contains("10 of 20 cells reported"), "{s}");
        // Unmapped themes say so; cells the import lacks say so.
        let none =
            theme_assignments(&p, &ThemeMatch::default(), &PAPER_THEMES, &BTreeMap::new(), &EN);
        let bars = comparison_bars(&study.raw.coverage, &p, &table, &none, Definition::Pooled, &EN);
        assert!(bars.iter().all(|b| b.imported.is_none() && b.imported_text == "no code mapped"));
        assert!(
            comparison_summary(&bars, Definition::Pooled, &EN).contains("only the paper's values")
        );
        assert_eq!(paper_group(" service "), Some(Group::Service));
        assert_eq!(paper_time("t2"), Some(Time::T2));
        assert_eq!(paper_group("Sales"), None);
    }

    #[test]
    fn agreement_view_gives_kappa_per_code_and_overall_with_reasons() {
        let p = teaching_project().unwrap();
        let v = agreement_view(&p, &EN);
        assert_eq!(v.len(), 1);
        let pair = &v[0];
        assert_eq!(
            (pair.coder_a.as_str(), pair.coder_b.as_str(), pair.n_sources),
            ("coder-a", "coder-b", 8)
        );
        let tm = pair.rows.iter().find(|r| r.name == "Team monitoring").unwrap();
        assert_eq!(tm.kappa_text, "0.91");
        assert!((tm.kappa.unwrap() - 0.905501533642).abs() < 1e-9);
        assert_eq!(
            (pair.overall_pooled_text.as_str(), pair.overall_weighted_text.as_str()),
            ("0.69", "0.57")
        );
        assert_eq!(kappa_text(Kappa::Defined(-0.25), &EN), "\u{2212}0.25");
        assert!(kappa_text(Kappa::Undefined(crate::coverage::KappaUndefined::NoVariation), &EN)
            .starts_with("undefined (both coders coded nothing"));
        // Coders who share no source give no pair.
        let small = small();
        let v = agreement_view(&small, &EN);
        assert_eq!(v.len(), 1, "a and b both coded s1");
        let vis = v[0].rows.iter().find(|r| r.code == "x").unwrap();
        assert_eq!(vis.kappa, None);
    }

    #[test]
    fn texts_follow_the_ui_language_and_english_stays_as_it_was() {
        assert_eq!(EN.c_undefined, UNDEFINED);
        assert_eq!(EN.c_sample_notice, crate::coverage::SAMPLE_NOTICE);
        let p = teaching_project().unwrap();
        let en = import_summary(&p, &EN);
        let zh = import_summary(&p, &ZH);
        assert_ne!(en, zh);
        assert!(zh.starts_with("已导入\u{201c}Study Explorer"), "{zh}");
        assert!(zh.contains("8 个来源") && zh.contains("26 条编码记录"), "{zh}");
        assert_eq!(
            Definition::Pooled.label(&EN),
            "pooled (\u{3a3} coded \u{f7} \u{3a3} characters)"
        );
        assert_ne!(Definition::Pooled.label(&ZH), Definition::Pooled.label(&EN));
        let e = check_qdpx_size("big.qdpx", QDPX_LIMITS.archive_bytes + 1, &ZH).unwrap_err();
        assert!(e.starts_with("big.qdpx 大小为 100.0 MiB"), "{e}");
        assert_eq!(check_csv_sizes(&[("a.txt".into(), 10)], &ZH), Ok(()));
        // Empty sources are undefined in both languages, never 0 %.
        let small = small();
        let keys = small.detect_cell_keys().unwrap();
        let v = coverage_view(&small, Some(&keys), &Coders::All, &ZH).unwrap();
        assert_eq!(v.rows[0].cells[0].pooled_text, "无定义");
        assert_eq!(v.rows[0].cells[1].pooled_text, "20.00%");
        let k = kappa_text(Kappa::Undefined(crate::coverage::KappaUndefined::NoVariation), &ZH);
        assert!(k.starts_with("无定义（两名编码员"), "{k}");
        // Theme notes: the list separator follows the language.
        let parts = ProjectParts {
            codes: vec![Code::leaf("1", "Team effort"), Code::leaf("2", "team_effort")],
            ..ProjectParts::default()
        };
        let amb = Project::new(parts).unwrap();
        let m = match_themes(&amb, &PAPER_THEMES);
        let note = |t| {
            theme_assignments(&amb, &m, &PAPER_THEMES, &BTreeMap::new(), t)
                .into_iter()
                .find(|a| a.theme == "team_effort")
                .unwrap()
                .note
        };
        assert_eq!(note(&EN), "several codes have this name (\u{201c}Team effort\u{201d}, \u{201c}team_effort\u{201d}); map one of them below");
        assert_eq!(note(&ZH), "有多个编码使用此名称（\u{201c}Team effort\u{201d}、\u{201c}team_effort\u{201d}）；请在下方对应其中一个");
        // The chart summary keeps APA-free numbers and the theme names in English.
        let study = Study::embedded().unwrap();
        let table = p.coverage_table(&p.detect_cell_keys().unwrap(), &Coders::All).unwrap();
        let tm = match_themes(&p, &PAPER_THEMES);
        let a = theme_assignments(&p, &tm, &PAPER_THEMES, &BTreeMap::new(), &ZH);
        let bars = comparison_bars(&study.raw.coverage, &p, &table, &a, Definition::Pooled, &ZH);
        let s = comparison_summary(&bars, Definition::Pooled, &ZH);
        assert!(s.contains("Team monitoring Service T2：导入 17.30%，论文 50.28%"), "{s}");
        assert!(s.contains("20 个单元格中 10 个有报告"), "{s}");
    }
}
