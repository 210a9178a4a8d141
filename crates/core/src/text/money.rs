//! Amounts of money, exact where they can be: [`Money`] carries a double (what statistics
//! and charts compute with) and, where the amount is known exactly, the same amount as a
//! fraction of whole cents. Sums, differences, means and rescaling by a fraction stay
//! exact, so a mean like Table 8's Service T1, 2,067,547.5 cents ÷ 100 = 20,675.475 RMB,
//! prints as the paper prints it, 20,675.48, although its double is 20,675.4749….
//!
//! Rounding to the cent is half away from zero ([`Money::round_cents`]): the paper's one
//! exact half (Table 8's Service T1 mean, 20,675.475) is printed 20,675.48, and a negative
//! amount prints as its magnitude with a minus sign. Where a fraction's terms would not fit
//! 128 bits, the amount keeps only its double and rounds that.

/// A fraction of cents, `num / den` with `den > 0`, in lowest terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cents {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

impl Cents {
    /// `num / den` in lowest terms; `None` when `den` is 0 or a term overflows. (Also
    /// used for a fraction with no unit, such as a ratio of two amounts.)
    pub fn fraction(num: i128, den: i128) -> Option<Cents> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den).max(1);
        let (num, den) = (num / g, den / g);
        if den < 0 {
            Some(Cents { num: num.checked_neg()?, den: den.checked_neg()? })
        } else {
            Some(Cents { num, den })
        }
    }

    /// A whole number of cents.
    pub fn whole(c: i128) -> Cents {
        Cents { num: c, den: 1 }
    }

    /// The whole cents a double stands for when it is the double nearest to a decimal
    /// with at most two places (how JSON, CSV and typed amounts are read); `None` otherwise.
    pub fn of_decimal(x: f64) -> Option<Cents> {
        whole_cents(x).map(Cents::whole)
    }

    fn add(self, o: Cents) -> Option<Cents> {
        let g = gcd(self.den, o.den).max(1);
        let (a, b) = (self.den / g, o.den / g);
        let num = self.num.checked_mul(b)?.checked_add(o.num.checked_mul(a)?)?;
        Cents::fraction(num, self.den.checked_mul(b)?)
    }

    fn neg(self) -> Option<Cents> {
        Some(Cents { num: self.num.checked_neg()?, den: self.den })
    }

    /// 1 ÷ this fraction; `None` for zero.
    pub fn recip(self) -> Option<Cents> {
        Cents::fraction(self.den, self.num)
    }

    /// This fraction times `k` (a fraction with no unit); `None` on overflow.
    pub fn times(self, k: Cents) -> Option<Cents> {
        let (g1, g2) = (gcd(self.num, k.den).max(1), gcd(k.num, self.den).max(1));
        Cents::fraction(
            (self.num / g1).checked_mul(k.num / g2)?,
            (self.den / g2).checked_mul(k.den / g1)?,
        )
    }

    /// The whole number nearest, halves away from zero.
    fn round(self) -> i128 {
        let (q, r) = (self.num / self.den, self.num % self.den);
        // |r| ≥ den / 2, compared without overflow: |r| ≥ den − |r|.
        if r.abs() >= self.den - r.abs() {
            q + self.num.signum()
        } else {
            q
        }
    }
}

/// The whole number of cents `x` is the reading of, when `x` is the double nearest to a
/// decimal with at most two places; `None` otherwise.
pub fn whole_cents(x: f64) -> Option<i128> {
    let c = (x * 100.0).round();
    // Below 2^53 every whole number of cents is a double, and c / 100 is correctly
    // rounded, so equality means x is exactly the reading of "c/100" as a decimal.
    (x.is_finite() && c.abs() < 9_007_199_254_740_992.0 && c / 100.0 == x).then_some(c as i128)
}

/// An amount of money: its double and, where known, the exact amount in cents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Money {
    value: f64,
    exact: Option<Cents>,
}

impl From<f64> for Money {
    /// A computed amount known only as a double (a standard deviation, a bound of an
    /// interval, an estimate).
    fn from(value: f64) -> Money {
        Money { value, exact: None }
    }
}

impl Money {
    /// An amount read as a decimal (a salary in the study file, a reader's value): exact
    /// when it has at most two decimal places ([`Cents::of_decimal`]).
    pub fn decimal(value: f64) -> Money {
        Money { value, exact: Cents::of_decimal(value) }
    }

    /// An amount whose double is `value` and whose exact amount is `exact` (if known).
    pub fn new(value: f64, exact: Option<Cents>) -> Money {
        Money { value, exact }
    }

