//! Footnote 3's discount: T2 salaries expressed in 2016 terms.
//!
//! The paper divides each year's total salary by total revenue (2016: 2.28 M / 30 M =
//! 7.6 %; 2017: 1.97 M / 31 M ≈ 6.35 %) and multiplies T2 salaries by the ratio of the
//! two ratios: factor = (S₂₀₁₆ / R₂₀₁₆) / (S₂₀₁₇ / R₂₀₁₇) = 228·3100 / (3000·197) ≈ 1.196.
//! Tables 8 and A2 print T2 *already discounted*, so the original T2 is printed T2 ÷ the
//! paper's factor, and T2 under other totals is original × their factor.

use crate::study::DiscountData;
use crate::text::i18n::{fill, Lang};
use crate::text::money::{whole_cents, Cents};
use std::fmt;

/// The four totals behind footnote 3 (RMB).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiscountTotals {
    pub salary_2016: f64,
    pub revenue_2016: f64,
    pub salary_2017: f64,
    pub revenue_2017: f64,
}

/// Which total is unusable, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscountError {
    /// The name of the total (`salary2016`, …).
    pub field: &'static str,
    /// The offending value.
    pub value: f64,
}

impl fmt::Display for DiscountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} must be an amount from 1 to 10^15 RMB (got {})", self.field, self.value)
    }
}

impl std::error::Error for DiscountError {}

impl DiscountError {
    /// The reader-facing message in a UI language. English names the permalink field, as
    /// `Display` does; Chinese names the control's label (`2017 年薪资总额`).
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.strings();
        let field = match (lang, self.field) {
            (Lang::En, f) => f,
            (_, "salary2016") => t.total_salary_2016,
            (_, "revenue2016") => t.total_revenue_2016,
            (_, "salary2017") => t.total_salary_2017,
            (_, "revenue2017") => t.total_revenue_2017,
            (_, f) => f,
        };
        fill(t.b_err_discount, &[("field", field), ("value", &self.value.to_string())])
    }
}

/// Largest accepted total (10¹⁵ RMB).
pub const MAX_TOTAL: f64 = 1e15;
/// Smallest accepted total (1 RMB). With both bounds the factor stays within 10^±30, so
/// every product and quotient is finite.
pub const MIN_TOTAL: f64 = 1.0;

impl DiscountTotals {
    /// The paper's totals, from the study file.
    pub fn from_study(d: &DiscountData) -> DiscountTotals {
        DiscountTotals {
            salary_2016: d.salary_total_2016.value,
            revenue_2016: d.revenue_2016.value,
            salary_2017: d.salary_total_2017.value,
            revenue_2017: d.revenue_2017.value,
        }
    }

