//! The `#model` panel's blocks that follow the explorer's selection: a theme's coverage for
//! the selected groups and times, and, for employee performance, the salary test in APA
//! form.

use crate::ui::state::AppState;
use crate::ui::text::pieces_view;
use leptos::prelude::*;
use study_core::study::figure4::Node;
use study_core::study::Study;
use study_core::text::format::percent;
use study_core::text::i18n::{fill, Lang};
use study_core::text::pieces::{fill_pieces, join_pieces, name_separator, Piece};
use study_core::view::analysis::{coverage_bars, test_view};
use study_core::view::selection::selection_summary;

/// "For Service and Development, T1→T2, quarterly, T2 discounted to 2016 terms." in the UI
/// language (tracks the selection and the language).
fn selection_line(state: AppState) -> String {
    let lang = state.lang.get();
    fill(
        lang.strings().d_for_selection,
        &[("selection", &selection_summary(&state.selection.get(), &state.terms(), lang))],
    )
}

/// Coverage of a theme for the current groups × times, "not reported" where the text has none.
pub(super) fn coverage_block(state: AppState, lang: Lang, study: &Study, theme: String) -> AnyView {
    let t = lang.strings();
    let reported = study.raw.coverage.themes.iter().any(|x| x.id == theme);
    if !reported {
        let names = study
            .raw
            .coverage
            .themes
            .iter()
            .map(|x| vec![Piece::study(x.name.clone())])
            .collect::<Vec<_>>();
        let text = fill_pieces(
            t.d_coverage_only_for,
            &[("names", join_pieces(names, name_separator(lang)))],
        );
        return view! {
            <section class="detail-block" aria-labelledby="model-coverage-h">
                <h4 id="model-coverage-h">{t.d_coverage}</h4>
                <p>{pieces_view(text)}" "<a href="#coverage">{t.d_coverage_section}</a></p>
            </section>
        }
        .into_any();
    }
    let rows = move || {
        let sel = state.selection.get();
        state
            .study
            .with_value(|s| coverage_bars(s, &sel))
            .into_iter()
            .filter(|b| b.theme == theme)
            .map(|b| {
                let class = format!("group-{} {}", b.group.key(), if b.value.is_some() { "reported" } else { "not-reported" });
                view! {
                    <tr class=class>
                        <th scope="row">{b.group.label()}</th>
                        <td>{b.time.label()}</td>
                        <td class="num">{b.value.map(percent).unwrap_or_else(|| t.d_not_reported.into())}</td>
                        <td class="source" lang="en">{b.source}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="detail-block" aria-labelledby="model-coverage-h">
            <h4 id="model-coverage-h">{t.d_coverage_current}</h4>
            <p class="selection-line">{move || selection_line(state)}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t.d_coverage_region>
                <table class="node-coverage" id="model-coverage">
                    <thead>
                        <tr>
                            <th scope="col">{t.d_col_group}</th>
                            <th scope="col">{t.d_col_time}</th>
                            <th scope="col" class="num">{t.d_col_coverage}</th>
                            <th scope="col">{t.d_col_source}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p><a href="#coverage">{t.d_all_coverage}</a></p>
        </section>
    }
    .into_any()
}

/// For employee performance, the salary test for the current selection, in place.
pub(super) fn outcome_block(state: AppState, lang: Lang, n: &Node) -> Option<AnyView> {
    let t = lang.strings();
    if n.id != "employee-performance" {
        return None;
    }
    let apa = move || {
        let sel = state.selection.get();
        let terms = state.terms();
        // Only the APA line is shown, which takes no means: no points needed.
        state.analysis.with(|a| test_view(&sel, &terms, a, &[], state.lang.get()).apa)
    };
    Some(
        view! {
            <section class="detail-block" aria-labelledby="model-test-h">
                <h4 id="model-test-h">{t.d_salary_test}</h4>
                <p class="selection-line">{move || selection_line(state)}</p>
                <p class="apa" id="model-apa">{apa}</p>
                <p><a href="#test">{t.d_test_link}</a></p>
            </section>
        }
        .into_any(),
    )
}
