//! The coverage input model: sources (text and attributes), the code tree, users (coders),
//! codings and sets of sources, checked once when a [`Project`] is built.
//!
//! A [`Project`] can only be made by [`Project::new`] (or an importer, which calls it), and
//! `new` rejects every coding that names an unknown source, code or coder, runs backwards
//! (`end < start`) or past the end of its source (`end > length in chars`), and every set
//! that lists an unknown source. So the engine that reads a `Project` never meets an invalid
//! range or reference and needs no checks of its own.
//!
//! Offsets are Unicode code points and ranges are half-open `[start, end)`; see the module
//! doc of [`crate::coverage`].

use crate::text::i18n::{fill, Strings, EN};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The deepest code tree accepted (a root code is depth 1). Real codebooks are 3–5 deep; the
/// limit keeps recursion over the tree bounded whatever an imported file says.
pub const MAX_CODE_DEPTH: usize = 32;

/// A coder (REFI-QDA `User`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Stable id (a GUID in REFI-QDA; the coder's name in CSV).
    pub id: String,
    /// Name shown to the reader.
    pub name: String,
}

/// A code with its children (REFI-QDA `Code`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Stable id (a GUID in REFI-QDA; the `" > "`-joined path in CSV).
    pub id: String,
    pub name: String,
    pub children: Vec<Code>,
}

impl Code {
    /// A code without children.
    pub fn leaf(id: impl Into<String>, name: impl Into<String>) -> Code {
        Code { id: id.into(), name: name.into(), children: Vec::new() }
    }
}

/// One text source (an interview transcript) with its attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub name: String,
    /// Free text about the source (REFI-QDA `Description`); may be empty.
    pub description: String,
    /// The text as stored: no line-ending normalisation, byte-order mark removed.
    pub text: String,
    /// Attribute name → value, e.g. `group` → `Service`, `time` → `T1` (REFI-QDA variables).
    pub attributes: BTreeMap<String, String>,
}

impl Source {
    /// Length in Unicode code points, the unit of every offset.
    pub fn len_chars(&self) -> usize {
        self.text.chars().count()
    }

    /// The text of the half-open character range `[start, end)`, or `None` when the range
    /// runs backwards or past the end.
    pub fn slice_chars(&self, start: usize, end: usize) -> Option<&str> {
        if end < start {
            return None;
        }
        // Byte offsets of every character boundary: 0, …, text.len() (len_chars + 1 of them).
        let mut bounds =
            self.text.char_indices().map(|(b, _)| b).chain(std::iter::once(self.text.len()));
        let s = bounds.nth(start)?;
        let e = if end == start { s } else { bounds.nth(end - start - 1)? };
        self.text.get(s..e)
    }
}

/// One coding: a half-open character range of a source coded at a code by a coder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    /// Id of the [`Source`].
    pub source: String,
    /// First character coded (0-based, in Unicode code points).
    pub start: usize,
    /// One past the last character coded.
    pub end: usize,
    /// Id of the [`Code`].
    pub code: String,
    /// Id of the [`User`] who coded it.
    pub coder: String,
    /// Where it came from, for error messages (`"project.qde line 40"`, `"codings.csv line 7"`);
    /// may be empty.
    pub origin: String,
}

/// A named set of sources (a REFI-QDA `Set` of `MemberSource`s: MAXQDA's document sets,
/// ATLAS.ti's document groups, NVivo's static sets). A source may be in several sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSet {
    /// Stable id (a GUID in REFI-QDA).
    pub id: String,
    pub name: String,
    /// Free text about the set (REFI-QDA `Description`); may be empty.
    pub description: String,
    /// Ids of the member [`Source`]s. Membership is a set: an id listed twice counts once.
    pub sources: Vec<String>,
}

/// Everything a [`Project`] is made of, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectParts {
    pub name: String,
    pub description: String,
    pub users: Vec<User>,
    /// The roots of the code tree.
    pub codes: Vec<Code>,
    pub sources: Vec<Source>,
    pub codings: Vec<Coding>,
    /// Sets of sources, in the order the project lists them.
    pub sets: Vec<SourceSet>,
}

