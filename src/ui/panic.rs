//! The panic hook. No input should ever reach a panic (fuzzing and tests check that), but
//! should one happen, a WASM panic kills the whole app and would leave a frozen page. This
//! hook logs the panic to the console (as `console_error_panic_hook` does, so tests that
//! watch the console still fail) and shows a banner with the message and a reload link.
//! It builds the banner with plain DOM calls, because the reactive system may be broken.

use std::sync::Once;

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

fn show_banner(message: &str) {
    let Some(window) = web_sys::window() else { return };
    let Some(document) = window.document() else { return };
    let Some(body) = document.body() else { return };
    let href = window.location().href().unwrap_or_default();
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_id("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("class", "panic-banner");
    if let Ok(title) = document.create_element("strong") {
        title.set_text_content(Some("Something went wrong and Study Explorer stopped. "));
        let _ = banner.append_child(&title);
    }
    if let Ok(text) = document.create_element("code") {
        text.set_text_content(Some(&message.chars().take(500).collect::<String>()));
        let _ = banner.append_child(&text);
    }
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &href);
        link.set_text_content(Some("Reload the page"));
        let _ = banner.append_child(&link);
    }
    let _ = body.prepend_with_node_1(&banner);
}
