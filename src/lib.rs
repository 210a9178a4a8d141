//! Study Explorer: explore and check Song et al. (2019) in the browser.
//!
//! The app is the browser UI (compiled for `wasm32` only): `ui` owns the page's Leptos
//! components and the helpers both entry points share, `workshop` the workshop module, a
//! second entry point (`src/bin/workshop.rs`) that the page loads when the reader reaches
//! `#workshop`; the page (`src/main.rs`, `ui::start`) never links it.
//! Everything it shows comes from the `study_core` crate (`crates/core`), which owns the
//! embedded study, its checks and every statistic, is pure Rust and builds and tests
//! natively. The UI depends on the core, never the other way round.
//! See `ARCHITECTURE.md` for the code map and the invariants.

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod workshop;
