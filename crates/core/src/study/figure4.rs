//! Figure 4, the conceptual model, as a graph: serde types for the declarative description
//! in the study file (nodes with their grid positions, definitions and codebook links;
//! edges with the sentence of the paper that argues each), the guided tour, and what the
//! diagram needs from the graph: neighbours ("leads to …", "comes from …"), the paths
//! through a node, and the reading order that Tab follows.
//!
//! The diagram's layout is [`crate::view::figure4`] and its words in the UI language (the
//! names of the kinds, what a screen reader hears for a node) are
//! [`crate::view::figure4_words`]; the checks that every reference resolves are
//! [`crate::checks::content`]. This file needs only serde and the standard library, so
//! `crates/core/build.rs` can include it to read the study file.

use crate::study::kinds::Sourced;
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

/// The section anchors of the page, in reading order (docs/design.md), which tour steps may
/// scroll to.
pub const SECTION_ANCHORS: [&str; 12] = [
    "about",
    "tour",
    "model",
    "salaries",
    "test",
    "robustness",
    "your-data",
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
