//! Layer 5, the reader's requests: what the address asks for.
//!
//! Owns the query-string contract ([`permalink`]), embedding ([`embed`]) and the synthetic
//! study that `?scale=N` loads ([`synthetic`]). May use every layer below it.

pub mod amount;
pub mod embed;
pub mod permalink;
pub mod synthetic;
