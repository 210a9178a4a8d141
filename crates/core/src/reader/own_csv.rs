//! A reader's own two-group study from a CSV file (`#your-data`), and the paper's salaries
//! written in the same format.
//!
//! The format, documented on the page and in the README:
//! - a header row `id,group,t1,t2` (names compared case-insensitively, cells trimmed);
//! - one row per person: any `id`, a `group` label, and numbers in `t1` and `t2`;
//! - exactly two distinct `group` labels; the first in the file is the treatment
//!   ([`crate::study::OwnData`]);
//! - numbers with an optional sign, decimal point and exponent; a thousands comma inside a
//!   quoted cell is read too (`"1,234.50"` is 1234.5); an empty `t1` or `t2` is a missing
//!   value, and the row is left out of the analyses that need it.
//!
//! It is read with the `csv` crate, which accepts what spreadsheets write: a UTF-8
//! byte-order mark, CRLF, LF or CR line ends, and RFC 4180 quoting (a quoted field may hold
//! commas, quotes and line breaks). A row whose cells are all empty (a spreadsheet's blank
//! row) is skipped. Records are placed on their lines by [`RecordLines`], because the
//! crate's own line numbers lag behind CRLF files. A cell the page's own CSV writer guarded against formulas
//! (`'-1,5`) is read without the guard ([`unguard`]).
//!
//! Every error names the line (the header is line 1) and, where it is about one cell, the
//! column, and is worded in both UI languages ([`OwnCsvError::message`]). Files over
//! [`MAX_BYTES`] or [`MAX_ROWS`] data rows are refused whole; nothing here panics on any
//! input (`fuzz/fuzz_targets/own_csv.rs`).

use crate::reader::permalink::display_safe;
use crate::study::{Group, GroupNames, Measure, OwnData, OwnRow, Study};
use crate::text::csv::{unguard, CsvWriter, RecordLines};
use crate::text::i18n::{fill, Lang};
use std::fmt;

/// The header the file must start with.
pub const HEADER: [&str; 4] = ["id", "group", "t1", "t2"];
/// Most data rows read (the header not counted).
pub const MAX_ROWS: usize = 100_000;
/// Largest file read, in bytes (20 MB).
pub const MAX_BYTES: usize = 20_000_000;
/// Largest magnitude of a value.
pub const MAX_MAGNITUDE: f64 = 1e15;

/// Why a file was not read, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnCsvError {
    /// 1-based line (the header is line 1); 0 for the file as a whole.
    pub line: u64,
    /// 1-based column, when the problem is one cell.
    pub column: Option<usize>,
    pub kind: OwnCsvErrorKind,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnCsvErrorKind {
    /// The file has no bytes, or only blank lines.
    Empty,
    /// The file is larger than [`MAX_BYTES`].
    TooLarge { bytes: usize },
    /// More than [`MAX_ROWS`] data rows.
    TooManyRows,
    /// The header is not `id,group,t1,t2`; `found` is the cell in that column.
    Header { found: String },
    /// A row has a different number of cells from the header.
    Width { found: usize },
    /// A cell is not UTF-8 text.
    NotText,
    /// The quoting cannot be read.
    Syntax,
    /// An empty `group` cell.
    NoGroup,
    /// A third group label.
    ThirdGroup { names: [String; 2], found: String },
    /// Every row has the same group.
    OneGroup { name: String },
    /// A `t1` or `t2` cell that is not a number (or is too large).
    NotANumber { found: String },
    /// A header and no data row.
    NoRows,
}

impl OwnCsvError {
    fn at(line: u64, column: Option<usize>, kind: OwnCsvErrorKind) -> OwnCsvError {
        OwnCsvError { line, column, kind }
    }

    /// The message in a UI language: where, then what.
    pub fn message(&self, lang: Lang) -> String {
        let t = lang.strings();
        use OwnCsvErrorKind as K;
        let what = match &self.kind {
            K::Empty => t.own_err_empty.to_string(),
            K::TooLarge { bytes } => fill(
                t.own_err_too_large,
                &[("mb", &format!("{:.1}", *bytes as f64 / 1e6)), ("max", "20")],
            ),
            K::TooManyRows => fill(t.own_err_too_many_rows, &[("max", "100,000")]),
            K::Header { found } => fill(
                t.own_err_header,
                &[("found", &display_safe(found)), ("header", &HEADER.join(","))],
            ),
            K::Width { found } => fill(t.own_err_width, &[("found", &found.to_string())]),
            K::NotText => t.own_err_not_text.to_string(),
            K::Syntax => t.own_err_syntax.to_string(),
            K::NoGroup => t.own_err_no_group.to_string(),
            K::ThirdGroup { names, found } => fill(
                t.own_err_third_group,
                &[
                    ("found", &display_safe(found)),
                    ("a", &display_safe(&names[0])),
                    ("b", &display_safe(&names[1])),
                ],
            ),
            K::OneGroup { name } => fill(t.own_err_one_group, &[("name", &display_safe(name))]),
            K::NotANumber { found } => fill(t.own_err_number, &[("found", &display_safe(found))]),
            K::NoRows => t.own_err_no_rows.to_string(),
        };
        let line = self.line.to_string();
        match (self.line, self.column) {
            (0, _) => what,
            (_, Some(c)) => {
                let name = HEADER.get(c - 1).copied().unwrap_or("");
                let col = if name.is_empty() { c.to_string() } else { format!("{c} ({name})") };
                fill(t.own_err_at_cell, &[("line", &line), ("column", &col), ("what", &what)])
            }
            (_, None) => fill(t.own_err_at_line, &[("line", &line), ("what", &what)]),
        }
    }
}

