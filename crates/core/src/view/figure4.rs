//! Figure 4's diagram for a viewport: a narrow "phone" and a wide "desktop" grid, nodes
//! placed with their wrapped labels, and edges routed around the nodes, ready to be drawn
//! as SVG. Nothing here panics on bad input: a non-finite coordinate becomes 0.

use crate::study::figure4::Node;
use crate::study::figure4::{EdgeKind, ModelDesc};

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
