//! Typed amounts: the salary totals a reader types (or a permalink carries) for the
//! discount, read strictly ([`parse_amount`], with an [`AmountError`] naming the problem)
//! and written back with every digit ([`amount_text`]) so a link round-trips.

use crate::stats::discount::{MAX_TOTAL, MIN_TOTAL};
use crate::text::i18n::{fill, Strings, EN};
use std::fmt;

/// Why a typed or linked amount is unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    TooLong,
    NotPlain,
    NotPositive,
    OutOfRange,
}

impl AmountError {
    /// The message in a UI language.
    pub fn text(&self, t: &Strings) -> String {
        match self {
            AmountError::Empty => t.a_amount_empty.to_string(),
            AmountError::NotPlain => fill(t.a_amount_not_plain, &[("example", "2280000")]),
            AmountError::TooLong => fill(t.a_amount_too_long, &[("max", "40")]),
            AmountError::NotPositive => t.a_amount_not_positive.to_string(),
            AmountError::OutOfRange => {
                fill(t.a_amount_out_of_range, &[("min", "1"), ("max", "10^15")])
            }
        }
    }
}

/// The message in English.
impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(&EN))
    }
}

impl std::error::Error for AmountError {}

/// Parses an RMB amount: digits, optionally a decimal point and more digits, from
/// [`MIN_TOTAL`] to [`MAX_TOTAL`]. Used for permalinks and for typed totals alike.
pub fn parse_amount(s: &str) -> Result<f64, AmountError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(AmountError::Empty);
    }
    if t.chars().count() > 40 {
        return Err(AmountError::TooLong);
    }
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let plain = !int.is_empty()
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
        && !(t.contains('.') && frac.is_empty());
    if !plain {
        return Err(if t.starts_with('-') {
            AmountError::NotPositive
        } else {
            AmountError::NotPlain
        });
    }
    let v: f64 = t.parse().map_err(|_| AmountError::NotPlain)?;
    if v <= 0.0 {
        return Err(AmountError::NotPositive);
    }
    if !(MIN_TOTAL..=MAX_TOTAL).contains(&v) {
        return Err(AmountError::OutOfRange);
    }
    Ok(v)
}

/// Writes an amount as plain digits (no exponent), as [`parse_amount`] reads it back
/// exactly: Rust's `Display` for `f64` is the shortest text that round-trips.
pub fn amount_text(v: f64) -> String {
    format!("{v}")
}
