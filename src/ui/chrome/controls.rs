//! The control bar: groups, timepoints, salary measure and discount (with the four
//! editable totals behind footnote 3); while a reader's own file is analysed, the groups
//! carry the file's names and the measure and discount give way to the file's own factor
//! on T2 (set at `#your-data`). Every control is a native input with a visible
//! label, so it works from the keyboard. A refused change (unticking the last group or
//! timepoint, or a typed total that is not a positive amount) is explained in a live region
//! and leaves the current state as it was.

use crate::ui::state::{tr, use_app_state, AppState};
use leptos::prelude::*;
use study_core::reader::amount::{amount_text, parse_amount, AmountError};
use study_core::stats::discount::DiscountTotals;
use study_core::stats::selection::Selection;
use study_core::study::{Group, Measure, Time};
use study_core::text::format::{fixed, grouped};
use study_core::text::i18n::{fill, Strings};
use wasm_bindgen::JsCast;

fn set_checked(ev: &leptos::ev::Event, checked: bool) {
    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.set_checked(checked);
    }
}

/// Toggles one of two flags, refusing to clear the last one.
fn toggle(
    state: AppState,
    ev: &leptos::ev::Event,
    which: fn(&mut Selection) -> &mut [bool; 2],
    i: usize,
    refusal: fn(&Strings) -> &'static str,
) {
    let checked = event_target_checked(ev);
    let mut sel = state.selection.get_untracked();
    let flags = which(&mut sel);
    if !checked && !flags[1 - i] {
        set_checked(ev, true);
        state.guard.set(Some(refusal(state.lang.get_untracked().strings()).to_string()));
        return;
    }
    flags[i] = checked;
    state.guard.set(None);
    state.selection.set(sel);
}

/// `#controls`: the sticky control bar.
#[component]
pub fn ControlBar() -> impl IntoView {
    let state = use_app_state();
    let sel = state.selection;
    let group_box = move |g: Group, detail: fn(&Strings) -> &'static str| {
        let i = g.index();
        view! {
            <label class=format!("check group-{}", g.key())>
                <input
                    type="checkbox"
                    name="groups"
                    value=g.key()
                    prop:checked=move || sel.with(|s| s.groups[i])
                    on:change=move |ev| toggle(state, &ev, |s| &mut s.groups, i, |t| t.guard_group)
                />
                <span class="swatch" aria-hidden="true"></span>
                <span>
                    <span lang="en">{move || state.terms().name(g).to_string()}</span>
                    {move || state.own.with(Option::is_none).then(|| view! { " "<small>{tr(state, detail)}</small> })}
                </span>
            </label>
        }
    };
    let time_box = move |t: Time, detail: fn(&Strings) -> &'static str| {
        let i = match t {
            Time::T1 => 0,
            Time::T2 => 1,
        };
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    name="times"
                    value=t.key()
                    prop:checked=move || sel.with(|s| s.times[i])
                    on:change=move |ev| toggle(state, &ev, |s| &mut s.times, i, |t| t.guard_time)
                />
                <span>{t.label()}" "<small>{tr(state, detail)}</small></span>
            </label>
        }
    };
    let measure_radio = move |m: Measure, detail: &'static str| {
        view! {
            <label class="check">
                <input
                    type="radio"
                    name="salary"
                    value=m.key()
                    prop:checked=move || sel.with(|s| s.measure == m)
                    on:change=move |_| sel.update(|s| s.measure = m)
                />
                <span>{tr(state, if m == Measure::Quarterly { |t| t.measure_quarterly } else { |t| t.measure_monthly })}" "<small>{detail}</small></span>
            </label>
        }
    };
    view! {
        <form class="control-bar" id="controls" aria-label=tr(state, |t| t.controls_label) on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>{tr(state, |t| t.groups_legend)}</legend>
                {group_box(Group::Service, |t| t.service_detail)}
                {group_box(Group::Development, |t| t.development_detail)}
            </fieldset>
            <fieldset>
                <legend>{tr(state, |t| t.times_legend)}</legend>
                {time_box(Time::T1, |t| t.t1_detail)}
                {time_box(Time::T2, |t| t.t2_detail)}
            </fieldset>
            // A reader's own file has one measure and its own factor on T2 (`#your-data`):
            // the paper's controls are hidden meanwhile, and keep their state.
            <div class="paper-controls" hidden=move || state.own.with(Option::is_some)>
                <fieldset>
                    <legend>{tr(state, |t| t.measure_legend)}</legend>
                    {measure_radio(Measure::Quarterly, "Table 8")}
                    {measure_radio(Measure::Monthly, "Table A2")}
                </fieldset>
                <DiscountControls />
            </div>
            <p class="guard" role="status" aria-live="polite">{move || state.guard.get().unwrap_or_default()}</p>
        </form>
    }
}

