//! The UI language: [`UiLang`], the language as a context of its own for the parts both
//! entry points share (the chart frame): the page provides it beside its `AppState`, the
//! workshop module beside its own small state, so a shared part never needs either. And
//! the tables the build leaves out of the wasm ([`load`]): a language's table is fetched
//! the first time a reader picks it, from the file the boot tag names
//! (`data-strings-zh`, written by `scripts/strings-table.sh`).

use crate::ui::files::fetch_bytes;
use leptos::prelude::*;
use leptos::task::spawn_local;
use study_core::text::i18n::{fill, install, packed, Lang, Strings};

/// The UI language signal, provided as context by each entry point.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The UI language in context (`None` outside either entry point: English).
pub fn use_ui_lang() -> Option<RwSignal<Lang>> {
    use_context::<UiLang>().map(|l| l.0)
}

/// Makes `lang`'s table here: at once when it is built in or already fetched, otherwise
/// by fetching and installing the file this build wrote for it. The error is a sentence in
/// the words of `t` (the language the page is in), saying that nothing changed.
pub async fn load(lang: Lang, t: &'static Strings) -> Result<(), String> {
    if lang.table().is_some() {
        return Ok(());
    }
    let failed =
        |error: String| fill(t.lang_load_failed, &[("lang", lang.endonym()), ("error", &error)]);
    let url = table_url(lang).ok_or_else(|| failed(t.lang_no_file.to_string()))?;
    let bytes = fetch_bytes(&url, t).await.map_err(failed)?;
    // An installed table lives as long as the page and borrows its texts from the file.
    let table = packed::unpack(lang, bytes).map_err(|e| failed(e.to_string()))?;
    // A second load of the same table may have finished first; the first stays, and both
    // hold the same texts.
    let _ = install(table);
    Ok(())
}

/// Sets `signal` to `lang` once `lang`'s table is here (at once if it is). If the table
/// cannot be fetched the signal keeps its language.
pub fn set_when_loaded(signal: RwSignal<Lang>, lang: Lang) {
    if lang.table().is_some() {
        signal.try_set(lang);
        return;
    }
    spawn_local(async move {
        let t = signal.try_get_untracked().unwrap_or_default().strings();
        if load(lang, t).await.is_ok() {
            signal.try_set(lang);
        }
    });
}

/// The address of `lang`'s table file: the boot tag's `data-strings-<key>` attribute.
fn table_url(lang: Lang) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let tag = document.query_selector("script[data-js][data-wasm]").ok()??;
    tag.get_attribute(&format!("data-strings-{}", lang.key())).filter(|url| !url.is_empty())
}
