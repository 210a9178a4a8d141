//! Reading a project's `.qde` XML (QDA-XML 1.0): users, the code tree, variables and
//! cases, text sources with their selections and codings, and sets, by local element name,
//! with byte offsets turned into line numbers for errors.

use super::{QdpxError, QDA_NAMESPACE};
use crate::coverage::project::{Code, ImportNote, User, MAX_CODE_DEPTH};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::{BTreeMap, BTreeSet};

/// Byte offset → 1-based line, for increasing offsets (restarts if one goes back).
pub(super) struct Lines<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    pub(super) line: usize,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Self {
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
pub(super) struct RawValue {
    pub(super) variable: Option<(String, usize)>,
    pub(super) value: String,
}

#[derive(Debug, Default)]
pub(super) struct RawCase {
    pub(super) values: Vec<((String, usize), String)>,
    pub(super) sources: Vec<(String, usize)>,
}

#[derive(Debug)]
pub(super) struct RawCoding {
    pub(super) user: Option<String>,
    pub(super) code: Option<String>,
    pub(super) line: usize,
}

#[derive(Debug)]
pub(super) struct RawSelection {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) user: Option<String>,
    pub(super) line: usize,
    pub(super) codings: Vec<RawCoding>,
}

#[derive(Debug)]
pub(super) struct RawSource {
    pub(super) guid: String,
    pub(super) name: String,
    pub(super) line: usize,
    pub(super) description: String,
    pub(super) inline: Option<String>,
    pub(super) path: Option<String>,
    pub(super) selections: Vec<RawSelection>,
    pub(super) whole: Vec<RawCoding>,
    pub(super) values: Vec<((String, usize), String)>,
}

/// A `Set` as written: its `MemberSource` references (GUID, line), unchecked.
#[derive(Debug, Default)]
pub(super) struct RawSet {
    pub(super) guid: String,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) sources: Vec<(String, usize)>,
    /// `MemberCode`s and `MemberNote`s (a set of codes or notes is no group of sources).
    pub(super) other_members: usize,
}

/// Where captured text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Capture {
    ProjectDescription,
    SourceDescription,
    PlainText,
    Value,
    SetDescription,
}

pub(super) struct Parser<'a> {
    pub(super) file: &'a str,
    pub(super) stack: Vec<String>,
    pub(super) root_seen: bool,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) users: Vec<User>,
    pub(super) roots: Vec<Code>,
    pub(super) open_codes: Vec<Code>,
    pub(super) variables: BTreeMap<String, String>,
    pub(super) cases: Vec<RawCase>,
    pub(super) case: Option<RawCase>,
    pub(super) value: Option<RawValue>,
    pub(super) sources: Vec<RawSource>,
    pub(super) source: Option<RawSource>,
    pub(super) selection: Option<RawSelection>,
    pub(super) coding: Option<RawCoding>,
    pub(super) capture: Option<(Capture, usize, String)>,
    pub(super) skipped_sources: BTreeMap<String, usize>,
    /// GUIDs of the skipped sources, so a set naming one is not reported as naming nothing.
    pub(super) skipped_guids: BTreeSet<String>,
    pub(super) sets: Vec<RawSet>,
    pub(super) set: Option<RawSet>,
    pub(super) notes: Vec<ImportNote>,
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Parser<'a> {
    pub(super) fn new(file: &'a str) -> Self {
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
            skipped_guids: BTreeSet::new(),
            sets: Vec::new(),
            set: None,
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
                // Leniently: a skipped source's attributes were never an error.
                let guid = self.attrs(e, line).ok().and_then(|a| a.get("guid").cloned());
                self.skipped_guids.extend(guid.map(|g| g.trim().to_string()));
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
        } else if self.path_is(&["Project", "Sets"]) && n == "Set" {
            let a = self.attrs(e, line)?;
            let guid = self.required(&a, line, "Set", "guid")?;
            let name = a
                .get("name")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| guid.clone());
            self.set = Some(RawSet { guid, name, ..RawSet::default() });
        } else if self.path_is(&["Project", "Sets", "Set"]) {
            match n {
                "Description" => self.start_capture(Capture::SetDescription),
                "MemberSource" => {
                    let a = self.attrs(e, line)?;
                    let target = self.required(&a, line, "MemberSource", "targetGUID")?;
                    if let Some(set) = self.set.as_mut() {
                        set.sources.push((target, line));
                    }
                }
                "MemberCode" | "MemberNote" => {
                    if let Some(set) = self.set.as_mut() {
                        set.other_members += 1;
                    }
                }
                _ => {}
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
                    Capture::SetDescription => {
                        if let Some(set) = self.set.as_mut() {
                            set.description = text;
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
            "Set" if self.path_is(&["Project", "Sets", "Set"]) => {
                if let Some(set) = self.set.take() {
                    self.sets.push(set);
                }
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn parse(mut self, xml: &str) -> Result<Parser<'a>, QdpxError> {
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
