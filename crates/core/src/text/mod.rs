//! Layer 1, text: words and numbers with no knowledge of the study.
//!
//! Owns the UI's own words in two languages ([`i18n`]), number formats ([`format`](mod@format)),
//! amounts of money exact in cents ([`money`]),
//! escaped table markup ([`markup`]), translated sentences with the study's words in
//! them ([`pieces`]) and the one CSV writer, with its spreadsheet formula guard
//! ([`csv`](mod@csv)). Uses nothing else in the crate.

pub mod csv;
pub mod format;
pub mod i18n;
pub mod markup;
pub mod money;
pub mod pieces;