    /// The totals with their permalink names.
    pub fn fields(&self) -> [(&'static str, f64); 4] {
        [
            ("salary2016", self.salary_2016),
            ("revenue2016", self.revenue_2016),
            ("salary2017", self.salary_2017),
            ("revenue2017", self.revenue_2017),
        ]
    }

    /// Every total must be finite and within [`MIN_TOTAL`]..=[`MAX_TOTAL`].
    pub fn validate(&self) -> Result<(), DiscountError> {
        for (field, value) in self.fields() {
            if !(value.is_finite() && (MIN_TOTAL..=MAX_TOTAL).contains(&value)) {
                return Err(DiscountError { field, value });
            }
        }
        Ok(())
    }

    /// Salary ÷ revenue in 2016.
    pub fn ratio_2016(&self) -> f64 {
        self.salary_2016 / self.revenue_2016
    }

    /// Salary ÷ revenue in 2017.
    pub fn ratio_2017(&self) -> f64 {
        self.salary_2017 / self.revenue_2017
    }

    /// The discount factor applied to original T2 values.
    pub fn factor(&self) -> f64 {
        self.ratio_2016() / self.ratio_2017()
    }

    /// A validated factor.
    pub fn checked_factor(&self) -> Result<f64, DiscountError> {
        self.validate()?;
        Ok(self.factor())
    }
}

impl DiscountTotals {
    /// The factor as an exact fraction, from the totals read as amounts in cents; `None`
    /// when a total has more than two decimals or a term does not fit 128 bits.
    pub fn exact_factor(&self) -> Option<Cents> {
        let ratio = |a: f64, b: f64| Cents::fraction(whole_cents(a)?, whole_cents(b)?);
        ratio(self.salary_2016, self.revenue_2016)?
            .times(ratio(self.revenue_2017, self.salary_2017)?)
    }
}

/// The exact fraction a printed T2 is multiplied by under a selection: `factor ÷ paper
/// factor` discounted under `totals` (1 under the paper's own totals), `1 ÷ paper factor`
/// as paid (`totals` is `None`). `None` where [`DiscountTotals::exact_factor`] is; the
/// page then rounds the double.
pub fn exact_rescale(paper: &DiscountTotals, totals: Option<&DiscountTotals>) -> Option<Cents> {
    let target = match totals {
        Some(t) => t.exact_factor()?,
        None => Cents::fraction(1, 1)?,
    };
    target.times(paper.exact_factor()?.recip()?)
}

/// T2 as originally paid: printed (discounted) T2 ÷ the paper's factor.
pub fn original_t2(t2_printed: f64, paper_factor: f64) -> f64 {
    t2_printed / paper_factor
}

/// T2 in 2016 terms under `factor`.
pub fn discounted_t2(t2_printed: f64, paper_factor: f64, factor: f64) -> f64 {
    original_t2(t2_printed, paper_factor) * factor
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper() -> DiscountTotals {
        DiscountTotals {
            salary_2016: 2.28e6,
            revenue_2016: 30e6,
            salary_2017: 1.97e6,
            revenue_2017: 31e6,
        }
    }

    #[test]
    fn messages_name_the_field_in_english_and_the_label_in_chinese() {
        for (field, _) in paper().fields() {
            let d = DiscountError { field, value: 0.0 };
            assert_eq!(d.message(Lang::En), d.to_string());
            assert_ne!(d.message(Lang::Zh), d.to_string());
            assert!(!d.message(Lang::Zh).contains(field), "{}", d.message(Lang::Zh));
        }
        let d = DiscountError { field: "salary2017", value: 0.0 };
        assert_eq!(
            d.message(Lang::Zh),
            "2017 年薪资总额必须是 1 到 10^15 元之间的金额（当前为 0）"
        );
    }

    #[test]
    fn factor_is_footnote_3() {
        // 228·3100/(3000·197), computed exactly in rationals: 706800/591000.
        assert!((paper().factor() - 706800.0 / 591000.0).abs() < 1e-14);
    }

    #[test]
    fn discounting_with_the_paper_factor_returns_the_print() {
        let f = paper().factor();
        assert!((discounted_t2(43532.78, f, f) - 43532.78).abs() < 1e-9);
        assert!((original_t2(43532.78, f) * f - 43532.78).abs() < 1e-9);
    }

    #[test]
    fn the_exact_rescale_is_one_under_the_paper_totals_and_exact_under_others() {
        assert_eq!(exact_rescale(&paper(), Some(&paper())), Cents::fraction(1, 1));
        // As paid: 1 ÷ (228·3100 / (3000·197)) = 591000/706800 = 985/1178.
        assert_eq!(exact_rescale(&paper(), None), Cents::fraction(985, 1178));
        let mut other = paper();
        other.salary_2016 = 2.5e6;
        // (2.5 / 2.28) exactly: 250/228 = 125/114.
        assert_eq!(exact_rescale(&paper(), Some(&other)), Cents::fraction(125, 114));
        other.revenue_2017 = 31e6 + 0.125;
        assert_eq!(exact_rescale(&paper(), Some(&other)), None, "three decimals are not cents");
    }

    #[test]
    fn bad_totals_are_named() {
        for (i, bad) in [0.0, -1.0, 0.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 2e15]
            .into_iter()
            .enumerate()
        {
            let mut t = paper();
            t.revenue_2017 = bad;
            let e = t.validate().unwrap_err();
            assert_eq!(e.field, "revenue2017", "case {i}");
        }
        assert!(paper().validate().is_ok());
    }
}
