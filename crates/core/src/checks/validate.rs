//! Validation on load: a list of every problem in the study file, never a panic.
//!
//! Four kinds of problem:
//! - [`Kind::Error`]: the data cannot be analysed as stored (a missing informant, a wrong
//!   group size, a non-finite salary). The embedded study has none; a test asserts it.
//! - [`Kind::Artefact`]: a flaw of the text extraction that loading handled, such as a
//!   repeated table row; reported, never silent.
//! - [`Kind::Discrepancy`]: a printed value that the paper's own raw data do not reproduce
//!   at printed precision.
//! - [`Kind::Contradiction`]: two places in the paper that disagree.
//!
//! The list for the embedded study is pinned in `tests/paper.rs`.

use crate::stats::discount::DiscountTotals;
use crate::stats::ttest;
use crate::study::{Group, Measure, Study, Time};
use crate::text::format::fixed;
use std::collections::BTreeSet;

/// The kind of a [`Problem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Error,
    Artefact,
    Discrepancy,
    Contradiction,
}

impl Kind {
    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Error => "error",
            Kind::Artefact => "extraction artefact",
            Kind::Discrepancy => "discrepancy",
            Kind::Contradiction => "contradiction",
        }
    }
}

/// One problem found in the study file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub kind: Kind,
    /// A stable machine-readable code (`duplicate-row`, `printed-sd`, …).
    pub code: &'static str,
    /// Where in the paper (table, section, footnote).
    pub source: String,
    /// What it is about (an informant, a statistic).
    pub subject: String,
    /// A sentence a reader understands.
    pub message: String,
}

/// A problem of `kind`; the checks of both modules build theirs with it.
pub(crate) fn problem(
    kind: Kind,
    code: &'static str,
    source: &str,
    subject: impl Into<String>,
    message: impl Into<String>,
) -> Problem {
    Problem {
        kind,
        code,
        source: source.to_string(),
        subject: subject.into(),
        message: message.into(),
    }
}

/// Every problem in the study, in a stable order: errors first, then by table.
pub fn validate(study: &Study) -> Vec<Problem> {
    let mut out = Vec::new();
    check_informants(study, &mut out);
    check_discount(study, &mut out);
    check_coverage(study, &mut out);
    for d in &study.dropped {
        out.push(problem(
            Kind::Artefact,
            "duplicate-row",
            &d.table,
            format!("{} ({})", d.informant, d.group.label()),
            format!(
                "The text extraction of {} repeats {}'s row (row {} repeats row {} with identical numbers). It is counted once, which gives the stated group sizes and the printed means.",
                d.table, d.informant, d.repeated_row, d.first_row
            ),
        ));
    }
    for m in Measure::ALL {
        check_salary_table(study, m, &mut out);
    }
    check_mentions(study, &mut out);
    check_codebook(study, &mut out);
    out.sort_by_key(|p| p.kind);
    out
}

fn check_informants(study: &Study, out: &mut Vec<Problem>) {
    let mut seen = BTreeSet::new();
    for i in &study.raw.informants {
        if !seen.insert(i.name.as_str()) {
            out.push(problem(
                Kind::Error,
                "duplicate-informant",
                "Table 2",
                &i.name,
                format!("{} appears twice in Table 2.", i.name),
            ));
        }
        if let Some(d) = &i.decision {
            match study.raw.decisions.iter().find(|x| &x.id == d) {
                None => out.push(problem(
                    Kind::Error,
                    "unknown-decision",
                    &i.source,
                    &i.name,
                    format!("{} refers to a decision \"{}\" that is not recorded.", i.name, d),
                )),
                Some(dec) => out.push(problem(
                    Kind::Artefact,
                    "decided-row",
                    &i.source,
                    &i.name,
                    format!(
                        "Table 2's row for {} needed a decision: {}. {}",
                        i.name, dec.title, dec.evidence
                    ),
                )),
            }
        }
    }
    for g in &study.raw.groups {
        let n = study.informants_in(g.id).count();
        if n != g.n_stated {
            out.push(problem(
                Kind::Error,
                "group-size",
                "Table 2",
                g.id.label(),
                format!(
                    "Table 2 lists {n} {} informants; the text states {}.",
                    g.id.label(),
                    g.n_stated
                ),
            ));
        }
    }
}

