//! Layer 4, view models: what a section shows, as data.
//!
//! Owns APA strings ([`apa`]), the salary, test and chart models ([`analysis`]), the
//! `#robustness` section's model ([`robustness`]), the coverage and workshop models
//! ([`coverage`]), Figure 4's diagram ([`figure4`]) and its words in the UI language
//! ([`figure4_words`]), the first screen's finding and its small chart ([`finding`]), and
//! the selection in words ([`selection`]). Nothing here touches
//! the DOM: the UI turns these into elements. May use [`crate::text`], [`crate::study`],
//! [`crate::stats`] and [`crate::coverage`].

pub mod analysis;
pub mod apa;
pub mod coverage;
pub mod figure4;
pub mod figure4_words;
pub mod finding;
pub mod robustness;
pub mod selection;
