//! The one place signals live. `AppState` holds the selection and URL notices; derived
//! memos compute the salary points and the analysis from them. Components read these and
//! never compute statistics themselves. The selection is mirrored into the URL with
//! `history.replaceState` (no reload), and read from it once at start.

use crate::core::dataset::Study;
use crate::core::designs::{analyse_points, Analysis, AnalysisError};
use crate::core::discount::DiscountError;
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
            points,
            analysis,
        }
    }

    /// The current permalink query (without `?`).
    pub fn query(&self) -> String {
        let sel = self.selection.get();
        let node = self.node.get();
        self.defaults.with_value(|d| permalink::to_query_with_node(&sel, d, node.as_deref()))
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

/// The page's query string (empty outside a browser).
pub fn location_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}
