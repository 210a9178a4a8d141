//! The first screen's finding, under the paper's title: one sentence with live numbers
//! (`view::finding::finding_sentence`), a small inline-SVG chart of the mean per group with
//! its 95 % CI and a data table of its numbers (`view::finding::finding_chart`), and one
//! line of what the reader can do on the page, with in-page links.
//!
//! The sentence and the chart follow the selection through the same memos as `#test`
//! (`AppState::analysis`, `AppState::points`) and the robustness view's agreement. The
//! chart is SVG, not canvas, so it is in the markup from the start; its size is fixed by
//! its `viewBox` and the stylesheet, so it never shifts the page.

use crate::ui::state::{tr, use_app_state};
use crate::ui::text::{fill_view, pieces_view};
use leptos::prelude::*;
use study_core::text::i18n::Strings;
use study_core::view::finding::{finding_chart, finding_sentence, FindingChart};

/// The chart's drawing box (SVG user units): two rows of bars and an axis.
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 104.0;
/// Where the plot starts (after the group names) and ends.
const PLOT_X: (f64, f64) = (92.0, 290.0);
/// The rows' centres and the axis labels' baseline.
const ROW_Y: [f64; 2] = [18.0, 50.0];
const AXIS_Y: f64 = 72.0;
/// Longest group name drawn whole (a reader's own names may be long; the table has them).
const NAME_CHARS: usize = 13;

/// The finding: sentence, chart and what the reader can do.
#[component]
pub fn Finding() -> impl IntoView {
    let state = use_app_state();
    let sentence = Memo::new(move |_| {
        let sel = state.selection.get();
        let lang = state.lang.get();
        let terms = state.terms();
        state.robustness.with(|r| {
            state.analysis.with(|a| {
                state
                    .points
                    .with(|p| finding_sentence(&sel, &terms, a, p, r.agreement.as_ref(), lang))
            })
        })
    });
    let chart = Memo::new(move |_| {
        let sel = state.selection.get();
        let lang = state.lang.get();
        let terms = state.terms();
        state.points.with(|p| finding_chart(&sel, &terms, p, lang))
    });
    let link = move |href: &'static str, text: fn(&'static Strings) -> &'static str| {
        view! { <a href=href>{tr(state, text)}</a> }.into_any()
    };
    let todo = move || {
        fill_view(state.t().fd_do, |k| match k {
            "exclude" => Some(link("#salaries", |t| t.fd_do_exclude)),
            "check" => Some(link("#reproducibility", |t| t.fd_do_check)),
            "own" => Some(link("#your-data", |t| t.fd_do_own)),
            "workshop" => Some(link("#workshop", |t| t.fd_do_workshop)),
            _ => None,
        })
    };
    let title = move || chart.with(|c| c.as_ref().map(|c| c.title.clone()).unwrap_or_default());
    let summary = move || chart.with(|c| c.as_ref().map(FindingChart::summary).unwrap_or_default());
    let head = move || {
        chart.with(|c| c.as_ref().map(|c| c.head().map(|h| view! { <th scope="col">{h}</th> })))
    };
    view! {
        <div class="finding" id="finding" role="region" aria-label=tr(state, |t| t.fd_label)>
            <p class="finding-sentence" id="finding-sentence">{move || pieces_view(sentence.get())}</p>
            <figure class="finding-figure" hidden=move || chart.with(Option::is_none)>
                <figcaption class="finding-title">{title}</figcaption>
                <svg
                    class="finding-chart"
                    id="finding-chart"
                    viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                    role="img"
                    aria-label=summary
                >
                    {move || chart.get().map(marks)}
                </svg>
                <details class="finding-data">
                    <summary>{tr(state, |t| t.fd_chart_table)}</summary>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=tr(state, |t| t.fd_chart_table)>
                        <table id="finding-table">
                            <caption>{title}</caption>
                            <thead><tr>{head}</tr></thead>
                            <tbody>{move || chart.get().map(rows)}</tbody>
                        </table>
                    </div>
                </details>
            </figure>
            <p class="finding-do" id="finding-do">{todo}</p>
        </div>
    }
}

/// `x` in SVG user units, to one decimal.
fn n(x: f64) -> String {
    format!("{x:.1}")
}

/// The chart's marks: grid and tick labels, the zero line, a bar and a CI per group.
fn marks(c: FindingChart) -> impl IntoView {
    let x = |v: f64| PLOT_X.0 + c.position(v) * (PLOT_X.1 - PLOT_X.0);
    let zero = x(0.0);
    let ticks = c
        .ticks
        .iter()
        .map(|(v, label)| {
            let at = n(x(*v));
            view! {
                <line class="finding-grid" x1=at.clone() x2=at.clone() y1="4" y2=n(AXIS_Y - 8.0) />
                <text class="finding-tick" x=at y=n(AXIS_Y + 4.0) text-anchor="middle">{label.clone()}</text>
            }
        })
        .collect_view();
    let bars = c
        .bars
        .iter()
        .zip(ROW_Y)
        .map(|(b, y)| {
            let (m, lo, hi) = (x(b.mean.value()), x(b.ci95.0), x(b.ci95.1));
            let name: String = if b.name.chars().count() > NAME_CHARS {
                b.name.chars().take(NAME_CHARS - 1).chain(['\u{2026}']).collect()
            } else {
                b.name.clone()
            };
            view! {
                <g class=format!("finding-bar group-{}", b.group.key())>
                    <text class="finding-name" x=n(PLOT_X.0 - 6.0) y=n(y + 4.0) text-anchor="end">{name}</text>
                    <rect x=n(m.min(zero)) y=n(y - 7.0) width=n((m - zero).abs().max(1.0)) height="14" />
                    <line class="finding-ci" x1=n(lo) x2=n(hi) y1=n(y) y2=n(y) />
                    <line class="finding-ci" x1=n(lo) x2=n(lo) y1=n(y - 5.0) y2=n(y + 5.0) />
                    <line class="finding-ci" x1=n(hi) x2=n(hi) y1=n(y - 5.0) y2=n(y + 5.0) />
                </g>
            }
        })
        .collect_view();
    view! {
        <g aria-hidden="true">
            {ticks}
            <line class="finding-zero" x1=n(zero) x2=n(zero) y1="2" y2=n(AXIS_Y - 6.0) />
            {bars}
        </g>
    }
}

/// The data table's rows: each group's mean and CI as the text writes them.
fn rows(c: FindingChart) -> impl IntoView {
    c.bars
        .iter()
        .map(|b| {
            let [name, mean, lo, hi] = c.row(b);
            view! {
                <tr class=format!("group-{}", b.group.key())>
                    <th scope="row">{name}</th>
                    <td class="num">{mean}</td>
                    <td class="num">{lo}</td>
                    <td class="num">{hi}</td>
                </tr>
            }
        })
        .collect_view()
}
