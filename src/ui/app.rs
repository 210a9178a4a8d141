//! The page shell: header, notices, the sticky control bar, the table of contents and the
//! sections in reading order (see DESIGN.md).
//!
//! The study is loaded once here. If the embedded file cannot be loaded (which a test
//! rules out for the shipped build) the page says why instead of panicking.

use crate::ui::chrome::controls::ControlBar;
use crate::ui::chrome::publish::{permalink, report_height, CiteExplorer, PrintHeader, SharePanel};
use crate::ui::export::download_text;
use crate::ui::scale::ScaleBanner;
use crate::ui::sections::about::AboutSection;
use crate::ui::sections::codebook::CodebookSection;
use crate::ui::sections::coverage::CoverageSection;
use crate::ui::sections::demographics::DemographicsSection;
use crate::ui::sections::model::ModelSection;
use crate::ui::sections::reproducibility::ReproducibilitySection;
use crate::ui::sections::robustness::RobustnessSection;
use crate::ui::sections::salaries::SalariesSection;
use crate::ui::sections::test::TestSection;
use crate::ui::sections::tour::TourSection;
use crate::ui::sections::workshop::WorkshopSection;
use crate::ui::state::{location_query, sync_lang, sync_url, tr, AppState};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use study_core::reader::permalink::{display_safe, parse_scale, Notice, Reason};
use study_core::reader::synthetic::{synthetic_from, SYNTHETIC_SEED};
use study_core::study::{Study, STUDY_JSON};
use study_core::text::i18n::{Lang, Strings};
use wasm_bindgen::JsCast;

/// A section's title in the current language.
type Title = fn(&Strings) -> &'static str;

/// The sections, in reading order: (anchor, title).
pub const SECTIONS: [(&str, Title); 11] = [
    ("about", |t| t.sec_about),
    ("tour", |t| t.sec_tour),
    ("model", |t| t.sec_model),
    ("salaries", |t| t.sec_salaries),
    ("test", |t| t.sec_test),
    ("robustness", |t| t.sec_robustness),
    ("coverage", |t| t.sec_coverage),
    ("workshop", |t| t.sec_workshop),
    ("demographics", |t| t.sec_demographics),
    ("codebook", |t| t.sec_codebook),
    ("reproducibility", |t| t.sec_reproducibility),
];

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    match Study::embedded() {
        Ok(study) => view! { <Loaded study=Arc::new(study) /> }.into_any(),
        Err(e) => {
            let t = Lang::default().strings();
            view! {
                <a class="skip-link" href="#main">{t.skip_link}</a>
                <main id="main" class="load-error" role="alert">
                    <h1>{t.load_error_title}</h1>
                    <p>{e.to_string()}</p>
                </main>
            }
            .into_any()
        }
    }
}

/// Shows what the URL asked for that was ignored.
#[component]
fn Notices(state: AppState) -> impl IntoView {
    view! {
        <Show when=move || state.notices.with(|n| !n.is_empty()) fallback=|| ()>
            <div class="notice" role="status" id="url-notices">
                <p><strong>{tr(state, |t| t.notices_title)}</strong></p>
                <ul>{move || state.notices.get().into_iter().map(|n| view! { <li>{n.text(state.t())}</li> }).collect_view()}</ul>
                <button type="button" on:click=move |_| state.notices.set(Vec::new())>{tr(state, |t| t.dismiss)}</button>
            </div>
        </Show>
    }
}

