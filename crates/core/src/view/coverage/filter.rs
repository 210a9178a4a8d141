//! Which code rows the workshop's coverage tables show. A codebook of hundreds of codes, most
//! of them unused in the coded interviews, would bury the few that carry figures, so the
//! tables start with the codes that have codings (a parent counts when a sub-code has one);
//! the reader can show all codes and filter them by name. A parent stays in view while one of
//! its shown sub-codes matches, so the tree still reads as a tree. Only what is shown changes:
//! the figures are those of [`super::coverage_view`].

use super::ViewRow;
use crate::study::evidence::matches;
use crate::text::i18n::{fill, Strings};
use crate::text::pieces::list_separator;

/// The rows a coverage table shows, and why the others are hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFilter {
    /// One per row of the view, in its order: shown or not.
    pub visible: Vec<bool>,
    pub shown: usize,
    pub total: usize,
    /// Hidden because neither the code nor a sub-code has a coding (unless all are shown).
    pub uncoded: usize,
    /// Hidden because neither its name nor a shown sub-code's name matches the filter.
    pub unmatched: usize,
    /// "Showing 12 of 300 codes; 288 hidden (288 with no codings)."
    pub text: String,
}

/// Filters `rows` (in pre-order): with `show_all` false only codes with codings
/// ([`ViewRow::coded`]); then, for a non-blank `query`, only codes whose name contains it
/// (ignoring case) and the parents of such codes.
pub fn filter_rows(rows: &[ViewRow], query: &str, show_all: bool, t: &Strings) -> RowFilter {
    let query = query.trim();
    let base: Vec<bool> = rows.iter().map(|r| show_all || r.coded).collect();
    // Walking the pre-order backwards, a row's descendants are the rows after it, deeper,
    // until the depth comes back to its own: the stack holds (depth, subtree matches).
    let mut visible = vec![false; rows.len()];
    let mut stack: Vec<(usize, bool)> = Vec::new();
    for (i, r) in rows.iter().enumerate().rev() {
        let mut below = false;
        while stack.last().is_some_and(|&(d, _)| d > r.depth) {
            below |= stack.pop().is_some_and(|(_, hit)| hit);
        }
        let shown = base.get(i).copied().unwrap_or(false);
        let hit = shown && (below || matches(&r.name, query));
        if let Some(v) = visible.get_mut(i) {
            *v = hit;
        }
        stack.push((r.depth, hit));
    }
    let total = rows.len();
    let shown = visible.iter().filter(|v| **v).count();
    let uncoded = base.iter().filter(|b| !**b).count();
    let unmatched = total - shown - uncoded;
    let mut why = Vec::new();
    if uncoded > 0 {
        why.push(fill(t.c_hidden_uncoded, &[("n", &uncoded.to_string())]));
    }
    if unmatched > 0 {
        why.push(fill(t.c_hidden_unmatched, &[("n", &unmatched.to_string()), ("query", query)]));
    }
    let text = if shown == total {
        fill(t.c_codes_all, &[("n", &total.to_string())])
    } else {
        fill(
            t.c_codes_shown,
            &[
                ("shown", &shown.to_string()),
                ("total", &total.to_string()),
                ("hidden", &(total - shown).to_string()),
                ("why", &why.join(list_separator(t.lang))),
            ],
        )
    };
    RowFilter { visible, shown, total, uncoded, unmatched, text }
}
