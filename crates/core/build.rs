//! Bakes the study into the crate: reads `data/study.json` with serde_json, checks it as
//! loading does, and writes it to `$OUT_DIR/study.postcard`, which `study::embedded`
//! includes and `Study::embedded` decodes, so the page parses no text to load the study.
//!
//! The schema is the library's own: the `#[path]` modules below are its `src/study` files
//! (the serde types, and `load` for the salary-table check), compiled here as they are
//! there. Any error stops the build and names the JSON path of the bad value with the
//! reason and its line and column, for example
//! `informants[3].group: unknown variant `Sales`, expected `service` or `development` at
//! line 98 column 23`. The checks are the structural ones every load runs: the file
//! parses into the schema, the schema version is 1, and no salary table lists an
//! informant twice with different numbers (`LoadError::ConflictingRows`). The bytes are
//! decoded again and compared with what was read, so a schema type postcard cannot
//! round-trip fails the build too.

// The library's modules are included whole; the build uses only part of each.
#![allow(dead_code)]

#[path = "src/study/codebook.rs"]
mod codebook;
#[path = "src/study/evidence.rs"]
mod evidence;
#[path = "src/study/figure4.rs"]
mod figure4;
#[path = "src/study/kinds.rs"]
mod kinds;
#[path = "src/study/load.rs"]
mod load;
#[path = "src/study/printed.rs"]
mod printed;
#[path = "src/study/schema.rs"]
mod schema;

/// The paths the included files name each other by (`crate::study::kinds::Group`, …).
mod study {
    pub(crate) use super::{codebook, evidence, figure4, kinds, printed, schema};
}

use std::path::PathBuf;

/// The study file, relative to this crate.
const SOURCE: &str = "data/study.json";

/// Everything the baked study depends on: the file and the schema's sources.
const INPUTS: [&str; 9] = [
    SOURCE,
    "build.rs",
    "src/study/codebook.rs",
    "src/study/evidence.rs",
    "src/study/figure4.rs",
    "src/study/kinds.rs",
    "src/study/load.rs",
    "src/study/printed.rs",
    "src/study/schema.rs",
];

fn main() {
    for input in INPUTS {
        println!("cargo::rerun-if-changed={input}");
    }
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    let baked = std::fs::read_to_string(dir.join(SOURCE))
        .map_err(|e| format!("cannot read it: {e}"))
        .and_then(|text| bake(&text));
    match baked {
        Ok(bytes) => {
            let target = out.join("study.postcard");
            if let Err(e) = std::fs::write(&target, bytes) {
                fail(&format!("cannot write {}: {e}", target.display()));
            }
        }
        Err(reason) => fail(&reason),
    }
}

/// Stops the build with one line that names the file. Cargo fails the build for the
/// logged error; exiting with 0 keeps its report to that line (after a non-zero exit it
/// would print the script's whole output as well).
fn fail(reason: &str) -> ! {
    println!("cargo::error={SOURCE}: {}", reason.replace('\n', " "));
    std::process::exit(0)
}

/// The study file's text → its checked postcard bytes, or why not.
fn bake(text: &str) -> Result<Vec<u8>, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let raw: schema::RawStudy = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        format!("{path}: {}", e.into_inner())
    })?;
    de.end().map_err(|e| e.to_string())?;
    let raw = raw.checked().map_err(|e| e.to_string())?;
    let study = load::Study::build(raw).map_err(|e| e.to_string())?;
    let bytes = postcard::to_allocvec(&study.raw).map_err(|e| format!("postcard: {e}"))?;
    let back: schema::RawStudy = postcard::from_bytes(&bytes)
        .map_err(|e| format!("the baked study does not decode (postcard: {e})"))?;
    let value = |r: &schema::RawStudy| serde_json::to_value(r).map_err(|e| e.to_string());
    if value(&back)? != value(&study.raw)? {
        return Err("the baked study decodes differently from the file: a schema type uses \
                    a serde attribute postcard cannot round-trip"
            .into());
    }
    Ok(bytes)
}
