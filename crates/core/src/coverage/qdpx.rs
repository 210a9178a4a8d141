//! REFI-QDA project exchange (`.qdpx`, QDA-XML 1.0, namespace `urn:QDA-XML:project:1.0`):
//! read a project from the bytes of a `.qdpx` archive ([`super::qdpx_write`] writes one).
//!
//! A `.qdpx` is a zip holding one `.qde` XML file (any name) and a `Sources` folder (any case)
//! with the plain-text files that `plainTextPath="internal://<file>"` names. What is read:
//! - `Project/@name`, `Project/Description`;
//! - `Users/User` (`guid`, `name`) — the coders;
//! - `CodeBook/Codes/Code`, nested (`guid`, `name`);
//! - `Variables/Variable` (`guid`, `name`) and `Cases/Case` with `VariableValue`
//!   (`VariableRef/@targetGUID` + `TextValue` or any other `…Value`) and `SourceRef/@targetGUID`:
//!   each case gives its variable values to the sources it references; a `VariableValue`
//!   directly inside a `TextSource` does the same for that source. A source that gets two
//!   different values for one variable is an error;
//! - `Sources/TextSource` (`guid`, `name`, `Description`, inline `PlainTextContent` or
//!   `plainTextPath`), its `PlainTextSelection`s (`startPosition`, `endPosition`, half-open, in
//!   Unicode code points) with `Coding` (`creatingUser`, falling back to the selection's) and
//!   `CodeRef/@targetGUID`; a `Coding` directly inside a `TextSource` codes the whole source.
//!
//! Not read: picture, PDF, audio and video sources (counted in [`Import::notes`]), notes, sets,
//! links, graphs. Elements are matched by local name, so a namespace prefix does not matter.
//!
//! Tolerated: any `.qde` file name; a UTF-8 byte-order mark at the start of the XML or of a text
//! file (stripped); CRLF line endings, which are **kept**: positions count the text as stored,
//! so a CRLF is two characters, as in the tools that write REFI-QDA. Inline `PlainTextContent`
//! is likewise taken as it appears in the file (no XML end-of-line normalisation).
//!
//! Refused with a [`QdpxError`] naming the file, element and line: malformed XML, no `.qde`,
//! a missing `Sources` folder or text file, a text outside the archive (`relative://`,
//! `absolute://`), references to unknown codes, users, sources or variables, positions that are
//! not whole numbers ≥ 0, positions past the end of the text, and archives over the
//! [`QdpxLimits`] ([`QDPX_LIMITS`]: compressed size, each entry's and the total uncompressed
//! size actually read — a zip bomb stops at the limit, whatever its headers claim).

use super::project::{
    kind_name, Code, Coding, Import, ImportNote, ModelError, Project, ProjectParts, Source, User,
    MAX_CODE_DEPTH,
};
use crate::text::i18n::{fill, Strings, EN};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::{Cursor, Read};

/// The REFI-QDA project namespace.
pub const QDA_NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// Size limits on an archive, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QdpxLimits {
    /// The `.qdpx` file itself.
    pub archive_bytes: u64,
    /// Any one entry read from it (the `.qde` or a text file), uncompressed.
    pub entry_bytes: u64,
    /// All entries read, uncompressed, together.
    pub total_bytes: u64,
}

/// The limits [`import_qdpx`] applies: 100 MiB archive, 64 MiB per entry, 256 MiB in all.
/// The study's 44 transcripts (352,379 Chinese words) are a few MiB of text.
pub const QDPX_LIMITS: QdpxLimits =
    QdpxLimits { archive_bytes: 100 << 20, entry_bytes: 64 << 20, total_bytes: 256 << 20 };

fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes >> 20)
}

