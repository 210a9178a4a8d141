//! What the browser knows about an element's box, reported without forced layout.
//!
//! Reading `clientWidth` inside an effect that has just changed the DOM makes the browser
//! lay out the whole page synchronously, once per chart per toggle (the profile of a
//! toggle showed a third of its time there). Observers report instead, after the
//! browser's own layout pass and only on change:
//! - [`observe_width`]: the content width (`ResizeObserver`), which sizes a chart;
//! - [`observe_near_view`]: whether the element is on screen or close to it
//!   (`IntersectionObserver`), so a chart far off screen is drawn when the reader
//!   scrolls to it, not on every toggle.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How far outside the viewport an element still counts as near it: a chart is drawn
/// a quarter of a screen before it scrolls in (drawing one takes a few milliseconds, well
/// within the frame in which it appears).
const NEAR_MARGIN: &str = "25% 0px";

/// The content-box width of `node` in CSS pixels: 0 until the browser has laid it out,
/// then updated whenever it changes by at least half a pixel. The browser does not lay
/// out the inside of a section that is far off screen (`content-visibility: auto`), so
/// an element there reports when the reader comes near it; a section element itself is
/// always laid out.
pub fn observe_width<E>(node: NodeRef<E>) -> RwSignal<f64>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let width = RwSignal::new(0.0_f64);
    observe(
        node,
        move |el, callback| {
            let observer = web_sys::ResizeObserver::new(callback).ok()?;
            observer.observe(el);
            Some(Box::new(move || observer.disconnect()))
        },
        move |entry| {
            let w = entry.unchecked_into::<web_sys::ResizeObserverEntry>().content_rect().width();
            let known = width.try_get_untracked().unwrap_or(0.0);
            if w.is_finite() && w > 0.0 && (w - known).abs() >= 0.5 {
                width.try_set(w);
            }
        },
    );
    width
}

/// Whether `node` is within [`NEAR_MARGIN`] of the viewport: false until the browser
/// first reports, then following the scroll. Where the browser has no
/// `IntersectionObserver`, always true (everything is drawn, as without this).
pub fn observe_near_view<E>(node: NodeRef<E>) -> RwSignal<bool>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    let near = RwSignal::new(false);
    observe(
        node,
        move |el, callback| {
            let options = web_sys::IntersectionObserverInit::new();
            options.set_root_margin(NEAR_MARGIN);
            let Ok(observer) = web_sys::IntersectionObserver::new_with_options(callback, &options)
            else {
                near.set(true);
                return None;
            };
            observer.observe(el);
            Some(Box::new(move || observer.disconnect()))
        },
        move |entry| {
            let now =
                entry.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting();
            if near.try_get_untracked() != Some(now) {
                near.try_set(now);
            }
        },
    );
    near
}

/// Once `node` is in the DOM, `start` attaches an observer to it that calls `report` with
/// the latest entry of each delivery (one target per observer), and returns how to
/// disconnect it. The observer and its callback are kept until the owning component is
/// cleaned up, then disconnected (cleanups run before the owner's stored values are
/// disposed).
fn observe<E>(
    node: NodeRef<E>,
    start: impl Fn(&web_sys::Element, &js_sys::Function) -> Option<Box<dyn Fn()>> + 'static,
    report: impl Fn(JsValue) + Clone + 'static,
) where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let el: web_sys::Element = el.unchecked_into();
        let report = report.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.iter().last() {
                report(entry);
            }
        });
        let Some(disconnect) = start(&el, callback.as_ref().unchecked_ref()) else { return };
        let keep = StoredValue::new_local((disconnect, callback));
        on_cleanup(move || {
            let _ = keep.try_with_value(|(disconnect, _)| disconnect());
        });
    });
}
