//! Table bodies that follow changing rows with as little DOM work as possible.
//!
//! [`LiveBody`] renders rows of [`TableRow`] (see `core::markup`). When the rows change
//! shape (their number or classes, the form of their headers, or the number and classes
//! of their cells) the body is replaced whole with escaped markup, one DOM call.
//! Otherwise, which is what a toggle does to most tables, it rewrites the text of the
//! headers and cells that changed and nothing else: no new elements for the browser to
//! style, lay out and shape. With the robustness section in view, replacing its bodies
//! whole cost about twice the style and layout work of rewriting their cells' text.

use leptos::html::Tbody;
use leptos::prelude::*;
use study_core::text::markup::{body_rows, TableRow};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// Whether `new` can be shown by rewriting text in the DOM built for `old`: the same
/// number of rows, each with the same class, a pseudonym where the old one had one (and
/// the same text after it), and the same number and classes of cells.
fn same_shape(old: &[TableRow], new: &[TableRow]) -> bool {
    old.len() == new.len()
        && old.iter().zip(new).all(|(a, b)| {
            let header = match (&a.name, &b.name) {
                (None, None) => true,
                (Some(_), Some(_)) => a.head == b.head,
                _ => false,
            };
            header
                && a.check.is_some() == b.check.is_some()
                && a.class == b.class
                && a.cells.len() == b.cells.len()
                && a.cells.iter().zip(&b.cells).all(|(x, y)| x.0 == y.0)
        })
}

/// Brings `tbody`, which shows `old`, to `new`: the whole body when the shape changed
/// (one parse), else only what differs: a row's checkbox (its state and name, so a
/// checkbox the reader just ticked keeps its focus), a row header (its pseudonym's span,
/// or the whole header when it has none) and the cells.
fn patch(tbody: &web_sys::HtmlElement, old: &[TableRow], new: &[TableRow]) {
    if !same_shape(old, new) {
        tbody.set_inner_html(&body_rows(new));
        return;
    }
    let trs = tbody.children();
    for (i, (a, b)) in old.iter().zip(new).enumerate() {
        if a == b {
            continue;
        }
        let Some(cells) = trs.item(i as u32).map(|tr| tr.children()) else { continue };
        // A checkbox cell comes before the header.
        let first = u32::from(b.check.is_some());
        if let (Some(x), Some(y)) = (&a.check, &b.check) {
            if x != y {
                let input = cells.item(0).and_then(|td| td.first_element_child());
                if let Some(input) = input.and_then(|i| i.dyn_into::<HtmlInputElement>().ok()) {
                    input.set_checked(y.checked);
                    input.set_value(&y.value);
                    let _ = input.set_attribute("aria-label", &y.label);
                }
            }
        }
        if let Some(th) = cells.item(first) {
            match &b.name {
                Some(name) if a.name.as_ref() != Some(name) => {
                    if let Some(span) = th.first_element_child() {
                        span.set_text_content(Some(name));
                    }
                }
                None if a.head != b.head => th.set_text_content(Some(&b.head)),
                _ => {}
            }
        }
        for (j, (x, y)) in a.cells.iter().zip(&b.cells).enumerate() {
            if x.1 != y.1 {
                // Cell j follows the row header.
                if let Some(td) = cells.item(j as u32 + 1 + first) {
                    td.set_text_content(Some(&y.1));
                }
            }
        }
    }
}

/// A `<tbody>` showing `rows` (rerun whenever the signals it reads change).
///
/// Generic only in `rows`, which it boxes for one non-generic body (`live_body`): one of
/// the UI's size trades, see [the `ui` module](crate::ui#size-trades).
#[component]
pub fn LiveBody<R>(rows: R) -> impl IntoView
where
    R: Fn() -> Vec<TableRow> + 'static,
{
    live_body(Box::new(rows))
}

/// The body of [`LiveBody`], not generic, so it is compiled once for every table
/// ([size trades](crate::ui#size-trades)).
fn live_body(rows: Box<dyn Fn() -> Vec<TableRow>>) -> AnyView {
    let tbody: NodeRef<Tbody> = NodeRef::new();
    let shown = StoredValue::new_local(Vec::<TableRow>::new());
    Effect::new(move |_| {
        let rows = rows();
        let Some(el) = tbody.get() else { return };
        shown.update_value(|old| {
            patch(&el, old, &rows);
            *old = rows;
        });
    });
    view! { <tbody node_ref=tbody></tbody> }.into_any()
}