    /// The double, for statistics and charts.
    pub fn value(self) -> f64 {
        self.value
    }

    /// The exact amount in cents, if known.
    pub fn exact(self) -> Option<Cents> {
        self.exact
    }

    /// `self − other`, exact when both are.
    pub fn minus(self, other: Money) -> Money {
        let exact = self.exact.zip(other.exact).and_then(|(a, b)| a.add(b.neg()?));
        Money { value: self.value - other.value, exact }
    }

    /// This amount times a fraction `k`, whose double is `k_value`: exact when both the
    /// amount and `k` are.
    pub fn times(self, k_value: f64, k: Option<Cents>) -> Money {
        let exact = self.exact.zip(k).and_then(|(a, k)| a.times(k));
        Money { value: self.value * k_value, exact }
    }

    /// The mean of amounts: its double is Σx / n, as the t-tests compute it, and it is
    /// exact when every amount is. `None` for no amounts.
    pub fn mean(xs: &[Money]) -> Option<Money> {
        let n = xs.len();
        if n == 0 {
            return None;
        }
        let value = xs.iter().map(|x| x.value).sum::<f64>() / n as f64;
        let exact = xs
            .iter()
            .try_fold(Cents::whole(0), |acc, x| acc.add(x.exact?))
            .and_then(|sum| sum.times(Cents::fraction(1, n as i128)?));
        Some(Money { value, exact })
    }

    /// The nearest whole cents, halves away from zero: from the exact amount where known,
    /// else from the double; `None` for a double that is not finite or out of range.
    pub fn round_cents(self) -> Option<i128> {
        self.round_places(2)
    }

    /// The amount in units of 10^−`places` RMB (2: cents), rounded to the nearest whole
    /// unit, halves away from zero, from the exact amount where known (`places` ≥ 2).
    pub fn round_places(self, places: u32) -> Option<i128> {
        let scale = 10i128.checked_pow(places.max(2) - 2)?;
        match self.exact.and_then(|c| c.times(Cents::whole(scale))) {
            Some(c) => Some(c.round()),
            None => {
                let c = (self.value * 10f64.powi(places as i32)).round();
                (c.is_finite() && c.abs() < 1e36).then_some(c as i128)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_half_rounds_away_from_zero() {
        // Table 8's Service T1: ten salaries summing to 20,675,475 cents, ÷ 10.
        let m = Money::new(20675.475, Cents::fraction(4_135_095, 2));
        assert_eq!(m.round_cents(), Some(2_067_548));
        assert_eq!(m.round_places(5), Some(2_067_547_500));
        assert_eq!(
            Money::from(20675.475).round_cents(),
            Some(2_067_547),
            "the double alone is below"
        );
        let neg = Money::new(-0.125, Cents::fraction(-25, 2));
        assert_eq!(neg.round_cents(), Some(-13));
        assert_eq!(Money::new(-0.124, Cents::fraction(-62, 5)).round_cents(), Some(-12));
    }

    #[test]
    fn decimals_with_two_places_are_exact_and_others_are_not() {
        assert_eq!(Money::decimal(20675.47).exact(), Some(Cents::whole(2_067_547)));
        assert_eq!(Money::decimal(-0.1).exact(), Some(Cents::whole(-10)));
        assert_eq!(Money::decimal(0.125).exact(), None);
        assert_eq!(Money::decimal(f64::NAN).exact(), None);
        assert_eq!(Money::decimal(1e300).exact(), None);
    }

    #[test]
    fn means_differences_and_rescaling_stay_exact() {
        let xs: Vec<Money> = [0.01, 0.02].map(Money::decimal).to_vec();
        let m = Money::mean(&xs).unwrap();
        assert_eq!(m.exact(), Cents::fraction(3, 2));
        assert_eq!(m.round_cents(), Some(2));
        assert_eq!(Money::mean(&[]), None);
        let d = Money::decimal(0.0).minus(m);
        assert_eq!(d.round_cents(), Some(-2));
        let k = Cents::fraction(1, 3);
        assert_eq!(Money::decimal(1.0).times(1.0 / 3.0, k).exact(), Cents::fraction(100, 3));
        assert_eq!(Money::decimal(1.0).times(0.5, None).exact(), None);
        // Overflow drops the exact amount and keeps the double.
        let huge = Money::new(1.0, Cents::fraction(i128::MAX, 1));
        assert_eq!(huge.minus(Money::new(-1.0, Cents::fraction(-1, 1))).exact(), None);
    }
}
