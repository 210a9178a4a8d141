//! The assumption checks of `#robustness`: Shapiro–Wilk per group with a reading,
//! Levene and Brown–Forsythe for equal variances, and the normal Q-Q chart models (Blom's
//! plotting positions).

use super::p3;
use super::summary::{then, ALPHA};
use crate::stats::robust::error::RobustError;
use crate::stats::robust::levene::Levene;
use crate::stats::robust::report::{NormalityCheck, Robustness};
use crate::stats::robust::shapiro::ShapiroWilk;
use crate::stats::selection::{amounts, Design, SalaryPoint};
use crate::study::{Group, Terms, Time};
use crate::text::format::{fixed, rmb};
use crate::text::i18n::{fill, Lang};
use crate::text::money::Money;
use crate::view::apa;
use statrs::distribution::{ContinuousCDF, Normal};

/// Groups above this size are not "small" for the normality reading.
const SMALL_N: usize = 30;

/// Shapiro–Wilk for one series, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct NormalityRow {
    /// What was tested ("Service T2 − T1").
    pub label: String,
    pub n: String,
    pub w: String,
    pub p: String,
    /// One sentence that never overclaims (or the "not defined" reason).
    pub reading: String,
    pub defined: bool,
}

/// Levene or Brown–Forsythe, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct VarianceRow {
    pub label: String,
    /// "W = 0.455" (the F-type statistic).
    pub w: String,
    /// "1, 20".
    pub df: String,
    pub p: String,
    pub reading: String,
    pub defined: bool,
}

/// One point of a normal Q-Q plot.
#[derive(Debug, Clone, PartialEq)]
pub struct QqPoint {
    pub informant: String,
    /// Φ⁻¹((i − 0.375)/(n + 0.25)).
    pub theoretical: f64,
    /// The informant's amount, exact in cents where known (the chart plots its double).
    pub value: Money,
}

/// A normal Q-Q plot of one series.
#[derive(Debug, Clone, PartialEq)]
pub struct QqChart {
    /// The series ("Service T2 − T1"), as [`Terms::series`] names it.
    pub label: String,
    pub group: Group,
    /// Sorted by value.
    pub points: Vec<QqPoint>,
    /// Reference line value = mean + sd·z: the mean exact in cents where the values are,
    /// the SD (an estimate) a double.
    pub mean: Money,
    pub sd: f64,
    /// What the data is called: the groups' names and the values' unit.
    pub terms: Terms,
    /// The language of every text in the chart.
    pub lang: Lang,
}

impl QqChart {
    /// The chart's title ("Normal Q-Q plot: Service").
    pub fn title(&self) -> String {
        fill(self.lang.strings().b_chart_qq, &[("group", self.terms.name(self.group))])
    }

    /// The value axis: the series with its unit ("Service T2 − T1 (RMB)").
    pub fn axis(&self) -> String {
        self.terms.with_unit(&self.label, self.lang.strings())
    }

    /// The text alternative.
    pub fn summary(&self) -> String {
        let t = self.lang.strings();
        let far = self.points.iter().max_by(|a, b| self.distance(a).total_cmp(&self.distance(b)));
        let far = far.map(|p| {
            let value = self.terms.amount(&rmb(p.value), t);
            fill(t.b_qq_far, &[("name", &p.informant), ("value", &value)])
        });
        let mut s = fill(
            t.b_qq_summary,
            &[
                ("label", &self.label),
                ("n", &self.points.len().to_string()),
                ("mean", &self.terms.amount(&rmb(self.mean), t)),
                ("sd", &self.terms.amount(&rmb(self.sd), t)),
            ],
        );
        if let Some(far) = far {
            then(&mut s, &far, self.lang);
        }
        s
    }

    /// How far a point lies from the reference line (the chart names the farthest).
    pub fn distance(&self, p: &QqPoint) -> f64 {
        (p.value.value() - (self.mean.value() + self.sd * p.theoretical)).abs()
    }

    /// Data table rows: informant, theoretical quantile, value; the first `limit` only.
    pub fn table(&self, limit: usize) -> Vec<[String; 3]> {
        self.points
            .iter()
            .take(limit)
            .map(|p| [p.informant.clone(), fixed(p.theoretical, 3), rmb(p.value)])
            .collect()
    }
}

pub(super) fn normality_row(n: &NormalityCheck, terms: &Terms, lang: Lang) -> NormalityRow {
    let label = terms.series(n.group, n.time);
    match &n.result {
        Ok(s) => NormalityRow {
            reading: normality_reading(&label, s, lang),
            label,
            n: s.n.to_string(),
            w: fixed(s.w, 4),
            p: p3(s.p),
            defined: true,
        },
        Err(e) => NormalityRow {
            label,
            n: String::new(),
            w: String::new(),
            p: String::new(),
            reading: e.message(lang),
            defined: false,
        },
    }
}

