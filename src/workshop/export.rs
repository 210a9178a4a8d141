//! The workshop's export: the imported project as CSV files (codings, sources and each
//! text) in the format the CSV import reads, downloaded from the page.

use super::state::{tr, use_workshop_state};
use crate::ui::export::download_text;
use leptos::prelude::*;
use std::sync::Arc;
use study_core::coverage::{export_csv, CsvError, CsvExport, Project};
use study_core::text::i18n::fill;

/// The download buttons for the project's CSV files, or why it cannot be exported.
pub(super) fn export_links(project: Arc<Project>) -> impl IntoView {
    let state = use_workshop_state();
    let t = move || state.t();
    let export: StoredValue<Result<CsvExport, CsvError>> = StoredValue::new(export_csv(&project));
    export.with_value(|e| match e {
        Ok(x) => {
            let n_texts = x.texts.len();
            let texts = x
                .texts
                .iter()
                .enumerate()
                .map(|(i, (name, _))| {
                    let file = name.clone();
                    view! {
                        <li><button type="button" class="link-button" on:click=move |_| export.with_value(|e| if let Ok(x) = e {
                            if let Some((n, t)) = x.texts.get(i) { download_text(t, "text/plain;charset=utf-8", n); }
                        })>{move || fill(t().c_download_file, &[("file", &file)])}</button></li>
                    }
                })
                .collect_view();
            view! {
                <p class="export-actions">
                    <button type="button" id="workshop-export-codings" on:click=move |_| export.with_value(|e| if let Ok(x) = e { download_text(&x.codings_csv, "text/csv;charset=utf-8", "codings.csv"); })>{tr(state, |t| t.c_download_codings)}</button>
                    " "
                    <button type="button" id="workshop-export-sources" on:click=move |_| export.with_value(|e| if let Ok(x) = e { download_text(&x.sources_csv, "text/csv;charset=utf-8", "sources.csv"); })>{tr(state, |t| t.c_download_sources)}</button>
                </p>
                <details class="export-texts">
                    <summary>{move || fill(t().c_export_texts, &[("n", &n_texts.to_string())])}</summary>
                    <ul>{texts}</ul>
                </details>
            }
            .into_any()
        }
        Err(e) => {
            let e = e.clone();
            view! { <p class="field-error" role="alert">{move || fill(t().c_export_failed, &[("error", &e.message(t()))])}</p> }.into_any()
        }
    })
}
