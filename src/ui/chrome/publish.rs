//! Publishing the current view: "copy link", "copy embed code", the printed handout's
//! header (selection, permalink, build), "cite this explorer", and — in embed mode — the
//! height messages to the host page (shape and rules in `core::embed`).
//!
//! The page only posts messages; it never listens for them.

use crate::ui::chrome::handout::{mark_handout, FRAGMENT_ID};
use crate::ui::export::download_text;
use crate::ui::sections::SECTIONS;
use crate::ui::state::{tr, use_app_state, AppState};
use crate::ui::text::fill_view;
use crate::ui::text::selection_line;
use leptos::prelude::*;
use study_core::reader::embed::{iframe_snippet, HeightMessage};
use study_core::text::i18n::fill;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The package version and the commit this build was made from (see `build.rs`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
pub const COMMIT: &str = env!("STUDY_EXPLORER_COMMIT");
pub const COMMIT_DATE: &str = env!("STUDY_EXPLORER_COMMIT_DATE");

/// The page's address without query or fragment (works under any sub-path).
fn page_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else { return String::new() };
    format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default())
}

/// The full-page permalink of the current view.
pub fn permalink(state: AppState) -> String {
    format!("{}?{}", page_url(), state.view_query())
}

/// What a copy attempt came to, for the live region.
#[derive(Clone, PartialEq)]
enum Copy {
    Idle,
    Copied(String),
    Failed(String),
}

/// Copies `text`; the outcome lands in `status` (the clipboard answers asynchronously, and
/// may refuse, e.g. without a user gesture or in an insecure context).
fn copy_text(text: String, status: RwSignal<Copy>) {
    let Some(window) = web_sys::window() else { return };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => status.set(Copy::Copied(text)),
            Err(_) => status.set(Copy::Failed(text)),
        }
    });
}

/// `#share`: copy link, copy embed code, print a handout of a section.
#[component]
pub fn SharePanel() -> impl IntoView {
    let state = use_app_state();
    let status = RwSignal::new(Copy::Idle);
    let section = RwSignal::new("test".to_string());
    let options = SECTIONS
        .iter()
        .map(|&(id, title)| view! { <option value=id prop:selected=move || section.get() == id>{tr(state, title)}</option> })
        .collect_view();
    let copy_link = move |_| copy_text(permalink(state), status);
    let copy_embed = move |_| {
        let id = section.get_untracked();
        let t = state.lang.get_untracked().strings();
        let title = SECTIONS.iter().find(|(s, _)| *s == id).map(|(_, f)| f(t)).unwrap_or_default();
        let frame_title = fill(t.e_iframe_title, &[("section", title)]);
        copy_text(iframe_snippet(&page_url(), &state.view_query(), &id, &frame_title), status);
    };
    let print = move |_| {
        let Some(window) = web_sys::window() else { return };
        // The fragment names the printed section; the mark is set now, as the print
        // starts before the `hashchange` event arrives (`handout`).
        let _ = window.location().set_hash(&section.get_untracked());
        mark_handout();
        let _ = window.print();
    };
    let message = move || match status.get() {
        Copy::Idle => String::new(),
        Copy::Copied(_) => state.t().e_copied.to_string(),
        Copy::Failed(_) => state.t().e_copy_failed.to_string(),
    };
    let last = move || match status.get() {
        Copy::Copied(t) | Copy::Failed(t) => Some(t),
        Copy::Idle => None,
    };
    view! {
        <details class="share" id="share">
            <summary>{tr(state, |t| t.e_share_title)}</summary>
            <div class="share-body">
                <p><button type="button" id="copy-link" on:click=copy_link>{tr(state, |t| t.e_copy_link)}</button></p>
                {move || state.own.with(Option::is_some).then(|| view! {
                    <p class="note" id="share-own-note">{tr(state, |t| t.own_share_note)}</p>
                })}
                <p>
                    <label for="share-section">{tr(state, |t| t.e_section_label)}</label>
                    " "
                    <select id="share-section" on:change=move |ev| section.set(event_target_value(&ev))>{options}</select>
                </p>
                <p class="share-buttons">
                    <button type="button" id="copy-embed" on:click=copy_embed>{tr(state, |t| t.e_copy_embed)}</button>
                    " "
                    <button type="button" id="print-section" on:click=print>{tr(state, |t| t.e_print)}</button>
                </p>
                <p class="copy-status" role="status" aria-live="polite">{message}</p>
                {move || {
                    last()
                        .map(|text| {
                            view! {
                                <label class="copied-text">
                                    <span>{state.t().e_copied_label}</span>
                                    <textarea id="copied-text" readonly rows="3" prop:value=text></textarea>
                                </label>
                            }
                        })
                }}
            </div>
        </details>
    }
}

