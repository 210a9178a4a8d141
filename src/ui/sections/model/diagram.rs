//! The `#model` diagram: Figure 4 as an SVG built from `view!` elements, laid out by
//! `core::view::figure4` for the section's width (phone or desktop).
//!
//! Every node is a focusable `<g role="button">` with an accessible name and a description
//! of its neighbours (`aria-describedby`), in the reading order of
//! [`ModelDesc::reading_order`], so Tab walks the model as the Key findings do. Hover or
//! focus highlights the node's paths; a click, Enter or Space selects it.

use crate::ui::state::{use_app_state, AppState};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use std::sync::Arc;
use study_core::study::figure4::{ModelDesc, Node, Paths};
use study_core::view::figure4::{layout_kind, Layout, LayoutKind, Placed};

/// What a node's classes and handlers follow: the selected node (`AppState::node`), the
/// node under the pointer or focus (`hot`), the node highlighted (`active`: the hot one,
/// else the selected one), its direct neighbours and every node on its paths.
#[derive(Clone, Copy)]
struct Marks {
    state: AppState,
    hot: RwSignal<Option<String>>,
    active: Memo<Option<String>>,
    near: Memo<Vec<String>>,
    on_path: Memo<Vec<String>>,
}

/// The diagram in the layout `kind`; `hot` is the node under the pointer or focus.
pub(super) fn diagram(
    model: StoredValue<Arc<ModelDesc>>,
    kind: Memo<LayoutKind>,
    hot: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let lay: Memo<Layout> = Memo::new(move |_| model.with_value(|m| layout_kind(m, kind.get())));
    let active = Memo::new(move |_| hot.get().or_else(|| state.node.get()));
    let paths: Memo<Paths> = Memo::new(move |_| {
        active
            .with(|a| a.as_deref().map(|id| model.with_value(|m| m.paths(id))).unwrap_or_default())
    });
    // Direct neighbours (drawn stronger) and every node on a highlighted path (not dimmed).
    let near = Memo::new(move |_| {
        let Some(id) = active.get() else { return Vec::<String>::new() };
        model.with_value(|m| {
            let nb = m.neighbours(&id);
            nb.leads_to
                .iter()
                .chain(&nb.comes_from)
                .chain(&nb.synergy_with)
                .map(|l| l.node.clone())
                .chain(std::iter::once(id.clone()))
                .collect()
        })
    });
    let on_path = Memo::new(move |_| {
        let Some(id) = active.get() else { return Vec::<String>::new() };
        let p = paths.get();
        model.with_value(|m| {
            let mut v: Vec<String> = p
                .path
                .iter()
                .filter_map(|i| m.edges.get(*i))
                .flat_map(|e| [e.from.clone(), e.to.clone()])
                .collect();
            v.push(id);
            v
        })
    });

    let edges = move || {
        lay.with(|l| {
            l.edges
                .iter()
                .map(|r| {
                    let i = r.edge;
                    view! {
                        <g
                            class=format!("edge edge-{}", r.kind.key())
                            class:edge-near=move || paths.with(|p| p.direct.contains(&i))
                            class:edge-path=move || paths.with(|p| p.path.contains(&i))
                            class:edge-dim=move || active.with(|a| a.is_some()) && !paths.with(|p| p.path.contains(&i))
                        >
                            <path class="edge-line" d=r.d.clone() fill="none" />
                            <path class="edge-head" d=r.heads.clone() />
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let marks = Marks { state, hot, active, near, on_path };
    let nodes = move || {
        let l = lay.get();
        model.with_value(|m| {
            m.reading_order()
                .into_iter()
                .filter_map(|n| l.node(&n.id).map(|p| (n.clone(), p.clone())))
                .map(|(n, p)| node_view(n, p, l.line_h, l.font, marks))
                .collect_view()
        })
    };
    view! {
        <div class="model-wrap">
            <svg
                class=move || format!("model-svg layout-{}", kind.get().key())
                viewBox=move || lay.with(|l| l.view_box())
                role="group"
                aria-labelledby="model-h"
                aria-describedby="model-help"
            >
                <g class="edges" aria-hidden="true">{edges}</g>
                <g class="nodes">{nodes}</g>
            </svg>
        </div>
    }
}

/// One node: its box, its label (lines of `line_h` at `font`), its classes and handlers.
fn node_view(n: Node, p: Placed, line_h: f64, font: f64, marks: Marks) -> impl IntoView {
    let id = n.id.clone();
    let (id_sel, id_near, id_key, id_click, id_focus, id_enter, id_pressed) =
        (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let total = p.lines.len() + usize::from(p.subtitle.is_some());
    let top = p.y + (p.h - total as f64 * line_h) / 2.0;
    let cx = p.x + p.w / 2.0;
    let baseline = move |k: usize| top + (k as f64 + 0.78) * line_h;
    let label_lines = p
        .lines
        .iter()
        .enumerate()
        // A trailing space keeps the lines apart in the text content, so the
        // visible text reads as the accessible name does.
        .map(|(k, line)| view! { <tspan x=fmt(cx) y=fmt(baseline(k))>{format!("{line} ")}</tspan> })
        .collect_view();
    let subtitle = p.subtitle.clone().map(|s| {
        let k = p.lines.len();
        view! { <tspan class="node-subtitle" x=fmt(cx) y=fmt(baseline(k))>{s}</tspan> }
    });
    let name = match &n.subtitle {
        Some(s) => format!("{}, {s}", n.label),
        None => n.label.clone(),
    };
    view! {
        <g
            class=format!("model-node kind-{}", n.kind.key())
            class:selected=move || marks.state.node.with(|s| s.as_deref() == Some(id_sel.as_str()))
            class:near=move || marks.near.with(|v| v.contains(&id_near))
            class:dim=move || marks.active.with(|a| a.is_some()) && !marks.on_path.with(|v| v.contains(&id_key))
            tabindex="0"
            role="button"
            lang="en"
            aria-label=name
            aria-describedby=format!("model-desc-{id}")
            aria-pressed=move || if marks.state.node.with(|s| s.as_deref() == Some(id_pressed.as_str())) { "true" } else { "false" }
            data-node=id.clone()
            on:click=move |_| marks.state.node.set(Some(id_click.clone()))
            on:keydown=move |ev: KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    marks.state.node.set(Some(id_enter.clone()));
                }
            }
            on:focus=move |_| marks.hot.set(Some(id_focus.clone()))
            on:blur=move |_| marks.hot.set(None)
            on:mouseenter={
                let id = id.clone();
                move |_| marks.hot.set(Some(id.clone()))
            }
            on:mouseleave=move |_| marks.hot.set(None)
        >
            <rect class="node-box" x=fmt(p.x) y=fmt(p.y) width=fmt(p.w) height=fmt(p.h) rx="6" />
            <text class="node-label" text-anchor="middle" font-size=fmt(font)>
                {label_lines}
                {subtitle}
            </text>
        </g>
    }
}

/// An SVG coordinate (one decimal).
fn fmt(v: f64) -> String {
    format!("{v:.1}")
}
