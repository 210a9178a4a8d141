//! REFI-QDA project exchange (`.qdpx`, QDA-XML 1.0, namespace `urn:QDA-XML:project:1.0`):
//! read a project from the bytes of a `.qdpx` archive ([`write`](mod@write) writes one).
//!
//! A `.qdpx` is a zip holding one `.qde` XML file (any name: NVivo and MAXQDA write
//! `project.qde`, ATLAS.ti names it after the project) and a `Sources` folder (any case;
//! MAXQDA and ATLAS.ti write `sources`) with the plain-text files that
//! `plainTextPath="internal://<file>"` names. What is read:
//! - `Project/@name`, `Project/Description`;
//! - `Users/User` (`guid`, `name`) — the coders;
//! - `CodeBook/Codes/Code`, nested (`guid`, `name`), whatever namespace the `CodeBook`
//!   declares (MAXQDA gives it `urn:QDA-XML:codebook:0:4`); a code's `Description` is not read;
//! - `Variables/Variable` (`guid`, `name`) and `Cases/Case` with `VariableValue`
//!   (`VariableRef/@targetGUID` + `TextValue` or any other `…Value`) and `SourceRef/@targetGUID`:
//!   each case gives its variable values to the sources it references; a `VariableValue`
//!   directly inside a `TextSource` does the same for that source. A source that gets two
//!   different values for one variable is an error;
//! - `Sources/TextSource` (`guid`, `name`, `Description`, inline `PlainTextContent` or
//!   `plainTextPath`), its `PlainTextSelection`s (`startPosition`, `endPosition`, half-open, in
//!   Unicode code points) with `Coding` (`creatingUser`, falling back to the selection's) and
//!   `CodeRef/@targetGUID`; a `Coding` directly inside a `TextSource` codes the whole source
//!   (a selection with no `Coding`, such as MAXQDA's memo on a segment, codes nothing);
//! - `Sets/Set` (`guid`, `name`, `Description`) with `MemberSource/@targetGUID`: MAXQDA's
//!   document sets, ATLAS.ti's document groups. A `MemberSource` naming no source of the project
//!   is left out of its set and reported in [`Import::notes`], never fatal; one naming a
//!   skipped (PDF, picture …) source is left out silently, as that source is. A set holding
//!   only `MemberCode`s or `MemberNote`s (ATLAS.ti's code groups) is not a group of sources:
//!   it is counted in a note and dropped.
//!
//! Not read: picture, PDF, audio and video sources (counted in [`Import::notes`]), notes,
//! links, graphs. Elements are matched by local name, so a namespace prefix does not matter.
//!
//! Tolerated: any `.qde` file name; a UTF-8 byte-order mark at the start of the XML or of a text
//! file (stripped); CRLF line endings, which are **kept**: positions count the text as stored,
//! so a CRLF is two characters, as in the tools that write REFI-QDA. Inline `PlainTextContent`
//! is likewise taken as it appears in the file (no XML end-of-line normalisation). A
//! `plainTextPath="relative://<path>"` (relative to the project's base path, which REFI-QDA
//! puts outside the archive) is read when the archive holds that path after all, beside the
//! `.qde` or in its `Sources` folder (any case).
//!
//! Refused with a [`QdpxError`] naming the file, element and line: malformed XML, no `.qde`,
//! a missing `Sources` folder or text file, a text outside the archive (`relative://` not in
//! it, `absolute://`), references to unknown codes, users, sources or variables (in codings,
//! cases and values), positions that are not whole numbers ≥ 0, positions past the end of the
//! text, and archives over the [`QdpxLimits`] ([`QDPX_LIMITS`]: compressed size, each entry's
//! and the total uncompressed size actually read — a zip bomb stops at the limit, whatever its
//! headers claim).

mod error;
pub mod write;
mod xml;

use crate::coverage::project::{
    Code, Coding, Import, ImportNote, Project, ProjectParts, Source, SourceSet, User,
};
pub use error::QdpxError;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};
use xml::{Parser, RawCoding};

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