/// Which source attributes give a source's group and time (REFI-QDA variable names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellKeys {
    /// Attribute holding the group (e.g. `group`, values `Service` / `Development`).
    pub group: String,
    /// Attribute holding the time (e.g. `time`, values `T1` / `T2`).
    pub time: String,
}

/// How the sources are sorted into the cells of a coverage table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grouping {
    /// Group × time cells from two source attributes (REFI-QDA variables).
    Variables(CellKeys),
    /// One cell per set of sources ([`SourceSet`], REFI-QDA `Sets`). A source in several sets
    /// counts in each of their cells, so these cells may overlap.
    Sets,
}

/// An imported project with notes about what the importer skipped or assumed.
#[derive(Debug, Clone)]
pub struct Import {
    pub project: Project,
    /// Notes for the reader ("2 PDF source(s) were skipped: only text sources are read").
    pub notes: Vec<ImportNote>,
}

/// Something an importer skipped or assumed. `Display` gives the English sentence,
/// [`ImportNote::message`] the sentence in the UI language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportNote {
    /// The `.qde` declares another namespace than QDA-XML 1.0.
    Namespace { ns: String, expected: String },
    /// Sources of a kind that is not read (`PDF`, `Picture`, …).
    Skipped { n: usize, kind: String },
    /// Codings that name no coder.
    NoCoder { n: usize },
    /// Sources with no row in the sources CSV.
    NoRow { n: usize, file: String },
    /// `MemberSource`s in `Sets` that name no source of the project; they were left out.
    /// `guid`, `set` and `line` describe the first.
    SetMembersUnknown { n: usize, guid: String, set: String, line: usize },
    /// Sets that hold only codes or notes (ATLAS.ti's code groups), not sources.
    CodeSets { n: usize },
}

impl ImportNote {
    /// The note in the UI language.
    pub fn message(&self, t: &Strings) -> String {
        match self {
            ImportNote::Namespace { ns, expected } => {
                fill(t.c_note_namespace, &[("ns", ns), ("expected", expected)])
            }
            ImportNote::Skipped { n, kind } => {
                fill(t.c_note_skipped, &[("n", &n.to_string()), ("kind", kind)])
            }
            ImportNote::NoCoder { n } => fill(t.c_note_no_coder, &[("n", &n.to_string())]),
            ImportNote::NoRow { n, file } => {
                fill(t.c_note_no_row, &[("n", &n.to_string()), ("file", file)])
            }
            ImportNote::SetMembersUnknown { n, guid, set, line } => fill(
                t.c_note_set_unknown,
                &[("n", &n.to_string()), ("guid", guid), ("set", set), ("line", &line.to_string())],
            ),
            ImportNote::CodeSets { n } => fill(t.c_note_code_sets, &[("n", &n.to_string())]),
        }
    }
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

/// One code in the flattened tree, in pre-order (parents before children).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeRow {
    pub id: String,
    pub name: String,
    /// 1 for a root code.
    pub depth: usize,
    /// Id of the parent code, `None` for a root.
    pub parent: Option<String>,
    /// Whether the code has children (its coverage is then an aggregate).
    pub has_children: bool,
}

/// Why a set of sources, codes, users and codings is not a valid project.
///
/// The coding a variant names is boxed: it is the largest part, and boxing it keeps every
/// `Result` that carries this error small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Two sources, codes or users share an id.
    DuplicateId { kind: &'static str, id: String },
    /// A source, code or user has an empty id.
    EmptyId { kind: &'static str, name: String },
    /// The code tree is deeper than [`MAX_CODE_DEPTH`].
    CodeTreeTooDeep { code: String, limit: usize },
    /// A coding names a source that does not exist.
    UnknownSource { coding: Box<CodingRef>, source: String },
    /// A coding names a code that does not exist.
    UnknownCode { coding: Box<CodingRef>, code: String },
    /// A coding names a coder that does not exist.
    UnknownCoder { coding: Box<CodingRef>, coder: String },
    /// A coding ends before it starts.
    Reversed { coding: Box<CodingRef>, start: usize, end: usize },
    /// A coding runs past the end of its source.
    OutOfRange { coding: Box<CodingRef>, end: usize, len: usize },
    /// A set lists a source that does not exist.
    UnknownSetMember { set: String, source: String },
}

/// The name of an item kind ("source", "code", "coder", "user", "variable") in the UI
/// language; an unknown kind is shown as it is.
pub(crate) fn kind_name<'a>(kind: &'a str, t: &Strings) -> &'a str {
    match kind {
        "source" => t.c_kind_source,
        "code" => t.c_kind_code,
        "coder" => t.c_kind_coder,
        "user" => t.c_kind_user,
        "variable" => t.c_kind_variable,
        "set" => t.c_kind_set,
        other => other,
    }
}