/// Why a `.qdpx` could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QdpxError {
    ArchiveTooLarge {
        size: u64,
        limit: u64,
    },
    EntryTooLarge {
        file: String,
        limit: u64,
    },
    TotalTooLarge {
        limit: u64,
    },
    /// Not a zip archive, or a damaged one.
    NotAZip(String),
    /// An entry could not be decompressed.
    Unreadable {
        file: String,
        message: String,
    },
    /// No `.qde` file in the archive.
    NoProjectFile,
    /// More than one `.qde` file.
    SeveralProjectFiles(Vec<String>),
    NotUtf8 {
        file: String,
        line: usize,
    },
    /// The XML is not well-formed.
    Xml {
        file: String,
        line: usize,
        message: String,
    },
    /// The root element is not `Project`.
    NotAProject {
        file: String,
        root: String,
    },
    MissingAttribute {
        file: String,
        line: usize,
        element: &'static str,
        attribute: &'static str,
    },
    MissingChild {
        file: String,
        line: usize,
        element: &'static str,
        child: &'static str,
    },
    /// A position is not a whole number ≥ 0.
    BadPosition {
        file: String,
        line: usize,
        selection: String,
        attribute: &'static str,
        value: String,
    },
    /// A source's text lives in the archive, but the archive has no `Sources` folder.
    NoSourcesFolder {
        source: String,
        path: String,
    },
    /// The `Sources` folder lacks a text file a source names.
    MissingTextFile {
        source: String,
        path: String,
    },
    /// A source's text is outside the archive (`relative://`, `absolute://`).
    ExternalText {
        source: String,
        path: String,
    },
    /// A `TextSource` has neither `PlainTextContent` nor `plainTextPath`.
    NoText {
        source: String,
        file: String,
        line: usize,
    },
    /// A GUID reference to nothing.
    UnknownReference {
        kind: &'static str,
        guid: String,
        file: String,
        line: usize,
        element: &'static str,
    },
    /// A source gets two different values for one variable.
    ConflictingValue {
        source: String,
        variable: String,
        first: String,
        second: String,
    },
    CodeTreeTooDeep {
        file: String,
        line: usize,
    },
    /// The project is inconsistent (for example a selection past the end of its text).
    Model(ModelError),
    /// Writing an archive failed.
    Write(String),
}

impl QdpxError {
    /// The message in the UI language (`Display` gives the English one).
    pub fn message(&self, t: &Strings) -> String {
        use QdpxError::*;
        let at = |file: &str, line: &usize, message: &str| {
            fill(t.c_at_line, &[("file", file), ("line", &line.to_string()), ("message", message)])
        };
        match self {
            ArchiveTooLarge { size, limit } => fill(
                t.c_err_archive_too_large,
                &[("size", &size.to_string()), ("limit", &mib(*limit))],
            ),
            EntryTooLarge { file, limit } => {
                fill(t.c_err_entry_too_large, &[("file", file), ("limit", &mib(*limit))])
            }
            TotalTooLarge { limit } => fill(t.c_err_total_too_large, &[("limit", &mib(*limit))]),
            NotAZip(m) => fill(t.c_err_not_zip, &[("error", m)]),
            Unreadable { file, message } => {
                fill(t.c_err_unreadable, &[("file", file), ("error", message)])
            }
            NoProjectFile => t.c_err_no_project_file.to_string(),
            SeveralProjectFiles(names) => {
                fill(t.c_err_several_project_files, &[("names", &names.join(", "))])
            }
            NotUtf8 { file, line } => at(file, line, t.c_err_not_utf8_qdpx),
            Xml { file, line, message } => {
                at(file, line, &fill(t.c_err_xml, &[("error", message)]))
            }
            NotAProject { file, root } => fill(
                t.c_in_file,
                &[("file", file), ("message", &fill(t.c_err_not_a_project, &[("root", root)]))],
            ),
            MissingAttribute { file, line, element, attribute } => at(
                file,
                line,
                &fill(t.c_err_missing_attribute, &[("element", element), ("attribute", attribute)]),
            ),
            MissingChild { file, line, element, child } => at(
                file,
                line,
                &fill(t.c_err_missing_child, &[("element", element), ("child", child)]),
            ),
            BadPosition { file, line, selection, attribute, value } => at(
                file,
                line,
                &fill(
                    t.c_err_bad_selection,
                    &[("selection", selection), ("attribute", attribute), ("value", value)],
                ),
            ),
            NoSourcesFolder { source, path } => {
                fill(t.c_err_no_sources_folder, &[("source", source), ("path", path)])
            }
            MissingTextFile { source, path } => {
                fill(t.c_err_missing_text_file, &[("source", source), ("path", path)])
            }
            ExternalText { source, path } => {
                fill(t.c_err_external_text, &[("source", source), ("path", path)])
            }
            NoText { source, file, line } => {
                at(file, line, &fill(t.c_err_no_text, &[("source", source)]))
            }
            UnknownReference { kind, guid, file, line, element } => at(
                file,
                line,
                &fill(
                    t.c_err_unknown_reference,
                    &[("element", element), ("kind", kind_name(kind, t)), ("guid", guid)],
                ),
            ),
            ConflictingValue { source, variable, first, second } => fill(
                t.c_err_conflicting_value,
                &[("source", source), ("variable", variable), ("first", first), ("second", second)],
            ),
            CodeTreeTooDeep { file, line } => at(
                file,
                line,
                &fill(t.c_err_nested_too_deep, &[("limit", &MAX_CODE_DEPTH.to_string())]),
            ),
            Model(e) => e.message(t),
            Write(m) => fill(t.c_err_write_qdpx, &[("error", m)]),
        }
    }
}

