//! `#test`: the test the selection implies, in APA form with a plain-language sentence,
//! its details, and the t distribution with the observed t and the p area shaded.

use crate::ui::charts::frame::ChartFrame;
use crate::ui::charts::test::draw_tdist;
use crate::ui::chrome::banner::{data_banner, DataScope};
use crate::ui::export::{download_text, file_stem};
use crate::ui::state::{tr, use_app_state};
use crate::ui::table_body::LiveBody;
use crate::ui::text::selection_line;
use leptos::prelude::*;
use study_core::text::markup::TableRow;
use study_core::view::analysis::{test_csv, test_view, TDistChart};

/// `#test`.
#[component]
pub fn TestSection() -> impl IntoView {
    let state = use_app_state();
    let view_model = Memo::new(move |_| {
        let sel = state.selection.get();
        let lang = state.lang.get();
        let terms = state.terms();
        state.points.with(|p| {
            let points = p.as_deref().unwrap_or_default();
            state.analysis.with(|a| test_view(&sel, &terms, a, points, lang))
        })
    });
    let tdist = Memo::new(move |_| {
        state.analysis.with(|a| a.as_ref().ok().and_then(|a| a.primary()).and_then(TDistChart::new))
    });
    // Both tables change with every toggle: core::markup rows (see LiveBody).
    let details = move || {
        view_model.with(|m| {
            m.details
                .iter()
                .map(|(k, v)| TableRow::new("", k.clone(), vec![("num", v.clone())]))
                .collect()
        })
    };
    let csv = move |_| {
        let sel = state.selection.get_untracked();
        let t = state.lang.get_untracked().strings();
        download_text(
            &test_csv(&sel, &state.terms(), &view_model.get_untracked(), t),
            "text/csv;charset=utf-8",
            &match state.own_file() {
                Some(file) => format!("test-results-{}.csv", file_stem(&file)),
                None => "test-results.csv".to_string(),
            },
        );
    };
    let summary =
        Signal::derive(move || tdist.get().map(|d| d.summary(state.t())).unwrap_or_default());
    let tdist_rows = move || {
        tdist.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.table(state.t())
                        .into_iter()
                        .map(|[k, v]| TableRow::new("", k, vec![("num", v)]))
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section id="test" class="section" aria-labelledby="test-h">
            <h2 id="test-h">{tr(state, |t| t.sec_test)}</h2>
            {data_banner(DataScope::Analysed)}
            <p class="selection-line">{selection_line(state)}</p>
            <div class="apa-result" aria-live="polite" aria-atomic="true">
                <p class="apa" id="apa-primary">{move || view_model.get().apa}</p>
                {move || view_model.get().apa_welch.map(|w| view! { <p class="apa apa-welch" id="apa-welch">{w}</p> })}
            </div>
            <p class="explanation" id="test-explanation">{move || view_model.get().explanation}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=tr(state, |t| t.a_test_details_label)>
                <table class="details" id="test-details">
                    <caption>{tr(state, |t| t.a_test_details)}</caption>
                    <LiveBody rows=details />
                </table>
            </div>
            <button type="button" on:click=csv>{tr(state, |t| t.a_test_csv)}</button>
            <Show when=move || tdist.get().is_some() fallback=|| ()>
                <ChartFrame
                    id="chart-tdist"
                    title=tr(state, |t| t.a_chart_tdist)
                    summary=summary
                    height=260
                    draw=move |c, p, s| match tdist.get() {
                        Some(t) => draw_tdist(c, &t, p, s),
                        None => Ok(()),
                    }
                >
                    <table><LiveBody rows=tdist_rows /></table>
                </ChartFrame>
            </Show>
        </section>
    }
}
