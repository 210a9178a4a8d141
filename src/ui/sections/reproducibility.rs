//! The Reproducibility section: every printed number against its recomputation, and
//! every problem the validation found in the paper. The explorer's words follow the UI
//! language; the pseudonyms, sources, printed values and the validation's findings (which
//! quote and cite the paper) stay in English, marked `lang="en"`.

use crate::ui::chrome::banner::{data_banner, DataScope};
use crate::ui::state::{tr, use_app_state};
use crate::ui::text::pieces_view;
use leptos::prelude::*;
use std::sync::Arc;
use study_core::checks::reproduce::{category_title, reproduce, ReproRow, Status, CATEGORIES};
use study_core::checks::validate::{validate, Kind, Problem};
use study_core::study::Study;
use study_core::text::format::fixed;
use study_core::text::i18n::{fill, Strings};

/// `#reproducibility`. The body is rebuilt when the UI language changes (the ledger is
/// small, and nothing else in it changes).
#[component]
pub fn ReproducibilitySection(study: Arc<Study>) -> impl IntoView {
    let state = use_app_state();
    let problems = validate(&study);
    let body = move || {
        let lang = state.lang.get();
        let t = lang.strings();
        let rows = reproduce(&study, lang);
        let matched = rows.iter().filter(|r| r.status == Status::Match).count();
        let total = rows.len();
        let count = fill(
            t.d_repro_count,
            &[("matched", &matched.to_string()), ("total", &total.to_string())],
        );
        let (before, after) = t.d_repro_lede.split_once("{count}").unwrap_or((t.d_repro_lede, ""));
        let tables = CATEGORIES
            .iter()
            .map(|cat| {
                let in_cat: Vec<ReproRow> =
                    rows.iter().filter(|r| r.category == *cat).cloned().collect();
                view! { <LedgerTable caption=category_title(cat, t).to_string() rows=in_cat t=t /> }
            })
            .collect_view();
        view! {
            <p class="lede">
                {before}
                <strong class="summary-count">{count}</strong>
                {after}
            </p>
            <ProblemList problems=problems.clone() t=t />
            {tables}
        }
    };
    view! {
        <section id="reproducibility" aria-labelledby="reproducibility-h" class="section">
            <h2 id="reproducibility-h">{tr(state, |t| t.sec_reproducibility)}</h2>
            {data_banner(DataScope::Ledger)}
            {body}
        </section>
    }
}

/// The name of a kind of problem in the UI language.
fn kind_label(kind: Kind, t: &Strings) -> &'static str {
    match kind {
        Kind::Error => t.d_problem_error,
        Kind::Artefact => t.d_problem_artefact,
        Kind::Discrepancy => t.d_problem_discrepancy,
        Kind::Contradiction => t.d_problem_contradiction,
    }
}

/// What the validation found: artefacts, discrepancies and contradictions. The findings
/// themselves (subject, message, source) quote the paper's numbers and labels and stay in
/// English.
#[component]
fn ProblemList(problems: Vec<Problem>, t: &'static Strings) -> impl IntoView {
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
                    <span class="problem-kind"><span aria-hidden="true">{mark}" "</span>{kind_label(p.kind, t)}</span>
                    " \u{2014} "
                    <span lang="en">
                        <span class="problem-subject">{p.subject}</span>
                        ": "
                        {p.message}
                        " "
                        <span class="source">"(" {p.source} ")"</span>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{t.d_problems_h}</h3>
        <ul class="problems">{items}</ul>
    }
}

/// One block of the ledger.
#[component]
fn LedgerTable(caption: String, rows: Vec<ReproRow>, t: &'static Strings) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|r| {
            let (class, status) = match &r.status {
                Status::Match => {
                    ("status-match", format!("\u{2713} {}", t.d_status_match).into_any())
                }
                Status::Discrepancy { by } => (
                    "status-discrepancy",
                    format!(
                        "\u{26a0} {}",
                        fill(t.d_status_differs, &[("by", &fixed(by.abs(), 4))])
                    )
                    .into_any(),
                ),
                Status::NotComputable(why) => {
                    let (before, after) = t
                        .d_status_not_computable
                        .split_once("{why}")
                        .unwrap_or((t.d_status_not_computable, ""));
                    (
                        "status-error",
                        view! { "\u{2716} "{before}<span lang="en">{why.clone()}</span>{after} }
                            .into_any(),
                    )
                }
            };
            view! {
                <tr data-id=r.id class=class>
                    <th scope="row">{pieces_view(r.quantity)}</th>
                    <td class="num">{r.printed}</td>
                    <td class="num">{r.recomputed_text}</td>
                    <td class="num full">{r.recomputed_full}</td>
                    <td class="source" lang="en">{r.source}</td>
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
                        <th scope="col">{t.d_col_quantity}</th>
                        <th scope="col">{t.d_col_printed}</th>
                        <th scope="col">{t.d_col_recomputed}</th>
                        <th scope="col">{t.d_col_unrounded}</th>
                        <th scope="col">{t.d_col_source}</th>
                        <th scope="col">{t.d_col_status}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
