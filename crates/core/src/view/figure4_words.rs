//! Figure 4 in the UI language: how the diagram names each kind of node and relation, and
//! the description a screen reader hears for each node ("Leads to …", "Comes from …", "In
//! synergy with …"). The graph itself, with no words of the UI, is [`crate::study::figure4`].

use crate::study::figure4::{EdgeKind, Link, ModelDesc, NodeKind};
use crate::text::i18n::{Lang, Strings};
use crate::text::pieces::{
    fill_pieces, join_pieces, list_separator, plain, sentence_separator, Piece,
};

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
}

impl EdgeKind {
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
}

impl ModelDesc {
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
}
