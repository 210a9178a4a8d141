//! Study Explorer: explore and check Song et al. (2019) in the browser.
//!
//! The app is the browser UI: `ui` (compiled for `wasm32` only) owns the Leptos components.
//! Everything it shows comes from the `study_core` crate (`crates/core`), which owns the
//! embedded study, its checks and every statistic, is pure Rust and builds and tests
//! natively. The UI depends on the core, never the other way round.
//! See `ARCHITECTURE.md` for the code map and the invariants.

#[cfg(target_arch = "wasm32")]
pub mod ui;
