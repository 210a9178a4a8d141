//! Layer 6, checks: comparisons that need several layers.
//!
//! Owns the study's problem list ([`validate`]: errors, extraction artefacts,
//! discrepancies, contradictions) and the reproducibility ledger ([`reproduce`]: printed
//! against recomputed). May use every layer below it.

pub mod reproduce;
pub mod validate;
