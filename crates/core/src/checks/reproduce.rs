//! The reproducibility ledger: every printed number the core can recompute, side by side
//! with its recomputation, its source and whether they agree at printed precision.
//!
//! Nothing here is typed in: each recomputed value comes from the raw rows of the study
//! file through the same functions the explorer uses.
//!
//! The quantities are named in the UI language ([`reproduce`] takes a [`Lang`]); the
//! informants' pseudonyms in them are marked as the study's own words ([`Piece`]), and the
//! sources (`Table 8`) and printed values stay as the paper has them.

use crate::stats::demographics::{self, Variable};
use crate::stats::discount::DiscountTotals;
use crate::stats::selection::measure_text;
use crate::stats::ttest;
use crate::study::printed::Printed;
use crate::study::{Group, Measure, SalaryRow, Study};
use crate::text::format::{fixed, money_fixed};
use crate::text::i18n::{fill, Lang, Strings};
use crate::text::money::Money;
use crate::text::pieces::{fill_pieces, plain, Piece};
use crate::view::apa;

/// How a recomputation compares with the print.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Equal at printed precision (or the printed inequality holds).
    Match,
    /// Off by more than half a unit in the last printed place.
    Discrepancy { by: f64 },
    /// Could not be recomputed (the reason).
    NotComputable(String),
}

/// One printed number and its recomputation.
#[derive(Debug, Clone, PartialEq)]
pub struct ReproRow {
    /// Stable id (`quarterly-service-t1-mean`).
    pub id: String,
    /// Which block of the ledger.
    pub category: &'static str,
    /// What the number is, in the UI language (pseudonyms marked as the study's words).
    pub quantity: Vec<Piece>,
    pub source: String,
    /// As printed, with any relation (`≤ .001`).
    pub printed: String,
    pub recomputed: Option<f64>,
    /// The recomputation at printed precision.
    pub recomputed_text: String,
    /// The recomputation with three more digits, to show ties and near misses.
    pub recomputed_full: String,
    pub status: Status,
}

impl ReproRow {
    /// The quantity as one string.
    pub fn quantity_text(&self) -> String {
        plain(&self.quantity)
    }

    fn compare(
        id: String,
        category: &'static str,
        quantity: Vec<Piece>,
        source: &str,
        printed: &Printed,
        value: Result<f64, String>,
    ) -> ReproRow {
        let d = printed.decimals() as usize;
        match value {
            Ok(v) => ReproRow {
                id,
                category,
                quantity,
                source: source.to_string(),
                printed: printed.text().to_string(),
                recomputed: Some(v),
                recomputed_text: fixed(v, d),
                recomputed_full: fixed(v, d + 3),
                status: if printed.matches(v) {
                    Status::Match
                } else {
                    Status::Discrepancy { by: v - printed.value() }
                },
            },
            Err(reason) => ReproRow {
                id,
                category,
                quantity,
                source: source.to_string(),
                printed: printed.text().to_string(),
                recomputed: None,
                recomputed_text: "\u{2014}".into(),
                recomputed_full: "\u{2014}".into(),
                status: Status::NotComputable(reason),
            },
        }
    }
}

impl ReproRow {
    /// [`ReproRow::compare`] for an amount of money: its texts are rounded from the exact
    /// amount in cents where known (Table 8's Service T1 mean, 20,675.475, reads 20675.48
    /// and 20675.47500), halves away from zero.
    fn compare_amount(
        id: String,
        category: &'static str,
        quantity: Vec<Piece>,
        source: &str,
        printed: &Printed,
        value: Result<Money, String>,
    ) -> ReproRow {
        let amount = value.as_ref().ok().copied();
        let mut row =
            ReproRow::compare(id, category, quantity, source, printed, value.map(Money::value));
        if let Some(m) = amount {
            let d = printed.decimals();
            row.recomputed_text = money_fixed(m, d, None);
            row.recomputed_full = money_fixed(m, d + 3, None);
        }
        row
    }
}

/// Ledger categories, in display order (stable English names; [`category_title`] gives
/// the caption in the UI language).
pub const CATEGORIES: [&str; 7] = [
    "Salary tables: means and standard deviations",
    "Salary t-tests",
    "Demographic balance",
    "Discount (footnote 3)",
    "Group sizes",
    "Codebook counts",
    "Salary tables: per-row differences",
];

