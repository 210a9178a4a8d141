//! Layer 2, study: what the paper says, as transcribed.
//!
//! Owns the study's vocabulary ([`kinds`]), the study file's types ([`schema`],
//! [`codebook`]), the study built from them ([`load`]) and the embedded study, which
//! `crates/core/build.rs` checks and bakes into postcard bytes when the crate is built and
//! which loads by decoding them ([`embedded`]); their items are re-exported here
//! (`study::Study`, `study::Group`, …). Also printed values ([`printed`]), the evidence
//! (quotations and tables, [`evidence`]; who said each, [`attribution`]) and Figure 4 as
//! data ([`figure4`]), and a reader's own two-group study ([`own`]), which the page
//! analyses in place of the paper's salaries. May use [`crate::text`].

pub mod attribution;
pub mod codebook;
pub mod embedded;
pub mod evidence;
pub mod figure4;
pub mod kinds;
pub mod load;
pub mod own;
pub mod printed;
pub mod schema;

pub use codebook::*;
pub use embedded::*;
pub use kinds::*;
pub use load::*;
pub use own::*;
pub use schema::*;
