//! Architecture invariants, checked on the source tree:
//! - the core (`crates/core/src/`) never names `leptos`, `web_sys`, `js_sys` or `wasm_bindgen`,
//!   so it builds and tests natively and UI code depends on it, not the reverse;
//! - every `.rs` file opens with a `//!` doc saying what it owns;
//! - the UI module is compiled for `wasm32` only;
//! - nothing listens for `message` events: an embedded page only posts its height and
//!   never acts on what a host sends (see `core::embed`);
//! - a fixed UI string in a view goes through `ui::state::tr`, never its own
//!   `move || t().key` closure (each such closure is compiled separately into the wasm).

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each line's number (1-based) and its code: the text before a `//` comment.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(n, line)| (n + 1, line.split("//").next().unwrap_or("")))
}

/// The lines of `text` whose code `hit` flags.
fn flagged(text: &str, hit: impl Fn(&str) -> bool) -> Vec<usize> {
    code_lines(text).filter(|(_, code)| hit(code)).map(|(n, _)| n).collect()
}

/// `file:line` for every line `detect` finds in `files` (a file that cannot be read is
/// skipped).
fn found_in(files: Vec<PathBuf>, detect: fn(&str) -> Vec<usize>) -> Vec<String> {
    let mut found = Vec::new();
    for f in files {
        let Ok(text) = fs::read_to_string(&f) else { continue };
        for line in detect(&text) {
            found.push(format!("{}:{line}", f.display()));
        }
    }
    found
}

/// Words that would tie the core to the browser, and where one was found.
fn browser_words(text: &str) -> Vec<(usize, &'static str)> {
    const FORBIDDEN: [&str; 4] = ["leptos", "web_sys", "js_sys", "wasm_bindgen"];
    let mut hits = Vec::new();
    for (n, code) in code_lines(text) {
        for word in FORBIDDEN {
            let found = code.match_indices(word).any(|(i, _)| {
                let before = code[..i].chars().last();
                let after = code[i + word.len()..].chars().next();
                let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                !ident(before) && !ident(after)
            });
            if found {
                hits.push((n, word));
            }
        }
    }
    hits
}

#[test]
fn the_detector_catches_imports() {
    assert_eq!(browser_words("use leptos::prelude::*;"), vec![(1, "leptos")]);
    assert_eq!(browser_words("let d = web_sys::window();"), vec![(1, "web_sys")]);
    assert!(browser_words("// leptos in a comment").is_empty());
    assert!(browser_words("let my_leptos_like = 1;").is_empty());
}

#[test]
fn core_never_imports_browser_crates() {
    let files = rust_files(&root().join("crates/core/src"));
    assert!(files.len() >= 5, "the core modules are found");
    let mut offenders = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for (line, word) in browser_words(&text) {
            offenders.push(format!("{}:{line} names {word}", f.display()));
        }
    }
    assert!(offenders.is_empty(), "the core must stay pure:\n{}", offenders.join("\n"));
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let mut missing = Vec::new();
    for dir in ["src", "crates/core/src", "tests", "benches", "fuzz/fuzz_targets"] {
        for f in rust_files(&root().join(dir)) {
            let text = fs::read_to_string(&f).unwrap_or_default();
            if !text.trim_start().starts_with("//!") {
                missing.push(f.display().to_string());
            }
        }
    }
    assert!(missing.is_empty(), "files without a //! doc: {missing:?}");
}

#[test]
fn ui_is_wasm_only() {
    let lib = fs::read_to_string(root().join("src/lib.rs")).unwrap_or_default();
    assert!(
        lib.contains("#[cfg(target_arch = \"wasm32\")]\npub mod ui;"),
        "src/lib.rs must gate `pub mod ui` on wasm32"
    );
}

/// Ways a page could start listening for `postMessage` traffic, and where one was found.
fn message_listeners(text: &str) -> Vec<usize> {
    const PATTERNS: [&str; 6] =
        ["on:message", "ev::message", "set_onmessage", "onmessage", "MessageEvent", "MessagePort"];
    flagged(text, |code| {
        let code = code.replace(' ', "");
        let listens = |open: &str| {
            code.contains(&format!("{open}\"message\""))
                || code.contains(&format!("{open}'message'"))
        };
        PATTERNS.iter().any(|p| code.contains(p))
            || listens("_listener_with_callback(")
            || listens("addEventListener(")
            || listens("_listener_with_event_listener(")
    })
}

#[test]
fn the_message_detector_catches_listeners() {
    assert_eq!(
        message_listeners("let x = 1;\nw.add_event_listener_with_callback(\"message\", f);"),
        vec![2]
    );
    assert_eq!(message_listeners("<div on:message=f>"), vec![1]);
    assert_eq!(message_listeners("addEventListener('message', (e) => go(e.data));"), vec![1]);
    assert_eq!(message_listeners("window_event_listener(ev::message, f);"), vec![1]);
    assert!(message_listeners(
        "// a \"message\" in a comment\np.post_message(&v, \"*\");\nfill(t, &[(\"message\", m)]);"
    )
    .is_empty());
}

#[test]
fn nothing_listens_for_messages_from_a_host_page() {
    let mut files = rust_files(&root().join("src"));
    // public/sw.js is left out on purpose: a service worker's `message` events come only
    // from same-origin pages (its "skip-waiting" request), never from a host page.
    files.push(root().join("public/boot.js"));
    let found = found_in(files, message_listeners);
    assert!(
        found.is_empty(),
        "message listeners found (an embedded page must not act on host messages): {found:?}"
    );
}

/// Lines (1-based) where a view shows one fixed UI string through a closure of its own,
/// `{move || t().key}` or `=move || state.t().key`, instead of `tr(state, |t| t.key)`.
fn string_closures(text: &str) -> Vec<usize> {
    flagged(text, |code| {
        ["move || t().", "move || state.t()."].iter().any(|open| {
            code.match_indices(open).any(|(i, m)| {
                let rest = &code[i + m.len()..];
                let key: String =
                    rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                let after = rest[key.len()..].chars().next();
                !key.is_empty() && matches!(after, None | Some('}' | ' ' | '>' | '/'))
            })
        })
    })
}

#[test]
fn the_string_closure_detector_catches_closures() {
    assert_eq!(string_closures("<p>\n<h2>{move || t().sec_about}</h2>"), vec![2]);
    assert_eq!(string_closures("<a aria-label=move || state.t().skip_link href=x>"), vec![1]);
    assert_eq!(string_closures("<p\n    data-ready=move || state.t().e_offline_ready\n>"), vec![2]);
    // A closure that does more than pick one string is not a fixed string.
    assert!(string_closures(
        "{move || fill(t().a_x, &[])}\n{move || t().a_x.to_uppercase()}\n{tr(state, |t| t.a_x)}"
    )
    .is_empty());
}

#[test]
fn fixed_ui_strings_go_through_tr() {
    // The chart frame reads the language from context (it may have no AppState).
    let files = rust_files(&root().join("src/ui"))
        .into_iter()
        .filter(|f| !f.ends_with("charts.rs"))
        .collect();
    let found = found_in(files, string_closures);
    assert!(
        found.is_empty(),
        "fixed UI strings with a closure of their own (use ui::state::tr): {found:?}"
    );
}
