//! `#tour`: the guided tour through Table 4's three stages, for teaching workshops.
//!
//! The steps live in the study file. Each step is a permalink query: applying it sets the
//! selection through `permalink::parse` (on top of the paper's defaults) and the diagram
//! node through `permalink::parse_node`, then scrolls to the step's section. While the tour
//! runs, a bar fixed to the bottom of the window shows the step with Back, Next and Close
//! buttons, so the reader can follow it from section to section with the keyboard alone.
//! The steps' titles and texts come from the study file and stay in English (`lang="en"`);
//! the tour's own controls follow the UI language. On screen the list holds the steps'
//! titles (buttons that start the tour there); in print, where buttons are hidden, it
//! holds each title with its text.

use crate::ui::state::{tr, use_app_state, AppState};
use crate::ui::text::{fill_view, plain};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use study_core::reader::permalink;
use study_core::study::figure4::TourStep;
use study_core::text::i18n::fill;
use wasm_bindgen::JsCast;

/// Applies a step's query to the state and scrolls to its anchor.
fn apply(state: AppState, step: &TourStep) {
    let defaults = state.defaults.get_value();
    let (sel, notices) = permalink::parse(&step.query, &defaults);
    let ids: Vec<String> =
        state.study.with_value(|s| s.raw.model.ids().into_iter().map(String::from).collect());
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let (node, node_notices) = permalink::parse_node(&step.query, &refs);
    state.selection.set(sel);
    state.node.set(node);
    if !notices.is_empty() || !node_notices.is_empty() {
        state.notices.update(|n| n.extend(notices.into_iter().chain(node_notices)));
    }
    let anchor = step.anchor.clone();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&anchor) {
            el.scroll_into_view();
        }
    });
}

/// Moves focus to an element by id, if it exists.
fn focus(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) =
            document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// `#tour`.
#[component]
pub fn TourSection() -> impl IntoView {
    let state = use_app_state();
    let (steps, source, stages) = state.study.with_value(|s| {
        (s.raw.tour.steps.clone(), s.raw.tour.source.clone(), s.raw.stages.rows.len())
    });
    let steps = StoredValue::new(steps);
    let total = steps.with_value(|s| s.len());
    let current = RwSignal::new(None::<usize>);
    let go = move |i: usize| {
        if let Some(step) = steps.with_value(|s| s.get(i).cloned()) {
            current.set(Some(i));
            apply(state, &step);
        }
    };
    let close = move || {
        current.set(None);
        focus("tour-start");
    };
    let next = move || match current.get_untracked() {
        Some(i) if i + 1 < total => go(i + 1),
        Some(_) => close(),
        None => go(0),
    };
    let back = move || {
        if let Some(i) = current.get_untracked() {
            if i > 0 {
                go(i - 1);
            }
        }
    };
    let list = steps.with_value(|s| {
        s.iter()
            .enumerate()
            .map(|(i, step)| {
                view! {
                    <li>
                        <button type="button" class="link-button tour-jump" on:click=move |_| { go(i); focus("tour-next"); }>
                            {step.title.clone()}
                        </button>
                        <p class="print-only tour-step-text">{step.text.clone()}</p>
                    </li>
                }
            })
            .collect_view()
    });
    let step = move || {
        current.get().and_then(|i| steps.with_value(|s| s.get(i).cloned()).map(|st| (i, st)))
    };
    let t = move || state.t();
    let lede = move || {
        fill_view(t().a_tour_lede, |k| match k {
            "total" => Some(plain(total.to_string())),
            "stages" => Some(plain(stages.to_string())),
            _ => None,
        })
    };
    view! {
        <section id="tour" class="section" aria-labelledby="tour-h">
            <h2 id="tour-h">{tr(state, |t| t.sec_tour)}</h2>
            <p class="lede">
                {lede}
                " "<span class="source" lang="en">"("{source}")"</span>
            </p>
            <ol class="tour-steps" lang="en">{list}</ol>
            <button type="button" id="tour-start" on:click=move |_| { go(0); focus("tour-next"); }>{tr(state, |t| t.a_tour_start)}</button>
            <Show when=move || current.get().is_some() fallback=|| ()>
                <div
                    class="tour-bar"
                    id="tour-bar"
                    role="region"
                    aria-label=tr(state, |t| t.sec_tour)
                    on:keydown=move |ev: KeyboardEvent| {
                        if ev.key() == "Escape" {
                            close();
                        }
                    }
                >
                    <div class="tour-text" aria-live="polite" aria-atomic="true">
                        <p class="tour-progress" id="tour-progress">{move || step().map(|(i, _)| fill(t().a_tour_progress, &[("n", &(i + 1).to_string()), ("total", &total.to_string())]))}</p>
                        <h3 id="tour-step-title" lang="en">{move || step().map(|(_, s)| s.title)}</h3>
                        <p id="tour-step-text" lang="en">{move || step().map(|(_, s)| s.text)}</p>
                    </div>
                    <div class="tour-actions">
                        <button
                            type="button"
                            id="tour-back"
                            aria-disabled=move || if current.get() == Some(0) { "true" } else { "false" }
                            on:click=move |_| back()
                        >
                            {tr(state, |t| t.a_tour_back)}
                        </button>
                        <button type="button" id="tour-next" on:click=move |_| next()>
                            {move || if current.get().is_some_and(|i| i + 1 >= total) { t().a_tour_finish } else { t().a_tour_next }}
                        </button>
                        <button type="button" id="tour-close" on:click=move |_| close()>{tr(state, |t| t.a_tour_close)}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