/// The caption of a ledger category in the UI language (the category itself when it is
/// not one of [`CATEGORIES`]).
pub fn category_title(category: &'static str, t: &Strings) -> &'static str {
    let titles: [&'static str; 7] = [
        t.d_cat_salary_summaries,
        t.d_cat_salary_tests,
        t.d_cat_demographics,
        t.d_cat_discount,
        t.d_cat_sizes,
        t.d_cat_codebook,
        t.d_cat_row_diffs,
    ];
    CATEGORIES.iter().position(|c| *c == category).map(|i| titles[i]).unwrap_or(category)
}

/// Builds the whole ledger, its quantities named in `lang`.
pub fn reproduce(study: &Study, lang: Lang) -> Vec<ReproRow> {
    let t = lang.strings();
    let mut rows = Vec::new();
    salary_summaries(study, t, &mut rows);
    salary_tests(study, t, &mut rows);
    demographic_tests(study, t, &mut rows);
    discount(study, t, &mut rows);
    sizes_and_counts(study, t, &mut rows);
    row_differences(study, t, &mut rows);
    rows
}

/// A quantity in the explorer's own words.
fn words(text: impl Into<String>) -> Vec<Piece> {
    vec![Piece::ui(text)]
}

/// A demographic variable in the UI language.
fn variable_label(v: Variable, t: &Strings) -> &'static str {
    match v {
        Variable::Age => t.d_var_age,
        Variable::Gender => t.d_var_gender,
        Variable::Education => t.d_var_education,
        Variable::Tenure => t.d_var_tenure,
        Variable::Position => t.d_var_position,
    }
}

fn salary_summaries(study: &Study, t: &Strings, rows: &mut Vec<ReproRow>) {
    for m in Measure::ALL {
        let table = study.table(m);
        let printed = &study.raw.salaries.get(m).printed_summary;
        for g in Group::ALL {
            let r: Vec<_> = table.group_rows(g).collect();
            let (t1, t2) = (
                |x: &&SalaryRow| Money::decimal(x.t1),
                |x: &&SalaryRow| Money::decimal(x.t2_printed),
            );
            let series: [(&str, Vec<Money>); 3] = [
                ("T1", r.iter().map(t1).collect()),
                ("T2", r.iter().map(t2).collect()),
                ("T2\u{2212}T1", r.iter().map(|x| t2(x).minus(t1(x))).collect()),
            ];
            for (i, (label, xs)) in series.iter().enumerate() {
                let values: Vec<f64> = xs.iter().map(|x| x.value()).collect();
                let d = ttest::describe(&values).map_err(|e| e.to_string());
                let mean = d.clone().map(|d| Money::mean(xs).unwrap_or(d.mean.into()));
                let (pm, ps) = match i {
                    0 => (&printed.mean.get(g).t1, &printed.sd.get(g).t1),
                    1 => (&printed.mean.get(g).t2, &printed.sd.get(g).t2),
                    _ => (&printed.mean.get(g).diff, &printed.sd.get(g).diff),
                };
                let key = ["t1", "t2", "diff"][i];
                rows.push(ReproRow::compare_amount(
                    format!("{}-{}-{}-mean", m.key(), g.key(), key),
                    CATEGORIES[0],
                    words(fill(
                        t.d_q_mean,
                        &[
                            ("group", g.label()),
                            ("measure", measure_text(m, t)),
                            ("series", *label),
                        ],
                    )),
                    &table.source,
                    pm,
                    mean,
                ));
                rows.push(ReproRow::compare(
                    format!("{}-{}-{}-sd", m.key(), g.key(), key),
                    CATEGORIES[0],
                    words(fill(
                        t.d_q_sd,
                        &[
                            ("group", g.label()),
                            ("measure", measure_text(m, t)),
                            ("series", *label),
                        ],
                    )),
                    &table.source,
                    ps,
                    d.map(|d| d.sd),
                ));
            }
        }
    }
}

fn salary_tests(study: &Study, t: &Strings, rows: &mut Vec<ReproRow>) {
    for pt in &study.raw.printed_tests {
        let table = study.table(pt.measure);
        let diffs =
            |g: Group| -> Vec<f64> { table.group_rows(g).map(|r| r.t2_printed - r.t1).collect() };
        let test = ttest::student(&diffs(Group::Service), &diffs(Group::Development));
        let label = fill(t.d_q_difference, &[("measure", measure_text(pt.measure, t))]);
        rows.push(ReproRow::compare(
            format!("{}-t", pt.id),
            CATEGORIES[1],
            words(fill(t.d_q_t, &[("label", &label)])),
            &pt.source,
            &pt.t,
            test.clone().map(|x| x.t).map_err(|e| e.to_string()),
        ));
        let mut p_row = ReproRow::compare(
            format!("{}-p", pt.id),
            CATEGORIES[1],
            words(fill(t.d_q_p, &[("label", &label)])),
            &pt.source,
            &pt.p,
            test.map(|x| x.p).map_err(|e| e.to_string()),
        );
        if pt.p_relation == "<=" {
            p_row.printed = format!("\u{2264} {}", pt.p.text());
            if let Some(v) = p_row.recomputed {
                p_row.status = if v <= pt.p.value() {
                    Status::Match
                } else {
                    Status::Discrepancy { by: v - pt.p.value() }
                };
            }
        }
        if let Some(v) = p_row.recomputed {
            p_row.recomputed_full = apa::p_significant(v);
        }
        rows.push(p_row);
    }
}

