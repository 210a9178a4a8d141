//! Layer 5, the reader's requests: what the address asks for, and the files a reader
//! brings.
//!
//! Owns the query-string contract ([`permalink`]), embedding ([`embed`]), the synthetic
//! study that `?scale=N` loads ([`synthetic`]) and a reader's own two-group study read
//! from CSV ([`own_csv`]). May use every layer below it.

pub mod amount;
pub mod embed;
pub mod own_csv;
pub mod permalink;
pub mod synthetic;