/// The language switch: one native select, so it works from the keyboard.
#[component]
fn LanguageSwitch(state: AppState) -> impl IntoView {
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

/// The page once the study has loaded.
#[component]
fn Loaded(study: Arc<Study>) -> impl IntoView {
    let c = &study.raw.about.citation;
    let cite = format!(
        "{} ({}). {}. {}, {}, {}.",
        c.authors.join(", "),
        c.year,
        c.title,
        c.journal,
        c.volume,
        c.article
    );
    // `scale=N`: the explorer runs on a synthetic study of N informants per group; the
    // workshop and the reproducibility ledger stay on the paper (they check its print),
    // and so do the model's quotations (their speakers are the paper's informants).
    let query = location_query();
    let (mut scale, mut scale_notices) = parse_scale(&query);
    let shown = match scale.map(|n| synthetic_from(&study, n, SYNTHETIC_SEED)) {
        Some(Ok(s)) => Arc::new(s),
        // Out of range is the only failure for a parsed scale.
        Some(Err(_)) => {
            scale_notices.push(Notice {
                param: "scale".into(),
                value: display_safe(&scale.unwrap_or_default().to_string()),
                reason: Reason::BadScale,
            });
            scale = None;
            study.clone()
        }
        None => study.clone(),
    };
    let state = AppState::new(shown, &query, scale, scale_notices);
    // Shared parts (the chart frame) read the UI language from here.
    provide_context(state);
    sync_url(state);
    sync_lang(state);
    if let Some(section) = state.embed.get_value() {
        return view! { <Embedded state=state study=study.clone() section=section /> }.into_any();
    }
    let toc = SECTIONS.iter().map(|(id, title)| view! { <li><a href=format!("#{id}")>{move || title(state.t())}</a></li> }).collect_view();
    let download_json = |_| download_text(STUDY_JSON, "application/json", "song-2019-study.json");
    // The sections up to the test are built with the page; the rest follow one per
    // browser task, so the controls respond (and the first screen paints) before the
    // lower sections exist. Each flag flips once, so each section is built once.
    let shown = RwSignal::new(FIRST_SECTIONS);
    let sections = SECTIONS
        .iter()
        .enumerate()
        .map(|(i, (id, _))| {
            let study = study.clone();
            if i < FIRST_SECTIONS {
                section_view(id, state, study)
            } else {
                let built = Memo::new(move |_| shown.get() > i);
                (move || built.get().then(|| section_view(id, state, study.clone()))).into_any()
            }
        })
        .collect_view();
    mount_later(shown);
    settle_in_page_links();
    view! {
        <a class="skip-link" href="#main">{tr(state, |t| t.skip_link)}</a>
        <header class="site-header">
            <p class="eyebrow">{tr(state, |t| t.app_name)}</p>
            <LanguageSwitch state=state />
            <h1 lang="en">{c.title.clone()}</h1>
            <p class="citation" lang="en">{cite}</p>
            <p class="header-actions">
                <button type="button" on:click=download_json>{tr(state, |t| t.download_dataset)}</button>
            </p>
            <SharePanel state=state />
        </header>
        <PrintHeader state=state />
        <Notices state=state />
        <ScaleBanner state=state />
        <div class="layout">
            <nav class="toc" aria-label=tr(state, |t| t.toc_label)>
                <ul>{toc}</ul>
            </nav>
            <div class="content">
                <ControlBar state=state />
                <main id="main" tabindex="-1" aria-busy=move || (shown.get() < SECTIONS.len()).to_string()>
                    {sections}
                </main>
            </div>
        </div>
        <footer class="site-footer">
            <p>{tr(state, |t| t.footer_computed)}</p>
            <CiteExplorer state=state />
            // public/boot.js writes the offline status here, in the words these attributes
            // hold, and rewrites it when the language changes.
            <p
                id="offline-status"
                class="offline-status"
                role="status"
                data-ready=tr(state, |t| t.e_offline_ready)
                data-update=tr(state, |t| t.e_offline_update)
                data-reload=tr(state, |t| t.e_offline_reload)
                data-unavailable=tr(state, |t| t.e_offline_unavailable)
            ></p>
        </footer>
    }
    .into_any()
}

/// How many sections (in reading order, up to and including the test) are built with
/// the page itself; see [`mount_later`].
const FIRST_SECTIONS: usize = 5;

/// Builds the remaining sections one per browser task (`setTimeout(0)`), starting after
/// the first frame, so no single task holds the page for all of them, and a click or a
/// paint can come in between.
/// When the last one is in place, a link to a section (`#codebook`) that could not be
/// followed at load, because the section did not exist yet, is followed, unless the
/// reader has already scrolled.
fn mount_later(shown: RwSignal<usize>) {
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
            set_timeout(follow_fragment, Duration::ZERO);
        }
    }
    // After the first frame, so the first screen paints before the rest is built.
    request_animation_frame(move || set_timeout(move || step(shown), Duration::ZERO));
}

/// Scrolls to the element the URL's fragment names, if the page is still at the top.
fn follow_fragment() {
    let at_top = web_sys::window().and_then(|w| w.scroll_y().ok()).is_some_and(|y| y <= 0.0);
    if at_top {
        land_on_fragment();
        keep_landing();
    }
}

