//! The workshop module's own small state, [`WorkshopState`]: the UI language, following
//! the page's `<html lang>` (which the page keeps in step with its language switch), and
//! `tr` for fixed strings. It holds nothing of the page's `AppState` and starts no effect
//! on the page's address, title or selection: the module only reads the page.

use crate::ui::lang::{set_when_loaded, UiLang};
use leptos::prelude::*;
use study_core::text::i18n::{Lang, Strings};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The workshop's shared state (cheap to copy).
#[derive(Clone, Copy)]
pub struct WorkshopState {
    /// The UI language: the page's, read from `<html lang>`.
    pub lang: RwSignal<Lang>,
}

impl WorkshopState {
    /// Builds the state, with the language following `<html lang>`, and provides it as
    /// context, with [`UiLang`] for the chart frame. The module has its own memory, so it
    /// fetches a table the build left out itself (the browser's cache has it from the
    /// page): until then it shows English.
    pub fn provide() -> WorkshopState {
        let lang = RwSignal::new(Lang::En);
        set_when_loaded(lang, page_lang());
        follow_page_lang(lang);
        provide_context(UiLang(lang));
        let state = WorkshopState { lang };
        provide_context(state);
        state
    }

    /// The current language's string table (tracked: a view reading it follows the switch).
    pub fn t(&self) -> &'static Strings {
        self.lang.get().strings()
    }

    /// The current language's table, untracked (for an event handler or an async job).
    pub fn t_untracked(&self) -> &'static Strings {
        self.lang.get_untracked().strings()
    }
}

/// The workshop's [`WorkshopState`], from the context `workshop::WorkshopApp` provides.
pub fn use_workshop_state() -> WorkshopState {
    use_context::<WorkshopState>().expect("WorkshopApp provides the WorkshopState")
}

/// One fixed UI string that follows the language: `{tr(state, |t| t.c_export_h)}`. The
/// same size trade as the page's `ui::state::tr`: one closure type for every call, never
/// inlined.
#[inline(never)]
pub fn tr(
    state: WorkshopState,
    pick: fn(&'static Strings) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || pick(state.t())
}

/// The page's language, from `<html lang>` (English when it is not Chinese).
fn page_lang() -> Lang {
    let tag = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    Lang::from_navigator([tag.as_str()])
}

/// Sets `lang` whenever the page changes `<html lang>` (a `MutationObserver` on that one
/// attribute; it lives as long as the page).
fn follow_page_lang(lang: RwSignal<Lang>) {
    let Some(html) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element())
    else {
        return;
    };
    let callback = Closure::<dyn Fn()>::new(move || {
        let now = page_lang();
        if lang.try_get_untracked() != Some(now) {
            set_when_loaded(lang, now);
        }
    });
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let options = web_sys::MutationObserverInit::new();
    options.set_attributes(true);
    options.set_attribute_filter(&js_sys::Array::of1(&JsValue::from_str("lang")));
    if observer.observe_with_options(&html, &options).is_ok() {
        callback.forget();
    }
}
