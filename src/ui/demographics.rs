//! `#demographics`: the matched-groups check of Table 2, recomputed for the selected
//! groups, with the coding of the categorical variables and the Grace decision shown.

use crate::core::apa;
use crate::core::dataset::Group;
use crate::core::demographics::balance;
use crate::core::format::fixed;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// `#demographics`.
#[component]
pub fn DemographicsSection(state: AppState) -> impl IntoView {
    let rows = state.study.with_value(|s| balance(s, &[]));
    let moved = state.study.with_value(|s| balance(s, &[("Grace", Group::Service)]));
    let printed: Vec<(String, String)> = state.study.with_value(|s| s.raw.printed_demographic_p.iter().map(|p| (p.variable.clone(), p.p.to_string())).collect());
    let decision = state.study.with_value(|s| s.raw.decisions.iter().find(|d| d.id == "grace-group").cloned());
    let both = move || state.selection.with(|s| s.groups == [true, true]);
    let body = move || {
        let groups = state.selection.get().selected_groups();
        rows.iter()
            .zip(&moved)
            .map(|(r, m)| {
                let cell = |g: Group| {
                    let d = if g == Group::Service { &r.service } else { &r.development };
                    d.as_ref().map(|d| format!("{} ({})", fixed(d.mean, 2), fixed(d.sd, 2))).unwrap_or_else(|e| e.to_string())
                };
                let cells = groups.iter().map(|g| view! { <td class="num">{cell(*g)}</td> }).collect_view();
                let printed_p = printed.iter().find(|(k, _)| k == r.variable.key()).map(|(_, p)| p.clone()).unwrap_or_default();
                let test = if groups.len() == 2 {
                    r.test.as_ref().map(|t| apa::t_test(t)).unwrap_or_else(|e| e.to_string())
                } else {
                    "one group selected: no test".into()
                };
                let alt = m.test.as_ref().map(|t| apa::p_value(t.p)).unwrap_or_else(|e| e.to_string());
                view! {
                    <tr>
                        <th scope="row">{r.variable.label()}<br /><small>{r.variable.coding()}</small></th>
                        {cells}
                        <td class="num">{test}</td>
                        <td class="num">{printed_p}</td>
                        <td class="num">{alt}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let heads = move || state.selection.get().selected_groups().into_iter().map(|g| view! { <th scope="col" class="num">{format!("{} mean (SD)", g.label())}</th> }).collect_view();
    view! {
        <section id="demographics" class="section" aria-labelledby="demographics-h">
            <h2 id="demographics-h">"Demographics"</h2>
            <p class="lede">"Were the two groups matched? The paper compares them with independent-samples t-tests on Table 2 and prints only the p-values. They are recomputed here; categorical variables are coded as shown."</p>
            <Show when=move || !both() fallback=|| ()>
                <p class="note">"Only one group is selected, so no between-group test is shown."</p>
            </Show>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Demographic balance table">
                <table id="demographics-table">
                    <caption>"Table 2 balance: mean (SD) by group and Student's t-test"</caption>
                    <thead><tr><th scope="col">"Variable"</th>{heads}<th scope="col" class="num">"Test"</th><th scope="col" class="num">"Printed p"</th><th scope="col" class="num">"p if Grace were in Service"</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {decision.map(|d| view! {
                <div class="decision">
                    <h3>{d.title}</h3>
                    <p>{d.decision}</p>
                    <p>{d.evidence}</p>
                    {d.contradiction.map(|c| view! { <p class="contradiction"><span aria-hidden="true">"\u{26a0} "</span>"Contradiction in the paper: "{c}</p> })}
                    <p class="source">{d.source}</p>
                </div>
            })}
        </section>
    }
}
