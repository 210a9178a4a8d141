//! `#about`: "About this study" — the design, the groups and timepoints, the limitations
//! the authors state (quoted with their sources), two sentences of the background essay on
//! enterprise social systems and prosocial culture, and how the quotations were checked to
//! be complete. The citation, with its DOI and BibTeX, is given once, in the page's header. Every study text comes
//! from the study file and stays in English (`lang="en"`); the explorer's own words follow
//! the UI language.

use crate::ui::state::{tr, use_app_state};
use crate::ui::text::{en, fill_view, plain};
use leptos::prelude::*;

/// `#about`.
#[component]
pub fn AboutSection() -> impl IntoView {
    let state = use_app_state();
    let raw = state.study.with_value(|s| s.raw.clone());
    let groups = raw
        .groups
        .iter()
        .map(|g| {
            let (label, role, tools, n) =
                (g.label.clone(), g.role.clone(), g.tools.clone(), g.n_stated.to_string());
            let line = move || {
                let (label, role, tools, n) =
                    (label.clone(), role.clone(), tools.clone(), n.clone());
                fill_view(state.t().a_about_group, move |k| match k {
                    "label" => {
                        Some(view! { <strong lang="en">{label.clone()}</strong> }.into_any())
                    }
                    "role" => Some(en(role.clone())),
                    "tools" => Some(en(tools.clone())),
                    "n" => Some(plain(n.clone())),
                    _ => None,
                })
            };
            view! {
                <li class=format!("group-{}", g.id.key())>
                    <span class="swatch" aria-hidden="true"></span>
                    " "{line}" "
                    <span class="source" lang="en">{format!("({})", g.source)}</span>
                </li>
            }
        })
        .collect_view();
    let times = raw
        .timepoints
        .iter()
        .map(|tp| {
            let (label, interviews, period) =
                (tp.label.clone(), tp.interviews.clone(), tp.salary_period.clone());
            let line = move || {
                let (label, interviews, period) =
                    (label.clone(), interviews.clone(), period.clone());
                fill_view(state.t().a_about_time, move |k| match k {
                    "label" => Some(view! { <strong>{label.clone()}</strong> }.into_any()),
                    "interviews" => Some(en(interviews.clone())),
                    "period" => Some(en(period.clone())),
                    _ => None,
                })
            };
            view! {
                <li>
                    {line}" "
                    <span class="source" lang="en">{format!("({})", tp.source)}</span>
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
                    <blockquote lang="en"><p>{l.text.clone()}</p></blockquote>
                    <p class="source" lang="en">{l.source.clone()}</p>
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
        .map(|k| view! { <tr><td lang="en">{k.section.clone()}</td><td lang="en">{k.snippet.clone()}</td><td lang="en">{k.decision.clone()}</td></tr> })
        .collect_view();
    let n_quotes = raw.quotations.len().to_string();
    let check_source = check.source.clone();
    let quotes_line = move || {
        let (n, source) = (n_quotes.clone(), check_source.clone());
        fill_view(state.t().a_about_quotations_held, move |k| match k {
            "n" => Some(plain(n.clone())),
            "source" => Some(en(source.clone())),
            _ => None,
        })
    };
    view! {
        <section id="about" class="section" aria-labelledby="about-h">
            <h2 id="about-h">{tr(state, |t| t.sec_about)}</h2>
            <h3>{tr(state, |t| t.a_about_design)}</h3>
            <p><span lang="en">{raw.about.design.clone()}</span>" "<span class="source" lang="en">"("{raw.about.design_source.clone()}")"</span></p>
            <h3>{tr(state, |t| t.groups_legend)}</h3>
            <ul class="about-groups">{groups}</ul>
            <h3>{tr(state, |t| t.times_legend)}</h3>
            <ul class="about-times">{times}</ul>
            <h3>{tr(state, |t| t.a_about_limitations)}</h3>
            <ul class="limitations">{limitations}</ul>
            <h3>{tr(state, |t| t.a_about_background)}</h3>
            <figure class="background-quote">
                <blockquote lang="en"><p>{sentences}</p></blockquote>
                <figcaption lang="en">
                    {bg.citation.clone()}" "<span class="source">"("{bg.source.clone()}")"</span>
                </figcaption>
            </figure>
            <p class="note" lang="en">{bg.note.clone()}</p>
            <p lang="en">{bg.echo.clone()}</p>
            <h3>{tr(state, |t| t.a_about_quotations)}</h3>
            <p>{quotes_line}</p>
            <details class="quotation-check">
                <summary>{tr(state, |t| t.a_about_check_summary)}</summary>
                <p lang="en">{check.method.clone()}</p>
                <p lang="en">{check.recheck.clone()}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label=tr(state, |t| t.a_about_places_label)>
                    <table>
                        <caption>{tr(state, |t| t.a_about_places_caption)}</caption>
                        <thead><tr><th scope="col">{tr(state, |t| t.a_about_where)}</th><th scope="col">{tr(state, |t| t.a_about_text)}</th><th scope="col">{tr(state, |t| t.a_about_decision)}</th></tr></thead>
                        <tbody>{candidates}</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
