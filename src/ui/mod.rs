//! The browser UI (compiled for `wasm32` only): Leptos components over the pure core.
//!
//! `start` mounts [`app::App`], which loads the embedded study once, builds the
//! [`state::AppState`] and provides it as context: every component takes it from there
//! ([`state::use_app_state`]), never as a prop. Sections read state and `core::view`
//! models; charts receive finished numbers. UI modules read the core; the core never
//! reads them.
//!
//! # Layout
//!
//! - [`app`]: the page shell (header, contents, footer; the embedded mode).
//! - [`sections`]: one module per page section, named after its anchor (`#about` is
//!   `sections::about`, `#test` is `sections::test`, …); a large section is a folder of
//!   its parts (`sections/robustness/{mod,permutation,bayes,…}.rs`). `#workshop`'s tools
//!   are not here: they are the workshop module (`crate::workshop`), a second entry point
//!   the page loads when the reader reaches the section, and nothing in `ui` names it.
//! - [`chrome`]: what sits around the sections: the language switch, the URL notices,
//!   the control bar, and sharing, printing and citing the view.
//! - [`charts`]: the chart frame, the theme, and the plotters drawing, one module per
//!   section that draws.
//! - [`takeover`]: replacing the prerendered article with the live page, in place.
//! - Shared infrastructure: [`state`] (signals, memos, `tr`), [`measure`] (observers),
//!   [`table_body`] (`LiveBody`), [`text`] (translated sentences with study content),
//!   [`export`] (downloads), [`scale`] (synthetic studies: banner, progress, row cap),
//!   [`landing`] (in-page links), [`mod@panic`] (the panic banner), [`lang`] (the UI
//!   language as context). The chart frame, `files`, `export`, `measure` and `panic` are
//!   shared with the workshop module, so they read no `AppState`.
//!
//! # Size trades
//!
//! The wasm build erases component types (`--cfg erase_components`, in
//! `.cargo/config.toml`), so Leptos's render code is compiled per view type rather than
//! once for every nesting of the page's whole tree. The idioms below go further and
//! trade a little idiom for size; keep them. Figures are gzip -9 of the release build:
//! those for `tr`'s closure type, `ChartFrame` and `LiveBody` from BENCHMARKS.md, "Why the
//! build is as it is"; the others measured when each was made (`make dist`).
//!
//! - [`state::tr`]: a fixed UI string is `tr(state, |t| t.key)`, and so is a string picked
//!   by a plain function of the table (a section's title, a control's detail). Every call
//!   returns the same closure type, so Leptos's reactive text and attribute code is
//!   compiled once for all of them, where each `move || t().key` closure would be a type
//!   of its own, compiled separately. Saves 1.5 KB; `tests/architecture.rs` rejects the
//!   closures. `tr` itself is never inlined: each of its 250-odd call sites is a call
//!   instead of a copy of the closure's construction (0.7 KB).
//! - [`charts::frame::ChartFrame`]: generic over its drawing closure only at the surface.
//!   It boxes the closure and calls one non-generic body, so the frame is compiled once
//!   instead of once per chart. Saves 5.6 KB.
//! - [`table_body::LiveBody`] and the robustness section's `live_table`: the same for
//!   table bodies, with the row closure boxed (one compiled body each). Saves 4.7 KB.
//! - A section's parts (the robustness checks, the model's diagram, the salary tables
//!   and charts; in the workshop module, its import routes and what an import shows) are plain
//!   functions returning views, called from the section's body, not `#[component]`s. A
//!   component adds a props struct and builder, an untracked wrapper and, under
//!   `erase_components`, an erased view with its own build and rebuild code; a part is
//!   built once inside a body that is already untracked and needs none of them. Saves
//!   1.7 KB for the 19 parts. A component stays where it earns that: a section (built by
//!   anchor, some of them later) and a view built afresh inside a reactive closure (the
//!   workshop module's `Results`).

pub mod app;
pub mod charts;
pub mod chrome;
pub mod export;
pub mod files;
pub mod landing;
pub mod lang;
pub mod measure;
pub mod panic;
pub mod scale;
pub mod sections;
pub mod state;
pub mod table_body;
pub mod takeover;
pub mod text;

/// Entry point called by `main` in the browser: the app takes over the prerendered page
/// ([`takeover`]) or mounts into an empty one. When the page starts in a language whose
/// table the build left out, the table is fetched first ([`lang::load`]), the prerendered
/// article standing in meanwhile.
pub fn start() {
    panic::install();
    let lang = state::starting_lang(&state::location_query());
    if lang.table().is_some() {
        take_over();
    } else {
        // Leptos's executor starts with the mount, so this task runs on the browser's.
        wasm_bindgen_futures::spawn_local(async move {
            // On failure `AppState::new` starts in English with a notice saying why.
            let _ = lang::load(lang, study_core::text::i18n::Lang::En.strings()).await;
            take_over();
        });
    }
}

/// Replaces the prerendered article with the live page.
fn take_over() {
    let Some(root) = takeover::root() else { return };
    let later: Vec<&str> = sections::SECTIONS.iter().map(|(id, _)| *id).collect();
    let reading = takeover::begin(&root, &later);
    leptos::mount::mount_to(root, app::App).forget();
    takeover::finish(reading);
}
