//! The reproducibility ledger: every printed number the core can recompute, side by side
//! with its recomputation, its source and whether they agree at printed precision.
//!
//! Nothing here is typed in: each recomputed value comes from the raw rows of the study
//! file through the same functions the explorer uses.

use crate::core::apa;
use crate::core::dataset::{Group, Measure, Study};
use crate::core::printed::Printed;
use crate::core::demographics::{self, Variable};
use crate::core::discount::DiscountTotals;
use crate::core::format::fixed;
use crate::core::stats;

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
    pub quantity: String,
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
    fn compare(id: String, category: &'static str, quantity: String, source: &str, printed: &Printed, value: Result<f64, String>) -> ReproRow {
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
                status: if printed.matches(v) { Status::Match } else { Status::Discrepancy { by: v - printed.value() } },
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

/// Ledger categories, in display order.
pub const CATEGORIES: [&str; 7] = [
    "Salary tables: means and standard deviations",
    "Salary t-tests",
    "Demographic balance",
    "Discount (footnote 3)",
    "Group sizes",
    "Codebook counts",
    "Salary tables: per-row differences",
];

/// Builds the whole ledger.
pub fn reproduce(study: &Study) -> Vec<ReproRow> {
    let mut rows = Vec::new();
    salary_summaries(study, &mut rows);
    salary_tests(study, &mut rows);
    demographic_tests(study, &mut rows);
    discount(study, &mut rows);
    sizes_and_counts(study, &mut rows);
    row_differences(study, &mut rows);
    rows
}

fn salary_summaries(study: &Study, rows: &mut Vec<ReproRow>) {
    for m in Measure::ALL {
        let table = study.table(m);
        let printed = &study.raw.salaries.get(m).printed_summary;
        for g in Group::ALL {
            let r: Vec<_> = table.group_rows(g).collect();
            let series: [(&str, Vec<f64>); 3] = [
                ("T1", r.iter().map(|x| x.t1).collect()),
                ("T2", r.iter().map(|x| x.t2_printed).collect()),
                ("T2\u{2212}T1", r.iter().map(|x| x.t2_printed - x.t1).collect()),
            ];
            for (i, (label, xs)) in series.iter().enumerate() {
                let d = stats::describe(xs).map_err(|e| e.to_string());
                let (pm, ps) = match i {
                    0 => (&printed.mean.get(g).t1, &printed.sd.get(g).t1),
                    1 => (&printed.mean.get(g).t2, &printed.sd.get(g).t2),
                    _ => (&printed.mean.get(g).diff, &printed.sd.get(g).diff),
                };
                let key = ["t1", "t2", "diff"][i];
                rows.push(ReproRow::compare(
                    format!("{}-{}-{}-mean", m.key(), g.key(), key),
                    CATEGORIES[0],
                    format!("{} mean, {} {}", g.label(), m.label(), label),
                    &table.source,
                    pm,
                    d.clone().map(|d| d.mean),
                ));
                rows.push(ReproRow::compare(
                    format!("{}-{}-{}-sd", m.key(), g.key(), key),
                    CATEGORIES[0],
                    format!("{} S.D., {} {}", g.label(), m.label(), label),
                    &table.source,
                    ps,
                    d.map(|d| d.sd),
                ));
            }
        }
    }
}

fn salary_tests(study: &Study, rows: &mut Vec<ReproRow>) {
    for pt in &study.raw.printed_tests {
        let table = study.table(pt.measure);
        let diffs = |g: Group| -> Vec<f64> { table.group_rows(g).map(|r| r.t2_printed - r.t1).collect() };
        let test = stats::student(&diffs(Group::Service), &diffs(Group::Development));
        let label = format!("{} salary difference, Service vs Development", pt.measure.label());
        rows.push(ReproRow::compare(
            format!("{}-t", pt.id),
            CATEGORIES[1],
            format!("t, {label}"),
            &pt.source,
            &pt.t,
            test.clone().map(|t| t.t).map_err(|e| e.to_string()),
        ));
        let mut p_row = ReproRow::compare(
            format!("{}-p", pt.id),
            CATEGORIES[1],
            format!("p (two-sided), {label}"),
            &pt.source,
            &pt.p,
            test.map(|t| t.p).map_err(|e| e.to_string()),
        );
        if pt.p_relation == "<=" {
            p_row.printed = format!("\u{2264} {}", pt.p.text());
            if let Some(v) = p_row.recomputed {
                p_row.status = if v <= pt.p.value() { Status::Match } else { Status::Discrepancy { by: v - pt.p.value() } };
            }
        }
        if let Some(v) = p_row.recomputed {
            p_row.recomputed_full = apa::p_significant(v);
        }
        rows.push(p_row);
    }
}

fn demographic_tests(study: &Study, rows: &mut Vec<ReproRow>) {
    let balance = demographics::balance(study, &[]);
    for printed in &study.raw.printed_demographic_p {
        let row = balance.iter().find(|b| b.variable.key() == printed.variable);
        let value = match row {
            Some(b) => b.test.clone().map(|t| t.p).map_err(|e| e.to_string()),
            None => Err(format!("unknown variable \"{}\"", printed.variable)),
        };
        let label = Variable::ALL.iter().find(|v| v.key() == printed.variable).map(|v| v.label()).unwrap_or("?");
        rows.push(ReproRow::compare(
            format!("demographic-{}-p", printed.variable),
            CATEGORIES[2],
            format!("p, {label}, Service vs Development"),
            &printed.source,
            &printed.p,
            value,
        ));
    }
}

fn discount(study: &Study, rows: &mut Vec<ReproRow>) {
    let d = &study.raw.discount;
    let totals = DiscountTotals::from_study(d);
    let ok = totals.validate().map_err(|e| e.to_string());
    rows.push(ReproRow::compare(
        "ratio-2016".into(),
        CATEGORIES[3],
        "2016 salary total \u{f7} revenue (%)".into(),
        &d.printed.ratio_2016_percent.source,
        &d.printed.ratio_2016_percent.value,
        ok.clone().map(|_| totals.ratio_2016() * 100.0),
    ));
    rows.push(ReproRow::compare(
        "ratio-2017".into(),
        CATEGORIES[3],
        "2017 salary total \u{f7} revenue (%)".into(),
        &d.printed.ratio_2017_percent.source,
        &d.printed.ratio_2017_percent.value,
        ok.map(|_| totals.ratio_2017() * 100.0),
    ));
}

fn count_row(id: &str, category: &'static str, quantity: String, source: &str, printed: usize, found: usize) -> ReproRow {
    ReproRow::compare(id.to_string(), category, quantity, source, &Printed::count(printed), Ok(found as f64))
}

fn sizes_and_counts(study: &Study, rows: &mut Vec<ReproRow>) {
    for g in &study.raw.groups {
        for m in Measure::ALL {
            let n = study.table(m).group_rows(g.id).count();
            rows.push(count_row(
                &format!("n-{}-{}", m.key(), g.id.key()),
                CATEGORIES[4],
                format!("{} informants in {}", g.label, study.table(m).source),
                &g.source,
                g.n_stated,
                n,
            ));
        }
    }
    let cb = &study.raw.codebook;
    rows.push(count_row("codebook-concepts", CATEGORIES[5], "First-order concepts in Table 3".into(), &cb.printed_counts.source, cb.printed_counts.first_order_concepts, cb.concept_count()));
    rows.push(count_row("codebook-codes", CATEGORIES[5], "Initial codes in Table 3".into(), &cb.printed_counts.source, cb.printed_counts.initial_codes, cb.code_count()));
}

fn row_differences(study: &Study, rows: &mut Vec<ReproRow>) {
    for m in Measure::ALL {
        let table = study.table(m);
        for r in &table.rows {
            rows.push(ReproRow::compare(
                format!("{}-{}-diff", m.key(), r.informant.to_lowercase()),
                CATEGORIES[6],
                format!("{} ({}), T2 \u{2212} T1, {}", r.informant, r.group.label(), m.label()),
                &table.source,
                &r.diff_printed,
                Ok(r.t2_printed - r.t1),
            ));
        }
    }
}
