//! Inter-coder agreement: Cohen's kappa at the character level, per code and overall, for each
//! pair of coders.
//!
//! For two coders A and B, a code and a source, every character is coded or not coded by each
//! coder, giving a 2×2 [`AgreementTable`] (both / only A / only B / neither). With n characters,
//! observed agreement po = (both + neither) ÷ n and chance agreement
//! pe = (A₁·B₁ + A₀·B₀) ÷ n², where A₁ = characters A coded and A₀ = n − A₁ (likewise B);
//! κ = (po − pe) ÷ (1 − pe). This is `sklearn.metrics.cohen_kappa_score` on the two 0/1
//! character vectors. The arithmetic is done in integers, so pe = 1 is detected exactly.
//!
//! Rules (NVivo's "coding comparison" differs where noted):
//! - **Compared sources**: those both coders coded, i.e. each coder made at least one coding
//!   (of any code) in the source. A source only one coder has worked on says nothing about
//!   agreement.
//! - **Per code**: the code's ranges are its own codings plus its descendants' (as for
//!   coverage), so a parent's kappa is agreement on the category. The per-code kappa pools the
//!   2×2 tables of the compared sources (sums them, then computes κ once).
//! - **Overall, pooled** ([`PairAgreement::overall_pooled`]): the sum of the 2×2 tables over
//!   every (code, compared source), where each code contributes only its *own* codings (a
//!   character is not counted again for every ancestor) and only codes that A or B applied on
//!   the compared sources take part (codes nobody used would add pure agreement-on-absence).
//! - **Overall, weighted** ([`PairAgreement::overall_weighted`]): NVivo reports a kappa per
//!   source and code and averages them weighted by source size; here the same average, weighted
//!   by source length in characters, over the same (code, source) pairs, skipping pairs whose κ
//!   is undefined (NVivo instead counts "neither coder coded anything" as κ = 1).
//! - **Undefined**: when pe = 1 (both coders coded nothing, or both coded everything) κ is 0÷0;
//!   the result is [`Kappa::Undefined`] with the reason, never NaN.

use super::engine::CoverageError;
use super::project::Project;
use super::ranges;
use crate::text::i18n::{Strings, EN};
use std::fmt;

/// Character counts for two coders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AgreementTable {
    /// Characters both coders coded.
    pub both: u64,
    /// Characters only coder A coded.
    pub only_a: u64,
    /// Characters only coder B coded.
    pub only_b: u64,
    /// Characters neither coded.
    pub neither: u64,
}

/// Why kappa has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KappaUndefined {
    /// There are no characters to compare.
    NoCharacters,
    /// Chance agreement is 1: both coders coded nothing, or both coded everything.
    NoVariation,
}

/// Cohen's kappa, or why it is not defined.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kappa {
    Defined(f64),
    Undefined(KappaUndefined),
}

impl Kappa {
    /// The value, if defined.
    pub fn value(self) -> Option<f64> {
        match self {
            Kappa::Defined(k) => Some(k),
            Kappa::Undefined(_) => None,
        }
    }
}

impl KappaUndefined {
    /// Why kappa has no value, in the UI language (without the "not defined: " lead).
    pub fn reason(self, t: &Strings) -> &'static str {
        match self {
            KappaUndefined::NoCharacters => t.c_kappa_no_chars,
            KappaUndefined::NoVariation => t.c_kappa_no_variation,
        }
    }
}

impl fmt::Display for KappaUndefined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not defined: {}", self.reason(&EN))
    }
}

impl AgreementTable {
    /// Number of characters compared.
    pub fn total(&self) -> u64 {
        self.both + self.only_a + self.only_b + self.neither
    }

    /// Adds another table's counts.
    pub fn add(&mut self, other: &AgreementTable) {
        self.both += other.both;
        self.only_a += other.only_a;
        self.only_b += other.only_b;
        self.neither += other.neither;
    }

