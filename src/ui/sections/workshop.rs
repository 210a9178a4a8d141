//! `#workshop` in the page: the heading, what the workshop does and the privacy note, and
//! `#workshop-app`, where the workshop module (`crate::workshop`, a wasm of its own that
//! the page never links) mounts its tools.
//!
//! The module is asked for when the section comes near the viewport (scrolling to it, or
//! following a link to it) or when the reader presses "Open the workshop": the page
//! dispatches [`LOAD_EVENT`] on `window`, and `public/boot.js` imports the module's files
//! (whose hashed names the build wrote on its script tag) and answers with [`READY_EVENT`]
//! or [`FAILED_EVENT`] (the browser's words in `detail`). Until then a status line says
//! the tools are loading; if they cannot be, it says why and offers to try again, and the
//! rest of the page works as before. `data-workshop` on the section says where the module
//! is (`idle`, `loading`, `ready`, `failed`).

use crate::ui::measure::observe_near_view;
use crate::ui::state::{tr, use_app_state};
use leptos::html::Section;
use leptos::prelude::*;
use study_core::text::i18n::fill;
use wasm_bindgen::JsCast;

/// Asks `public/boot.js` for the workshop module.
pub const LOAD_EVENT: &str = "study-explorer:workshop-load";
/// The module has mounted its tools in `#workshop-app`.
pub const READY_EVENT: &str = "study-explorer:workshop-ready";
/// The module could not be loaded; `detail` is the browser's message.
pub const FAILED_EVENT: &str = "study-explorer:workshop-failed";

/// Where the workshop module is.
#[derive(Clone, PartialEq)]
enum Module {
    /// Not asked for yet.
    Idle,
    Loading,
    Ready,
    /// Could not be loaded: the browser's words.
    Failed(String),
}

impl Module {
    /// The `data-workshop` value.
    fn key(&self) -> &'static str {
        match self {
            Module::Idle => "idle",
            Module::Loading => "loading",
            Module::Ready => "ready",
            Module::Failed(_) => "failed",
        }
    }
}

/// Dispatches [`LOAD_EVENT`] on `window`.
fn ask_for_module() -> bool {
    let Some(window) = web_sys::window() else { return false };
    web_sys::Event::new(LOAD_EVENT).and_then(|e| window.dispatch_event(&e)).is_ok()
}

/// A failure event's message (its `detail`, when it is a string).
fn failure_detail(event: &web_sys::Event) -> String {
    event.dyn_ref::<web_sys::CustomEvent>().and_then(|e| e.detail().as_string()).unwrap_or_default()
}

/// `#workshop`.
#[component]
pub fn WorkshopSection() -> impl IntoView {
    let state = use_app_state();
    let section: NodeRef<Section> = NodeRef::new();
    let near = observe_near_view(section);
    let module = RwSignal::new(Module::Idle);
    let request = move || {
        if matches!(module.get_untracked(), Module::Idle | Module::Failed(_)) {
            module.set(Module::Loading);
            if !ask_for_module() {
                module.set(Module::Failed(String::new()));
            }
        }
    };
    // Near the viewport: asked for once (after a failure, only the button tries again).
    Effect::new(move |_| {
        if near.get() && module.get_untracked() == Module::Idle {
            request();
        }
    });
    // The section lives as long as the page, and so do these listeners.
    let _ = window_event_listener_untyped(READY_EVENT, move |_| {
        module.try_set(Module::Ready);
    });
    let _ = window_event_listener_untyped(FAILED_EVENT, move |e| {
        module.try_set(Module::Failed(failure_detail(&e)));
    });
    let status = move || {
        let t = state.t();
        module.with(|m| match m {
            Module::Idle => t.c_workshop_idle.to_string(),
            Module::Loading => t.c_workshop_loading.to_string(),
            Module::Ready => String::new(),
            Module::Failed(error) => fill(t.c_workshop_failed, &[("error", error)]),
        })
    };
    let button = move || {
        let label = module.with(|m| match m {
            Module::Idle => Some(tr(state, |t| t.c_workshop_open)),
            Module::Failed(_) => Some(tr(state, |t| t.c_workshop_retry)),
            Module::Loading | Module::Ready => None,
        });
        label.map(|label| {
            view! { <button type="button" id="workshop-open" on:click=move |_| request()>{label}</button> }
        })
    };
    view! {
        <section id="workshop" class="section" aria-labelledby="workshop-h" node_ref=section data-workshop=move || module.with(Module::key)>
            <h2 id="workshop-h">{tr(state, |t| t.sec_workshop)}</h2>
            <p class="lede">{tr(state, |t| t.c_workshop_lede)}</p>
            <p class="privacy-note" id="workshop-privacy">{tr(state, |t| t.c_privacy)}</p>
            <p id="workshop-module-status" class="workshop-status" role="status" hidden=move || module.with(|m| *m == Module::Ready)>{status}</p>
            {button}
            <div id="workshop-app"></div>
        </section>
    }
}