impl fmt::Display for OwnCsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for OwnCsvError {}

/// Reads a reader's file. `file` is its name, kept for banners and exports.
pub fn read_own_csv(file: &str, bytes: &[u8]) -> Result<OwnData, OwnCsvError> {
    use OwnCsvErrorKind as K;
    if bytes.len() > MAX_BYTES {
        return Err(OwnCsvError::at(0, None, K::TooLarge { bytes: bytes.len() }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut lines = RecordLines::new(bytes);
    let mut header = None;
    let mut names: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    // String records, as the workshop's reader reads them (one copy of the reader's code
    // in the wasm); a cell that is not UTF-8 is an error naming its column.
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = lines.of(e.position());
                return Err(match e.kind() {
                    csv::ErrorKind::Utf8 { err, .. } => {
                        OwnCsvError::at(line, Some(err.field() + 1), K::NotText)
                    }
                    _ => OwnCsvError::at(line, None, K::Syntax),
                });
            }
        };
        let at = lines.of(record.position());
        let cells: Vec<&str> = record.iter().map(|c| unguard(c.trim())).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if header.is_none() {
            check_header(&cells, at)?;
            header = Some(at);
            continue;
        }
        if cells.len() != HEADER.len() {
            return Err(OwnCsvError::at(at, None, K::Width { found: cells.len() }));
        }
        if rows.len() == MAX_ROWS {
            return Err(OwnCsvError::at(at, None, K::TooManyRows));
        }
        let label = cells[1];
        if label.is_empty() {
            return Err(OwnCsvError::at(at, Some(2), K::NoGroup));
        }
        let group = match names.iter().position(|n| n == label) {
            Some(0) => Group::Service,
            Some(_) => Group::Development,
            None if names.len() < 2 => {
                names.push(label.to_string());
                if names.len() == 1 {
                    Group::Service
                } else {
                    Group::Development
                }
            }
            None => {
                let names = [names[0].clone(), names[1].clone()];
                let found = label.to_string();
                return Err(OwnCsvError::at(at, Some(2), K::ThirdGroup { names, found }));
            }
        };
        let value = |column: usize| -> Result<Option<f64>, OwnCsvError> {
            let cell = cells[column - 1];
            if cell.is_empty() {
                return Ok(None);
            }
            parse_number(cell).map(Some).ok_or_else(|| {
                OwnCsvError::at(at, Some(column), K::NotANumber { found: cell.to_string() })
            })
        };
        let (t1, t2) = (value(3)?, value(4)?);
        rows.push(OwnRow { id: cells[0].to_string(), group, t1, t2, line: at });
    }
    let Some(header_line) = header else {
        return Err(OwnCsvError::at(0, None, K::Empty));
    };
    match names.as_slice() {
        [] => Err(OwnCsvError::at(header_line, None, K::NoRows)),
        [one] => {
            let first = rows.first().map_or(header_line, |r: &OwnRow| r.line);
            Err(OwnCsvError::at(first, Some(2), K::OneGroup { name: one.clone() }))
        }
        [a, b, ..] => Ok(OwnData {
            file: file.to_string(),
            names: GroupNames::new(a.clone(), b.clone()),
            rows,
        }),
    }
}

fn check_header(cells: &[&str], line: u64) -> Result<(), OwnCsvError> {
    for (i, want) in HEADER.iter().enumerate() {
        let found = cells.get(i).copied().unwrap_or("");
        if !found.eq_ignore_ascii_case(want) {
            let kind = OwnCsvErrorKind::Header { found: found.to_string() };
            return Err(OwnCsvError::at(line, Some(i + 1), kind));
        }
    }
    if cells.len() > HEADER.len() {
        let kind = OwnCsvErrorKind::Header { found: cells[HEADER.len()].to_string() };
        return Err(OwnCsvError::at(line, Some(HEADER.len() + 1), kind));
    }
    Ok(())
}

/// A number cell: an optional sign, digits with an optional decimal part and exponent;
/// commas between groups of three digits before the point are thousands separators.
/// `None` for anything else, and for magnitudes above [`MAX_MAGNITUDE`].
pub fn parse_number(cell: &str) -> Option<f64> {
    let plain: String = if cell.contains(',') {
        let (int, rest) = cell.split_at(cell.find(['.', 'e', 'E']).unwrap_or(cell.len()));
        let digits = int.trim_start_matches(['+', '-']);
        let mut groups = digits.split(',');
        let first = groups.next().unwrap_or("");
        let grouped = (1..=3).contains(&first.len())
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        if !grouped || rest.contains(',') {
            return None;
        }
        format!("{}{rest}", int.replace(',', ""))
    } else {
        cell.to_string()
    };
    let ok =
        plain.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
            && plain.bytes().any(|b| b.is_ascii_digit());
    let v: f64 = if ok { plain.parse().ok()? } else { return None };
    (v.is_finite() && v.abs() <= MAX_MAGNITUDE).then_some(v)
}

/// The paper's quarterly salaries (Table 8) in this format: T2 as printed, that is,
/// already discounted to 2016 terms (footnote 3). Imported with factor 1, it gives the
/// paper's quarterly test. Values are written in Rust's shortest round-trip form, so every
/// cent comes back exactly.
pub fn paper_csv(study: &Study) -> String {
    let mut w = CsvWriter::new();
    w.row(HEADER);
    for r in &study.table(Measure::Quarterly).rows {
        let (t1, t2) = (r.t1.to_string(), r.t2_printed.to_string());
        w.row([r.informant.as_str(), r.group.label(), &t1, &t2]);
    }
    w.finish()
}
