//! Figure 4, the conceptual model, as a graph: serde types for the declarative description
//! in the study file (nodes with their grid positions, definitions and codebook links;
//! edges with the sentence of the paper that argues each), and what the diagram needs from
//! it — the layout for a viewport width (a narrow "phone" and a wide "desktop" grid, with
//! edges routed around nodes), neighbours ("leads to …", "comes from …"), the paths through
//! a node, and the reading order that Tab follows.
//!
//! [`check`] lists every problem of the model, the quotations, the evidence tables and the
//! tour (edges to missing nodes, themes without a codebook branch, unknown informants, tour
//! links that do not parse, …). The shipped study has none; `tests/model.rs` pins that and
//! shows each check catching a broken copy. Nothing here panics on bad input.

use crate::checks::validate::{Kind, Problem};
use crate::reader::permalink;
use crate::stats::selection::Selection;
use crate::study::{Measure, Sourced, Study};
use crate::text::i18n::{fill, segments, Lang, Segment, Strings};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};

/// A text quoted from the paper with where it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourcedText {
    pub text: String,
    pub source: String,
}

/// A place in a layout grid (columns and rows may be fractional).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct GridPos {
    pub col: f64,
    pub row: f64,
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// Work- or socialization-oriented social media.
    SocialMedia,
    /// A core category of Table 3 (instrumental value, expressive value, complementarity).
    #[default]
    CoreCategory,
    /// A second-order theme of Table 3.
    Theme,
    /// Team or employee performance.
    Outcome,
}

impl NodeKind {
    /// How the detail panel names the kind, in the UI language.
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            NodeKind::SocialMedia => t.d_kind_social_media,
            NodeKind::CoreCategory => t.d_kind_core_category,
            NodeKind::Theme => t.d_kind_theme,
            NodeKind::Outcome => t.d_kind_outcome,
        }
    }
    /// The CSS class word.
    pub fn key(self) -> &'static str {
        match self {
            NodeKind::SocialMedia => "social-media",
            NodeKind::CoreCategory => "core-category",
            NodeKind::Theme => "theme",
            NodeKind::Outcome => "outcome",
        }
    }
}

/// One construct of Figure 4.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// The permalink word (`team-monitoring`).
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
    /// The platform studied (DingTalk, WeChat).
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The core category a theme belongs to.
    #[serde(default)]
    pub parent: Option<String>,
    /// The Table 3 theme id (`team_monitoring`).
    #[serde(default)]
    pub theme: Option<String>,
    /// The Table 3 core category id (`instrumental_value`).
    #[serde(default)]
    pub category: Option<String>,
    pub desktop: GridPos,
    pub phone: GridPos,
    pub definition: SourcedText,
    /// Examples of the kind of social media (Table 1).
    #[serde(default)]
    pub examples: Option<Sourced<Vec<String>>>,
    /// What the paper does and does not report for the node.
    #[serde(default)]
    pub note: Option<SourcedText>,
}

/// How two constructs are related.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// A kind of social media creates a value.
    #[default]
    Creates,
    /// A kind of social media takes part in the complementarity.
    Complements,
    /// A core category includes a theme.
    Comprises,
    /// The complementarity generates a value.
    Drives,
    /// Instrumental and expressive value reinforce each other.
    Synergy,
    /// A value improves a performance.
    Improves,
}

