//! `#robustness`: does the selection's result survive other reasonable analyses? Welch
//! beside Student, the rank test, the exact permutation test with its histogram, effect
//! sizes, leave-one-out influence, assumption checks with Q-Q plots, the JZS Bayes factor
//! (prior scale chosen by the reader) and the discount sensitivity, under a
//! plain-language summary.
//!
//! Everything shown comes from one [`RobustnessView`] computed in the core
//! (`core::robust::view`) by a memo over the selection and its salary points, so it
//! recomputes on every toggle and permalink. The reader's prior scale lives in its own
//! signal and only picks one of the precomputed Bayes rows: changing it never reruns the
//! permutation test. Chart models are memos of their own, so a chart redraws only when
//! its numbers change. Every table goes through one helper ([`table`] / [`body`]), which
//! keeps the markup uniform and the wasm small.

use crate::core::dataset::Group;
use crate::core::format::fixed;
use crate::core::robust::view::{robustness_view_points, BayesRow, QqChart, RobustnessView, Row, BAYES_LABEL_NOTE, DEFAULT_PRIOR, PRIOR_CHOICES};
use crate::ui::charts::ChartFrame;
use crate::ui::robust_charts::{draw_influence, draw_permutation, draw_qq, draw_sensitivity};
use crate::ui::salaries::selection_line;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// One table row: a class, the row header, and (class, text) cells.
struct TRow {
    class: String,
    head: String,
    cells: Vec<(&'static str, String)>,
}

impl TRow {
    fn new(class: impl Into<String>, head: impl Into<String>, cells: Vec<(&'static str, String)>) -> TRow {
        TRow { class: class.into(), head: head.into(), cells }
    }
}

const NUM: &str = "num";
const TEXT: &str = "";
const HOW: &str = "how";

/// The `<tr>`s of a table body.
fn body(rows: Vec<TRow>) -> AnyView {
    rows.into_iter()
        .map(|r| {
            let cells = r.cells.into_iter().map(|(class, text)| view! { <td class=class>{text}</td> }).collect_view();
            view! { <tr class=r.class><th scope="row">{r.head}</th>{cells}</tr> }
        })
        .collect_view()
        .into_any()
}

/// A captioned table in a scrollable, focusable region: `heads` are (class, text).
fn table(id: &'static str, caption: String, heads: &[(&'static str, &'static str)], rows: Vec<TRow>) -> AnyView {
    let head = heads.iter().map(|(class, text)| view! { <th scope="col" class=*class>{*text}</th> }).collect_view();
    let label = caption.clone();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table id=id class="details robust-table">
                <caption>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{body(rows)}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// (label, value, note) rows; undefined values are marked as such.
fn labelled(rows: &[Row]) -> Vec<TRow> {
    rows.iter().map(|r| TRow::new(if r.defined { "" } else { "undefined" }, r.label.clone(), vec![("result", r.value.clone()), (HOW, r.note.clone())])).collect()
}

/// A paragraph saying why a part is not shown.
fn undefined(id: &'static str, msg: String) -> AnyView {
    view! { <p class="undefined" id=id>{msg}</p> }.into_any()
}

/// `#robustness`.
#[component]
pub fn RobustnessSection(state: AppState) -> impl IntoView {
    // The whole analysis: recomputed when the selection (or its points) change, never
    // when only the prior scale does.
    let model: Memo<RobustnessView> = Memo::new(move |_| {
        let sel = state.selection.get();
        state.points.with(|p| match p {
            Ok(points) => state.study.with_value(|s| robustness_view_points(s, &sel, points)),
            Err(e) => RobustnessView::undefined(&e.to_string()),
        })
    });
    let prior = RwSignal::new(DEFAULT_PRIOR);
    let bayes: Memo<Result<BayesRow, String>> = Memo::new(move |_| {
        let i = prior.get();
        model.with(|m| m.bayes_row(i))
    });

    let histogram = Memo::new(move |_| model.with(|m| m.permutation.as_ref().ok().map(|p| p.chart.clone())));
    let influence = Memo::new(move |_| model.with(|m| m.influence.as_ref().ok().cloned()));
    let qq_of = move |g: Group| Memo::new(move |_| model.with(|m| m.qq.iter().filter_map(|q| q.as_ref().ok()).find(|q| q.group == g).cloned()));
    let (qq_service, qq_development) = (qq_of(Group::Service), qq_of(Group::Development));
    let sensitivity = Memo::new(move |_| model.with(|m| m.sensitivity.as_ref().ok().cloned()));

    let summary = move || model.with(|m| m.summary.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view());
    let tests = move || {
        let rows = model.with(|m| labelled(&m.tests));
        table("robustness-tests", "Tests of the difference (APA style; exact two-sided p beside each)".into(), &[(TEXT, "Test"), (TEXT, "Result"), (TEXT, "How it is computed")], rows)
    };
    let effects = move || {
        let rows = model.with(|m| labelled(&m.effects));
        table("robustness-effects", "Effect sizes with 95% confidence intervals".into(), &[(TEXT, "Measure"), (TEXT, "Value"), (TEXT, "Definition")], rows)
    };

    let permutation = move || {
        model.with(|m| match &m.permutation {
            Ok(p) => {
                let rows = p.rows.iter().map(|r| TRow::new("", r.label.clone(), vec![(NUM, r.p.clone()), (NUM, r.count.clone())])).collect();
                view! {
                    <p id="permutation-method" data-count=p.count.clone()>{p.method.clone()}</p>
                    <p id="permutation-observed">"Observed: "{p.observed.clone()}"."</p>
                    {table("permutation-table", "Permutation p-values (D is the statistic under relabelling)".into(), &[(TEXT, "Which p"), (NUM, "p"), (NUM, "Count")], rows)}
                    <p class="note">{p.two_sided_note.clone()}</p>
                }
                .into_any()
            }
            Err(e) => undefined("permutation-undefined", e.clone()),
        })
    };

    let influence_table = move || {
        model.with(|m| match &m.influence {
            Ok(inf) => {
                let rows = inf
                    .rows
                    .iter()
                    .map(|r| {
                        let mut marks = Vec::new();
                        if r.most_influential {
                            marks.push("most influential");
                        }
                        if r.is_min {
                            marks.push("lowest t");
                        }
                        if r.is_max {
                            marks.push("highest t");
                        }
                        let head = if marks.is_empty() { r.informant.clone() } else { format!("{} ({})", r.informant, marks.join(", ")) };
                        let class = format!("group-{}{}", r.group.key(), if r.most_influential { " most-influential" } else { "" });
                        TRow::new(class, head, vec![(TEXT, r.group.label().to_string()), (NUM, r.t_text.clone()), (NUM, r.p_text.clone()), (NUM, r.change.clone())])
                    })
                    .collect();
                let caption = format!("{} without each informant (change from t = {} with everyone)", inf.test, fixed(inf.full_t, 2));
                view! {
                    <p id="influence-reading">{inf.reading.clone()}</p>
                    <p class="minmax" id="influence-minmax">"Lowest t: "{inf.min_text.clone()}". Highest t: "{inf.max_text.clone()}"."</p>
                    {table("influence-table", caption, &[(TEXT, "Left out"), (TEXT, "Group"), (NUM, "t"), (NUM, "p (two-sided)"), (NUM, "Change in t")], rows)}
                }
                .into_any()
            }
            Err(e) => undefined("influence-undefined", e.clone()),
        })
    };

    let normality = move || {
        let rows = model.with(|m| {
            m.normality.iter().map(|r| TRow::new(if r.defined { "" } else { "undefined" }, r.label.clone(), vec![(NUM, r.n.clone()), (NUM, r.w.clone()), (NUM, r.p.clone()), (HOW, r.reading.clone())])).collect()
        });
        table("normality-table", "Normality: Shapiro\u{2013}Wilk (Royston's algorithm)".into(), &[(TEXT, "Values"), (NUM, "n"), (NUM, "W"), (NUM, "p"), (TEXT, "Reading")], rows)
    };
    let variances = move || {
        model.with(|m| match &m.variances {
            Ok(rows) => {
                let rows = rows.iter().map(|r| TRow::new(if r.defined { "" } else { "undefined" }, r.label.clone(), vec![(NUM, r.w.clone()), (NUM, r.df.clone()), (NUM, r.p.clone()), (HOW, r.reading.clone())])).collect();
                table(
                    "variance-table",
                    "Equal spread: Levene (deviations from each group's mean) and Brown\u{2013}Forsythe (from its median)".into(),
                    &[(TEXT, "Test"), (NUM, "Statistic"), (NUM, "df"), (NUM, "p"), (TEXT, "Reading")],
                    rows,
                )
            }
            Err(e) => undefined("variance-table", e.clone()),
        })
    };
    let qq_missing = move || model.with(|m| m.qq.iter().filter_map(|q| q.as_ref().err()).next().cloned().map(|e| view! { <p class="undefined">"Q-Q plot: "{e}</p> }));

    let prior_radios = PRIOR_CHOICES
        .iter()
        .enumerate()
        .map(|(i, c)| {
            view! {
                <label class="check">
                    <input type="radio" name="bayes-prior" value=c.key prop:checked=move || prior.get() == i on:change=move |_| prior.set(i) />
                    <span>{c.label}</span>
                </label>
            }
        })
        .collect_view();
    let bayes_result = move || match bayes.get() {
        Ok(b) if b.defined => view! {
            <p class="bayes-result" id="bayes-result">
                "BF\u{2081}\u{2080} = "<strong id="bayes-bf10">{b.bf10}</strong>" with prior scale "{b.prior}": "{b.label}"."
            </p>
            <p id="bayes-reading">{b.reading}</p>
        }
        .into_any(),
        Ok(b) => undefined("bayes-result", b.bf10),
        Err(e) => undefined("bayes-result", e),
    };
    let bayes_table = move || {
        let chosen = prior.get();
        model.with(|m| {
            m.bayes.as_ref().ok().map(|rows| {
                let rows = rows
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let (class, head) = if i == chosen { ("chosen", format!("{} (shown above)", r.prior)) } else { ("", r.prior.clone()) };
                        TRow::new(class, head, vec![(NUM, r.bf10.clone()), (TEXT, r.label.clone())])
                    })
                    .collect();
                table("bayes-table", "BF\u{2081}\u{2080} for each prior scale".into(), &[(TEXT, "Prior scale"), (NUM, "BF\u{2081}\u{2080}"), (TEXT, "Label")], rows)
            })
        })
    };
    let sensitivity_missing = move || model.with(|m| m.sensitivity.as_ref().err().cloned().map(|e| undefined("sensitivity-undefined", e)));

