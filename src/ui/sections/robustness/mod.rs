//! `#robustness`: does the selection's result survive other reasonable analyses? Welch
//! beside Student, the rank test, the exact permutation test with its histogram, effect
//! sizes, leave-one-out influence, assumption checks with Q-Q plots, the JZS Bayes factor
//! (prior scale chosen by the reader) and the discount sensitivity, under a
//! plain-language summary.
//!
//! Everything shown comes from one [`RobustnessView`] computed in the core
//! (`core::robust::view`) for the selection and its salary points, kept in
//! `AppState::robustness`, so it recomputes on every toggle and permalink; a long Monte
//! Carlo permutation test (synthetic studies) runs there in slices, with a progress bar
//! here. Per-informant tables render at most `ui::scale::TABLE_ROW_LIMIT` rows. The reader's prior scale lives in its own
//! signal and only picks one of the precomputed Bayes rows: changing it never reruns the
//! permutation test. Chart models are memos of their own, so a chart redraws only when
//! its numbers change. Every table goes through one helper, [`live_table`], which keeps
//! the markup uniform and the wasm small: a table is built once (a part that can be
//! undefined builds it again only when it turns defined), and only a caption, header or
//! cell whose text changed is written. Rows are `core::markup` rows: a body is set as
//! escaped markup when its rows change shape, and otherwise only its changed cells' text
//! is rewritten ([`crate::ui::table_body::LiveBody`]).
//!
//! Words come from the UI language's table (`state.t()`); the view model is built in that
//! language too, so a language switch recomputes it (and redraws the charts).

use crate::ui::charts::frame::ChartFrame;
use crate::ui::charts::robustness::{draw_influence, draw_permutation, draw_qq, draw_sensitivity};
use crate::ui::scale::{
    rows_note, thinned, PermutationProgress, CHART_POINT_LIMIT, TABLE_ROW_LIMIT,
};
use crate::ui::state::{tr, use_app_state};
use crate::ui::table_body::LiveBody;
use crate::ui::text::selection_line;
use leptos::prelude::*;
use std::collections::HashSet;
use study_core::study::Group;
use study_core::text::format::fixed;
use study_core::text::i18n::{fill, Lang, Strings};
use study_core::text::markup::{head_row, name_pieces, Piece, TableRow as TRow};
use study_core::view::robustness::{
    BayesRow, InfluenceView, PermutationView, QqChart, RobustnessView, Row, DEFAULT_PRIOR,
    PRIOR_CHOICES,
};

/// Text with the informants' pseudonyms wrapped in `lang="en"` spans (whole words only).
fn with_names(text: &str, names: &HashSet<String>) -> AnyView {
    name_pieces(text, names)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.to_string().into_any(),
            Piece::Name(n) => view! { <span lang="en">{n.to_string()}</span> }.into_any(),
        })
        .collect_view()
        .into_any()
}

const NUM: &str = "num";
const TEXT: &str = "";
const HOW: &str = "how";

/// The words and rows of a table that is built once: (caption, header cells as (class,
/// text), rows).
type TableParts = (String, Vec<(&'static str, &'static str)>, Vec<TRow>);

/// A captioned table in a scrollable, focusable region, built once and kept: `parts`
/// follows the language and the model, and only the caption, header or body whose text
/// changed is written to the DOM, and a body whose rows keep their shape only has the text
/// of its changed cells rewritten ([`LiveBody`]). (A table built inside a closure that
/// reruns is rebuilt instead: every attribute removed and set again, and both its parts
/// parsed anew.)
fn live_table(id: &'static str, parts: impl Fn() -> TableParts + Send + Sync + 'static) -> AnyView {
    live_table_of(id, Box::new(parts))
}

/// The body of [`live_table`], not generic, so it is compiled once for every table.
fn live_table_of(id: &'static str, parts: Box<dyn Fn() -> TableParts + Send + Sync>) -> AnyView {
    let parts = Memo::new(move |_| parts());
    let caption = move || parts.with(|p| p.0.clone());
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
            <table id=id class="details robust-table">
                <caption>{caption}</caption>
                <thead inner_html=move || parts.with(|p| head_row(&p.1))></thead>
                <LiveBody rows=move || parts.with(|p| p.2.clone()) />
            </table>
        </div>
    }
    .into_any()
}

/// (label, value, note) rows; undefined values are marked as such.
fn labelled(rows: &[Row]) -> Vec<TRow> {
    rows.iter()
        .map(|r| {
            TRow::new(
                if r.defined { "" } else { "undefined" },
                r.label.clone(),
                vec![("result", r.value.clone()), (HOW, r.note.clone())],
            )
        })
        .collect()
}