impl EdgeKind {
    /// The CSS class word.
    pub fn key(self) -> &'static str {
        match self {
            EdgeKind::Creates => "creates",
            EdgeKind::Complements => "complements",
            EdgeKind::Comprises => "comprises",
            EdgeKind::Drives => "drives",
            EdgeKind::Synergy => "synergy",
            EdgeKind::Improves => "improves",
        }
    }
    /// The legend's description of the line, in the UI language.
    pub fn legend(self, t: &Strings) -> &'static str {
        match self {
            EdgeKind::Creates => t.d_legend_creates,
            EdgeKind::Complements => t.d_legend_complements,
            EdgeKind::Comprises => t.d_legend_comprises,
            EdgeKind::Drives => t.d_legend_drives,
            EdgeKind::Synergy => t.d_legend_synergy,
            EdgeKind::Improves => t.d_legend_improves,
        }
    }
    /// The relation's verb in the UI language, read from `from` to `to`. In English it is
    /// the study file's edge label (`creates`, `includes`, …), one per kind.
    pub fn verb(self, t: &Strings) -> &'static str {
        match self {
            EdgeKind::Creates => t.d_verb_creates,
            EdgeKind::Complements => t.d_verb_complements,
            EdgeKind::Comprises => t.d_verb_comprises,
            EdgeKind::Drives => t.d_verb_drives,
            EdgeKind::Synergy => t.d_verb_synergy,
            EdgeKind::Improves => t.d_verb_improves,
        }
    }
    /// All kinds, in legend order.
    pub const ALL: [EdgeKind; 6] = [
        EdgeKind::Creates,
        EdgeKind::Complements,
        EdgeKind::Comprises,
        EdgeKind::Drives,
        EdgeKind::Synergy,
        EdgeKind::Improves,
    ];
}

/// One relation of Figure 4, with the sentence that argues it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    /// The verb, read from `from` to `to` ("creates").
    pub label: String,
    pub argument: SourcedText,
}

/// The declarative description of Figure 4.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelDesc {
    pub source: String,
    pub note: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// One step of the guided tour.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TourStep {
    pub id: String,
    pub title: String,
    pub text: String,
    /// A permalink query (the README's parameters only).
    pub query: String,
    /// The section the step scrolls to.
    pub anchor: String,
}

/// The guided tour.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tour {
    pub source: String,
    pub steps: Vec<TourStep>,
}

/// The section anchors of the page (DESIGN.md), which tour steps may scroll to.
pub const SECTION_ANCHORS: [&str; 11] = [
    "about",
    "tour",
    "model",
    "salaries",
    "test",
    "robustness",
    "coverage",
    "workshop",
    "demographics",
    "codebook",
    "reproducibility",
];

/// A neighbour of a node: the other node and the relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub node: String,
    pub label: String,
    /// The edge's verb.
    pub relation: String,
    pub kind: EdgeKind,
    /// Index of the edge in the description.
    pub edge: usize,
}

/// The neighbours of a node.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Neighbours {
    pub leads_to: Vec<Link>,
    pub comes_from: Vec<Link>,
    pub synergy_with: Vec<Link>,
}

/// The edges a highlight shows: those touching the node, and those on a path through it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paths {
    pub direct: BTreeSet<usize>,
    /// Every edge on a directed path into or out of the node (synergy edges are not
    /// followed, so the two values do not light up everything).
    pub path: BTreeSet<usize>,
}

impl ModelDesc {
    /// A node by id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Node ids, in description order.
    pub fn ids(&self) -> Vec<&str> {
        self.nodes.iter().map(|n| n.id.as_str()).collect()
    }

