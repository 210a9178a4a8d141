//! The banner that says a section is not showing the paper's numbers: informants are left
//! out (`exclude=`, the salary table's checkboxes), or the reader's own file is analysed
//! (`#your-data`). Each banner names who or what, and has the button that goes back.
//! Sections that always show the paper's study say so while own data is loaded.

use crate::ui::state::{tr, use_app_state, AppState};
use crate::ui::text::{en, fill_view};
use leptos::prelude::*;
use study_core::stats::selection::Exclusions;
use study_core::text::pieces::name_separator;

/// What a section shows, which decides its banner.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DataScope {
    /// The analysed data: the paper's salaries without the informants left out, or the
    /// reader's own file (`#salaries`, `#test`, `#robustness`).
    Analysed,
    /// The paper's informants without those left out, never own data (`#demographics`).
    PaperInformants,
    /// The paper's study whatever is selected (the model, coverage, codebook).
    Paper,
    /// The paper's full sample, compared with its printed values (`#reproducibility`).
    Ledger,
}

/// The banner for a section showing `scope`; nothing while the page shows the paper's
/// numbers.
pub fn data_banner(scope: DataScope) -> impl IntoView {
    let state = use_app_state();
    let own = move || state.own.with(|o| o.is_some());
    let left_out = move || state.selection.with(|s| !s.excluded.is_empty());
    move || {
        if own() {
            Some(match scope {
                DataScope::Analysed => own_banner(state).into_any(),
                _ => view! {
                    <p class="data-banner note" role="note">{tr(state, |t| t.own_paper_only)}</p>
                }
                .into_any(),
            })
        } else if left_out() {
            Some(match scope {
                DataScope::Analysed | DataScope::PaperInformants => {
                    exclusion_banner(state).into_any()
                }
                DataScope::Paper => return None,
                DataScope::Ledger => view! {
                    <p class="data-banner note" role="note">{tr(state, |t| t.exclude_ledger)}</p>
                }
                .into_any(),
            })
        } else {
            None
        }
    }
}

/// "Not the paper's numbers: Blake and Harry are left out." with a restore button.
fn exclusion_banner(state: AppState) -> impl IntoView {
    let names = move || {
        let names = state.excluded_names();
        let count = names.len();
        let sep = name_separator(state.lang.get());
        fill_view(state.t().exclude_banner, move |k| match k {
            "names" => Some(en(names.join(sep))),
            "count" => Some(count.to_string().into_any()),
            _ => None,
        })
    };
    let restore = move |_| state.selection.update(|s| s.excluded = Exclusions::NONE);
    view! {
        <div class="data-banner what-if" role="note">
            <p><strong>{tr(state, |t| t.exclude_banner_title)}</strong>" "{names}</p>
            <button type="button" class="restore-sample" on:click=restore>{tr(state, |t| t.exclude_restore)}</button>
        </div>
    }
}

/// "Your data: results.csv. …" with the button back to the paper's data.
fn own_banner(state: AppState) -> impl IntoView {
    let file = move || state.own.with(|o| o.as_ref().map(|o| o.file.clone()).unwrap_or_default());
    let back = move |_| state.own.set(None);
    view! {
        <div class="data-banner own-data" role="note">
            <p>
                <strong>{tr(state, |t| t.own_banner_title)}</strong>" "
                {move || fill_view(state.t().own_banner, |k| (k == "file").then(|| file().into_any()))}
            </p>
            <button type="button" class="back-to-paper" on:click=back>{tr(state, |t| t.own_back)}</button>
        </div>
    }
}
