//! The embedded study: serde types for `crates/core/data/study.json`, and loading.
//!
//! The JSON file is the one versioned transcription of the paper. Its rule: a JSON
//! *number* is an input the app computes from; a JSON *string* holding a number is a
//! [`Printed`] value, kept only to compare recomputations against. Every item names its
//! source (table, section or footnote).
//!
//! Loading has two steps. [`RawStudy::read`] (or natively [`RawStudy::from_json`]) parses (structural errors are a
//! [`LoadError`]); [`Study::build`] then resolves the salary tables, dropping rows the text
//! extraction repeated. Semantic checks live in [`crate::checks::validate`].

use crate::study::printed::Printed;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The study file, embedded at compile time.
pub const STUDY_JSON: &str = include_str!("../../data/study.json");

/// The two groups of the quasi-experiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Treatment: adopted DingTalk on top of WeChat.
    Service,
    /// Control: WeChat only.
    Development,
}

impl Group {
    /// Both groups, in the paper's order.
    pub const ALL: [Group; 2] = [Group::Service, Group::Development];

    /// The paper's name for the group.
    pub fn label(self) -> &'static str {
        match self {
            Group::Service => "Service",
            Group::Development => "Development",
        }
    }

    /// The permalink word for the group.
    pub fn key(self) -> &'static str {
        match self {
            Group::Service => "service",
            Group::Development => "development",
        }
    }

    /// Index into two-element arrays ([Service, Development]).
    pub fn index(self) -> usize {
        match self {
            Group::Service => 0,
            Group::Development => 1,
        }
    }
}

/// The two timepoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Time {
    /// August 2016 interviews; Q3 2016 salaries.
    T1,
    /// April 2017 interviews; Q2 2017 salaries.
    T2,
}

impl Time {
    /// Both timepoints.
    pub const ALL: [Time; 2] = [Time::T1, Time::T2];

    /// `T1` or `T2`.
    pub fn label(self) -> &'static str {
        match self {
            Time::T1 => "T1",
            Time::T2 => "T2",
        }
    }

    /// The permalink word.
    pub fn key(self) -> &'static str {
        match self {
            Time::T1 => "t1",
            Time::T2 => "t2",
        }
    }
}

/// Which salary table: quarterly (Table 8) or monthly (Table A2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Table 8, the paper's main analysis.
    Quarterly,
    /// Table A2, footnote 4's repetition.
    Monthly,
}

impl Measure {
    /// Both measures.
    pub const ALL: [Measure; 2] = [Measure::Quarterly, Measure::Monthly];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Quarterly => "quarterly",
            Measure::Monthly => "monthly",
        }
    }

    /// Permalink word.
    pub fn key(self) -> &'static str {
        self.label()
    }
}

/// A value from the paper with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Table, section or footnote.
    pub source: String,
}

/// Bibliographic data.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Citation {
    pub authors: Vec<String>,
    pub year: u16,
    pub title: String,
    pub journal: String,
    pub volume: u32,
    pub issue: u32,
    pub article: String,
    pub doi: String,
}

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

/// Gender as printed in Table 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

/// Education as printed in Table 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Education {
    Associate,
    Bachelor,
}

/// Position as printed in Table 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    SalesRepresentative,
    AdministrativeStaff,
    TeamLeader,
    DepartmentHead,
}

impl Position {
    /// The label as Table 2 prints it.
    pub fn label(self) -> &'static str {
        match self {
            Position::SalesRepresentative => "Sales representative",
            Position::AdministrativeStaff => "Administrative staff",
            Position::TeamLeader => "Team leader",
            Position::DepartmentHead => "Department Head",
        }
    }
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

/// A first-order concept with its initial codes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Concept {
    pub name: String,
    pub codes: Vec<String>,
}

/// A second-order theme with its concepts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub name: String,
    pub concepts: Vec<Concept>,
}

/// A core category with its themes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CoreCategory {
    pub id: String,
    pub name: String,
    pub themes: Vec<Theme>,
}

/// Counts the paper prints for the codebook.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CodebookCounts {
    pub first_order_concepts: usize,
    pub initial_codes: usize,
    pub source: String,
}

/// Table 3.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Codebook {
    pub source: String,
    pub note: String,
    pub printed_counts: CodebookCounts,
    pub core_categories: Vec<CoreCategory>,
}

impl Codebook {
    /// Number of first-order concepts in the transcription.
    pub fn concept_count(&self) -> usize {
        self.core_categories.iter().flat_map(|c| &c.themes).map(|t| t.concepts.len()).sum()
    }

    /// Number of initial codes in the transcription.
    pub fn code_count(&self) -> usize {
        self.core_categories
            .iter()
            .flat_map(|c| &c.themes)
            .flat_map(|t| &t.concepts)
            .map(|c| c.codes.len())
            .sum()
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
        }
    }
}

impl std::error::Error for LoadError {}

impl RawStudy {
    /// Parses a study file with serde_json (native builds: tests, fuzzing, tools).
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

    /// Parses a study file with the core's small JSON reader ([`crate::study::json`]), which
    /// is what the page uses: it keeps serde_json out of the wasm. Gives the same study as
    /// [`RawStudy::from_json`] for every valid file (tested on the embedded one); only the
    /// wording of structural errors differs.
    pub fn read(text: &str) -> Result<RawStudy, LoadError> {
        let raw: RawStudy = crate::study::json::from_str(text).map_err(|e| LoadError::Json {
            line: e.line,
            column: e.column,
            message: e.to_string().chars().take(300).collect(),
        })?;
        raw.checked()
    }

