//! `#salaries`: the per-informant salary table for the selection, group descriptives, a
//! slope chart (T1→T2) and a dot plot of the differences with means and 95 % CIs. Tables
//! render at most `ui::scale::TABLE_ROW_LIMIT` informants (a synthetic study has 20,000);
//! the CSV download has every row.

use crate::ui::charts::frame::ChartFrame;
use crate::ui::charts::salaries::{draw_dots, draw_slopes};
use crate::ui::chrome::banner::{data_banner, DataScope};
use crate::ui::export::{download_text, file_stem};
use crate::ui::scale::{rows_note, thinned, CHART_POINT_LIMIT, TABLE_ROW_LIMIT};
use crate::ui::state::{tr, tr_data, use_app_state};
use crate::ui::table_body::LiveBody;
use crate::ui::text::selection_line;
use leptos::prelude::*;
use study_core::stats::discount::DiscountError;
use study_core::stats::selection::{salary_points, Exclusions, SalaryPoint, Selection};
use study_core::stats::ttest::StatsError;
use study_core::text::format::rmb;
use study_core::text::i18n::fill;
use study_core::text::markup::RowCheck;
use study_core::text::markup::TableRow;
use study_core::view::analysis::{
    dots_summary, salary_caption, salary_csv, salary_summaries, shown_series, slopes,
    slopes_summary, SeriesSummary,
};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// `#salaries`.
#[component]
pub fn SalariesSection() -> impl IntoView {
    let state = use_app_state();
    let summaries = Memo::new(move |_| {
        let sel = state.selection.get();
        state.points.with(|p| p.as_ref().map(|p| salary_summaries(&sel, p)).unwrap_or_default())
    });
    let csv = move |_| {
        let sel = state.selection.get_untracked();
        let t = state.lang.get_untracked().strings();
        let terms = state.terms();
        let text = state.points.with_untracked(|p| {
            p.as_ref().map(|p| salary_csv(&sel, &terms, p, t)).unwrap_or_default()
        });
        let name = match state.own_file() {
            Some(file) => format!("salaries-{}.csv", file_stem(&file)),
            None => format!("salaries-{}.csv", sel.measure.key()),
        };
        download_text(&text, "text/csv;charset=utf-8", &name);
    };
    view! {
        <section id="salaries" class="section" aria-labelledby="salaries-h">
            <h2 id="salaries-h">{tr(state, |t| t.sec_salaries)}</h2>
            {data_banner(DataScope::Analysed)}
            <p class="selection-line">{selection_line(state)}</p>
            <p class="lede">{tr_data(state, |t| t.a_sal_lede, |t| t.a_sal_lede_own)}</p>
            {salary_table()}
            {descriptives(summaries)}
            <button type="button" on:click=csv>{tr(state, |t| t.a_sal_csv)}</button>
            {salary_charts(summaries)}
        </section>
    }
}