    /// The table for one source of `n` characters from the two coders' unions.
    pub(crate) fn from_unions(
        n: usize,
        a: &[ranges::Range],
        b: &[ranges::Range],
    ) -> AgreementTable {
        let (la, lb, both) =
            (ranges::total_len(a), ranges::total_len(b), ranges::intersection_len(a, b));
        let only_a = la.saturating_sub(both);
        let only_b = lb.saturating_sub(both);
        let neither = n.saturating_sub(both + only_a + only_b);
        AgreementTable {
            both: both as u64,
            only_a: only_a as u64,
            only_b: only_b as u64,
            neither: neither as u64,
        }
    }

    /// Observed agreement po = (both + neither) ÷ n; `None` when n = 0.
    pub fn observed(&self) -> Option<f64> {
        let n = self.total();
        (n > 0).then(|| (self.both + self.neither) as f64 / n as f64)
    }

    /// Chance agreement pe = (A₁B₁ + A₀B₀) ÷ n²; `None` when n = 0.
    pub fn expected(&self) -> Option<f64> {
        let n = self.total() as u128;
        (n > 0).then(|| self.chance_numerator() as f64 / (n * n) as f64)
    }

    fn chance_numerator(&self) -> u128 {
        let n = self.total() as u128;
        let a1 = (self.both + self.only_a) as u128;
        let b1 = (self.both + self.only_b) as u128;
        a1 * b1 + (n - a1) * (n - b1)
    }

    /// κ = (po − pe) ÷ (1 − pe), computed as (n·agree − E) ÷ (n² − E) with E = A₁B₁ + A₀B₀.
    pub fn kappa(&self) -> Kappa {
        let n = self.total() as u128;
        if n == 0 {
            return Kappa::Undefined(KappaUndefined::NoCharacters);
        }
        let e = self.chance_numerator();
        let nn = n * n;
        if e >= nn {
            return Kappa::Undefined(KappaUndefined::NoVariation);
        }
        let agree = (self.both + self.neither) as u128;
        // n counts characters held in memory (far below 2⁴⁸), so n² < 2⁹⁶ fits in u128 and the
        // difference is exact before the one rounding of the division.
        let num = (n * agree) as i128 - e as i128;
        Kappa::Defined(num as f64 / (nn - e) as f64)
    }
}

/// Agreement on one code in one source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceAgreement {
    pub source: String,
    pub table: AgreementTable,
    pub kappa: Kappa,
}

/// Agreement on one code (with its descendants) over the compared sources.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeAgreement {
    pub code: String,
    pub name: String,
    /// The compared sources' tables summed.
    pub table: AgreementTable,
    /// κ of the summed table.
    pub kappa: Kappa,
    /// Mean of the per-source κ weighted by source length (defined ones only).
    pub weighted: Kappa,
    pub per_source: Vec<SourceAgreement>,
}

/// Agreement between two coders.
#[derive(Debug, Clone, PartialEq)]
pub struct PairAgreement {
    pub coder_a: String,
    pub coder_b: String,
    /// The sources both coded (ids, project order).
    pub sources: Vec<String>,
    /// Every code, in pre-order of the tree.
    pub codes: Vec<CodeAgreement>,
    /// Tables of every used code's own codings, summed over codes and compared sources.
    pub overall_table: AgreementTable,
    /// κ of `overall_table`.
    pub overall_pooled: Kappa,
    /// Source-length-weighted mean of the per-(code, source) κ, as NVivo averages.
    pub overall_weighted: Kappa,
}

/// Weighted mean of the defined kappas; the reason when none is defined.
fn weighted_mean(items: &[(f64, Kappa)]) -> Kappa {
    let (mut sum, mut weight) = (0.0, 0.0);
    for &(w, k) in items {
        if let Kappa::Defined(v) = k {
            sum += w * v;
            weight += w;
        }
    }
    if weight > 0.0 {
        Kappa::Defined(sum / weight)
    } else if items.iter().any(|&(w, _)| w > 0.0) {
        Kappa::Undefined(KappaUndefined::NoVariation)
    } else {
        Kappa::Undefined(KappaUndefined::NoCharacters)
    }
}

