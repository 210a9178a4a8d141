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

use crate::ui::measure::observe_width;
use crate::ui::state::{tr, use_app_state, AppState};
use crate::ui::text::pieces_view;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use std::sync::Arc;
use study_core::study::attribution::attribute;
use study_core::study::evidence::{quotations_for, table7_feature};
use study_core::study::figure4::{EdgeKind, ModelDesc, Node, NodeKind, Paths};
use study_core::study::Study;
use study_core::text::format::percent;
use study_core::text::i18n::{fill, Lang};
use study_core::text::pieces::{fill_pieces, join_pieces, list_separator, name_separator, Piece};
use study_core::view::analysis::{coverage_bars, test_view};
use study_core::view::figure4::{layout_kind, Layout, LayoutKind};
use study_core::view::selection::selection_summary;
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
    let lay: Memo<Layout> = Memo::new(move |_| model.with_value(|m| layout_kind(m, kind.get())));
    let hot = RwSignal::new(None::<String>);
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

    let nodes = move || {
        let l = lay.get();
        model.with_value(|m| {
            m.reading_order()
                .into_iter()
                .filter_map(|n| l.node(&n.id).map(|p| (n.clone(), p.clone())))
                .map(|(n, p)| {
                    let id = n.id.clone();
                    let (id_sel, id_near, id_key, id_click, id_focus, id_enter, id_pressed) =
                        (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                    let total = p.lines.len() + usize::from(p.subtitle.is_some());
                    let top = p.y + (p.h - total as f64 * l.line_h) / 2.0;
                    let cx = p.x + p.w / 2.0;
                    let baseline = move |k: usize| top + (k as f64 + 0.78) * l.line_h;
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
                            class:selected=move || state.node.with(|s| s.as_deref() == Some(id_sel.as_str()))
                            class:near=move || near.with(|v| v.contains(&id_near))
                            class:dim=move || active.with(|a| a.is_some()) && !on_path.with(|v| v.contains(&id_key))
                            tabindex="0"
                            role="button"
                            lang="en"
                            aria-label=name
                            aria-describedby=format!("model-desc-{id}")
                            aria-pressed=move || if state.node.with(|s| s.as_deref() == Some(id_pressed.as_str())) { "true" } else { "false" }
                            data-node=id.clone()
                            on:click=move |_| state.node.set(Some(id_click.clone()))
                            on:keydown=move |ev: KeyboardEvent| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    state.node.set(Some(id_enter.clone()));
                                }
                            }
                            on:focus=move |_| hot.set(Some(id_focus.clone()))
                            on:blur=move |_| hot.set(None)
                            on:mouseenter={
                                let id = id.clone();
                                move |_| hot.set(Some(id.clone()))
                            }
                            on:mouseleave=move |_| hot.set(None)
                        >
                            <rect class="node-box" x=fmt(p.x) y=fmt(p.y) width=fmt(p.w) height=fmt(p.h) rx="6" />
                            <text class="node-label" text-anchor="middle" font-size=fmt(l.font)>
                                {label_lines}
                                {subtitle}
                            </text>
                        </g>
                    }
                })
                .collect_view()
        })
    };

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

/// "For Service and Development, T1→T2, quarterly, T2 discounted to 2016 terms." in the UI
/// language (tracks the selection and the language).
fn selection_line(state: AppState) -> String {
    let lang = state.lang.get();
    fill(
        lang.strings().d_for_selection,
        &[("selection", &selection_summary(&state.selection.get(), lang))],
    )
}

/// An SVG coordinate (one decimal).
fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

