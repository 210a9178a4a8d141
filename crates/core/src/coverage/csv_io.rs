//! CSV import and export of a coded project: a codings CSV, plain-text source files and an
//! optional sources CSV of attributes. Export writes the same three things back, so
//! `import_csv(export_csv(p))` gives the same coverage and agreement as `p`.
//!
//! Formats (UTF-8, a byte-order mark is ignored, fields trimmed, RFC 4180 quoting; export
//! writes CRLF line ends, import reads CRLF, LF or CR):
//! - **codings** — header `source,start,end,code,coder` (any column order, names compared
//!   case-insensitively, extra columns ignored). `start`/`end` are half-open character offsets
//!   (Unicode code points) into the source's text, as in REFI-QDA.
//! - **text files** — `(file name, bytes)`; a source's id is the file name without its
//!   directory and without a final `.txt`. The `source` column may give either form
//!   (`Blake` or `Blake.txt`). Text is kept as stored (CRLF counts as two characters).
//! - **sources** (optional) — header `source,…`; every other column is an attribute
//!   (e.g. `group`, `time`). Empty cells mean "no value".
//! - **hierarchy** — a code written `Instrumental value > Team monitoring` is the child
//!   `Team monitoring` of `Instrumental value` ([`HIERARCHY_SEPARATOR`], with its spaces). A
//!   plain `/` is part of the name ("DingTalk/WeChat" stays one code), because code names in
//!   this field often contain slashes. A code's id is its whole path.
//! - **formula guard** — export writes through [`CsvWriter`], which puts a `'` in front of a
//!   cell a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`, tab, carriage return;
//!   the rule is [`guard`](crate::text::csv::guard)'s). Import reads every cell through
//!   [`unguard`], which takes that quote off again, so a code named `=HYPERLINK(…)` or
//!   `'=x` comes back with the same name. Import trims each cell and each level of a code
//!   name, but keeps a tab or carriage return that a guard's quote protected at the start.
//!
//! Errors name the file and the line (the header is line 1). The CSV carries only codes that
//! have codings and coders who coded something; export keeps everything else that matters
//! (sources, including uncoded ones, and their attributes).

use super::project::{
    describe_coding, Code, Coding, Import, ImportNote, ModelError, Project, ProjectParts, Source,
    User, MAX_CODE_DEPTH,
};
use crate::text::csv::{unguard, CsvWriter, RecordLines};
use crate::text::i18n::{fill, Strings, EN};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Separates the levels of a hierarchical code name in the `code` column.
pub const HIERARCHY_SEPARATOR: &str = " > ";

/// The files of a CSV import.
#[derive(Debug, Clone, Copy)]
pub struct CsvInput<'a> {
    /// Name of the codings file (for messages) and its bytes.
    pub codings: (&'a str, &'a [u8]),
    /// The optional sources (attributes) file.
    pub sources: Option<(&'a str, &'a [u8])>,
    /// The plain-text sources as (file name, bytes).
    pub texts: &'a [(String, Vec<u8>)],
}

/// A CSV export: two CSV files and the texts, ready to save or to import again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvExport {
    pub codings_csv: String,
    pub sources_csv: String,
    /// (file name, text) for every source.
    pub texts: Vec<(String, String)>,
}

impl CsvExport {
    /// The texts as (file name, bytes), the shape [`CsvInput::texts`] takes.
    pub fn text_files(&self) -> Vec<(String, Vec<u8>)> {
        self.texts.iter().map(|(n, t)| (n.clone(), t.clone().into_bytes())).collect()
    }
}

