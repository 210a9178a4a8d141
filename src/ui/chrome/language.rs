//! The header's language switch.

use crate::ui::state::{tr, use_app_state};
use leptos::prelude::*;
use study_core::text::i18n::Lang;

/// The language switch: one native select, so it works from the keyboard.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let state = use_app_state();
    let options = Lang::ALL
        .into_iter()
        .map(|l| view! { <option value=l.key() lang=l.bcp47() prop:selected=move || state.lang.get() == l>{l.endonym()}</option> })
        .collect_view();
    view! {
        <label class="language-switch">
            <span>{tr(state, |t| t.language_label)}</span>
            " "
            <select
                id="language"
                on:change=move |ev| {
                    if let Some(l) = Lang::from_key(&event_target_value(&ev)) {
                        state.set_lang(l);
                    }
                }
            >
                {options}
            </select>
        </label>
    }
}
