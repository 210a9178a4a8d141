//! The UI language as a context of its own, [`UiLang`], for the parts both entry points
//! share (the chart frame): the page provides it beside its `AppState`, the workshop
//! module beside its own small state, so a shared part never needs either.

use leptos::prelude::*;
use study_core::text::i18n::Lang;

/// The UI language signal, provided as context by each entry point.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The UI language in context (`None` outside either entry point: English).
pub fn use_ui_lang() -> Option<RwSignal<Lang>> {
    use_context::<UiLang>().map(|l| l.0)
}