/// Puts the element the URL's fragment names at the top of the viewport (less its scroll
/// margin), at once rather than smoothly: sections far off screen are laid out only as
/// they come near, so a smooth scroll's end point would move under it.
fn land_on_fragment() {
    if let Some(el) = fragment_target() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The element the URL's fragment names, if any.
fn fragment_target() -> Option<web_sys::Element> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    window.document()?.get_element_by_id(id)
}

/// How many frames after a jump the target is kept in place (about a third of a second).
const LANDING_FRAMES: u32 = 20;

thread_local! {
    /// Bumped whenever the reader scrolls or presses a key: a landing in progress stops.
    static READER_MOVED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// For [`LANDING_FRAMES`] frames after the browser follows a link within the page (the
/// contents, the skip link, a section link at load), keeps the target where the jump put
/// it, unless the reader scrolls meanwhile. The jump is computed from the estimated
/// heights of sections not laid out yet (`content-visibility: auto`); the sections it
/// uncovers are laid out in the next frames and can move the target by a few dozen
/// pixels, which would slide a heading under the sticky control bar.
fn keep_landing() {
    fn frame(left: u32, moved: u64) {
        if left == 0 || READER_MOVED.with(|m| m.get()) != moved {
            return;
        }
        // Where the target already is, this scrolls nowhere.
        land_on_fragment();
        request_animation_frame(move || frame(left - 1, moved));
    }
    let moved = READER_MOVED.with(|m| m.get());
    request_animation_frame(move || frame(LANDING_FRAMES, moved));
}

/// Lands in-page links exactly ([`keep_landing`]) and notes when the reader takes over.
fn settle_in_page_links() {
    fn bump() {
        READER_MOVED.with(|m| m.set(m.get().wrapping_add(1)));
    }
    let wheel = window_event_listener(leptos::ev::wheel, |_| bump());
    let touch = window_event_listener(leptos::ev::touchstart, |_| bump());
    let key = window_event_listener(leptos::ev::keydown, |ev| {
        // Enter on a focused link follows it; every other key may scroll.
        if ev.key() != "Enter" {
            bump();
        }
    });
    let click = window_event_listener(leptos::ev::click, |ev| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href^='#']").ok().flatten());
        if link.is_some() {
            keep_landing();
        }
    });
    on_cleanup(move || {
        wheel.remove();
        touch.remove();
        key.remove();
        click.remove();
    });
}

/// One section by its anchor (the embed mode shows only this).
fn section_view(id: &str, state: AppState, study: Arc<Study>) -> AnyView {
    match id {
        "about" => view! { <AboutSection state=state /> }.into_any(),
        "tour" => view! { <TourSection state=state /> }.into_any(),
        "model" => view! { <ModelSection study=study state=state /> }.into_any(),
        "salaries" => view! { <SalariesSection state=state /> }.into_any(),
        "robustness" => view! { <RobustnessSection state=state /> }.into_any(),
        "coverage" => view! { <CoverageSection state=state /> }.into_any(),
        "workshop" => view! { <WorkshopSection study=study state=state /> }.into_any(),
        "demographics" => view! { <DemographicsSection state=state /> }.into_any(),
        "codebook" => view! { <CodebookSection state=state /> }.into_any(),
        "reproducibility" => {
            view! { <ReproducibilitySection study=study state=state /> }.into_any()
        }
        _ => view! { <TestSection state=state /> }.into_any(),
    }
}

/// `embed=1`: no site chrome — the controls, the chosen section and a link to the full
/// explorer — and the height reported to the host page.
#[component]
fn Embedded(state: AppState, study: Arc<Study>, section: String) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    report_height(root, section.clone());
    let full = move || {
        state.selection.track();
        state.lang_chosen.track();
        permalink(state)
    };
    view! {
        <div class="embedded" id="embed-root" node_ref=root>
            <Notices state=state />
            <ScaleBanner state=state />
            <ControlBar state=state />
            <main id="main" tabindex="-1">{section_view(&section, state, study)}</main>
            <p class="embed-credit">
                <a href=full target="_blank" rel="noopener">{tr(state, |t| t.e_open_full)}</a>
            </p>
        </div>
    }
}
