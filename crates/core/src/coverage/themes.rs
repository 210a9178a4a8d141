//! Matching imported code names to the paper's five second-order themes, so an imported
//! project's coverage can sit next to the printed percentages.
//!
//! Names are compared after [`normalize_code_name`]: case, underscores, hyphens and runs of
//! spaces are ignored, so "Team monitoring", "team_monitoring" and " TEAM-Monitoring " all match
//! the theme `team_monitoring`. A code matches a theme when its normalised name equals the
//! theme's normalised id or name. A theme that two or more codes match is reported as ambiguous
//! and left for the reader to map; codes that match nothing are returned for a mapping UI.

use super::project::Project;

/// The paper's five second-order themes: (id, name), ids as in `crates/core/data/study.json`.
pub const PAPER_THEMES: [(&str, &str); 5] = [
    ("team_reflexivity", "Team reflexivity"),
    ("team_monitoring", "Team monitoring"),
    ("team_effort", "Team effort"),
    ("social_exchange", "Social exchange"),
    ("social_support", "Social support"),
];

/// Lower case, `_` and `-` read as spaces, runs of whitespace collapsed, ends trimmed.
pub fn normalize_code_name(name: &str) -> String {
    let spaced: String = name.chars().map(|c| if c == '_' || c == '-' { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// One theme mapped to one code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeMapping {
    pub theme: String,
    pub code: String,
}

/// The result of matching a project's codes to themes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ThemeMatch {
    /// Themes matched by exactly one code.
    pub matched: Vec<ThemeMapping>,
    /// Themes matched by several codes (theme id, code ids): the reader must choose.
    pub ambiguous: Vec<(String, Vec<String>)>,
    /// Themes no code matched.
    pub missing_themes: Vec<String>,
    /// Codes (ids, pre-order) that matched no theme.
    pub unmatched_codes: Vec<String>,
}

/// Matches every code of `project` against `themes` (pass [`PAPER_THEMES`] for the paper's).
pub fn match_themes(project: &Project, themes: &[(&str, &str)]) -> ThemeMatch {
    let rows = project.code_rows();
    let mut out = ThemeMatch::default();
    let mut matched_codes = std::collections::BTreeSet::new();
    for &(id, name) in themes {
        let (nid, nname) = (normalize_code_name(id), normalize_code_name(name));
        let hits: Vec<String> = rows
            .iter()
            .filter(|r| {
                let n = normalize_code_name(&r.name);
                n == nid || n == nname
            })
            .map(|r| r.id.clone())
            .collect();
        hits.iter().for_each(|h| {
            matched_codes.insert(h.clone());
        });
        match hits.as_slice() {
            [] => out.missing_themes.push(id.to_string()),
            [one] => out.matched.push(ThemeMapping { theme: id.to_string(), code: one.clone() }),
            _ => out.ambiguous.push((id.to_string(), hits)),
        }
    }
    out.unmatched_codes =
        rows.into_iter().map(|r| r.id).filter(|id| !matched_codes.contains(id)).collect();
    out
}