    /// The node a codebook theme or core category is drawn as.
    pub fn node_for_codebook(&self, codebook_id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| {
            n.theme.as_deref() == Some(codebook_id) || n.category.as_deref() == Some(codebook_id)
        })
    }

    /// The themes of a core category node, in description order.
    pub fn children(&self, id: &str) -> Vec<&Node> {
        self.nodes.iter().filter(|n| n.parent.as_deref() == Some(id)).collect()
    }

    /// The reading order Tab follows, the order in which the Key findings walk through the
    /// model: each kind of social media, then the value it creates with its themes; then
    /// the other core categories with their themes; then the outcomes. Every node appears
    /// exactly once.
    pub fn reading_order(&self) -> Vec<&Node> {
        let mut out: Vec<&Node> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        fn push<'a>(
            m: &'a ModelDesc,
            n: &'a Node,
            out: &mut Vec<&'a Node>,
            seen: &mut HashSet<&'a str>,
        ) {
            if !seen.insert(n.id.as_str()) {
                return;
            }
            out.push(n);
            for c in m.children(&n.id) {
                push(m, c, out, seen);
            }
        }
        for n in self.nodes.iter().filter(|n| n.kind == NodeKind::SocialMedia) {
            push(self, n, &mut out, &mut seen);
            for e in self.edges.iter().filter(|e| e.from == n.id && e.kind == EdgeKind::Creates) {
                if let Some(t) = self.node(&e.to) {
                    push(self, t, &mut out, &mut seen);
                }
            }
        }
        for n in self.nodes.iter().filter(|n| n.kind != NodeKind::Outcome && n.parent.is_none()) {
            push(self, n, &mut out, &mut seen);
        }
        for n in &self.nodes {
            push(self, n, &mut out, &mut seen);
        }
        out
    }

    /// The neighbours of a node (empty for an unknown id).
    pub fn neighbours(&self, id: &str) -> Neighbours {
        let mut nb = Neighbours::default();
        for (i, e) in self.edges.iter().enumerate() {
            let link = |other: &str| Link {
                node: other.to_string(),
                label: self
                    .node(other)
                    .map(|n| n.label.clone())
                    .unwrap_or_else(|| other.to_string()),
                relation: e.label.clone(),
                kind: e.kind,
                edge: i,
            };
            if e.kind == EdgeKind::Synergy && (e.from == id || e.to == id) {
                nb.synergy_with.push(link(if e.from == id { &e.to } else { &e.from }));
            } else if e.from == id {
                nb.leads_to.push(link(&e.to));
            } else if e.to == id {
                nb.comes_from.push(link(&e.from));
            }
        }
        nb
    }

    /// The description a screen reader hears after the node's name, so the graph can be
    /// travelled by ear: its kind, then "Leads to …", "Comes from …", "In synergy with …",
    /// in the UI language (node names stay as the study file has them).
    pub fn describe(&self, id: &str, lang: Lang) -> String {
        plain(&self.describe_pieces(id, lang))
    }

    /// [`describe`](Self::describe) as runs, the node names marked as the study's own
    /// words (the page wraps those in `lang="en"`).
    pub fn describe_pieces(&self, id: &str, lang: Lang) -> Vec<Piece> {
        let Some(n) = self.node(id) else { return Vec::new() };
        let t = lang.strings();
        let nb = self.neighbours(id);
        let kind = vec![Piece::ui(n.kind.label(t))];
        let mut parts = vec![match (&n.subtitle, n.parent.as_deref().and_then(|p| self.node(p))) {
            (Some(s), _) => fill_pieces(
                t.d_desc_studied_as,
                &[("kind", kind), ("platform", vec![Piece::study(s)])],
            ),
            (None, Some(p)) => fill_pieces(
                t.d_desc_of,
                &[("kind", kind), ("parent", vec![Piece::study(&p.label)])],
            ),
            (None, None) => fill_pieces(t.d_desc_kind, &[("kind", kind)]),
        }];
        let links = |links: &[Link], template: &str| -> Vec<Piece> {
            let items = links
                .iter()
                .map(|l| {
                    fill_pieces(
                        template,
                        &[
                            ("node", vec![Piece::study(&l.label)]),
                            ("relation", vec![Piece::ui(l.kind.verb(t))]),
                        ],
                    )
                })
                .collect();
            join_pieces(items, list_separator(lang))
        };
        if !nb.leads_to.is_empty() {
            parts.push(fill_pieces(
                t.d_desc_leads_to,
                &[("items", links(&nb.leads_to, t.d_link_out))],
            ));
        }
        if !nb.comes_from.is_empty() {
            parts.push(fill_pieces(
                t.d_desc_comes_from,
                &[("items", links(&nb.comes_from, t.d_link_in))],
            ));
        }
        if !nb.synergy_with.is_empty() {
            let items = nb.synergy_with.iter().map(|l| vec![Piece::study(&l.label)]).collect();
            parts.push(fill_pieces(
                t.d_desc_synergy,
                &[("items", join_pieces(items, list_separator(lang)))],
            ));
        }
        if nb.leads_to.is_empty() && nb.comes_from.is_empty() && nb.synergy_with.is_empty() {
            parts.push(vec![Piece::ui(t.d_desc_unconnected)]);
        }
        join_pieces(parts, sentence_separator(lang))
    }

    /// The edges to highlight for a node.
    pub fn paths(&self, id: &str) -> Paths {
        let mut p = Paths::default();
        for (i, e) in self.edges.iter().enumerate() {
            if e.from == id || e.to == id {
                p.direct.insert(i);
                p.path.insert(i);
            }
        }
        // Downstream and upstream along directed, non-synergy edges.
        for forward in [true, false] {
            let mut stack = vec![id.to_string()];
            let mut seen: HashSet<String> = HashSet::new();
            while let Some(cur) = stack.pop() {
                if !seen.insert(cur.clone()) {
                    continue;
                }
                for (i, e) in self.edges.iter().enumerate() {
                    if e.kind == EdgeKind::Synergy {
                        continue;
                    }
                    let (a, b) = if forward { (&e.from, &e.to) } else { (&e.to, &e.from) };
                    if *a == cur {
                        p.path.insert(i);
                        stack.push(b.clone());
                    }
                }
            }
        }
        p
    }
}

