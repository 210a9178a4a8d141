//! The browser UI (compiled for `wasm32` only): Leptos components over the pure core.
//!
//! `start` loads and validates the embedded study once, then mounts [`app::App`]. UI
//! modules read the core; the core never reads them.

pub mod app;
pub mod reproducibility;

/// Entry point called by `main` in the browser.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
