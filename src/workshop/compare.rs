//! The imported coverage beside the paper's: the definition to compare, how the project's
//! codes were matched to the paper's themes (with pickers for the codes that could not be
//! matched, or matched more than one), and the comparison chart with its table.

use super::chart::draw_comparison;
use super::results::coders_of;
use super::state::{tr, use_workshop_state};
use super::{gap, select_value};
use crate::ui::charts::frame::ChartFrame;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;
use study_core::coverage::{match_themes, Grouping, Project, PAPER_THEMES};
use study_core::study::Coverage;
use study_core::text::i18n::fill;
use study_core::view::coverage::{
    comparison_bars, comparison_summary, mappable_codes, theme_assignments, ComparisonBar,
    Definition,
};

/// "Beside the paper": the definition picker, the theme assignments, the mapping and the
/// chart. The comparison's own signals (the definition, the reader's mapping) live here.
pub(super) fn comparison(
    project: Arc<Project>,
    grouping: RwSignal<Option<Grouping>>,
    coder: RwSignal<String>,
    paper: StoredValue<Coverage>,
    content_lang: &'static str,
) -> impl IntoView {
    let state = use_workshop_state();
    let definition = RwSignal::new(Definition::Pooled);
    let chosen = RwSignal::new(BTreeMap::<String, String>::new());
    let p = project.clone();
    // The paper's cells are group × time: document sets are not compared with them.
    let table = Memo::new(move |_| {
        let Some(Grouping::Variables(k)) = grouping.get() else { return None };
        p.coverage_table(&k, &coders_of(&coder.get())).ok()
    });
    let themes = match_themes(&project, &PAPER_THEMES);
    let mappable = mappable_codes(&project, &themes);
    let p = project.clone();
    let assignments = Memo::new(move |_| {
        let t = state.t();
        chosen.with(|c| theme_assignments(&p, &themes, &PAPER_THEMES, c, t))
    });
    let p = project.clone();
    let bars = Memo::new(move |_| {
        let t = table.get()?;
        let a = assignments.get();
        let lang = state.t();
        Some(paper.with_value(|c| comparison_bars(c, &p, &t, &a, definition.get(), lang)))
    });
    let summary = Signal::derive(move || {
        bars.get().map(|b| comparison_summary(&b, definition.get(), state.t())).unwrap_or_default()
    });
    let assignment_list = move || {
        assignments
            .get()
            .into_iter()
            .map(|a| view! { <li data-theme=a.theme.clone()><strong lang="en">{a.theme_name}</strong>{if gap(state.t()).is_empty() { "：" } else { ": " }}{a.note}</li> })
            .collect_view()
    };
    view! {
        <h3>{tr(state, |t| t.c_beside_h)}</h3>
        <p>{tr(state, |t| t.c_beside_text)}</p>
        <fieldset class="workshop-definition">
            <legend>{tr(state, |t| t.c_def_legend)}</legend>
            <label class="check">
                <input type="radio" name="workshop-definition" value="pooled" prop:checked=move || definition.get() == Definition::Pooled on:change=move |_| definition.set(Definition::Pooled) />
                <span>{tr(state, |t| Definition::Pooled.label(t))}</span>
            </label>
            <label class="check">
                <input type="radio" name="workshop-definition" value="mean" prop:checked=move || definition.get() == Definition::MeanOfSources on:change=move |_| definition.set(Definition::MeanOfSources) />
                <span>{tr(state, |t| Definition::MeanOfSources.label(t))}</span>
            </label>
        </fieldset>
        <ul class="theme-assignments" id="workshop-assignments">{assignment_list}</ul>
        {theme_pickers(project, mappable, chosen, content_lang)}
        {comparison_chart(bars, grouping, definition, summary, content_lang)}
    }
}

