//! The one CSV writer: every CSV the page offers (the salary table, the test results, the
//! Workshop's codings and sources) is written by [`CsvWriter`], which quotes as RFC 4180 asks
//! and guards every cell against spreadsheet formulas ([`guard`]). [`unguard`] is the exact
//! inverse of the guard, for reading such a file back. [`RecordLines`] gives the line of a
//! record the `csv` crate has read.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
/// return, that hide one behind a blank), as OWASP lists them.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Writes CSV text: RFC 4180 quoting (a cell with a comma, a double quote or a line break is
/// put in double quotes, a double quote inside doubled), CRLF line ends, and [`guard`] on
/// every cell. Rows may differ in length.
///
/// ```
/// use study_core::text::csv::CsvWriter;
/// let mut w = CsvWriter::new();
/// w.row(["code", "n"]);
/// w.row(["=HYPERLINK(\"x\")", "-1,854.93"]);
/// assert_eq!(w.finish(), "code,n\r\n\"'=HYPERLINK(\"\"x\"\")\",\"-1,854.93\"\r\n");
/// ```
#[derive(Debug)]
pub struct CsvWriter {
    out: ::csv::Writer<Vec<u8>>,
}

impl Default for CsvWriter {
    fn default() -> CsvWriter {
        CsvWriter::new()
    }
}

impl CsvWriter {
    /// An empty document.
    pub fn new() -> CsvWriter {
        let out = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(Vec::new());
        CsvWriter { out }
    }

    /// Appends one row, each cell guarded ([`guard`]) and quoted where needed.
    pub fn row<I>(&mut self, cells: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let written =
            self.out.write_record(cells.into_iter().map(|c| guard(c.as_ref()).into_owned()));
        // Into a `Vec`, with rows of any length (`flexible`), the csv crate has nothing to
        // refuse: its only errors are I/O errors and rows of unequal length.
        debug_assert!(written.is_ok(), "writing CSV into memory failed: {written:?}");
    }

    /// The CSV text written so far.
    pub fn finish(self) -> String {
        // Flushing into a `Vec` cannot fail, and every byte written came from a `&str` or is
        // ASCII punctuation, so the text is UTF-8: neither fallback is ever taken.
        let bytes = self.out.into_inner().unwrap_or_default();
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// Whether a spreadsheet would read `cell` as a formula, looking past any single quotes in
/// front: after its leading `'`s, the cell starts with one of [`FORMULA_TRIGGERS`] and is not
/// a number ([`is_number`]).
pub fn is_formula_like(cell: &str) -> bool {
    let rest = cell.trim_start_matches('\'');
    rest.starts_with(FORMULA_TRIGGERS) && !is_number(rest)
}

/// A number as the page writes one: an optional sign, digits (plain, or grouped in threes by
/// commas) and optional decimals: `-12.5`, `+3`, `-1,854.93`, `-.5`. Exponents, `inf` and
/// `NaN` are not numbers here, so they are guarded like text.
pub fn is_number(cell: &str) -> bool {
    let body = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let int_ok = if int.contains(',') {
        let mut groups = int.split(',');
        let first = groups.next().unwrap_or("");
        digits(first) && first.len() <= 3 && groups.all(|g| g.len() == 3 && digits(g))
    } else {
        digits(int) || (int.is_empty() && frac.is_some())
    };
    int_ok && frac.is_none_or(digits)
}

/// The spreadsheet formula guard, applied by [`CsvWriter`] to every cell.
///
/// # The rule
///
/// A cell is *formula-like* ([`is_formula_like`]) when, after any single quotes (`'`) it
/// starts with, it starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// ([`FORMULA_TRIGGERS`]), unless what follows the quotes is a number ([`is_number`]: `-12.5`,
/// `-1,854.93`). A formula-like cell gets one `'` in front; every other cell is written as it
/// is. This is the neutralisation OWASP recommends in "CSV Injection"
/// (<https://owasp.org/www-community/attacks/CSV_Injection>): a spreadsheet reads a cell that
/// starts with `'` as text, so `=HYPERLINK(…)` or `+cmd|x` shows as written and never runs.
///
/// Counting the quotes already in front is what makes the guard reversible: [`unguard`]
/// removes one `'` exactly when what follows it is formula-like, so a cell the guard left
/// alone is never changed, and a name that really starts with `'=` (guarded as `''=`) comes
/// back with its quote. `unguard(&guard(s)) == s` for every `s`, and no guarded cell starts
/// with a trigger unless it is a number.
///
/// ```
/// use study_core::text::csv::{guard, unguard};
/// assert_eq!(guard("=SUM(A1)"), "'=SUM(A1)");
/// assert_eq!(guard("-1,854.93"), "-1,854.93");
/// assert_eq!(guard("'=x"), "''=x");
/// assert_eq!(guard("'quoted"), "'quoted");
/// assert_eq!(unguard("''=x"), "'=x");
/// assert_eq!(unguard("'quoted"), "'quoted");
/// ```
pub fn guard(cell: &str) -> Cow<'_, str> {
    if is_formula_like(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it was before [`guard`]: without its first `'` when what follows that quote
/// is formula-like, otherwise unchanged. Importers of the page's own CSVs read every cell
/// through it.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if is_formula_like(rest) => rest,
        _ => cell,
    }
}

/// Line numbers (1-based) of the records of one CSV text, counted forward from each record's
/// byte offset. The csv crate's own `Position::line` is one short for a record after a CRLF
/// line end (rust-csv issue #395: it counts a line at the `\n`, which it reads as the start of
/// the next record) and for a record after a blank line, so files saved by Windows
/// spreadsheets were reported a line early. Both CSV readers (the workshop's and a
/// reader's own data) place their records with it.
pub struct RecordLines<'a> {
    text: &'a [u8],
    /// Bytes counted so far, and the line at that offset.
    at: usize,
    line: u64,
}

