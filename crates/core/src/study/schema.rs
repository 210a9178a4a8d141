//! The study file's schema: serde types for `crates/core/data/study.json`, and the checks
//! every reading of it into a [`RawStudy`] applies.
//!
//! The JSON file is the one versioned transcription of the paper. Its rule: a JSON
//! *number* is an input the app computes from; a JSON *string* holding a number is a
//! [`Printed`] value, kept only to compare recomputations against. Every item names its
//! source (table, section or footnote). Structural errors are a [`LoadError`].
//!
//! The same types are read twice. At build time `crates/core/build.rs` includes this file
//! (with the other schema files and [`crate::study::load`]), reads the JSON with serde_json
//! and writes it as postcard bytes, which the page decodes ([`crate::study::embedded`]).
//! Natively, [`RawStudy::from_json`] reads any study file with serde_json. Postcard writes
//! every field in declaration order with no keys, so these types use only serde attributes
//! that survive it (`default`, `rename`, `try_from`/`into`); `skip_serializing_if`,
//! `flatten` or `untagged` would not round-trip, and the build checks that the study does.

use crate::study::codebook::Codebook;
use crate::study::kinds::{Citation, Education, Gender, Group, Measure, Position, Sourced, Time};
use crate::study::printed::Printed;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What the study is and where the transcription comes from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct About {
    pub citation: Citation,
    pub source_text: String,
    pub design: String,
    pub design_source: String,
}

/// A group as the paper describes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GroupInfo {
    pub id: Group,
    pub label: String,
    pub role: String,
    pub tools: String,
    /// The group size the text states.
    pub n_stated: usize,
    pub source: String,
}

/// A timepoint as the paper describes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TimeInfo {
    pub id: Time,
    pub label: String,
    pub interviews: String,
    pub salary_period: String,
    pub source: String,
}

/// One informant (Table 2).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Informant {
    /// Pseudonym, as printed; never translated.
    pub name: String,
    pub group: Group,
    pub age: u32,
    pub gender: Gender,
    pub education: Education,
    pub tenure_years: u32,
    pub position: Position,
    pub source: String,
    /// The id of a recorded decision about this row, if any.
    #[serde(default)]
    pub decision: Option<String>,
}

/// A place where the paper's prose describes an informant.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TextMention {
    pub informant: String,
    pub says: String,
    /// The group the prose implies.
    pub group: Group,
    pub source: String,
}

/// A recorded decision, with its evidence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Decision {
    pub id: String,
    pub title: String,
    pub decision: String,
    pub evidence: String,
    #[serde(default)]
    pub contradiction: Option<String>,
    pub source: String,
}

/// One row of a salary table as the text extraction prints it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawSalaryRow {
    pub informant: String,
    /// T1 salary (RMB).
    pub t1: f64,
    /// T2 salary as printed: already discounted to 2016 terms (footnote 3).
    pub t2_printed: f64,
    /// The printed T2 − T1 difference.
    pub diff_printed: Printed,
}

/// Printed T1, T2 and difference statistics for one group.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PrintedTriple {
    pub t1: Printed,
    pub t2: Printed,
    pub diff: Printed,
}

/// Printed statistics for both groups.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PrintedByGroup {
    pub service: PrintedTriple,
    pub development: PrintedTriple,
}

impl PrintedByGroup {
    /// The printed triple for one group.
    pub fn get(&self, g: Group) -> &PrintedTriple {
        match g {
            Group::Service => &self.service,
            Group::Development => &self.development,
        }
    }
}

/// The Mean and S.D. rows of a salary table.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PrintedSummary {
    pub mean: PrintedByGroup,
    pub sd: PrintedByGroup,
}

/// Rows per group, as extracted.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawRowsByGroup {
    pub service: Vec<RawSalaryRow>,
    pub development: Vec<RawSalaryRow>,
}

impl RawRowsByGroup {
    /// The rows of one group.
    pub fn get(&self, g: Group) -> &[RawSalaryRow] {
        match g {
            Group::Service => &self.service,
            Group::Development => &self.development,
        }
    }
}

/// The salary periods of a table.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Periods {
    pub t1: String,
    pub t2: String,
}

/// A salary table (Table 8 or A2) as transcribed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawSalaryTable {
    pub source: String,
    pub unit: String,
    pub periods: Periods,
    pub note: String,
    pub extracted_rows: RawRowsByGroup,
    pub printed_summary: PrintedSummary,
}

/// Both salary tables.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Salaries {
    pub quarterly: RawSalaryTable,
    pub monthly: RawSalaryTable,
}

impl Salaries {
    /// The table for a measure.
    pub fn get(&self, m: Measure) -> &RawSalaryTable {
        match m {
            Measure::Quarterly => &self.quarterly,
            Measure::Monthly => &self.monthly,
        }
    }
}

/// Footnote 3's printed ratios and formula.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DiscountPrinted {
    pub ratio_2016_percent: Sourced<Printed>,
    pub ratio_2017_percent: Sourced<Printed>,
    pub formula: Sourced<String>,
}

/// The four totals behind footnote 3, each with its source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DiscountData {
    pub source: String,
    pub salary_total_2016: Sourced<f64>,
    pub revenue_2016: Sourced<f64>,
    pub salary_total_2017: Sourced<f64>,
    pub revenue_2017: Sourced<f64>,
    pub printed: DiscountPrinted,
}

