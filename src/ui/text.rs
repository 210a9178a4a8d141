//! Translated text with study content inside: [`fill_view`] fills a string-table entry's
//! `{name}` placeholders with views, so English study content (sources, dates, the
//! paper's wording) can sit inside a translated sentence wrapped in `lang="en"` ([`en`]).

use leptos::prelude::*;

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
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(plain(&rest[..open]));
        }
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                out.push(arg(name).unwrap_or_else(|| plain(format!("{{{name}}}"))));
                rest = &after[close + 1..];
            }
            None => {
                out.push(plain(&rest[open..]));
                rest = "";
            }
        }
    }
    if !rest.is_empty() {
        out.push(plain(rest));
    }
    out
}