/// A paragraph saying why a part is not shown.
fn undefined(id: &'static str, msg: String) -> AnyView {
    view! { <p class="undefined" id=id>{msg}</p> }.into_any()
}

/// The influence table's rows (at most `TABLE_ROW_LIMIT`): each informant left out, with
/// the marks of the most influential and of the lowest and highest t.
fn influence_rows(inf: &InfluenceView, t: &Strings, sep: &str) -> Vec<TRow> {
    inf.rows
        .iter()
        .take(TABLE_ROW_LIMIT)
        .map(|r| {
            let mut marks = Vec::new();
            if r.most_influential {
                marks.push(t.b_mark_most);
            }
            if r.is_min {
                marks.push(t.b_mark_lowest);
            }
            if r.is_max {
                marks.push(t.b_mark_highest);
            }
            let head = if marks.is_empty() {
                r.informant.clone()
            } else {
                fill(t.b_marked, &[("name", &r.informant), ("marks", &marks.join(sep))])
            };
            let rest = head.strip_prefix(r.informant.as_str()).unwrap_or(&head).to_string();
            let class = format!(
                "group-{}{}",
                r.group.key(),
                if r.most_influential { " most-influential" } else { "" }
            );
            TRow::named(
                class,
                r.informant.clone(),
                rest,
                vec![
                    (TEXT, r.group.label().to_string()),
                    (NUM, r.t_text.clone()),
                    (NUM, r.p_text.clone()),
                    (NUM, r.change.clone()),
                ],
            )
        })
        .collect()
}

