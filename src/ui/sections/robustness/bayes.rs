//! The JZS Bayes factor: the reader picks the prior scale, which only chooses one of the
//! rows the view model computed for every choice (the permutation test never reruns),
//! and the table shows them all.

use super::table::{live_table, undefined, NUM, TEXT};
use crate::ui::state::{tr, tr_data, use_app_state};
use leptos::prelude::*;
use study_core::text::i18n::fill;
use study_core::text::markup::TableRow as TRow;
use study_core::view::robustness::{BayesRow, RobustnessView, DEFAULT_PRIOR, PRIOR_CHOICES};

/// The Bayes factor's part of the section; the prior scale lives here.
pub(super) fn bayes_factor(model: Memo<RobustnessView>) -> impl IntoView {
    let state = use_app_state();
    let prior = RwSignal::new(DEFAULT_PRIOR);
    let bayes: Memo<Result<BayesRow, String>> = Memo::new(move |_| {
        let i = prior.get();
        model.with(|m| m.bayes_row(i))
    });
    let prior_radios = PRIOR_CHOICES
        .iter()
        .enumerate()
        .map(|(i, c)| {
            view! {
                <label class="check">
                    <input type="radio" name="bayes-prior" value=c.key prop:checked=move || prior.get() == i on:change=move |_| prior.set(i) />
                    <span>{move || c.label(state.t())}</span>
                </label>
            }
        })
        .collect_view();
    let bayes_result = move || match bayes.get() {
        Ok(b) if b.defined => {
            // The number is bold wherever the language puts it in the sentence.
            let sentence =
                fill(state.t().b_bayes_result, &[("prior", &b.prior), ("label", &b.label)]);
            let (before, after) = sentence
                .split_once("{bf}")
                .map(|(a, c)| (a.to_string(), c.to_string()))
                .unwrap_or((sentence.clone(), String::new()));
            view! {
                <p class="bayes-result" id="bayes-result">
                    {before}<strong id="bayes-bf10">{b.bf10}</strong>{after}
                </p>
                <p id="bayes-reading">{b.reading}</p>
            }
            .into_any()
        }
        Ok(b) => undefined("bayes-result", b.bf10),
        Err(e) => undefined("bayes-result", e),
    };
    let bayes_defined = Memo::new(move |_| model.with(|m| m.bayes.is_ok()));
    let bayes_table = move || {
        bayes_defined.get().then(|| {
            live_table("bayes-table", move || {
                let t = state.t();
                let chosen = prior.get();
                let rows = model.with(|m| {
                    let rows = m.bayes.as_ref().map(|rows| {
                        rows.iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let (class, head) = if i == chosen {
                                    ("chosen", fill(t.b_shown_above, &[("prior", &r.prior)]))
                                } else {
                                    ("", r.prior.clone())
                                };
                                TRow::new(
                                    class,
                                    head,
                                    vec![(NUM, r.bf10.clone()), (TEXT, r.label.clone())],
                                )
                            })
                            .collect()
                    });
                    rows.unwrap_or_default()
                });
                (
                    t.b_bayes_caption.into(),
                    vec![(TEXT, t.b_col_prior), (NUM, "BF\u{2081}\u{2080}"), (TEXT, t.b_col_label)],
                    rows,
                )
            })
        })
    };
    view! {
        <h3>{tr(state, |t| t.b_h_bayes)}</h3>
        <p>{tr(state, |t| t.b_bayes_intro)}</p>
        <fieldset class="prior-choice" id="bayes-prior">
            <legend>{tr(state, |t| t.b_prior_legend)}</legend>
            {prior_radios}
        </fieldset>
        <div aria-live="polite">{bayes_result}</div>
        <p class="note" id="bayes-note">{tr_data(state, |t| t.b_bayes_note, |t| t.b_bayes_note_own)}</p>
        {bayes_table}
    }
}