impl ModelError {
    /// The message in the UI language (`Display` gives the English one).
    pub fn message(&self, t: &Strings) -> String {
        match self {
            ModelError::DuplicateId { kind, id } => {
                fill(t.c_err_duplicate_id, &[("kind", kind_name(kind, t)), ("id", id)])
            }
            ModelError::EmptyId { kind, name } => {
                fill(t.c_err_empty_id, &[("kind", kind_name(kind, t)), ("name", name)])
            }
            ModelError::CodeTreeTooDeep { code, limit } => {
                fill(t.c_err_tree_deep, &[("limit", &limit.to_string()), ("code", code)])
            }
            ModelError::UnknownSource { coding, source } => {
                fill(t.c_err_ref_source, &[("coding", &coding.message(t)), ("source", source)])
            }
            ModelError::UnknownCode { coding, code } => {
                fill(t.c_err_ref_code, &[("coding", &coding.message(t)), ("code", code)])
            }
            ModelError::UnknownCoder { coding, coder } => {
                fill(t.c_err_ref_coder, &[("coding", &coding.message(t)), ("coder", coder)])
            }
            ModelError::Reversed { coding, start, end } => fill(
                t.c_err_reversed,
                &[
                    ("coding", &coding.message(t)),
                    ("start", &start.to_string()),
                    ("end", &end.to_string()),
                ],
            ),
            ModelError::OutOfRange { coding, end, len } => fill(
                t.c_err_out_of_range,
                &[
                    ("coding", &coding.message(t)),
                    ("end", &end.to_string()),
                    ("len", &len.to_string()),
                ],
            ),
            ModelError::UnknownSetMember { set, source } => {
                fill(t.c_err_ref_set_source, &[("set", set), ("source", source)])
            }
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

impl std::error::Error for ModelError {}

/// A coding resolved to indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub source: usize,
    pub code: usize,
    pub coder: usize,
    pub start: usize,
    pub end: usize,
}

/// A code in pre-order; the descendants of code `i` are exactly `i + 1 .. subtree_end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FlatCode {
    pub id: String,
    pub name: String,
    pub depth: usize,
    pub parent: Option<usize>,
    pub subtree_end: usize,
}

/// A validated project: every coding points at an existing source, code and coder, and lies
/// inside its source.
#[derive(Debug, Clone)]
pub struct Project {
    parts: ProjectParts,
    pub(crate) source_len: Vec<usize>,
    pub(crate) source_by_id: BTreeMap<String, usize>,
    pub(crate) codes_flat: Vec<FlatCode>,
    pub(crate) code_by_id: BTreeMap<String, usize>,
    pub(crate) user_by_id: BTreeMap<String, usize>,
    pub(crate) resolved: Vec<Resolved>,
    /// Indices into `resolved`, per source.
    pub(crate) by_source: Vec<Vec<usize>>,
    /// Per set, the indices of its member sources: in project order, each once.
    pub(crate) set_members: Vec<Vec<usize>>,
}

/// A coding named in a message: "coding 3 (project.qde line 40: code “x” by “y” in source
/// “z”, [5, 9))" (`Display`, English) or [`CodingRef::message`] in the UI language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodingRef {
    /// 0-based index of the coding.
    pub index: usize,
    /// Where it was read ("project.qde line 40"), or empty.
    pub origin: String,
    pub code: String,
    pub coder: String,
    pub source: String,
    pub start: usize,
    pub end: usize,
}

impl CodingRef {
    /// The description in the UI language.
    pub fn message(&self, t: &Strings) -> String {
        let at = if self.origin.is_empty() { String::new() } else { format!("{}: ", self.origin) };
        fill(
            t.c_coding_ref,
            &[
                ("n", &(self.index + 1).to_string()),
                ("at", &at),
                ("code", &self.code),
                ("coder", &self.coder),
                ("source", &self.source),
                ("start", &self.start.to_string()),
                ("end", &self.end.to_string()),
            ],
        )
    }
}

