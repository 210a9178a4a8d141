//! Scale: the banner over a synthetic study (`scale=`), the progress of a Monte Carlo
//! permutation test running in slices, and the cap on how many rows a table renders.
//!
//! The banner says plainly that the data are made up, how many informants there are,
//! and links back to the paper's study. The progress element reads
//! [`AppState::permutation_progress`] (the slicing itself lives in `ui::state`). Tables of
//! per-informant rows render at most [`TABLE_ROW_LIMIT`] rows with a note, so 20,000
//! informants never mean 20,000 DOM rows per table, and charts with one mark per
//! informant draw an evenly spaced sample ([`thinned`]); the banner says so.

use crate::ui::state::{tr, use_app_state, AppState};
use leptos::prelude::*;
use study_core::reader::synthetic::SYNTHETIC_SEED;
use study_core::text::format::grouped;
use study_core::text::i18n::fill;

/// Most rows a per-informant table renders.
pub const TABLE_ROW_LIMIT: usize = 200;

fn count(n: f64) -> String {
    grouped(n, 0, ',')
}

/// The banner over a synthetic study; nothing for the paper's.
#[component]
pub fn ScaleBanner() -> impl IntoView {
    let state = use_app_state();
    state.scale.map(|n| {
        let text = move || fill(state.t().scale_banner, &[("n", &count(n as f64)), ("total", &count(2.0 * n as f64)), ("seed", &SYNTHETIC_SEED.to_string())]);
        let href = move || format!("?{}", state.paper_query());
        view! {
            <div class="notice scale-banner" role="note" id="scale-banner" aria-labelledby="scale-banner-h">
                <p id="scale-banner-h"><strong>{tr(state, |t| t.scale_banner_title)}</strong></p>
                <p>{text}</p>
                <p><a id="scale-banner-paper" href=href>{tr(state, |t| t.scale_banner_link)}</a></p>
            </div>
        }
    })
}

/// A labelled `<progress>` while a Monte Carlo permutation test runs in slices.
#[component]
pub fn PermutationProgress() -> impl IntoView {
    let state = use_app_state();
    let label = move || {
        state
            .permutation_progress
            .get()
            .map(|(done, total)| {
                fill(
                    state.t().progress_label,
                    &[("done", &count(done as f64)), ("total", &count(total as f64))],
                )
            })
            .unwrap_or_default()
    };
    view! {
        <Show when=move || state.permutation_progress.with(|p| p.is_some()) fallback=|| ()>
            <div class="permutation-progress" id="permutation-progress">
                <label for="permutation-progress-bar" id="permutation-progress-label">{label}</label>
                <progress
                    id="permutation-progress-bar"
                    max=move || state.permutation_progress.get().map(|p| p.1).unwrap_or(1).to_string()
                    value=move || state.permutation_progress.get().map(|p| p.0).unwrap_or(0).to_string()
                ></progress>
                <p class="note">{tr(state, |t| t.progress_note)}</p>
            </div>
        </Show>
    }
}

/// The note under a table of `total` rows cut to [`TABLE_ROW_LIMIT`], if it was cut.
pub fn rows_note(state: AppState, total: usize) -> Option<AnyView> {
    (total > TABLE_ROW_LIMIT).then(|| {
        let text = fill(
            state.t().rows_shown,
            &[("shown", &count(TABLE_ROW_LIMIT as f64)), ("total", &count(total as f64))],
        );
        view! { <p class="note rows-shown">{text}</p> }.into_any()
    })
}

/// Most marks a chart draws per series: beyond it, plotters on a canvas costs whole
/// seconds (20,000 informants), and the picture does not change.
pub const CHART_POINT_LIMIT: usize = 2_000;

/// At most `limit` of `xs`, evenly spaced by position and keeping the first and the last
/// (for values sorted by size, as in a Q-Q plot, that keeps the extremes and the shape),
/// plus every item `keep` insists on (the marked informants). Short series are returned whole.
pub fn thinned<T: Clone>(xs: &[T], limit: usize, keep: impl Fn(&T) -> bool) -> Vec<T> {
    let n = xs.len();
    if n <= limit || limit < 2 {
        return xs.to_vec();
    }
    let mut picked = vec![false; n];
    for k in 0..limit {
        picked[k * (n - 1) / (limit - 1)] = true;
    }
    xs.iter().zip(picked).filter(|(x, p)| *p || keep(x)).map(|(x, _)| x.clone()).collect()
}
