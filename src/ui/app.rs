//! The page shell: header, table of contents and the sections, in reading order.
//!
//! The study is loaded once here. If the embedded file cannot be loaded (which a test
//! rules out for the shipped build) the page says why instead of panicking.

use crate::core::dataset::Study;
use crate::ui::reproducibility::ReproducibilitySection;
use leptos::prelude::*;
use std::sync::Arc;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let body = match Study::embedded() {
        Ok(study) => {
            let study = Arc::new(study);
            view! { <Loaded study=study /> }.into_any()
        }
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

/// The page once the study has loaded.
#[component]
fn Loaded(study: Arc<Study>) -> impl IntoView {
    let c = &study.raw.about.citation;
    let cite = format!("{} ({}). {}. {}, {}, {}.", c.authors.join(", "), c.year, c.title, c.journal, c.volume, c.article);
    view! {
        <header class="site-header">
            <p class="eyebrow">"Study Explorer"</p>
            <h1>{c.title.clone()}</h1>
            <p class="citation">{cite}</p>
        </header>
        <nav class="toc" aria-label="Sections">
            <ul>
                <li><a href="#reproducibility">"Reproducibility"</a></li>
            </ul>
        </nav>
        <main id="main" tabindex="-1">
            <ReproducibilitySection study=study.clone() />
        </main>
        <footer class="site-footer">
            <p>"Every number on this page is computed in your browser from the paper's printed tables. Nothing leaves the page."</p>
        </footer>
    }
}
