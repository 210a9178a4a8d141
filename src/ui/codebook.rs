//! `#codebook`: Table 3 as an expandable tree (core categories → second-order themes →
//! first-order concepts → initial codes), with a search box that filters the tree and
//! marks the matches with `<mark>`. Each category and theme links to its node in the
//! diagram (selecting it, `node=…`) and to its quotations in the detail panel. The search
//! itself is `core::evidence::search_codebook`.

use crate::core::evidence::{highlight, quotations_for, search_codebook, CodebookHits};
use crate::core::model::ModelDesc;
use crate::ui::model::show_node;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// `text` with the matches of `query` wrapped in `<mark>`.
fn marked(text: &str, query: &str) -> impl IntoView {
    highlight(text, query)
        .into_iter()
        .map(|(s, hit)| if hit { view! { <mark>{s}</mark> }.into_any() } else { s.into_any() })
        .collect_view()
}

/// Links from a codebook entry to its node in the diagram and its quotations.
fn node_links(state: AppState, model: &ModelDesc, codebook_id: &str, quotes: Option<usize>) -> impl IntoView {
    let node = model.node_for_codebook(codebook_id).map(|n| (n.id.clone(), n.label.clone()));
    node.map(|(id, label)| {
        let id2 = id.clone();
        let quote_link = quotes.map(|n| {
            let text = match n {
                0 => "No quotations".to_string(),
                1 => "1 quotation".to_string(),
                n => format!("{n} quotations"),
            };
            view! {
                " \u{00b7} "
                <a
                    href="#model-detail"
                    class="cb-quotes"
                    aria-label=format!("{text} for {label}")
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
                    aria-label=format!("Show {label} in the diagram")
                    on:click=move |ev| {
                        ev.prevent_default();
                        show_node(state, &id, None);
                    }
                >
                    "In the diagram"
                </a>
                {quote_link}
            </span>
        }
    })
}

/// `#codebook`.
#[component]
pub fn CodebookSection(state: AppState) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let hits: Memo<CodebookHits> = Memo::new(move |_| {
        let q = query.get();
        state.study.with_value(|s| search_codebook(&s.raw.codebook, &q))
    });
    let (source, note, counts, concepts, codes) = state.study.with_value(|s| {
        let cb = &s.raw.codebook;
        (cb.source.clone(), cb.note.clone(), cb.printed_counts.clone(), cb.concept_count(), cb.code_count())
    });
    let status = move || {
        let q = query.get();
        if q.trim().is_empty() {
            String::new()
        } else {
            let h = hits.get();
            match h.matches {
                0 => format!("No entry matches \u{201c}{}\u{201d}.", q.trim()),
                1 => format!("1 entry matches \u{201c}{}\u{201d}.", q.trim()),
                n => format!("{n} entries match \u{201c}{}\u{201d}.", q.trim()),
            }
        }
    };
    let tree = move || {
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
                                        .map(|code| view! { <li class="cb-code">{marked(code, &q)}</li> })
                                        .collect_view();
                                    view! {
                                        <li class="cb-concept">
                                            <span class="concept">{marked(&concept.name, &q)}</span>
                                            <ul class="codes">{codes}</ul>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <li class="cb-theme" data-theme=theme.id.clone()>
                                    <details open=searching>
                                        <summary>{marked(&theme.name, &q)}</summary>
                                        <p class="cb-meta">{node_links(state, model, &theme.id, Some(n_quotes))}</p>
                                        <ul class="cb-concepts">{concepts}</ul>
                                    </details>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <li class="cb-category" data-category=cat.id.clone()>
                            <details open=true>
                                <summary>{marked(&cat.name, &q)}</summary>
                                <p class="cb-meta">{node_links(state, model, &cat.id, None)}</p>
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
            <h2 id="codebook-h">"Codebook"</h2>
            <p class="lede">
                {format!(
                    "{source}: the coding of the interviews, from core categories down to the initial codes. The transcription holds {concepts} first-order concepts and {codes} initial codes; the text prints {} and {} ({}).",
                    counts.first_order_concepts, counts.initial_codes, counts.source
                )}
            </p>
            <p class="note">{note}</p>
            <div class="codebook-search" role="search">
                <label for="codebook-search">"Search the codebook"</label>
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
