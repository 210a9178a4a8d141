//! Which section a print holds. When the address's fragment names a section (`#test`),
//! printing gives a handout of that section alone; `style/main.css` (@media print) hides
//! the others. The section is marked with a `data-handout` attribute rather than left to
//! `:target`: the sections are built by the app after the browser has looked for the
//! fragment's element, so `:target` matches nothing when the page opens at `#test`.
//!
//! The mark follows the fragment: it is set once the sections are built, when the
//! fragment changes, just before printing (`beforeprint`, which a print to PDF fires
//! too), and by "Print a handout of this section", which sets the fragment first. The
//! print header's permalink ends with the same fragment, written here with the mark
//! ([`FRAGMENT_ID`]), so the printed address opens the section the handout holds. Both
//! are plain DOM writes, done before the print is laid out: a reactive update would
//! wait for the end of the click that asked to print.

use crate::ui::sections::SECTIONS;
use leptos::prelude::*;

/// The attribute on the `<section>` a print holds.
const MARK: &str = "data-handout";

/// The id of the print header's element after the permalink that holds its fragment.
pub const FRAGMENT_ID: &str = "print-fragment";

/// The section the address's fragment names, if it names one.
fn handout_section() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    SECTIONS.iter().any(|(s, _)| *s == id).then(|| id.to_string())
}

/// Marks the section the fragment names, and only that one, as the one a print holds.
pub fn mark_handout() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let wanted = handout_section();
    if let Ok(Some(old)) = doc.query_selector(&format!("main > section[{MARK}]")) {
        if wanted.as_deref() != Some(old.id().as_str()) {
            let _ = old.remove_attribute(MARK);
        }
    }
    if let Some(fragment) = doc.get_element_by_id(FRAGMENT_ID) {
        fragment.set_text_content(wanted.as_ref().map(|id| format!("#{id}")).as_deref());
    }
    if let Some(section) = wanted.and_then(|id| doc.get_element_by_id(&id)) {
        let _ = section.set_attribute(MARK, "");
    }
}

/// Keeps the mark in step with the fragment while the page shows. The sections built with
/// the page are marked after the first frame; the later ones when the last is in place
/// (`sections::mount_later`).
pub fn follow_handout() {
    let listeners = ["hashchange", "beforeprint"]
        .map(|event| window_event_listener_untyped(event, |_| mark_handout()));
    request_animation_frame(mark_handout);
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));
}
