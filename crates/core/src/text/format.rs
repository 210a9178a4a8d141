//! Number formatting shared by every view: RMB with thousands separators, percentages,
//! fixed decimals with a true minus sign. Pure functions, no locale state.
//!
//! Money goes through [`rmb`], which rounds a [`Money`]'s exact amount in cents where it
//! is known (halves away from zero, as the paper prints them), never its double.

use crate::text::money::Money;

/// The typographic minus sign used for negative numbers.
pub const MINUS: char = '\u{2212}';

/// `x` with `decimals` decimals and a true minus sign; `"—"` for non-finite input.
pub fn fixed(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "\u{2014}".to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("{MINUS}{s}")
    } else {
        s
    }
}

/// `x` with thousands separators (`sep`) and `decimals` decimals.
pub fn grouped(x: f64, decimals: usize, sep: char) -> String {
    let s = fixed(x, decimals);
    let (sign, rest) = match s.strip_prefix(MINUS) {
        Some(r) => (MINUS.to_string(), r.to_string()),
        None => (String::new(), s),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (rest.clone(), None),
    };
    if !int.chars().all(|c| c.is_ascii_digit()) {
        return format!("{sign}{rest}");
    }
    let out = group_digits(&int, sep);
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A run of ASCII digits with `sep` between each group of three from the right.
fn group_digits(int: &str, sep: char) -> String {
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An RMB amount: thousands separators and two decimals (`24,121.05`), rounded to the cent
/// by [`Money::round_cents`]: from the exact amount where it is known, halves away from
/// zero; `—` for an amount that is not finite.
pub fn rmb(x: impl Into<Money>) -> String {
    money_fixed(x.into(), 2, Some(','))
}

/// An amount with `places` decimals (at least 2), rounded as [`Money::round_places`]
/// rounds it, with `sep` between thousands if given and a true minus sign; `—` for an
/// amount that is not finite.
pub fn money_fixed(m: Money, places: u32, sep: Option<char>) -> String {
    let places = places.max(2);
    match m.round_places(places) {
        Some(u) if m.value().is_finite() => {
            let sign = if u < 0 { MINUS.to_string() } else { String::new() };
            let scale = 10u128.pow(places);
            let (int, frac) = (u.unsigned_abs() / scale, u.unsigned_abs() % scale);
            let int = int.to_string();
            let int = sep.map_or_else(|| int.clone(), |sep| group_digits(&int, sep));
            format!("{sign}{int}.{frac:0width$}", width = places as usize)
        }
        _ => "\u{2014}".to_string(),
    }
}

/// Most decimals an axis tick label shows.
const TICK_DECIMALS: usize = 4;

/// A chart axis tick in the text's number format: thousands separated by `,`, a true minus
/// sign, and the fewest decimals (at most four) that show the tick as plotters chose it
/// (`−2`, `0.5`, `24,000`, `0.025`); `—` for a tick that is not finite. Every numeric
/// axis of every chart is labelled with this or [`rmb_tick`].
pub fn tick(x: f64) -> String {
    let decimals = (0..TICK_DECIMALS)
        .find(|&d| {
            let scale = 10f64.powi(d as i32);
            ((x * scale).round() - x * scale).abs() < 1e-6
        })
        .unwrap_or(TICK_DECIMALS);
    grouped(x, decimals, ',')
}

/// An RMB axis tick: [`rmb`] without `.00` on whole amounts (`24,000`, `−2,500`,
/// `1,250.50`).
pub fn rmb_tick(x: f64) -> String {
    let s = rmb(x);
    s.strip_suffix(".00").map(str::to_string).unwrap_or(s)
}

/// A percentage with two decimals (`60.57%`).
pub fn percent(x: f64) -> String {
    format!("{}%", fixed(x, 2))
}

/// A percentage with two decimals and its sign (`+24.72%`, `−5.39%`; `0.00%` unsigned), for
/// a change.
pub fn signed_percent(x: f64) -> String {
    let s = percent(x);
    if x > 0.0 && s != percent(0.0) {
        format!("+{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(rmb(24121.049), "24,121.05");
        assert_eq!(rmb(-1854.93), "\u{2212}1,854.93");
        assert_eq!(rmb(123.0), "123.00");
        assert_eq!(rmb(1234567.0), "1,234,567.00");
        assert_eq!(rmb(-0.001), "0.00");
        assert_eq!(rmb(f64::INFINITY), "\u{2014}");
        // An exact half rounds away from zero; the double alone (20,675.4749…) would not.
        use crate::text::money::Cents;
        let m = Cents::fraction(4_135_095, 2);
        assert_eq!(rmb(Money::new(20675.475, m)), "20,675.48");
        assert_eq!(rmb(20675.475), "20,675.47");
        assert_eq!(money_fixed(Money::new(20675.475, m), 5, None), "20675.47500");
        assert_eq!(
            money_fixed(Money::new(-0.125, Cents::fraction(-25, 2)), 2, None),
            "\u{2212}0.13"
        );
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(f64::NAN, 2), "\u{2014}");
        assert_eq!(percent(7.6), "7.60%");
        assert_eq!(signed_percent(24.7227), "+24.72%");
        assert_eq!(signed_percent(-5.3872), "\u{2212}5.39%");
        assert_eq!(signed_percent(0.001), "0.00%");
    }

    #[test]
    fn axis_ticks_use_the_text_format() {
        // Plotters' own labels would be "-2", "24000", "0.30000000000000004".
        assert_eq!(tick(-2.0), "\u{2212}2");
        assert_eq!(tick(-0.5), "\u{2212}0.5");
        assert_eq!(tick(24000.0), "24,000");
        assert_eq!(tick(-12500.0), "\u{2212}12,500");
        assert_eq!(tick(0.1 + 0.2), "0.3");
        assert_eq!(tick(0.025), "0.025");
        assert_eq!(tick(-0.0), "0");
        assert_eq!(tick(1.0 / 3.0), "0.3333");
        assert_eq!(tick(1e-12), "0");
        assert_eq!(tick(f64::NAN), "\u{2014}");
        assert_eq!(rmb_tick(-2500.0), "\u{2212}2,500");
        assert_eq!(rmb_tick(24000.0), "24,000");
        assert_eq!(rmb_tick(1250.5), "1,250.50");
        assert_eq!(rmb_tick(f64::INFINITY), "\u{2014}");
    }
}
