//! The header's language switch.

use crate::ui::state::{tr, AppState};
use leptos::prelude::*;
use study_core::text::i18n::Lang;

/// The language switch: one native select, so it works from the keyboard.
#[component]
pub fn LanguageSwitch(state: AppState) -> impl IntoView {
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