/// The per-informant table for the selection (at most `TABLE_ROW_LIMIT` rows, with a note
/// when there are more).
fn salary_table() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // The paper's informants can be left out: their rows stay in the table, with a
    // checkbox that puts them back (a synthetic study and a reader's own file have none).
    let checks = Memo::new(move |_| state.scale.is_none() && state.own.with(Option::is_none));
    // The salary table's rows (the informant, the group and the formatted cells); a toggle
    // that keeps their shape (the measure, the discount, an informant left out) rewrites
    // only the cells' text and the checkbox.
    let rows = Memo::new(move |_| {
        let sel = state.selection.get();
        let series = shown_series(&sel);
        let with_checks = checks.get();
        let everyone = with_checks.then(|| {
            let all = Selection { excluded: Exclusions::NONE, ..sel };
            state.study.with_value(|s| salary_points(s, &all))
        });
        let t = state.t();
        let terms = state.terms();
        let check = |name: &str| {
            let place = state.study.with_value(|s| {
                s.raw.informants.iter().position(|i| i.name == name).unwrap_or(usize::MAX)
            });
            RowCheck {
                value: place.to_string(),
                checked: !sel.excluded.contains(place),
                label: fill(t.exclude_include, &[("name", name)]),
            }
        };
        let shown = |points: &Result<Vec<SalaryPoint>, DiscountError>| {
            points
                .as_ref()
                .map(|points| {
                    points
                        .iter()
                        .take(TABLE_ROW_LIMIT)
                        .map(|pt| {
                            let values = series.iter().map(|(_, t)| rmb(pt.amount(*t)));
                            let cells = std::iter::once(("", terms.name(pt.group).to_string()))
                                .chain(values.map(|v| ("num", v)))
                                .collect();
                            let row = TableRow::named(
                                format!("group-{}", pt.group.key()),
                                pt.informant.clone(),
                                String::new(),
                                cells,
                            );
                            if with_checks {
                                row.with_check(check(&pt.informant))
                            } else {
                                row
                            }
                        })
                        .collect::<Vec<_>>()
                })
                .map_err(|e| e.clone())
        };
        match &everyone {
            Some(points) => shown(points),
            None => state.points.with(shown),
        }
    });
    // A ticked or unticked checkbox puts its informant back or leaves them out.
    let on_check = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        let Ok(place) = input.value().parse::<usize>() else { return };
        let out = !input.checked();
        state.selection.update(|s| s.excluded = s.excluded.with(place, out));
    };
    // Only the caption and the head follow the selection; the body lives as long as the
    // data can be computed.
    let computable = Memo::new(move |_| rows.with(|r| r.is_ok()));
    let caption = move || {
        let terms = state.terms();
        state.selection.with(|sel| salary_caption(sel, &terms, t()))
    };
    // The series shown change with the times only, not with the other controls.
    let series = Memo::new(move |_| state.selection.with(shown_series));
    let head = move || {
        series
            .get()
            .iter()
            .map(|(l, _)| view! { <th scope="col" class="num">{*l}</th> })
            .collect_view()
    };
    let body = move || {
        if computable.get() {
            view! { <LiveBody rows=move || rows.with(|r| r.clone().unwrap_or_default()) /> }
                .into_any()
        } else {
            let message = move || {
                rows.with(|r| {
                    r.as_ref().err().map(|e| e.message(state.lang.get())).unwrap_or_default()
                })
            };
            view! { <tbody><tr><td colspan="5" class="field-error">{message}</td></tr></tbody> }
                .into_any()
        }
    };
    // A synthetic study (`scale=`) has thousands of informants: the table stops at
    // TABLE_ROW_LIMIT rows and says so (the CSV download has them all).
    let more =
        move || state.points.with(|p| p.as_ref().ok().and_then(|p| rows_note(state, p.len())));
    let table = move || {
        view! {
            <table class="salary-table" id="salary-table" on:change=on_check>
                <caption>{caption}</caption>
                <thead><tr>{move || checks.get().then(|| view! { <th scope="col" class="row-check">{tr(state, |t| t.exclude_column)}</th> })}<th scope="col">{tr_data(state, |t| t.a_informant, |t| t.a_informant_own)}</th><th scope="col">{tr(state, |t| t.a_group)}</th>{head}</tr></thead>
                {body}
            </table>
            {more}
        }
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=tr_data(state, |t| t.a_sal_table_label, |t| t.a_sal_table_label_own)>{table}</div>
    }
}

/// The group descriptives of every series shown.
fn descriptives(summaries: Memo<Vec<Result<SeriesSummary, StatsError>>>) -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // The table is built once; a toggle rebuilds only its rows (an undefined series is one
    // row whose cell spans the table, which `core::markup` rows cannot express).
    let descriptive_rows = move || {
        let terms = state.terms();
        summaries
            .get()
            .into_iter()
            .map(|s| match s {
                Ok(s) => view! {
                    <tr class=format!("group-{}", s.group.key())>
                        <th scope="row">{terms.name(s.group).to_string()}</th>
                        <td>{s.series}</td>
                        <td class="num">{s.n}</td>
                        <td class="num">{rmb(s.mean)}</td>
                        <td class="num">{rmb(s.sd)}</td>
                        <td class="num">{format!("[{}, {}]", rmb(s.ci95.0), rmb(s.ci95.1))}</td>
                    </tr>
                }
                .into_any(),
                Err(e) => view! { <tr><td colspan="6">{fill(t().a_not_defined, &[("error", &e.message(t()))])}</td></tr> }.into_any(),
            })
            .collect_view()
    };
    let descriptives = view! {
        <table class="descriptives" id="salary-descriptives">
            <caption>{tr(state, |t| t.a_sal_desc_caption)}</caption>
            <thead><tr><th scope="col">{tr(state, |t| t.a_group)}</th><th scope="col">{tr(state, |t| t.a_series)}</th><th scope="col" class="num">"n"</th><th scope="col" class="num">{tr(state, |t| t.a_mean)}</th><th scope="col" class="num">{tr(state, |t| t.a_sd)}</th><th scope="col" class="num">{tr(state, |t| t.a_ci95)}</th></tr></thead>
            <tbody>{descriptive_rows}</tbody>
        </table>
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=tr(state, |t| t.a_sal_desc_label)>{descriptives}</div>
    }
}

