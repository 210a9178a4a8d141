//! APA 7 formatting of test results: `t(20) = 3.99, p < .001`.
//!
//! Rules: statistics with two decimals; p with three decimals and no leading zero
//! (`p = .004`), `p < .001` below .001 and `p > .999` above .999; Welch degrees of freedom
//! with two decimals (`t(18.73) = …`), whole-number df otherwise; a true minus sign.

use crate::stats::ttest::{TTest, TTestKind};
use crate::text::format::{fixed, MINUS};

/// `x` with `decimals` decimals and no leading zero (`.004`, `−.25`).
pub fn no_leading_zero(x: f64, decimals: usize) -> String {
    let s = fixed(x, decimals);
    if let Some(rest) = s.strip_prefix(&format!("{MINUS}0.")) {
        format!("{MINUS}.{rest}")
    } else if let Some(rest) = s.strip_prefix("0.") {
        format!(".{rest}")
    } else {
        s
    }
}

/// The p-value part: `p = .004`, `p < .001` or `p > .999`.
pub fn p_value(p: f64) -> String {
    if !p.is_finite() {
        "p undefined".to_string()
    } else if p < 0.001 {
        "p < .001".to_string()
    } else if p > 0.999 {
        "p > .999".to_string()
    } else {
        format!("p = {}", no_leading_zero(p, 3))
    }
}

/// Degrees of freedom as APA prints them for this test.
pub fn df(test: &TTest) -> String {
    match test.kind {
        TTestKind::Welch => fixed(test.df, 2),
        TTestKind::Student | TTestKind::Paired => fixed(test.df.round(), 0),
    }
}

/// `t(20) = 3.99, p < .001`.
pub fn t_test(test: &TTest) -> String {
    t_result(&df(test), test.t, test.p)
}

/// `t(19) = 3.81, p = .001` from degrees of freedom as printed, t and two-sided p (for a
/// t statistic that is not a [`TTest`], such as a regression coefficient's).
pub fn t_result(df: &str, t: f64, p: f64) -> String {
    format!("t({df}) = {}, {}", fixed(t, 2), p_value(p))
}

/// A p-value with three significant digits, for exact tests where `< .001` hides
/// information (`.000721`).
pub fn p_significant(p: f64) -> String {
    if !p.is_finite() || p <= 0.0 {
        return fixed(p, 3);
    }
    let digits = (2 - p.log10().floor() as i32).max(0) as usize;
    no_leading_zero(p, digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::ttest;

    #[test]
    fn p_rules() {
        assert_eq!(p_value(0.0043), "p = .004");
        assert_eq!(p_value(0.00072), "p < .001");
        assert_eq!(p_value(0.9996), "p > .999");
        assert_eq!(p_value(0.5), "p = .500");
        assert_eq!(p_value(f64::NAN), "p undefined");
        assert_eq!(no_leading_zero(-0.25, 2), "\u{2212}.25");
        assert_eq!(p_significant(0.000720771), ".000721");
        assert_eq!(p_significant(0.0123456), ".0123");
    }

    #[test]
    fn welch_df_has_two_decimals() {
        let a = [1.0, 2.0, 4.0, 8.0];
        let b = [1.0, 1.5, 1.0, 1.2, 1.1];
        let w = ttest::welch(&a, &b).unwrap();
        assert!(t_test(&w).starts_with(&format!("t({}) = ", fixed(w.df, 2))));
        let s = ttest::student(&b, &a).unwrap();
        assert!(t_test(&s).starts_with("t(7) = \u{2212}"));
    }
}
