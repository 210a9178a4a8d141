//! Tests of equal variances: Levene's test (deviations from the group mean) and the
//! Brown–Forsythe variant (deviations from the group median).
//!
//! With k groups, Zᵢⱼ = |Yᵢⱼ − cᵢ| where cᵢ is group i's mean (Levene) or median
//! (Brown–Forsythe), N the total size:
//!
//! W = (N − k)/(k − 1) · Σᵢ nᵢ (Z̄ᵢ − Z̄)² / Σᵢ Σⱼ (Zᵢⱼ − Z̄ᵢ)²,
//!
//! referred to the F distribution with (k − 1, N − k) degrees of freedom (statrs'
//! `FisherSnedecor`, upper tail). This is `scipy.stats.levene(*groups, center='mean')`
//! and `center='median'`. A zero denominator (every group's deviations constant, for
//! example all values equal) is "not defined".

use crate::stats::robust::error::{check_finite, RobustError};
use statrs::distribution::{ContinuousCDF, FisherSnedecor};

/// Which centre the deviations are taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Center {
    /// Levene (1960).
    Mean,
    /// Brown & Forsythe (1974).
    Median,
}

impl Center {
    /// The test's name.
    pub fn label(self) -> &'static str {
        match self {
            Center::Mean => "Levene (mean-centred)",
            Center::Median => "Brown\u{2013}Forsythe (median-centred)",
        }
    }
}

/// The result of a Levene-type test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Levene {
    pub center: Center,
    /// The W (F) statistic.
    pub w: f64,
    pub df1: f64,
    pub df2: f64,
    /// Upper-tail p-value: small values suggest unequal variances.
    pub p: f64,
}

/// Median of a non-empty slice (mean of the two middle values for even n).
pub(crate) fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Levene-type test over `groups` (at least two groups of at least two values).
pub fn levene(groups: &[&[f64]], center: Center) -> Result<Levene, RobustError> {
    let k = groups.len();
    if k < 2 {
        return Err(RobustError::TooFew { needed: 2, got: k });
    }
    let mut base = 0;
    for g in groups {
        if g.len() < 2 {
            return Err(RobustError::TooFew { needed: 2, got: g.len() });
        }
        check_finite(g, base)?;
        base += g.len();
    }
    let n_total = base as f64;
    let z: Vec<Vec<f64>> = groups
        .iter()
        .map(|g| {
            let c = match center {
                Center::Mean => g.iter().sum::<f64>() / g.len() as f64,
                Center::Median => median(g),
            };
            g.iter().map(|y| (y - c).abs()).collect()
        })
        .collect();
    let zbar_i: Vec<f64> = z.iter().map(|zi| zi.iter().sum::<f64>() / zi.len() as f64).collect();
    let zbar = z.iter().zip(&zbar_i).map(|(zi, m)| zi.len() as f64 * m).sum::<f64>() / n_total;
    let num: f64 =
        z.iter().zip(&zbar_i).map(|(zi, m)| zi.len() as f64 * (m - zbar) * (m - zbar)).sum();
    let den: f64 = z
        .iter()
        .zip(&zbar_i)
        .map(|(zi, m)| zi.iter().map(|v| (v - m) * (v - m)).sum::<f64>())
        .sum();
    if !(num.is_finite() && den.is_finite()) {
        return Err(RobustError::Overflow);
    }
    if den <= 0.0 {
        return Err(RobustError::ZeroVariance);
    }
    let (df1, df2) = ((k - 1) as f64, n_total - k as f64);
    let w = df2 / df1 * num / den;
    let f = FisherSnedecor::new(df1, df2)
        .map_err(|_| RobustError::InvalidParameter { name: "degrees of freedom", value: df2 })?;
    Ok(Levene { center, w, df1, df2, p: f.sf(w).clamp(0.0, 1.0) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    #[test]
    fn degenerate_groups_are_errors() {
        assert_eq!(
            levene(&[&[1.0, 1.0], &[2.0, 2.0]], Center::Mean),
            Err(RobustError::ZeroVariance)
        );
        assert!(matches!(levene(&[&[1.0, 2.0]], Center::Mean), Err(RobustError::TooFew { .. })));
        assert!(matches!(
            levene(&[&[1.0], &[1.0, 2.0]], Center::Median),
            Err(RobustError::TooFew { .. })
        ));
    }
}