    // The charts' summaries and data tables.
    let hist_summary = Signal::derive(move || histogram.with(|h| h.as_ref().map(|h| h.summary()).unwrap_or_default()));
    let hist_rows = move || histogram.with(|h| body(h.as_ref().map(|h| h.table().into_iter().map(|[a, b]| TRow::new("", a, vec![(NUM, b)])).collect()).unwrap_or_default()));
    let inf_summary = Signal::derive(move || influence.with(|i| i.as_ref().map(|i| i.summary()).unwrap_or_default()));
    let inf_rows = move || influence.with(|i| body(i.as_ref().map(|i| i.table().into_iter().map(|[a, b, c]| TRow::new("", a, vec![(TEXT, b), (NUM, c)])).collect()).unwrap_or_default()));
    let sens_summary = Signal::derive(move || sensitivity.with(|x| x.as_ref().map(|x| x.summary()).unwrap_or_default()));
    let sens_rows = move || {
        sensitivity.with(|x| {
            let rows = x.as_ref().map(|x| x.rows.iter().map(|r| TRow::new(if r.is_current { "current" } else { "" }, r.factor_text.clone(), vec![(NUM, r.t_text.clone()), (NUM, r.p_text.clone()), (TEXT, r.note.clone())])).collect());
            body(rows.unwrap_or_default())
        })
    };
    let qq_frame = move |m: Memo<Option<QqChart>>, id: &'static str, title: &'static str| {
        let summary = Signal::derive(move || m.with(|q| q.as_ref().map(|q| q.summary()).unwrap_or_default()));
        let rows = move || m.with(|q| body(q.as_ref().map(|q| q.table().into_iter().map(|[a, b, c]| TRow::new("", a, vec![(NUM, b), (NUM, c)])).collect()).unwrap_or_default()));
        view! {
            <Show when=move || m.with(|q| q.is_some()) fallback=|| ()>
                <ChartFrame id=id title=title summary=summary height=300 draw=move |c, p, s| match m.get() {
                    Some(q) => draw_qq(c, &q, p, s),
                    None => Ok(()),
                }>
                    <table>
                        <thead><tr><th scope="col">"Informant"</th><th scope="col" class="num">"Normal quantile"</th><th scope="col" class="num">"Value (RMB)"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </ChartFrame>
            </Show>
        }
    };