/// Why CSV files could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// A file is not UTF-8 text.
    NotUtf8 { file: String, line: usize },
    /// The CSV itself is malformed (for example a row with a different number of fields).
    Malformed { file: String, line: Option<u64>, message: String },
    /// A required column is missing from the header.
    MissingColumn { file: String, column: &'static str },
    /// A required value is empty.
    EmptyValue { file: String, line: u64, column: &'static str },
    /// A position is not a whole number ≥ 0.
    BadPosition { file: String, line: u64, column: &'static str, value: String },
    /// A row names a source for which no text file was given.
    UnknownSource { file: String, line: u64, source: String },
    /// Two text files, or two rows of the sources file, are the same source.
    DuplicateSource { file: String, source: String },
    /// A hierarchical code name has an empty level or too many levels.
    BadCodePath { file: String, line: u64, code: String },
    /// The codings are inconsistent with the texts (for example a coding past the end).
    Model(ModelError),
    /// Writing the CSV failed.
    Write(String),
}

impl CsvError {
    /// The message in the UI language (`Display` gives the English one).
    pub fn message(&self, t: &Strings) -> String {
        let at = |file: &str, line: &str, message: &str| {
            fill(t.c_at_line, &[("file", file), ("line", line), ("message", message)])
        };
        let in_file =
            |file: &str, message: &str| fill(t.c_in_file, &[("file", file), ("message", message)]);
        match self {
            CsvError::NotUtf8 { file, line } => at(file, &line.to_string(), t.c_err_not_utf8),
            CsvError::Malformed { file, line: Some(l), message } => {
                at(file, &l.to_string(), message)
            }
            CsvError::Malformed { file, line: None, message } => in_file(file, message),
            CsvError::MissingColumn { file, column } => {
                at(file, "1", &fill(t.c_err_missing_column, &[("column", column)]))
            }
            CsvError::EmptyValue { file, line, column } => {
                at(file, &line.to_string(), &fill(t.c_err_empty_value, &[("column", column)]))
            }
            CsvError::BadPosition { file, line, column, value } => at(
                file,
                &line.to_string(),
                &fill(t.c_err_bad_position, &[("column", column), ("value", value)]),
            ),
            CsvError::UnknownSource { file, line, source } => {
                at(file, &line.to_string(), &fill(t.c_err_no_text_file, &[("source", source)]))
            }
            CsvError::DuplicateSource { file, source } => {
                in_file(file, &fill(t.c_err_duplicate_source, &[("source", source)]))
            }
            CsvError::BadCodePath { file, line, code } => at(
                file,
                &line.to_string(),
                &fill(
                    t.c_err_bad_code_path,
                    &[("code", code), ("limit", &MAX_CODE_DEPTH.to_string())],
                ),
            ),
            CsvError::Model(e) => e.message(t),
            CsvError::Write(m) => fill(t.c_err_write_csv, &[("error", m)]),
        }
    }
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

impl std::error::Error for CsvError {}

/// UTF-8 text without a leading byte-order mark.
fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, CsvError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = bytes.get(..e.valid_up_to()).unwrap_or(&[]);
        CsvError::NotUtf8 {
            file: file.to_string(),
            line: 1 + good.iter().filter(|&&b| b == b'\n').count(),
        }
    })
}

/// `texts/Blake.TXT` → `Blake`.
fn source_id_of_file(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    match lower.strip_suffix(".txt") {
        Some(stem) if !stem.is_empty() => base.get(..stem.len()).unwrap_or(base).to_string(),
        _ => base.to_string(),
    }
}

/// What import reads from a cell (already trimmed by the reader): the cell without the
/// quote the formula guard put in front ([`unguard`]), trimmed; a tab or carriage return that
/// the quote protected at the start is kept.
fn cell_value(cell: &str) -> &str {
    let text = unguard(cell);
    if text.len() < cell.len() {
        text.trim_end()
    } else {
        text.trim()
    }
}

/// A name as [`cell_value`] will read it back once written: trimmed, except a leading tab or
/// carriage return, which the guard's quote protects.
fn as_read(name: &str) -> &str {
    let name = name.trim_end();
    if name.starts_with(['\t', '\r']) {
        name
    } else {
        name.trim_start()
    }
}

