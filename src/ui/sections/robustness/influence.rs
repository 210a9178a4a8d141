//! Leave-one-out influence: the test rerun without each informant, the reading, the
//! lowest and highest t, the table (marks for the most influential informant and the
//! extremes) and the chart.

use super::table::{live_table, undefined, with_names, NUM, TEXT};
use crate::ui::charts::frame::ChartFrame;
use crate::ui::charts::robustness::draw_influence;
use crate::ui::scale::{rows_note, thinned, TABLE_ROW_LIMIT};
use crate::ui::state::{tr_data, use_app_state};
use crate::ui::table_body::LiveBody;
use leptos::prelude::*;
use std::collections::HashSet;
use study_core::text::format::fixed;
use study_core::text::i18n::{fill, Strings};
use study_core::text::markup::TableRow as TRow;
use study_core::text::pieces::name_separator;
use study_core::view::robustness::{InfluenceView, RobustnessView};

/// The influence table's rows (at most `TABLE_ROW_LIMIT`): each informant left out, with
/// the marks of the most influential and of the lowest and highest t.
fn influence_rows(inf: &InfluenceView, t: &Strings, sep: &str) -> Vec<TRow> {
    inf.rows
        .iter()
        .take(TABLE_ROW_LIMIT)
        .map(|r| {
            let mut marks = Vec::new();
            if r.most_influential {
                marks.push(t.b_mark_most);
            }
            if r.is_min {
                marks.push(t.b_mark_lowest);
            }
            if r.is_max {
                marks.push(t.b_mark_highest);
            }
            let head = if marks.is_empty() {
                r.informant.clone()
            } else {
                fill(t.b_marked, &[("name", &r.informant), ("marks", &marks.join(sep))])
            };
            let rest = head.strip_prefix(r.informant.as_str()).unwrap_or(&head).to_string();
            let class = format!(
                "group-{}{}",
                r.group.key(),
                if r.most_influential { " most-influential" } else { "" }
            );
            TRow::named(
                class,
                r.informant.clone(),
                rest,
                vec![
                    (TEXT, inf.terms.name(r.group).to_string()),
                    (NUM, r.t_text.clone()),
                    (NUM, r.p_text.clone()),
                    (NUM, r.change.clone()),
                ],
            )
        })
        .collect()
}

/// The influence part of the section; `names` are the informants' pseudonyms.
pub(super) fn leave_one_out(
    model: Memo<RobustnessView>,
    names: Memo<HashSet<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let influence = Memo::new(move |_| model.with(|m| m.influence.as_ref().ok().cloned()));
    // The part is built again only when it turns defined or undefined; its sentences and
    // table follow the model.
    let influence_defined = Memo::new(move |_| model.with(|m| m.influence.is_ok()));
    let influence_table = move || {
        if !influence_defined.get() {
            return undefined(
                "influence-undefined",
                model.with(|m| m.influence.as_ref().err().cloned().unwrap_or_default()),
            );
        }
        // Each informant's pseudonym in a `lang="en"` span.
        let named = move |text: &str| names.with(|n| with_names(text, n));
        view! {
            <p id="influence-reading">{move || named(&influence.with(|i| i.as_ref().map(|i| i.reading.clone()).unwrap_or_default()))}</p>
            <p class="minmax" id="influence-minmax">
                {move || named(&influence.with(|i| i.as_ref().map(|i| fill(state.t().b_minmax, &[("min", &i.min_text), ("max", &i.max_text)])).unwrap_or_default()))}
            </p>
            {live_table("influence-table", move || {
                let t = state.t();
                let sep = name_separator(state.lang.get());
                influence.with(|i| {
                    let (caption, rows) = i.as_ref().map(|inf| (fill(inf.terms.pick(t.b_influence_caption, t.b_influence_caption_own), &[("test", &inf.test), ("t", &fixed(inf.full_t, 2))]), influence_rows(inf, t, sep))).unwrap_or_default();
                    let left_out = i.as_ref().map_or(t.b_col_left_out, |inf| inf.terms.pick(t.b_col_left_out, t.b_col_left_out_own));
                    (caption, vec![(TEXT, left_out), (TEXT, t.b_col_group), (NUM, "t"), (NUM, t.b_col_p_two), (NUM, t.b_col_change_t)], rows)
                })
            })}
            {move || influence.with(|i| i.as_ref().and_then(|i| rows_note(state, i.rows.len())))}
        }
        .into_any()
    };

    let inf_summary = Signal::derive(move || {
        influence.with(|i| i.as_ref().map(|i| i.summary()).unwrap_or_default())
    });
    let inf_rows = move || {
        influence.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.table(TABLE_ROW_LIMIT)
                        .into_iter()
                        .map(|[a, b, c]| {
                            TRow::named("", a, String::new(), vec![(TEXT, b), (NUM, c)])
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <h3>{tr_data(state, |t| t.b_h_influence, |t| t.b_h_influence_own)}</h3>
        <p>{tr_data(state, |t| t.b_influence_intro, |t| t.b_influence_intro_own)}</p>
        <div id="influence">{influence_table}</div>
        <Show when=move || influence.with(|i| i.is_some()) fallback=|| ()>
            {move || {
                let t = t();
                view! {
                    <ChartFrame
                        id="chart-influence"
                        title=tr_data(state, |t| t.b_chart_influence, |t| t.b_chart_influence_own)
                        summary=inf_summary
                        height=440
                        draw=move |c, p, s| match influence.get() {
                            // One labelled row per informant: a sample of 200 at most, the marked ones kept.
                            Some(i) => draw_influence(c, &InfluenceView { rows: thinned(&i.rows, TABLE_ROW_LIMIT, |r| r.most_influential || r.is_min || r.is_max), ..i }, p, s),
                            None => Ok(()),
                        }
                    >
                        <table>
                            <thead><tr><th scope="col">{tr_data(state, |t| t.b_col_left_out, |t| t.b_col_left_out_own)}</th><th scope="col">{t.b_col_group}</th><th scope="col" class="num">"t"</th></tr></thead>
                            <LiveBody rows=inf_rows />
                        </table>
                    </ChartFrame>
                }
            }}
        </Show>
    }
}