impl<'a> RecordLines<'a> {
    pub fn new(text: &'a [u8]) -> RecordLines<'a> {
        RecordLines { text, at: 0, line: 1 }
    }

    /// The line a record starting at `pos` is on: past any line ends at `pos` (a record never
    /// starts with one), counting `\r\n`, `\n` and a lone `\r` as one line end each.
    pub fn of(&mut self, pos: Option<&csv::Position>) -> u64 {
        let Some(pos) = pos else { return 0 };
        let mut start = usize::try_from(pos.byte()).unwrap_or(usize::MAX).min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.at {
            (self.at, self.line) = (0, 1);
        }
        for i in self.at..start {
            let ends_line = match self.text.get(i) {
                Some(b'\n') => true,
                Some(b'\r') => self.text.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            self.line += u64::from(ends_line);
        }
        self.at = start;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[&str]) -> String {
        let mut w = CsvWriter::new();
        w.row(cells);
        w.finish()
    }

    #[test]
    fn quotes_and_neutralises_formulas() {
        assert_eq!(
            line(&["a,b", "say \"hi\"", "=SUM(A1)", "-12.5"]),
            "\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),-12.5\r\n"
        );
        assert_eq!(line(&["-1,854.93", "-cmd"]), "\"-1,854.93\",'-cmd\r\n");
        assert_eq!(
            line(&["+cmd|x", "@x", "\tx", "\rx", "line\nbreak"]),
            "'+cmd|x,'@x,'\tx,\"'\rx\",\"line\nbreak\"\r\n"
        );
        // A row of one empty cell is written `""`, so it reads back as a cell, not a blank line.
        assert_eq!(line(&[""]), "\"\"\r\n");
        let mut w = CsvWriter::new();
        w.row(["a", "b", "c"]);
        w.row(["d"]);
        assert_eq!(w.finish(), "a,b,c\r\nd\r\n", "rows may differ in length");
    }

    #[test]
    fn numbers_stay_numbers() {
        for n in ["-12.5", "-1,854.93", "+3", "-0.50", "-1234567.00", "-12,345,678.90", "-.5", "7"]
        {
            assert!(is_number(n), "{n}");
            assert_eq!(guard(n), n);
        }
        for text in [
            "-", "-inf", "-NaN", "-1e5", "-1,2,3", "-1,23", "-12.", "--1", "-1.2.3", "-1 ", "- 1",
            "-,123",
        ] {
            assert!(!is_number(text), "{text}");
            assert_eq!(guard(text), format!("'{text}"));
        }
    }

    #[test]
    fn the_guard_is_reversible_and_leaves_no_formula() {
        let cells = [
            "", "'", "''", "plain", "'plain", "=x", "'=x", "''=x", "'''@x", "+cmd|x", "-x",
            "-12.5", "'-12.5", "@x", "\tx", "'\tx", "\rx", "x=1", " =x", "=", "'-", "−5",
        ];
        for c in cells {
            let g = guard(c);
            assert_eq!(unguard(&g), c, "{c:?} → {g:?}");
            assert!(!g.starts_with(FORMULA_TRIGGERS) || is_number(&g), "{c:?} → {g:?}");
        }
        assert_eq!(unguard("'hello"), "'hello", "a quote the guard did not add stays");
        assert_eq!(unguard("'-12.5"), "'-12.5");
    }
}