fn check_discount(study: &Study, out: &mut Vec<Problem>) {
    let d = &study.raw.discount;
    let totals = DiscountTotals::from_study(d);
    if let Err(e) = totals.validate() {
        out.push(problem(Kind::Error, "discount-total", &d.source, e.field, e.to_string()));
        return;
    }
    for (name, printed, value) in [
        ("2016 salary/revenue ratio", &d.printed.ratio_2016_percent, totals.ratio_2016() * 100.0),
        ("2017 salary/revenue ratio", &d.printed.ratio_2017_percent, totals.ratio_2017() * 100.0),
    ] {
        if !printed.value.matches(value) {
            out.push(problem(
                Kind::Discrepancy,
                "printed-ratio",
                &printed.source,
                name,
                format!(
                    "The paper prints {}%; the totals give {}%.",
                    printed.value,
                    fixed(value, 4)
                ),
            ));
        }
    }
}

fn check_coverage(study: &Study, out: &mut Vec<Problem>) {
    let c = &study.raw.coverage;
    for th in &c.themes {
        for g in Group::ALL {
            for t in Time::ALL {
                let n = c
                    .cells
                    .iter()
                    .filter(|x| x.theme == th.id && x.group == g && x.time == t)
                    .count();
                if n != 1 {
                    out.push(problem(
                        Kind::Error,
                        "coverage-cell",
                        &c.source,
                        format!("{} {} {}", th.name, g.label(), t.label()),
                        format!("expected exactly one coverage cell, found {n}"),
                    ));
                }
            }
        }
    }
    for cell in &c.cells {
        if !c.themes.iter().any(|t| t.id == cell.theme) {
            out.push(problem(
                Kind::Error,
                "coverage-theme",
                &cell.source,
                &cell.theme,
                format!("unknown theme \"{}\"", cell.theme),
            ));
        }
        if let Some(p) = &cell.printed {
            if !(0.0..=100.0).contains(&p.value()) {
                out.push(problem(
                    Kind::Error,
                    "coverage-range",
                    &cell.source,
                    &cell.theme,
                    format!("coverage {}% is outside 0\u{2013}100", p),
                ));
            }
        }
    }
}

