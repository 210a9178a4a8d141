//! The workshop module: a second entry point (`src/bin/workshop.rs`, its own wasm) that
//! the page loads only when the reader reaches `#workshop`. It mounts into the page's
//! `#workshop-app` and offers what the section does: import your own coded interviews
//! (REFI-QDA `.qdpx`, or CSV files) or the teaching sample, and see their coverage per code
//! × source and per cell — group × time, or document set — (both aggregate definitions),
//! beside the paper's printed coverage, with Cohen's kappa between coders and a CSV export.
//! The section's heading, introduction and privacy note are the page's
//! (`ui::sections::workshop`), so they are there before the module.
//!
//! Everything stays in the page: files are read with `Blob.arrayBuffer()`, nothing is
//! uploaded and nothing is stored (no localStorage); the only request the module makes is a
//! same-origin fetch of the shipped sample. Sizes are checked before a file is read. A file that cannot be imported
//! shows the core's message (naming the file, line or element) and leaves the previous import,
//! and the rest of the page, as they were. Imported text is only ever rendered as text.
//!
//! The module shares the core and the page's shared UI helpers (the chart frame, files,
//! downloads), never the page's `AppState`: its own [`state::WorkshopState`] holds the
//! language, which follows the page's. The page's binary never links this module
//! (`tests/architecture.rs`). The numbers come from `core::coverage::view`; the parts lay
//! them out: `import` (the routes in and the status line), `results` (what an import
//! shows, in order), `tables` (coverage), `compare` (beside the paper; the chart is drawn
//! by `chart`), `agreement` (kappa) and `export`.

mod agreement;
mod chart;
mod compare;
mod export;
mod import;
mod results;
mod state;
mod tables;

use import::import_routes;
use leptos::prelude::*;
use results::Results;
use state::WorkshopState;
use std::sync::Arc;
use study_core::coverage::{ImportNote, Project};
use study_core::study::Study;
use study_core::text::i18n::{segments, Segment, Strings};
use study_core::text::pieces::sentence_separator;
use wasm_bindgen::JsCast;

/// One successful import.
struct Imported {
    project: Arc<Project>,
    notes: Vec<ImportNote>,
    /// What was read ("x.qdpx", "the teaching sample", "codings.csv and 3 other files").
    origin: String,
    /// Loaded with the "Load the sample" button.
    sample: bool,
    /// 1 for the first import of the page, then 2, …
    serial: u32,
}

/// The value of the `<select>` an event came from.
fn select_value(ev: &leptos::ev::Event) -> String {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Fills a table entry's `{name}` placeholders as a view: each value in a `<span>` with
/// its own `lang` (the imported project's words keep their language inside a translated
/// sentence); `None` leaves the value as plain text.
fn fill_spans(template: &str, args: &[(&str, String, Option<&'static str>)]) -> Vec<AnyView> {
    segments(template)
        .into_iter()
        .map(|seg| match seg {
            Segment::Text(t) => t.to_string().into_any(),
            Segment::Placeholder(name) => match args.iter().find(|(k, _, _)| *k == name) {
                Some((_, v, Some(lang))) => {
                    view! { <span lang=*lang>{v.clone()}</span> }.into_any()
                }
                Some((_, v, None)) => v.clone().into_any(),
                None => format!("{{{name}}}").into_any(),
            },
        })
        .collect()
}

/// A space between two sentences in English; none between Chinese ones.
fn gap(t: &Strings) -> &'static str {
    sentence_separator(t.lang)
}

/// Mounts the workshop into the page's `#workshop-app` (called by `src/bin/workshop.rs`
/// when the page has loaded the module); does nothing on a page without it.
pub fn start() {
    crate::ui::panic::install();
    let Some(host) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("workshop-app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    leptos::mount::mount_to(host, WorkshopApp).forget();
}

/// The workshop's routes in and what an import shows. The paper's printed coverage and
/// kappa come from the study baked into this module too.
#[component]
fn WorkshopApp() -> impl IntoView {
    WorkshopState::provide();
    let study = match Study::embedded() {
        Ok(study) => study,
        Err(e) => {
            return view! { <p class="field-error" role="alert">{e.to_string()}</p> }.into_any()
        }
    };
    let imported: RwSignal<Option<Arc<Imported>>> = RwSignal::new(None);
    let paper = StoredValue::new(study.raw.coverage.clone());
    let kappa_printed = StoredValue::new((
        study.raw.printed_other.kappa.value.clone(),
        study.raw.printed_other.kappa.source.clone(),
    ));
    view! {
        {import_routes(imported)}
        {move || imported.get().map(|data| view! { <Results data=data paper=paper kappa_printed=kappa_printed /> })}
    }
    .into_any()
}
