//! `#workshop`: import your own coded interviews (REFI-QDA `.qdpx`, or CSV files) or the
//! teaching sample, and see their coverage per code × source and per cell — group × time, or
//! document set — (both aggregate definitions), beside the paper's printed coverage, with
//! Cohen's kappa between coders and a CSV export.
//!
//! Everything stays in the page: files are read with `Blob.arrayBuffer()`, nothing is
//! uploaded and nothing is stored (no localStorage); the only request is a same-origin fetch of
//! the shipped sample. Sizes are checked before a file is read. A file that cannot be imported
//! shows the core's message (naming the file, line or element) and leaves the previous import,
//! and the rest of the page, as they were. Imported text is only ever rendered as text.
//!
//! The state is local to the section (signals created here and in its parts) and
//! independent of the explorer's selection. The numbers come from `core::coverage::view`;
//! the parts lay them out: `import` (the routes in and the status line), `results` (what
//! an import shows, in order), `tables` (coverage), `compare` (beside the paper; the
//! chart is drawn by `ui::charts::workshop`), `agreement` (kappa) and `export`.

mod agreement;
mod compare;
mod export;
mod import;
mod results;
mod tables;

use crate::ui::state::{tr, use_app_state};
use import::import_routes;
use leptos::prelude::*;
use results::Results;
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

/// `#workshop`.
#[component]
pub fn WorkshopSection(study: Arc<Study>) -> impl IntoView {
    let state = use_app_state();
    let imported: RwSignal<Option<Arc<Imported>>> = RwSignal::new(None);
    let paper = StoredValue::new(study.raw.coverage.clone());
    let kappa_printed = StoredValue::new((
        study.raw.printed_other.kappa.value.clone(),
        study.raw.printed_other.kappa.source.clone(),
    ));
    view! {
        <section id="workshop" class="section" aria-labelledby="workshop-h">
            <h2 id="workshop-h">{tr(state, |t| t.sec_workshop)}</h2>
            <p class="lede">{tr(state, |t| t.c_workshop_lede)}</p>
            <p class="privacy-note" id="workshop-privacy">{tr(state, |t| t.c_privacy)}</p>
            {import_routes(imported)}
            {move || imported.get().map(|data| view! { <Results data=data paper=paper kappa_printed=kappa_printed /> })}
        </section>
    }
}
