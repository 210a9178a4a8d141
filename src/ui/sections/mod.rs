//! The page's sections, one module per section named after its anchor (`#about` is
//! `about`, `#test` is `test`, …). A large section is a folder: its `mod.rs` holds the
//! section component and its parts live beside it.

pub mod about;
pub mod codebook;
pub mod coverage;
pub mod demographics;
pub mod model;
pub mod reproducibility;
pub mod robustness;
pub mod salaries;
pub mod test;
pub mod tour;
pub mod workshop;