/// One sentence that never overclaims.
fn normality_reading(label: &str, s: &ShapiroWilk, lang: Lang) -> String {
    let t = lang.strings();
    let n = s.n.to_string();
    let power = if s.n <= SMALL_N {
        fill(t.b_power_small, &[("n", &n)])
    } else {
        fill(t.b_power_large, &[("n", &n)])
    };
    let args = [("p", apa::p_value(s.p)), ("label", label.to_string()), ("power", power)];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(if s.p < ALPHA { t.b_normal_small_p } else { t.b_normal_ok }, &args)
}

pub(super) fn variances(
    r: &Robustness,
    terms: &Terms,
    lang: Lang,
) -> Result<Vec<VarianceRow>, String> {
    let t = lang.strings();
    let (Some(mean), Some(median)) = (&r.levene_mean, &r.levene_median) else {
        return Err(terms.pick(t.b_var_paired, t.b_var_paired_own).to_string());
    };
    Ok([(mean, t.b_levene_label), (median, t.b_bf_label)]
        .into_iter()
        .map(|(l, label)| variance_row(l, label, lang))
        .collect())
}

fn variance_row(l: &Result<Levene, RobustError>, label: &str, lang: Lang) -> VarianceRow {
    let t = lang.strings();
    match l {
        Ok(l) => {
            let reading = fill(
                if l.p < ALPHA { t.b_var_small_p } else { t.b_var_ok },
                &[("p", &apa::p_value(l.p))],
            );
            VarianceRow {
                label: label.to_string(),
                w: format!("W = {}", fixed(l.w, 3)),
                df: format!("{}, {}", fixed(l.df1, 0), fixed(l.df2, 0)),
                p: p3(l.p),
                reading,
                defined: true,
            }
        }
        Err(e) => VarianceRow {
            label: label.to_string(),
            w: String::new(),
            df: String::new(),
            p: String::new(),
            reading: e.message(lang),
            defined: false,
        },
    }
}

/// Q-Q plot models for the series Shapiro–Wilk tests.
pub(super) fn qq_charts(
    points: &[SalaryPoint],
    design: Design,
    terms: &Terms,
    lang: Lang,
) -> Vec<Result<QqChart, String>> {
    let series: Vec<(Group, Option<Time>)> = match design {
        Design::DiffInDiff => Group::ALL.iter().map(|g| (*g, None)).collect(),
        Design::Between(t) => Group::ALL.iter().map(|g| (*g, Some(t))).collect(),
        Design::Paired(g) => vec![(g, None)],
        Design::Descriptive(..) => return vec![Err(RobustError::NoComparison.message(lang))],
    };
    series
        .into_iter()
        .map(|(g, t)| qq_chart(points, g, t, terms, lang).map_err(|e| e.message(lang)))
        .collect()
}

/// A normal Q-Q plot of one group's values (at least 3, finite) at one time, or of its
/// T2 − T1 changes (`None`), labelled as `terms` names the series; `lang` is the language
/// of its summary.
pub fn qq_chart(
    points: &[SalaryPoint],
    group: Group,
    time: Option<Time>,
    terms: &Terms,
    lang: Lang,
) -> Result<QqChart, RobustError> {
    let amounts = amounts(points, group, time);
    let n = amounts.len();
    if n < 3 {
        return Err(RobustError::TooFew { needed: 3, got: n });
    }
    if let Some(i) = amounts.iter().position(|x| !x.value().is_finite()) {
        return Err(RobustError::NonFinite { index: i });
    }
    let names: Vec<&str> =
        points.iter().filter(|p| p.group == group).map(|p| p.informant.as_str()).collect();
    let mut pairs: Vec<(Money, &str)> = amounts.iter().copied().zip(names).collect();
    pairs.sort_by(|a, b| a.0.value().total_cmp(&b.0.value()));
    let mean_amount = Money::mean(&amounts).ok_or(RobustError::TooFew { needed: 3, got: n })?;
    let (mean, xs) = (mean_amount.value(), amounts.iter().map(|x| x.value()));
    let sd = (xs.map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64).sqrt();
    if !(mean.is_finite() && sd.is_finite()) {
        return Err(RobustError::Overflow);
    }
    let normal = Normal::standard();
    let nf = n as f64;
    let points = pairs
        .into_iter()
        .enumerate()
        .map(|(i, (value, name))| QqPoint {
            informant: name.to_string(),
            theoretical: normal.inverse_cdf((i as f64 + 1.0 - 0.375) / (nf + 0.25)),
            value,
        })
        .collect();
    let label = terms.series(group, time);
    Ok(QqChart { label, group, points, mean: mean_amount, sd, terms: terms.clone(), lang })
}
