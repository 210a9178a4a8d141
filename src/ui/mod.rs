//! The browser UI (compiled for `wasm32` only): Leptos components over the pure core.
//!
//! `start` mounts [`app::App`], which loads the embedded study once, builds the
//! [`state::AppState`] and provides it as context: every component takes it from there
//! ([`state::use_app_state`]), never as a prop. Sections read state and `core::view`
//! models; charts receive finished numbers. UI modules read the core; the core never
//! reads them.

pub mod app;
pub mod charts;
pub mod chrome;
pub mod export;
pub mod landing;
pub mod measure;
pub mod panic;
pub mod scale;
pub mod sections;
pub mod state;
pub mod table_body;
pub mod text;

/// Entry point called by `main` in the browser.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