/// A picker of the paper's theme for each code in `mappable` (the reader's choices land
/// in `chosen`), or a note that every code was matched.
fn theme_pickers(
    project: Arc<Project>,
    mappable: Vec<String>,
    chosen: RwSignal<BTreeMap<String, String>>,
    content_lang: &'static str,
) -> impl IntoView {
    let state = use_workshop_state();
    if mappable.is_empty() {
        return view! { <p class="note">{tr(state, |t| t.c_mapping_none)}</p> }.into_any();
    }
    let rows = mappable
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let id = format!("workshop-map-{}", i + 1);
            let name = project.code_row(code).map(|r| r.name).unwrap_or_else(|| code.clone());
            let code = code.clone();
            let options = PAPER_THEMES
                .iter()
                .map(|(id, n)| view! { <option value=*id lang="en">{*n}</option> })
                .collect_view();
            view! {
                <div class="map-row">
                    <label for=id.clone() lang=content_lang>{name}</label>
                    <select id=id data-code=code.clone() on:change=move |ev| {
                        let v = select_value(&ev);
                        chosen.update(|m| {
                            if v.is_empty() { m.remove(&code); } else { m.insert(code.clone(), v); }
                        });
                    }>
                        <option value="">{tr(state, |t| t.c_not_mapped)}</option>
                        {options}
                    </select>
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="theme-mapping" id="workshop-mapping">
            <summary>{tr(state, |t| t.c_mapping_summary)}</summary>
            <p class="note">{tr(state, |t| t.c_mapping_note)}</p>
            {rows}
        </details>
    }
    .into_any()
}

/// The comparison chart and its data table, or a note while there is nothing to compare
/// (the group and time variables are not chosen yet, or the cells are document sets).
fn comparison_chart(
    bars: Memo<Option<Vec<ComparisonBar>>>,
    grouping: RwSignal<Option<Grouping>>,
    definition: RwSignal<Definition>,
    summary: Signal<String>,
    content_lang: &'static str,
) -> impl IntoView {
    let state = use_workshop_state();
    let compare_rows = move || {
        bars.get()
            .unwrap_or_default()
            .into_iter()
            .map(|b| {
                let paper_text = b.paper.map(study_core::text::format::percent).unwrap_or_else(|| state.t().c_not_reported.into());
                let class = if b.paper.is_some() { "reported" } else { "not-reported" };
                view! {
                    <tr class=class data-theme=b.theme.clone() data-group=b.group.label() data-time=b.time.label()>
                        <th scope="row" lang="en">{b.theme_name}</th>
                        <td>{b.group.label()}</td>
                        <td>{b.time.label()}</td>
                        <td class="num paper-value">{paper_text}</td>
                        <td class="num imported-value">{b.imported_text}</td>
                        <td lang=content_lang>{b.code_name.unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    // The chart is built again when the language changes (its title is a plain string).
    view! {
        <Show
            when=move || bars.with(|b| b.is_some())
            fallback=move || view! { <p class="note" id="workshop-compare-none">{move || if grouping.with(|g| *g == Some(Grouping::Sets)) { state.t().c_compare_sets } else { state.t().c_compare_none }}</p> }
        >
            {move || {
                let t = state.t();
                view! {
                    <ChartFrame
                        id="chart-workshop"
                        title=t.c_compare_chart_title
                        summary=summary
                        height=360
                        draw=move |c, pal, s| draw_comparison(c, &bars.get().unwrap_or_default(), definition.get(), t, pal, s)
                    >
                        <table id="workshop-compare-table">
                            <thead><tr><th scope="col">{t.c_col_theme}</th><th scope="col">{t.c_col_group}</th><th scope="col">{t.c_col_time}</th><th scope="col" class="num">{t.c_col_paper}</th><th scope="col" class="num">{move || fill(t.c_col_imported, &[("definition", definition.get().label(t))])}</th><th scope="col">{t.c_col_imported_code}</th></tr></thead>
                            <tbody>{compare_rows}</tbody>
                        </table>
                    </ChartFrame>
                }
            }}
        </Show>
    }
}
