//! Translated text with study content inside: [`fill_view`] fills a string-table entry's
//! `{name}` placeholders with views, so English study content (sources, dates, the
//! paper's wording) can sit inside a translated sentence wrapped in `lang="en"` ([`en`]).

use leptos::prelude::*;
use study_core::text::i18n::{segments, Segment};

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