    view! {
        <section id="robustness" class="section robustness" aria-labelledby="robustness-h">
            <h2 id="robustness-h">"Robustness"</h2>
            <p class="selection-line">{selection_line(state)}</p>
            <p class="lede">
                "Does the result survive other reasonable ways of analysing the same salaries? Each analysis below answers one question: "
                "without assuming normal values, without any one person, how big, and under a different discount."
            </p>
            <p class="comparison" id="robustness-comparison">{move || model.with(|m| m.comparison.clone())}</p>

            <div class="robust-summary" id="robustness-summary">
                <h3>"In short"</h3>
                <ul>{summary}</ul>
            </div>

            <h3>"The same difference, tested other ways"</h3>
            {tests}

            <h3>"Exact permutation test"</h3>
            <p>"If the groups' labels meant nothing, every way of relabelling the informants would be as likely as the real one. The p-value is the share of relabellings that give a difference at least as extreme as the one observed."</p>
            <div id="permutation">{permutation}</div>
            <Show when=move || histogram.with(|h| h.is_some()) fallback=|| ()>
                <ChartFrame
                    id="chart-permutation"
                    title="Where the observed difference falls among all relabellings"
                    summary=hist_summary
                    height=280
                    draw=move |c, p, s| match histogram.get() {
                        Some(h) => draw_permutation(c, &h, p, s),
                        None => Ok(()),
                    }
                >
                    <table>
                        <thead><tr><th scope="col" class="num">"Bin (RMB)"</th><th scope="col" class="num">"Relabellings"</th></tr></thead>
                        <tbody>{hist_rows}</tbody>
                    </table>
                </ChartFrame>
            </Show>

            <h3>"Effect sizes"</h3>
            <p>"How big is the difference, in the units of its own spread, and how uncertain is that? Tools define these differently, so each definition is named."</p>
            {effects}

            <h3>"Influence: leaving one informant out"</h3>
            <p>"Is the result driven by one person? Each informant is dropped in turn and the test rerun on the others."</p>
            <div id="influence">{influence_table}</div>
            <Show when=move || influence.with(|i| i.is_some()) fallback=|| ()>
                <ChartFrame
                    id="chart-influence"
                    title="t with each informant left out"
                    summary=inf_summary
                    height=440
                    draw=move |c, p, s| match influence.get() {
                        Some(i) => draw_influence(c, &i, p, s),
                        None => Ok(()),
                    }
                >
                    <table>
                        <thead><tr><th scope="col">"Left out"</th><th scope="col">"Group"</th><th scope="col" class="num">"t"</th></tr></thead>
                        <tbody>{inf_rows}</tbody>
                    </table>
                </ChartFrame>
            </Show>

            <h3>"Assumption checks"</h3>
            <p>"The t-test assumes roughly normal values and, in Student's form, equal spread. These checks look for signs against that; with groups this small, a check that finds nothing is weak reassurance."</p>
            {normality}
            {variances}
            {qq_missing}
            <div class="qq-grid">
                {qq_frame(qq_service, "chart-qq-service", "Normal Q-Q plot: Service")}
                {qq_frame(qq_development, "chart-qq-development", "Normal Q-Q plot: Development")}
            </div>
            <p class="note">"Q-Q plots put the i-th smallest of n values against the normal quantile \u{3a6}\u{207b}\u{b9}((i \u{2212} 0.375)/(n + 0.25)); the line is the group's mean plus its SD times that quantile."</p>

            <h3>"Bayes factor"</h3>
            <p>"How much more likely are the data if there is a difference than if there is none? The JZS Bayes factor (Rouder et al., 2009) answers that for a Cauchy prior on the standardized difference, whose scale r you can choose."</p>
            <fieldset class="prior-choice" id="bayes-prior">
                <legend>"Prior scale r"</legend>
                {prior_radios}
            </fieldset>
            <div aria-live="polite">{bayes_result}</div>
            <p class="note" id="bayes-note">{BAYES_LABEL_NOTE}</p>
            {bayes_table}

            <h3>"Discount sensitivity"</h3>
            <p>"Does the result depend on the discount? The paper scales T2 salaries by a factor from four company totals (footnote 3). Here its test is rerun for a range of factors, from 0.80 to 1.40, including 1.00 (no discount)."</p>
            {sensitivity_missing}
            <Show when=move || sensitivity.with(|x| x.is_some()) fallback=|| ()>
                <ChartFrame
                    id="chart-sensitivity"
                    title="t and p of the paper's test against the discount factor"
                    summary=sens_summary
                    height=420
                    draw=move |c, p, s| match sensitivity.get() {
                        Some(x) => draw_sensitivity(c, &x, p, s),
                        None => Ok(()),
                    }
                >
                    <table id="sensitivity-table">
                        <thead><tr><th scope="col" class="num">"Factor"</th><th scope="col" class="num">"t"</th><th scope="col" class="num">"p"</th><th scope="col">"Note"</th></tr></thead>
                        <tbody>{sens_rows}</tbody>
                    </table>
                </ChartFrame>
            </Show>
        </section>
    }
}
