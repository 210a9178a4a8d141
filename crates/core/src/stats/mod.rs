//! Layer 3, statistics: computations on the study.
//!
//! Owns the reader's selection and the design it implies ([`selection`], [`designs`]),
//! descriptives and t-tests ([`ttest`]), footnote 3's discount ([`discount`]), Table 2's
//! balance ([`demographics`]) and the robustness statistics ([`robust`]). Every function
//! returns an error rather than panicking on input. May use [`crate::text`] and
//! [`crate::study`].

pub mod demographics;
pub mod designs;
pub mod discount;
pub mod robust;
pub mod selection;
pub mod ttest;