/// The detail panel for one node, in the UI language `lang` (the panel is rebuilt when it
/// changes).
fn detail(
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

/// The node's branch of Table 3: concepts with their codes (themes), or themes with their
/// concepts (core categories).
fn codebook_branch(
    state: AppState,
    lang: Lang,
    study: &Study,
    n: &Node,
    model: StoredValue<Arc<ModelDesc>>,
) -> Option<AnyView> {
    let t = lang.strings();
    let cb = &study.raw.codebook;
    if let Some(th) = &n.theme {
        let theme = cb.core_categories.iter().flat_map(|c| &c.themes).find(|x| x.id == *th)?;
        let concepts = theme
            .concepts
            .iter()
            .map(|c| {
                let codes =
                    c.codes.iter().map(|code| view! { <li>{code.clone()}</li> }).collect_view();
                view! {
                    <li>
                        <span class="concept">{c.name.clone()}</span>
                        <ul class="codes">{codes}</ul>
                    </li>
                }
            })
            .collect_view();
        return Some(
            view! {
                <section class="detail-block" aria-labelledby="model-codebook-h">
                    <h4 id="model-codebook-h">{t.d_codebook_branch}</h4>
                    <ul class="concepts" lang="en">{concepts}</ul>
                    <p class="source"><span lang="en">{cb.source.clone()}</span>" \u{00b7} "<a href="#codebook">{t.d_whole_codebook}</a></p>
                </section>
            }
            .into_any(),
        );
    }
    if let Some(c) = &n.category {
        let cat = cb.core_categories.iter().find(|x| x.id == *c)?;
        let themes = cat
            .themes
            .iter()
            .map(|th| {
                let node = model.with_value(|m| m.node_for_codebook(&th.id).map(|x| x.id.clone()));
                let concepts = th.concepts.iter().map(|c| c.name.clone()).collect::<Vec<_>>().join("; ");
                let name = th.name.clone();
                view! {
                    <li>
                        {match node {
                            Some(id) => view! { <button type="button" class="link-button" on:click=move |_| show_node(state, &id, None)>{name.clone()}</button> }.into_any(),
                            None => view! { <span>{name.clone()}</span> }.into_any(),
                        }}
                        ": " {concepts}
                    </li>
                }
            })
            .collect_view();
        return Some(
            view! {
                <section class="detail-block" aria-labelledby="model-codebook-h">
                    <h4 id="model-codebook-h">{pieces_view(fill_pieces(t.d_codebook_branch_themes, &[("category", vec![Piece::study(cat.name.clone())])]))}</h4>
                    <ul class="concepts" lang="en">{themes}</ul>
                    <p class="source"><span lang="en">{cb.source.clone()}</span>" \u{00b7} "<a href="#codebook">{t.d_whole_codebook}</a></p>
                </section>
            }
            .into_any(),
        );
    }
    None
}

/// Coverage of a theme for the current groups × times, "not reported" where the text has none.
fn coverage_block(state: AppState, lang: Lang, study: &Study, theme: String) -> AnyView {
    let t = lang.strings();
    let reported = study.raw.coverage.themes.iter().any(|x| x.id == theme);
    if !reported {
        let names = study
            .raw
            .coverage
            .themes
            .iter()
            .map(|x| vec![Piece::study(x.name.clone())])
            .collect::<Vec<_>>();
        let text = fill_pieces(
            t.d_coverage_only_for,
            &[("names", join_pieces(names, name_separator(lang)))],
        );
        return view! {
            <section class="detail-block" aria-labelledby="model-coverage-h">
                <h4 id="model-coverage-h">{t.d_coverage}</h4>
                <p>{pieces_view(text)}" "<a href="#coverage">{t.d_coverage_section}</a></p>
            </section>
        }
        .into_any();
    }
    let rows = move || {
        let sel = state.selection.get();
        state
            .study
            .with_value(|s| coverage_bars(s, &sel))
            .into_iter()
            .filter(|b| b.theme == theme)
            .map(|b| {
                let class = format!("group-{} {}", b.group.key(), if b.value.is_some() { "reported" } else { "not-reported" });
                view! {
                    <tr class=class>
                        <th scope="row">{b.group.label()}</th>
                        <td>{b.time.label()}</td>
                        <td class="num">{b.value.map(percent).unwrap_or_else(|| t.d_not_reported.into())}</td>
                        <td class="source" lang="en">{b.source}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="detail-block" aria-labelledby="model-coverage-h">
            <h4 id="model-coverage-h">{t.d_coverage_current}</h4>
            <p class="selection-line">{move || selection_line(state)}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t.d_coverage_region>
                <table class="node-coverage" id="model-coverage">
                    <thead>
                        <tr>
                            <th scope="col">{t.d_col_group}</th>
                            <th scope="col">{t.d_col_time}</th>
                            <th scope="col" class="num">{t.d_col_coverage}</th>
                            <th scope="col">{t.d_col_source}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p><a href="#coverage">{t.d_all_coverage}</a></p>
        </section>
    }
    .into_any()
}

/// The quotations of a theme, each with its attribution (or, for a core category, how many
/// each of its themes has).
fn quotations_block(
    lang: Lang,
    study: &Study,
    n: &Node,
    model: StoredValue<Arc<ModelDesc>>,
) -> Option<AnyView> {
    let t = lang.strings();
    let q = &study.raw.quotations;
    if let Some(th) = &n.theme {
        let list = quotations_for(q, th);
        let items = list
            .iter()
            .map(|x| {
                let a = attribute(study, x);
                let group_class = a.group_id.map(|g| format!("quote group-{}", g.key())).unwrap_or_else(|| "quote".into());
                let feature = table7_feature(&study.raw.table7, &x.id).map(|f| format!("Table 7, {f}; ")).unwrap_or_default();
                view! {
                    <li>
                        <figure class=group_class id=format!("quote-{}", x.id)>
                            <blockquote lang="en"><p>{x.text.clone()}</p></blockquote>
                            <figcaption>
                                <span class="attribution" lang="en">{a.line()}</span>
                                " "
                                <span class="source" lang="en">{format!("({feature}{}; {})", x.source, x.id)}</span>
                                {a.contradiction.map(|c| view! { <span class="contradiction" lang="en">" "{c}</span> })}
                                {x.doubt.clone().map(|d| view! { <span class="doubt">" "{t.d_doubtful}" "<span lang="en">{d}</span></span> })}
                            </figcaption>
                        </figure>
                    </li>
                }
            })
            .collect_view();
        let basis = list.first().map(|x| x.timepoint_basis.clone());
        let count = list.len();
        return Some(
            view! {
                <section class="detail-block" aria-labelledby="model-quotes">
                    <h4 id="model-quotes" tabindex="-1">{fill(t.d_quotations_count, &[("count", &count.to_string())])}</h4>
                    {(count == 0).then(|| view! { <p>{t.d_no_quotations}</p> })}
                    <ul class="quotes">{items}</ul>
                    {basis.map(|b| view! { <p class="source">{pieces_view(fill_pieces(t.d_timepoints, &[("basis", vec![Piece::study(b)])]))}</p> })}
                </section>
            }
            .into_any(),
        );
    }
    if n.category.is_some() {
        let children = model.with_value(|m| {
            m.children(&n.id)
                .into_iter()
                .map(|c| (c.label.clone(), c.theme.clone().unwrap_or_default()))
                .collect::<Vec<_>>()
        });
        // The label is the study's; the count and the punctuation are the explorer's.
        let colon = if lang == Lang::En { ": " } else { "\u{ff1a}" };
        let summary = children
            .iter()
            .map(|(label, th)| {
                vec![
                    Piece::study(label.clone()),
                    Piece::ui(format!("{colon}{}", quotations_for(q, th).len())),
                ]
            })
            .collect::<Vec<_>>();
        let text = fill_pieces(
            t.d_quotations_under,
            &[("summary", join_pieces(summary, list_separator(lang)))],
        );
        return Some(
            view! {
                <section class="detail-block" aria-labelledby="model-quotes">
                    <h4 id="model-quotes" tabindex="-1">{t.d_quotations}</h4>
                    <p>{pieces_view(text)}</p>
                </section>
            }
            .into_any(),
        );
    }
    None
}

/// Tables 5 and 6 (problem → why → consequences → how DingTalk addresses it → benefits)
/// for the theme they illustrate.
fn example_tables(lang: Lang, study: &Study, n: &Node) -> Option<AnyView> {
    let t = lang.strings();
    let th = n.theme.as_deref()?;
    let table = [&study.raw.table5, &study.raw.table6].into_iter().find(|x| x.theme == th)?;
    let rows = table
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{r.problem.clone()}</td>
                    <td>{r.why.clone()}</td>
                    <td>{r.consequences.clone()}</td>
                    <td>{r.how_dingtalk.clone()}</td>
                    <td>{r.benefits.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    Some(
        view! {
            <section class="detail-block" aria-labelledby="model-examples-h">
                <h4 id="model-examples-h" lang="en">{table.source.clone()}</h4>
                <div class="table-wrap" tabindex="0" role="region" aria-label=table.source.clone()>
                    <table class="examples" id="model-examples">
                        <thead>
                            <tr>
                                <th scope="col">{t.d_col_problem}</th>
                                <th scope="col">{t.d_col_why}</th>
                                <th scope="col">{t.d_col_consequences}</th>
                                <th scope="col">{t.d_col_how}</th>
                                <th scope="col">{t.d_col_benefits}</th>
                            </tr>
                        </thead>
                        <tbody lang="en">{rows}</tbody>
                    </table>
                </div>
            </section>
        }
        .into_any(),
    )
}

/// Table 1's classification and examples, and for DingTalk the features of Table A1.
fn social_media_block(lang: Lang, study: &Study, n: &Node) -> Option<AnyView> {
    let t = lang.strings();
    if n.kind != NodeKind::SocialMedia {
        return None;
    }
    let row =
        study.raw.table1.rows.iter().find(|r| r.node.as_deref() == Some(n.id.as_str()))?.clone();
    let examples = n.examples.clone().map(|e| {
        view! { <p><strong>{t.d_examples}" "</strong><span lang="en">{e.value.join(", ")}" "<span class="source">"("{e.source}")"</span></span></p> }
    });
    let features = (study.raw.table_a1.node == n.id).then(|| {
        let rows = study
            .raw
            .table_a1
            .rows
            .iter()
            .map(|f| view! { <tr><td>{f.category.clone()}</td><th scope="row">{f.feature.clone()}</th><td>{f.description.clone()}</td></tr> })
            .collect_view();
        let src = study.raw.table_a1.source.clone();
        view! {
            <h4 id="model-features-h" lang="en">{src.clone()}</h4>
            <div class="table-wrap" tabindex="0" role="region" aria-label=src>
                <table class="features" id="model-features">
                    <thead><tr><th scope="col">{t.d_col_kind}</th><th scope="col">{t.d_col_feature}</th><th scope="col">{t.d_col_description}</th></tr></thead>
                    <tbody lang="en">{rows}</tbody>
                </table>
            </div>
        }
    });
    Some(
        view! {
            <section class="detail-block" aria-labelledby="model-table1-h">
                <h4 id="model-table1-h" lang="en">{study.raw.table1.source.clone()}</h4>
                <dl class="table1">
                    <dt>{t.d_nature}</dt><dd lang="en">{row.nature}</dd>
                    <dt>{t.d_proximities}</dt><dd lang="en">{row.proximities}</dd>
                    <dt>{t.d_relationships}</dt><dd lang="en">{row.human_relationships}</dd>
                    <dt>{t.d_interactions}</dt><dd lang="en">{row.social_interactions}</dd>
                    <dt>{t.d_flows}</dt><dd lang="en">{row.flows}</dd>
                </dl>
                {examples}
                <p class="source" lang="en">{row.source}</p>
                {features}
            </section>
        }
        .into_any(),
    )
}

/// For employee performance, the salary test for the current selection, in place.
fn outcome_block(state: AppState, lang: Lang, n: &Node) -> Option<AnyView> {
    let t = lang.strings();
    if n.id != "employee-performance" {
        return None;
    }
    let apa = move || {
        let sel = state.selection.get();
        state.analysis.with(|a| test_view(&sel, a, state.lang.get()).apa)
    };
    Some(
        view! {
            <section class="detail-block" aria-labelledby="model-test-h">
                <h4 id="model-test-h">{t.d_salary_test}</h4>
                <p class="selection-line">{move || selection_line(state)}</p>
                <p class="apa" id="model-apa">{apa}</p>
                <p><a href="#test">{t.d_test_link}</a></p>
            </section>
        }
        .into_any(),
    )
}
