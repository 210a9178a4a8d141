//! Checks of what the study file says beyond its numbers: Figure 4 (edges to missing
//! nodes, themes without a codebook branch), the quotations (unknown informants, a place
//! of the quotation check without its section), the evidence tables, the context and the
//! tour (links that do not parse as permalinks).
//! The shipped study has none of these problems; `tests/model.rs` pins that and shows each
//! check catching a broken copy.

use crate::checks::validate::{self, Kind, Problem};
use crate::reader::permalink;
use crate::stats::selection::Selection;
use crate::study::figure4::{EdgeKind, NodeKind, SECTION_ANCHORS};
use crate::study::Study;
use crate::view::figure4::LayoutKind;
use std::collections::HashSet;

/// An error of the study file's content (every problem found here is one).
fn problem(
    code: &'static str,
    source: &str,
    subject: impl Into<String>,
    message: impl Into<String>,
) -> Problem {
    validate::problem(Kind::Error, code, source, subject, message)
}

/// Every problem of the model, the quotations, the evidence tables, the context and the
/// tour. The shipped study has none.
pub fn check(study: &Study) -> Vec<Problem> {
    let mut out = Vec::new();
    check_model(study, &mut out);
    check_quotations(study, &mut out);
    check_tables(study, &mut out);
    check_tour(study, &mut out);
    check_context(study, &mut out);
    out
}

fn codebook_themes(study: &Study) -> Vec<&str> {
    study
        .raw
        .codebook
        .core_categories
        .iter()
        .flat_map(|c| &c.themes)
        .map(|t| t.id.as_str())
        .collect()
}

