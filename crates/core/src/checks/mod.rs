//! Layer 6, checks: comparisons that need several layers.
//!
//! Owns the study's problem list ([`validate`]: errors, extraction artefacts,
//! discrepancies, contradictions), the checks of Figure 4, the quotations, the tables
//! and the tour ([`content`]) and the reproducibility ledger ([`reproduce`]: printed
//! against recomputed). May use every layer below it.

pub mod content;
pub mod reproduce;
pub mod validate;
