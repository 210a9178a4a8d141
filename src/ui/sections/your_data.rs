//! `#your-data`: the paper's analyses on a reader's own two-group study. A CSV file
//! (`id,group,t1,t2`, read by `reader::own_csv`) is read in the page with
//! `Blob.arrayBuffer()` and never leaves it; while it is loaded, the salaries, test and
//! robustness sections analyse it (`AppState::own`). A file that cannot be read is
//! reported with its line and column, and whatever was loaded before stays. The reader
//! can swap which group is the treatment, set a factor on T2, go back to the paper's
//! data, and download the paper's data in this format (the way to edit a value).

use crate::ui::export::download_text;
use crate::ui::files::read_file;
use crate::ui::state::{tr, use_app_state, AppState};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use study_core::reader::amount::amount_text;
use study_core::reader::own_csv::{
    paper_csv, parse_number, read_own_csv, OwnCsvError, OwnCsvErrorKind, MAX_BYTES,
};
use study_core::stats::selection::{own_rows_left_out, T2_FACTOR_RANGE};
use study_core::study::Group;
use study_core::text::i18n::fill;

/// What the file input reports.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Reading(String),
    Failed(String),
}

/// `#your-data`.
#[component]
pub fn YourDataSection() -> impl IntoView {
    let state = use_app_state();
    let status = RwSignal::new(Status::Idle);
    let input: NodeRef<Input> = NodeRef::new();
    let on_file = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = el.files().and_then(|l| l.get(0)) else { return };
        // Cleared, so picking the same file again (fixed or edited) reads it again.
        el.set_value("");
        spawn_local(import(state, file, status));
    };
    let download = move |_| {
        let text = state.study.with_value(|s| paper_csv(s));
        download_text(&text, "text/csv;charset=utf-8", "song-2019-table8-quarterly.csv");
    };
    let status_line = move || match status.get() {
        Status::Idle => None,
        Status::Reading(file) => Some(
            view! {
                <p role="status">{fill(state.t().own_reading, &[("file", &file)])}</p>
            }
            .into_any(),
        ),
        Status::Failed(message) => Some(
            view! {
                <p class="field-error" role="alert" id="own-error">{message}</p>
            }
            .into_any(),
        ),
    };
    view! {
        <section id="your-data" class="section" aria-labelledby="your-data-h">
            <h2 id="your-data-h">{tr(state, |t| t.sec_your_data)}</h2>
            <p class="lede">{tr(state, |t| t.own_lede)}</p>
            <h3>{tr(state, |t| t.own_format_h)}</h3>
            <ul class="own-format">
                <li>{tr(state, |t| t.own_format_header)}</li>
                <li>{tr(state, |t| t.own_format_groups)}</li>
                <li>{tr(state, |t| t.own_format_numbers)}</li>
                <li>{tr(state, |t| t.own_format_missing)}</li>
            </ul>
            <pre class="own-example" aria-label=tr(state, |t| t.own_example_label)>"id,group,t1,t2\nA-01,Pilot,\"1,234.50\",1480\nB-01,Usual,1201,1236.5"</pre>
            <div class="own-import">
                <label for="own-file">{tr(state, |t| t.own_file_label)}</label>
                <input type="file" id="own-file" accept=".csv,text/csv" node_ref=input on:change=on_file />
                <button type="button" on:click=download>{tr(state, |t| t.own_download_paper)}</button>
            </div>
            {status_line}
            {move || state.own.with(Option::is_some).then(|| loaded(state))}
        </section>
    }
}