/// The handout's header: shown only in print (selection, permalink, which build).
#[component]
pub fn PrintHeader() -> impl IntoView {
    let state = use_app_state();
    let line = selection_line(state);
    view! {
        <div class="print-only print-header" id="print-header">
            <p>
                <strong>{tr(state, |t| t.e_print_selection)}</strong>
                " "
                {line}
            </p>
            {move || state.own.with(|o| o.as_ref().map(|o| o.file.clone())).map(|file| view! {
                <p>
                    <strong>{tr(state, |t| t.own_print_data)}</strong>
                    " "
                    {fill(state.t().own_print_file, &[("file", &file)])}
                </p>
            })}
            <p>
                <strong>{tr(state, |t| t.e_print_permalink)}</strong>
                " "
                <span class="print-url">{move || {
                    state.selection.track();
                    state.node.track();
                    state.lang_chosen.track();
                    permalink(state)
                }}<span id=FRAGMENT_ID></span></span>
            </p>
            // The version and the commit hash are identifiers, not words (a hash can spell
            // "eee"), so they are set as code in either language.
            <p>
                {move || {
                    fill_view(state.t().e_print_build, |name| match name {
                        "version" => Some(view! { <code>{VERSION}</code> }.into_any()),
                        "commit" => Some(view! { <code>{COMMIT}</code> }.into_any()),
                        _ => None,
                    })
                }}
            </p>
        </div>
    }
}

/// The reference for this build of the explorer (English, as references are).
pub fn explorer_reference(url: &str) -> String {
    format!(
        "Study Explorer: Song et al. (2019), social media at work (Version {VERSION}, commit {COMMIT}) [Computer software]. ({COMMIT_DATE}). {url}"
    )
}

/// A BibTeX `@software` entry for this build.
pub fn explorer_bibtex(url: &str) -> String {
    let year =
        COMMIT_DATE.get(..4).filter(|y| y.chars().all(|c| c.is_ascii_digit())).unwrap_or("n.d.");
    format!(
        "@software{{study_explorer_{commit},\n  title = {{Study Explorer: Song et al. (2019), social media at work}},\n  version = {{{VERSION}}},\n  note = {{commit {COMMIT}}},\n  year = {{{year}}},\n  url = {{{url}}}\n}}\n",
        commit = COMMIT.replace(|c: char| !c.is_ascii_alphanumeric(), "")
    )
}

/// "Cite this explorer": name, version and commit of the build, with a BibTeX download.
#[component]
pub fn CiteExplorer() -> impl IntoView {
    let state = use_app_state();
    let url = page_url();
    let reference = explorer_reference(&url);
    let bib = explorer_bibtex(&url);
    let download =
        move |_| download_text(&bib, "application/x-bibtex;charset=utf-8", "study-explorer.bib");
    view! {
        <div class="cite-explorer" id="cite-explorer">
            <h2>{tr(state, |t| t.e_cite_title)}</h2>
            <p lang="en" class="explorer-reference">{reference}</p>
            <p><button type="button" id="explorer-bibtex" on:click=download>{tr(state, |t| t.e_cite_bibtex)}</button></p>
        </div>
    }
}

/// In embed mode: posts the content's height to the host whenever it changes (a
/// `ResizeObserver` on `root`), and once at start. Does nothing outside a frame.
pub fn report_height(root: NodeRef<leptos::html::Div>, section: String) {
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        let Some(window) = web_sys::window() else { return };
        let Ok(Some(parent)) = window.parent() else { return };
        if JsValue::from(&parent) == JsValue::from(&window) {
            return;
        }
        let el: web_sys::Element = el.unchecked_into();
        let section = section.clone();
        let send = move |el: &web_sys::Element| {
            let Some(w) = web_sys::window() else { return };
            let height =
                el.get_bounding_client_rect().bottom() + w.scroll_y().unwrap_or(0.0) + 16.0;
            let msg = HeightMessage::new(&section, height);
            if let (Ok(v), Ok(Some(p))) = (serde_wasm_bindgen::to_value(&msg), w.parent()) {
                // The message holds only the height and the section's name, so any host may
                // read it: the explorer cannot know the host's origin in advance.
                let _ = p.post_message(&v, "*");
            }
        };
        send(&el);
        let observed = el.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            send(&observed)
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
        }
        // The observer lives as long as the page.
        callback.forget();
    });
}
