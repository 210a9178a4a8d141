//! Taking over the prerendered article.
//!
//! `make dist` writes the page for the default view into `dist/index.html`: a snapshot of
//! this app's own DOM, taken in headless Chromium at build time (`scripts/prerender.mjs`),
//! inside `<div id="app" data-prerendered>`. A reader reads and scrolls it before the wasm
//! arrives; a crawler, an archive or a browser without JavaScript gets the whole article.
//!
//! When the app starts it replaces that DOM with live components, so that nothing moves:
//!
//! 1. [`begin`] notes the reader's scroll position, the focused element and the open
//!    `<details>`, sets aside the prerendered sections (the app builds them later, see
//!    [`crate::ui::sections::mount_later`]) and empties the root;
//! 2. the app mounts into the root (the header and the controls, live);
//! 3. [`finish`] puts the set-aside sections back after the live ones and, in the next
//!    frame (once the live sections' effects have filled in their rows), restores the open
//!    `<details>`, the focus and the scroll position, and marks `<html data-app="ready">`;
//! 4. as each later section is built, [`retire`] removes its prerendered copy in the same
//!    task; the focus and open `<details>` inside it move to the live one, and the element
//!    in the middle of the viewport stays where it was.
//!
//! Sections are built one per task, and several can be built between two frames. The
//! reader's place is noted once, before the first of them replaces its copy, when the
//! layout is still the one on screen, and restored once, in the next frame, after the
//! last: a place noted after a section was replaced would hold that section's estimated
//! height (`content-visibility: auto`, not laid out yet), and restoring it would move
//! the page by the difference.
//!
//! Each step ends before the browser paints again, so no frame shows a half-replaced page.
//! Live and prerendered elements are matched by [`Place`]: the nearest ancestor with an
//! id, and the element's index among its kind inside that ancestor. The DOM is the same
//! component tree, so the places agree; under another selection or language the
//! content differs, and a place that no longer matches is skipped.
//!
//! Without a prerendered page (`trunk serve` before the snapshot, or a test page), the
//! app mounts into an empty root and only `data-app="ready"` is set.

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// The element the app mounts into.
const ROOT_ID: &str = "app";
/// What a focused element can be, for matching it between the two DOMs.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";

thread_local! {
    /// The prerendered sections not built yet, by anchor, in page order.
    static LATER: RefCell<Vec<(String, web_sys::Element)>> = const { RefCell::new(Vec::new()) };
    /// What the reader had before the sections replaced since the last frame replaced
    /// their copies; restored in the next frame.
    static REPLACING: RefCell<Option<Reading>> = const { RefCell::new(None) };
}

/// An element's place in the page, the same in the prerendered and the live DOM.
#[derive(Clone, Debug)]
struct Place {
    /// The id of its nearest ancestor (or itself) with an id.
    scope: String,
    /// The selector it is counted among (its kind).
    kind: &'static str,
    /// Its index among the elements of its kind inside the scope.
    index: u32,
}

impl Place {
    fn of(el: &web_sys::Element, kind: &'static str) -> Option<Place> {
        let scope = el.closest("[id]").ok()??;
        let index = elements(&scope, kind).iter().position(|e| e == el)? as u32;
        Some(Place { scope: scope.id(), kind, index })
    }

    /// The element at this place in the current document, if there is one.
    fn find(&self) -> Option<web_sys::Element> {
        let scope = document().get_element_by_id(&self.scope)?;
        elements(&scope, self.kind).into_iter().nth(self.index as usize)
    }
}

/// Any element, for the anchor.
const ANY: &str = "*";

/// What the reader had in the prerendered page: the scroll position, what was in the
/// middle of the viewport (and how far from its top), the focus and the open `<details>`.
pub struct Reading {
    scroll: (f64, f64),
    anchor: Option<(Place, f64)>,
    focus: Option<Place>,
    open: Vec<Place>,
}

impl Reading {
    /// Notes what the reader has inside `within`; the element in the middle of the
    /// viewport only if `anchored` (finding it costs a hit test and a count of the
    /// elements around it).
    fn note(within: &web_sys::Element, anchored: bool) -> Reading {
        let window = window();
        let scroll = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
        let focus = document()
            .active_element()
            .filter(|el| within.contains(Some(el)))
            .and_then(|el| Place::of(&el, FOCUSABLE));
        let open = elements(within, "details[open]")
            .iter()
            .filter_map(|d| Place::of(d, "details"))
            .collect();
        Reading { scroll, anchor: if anchored { anchor_in(within) } else { None }, focus, open }
    }

    /// Opens the same `<details>` and focuses the same element.
    fn restore_places(&self) {
        for place in &self.open {
            if let Some(d) = place.find() {
                let _ = d.set_attribute("open", "");
            }
        }
        if let Some(el) = self.focus.as_ref().and_then(Place::find) {
            focus_in_place(&el);
        }
    }

    /// Scrolls back to where the reader was: the element that was in the middle of the
    /// viewport is put back at the same height. Sections not laid out yet
    /// (`content-visibility: auto`) have estimated heights, which may differ between the
    /// prerendered and the live page, so the same scroll offset could show other content.
    fn restore_scroll(&self) {
        if !self.restore_anchor() {
            let (x, y) = self.scroll;
            window().scroll_to_with_x_and_y(x, y);
        }
    }

