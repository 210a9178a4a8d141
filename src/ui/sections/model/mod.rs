//! `#model`: Figure 4 as an SVG diagram built from `view!` elements, and the detail panel
//! of the selected construct.
//!
//! Every node is a focusable `<g role="button">` with an accessible name and a description
//! of its neighbours (a visually hidden paragraph, via `aria-describedby`), in the reading
//! order of [`ModelDesc::reading_order`], so Tab walks the model as the Key findings do.
//! Hover or focus highlights the node's paths; a click, Enter or Space selects it (it goes
//! into the permalink as `node=…`); Escape clears. The layout (phone or desktop) comes from
//! `core::model::layout` for the container's width. The panel shows the definition, the
//! Table 3 branch, coverage for the current selection, the quotations with attribution,
//! Tables 5/6, Table 1 and A1 for the social media, and the live APA sentence for employee
//! performance. Every text of the study comes from the study file and stays in English as
//! published (marked `lang="en"`); the explorer's own words follow the UI language.
//!
//! This module holds the section (heading, caution, help, legend, the screen reader's
//! status line) and [`show_node`]; the parts live beside it: `diagram` (the SVG),
//! `detail` (the panel's head and relations), `evidence` (Table 3, the quotations,
//! Tables 5/6, Table 1 and A1) and `selection` (the blocks that follow the selection).

mod detail;
mod diagram;
mod evidence;
mod selection;

use crate::ui::chrome::banner::{data_banner, DataScope};
use crate::ui::measure::observe_width;
use crate::ui::state::{tr, use_app_state, AppState};
use crate::ui::text::pieces_view;
use detail::detail;
use diagram::diagram;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use std::sync::Arc;
use study_core::study::figure4::{EdgeKind, ModelDesc};
use study_core::study::Study;
use study_core::text::i18n::Lang;
use study_core::text::pieces::{fill_pieces, Piece};
use study_core::view::figure4::LayoutKind;
use wasm_bindgen::JsCast;

/// Selects `id` in the diagram, then scrolls to the diagram and focuses the node (used by
/// the codebook and the panel's links). With `anchor` (for example the panel's
/// quotations heading), scrolls to and focuses that element instead, once the panel has
/// rendered.
pub fn show_node(state: AppState, id: &str, anchor: Option<&'static str>) {
    state.node.set(Some(id.to_string()));
    let id = id.to_string();
    request_animation_frame(move || {
        let doc = document();
        match anchor.and_then(|a| doc.get_element_by_id(a)) {
            Some(el) => {
                el.scroll_into_view();
                if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
            None => {
                if let Some(g) =
                    doc.query_selector(&format!("#model g[data-node=\"{id}\"]")).ok().flatten()
                {
                    if let Ok(svg) = g.dyn_into::<web_sys::SvgElement>() {
                        let _ = svg.focus();
                    }
                }
                if let Some(el) = doc.get_element_by_id("model") {
                    el.scroll_into_view();
                }
            }
        }
    });
}

/// `#model`.
#[component]
pub fn ModelSection(
    /// The paper's study: the model, its quotations and their speakers are the paper's,
    /// also when the explorer runs on a synthetic study (`scale=`), whose informants have
    /// made-up names and would leave every speaker without a role or group.
    study: Arc<Study>,
) -> impl IntoView {
    let state = use_app_state();
    let paper = StoredValue::new(study);
    let model: StoredValue<Arc<ModelDesc>> =
        StoredValue::new(paper.with_value(|s| Arc::new(s.raw.model.clone())));
    let caution = paper.with_value(|s| s.raw.caution.clone());
    let (source, note) = model.with_value(|m| (m.source.clone(), m.note.clone()));
    // The section's own width (the diagram spans it), reported after layout; 0 until
    // then: the desktop layout. The section is measured rather than the diagram's box
    // because the inside of a section far off screen is not laid out before the reader
    // comes near it, and the layout (the SVG's text too) must be right before that.
    let section: NodeRef<leptos::html::Section> = NodeRef::new();
    let width = observe_width(section);
    let kind = Memo::new(move |_| {
        LayoutKind::for_width(match width.get() {
            w if w > 0.0 => w,
            _ => 1000.0,
        })
    });
    let hot = RwSignal::new(None::<String>);
    let descriptions = move || {
        let lang = state.lang.get();
        model.with_value(|m| {
            m.nodes.iter().map(|n| view! { <p id=format!("model-desc-{}", n.id)>{pieces_view(m.describe_pieces(&n.id, lang))}</p> }).collect_view()
        })
    };
    let legend = EdgeKind::ALL
        .iter()
        .map(|&k| {
            view! {
                <li class=format!("legend-{}", k.key())>
                    <svg class="legend-line" viewBox="0 0 40 10" width="40" height="10" aria-hidden="true">
                        <path class="edge-line" d="M2,5L38,5" fill="none" />
                    </svg>
                    {move || k.legend(state.t())}
                </li>
            }
        })
        .collect_view();
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            state.node.set(None);
            hot.set(None);
        }
    };
    let status = move || match state
        .node
        .get()
        .and_then(|id| model.with_value(|m| m.node(&id).map(|n| n.label.clone())))
    {
        Some(label) => pieces_view(fill_pieces(
            state.t().d_model_selected,
            &[("label", vec![Piece::study(label)])],
        ))
        .into_any(),
        None => state.t().d_model_none_selected.into_any(),
    };

    view! {
        <section id="model" class="section" aria-labelledby="model-h" node_ref=section>
            <h2 id="model-h">{tr(state, |t| t.sec_model)}</h2>
            {data_banner(DataScope::Paper)}
            <p class="lede" lang="en">{note}" "<span class="source">"("{source}")"</span></p>
            <aside class="caution" aria-label=tr(state, |t| t.d_caution_label)>
                <p>
                    <strong>{tr(state, |t| t.d_caution_lead)}" "</strong>
                    <span lang="en">{caution.value.clone()}" "<span class="source">"("{caution.source.clone()}")"</span></span>
                </p>
            </aside>
            <p class="model-help" id="model-help">
                {move || {
                    // The key names stay as printed on the keys.
                    let key = |k: &str| vec![Piece::study(k)];
                    let escape = if state.lang.get() == Lang::En { "Escape" } else { "Esc" };
                    pieces_view(fill_pieces(state.t().d_model_help, &[("tab", key("Tab")), ("enter", key("Enter")), ("escape", key(escape))]))
                }}
            </p>
            <div class="model-area" on:keydown=on_keydown>
                {diagram(model, kind, hot)}
                <div class="visually-hidden">{descriptions}</div>
                <ul class="model-legend" aria-label=tr(state, |t| t.d_legend_label)>{legend}</ul>
                <p class="visually-hidden" aria-live="polite" id="model-status">{status}</p>
                <div class="model-detail" id="model-detail">
                    {move || {
                        let t = state.t();
                        match state.node.get().and_then(|id| model.with_value(|m| m.node(&id).cloned())) {
                            Some(n) => detail(state, paper.get_value(), state.lang.get(), model, n).into_any(),
                            None => view! { <p class="model-empty" id="model-empty">{t.d_model_empty}</p> }.into_any(),
                        }
                    }}
                </div>
            </div>
        </section>
    }
}
