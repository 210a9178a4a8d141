//! `#codebook`: Table 3 as an expandable tree (core categories → second-order themes →
//! first-order concepts → initial codes), with a search box that filters the tree and
//! marks the matches with `<mark>`. Each category and theme links to its node in the
//! diagram (selecting it, `node=…`) and to its quotations in the detail panel. The search
//! itself is `core::evidence::search_codebook`. The codebook's own names stay in English
//! as published (`lang="en"`); the section's controls follow the UI language.

use crate::ui::chrome::banner::{data_banner, DataScope};
use crate::ui::sections::model::show_node;
use crate::ui::state::{tr, use_app_state, AppState};
use crate::ui::text::{en, fill_view, plain};
use leptos::prelude::*;
use study_core::study::evidence::{highlight, quotations_for, search_codebook, CodebookHits};
use study_core::study::figure4::ModelDesc;
use study_core::text::i18n::{fill, Strings};

/// `text` with the matches of `query` wrapped in `<mark>`.
fn marked(text: &str, query: &str) -> impl IntoView {
    highlight(text, query)
        .into_iter()
        .map(|(s, hit)| if hit { view! { <mark>{s}</mark> }.into_any() } else { s.into_any() })
        .collect_view()
}

/// Links from a codebook entry to its node in the diagram and its quotations.
fn node_links(
    state: AppState,
    t: &'static Strings,
    model: &ModelDesc,
    codebook_id: &str,
    quotes: Option<usize>,
) -> impl IntoView {
    let node = model.node_for_codebook(codebook_id).map(|n| (n.id.clone(), n.label.clone()));
    node.map(|(id, label)| {
        let id2 = id.clone();
        let quote_link = quotes.map(|n| {
            let text = match n {
                0 => t.a_cb_no_quotes.to_string(),
                1 => t.a_cb_one_quote.to_string(),
                n => fill(t.a_cb_quotes, &[("n", &n.to_string())]),
            };
            view! {
                " \u{00b7} "
                <a
                    href="#model-detail"
                    class="cb-quotes"
                    aria-label=fill(t.a_cb_quotes_for, &[("quotes", &text), ("label", &label)])
                    on:click=move |ev| {
                        ev.prevent_default();
                        show_node(state, &id2, Some("model-quotes"));
                    }
                >
                    {text.clone()}
                </a>
            }
        });
        view! {
            <span class="cb-links">
                <a
                    href="#model"
                    class="cb-node"
                    data-node=id.clone()
                    aria-label=fill(t.a_cb_show_node, &[("label", &label)])
                    on:click=move |ev| {
                        ev.prevent_default();
                        show_node(state, &id, None);
                    }
                >
                    {t.a_cb_in_diagram}
                </a>
                {quote_link}
            </span>
        }
    })
}

/// `#codebook`.
#[component]
pub fn CodebookSection() -> impl IntoView {
    let state = use_app_state();
    let query = RwSignal::new(String::new());
    let hits: Memo<CodebookHits> = Memo::new(move |_| {
        let q = query.get();
        state.study.with_value(|s| search_codebook(&s.raw.codebook, &q))
    });
    let (source, note, counts, concepts, codes) = state.study.with_value(|s| {
        let cb = &s.raw.codebook;
        (
            cb.source.clone(),
            cb.note.clone(),
            cb.printed_counts.clone(),
            cb.concept_count(),
            cb.code_count(),
        )
    });
    let t = move || state.t();
    let status = move || {
        let q = query.get();
        if q.trim().is_empty() {
            String::new()
        } else {
            let h = hits.get();
            let query = [("query", q.trim())];
            match h.matches {
                0 => fill(t().a_cb_no_match, &query),
                1 => fill(t().a_cb_one_match, &query),
                n => fill(t().a_cb_matches, &[("n", &n.to_string()), ("query", q.trim())]),
            }
        }
    };
    let lede = move || {
        let (source, psource) = (source.clone(), counts.source.clone());
        let (pc, pk) = (counts.first_order_concepts.to_string(), counts.initial_codes.to_string());
        fill_view(t().a_cb_lede, move |k| match k {
            "source" => Some(en(source.clone())),
            "concepts" => Some(plain(concepts.to_string())),
            "codes" => Some(plain(codes.to_string())),
            "printed_concepts" => Some(plain(pc.clone())),
            "printed_codes" => Some(plain(pk.clone())),
            "printed_source" => Some(en(psource.clone())),
            _ => None,
        })
    };
    let tree = move || {
        let t = state.t();
        let q = query.get();
        let searching = !q.trim().is_empty();
        let h = hits.get();
        state.study.with_value(|s| {
            let model = &s.raw.model;
            s.raw
                .codebook
                .core_categories
                .iter()
                .enumerate()
                .filter(|(ci, _)| h.shows_category(*ci))
                .map(|(ci, cat)| {
                    let themes = cat
                        .themes
                        .iter()
                        .enumerate()
                        .filter(|(ti, _)| h.shows_theme(ci, *ti))
                        .map(|(ti, theme)| {
                            let n_quotes = quotations_for(&s.raw.quotations, &theme.id).len();
                            let concepts = theme
                                .concepts
                                .iter()
                                .enumerate()
                                .filter_map(|(ki, concept)| h.codes(ci, ti, ki).map(|codes| (concept, codes.to_vec())))
                                .map(|(concept, codes)| {
                                    let codes = codes
                                        .into_iter()
                                        .filter_map(|i| concept.codes.get(i))
                                        .map(|code| view! { <li class="cb-code" lang="en">{marked(code, &q)}</li> })
                                        .collect_view();
                                    view! {
                                        <li class="cb-concept">
                                            <span class="concept" lang="en">{marked(&concept.name, &q)}</span>
                                            <ul class="codes">{codes}</ul>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <li class="cb-theme" data-theme=theme.id.clone()>
                                    <details open=searching>
                                        <summary lang="en">{marked(&theme.name, &q)}</summary>
                                        <p class="cb-meta">{node_links(state, t, model, &theme.id, Some(n_quotes))}</p>
                                        <ul class="cb-concepts">{concepts}</ul>
                                    </details>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="cb-category" data-category=cat.id.clone()>
                            <details open=true>
                                <summary lang="en">{marked(&cat.name, &q)}</summary>
                                <p class="cb-meta">{node_links(state, t, model, &cat.id, None)}</p>
                                <ul class="cb-themes">{themes}</ul>
                            </details>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section id="codebook" class="section" aria-labelledby="codebook-h">
            <h2 id="codebook-h">{tr(state, |t| t.sec_codebook)}</h2>
            {data_banner(DataScope::Paper)}
            <p class="lede">{lede}</p>
            <p class="note" lang="en">{note}</p>
            <div class="codebook-search" role="search">
                <label for="codebook-search">{tr(state, |t| t.a_cb_search)}</label>
                <input
                    type="search"
                    id="codebook-search"
                    autocomplete="off"
                    aria-describedby="codebook-status"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </div>
            <p class="codebook-status" id="codebook-status" role="status" aria-live="polite">{status}</p>
            <ul class="codebook-tree" id="codebook-tree">{tree}</ul>
        </section>
    }
}
