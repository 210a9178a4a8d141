//! The robustness section's tables and sentences: every table goes through [`live_table`]
//! (built once, then only its changed caption, header or cells are written), rows come
//! from the view model's [`Row`]s as `core::markup` rows, a part that cannot be computed
//! is replaced by a paragraph saying why ([`undefined`]), and sentences wrap the
//! informants' pseudonyms in `lang="en"` spans ([`with_names`]).

use crate::ui::table_body::LiveBody;
use leptos::prelude::*;
use std::collections::HashSet;
use study_core::text::markup::{head_row, name_pieces, NamePiece, TableRow as TRow};
use study_core::view::robustness::Row;

/// Text with the informants' pseudonyms wrapped in `lang="en"` spans (whole words only).
pub(super) fn with_names(text: &str, names: &HashSet<String>) -> AnyView {
    name_pieces(text, names)
        .into_iter()
        .map(|p| match p {
            NamePiece::Text(t) => t.to_string().into_any(),
            NamePiece::Name(n) => view! { <span lang="en">{n.to_string()}</span> }.into_any(),
        })
        .collect_view()
        .into_any()
}

pub(super) const NUM: &str = "num";
pub(super) const TEXT: &str = "";
pub(super) const HOW: &str = "how";

/// The words and rows of a table that is built once: (caption, header cells as (class,
/// text), rows).
pub(super) type TableParts = (String, Vec<(&'static str, &'static str)>, Vec<TRow>);

/// A captioned table in a scrollable, focusable region, built once and kept: `parts`
/// follows the language and the model, and only the caption, header or body whose text
/// changed is written to the DOM, and a body whose rows keep their shape only has the text
/// of its changed cells rewritten ([`LiveBody`]). (A table built inside a closure that
/// reruns is rebuilt instead: every attribute removed and set again, and both its parts
/// parsed anew.) Generic only in `parts`, which it boxes for one non-generic body
/// (`live_table_of`): one of the UI's size trades, see
/// [the `ui` module](crate::ui#size-trades).
pub(super) fn live_table(
    id: &'static str,
    parts: impl Fn() -> TableParts + Send + Sync + 'static,
) -> AnyView {
    live_table_of(id, Box::new(parts))
}

/// The body of [`live_table`], not generic, so it is compiled once for every table
/// ([size trades](crate::ui#size-trades)).
fn live_table_of(id: &'static str, parts: Box<dyn Fn() -> TableParts + Send + Sync>) -> AnyView {
    let parts = Memo::new(move |_| parts());
    let caption = move || parts.with(|p| p.0.clone());
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
            <table id=id class="details robust-table">
                <caption>{caption}</caption>
                <thead inner_html=move || parts.with(|p| head_row(&p.1))></thead>
                <LiveBody rows=move || parts.with(|p| p.2.clone()) />
            </table>
        </div>
    }
    .into_any()
}

/// (label, value, note) rows; undefined values are marked as such.
pub(super) fn labelled(rows: &[Row]) -> Vec<TRow> {
    rows.iter()
        .map(|r| {
            TRow::new(
                if r.defined { "" } else { "undefined" },
                r.label.clone(),
                vec![("result", r.value.clone()), (HOW, r.note.clone())],
            )
        })
        .collect()
}

/// A paragraph saying why a part is not shown.
pub(super) fn undefined(id: &'static str, msg: String) -> AnyView {
    view! { <p class="undefined" id=id>{msg}</p> }.into_any()
}
