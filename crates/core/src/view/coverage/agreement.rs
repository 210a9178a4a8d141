//! Inter-coder agreement for the workshop: Cohen's kappa per coder pair and code, in
//! words.

use crate::coverage::kappa::{AgreementTable, Kappa};
use crate::coverage::project::Project;
use crate::text::format::fixed;
use crate::text::i18n::{fill, Strings};

/// Kappa with two decimals (as the paper prints it), or why it is undefined.
pub fn kappa_text(k: Kappa, t: &Strings) -> String {
    match k {
        Kappa::Defined(v) => fixed(v, 2),
        Kappa::Undefined(why) => fill(t.c_kappa_undefined, &[("reason", why.reason(t))]),
    }
}

/// One code's agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct KappaRow {
    pub code: String,
    pub name: String,
    pub depth: usize,
    pub aggregate: bool,
    pub table: AgreementTable,
    /// κ of the summed table (pooled over sources).
    pub kappa: Option<f64>,
    pub kappa_text: String,
    /// Source-length-weighted mean of the per-source κ.
    pub weighted: Option<f64>,
    pub weighted_text: String,
}

/// Agreement between two coders.
#[derive(Debug, Clone, PartialEq)]
pub struct PairView {
    pub coder_a: String,
    pub coder_b: String,
    /// Number of sources both coded.
    pub n_sources: usize,
    pub rows: Vec<KappaRow>,
    pub overall_table: AgreementTable,
    pub overall_pooled: Option<f64>,
    pub overall_pooled_text: String,
    pub overall_weighted: Option<f64>,
    pub overall_weighted_text: String,
}

/// Agreement for every pair of coders who both coded at least one source.
pub fn agreement_view(project: &Project, t: &Strings) -> Vec<PairView> {
    let name = |id: &str| {
        project
            .user(id)
            .map(|u| u.name.clone())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| id.to_string())
    };
    let rows = project.code_rows();
    project
        .agreement_all_pairs()
        .into_iter()
        .filter(|p| !p.sources.is_empty())
        .map(|p| PairView {
            coder_a: name(&p.coder_a),
            coder_b: name(&p.coder_b),
            n_sources: p.sources.len(),
            rows: p
                .codes
                .iter()
                .map(|c| {
                    let row = rows.iter().find(|r| r.id == c.code);
                    KappaRow {
                        code: c.code.clone(),
                        name: c.name.clone(),
                        depth: row.map_or(1, |r| r.depth),
                        aggregate: row.is_some_and(|r| r.has_children),
                        table: c.table,
                        kappa: c.kappa.value(),
                        kappa_text: kappa_text(c.kappa, t),
                        weighted: c.weighted.value(),
                        weighted_text: kappa_text(c.weighted, t),
                    }
                })
                .collect(),
            overall_table: p.overall_table,
            overall_pooled: p.overall_pooled.value(),
            overall_pooled_text: kappa_text(p.overall_pooled, t),
            overall_weighted: p.overall_weighted.value(),
            overall_weighted_text: kappa_text(p.overall_weighted, t),
        })
        .collect()
}
