//! Layer 1, text: words and numbers with no knowledge of the study.
//!
//! Owns the UI's own words in two languages ([`i18n`]), number formats ([`format`]) and
//! escaped table markup ([`markup`]). Uses nothing else in the crate.

pub mod format;
pub mod i18n;
pub mod markup;