impl fmt::Display for QdpxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

impl std::error::Error for QdpxError {}

// ---------------------------------------------------------------------------------------------
// Reading the XML

/// Byte offset → 1-based line, for increasing offsets (restarts if one goes back).
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines { bytes: text.as_bytes(), pos: 0, line: 1 }
    }

    fn at(&mut self, offset: u64) -> usize {
        let off = usize::try_from(offset).unwrap_or(usize::MAX).min(self.bytes.len());
        if off < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        self.line +=
            self.bytes.get(self.pos..off).unwrap_or(&[]).iter().filter(|&&b| b == b'\n').count();
        self.pos = off;
        self.line
    }
}

#[derive(Debug, Default)]
struct RawValue {
    variable: Option<(String, usize)>,
    value: String,
}

#[derive(Debug, Default)]
struct RawCase {
    values: Vec<((String, usize), String)>,
    sources: Vec<(String, usize)>,
}

#[derive(Debug)]
struct RawCoding {
    user: Option<String>,
    code: Option<String>,
    line: usize,
}

#[derive(Debug)]
struct RawSelection {
    start: usize,
    end: usize,
    user: Option<String>,
    line: usize,
    codings: Vec<RawCoding>,
}

#[derive(Debug)]
struct RawSource {
    guid: String,
    name: String,
    line: usize,
    description: String,
    inline: Option<String>,
    path: Option<String>,
    selections: Vec<RawSelection>,
    whole: Vec<RawCoding>,
    values: Vec<((String, usize), String)>,
}

/// Where captured text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    ProjectDescription,
    SourceDescription,
    PlainText,
    Value,
}

