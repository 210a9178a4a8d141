//! `#coverage`: the paper's coverage percentages by theme × group × time (stage 2).
//! Cells the text does not report are drawn outlined and labelled "not reported", never
//! as zero; changes and the difference-in-differences appear only where every cell
//! involved is reported. Every number shows its source.

use crate::core::format::percent;
use crate::core::view::{coverage_bars, coverage_changes, coverage_summary};
use crate::ui::charts::{draw_coverage, ChartFrame};
use crate::ui::state::AppState;
use leptos::prelude::*;

fn opt_pct(v: Option<f64>) -> String {
    v.map(percent).unwrap_or_else(|| "not reported".into())
}

/// `#coverage`.
#[component]
pub fn CoverageSection(state: AppState) -> impl IntoView {
    let bars = Memo::new(move |_| {
        let sel = state.selection.get();
        state.study.with_value(|s| coverage_bars(s, &sel))
    });
    let summary = Signal::derive(move || coverage_summary(&bars.get(), state.t()));
    let note = state.study.with_value(|s| s.raw.coverage.note.clone());
    let definition = state.study.with_value(|s| s.raw.coverage.definition.clone());
    let changes = state.study.with_value(|s| coverage_changes(s));
    let table = move || {
        bars.get()
            .into_iter()
            .map(|b| {
                let class = if b.value.is_some() { "reported" } else { "not-reported" };
                view! {
                    <tr class=class data-theme=b.theme.clone()>
                        <th scope="row">{b.theme_name}</th>
                        <td>{b.group.label()}</td>
                        <td>{b.time.label()}</td>
                        <td class="num">{opt_pct(b.value)}</td>
                        <td class="source">{b.source}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let change_rows = changes
        .into_iter()
        .map(|c| {
            view! {
                <tr data-theme=c.theme.clone()>
                    <th scope="row">{c.theme_name}</th>
                    <td class="num">{c.change[0].map(|v| format!("{:+.2} points", v)).unwrap_or_else(|| "not reported".into())}</td>
                    <td class="num">{c.change[1].map(|v| format!("{:+.2} points", v)).unwrap_or_else(|| "not reported".into())}</td>
                    <td class="num">{c.did.map(|v| format!("{:+.2} points", v)).unwrap_or_else(|| "not reported".into())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section id="coverage" class="section" aria-labelledby="coverage-h">
            <h2 id="coverage-h">"Coverage"</h2>
            <p class="selection-line">{move || format!("For {} \u{00d7} {}.", state.selection.get().selected_groups().iter().map(|g| g.label()).collect::<Vec<_>>().join(" and "), state.selection.get().selected_times().iter().map(|t| t.label()).collect::<Vec<_>>().join(" and "))}</p>
            <p class="lede">{definition}" "{note}</p>
            <ChartFrame id="chart-coverage" title="Coverage of the five second-order themes by group and time" summary=summary draw=move |c, p, s| draw_coverage(c, &bars.get(), p, s)>
                <table id="coverage-table">
                    <thead><tr><th scope="col">"Theme"</th><th scope="col">"Group"</th><th scope="col">"Time"</th><th scope="col" class="num">"Coverage"</th><th scope="col">"Source"</th></tr></thead>
                    <tbody>{table}</tbody>
                </table>
            </ChartFrame>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Coverage changes table">
                <table id="coverage-changes">
                    <caption>"Change T2 \u{2212} T1 and difference-in-differences (Service change \u{2212} Development change), in percentage points, where every cell involved is reported"</caption>
                    <thead><tr><th scope="col">"Theme"</th><th scope="col" class="num">"Service"</th><th scope="col" class="num">"Development"</th><th scope="col" class="num">"Difference-in-differences"</th></tr></thead>
                    <tbody>{change_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