fn demographic_tests(study: &Study, t: &Strings, rows: &mut Vec<ReproRow>) {
    let balance = demographics::balance(study, &[]);
    for printed in &study.raw.printed_demographic_p {
        let row = balance.iter().find(|b| b.variable.key() == printed.variable);
        let value = match row {
            Some(b) => b.test.clone().map(|x| x.p).map_err(|e| e.to_string()),
            None => Err(fill(t.d_unknown_variable, &[("variable", &printed.variable)])),
        };
        let label = Variable::ALL
            .iter()
            .find(|v| v.key() == printed.variable)
            .map(|v| variable_label(*v, t))
            .unwrap_or("?");
        rows.push(ReproRow::compare(
            format!("demographic-{}-p", printed.variable),
            CATEGORIES[2],
            words(fill(t.d_q_demographic_p, &[("variable", label)])),
            &printed.source,
            &printed.p,
            value,
        ));
    }
}

fn discount(study: &Study, t: &Strings, rows: &mut Vec<ReproRow>) {
    let d = &study.raw.discount;
    let totals = DiscountTotals::from_study(d);
    let ok = totals.validate().map_err(|e| e.to_string());
    rows.push(ReproRow::compare(
        "ratio-2016".into(),
        CATEGORIES[3],
        words(fill(t.d_q_ratio, &[("year", "2016")])),
        &d.printed.ratio_2016_percent.source,
        &d.printed.ratio_2016_percent.value,
        ok.clone().map(|_| totals.ratio_2016() * 100.0),
    ));
    rows.push(ReproRow::compare(
        "ratio-2017".into(),
        CATEGORIES[3],
        words(fill(t.d_q_ratio, &[("year", "2017")])),
        &d.printed.ratio_2017_percent.source,
        &d.printed.ratio_2017_percent.value,
        ok.map(|_| totals.ratio_2017() * 100.0),
    ));
}

fn count_row(
    id: &str,
    category: &'static str,
    quantity: Vec<Piece>,
    source: &str,
    printed: usize,
    found: usize,
) -> ReproRow {
    ReproRow::compare(
        id.to_string(),
        category,
        quantity,
        source,
        &Printed::count(printed),
        Ok(found as f64),
    )
}

fn sizes_and_counts(study: &Study, t: &Strings, rows: &mut Vec<ReproRow>) {
    for g in &study.raw.groups {
        for m in Measure::ALL {
            let n = study.table(m).group_rows(g.id).count();
            rows.push(count_row(
                &format!("n-{}-{}", m.key(), g.id.key()),
                CATEGORIES[4],
                words(fill(
                    t.d_q_group_size,
                    &[("group", &g.label), ("table", &study.table(m).source)],
                )),
                &g.source,
                g.n_stated,
                n,
            ));
        }
    }
    let cb = &study.raw.codebook;
    rows.push(count_row(
        "codebook-concepts",
        CATEGORIES[5],
        words(t.d_q_concepts),
        &cb.printed_counts.source,
        cb.printed_counts.first_order_concepts,
        cb.concept_count(),
    ));
    rows.push(count_row(
        "codebook-codes",
        CATEGORIES[5],
        words(t.d_q_codes),
        &cb.printed_counts.source,
        cb.printed_counts.initial_codes,
        cb.code_count(),
    ));
}

fn row_differences(study: &Study, t: &Strings, rows: &mut Vec<ReproRow>) {
    for m in Measure::ALL {
        let table = study.table(m);
        for r in &table.rows {
            rows.push(ReproRow::compare_amount(
                format!("{}-{}-diff", m.key(), r.informant.to_lowercase()),
                CATEGORIES[6],
                fill_pieces(
                    t.d_q_row_diff,
                    &[
                        ("informant", vec![Piece::study(&r.informant)]),
                        ("group", words(r.group.label())),
                        ("measure", words(measure_text(m, t))),
                    ],
                ),
                &table.source,
                &r.diff_printed,
                Ok(Money::decimal(r.t2_printed).minus(Money::decimal(r.t1))),
            ));
        }
    }
}