impl fmt::Display for CodingRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(&EN))
    }
}

/// The coding `index` for messages.
pub(crate) fn describe_coding(index: usize, c: &Coding) -> Box<CodingRef> {
    Box::new(CodingRef {
        index,
        origin: c.origin.clone(),
        code: c.code.clone(),
        coder: c.coder.clone(),
        source: c.source.clone(),
        start: c.start,
        end: c.end,
    })
}

fn flatten(
    codes: &[Code],
    depth: usize,
    parent: Option<usize>,
    out: &mut Vec<FlatCode>,
) -> Result<(), ModelError> {
    for code in codes {
        if depth > MAX_CODE_DEPTH {
            return Err(ModelError::CodeTreeTooDeep {
                code: code.name.clone(),
                limit: MAX_CODE_DEPTH,
            });
        }
        let me = out.len();
        out.push(FlatCode {
            id: code.id.clone(),
            name: code.name.clone(),
            depth,
            parent,
            subtree_end: me + 1,
        });
        flatten(&code.children, depth + 1, Some(me), out)?;
        let end = out.len();
        if let Some(f) = out.get_mut(me) {
            f.subtree_end = end;
        }
    }
    Ok(())
}

fn index_ids<'a>(
    kind: &'static str,
    items: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<BTreeMap<String, usize>, ModelError> {
    let mut map = BTreeMap::new();
    for (i, (id, name)) in items.enumerate() {
        if id.is_empty() {
            return Err(ModelError::EmptyId { kind, name: name.to_string() });
        }
        if map.insert(id.to_string(), i).is_some() {
            return Err(ModelError::DuplicateId { kind, id: id.to_string() });
        }
    }
    Ok(map)
}

impl Project {
    /// Validates and indexes a project. Fails on duplicate or empty ids, a code tree deeper
    /// than [`MAX_CODE_DEPTH`], and any coding that names an unknown source, code or coder,
    /// runs backwards, or ends past its source's length in characters.
    pub fn new(parts: ProjectParts) -> Result<Project, ModelError> {
        let source_by_id =
            index_ids("source", parts.sources.iter().map(|s| (s.id.as_str(), s.name.as_str())))?;
        let user_by_id =
            index_ids("coder", parts.users.iter().map(|u| (u.id.as_str(), u.name.as_str())))?;
        let mut codes_flat = Vec::new();
        flatten(&parts.codes, 1, None, &mut codes_flat)?;
        let code_by_id =
            index_ids("code", codes_flat.iter().map(|c| (c.id.as_str(), c.name.as_str())))?;
        let source_len: Vec<usize> = parts.sources.iter().map(Source::len_chars).collect();
        let mut resolved = Vec::with_capacity(parts.codings.len());
        let mut by_source = vec![Vec::new(); parts.sources.len()];
        for (i, c) in parts.codings.iter().enumerate() {
            let source = *source_by_id.get(&c.source).ok_or_else(|| ModelError::UnknownSource {
                coding: describe_coding(i, c),
                source: c.source.clone(),
            })?;
            let code = *code_by_id.get(&c.code).ok_or_else(|| ModelError::UnknownCode {
                coding: describe_coding(i, c),
                code: c.code.clone(),
            })?;
            let coder = *user_by_id.get(&c.coder).ok_or_else(|| ModelError::UnknownCoder {
                coding: describe_coding(i, c),
                coder: c.coder.clone(),
            })?;
            if c.end < c.start {
                return Err(ModelError::Reversed {
                    coding: describe_coding(i, c),
                    start: c.start,
                    end: c.end,
                });
            }
            let len = source_len.get(source).copied().unwrap_or(0);
            if c.end > len {
                return Err(ModelError::OutOfRange {
                    coding: describe_coding(i, c),
                    end: c.end,
                    len,
                });
            }
            if let Some(list) = by_source.get_mut(source) {
                list.push(resolved.len());
            }
            resolved.push(Resolved { source, code, coder, start: c.start, end: c.end });
        }
        index_ids("set", parts.sets.iter().map(|s| (s.id.as_str(), s.name.as_str())))?;
        let mut set_members = Vec::with_capacity(parts.sets.len());
        for set in &parts.sets {
            let mut members = BTreeSet::new();
            for id in &set.sources {
                let i = source_by_id.get(id).ok_or_else(|| ModelError::UnknownSetMember {
                    set: set.name.clone(),
                    source: id.clone(),
                })?;
                members.insert(*i);
            }
            set_members.push(members.into_iter().collect());
        }
        Ok(Project {
            parts,
            source_len,
            source_by_id,
            codes_flat,
            code_by_id,
            user_by_id,
            resolved,
            by_source,
            set_members,
        })
    }

