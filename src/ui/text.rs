//! Translated text with study content inside: [`fill_view`] fills a string-table entry's
//! `{name}` placeholders with views, so English study content (sources, dates, the
//! paper's wording) can sit inside a translated sentence wrapped in `lang="en"` ([`en`]);
//! [`pieces_view`] shows `core` text pieces the same way. Also the line under a section's
//! heading that says which selection it shows ([`selection_line`]).

use crate::ui::state::AppState;
use leptos::prelude::*;
use study_core::text::i18n::{fill, segments, Segment};
use study_core::text::pieces::Piece;

/// English study content inside translated UI: `<span lang="en">`.
pub fn en(text: impl Into<String>) -> AnyView {
    let text: String = text.into();
    view! { <span lang="en">{text}</span> }.into_any()
}

/// Plain text as a view.
pub fn plain(text: impl Into<String>) -> AnyView {
    let text: String = text.into();
    text.into_any()
}

/// A table entry with each `{name}` replaced by `arg(name)`; a placeholder with no value
/// stays visible as `{name}` (as `i18n::fill` does).
pub fn fill_view(template: &str, mut arg: impl FnMut(&str) -> Option<AnyView>) -> Vec<AnyView> {
    segments(template)
        .into_iter()
        .map(|seg| match seg {
            Segment::Text(t) => plain(t),
            Segment::Placeholder(name) => arg(name).unwrap_or_else(|| plain(format!("{{{name}}}"))),
        })
        .collect()
}

/// Runs of text, the study's own words wrapped in `lang="en"`.
pub fn pieces_view(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            if p.study {
                view! { <span lang="en">{p.text}</span> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect_view()
}

/// One line saying what the section shows ("For Service and Development, T1→T2, …"), in
/// the UI language.
pub fn selection_line(state: AppState) -> impl Fn() -> String + Copy {
    move || {
        let t = state.t();
        let terms = state.terms();
        fill(t.a_selection_line, &[("selection", &state.selection.get().summary_in(&terms, t))])
    }
}
