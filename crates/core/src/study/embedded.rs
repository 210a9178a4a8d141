//! The embedded study: the study file as `crates/core/build.rs` baked it, and decoding it.
//!
//! The build script reads `crates/core/data/study.json` with serde_json into the schema's
//! types, runs the checks loading runs (the schema version, conflicting salary rows) and
//! fails the build on any error, naming the JSON path of the bad value with its line and
//! column. It then writes the [`RawStudy`] as postcard bytes, included here as
//! [`BAKED_STUDY`]. Postcard is serde's compact, non-self-describing format (every field in
//! declaration order, no keys), so [`Study::embedded`] decodes the study without parsing
//! any text and the wasm carries no JSON reader.
//!
//! [`Study::from_baked`] decodes any bytes the same way; the dataset fuzz target feeds it
//! arbitrary ones. Bytes that do not decode are a [`LoadError::Baked`], never a panic.

use crate::study::load::Study;
use crate::study::schema::{LoadError, RawStudy};

/// The study file as build.rs baked it: postcard bytes of a [`RawStudy`].
pub const BAKED_STUDY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/study.postcard"));

/// The study file's text, for native tests and tools. The page never embeds it: its
/// dataset download is the same file copied into `dist/` (`index.html`), and a wasm build
/// that named this would carry the text twice.
#[cfg(not(target_arch = "wasm32"))]
pub const STUDY_JSON: &str = include_str!("../../data/study.json");

impl RawStudy {
    /// Decodes postcard bytes of a study, as build.rs writes them, then checks the schema
    /// version. Bytes that do not decode, or that run past the study, are a
    /// [`LoadError::Baked`].
    pub fn from_baked(bytes: &[u8]) -> Result<RawStudy, LoadError> {
        let baked = |message: String| LoadError::Baked { message };
        let (raw, rest) = postcard::take_from_bytes::<RawStudy>(bytes)
            .map_err(|e| baked(e.to_string().chars().take(300).collect()))?;
        if !rest.is_empty() {
            return Err(baked(format!("{} bytes follow the study", rest.len())));
        }
        raw.checked()
    }
}

impl Study {
    /// Decodes and builds the study baked into this build.
    pub fn embedded() -> Result<Study, LoadError> {
        Study::from_baked(BAKED_STUDY)
    }

    /// Decodes (see [`RawStudy::from_baked`]) and builds a study from postcard bytes.
    pub fn from_baked(bytes: &[u8]) -> Result<Study, LoadError> {
        Study::build(RawStudy::from_baked(bytes)?)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The page decodes the baked study, tools parse the file with serde_json: both must
    /// give the same study, every number bit for bit (Debug prints each f64 exactly).
    #[test]
    fn the_baked_study_is_serde_jsons_study() {
        let baked = Study::embedded().expect("the baked study decodes").raw;
        let parsed = RawStudy::from_json(STUDY_JSON).expect("serde_json reads the study file");
        let value = |r: &RawStudy| serde_json::to_value(r).expect("a study serializes");
        assert_eq!(value(&baked), value(&parsed));
        assert_eq!(format!("{baked:?}"), format!("{parsed:?}"));
    }

    #[test]
    fn bytes_that_do_not_decode_are_a_load_error() {
        let baked = |r: Result<Study, LoadError>| matches!(r, Err(LoadError::Baked { .. }));
        assert!(baked(Study::from_baked(&[])));
        assert!(baked(Study::from_baked(&BAKED_STUDY[..BAKED_STUDY.len() / 2])));
        assert!(baked(Study::from_baked(&[BAKED_STUDY, &[0]].concat())));
        assert!(baked(Study::from_baked(&[0xff; 64])));
        let e = Study::from_baked(&[1]).unwrap_err().to_string();
        assert!(e.starts_with("the study built into this app does not decode: "), "{e}");
        // The schema version is the first field, one varint byte.
        assert_eq!(BAKED_STUDY[0], 1);
        let mut bumped = BAKED_STUDY.to_vec();
        bumped[0] = 2;
        assert_eq!(Study::from_baked(&bumped).unwrap_err(), LoadError::SchemaVersion { found: 2 });
    }

    #[test]
    fn from_json_names_where_a_file_is_wrong() {
        let json = |r: Result<RawStudy, LoadError>| matches!(r, Err(LoadError::Json { .. }));
        assert!(json(RawStudy::from_json("{\"schema_version\": 2}")));
        let bumped = STUDY_JSON.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1);
        assert_ne!(bumped, STUDY_JSON);
        assert_eq!(
            RawStudy::from_json(&bumped).unwrap_err(),
            LoadError::SchemaVersion { found: 2 }
        );
        assert!(matches!(
            RawStudy::from_json(&STUDY_JSON[..STUDY_JSON.len() / 2]),
            Err(LoadError::Json { line, .. }) if line > 1
        ));
    }
}