    /// Puts the element that was in the middle of the viewport back at the same height;
    /// false if there was none (the page was at the top) or it is no longer there.
    fn restore_anchor(&self) -> bool {
        let Some((el, top)) = self.anchor.as_ref().and_then(|(p, top)| Some((p.find()?, *top)))
        else {
            return false;
        };
        let moved = el.get_bounding_client_rect().top() - top;
        window().scroll_by_with_x_and_y(0.0, moved);
        true
    }
}

/// The root the app mounts into: `#app`, prerendered or empty, or the body if the page
/// has no `#app`.
pub fn root() -> Option<web_sys::HtmlElement> {
    let doc = document();
    match doc.get_element_by_id(ROOT_ID) {
        Some(el) => el.dyn_into().ok(),
        None => doc.body(),
    }
}

/// Before the app mounts: shows the root, notes what the reader has, sets aside the
/// prerendered sections listed in `later` (anchors) and empties the root. `None` when
/// nothing was prerendered.
pub fn begin(root: &web_sys::HtmlElement, later: &[&str]) -> Option<Reading> {
    // `public/boot.js` hides the article from an embedded page until now; the app shows
    // in the same task, so no frame shows the root empty.
    root.set_hidden(false);
    if !root.has_attribute("data-prerendered") {
        return None;
    }
    let reading = Reading::note(root, true);
    let kept = later
        .iter()
        .filter_map(|id| {
            let el = document().get_element_by_id(id)?;
            el.remove();
            Some((id.to_string(), el))
        })
        .collect();
    LATER.with(|l| *l.borrow_mut() = kept);
    root.set_inner_html("");
    let _ = root.remove_attribute("data-prerendered");
    Some(reading)
}

/// After the app has mounted: the set-aside sections go back after the live ones (at the
/// end of `#main`), the reader's place is restored, and `<html>` is marked ready.
pub fn finish(reading: Option<Reading>) {
    if let Some(main) = document().get_element_by_id("main") {
        LATER.with(|l| {
            for (_, el) in l.borrow().iter() {
                let _ = main.append_child(el);
            }
        });
    } else {
        discard_later();
    }
    // The live sections fill in their rows and charts in effects, after this task's
    // microtasks: the reader's place is restored in the next frame, before it paints.
    request_animation_frame(move || {
        if let Some(reading) = reading {
            reading.restore_places();
            reading.restore_scroll();
        }
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-app", "ready");
        }
    });
}

/// The page shows one section only (embed mode): the prerendered sections are not needed.
pub fn discard_later() {
    LATER.with(|l| l.borrow_mut().clear());
}

/// A later section is being built: its prerendered copy leaves the page now. In the next
/// frame, before it paints, once the live section is filled in, the focus and the open
/// `<details>` that were inside the copy move to it, and the element that was in the
/// middle of the viewport before the first section of this frame was replaced is put
/// back at the same height: neither the sections replaced above it nor the one it is in
/// move what the reader is reading.
pub fn retire(id: &str) {
    let Some(el) = LATER.with(|l| {
        let mut l = l.borrow_mut();
        let at = l.iter().position(|(later, _)| later == id)?;
        Some(l.remove(at).1)
    }) else {
        return;
    };
    let inside = Reading::note(&el, false);
    REPLACING.with(|r| {
        let mut replacing = r.borrow_mut();
        match replacing.as_mut() {
            Some(reading) => {
                reading.focus = reading.focus.take().or(inside.focus);
                reading.open.extend(inside.open);
            }
            None => {
                // The first section since the last frame: the page is as the reader sees it.
                let anchor = root().and_then(|root| anchor_in(&root));
                *replacing = Some(Reading { anchor, ..inside });
                request_animation_frame(|| {
                    if let Some(reading) = REPLACING.with(|r| r.borrow_mut().take()) {
                        reading.restore_places();
                        reading.restore_anchor();
                    }
                });
            }
        }
    });
    el.remove();
}

/// The element in the middle of the viewport, inside `within` and outside the control bar
/// (sticky on wide screens), with its distance from the viewport's top. None at the top of
/// the page: there the scroll offset (zero) is the reader's place, and nothing above the
/// sections moves.
fn anchor_in(within: &web_sys::Element) -> Option<(Place, f64)> {
    let window = window();
    if window.scroll_y().ok()? <= 0.0 {
        return None;
    }
    let x = window.inner_width().ok()?.as_f64()? / 2.0;
    let y = window.inner_height().ok()?.as_f64()? / 2.0;
    let el = document().elements_from_point(x as f32, y as f32).iter().find_map(|v| {
        let el: web_sys::Element = v.dyn_into().ok()?;
        let inside = within.contains(Some(&el)) && el.closest("#controls").ok()?.is_none();
        inside.then_some(el)
    })?;
    let top = el.get_bounding_client_rect().top();
    Some((Place::of(&el, ANY)?, top))
}

/// Focuses `el` without scrolling to it (the scroll position is restored separately).
fn focus_in_place(el: &web_sys::Element) {
    let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() else { return };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// The elements matching `selector` inside `scope` (itself included), in document order.
fn elements(scope: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let mut found = Vec::new();
    if scope.matches(selector).unwrap_or(false) {
        found.push(scope.clone());
    }
    if let Ok(list) = scope.query_selector_all(selector) {
        found.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()));
    }
    found
}
