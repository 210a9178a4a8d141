//! The state the whole page shares (a component keeps only its own local state in signals
//! of its own). `AppState` holds the selection, the URL notices and the reader's own data
//! when one is imported at `#your-data`; derived memos compute the salary points and the
//! analysis from them. Components read these and
//! never compute statistics themselves. The selection is mirrored into the URL with
//! `history.replaceState` (no reload, after the frame that shows the change), and read from it
//! once at start.
//!
//! The robustness view lives here too ([`AppState::robustness`]). The first one is
//! computed in the task after the page mounts (until then it holds only the agreement of
//! its alternative tests, computed with the page, which the finding's sentence cites; the
//! view is completed from those checks), later ones on every selection change (the
//! last [`CACHED_VIEWS`] finished views are kept by selection and language). When its
//! Monte Carlo permutation test is long (a synthetic
//! study from `scale=`, above `SYNC_PERMUTATION_WORK`), the rest of the view is shown at
//! once and the test runs in slices of at most [`SLICE_MS`] between browser tasks
//! (`setTimeout(0)`), with [`AppState::permutation_progress`] driving a `<progress>`.
//! A new selection bumps a generation counter, and a slice of a stale run drops it.

use crate::ui::lang::load;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use std::time::Duration;
use study_core::reader::embed;
use study_core::reader::permalink::{self, Notice};
use study_core::stats::designs::{analyse_points, Analysis, AnalysisError};
use study_core::stats::discount::DiscountError;
use study_core::stats::robust::permutation::DEFAULT_RESAMPLES;
use study_core::stats::selection::{Salaries, SalaryPoint, Selection};
use study_core::study::{OwnData, Study, Terms};
use study_core::text::i18n::{Lang, Strings};
use study_core::view::robustness::{
    robustness_view_staged, FirstChecks, PendingView, RobustnessView, Staged, SYNC_PERMUTATION_WORK,
};

/// Longest slice of a Monte Carlo run before the page yields to the browser (ms): well
/// under the 50 ms at which a task counts as long.
pub const SLICE_MS: f64 = 20.0;

/// Signals and memos shared by every section (cheap to copy).
#[derive(Clone, Copy)]
pub struct AppState {
    pub study: StoredValue<Arc<Study>>,
    /// The paper's selection (the defaults of every control).
    pub defaults: StoredValue<Selection>,
    pub selection: RwSignal<Selection>,
    /// The reader's own two-group study (`#your-data`), analysed in place of the paper's
    /// salaries while it is loaded; `None` for the paper.
    pub own: RwSignal<Option<Arc<OwnData>>>,
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
    /// Informants per group of the synthetic study shown (`scale=`), or `None` for the paper.
    pub scale: Option<usize>,
    /// The `#robustness` view of the selection (its permutation part may still be running).
    pub robustness: RwSignal<RobustnessView>,
    /// (resamples done, resamples in all) while a Monte Carlo run is in slices.
    pub permutation_progress: RwSignal<Option<(u64, u64)>>,
}

