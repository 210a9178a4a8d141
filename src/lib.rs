//! Study Explorer: explore and check Song et al. (2019) in the browser.
//!
//! The crate has two layers. [`core`] owns the embedded study, its validation and every
//! statistic; it is pure Rust and builds and tests natively. `ui` (compiled for `wasm32`
//! only) owns the Leptos components and depends on the core, never the other way round.
//! See `ARCHITECTURE.md` for the code map and the invariants.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