fn check_model(study: &Study, out: &mut Vec<Problem>) {
    let m = &study.raw.model;
    let src = "Figure 4 (model)";
    if m.nodes.is_empty() {
        out.push(problem(
            "model-empty",
            src,
            "model",
            "The study file describes no diagram nodes.",
        ));
        return;
    }
    let mut ids = HashSet::new();
    for n in &m.nodes {
        let well_formed = !n.id.is_empty()
            && n.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            out.push(problem(
                "model-node-id",
                src,
                n.id.clone(),
                "A node id must be lowercase letters, digits and hyphens (it is a permalink word).",
            ));
        }
        if !ids.insert(n.id.as_str()) {
            out.push(problem("model-node-duplicate", src, n.id.clone(), "Two nodes have this id."));
        }
        if n.label.trim().is_empty()
            || n.definition.text.trim().is_empty()
            || n.definition.source.trim().is_empty()
        {
            out.push(problem(
                "model-node-text",
                src,
                n.id.clone(),
                "The node needs a label and a definition with its source.",
            ));
        }
        for (name, p) in [("desktop", n.desktop), ("phone", n.phone)] {
            if !(p.col.is_finite() && p.row.is_finite() && p.col >= 0.0 && p.row >= 0.0) {
                out.push(problem(
                    "model-node-position",
                    src,
                    n.id.clone(),
                    format!("The {name} position must be a non-negative column and row."),
                ));
            }
        }
        if let Some(p) = &n.parent {
            match m.node(p) {
                Some(parent) if parent.kind == NodeKind::CoreCategory => {
                    if !m
                        .edges
                        .iter()
                        .any(|e| e.kind == EdgeKind::Comprises && e.from == *p && e.to == n.id)
                    {
                        out.push(problem(
                            "model-parent-edge",
                            src,
                            n.id.clone(),
                            format!("{} is a theme of {p}, but no 'comprises' edge says so.", n.id),
                        ));
                    }
                }
                _ => out.push(problem(
                    "model-parent",
                    src,
                    n.id.clone(),
                    format!("The parent {p} is not a core-category node."),
                )),
            }
        }
        match n.kind {
            NodeKind::Theme => match &n.theme {
                Some(t) if codebook_themes(study).contains(&t.as_str()) => {}
                Some(t) => out.push(problem(
                    "model-theme-codebook",
                    "Table 3",
                    n.id.clone(),
                    format!("The theme {t} has no branch in the codebook (Table 3)."),
                )),
                None => out.push(problem(
                    "model-theme-codebook",
                    "Table 3",
                    n.id.clone(),
                    "A theme node must name its Table 3 theme.",
                )),
            },
            NodeKind::CoreCategory => match &n.category {
                Some(c) if study.raw.codebook.core_categories.iter().any(|x| x.id == *c) => {}
                _ => out.push(problem(
                    "model-category-codebook",
                    "Table 3",
                    n.id.clone(),
                    "A core-category node must name a core category of Table 3.",
                )),
            },
            NodeKind::SocialMedia => {
                let row =
                    study.raw.table1.rows.iter().find(|r| r.node.as_deref() == Some(n.id.as_str()));
                match (row, &n.examples) {
                    (Some(r), Some(ex)) if r.examples == ex.value => {}
                    _ => out.push(problem(
                        "model-examples",
                        "Table 1",
                        n.id.clone(),
                        "The node's examples must be the examples of its Table 1 row.",
                    )),
                }
            }
            NodeKind::Outcome => {}
        }
    }
    for t in codebook_themes(study) {
        if !m.nodes.iter().any(|n| n.theme.as_deref() == Some(t)) {
            out.push(problem(
                "model-codebook-node",
                "Table 3",
                t,
                format!("The Table 3 theme {t} is not drawn in the diagram."),
            ));
        }
    }
    for kind in [LayoutKind::Desktop, LayoutKind::Phone] {
        let mut cells: Vec<(String, (i64, i64))> = Vec::new();
        for n in &m.nodes {
            let p = if kind == LayoutKind::Desktop { n.desktop } else { n.phone };
            let cell = ((p.col * 4.0).round() as i64, (p.row * 4.0).round() as i64);
            if let Some((other, _)) = cells.iter().find(|(_, c)| *c == cell) {
                out.push(problem(
                    "model-layout-overlap",
                    src,
                    n.id.clone(),
                    format!("In the {} layout {} sits on {other}.", kind.key(), n.id),
                ));
            }
            cells.push((n.id.clone(), cell));
        }
    }
    let mut seen_edges = HashSet::new();
    for e in &m.edges {
        let subject = format!("{} \u{2192} {}", e.from, e.to);
        for end in [&e.from, &e.to] {
            if m.node(end).is_none() {
                out.push(problem(
                    "model-edge-node",
                    src,
                    subject.clone(),
                    format!("The edge names {end}, which is not a node."),
                ));
            }
        }
        if e.from == e.to {
            out.push(problem(
                "model-edge-loop",
                src,
                subject.clone(),
                "An edge must join two different nodes.",
            ));
        }
        if !seen_edges.insert((e.from.as_str(), e.to.as_str())) {
            out.push(problem(
                "model-edge-duplicate",
                src,
                subject.clone(),
                "Two edges join these nodes in this direction.",
            ));
        }
        if e.argument.text.trim().is_empty()
            || e.argument.source.trim().is_empty()
            || e.label.trim().is_empty()
        {
            out.push(problem("model-edge-argument", src, subject.clone(), "Every edge needs a verb and the sentence of the paper that argues it, with its source."));
        }
        if e.kind == EdgeKind::Comprises
            && m.node(&e.to).is_some_and(|n| n.parent.as_deref() != Some(e.from.as_str()))
        {
            out.push(problem(
                "model-parent-edge",
                src,
                subject.clone(),
                "A 'comprises' edge must go from a node's parent to the node.",
            ));
        }
    }
    if !m.edges.iter().any(|e| e.kind == EdgeKind::Synergy) {
        out.push(problem("model-synergy", src, "synergy", "The synergy between instrumental and expressive value must be an edge of its own kind."));
    }
}

fn check_quotations(study: &Study, out: &mut Vec<Problem>) {
    let themes = codebook_themes(study);
    let mut ids = HashSet::new();
    for q in &study.raw.quotations {
        if !ids.insert(q.id.as_str()) {
            out.push(problem(
                "quotation-duplicate",
                &q.source,
                q.id.clone(),
                "Two quotations have this id.",
            ));
        }
        if let Some(name) = &q.informant {
            if study.informant(name).is_none() {
                out.push(problem(
                    "quotation-informant",
                    &q.source,
                    q.id.clone(),
                    format!("{name} is not an informant of Table 2."),
                ));
            }
        }
        if !themes.contains(&q.theme.as_str()) {
            out.push(problem(
                "quotation-theme",
                &q.source,
                q.id.clone(),
                format!("The theme {} is not in Table 3.", q.theme),
            ));
        }
        if q.text.trim().is_empty() || q.source.trim().is_empty() {
            out.push(problem(
                "quotation-text",
                &q.source,
                q.id.clone(),
                "A quotation needs its text and its source.",
            ));
        }
        if q.timepoint.is_some() && q.timepoint_basis.trim().is_empty() {
            out.push(problem(
                "quotation-timepoint",
                &q.source,
                q.id.clone(),
                "An inferred timepoint needs its basis.",
            ));
        }
        if let Some(d) = &q.decision {
            if !study.raw.decisions.iter().any(|x| x.id == *d) {
                out.push(problem(
                    "quotation-decision",
                    &q.source,
                    q.id.clone(),
                    format!("The decision {d} is not recorded."),
                ));
            }
        }
    }
    for c in &study.raw.quotation_check.candidates {
        if c.section.trim().is_empty() {
            out.push(problem(
                "quotation-place",
                &study.raw.quotation_check.source,
                c.snippet.clone(),
                "A place considered in the quotation check needs the section it is in.",
            ));
        }
    }
    if study.raw.quotation_check.count != study.raw.quotations.len() {
        out.push(problem(
            "quotation-count",
            "Key findings; Table 7",
            "quotations",
            format!(
                "The check found {} quotations, but the study file holds {}.",
                study.raw.quotation_check.count,
                study.raw.quotations.len()
            ),
        ));
    }
}

