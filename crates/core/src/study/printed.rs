//! Printed values: numbers exactly as the paper prints them, kept only for comparison.
//!
//! A printed value keeps its text, so its precision (the number of decimals) is known.
//! A recomputed value *matches* a printed one when it lies within half a unit of the last
//! printed digit, which is what "equal at printed precision" means. An exact tie (for
//! example 20675.475 printed as 20675.48) counts as a match, because the paper rounds
//! half up.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A number as printed in the paper (for example `"-1603.44"` or `"0.004"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Printed {
    text: String,
    value: f64,
    decimals: u32,
}

/// Why a string is not a printed number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedError {
    /// The offending text (truncated to 40 characters).
    pub text: String,
}

impl fmt::Display for PrintedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not a printed number (digits, an optional sign and decimal point)",
            self.text
        )
    }
}

impl std::error::Error for PrintedError {}

impl Printed {
    /// Parses a printed number: optional sign (`-` or `−`), digits, optional decimal point.
    pub fn parse(text: &str) -> Result<Printed, PrintedError> {
        let (value, decimals) = Printed::read(text)?;
        Ok(Printed { text: text.trim().to_string(), value, decimals })
    }

    /// The value and the number of decimals of a printed number, or why it is not one.
    fn read(text: &str) -> Result<(f64, u32), PrintedError> {
        let err = || PrintedError { text: text.chars().take(40).collect() };
        let t = text.trim();
        let (neg, body) = match t.strip_prefix('-').or_else(|| t.strip_prefix('\u{2212}')) {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        let digits_ok = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if int.is_empty() && frac.is_empty()
            || !digits_ok(int)
            || !digits_ok(frac)
            || body.ends_with('.')
        {
            return Err(err());
        }
        if int.len() + frac.len() > 17 {
            return Err(err());
        }
        // `body` is digits with at most one inner or leading point, which the standard
        // parser reads (".5" included) with correct rounding.
        let magnitude: f64 = body.parse().map_err(|_| err())?;
        Ok((if neg { -magnitude } else { magnitude }, frac.len() as u32))
    }

    /// A whole count as the paper states it in words or digits (`10`, `43`).
    pub fn count(n: usize) -> Printed {
        Printed { text: n.to_string(), value: n as f64, decimals: 0 }
    }

    /// The value as a float.
    pub fn value(&self) -> f64 {
        self.value
    }

    /// How many decimals the paper prints.
    pub fn decimals(&self) -> u32 {
        self.decimals
    }

    /// The text exactly as printed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Half a unit in the last printed place: the largest error that still rounds to the print.
    pub fn half_unit(&self) -> f64 {
        0.5 * 10f64.powi(-(self.decimals as i32))
    }

    /// Whether `x` rounds to this printed value (ties count as a match; see the module doc).
    pub fn matches(&self, x: f64) -> bool {
        x.is_finite() && (x - self.value).abs() <= self.half_unit() * (1.0 + 1e-9)
    }
}

/// How serde reads a printed value. The decoded string becomes the text itself unless it
/// has surrounding space to trim, which saves a copy per value when the study loads.
impl TryFrom<String> for Printed {
    type Error = PrintedError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let (value, decimals) = Printed::read(&s)?;
        let text = if s.trim().len() == s.len() { s } else { s.trim().to_string() };
        Ok(Printed { text, value, decimals })
    }
}

impl From<Printed> for String {
    fn from(p: Printed) -> String {
        p.text
    }
}

impl fmt::Display for Printed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sign_and_precision() {
        let p = Printed::parse("-1603.44").unwrap();
        assert_eq!(p.value(), -1603.44);
        assert_eq!(p.decimals(), 2);
        assert_eq!(Printed::parse("7.6").unwrap().decimals(), 1);
        assert_eq!(Printed::parse("\u{2212}3").unwrap().value(), -3.0);
        assert_eq!(Printed::parse(".5").unwrap().value(), 0.5);
    }

    #[test]
    fn rejects_non_numbers() {
        for bad in [
            "",
            "-",
            ".",
            "1.",
            "1e5",
            "NaN",
            "inf",
            "1,000",
            "1.2.3",
            "--1",
            "12345678901234567890",
        ] {
            assert!(Printed::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn matches_within_half_a_unit() {
        let p = Printed::parse("20675.48").unwrap();
        assert!(p.matches(20675.475)); // exact tie, rounds half up
        assert!(p.matches(20675.4849));
        assert!(!p.matches(20675.4851));
        assert!(!p.matches(20675.4749));
        assert!(!p.matches(f64::NAN));
    }
}