struct Parser<'a> {
    file: &'a str,
    stack: Vec<String>,
    root_seen: bool,
    name: String,
    description: String,
    users: Vec<User>,
    roots: Vec<Code>,
    open_codes: Vec<Code>,
    variables: BTreeMap<String, String>,
    cases: Vec<RawCase>,
    case: Option<RawCase>,
    value: Option<RawValue>,
    sources: Vec<RawSource>,
    source: Option<RawSource>,
    selection: Option<RawSelection>,
    coding: Option<RawCoding>,
    capture: Option<(Capture, usize, String)>,
    skipped_sources: BTreeMap<String, usize>,
    notes: Vec<ImportNote>,
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Parser<'a> {
    fn new(file: &'a str) -> Self {
        Parser {
            file,
            stack: Vec::new(),
            root_seen: false,
            name: String::new(),
            description: String::new(),
            users: Vec::new(),
            roots: Vec::new(),
            open_codes: Vec::new(),
            variables: BTreeMap::new(),
            cases: Vec::new(),
            case: None,
            value: None,
            sources: Vec::new(),
            source: None,
            selection: None,
            coding: None,
            capture: None,
            skipped_sources: BTreeMap::new(),
            notes: Vec::new(),
        }
    }

    fn xml_err(&self, line: usize, message: impl Into<String>) -> QdpxError {
        QdpxError::Xml { file: self.file.to_string(), line, message: message.into() }
    }

    /// The element's attributes by local name, values unescaped.
    fn attrs(
        &self,
        e: &BytesStart<'_>,
        line: usize,
    ) -> Result<BTreeMap<String, String>, QdpxError> {
        let mut out = BTreeMap::new();
        for a in e.attributes() {
            let a = a.map_err(|err| self.xml_err(line, err.to_string()))?;
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| self.xml_err(line, err.to_string()))?;
            out.insert(local(a.key.as_ref()).to_string(), value.into_owned());
        }
        Ok(out)
    }

    fn required(
        &self,
        attrs: &BTreeMap<String, String>,
        line: usize,
        element: &'static str,
        attribute: &'static str,
    ) -> Result<String, QdpxError> {
        attrs.get(attribute).map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).ok_or(
            QdpxError::MissingAttribute { file: self.file.to_string(), line, element, attribute },
        )
    }

    fn position(
        &self,
        attrs: &BTreeMap<String, String>,
        line: usize,
        selection: &str,
        attribute: &'static str,
    ) -> Result<usize, QdpxError> {
        let raw = self.required(attrs, line, "PlainTextSelection", attribute)?;
        raw.parse::<usize>().map_err(|_| QdpxError::BadPosition {
            file: self.file.to_string(),
            line,
            selection: selection.to_string(),
            attribute,
            value: raw.clone(),
        })
    }

    fn path_is(&self, path: &[&str]) -> bool {
        self.stack.len() == path.len() && self.stack.iter().zip(path).all(|(a, b)| a == b)
    }

    fn ends_with(&self, tail: &[&str]) -> bool {
        self.stack.len() >= tail.len()
            && self.stack.iter().rev().zip(tail.iter().rev()).all(|(a, b)| a == b)
    }

    fn in_codebook(&self) -> bool {
        self.stack.len() >= 3
            && self.stack.get(..3).is_some_and(|p| p == ["Project", "CodeBook", "Codes"])
            && self.stack.iter().skip(3).all(|s| s == "Code")
    }

    fn in_source(&self) -> bool {
        self.stack.get(..3).is_some_and(|p| p == ["Project", "Sources", "TextSource"])
    }

    fn start_capture(&mut self, what: Capture) {
        self.capture = Some((what, self.stack.len() + 1, String::new()));
    }

    fn text(&mut self, s: &str) {
        if let Some((_, depth, buf)) = self.capture.as_mut() {
            if *depth == self.stack.len() {
                buf.push_str(s);
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, line: usize) -> Result<(), QdpxError> {
        let qname = e.name();
        let name = local(qname.as_ref()).to_string();
        if !self.root_seen {
            self.root_seen = true;
            if name != "Project" {
                return Err(QdpxError::NotAProject { file: self.file.to_string(), root: name });
            }
            let attrs = self.attrs(e, line)?;
            self.name = attrs.get("name").cloned().unwrap_or_default();
            if let Some(ns) = attrs.get("xmlns").filter(|ns| ns.as_str() != QDA_NAMESPACE) {
                self.notes.push(ImportNote::Namespace {
                    ns: ns.clone(),
                    expected: QDA_NAMESPACE.to_string(),
                });
            }
            return Ok(());
        }
        let n = name.as_str();
        if self.path_is(&["Project", "Users"]) && n == "User" {
            let a = self.attrs(e, line)?;
            let guid = self.required(&a, line, "User", "guid")?;
            let name =
                a.get("name").or_else(|| a.get("id")).cloned().unwrap_or_else(|| guid.clone());
            self.users.push(User { id: guid, name });
        } else if n == "Code" && self.in_codebook() {
            if self.open_codes.len() >= MAX_CODE_DEPTH {
                return Err(QdpxError::CodeTreeTooDeep { file: self.file.to_string(), line });
            }
            let a = self.attrs(e, line)?;
            let guid = self.required(&a, line, "Code", "guid")?;
            let name = self.required(&a, line, "Code", "name")?;
            self.open_codes.push(Code::leaf(guid, name));
        } else if self.path_is(&["Project", "Variables"]) && n == "Variable" {
            let a = self.attrs(e, line)?;
            let guid = self.required(&a, line, "Variable", "guid")?;
            let name = self.required(&a, line, "Variable", "name")?;
            self.variables.insert(guid, name);
        } else if self.path_is(&["Project", "Cases"]) && n == "Case" {
            let a = self.attrs(e, line)?;
            self.required(&a, line, "Case", "guid")?;
            self.case = Some(RawCase::default());
        } else if self.path_is(&["Project", "Cases", "Case"]) && n == "SourceRef" {
            let a = self.attrs(e, line)?;
            let target = self.required(&a, line, "SourceRef", "targetGUID")?;
            if let Some(c) = self.case.as_mut() {
                c.sources.push((target, line));
            }
        } else if n == "VariableValue"
            && (self.path_is(&["Project", "Cases", "Case"])
                || self.path_is(&["Project", "Sources", "TextSource"]))
        {
            self.value = Some(RawValue::default());
        } else if self.ends_with(&["VariableValue"]) && self.value.is_some() {
            if n == "VariableRef" {
                let a = self.attrs(e, line)?;
                let target = self.required(&a, line, "VariableRef", "targetGUID")?;
                if let Some(v) = self.value.as_mut() {
                    v.variable = Some((target, line));
                }
            } else if n.ends_with("Value") {
                self.start_capture(Capture::Value);
            }
        } else if self.path_is(&["Project", "Sources"]) {
            if n == "TextSource" {
                let a = self.attrs(e, line)?;
                let guid = self.required(&a, line, "TextSource", "guid")?;
                self.source = Some(RawSource {
                    name: a
                        .get("name")
                        .cloned()
                        .filter(|s| !s.trim().is_empty())
                        .unwrap_or_else(|| guid.clone()),
                    guid,
                    line,
                    description: String::new(),
                    inline: None,
                    path: a
                        .get("plainTextPath")
                        .map(|p| p.trim().to_string())
                        .filter(|p| !p.is_empty()),
                    selections: Vec::new(),
                    whole: Vec::new(),
                    values: Vec::new(),
                });
            } else {
                *self.skipped_sources.entry(n.to_string()).or_insert(0) += 1;
            }
        } else if self.path_is(&["Project", "Sources", "TextSource"]) {
            match n {
                "Description" => self.start_capture(Capture::SourceDescription),
                "PlainTextContent" => self.start_capture(Capture::PlainText),
                "PlainTextSelection" => {
                    let a = self.attrs(e, line)?;
                    let guid = self.required(&a, line, "PlainTextSelection", "guid")?;
                    let start = self.position(&a, line, &guid, "startPosition")?;
                    let end = self.position(&a, line, &guid, "endPosition")?;
                    self.selection = Some(RawSelection {
                        start,
                        end,
                        user: a.get("creatingUser").cloned(),
                        line,
                        codings: Vec::new(),
                    });
                }
                "Coding" => {
                    let a = self.attrs(e, line)?;
                    self.coding =
                        Some(RawCoding { user: a.get("creatingUser").cloned(), code: None, line });
                }
                _ => {}
            }
        } else if self.in_source()
            && n == "Coding"
            && self.ends_with(&["PlainTextSelection"])
            && self.stack.len() == 4
        {
            let a = self.attrs(e, line)?;
            self.coding =
                Some(RawCoding { user: a.get("creatingUser").cloned(), code: None, line });
        } else if self.in_source()
            && n == "CodeRef"
            && self.ends_with(&["Coding"])
            && self.coding.is_some()
        {
            let a = self.attrs(e, line)?;
            let target = self.required(&a, line, "CodeRef", "targetGUID")?;
            if let Some(c) = self.coding.as_mut() {
                c.code = Some(target);
            }
        } else if self.path_is(&["Project"]) && n == "Description" {
            self.start_capture(Capture::ProjectDescription);
        }
        Ok(())
    }

    /// Called with the closing element still on the stack.
    fn end(&mut self, line: usize) -> Result<(), QdpxError> {
        let depth = self.stack.len();
        if let Some((what, d, _)) = &self.capture {
            if *d == depth {
                let what = *what;
                let text = self.capture.take().map(|(_, _, t)| t).unwrap_or_default();
                match what {
                    Capture::ProjectDescription => self.description = text,
                    Capture::SourceDescription => {
                        if let Some(s) = self.source.as_mut() {
                            s.description = text;
                        }
                    }
                    Capture::PlainText => {
                        if let Some(s) = self.source.as_mut() {
                            s.inline = Some(text);
                        }
                    }
                    Capture::Value => {
                        if let Some(v) = self.value.as_mut() {
                            v.value = text;
                        }
                    }
                }
                return Ok(());
            }
        }
        let name = self.stack.last().cloned().unwrap_or_default();
        match name.as_str() {
            "Code" if self.in_codebook() => {
                if let Some(code) = self.open_codes.pop() {
                    match self.open_codes.last_mut() {
                        Some(parent) => parent.children.push(code),
                        None => self.roots.push(code),
                    }
                }
            }
            "Case" if self.path_is(&["Project", "Cases", "Case"]) => {
                if let Some(c) = self.case.take() {
                    self.cases.push(c);
                }
            }
            "VariableValue" if self.value.is_some() && depth == 4 => {
                if let Some(v) = self.value.take() {
                    let var = v.variable.ok_or(QdpxError::MissingChild {
                        file: self.file.to_string(),
                        line,
                        element: "VariableValue",
                        child: "VariableRef",
                    })?;
                    let value = v.value.trim().to_string();
                    if let Some(c) = self
                        .case
                        .as_mut()
                        .filter(|_| self.stack.get(2).is_some_and(|s| s == "Case"))
                    {
                        c.values.push((var, value));
                    } else if let Some(s) = self.source.as_mut() {
                        s.values.push((var, value));
                    }
                }
            }
            "Coding" if self.coding.is_some() && self.in_source() => {
                if let Some(c) = self.coding.take() {
                    if c.code.is_none() {
                        return Err(QdpxError::MissingChild {
                            file: self.file.to_string(),
                            line: c.line,
                            element: "Coding",
                            child: "CodeRef",
                        });
                    }
                    if let Some(sel) = self.selection.as_mut() {
                        sel.codings.push(c);
                    } else if let Some(s) = self.source.as_mut() {
                        s.whole.push(c);
                    }
                }
            }
            "PlainTextSelection" if self.in_source() && depth == 4 => {
                if let (Some(sel), Some(s)) = (self.selection.take(), self.source.as_mut()) {
                    s.selections.push(sel);
                }
            }
            "TextSource" if self.path_is(&["Project", "Sources", "TextSource"]) => {
                if let Some(s) = self.source.take() {
                    self.sources.push(s);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn parse(mut self, xml: &str) -> Result<Parser<'a>, QdpxError> {
        let mut reader = Reader::from_str(xml);
        reader.config_mut().expand_empty_elements = true;
        let mut lines = Lines::new(xml);
        loop {
            let before = reader.buffer_position();
            let event = match reader.read_event() {
                Ok(ev) => ev,
                Err(e) => {
                    let line = lines.at(reader.error_position());
                    return Err(self.xml_err(line, e.to_string()));
                }
            };
            match event {
                Event::Start(e) => {
                    let line = lines.at(before);
                    if self.root_seen && self.stack.is_empty() {
                        return Err(self.xml_err(line, "a second root element after </Project>"));
                    }
                    self.start(&e, line)?;
                    let qname = e.name();
                    self.stack.push(local(qname.as_ref()).to_string());
                }
                Event::End(_) => {
                    let line = lines.at(before);
                    self.end(line)?;
                    self.stack.pop();
                }
                Event::Text(t) => {
                    let s = t.into_inner();
                    if self.stack.is_empty() && !s.trim().is_empty() {
                        return Err(self.xml_err(lines.at(before), "text outside the root element"));
                    }
                    self.text(&s);
                }
                Event::CData(c) => self.text(&c.into_inner()),
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(ch)) => ch.to_string(),
                        Ok(None) => match quick_xml::escape::resolve_xml_entity(&r) {
                            Some(s) => s.to_string(),
                            None => {
                                return Err(self.xml_err(
                                    lines.at(before),
                                    format!("unknown entity &{};", &*r),
                                ))
                            }
                        },
                        Err(e) => return Err(self.xml_err(lines.at(before), e.to_string())),
                    };
                    self.text(&resolved);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if let Some(open) = self.stack.last() {
            let line = lines.at(u64::MAX);
            return Err(self.xml_err(line, format!("the file ends before <{open}> is closed")));
        }
        if !self.root_seen {
            return Err(self.xml_err(1, "the file has no root element"));
        }
        Ok(self)
    }
}

// ---------------------------------------------------------------------------------------------
// The archive

struct Archive {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    /// Entry names, `\` read as `/`.
    names: Vec<String>,
    limits: QdpxLimits,
    read_total: u64,
}

impl Archive {
    fn open(bytes: &[u8], limits: &QdpxLimits) -> Result<Archive, QdpxError> {
        let size = bytes.len() as u64;
        if size > limits.archive_bytes {
            return Err(QdpxError::ArchiveTooLarge { size, limit: limits.archive_bytes });
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
            .map_err(|e| QdpxError::NotAZip(e.to_string()))?;
        let names = (0..zip.len())
            .map(|i| match zip.name_for_index(i) {
                Some(Ok(n)) => n.replace('\\', "/"),
                _ => String::new(),
            })
            .collect();
        Ok(Archive { zip, names, limits: *limits, read_total: 0 })
    }

    fn read(&mut self, index: usize) -> Result<Vec<u8>, QdpxError> {
        let name = self.names.get(index).cloned().unwrap_or_default();
        let limit = self.limits.entry_bytes;
        let file = self
            .zip
            .by_index(index)
            .map_err(|e| QdpxError::Unreadable { file: name.clone(), message: e.to_string() })?;
        if file.size() > limit {
            return Err(QdpxError::EntryTooLarge { file: name, limit });
        }
        let mut buf = Vec::new();
        file.take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| QdpxError::Unreadable { file: name.clone(), message: e.to_string() })?;
        if buf.len() as u64 > limit {
            return Err(QdpxError::EntryTooLarge { file: name, limit });
        }
        self.read_total = self.read_total.saturating_add(buf.len() as u64);
        if self.read_total > self.limits.total_bytes {
            return Err(QdpxError::TotalTooLarge { limit: self.limits.total_bytes });
        }
        Ok(buf)
    }
}

/// UTF-8 text without a leading byte-order mark.
fn utf8(file: &str, bytes: Vec<u8>) -> Result<String, QdpxError> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let good = e.as_bytes().get(..e.utf8_error().valid_up_to()).unwrap_or(&[]);
        QdpxError::NotUtf8 {
            file: file.to_string(),
            line: 1 + good.iter().filter(|&&b| b == b'\n').count(),
        }
    })
}

/// Reads a `.qdpx` with the default [`QDPX_LIMITS`].
pub fn import_qdpx(bytes: &[u8]) -> Result<Import, QdpxError> {
    import_qdpx_with_limits(bytes, &QDPX_LIMITS)
}

/// Reads a `.qdpx` with the given size limits.
pub fn import_qdpx_with_limits(bytes: &[u8], limits: &QdpxLimits) -> Result<Import, QdpxError> {
    let mut archive = Archive::open(bytes, limits)?;
    let qde: Vec<usize> = (0..archive.names.len())
        .filter(|&i| {
            archive
                .names
                .get(i)
                .is_some_and(|n| n.to_ascii_lowercase().ends_with(".qde") && !n.ends_with('/'))
        })
        .collect();
    let qde_index = match qde.as_slice() {
        [] => return Err(QdpxError::NoProjectFile),
        [one] => *one,
        many => {
            return Err(QdpxError::SeveralProjectFiles(
                many.iter().filter_map(|&i| archive.names.get(i).cloned()).collect(),
            ))
        }
    };
    let qde_name = archive.names.get(qde_index).cloned().unwrap_or_default();
    let xml = utf8(&qde_name, archive.read(qde_index)?)?;
    let parsed = Parser::new(&qde_name).parse(&xml)?;
    build(parsed, &qde_name, &mut archive)
}

/// Finds the entry `internal://<file>` names: `<dir of the .qde>/Sources/<file>` (folder name in
/// any case; the file name exactly, else in any case).
fn find_text(
    archive: &Archive,
    qde_name: &str,
    source: &str,
    path: &str,
) -> Result<usize, QdpxError> {
    let Some(file) = path.strip_prefix("internal://") else {
        return Err(QdpxError::ExternalText { source: source.to_string(), path: path.to_string() });
    };
    let base = qde_name.rfind('/').and_then(|i| qde_name.get(..=i)).unwrap_or("");
    let in_sources: Vec<(usize, &str)> = archive
        .names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let rel = n.strip_prefix(base).unwrap_or(n);
            let head = rel.get(..8)?;
            (head.eq_ignore_ascii_case("sources/")).then(|| (i, rel.get(8..).unwrap_or("")))
        })
        .collect();
    if in_sources.is_empty() {
        return Err(QdpxError::NoSourcesFolder {
            source: source.to_string(),
            path: path.to_string(),
        });
    }
    in_sources
        .iter()
        .find(|(_, f)| *f == file)
        .or_else(|| in_sources.iter().find(|(_, f)| f.to_lowercase() == file.to_lowercase()))
        .map(|&(i, _)| i)
        .ok_or_else(|| QdpxError::MissingTextFile {
            source: source.to_string(),
            path: path.to_string(),
        })
}