fn check_salary_table(study: &Study, m: Measure, out: &mut Vec<Problem>) {
    let table = study.table(m);
    let raw = study.raw.salaries.get(m);
    let src = table.source.as_str();
    for g in Group::ALL {
        let in_table: BTreeSet<&str> = table.group_rows(g).map(|r| r.informant.as_str()).collect();
        let in_t2: BTreeSet<&str> = study.informants_in(g).map(|i| i.name.as_str()).collect();
        for name in in_table.difference(&in_t2) {
            out.push(problem(
                Kind::Error,
                "salary-informant",
                src,
                *name,
                format!("{src} lists {name} in {}, but Table 2 does not.", g.label()),
            ));
        }
        for name in in_t2.difference(&in_table) {
            out.push(problem(
                Kind::Error,
                "salary-missing",
                src,
                *name,
                format!("{src} has no row for {name} ({}).", g.label()),
            ));
        }
    }
    for r in &table.rows {
        if !(r.t1.is_finite() && r.t2_printed.is_finite() && r.t1 > 0.0 && r.t2_printed > 0.0) {
            out.push(problem(
                Kind::Error,
                "salary-value",
                src,
                &r.informant,
                format!("{}'s salaries must be positive numbers.", r.informant),
            ));
            continue;
        }
        let diff = r.t2_printed - r.t1;
        if !r.diff_printed.matches(diff) {
            out.push(problem(
                Kind::Discrepancy,
                "printed-difference",
                src,
                format!("{} ({})", r.informant, m.label()),
                format!(
                    "{src} prints {}'s difference as {}, but T2 \u{2212} T1 = {} \u{2212} {} = {} (off by {}).",
                    r.informant,
                    r.diff_printed,
                    fixed(r.t2_printed, 2),
                    fixed(r.t1, 2),
                    fixed(diff, 2),
                    fixed((r.diff_printed.value() - diff).abs(), 2)
                ),
            ));
        }
    }
    for g in Group::ALL {
        let rows: Vec<_> = table.group_rows(g).collect();
        let series = [
            ("T1", rows.iter().map(|r| r.t1).collect::<Vec<_>>()),
            ("T2", rows.iter().map(|r| r.t2_printed).collect()),
            ("difference", rows.iter().map(|r| r.t2_printed - r.t1).collect()),
        ];
        for (label, xs) in &series {
            let Ok(d) = ttest::describe(xs) else { continue };
            let mean_p = raw.printed_summary.mean.get(g);
            let sd_p = raw.printed_summary.sd.get(g);
            let (pm, ps) = match *label {
                "T1" => (&mean_p.t1, &sd_p.t1),
                "T2" => (&mean_p.t2, &sd_p.t2),
                _ => (&mean_p.diff, &sd_p.diff),
            };
            for (stat, printed, value, code) in
                [("mean", pm, d.mean, "printed-mean"), ("S.D.", ps, d.sd, "printed-sd")]
            {
                if !printed.matches(value) {
                    let extra = if *label == "difference" {
                        let from_printed: Vec<f64> =
                            rows.iter().map(|r| r.diff_printed.value()).collect();
                        match ttest::describe(&from_printed) {
                            Ok(p) => format!(
                                " Computed from the printed differences instead it is {}.",
                                fixed(if stat == "mean" { p.mean } else { p.sd }, 2)
                            ),
                            Err(_) => String::new(),
                        }
                    } else {
                        String::new()
                    };
                    out.push(problem(
                        Kind::Discrepancy,
                        code,
                        src,
                        format!("{} {} {} ({})", g.label(), label, stat, m.label()),
                        format!(
                            "{src} prints the {} {} {} as {}, but the table's own rows give {} (off by {}).{}",
                            g.label(),
                            label,
                            stat,
                            printed,
                            fixed(value, 2),
                            fixed((printed.value() - value).abs(), 2),
                            extra
                        ),
                    ));
                }
            }
        }
    }
}

fn check_mentions(study: &Study, out: &mut Vec<Problem>) {
    for m in &study.raw.text_mentions {
        match study.informant(&m.informant) {
            None => out.push(problem(Kind::Error, "mention-informant", &m.source, &m.informant, format!("the text mentions {}, who is not in Table 2", m.informant))),
            Some(i) if i.group != m.group => out.push(problem(
                Kind::Contradiction,
                "group-contradiction",
                &m.source,
                &m.informant,
                format!(
                    "The text calls {} \"{}\", but Table 2 lists {} in {}. The app follows Table 2 (decision: {}).",
                    m.informant,
                    m.says,
                    m.informant,
                    i.group.label(),
                    i.decision.as_deref().unwrap_or("none recorded")
                ),
            )),
            Some(_) => {}
        }
    }
}

fn check_codebook(study: &Study, out: &mut Vec<Problem>) {
    let cb = &study.raw.codebook;
    for (what, printed, found) in [
        ("first-order concepts", cb.printed_counts.first_order_concepts, cb.concept_count()),
        ("initial codes", cb.printed_counts.initial_codes, cb.code_count()),
    ] {
        if printed != found {
            out.push(problem(
                Kind::Discrepancy,
                "codebook-count",
                &cb.printed_counts.source,
                what,
                format!("The text counts {printed} {what}; Table 3 as transcribed has {found}."),
            ));
        }
    }
}
