//! `#robustness`: does the selection's result survive other reasonable analyses? Welch
//! beside Student, the rank test, the exact permutation test with its histogram, effect
//! sizes, ANCOVA and the log scale, leave-one-out influence, assumption checks with Q-Q
//! plots, the JZS Bayes factor (prior scale chosen by the reader) and the discount
//! sensitivity, under a plain-language summary.
//!
//! Everything shown comes from one [`RobustnessView`] computed in the core
//! (`core::robust::view`) for the selection and its salary points, kept in
//! `AppState::robustness`, so it recomputes on every toggle and permalink; a long Monte
//! Carlo permutation test (synthetic studies) runs there in slices, with a progress bar
//! here. Per-informant tables render at most `ui::scale::TABLE_ROW_LIMIT` rows. The
//! reader's prior scale lives in its own signal and only picks one of the precomputed
//! Bayes rows: changing it never reruns the permutation test. Chart models are memos of
//! their own, so a chart redraws only when its numbers change. Every table goes through
//! one helper, `table::live_table`, which keeps the markup uniform and the wasm small: a
//! table is built once (a part that can be undefined builds it again only when it turns
//! defined), and only a caption, header or cell whose text changed is written. Rows are
//! `core::markup` rows: a body is set as escaped markup when its rows change shape, and
//! otherwise only its changed cells' text is rewritten
//! ([`crate::ui::table_body::LiveBody`]).
//!
//! The section lays out the summary, the tests and the effect sizes itself; each other
//! part is built by a function of its own module, in the page's order: `permutation`,
//! `prepost` (ANCOVA and the log scale, after the effect sizes), `influence`
//! (leave-one-out), `assumptions`, `bayes`, `sensitivity`.
//!
//! Words come from the UI language's table (`state.t()`); the view model is built in that
//! language too, so a language switch recomputes it (and redraws the charts).

mod assumptions;
mod bayes;
mod influence;
mod permutation;
mod prepost;
mod sensitivity;
mod table;

use crate::ui::chrome::banner::{data_banner, DataScope};
use crate::ui::state::{tr, tr_data, use_app_state};
use crate::ui::text::selection_line;
use assumptions::assumptions;
use bayes::bayes_factor;
use influence::leave_one_out;
use leptos::prelude::*;
use permutation::permutation_test;
use prepost::pre_post;
use sensitivity::discount_sensitivity;
use std::collections::HashSet;
use study_core::view::robustness::RobustnessView;
use table::{labelled, live_table, with_names, TEXT};

/// `#robustness`.
#[component]
pub fn RobustnessSection() -> impl IntoView {
    let state = use_app_state();
    // The whole analysis: recomputed when the selection (or its points) change, never
    // when only the prior scale does.
    // Kept in the state (`AppState::robustness`, in the UI language), where a long Monte
    // Carlo run is sliced.
    let model: Memo<RobustnessView> = Memo::new(move |_| state.robustness.get());
    // The informants' pseudonyms, for `lang="en"` spans in sentences.
    let names = Memo::new(move |_| {
        state.points.with(|p| {
            p.as_ref()
                .map(|pts| pts.iter().map(|x| x.informant.clone()).collect::<HashSet<String>>())
                .unwrap_or_default()
        })
    });
    let summary = move || {
        names.with(|n| {
            model.with(|m| {
                m.summary.iter().map(|s| view! { <li>{with_names(s, n)}</li> }).collect_view()
            })
        })
    };
    let tests = live_table("robustness-tests", move || {
        let t = state.t();
        (
            t.b_tests_caption.into(),
            vec![(TEXT, t.b_col_test), (TEXT, t.b_col_result), (TEXT, t.b_col_how)],
            model.with(|m| labelled(&m.tests)),
        )
    });
    let effects = live_table("robustness-effects", move || {
        let t = state.t();
        (
            t.b_effects_caption.into(),
            vec![(TEXT, t.b_col_measure), (TEXT, t.b_col_value), (TEXT, t.b_col_definition)],
            model.with(|m| labelled(&m.effects)),
        )
    });

    view! {
        <section id="robustness" class="section robustness" aria-labelledby="robustness-h">
            <h2 id="robustness-h">{tr(state, |t| t.sec_robustness)}</h2>
            {data_banner(DataScope::Analysed)}
            <p class="selection-line">{selection_line(state)}</p>
            <p class="lede">{tr_data(state, |t| t.b_lede, |t| t.b_lede_own)}</p>
            <p class="comparison" id="robustness-comparison">{move || model.with(|m| m.comparison.clone())}</p>

            <div class="robust-summary" id="robustness-summary">
                <h3>{tr(state, |t| t.b_in_short)}</h3>
                <ul>{summary}</ul>
            </div>

            <h3>{tr(state, |t| t.b_h_tests)}</h3>
            {tests}

            {permutation_test(model)}

            <h3>{tr(state, |t| t.b_h_effects)}</h3>
            <p>{tr(state, |t| t.b_effects_intro)}</p>
            {effects}

            {pre_post(model)}

            {leave_one_out(model, names)}

            {assumptions(model)}

            {bayes_factor(model)}

            {discount_sensitivity(model)}
        </section>
    }
}
