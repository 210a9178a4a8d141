//! The pure core: the embedded study, its validation, selections and statistics.
//!
//! Nothing in here may import `leptos`, `web_sys` or `js_sys` (a test in
//! `tests/architecture.rs` enforces it), so all of it builds and tests natively.
//! Data flows one way: [`dataset`] → [`selection`] → [`stats`] / [`designs`] → view models.

pub mod apa;
pub mod coverage;
pub mod dataset;
pub mod demographics;
pub mod designs;
pub mod discount;
pub mod embed;
pub mod evidence;
pub mod format;
pub mod i18n;
pub mod json;
pub mod markup;
pub mod model;
pub mod permalink;
pub mod printed;
pub mod reproduce;
pub mod robust;
pub mod selection;
pub mod stats;
pub mod synthetic;
pub mod validate;
pub mod view;
