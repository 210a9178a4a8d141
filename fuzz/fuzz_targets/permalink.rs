//! Fuzz target: the permalink parser. Any query string parses without panicking, and the
//! selection it yields serialises to a link that parses back to the same selection with
//! no notice; `scale=` parses without panicking to a size the synthetic study accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use study_core::study::Study;
use study_core::reader::permalink::{parse, parse_scale, to_query};
use study_core::reader::synthetic::{MAX_PER_GROUP, MIN_PER_GROUP};
use study_core::stats::selection::Selection;

static DEFAULTS: std::sync::OnceLock<Option<Selection>> = std::sync::OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some(defaults) = *DEFAULTS.get_or_init(|| Study::embedded().ok().map(|s| Selection::paper(&s))) else { return };
    let query = String::from_utf8_lossy(data);
    let (sel, _notices) = parse(&query, &defaults);
    let again = to_query(&sel, &defaults);
    let (back, notices) = parse(&again, &defaults);
    assert_eq!(back, sel, "round trip of {again}");
    assert!(notices.is_empty(), "{notices:?}");
    if let (Some(n), _) = parse_scale(&query) {
        assert!((MIN_PER_GROUP..=MAX_PER_GROUP).contains(&n), "scale {n}");
    }
});
