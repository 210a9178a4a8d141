//! The Reproducibility section: every printed number against its recomputation, and
//! every problem the validation found in the paper.

use crate::core::dataset::Study;
use crate::core::format::fixed;
use crate::core::reproduce::{reproduce, ReproRow, Status, CATEGORIES};
use crate::core::validate::{validate, Kind, Problem};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::sync::Arc;

/// `#reproducibility`.
#[component]
pub fn ReproducibilitySection(study: Arc<Study>, state: AppState) -> impl IntoView {
    let _ = state;
    let rows = reproduce(&study);
    let problems = validate(&study);
    let matched = rows.iter().filter(|r| r.status == Status::Match).count();
    let total = rows.len();
    let tables = CATEGORIES
        .iter()
        .map(|cat| {
            let in_cat: Vec<ReproRow> = rows.iter().filter(|r| r.category == *cat).cloned().collect();
            view! { <LedgerTable caption=cat.to_string() rows=in_cat /> }
        })
        .collect_view();
    view! {
        <section id="reproducibility" aria-labelledby="reproducibility-h" class="section">
            <h2 id="reproducibility-h">"Reproducibility"</h2>
            <p class="lede">
                "Each number the paper prints, recomputed here from the paper's own raw rows. "
                <strong class="summary-count">{format!("{matched} of {total}")}</strong>
                " agree at the precision the paper prints; the others are flagged with the size of the difference."
            </p>
            <ProblemList problems=problems />
            {tables}
        </section>
    }
}

/// What the validation found: artefacts, discrepancies and contradictions.
#[component]
fn ProblemList(problems: Vec<Problem>) -> impl IntoView {
    let items = problems
        .into_iter()
        .map(|p| {
            let mark = match p.kind {
                Kind::Error => "\u{2716}",
                Kind::Artefact => "\u{2139}",
                Kind::Discrepancy | Kind::Contradiction => "\u{26a0}",
            };
            let class = format!("problem problem-{}", p.code);
            view! {
                <li class=class>
                    <span class="problem-kind"><span aria-hidden="true">{mark}" "</span>{p.kind.label()}</span>
                    " \u{2014} "
                    <span class="problem-subject">{p.subject}</span>
                    ": "
                    {p.message}
                    " "
                    <span class="source">"(" {p.source} ")"</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>"What the check found in the paper"</h3>
        <ul class="problems">{items}</ul>
    }
}

/// One block of the ledger.
#[component]
fn LedgerTable(caption: String, rows: Vec<ReproRow>) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|r| {
            let (class, status) = match &r.status {
                Status::Match => ("status-match", "\u{2713} matches".to_string()),
                Status::Discrepancy { by } => ("status-discrepancy", format!("\u{26a0} differs by {}", fixed(by.abs(), 4))),
                Status::NotComputable(why) => ("status-error", format!("\u{2716} not computable: {why}")),
            };
            view! {
                <tr data-id=r.id class=class>
                    <th scope="row">{r.quantity}</th>
                    <td class="num">{r.printed}</td>
                    <td class="num">{r.recomputed_text}</td>
                    <td class="num full">{r.recomputed_full}</td>
                    <td class="source">{r.source}</td>
                    <td class="status">{status}</td>
                </tr>
            }
        })
        .collect_view();
    let label = caption.clone();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table class="ledger">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Quantity"</th>
                        <th scope="col">"Printed"</th>
                        <th scope="col">"Recomputed"</th>
                        <th scope="col">"Unrounded"</th>
                        <th scope="col">"Source"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
