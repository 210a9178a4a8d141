//! Layer 2, study: what the paper says, as transcribed.
//!
//! Owns the study's vocabulary ([`kinds`]), the study file's types ([`schema`],
//! [`codebook`]) and the embedded study ([`load`]), whose items are re-exported here
//! (`study::Study`, `study::Group`, …); printed values ([`printed`]); the evidence
//! (quotations and tables, [`evidence`]; who said each, [`attribution`]) and Figure 4 as data ([`figure4`]).
//! May use [`crate::text`].

pub mod attribution;
pub mod codebook;
pub mod evidence;
pub mod figure4;
pub mod json;
pub mod kinds;
pub mod load;
pub mod printed;
pub mod schema;

pub use codebook::*;
pub use kinds::*;
pub use load::*;
pub use schema::*;
