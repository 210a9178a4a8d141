//! Architecture invariants, checked on the source tree:
//! - the core (`crates/core`) depends on no browser crate: its `Cargo.toml` names none, and
//!   its code (its build script too) never names `leptos`, `web_sys`, `js_sys` or
//!   `wasm_bindgen`, so it builds and tests natively and UI code depends on it, not the
//!   reverse;
//! - the core's layers (`crates/core/src/lib.rs`) import only downwards, and no two core
//!   modules import each other, directly or round a longer cycle;
//! - every `.rs` file, build scripts included, opens with a `//!` doc saying what it owns;
//! - the UI module is compiled for `wasm32` only;
//! - nothing listens for `message` events: an embedded page only posts its height and
//!   never acts on what a host sends (see `core::embed`);
//! - a fixed UI string in a view goes through `ui::state::tr`, never its own
//!   `move || t().key` closure (each such closure is compiled separately into the wasm);
//! - every numeric chart axis is labelled by the core's `text::format` (`tick`,
//!   `rmb_tick`, `fixed`), never by plotters' default, so ticks read like the text;
//! - no view sets a style attribute (the prerendered page could not carry it), and every
//!   chart height has its class in `style/main.css`.

use std::collections::{BTreeMap, BTreeSet};
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

fn core_src() -> PathBuf {
    root().join("crates/core/src")
}

#[test]
fn core_never_imports_browser_crates() {
    let manifest = fs::read_to_string(root().join("crates/core/Cargo.toml")).unwrap_or_default();
    let deps: Vec<_> = manifest.lines().filter(|l| !l.trim_start().starts_with('#')).collect();
    for word in ["leptos", "web-sys", "js-sys", "wasm-bindgen"] {
        assert!(!deps.iter().any(|l| l.contains(word)), "crates/core/Cargo.toml names {word}");
    }
    let mut files = rust_files(&core_src());
    assert!(files.len() >= 5, "the core modules are found");
    files.push(root().join("crates/core/build.rs"));
    let mut offenders = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for (line, word) in browser_words(&text) {
            offenders.push(format!("{}:{line} names {word}", f.display()));
        }
    }
    assert!(offenders.is_empty(), "the core must stay pure:\n{}", offenders.join("\n"));
}

/// The core's layers, lowest first (`crates/core/src/lib.rs` explains each). A module may
/// use its own layer and lower ones. `bin` is the core's native tools
/// (`crates/core/src/bin`), which may use every layer.
const LAYERS: [(&str, u8); 8] = [
    ("text", 1),
    ("study", 2),
    ("stats", 3),
    ("coverage", 3),
    ("view", 4),
    ("reader", 5),
    ("checks", 6),
    ("bin", 7),
];

fn layer(module: &str) -> Option<u8> {
    let top = module.split("::").next()?;
    LAYERS.iter().find(|(name, _)| *name == top).map(|(_, rank)| *rank)
}

/// The module a file under `crates/core/src` defines: `stats/robust/mod.rs` is
/// `stats::robust`, `lib.rs` is the crate root (empty).
fn module_of(relative: &Path) -> String {
    let mut parts: Vec<String> =
        relative.with_extension("").iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts.join("::")
}