// ---- Translated text with the study's own words in it ---------------------------------

/// A run of text in a translated sentence: the explorer's own words, or words that stay in
/// English in every UI language — the study's content as published (node names,
/// pseudonyms, sources) and the names printed on keys — which the page marks `lang="en"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// The study's own words (English in every UI language).
    pub study: bool,
}

impl Piece {
    /// The explorer's own words.
    pub fn ui(text: impl Into<String>) -> Piece {
        Piece { text: text.into(), study: false }
    }
    /// The study's own words.
    pub fn study(text: impl Into<String>) -> Piece {
        Piece { text: text.into(), study: true }
    }
}

fn push_piece(out: &mut Vec<Piece>, p: Piece) {
    if p.text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.study == p.study => last.text.push_str(&p.text),
        _ => out.push(p),
    }
}

/// Fills `{name}` placeholders like [`crate::text::i18n::fill`], each value being runs of
/// its own; the template's words are the explorer's. Adjacent runs of one kind merge.
pub fn fill_pieces(template: &str, args: &[(&str, Vec<Piece>)]) -> Vec<Piece> {
    let mut out = Vec::new();
    for seg in segments(template) {
        match seg {
            Segment::Text(t) => push_piece(&mut out, Piece::ui(t)),
            Segment::Placeholder(name) => match args.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => v.iter().cloned().for_each(|p| push_piece(&mut out, p)),
                None => push_piece(&mut out, Piece::ui(format!("{{{name}}}"))),
            },
        }
    }
    out
}

/// Joins runs with a separator of the explorer's.
pub fn join_pieces(parts: Vec<Vec<Piece>>, sep: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            push_piece(&mut out, Piece::ui(sep));
        }
        part.into_iter().for_each(|p| push_piece(&mut out, p));
    }
    out
}

/// The runs as one string.
pub fn plain(pieces: &[Piece]) -> String {
    pieces.iter().map(|p| p.text.as_str()).collect()
}

/// Between the items of a list ("A; B" / "A；B").
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Zh => "\u{ff1b}",
    }
}

/// Between a few names ("A, B" / "A、B").
pub fn name_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "\u{3001}",
    }
}

/// Between sentences (a blank in English, none in Chinese).
pub fn sentence_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " ",
        Lang::Zh => "",
    }
}

/// The selection line of the detail panel ("Service and Development, T1→T2, quarterly,
/// T2 discounted to 2016 terms") in the UI language; in English it is
/// [`Selection::summary`].
pub fn selection_summary(sel: &Selection, lang: Lang) -> String {
    let t = lang.strings();
    let groups: Vec<&str> = sel.selected_groups().iter().map(|g| g.label()).collect();
    let groups = match groups.as_slice() {
        [a, b] => fill(t.d_groups_and, &[("first", a), ("second", b)]),
        _ => groups.join(name_separator(lang)),
    };
    let times: Vec<&str> = sel.selected_times().iter().map(|x| x.label()).collect();
    let measure = match sel.measure {
        Measure::Quarterly => t.measure_quarterly,
        Measure::Monthly => t.measure_monthly,
    };
    let discount = if sel.discount { t.d_discounted } else { t.d_as_paid };
    let comma = match lang {
        Lang::En => ", ",
        Lang::Zh => "\u{ff0c}",
    };
    [groups.as_str(), &times.join("\u{2192}"), measure, discount].join(comma)
}

// ---- Layout -----------------------------------------------------------------------------

/// Which of the two layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutKind {
    /// Two columns, read top to bottom.
    Phone,
    /// Four columns, read left to right.
    Desktop,
}

