//! The `#model` panel's evidence from the paper for a node: its branch of Table 3, its
//! quotations with their attribution, Tables 5 and 6 for the theme they illustrate, and
//! Table 1 (with Table A1 for DingTalk) for a social medium. All of it is the study's own
//! text, in English as published.

use super::show_node;
use crate::ui::state::AppState;
use crate::ui::text::pieces_view;
use leptos::prelude::*;
use std::sync::Arc;
use study_core::study::attribution::attribute;
use study_core::study::evidence::{quotations_for, table7_feature};
use study_core::study::figure4::{ModelDesc, Node, NodeKind};
use study_core::study::Study;
use study_core::text::i18n::{fill, Lang};
use study_core::text::pieces::{fill_pieces, join_pieces, list_separator, Piece};

/// The node's branch of Table 3: concepts with their codes (themes), or themes with their
/// concepts (core categories).
pub(super) fn codebook_branch(
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

/// The quotations of a theme, each with its attribution (or, for a core category, how many
/// each of its themes has).
pub(super) fn quotations_block(
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
pub(super) fn example_tables(lang: Lang, study: &Study, n: &Node) -> Option<AnyView> {
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
pub(super) fn social_media_block(lang: Lang, study: &Study, n: &Node) -> Option<AnyView> {
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