impl Project {
    fn coded_any(&self, source: usize, coder: usize) -> bool {
        self.by_source.get(source).is_some_and(|list| {
            list.iter().filter_map(|&i| self.resolved.get(i)).any(|r| r.coder == coder)
        })
    }

    /// Agreement between two coders (user ids).
    pub fn agreement(&self, coder_a: &str, coder_b: &str) -> Result<PairAgreement, CoverageError> {
        let (a, b) = (self.coder_index(coder_a)?, self.coder_index(coder_b)?);
        if a == b {
            return Err(CoverageError::SameCoder(coder_a.to_string()));
        }
        let compared: Vec<usize> = (0..self.sources().len())
            .filter(|&s| self.coded_any(s, a) && self.coded_any(s, b))
            .collect();
        let len = |s: usize| self.source_len.get(s).copied().unwrap_or(0);
        let table_for = |s: usize, code: usize, aggregate: bool| {
            AgreementTable::from_unions(
                len(s),
                &self.coded_union(s, code, aggregate, Some(a)),
                &self.coded_union(s, code, aggregate, Some(b)),
            )
        };
        let source_id = |s: usize| self.sources().get(s).map(|x| x.id.clone()).unwrap_or_default();

        let mut codes = Vec::with_capacity(self.codes_flat.len());
        for (ci, c) in self.codes_flat.iter().enumerate() {
            let per_source: Vec<SourceAgreement> = compared
                .iter()
                .map(|&s| {
                    let table = table_for(s, ci, true);
                    SourceAgreement { source: source_id(s), table, kappa: table.kappa() }
                })
                .collect();
            let mut table = AgreementTable::default();
            per_source.iter().for_each(|p| table.add(&p.table));
            let weights: Vec<(f64, Kappa)> =
                per_source.iter().map(|p| (p.table.total() as f64, p.kappa)).collect();
            codes.push(CodeAgreement {
                code: c.id.clone(),
                name: c.name.clone(),
                table,
                kappa: table.kappa(),
                weighted: weighted_mean(&weights),
                per_source,
            });
        }

        let compared_set: std::collections::BTreeSet<usize> = compared.iter().copied().collect();
        let used_codes: std::collections::BTreeSet<usize> = self
            .resolved
            .iter()
            .filter(|r| (r.coder == a || r.coder == b) && compared_set.contains(&r.source))
            .map(|r| r.code)
            .collect();
        let used = |code: usize| used_codes.contains(&code);
        let mut overall_table = AgreementTable::default();
        let mut weights = Vec::new();
        for ci in (0..self.codes_flat.len()).filter(|&ci| used(ci)) {
            for &s in &compared {
                let t = table_for(s, ci, false);
                overall_table.add(&t);
                weights.push((len(s) as f64, t.kappa()));
            }
        }
        Ok(PairAgreement {
            coder_a: coder_a.to_string(),
            coder_b: coder_b.to_string(),
            sources: compared.iter().map(|&s| source_id(s)).collect(),
            codes,
            overall_table,
            overall_pooled: overall_table.kappa(),
            overall_weighted: weighted_mean(&weights),
        })
    }

    /// Agreement for every pair of coders, in user order (A before B).
    pub fn agreement_all_pairs(&self) -> Vec<PairAgreement> {
        let ids: Vec<&str> = self.users().iter().map(|u| u.id.as_str()).collect();
        let mut out = Vec::new();
        for (i, a) in ids.iter().enumerate() {
            for b in ids.iter().skip(i + 1) {
                if let Ok(p) = self.agreement(a, b) {
                    out.push(p);
                }
            }
        }
        out
    }
}
