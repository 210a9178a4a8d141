//! Number formatting shared by every view: RMB with thousands separators, percentages,
//! fixed decimals with a true minus sign. Pure functions, no locale state.

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
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// An RMB amount: thousands separators and two decimals (`24,121.05`).
pub fn rmb(x: f64) -> String {
    grouped(x, 2, ',')
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
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(f64::NAN, 2), "\u{2014}");
        assert_eq!(percent(7.6), "7.60%");
        assert_eq!(signed_percent(24.7227), "+24.72%");
        assert_eq!(signed_percent(-5.3872), "\u{2212}5.39%");
        assert_eq!(signed_percent(0.001), "0.00%");
    }
}