/// A printed salary t-test.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PrintedTest {
    pub id: String,
    pub measure: Measure,
    pub test: String,
    pub t: Printed,
    /// `=` or `<=`, as printed before the p-value.
    pub p_relation: String,
    pub p: Printed,
    pub source: String,
}

/// A printed demographic p-value.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PrintedDemographicP {
    pub variable: String,
    pub p: Printed,
    pub source: String,
}

/// A second-order theme compared in stage 2.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ThemeRef {
    pub id: String,
    pub name: String,
}

/// One theme × group × time coverage cell.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CoverageCell {
    pub theme: String,
    pub group: Group,
    pub time: Time,
    /// The printed percentage, or `None` where the text does not report it (Figure 3 only).
    pub printed: Option<Printed>,
    pub source: String,
}

/// Stage-2 coverage percentages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Coverage {
    pub source: String,
    pub definition: String,
    pub note: String,
    pub themes: Vec<ThemeRef>,
    pub cells: Vec<CoverageCell>,
}

impl Coverage {
    /// The cell for a theme, group and time.
    pub fn cell(&self, theme: &str, group: Group, time: Time) -> Option<&CoverageCell> {
        self.cells.iter().find(|c| c.theme == theme && c.group == group && c.time == time)
    }
}

/// One analysis stage (Table 4).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stage {
    pub stage: u8,
    pub goal: String,
    pub data: String,
    pub open_coding: String,
    pub axial_selective: String,
    pub comparison: String,
    pub findings: String,
}

/// Table 4.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stages {
    pub source: String,
    pub rows: Vec<Stage>,
}

/// A dated event of the data collection.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub date: String,
    pub label: String,
    pub source: String,
}

/// Figure 1 and the data-collection text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Timeline {
    pub source: String,
    pub events: Vec<Event>,
}

/// Other printed facts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PrintedOther {
    pub kappa: Sourced<String>,
    pub interviews: Sourced<String>,
    pub transcript_pages: Sourced<String>,
    pub chinese_words: Sourced<String>,
}

/// The whole study file, as parsed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RawStudy {
    pub schema_version: u32,
    pub about: About,
    pub groups: Vec<GroupInfo>,
    pub timepoints: Vec<TimeInfo>,
    pub informants: Vec<Informant>,
    pub text_mentions: Vec<TextMention>,
    pub decisions: Vec<Decision>,
    pub salaries: Salaries,
    pub discount: DiscountData,
    pub printed_tests: Vec<PrintedTest>,
    pub printed_demographic_p: Vec<PrintedDemographicP>,
    pub coverage: Coverage,
    pub codebook: Codebook,
    pub stages: Stages,
    pub timeline: Timeline,
    pub printed_other: PrintedOther,
    pub caution: Sourced<String>,
    /// Quotations of informants (Key findings, Table 7); see [`crate::study::evidence`].
    #[serde(default)]
    pub quotations: Vec<crate::study::evidence::Quotation>,
    /// How the quotations were checked to be complete.
    #[serde(default)]
    pub quotation_check: crate::study::evidence::QuotationCheck,
    #[serde(default)]
    pub table1: crate::study::evidence::Table1,
    #[serde(default)]
    pub table5: crate::study::evidence::ExampleTable,
    #[serde(default)]
    pub table6: crate::study::evidence::ExampleTable,
    #[serde(default)]
    pub table7: crate::study::evidence::Table7,
    #[serde(default, rename = "tableA1")]
    pub table_a1: crate::study::evidence::TableA1,
    /// Figure 4 as a graph; see [`crate::study::figure4`].
    #[serde(default)]
    pub model: crate::study::figure4::ModelDesc,
    /// The guided tour.
    #[serde(default)]
    pub tour: crate::study::figure4::Tour,
    /// Limitations and the background essay for "About this study".
    #[serde(default)]
    pub context: crate::study::evidence::Context,
}

/// A structural problem that stops the study file from loading at all.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The JSON did not parse or did not fit the schema.
    Json { line: usize, column: usize, message: String },
    /// The schema version is not one this build reads.
    SchemaVersion { found: u32 },
    /// A salary table row names the same informant twice with different numbers.
    ConflictingRows { table: String, informant: String },
    /// The study baked into the build (postcard bytes) does not decode as the schema.
    Baked { message: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Json { line, column, message } => {
                write!(f, "the study file is not valid at line {line}, column {column}: {message}")
            }
            LoadError::SchemaVersion { found } => {
                write!(f, "the study file has schema version {found}; this build reads version 1")
            }
            LoadError::ConflictingRows { table, informant } => {
                write!(f, "{table} lists {informant} twice with different numbers")
            }
            LoadError::Baked { message } => {
                write!(f, "the study built into this app does not decode: {message}")
            }
        }
    }
}

impl std::error::Error for LoadError {}

impl RawStudy {
    /// Parses a study file with serde_json (native builds only: tests and tools).
    /// Structural errors name the line and column.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<RawStudy, LoadError> {
        let raw: RawStudy = serde_json::from_str(text).map_err(|e| LoadError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string().chars().take(300).collect(),
        })?;
        raw.checked()
    }

    /// The check every reading applies after decoding: the schema version is one this
    /// build reads. (Conflicting salary rows are found by [`crate::study::Study::build`].)
    pub(crate) fn checked(self) -> Result<RawStudy, LoadError> {
        if self.schema_version != 1 {
            return Err(LoadError::SchemaVersion { found: self.schema_version });
        }
        Ok(self)
    }
}
