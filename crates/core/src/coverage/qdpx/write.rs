//! Writing a project as a REFI-QDA `.qdpx` (the reverse of [`super`]): `project.qde`
//! plus one `Sources/<guid>.txt` per source, deterministic to the byte.
//!
//! Entries are stored uncompressed with fixed timestamps (1980-01-01) and permissions, so the
//! same project always gives the same bytes whatever the deflate implementation does; the
//! teaching sample relies on it. Ids that are GUIDs are kept, others get deterministic GUIDs.
//! Attributes become text variables plus one case per distinct combination of values; each
//! coding becomes one `PlainTextSelection` with one `Coding`; each set of sources becomes a
//! `Set` of `MemberSource`s, after the sources as the schema orders them.

use super::{QdpxError, QDA_NAMESPACE};
use crate::coverage::project::{Code, Project};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::{Cursor, Write};

/// Escapes text for XML; in attributes also tabs and line breaks, which parsers would otherwise
/// turn into spaces. A carriage return is always escaped, so it survives end-of-line handling.
fn esc(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

fn is_guid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                *c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// Deterministic GUIDs for objects whose ids are not GUIDs (CSV imports), avoiding used ones.
struct Guids {
    used: BTreeSet<String>,
    next: u64,
}

impl Guids {
    fn fresh(&mut self, kind: u32) -> String {
        loop {
            self.next += 1;
            let g = format!("{kind:08x}-0000-4000-8000-{:012x}", self.next);
            if self.used.insert(g.clone()) {
                return g;
            }
        }
    }

    /// `id` itself when it is a GUID not yet taken, else a fresh one.
    fn keep_or_fresh(&mut self, id: &str, kind: u32) -> String {
        if is_guid(id) && self.used.insert(id.to_string()) {
            id.to_string()
        } else {
            self.fresh(kind)
        }
    }
}

fn write_codes(codes: &[Code], map: &BTreeMap<String, String>, indent: usize, out: &mut String) {
    for c in codes {
        let pad = "  ".repeat(indent);
        let guid = map.get(&c.id).cloned().unwrap_or_default();
        if c.children.is_empty() {
            out.push_str(&format!(
                "{pad}<Code guid=\"{guid}\" name=\"{}\" isCodable=\"true\"/>\n",
                esc(&c.name, true)
            ));
        } else {
            out.push_str(&format!(
                "{pad}<Code guid=\"{guid}\" name=\"{}\" isCodable=\"true\">\n",
                esc(&c.name, true)
            ));
            write_codes(&c.children, map, indent + 1, out);
            out.push_str(&format!("{pad}</Code>\n"));
        }
    }
}

fn map_codes(codes: &[Code], guids: &mut Guids, map: &mut BTreeMap<String, String>) {
    for c in codes {
        map.insert(c.id.clone(), guids.keep_or_fresh(&c.id, 0xc0de));
        map_codes(&c.children, guids, map);
    }
}

/// Writes a project as a `.qdpx`: `project.qde` and one `Sources/<guid>.txt` per source,
/// stored uncompressed with fixed timestamps (1980-01-01) and permissions, so the same project
/// always gives the same bytes. Ids that are GUIDs are kept; others get deterministic GUIDs.
/// Attributes become text variables and one case per distinct combination of values; sets of
/// sources become `Sets`.
pub fn write_qdpx(project: &Project) -> Result<Vec<u8>, QdpxError> {
    let mut guids = Guids { used: BTreeSet::new(), next: 0 };
    let user_g: BTreeMap<String, String> = project
        .users()
        .iter()
        .map(|u| (u.id.clone(), guids.keep_or_fresh(&u.id, 0x05e7)))
        .collect();
    let mut code_g = BTreeMap::new();
    map_codes(project.codes(), &mut guids, &mut code_g);
    let source_g: Vec<String> =
        project.sources().iter().map(|s| guids.keep_or_fresh(&s.id, 0x50c5)).collect();
    let vars: Vec<(String, String)> =
        project.attribute_names().into_iter().map(|v| (guids.fresh(0x0a71), v)).collect();

    // One case per distinct attribute combination, in order of first appearance.
    let mut cases: Vec<(&BTreeMap<String, String>, Vec<&str>)> = Vec::new();
    for (s, g) in project.sources().iter().zip(&source_g) {
        if s.attributes.is_empty() {
            continue;
        }
        match cases.iter_mut().find(|(a, _)| *a == &s.attributes) {
            Some((_, list)) => list.push(g),
            None => cases.push((&s.attributes, vec![g])),
        }
    }

    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<Project xmlns=\"{QDA_NAMESPACE}\" name=\"{}\" origin=\"Study Explorer\">\n",
        esc(project.name(), true)
    ));
    if !project.users().is_empty() {
        x.push_str("  <Users>\n");
        for u in project.users() {
            let g = user_g.get(&u.id).cloned().unwrap_or_default();
            x.push_str(&format!("    <User guid=\"{g}\" name=\"{}\"/>\n", esc(&u.name, true)));
        }
        x.push_str("  </Users>\n");
    }
    if !project.codes().is_empty() {
        x.push_str("  <CodeBook>\n    <Codes>\n");
        write_codes(project.codes(), &code_g, 3, &mut x);
        x.push_str("    </Codes>\n  </CodeBook>\n");
    }
    if !vars.is_empty() {
        x.push_str("  <Variables>\n");
        for (g, name) in &vars {
            x.push_str(&format!(
                "    <Variable guid=\"{g}\" name=\"{}\" typeOfVariable=\"Text\"/>\n",
                esc(name, true)
            ));
        }
        x.push_str("  </Variables>\n");
    }
    if !cases.is_empty() {
        x.push_str("  <Cases>\n");
        for (attrs, members) in &cases {
            let name = attrs.values().cloned().collect::<Vec<_>>().join(" \u{b7} ");
            x.push_str(&format!(
                "    <Case guid=\"{}\" name=\"{}\">\n",
                guids.fresh(0xca5e),
                esc(&name, true)
            ));
            for (g, var) in &vars {
                if let Some(v) = attrs.get(var) {
                    x.push_str(&format!(
                        "      <VariableValue>\n        <VariableRef targetGUID=\"{g}\"/>\n        <TextValue>{}</TextValue>\n      </VariableValue>\n",
                        esc(v, false)
                    ));
                }
            }
            for m in members {
                x.push_str(&format!("      <SourceRef targetGUID=\"{m}\"/>\n"));
            }
            x.push_str("    </Case>\n");
        }
        x.push_str("  </Cases>\n");
    }
    if !project.sources().is_empty() {
        x.push_str("  <Sources>\n");
        for (s, g) in project.sources().iter().zip(&source_g) {
            x.push_str(&format!(
                "    <TextSource guid=\"{g}\" name=\"{}\" plainTextPath=\"internal://{g}.txt\">\n",
                esc(&s.name, true)
            ));
            if !s.description.is_empty() {
                x.push_str(&format!(
                    "      <Description>{}</Description>\n",
                    esc(&s.description, false)
                ));
            }
            for c in project.codings().iter().filter(|c| c.source == s.id) {
                let (sel, cod) = (guids.fresh(0x5e1e), guids.fresh(0xc0d1));
                let user = user_g.get(&c.coder).cloned().unwrap_or_default();
                let code = code_g.get(&c.code).cloned().unwrap_or_default();
                x.push_str(&format!(
                    "      <PlainTextSelection guid=\"{sel}\" startPosition=\"{}\" endPosition=\"{}\" creatingUser=\"{user}\">\n        <Coding guid=\"{cod}\" creatingUser=\"{user}\">\n          <CodeRef targetGUID=\"{code}\"/>\n        </Coding>\n      </PlainTextSelection>\n",
                    c.start, c.end
                ));
            }
            x.push_str("    </TextSource>\n");
        }
        x.push_str("  </Sources>\n");
    }
    if !project.sets().is_empty() {
        // After every other GUID, so projects without sets are written as before.
        let source_of: BTreeMap<&str, &str> = project
            .sources()
            .iter()
            .zip(&source_g)
            .map(|(s, g)| (s.id.as_str(), g.as_str()))
            .collect();
        x.push_str("  <Sets>\n");
        for set in project.sets() {
            let g = guids.keep_or_fresh(&set.id, 0x5e75);
            x.push_str(&format!("    <Set guid=\"{g}\" name=\"{}\">\n", esc(&set.name, true)));
            if !set.description.is_empty() {
                x.push_str(&format!(
                    "      <Description>{}</Description>\n",
                    esc(&set.description, false)
                ));
            }
            for m in set.sources.iter().filter_map(|id| source_of.get(id.as_str())) {
                x.push_str(&format!("      <MemberSource targetGUID=\"{m}\"/>\n"));
            }
            x.push_str("    </Set>\n");
        }
        x.push_str("  </Sets>\n");
    }
    if !project.description().is_empty() {
        x.push_str(&format!(
            "  <Description>{}</Description>\n",
            esc(project.description(), false)
        ));
    }
    x.push_str("</Project>\n");

    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let werr = |e: &dyn fmt::Display| QdpxError::Write(e.to_string());
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    w.start_file("project.qde", options).map_err(|e| werr(&e))?;
    w.write_all(x.as_bytes()).map_err(|e| werr(&e))?;
    for (s, g) in project.sources().iter().zip(&source_g) {
        w.start_file(format!("Sources/{g}.txt"), options).map_err(|e| werr(&e))?;
        w.write_all(s.text.as_bytes()).map_err(|e| werr(&e))?;
    }
    Ok(w.finish().map_err(|e| werr(&e))?.into_inner())
}
