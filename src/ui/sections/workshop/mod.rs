//! `#workshop`: import your own coded interviews (REFI-QDA `.qdpx`, or CSV files) or the
//! teaching sample, and see their coverage per code × source and per group × time cell (both
//! aggregate definitions), beside the paper's printed coverage, with Cohen's kappa between
//! coders and a CSV export.
//!
//! Everything stays in the page: files are read with `Blob.arrayBuffer()`, nothing is
//! uploaded and nothing is stored (no localStorage); the only request is a same-origin fetch of
//! the shipped sample. Sizes are checked before a file is read. A file that cannot be imported
//! shows the core's message (naming the file, line or element) and leaves the previous import,
//! and the rest of the page, as they were. Imported text is only ever rendered as text.
//!
//! The state is local to the section (signals created here) and independent of the
//! explorer's selection. The numbers come from `core::coverage::view`; this module lays them out
//! (the comparison chart is drawn by `ui::charts::workshop`).

use crate::ui::charts::frame::ChartFrame;
use crate::ui::charts::workshop::draw_comparison;
use crate::ui::export::download_text;
use crate::ui::state::{tr, use_app_state};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use study_core::coverage::{
    export_csv, import_csv, import_qdpx, match_themes, CellKeys, Coders, CsvExport, CsvInput,
    ImportNote, Project, PAPER_THEMES, SAMPLE_NOTICE,
};
use study_core::study::{Coverage, Study};
use study_core::text::i18n::{fill, segments, Segment, Strings};
use study_core::view::coverage::{
    agreement_view, check_csv_sizes, check_qdpx_size, comparison_bars, comparison_summary,
    count_text, coverage_view, mappable_codes, theme_assignments, CoverageView, Definition,
    PairView,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The shipped teaching sample, relative to the page (same origin; copied into dist by Trunk).
const SAMPLE_URL: &str = "sample/teaching-sample.qdpx";

/// One successful import.
struct Imported {
    project: Arc<Project>,
    notes: Vec<ImportNote>,
    /// What was read ("x.qdpx", "the teaching sample", "codings.csv and 3 other files").
    origin: String,
    /// Loaded with the "Load the sample" button.
    sample: bool,
    /// 1 for the first import of the page, then 2, …
    serial: u32,
}

/// An import under way: the project, its notes and whether it is the shipped sample, or a
/// message for the reader.
type ImportJob =
    std::pin::Pin<Box<dyn Future<Output = Result<(Project, Vec<ImportNote>, bool), String>>>>;

/// What the import controls report.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Busy(String),
    Done(String),
    Failed(String),
}

/// A JS error as text.
fn js_text(e: &wasm_bindgen::JsValue, t: &Strings) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| t.c_unknown_error.into())
}

/// The bytes of a picked file.
async fn read_file(file: &web_sys::File, t: &'static Strings) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        fill(t.c_err_browser_read, &[("file", &file.name()), ("error", &js_text(&e, t))])
    })?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The bytes of the shipped sample, fetched from this site.
