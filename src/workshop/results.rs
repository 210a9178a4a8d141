//! What the workshop shows once a project is imported: the notice naming it, the choice of
//! the cells (a group and a time variable, or the document sets), the coverage tables for
//! the chosen coder with the filter of their rows, then the comparison with the paper, the
//! agreement between coders and the export. [`Results`] is built afresh for every import,
//! so its signals start from the new project.

use super::agreement::agreement;
use super::compare::comparison;
use super::export::export_links;
use super::state::{tr, use_workshop_state};
use super::tables::coverage_tables;
use super::{fill_spans, gap, select_value, Imported};
use leptos::prelude::*;
use std::sync::Arc;
use study_core::coverage::{CellKeys, Coders, Grouping, Project, SAMPLE_NOTICE};
use study_core::study::Coverage;
use study_core::text::i18n::{fill, Strings};
use study_core::view::coverage::{count_text, coverage_view, filter_rows};
use wasm_bindgen::JsCast;

/// `Coders` from the coder picker's value ("" = all coders).
pub(super) fn coders_of(value: &str) -> Coders {
    if value.is_empty() {
        Coders::All
    } else {
        Coders::One(value.to_string())
    }
}

/// Everything shown after an import; its signals start afresh with every import.
#[component]
pub(super) fn Results(
    data: Arc<Imported>,
    paper: StoredValue<Coverage>,
    kappa_printed: StoredValue<(String, String)>,
) -> impl IntoView {
    let state = use_workshop_state();
    let project = data.project.clone();
    let is_sample = data.sample
        || project.name().contains(SAMPLE_NOTICE)
        || project.description().contains(SAMPLE_NOTICE);
    // The imported project's own words (names, descriptions): the shipped sample is in
    // English; another project's language is unknown (`lang=""`), not the page's.
    let content_lang: &'static str = if is_sample { "en" } else { "" };
    let grouping = RwSignal::new(project.default_grouping());
    let coder = RwSignal::new(String::new());
    view! {
        <div id="workshop-results" class="workshop-results" data-serial=data.serial.to_string()>
            {import_notice(data.clone(), is_sample, content_lang)}

            <h3>{tr(state, |t| t.sec_coverage)}</h3>
            {key_pickers(project.clone(), grouping, content_lang)}
            {code_coverage(project.clone(), grouping, coder, content_lang)}

            {comparison(project.clone(), grouping, coder, paper, content_lang)}

            {agreement(project.clone(), kappa_printed, content_lang)}

            <h3>{tr(state, |t| t.c_export_h)}</h3>
            <p>{tr(state, |t| t.c_export_text)}</p>
            {export_links(project)}
        </div>
    }
}

/// The notice naming the project: the sample's label, what was read and from where, the
/// project's description and the importer's notes.
fn import_notice(
    data: Arc<Imported>,
    is_sample: bool,
    content_lang: &'static str,
) -> impl IntoView {
    let state = use_workshop_state();
    let t = move || state.t();
    let project = data.project.clone();
    let sample_label = is_sample.then(|| {
        view! {
            <p class="sample-label" id="workshop-sample-label">
                <strong>{tr(state, |t| t.c_sample_label_strong)}</strong>
                {move || gap(t())}
                {tr(state, |t| t.c_sample_label_text)}
                {move || gap(t())}
                <span class="sample-notice">{tr(state, |t| t.c_sample_notice)}</span>
            </p>
        }
    });
    let description = (!project.description().trim().is_empty()).then(|| view! { <p class="project-description" lang=content_lang>{project.description().to_string()}</p> });
    let notes = (!data.notes.is_empty()).then(|| {
        let items = data
            .notes
            .iter()
            .map(|n| {
                let n = n.clone();
                view! { <li>{move || n.message(t())}</li> }
            })
            .collect_view();
        view! { <p>{tr(state, |t| t.c_import_notes)}</p><ul class="import-notes">{items}</ul> }
    });
    let origin = data.origin.clone();
    view! {
        <div class="notice workshop-notice" id="workshop-notice">
            {sample_label}
            <p class="import-summary">{move || {
                let t = t();
                // As core's import_summary, with the project's name in its own language.
                let p = &project;
                let name = if p.name().trim().is_empty() { t.c_no_name.to_string() } else { p.name().to_string() };
                let mut parts = fill_spans(
                    t.c_import_summary,
                    &[
                        ("name", name, if p.name().trim().is_empty() { None } else { Some(content_lang) }),
                        ("sources", count_text(p.sources().len(), t.c_sources_one, t.c_sources_many), None),
                        ("codes", count_text(p.code_rows().len(), t.c_codes_one, t.c_codes_many), None),
                        ("codings", count_text(p.codings().len(), t.c_codings_one, t.c_codings_many), None),
                        ("coders", count_text(p.users().len(), t.c_coders_one, t.c_coders_many), None),
                    ],
                );
                parts.push(gap(t).into_any());
                parts.push(fill(t.c_read_from, &[("origin", &origin)]).into_any());
                parts
            }}</p>
            {description}
            {notes}
        </div>
    }
}