/// Reads a picked file; on success it becomes the analysed data, with the factor back at
/// 1; on failure the message names the problem and the earlier data stays.
async fn import(state: AppState, file: web_sys::File, status: RwSignal<Status>) {
    let t = state.lang.get_untracked().strings();
    let name = file.name();
    // A file over the limit is refused before it is read, with the CSV reader's own
    // error. JS sizes are doubles (NaN is never over it), and the reader checks the real
    // length again.
    if file.size() > MAX_BYTES as f64 {
        let kind = OwnCsvErrorKind::TooLarge { bytes: file.size() as usize };
        let too_large = OwnCsvError { line: 0, column: None, kind };
        let error = too_large.message(state.lang.get_untracked());
        status.set(Status::Failed(fill(t.own_failed, &[("file", &name), ("error", &error)])));
        return;
    }
    status.set(Status::Reading(name.clone()));
    let bytes = match read_file(&file, t).await {
        Ok(bytes) => bytes,
        Err(e) => {
            status.set(Status::Failed(fill(t.own_failed, &[("file", &name), ("error", &e)])));
            return;
        }
    };
    match read_own_csv(&name, &bytes) {
        Ok(own) => {
            state.selection.update(|s| s.t2_factor = 1.0);
            state.own.set(Some(Arc::new(own)));
            status.set(Status::Idle);
        }
        Err(e) => {
            let lang = state.lang.get_untracked();
            let message = fill(t.own_failed, &[("file", &name), ("error", &e.message(lang))]);
            status.set(Status::Failed(message));
        }
    }
}

/// What is loaded, and its controls: swap the groups, the factor on T2, back to the paper.
fn loaded(state: AppState) -> impl IntoView {
    let summary = move || {
        let t = state.t();
        state.own.with(|own| {
            let Some(own) = own else { return String::new() };
            let n = |g: Group| own.group_rows(g).count().to_string();
            let left_out = state.selection.with(|s| own_rows_left_out(own, s));
            let mut text = fill(
                t.own_loaded,
                &[
                    ("file", &own.file),
                    ("rows", &own.rows.len().to_string()),
                    ("a", own.names.name(Group::Service)),
                    ("na", &n(Group::Service)),
                    ("b", own.names.name(Group::Development)),
                    ("nb", &n(Group::Development)),
                ],
            );
            if left_out > 0 {
                text.push(' ');
                text.push_str(&fill(t.own_left_out, &[("count", &left_out.to_string())]));
            }
            text
        })
    };
    let swap = move |_| {
        state.own.update(|own| {
            if let Some(o) = own {
                *o = Arc::new(o.swapped());
            }
        })
    };
    let back = move |_| state.own.set(None);
    view! {
        <div class="own-loaded" role="status">
            <p id="own-summary">{summary}</p>
            <p>{move || {
                let treatment = state.own.with(|o| o.as_ref().map(|o| o.names.name(Group::Service).to_string()).unwrap_or_default());
                fill(state.t().own_treatment, &[("name", &treatment)])
            }}</p>
            <div class="own-controls">
                <button type="button" id="own-swap" on:click=swap>{tr(state, |t| t.own_swap)}</button>
                {factor_input(state)}
                <button type="button" on:click=back>{tr(state, |t| t.own_back)}</button>
            </div>
            <p class="note">{tr(state, |t| t.own_share_note)}</p>
        </div>
    }
}

/// The factor on T2: a typed number in its range, applied when the field is left or Enter
/// is pressed; anything else is explained and the factor in use stays.
fn factor_input(state: AppState) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let apply = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let t = state.lang.get_untracked().strings();
        match parse_number(text.trim()) {
            Some(f) if (T2_FACTOR_RANGE.0..=T2_FACTOR_RANGE.1).contains(&f) => {
                error.set(None);
                state.selection.update(|s| s.t2_factor = f);
            }
            _ => error.set(Some(fill(
                t.own_factor_error,
                &[
                    ("value", &text),
                    ("min", &T2_FACTOR_RANGE.0.to_string()),
                    ("max", &amount_text(T2_FACTOR_RANGE.1)),
                ],
            ))),
        }
    };
    view! {
        <label class="own-factor">
            <span>{tr(state, |t| t.own_factor_label)}</span>
            <input
                type="text"
                inputmode="decimal"
                id="own-factor"
                prop:value=move || state.selection.with(|s| s.t2_factor.to_string())
                aria-invalid=move || error.with(|e| if e.is_some() { "true" } else { "false" })
                aria-describedby="own-factor-error"
                on:change=apply
            />
        </label>
        <span class="field-error" id="own-factor-error" role="status">{move || error.get().unwrap_or_default()}</span>
    }
}