fn build(p: Parser<'_>, file: &str, archive: &mut Archive) -> Result<Import, QdpxError> {
    let mut notes = p.notes;
    for (kind, n) in &p.skipped_sources {
        notes.push(ImportNote::Skipped { n: *n, kind: kind.to_string() });
    }
    let source_guids: BTreeSet<&str> = p.sources.iter().map(|s| s.guid.as_str()).collect();
    let user_guids: BTreeSet<&str> = p.users.iter().map(|u| u.id.as_str()).collect();
    let mut code_guids = BTreeSet::new();
    let mut stack: Vec<&Code> = p.roots.iter().collect();
    while let Some(c) = stack.pop() {
        code_guids.insert(c.id.as_str());
        stack.extend(c.children.iter());
    }
    let unknown = |kind: &'static str, guid: &str, line: usize, element: &'static str| {
        QdpxError::UnknownReference {
            kind,
            guid: guid.to_string(),
            file: file.to_string(),
            line,
            element,
        }
    };
    let variable = |(guid, line): &(String, usize)| {
        p.variables
            .get(guid)
            .cloned()
            .ok_or_else(|| unknown("variable", guid, *line, "VariableRef"))
    };

    // Attributes: from cases, then from the source's own values.
    let names: BTreeMap<&str, &str> =
        p.sources.iter().map(|s| (s.guid.as_str(), s.name.as_str())).collect();
    let mut attrs: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut assign = |guid: &str, var: String, value: &str| -> Result<(), QdpxError> {
        if value.is_empty() {
            return Ok(());
        }
        let map = attrs.entry(guid.to_string()).or_default();
        match map.get(&var) {
            Some(old) if old != value => Err(QdpxError::ConflictingValue {
                source: names.get(guid).copied().unwrap_or(guid).to_string(),
                variable: var,
                first: old.clone(),
                second: value.to_string(),
            }),
            _ => {
                map.insert(var, value.to_string());
                Ok(())
            }
        }
    };
    for case in &p.cases {
        for (guid, line) in &case.sources {
            if !source_guids.contains(guid.as_str()) {
                return Err(unknown("source", guid, *line, "SourceRef"));
            }
            for (var, value) in &case.values {
                assign(guid, variable(var)?, value)?;
            }
        }
    }
    for s in &p.sources {
        for (var, value) in &s.values {
            assign(&s.guid, variable(var)?, value)?;
        }
    }

    let mut sources = Vec::with_capacity(p.sources.len());
    let mut codings = Vec::new();
    let mut anonymous = 0usize;
    for s in &p.sources {
        let text = match (&s.inline, &s.path) {
            (Some(t), _) => t.strip_prefix('\u{feff}').unwrap_or(t).to_string(),
            (None, Some(path)) => {
                let index = find_text(archive, file, &s.name, path)?;
                let entry = archive.names.get(index).cloned().unwrap_or_default();
                utf8(&entry, archive.read(index)?)?
            }
            (None, None) => {
                return Err(QdpxError::NoText {
                    source: s.name.clone(),
                    file: file.to_string(),
                    line: s.line,
                })
            }
        };
        let len = text.chars().count();
        let mut push = |c: &RawCoding,
                        start: usize,
                        end: usize,
                        fallback: Option<&String>,
                        line: usize|
         -> Result<(), QdpxError> {
            let code = c.code.clone().unwrap_or_default();
            if !code_guids.contains(code.as_str()) {
                return Err(unknown("code", &code, c.line, "CodeRef"));
            }
            let coder = match c.user.as_ref().or(fallback) {
                Some(u) if user_guids.contains(u.as_str()) => u.clone(),
                Some(u) => return Err(unknown("user", u, c.line, "Coding")),
                None => {
                    anonymous += 1;
                    ANONYMOUS.to_string()
                }
            };
            codings.push(Coding {
                source: s.guid.clone(),
                start,
                end,
                code,
                coder,
                origin: format!("{file} line {line}"),
            });
            Ok(())
        };
        for sel in &s.selections {
            for c in &sel.codings {
                push(c, sel.start, sel.end, sel.user.as_ref(), sel.line)?;
            }
        }
        for c in &s.whole {
            push(c, 0, len, None, c.line)?;
        }
        sources.push(Source {
            id: s.guid.clone(),
            name: s.name.clone(),
            description: s.description.trim().to_string(),
            text,
            attributes: attrs.remove(&s.guid).unwrap_or_default(),
        });
    }
    let mut users = p.users;
    if anonymous > 0 {
        users.push(User { id: ANONYMOUS.to_string(), name: "(unknown coder)".to_string() });
        notes.push(ImportNote::NoCoder { n: anonymous });
    }
    let parts = ProjectParts {
        name: p.name,
        description: p.description.trim().to_string(),
        users,
        codes: p.roots,
        sources,
        codings,
    };
    let project = Project::new(parts).map_err(QdpxError::Model)?;
    Ok(Import { project, notes })
}

/// User id given to codings that name no coder.
const ANONYMOUS: &str = "unknown-coder";
