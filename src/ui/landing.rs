//! Landing on in-page links. Sections far off screen are not laid out
//! (`content-visibility: auto`) and the later sections are built after the first frame, so
//! the browser's own jump to a fragment can miss: the target is held in place for a few
//! frames after a jump, and a fragment that named a section not built yet is followed once
//! it exists.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Scrolls to the element the URL's fragment names, if the page is still at the top, or
/// if the element is on screen but no longer where the link put it (the prerendered page
/// had landed on it; the live sections that replaced the copies above it may be laid out
/// at other heights).
pub fn follow_fragment() {
    let window = web_sys::window();
    let at_top = window.as_ref().and_then(|w| w.scroll_y().ok()).is_some_and(|y| y <= 0.0);
    let height = window.and_then(|w| w.inner_height().ok()?.as_f64()).unwrap_or(0.0);
    let near = fragment_target().is_some_and(|el| {
        let top = el.get_bounding_client_rect().top();
        top.abs() < height
    });
    if at_top || near {
        land_on_fragment();
        keep_landing();
    }
}

/// Puts the element the URL's fragment names at the top of the viewport (less its scroll
/// margin), at once rather than smoothly: sections far off screen are laid out only as
/// they come near, so a smooth scroll's end point would move under it.
fn land_on_fragment() {
    if let Some(el) = fragment_target() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The element the URL's fragment names, if any.
fn fragment_target() -> Option<web_sys::Element> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    window.document()?.get_element_by_id(id)
}

/// How many frames after a jump the target is kept in place (about a third of a second).
const LANDING_FRAMES: u32 = 20;

thread_local! {
    /// Bumped whenever the reader scrolls or presses a key: a landing in progress stops.
    static READER_MOVED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// For [`LANDING_FRAMES`] frames after the browser follows a link within the page (the
/// contents, the skip link, a section link at load), keeps the target where the jump put
/// it, unless the reader scrolls meanwhile. The jump is computed from the estimated
/// heights of sections not laid out yet (`content-visibility: auto`); the sections it
/// uncovers are laid out in the next frames and can move the target by a few dozen
/// pixels, which would slide a heading under the sticky control bar.
fn keep_landing() {
    fn frame(left: u32, moved: u64) {
        if left == 0 || READER_MOVED.with(|m| m.get()) != moved {
            return;
        }
        // Where the target already is, this scrolls nowhere.
        land_on_fragment();
        request_animation_frame(move || frame(left - 1, moved));
    }
    let moved = READER_MOVED.with(|m| m.get());
    request_animation_frame(move || frame(LANDING_FRAMES, moved));
}

/// Lands in-page links exactly (`keep_landing`) and notes when the reader takes over.
pub fn settle_in_page_links() {
    fn bump() {
        READER_MOVED.with(|m| m.set(m.get().wrapping_add(1)));
    }
    let wheel = window_event_listener(leptos::ev::wheel, |_| bump());
    let touch = window_event_listener(leptos::ev::touchstart, |_| bump());
    let key = window_event_listener(leptos::ev::keydown, |ev| {
        // Enter on a focused link follows it; every other key may scroll.
        if ev.key() != "Enter" {
            bump();
        }
    });
    let click = window_event_listener(leptos::ev::click, |ev| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='#']").ok().flatten());
        if link.is_some() {
            keep_landing();
        }
    });
    on_cleanup(move || {
        wheel.remove();
        touch.remove();
        key.remove();
        click.remove();
    });
}
