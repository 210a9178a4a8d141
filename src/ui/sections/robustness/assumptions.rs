//! The assumption checks: Shapiro–Wilk per group, Levene and Brown–Forsythe for equal
//! variances, and a normal Q-Q plot per group.

use super::table::{live_table, undefined, HOW, NUM, TEXT};
use crate::ui::charts::frame::ChartFrame;
use crate::ui::charts::robustness::draw_qq;
use crate::ui::scale::{rows_note, thinned, CHART_POINT_LIMIT, TABLE_ROW_LIMIT};
use crate::ui::state::{tr, use_app_state};
use crate::ui::table_body::LiveBody;
use leptos::prelude::*;
use study_core::study::Group;
use study_core::text::i18n::fill;
use study_core::text::markup::TableRow as TRow;
use study_core::view::robustness::{QqChart, RobustnessView};

/// The assumptions part of the section.
pub(super) fn assumptions(model: Memo<RobustnessView>) -> impl IntoView {
    let state = use_app_state();
    let qq_of = move |g: Group| {
        Memo::new(move |_| {
            model.with(|m| {
                m.qq.iter().filter_map(|q| q.as_ref().ok()).find(|q| q.group == g).cloned()
            })
        })
    };
    let (qq_service, qq_development) = (qq_of(Group::Service), qq_of(Group::Development));
    let normality = live_table("normality-table", move || {
        let t = state.t();
        let rows = model.with(|m| {
            m.normality
                .iter()
                .map(|r| {
                    TRow::new(
                        if r.defined { "" } else { "undefined" },
                        r.label.clone(),
                        vec![
                            (NUM, r.n.clone()),
                            (NUM, r.w.clone()),
                            (NUM, r.p.clone()),
                            (HOW, r.reading.clone()),
                        ],
                    )
                })
                .collect()
        });
        (
            t.b_normality_caption.into(),
            vec![
                (TEXT, t.b_col_values),
                (NUM, "n"),
                (NUM, "W"),
                (NUM, "p"),
                (TEXT, t.b_col_reading),
            ],
            rows,
        )
    });
    // Like the permutation and influence parts: the table is built again only when the
    // variance tests turn defined; while they are not (one group, or a group of fewer than
    // two), the reason replaces it.
    let variances_defined = Memo::new(move |_| model.with(|m| m.variances.is_ok()));
    let variances = move || {
        if !variances_defined.get() {
            return undefined(
                "variance-table",
                model.with(|m| m.variances.as_ref().err().cloned().unwrap_or_default()),
            );
        }
        live_table("variance-table", move || {
            let t = state.t();
            let rows = model.with(|m| {
                let rows = m.variances.as_ref().map(|rows| {
                    rows.iter()
                        .map(|r| {
                            TRow::new(
                                if r.defined { "" } else { "undefined" },
                                r.label.clone(),
                                vec![
                                    (NUM, r.w.clone()),
                                    (NUM, r.df.clone()),
                                    (NUM, r.p.clone()),
                                    (HOW, r.reading.clone()),
                                ],
                            )
                        })
                        .collect()
                });
                rows.unwrap_or_default()
            });
            (
                t.b_variance_caption.into(),
                vec![
                    (TEXT, t.b_col_test),
                    (NUM, t.b_col_statistic),
                    (NUM, t.b_col_df),
                    (NUM, "p"),
                    (TEXT, t.b_col_reading),
                ],
                rows,
            )
        })
    };
    let qq_missing = move || {
        let t = state.t();
        model.with(|m| {
            m.qq.iter()
                .filter_map(|q| q.as_ref().err())
                .next()
                .map(|e| view! { <p class="undefined">{fill(t.b_qq_error, &[("error", e)])}</p> })
        })
    };

    view! {
        <h3>{tr(state, |t| t.b_h_assumptions)}</h3>
        <p>{tr(state, |t| t.b_assumptions_intro)}</p>
        {normality}
        {variances}
        {qq_missing}
        <div class="qq-grid">
            {qq_frame(qq_service, "chart-qq-service")}
            {qq_frame(qq_development, "chart-qq-development")}
        </div>
        <p class="note">{tr(state, |t| t.b_qq_note)}</p>
    }
}

/// One group's normal Q-Q plot with its data table, while the group's values allow one.
fn qq_frame(chart: Memo<Option<QqChart>>, id: &'static str) -> impl IntoView {
    let state = use_app_state();
    // The title names the group, so it follows the data and the language.
    let title =
        Memo::new(move |_| chart.with(|q| q.as_ref().map(QqChart::title)).unwrap_or_default());
    let summary =
        Signal::derive(move || chart.with(|q| q.as_ref().map(|q| q.summary()).unwrap_or_default()));
    let rows = move || {
        chart.with(|q| {
            q.as_ref()
                .map(|q| {
                    q.table(TABLE_ROW_LIMIT)
                        .into_iter()
                        .map(|[a, b, c]| {
                            TRow::named("", a, String::new(), vec![(NUM, b), (NUM, c)])
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || chart.with(|q| q.is_some()) fallback=|| ()>
            {move || {
                let t = state.t();
                let terms = state.terms();
                view! {
                    <ChartFrame id=id title=move || title.get() summary=summary height=300 draw=move |c, p, s| match chart.get() {
                        Some(q) => draw_qq(c, &QqChart { points: thinned(&q.points, CHART_POINT_LIMIT, |_| false), ..q }, p, s),
                        None => Ok(()),
                    }>
                        <table>
                            <thead><tr><th scope="col">{terms.pick(t.b_col_informant, t.b_col_informant_own)}</th><th scope="col" class="num">{t.b_col_normal_quantile}</th><th scope="col" class="num">{terms.pick(t.b_col_value_rmb, t.b_col_value)}</th></tr></thead>
                            <LiveBody rows=rows />
                        </table>
                        {move || chart.with(|q| q.as_ref().and_then(|q| rows_note(state, q.points.len())))}
                    </ChartFrame>
                }
            }}
        </Show>
    }
}