/// Viewports narrower than this (CSS pixels) get the phone layout.
pub const PHONE_BREAKPOINT: f64 = 640.0;

impl LayoutKind {
    /// The layout for a container width in CSS pixels (non-finite widths get desktop).
    pub fn for_width(width: f64) -> LayoutKind {
        if width.is_finite() && width < PHONE_BREAKPOINT {
            LayoutKind::Phone
        } else {
            LayoutKind::Desktop
        }
    }
    /// The CSS class word.
    pub fn key(self) -> &'static str {
        match self {
            LayoutKind::Phone => "phone",
            LayoutKind::Desktop => "desktop",
        }
    }
}

/// The geometry of one layout, in viewBox units.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    width: f64,
    margin_x: f64,
    margin_y: f64,
    row_h: f64,
    node_w: f64,
    /// Width of nodes at fractional columns (the centred stack on phones).
    centre_w: f64,
    indent: f64,
    line_h: f64,
    pad_y: f64,
    char_w: f64,
    font: f64,
}

impl Geometry {
    fn of(kind: LayoutKind) -> Geometry {
        match kind {
            LayoutKind::Desktop => Geometry {
                width: 960.0,
                margin_x: 28.0,
                margin_y: 12.0,
                row_h: 58.0,
                node_w: 186.0,
                centre_w: 186.0,
                indent: 18.0,
                line_h: 15.0,
                pad_y: 9.0,
                char_w: 7.6,
                font: 13.0,
            },
            LayoutKind::Phone => Geometry {
                width: 360.0,
                margin_x: 8.0,
                margin_y: 10.0,
                row_h: 66.0,
                node_w: 156.0,
                centre_w: 142.0,
                indent: 16.0,
                line_h: 14.0,
                pad_y: 8.0,
                char_w: 7.2,
                font: 12.0,
            },
        }
    }
}

/// A node placed in a layout: its box (top-left corner, size) and its label lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub id: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The label, wrapped to the box.
    pub lines: Vec<String>,
    /// The platform line (DingTalk, WeChat), drawn under the label.
    pub subtitle: Option<String>,
}

impl Placed {
    fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
    fn right(&self) -> f64 {
        self.x + self.w
    }
    fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// Whether the segment a–b passes through this box grown by `pad`.
    fn hit_by(&self, a: (f64, f64), b: (f64, f64), pad: f64) -> bool {
        segment_hits_rect(
            a,
            b,
            (self.x - pad, self.y - pad, self.right() + pad, self.bottom() + pad),
        )
    }
}

/// An edge drawn in a layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Routed {
    /// Index of the edge in the description.
    pub edge: usize,
    pub kind: EdgeKind,
    /// The polyline from the source's border to the target's border.
    pub points: Vec<(f64, f64)>,
    /// SVG path data of the polyline.
    pub d: String,
    /// SVG path data of the arrowhead(s).
    pub heads: String,
}

/// A whole diagram for one viewport: the viewBox size, placed nodes and routed edges.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub kind: LayoutKind,
    pub width: f64,
    pub height: f64,
    /// The label font size in viewBox units.
    pub font: f64,
    pub line_h: f64,
    pub nodes: Vec<Placed>,
    pub edges: Vec<Routed>,
}

impl Layout {
    /// The placed node with an id.
    pub fn node(&self, id: &str) -> Option<&Placed> {
        self.nodes.iter().find(|n| n.id == id)
    }
    /// `viewBox` attribute value.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", num(self.width), num(self.height))
    }
    /// Edges whose drawn line passes through a node other than its own two (the shipped
    /// layouts have none; a test pins it).
    pub fn crossings(&self, model: &ModelDesc) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for r in &self.edges {
            let Some(e) = model.edges.get(r.edge) else { continue };
            for n in &self.nodes {
                if n.id == e.from || n.id == e.to {
                    continue;
                }
                if r.points.windows(2).any(|w| n.hit_by(w[0], w[1], 2.0)) {
                    out.push((r.edge, n.id.clone()));
                }
            }
        }
        out
    }
}

