//! Which imported codes stand for the paper's five themes: how each theme was assigned
//! (by name, by the reader, or not at all) and the codes a reader can map to it.

use crate::coverage::project::Project;
use crate::coverage::themes::ThemeMatch;
use crate::text::i18n::{fill, Strings};
use crate::text::pieces::name_separator;
use std::collections::BTreeMap;

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

pub(super) fn quoted_names(project: &Project, codes: &[String], t: &Strings) -> String {
    codes
        .iter()
        .map(|c| {
            format!(
                "\u{201c}{}\u{201d}",
                project.code_row(c).map(|r| r.name).unwrap_or_else(|| c.clone())
            )
        })
        .collect::<Vec<_>>()
        .join(name_separator(t.lang))
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
