//! The coverage engine and its importers, on hand-computed fixtures:
//! - coverage: overlapping ranges, nested codes and aggregate parents, CJK text (where a
//!   byte-offset implementation gives different numbers), empty sources, out-of-range codings,
//!   pooled vs mean-of-sources cells;
//! - Cohen's kappa: a hand-worked 2×2 table, sklearn's value on the character vectors, the
//!   undefined cases, pooled vs source-length-weighted;
//! - REFI-QDA `.qdpx`: a valid fixture, then malformed XML, missing Sources folder and files,
//!   unknown GUID references, bad positions, BOM, CRLF, size limits (zip bomb);
//! - CSV: import with hierarchy and attributes, errors naming file and line, export round trip;
//! - the teaching sample: the committed file equals the freshly built bytes
//!   (`REGENERATE_SAMPLE=1 cargo test --test coverage` rewrites it), and its per-cell coverage
//!   and kappa equal an independent Python computation (`scripts/coverage_reference.py`);
//! - document sets: exports shaped like MAXQDA 24's and ATLAS.ti's (`fixtures.rs`, committed
//!   under `fixtures/`, `REGENERATE_FIXTURES=1` rewrites them), their coverage by set against
//!   `scripts/sets_reference.py`, the 300-code default row filter, hostile `Sets`.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use study_core::coverage::kappa::{AgreementTable, Kappa, KappaUndefined};
use study_core::coverage::sample::{self, CODER_A, CODER_B};
use study_core::coverage::*;

mod csv_files;
mod engine;
mod fixtures;
mod kappa;
mod qdpx;
mod sets;
mod teaching_sample;
mod themes;

// ---------------------------------------------------------------------------------------------
// Helpers

fn source(id: &str, text: &str, attrs: &[(&str, &str)]) -> Source {
    Source {
        id: id.into(),
        name: id.into(),
        description: String::new(),
        text: text.into(),
        attributes: attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
    }
}

fn coding(source: &str, start: usize, end: usize, code: &str, coder: &str) -> Coding {
    Coding {
        source: source.into(),
        start,
        end,
        code: code.into(),
        coder: coder.into(),
        origin: String::new(),
    }
}

fn users(ids: &[&str]) -> Vec<User> {
    ids.iter().map(|i| User { id: i.to_string(), name: i.to_string() }).collect()
}

fn project(
    sources: Vec<Source>,
    codes: Vec<Code>,
    coders: &[&str],
    codings: Vec<Coding>,
) -> Result<Project, ModelError> {
    Project::new(ProjectParts {
        name: "t".into(),
        description: String::new(),
        users: users(coders),
        codes,
        sources,
        codings,
        sets: Vec::new(),
    })
}

fn flat(ids: &[&str]) -> Vec<Code> {
    ids.iter().map(|i| Code::leaf(*i, *i)).collect()
}

fn all() -> Coders {
    Coders::All
}

#[track_caller]
fn close(got: Option<f64>, want: f64) {
    let g = got.unwrap_or(f64::NAN);
    assert!((g - want).abs() < 1e-9, "got {got:?}, want {want}");
}

#[track_caller]
fn kappa_close(got: Kappa, want: f64) {
    close(got.value(), want);
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}
