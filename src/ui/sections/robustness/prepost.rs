//! The two analyses of a pre/post design: ANCOVA (T2 on group with T1 as covariate) and
//! the log scale (log ratios and geometric-mean changes). Each says what it does, then its
//! APA line, its plain reading and its table, or, where the selection has no such
//! analysis, why. Both are built by one non-generic function, [`part`], from a table of
//! their ids and words.

use super::table::{labelled, live_table, undefined, TEXT};
use crate::ui::state::{tr, tr_data, use_app_state};
use leptos::prelude::*;
use study_core::text::i18n::Strings;
use study_core::view::robustness::{PrePostPart, RobustnessView};

/// A fixed string of the UI language's table.
type Words = fn(&'static Strings) -> &'static str;

/// One analysis: its element ids, its words and where the view model keeps it.
struct Part {
    /// The element that holds either the result or the reason.
    id: &'static str,
    apa: &'static str,
    reading: &'static str,
    table: &'static str,
    undefined: &'static str,
    heading: Words,
    /// What the analysis does, for the paper's salaries and for a reader's values.
    intro: Words,
    intro_own: Words,
    caption: Words,
    pick: fn(&RobustnessView) -> &Result<PrePostPart, String>,
}

const ANCOVA: Part = Part {
    id: "ancova",
    apa: "ancova-apa",
    reading: "ancova-reading",
    table: "ancova-table",
    undefined: "ancova-undefined",
    heading: |t| t.b_h_ancova,
    intro: |t| t.b_ancova_intro,
    intro_own: |t| t.b_ancova_intro_own,
    caption: |t| t.b_ancova_caption,
    pick: |m| &m.ancova,
};

const LOG_SCALE: Part = Part {
    id: "log-scale",
    apa: "log-scale-apa",
    reading: "log-scale-reading",
    table: "log-scale-table",
    undefined: "log-scale-undefined",
    heading: |t| t.b_h_log,
    intro: |t| t.b_log_intro,
    intro_own: |t| t.b_log_intro_own,
    caption: |t| t.b_log_caption,
    pick: |m| &m.log_scale,
};

/// ANCOVA, then the log scale.
pub(super) fn pre_post(model: Memo<RobustnessView>) -> impl IntoView {
    view! {
        {part(model, &ANCOVA)}
        {part(model, &LOG_SCALE)}
    }
}

/// One analysis: built again only when it turns defined or undefined; its sentences and
/// table follow the model.
fn part(model: Memo<RobustnessView>, p: &'static Part) -> AnyView {
    let state = use_app_state();
    let defined = Memo::new(move |_| model.with(|m| (p.pick)(m).is_ok()));
    let text = move |f: fn(&PrePostPart) -> String| {
        model.with(|m| (p.pick)(m).as_ref().map(f).unwrap_or_default())
    };
    let body = move || {
        if !defined.get() {
            return undefined(
                p.undefined,
                model.with(|m| (p.pick)(m).as_ref().err().cloned().unwrap_or_default()),
            );
        }
        view! {
            <p class="prepost-apa" id=p.apa>{move || text(|x| x.apa.clone())}</p>
            <p id=p.reading>{move || text(|x| x.reading.clone())}</p>
            {live_table(p.table, move || {
                let t = state.t();
                let rows = model.with(|m| (p.pick)(m).as_ref().map(|x| labelled(&x.rows)).unwrap_or_default());
                ((p.caption)(t).into(), vec![(TEXT, t.b_col_measure), (TEXT, t.b_col_value), (TEXT, t.b_col_definition)], rows)
            })}
        }
        .into_any()
    };
    view! {
        <h3>{tr(state, p.heading)}</h3>
        <p>{tr_data(state, p.intro, p.intro_own)}</p>
        <div id=p.id>{body}</div>
    }
    .into_any()
}
