//! The page's sections: their list in reading order ([`SECTIONS`]), one section built by
//! its anchor ([`section_view`]), and the sections built one per browser task after the
//! page is taken over ([`mount_later`]).
//!
//! One module per section, named after its anchor (`#about` is `about`, `#test` is
//! `test`, …). A large section is a folder: its `mod.rs` holds the section component and
//! its parts live beside it. `workshop` is the page's part of `#workshop`; its tools are
//! the workshop module (`crate::workshop`), loaded when the reader gets there.

pub mod about;
pub mod codebook;
pub mod coverage;
pub mod demographics;
pub mod model;
pub mod reproducibility;
pub mod robustness;
pub mod salaries;
pub mod test;
pub mod tour;
pub mod workshop;
pub mod your_data;

use crate::ui::chrome::handout::mark_handout;
use crate::ui::landing::follow_fragment;
use about::AboutSection;
use codebook::CodebookSection;
use coverage::CoverageSection;
use demographics::DemographicsSection;
use leptos::prelude::*;
use model::ModelSection;
use reproducibility::ReproducibilitySection;
use robustness::RobustnessSection;
use salaries::SalariesSection;
use std::sync::Arc;
use std::time::Duration;
use study_core::study::Study;
use study_core::text::i18n::Strings;
use test::TestSection;
use tour::TourSection;
use workshop::WorkshopSection;
use your_data::YourDataSection;

/// A section's title in the current language.
type Title = fn(&Strings) -> &'static str;

/// The sections, in reading order: (anchor, title).
pub const SECTIONS: [(&str, Title); 12] = [
    ("about", |t| t.sec_about),
    ("tour", |t| t.sec_tour),
    ("model", |t| t.sec_model),
    ("salaries", |t| t.sec_salaries),
    ("test", |t| t.sec_test),
    ("robustness", |t| t.sec_robustness),
    ("your-data", |t| t.sec_your_data),
    ("coverage", |t| t.sec_coverage),
    ("workshop", |t| t.sec_workshop),
    ("demographics", |t| t.sec_demographics),
    ("codebook", |t| t.sec_codebook),
    ("reproducibility", |t| t.sec_reproducibility),
];

/// Builds the sections one per browser task (`setTimeout(0)`), starting after the first
/// frame, so no single task holds the page for all of them, and a click or a paint can
/// come in between. The page is taken over before any section is built: the mount holds
/// the header and the controls, and the prerendered article stands in for the sections
/// until each replaces its copy (`ui::takeover`). Building even `#about` with the page
/// made the mount about 25 ms longer on loopback and 70 ms on a slow phone (CPU 4×
/// slower).
/// When the last one is in place, a link to a section (`#codebook`) that could not be
/// followed at load, because the section did not exist yet, is followed, unless the
/// reader has already scrolled, and the section is marked as the one a print holds.
pub fn mount_later(shown: RwSignal<usize>) {
    fn step(shown: RwSignal<usize>) {
        let Some(n) = shown.try_update(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        if n < SECTIONS.len() {
            set_timeout(move || step(shown), Duration::ZERO);
        } else {
            set_timeout(
                || {
                    follow_fragment();
                    mark_handout();
                },
                Duration::ZERO,
            );
        }
    }
    // After the first frame, so the first screen paints before the rest is built.
    request_animation_frame(move || set_timeout(move || step(shown), Duration::ZERO));
}

/// One section by its anchor (the embed mode shows only this).
pub fn section_view(id: &str, study: Arc<Study>) -> AnyView {
    match id {
        "about" => view! { <AboutSection /> }.into_any(),
        "tour" => view! { <TourSection /> }.into_any(),
        "model" => view! { <ModelSection study=study /> }.into_any(),
        "salaries" => view! { <SalariesSection /> }.into_any(),
        "robustness" => view! { <RobustnessSection /> }.into_any(),
        "your-data" => view! { <YourDataSection /> }.into_any(),
        "coverage" => view! { <CoverageSection /> }.into_any(),
        "workshop" => view! { <WorkshopSection /> }.into_any(),
        "demographics" => view! { <DemographicsSection /> }.into_any(),
        "codebook" => view! { <CodebookSection /> }.into_any(),
        "reproducibility" => view! { <ReproducibilitySection study=study /> }.into_any(),
        _ => view! { <TestSection /> }.into_any(),
    }
}