async fn fetch_sample(t: &'static Strings) -> Result<Vec<u8>, String> {
    let fail = |m: String| fill(t.c_err_sample_fetch, &[("url", SAMPLE_URL), ("error", &m)]);
    let window = web_sys::window().ok_or_else(|| fail(t.c_no_window.into()))?;
    let response = JsFuture::from(window.fetch_with_str(SAMPLE_URL))
        .await
        .map_err(|e| fail(js_text(&e, t)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| fail(t.c_not_http.into()))?;
    if !response.ok() {
        return Err(fail(fill(
            t.c_server_answered,
            &[("status", &response.status().to_string()), ("text", &response.status_text())],
        )));
    }
    let promise = response.array_buffer().map_err(|e| fail(js_text(&e, t)))?;
    let buf = JsFuture::from(promise).await.map_err(|e| fail(js_text(&e, t)))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The files of a file input, in order.
fn files_of(input: Option<web_sys::HtmlInputElement>) -> Vec<web_sys::File> {
    let Some(list) = input.and_then(|i| i.files()) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// JS file sizes are doubles; NaN and negatives read as 0, huge ones saturate.
fn size_of(file: &web_sys::File) -> u64 {
    file.size() as u64
}

/// The value of the `<select>` an event came from.
fn select_value(ev: &leptos::ev::Event) -> String {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// A refusal followed by the note that nothing changed.
fn unchanged(message: &str, t: &Strings) -> String {
    format!("{message}{}{}", if t.c_unchanged.is_ascii() { " " } else { "" }, t.c_unchanged)
}

/// Fills a table entry's `{name}` placeholders as a view: each value in a `<span>` with
/// its own `lang` (the imported project's words keep their language inside a translated
/// sentence); `None` leaves the value as plain text.
fn fill_spans(template: &str, args: &[(&str, String, Option<&'static str>)]) -> Vec<AnyView> {
    segments(template)
        .into_iter()
        .map(|seg| match seg {
            Segment::Text(t) => t.to_string().into_any(),
            Segment::Placeholder(name) => match args.iter().find(|(k, _, _)| *k == name) {
                Some((_, v, Some(lang))) => {
                    view! { <span lang=*lang>{v.clone()}</span> }.into_any()
                }
                Some((_, v, None)) => v.clone().into_any(),
                None => format!("{{{name}}}").into_any(),
            },
        })
        .collect()
}

/// A space between two sentences in English; none between Chinese ones.
fn gap(t: &Strings) -> &'static str {
    if t.c_and.is_ascii() {
        " "
    } else {
        ""
    }
}

/// `#workshop`.
#[component]
pub fn WorkshopSection(study: Arc<Study>) -> impl IntoView {
    let state = use_app_state();
    let imported: RwSignal<Option<Arc<Imported>>> = RwSignal::new(None);
    let status = RwSignal::new(Status::Idle);
    let serial = StoredValue::new(0u32);
    let paper = StoredValue::new(study.raw.coverage.clone());
    let kappa_printed = StoredValue::new((
        study.raw.printed_other.kappa.value.clone(),
        study.raw.printed_other.kappa.source.clone(),
    ));
    let qdpx_ref: NodeRef<Input> = NodeRef::new();
    let codings_ref: NodeRef<Input> = NodeRef::new();
    let sources_ref: NodeRef<Input> = NodeRef::new();
    let texts_ref: NodeRef<Input> = NodeRef::new();

    // Runs one import; on success replaces the data, on failure only reports.
    let run = move |what: String, job: ImportJob| {
        let t = state.lang.get_untracked().strings();
        status.set(Status::Busy(fill(t.c_reading, &[("what", &what)])));
        spawn_local(async move {
            match job.await {
                Ok((project, notes, sample)) => {
                    let n = serial.try_update_value(|s| {
                        *s += 1;
                        *s
                    });
                    let done = fill(t.c_imported, &[("what", &what)]);
                    imported.try_set(Some(Arc::new(Imported {
                        project: Arc::new(project),
                        notes,
                        origin: what,
                        sample,
                        serial: n.unwrap_or(0),
                    })));
                    status.try_set(Status::Done(done));
                }
                Err(message) => {
                    status.try_set(Status::Failed(unchanged(&message, t)));
                }
            }
        });
    };

    let on_qdpx = move |_| {
        let input = qdpx_ref.get_untracked();
        let Some(file) = files_of(input.clone()).into_iter().next() else { return };
        // Let the same file be picked again (a change event needs a new value).
        if let Some(i) = input {
            i.set_value("");
        }
        let name = file.name();
        let t = state.lang.get_untracked().strings();
        run(
            name.clone(),
            Box::pin(async move {
                check_qdpx_size(&name, size_of(&file), t)?;
                let bytes = read_file(&file, t).await?;
                import_qdpx(&bytes).map(|i| (i.project, i.notes, false)).map_err(|e| {
                    fill(t.c_could_not_import, &[("name", &name), ("error", &e.message(t))])
                })
            }),
        );
    };

    let on_sample = move |_| {
        let t = state.lang.get_untracked().strings();
        run(
            t.c_the_sample.into(),
            Box::pin(async move {
                let bytes = fetch_sample(t).await?;
                import_qdpx(&bytes)
                    .map(|i| (i.project, i.notes, true))
                    .map_err(|e| fill(t.c_could_not_import_sample, &[("error", &e.message(t))]))
            }),
        );
    };

    let on_csv = move |_| {
        let codings = files_of(codings_ref.get_untracked()).into_iter().next();
        let sources = files_of(sources_ref.get_untracked()).into_iter().next();
        let texts = files_of(texts_ref.get_untracked());
        let t = state.lang.get_untracked().strings();
        let Some(codings) = codings else {
            status.set(Status::Failed(unchanged(t.c_choose_codings, t)));
            return;
        };
        if texts.is_empty() {
            status.set(Status::Failed(unchanged(t.c_choose_texts, t)));
            return;
        }
        let others = texts.len() + usize::from(sources.is_some());
        let what = fill(
            if others == 1 { t.c_and_other_file } else { t.c_and_other_files },
            &[("codings", &codings.name()), ("n", &others.to_string())],
        );
        run(
            what,
            Box::pin(async move {
                let mut sizes = vec![(codings.name(), size_of(&codings))];
                sizes.extend(sources.iter().map(|f| (f.name(), size_of(f))));
                sizes.extend(texts.iter().map(|f| (f.name(), size_of(f))));
                check_csv_sizes(&sizes, t)?;
                let codings_name = codings.name();
                let codings_bytes = read_file(&codings, t).await?;
                let sources_file = match &sources {
                    Some(f) => Some((f.name(), read_file(f, t).await?)),
                    None => None,
                };
                let mut text_files = Vec::with_capacity(texts.len());
                for f in &texts {
                    text_files.push((f.name(), read_file(f, t).await?));
                }
                let input = CsvInput {
                    codings: (&codings_name, &codings_bytes),
                    sources: sources_file.as_ref().map(|(n, b)| (n.as_str(), b.as_slice())),
                    texts: &text_files,
                };
                import_csv(&input)
                    .map(|i| (i.project, i.notes, false))
                    .map_err(|e| fill(t.c_could_not_import_csv, &[("error", &e.message(t))]))
            }),
        );
    };

    let status_line = move || {
        match status.get() {
        Status::Busy(m) | Status::Done(m) => Some(view! { <p id="workshop-status" class="workshop-status" role="status">{m}</p> }.into_any()),
        Status::Failed(m) => Some(view! { <p id="workshop-error" class="field-error workshop-error" role="alert">{m}</p> }.into_any()),
        Status::Idle => None,
    }
    };

    view! {
        <section id="workshop" class="section" aria-labelledby="workshop-h">
            <h2 id="workshop-h">{tr(state, |t| t.sec_workshop)}</h2>
            <p class="lede">{tr(state, |t| t.c_workshop_lede)}</p>
            <p class="privacy-note" id="workshop-privacy">{tr(state, |t| t.c_privacy)}</p>
            <div class="workshop-import">
                <div class="import-route">
                    <h3>{tr(state, |t| t.c_sample_h)}</h3>
                    <p>{tr(state, |t| t.c_sample_desc)}</p>
                    <button type="button" id="workshop-sample" on:click=on_sample>{tr(state, |t| t.c_load_sample)}</button>
                </div>
                <div class="import-route">
                    <h3>{tr(state, |t| t.c_qdpx_h)}</h3>
                    <label for="workshop-qdpx">{tr(state, |t| t.c_qdpx_label)}</label>
                    <input id="workshop-qdpx" type="file" accept=".qdpx,application/zip" node_ref=qdpx_ref on:change=on_qdpx />
                    <p class="hint">{tr(state, |t| t.c_qdpx_hint)}</p>
                </div>
                <fieldset class="import-route">
                    <legend>{tr(state, |t| t.c_csv_legend)}</legend>
                    <label for="workshop-csv-codings">{tr(state, |t| t.c_csv_codings_label)}</label>
                    <input id="workshop-csv-codings" type="file" accept=".csv,text/csv" node_ref=codings_ref />
                    <label for="workshop-csv-sources">{tr(state, |t| t.c_csv_sources_label)}</label>
                    <input id="workshop-csv-sources" type="file" accept=".csv,text/csv" node_ref=sources_ref />
                    <label for="workshop-csv-texts">{tr(state, |t| t.c_csv_texts_label)}</label>
                    <input id="workshop-csv-texts" type="file" accept=".txt,text/plain" multiple node_ref=texts_ref />
                    <button type="button" id="workshop-csv-import" on:click=on_csv>{tr(state, |t| t.c_csv_import)}</button>
                </fieldset>
            </div>
            {status_line}
            {move || imported.get().map(|data| view! { <Results data=data paper=paper kappa_printed=kappa_printed /> })}
        </section>
    }
}

/// `Coders` from the coder picker's value ("" = all coders).
fn coders_of(value: &str) -> Coders {
    if value.is_empty() {
        Coders::All
    } else {
        Coders::One(value.to_string())
    }
}

/// Indentation class for a code at `depth` (CSS, no inline style).
fn depth_class(depth: usize) -> String {
    format!("code-name depth-{}", depth.clamp(1, 8))
}

/// Everything shown after an import; its signals start afresh with every import.
#[component]
fn Results(
    data: Arc<Imported>,
    paper: StoredValue<Coverage>,
    kappa_printed: StoredValue<(String, String)>,
) -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let project = data.project.clone();
    let is_sample = data.sample
        || project.name().contains(SAMPLE_NOTICE)
        || project.description().contains(SAMPLE_NOTICE);
    // The imported project's own words (names, descriptions): the shipped sample is in
    // English; another project's language is unknown (`lang=""`), not the page's.
    let content_lang: &'static str = if is_sample { "en" } else { "" };
    let detected = project.detect_cell_keys();
    let attributes = project.attribute_names();
    let keys = RwSignal::new(detected.clone());
    let group_pick = RwSignal::new(String::new());
    let time_pick = RwSignal::new(String::new());
    let coder = RwSignal::new(String::new());
    let definition = RwSignal::new(Definition::Pooled);
    let chosen = RwSignal::new(BTreeMap::<String, String>::new());

    let p = project.clone();
    let coverage = Memo::new(move |_| {
        let k = keys.get();
        let t = state.t();
        coverage_view(&p, k.as_ref(), &coders_of(&coder.get()), t).map_err(|e| e.message(t))
    });
    let p = project.clone();
    let table = Memo::new(move |_| {
        let k = keys.get()?;
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

    // The notice naming the project.
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

    // Variable pickers, when group and time are not named so.
    let pickers = match (&detected, attributes.is_empty()) {
        (Some(k), _) => {
            let (g, tm) = (k.group.clone(), k.time.clone());
            view! {
                <p class="note" id="workshop-keys">{move || fill_spans(t().c_keys_detected, &[("group", g.clone(), Some(content_lang)), ("time", tm.clone(), Some(content_lang))])}</p>
            }
            .into_any()
        }
        (None, true) => view! {
            <p class="note" id="workshop-keys">{tr(state, |t| t.c_keys_none)}</p>
        }
        .into_any(),
        (None, false) => {
            let options = move || {
                attributes.iter().map(|a| view! { <option value=a.clone() lang=content_lang>{a.clone()}</option> }).collect_view()
            };
            let update = move || {
                let (g, t) = (group_pick.get_untracked(), time_pick.get_untracked());
                keys.set(
                    (!g.is_empty() && !t.is_empty()).then_some(CellKeys { group: g, time: t }),
                );
            };
            view! {
                <fieldset class="workshop-pickers" id="workshop-keys">
                    <legend>{tr(state, |t| t.c_pickers_legend)}</legend>
                    <label for="workshop-group-var">{tr(state, |t| t.c_group_var)}</label>
                    <select id="workshop-group-var" on:change=move |ev| { group_pick.set(select_value(&ev)); update(); }>
                        <option value="">{tr(state, |t| t.c_choose)}</option>
                        {options.clone()}
                    </select>
                    <label for="workshop-time-var">{tr(state, |t| t.c_time_var)}</label>
                    <select id="workshop-time-var" on:change=move |ev| { time_pick.set(select_value(&ev)); update(); }>
                        <option value="">{tr(state, |t| t.c_choose)}</option>
                        {options}
                    </select>
                </fieldset>
            }
            .into_any()
        }
    };

    let coder_options = project
        .users()
        .iter()
        .map(|u| {
            let name = u.name.clone();
            view! { <option value=u.id.clone()>{move || fill(t().c_only_coder, &[("name", &name)])}</option> }
        })
        .collect_view();

    // The comparison with the paper.
    let p = project.clone();
    let mapping = if mappable.is_empty() {
        view! { <p class="note">{tr(state, |t| t.c_mapping_none)}</p> }.into_any()
    } else {
        let rows = mappable
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let id = format!("workshop-map-{}", i + 1);
                let name = p.code_row(code).map(|r| r.name).unwrap_or_else(|| code.clone());
                let code = code.clone();
                let options = PAPER_THEMES.iter().map(|(id, n)| view! { <option value=*id lang="en">{*n}</option> }).collect_view();
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
    };
    let assignment_list = move || {
        assignments
            .get()
            .into_iter()
            .map(|a| view! { <li data-theme=a.theme.clone()><strong lang="en">{a.theme_name}</strong>{if gap(state.t()).is_empty() { "：" } else { ": " }}{a.note}</li> })
            .collect_view()
    };
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
    let comparison = view! {
        <Show
            when=move || bars.with(|b| b.is_some())
            fallback=move || view! { <p class="note" id="workshop-compare-none">{tr(state, |t| t.c_compare_none)}</p> }
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
    };

    // Agreement.
    let p = project.clone();
    let n_coders = project.users().len();
    let (kappa_value, kappa_source) = kappa_printed.get_value();
    let kappa_body = move || {
        let t = state.t();
        let pairs = agreement_view(&p, t);
        if pairs.is_empty() {
            let template = if n_coders == 1 { t.c_kappa_none_one } else { t.c_kappa_none_many };
            view! { <p id="workshop-kappa-none" class="note">{fill(template, &[("n", &n_coders.to_string())])}</p> }.into_any()
        } else {
            pairs
                .into_iter()
                .enumerate()
                .map(|(i, pair)| kappa_table(i, pair, t, content_lang))
                .collect_view()
                .into_any()
        }
    };

    // Export.
    let export: StoredValue<Result<CsvExport, study_core::coverage::CsvError>> =
        StoredValue::new(export_csv(&project));
    let export_view = export.with_value(|e| match e {
        Ok(x) => {
            let n_texts = x.texts.len();
            let texts = x
                .texts
                .iter()
                .enumerate()
                .map(|(i, (name, _))| {
                    let file = name.clone();
                    view! {
                        <li><button type="button" class="link-button" on:click=move |_| export.with_value(|e| if let Ok(x) = e {
                            if let Some((n, t)) = x.texts.get(i) { download_text(t, "text/plain;charset=utf-8", n); }
                        })>{move || fill(t().c_download_file, &[("file", &file)])}</button></li>
                    }
                })
                .collect_view();
            view! {
                <p class="export-actions">
                    <button type="button" id="workshop-export-codings" on:click=move |_| export.with_value(|e| if let Ok(x) = e { download_text(&x.codings_csv, "text/csv;charset=utf-8", "codings.csv"); })>{tr(state, |t| t.c_download_codings)}</button>
                    " "
                    <button type="button" id="workshop-export-sources" on:click=move |_| export.with_value(|e| if let Ok(x) = e { download_text(&x.sources_csv, "text/csv;charset=utf-8", "sources.csv"); })>{tr(state, |t| t.c_download_sources)}</button>
                </p>
                <details class="export-texts">
                    <summary>{move || fill(t().c_export_texts, &[("n", &n_texts.to_string())])}</summary>
                    <ul>{texts}</ul>
                </details>
            }
            .into_any()
        }
        Err(e) => {
            let e = e.clone();
            view! { <p class="field-error" role="alert">{move || fill(t().c_export_failed, &[("error", &e.message(t()))])}</p> }.into_any()
        }
    });

    let summary_project = project.clone();
    let origin = data.origin.clone();
    view! {
        <div id="workshop-results" class="workshop-results" data-serial=data.serial.to_string()>
            <div class="notice workshop-notice" id="workshop-notice">
                {sample_label}
                <p class="import-summary">{move || {
                    let t = t();
                    // As core's import_summary, with the project's name in its own language.
                    let p = &summary_project;
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

            <h3>{tr(state, |t| t.sec_coverage)}</h3>
            {pickers}
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
            {move || {
                let t = state.t();
                match coverage.get() {
                    Ok(v) => coverage_tables(v, t, content_lang).into_any(),
                    Err(m) => view! { <p class="field-error" role="alert">{m}</p> }.into_any(),
                }
            }}

            <h3>{tr(state, |t| t.c_beside_h)}</h3>
            <p>{tr(state, |t| t.c_beside_text)}</p>
            <fieldset class="workshop-definition">
                <legend>{tr(state, |t| t.c_def_legend)}</legend>
                <label class="check">
                    <input type="radio" name="workshop-definition" value="pooled" prop:checked=move || definition.get() == Definition::Pooled on:change=move |_| definition.set(Definition::Pooled) />
                    <span>{move || Definition::Pooled.label(t())}</span>
                </label>
                <label class="check">
                    <input type="radio" name="workshop-definition" value="mean" prop:checked=move || definition.get() == Definition::MeanOfSources on:change=move |_| definition.set(Definition::MeanOfSources) />
                    <span>{move || Definition::MeanOfSources.label(t())}</span>
                </label>
            </fieldset>
            <ul class="theme-assignments" id="workshop-assignments">{assignment_list}</ul>
            {mapping}
            {comparison}

            <h3>{tr(state, |t| t.c_agreement_h)}</h3>
            <div class="kappa-method" id="workshop-kappa-method">
                <p>{tr(state, |t| t.c_kappa_method_1)}</p>
                <p>{tr(state, |t| t.c_kappa_method_2)}</p>
                <p id="workshop-kappa-paper">
                    {tr(state, |t| t.c_kappa_paper_a)}" \u{3ba} = "<strong class="printed-kappa">{kappa_value}</strong>
                    {move || if gap(t()).is_empty() { "（" } else { " (" }}<span lang="en">{kappa_source}</span>{move || if gap(t()).is_empty() { "）。" } else { "). " }}
                    {tr(state, |t| t.c_kappa_paper_b)}
                </p>
            </div>
            <div id="workshop-kappa">{kappa_body}</div>

            <h3>{tr(state, |t| t.c_export_h)}</h3>
            <p>{tr(state, |t| t.c_export_text)}</p>
            {export_view}
        </div>
    }
}

/// The two coverage tables: codes × cells (both definitions) and codes × sources.
fn coverage_tables(
    v: CoverageView,
    t: &'static Strings,
    content_lang: &'static str,
) -> impl IntoView {
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
            .map(|r| {
                let tds = r
                    .cells
                    .iter()
                    .zip(&v.cells)
                    .map(|(c, head)| {
                        view! {
                            <td class="num" data-group=head.group.clone() data-time=head.time.clone() data-def="pooled">{c.pooled_text.clone()}</td>
                            <td class="num" data-group=head.group.clone() data-time=head.time.clone() data-def="mean">{c.mean_text.clone()}</td>
                        }
                    })
                    .collect_view();
                view! { <tr data-code=r.code.clone() class:aggregate=r.aggregate>{code_head(&r.name, r.depth, r.aggregate, t, content_lang)}{tds}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=t.c_cells_region>
                <table id="workshop-cells" class="workshop-table">
                    <caption>{t.c_cells_caption}</caption>
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
        view! { <p class="note" id="workshop-unassigned">{fill_spans(t.c_unassigned, &[("n", v.unassigned.len().to_string(), None), ("names", v.unassigned.join("; "), Some(content_lang))])}</p> }
    });
    let source_heads = v
        .sources
        .iter()
        .map(|s| view! { <th scope="col" class="num"><abbr title=s.name.clone() lang=content_lang>{s.key.clone()}</abbr></th> })
        .collect_view();
    let source_rows = v
        .rows
        .iter()
        .map(|r| {
            let tds = r
                .sources
                .iter()
                .zip(&v.sources)
                .map(|(c, head)| view! { <td class="num" data-source=head.id.clone()>{c.text.clone()}</td> })
                .collect_view();
            view! { <tr data-code=r.code.clone() class:aggregate=r.aggregate>{code_head(&r.name, r.depth, r.aggregate, t, content_lang)}{tds}</tr> }
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
    view! {
        {cell_table}
        {unassigned}
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
                <thead><tr><th scope="col">{t.c_col_key}</th><th scope="col">{t.c_col_source}</th><th scope="col">{t.c_col_group_time}</th><th scope="col" class="num">{t.c_col_chars}</th></tr></thead>
                <tbody>{source_list}</tbody>
            </table>
        </div>
    }
}

/// A code's row head, indented by depth, aggregates marked.
fn code_head(
    name: &str,
    depth: usize,
    aggregate: bool,
    t: &'static Strings,
    content_lang: &'static str,
) -> impl IntoView {
    let mark = aggregate.then(|| view! { " "<span class="aggregate-mark" title=t.c_aggregate_title>{t.c_with_subcodes}</span> });
    view! { <th scope="row" class=depth_class(depth)><span class="code-label" lang=content_lang>{name.to_string()}</span>{mark}</th> }
}

/// One pair of coders' kappa table.
fn kappa_table(
    index: usize,
    pair: PairView,
    t: &'static Strings,
    content_lang: &'static str,
) -> impl IntoView {
    let rows = pair
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr data-code=r.code.clone() class:aggregate=r.aggregate>
                    {code_head(&r.name, r.depth, r.aggregate, t, content_lang)}
                    <td class="num kappa" data-value=r.kappa.map(|k| format!("{k:.6}")).unwrap_or_default()>{r.kappa_text.clone()}</td>
                    <td class="num kappa-weighted" data-value=r.weighted.map(|k| format!("{k:.6}")).unwrap_or_default()>{r.weighted_text.clone()}</td>
                    <td class="num">{r.table.both}</td>
                    <td class="num">{r.table.only_a}</td>
                    <td class="num">{r.table.only_b}</td>
                    <td class="num">{r.table.neither}</td>
                </tr>
            }
        })
        .collect_view();
    let ot = pair.overall_table;
    let (a, b) = (pair.coder_a.as_str(), pair.coder_b.as_str());
    let caption = if pair.n_sources == 1 { t.c_kappa_caption_one } else { t.c_kappa_caption_many };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=fill(t.c_agreement_region, &[("a", a), ("b", b)])>
            <table class="kappa-table workshop-table" id=format!("workshop-kappa-{}", index + 1)>
                <caption>{fill_spans(caption, &[("a", a.to_string(), Some(content_lang)), ("b", b.to_string(), Some(content_lang)), ("n", pair.n_sources.to_string(), None)])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.c_col_code}</th>
                        <th scope="col" class="num">{t.c_col_kappa_pooled}</th>
                        <th scope="col" class="num">{t.c_col_kappa_weighted}</th>
                        <th scope="col" class="num">{t.c_col_both}</th>
                        <th scope="col" class="num">{fill(t.c_only_coder, &[("name", a)])}</th>
                        <th scope="col" class="num">{fill(t.c_only_coder, &[("name", b)])}</th>
                        <th scope="col" class="num">{t.c_col_neither}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="overall">
                        <th scope="row">{t.c_overall}</th>
                        <td class="num kappa overall-pooled" data-value=pair.overall_pooled.map(|k| format!("{k:.6}")).unwrap_or_default()>{pair.overall_pooled_text.clone()}</td>
                        <td class="num kappa-weighted overall-weighted" data-value=pair.overall_weighted.map(|k| format!("{k:.6}")).unwrap_or_default()>{pair.overall_weighted_text.clone()}</td>
                        <td class="num">{ot.both}</td>
                        <td class="num">{ot.only_a}</td>
                        <td class="num">{ot.only_b}</td>
                        <td class="num">{ot.neither}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
