//! Discount sensitivity: t and p of the test across discount factors, the current one
//! marked, as a chart with its table.

use super::table::{undefined, NUM, TEXT};
use crate::ui::charts::frame::ChartFrame;
use crate::ui::charts::robustness::draw_sensitivity;
use crate::ui::state::{tr, use_app_state};
use crate::ui::table_body::LiveBody;
use leptos::prelude::*;
use study_core::text::markup::TableRow as TRow;
use study_core::view::robustness::RobustnessView;

/// The sensitivity part of the section.
pub(super) fn discount_sensitivity(model: Memo<RobustnessView>) -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let sensitivity = Memo::new(move |_| model.with(|m| m.sensitivity.as_ref().ok().cloned()));

    let sensitivity_missing = move || {
        model.with(|m| {
            m.sensitivity.as_ref().err().cloned().map(|e| undefined("sensitivity-undefined", e))
        })
    };

    let sens_summary = Signal::derive(move || {
        sensitivity.with(|x| x.as_ref().map(|x| x.summary()).unwrap_or_default())
    });
    let sens_rows = move || {
        sensitivity.with(|x| {
            let rows = x.as_ref().map(|x| {
                x.rows
                    .iter()
                    .map(|r| {
                        TRow::new(
                            if r.is_current { "current" } else { "" },
                            r.factor_text.clone(),
                            vec![
                                (NUM, r.t_text.clone()),
                                (NUM, r.p_text.clone()),
                                (TEXT, r.note.clone()),
                            ],
                        )
                    })
                    .collect()
            });
            rows.unwrap_or_default()
        })
    };
    view! {
        <h3>{tr(state, |t| t.b_h_sensitivity)}</h3>
        <p>{tr(state, |t| t.b_sensitivity_intro)}</p>
        {sensitivity_missing}
        <Show when=move || sensitivity.with(|x| x.is_some()) fallback=|| ()>
            {move || {
                let t = t();
                view! {
                    <ChartFrame
                        id="chart-sensitivity"
                        title=t.b_chart_sens
                        summary=sens_summary
                        height=420
                        draw=move |c, p, s| match sensitivity.get() {
                            Some(x) => draw_sensitivity(c, &x, p, s),
                            None => Ok(()),
                        }
                    >
                        <table id="sensitivity-table">
                            <thead><tr><th scope="col" class="num">{t.b_col_factor}</th><th scope="col" class="num">"t"</th><th scope="col" class="num">"p"</th><th scope="col">{t.b_col_note}</th></tr></thead>
                            <LiveBody rows=sens_rows />
                        </table>
                    </ChartFrame>
                }
            }}
        </Show>
    }
}