/// The levels of a code cell: [`cell_value`] split at [`HIERARCHY_SEPARATOR`], each level
/// trimmed, except a leading tab or carriage return the guard protected.
fn code_levels(cell: &str) -> Vec<&str> {
    let text = cell_value(cell);
    let protected = text.starts_with(['\t', '\r']);
    text.split(HIERARCHY_SEPARATOR)
        .enumerate()
        .map(|(i, level)| if i == 0 && protected { level.trim_end() } else { level.trim() })
        .collect()
}

/// A CSV reader and its header positions, looked up by lower-case name.
struct Table<'a> {
    file: &'a str,
    reader: csv::Reader<&'a [u8]>,
    columns: BTreeMap<String, usize>,
    header: Vec<String>,
}

impl<'a> Table<'a> {
    fn open(file: &'a str, text: &'a str) -> Result<Table<'a>, CsvError> {
        let mut reader =
            csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| malformed(file, text, &e))?
            .iter()
            .map(|h| unguard(h).to_string())
            .collect();
        let columns = header.iter().enumerate().rev().map(|(i, h)| (h.to_lowercase(), i)).collect(); // the first column of a name wins
        Ok(Table { file, reader, columns, header })
    }

    fn column(&self, name: &'static str) -> Result<usize, CsvError> {
        self.columns
            .get(name)
            .copied()
            .ok_or(CsvError::MissingColumn { file: self.file.to_string(), column: name })
    }
}

fn malformed(file: &str, text: &str, e: &csv::Error) -> CsvError {
    let line = e.position().map(|p| RecordLines::new(text.as_bytes()).of(Some(p)));
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("this row has {len} fields, but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "the file is not UTF-8 text".to_string(),
        _ => e.to_string(),
    };
    CsvError::Malformed { file: file.to_string(), line, message }
}

fn position(file: &str, line: u64, column: &'static str, value: &str) -> Result<usize, CsvError> {
    if value.is_empty() {
        return Err(CsvError::EmptyValue { file: file.to_string(), line, column });
    }
    value.parse::<usize>().map_err(|_| CsvError::BadPosition {
        file: file.to_string(),
        line,
        column,
        value: value.to_string(),
    })
}

/// Inserts `path` into the code tree (creating missing levels) and returns its id.
fn insert_code(roots: &mut Vec<Code>, path: &[&str]) -> String {
    let id = path.join(HIERARCHY_SEPARATOR);
    let mut level = roots;
    for (depth, name) in path.iter().enumerate() {
        let pos = match level.iter().position(|c| c.name == *name) {
            Some(p) => p,
            None => {
                let prefix = path.get(..=depth).unwrap_or(path).join(HIERARCHY_SEPARATOR);
                level.push(Code::leaf(prefix, *name));
                level.len() - 1
            }
        };
        match level.get_mut(pos) {
            Some(code) => level = &mut code.children,
            None => break,
        }
    }
    id
}