    pub fn name(&self) -> &str {
        &self.parts.name
    }

    pub fn description(&self) -> &str {
        &self.parts.description
    }

    pub fn users(&self) -> &[User] {
        &self.parts.users
    }

    /// The roots of the code tree.
    pub fn codes(&self) -> &[Code] {
        &self.parts.codes
    }

    pub fn sources(&self) -> &[Source] {
        &self.parts.sources
    }

    pub fn codings(&self) -> &[Coding] {
        &self.parts.codings
    }

    /// The sets of sources, in the project's order.
    pub fn sets(&self) -> &[SourceSet] {
        &self.parts.sets
    }

    /// The parts the project was built from.
    pub fn parts(&self) -> &ProjectParts {
        &self.parts
    }

    /// Gives the parts back (for example to edit and rebuild).
    pub fn into_parts(self) -> ProjectParts {
        self.parts
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_by_id.get(id).and_then(|&i| self.parts.sources.get(i))
    }

    pub fn user(&self, id: &str) -> Option<&User> {
        self.user_by_id.get(id).and_then(|&i| self.parts.users.get(i))
    }

    /// The code tree flattened in pre-order (parents first), for tables and pickers.
    pub fn code_rows(&self) -> Vec<CodeRow> {
        self.codes_flat
            .iter()
            .enumerate()
            .map(|(i, c)| CodeRow {
                id: c.id.clone(),
                name: c.name.clone(),
                depth: c.depth,
                parent: c.parent.and_then(|p| self.codes_flat.get(p)).map(|p| p.id.clone()),
                has_children: c.subtree_end > i + 1,
            })
            .collect()
    }

    /// For each code in pre-order ([`Project::code_rows`]), whether it or one of its
    /// descendants has a coding (by any coder, of any length).
    pub fn coded_codes(&self) -> Vec<bool> {
        let mut coded = vec![false; self.codes_flat.len()];
        for r in &self.resolved {
            let mut at = Some(r.code);
            while let Some(i) = at {
                match coded.get_mut(i) {
                    Some(c) if !*c => *c = true,
                    _ => break,
                }
                at = self.codes_flat.get(i).and_then(|c| c.parent);
            }
        }
        coded
    }

    /// The row of one code.
    pub fn code_row(&self, id: &str) -> Option<CodeRow> {
        let i = *self.code_by_id.get(id)?;
        self.code_rows().into_iter().nth(i)
    }

    /// Attribute names used by any source, in sorted order.
    pub fn attribute_names(&self) -> Vec<String> {
        let set: BTreeSet<&String> =
            self.parts.sources.iter().flat_map(|s| s.attributes.keys()).collect();
        set.into_iter().cloned().collect()
    }

    /// The attributes named `group` and `time` (compared case-insensitively, surrounding spaces
    /// ignored), if the project has both. Otherwise the caller asks the reader which attribute is
    /// the group and which the time, and builds [`CellKeys`] itself.
    pub fn detect_cell_keys(&self) -> Option<CellKeys> {
        let names = self.attribute_names();
        let find = |want: &str| names.iter().find(|n| n.trim().eq_ignore_ascii_case(want)).cloned();
        Some(CellKeys { group: find("group")?, time: find("time")? })
    }

    /// The cells to show first: the variables named group and time
    /// ([`Project::detect_cell_keys`]); otherwise, when the sources have no variables at all
    /// but the project has sets, one cell per set; otherwise none (the reader chooses).
    pub fn default_grouping(&self) -> Option<Grouping> {
        match self.detect_cell_keys() {
            Some(keys) => Some(Grouping::Variables(keys)),
            None if self.attribute_names().is_empty() && !self.sets().is_empty() => {
                Some(Grouping::Sets)
            }
            None => None,
        }
    }
}
