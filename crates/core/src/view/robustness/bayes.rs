//! The Bayes factor part of `#robustness`: the three prior scales a reader chooses from,
//! and one row per scale with Lee and Wagenmakers' verbal label, kept apart from the
//! paper's own "anecdotal" wording ([`BAYES_LABEL_NOTE`]).

use crate::stats::robust::bayes::{
    describe, BayesFactor, PRIOR_SCALES, R_MEDIUM, R_NARROW, R_WIDE,
};
use crate::stats::robust::error::RobustError;
use crate::text::format::{fixed, grouped};
use crate::text::i18n::{fill, Lang, Strings, EN};

/// Keeps the Bayes factor's verbal label apart from the paper's "anecdotal evidence"
/// (English; the page shows `b_bayes_note` in its language, and `b_bayes_note_own`, which
/// leaves the paper out, over a reader's own data).
pub const BAYES_LABEL_NOTE: &str = EN.b_bayes_note;

/// One prior scale the reader can choose for the Bayes factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PriorChoice {
    /// The `<option>` value ("0.5", "0.707", "1").
    pub key: &'static str,
    pub r: f64,
}

impl PriorChoice {
    /// What the option says ("r = 0.5 (narrow)"), in the UI language.
    pub fn label(&self, t: &Strings) -> &'static str {
        match self.key {
            "0.5" => t.b_prior_narrow,
            "1" => t.b_prior_wide,
            _ => t.b_prior_medium,
        }
    }
}

/// The three prior scales, in the order of [`PRIOR_SCALES`]; [`DEFAULT_PRIOR`] is the default.
pub const PRIOR_CHOICES: [PriorChoice; 3] = [
    PriorChoice { key: "0.5", r: R_NARROW },
    PriorChoice { key: "0.707", r: R_MEDIUM },
    PriorChoice { key: "1", r: R_WIDE },
];

/// Index into [`PRIOR_CHOICES`] of the default prior scale (√2/2).
pub const DEFAULT_PRIOR: usize = 1;

/// The index of the prior choice with this key, if any.
pub fn prior_index(key: &str) -> Option<usize> {
    PRIOR_CHOICES.iter().position(|c| c.key == key)
}

/// A Bayes factor for one prior scale, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct BayesRow {
    pub r: f64,
    /// The prior scale, labelled ("r = 0.5 (narrow)").
    pub prior: String,
    /// "39.26", or the reason it is not defined.
    pub bf10: String,
    /// Lee and Wagenmakers' label ("very strong evidence for a difference (H₁)").
    pub label: String,
    /// What the number means, in a sentence.
    pub reading: String,
    pub defined: bool,
}

pub(super) fn bf_text(bf: f64, lang: Lang) -> String {
    if bf >= 1000.0 {
        grouped(bf, 0, lang.numbers().group)
    } else if bf >= 0.01 {
        fixed(bf, 2)
    } else {
        format!("{bf:.2e}")
    }
}

pub(super) fn bayes_rows(bayes: &[Result<BayesFactor, RobustError>], lang: Lang) -> Vec<BayesRow> {
    let t = lang.strings();
    PRIOR_CHOICES
        .iter()
        .map(|choice| {
            let found = bayes
                .iter()
                .zip(PRIOR_SCALES)
                .find(|(_, r)| (*r - choice.r).abs() < 1e-12)
                .map(|(b, _)| b);
            let prior = choice.label(t).to_string();
            match found {
                Some(Ok(b)) => {
                    let times = if b.bf10 >= 1.0 {
                        fill(t.b_bf_h1_times, &[("x", &bf_text(b.bf10, lang))])
                    } else {
                        fill(t.b_bf_h0_times, &[("x", &bf_text(1.0 / b.bf10, lang))])
                    };
                    BayesRow {
                        r: choice.r,
                        prior,
                        bf10: bf_text(b.bf10, lang),
                        label: describe(b.bf10, t),
                        reading: times,
                        defined: true,
                    }
                }
                Some(Err(e)) => BayesRow {
                    r: choice.r,
                    prior,
                    bf10: e.message(lang),
                    label: String::new(),
                    reading: String::new(),
                    defined: false,
                },
                None => BayesRow {
                    r: choice.r,
                    prior,
                    bf10: t.b_not_computed.into(),
                    label: String::new(),
                    reading: String::new(),
                    defined: false,
                },
            }
        })
        .collect()
}
