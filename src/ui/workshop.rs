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
//! explorer's selection. The numbers come from `core::coverage::view`; this file lays them out
//! and draws the comparison chart.

use crate::core::coverage::view::{
    agreement_view, check_csv_sizes, check_qdpx_size, comparison_bars, comparison_summary, coverage_view, import_summary,
    mappable_codes, theme_assignments, ComparisonBar, CoverageView, Definition, PairView,
};
use crate::core::coverage::{export_csv, import_csv, import_qdpx, match_themes, CellKeys, Coders, CsvExport, CsvInput, Project, PAPER_THEMES, SAMPLE_NOTICE};
use crate::core::dataset::{Coverage, Study, Time};
use crate::ui::charts::{err, root, themed, ChartFrame, Palette, Scale};
use crate::ui::export::download_text;
use leptos::html::Input;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The shipped teaching sample, relative to the page (same origin; copied into dist by Trunk).
const SAMPLE_URL: &str = "sample/teaching-sample.qdpx";

/// One successful import.
struct Imported {
    project: Arc<Project>,
    notes: Vec<String>,
    /// What was read ("x.qdpx", "the teaching sample", "codings.csv and 3 other files").
    origin: String,
    /// Loaded with the "Load the sample" button.
    sample: bool,
    /// 1 for the first import of the page, then 2, …
    serial: u32,
}

/// An import under way: the project, its notes and whether it is the shipped sample, or a
/// message for the reader.
type ImportJob = std::pin::Pin<Box<dyn Future<Output = Result<(Project, Vec<String>, bool), String>>>>;

/// What the import controls report.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Busy(String),
    Done(String),
    Failed(String),
}

/// A JS error as text.
fn js_text(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "unknown error".into())
}