/// Reads a project from a codings CSV, text files and an optional sources CSV.
pub fn import_csv(input: &CsvInput<'_>) -> Result<Import, CsvError> {
    let mut notes = Vec::new();
    let mut sources: Vec<Source> = Vec::new();
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    for (name, bytes) in input.texts {
        let text = decode(name, bytes)?;
        let id = source_id_of_file(name);
        if by_id.insert(id.clone(), sources.len()).is_some() {
            return Err(CsvError::DuplicateSource { file: name.clone(), source: id });
        }
        sources.push(Source {
            id: id.clone(),
            name: id,
            description: String::new(),
            text: text.to_string(),
            attributes: BTreeMap::new(),
        });
    }
    let lookup = |by_id: &BTreeMap<String, usize>, key: &str| -> Option<usize> {
        by_id.get(key).or_else(|| by_id.get(&source_id_of_file(key))).copied()
    };

    if let Some((file, bytes)) = input.sources {
        let text = decode(file, bytes)?;
        let mut table = Table::open(file, text)?;
        let src_col = table.column("source")?;
        let attrs: Vec<(usize, String)> = table
            .header
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != src_col)
            .map(|(i, h)| (i, h.clone()))
            .collect();
        let mut seen = BTreeSet::new();
        let mut lines = RecordLines::new(text.as_bytes());
        for rec in table.reader.records() {
            let rec = rec.map_err(|e| malformed(file, text, &e))?;
            let line = lines.of(rec.position());
            let key = cell_value(rec.get(src_col).unwrap_or(""));
            if key.is_empty() {
                return Err(CsvError::EmptyValue {
                    file: file.to_string(),
                    line,
                    column: "source",
                });
            }
            let idx = lookup(&by_id, key).ok_or_else(|| CsvError::UnknownSource {
                file: file.to_string(),
                line,
                source: key.to_string(),
            })?;
            if !seen.insert(idx) {
                return Err(CsvError::DuplicateSource {
                    file: file.to_string(),
                    source: key.to_string(),
                });
            }
            if let Some(s) = sources.get_mut(idx) {
                for (i, name) in &attrs {
                    if let Some(v) = rec.get(*i).map(unguard).filter(|v| !v.is_empty()) {
                        s.attributes.insert(name.clone(), v.to_string());
                    }
                }
            }
        }
        let missing = sources.len() - seen.len();
        if missing > 0 {
            notes.push(ImportNote::NoRow { n: missing, file: file.to_string() });
        }
    }

    let (file, bytes) = input.codings;
    let text = decode(file, bytes)?;
    let mut table = Table::open(file, text)?;
    let cols = [
        table.column("source")?,
        table.column("start")?,
        table.column("end")?,
        table.column("code")?,
        table.column("coder")?,
    ];
    let mut codes: Vec<Code> = Vec::new();
    let mut users: Vec<User> = Vec::new();
    let mut codings = Vec::new();
    let mut lines = RecordLines::new(text.as_bytes());
    for rec in table.reader.records() {
        let rec = rec.map_err(|e| malformed(file, text, &e))?;
        let line = lines.of(rec.position());
        let [source, start, end, code, coder] = cols.map(|i| rec.get(i).unwrap_or(""));
        let (source, coder) = (cell_value(source), cell_value(coder));
        for (value, column) in [(source, "source"), (code, "code"), (coder, "coder")] {
            if value.is_empty() {
                return Err(CsvError::EmptyValue { file: file.to_string(), line, column });
            }
        }
        let idx = lookup(&by_id, source).ok_or_else(|| CsvError::UnknownSource {
            file: file.to_string(),
            line,
            source: source.to_string(),
        })?;
        let (start, end) =
            (position(file, line, "start", start)?, position(file, line, "end", end)?);
        let path = code_levels(code);
        if path.iter().any(|p| p.is_empty()) || path.len() > MAX_CODE_DEPTH {
            return Err(CsvError::BadCodePath {
                file: file.to_string(),
                line,
                code: cell_value(code).to_string(),
            });
        }
        let code_id = insert_code(&mut codes, &path);
        if !users.iter().any(|u| u.id == coder) {
            users.push(User { id: coder.to_string(), name: coder.to_string() });
        }
        let source_id = sources.get(idx).map(|s| s.id.clone()).unwrap_or_default();
        codings.push(Coding {
            source: source_id,
            start,
            end,
            code: code_id,
            coder: coder.to_string(),
            origin: format!("{file} line {line}"),
        });
    }
    let parts = ProjectParts {
        name: file.to_string(),
        description: String::new(),
        users,
        codes,
        sources,
        codings,
        sets: Vec::new(),
    };
    let project = Project::new(parts).map_err(CsvError::Model)?;
    Ok(Import { project, notes })
}