impl AppState {
    /// Builds the state from the study and the page's query string; `scale` is the
    /// synthetic study's size when `study` is one, `scale_notices` what `scale=` ignored.
    pub fn new(
        study: Arc<Study>,
        query: &str,
        scale: Option<usize>,
        scale_notices: Vec<Notice>,
    ) -> AppState {
        let defaults = Selection::paper(&study);
        let (mut initial, mut notices) = permalink::parse(query, &defaults);
        notices.extend(scale_notices);
        // Informants are left out of the paper's study only (a synthetic one has no
        // pseudonyms a link could name).
        if scale.is_none() {
            let names: Vec<&str> = study.raw.informants.iter().map(|i| i.name.as_str()).collect();
            let (excluded, exclude_notices) = permalink::parse_exclude(query, &names);
            initial.excluded = excluded;
            notices.extend(exclude_notices);
        }
        let (node, node_notices) = permalink::parse_node(query, &study.raw.model.ids());
        notices.extend(node_notices);
        let (lang_chosen, lang_notices) = permalink::parse_lang(query);
        notices.extend(lang_notices);
        // `ui::start` fetched the starting language's table if the build left it out; if
        // that failed, the page starts in English and says why.
        let mut lang = lang_chosen.unwrap_or_else(browser_lang);
        if lang.table().is_none() {
            notices.push(Notice {
                param: "lang".into(),
                value: lang.key().into(),
                reason: permalink::Reason::LangUnavailable,
            });
            lang = Lang::En;
        }
        let (embed, embed_notices) =
            embed::parse_embed(query, &crate::ui::sections::SECTIONS.map(|(id, _)| id));
        notices.extend(embed_notices);
        let selection = RwSignal::new(initial);
        let study = StoredValue::new(study);
        let own = RwSignal::new(None::<Arc<OwnData>>);
        let points = Memo::new(move |_| {
            let sel = selection.get();
            own.with(|own| match own {
                Some(own) => Salaries::Own(own).points(&sel),
                None => study.with_value(|s| Salaries::Paper(s).points(&sel)),
            })
        });
        let analysis = Memo::new(move |_| {
            let sel = selection.get();
            points.with(|p| match p {
                Ok(p) => analyse_points(&sel, p),
                Err(e) => Err(AnalysisError::Discount(e.clone())),
            })
        });
        let lang_signal = RwSignal::new(lang);
        let (robustness, permutation_progress) =
            robustness_runner(study, own, selection, points, lang_signal, scale.is_some());
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
            own,
            notices: RwSignal::new(notices),
            guard,
            node: RwSignal::new(node),
            embed: StoredValue::new(embed),
            lang: lang_signal,
            lang_chosen: RwSignal::new(lang_chosen),
            points,
            analysis,
            scale,
            robustness,
            permutation_progress,
        }
    }

    /// The current permalink query (without `?`). While the reader's own data is loaded
    /// it is the query of the same view of the paper's data: a link cannot carry a file.
    pub fn query(&self) -> String {
        permalink::with_scale(self.paper_query(), self.scale)
    }

    /// The names of the paper's informants the selection leaves out (tracked).
    pub fn excluded_names(&self) -> Vec<String> {
        let excluded = self.selection.with(|s| s.excluded);
        self.study.with_value(|s| excluded.names(s).into_iter().map(String::from).collect())
    }

    /// The name of the reader's file while it is analysed (untracked: for downloads).
    pub fn own_file(&self) -> Option<String> {
        self.own.with_untracked(|o| o.as_ref().map(|o| o.file.clone()))
    }

    /// What the analysed data is called: the groups' names, the unit (tracked).
    pub fn terms(&self) -> Terms {
        self.with_salaries(|s| s.terms())
    }

    /// The salaries the quantitative sections analyse, for a computation (tracked).
    pub fn with_salaries<R>(&self, f: impl FnOnce(Salaries) -> R) -> R {
        self.own.with(|own| match own {
            Some(own) => f(Salaries::Own(own)),
            None => self.study.with_value(|s| f(Salaries::Paper(s))),
        })
    }

    /// The permalink query of the same view of the paper's study (without `scale=`).
    pub fn paper_query(&self) -> String {
        let sel = self.selection.get();
        let node = self.node.get();
        let lang = self.lang_chosen.get();
        let mut q =
            self.defaults.with_value(|d| permalink::to_query_with(&sel, d, node.as_deref(), lang));
        q = self.with_excluded(q, &sel);
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
        let q =
            self.defaults.with_value(|d| permalink::to_query_with(&sel, d, node.as_deref(), lang));
        permalink::with_scale(self.with_excluded(q, &sel), self.scale)
    }

    /// `q` with the selection's `exclude=` appended.
    fn with_excluded(&self, q: String, sel: &Selection) -> String {
        self.study.with_value(|s| permalink::with_exclude(q, &sel.excluded.names(s)))
    }

    /// The current language's string table (tracked: a view reading it follows the switch).
    pub fn t(&self) -> &'static Strings {
        self.lang.get().strings()
    }

    /// Switches the UI language and remembers it as the reader's choice, once the
    /// language's table is here (`ui::lang::load` fetches it the first time). If it
    /// cannot be fetched the page stays as it is and the control bar says why.
    pub fn set_lang(&self, lang: Lang) {
        let state = *self;
        spawn_local(async move {
            match load(lang, state.lang.get_untracked().strings()).await {
                Ok(()) => {
                    state.guard.set(None);
                    state.lang_chosen.set(Some(lang));
                    state.lang.set(lang);
                }
                Err(message) => {
                    state.guard.set(Some(message));
                    // The switch shows the language still in use again.
                    state.lang.notify();
                }
            }
        });
    }
}