fn check_tables(study: &Study, out: &mut Vec<Problem>) {
    let r = &study.raw;
    let themes = codebook_themes(study);
    for (t, name) in [(&r.table5, "Table 5"), (&r.table6, "Table 6")] {
        if !themes.contains(&t.theme.as_str()) {
            out.push(problem(
                "table-theme",
                name,
                t.theme.clone(),
                format!("{name} names a theme that is not in Table 3."),
            ));
        }
        if t.rows.is_empty() || t.rows.iter().any(|x| x.source.trim().is_empty()) {
            out.push(problem(
                "table-rows",
                name,
                name,
                format!("{name} needs rows, each with its source."),
            ));
        }
    }
    if !themes.contains(&r.table7.theme.as_str()) {
        out.push(problem(
            "table-theme",
            "Table 7",
            r.table7.theme.clone(),
            "Table 7 names a theme that is not in Table 3.",
        ));
    }
    for row in &r.table7.rows {
        if !r.quotations.iter().any(|q| q.id == row.quotation_id) {
            out.push(problem(
                "table7-quotation",
                "Table 7",
                row.quotation_id.clone(),
                "Table 7 names a quotation that is not in the study file.",
            ));
        }
    }
    if r.model.node(&r.table_a1.node).is_none() {
        out.push(problem(
            "table-node",
            "Table A1",
            r.table_a1.node.clone(),
            "Table A1 names a node that is not in the diagram.",
        ));
    }
    for row in &r.table1.rows {
        if let Some(n) = &row.node {
            if r.model.node(n).is_none() {
                out.push(problem(
                    "table-node",
                    "Table 1",
                    n.clone(),
                    "Table 1 names a node that is not in the diagram.",
                ));
            }
        }
    }
}

fn check_tour(study: &Study, out: &mut Vec<Problem>) {
    let steps = &study.raw.tour.steps;
    if !(4..=6).contains(&steps.len()) {
        out.push(problem(
            "tour-length",
            "Tour",
            "tour",
            format!("The tour has {} steps; it should have 4 to 6.", steps.len()),
        ));
    }
    let defaults = Selection::paper(study);
    let ids = study.raw.model.ids();
    let mut seen = HashSet::new();
    for s in steps {
        if !seen.insert(s.id.as_str()) {
            out.push(problem(
                "tour-duplicate",
                "Tour",
                s.id.clone(),
                "Two tour steps have this id.",
            ));
        }
        let (_, notices) = permalink::parse(&s.query, &defaults);
        let (_, node_notices) = permalink::parse_node(&s.query, &ids);
        for n in notices.iter().chain(node_notices.iter()) {
            out.push(problem(
                "tour-query",
                "Tour",
                s.id.clone(),
                format!("The step's link does not parse cleanly: {n}."),
            ));
        }
        if !SECTION_ANCHORS.contains(&s.anchor.as_str()) {
            out.push(problem(
                "tour-anchor",
                "Tour",
                s.id.clone(),
                format!("#{} is not a section of the page.", s.anchor),
            ));
        }
        if s.title.trim().is_empty() || s.text.trim().is_empty() {
            out.push(problem(
                "tour-text",
                "Tour",
                s.id.clone(),
                "A tour step needs a title and its text.",
            ));
        }
    }
}

fn check_context(study: &Study, out: &mut Vec<Problem>) {
    let c = &study.raw.context;
    if c.limitations.is_empty()
        || c.limitations.iter().any(|l| l.text.trim().is_empty() || l.source.trim().is_empty())
    {
        out.push(problem(
            "context-limitations",
            "Discussion and conclusions",
            "limitations",
            "The limitations must be quoted, each with its source.",
        ));
    }
    if c.background.sentences.len() != 2 || c.background.citation.trim().is_empty() {
        out.push(problem(
            "context-background",
            "Background essay",
            "background",
            "Exactly two sentences of the background essay, with its citation.",
        ));
    }
}
