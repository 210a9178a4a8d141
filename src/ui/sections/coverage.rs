//! `#coverage`: the paper's coverage percentages by theme × group × time (stage 2).
//! Cells the text does not report are drawn outlined and labelled "not reported", never
//! as zero; changes and the difference-in-differences appear only where every cell
//! involved is reported. Every number shows its source.

use crate::ui::charts::coverage::draw_coverage;
use crate::ui::charts::frame::ChartFrame;
use crate::ui::chrome::banner::{data_banner, DataScope};
use crate::ui::state::{tr, use_app_state};
use leptos::prelude::*;
use study_core::text::format::percent;
use study_core::text::i18n::{fill, Strings};
use study_core::view::analysis::{coverage_bars, coverage_changes, coverage_summary};

fn opt_pct(v: Option<f64>, t: &Strings) -> String {
    v.map(percent).unwrap_or_else(|| t.c_not_reported.into())
}

/// A change in percentage points ("+9.24 points"), or "not reported".
fn points(v: Option<f64>, t: &Strings) -> String {
    v.map(|v| fill(t.c_points, &[("value", &format!("{:+.2}", v))]))
        .unwrap_or_else(|| t.c_not_reported.into())
}

/// `#coverage`.
#[component]
pub fn CoverageSection() -> impl IntoView {
    let state = use_app_state();
    let bars = Memo::new(move |_| {
        let sel = state.selection.get();
        state.study.with_value(|s| coverage_bars(s, &sel))
    });
    let summary = Signal::derive(move || coverage_summary(&bars.get(), state.t()));
    let note = state.study.with_value(|s| s.raw.coverage.note.clone());
    let definition = state.study.with_value(|s| s.raw.coverage.definition.clone());
    let changes = state.study.with_value(|s| coverage_changes(s));
    let table = move || {
        let t = state.t();
        bars.get()
            .into_iter()
            .map(|b| {
                let class = if b.value.is_some() { "reported" } else { "not-reported" };
                view! {
                    <tr class=class data-theme=b.theme.clone()>
                        <th scope="row" lang="en">{b.theme_name}</th>
                        <td>{b.group.label()}</td>
                        <td>{b.time.label()}</td>
                        <td class="num">{opt_pct(b.value, t)}</td>
                        <td class="source" lang="en">{b.source}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let change_rows = move || {
        let t = state.t();
        changes
            .iter()
            .map(|c| {
                view! {
                    <tr data-theme=c.theme.clone()>
                        <th scope="row" lang="en">{c.theme_name.clone()}</th>
                        <td class="num">{points(c.change[0], t)}</td>
                        <td class="num">{points(c.change[1], t)}</td>
                        <td class="num">{points(c.did, t)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let selection_line = move || {
        let t = state.t();
        let and = format!(" {} ", t.c_and);
        let sel = state.selection.get();
        let groups = sel.selected_groups().iter().map(|g| g.label()).collect::<Vec<_>>().join(&and);
        let times = sel.selected_times().iter().map(|t| t.label()).collect::<Vec<_>>().join(&and);
        fill(t.c_selection_line, &[("groups", &groups), ("times", &times)])
    };
    // The chart is built again when the language changes (its title is a plain string).
    let chart = move || {
        let t = state.t();
        view! {
            <ChartFrame id="chart-coverage" title=t.c_cov_chart_title summary=summary draw=move |c, p, s| draw_coverage(c, &bars.get(), p, s)>
                <table id="coverage-table">
                    <thead><tr><th scope="col">{t.c_col_theme}</th><th scope="col">{t.c_col_group}</th><th scope="col">{t.c_col_time}</th><th scope="col" class="num">{t.c_col_coverage}</th><th scope="col">{t.c_col_source}</th></tr></thead>
                    <tbody>{table}</tbody>
                </table>
            </ChartFrame>
        }
    };
    view! {
        <section id="coverage" class="section" aria-labelledby="coverage-h">
            <h2 id="coverage-h">{tr(state, |t| t.sec_coverage)}</h2>
            {data_banner(DataScope::Paper)}
            <p class="selection-line">{selection_line}</p>
            <p class="lede" lang="en">{definition}" "{note}</p>
            {chart}
            <div class="table-wrap" tabindex="0" role="region" aria-label=tr(state, |t| t.c_changes_region)>
                <table id="coverage-changes">
                    <caption>{tr(state, |t| t.c_changes_caption)}</caption>
                    <thead><tr><th scope="col">{tr(state, |t| t.c_col_theme)}</th><th scope="col" class="num">"Service"</th><th scope="col" class="num">"Development"</th><th scope="col" class="num">{tr(state, |t| t.c_col_did)}</th></tr></thead>
                    <tbody>{change_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
