//! The one place signals live. `AppState` holds the selection and URL notices; derived
//! memos compute the salary points and the analysis from them. Components read these and
//! never compute statistics themselves. The selection is mirrored into the URL with
//! `history.replaceState` (no reload), and read from it once at start.

use crate::core::dataset::Study;
use crate::core::designs::{analyse_points, Analysis, AnalysisError};
use crate::core::discount::DiscountError;
use crate::core::embed;
use crate::core::i18n::{Lang, Strings};
use crate::core::permalink::{self, Notice};
use crate::core::selection::{salary_points, SalaryPoint, Selection};
use leptos::prelude::*;
use std::sync::Arc;

/// Signals and memos shared by every section (cheap to copy).
#[derive(Clone, Copy)]
pub struct AppState {
    pub study: StoredValue<Arc<Study>>,
    /// The paper's selection (the defaults of every control).
    pub defaults: StoredValue<Selection>,
    pub selection: RwSignal<Selection>,
    /// What the URL asked for that was ignored.
    pub notices: RwSignal<Vec<Notice>>,
    /// Why the last click was refused (for example, unticking the last group).
    pub guard: RwSignal<Option<String>>,
    /// The conceptual-model node the reader selected (`node=` in the URL).
    pub node: RwSignal<Option<String>>,
    /// The UI language.
    pub lang: RwSignal<Lang>,
    /// The embedded section (`embed=1&section=…`), fixed for the page's life; `None` is
    /// the full page.
    pub embed: StoredValue<Option<String>>,
    /// The language the reader chose (switch or `lang=`), written into the permalink;
    /// `None` leaves the language to the browser of whoever opens the link.
    pub lang_chosen: RwSignal<Option<Lang>>,
    pub points: Memo<Result<Vec<SalaryPoint>, DiscountError>>,
    pub analysis: Memo<Result<Analysis, AnalysisError>>,
}

impl AppState {
    /// Builds the state from the study and the page's query string.
    pub fn new(study: Arc<Study>, query: &str) -> AppState {
        let defaults = Selection::paper(&study);
        let (initial, mut notices) = permalink::parse(query, &defaults);
        let (node, node_notices) = permalink::parse_node(query, &study.raw.model.ids());
        notices.extend(node_notices);
        let (lang_chosen, lang_notices) = permalink::parse_lang(query);
        notices.extend(lang_notices);
        let lang = lang_chosen.unwrap_or_else(browser_lang);
        let (embed, embed_notices) = embed::parse_embed(query, &crate::ui::app::SECTIONS.map(|(id, _)| id));
        notices.extend(embed_notices);
        let selection = RwSignal::new(initial);
        let study = StoredValue::new(study);
        let points = Memo::new(move |_| {
            let sel = selection.get();
            study.with_value(|s| salary_points(s, &sel))
        });
        let analysis = Memo::new(move |_| {
            let sel = selection.get();
            points.with(|p| match p {
                Ok(p) => analyse_points(&sel, p),
                Err(e) => Err(AnalysisError::Discount(e.clone())),
            })
        });
        let guard = RwSignal::new(None);
        // A refusal message answers one click: any accepted change clears it.
        Effect::new(move |_| {
            selection.track();
            guard.set(None);
        });
        AppState {
            study,
            defaults: StoredValue::new(defaults),
            selection,
            notices: RwSignal::new(notices),
            guard,
            node: RwSignal::new(node),
            embed: StoredValue::new(embed),
            lang: RwSignal::new(lang),
            lang_chosen: RwSignal::new(lang_chosen),
            points,
            analysis,
        }
    }

    /// The current permalink query (without `?`).
    pub fn query(&self) -> String {
        let sel = self.selection.get();
        let node = self.node.get();
        let lang = self.lang_chosen.get();
        let mut q = self.defaults.with_value(|d| permalink::to_query_with(&sel, d, node.as_deref(), lang));
        if let Some(section) = self.embed.get_value() {
            q.push_str("&embed=1&section=");
            q.push_str(&section);
        }
        q
    }

    /// The permalink query of the current view as the full page (no `embed`).
    pub fn view_query(&self) -> String {
        let sel = self.selection.get_untracked();
        let node = self.node.get_untracked();
        let lang = self.lang_chosen.get_untracked();
        self.defaults.with_value(|d| permalink::to_query_with(&sel, d, node.as_deref(), lang))
    }

    /// The current language's string table (tracked: a view reading it follows the switch).
    pub fn t(&self) -> &'static Strings {
        self.lang.get().strings()
    }

    /// Switches the UI language and remembers it as the reader's choice.
    pub fn set_lang(&self, lang: Lang) {
        self.lang_chosen.set(Some(lang));
        self.lang.set(lang);
    }
}

/// Mirrors the selection into the address bar without reloading, keeping the fragment.
pub fn sync_url(state: AppState) {
    Effect::new(move |_| {
        let q = state.query();
        let Some(window) = web_sys::window() else { return };
        let hash = window.location().hash().unwrap_or_default();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?{q}{hash}")));
        }
    });
}

/// The browser's preferred language (`navigator.languages`), English when it names neither.
fn browser_lang() -> Lang {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Lang::En };
    let tags: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if tags.is_empty() {
        return Lang::from_navigator(nav.language().as_deref());
    }
    Lang::from_navigator(tags.iter().map(String::as_str))
}

/// Keeps `<html lang>` and the document title in step with the UI language, so screen
/// readers pronounce the page in the right language.
pub fn sync_lang(state: AppState) {
    Effect::new(move |_| {
        let lang = state.lang.get();
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang.bcp47());
        }
        doc.set_title(lang.strings().page_title);
    });
}

/// The page's query string (empty outside a browser).
pub fn location_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}
