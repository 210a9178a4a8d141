//! `#demographics`: the matched-groups check of Table 2, recomputed for the selected
//! groups, with the coding of the categorical variables and the Grace decision shown (for
//! a study that has a Grace: a synthetic one gets a note instead).
//! The decision's text comes from the study file and stays in English (`lang="en"`).

use crate::ui::chrome::banner::{data_banner, DataScope};
use crate::ui::state::{tr, use_app_state};
use crate::ui::text::{en, fill_view, plain};
use leptos::prelude::*;
use study_core::stats::demographics::{balance_moved, balance_without};
use study_core::study::Group;
use study_core::text::format::fixed;
use study_core::text::i18n::fill;
use study_core::view::apa;

/// `#demographics`.
#[component]
pub fn DemographicsSection() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // The table follows the informants left out and the groups; the other controls leave
    // it as it is.
    let excluded = Memo::new(move |_| state.selection.with(|s| s.excluded));
    let rows = Memo::new(move |_| {
        let excluded = excluded.get();
        state.study.with_value(|s| balance_without(s, &[], excluded))
    });
    // The paper's Grace decision, as a column with Grace moved to Service; a study without
    // a Grace (a synthetic one) gets a note instead of the column and the decision.
    let moved = Memo::new(move |_| {
        let excluded = excluded.get();
        state.study.with_value(|s| balance_moved(s, "Grace", Group::Service, excluded))
    });
    let has_moved = moved.with_untracked(|m| m.is_some());
    let printed: Vec<(String, String)> = state.study.with_value(|s| {
        s.raw.printed_demographic_p.iter().map(|p| (p.variable.clone(), p.p.to_string())).collect()
    });
    let decision =
        state.study.with_value(|s| s.raw.decisions.iter().find(|d| d.id == "grace-group").cloned());
    let groups = Memo::new(move |_| state.selection.with(|s| s.selected_groups()));
    let both = move || groups.with(|g| g.len() == 2);
    let body = move || {
        let groups = groups.get();
        let t = state.t();
        let (rows, moved) = (rows.get(), moved.get());
        rows.iter()
            .enumerate()
            .map(|(i, r)| {
                let cell = |g: Group| {
                    let d = if g == Group::Service { &r.service } else { &r.development };
                    d.as_ref().map(|d| format!("{} ({})", fixed(d.mean, 2), fixed(d.sd, 2))).unwrap_or_else(|e| e.message(t))
                };
                let cells = groups.iter().map(|g| view! { <td class="num">{cell(*g)}</td> }).collect_view();
                let printed_p = printed.iter().find(|(k, _)| k == r.variable.key()).map(|(_, p)| p.clone()).unwrap_or_default();
                let test = if groups.len() == 2 {
                    r.test.as_ref().map(apa::t_test).unwrap_or_else(|e| e.message(t))
                } else {
                    t.a_demo_one_group_cell.into()
                };
                let alt = moved.as_ref().and_then(|m| m.get(i)).map(|m| m.test.as_ref().map(|x| apa::p_value(x.p)).unwrap_or_else(|e| e.message(t)));
                view! {
                    <tr>
                        <th scope="row">{r.variable.label_in(t)}<br /><small>{r.variable.coding_in(t)}</small></th>
                        {cells}
                        <td class="num">{test}</td>
                        <td class="num">{printed_p}</td>
                        {alt.map(|alt| view! { <td class="num">{alt}</td> })}
                    </tr>
                }
            })
            .collect_view()
    };
    let heads = move || {
        let t = state.t();
        groups.get().into_iter().map(|g| view! { <th scope="col" class="num">{fill(t.a_demo_group_head, &[("group", g.label())])}</th> }).collect_view()
    };
    let grace_head = move || {
        fill_view(t().a_demo_moved_p, |k| match k {
            "name" => Some(en("Grace")),
            "group" => Some(plain(Group::Service.label())),
            _ => None,
        })
    };
    view! {
        <section id="demographics" class="section" aria-labelledby="demographics-h">
            <h2 id="demographics-h">{tr(state, |t| t.sec_demographics)}</h2>
            <p class="lede">{tr(state, |t| t.a_demo_lede)}</p>
            {data_banner(DataScope::PaperInformants)}
            <Show when=move || !both() fallback=|| ()>
                <p class="note">{tr(state, |t| t.a_demo_one_group)}</p>
            </Show>
            <div class="table-wrap" tabindex="0" role="region" aria-label=tr(state, |t| t.a_demo_table_label)>
                <table id="demographics-table">
                    <caption>{tr(state, |t| t.a_demo_caption)}</caption>
                    <thead><tr><th scope="col">{tr(state, |t| t.a_demo_variable)}</th>{heads}<th scope="col" class="num">{tr(state, |t| t.a_demo_test)}</th><th scope="col" class="num">{tr(state, |t| t.a_demo_printed_p)}</th>{has_moved.then(|| view! { <th scope="col" class="num">{grace_head}</th> })}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {(!has_moved).then(|| view! {
                <p class="note" id="demographics-no-grace">
                    {move || fill_view(t().a_demo_no_moved, |k| (k == "name").then(|| en("Grace")))}
                </p>
            })}
            {decision.filter(|_| has_moved).map(|d| view! {
                <div class="decision">
                    <h3 lang="en">{d.title}</h3>
                    <p lang="en">{d.decision}</p>
                    <p lang="en">{d.evidence}</p>
                    {d.contradiction.map(|c| view! { <p class="contradiction"><span aria-hidden="true">"\u{26a0} "</span>{tr(state, |t| t.a_demo_contradiction)}" "<span lang="en">{c}</span></p> })}
                    <p class="source" lang="en">{d.source}</p>
                </div>
            })}
        </section>
    }
}
