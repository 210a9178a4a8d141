//! The exact (or Monte Carlo) permutation test: how it was run, the observed
//! difference, its p-values, the progress of a run in slices, and the histogram of the
//! permutation distribution.

use super::table::{live_table, undefined, NUM, TEXT};
use crate::ui::charts::frame::ChartFrame;
use crate::ui::charts::robustness::draw_permutation;
use crate::ui::scale::PermutationProgress;
use crate::ui::state::{tr, tr_data, use_app_state};
use crate::ui::table_body::LiveBody;
use leptos::prelude::*;
use study_core::text::i18n::fill;
use study_core::text::markup::TableRow as TRow;
use study_core::view::robustness::{PermutationView, RobustnessView};

/// The permutation test's part of the section.
pub(super) fn permutation_test(model: Memo<RobustnessView>) -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let histogram =
        Memo::new(move |_| model.with(|m| m.permutation.as_ref().ok().map(|p| p.chart.clone())));
    // The part is built again only when it turns defined or undefined; its sentences and
    // table follow the model.
    let permutation_defined = Memo::new(move |_| model.with(|m| m.permutation.is_ok()));
    let perm_text = move |f: fn(&PermutationView) -> String| {
        model.with(|m| m.permutation.as_ref().map(f).unwrap_or_default())
    };
    let permutation = move || {
        if !permutation_defined.get() {
            return undefined(
                "permutation-undefined",
                model.with(|m| m.permutation.as_ref().err().cloned().unwrap_or_default()),
            );
        }
        view! {
            <p id="permutation-method" data-count=move || perm_text(|p| p.count.clone())>{move || perm_text(|p| p.method.clone())}</p>
            <p id="permutation-observed">{move || fill(state.t().b_observed, &[("observed", &perm_text(|p| p.observed.clone()))])}</p>
            {live_table("permutation-table", move || {
                let t = state.t();
                let rows = model.with(|m| m.permutation.as_ref().map(|p| p.rows.iter().map(|r| TRow::new("", r.label.clone(), vec![(NUM, r.p.clone()), (NUM, r.count.clone())])).collect()).unwrap_or_default());
                (t.b_perm_caption.into(), vec![(TEXT, t.b_col_which_p), (NUM, "p"), (NUM, t.b_col_count)], rows)
            })}
            <p class="note">{move || perm_text(|p| p.two_sided_note.clone())}</p>
        }
        .into_any()
    };

    // The histogram's text alternative and data table.
    let hist_summary = Signal::derive(move || {
        histogram.with(|h| h.as_ref().map(|h| h.summary()).unwrap_or_default())
    });
    let hist_rows = move || {
        histogram.with(|h| {
            h.as_ref()
                .map(|h| {
                    h.table().into_iter().map(|[a, b]| TRow::new("", a, vec![(NUM, b)])).collect()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <h3>{tr(state, |t| t.b_h_perm)}</h3>
        <p>{tr_data(state, |t| t.b_perm_intro, |t| t.b_perm_intro_own)}</p>
        <div id="permutation"><PermutationProgress />{permutation}</div>
        <Show when=move || histogram.with(|h| h.is_some()) fallback=|| ()>
            {move || {
                let t = t();
                view! {
                    <ChartFrame
                        id="chart-permutation"
                        title=t.b_chart_perm
                        summary=hist_summary
                        height=280
                        draw=move |c, p, s| match histogram.get() {
                            Some(h) => draw_permutation(c, &h, p, s),
                            None => Ok(()),
                        }
                    >
                        <table>
                            <thead><tr><th scope="col" class="num">{tr_data(state, |t| t.b_col_bin, |t| t.b_col_bin_own)}</th><th scope="col" class="num">{t.b_col_relabellings}</th></tr></thead>
                            <LiveBody rows=hist_rows />
                        </table>
                    </ChartFrame>
                }
            }}
        </Show>
    }
}