/// A label in the UI language's table.
type Label = fn(&Strings) -> &'static str;

/// The four totals of footnote 3, keyed by permalink name, with labels.
const TOTALS: [(&str, Label); 4] = [
    ("salary2016", |t| t.total_salary_2016),
    ("revenue2016", |t| t.total_revenue_2016),
    ("salary2017", |t| t.total_salary_2017),
    ("revenue2017", |t| t.total_revenue_2017),
];

fn with_total(t: &mut DiscountTotals, i: usize, v: f64) {
    match i {
        0 => t.salary_2016 = v,
        1 => t.revenue_2016 = v,
        2 => t.salary_2017 = v,
        _ => t.revenue_2017 = v,
    }
}

/// Discount on/off and the editable totals with the live factor.
#[component]
fn DiscountControls() -> impl IntoView {
    let state = use_app_state();
    let sel = state.selection;
    let texts = RwSignal::new(sel.get_untracked().totals.fields().map(|(_, v)| amount_text(v)));
    let errors: RwSignal<[Option<AmountError>; 4]> = RwSignal::new(Default::default());
    let reset = move |_| {
        let d = state.defaults.get_value().totals;
        texts.set(d.fields().map(|(_, v)| amount_text(v)));
        errors.set(Default::default());
        sel.update(|s| s.totals = d);
    };
    let inputs = TOTALS
        .iter()
        .enumerate()
        .map(|(i, &(key, label))| {
            let id = format!("total-{key}");
            let err_id = format!("total-{key}-error");
            view! {
                <div class="total">
                    <label for=id.clone()>{tr(state, label)}" "<small>{tr(state, |t| t.rmb_unit)}</small></label>
                    <input
                        id=id
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || texts.with(|t| t[i].clone())
                        aria-invalid=move || if errors.with(|e| e[i].is_some()) { "true" } else { "false" }
                        aria-describedby=err_id.clone()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            texts.update(|t| t[i] = text.clone());
                            match parse_amount(&text) {
                                Ok(v) => {
                                    errors.update(|e| e[i] = None);
                                    sel.update(|s| with_total(&mut s.totals, i, v));
                                }
                                Err(e) => errors.update(|x| x[i] = Some(e)),
                            }
                        }
                    />
                    <span class="field-error" id=err_id>
                        {move || {
                            let t = state.t();
                            errors.with(|e| e[i].as_ref().map(|e| fill(t.total_error, &[("error", &e.text(t))]))).unwrap_or_default()
                        }}
                    </span>
                </div>
            }
        })
        .collect_view();
    let live = move || {
        let t = sel.get().totals;
        fill(
            state.t().live_factor,
            &[
                ("r16", &fixed(t.ratio_2016() * 100.0, 2)),
                ("r17", &fixed(t.ratio_2017() * 100.0, 2)),
                ("factor", &fixed(t.factor(), 4)),
            ],
        )
    };
    let paper = state.defaults.get_value().totals;
    let (r16, r17) = state.study.with_value(|s| {
        let p = &s.raw.discount.printed;
        (p.ratio_2016_percent.value.to_string(), p.ratio_2017_percent.value.to_string())
    });
    view! {
        <fieldset class="discount">
            <legend>{tr(state, |t| t.discount_legend)}</legend>
            <label class="check">
                <input type="checkbox" name="discount" prop:checked=move || sel.with(|s| s.discount) on:change=move |ev| sel.update(|s| s.discount = event_target_checked(&ev)) />
                <span>{tr(state, |t| t.discount_toggle)}" "<small>{tr(state, |t| t.discount_toggle_detail)}</small></span>
            </label>
            <details class="totals">
                <summary>{tr(state, |t| t.totals_summary)}</summary>
                <div class="totals-grid">{inputs}</div>
                <p class="live-factor" aria-live="polite">{live}</p>
                <button type="button" on:click=reset>{tr(state, |t| t.reset_totals)}</button>
                <p class="source">
                    {move || {
                        let sep = state.lang.get().numbers().group;
                        fill(
                            state.t().printed_ratios,
                            &[
                                ("s16", &grouped(paper.salary_2016, 0, sep)),
                                ("v16", &grouped(paper.revenue_2016, 0, sep)),
                                ("r16", &r16),
                                ("s17", &grouped(paper.salary_2017, 0, sep)),
                                ("v17", &grouped(paper.revenue_2017, 0, sep)),
                                ("r17", &r17),
                            ],
                        )
                    }}
                </p>
            </details>
        </fieldset>
    }
}