/// The index of the chosen `<option>` of the `<select>` an event came from.
fn select_index(ev: &leptos::ev::Event) -> usize {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .and_then(|s| usize::try_from(s.selected_index()).ok())
        .unwrap_or(0)
}

/// How the sources form cells. Without sets: a note naming the detected group and time
/// variables, or two pickers over the project's attributes (the grouping stays unset until
/// both are chosen). With sets: the group picker lists "Document sets" beside the
/// variables, starting from [`Project::default_grouping`].
fn key_pickers(
    project: Arc<Project>,
    grouping: RwSignal<Option<Grouping>>,
    content_lang: &'static str,
) -> impl IntoView {
    let state = use_workshop_state();
    let t = move || state.t();
    let attributes = project.attribute_names();
    let n_sets = project.sets().len();
    let initial = grouping.get_untracked();
    match (&initial, n_sets, attributes.is_empty()) {
        (Some(Grouping::Variables(k)), 0, _) => {
            let (g, tm) = (k.group.clone(), k.time.clone());
            view! {
                <p class="note" id="workshop-keys">{move || fill_spans(t().c_keys_detected, &[("group", g.clone(), Some(content_lang)), ("time", tm.clone(), Some(content_lang))])}</p>
            }
            .into_any()
        }
        (_, 0, true) => view! {
            <p class="note" id="workshop-keys">{tr(state, |t| t.c_keys_none)}</p>
        }
        .into_any(),
        _ => {
            let sets = n_sets > 0;
            // The group picker: (choose), [Document sets], then the variables; it is read by
            // index, so no variable name can pass for the sets.
            let (first, first_time) = match &initial {
                Some(Grouping::Sets) => (1, None),
                Some(Grouping::Variables(k)) => (
                    attributes
                        .iter()
                        .position(|a| *a == k.group)
                        .map_or(0, |i| i + 1 + usize::from(sets)),
                    Some(k.time.clone()),
                ),
                None => (0, None),
            };
            let group_pick = RwSignal::new(first);
            let time_pick = RwSignal::new(first_time.clone().unwrap_or_default());
            let group_options = attr_options(
                &attributes,
                attributes.get(first.wrapping_sub(1 + usize::from(sets))),
                content_lang,
            );
            let time_options = attr_options(&attributes, first_time.as_ref(), content_lang);
            let update = move || {
                let (i, time) = (group_pick.get_untracked(), time_pick.get_untracked());
                grouping.set(if sets && i == 1 {
                    Some(Grouping::Sets)
                } else {
                    i.checked_sub(1 + usize::from(sets))
                        .and_then(|i| attributes.get(i))
                        .filter(|_| !time.is_empty())
                        .map(|g| Grouping::Variables(CellKeys { group: g.clone(), time }))
                });
            };
            let sets_option = sets.then(|| {
                view! { <option value="" id="workshop-group-sets" selected=first == 1>{move || fill(t().c_group_sets, &[("n", &n_sets.to_string())])}</option> }
            });
            type Pick = fn(&'static Strings) -> &'static str;
            let (legend, group_label, time_label): (Pick, Pick, Pick) = if sets {
                (|t| t.c_pickers_legend_sets, |t| t.c_group_or_sets, |t| t.c_time_var_sets)
            } else {
                (|t| t.c_pickers_legend, |t| t.c_group_var, |t| t.c_time_var)
            };
            let sets_note = sets.then(|| {
                view! { <p class="note" id="workshop-sets-note">{tr(state, |t| t.c_sets_chosen)}</p> }
            });
            view! {
                <fieldset class="workshop-pickers" id="workshop-keys">
                    <legend>{tr(state, legend)}</legend>
                    <label for="workshop-group-var">{tr(state, group_label)}</label>
                    <select id="workshop-group-var" on:change={ let update = update.clone(); move |ev| { group_pick.set(select_index(&ev)); update(); } }>
                        <option value="">{tr(state, |t| t.c_choose)}</option>
                        {sets_option}
                        {group_options}
                    </select>
                    <label for="workshop-time-var">{tr(state, time_label)}</label>
                    <select id="workshop-time-var" on:change=move |ev| { time_pick.set(select_value(&ev)); update(); }>
                        <option value="">{tr(state, |t| t.c_choose)}</option>
                        {time_options}
                    </select>
                    {sets_note}
                </fieldset>
            }
            .into_any()
        }
    }
}

/// One `<option>` per variable, `selected` the one chosen first.
fn attr_options(
    attributes: &[String],
    selected: Option<&String>,
    content_lang: &'static str,
) -> impl IntoView {
    attributes
        .iter()
        .map(|a| view! { <option value=a.clone() lang=content_lang selected=selected == Some(a)>{a.clone()}</option> })
        .collect_view()
}

/// The coder picker, what the two definitions of coverage mean, the filter of the code rows
/// and the coverage tables for the chosen cells and coder.
fn code_coverage(
    project: Arc<Project>,
    grouping: RwSignal<Option<Grouping>>,
    coder: RwSignal<String>,
    content_lang: &'static str,
) -> impl IntoView {
    let state = use_workshop_state();
    let t = move || state.t();
    let coder_options = project
        .users()
        .iter()
        .map(|u| {
            let name = u.name.clone();
            view! { <option value=u.id.clone()>{move || fill(t().c_only_coder, &[("name", &name)])}</option> }
        })
        .collect_view();
    let coverage = Memo::new(move |_| {
        let g = grouping.get();
        let t = state.t();
        coverage_view(&project, g.as_ref(), &coders_of(&coder.get()), t).map_err(|e| e.message(t))
    });
    // The rows shown: codes with codings at first; the name filter and "show all" change
    // only which rows are hidden, never the figures.
    let query = RwSignal::new(String::new());
    let show_all = RwSignal::new(false);
    let rows_shown = Memo::new(move |_| {
        let (q, all, t) = (query.get(), show_all.get(), state.t());
        coverage.with(|c| c.as_ref().ok().map(|v| filter_rows(&v.rows, &q, all, t)))
    });
    view! {
        <p class="workshop-coder">
            <label for="workshop-coder">{tr(state, |t| t.c_codings_of)}" "</label>
            <select id="workshop-coder" on:change=move |ev| coder.set(select_value(&ev))>
                <option value="">{tr(state, |t| t.c_all_coders)}</option>
                {coder_options}
            </select>
        </p>
        <p class="definitions">
            {tr(state, |t| t.c_defs_intro)}{move || gap(t())}
            <strong>{tr(state, |t| t.c_def_pooled)}</strong>
            " "{tr(state, |t| t.c_defs_pooled)}{move || gap(t())}
            <strong>{tr(state, |t| t.c_def_mean)}</strong>
            " "{tr(state, |t| t.c_defs_mean)}{move || gap(t())}
            {tr(state, |t| t.c_defs_empty_a)}" "<em>{tr(state, |t| t.c_undefined)}</em>{move || gap(t())}{tr(state, |t| t.c_defs_empty_b)}
        </p>
        <div class="code-filter" role="search" id="workshop-code-filter-box">
            <label for="workshop-code-filter">{tr(state, |t| t.c_filter_label)}</label>
            <input
                type="search"
                id="workshop-code-filter"
                autocomplete="off"
                aria-describedby="workshop-codes-shown"
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <label class="check" for="workshop-show-all">
                <input type="checkbox" id="workshop-show-all" on:change=move |ev| show_all.set(event_target_checked(&ev)) />
                <span>{tr(state, |t| t.c_show_all)}</span>
            </label>
            <p class="hint">{tr(state, |t| t.c_filter_hint)}</p>
            <p class="note" id="workshop-codes-shown" role="status" aria-live="polite">{move || rows_shown.with(|f| f.as_ref().map(|f| f.text.clone()).unwrap_or_default())}</p>
        </div>
        {move || {
            let t = state.t();
            match coverage.get() {
                Ok(v) => coverage_tables(v, rows_shown, t, content_lang).into_any(),
                Err(m) => view! { <p class="field-error" role="alert">{m}</p> }.into_any(),
            }
        }}
    }
}
