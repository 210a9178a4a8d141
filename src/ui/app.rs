//! The page shell: header (the paper's title, the finding, the citation with its DOI and
//! BibTeX), notices, the sticky control bar, the table of contents and the
//! sections in reading order (see docs/design.md §Information architecture).
//!
//! The study is loaded once here. If the embedded file cannot be loaded (which a test
//! rules out for the shipped build) the page says why instead of panicking.

use crate::ui::chrome::controls::ControlBar;
use crate::ui::chrome::finding::Finding;
use crate::ui::chrome::handout::follow_handout;
use crate::ui::chrome::language::LanguageSwitch;
use crate::ui::chrome::notices::Notices;
use crate::ui::chrome::publish::{permalink, report_height, CiteExplorer, PrintHeader, SharePanel};
use crate::ui::export::download_text;
use crate::ui::landing::settle_in_page_links;
use crate::ui::lang::UiLang;
use crate::ui::scale::ScaleBanner;
use crate::ui::sections::{mount_later, section_view, SECTIONS};
use crate::ui::state::{location_query, sync_lang, sync_url, tr, use_app_state, AppState};
use crate::ui::takeover;
use leptos::prelude::*;
use std::sync::Arc;
use study_core::reader::permalink::{display_safe, parse_scale, Notice, Reason};
use study_core::reader::synthetic::{synthetic_from, SYNTHETIC_SEED};
use study_core::study::evidence::bibtex;
use study_core::study::Study;
use study_core::text::i18n::Lang;

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

/// The page once the study has loaded.
#[component]
fn Loaded(study: Arc<Study>) -> impl IntoView {
    let c = &study.raw.about.citation;
    let cite = format!(
        "{} ({}). {}. {}, {}({}), {}.",
        c.authors.join(", "),
        c.year,
        c.title,
        c.journal,
        c.volume,
        c.issue,
        c.article
    );
    let doi_url = format!("https://doi.org/{}", c.doi);
    let doi = format!("doi:{}", c.doi);
    let bib = bibtex(c);
    let download_bib =
        move |_| download_text(&bib, "application/x-bibtex;charset=utf-8", "song-2019.bib");
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
    // Every component below reads the state from here (`state::use_app_state`).
    provide_context(state);
    // What the parts shared with the workshop module read (the chart frame).
    provide_context(UiLang(state.lang));
    sync_url(state);
    sync_lang(state);
    if let Some(section) = state.embed.get_value() {
        takeover::discard_later();
        return view! { <Embedded study=study.clone() section=section /> }.into_any();
    }
    let toc = SECTIONS
        .iter()
        .map(|(id, title)| view! { <li><a href=format!("#{id}")>{tr(state, *title)}</a></li> })
        .collect_view();
    // The sections are built one per browser task once the page is taken over, so the
    // controls respond (and the first screen paints) before any section exists. Each
    // flag flips once, so each section is built once, and replaces its prerendered copy
    // (`takeover`) as it is.
    let shown = RwSignal::new(0);
    let sections = SECTIONS
        .iter()
        .enumerate()
        .map(|(i, (id, _))| {
            let study = study.clone();
            let built = Memo::new(move |_| shown.get() > i);
            (move || {
                built.get().then(|| {
                    takeover::retire(id);
                    section_view(id, study.clone())
                })
            })
            .into_any()
        })
        .collect_view();
    mount_later(shown);
    settle_in_page_links();
    follow_handout();
    view! {
        <a class="skip-link" href="#main">{tr(state, |t| t.skip_link)}</a>
        <header class="site-header">
            <p class="eyebrow">{tr(state, |t| t.app_name)}</p>
            <LanguageSwitch />
            <h1 lang="en">{c.title.clone()}</h1>
            <Finding />
            <p class="citation" lang="en">{cite}" "<a href=doi_url>{doi}</a></p>
            <p class="header-actions">
                <button type="button" id="bibtex-download" on:click=download_bib>{tr(state, |t| t.a_about_bibtex)}</button>
                " "
                <a class="button" href="study.json" download="song-2019-study.json">{tr(state, |t| t.download_dataset)}</a>
            </p>
            <SharePanel />
        </header>
        <PrintHeader />
        <Notices />
        <ScaleBanner />
        <div class="layout">
            <nav class="toc" aria-label=tr(state, |t| t.toc_label)>
                <ul>{toc}</ul>
            </nav>
            <div class="content">
                <ControlBar />
                <main id="main" tabindex="-1" aria-busy=move || (shown.get() < SECTIONS.len()).to_string()>
                    {sections}
                </main>
            </div>
        </div>
        <footer class="site-footer">
            <p>{tr(state, |t| t.footer_computed)}</p>
            <CiteExplorer />
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

/// `embed=1`: no site chrome — the controls, the chosen section and a link to the full
/// explorer — and the height reported to the host page.
#[component]
fn Embedded(study: Arc<Study>, section: String) -> impl IntoView {
    let state = use_app_state();
    let root = NodeRef::<leptos::html::Div>::new();
    report_height(root, section.clone());
    let full = move || {
        state.selection.track();
        state.lang_chosen.track();
        permalink(state)
    };
    view! {
        <div class="embedded" id="embed-root" node_ref=root>
            <Notices />
            <ScaleBanner />
            <ControlBar />
            <main id="main" tabindex="-1">{section_view(&section, study)}</main>
            <p class="embed-credit">
                <a href=full target="_blank" rel="noopener">{tr(state, |t| t.e_open_full)}</a>
            </p>
        </div>
    }
}