/// The slope chart and the dot plot of the differences, with their data tables (both
/// need both timepoints).
fn salary_charts(summaries: Memo<Vec<Result<SeriesSummary, StatsError>>>) -> impl IntoView {
    let state = use_app_state();
    let slope_data = Memo::new(move |_| {
        state.points.with(|p| p.as_ref().map(|p| slopes(p)).unwrap_or_default())
    });
    let slope_summary = Signal::derive(move || {
        slopes_summary(&state.selection.get(), &state.terms(), &summaries.get(), state.t())
    });
    let diff_summaries = Memo::new(move |_| {
        summaries
            .get()
            .into_iter()
            .flatten()
            .filter(|s| s.series == "T2\u{2212}T1")
            .collect::<Vec<SeriesSummary>>()
    });
    let dot_summary =
        Signal::derive(move || dots_summary(&state.terms(), &summaries.get(), state.t()));
    let both_times = move || state.selection.with(|s| s.times == [true, true]);
    // The charts' data tables change with every toggle: core::markup rows (see LiveBody).
    let slope_table = move || {
        let terms = state.terms();
        slope_data.with(|d| {
            d.iter()
                .take(TABLE_ROW_LIMIT)
                .map(|s| {
                    TableRow::named(
                        "",
                        s.informant.clone(),
                        String::new(),
                        vec![
                            ("", terms.name(s.group).into()),
                            ("num", rmb(s.money[0])),
                            ("num", rmb(s.money[1])),
                        ],
                    )
                })
                .collect()
        })
    };
    let dot_table = move || {
        let terms = state.terms();
        diff_summaries.with(|d| {
            d.iter()
                .map(|s| {
                    TableRow::new(
                        "",
                        terms.name(s.group),
                        vec![
                            ("num", s.n.to_string()),
                            ("num", rmb(s.mean)),
                            ("num", rmb(s.ci95.0)),
                            ("num", rmb(s.ci95.1)),
                        ],
                    )
                })
                .collect()
        })
    };
    view! {
        <Show when=both_times fallback=move || view! { <p class="note">{tr_data(state, |t| t.a_sal_both_times, |t| t.a_sal_both_times_own)}</p> }>
            <div class="chart-row">
                <ChartFrame
                    id="chart-slopes"
                    title=tr_data(state, |t| t.a_chart_slopes, |t| t.a_chart_slopes_own)
                    summary=slope_summary
                    draw=move |c, p, s| draw_slopes(c, &slope_data.with(|d| thinned(d, CHART_POINT_LIMIT, |_| false)), &state.terms(), p, s)
                >
                    <table><thead><tr><th scope="col">{tr_data(state, |t| t.a_informant, |t| t.a_informant_own)}</th><th scope="col">{tr(state, |t| t.a_group)}</th><th scope="col" class="num">"T1"</th><th scope="col" class="num">"T2"</th></tr></thead><LiveBody rows=slope_table /></table>
                </ChartFrame>
                <ChartFrame
                    id="chart-differences"
                    title=tr_data(state, |t| t.a_chart_dots, |t| t.a_chart_dots_own)
                    summary=dot_summary
                    draw=move |c, p, s| draw_dots(c, &slope_data.with(|d| thinned(d, CHART_POINT_LIMIT, |_| false)), &diff_summaries.get(), &state.terms(), p, s)
                >
                    <table><thead><tr><th scope="col">{tr(state, |t| t.a_group)}</th><th scope="col" class="num">"n"</th><th scope="col" class="num">{tr(state, |t| t.a_mean_change)}</th><th scope="col" class="num">{tr(state, |t| t.a_ci_low)}</th><th scope="col" class="num">{tr(state, |t| t.a_ci_high)}</th></tr></thead><LiveBody rows=dot_table /></table>
                </ChartFrame>
            </div>
        </Show>
    }
}