/// Expands one `use` tree (`a::{b, c::{d, self}}`) into full paths.
fn expand_use(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let join = |p: &str| if prefix.is_empty() { p.to_string() } else { format!("{prefix}::{p}") };
    match tree.find('{') {
        None => {
            let path = tree.split(" as ").next().unwrap_or("").trim();
            if path == "self" {
                out.push(prefix.to_string());
            } else if !path.is_empty() {
                out.push(join(path));
            }
        }
        Some(open) => {
            let head = tree[..open].trim().trim_end_matches("::");
            let inner = tree[open + 1..].trim_end().trim_end_matches('}');
            let base = if head.is_empty() { prefix.to_string() } else { join(head) };
            let (mut depth, mut start) = (0usize, 0usize);
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth = depth.saturating_sub(1),
                    ',' if depth == 0 => {
                        expand_use(&inner[start..i], &base, out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand_use(&inner[start..], &base, out);
        }
    }
}

/// Every path a core file names: `use` trees expanded, and `crate::…` / `super::…` paths
/// written inline. `super::` is resolved against `module`; inside a `#[cfg(test)]` module
/// (which this scan takes to run to the end of the file) it names `module` itself.
fn named_paths(text: &str, module: &str) -> Vec<String> {
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let mut code = String::new();
    let mut in_tests = false;
    let mut raw = Vec::new();
    for (_, line) in code_lines(text) {
        if line.contains("#[cfg(test)]") {
            // Flush what came before: `super::` changes meaning from here on.
            raw.push((std::mem::take(&mut code), in_tests));
            in_tests = true;
        }
        code.push_str(line);
        code.push('\n');
    }
    raw.push((code, in_tests));
    let mut paths = Vec::new();
    for (code, in_tests) in raw {
        let resolve = |p: &str| -> Option<String> {
            if let Some(rest) = p.strip_prefix("crate::") {
                Some(rest.to_string())
            } else if let Some(rest) = p.strip_prefix("super::") {
                let base = if in_tests { module } else { parent };
                (rest != "*").then(|| {
                    if base.is_empty() {
                        rest.to_string()
                    } else {
                        format!("{base}::{rest}")
                    }
                })
            } else {
                None
            }
        };
        let mut rest = code.as_str();
        while let Some(i) = rest.find("use ") {
            let before = rest[..i].chars().last();
            let stmt_end = rest[i..].find(';').map_or(rest.len(), |e| i + e);
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                let mut expanded = Vec::new();
                expand_use(&rest[i + 4..stmt_end], "", &mut expanded);
                paths.extend(expanded.iter().filter_map(|p| resolve(p)));
            }
            rest = &rest[stmt_end.min(rest.len())..];
            if rest.is_empty() {
                break;
            }
            rest = &rest[1..];
        }
        for start in ["crate::", "super::"] {
            for (i, _) in code.match_indices(start) {
                if code[..i]
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
                {
                    continue;
                }
                let path: String = code[i..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                paths.extend(resolve(path.trim_end_matches(':')));
            }
        }
    }
    paths
}

/// The names a file defines (`pub struct Study`, `pub(crate) fn fill`, …).
fn defined_items(text: &str) -> BTreeSet<String> {
    const KINDS: [&str; 8] =
        ["struct ", "enum ", "fn ", "const ", "static ", "type ", "trait ", "macro_rules! "];
    let mut names = BTreeSet::new();
    for (_, code) in code_lines(text) {
        for kind in KINDS {
            for (i, _) in code.match_indices(kind) {
                if code[..i].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let name: String = code[i + kind.len()..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    names.insert(name);
                }
            }
        }
    }
    names
}

/// The core's modules: what each defines, and what its `pub use` lines re-export.
struct Modules {
    defined: BTreeMap<String, BTreeSet<String>>,
    /// Module → the full paths it re-exports (`stats::robust::error::RobustError`, or
    /// `study::kinds::*` for a glob).
    reexports: BTreeMap<String, Vec<String>>,
}

impl Modules {
    fn new(files: &[(String, String)]) -> Modules {
        let mut defined = BTreeMap::new();
        let mut reexports = BTreeMap::new();
        for (module, text) in files {
            defined.insert(module.clone(), defined_items(text));
            // `pub use` trees span lines: read them from the code joined into one line.
            let joined: Vec<&str> = code_lines(text).map(|(_, c)| c).collect();
            let joined = joined.join(" ");
            let mut paths = Vec::new();
            for part in joined.split("pub use ").skip(1) {
                expand_use(part.split(';').next().unwrap_or(""), "", &mut paths);
            }
            let full = |p: &String| {
                let rel = p.strip_prefix("self::").unwrap_or(p);
                match rel.strip_prefix("crate::") {
                    Some(rest) => rest.to_string(),
                    None if module.is_empty() => rel.to_string(),
                    None => format!("{module}::{rel}"),
                }
            };
            reexports.insert(module.clone(), paths.iter().map(full).collect());
        }
        Modules { defined, reexports }
    }

    /// The module that really defines what `path` names, following `pub use` re-exports
    /// (`study::Study` is `study::load`) at most `depth` deep.
    fn owner(&self, path: &str, depth: u8) -> Option<String> {
        let mut module = path;
        let mut item = None;
        while !self.defined.contains_key(module) {
            let (parent, last) = module.rsplit_once("::")?;
            item = Some(last);
            module = parent;
        }
        let Some(item) = item else { return Some(module.to_string()) };
        if depth == 0 || self.defined[module].contains(item) {
            return Some(module.to_string());
        }
        for target in self.reexports.get(module).into_iter().flatten() {
            let found = if target.ends_with(&format!("::{item}")) {
                self.owner(target, depth - 1)
            } else if let Some(glob) = target.strip_suffix("::*") {
                self.owner(&format!("{glob}::{item}"), depth - 1)
                    .filter(|m| self.defined.get(m).is_some_and(|d| d.contains(item)))
            } else {
                None
            };
            if found.is_some() {
                return found;
            }
        }
        Some(module.to_string())
    }
}

/// Module → the modules it uses, each use traced through re-exports to the module that
/// defines the item. A module's use of its own submodules is not counted: a folder module
/// (its `mod.rs` and files) is one unit, whose parts may share the parent's helpers.
fn core_imports(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let modules = Modules::new(files);
    let mut graph = BTreeMap::new();
    for (module, text) in files {
        let inside = |m: &String| module.is_empty() || m.starts_with(&format!("{module}::"));
        let uses: BTreeSet<String> = named_paths(text, module)
            .iter()
            .filter_map(|p| modules.owner(p, 4))
            .filter(|m| m != module && !inside(m))
            .collect();
        graph.insert(module.clone(), uses);
    }
    graph
}

/// `from → to` for every import of a higher layer.
fn upward_imports(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut found = Vec::new();
    for (from, tos) in graph {
        for to in tos {
            if let (Some(a), Some(b)) = (layer(from), layer(to)) {
                if b > a {
                    found.push(format!("{from} (layer {a}) uses {to} (layer {b})"));
                }
            }
        }
    }
    found
}

/// One cycle of the import graph, if there is one, as the modules round it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match state.get(next.as_str()) {
                Some(1) => {
                    let at = stack.iter().position(|m| m == next).unwrap_or(0);
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(next, graph, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if !state.contains_key(node.as_str()) {
            if let Some(c) = visit(node, graph, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

fn graph_of(files: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
    let owned: Vec<(String, String)> =
        files.iter().map(|(m, t)| (m.to_string(), t.to_string())).collect();
    core_imports(&owned)
}

#[test]
fn the_layer_detector_catches_upward_imports_and_cycles() {
    let mut paths = Vec::new();
    expand_use("crate::stats::{ttest::{self, TTest}, robust::rank as r}", "", &mut paths);
    assert_eq!(
        paths,
        ["crate::stats::ttest", "crate::stats::ttest::TTest", "crate::stats::robust::rank"]
    );

    let graph = graph_of(&[
        ("text", "pub mod format;"),
        ("text::format", "//! Numbers.\nuse std::fmt;"),
        ("study", "pub mod load;"),
        ("study::load", "use crate::text::format::fixed;\n// crate::view::apa in a comment"),
        ("view", "pub mod apa;"),
        ("view::apa", "use crate::{study::load::Study, text::format};"),
    ]);
    assert!(upward_imports(&graph).is_empty());
    assert!(find_cycle(&graph).is_none());

    // Planted: the study layer names a view.
    let graph = graph_of(&[
        ("study", "pub mod load;"),
        ("study::load", "fn f() { crate::view::apa::p(1.0); }"),
        ("view", "pub mod apa;"),
        ("view::apa", "use crate::study::load;"),
    ]);
    assert_eq!(upward_imports(&graph), ["study::load (layer 2) uses view::apa (layer 4)"]);
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["study::load".to_string(), "view::apa".to_string(), "study::load".to_string()])
    );

    // A cycle inside one layer, through `super::`; a test module's `super::*` is its file.
    let graph = graph_of(&[
        ("coverage", "pub mod a;\npub mod b;"),
        ("coverage::a", "use super::b::X;\n#[cfg(test)]\nmod tests { use super::*; }"),
        ("coverage::b", "use super::{a::Y};"),
    ]);
    assert!(upward_imports(&graph).is_empty());
    assert!(find_cycle(&graph).is_some());
}

fn core_files() -> Vec<(String, String)> {
    let src = core_src();
    rust_files(&src)
        .into_iter()
        .map(|f| {
            let module = module_of(f.strip_prefix(&src).unwrap_or(&f));
            (module, fs::read_to_string(&f).unwrap_or_default())
        })
        .collect()
}

#[test]
fn core_layers_import_only_downwards() {
    let files = core_files();
    assert!(files.iter().any(|(m, _)| m == "stats::robust::rank"), "module paths are found");
    let unknown: Vec<_> =
        files.iter().filter(|(m, _)| !m.is_empty() && layer(m).is_none()).map(|(m, _)| m).collect();
    assert!(unknown.is_empty(), "core modules outside every layer: {unknown:?}");
    let upward = upward_imports(&core_imports(&files));
    assert!(upward.is_empty(), "a lower layer imports a higher one:\n{}", upward.join("\n"));
}

#[test]
fn core_modules_have_no_import_cycle() {
    let cycle = find_cycle(&core_imports(&core_files()));
    assert!(
        cycle.is_none(),
        "core modules import each other: {}",
        cycle.unwrap_or_default().join(" → ")
    );
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let mut missing = Vec::new();
    let dirs = ["src", "crates/core/src", "tests", "benches", "fuzz/fuzz_targets"];
    let mut files: Vec<PathBuf> = dirs.iter().flat_map(|d| rust_files(&root().join(d))).collect();
    files.extend(["build.rs", "crates/core/build.rs"].map(|f| root().join(f)));
    for f in files {
        // A build script that cannot be read is missing its doc too.
        let text = fs::read_to_string(&f).unwrap_or_default();
        if !text.trim_start().starts_with("//!") {
            missing.push(f.display().to_string());
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
    // The chart frame reads the language from context (it may have no AppState). The
    // workshop module has a `tr` of its own, for its own state.
    let files = rust_files(&root().join("src/ui"))
        .into_iter()
        .chain(rust_files(&root().join("src/workshop")))
        .filter(|f| !f.ends_with("charts/frame.rs"))
        .collect();
    let found = found_in(files, string_closures);
    assert!(
        found.is_empty(),
        "fixed UI strings with a closure of their own (use ui::state::tr): {found:?}"
    );
}

/// The heights a view gives a chart (`height=260`, unquoted: a `ChartFrame` prop), and
/// `ChartFrame`'s default.
fn chart_heights(text: &str) -> BTreeSet<u32> {
    let mut found = BTreeSet::new();
    for (_, code) in code_lines(text) {
        for (marker, end) in [("height=", None), ("#[prop(default = ", Some(')'))] {
            for (at, _) in code.match_indices(marker) {
                let digits: String =
                    code[at + marker.len()..].chars().take_while(char::is_ascii_digit).collect();
                let closed =
                    end.is_none_or(|e| code[at + marker.len() + digits.len()..].starts_with(e));
                if let (Ok(h), true) = (digits.parse(), closed) {
                    found.insert(h);
                }
            }
        }
    }
    found
}

/// Style attributes and properties in a view (`style=`, `style:height=`).
fn inline_styles(text: &str) -> Vec<usize> {
    flagged(text, |code| code.contains(" style=") || code.contains(" style:"))
}

#[test]
fn the_chart_height_and_style_detectors_work() {
    let view =
        "<ChartFrame id=\"x\" height=440 draw=d>\n<svg height=\"10\">\n#[prop(default = 320)]";
    assert_eq!(chart_heights(view), BTreeSet::from([320, 440]));
    assert_eq!(inline_styles("<p style:height=\"1px\">\n<p class=\"a\">\n<p style=\"x\">"), [1, 3]);
}

#[test]
fn every_chart_height_has_a_css_rule_and_no_view_sets_a_style() {
    // The prerendered page (src/ui/takeover.rs) is served under a CSP without
    // 'unsafe-inline' styles: a style attribute would be dropped there, and the page would
    // move when the app takes over. A chart's height is a class instead.
    let css = fs::read_to_string(root().join("style/main.css")).expect("style/main.css");
    let mut files = rust_files(&root().join("src/ui"));
    files.extend(rust_files(&root().join("src/workshop")));
    let mut missing = Vec::new();
    for f in &files {
        let Ok(text) = fs::read_to_string(f) else { continue };
        for h in chart_heights(&text) {
            if !css.contains(&format!("canvas.h-{h} {{ height: {h}px; }}")) {
                missing.push(format!("{}: h-{h}", f.display()));
            }
        }
    }
    assert!(missing.is_empty(), "chart heights without a rule in style/main.css: {missing:?}");
    let styled = found_in(files, inline_styles);
    assert!(styled.is_empty(), "style attributes in views (use a class): {styled:?}");
}

/// Lines (1-based) where a file of the page's module tree (`src/ui`, `src/main.rs`) names
/// the workshop module: `crate::workshop` or `study_explorer::workshop`, in a path or a
/// grouped `use crate::{…}`, or through enough `super::` to climb out of `ui`
/// (`depth`: how many modules below the crate root the file's module is).
fn workshop_references(text: &str, depth: usize) -> Vec<usize> {
    let climb = "super::".repeat(depth);
    flagged_grouped(text, |code| {
        let code: String = code.split_whitespace().collect();
        let roots = ["crate::", "study_explorer::"].map(String::from);
        roots.iter().chain((depth > 0).then_some(&climb)).any(|root| {
            code.match_indices(root.as_str()).any(|(i, _)| {
                let rest = &code[i + root.len()..];
                names_workshop_first(rest)
            })
        })
    })
}

/// Whether a path's rest (after `crate::`) starts with the `workshop` module, directly or
/// as an item of a `{…}` group at its top level.
fn names_workshop_first(rest: &str) -> bool {
    let is_segment = |s: &str| {
        s.strip_prefix("workshop")
            .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    };
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0usize;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => return is_segment(&group[start..]),
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    if is_segment(&group[start..]) {
                        return true;
                    }
                    start = i + 1;
                }
                _ => {}
            }
        }
        return is_segment(&group[start..]);
    }
    is_segment(rest)
}

/// [`flagged`] over a file whose statements may span lines: each statement (up to `;`,
/// comments removed) is checked whole and reported at the line it starts on.
fn flagged_grouped(text: &str, hit: impl Fn(&str) -> bool) -> Vec<usize> {
    let mut found = Vec::new();
    let mut statement = String::new();
    let mut first = 0;
    for (n, code) in code_lines(text) {
        if statement.trim().is_empty() {
            first = n;
        }
        for part in code.split_inclusive(';') {
            statement.push_str(part);
            statement.push(' ');
            if part.ends_with(';') {
                if hit(&statement) {
                    found.push(first);
                }
                statement.clear();
                first = n;
            }
        }
    }
    if !statement.trim().is_empty() && hit(&statement) {
        found.push(first);
    }
    found.dedup();
    found
}

#[test]
fn the_workshop_reference_detector_catches_references() {
    assert_eq!(workshop_references("let a = 1;\ncrate::workshop::start();", 1), vec![2]);
    assert_eq!(
        workshop_references("use crate::{\n    ui::state,\n    workshop::tr,\n};", 2),
        vec![1]
    );
    assert_eq!(workshop_references("use crate :: workshop;", 0), vec![1]);
    assert_eq!(workshop_references("study_explorer::workshop::start();", 0), vec![1]);
    assert_eq!(workshop_references("use super::super::workshop::chart;", 2), vec![1]);
    assert_eq!(workshop_references("use super::workshop::state;", 1), vec![1]);
    // The page's own `#workshop` section, names that only start alike, and comments pass.
    assert!(workshop_references(
        "pub mod workshop;\nuse workshop::WorkshopSection;\nuse super::workshop::LOAD_EVENT;\n\
         use crate::ui::sections::workshop;\nuse crate::{ui::x, workshops};\n\
         // crate::workshop::start();\nlet s = \"#workshop\";",
        2
    )
    .is_empty());
}

/// The module depth of a file under `src/` (`src/ui/mod.rs` is 1, `src/ui/app.rs` is 2).
fn module_depth(file: &Path) -> usize {
    let rel = file.strip_prefix(root().join("src")).unwrap_or(file);
    let parts = rel.components().count();
    if rel.file_name().is_some_and(|n| n == "mod.rs" || n == "main.rs" || n == "lib.rs") {
        parts - 1
    } else {
        parts
    }
}

#[test]
fn the_page_never_links_the_workshop_module() {
    // The page's binary is src/main.rs and what `ui::start` reaches; the workshop module
    // (src/workshop, its own binary src/bin/workshop.rs) must stay out of its wasm, which
    // holds as long as nothing there names it: the page asks for the module at run time
    // (ui::sections::workshop, public/boot.js).
    let mut files = rust_files(&root().join("src/ui"));
    files.push(root().join("src/main.rs"));
    let mut found = Vec::new();
    for f in files {
        let Ok(text) = fs::read_to_string(&f) else { continue };
        for line in workshop_references(&text, module_depth(&f)) {
            found.push(format!("{}:{line}", f.display()));
        }
    }
    assert!(found.is_empty(), "the page's code names the workshop module: {found:?}");
    let main = fs::read_to_string(root().join("src/main.rs")).unwrap_or_default();
    assert!(main.contains("study_explorer::ui::start()"), "src/main.rs starts the page");
    let bin = fs::read_to_string(root().join("src/bin/workshop.rs")).unwrap_or_default();
    assert!(
        bin.contains("study_explorer::workshop::start()"),
        "src/bin/workshop.rs starts the module"
    );
}

/// Lines where a workshop module file reaches for the page's own state or parts (its
/// `AppState`, the shell, the sections, the chrome): the module has a state of its own and
/// must start no effect on the page's address, title or selection.
fn page_parts(text: &str) -> Vec<usize> {
    flagged(text, |code| {
        let code: String = code.split_whitespace().collect();
        ["ui::state", "AppState", "use_app_state", "ui::app", "ui::sections", "ui::chrome"]
            .iter()
            .any(|p| code.contains(p))
    })
}

#[test]
fn the_workshop_module_uses_no_page_state() {
    assert_eq!(page_parts("use crate::ui::files::read_file;\nuse crate::ui::state::tr;"), vec![2]);
    let mut files = rust_files(&root().join("src/workshop"));
    files.push(root().join("src/bin/workshop.rs"));
    let found = found_in(files, page_parts);
    assert!(found.is_empty(), "the workshop module reads the page's state or parts: {found:?}");
}

/// Lines where a chart leaves a numeric axis to plotters' default labels (ASCII hyphen, no
/// grouping, float noise) or formats a number itself: each `configure_mesh()` chain, up to
/// its `.draw()`, must name a formatter for each axis (or hide its labels with `_labels(0)`),
/// and no `{:.N}`-style format spec is used for numbers on the canvas.
fn unformatted_axes(text: &str) -> Vec<usize> {
    let code: Vec<(usize, &str)> = code_lines(text).collect();
    let mut out = Vec::new();
    for (i, (n, line)) in code.iter().enumerate() {
        if line.contains(":.") && line.contains("format!") {
            out.push(*n);
        }
        if !line.contains("configure_mesh()") {
            continue;
        }
        let mut chain = String::new();
        for (_, l) in &code[i..] {
            chain.push_str(l);
            if l.contains(".draw()") {
                break;
            }
        }
        let axis_ok = |a: &str| {
            chain.contains(&format!("{a}_label_formatter("))
                || chain.contains(&format!("{a}_labels(0)"))
        };
        if !(axis_ok("x") && axis_ok("y")) {
            out.push(*n);
        }
    }
    out
}

#[test]
fn chart_axes_use_the_text_number_format() {
    let bad = "c.configure_mesh()\n.x_labels(0)\n.y_desc(\"t\"),\n).draw();\nformat!(\"{v:.2}\")";
    assert_eq!(unformatted_axes(bad), vec![1, 5]);
    let good = "c.configure_mesh()\n.x_labels(0)\n.y_label_formatter(&|y| tick(*y))\n.draw();";
    assert!(unformatted_axes(good).is_empty());
    let mut files = rust_files(&root().join("src/ui/charts"));
    files.push(root().join("src/workshop/chart.rs"));
    let found = found_in(files, unformatted_axes);
    assert!(found.is_empty(), "a chart axis or number skips core::text::format: {found:?}");
}
