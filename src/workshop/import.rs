//! The workshop's three ways in: the teaching sample (a same-origin fetch), a REFI-QDA
//! `.qdpx` file, or CSV files (codings, an optional source list, the texts), each read in
//! the page with `Blob.arrayBuffer()` after its size is checked; and the status line that
//! says how the last import went. A successful import replaces the section's data; a
//! failed one reports the core's message and leaves the previous import as it was.

use super::state::{tr, use_workshop_state};
use super::Imported;
use crate::ui::files::{fetch_bytes, read_file};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::sync::Arc;
use study_core::coverage::{import_csv, import_qdpx, CsvInput, ImportNote, Project};
use study_core::text::i18n::{fill, Strings};
use study_core::text::pieces::sentence_separator;
use study_core::view::coverage::{check_csv_sizes, check_qdpx_size};

/// The shipped teaching sample, relative to the page (same origin; copied into dist by Trunk).
const SAMPLE_URL: &str = "sample/teaching-sample.qdpx";

/// An import under way: the project, its notes and whether it is the shipped sample, or a
/// message for the reader.
type ImportJob =
    std::pin::Pin<Box<dyn Future<Output = Result<(Project, Vec<ImportNote>, bool), String>>>>;

/// What the import controls report.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Busy(String),
    Done(String),
    Failed(String),
}

/// The bytes of the shipped sample, fetched from this site.
async fn fetch_sample(t: &'static Strings) -> Result<Vec<u8>, String> {
    fetch_bytes(SAMPLE_URL, t)
        .await
        .map_err(|m| fill(t.c_err_sample_fetch, &[("url", SAMPLE_URL), ("error", &m)]))
}