/// Wraps a label into lines of at most `max` characters (a longer word gets a line of its own).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Formats a coordinate for SVG (one decimal, no trailing zeros).
fn num(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Whether segment a–b meets the rectangle (x0, y0, x1, y1) (Liang–Barsky clipping).
fn segment_hits_rect(a: (f64, f64), b: (f64, f64), r: (f64, f64, f64, f64)) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (p, q) in [(-dx, a.0 - r.0), (dx, r.2 - a.0), (-dy, a.1 - r.1), (dy, r.3 - a.1)] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// Where the ray from a box's centre towards `to` leaves the box.
fn border_point(n: &Placed, to: (f64, f64)) -> (f64, f64) {
    let (cx, cy) = (n.cx(), n.cy());
    let (dx, dy) = (to.0 - cx, to.1 - cy);
    if dx == 0.0 && dy == 0.0 {
        return (cx, cy);
    }
    let sx = if dx != 0.0 { (n.w / 2.0) / dx.abs() } else { f64::INFINITY };
    let sy = if dy != 0.0 { (n.h / 2.0) / dy.abs() } else { f64::INFINITY };
    let s = sx.min(sy);
    (cx + dx * s, cy + dy * s)
}

/// An arrowhead ending at `tip`, pointing along `from` → `tip`.
fn head(from: (f64, f64), tip: (f64, f64), size: f64) -> String {
    let (dx, dy) = (tip.0 - from.0, tip.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len == 0.0 || !len.is_finite() {
        return String::new();
    }
    let (ux, uy) = (dx / len, dy / len);
    let (bx, by) = (tip.0 - ux * size, tip.1 - uy * size);
    let (px, py) = (-uy * size * 0.5, ux * size * 0.5);
    format!(
        "M{},{}L{},{}L{},{}Z",
        num(tip.0),
        num(tip.1),
        num(bx + px),
        num(by + py),
        num(bx - px),
        num(by - py)
    )
}

/// Computes the diagram for a container `viewport_width` CSS pixels wide.
pub fn layout(model: &ModelDesc, viewport_width: f64) -> Layout {
    layout_kind(model, LayoutKind::for_width(viewport_width))
}

/// Computes one of the two layouts.
pub fn layout_kind(model: &ModelDesc, kind: LayoutKind) -> Layout {
    let g = Geometry::of(kind);
    let pos = |n: &Node| match kind {
        LayoutKind::Desktop => n.desktop,
        LayoutKind::Phone => n.phone,
    };
    let cols = model
        .nodes
        .iter()
        .map(|n| pos(n).col.floor() as i64 + 1)
        .filter(|c| *c > 0)
        .max()
        .unwrap_or(1)
        .clamp(1, 64) as f64;
    let col_w = (g.width - 2.0 * g.margin_x) / cols;
    let mut nodes: Vec<Placed> = Vec::new();
    for n in &model.nodes {
        let p = pos(n);
        let (col, row) =
            (finite_or_zero(p.col).clamp(0.0, cols), finite_or_zero(p.row).clamp(0.0, 1000.0));
        let centred = col.fract() != 0.0;
        let base_w = if centred { g.centre_w } else { g.node_w };
        let mut x = g.margin_x + col * col_w + (col_w - base_w) / 2.0;
        if centred {
            x = g.margin_x + (col + 0.5) * col_w - base_w / 2.0;
        }
        let mut w = base_w;
        if n.parent.is_some() {
            x += g.indent;
            w -= g.indent;
        }
        let max_chars = (((w - 14.0) / g.char_w).floor() as usize).max(6);
        let lines = wrap(&n.label, max_chars);
        let text_lines = lines.len() + usize::from(n.subtitle.is_some());
        let h = text_lines as f64 * g.line_h + 2.0 * g.pad_y;
        let cy = g.margin_y + row * g.row_h + g.row_h / 2.0;
        nodes.push(Placed {
            id: n.id.clone(),
            x,
            y: cy - h / 2.0,
            w,
            h,
            lines,
            subtitle: n.subtitle.clone(),
        });
    }
    let height = nodes.iter().map(|n| n.bottom()).fold(0.0, f64::max) + g.margin_y;
    let mut edges = Vec::new();
    for (i, e) in model.edges.iter().enumerate() {
        let (Some(a), Some(b)) =
            (nodes.iter().find(|n| n.id == e.from), nodes.iter().find(|n| n.id == e.to))
        else {
            continue;
        };
        let points = route(e.kind, a, b, &nodes, g.width);
        let d = points
            .iter()
            .enumerate()
            .map(|(k, p)| format!("{}{},{}", if k == 0 { 'M' } else { 'L' }, num(p.0), num(p.1)))
            .collect::<String>();
        let size = if kind == LayoutKind::Phone { 7.0 } else { 8.0 };
        let mut heads = String::new();
        if e.kind != EdgeKind::Comprises && points.len() >= 2 {
            let n = points.len();
            heads.push_str(&head(points[n - 2], points[n - 1], size));
            if e.kind == EdgeKind::Synergy {
                heads.push_str(&head(points[1], points[0], size));
            }
        }
        edges.push(Routed { edge: i, kind: e.kind, points, d, heads });
    }
    Layout { kind, width: g.width, height, font: g.font, line_h: g.line_h, nodes, edges }
}

fn finite_or_zero(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// Routes an edge: a bracket from a core category down to its themes; otherwise the first
/// of a straight line, an elbow through the gap between columns, an elbow through the gap
/// between rows, or a bracket beside the nodes (on the outer side first), that passes
/// through no other node. Elbows leave a little below a box's middle and arrive a little
/// above it, so an edge arriving and one leaving on the same side do not merge.
fn route(kind: EdgeKind, a: &Placed, b: &Placed, all: &[Placed], width: f64) -> Vec<(f64, f64)> {
    if kind == EdgeKind::Comprises {
        let spine = a.x + 9.0;
        return vec![(spine, a.bottom()), (spine, b.cy()), (b.x, b.cy())];
    }
    let clear = |pts: &[(f64, f64)]| -> bool {
        pts.windows(2).all(|w| {
            all.iter().filter(|n| n.id != a.id && n.id != b.id).all(|n| !n.hit_by(w[0], w[1], 3.0))
        })
    };
    let (ay, by) = (a.cy() + (a.h / 4.0).min(5.0), b.cy() - (b.h / 4.0).min(5.0));
    let mut candidates: Vec<Vec<(f64, f64)>> = Vec::new();
    candidates.push(vec![border_point(a, (b.cx(), b.cy())), border_point(b, (a.cx(), a.cy()))]);
    if b.x >= a.right() {
        let gx = (a.right() + b.x) / 2.0 - 3.0;
        candidates.push(vec![(a.right(), ay), (gx, ay), (gx, by), (b.x, by)]);
    } else if a.x >= b.right() {
        let gx = (b.right() + a.x) / 2.0 + 3.0;
        candidates.push(vec![(a.x, ay), (gx, ay), (gx, by), (b.right(), by)]);
    }
    if b.y >= a.bottom() {
        let gy = (a.bottom() + b.y) / 2.0;
        candidates.push(vec![(a.cx(), a.bottom()), (a.cx(), gy), (b.cx(), gy), (b.cx(), b.y)]);
    } else if a.y >= b.bottom() {
        let gy = (b.bottom() + a.y) / 2.0;
        candidates.push(vec![(a.cx(), a.y), (a.cx(), gy), (b.cx(), gy), (b.cx(), b.bottom())]);
    }
    let lx = a.x.min(b.x) - 12.0;
    let left = vec![(a.x, ay), (lx, ay), (lx, by), (b.x, by)];
    let rx = a.right().max(b.right()) + 12.0;
    let right = vec![(a.right(), ay), (rx, ay), (rx, by), (b.right(), by)];
    if kind == EdgeKind::Synergy || (a.cx() + b.cx()) / 2.0 < width / 2.0 {
        candidates.push(left);
        candidates.push(right);
    } else {
        candidates.push(right);
        candidates.push(left);
    }
    let first = candidates[0].clone();
    candidates.into_iter().find(|c| clear(c)).unwrap_or(first)
}

// ---- Checks -----------------------------------------------------------------------------

fn problem(
    code: &'static str,
    source: &str,
    subject: impl Into<String>,
    message: impl Into<String>,
) -> Problem {
    Problem {
        kind: Kind::Error,
        code,
        source: source.to_string(),
        subject: subject.into(),
        message: message.into(),
    }
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
