//! Agreement between coders: how Cohen's kappa is computed here, the paper's printed
//! kappa, and one table per pair of coders (per code and overall, pooled and
//! source-weighted, with the counts behind each kappa).

use super::fill_spans;
use super::gap;
use super::state::{tr, use_workshop_state};
use super::tables::code_head;
use leptos::prelude::*;
use std::sync::Arc;
use study_core::coverage::Project;
use study_core::text::i18n::{fill, Strings};
use study_core::view::coverage::{agreement_view, PairView};

/// The method, the paper's kappa and the tables of every pair of coders (or why there is
/// no pair).
pub(super) fn agreement(
    project: Arc<Project>,
    kappa_printed: StoredValue<(String, String)>,
    content_lang: &'static str,
) -> impl IntoView {
    let state = use_workshop_state();
    let t = move || state.t();
    let n_coders = project.users().len();
    let (kappa_value, kappa_source) = kappa_printed.get_value();
    let kappa_body = move || {
        let t = state.t();
        let pairs = agreement_view(&project, t);
        if pairs.is_empty() {
            let template = if n_coders == 1 { t.c_kappa_none_one } else { t.c_kappa_none_many };
            view! { <p id="workshop-kappa-none" class="note">{fill(template, &[("n", &n_coders.to_string())])}</p> }.into_any()
        } else {
            pairs
                .into_iter()
                .enumerate()
                .map(|(i, pair)| kappa_table(i, pair, t, content_lang))
                .collect_view()
                .into_any()
        }
    };
    view! {
        <h3>{tr(state, |t| t.c_agreement_h)}</h3>
        <div class="kappa-method" id="workshop-kappa-method">
            <p>{tr(state, |t| t.c_kappa_method_1)}</p>
            <p>{tr(state, |t| t.c_kappa_method_2)}</p>
            <p id="workshop-kappa-paper">
                {tr(state, |t| t.c_kappa_paper_a)}" \u{3ba} = "<strong class="printed-kappa">{kappa_value}</strong>
                {move || if gap(t()).is_empty() { "（" } else { " (" }}<span lang="en">{kappa_source}</span>{move || if gap(t()).is_empty() { "）。" } else { "). " }}
                {tr(state, |t| t.c_kappa_paper_b)}
            </p>
        </div>
        <div id="workshop-kappa">{kappa_body}</div>
    }
}

/// One pair of coders' kappa table.
fn kappa_table(
    index: usize,
    pair: PairView,
    t: &'static Strings,
    content_lang: &'static str,
) -> impl IntoView {
    let rows = pair
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr data-code=r.code.clone() class:aggregate=r.aggregate>
                    {code_head(&r.name, r.depth, r.aggregate, t, content_lang)}
                    <td class="num kappa" data-value=r.kappa.map(|k| format!("{k:.6}")).unwrap_or_default()>{r.kappa_text.clone()}</td>
                    <td class="num kappa-weighted" data-value=r.weighted.map(|k| format!("{k:.6}")).unwrap_or_default()>{r.weighted_text.clone()}</td>
                    <td class="num">{r.table.both}</td>
                    <td class="num">{r.table.only_a}</td>
                    <td class="num">{r.table.only_b}</td>
                    <td class="num">{r.table.neither}</td>
                </tr>
            }
        })
        .collect_view();
    let ot = pair.overall_table;
    let (a, b) = (pair.coder_a.as_str(), pair.coder_b.as_str());
    let caption = if pair.n_sources == 1 { t.c_kappa_caption_one } else { t.c_kappa_caption_many };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=fill(t.c_agreement_region, &[("a", a), ("b", b)])>
            <table class="kappa-table workshop-table" id=format!("workshop-kappa-{}", index + 1)>
                <caption>{fill_spans(caption, &[("a", a.to_string(), Some(content_lang)), ("b", b.to_string(), Some(content_lang)), ("n", pair.n_sources.to_string(), None)])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.c_col_code}</th>
                        <th scope="col" class="num">{t.c_col_kappa_pooled}</th>
                        <th scope="col" class="num">{t.c_col_kappa_weighted}</th>
                        <th scope="col" class="num">{t.c_col_both}</th>
                        <th scope="col" class="num">{fill(t.c_only_coder, &[("name", a)])}</th>
                        <th scope="col" class="num">{fill(t.c_only_coder, &[("name", b)])}</th>
                        <th scope="col" class="num">{t.c_col_neither}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="overall">
                        <th scope="row">{t.c_overall}</th>
                        <td class="num kappa overall-pooled" data-value=pair.overall_pooled.map(|k| format!("{k:.6}")).unwrap_or_default()>{pair.overall_pooled_text.clone()}</td>
                        <td class="num kappa-weighted overall-weighted" data-value=pair.overall_weighted.map(|k| format!("{k:.6}")).unwrap_or_default()>{pair.overall_weighted_text.clone()}</td>
                        <td class="num">{ot.both}</td>
                        <td class="num">{ot.only_a}</td>
                        <td class="num">{ot.only_b}</td>
                        <td class="num">{ot.neither}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
