//! The workshop's coverage tables, built from a `CoverageView`: codes × cells (group and
//! time, or document sets) under both definitions, codes × sources, and the list of
//! sources; the notes on sources in no cell or in several sets; and the row head every code
//! table shares (indented by depth, aggregates marked). Each code row is built once per
//! view and only hidden or shown as the row filter changes.

use super::fill_spans;
use leptos::prelude::*;
use study_core::coverage::Grouping;
use study_core::text::i18n::{fill, Strings};
use study_core::text::pieces::list_separator;
use study_core::view::coverage::{count_text, CoverageView, Definition, RowFilter};

/// Indentation class for a code at `depth` (CSS, no inline style).
fn depth_class(depth: usize) -> String {
    format!("code-name depth-{}", depth.clamp(1, 8))
}

/// The two coverage tables: codes × cells (both definitions) and codes × sources, showing
/// the rows `shown` keeps.
pub(super) fn coverage_tables(
    v: CoverageView,
    shown: Memo<Option<RowFilter>>,
    t: &'static Strings,
    content_lang: &'static str,
) -> impl IntoView {
    let hidden = move |i: usize| {
        shown.with(|f| f.as_ref().is_some_and(|f| !f.visible.get(i).copied().unwrap_or(true)))
    };
    let sets = v.grouping == Some(Grouping::Sets);
    let cell_table = (!v.cells.is_empty()).then(|| {
        let top = v
            .cells
            .iter()
            .map(|c| {
                let empty = if c.n_empty > 0 { fill(t.c_n_empty, &[("n", &c.n_empty.to_string())]) } else { String::new() };
                let n = fill(
                    t.c_cell_n,
                    &[("sources", &count_text(c.n_sources, t.c_sources_one, t.c_sources_many)), ("empty", &empty), ("chars", &c.total_chars.to_string())],
                );
                view! { <th scope="colgroup" colspan="2" class="cell-head"><span lang=content_lang>{c.label.clone()}</span><span class="cell-n">{format!(" {n}")}</span></th> }
            })
            .collect_view();
        let sub = v
            .cells
            .iter()
            .map(|_| view! { <th scope="col" class="num">{Definition::Pooled.label(t)}</th><th scope="col" class="num">{Definition::MeanOfSources.label(t)}</th> })
            .collect_view();
        let rows = v
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let tds = r
                    .cells
                    .iter()
                    .zip(&v.cells)
                    .map(|(c, head)| {
                        view! {
                            <td class="num" data-group=head.group.clone() data-time=head.time.clone() data-set=head.set.clone() data-def="pooled">{c.pooled_text.clone()}</td>
                            <td class="num" data-group=head.group.clone() data-time=head.time.clone() data-set=head.set.clone() data-def="mean">{c.mean_text.clone()}</td>
                        }
                    })
                    .collect_view();
                view! { <tr data-code=r.code.clone() class:aggregate=r.aggregate hidden=move || hidden(i)>{code_head(&r.name, r.depth, r.aggregate, t, content_lang)}{tds}</tr> }
            })
            .collect_view();
        let (region, caption) =
            if sets { (t.c_sets_region, t.c_sets_caption) } else { (t.c_cells_region, t.c_cells_caption) };
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=region>
                <table id="workshop-cells" class="workshop-table">
                    <caption>{caption}</caption>
                    <thead>
                        <tr><th scope="col" rowspan="2">{t.c_col_code}</th>{top}</tr>
                        <tr>{sub}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let unassigned = (!v.unassigned.is_empty()).then(|| {
        let template = if sets { t.c_unassigned_sets } else { t.c_unassigned };
        view! { <p class="note" id="workshop-unassigned">{fill_spans(template, &[("n", v.unassigned.len().to_string(), None), ("names", v.unassigned.join(list_separator(t.lang)), Some(content_lang))])}</p> }
    });
    let overlapping = (!v.overlapping.is_empty()).then(|| {
        view! { <p class="note" id="workshop-overlap">{fill_spans(t.c_sets_overlap, &[("n", v.overlapping.len().to_string(), None), ("names", v.overlapping.join(list_separator(t.lang)), Some(content_lang))])}</p> }
    });
    let source_heads = v
        .sources
        .iter()
        .map(|s| view! { <th scope="col" class="num"><abbr title=s.name.clone() lang=content_lang>{s.key.clone()}</abbr></th> })
        .collect_view();
    let source_rows = v
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let tds = r
                .sources
                .iter()
                .zip(&v.sources)
                .map(|(c, head)| view! { <td class="num" data-source=head.id.clone()>{c.text.clone()}</td> })
                .collect_view();
            view! { <tr data-code=r.code.clone() class:aggregate=r.aggregate hidden=move || hidden(i)>{code_head(&r.name, r.depth, r.aggregate, t, content_lang)}{tds}</tr> }
        })
        .collect_view();
    let source_list = v
        .sources
        .iter()
        .map(|s| {
            view! {
                <tr data-source=s.id.clone()>
                    <th scope="row">{s.key.clone()}</th>
                    <td lang=content_lang>{s.name.clone()}</td>
                    <td>{s.cell.clone().unwrap_or_else(|| t.c_no_cell.into())}</td>
                    <td class="num">{s.chars}</td>
                </tr>
            }
        })
        .collect_view();
    let cells_col = if sets { t.c_col_sets } else { t.c_col_group_time };
    view! {
        {cell_table}
        {unassigned}
        {overlapping}
        <div class="table-wrap" tabindex="0" role="region" aria-label=t.c_sources_region>
            <table id="workshop-sources" class="workshop-table">
                <caption>{t.c_sources_caption}</caption>
                <thead><tr><th scope="col">{t.c_col_code}</th>{source_heads}</tr></thead>
                <tbody>{source_rows}</tbody>
            </table>
        </div>
        <div class="table-wrap" tabindex="0" role="region" aria-label=t.c_sources_list>
            <table id="workshop-source-list">
                <caption>{t.c_sources_list}</caption>
                <thead><tr><th scope="col">{t.c_col_key}</th><th scope="col">{t.c_col_source}</th><th scope="col">{cells_col}</th><th scope="col" class="num">{t.c_col_chars}</th></tr></thead>
                <tbody>{source_list}</tbody>
            </table>
        </div>
    }
}

/// A code's row head, indented by depth, aggregates marked.
pub(super) fn code_head(
    name: &str,
    depth: usize,
    aggregate: bool,
    t: &'static Strings,
    content_lang: &'static str,
) -> impl IntoView {
    let mark = aggregate.then(|| view! { " "<span class="aggregate-mark" title=t.c_aggregate_title>{t.c_with_subcodes}</span> });
    view! { <th scope="row" class=depth_class(depth)><span class="code-label" lang=content_lang>{name.to_string()}</span>{mark}</th> }
}
