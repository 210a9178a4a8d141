//! `#about`: "About this study" — the citation with a BibTeX download, the design, the
//! groups and timepoints, the limitations the authors state (quoted with their sources),
//! two sentences of the background essay on enterprise social systems and prosocial
//! culture, and how the quotations were checked to be complete. Every text comes from the
//! study file.

use crate::core::evidence::bibtex;
use crate::ui::export::download_text;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// `#about`.
#[component]
pub fn AboutSection(state: AppState) -> impl IntoView {
    let raw = state.study.with_value(|s| s.raw.clone());
    let c = raw.about.citation.clone();
    let cite = format!("{} ({}). {}. {}, {}({}), {}.", c.authors.join(", "), c.year, c.title, c.journal, c.volume, c.issue, c.article);
    let bib = bibtex(&c);
    let doi_url = format!("https://doi.org/{}", c.doi);
    let download = move |_| download_text(&bib, "application/x-bibtex;charset=utf-8", "song-2019.bib");
    let groups = raw
        .groups
        .iter()
        .map(|g| {
            view! {
                <li class=format!("group-{}", g.id.key())>
                    <span class="swatch" aria-hidden="true"></span>
                    " "<strong>{g.label.clone()}</strong>
                    {format!(" ({}): {}; {} informants. ", g.role, g.tools, g.n_stated)}
                    <span class="source">{format!("({})", g.source)}</span>
                </li>
            }
        })
        .collect_view();
    let times = raw
        .timepoints
        .iter()
        .map(|t| {
            view! {
                <li>
                    <strong>{t.label.clone()}</strong>
                    {format!(": interviews in {}; salaries of {}. ", t.interviews, t.salary_period)}
                    <span class="source">{format!("({})", t.source)}</span>
                </li>
            }
        })
        .collect_view();
    let limitations = raw
        .context
        .limitations
        .iter()
        .map(|l| {
            view! {
                <li>
                    <blockquote><p>{l.text.clone()}</p></blockquote>
                    <p class="source">{l.source.clone()}</p>
                </li>
            }
        })
        .collect_view();
    let bg = raw.context.background.clone();
    let sentences = bg.sentences.join(" ");
    let check = raw.quotation_check.clone();
    let candidates = check
        .candidates
        .iter()
        .map(|k| view! { <tr><td class="num">{k.line}</td><td>{k.snippet.clone()}</td><td>{k.decision.clone()}</td></tr> })
        .collect_view();
    view! {
        <section id="about" class="section" aria-labelledby="about-h">
            <h2 id="about-h">"About this study"</h2>
            <p class="about-citation">{cite}" "<a href=doi_url.clone()>{format!("doi:{}", c.doi)}</a></p>
            <p><button type="button" id="bibtex-download" on:click=download>"Download the citation (BibTeX)"</button></p>
            <h3>"Design"</h3>
            <p>{raw.about.design.clone()}" "<span class="source">"("{raw.about.design_source.clone()}")"</span></p>
            <h3>"Groups"</h3>
            <ul class="about-groups">{groups}</ul>
            <h3>"Timepoints"</h3>
            <ul class="about-times">{times}</ul>
            <h3>"Limitations the authors state"</h3>
            <ul class="limitations">{limitations}</ul>
            <h3>"Background: why enterprise social systems often fail"</h3>
            <figure class="background-quote">
                <blockquote><p>{sentences}</p></blockquote>
                <figcaption>
                    {bg.citation.clone()}" "<span class="source">"("{bg.source.clone()}")"</span>
                </figcaption>
            </figure>
            <p class="note">{bg.note.clone()}</p>
            <p>{bg.echo.clone()}</p>
            <h3>"The quotations"</h3>
            <p>
                {format!("The dataset holds {} quotations of informants, each with its theme and source ({}).", raw.quotations.len(), check.source)}
            </p>
            <details class="quotation-check">
                <summary>"How the quotations were checked to be complete"</summary>
                <p>{check.method.clone()}</p>
                <p>{check.recheck.clone()}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Places in the paper considered">
                    <table>
                        <caption>"Every place in the paper considered, and the decision"</caption>
                        <thead><tr><th scope="col" class="num">"Line"</th><th scope="col">"Text"</th><th scope="col">"Decision"</th></tr></thead>
                        <tbody>{candidates}</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