/// The files of a file input, in order.
fn files_of(input: Option<web_sys::HtmlInputElement>) -> Vec<web_sys::File> {
    let Some(list) = input.and_then(|i| i.files()) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// JS file sizes are doubles; NaN and negatives read as 0, huge ones saturate.
fn size_of(file: &web_sys::File) -> u64 {
    file.size() as u64
}

/// A refusal followed by the note that nothing changed.
fn unchanged(message: &str, t: &Strings) -> String {
    format!("{message}{}{}", sentence_separator(t.lang), t.c_unchanged)
}

/// Imports the `.qdpx` file `file`, named `name`.
fn qdpx_job(file: web_sys::File, name: String, t: &'static Strings) -> ImportJob {
    Box::pin(async move {
        check_qdpx_size(&name, size_of(&file), t)?;
        let bytes = read_file(&file, t).await?;
        import_qdpx(&bytes)
            .map(|i| (i.project, i.notes, false))
            .map_err(|e| fill(t.c_could_not_import, &[("name", &name), ("error", &e.message(t))]))
    })
}

/// Fetches and imports the shipped teaching sample.
fn sample_job(t: &'static Strings) -> ImportJob {
    Box::pin(async move {
        let bytes = fetch_sample(t).await?;
        import_qdpx(&bytes)
            .map(|i| (i.project, i.notes, true))
            .map_err(|e| fill(t.c_could_not_import_sample, &[("error", &e.message(t))]))
    })
}

/// Imports a codings CSV, an optional source list and the texts.
fn csv_job(
    codings: web_sys::File,
    sources: Option<web_sys::File>,
    texts: Vec<web_sys::File>,
    t: &'static Strings,
) -> ImportJob {
    Box::pin(async move {
        let mut sizes = vec![(codings.name(), size_of(&codings))];
        sizes.extend(sources.iter().map(|f| (f.name(), size_of(f))));
        sizes.extend(texts.iter().map(|f| (f.name(), size_of(f))));
        check_csv_sizes(&sizes, t)?;
        let codings_name = codings.name();
        let codings_bytes = read_file(&codings, t).await?;
        let sources_file = match &sources {
            Some(f) => Some((f.name(), read_file(f, t).await?)),
            None => None,
        };
        let mut text_files = Vec::with_capacity(texts.len());
        for f in &texts {
            text_files.push((f.name(), read_file(f, t).await?));
        }
        let input = CsvInput {
            codings: (&codings_name, &codings_bytes),
            sources: sources_file.as_ref().map(|(n, b)| (n.as_str(), b.as_slice())),
            texts: &text_files,
        };
        import_csv(&input)
            .map(|i| (i.project, i.notes, false))
            .map_err(|e| fill(t.c_could_not_import_csv, &[("error", &e.message(t))]))
    })
}

/// The import routes and the status line under them; a successful import lands in
/// `imported`.
pub(super) fn import_routes(imported: RwSignal<Option<Arc<Imported>>>) -> impl IntoView {
    let state = use_workshop_state();
    let status = RwSignal::new(Status::Idle);
    let serial = StoredValue::new(0u32);
    let qdpx_ref: NodeRef<Input> = NodeRef::new();
    let codings_ref: NodeRef<Input> = NodeRef::new();
    let sources_ref: NodeRef<Input> = NodeRef::new();
    let texts_ref: NodeRef<Input> = NodeRef::new();

    // Runs one import; on success replaces the data, on failure only reports.
    let run = move |what: String, job: ImportJob| {
        let t = state.t_untracked();
        status.set(Status::Busy(fill(t.c_reading, &[("what", &what)])));
        spawn_local(async move {
            match job.await {
                Ok((project, notes, sample)) => {
                    let n = serial.try_update_value(|s| {
                        *s += 1;
                        *s
                    });
                    let done = fill(t.c_imported, &[("what", &what)]);
                    imported.try_set(Some(Arc::new(Imported {
                        project: Arc::new(project),
                        notes,
                        origin: what,
                        sample,
                        serial: n.unwrap_or(0),
                    })));
                    status.try_set(Status::Done(done));
                }
                Err(message) => {
                    status.try_set(Status::Failed(unchanged(&message, t)));
                }
            }
        });
    };

    let on_qdpx = move |_| {
        let input = qdpx_ref.get_untracked();
        let Some(file) = files_of(input.clone()).into_iter().next() else { return };
        // Let the same file be picked again (a change event needs a new value).
        if let Some(i) = input {
            i.set_value("");
        }
        let name = file.name();
        let t = state.t_untracked();
        run(name.clone(), qdpx_job(file, name, t));
    };

    let on_sample = move |_| {
        let t = state.t_untracked();
        run(t.c_the_sample.into(), sample_job(t));
    };

    let on_csv = move |_| {
        let codings = files_of(codings_ref.get_untracked()).into_iter().next();
        let sources = files_of(sources_ref.get_untracked()).into_iter().next();
        let texts = files_of(texts_ref.get_untracked());
        let t = state.t_untracked();
        let Some(codings) = codings else {
            status.set(Status::Failed(unchanged(t.c_choose_codings, t)));
            return;
        };
        if texts.is_empty() {
            status.set(Status::Failed(unchanged(t.c_choose_texts, t)));
            return;
        }
        let others = texts.len() + usize::from(sources.is_some());
        let what = fill(
            if others == 1 { t.c_and_other_file } else { t.c_and_other_files },
            &[("codings", &codings.name()), ("n", &others.to_string())],
        );
        run(what, csv_job(codings, sources, texts, t));
    };

    let status_line = move || {
        match status.get() {
        Status::Busy(m) | Status::Done(m) => Some(view! { <p id="workshop-status" class="workshop-status" role="status">{m}</p> }.into_any()),
        Status::Failed(m) => Some(view! { <p id="workshop-error" class="field-error workshop-error" role="alert">{m}</p> }.into_any()),
        Status::Idle => None,
    }
    };

    view! {
        <div class="workshop-import">
            <div class="import-route">
                <h3>{tr(state, |t| t.c_sample_h)}</h3>
                <p>{tr(state, |t| t.c_sample_desc)}</p>
                <button type="button" id="workshop-sample" on:click=on_sample>{tr(state, |t| t.c_load_sample)}</button>
            </div>
            <div class="import-route">
                <h3>{tr(state, |t| t.c_qdpx_h)}</h3>
                <label for="workshop-qdpx">{tr(state, |t| t.c_qdpx_label)}</label>
                <input id="workshop-qdpx" type="file" accept=".qdpx,application/zip" node_ref=qdpx_ref on:change=on_qdpx />
                <p class="hint">{tr(state, |t| t.c_qdpx_hint)}</p>
            </div>
            <fieldset class="import-route">
                <legend>{tr(state, |t| t.c_csv_legend)}</legend>
                <label for="workshop-csv-codings">{tr(state, |t| t.c_csv_codings_label)}</label>
                <input id="workshop-csv-codings" type="file" accept=".csv,text/csv" node_ref=codings_ref />
                <label for="workshop-csv-sources">{tr(state, |t| t.c_csv_sources_label)}</label>
                <input id="workshop-csv-sources" type="file" accept=".csv,text/csv" node_ref=sources_ref />
                <label for="workshop-csv-texts">{tr(state, |t| t.c_csv_texts_label)}</label>
                <input id="workshop-csv-texts" type="file" accept=".txt,text/plain" multiple node_ref=texts_ref />
                <button type="button" id="workshop-csv-import" on:click=on_csv>{tr(state, |t| t.c_csv_import)}</button>
            </fieldset>
        </div>
        {status_line}
    }
}