    fn checked(self) -> Result<RawStudy, LoadError> {
        if self.schema_version != 1 {
            return Err(LoadError::SchemaVersion { found: self.schema_version });
        }
        Ok(self)
    }
}

/// One informant's salaries in one table, after duplicate extraction rows are dropped.
#[derive(Debug, Clone)]
pub struct SalaryRow {
    pub informant: String,
    pub group: Group,
    pub t1: f64,
    /// T2 as printed (discounted with the paper's factor).
    pub t2_printed: f64,
    pub diff_printed: Printed,
    /// 1-based position of the row in the printed column.
    pub printed_row: usize,
}

/// A repeated row of the text extraction that [`Study::build`] dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedRow {
    pub table: String,
    pub group: Group,
    pub informant: String,
    pub first_row: usize,
    pub repeated_row: usize,
}

/// A salary table ready for analysis.
#[derive(Debug, Clone)]
pub struct SalaryTable {
    pub measure: Measure,
    pub source: String,
    pub rows: Vec<SalaryRow>,
}

impl SalaryTable {
    /// The rows of one group, in printed order.
    pub fn group_rows(&self, g: Group) -> impl Iterator<Item = &SalaryRow> {
        self.rows.iter().filter(move |r| r.group == g)
    }
}

/// The study ready for analysis: the raw file plus resolved salary tables.
#[derive(Debug, Clone)]
pub struct Study {
    pub raw: RawStudy,
    pub quarterly: SalaryTable,
    pub monthly: SalaryTable,
    /// Rows the text extraction repeated, dropped once each (reported by validation).
    pub dropped: Vec<DroppedRow>,
}

impl Study {
    /// Parses and builds the embedded study.
    pub fn embedded() -> Result<Study, LoadError> {
        Study::build(RawStudy::read(STUDY_JSON)?)
    }

    /// Parses (with serde_json) and builds a study from JSON text.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Study, LoadError> {
        Study::build(RawStudy::from_json(text)?)
    }

    /// Resolves the salary tables: identical repeated rows are dropped (and recorded);
    /// a repeated informant with different numbers is an error.
    pub fn build(raw: RawStudy) -> Result<Study, LoadError> {
        let mut dropped = Vec::new();
        let quarterly = resolve_table(&raw, Measure::Quarterly, &mut dropped)?;
        let monthly = resolve_table(&raw, Measure::Monthly, &mut dropped)?;
        Ok(Study { raw, quarterly, monthly, dropped })
    }

    /// The resolved table for a measure.
    pub fn table(&self, m: Measure) -> &SalaryTable {
        match m {
            Measure::Quarterly => &self.quarterly,
            Measure::Monthly => &self.monthly,
        }
    }

    /// An informant by pseudonym.
    pub fn informant(&self, name: &str) -> Option<&Informant> {
        self.raw.informants.iter().find(|i| i.name == name)
    }

    /// Informants of one group, in Table 2 order.
    pub fn informants_in(&self, g: Group) -> impl Iterator<Item = &Informant> {
        self.raw.informants.iter().filter(move |i| i.group == g)
    }
}

/// Builds one table, recording the rows it drops as repeats.
fn resolve_table(
    raw: &RawStudy,
    m: Measure,
    dropped: &mut Vec<DroppedRow>,
) -> Result<SalaryTable, LoadError> {
    let t = raw.salaries.get(m);
    let mut rows: Vec<SalaryRow> = Vec::new();
    for g in Group::ALL {
        // Row index by informant, so a table of 20,000 rows builds in linear time.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, r) in t.extracted_rows.get(g).iter().enumerate() {
            if let Some(first) = seen.get(r.informant.as_str()).map(|&k| &rows[k]) {
                let same = first.t1 == r.t1
                    && first.t2_printed == r.t2_printed
                    && first.diff_printed == r.diff_printed;
                if !same {
                    return Err(LoadError::ConflictingRows {
                        table: t.source.clone(),
                        informant: r.informant.clone(),
                    });
                }
                dropped.push(DroppedRow {
                    table: t.source.clone(),
                    group: g,
                    informant: r.informant.clone(),
                    first_row: first.printed_row,
                    repeated_row: i + 1,
                });
                continue;
            }
            seen.insert(r.informant.as_str(), rows.len());
            rows.push(SalaryRow {
                informant: r.informant.clone(),
                group: g,
                t1: r.t1,
                t2_printed: r.t2_printed,
                diff_printed: r.diff_printed.clone(),
                printed_row: i + 1,
            });
        }
    }
    Ok(SalaryTable { measure: m, source: t.source.clone(), rows })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The page reads the study with core::json, the tests with serde_json: both must give
    /// the same study, every number bit for bit (Debug prints each f64 exactly).
    #[test]
    fn the_small_reader_gives_serde_jsons_study() {
        let small = RawStudy::read(STUDY_JSON).expect("core::json reads the embedded study");
        let reference =
            RawStudy::from_json(STUDY_JSON).expect("serde_json reads the embedded study");
        assert_eq!(format!("{small:?}"), format!("{reference:?}"));
        assert!(matches!(RawStudy::read("{\"schema_version\": 2}"), Err(LoadError::Json { .. })));
        let bumped = STUDY_JSON.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1);
        assert_ne!(bumped, STUDY_JSON);
        assert_eq!(RawStudy::read(&bumped).unwrap_err(), LoadError::SchemaVersion { found: 2 });
        assert!(
            matches!(RawStudy::read(&STUDY_JSON[..STUDY_JSON.len() / 2]), Err(LoadError::Json { line, .. }) if line > 1)
        );
    }
}
