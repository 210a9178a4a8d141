//! Layer 2, study: what the paper says, as transcribed.
//!
//! Owns the study file's types and the embedded study ([`load`], whose items are
//! re-exported here: `study::Study`, `study::Group`, …), printed values ([`printed`]), the
//! evidence (quotations and tables, [`evidence`]) and Figure 4 as data ([`figure4`]).
//! May use [`crate::text`].

pub mod evidence;
pub mod figure4;
pub mod json;
pub mod load;
pub mod printed;

pub use load::*;
