//! The page shell: header, notices, the sticky control bar, the table of contents and the
//! sections in reading order (see DESIGN.md).
//!
//! The study is loaded once here. If the embedded file cannot be loaded (which a test
//! rules out for the shipped build) the page says why instead of panicking.

use crate::core::dataset::{Study, STUDY_JSON};
use crate::ui::about::AboutSection;
use crate::ui::codebook::CodebookSection;
use crate::ui::controls::ControlBar;
use crate::ui::coverage::CoverageSection;
use crate::ui::demographics::DemographicsSection;
use crate::ui::export::download_text;
use crate::ui::model::ModelSection;
use crate::ui::reproducibility::ReproducibilitySection;
use crate::ui::robustness::RobustnessSection;
use crate::ui::salaries::SalariesSection;
use crate::ui::state::{location_query, sync_url, AppState};
use crate::ui::test_panel::TestSection;
use crate::ui::tour::TourSection;
use crate::ui::workshop::WorkshopSection;
use leptos::prelude::*;
use std::sync::Arc;

/// The sections, in reading order: (anchor, title).
pub const SECTIONS: [(&str, &str); 11] = [
    ("about", "About this study"),
    ("tour", "Guided tour"),
    ("model", "Conceptual model"),
    ("salaries", "Salaries"),
    ("test", "The test"),
    ("robustness", "Robustness"),
    ("coverage", "Coverage"),
    ("workshop", "Workshop"),
    ("demographics", "Demographics"),
    ("codebook", "Codebook"),
    ("reproducibility", "Reproducibility"),
];

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let body = match Study::embedded() {
        Ok(study) => view! { <Loaded study=Arc::new(study) /> }.into_any(),
        Err(e) => view! {
            <main id="main" class="load-error" role="alert">
                <h1>"Study Explorer could not load its data"</h1>
                <p>{e.to_string()}</p>
            </main>
        }
        .into_any(),
    };
    view! {
        <a class="skip-link" href="#main">"Skip to main content"</a>
        {body}
    }
}

/// Shows what the URL asked for that was ignored.
#[component]
fn Notices(state: AppState) -> impl IntoView {
    view! {
        <Show when=move || state.notices.with(|n| !n.is_empty()) fallback=|| ()>
            <div class="notice" role="status" id="url-notices">
                <p><strong>"Some values in this link were ignored, and defaults are shown instead:"</strong></p>
                <ul>{move || state.notices.get().into_iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| state.notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// The page once the study has loaded.
#[component]
fn Loaded(study: Arc<Study>) -> impl IntoView {
    let c = &study.raw.about.citation;
    let cite = format!("{} ({}). {}. {}, {}, {}.", c.authors.join(", "), c.year, c.title, c.journal, c.volume, c.article);
    let state = AppState::new(study.clone(), &location_query());
    sync_url(state);
    let toc = SECTIONS.iter().map(|(id, title)| view! { <li><a href=format!("#{id}")>{*title}</a></li> }).collect_view();
    let download_json = |_| download_text(STUDY_JSON, "application/json", "song-2019-study.json");
    view! {
        <header class="site-header">
            <p class="eyebrow">"Study Explorer"</p>
            <h1>{c.title.clone()}</h1>
            <p class="citation">{cite}</p>
            <p class="header-actions">
                <button type="button" on:click=download_json>"Download the dataset (JSON, with sources)"</button>
            </p>
        </header>
        <Notices state=state />
        <div class="layout">
            <nav class="toc" aria-label="Sections">
                <ul>{toc}</ul>
            </nav>
            <div class="content">
                <ControlBar state=state />
                <main id="main" tabindex="-1">
                    <AboutSection state=state />
                    <TourSection state=state />
                    <ModelSection state=state />
                    <SalariesSection state=state />
                    <TestSection state=state />
                    <RobustnessSection state=state />
                    <CoverageSection state=state />
                    <WorkshopSection study=study.clone() />
                    <DemographicsSection state=state />
                    <CodebookSection state=state />
                    <ReproducibilitySection study=study.clone() />
                </main>
            </div>
        </div>
        <footer class="site-footer">
            <p>"Every number on this page is computed in your browser from the paper's printed tables. Nothing leaves the page."</p>
            <p id="offline-status" class="offline-status" role="status"></p>
        </footer>
    }
}