/// `#robustness`.
#[component]
pub fn RobustnessSection() -> impl IntoView {
    let state = use_app_state();
    // The whole analysis: recomputed when the selection (or its points) change, never
    // when only the prior scale does.
    // Kept in the state (`AppState::robustness`, in the UI language), where a long Monte
    // Carlo run is sliced.
    let model: Memo<RobustnessView> = Memo::new(move |_| state.robustness.get());
    let prior = RwSignal::new(DEFAULT_PRIOR);
    let bayes: Memo<Result<BayesRow, String>> = Memo::new(move |_| {
        let i = prior.get();
        model.with(|m| m.bayes_row(i))
    });

    let histogram =
        Memo::new(move |_| model.with(|m| m.permutation.as_ref().ok().map(|p| p.chart.clone())));
    let influence = Memo::new(move |_| model.with(|m| m.influence.as_ref().ok().cloned()));
    let qq_of = move |g: Group| {
        Memo::new(move |_| {
            model.with(|m| {
                m.qq.iter().filter_map(|q| q.as_ref().ok()).find(|q| q.group == g).cloned()
            })
        })
    };
    let (qq_service, qq_development) = (qq_of(Group::Service), qq_of(Group::Development));
    let sensitivity = Memo::new(move |_| model.with(|m| m.sensitivity.as_ref().ok().cloned()));

    // The informants' pseudonyms, for `lang="en"` spans in sentences.
    let names = Memo::new(move |_| {
        state.points.with(|p| {
            p.as_ref()
                .map(|pts| pts.iter().map(|x| x.informant.clone()).collect::<HashSet<String>>())
                .unwrap_or_default()
        })
    });
    let summary = move || {
        names.with(|n| {
            model.with(|m| {
                m.summary.iter().map(|s| view! { <li>{with_names(s, n)}</li> }).collect_view()
            })
        })
    };
    let tests = live_table("robustness-tests", move || {
        let t = state.t();
        (
            t.b_tests_caption.into(),
            vec![(TEXT, t.b_col_test), (TEXT, t.b_col_result), (TEXT, t.b_col_how)],
            model.with(|m| labelled(&m.tests)),
        )
    });
    let effects = live_table("robustness-effects", move || {
        let t = state.t();
        (
            t.b_effects_caption.into(),
            vec![(TEXT, t.b_col_measure), (TEXT, t.b_col_value), (TEXT, t.b_col_definition)],
            model.with(|m| labelled(&m.effects)),
        )
    });

    // The permutation and influence parts are built again only when they turn defined or
    // undefined; their sentences and tables follow the model.
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

    let influence_defined = Memo::new(move |_| model.with(|m| m.influence.is_ok()));
    let influence_table = move || {
        if !influence_defined.get() {
            return undefined(
                "influence-undefined",
                model.with(|m| m.influence.as_ref().err().cloned().unwrap_or_default()),
            );
        }
        // Each informant's pseudonym in a `lang="en"` span.
        let named = move |text: &str| names.with(|n| with_names(text, n));
        view! {
            <p id="influence-reading">{move || named(&influence.with(|i| i.as_ref().map(|i| i.reading.clone()).unwrap_or_default()))}</p>
            <p class="minmax" id="influence-minmax">
                {move || named(&influence.with(|i| i.as_ref().map(|i| fill(state.t().b_minmax, &[("min", &i.min_text), ("max", &i.max_text)])).unwrap_or_default()))}
            </p>
            {live_table("influence-table", move || {
                let t = state.t();
                let sep = if state.lang.get() == Lang::Zh { "\u{3001}" } else { ", " };
                influence.with(|i| {
                    let (caption, rows) = i.as_ref().map(|inf| (fill(t.b_influence_caption, &[("test", &inf.test), ("t", &fixed(inf.full_t, 2))]), influence_rows(inf, t, sep))).unwrap_or_default();
                    (caption, vec![(TEXT, t.b_col_left_out), (TEXT, t.b_col_group), (NUM, "t"), (NUM, t.b_col_p_two), (NUM, t.b_col_change_t)], rows)
                })
            })}
            {move || influence.with(|i| i.as_ref().and_then(|i| rows_note(state, i.rows.len())))}
        }
        .into_any()
    };

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

    let prior_radios = PRIOR_CHOICES
        .iter()
        .enumerate()
        .map(|(i, c)| {
            view! {
                <label class="check">
                    <input type="radio" name="bayes-prior" value=c.key prop:checked=move || prior.get() == i on:change=move |_| prior.set(i) />
                    <span>{move || c.label(state.t())}</span>
                </label>
            }
        })
        .collect_view();
    let bayes_result = move || match bayes.get() {
        Ok(b) if b.defined => {
            // The number is bold wherever the language puts it in the sentence.
            let sentence =
                fill(state.t().b_bayes_result, &[("prior", &b.prior), ("label", &b.label)]);
            let (before, after) = sentence
                .split_once("{bf}")
                .map(|(a, c)| (a.to_string(), c.to_string()))
                .unwrap_or((sentence.clone(), String::new()));
            view! {
                <p class="bayes-result" id="bayes-result">
                    {before}<strong id="bayes-bf10">{b.bf10}</strong>{after}
                </p>
                <p id="bayes-reading">{b.reading}</p>
            }
            .into_any()
        }
        Ok(b) => undefined("bayes-result", b.bf10),
        Err(e) => undefined("bayes-result", e),
    };
    let bayes_defined = Memo::new(move |_| model.with(|m| m.bayes.is_ok()));
    let bayes_table = move || {
        bayes_defined.get().then(|| {
            live_table("bayes-table", move || {
                let t = state.t();
                let chosen = prior.get();
                let rows = model.with(|m| {
                    let rows = m.bayes.as_ref().map(|rows| {
                        rows.iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let (class, head) = if i == chosen {
                                    ("chosen", fill(t.b_shown_above, &[("prior", &r.prior)]))
                                } else {
                                    ("", r.prior.clone())
                                };
                                TRow::new(
                                    class,
                                    head,
                                    vec![(NUM, r.bf10.clone()), (TEXT, r.label.clone())],
                                )
                            })
                            .collect()
                    });
                    rows.unwrap_or_default()
                });
                (
                    t.b_bayes_caption.into(),
                    vec![(TEXT, t.b_col_prior), (NUM, "BF\u{2081}\u{2080}"), (TEXT, t.b_col_label)],
                    rows,
                )
            })
        })
    };
    let sensitivity_missing = move || {
        model.with(|m| {
            m.sensitivity.as_ref().err().cloned().map(|e| undefined("sensitivity-undefined", e))
        })
    };

    // The charts' summaries and data tables.
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
    let inf_summary = Signal::derive(move || {
        influence.with(|i| i.as_ref().map(|i| i.summary()).unwrap_or_default())
    });
    let inf_rows = move || {
        influence.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.table(TABLE_ROW_LIMIT)
                        .into_iter()
                        .map(|[a, b, c]| {
                            TRow::named("", a, String::new(), vec![(TEXT, b), (NUM, c)])
                        })
                        .collect()
                })
                .unwrap_or_default()
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
    let qq_frame = move |m: Memo<Option<QqChart>>,
                         id: &'static str,
                         title: fn(&Strings) -> &'static str| {
        let summary =
            Signal::derive(move || m.with(|q| q.as_ref().map(|q| q.summary()).unwrap_or_default()));
        let rows = move || {
            m.with(|q| {
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
            <Show when=move || m.with(|q| q.is_some()) fallback=|| ()>
                {move || {
                    let t = state.t();
                    view! {
                        <ChartFrame id=id title=title(t) summary=summary height=300 draw=move |c, p, s| match m.get() {
                            Some(q) => draw_qq(c, &QqChart { points: thinned(&q.points, CHART_POINT_LIMIT, |_| false), ..q }, p, s),
                            None => Ok(()),
                        }>
                            <table>
                                <thead><tr><th scope="col">{t.b_col_informant}</th><th scope="col" class="num">{t.b_col_normal_quantile}</th><th scope="col" class="num">{t.b_col_value_rmb}</th></tr></thead>
                                <LiveBody rows=rows />
                            </table>
                            {move || m.with(|q| q.as_ref().and_then(|q| rows_note(state, q.points.len())))}
                        </ChartFrame>
                    }
                }}
            </Show>
        }
    };

    let t = move || state.t();
    view! {
        <section id="robustness" class="section robustness" aria-labelledby="robustness-h">
            <h2 id="robustness-h">{tr(state, |t| t.sec_robustness)}</h2>
            <p class="selection-line">{selection_line(state)}</p>
            <p class="lede">{tr(state, |t| t.b_lede)}</p>
            <p class="comparison" id="robustness-comparison">{move || model.with(|m| m.comparison.clone())}</p>

            <div class="robust-summary" id="robustness-summary">
                <h3>{tr(state, |t| t.b_in_short)}</h3>
                <ul>{summary}</ul>
            </div>

            <h3>{tr(state, |t| t.b_h_tests)}</h3>
            {tests}

            <h3>{tr(state, |t| t.b_h_perm)}</h3>
            <p>{tr(state, |t| t.b_perm_intro)}</p>
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
                                <thead><tr><th scope="col" class="num">{t.b_col_bin}</th><th scope="col" class="num">{t.b_col_relabellings}</th></tr></thead>
                                <LiveBody rows=hist_rows />
                            </table>
                        </ChartFrame>
                    }
                }}
            </Show>

            <h3>{tr(state, |t| t.b_h_effects)}</h3>
            <p>{tr(state, |t| t.b_effects_intro)}</p>
            {effects}

            <h3>{tr(state, |t| t.b_h_influence)}</h3>
            <p>{tr(state, |t| t.b_influence_intro)}</p>
            <div id="influence">{influence_table}</div>
            <Show when=move || influence.with(|i| i.is_some()) fallback=|| ()>
                {move || {
                    let t = t();
                    view! {
                        <ChartFrame
                            id="chart-influence"
                            title=t.b_chart_influence
                            summary=inf_summary
                            height=440
                            draw=move |c, p, s| match influence.get() {
                                // One labelled row per informant: a sample of 200 at most, the marked ones kept.
                                Some(i) => draw_influence(c, &InfluenceView { rows: thinned(&i.rows, TABLE_ROW_LIMIT, |r| r.most_influential || r.is_min || r.is_max), ..i }, p, s),
                                None => Ok(()),
                            }
                        >
                            <table>
                                <thead><tr><th scope="col">{t.b_col_left_out}</th><th scope="col">{t.b_col_group}</th><th scope="col" class="num">"t"</th></tr></thead>
                                <LiveBody rows=inf_rows />
                            </table>
                        </ChartFrame>
                    }
                }}
            </Show>

            <h3>{tr(state, |t| t.b_h_assumptions)}</h3>
            <p>{tr(state, |t| t.b_assumptions_intro)}</p>
            {normality}
            {variances}
            {qq_missing}
            <div class="qq-grid">
                {qq_frame(qq_service, "chart-qq-service", |t| t.b_chart_qq_service)}
                {qq_frame(qq_development, "chart-qq-development", |t| t.b_chart_qq_development)}
            </div>
            <p class="note">{tr(state, |t| t.b_qq_note)}</p>

            <h3>{tr(state, |t| t.b_h_bayes)}</h3>
            <p>{tr(state, |t| t.b_bayes_intro)}</p>
            <fieldset class="prior-choice" id="bayes-prior">
                <legend>{tr(state, |t| t.b_prior_legend)}</legend>
                {prior_radios}
            </fieldset>
            <div aria-live="polite">{bayes_result}</div>
            <p class="note" id="bayes-note">{tr(state, |t| t.b_bayes_note)}</p>
            {bayes_table}

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
        </section>
    }
}
