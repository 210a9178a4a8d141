//! The pure core of Study Explorer: the embedded study, its checks and every statistic.
//!
//! This crate has no UI dependency (no `leptos`, `web_sys`, `js_sys` or `wasm_bindgen`:
//! its `Cargo.toml` does not name them), so all of it builds and tests natively.
//!
//! # Layers
//!
//! The modules form layers. A module may use its own layer and the layers listed before
//! it, never one listed after it (`tests/architecture.rs` fails on an upward import or an
//! import cycle):
//!
//! 1. [`text`]: words and numbers with no knowledge of the study (the UI's string tables,
//!    number formats, table markup).
//! 2. [`study`]: what the paper says, as transcribed: the study file's types, the embedded
//!    study, its evidence and Figure 4 as data.
//! 3. [`stats`] and [`coverage`]: computations on the study (selections, t-tests, the
//!    discount, demographics, robustness statistics) and on coded interviews (the coverage
//!    engine, agreement, `.qdpx` and CSV import and export).
//! 4. [`view`]: what a section shows, as data (rows, chart models, APA strings, sentences).
//! 5. [`reader`]: what a reader asks for: the address (permalink), embedding, and the
//!    synthetic study `?scale=` loads.
//! 6. [`checks`]: comparisons that need several layers: the study's problems, the
//!    reproducibility ledger.
//!
//! Above them, `src/bin` holds the core's native tools, which the build runs
//! (`strings-table`: a string table as a file of its own, see [`text::i18n`]).
//!
//! Data flows one way: [`study`] → [`stats::selection`] → [`stats`] → [`view`] → the UI.

pub mod checks;
pub mod coverage;
pub mod reader;
pub mod stats;
pub mod study;
pub mod text;
pub mod view;
