//! The imported project's coverage beside the paper's Figure 3: which cell definition
//! (pooled or mean of sources) is shown, the bars per theme, group and time, and a
//! sentence on how they compare.

use super::coverage_text;
use super::themes::ThemeAssignment;
use crate::coverage::engine::CoverageTable;
use crate::coverage::project::Project;
use crate::study::{Coverage, Group, Time};
use crate::text::format::percent;
use crate::text::i18n::{fill, Strings};
use crate::text::pieces::list_separator;

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
                    paper_group(&c.group) == Some(g)
                        && c.time.as_deref().and_then(paper_time) == Some(time)
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
        fill(t.c_cmp_items, &[("items", &compared.join(list_separator(t.lang)))])
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
