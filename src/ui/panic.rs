//! The panic hook. No input should ever reach a panic (fuzzing and tests check that), but
//! should one happen, a WASM panic kills the whole app and would leave a frozen page. This
//! hook logs the panic to the console (as `console_error_panic_hook` does, so tests that
//! watch the console still fail) and shows a banner with the message and a reload link.
//! It builds the banner with plain DOM calls, because the reactive system may be broken,
//! and words it in the page's language as `<html lang>` says (kept in step with the UI
//! language by `state::sync_lang`).

use std::sync::Once;
use study_core::text::i18n::{Lang, Strings};

static INSTALL: Once = Once::new();

/// Installs the hook once.
pub fn install() {
    INSTALL.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show_banner(&info.to_string());
        }));
    });
}

/// The UI language's table, read from `<html lang>` (English when it is not Chinese).
fn page_strings(document: &web_sys::Document) -> &'static Strings {
    let tag =
        document.document_element().and_then(|html| html.get_attribute("lang")).unwrap_or_default();
    Lang::from_navigator([tag.as_str()]).strings()
}

fn show_banner(message: &str) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let t = page_strings(&document);
    let Some(body) = document.body() else { return };
    let href = window.location().href().unwrap_or_default();
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_id("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "panic-banner");
    if let Ok(title) = document.create_element("strong") {
        title.set_text_content(Some(&format!("{} ", t.a_panic_title)));
        let _ = banner.append_child(&title);
    }
    if let Ok(text) = document.create_element("code") {
        text.set_text_content(Some(&message.chars().take(500).collect::<String>()));
        let _ = banner.append_child(&text);
    }
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &href);
        link.set_text_content(Some(t.a_panic_reload));
        let _ = banner.append_child(&link);
    }
    let _ = body.prepend_with_node_1(&banner);
}
