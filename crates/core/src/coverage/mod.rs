//! The coverage engine: how much of each interview a code covers, per source and per
//! group × time cell, inter-coder agreement (Cohen's kappa), and the importers and exporters
//! that bring a coded project in (REFI-QDA `.qdpx`, CSV) and out again.
//!
//! This is the pure core behind the "check the coverage percentages yourself" page: the paper
//! (Song et al. 2019, second stage of the analysis and Figure 3) compares NVivo coverage
//! percentages of five second-order themes across Service/Development × T1/T2.
//!
//! # Conventions (read these before using the numbers)
//!
//! - **Offsets count Unicode code points** (Rust `char`s), as REFI-QDA specifies for
//!   `startPosition`/`endPosition`, never UTF-8 bytes: the study's transcripts are Chinese, and
//!   one Chinese character is one position but three bytes.
//! - **Ranges are half-open**, `[start, end)`: a coding from 0 to 5 covers characters 0–4, five
//!   characters, as REFI-QDA's `startPosition`/`endPosition` do. `start == end` is an empty
//!   coding (allowed, covers nothing); `end < start` or `end > source length` is rejected with a
//!   [`ModelError`] naming the coding, never a panic.
//! - **Text is counted as stored.** Line endings are not normalised (a CRLF is two positions),
//!   because REFI-QDA positions refer to the stored text. A UTF-8 byte-order mark is stripped
//!   before counting (it is not part of the text).
//! - **Coverage** of a code in one source = |union of its coded ranges| ÷ source length × 100.
//!   Overlapping codings count once. A **parent** code (a core category such as "Instrumental
//!   value") is the union of its own ranges and all its descendants' ranges.
//! - **Coders**: coverage uses the union of all coders' codings by default
//!   ([`Coders::All`]); [`Coders::One`] picks one coder.
//! - **Empty sources** (0 characters) have *undefined* coverage (`None`), never 0 % and never a
//!   division by zero. They are left out of the mean of per-source percentages and add nothing
//!   to the pooled sums.
//! - **Cells** (a group × time set of sources) report both aggregates, labelled:
//!   [`CellCoverage::pooled`] = Σ coded chars ÷ Σ chars × 100 (long interviews weigh more), and
//!   [`CellCoverage::mean_of_sources`] = the plain mean of the per-source percentages (every
//!   interview weighs the same). The paper does not say which NVivo figure it printed.
//! - **Kappa** is computed at the character level; see [`kappa`] for the pooling rules.
//!
//! # Layout
//!
//! [`project`] (validated [`Project`]) → [`ranges`] (half-open range algebra) → [`engine`]
//! (coverage) and [`kappa`] (agreement); [`qdpx`] (with [`qdpx::write`]) and [`csv_io`] read and write projects;
//! [`themes`] maps imported code names to the paper's five theme ids; [`sample`] builds the
//! teaching sample shipped in `public/sample/teaching-sample.qdpx`.
//! [`crate::view::coverage`] turns all of it into the Workshop page's tables, chart model and texts.

pub mod csv_io;
pub mod engine;
pub mod kappa;
pub mod project;
pub mod qdpx;

pub mod ranges;
pub mod sample;
pub mod themes;

pub use csv_io::{export_csv, import_csv, CsvError, CsvExport, CsvInput, HIERARCHY_SEPARATOR};
pub use engine::{
    CellCoverage, CellSources, Cells, Coders, CoverageError, CoverageRow, CoverageTable,
    SourceCoverage,
};
pub use kappa::{
    AgreementTable, CodeAgreement, Kappa, KappaUndefined, PairAgreement, SourceAgreement,
};
pub use project::{
    CellKeys, Code, CodeRow, Coding, CodingRef, Grouping, Import, ImportNote, ModelError, Project,
    ProjectParts, Source, SourceSet, User, MAX_CODE_DEPTH,
};
pub use qdpx::write::write_qdpx;
pub use qdpx::{import_qdpx, import_qdpx_with_limits, QdpxError, QdpxLimits, QDPX_LIMITS};
pub use sample::{
    build_teaching_sample, teaching_project, SampleError, SAMPLE_NOTICE, SAMPLE_PATH,
};
pub use themes::{match_themes, normalize_code_name, ThemeMapping, ThemeMatch, PAPER_THEMES};