/// `base`, or `base (2)`, `base (3)`, … — the first not yet in `used`.
fn unique(base: String, used: &mut BTreeSet<String>) -> String {
    let mut key = base.clone();
    let mut n = 2;
    while used.contains(&key) {
        key = format!("{base} ({n})");
        n += 1;
    }
    used.insert(key.clone());
    key
}

fn collect_code_keys(codes: &[Code], prefix: &str, out: &mut BTreeMap<String, String>) {
    let mut used = BTreeSet::new();
    for c in codes {
        let name = c.name.replace(HIERARCHY_SEPARATOR, " >");
        // A top level's leading tab stays, as `code_levels` reads it; lower levels are trimmed.
        let name = if prefix.is_empty() { as_read(&name) } else { name.trim() };
        let name = unique(if name.is_empty() { c.id.clone() } else { name.to_string() }, &mut used);
        let key =
            if prefix.is_empty() { name } else { format!("{prefix}{HIERARCHY_SEPARATOR}{name}") };
        out.insert(c.id.clone(), key.clone());
        collect_code_keys(&c.children, &key, out);
    }
}

/// Writes a project as a codings CSV, a sources CSV and one text file per source, through
/// [`CsvWriter`] (RFC 4180 quoting, CRLF line ends, the formula guard on every cell).
///
/// Sources are keyed by name (made safe for a file name — `/` and `\` become `_` — and unique
/// with ` (2)`, …), coders by name, codes by their `" > "`-joined path (a `" > "` inside a
/// name is written `" >"` so it is not read as a level). Names are trimmed as import will
/// read them (a leading tab, which the guard protects, stays).
pub fn export_csv(project: &Project) -> Result<CsvExport, CsvError> {
    let mut used = BTreeSet::new();
    let source_keys: BTreeMap<&str, String> = project
        .sources()
        .iter()
        .map(|s| {
            let safe = s.name.replace(['/', '\\'], "_");
            let safe = as_read(&safe);
            let key = if safe.is_empty() { s.id.clone() } else { safe.to_string() };
            (s.id.as_str(), unique(key, &mut used))
        })
        .collect();
    let mut used = BTreeSet::new();
    let coder_keys: BTreeMap<&str, String> = project
        .users()
        .iter()
        .map(|u| {
            let name = as_read(&u.name);
            let key = if name.is_empty() { u.id.clone() } else { name.to_string() };
            (u.id.as_str(), unique(key, &mut used))
        })
        .collect();
    let mut code_keys = BTreeMap::new();
    collect_code_keys(project.codes(), "", &mut code_keys);

    let mut w = CsvWriter::new();
    w.row(["source", "start", "end", "code", "coder"]);
    for (i, c) in project.codings().iter().enumerate() {
        let missing = || CsvError::Write(format!("{} has no key", describe_coding(i, c)));
        let source = source_keys.get(c.source.as_str()).ok_or_else(missing)?;
        let code = code_keys.get(&c.code).ok_or_else(missing)?;
        let coder = coder_keys.get(c.coder.as_str()).ok_or_else(missing)?;
        w.row([source.as_str(), &c.start.to_string(), &c.end.to_string(), code, coder]);
    }
    let codings_csv = w.finish();

    let mut attrs = project.attribute_names();
    if let Some(keys) = project.detect_cell_keys() {
        attrs.retain(|a| *a != keys.group && *a != keys.time);
        attrs.splice(0..0, [keys.group, keys.time]);
    }
    let mut w = CsvWriter::new();
    w.row(std::iter::once("source").chain(attrs.iter().map(String::as_str)));
    let mut texts = Vec::new();
    for s in project.sources() {
        let key = source_keys.get(s.id.as_str()).cloned().unwrap_or_else(|| s.id.clone());
        let mut row = vec![key.clone()];
        row.extend(attrs.iter().map(|a| s.attributes.get(a).cloned().unwrap_or_default()));
        w.row(&row);
        texts.push((format!("{key}.txt"), s.text.clone()));
    }
    Ok(CsvExport { codings_csv, sources_csv: w.finish(), texts })
}
