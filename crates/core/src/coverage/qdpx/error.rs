//! Why a `.qdpx` archive cannot be read: [`QdpxError`], naming the file, element and
//! line, worded in the UI language ([`QdpxError::message`]) and in English (`Display`).

use super::mib;
use crate::coverage::project::{kind_name, ModelError, MAX_CODE_DEPTH};
use crate::text::i18n::{fill, Strings, EN};
use crate::text::pieces::name_separator;
use std::fmt;

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
            SeveralProjectFiles(names) => fill(
                t.c_err_several_project_files,
                &[("names", &names.join(name_separator(t.lang)))],
            ),
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