/// The bytes of a picked file.
async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{}: the browser could not read the file ({})", file.name(), js_text(&e)))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The bytes of the shipped sample, fetched from this site.
async fn fetch_sample() -> Result<Vec<u8>, String> {
    let fail = |m: String| format!("The teaching sample could not be loaded from this site ({SAMPLE_URL}): {m}");
    let window = web_sys::window().ok_or_else(|| fail("no browser window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(SAMPLE_URL)).await.map_err(|e| fail(js_text(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| fail("the answer is not an HTTP response".into()))?;
    if !response.ok() {
        return Err(fail(format!("the server answered {} {}", response.status(), response.status_text())));
    }
    let promise = response.array_buffer().map_err(|e| fail(js_text(&e)))?;
    let buf = JsFuture::from(promise).await.map_err(|e| fail(js_text(&e)))?;
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
    ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default()
}

const UNCHANGED: &str = "Nothing was imported; the data shown before (if any) is unchanged.";

/// `#workshop`.
#[component]
pub fn WorkshopSection(study: Arc<Study>, state: AppState) -> impl IntoView {
    let _ = state;
    let imported: RwSignal<Option<Arc<Imported>>> = RwSignal::new(None);
    let status = RwSignal::new(Status::Idle);
    let serial = StoredValue::new(0u32);
    let paper = StoredValue::new(study.raw.coverage.clone());
    let kappa_printed = StoredValue::new((study.raw.printed_other.kappa.value.clone(), study.raw.printed_other.kappa.source.clone()));
    let qdpx_ref: NodeRef<Input> = NodeRef::new();
    let codings_ref: NodeRef<Input> = NodeRef::new();
    let sources_ref: NodeRef<Input> = NodeRef::new();
    let texts_ref: NodeRef<Input> = NodeRef::new();

    // Runs one import; on success replaces the data, on failure only reports.
    let run = move |what: String, job: ImportJob| {
        status.set(Status::Busy(format!("Reading {what}\u{2026}")));
        spawn_local(async move {
            match job.await {
                Ok((project, notes, sample)) => {
                    let n = serial.try_update_value(|s| {
                        *s += 1;
                        *s
                    });
                    let done = format!("Imported {what}.");
                    imported.try_set(Some(Arc::new(Imported { project: Arc::new(project), notes, origin: what, sample, serial: n.unwrap_or(0) })));
                    status.try_set(Status::Done(done));
                }
                Err(message) => {
                    status.try_set(Status::Failed(format!("{message} {UNCHANGED}")));
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
        run(
            name.clone(),
            Box::pin(async move {
                check_qdpx_size(&name, size_of(&file))?;
                let bytes = read_file(&file).await?;
                import_qdpx(&bytes)
                    .map(|i| (i.project, i.notes, false))
                    .map_err(|e| format!("Could not import {name}: {e}."))
            }),
        );
    };

    let on_sample = move |_| {
        run(
            "the teaching sample".into(),
            Box::pin(async move {
                let bytes = fetch_sample().await?;
                import_qdpx(&bytes)
                    .map(|i| (i.project, i.notes, true))
                    .map_err(|e| format!("Could not import the teaching sample: {e}."))
            }),
        );
    };

    let on_csv = move |_| {
        let codings = files_of(codings_ref.get_untracked()).into_iter().next();
        let sources = files_of(sources_ref.get_untracked()).into_iter().next();
        let texts = files_of(texts_ref.get_untracked());
        let Some(codings) = codings else {
            status.set(Status::Failed(format!("Choose a codings CSV (columns source, start, end, code, coder) first. {UNCHANGED}")));
            return;
        };
        if texts.is_empty() {
            status.set(Status::Failed(format!("Choose the plain-text source files the codings refer to (you can pick several at once). {UNCHANGED}")));
            return;
        }
        let what = format!("{} and {} other file{}", codings.name(), texts.len() + usize::from(sources.is_some()), if texts.len() + usize::from(sources.is_some()) == 1 { "" } else { "s" });
        run(
            what,
            Box::pin(async move {
                let mut sizes = vec![(codings.name(), size_of(&codings))];
                sizes.extend(sources.iter().map(|f| (f.name(), size_of(f))));
                sizes.extend(texts.iter().map(|f| (f.name(), size_of(f))));
                check_csv_sizes(&sizes)?;
                let codings_name = codings.name();
                let codings_bytes = read_file(&codings).await?;
                let sources_file = match &sources {
                    Some(f) => Some((f.name(), read_file(f).await?)),
                    None => None,
                };
                let mut text_files = Vec::with_capacity(texts.len());
                for f in &texts {
                    text_files.push((f.name(), read_file(f).await?));
                }
                let input = CsvInput {
                    codings: (&codings_name, &codings_bytes),
                    sources: sources_file.as_ref().map(|(n, b)| (n.as_str(), b.as_slice())),
                    texts: &text_files,
                };
                import_csv(&input).map(|i| (i.project, i.notes, false)).map_err(|e| format!("Could not import the CSV files: {e}."))
            }),
        );
    };

    let status_line = move || match status.get() {
        Status::Busy(m) | Status::Done(m) => Some(view! { <p id="workshop-status" class="workshop-status" role="status">{m}</p> }.into_any()),
        Status::Failed(m) => Some(view! { <p id="workshop-error" class="field-error workshop-error" role="alert">{m}</p> }.into_any()),
        Status::Idle => None,
    };

    view! {
        <section id="workshop" class="section" aria-labelledby="workshop-h">
            <h2 id="workshop-h">"Workshop"</h2>
            <p class="lede">
                "Recompute coverage on your own coded interviews and compare it with the paper. Import a REFI-QDA project (.qdpx, exported by NVivo, ATLAS.ti, MAXQDA and others) or CSV files, or load the teaching sample. "
                "Coverage of a code in a source is the share of the source's characters coded at it (overlapping codings count once; a parent code includes its sub-codes). Positions count Unicode characters, not bytes."
            </p>
            <p class="privacy-note" id="workshop-privacy">
                "Your files stay in this page: your browser reads them, nothing is uploaded and nothing is saved. Reloading the page forgets the import. The only request this section makes is for the teaching sample, from this site."
            </p>
            <div class="workshop-import">
                <div class="import-route">
                    <h3>"The teaching sample"</h3>
                    <p>"Eight short excerpts built from quotations printed in the paper (not the study's transcripts), coded with the paper's codebook by two invented coders."</p>
                    <button type="button" id="workshop-sample" on:click=on_sample>"Load the sample"</button>
                </div>
                <div class="import-route">
                    <h3>"A REFI-QDA project"</h3>
                    <label for="workshop-qdpx">"Project file (.qdpx)"</label>
                    <input id="workshop-qdpx" type="file" accept=".qdpx,application/zip" node_ref=qdpx_ref on:change=on_qdpx />
                    <p class="hint">"Imported as soon as it is chosen. Only text sources are read."</p>
                </div>
                <fieldset class="import-route">
                    <legend>"CSV files"</legend>
                    <label for="workshop-csv-codings">"Codings CSV (columns source, start, end, code, coder; a code written \u{201c}Parent > Child\u{201d} is nested)"</label>
                    <input id="workshop-csv-codings" type="file" accept=".csv,text/csv" node_ref=codings_ref />
                    <label for="workshop-csv-sources">"Sources CSV (optional: source, then attributes such as group and time)"</label>
                    <input id="workshop-csv-sources" type="file" accept=".csv,text/csv" node_ref=sources_ref />
                    <label for="workshop-csv-texts">"Plain-text sources (.txt, pick several at once; the file name without .txt is the source)"</label>
                    <input id="workshop-csv-texts" type="file" accept=".txt,text/plain" multiple node_ref=texts_ref />
                    <button type="button" id="workshop-csv-import" on:click=on_csv>"Import the CSV files"</button>
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
fn Results(data: Arc<Imported>, paper: StoredValue<Coverage>, kappa_printed: StoredValue<(String, String)>) -> impl IntoView {
    let project = data.project.clone();
    let is_sample = data.sample || project.name().contains(SAMPLE_NOTICE) || project.description().contains(SAMPLE_NOTICE);
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
        coverage_view(&p, k.as_ref(), &coders_of(&coder.get())).map_err(|e| e.to_string())
    });
    let p = project.clone();
    let table = Memo::new(move |_| {
        let k = keys.get()?;
        p.coverage_table(&k, &coders_of(&coder.get())).ok()
    });
    let themes = match_themes(&project, &PAPER_THEMES);
    let mappable = mappable_codes(&project, &themes);
    let p = project.clone();
    let assignments = Memo::new(move |_| chosen.with(|c| theme_assignments(&p, &themes, &PAPER_THEMES, c)));
    let p = project.clone();
    let bars = Memo::new(move |_| {
        let t = table.get()?;
        let a = assignments.get();
        Some(paper.with_value(|c| comparison_bars(c, &p, &t, &a, definition.get())))
    });
    let summary = Signal::derive(move || bars.get().map(|b| comparison_summary(&b, definition.get())).unwrap_or_default());

    // The notice naming the project.
    let sample_label = is_sample.then(|| {
        view! {
            <p class="sample-label" id="workshop-sample-label">
                <strong>"Teaching sample: "</strong>
                "built from quotations printed in the paper, not the study's transcripts. Its group \u{d7} time cells are assigned for the exercise, so its percentages say nothing about the study. "
                <span class="sample-notice">{SAMPLE_NOTICE}</span>
            </p>
        }
    });
    let description = (!project.description().trim().is_empty()).then(|| view! { <p class="project-description">{project.description().to_string()}</p> });
    let notes = (!data.notes.is_empty()).then(|| {
        let items = data.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view();
        view! { <p>"Import notes:"</p><ul class="import-notes">{items}</ul> }
    });

    // Variable pickers, when group and time are not named so.
    let pickers = match (&detected, attributes.is_empty()) {
        (Some(k), _) => view! {
            <p class="note" id="workshop-keys">{format!("Group \u{d7} time cells come from the source variables \u{201c}{}\u{201d} and \u{201c}{}\u{201d}.", k.group, k.time)}</p>
        }
        .into_any(),
        (None, true) => view! {
            <p class="note" id="workshop-keys">"The sources have no variables (attributes), so there are no group \u{d7} time cells: coverage is shown per source only."</p>
        }
        .into_any(),
        (None, false) => {
            let options = move || attributes.iter().map(|a| view! { <option value=a.clone()>{a.clone()}</option> }).collect_view();
            let update = move || {
                let (g, t) = (group_pick.get_untracked(), time_pick.get_untracked());
                keys.set((!g.is_empty() && !t.is_empty()).then_some(CellKeys { group: g, time: t }));
            };
            view! {
                <fieldset class="workshop-pickers" id="workshop-keys">
                    <legend>"No variables named group and time were found: choose which variable is which"</legend>
                    <label for="workshop-group-var">"Group variable"</label>
                    <select id="workshop-group-var" on:change=move |ev| { group_pick.set(select_value(&ev)); update(); }>
                        <option value="">"(choose)"</option>
                        {options.clone()}
                    </select>
                    <label for="workshop-time-var">"Time variable"</label>
                    <select id="workshop-time-var" on:change=move |ev| { time_pick.set(select_value(&ev)); update(); }>
                        <option value="">"(choose)"</option>
                        {options}
                    </select>
                </fieldset>
            }
            .into_any()
        }
    };

    let coder_options = project.users().iter().map(|u| view! { <option value=u.id.clone()>{format!("Only {}", u.name)}</option> }).collect_view();

    // The comparison with the paper.
    let p = project.clone();
    let mapping = if mappable.is_empty() {
        view! { <p class="note">"Every code either matches a theme by name or is not needed for the comparison."</p> }.into_any()
    } else {
        let rows = mappable
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let id = format!("workshop-map-{}", i + 1);
                let name = p.code_row(code).map(|r| r.name).unwrap_or_else(|| code.clone());
                let code = code.clone();
                let options = PAPER_THEMES.iter().map(|(t, n)| view! { <option value=*t>{*n}</option> }).collect_view();
                view! {
                    <div class="map-row">
                        <label for=id.clone()>{name}</label>
                        <select id=id data-code=code.clone() on:change=move |ev| {
                            let v = select_value(&ev);
                            chosen.update(|m| {
                                if v.is_empty() { m.remove(&code); } else { m.insert(code.clone(), v); }
                            });
                        }>
                            <option value="">"(not mapped)"</option>
                            {options}
                        </select>
                    </div>
                }
            })
            .collect_view();
        view! {
            <details class="theme-mapping" id="workshop-mapping">
                <summary>"Map other codes to the paper's themes"</summary>
                <p class="note">"Codes whose names match a theme (case, spaces, hyphens and underscores aside) are used automatically. Map a code here to compare it with a theme; a code you map replaces a match by name."</p>
                {rows}
            </details>
        }
        .into_any()
    };
    let assignment_list = move || {
        assignments
            .get()
            .into_iter()
            .map(|a| view! { <li data-theme=a.theme.clone()><strong>{a.theme_name}</strong>": "{a.note}</li> })
            .collect_view()
    };
    let compare_rows = move || {
        bars.get()
            .unwrap_or_default()
            .into_iter()
            .map(|b| {
                let paper_text = b.paper.map(crate::core::format::percent).unwrap_or_else(|| "not reported".into());
                let class = if b.paper.is_some() { "reported" } else { "not-reported" };
                view! {
                    <tr class=class data-theme=b.theme.clone() data-group=b.group.label() data-time=b.time.label()>
                        <th scope="row">{b.theme_name}</th>
                        <td>{b.group.label()}</td>
                        <td>{b.time.label()}</td>
                        <td class="num paper-value">{paper_text}</td>
                        <td class="num imported-value">{b.imported_text}</td>
                        <td>{b.code_name.unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let comparison = view! {
        <Show
            when=move || bars.with(|b| b.is_some())
            fallback=|| view! { <p class="note" id="workshop-compare-none">"Choose the group and time variables above to compare with the paper."</p> }
        >
            <ChartFrame
                id="chart-workshop"
                title="Imported coverage beside the paper's printed coverage, by theme, group and time"
                summary=summary
                height=360
                draw=move |c, pal, s| draw_comparison(c, &bars.get().unwrap_or_default(), definition.get(), pal, s)
            >
                <table id="workshop-compare-table">
                    <thead><tr><th scope="col">"Theme"</th><th scope="col">"Group"</th><th scope="col">"Time"</th><th scope="col" class="num">"Paper"</th><th scope="col" class="num">{move || format!("Imported, {}", definition.get().label())}</th><th scope="col">"Imported code"</th></tr></thead>
                    <tbody>{compare_rows}</tbody>
                </table>
            </ChartFrame>
        </Show>
    };

    // Agreement.
    let pairs = agreement_view(&project);
    let n_coders = project.users().len();
    let (kappa_value, kappa_source) = kappa_printed.get_value();
    let kappa_body = if pairs.is_empty() {
        view! {
            <p id="workshop-kappa-none" class="note">{format!(
                "Agreement needs two or more coders who coded the same sources; this project has {n_coders} coder{} and no source coded by two of them.",
                if n_coders == 1 { "" } else { "s" }
            )}</p>
        }
        .into_any()
    } else {
        pairs.into_iter().enumerate().map(|(i, pair)| kappa_table(i, pair)).collect_view().into_any()
    };

    // Export.
    let export: StoredValue<Result<CsvExport, String>> = StoredValue::new(export_csv(&project).map_err(|e| e.to_string()));
    let export_view = export.with_value(|e| match e {
        Ok(x) => {
            let texts = x
                .texts
                .iter()
                .enumerate()
                .map(|(i, (name, _))| {
                    let file = name.clone();
                    view! {
                        <li><button type="button" class="link-button" on:click=move |_| export.with_value(|e| if let Ok(x) = e {
                            if let Some((n, t)) = x.texts.get(i) { download_text(t, "text/plain;charset=utf-8", n); }
                        })>{format!("Download {file}")}</button></li>
                    }
                })
                .collect_view();
            view! {
                <p class="export-actions">
                    <button type="button" id="workshop-export-codings" on:click=move |_| export.with_value(|e| if let Ok(x) = e { download_text(&x.codings_csv, "text/csv;charset=utf-8", "codings.csv"); })>"Download the codings CSV"</button>
                    " "
                    <button type="button" id="workshop-export-sources" on:click=move |_| export.with_value(|e| if let Ok(x) = e { download_text(&x.sources_csv, "text/csv;charset=utf-8", "sources.csv"); })>"Download the sources CSV"</button>
                </p>
                <details class="export-texts">
                    <summary>{format!("The {} source texts (for importing the CSV again)", x.texts.len())}</summary>
                    <ul>{texts}</ul>
                </details>
            }
            .into_any()
        }
        Err(m) => view! { <p class="field-error" role="alert">{format!("The project could not be exported as CSV: {m}")}</p> }.into_any(),
    });

    view! {
        <div id="workshop-results" class="workshop-results" data-serial=data.serial.to_string()>
            <div class="notice workshop-notice" id="workshop-notice">
                {sample_label}
                <p class="import-summary">{import_summary(&project)}" Read from "{data.origin.clone()}"."</p>
                {description}
                {notes}
            </div>

            <h3>"Coverage"</h3>
            {pickers}
            <p class="workshop-coder">
                <label for="workshop-coder">"Codings of "</label>
                <select id="workshop-coder" on:change=move |ev| coder.set(select_value(&ev))>
                    <option value="">"All coders (a character counts if any coder coded it)"</option>
                    {coder_options}
                </select>
            </p>
            <p class="definitions">
                "Each group \u{d7} time cell has two figures. "
                <strong>"pooled (\u{3a3} coded \u{f7} \u{3a3} characters)"</strong>
                " adds up the coded characters of the cell's sources and divides by all their characters, so long interviews weigh more. "
                <strong>"mean of per-source %"</strong>
                " averages the sources' own percentages, so every interview weighs the same. NVivo defines neither for a set of sources, and the paper does not say which it printed. "
                "An empty source has "<em>"undefined"</em>" coverage (not 0%) and is left out of the mean."
            </p>
            {move || match coverage.get() {
                Ok(v) => coverage_tables(v).into_any(),
                Err(m) => view! { <p class="field-error" role="alert">{m}</p> }.into_any(),
            }}

            <h3>"Beside the paper"</h3>
            <p>"The paper prints coverage for five second-order themes. Where an imported code stands for a theme, its coverage (for the coders chosen above) is drawn beside the printed value. Cells the paper's text does not report are outlined, never drawn as zero. In each theme the bars run Service T1, Service T2, Development T1, Development T2; in each pair the left bar is the paper, the right (striped) one the import."</p>
            <fieldset class="workshop-definition">
                <legend>"Imported figure to compare"</legend>
                <label class="check">
                    <input type="radio" name="workshop-definition" value="pooled" prop:checked=move || definition.get() == Definition::Pooled on:change=move |_| definition.set(Definition::Pooled) />
                    <span>{Definition::Pooled.label()}</span>
                </label>
                <label class="check">
                    <input type="radio" name="workshop-definition" value="mean" prop:checked=move || definition.get() == Definition::MeanOfSources on:change=move |_| definition.set(Definition::MeanOfSources) />
                    <span>{Definition::MeanOfSources.label()}</span>
                </label>
            </fieldset>
            <ul class="theme-assignments" id="workshop-assignments">{assignment_list}</ul>
            {mapping}
            {comparison}

            <h3>"Agreement between coders"</h3>
            <div class="kappa-method" id="workshop-kappa-method">
                <p>
                    "How kappa is computed here: at the character level. For each code and each coder, every character of a source is either coded or not coded (a parent code counts its sub-codes' codings too). "
                    "Two coders' coded/not-coded characters form a 2 \u{d7} 2 table (both, only the first, only the second, neither), and Cohen's \u{3ba} = (p\u{2092} \u{2212} p\u{2091}) \u{f7} (1 \u{2212} p\u{2091}): p\u{2092} is the share of characters they agree on, p\u{2091} the agreement expected by chance from how much each coded. "
                    "Only sources both coders coded are compared."
                </p>
                <p>
                    "Per code, \u{201c}pooled\u{201d} adds the tables of those sources; \u{201c}weighted\u{201d} averages the per-source \u{3ba} weighted by source length, as NVivo's coding comparison does. "
                    "Overall, each code counts only its own codings (a character is not counted again for each parent), over the codes either coder used. "
                    "\u{3ba} is undefined (not 0, not 1) when chance agreement is 1: both coders coded nothing, or both coded everything, in what is compared."
                </p>
                <p id="workshop-kappa-paper">
                    "The paper prints \u{3ba} = "<strong class="printed-kappa">{kappa_value}</strong>" ("{kappa_source}"). It does not say at what unit or how it pooled codes and sources, so it is a reference point, not the same measurement."
                </p>
            </div>
            <div id="workshop-kappa">{kappa_body}</div>

            <h3>"Export"</h3>
            <p>"Save the imported project as CSV files (codings, sources with their variables, and the texts), which the CSV route above reads back. The files are made in this page."</p>
            {export_view}
        </div>
    }
}

/// The two coverage tables: codes × cells (both definitions) and codes × sources.
fn coverage_tables(v: CoverageView) -> impl IntoView {
    let cell_table = (!v.cells.is_empty()).then(|| {
        let top = v
            .cells
            .iter()
            .map(|c| {
                let empty = if c.n_empty > 0 { format!(", {} empty", c.n_empty) } else { String::new() };
                view! { <th scope="colgroup" colspan="2" class="cell-head">{c.label.clone()}<span class="cell-n">{format!(" ({} source{}{empty}, {} characters)", c.n_sources, if c.n_sources == 1 { "" } else { "s" }, c.total_chars)}</span></th> }
            })
            .collect_view();
        let sub = v
            .cells
            .iter()
            .map(|_| view! { <th scope="col" class="num">{Definition::Pooled.label()}</th><th scope="col" class="num">{Definition::MeanOfSources.label()}</th> })
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
                view! { <tr data-code=r.code.clone() class:aggregate=r.aggregate>{code_head(&r.name, r.depth, r.aggregate)}{tds}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Coverage by group and time cell">
                <table id="workshop-cells" class="workshop-table">
                    <caption>"Coverage per code and group \u{d7} time cell, both definitions"</caption>
                    <thead>
                        <tr><th scope="col" rowspan="2">"Code"</th>{top}</tr>
                        <tr>{sub}</tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let unassigned = (!v.unassigned.is_empty()).then(|| {
        view! { <p class="note" id="workshop-unassigned">{format!("{} source(s) lack a group or time value and belong to no cell: {}.", v.unassigned.len(), v.unassigned.join("; "))}</p> }
    });
    let source_heads = v
        .sources
        .iter()
        .map(|s| view! { <th scope="col" class="num"><abbr title=s.name.clone()>{s.key.clone()}</abbr></th> })
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
            view! { <tr data-code=r.code.clone() class:aggregate=r.aggregate>{code_head(&r.name, r.depth, r.aggregate)}{tds}</tr> }
        })
        .collect_view();
    let source_list = v
        .sources
        .iter()
        .map(|s| {
            view! {
                <tr data-source=s.id.clone()>
                    <th scope="row">{s.key.clone()}</th>
                    <td>{s.name.clone()}</td>
                    <td>{s.cell.clone().unwrap_or_else(|| "no cell".into())}</td>
                    <td class="num">{s.chars}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {cell_table}
        {unassigned}
        <div class="table-wrap" tabindex="0" role="region" aria-label="Coverage by source">
            <table id="workshop-sources" class="workshop-table">
                <caption>"Coverage per code and source (source keys below)"</caption>
                <thead><tr><th scope="col">"Code"</th>{source_heads}</tr></thead>
                <tbody>{source_rows}</tbody>
            </table>
        </div>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Sources">
            <table id="workshop-source-list">
                <caption>"Sources"</caption>
                <thead><tr><th scope="col">"Key"</th><th scope="col">"Source"</th><th scope="col">"Group \u{d7} time"</th><th scope="col" class="num">"Characters"</th></tr></thead>
                <tbody>{source_list}</tbody>
            </table>
        </div>
    }
}

/// A code's row head, indented by depth, aggregates marked.
fn code_head(name: &str, depth: usize, aggregate: bool) -> impl IntoView {
    let mark = aggregate.then(|| view! { " "<span class="aggregate-mark" title="Aggregate: the union of this code's codings and all its sub-codes'">"with sub-codes"</span> });
    view! { <th scope="row" class=depth_class(depth)><span class="code-label">{name.to_string()}</span>{mark}</th> }
}

/// One pair of coders' kappa table.
fn kappa_table(index: usize, pair: PairView) -> impl IntoView {
    let rows = pair
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr data-code=r.code.clone() class:aggregate=r.aggregate>
                    {code_head(&r.name, r.depth, r.aggregate)}
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
    let t = pair.overall_table;
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=format!("Agreement between {} and {}", pair.coder_a, pair.coder_b)>
            <table class="kappa-table workshop-table" id=format!("workshop-kappa-{}", index + 1)>
                <caption>{format!("{} and {}: Cohen's \u{3ba} over the {} source{} both coded", pair.coder_a, pair.coder_b, pair.n_sources, if pair.n_sources == 1 { "" } else { "s" })}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Code"</th>
                        <th scope="col" class="num">"\u{3ba}, pooled over sources"</th>
                        <th scope="col" class="num">"\u{3ba}, weighted by source length"</th>
                        <th scope="col" class="num">"Characters both coded"</th>
                        <th scope="col" class="num">{format!("Only {}", pair.coder_a)}</th>
                        <th scope="col" class="num">{format!("Only {}", pair.coder_b)}</th>
                        <th scope="col" class="num">"Neither"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="overall">
                        <th scope="row">"Overall (each code's own codings)"</th>
                        <td class="num kappa overall-pooled" data-value=pair.overall_pooled.map(|k| format!("{k:.6}")).unwrap_or_default()>{pair.overall_pooled_text.clone()}</td>
                        <td class="num kappa-weighted overall-weighted" data-value=pair.overall_weighted.map(|k| format!("{k:.6}")).unwrap_or_default()>{pair.overall_weighted_text.clone()}</td>
                        <td class="num">{t.both}</td>
                        <td class="num">{t.only_a}</td>
                        <td class="num">{t.only_b}</td>
                        <td class="num">{t.neither}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// Paired bars per theme: the paper's printed coverage (solid; outlined where not reported)
/// and the imported coverage (striped), Service blue and Development orange, T1 lighter.
fn draw_comparison(canvas: &web_sys::HtmlCanvasElement, bars: &[ComparisonBar], def: Definition, p: Palette, s: Scale) -> Result<(), String> {
    let px = |v: f64| s.px(v);
    let font = |size: f64| s.font(size, &p);
    let root = root(canvas, &p)?;
    let mut themes: Vec<(String, String)> = Vec::new();
    for b in bars {
        if !themes.iter().any(|t| t.0 == b.theme) {
            themes.push((b.theme.clone(), b.theme_name.clone()));
        }
    }
    let n = themes.len().max(1) as f64;
    let top = bars.iter().flat_map(|b| [b.paper, b.imported]).flatten().filter(|v| v.is_finite()).fold(10.0, f64::max) * 1.12;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(12.0))
        .margin_top(px(52.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(0.0..n, 0.0..top)
        .map_err(err)?;
    themed(
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_desc("coverage (%)"),
        &p,
        s,
        12.0,
    )
    .draw()
    .map_err(err)?;
    let shade = |b: &ComparisonBar| {
        let c = p.group(b.group);
        if b.time == Time::T1 {
            c.mix(0.45)
        } else {
            c.mix(1.0)
        }
    };
    let slot = 0.84 / 4.0;
    let w = slot * 0.42;
    let label_style = font(11.0).pos(Pos::new(HPos::Center, VPos::Top));
    for (ti, (id, name)) in themes.iter().enumerate() {
        let (lx, ly) = chart.backend_coord(&(ti as f64 + 0.5, 0.0));
        root.draw_text(name, &label_style, (lx, ly + px(8.0) as i32)).map_err(err)?;
        for (k, b) in bars.iter().filter(|b| &b.theme == id).enumerate() {
            let x0 = ti as f64 + 0.08 + k as f64 * slot;
            let c = p.group(b.group);
            match b.paper {
                Some(v) => {
                    chart.draw_series([Rectangle::new([(x0, 0.0), (x0 + w, v)], shade(b).filled())]).map_err(err)?;
                }
                None => {
                    chart.draw_series([Rectangle::new([(x0, 0.0), (x0 + w, top * 0.2)], c.stroke_width(px(1.5)))]).map_err(err)?;
                }
            }
            if let Some(v) = b.imported {
                let (ax, ay) = chart.backend_coord(&(x0 + w * 1.08, v));
                let (bx, by) = chart.backend_coord(&(x0 + w * 2.08, 0.0));
                let ay = ay.min(by - px(2.0) as i32);
                root.draw(&Rectangle::new([(ax, ay), (bx, by)], c.stroke_width(px(1.0)))).map_err(err)?;
                let step = px(4.0) as usize;
                for y in (ay..=by).rev().step_by(step.max(2)) {
                    root.draw(&PathElement::new(vec![(ax, y), (bx, y)], shade(b).stroke_width(px(1.5)))).map_err(err)?;
                }
            }
        }
    }
    // A direct legend above the plot.
    let (sw, sh) = (px(14.0) as i32, px(10.0) as i32);
    let gap = px(6.0) as i32;
    let legend_font = font(11.0).pos(Pos::new(HPos::Left, VPos::Center));
    // plotters measures text with a styled <span>, which the CSP forbids: estimate instead
    // (0.6 em a character at 11 px is generous for the system sans-serif).
    let text_width = |t: &str| (t.chars().count() as f64 * 11.0 * 0.6 * s.0).round() as i32;
    let mut x = px(12.0) as i32;
    let row1 = px(14.0) as i32;
    for (label, colour) in [("Service", p.service), ("Development", p.development)] {
        for mix in [0.45, 1.0] {
            root.draw(&Rectangle::new([(x, row1 - sh / 2), (x + sw, row1 + sh / 2)], colour.mix(mix).filled())).map_err(err)?;
            x += sw + 2;
        }
        let text = format!("{label} (T1 lighter, T2 darker)");
        root.draw_text(&text, &legend_font, (x + gap / 2, row1)).map_err(err)?;
        x += text_width(&text) + gap * 3;
    }
    let row2 = row1 + px(20.0) as i32;
    let mut x = px(12.0) as i32;
    let items: [(&str, u8); 3] = [("paper (printed)", 0), ("imported", 1), ("paper: not reported in the text", 2)];
    for (label, kind) in items {
        let r = [(x, row2 - sh / 2), (x + sw, row2 + sh / 2)];
        match kind {
            0 => root.draw(&Rectangle::new(r, p.neutral.filled())).map_err(err)?,
            1 => {
                root.draw(&Rectangle::new(r, p.neutral.stroke_width(px(1.0)))).map_err(err)?;
                for y in ((row2 - sh / 2)..=(row2 + sh / 2)).step_by((px(4.0) as usize).max(2)) {
                    root.draw(&PathElement::new(vec![(x, y), (x + sw, y)], p.neutral.stroke_width(px(1.5)))).map_err(err)?;
                }
            }
            _ => root.draw(&Rectangle::new(r, p.neutral.stroke_width(px(1.5)))).map_err(err)?,
        }
        let text = if kind == 1 { format!("imported, {}", def.label()) } else { label.to_string() };
        root.draw_text(&text, &legend_font, (x + sw + gap, row2)).map_err(err)?;
        x += sw + gap + text_width(&text) + gap * 3;
    }
    root.present().map_err(err)
}