/// The entry `file` names in the `Sources` folder beside the `.qde` (folder name in any case;
/// the file name exactly, else in any case); `Err(false)` when there is no such folder.
fn in_sources(archive: &Archive, base: &str, file: &str) -> Result<usize, bool> {
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
        return Err(false);
    }
    in_sources
        .iter()
        .find(|(_, f)| *f == file)
        .or_else(|| in_sources.iter().find(|(_, f)| f.to_lowercase() == file.to_lowercase()))
        .map(|&(i, _)| i)
        .ok_or(true)
}

/// Finds the entry a source's `plainTextPath` names: `internal://<file>` is
/// `<dir of the .qde>/Sources/<file>`; `relative://<path>` is read only if the archive holds
/// `<dir of the .qde>/<path>` or `Sources/<path>` (REFI-QDA puts it outside the archive).
fn find_text(
    archive: &Archive,
    qde_name: &str,
    source: &str,
    path: &str,
) -> Result<usize, QdpxError> {
    let base = qde_name.rfind('/').and_then(|i| qde_name.get(..=i)).unwrap_or("");
    let outside = || QdpxError::ExternalText { source: source.to_string(), path: path.to_string() };
    if let Some(rel) = path.strip_prefix("relative://") {
        let rel = rel.replace('\\', "/");
        let rel = rel.trim_start_matches('/');
        let beside = format!("{base}{rel}");
        return archive
            .names
            .iter()
            .position(|n| *n == beside)
            .or_else(|| {
                archive.names.iter().position(|n| n.to_lowercase() == beside.to_lowercase())
            })
            .or_else(|| in_sources(archive, base, rel).ok())
            .ok_or_else(outside);
    }
    let Some(file) = path.strip_prefix("internal://") else {
        return Err(outside());
    };
    in_sources(archive, base, file).map_err(|folder| {
        let (source, path) = (source.to_string(), path.to_string());
        if folder {
            QdpxError::MissingTextFile { source, path }
        } else {
            QdpxError::NoSourcesFolder { source, path }
        }
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
    let sets = source_sets(p.sets, &source_guids, &p.skipped_guids, &mut notes);
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
        sets,
    };
    let project = Project::new(parts).map_err(QdpxError::Model)?;
    Ok(Import { project, notes })
}

/// The sets of sources: each `MemberSource` that names a text source, once; the others are
/// left out (those naming nothing reported in one note), and sets of codes or notes dropped
/// (counted in another).
fn source_sets(
    raw: Vec<xml::RawSet>,
    text_sources: &BTreeSet<&str>,
    skipped: &BTreeSet<String>,
    notes: &mut Vec<ImportNote>,
) -> Vec<SourceSet> {
    let (mut unknown, mut first, mut code_sets) = (0usize, None, 0usize);
    let mut sets = Vec::with_capacity(raw.len());
    for set in raw {
        if set.sources.is_empty() && set.other_members > 0 {
            code_sets += 1;
            continue;
        }
        let mut seen = BTreeSet::new();
        let mut members = Vec::new();
        for (guid, line) in set.sources {
            if text_sources.contains(guid.as_str()) {
                if seen.insert(guid.clone()) {
                    members.push(guid);
                }
            } else if !skipped.contains(&guid) {
                unknown += 1;
                first.get_or_insert((guid, set.name.clone(), line));
            }
        }
        sets.push(SourceSet {
            id: set.guid,
            name: set.name,
            description: set.description.trim().to_string(),
            sources: members,
        });
    }
    if let Some((guid, set, line)) = first {
        notes.push(ImportNote::SetMembersUnknown { n: unknown, guid, set, line });
    }
    if code_sets > 0 {
        notes.push(ImportNote::CodeSets { n: code_sets });
    }
    sets
}

/// User id given to codings that name no coder.
const ANONYMOUS: &str = "unknown-coder";
