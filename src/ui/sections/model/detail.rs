//! The `#model` detail panel of the selected node: what kind of construct it is, its
//! definition, the nodes it leads to, comes from or works with (each a link to that node,
//! with the paper's argument for the link), and the blocks of evidence below them.

use super::evidence::{codebook_branch, example_tables, quotations_block, social_media_block};
use super::selection::{coverage_block, outcome_block};
use super::show_node;
use crate::ui::state::AppState;
use crate::ui::text::pieces_view;
use leptos::prelude::*;
use std::sync::Arc;
use study_core::study::figure4::{ModelDesc, Node};
use study_core::study::Study;
use study_core::text::i18n::{fill, Lang};
use study_core::text::pieces::{fill_pieces, Piece};

/// The detail panel for one node, in the UI language `lang` (the panel is rebuilt when it
/// changes).
pub(super) fn detail(
    state: AppState,
    study: Arc<Study>,
    lang: Lang,
    model: StoredValue<Arc<ModelDesc>>,
    n: Node,
) -> impl IntoView {
    let t = lang.strings();
    let nb = model.with_value(|m| m.neighbours(&n.id));
    let relation_list = |title: &'static str,
                         links: Vec<study_core::study::figure4::Link>,
                         incoming: bool| {
        if links.is_empty() {
            return None;
        }
        let template = if incoming { t.d_link_in } else { t.d_link_out };
        let items = links
            .into_iter()
            .map(|l| {
                let target = l.node.clone();
                let argument = model.with_value(|m| m.edges.get(l.edge).map(|e| e.argument.clone()));
                // "{node} ({relation})": the node is the button, the rest follows it.
                let after = template.split_once("{node}").map_or(template, |(_, a)| a);
                let relation = fill(after, &[("relation", l.kind.verb(t))]);
                view! {
                    <li>
                        <button type="button" class="link-button" lang="en" on:click=move |_| show_node(state, &target, None)>{l.label.clone()}</button>
                        {relation}
                        {argument.map(|a| view! {
                            <details class="argument">
                                <summary>{t.d_why_link}</summary>
                                <blockquote lang="en"><p>{a.text}</p></blockquote>
                                <p class="source" lang="en">{a.source}</p>
                            </details>
                        })}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="relations">
                <h4>{title}</h4>
                <ul>{items}</ul>
            </div>
        })
    };
    let heading = match &n.subtitle {
        Some(s) => format!("{} ({s})", n.label),
        None => n.label.clone(),
    };
    let kind_line = match n
        .parent
        .as_deref()
        .and_then(|p| model.with_value(|m| m.node(p).map(|x| x.label.clone())))
    {
        Some(p) => fill_pieces(
            t.d_kind_of,
            &[("kind", vec![Piece::ui(n.kind.label(t))]), ("parent", vec![Piece::study(p)])],
        ),
        None => vec![Piece::ui(n.kind.label(t))],
    };
    let theme_id = n.theme.clone();
    let codebook = codebook_branch(state, lang, &study, &n, model);
    let coverage = theme_id.clone().map(|x| coverage_block(state, lang, &study, x));
    let quotes = quotations_block(lang, &study, &n, model);
    let tables = example_tables(lang, &study, &n);
    let media = social_media_block(lang, &study, &n);
    let outcome = outcome_block(state, lang, &n);
    let definition_source =
        fill_pieces(t.d_definition, &[("source", vec![Piece::study(n.definition.source.clone())])]);
    view! {
        <article class="node-detail" aria-labelledby="model-detail-h">
            <p class="eyebrow">{pieces_view(kind_line)}</p>
            <h3 id="model-detail-h" lang="en">{heading}</h3>
            <blockquote class="definition" lang="en">
                <p>{n.definition.text.clone()}</p>
            </blockquote>
            <p class="source">{pieces_view(definition_source)}</p>
            {n.note.clone().map(|x| view! { <p class="node-note" lang="en">{x.text}" "<span class="source">"("{x.source}")"</span></p> })}
            <div class="relations-grid">
                {relation_list(t.d_leads_to, nb.leads_to, false)}
                {relation_list(t.d_comes_from, nb.comes_from, true)}
                {relation_list(t.d_synergy_with, nb.synergy_with, false)}
            </div>
            {outcome}
            {media}
            {codebook}
            {coverage}
            {quotes}
            {tables}
        </article>
    }
}