/// The page's [`AppState`], from the context `app::Loaded` provides for everything below
/// it. Call it while a component is being built, where the context is in reach; an event
/// handler runs outside it, so components read the state first and move it in.
pub fn use_app_state() -> AppState {
    // `expect` with a fixed message: `expect_context` would format the caller's location
    // and the type's name, which costs the wasm about 1 KB of formatting code.
    use_context::<AppState>().expect("app::Loaded provides the AppState")
}

/// One fixed UI string that follows the language, as a text node or attribute value:
/// `{tr(state, |t| t.sec_about)}`.
///
/// Every call returns the same closure type, and the function is never inlined: one of the
/// UI's size trades, see [the `ui` module](crate::ui#size-trades)
/// (`tests/architecture.rs` keeps it so).
#[inline(never)]
pub fn tr(
    state: AppState,
    pick: fn(&'static Strings) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || pick(state.t())
}

/// [`tr`] for a string with a variant for a reader's own data (the `…_own` keys):
/// `{tr_data(state, |t| t.a_sal_lede, |t| t.a_sal_lede_own)}`. Never inlined, for the
/// same reason as `tr`.
#[inline(never)]
pub fn tr_data(
    state: AppState,
    paper: fn(&'static Strings) -> &'static str,
    own: fn(&'static Strings) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || {
        let pick = if state.own.with(Option::is_none) { paper } else { own };
        pick(state.t())
    }
}

/// The staged robustness view of a selection, completed from its `first` checks when they
/// were computed already (from the same salaries and points).
fn staged(
    salaries: Salaries,
    sel: &Selection,
    points: &Result<Vec<SalaryPoint>, DiscountError>,
    lang: Lang,
    first: Option<FirstChecks>,
) -> Staged {
    match (points, first) {
        (Ok(p), Some(first)) => first.complete(salaries, p, lang),
        (Ok(p), None) => robustness_view_staged(salaries, sel, p, SYNC_PERMUTATION_WORK, lang),
        (Err(e), _) => Staged::Ready(Box::new(RobustnessView::undefined(&e.message(lang), lang))),
    }
}

/// Rows of a reader's own file above which its robustness view is computed after the rest
/// of the page has updated, as a synthetic study's is.
const DEFER_ROWS: usize = 1_000;

/// How many finished robustness views are kept: every state a reader toggles back to
/// within the last few clicks is shown without recomputing.
const CACHED_VIEWS: usize = 16;

/// Finished robustness views by (data, selection, language), most recent last. The view
/// of a selection is a pure function of the data, the selection and the language (the
/// Monte Carlo stream is seeded), so a cached view is exactly what a rerun would give;
/// the cache only skips the exact permutation walk (646,646 relabellings for the paper)
/// when a reader toggles back to a state already shown. The data is the reader's own
/// file (compared by identity: an entry holds its `Arc`, so the address cannot be
/// reused while it is cached) or `None` for the paper.
#[derive(Default)]
struct ViewCache(Vec<(RunKey, RobustnessView)>);

impl ViewCache {
    fn get(&mut self, key: &RunKey) -> Option<RobustnessView> {
        let i = self.0.iter().position(|(k, _)| k.same(key))?;
        let hit = self.0.remove(i);
        let view = hit.1.clone();
        self.0.push(hit);
        Some(view)
    }

    fn put(&mut self, key: RunKey, view: RobustnessView) {
        self.0.retain(|(k, _)| !k.same(&key));
        if self.0.len() >= CACHED_VIEWS {
            self.0.remove(0);
        }
        self.0.push((key, view));
    }
}

/// What a run computes: the data, selection and language it started with.
#[derive(Clone)]
struct RunKey {
    run: u64,
    data: Option<Arc<OwnData>>,
    sel: Selection,
    lang: Lang,
}

impl RunKey {
    /// The same view (whichever run computed it).
    fn same(&self, other: &RunKey) -> bool {
        let data = match (&self.data, &other.data) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        };
        data && self.sel == other.sel && self.lang == other.lang
    }
}

/// Recomputes the robustness view whenever the selection, the salary points or the
/// language change. For the paper the first view is computed in the browser task after
/// the page has mounted, holding meanwhile the agreement of its alternative tests
/// (computed with the page: the first screen's sentence cites it), and each later view
/// at once, or taken from the cache of recent views. For a
/// synthetic study (`defer`) or a large file of the reader's own, where the analyses of 20,000 informants take a while, each
/// computation waits for the next browser task so the rest of the page updates first,
/// and the progress bar shows meanwhile.
fn robustness_runner(
    study: StoredValue<Arc<Study>>,
    own: RwSignal<Option<Arc<OwnData>>>,
    selection: RwSignal<Selection>,
    points: Memo<Result<Vec<SalaryPoint>, DiscountError>>,
    lang: RwSignal<Lang>,
    defer: bool,
) -> (RwSignal<RobustnessView>, RwSignal<Option<(u64, u64)>>) {
    let generation = StoredValue::new(0u64);
    let cache = StoredValue::new(ViewCache::default());
    let first_lang = lang.get_untracked();
    // The first view waits for the task after the mount. Until then it holds only the
    // agreement of the alternative tests, which the first screen's sentence cites (a
    // sentence that grew by that clause after the takeover would shift the page): their
    // checks alone cost a fraction of the view, which runs before V8 has compiled its code
    // beyond the baseline tier. The first view is then completed from those checks.
    let mut first =
        RobustnessView::undefined(first_lang.strings().robustness_computing, first_lang);
    let first_checks = StoredValue::new(None);
    if !defer {
        let checks = points.with_untracked(|p| {
            let sel = selection.get_untracked();
            p.as_ref().ok().and_then(|p| FirstChecks::new(&sel, p, SYNC_PERMUTATION_WORK))
        });
        first.agreement = checks.as_ref().map(FirstChecks::agreement);
        first_checks.set_value(checks);
    }
    let robustness = RwSignal::new(first);
    let progress = RwSignal::new(None);
    // Computes the view of the current selection as run `run`, and starts its slices.
    let start = move |run: u64| {
        if generation.try_get_value() != Some(run) {
            return;
        }
        let key = RunKey {
            run,
            data: own.get_untracked(),
            sel: selection.get_untracked(),
            lang: lang.get_untracked(),
        };
        if let Some(view) = cache.try_update_value(|c| c.get(&key)).flatten() {
            progress.set(None);
            robustness.set(view);
            return;
        }
        // The checks computed with the page are used once, by the run of their selection
        // on the paper (its points are the ones they were computed from).
        let first = first_checks
            .try_update_value(Option::take)
            .flatten()
            .filter(|f| key.data.is_none() && *f.selection() == key.sel);
        let (view, pending) = split(points.with_untracked(|p| match &key.data {
            Some(own) => staged(Salaries::Own(own), &key.sel, p, key.lang, None),
            None => study.with_value(|s| staged(Salaries::Paper(s), &key.sel, p, key.lang, first)),
        }));
        progress.set(pending.as_ref().map(|p| p.progress()));
        if pending.is_none() {
            cache.update_value(|c| c.put(key.clone(), view.clone()));
        }
        robustness.set(view);
        if let Some(p) = pending {
            schedule_slice(p, key, generation, cache, robustness, progress);
        }
    };
    let begin = move |run: u64, later: bool| {
        // A large file of the reader's own takes a while too.
        let defer =
            defer || own.with_untracked(|o| o.as_ref().is_some_and(|o| o.rows.len() > DEFER_ROWS));
        if defer {
            progress.set(Some((0, DEFAULT_RESAMPLES)));
        }
        if defer || later {
            set_timeout(move || start(run), Duration::ZERO);
        } else {
            start(run);
        }
    };
    begin(0, true);
    Effect::new(move |prev: Option<()>| {
        own.track();
        selection.track();
        points.track();
        lang.track();
        if prev.is_some() {
            generation.update_value(|g| *g += 1);
            begin(generation.get_value(), false);
        }
    });
    (robustness, progress)
}

fn split(s: Staged) -> (RobustnessView, Option<Box<PendingView>>) {
    match s {
        Staged::Ready(v) => (*v, None),
        Staged::Pending(p) => (p.view.clone(), Some(p)),
    }
}

/// Runs the next slice of `pending` after the browser has had its turn.
fn schedule_slice(
    pending: Box<PendingView>,
    key: RunKey,
    generation: StoredValue<u64>,
    cache: StoredValue<ViewCache>,
    robustness: RwSignal<RobustnessView>,
    progress: RwSignal<Option<(u64, u64)>>,
) {
    set_timeout(
        move || slice(pending, key, generation, cache, robustness, progress),
        Duration::ZERO,
    );
}

/// Steps the run for up to [`SLICE_MS`], then shows the progress and yields, or shows the
/// finished view (and keeps it in the cache). A run whose selection is no longer current
/// is dropped.
fn slice(
    mut pending: Box<PendingView>,
    key: RunKey,
    generation: StoredValue<u64>,
    cache: StoredValue<ViewCache>,
    robustness: RwSignal<RobustnessView>,
    progress: RwSignal<Option<(u64, u64)>>,
) {
    if generation.try_get_value() != Some(key.run) {
        return;
    }
    let start = js_sys::Date::now();
    // A few milliseconds of work per step, so the clock is read often enough.
    let step = (200_000 / pending.work_per_resample().max(1)).max(1);
    loop {
        let (done, total) = pending.step(step);
        if done >= total || js_sys::Date::now() - start >= SLICE_MS {
            break;
        }
    }
    let (done, total) = pending.progress();
    if done >= total {
        progress.set(None);
        let view = pending.finish();
        cache.update_value(|c| c.put(key, view.clone()));
        robustness.set(view);
    } else {
        progress.set(Some((done, total)));
        schedule_slice(pending, key, generation, cache, robustness, progress);
    }
}

/// Mirrors the selection into the address bar without reloading, keeping the fragment.
///
/// The address is written once the frame showing the change has been drawn (a task
/// queued from the next animation frame), and once for all the changes made until then.
/// `history.replaceState` is a same-document navigation that costs 1-2 ms of main thread
/// (a CPU profile of back-to-back toggles), so it stays off the way from a click to its
/// picture; the address is still current within a frame or two (in a background tab,
/// which draws no frames, when the tab is shown).
pub fn sync_url(state: AppState) {
    let pending = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let q = state.query();
        if pending.try_update_value(|p| p.replace(q).is_none()) == Some(true) {
            let write = move || {
                if let Some(q) = pending.try_update_value(Option::take).flatten() {
                    write_url(&q);
                }
            };
            request_animation_frame(move || set_timeout(write, Duration::ZERO));
        }
    });
}

/// Puts `?{q}` in the address bar, keeping the fragment.
fn write_url(q: &str) {
    let Some(window) = web_sys::window() else { return };
    let hash = window.location().hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?{q}{hash}")),
        );
    }
}

/// The language the page starts in: the permalink's `lang=`, else the browser's.
pub fn starting_lang(query: &str) -> Lang {
    permalink::parse_lang(query).0.unwrap_or_else(browser_lang)
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
