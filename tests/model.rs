//! The conceptual model, the evidence and the tour in the study file: the diagram
//! description is well formed, every edge joins existing nodes, every theme has a codebook
//! branch, every quotation names an informant and a theme that exist, every tour link parses
//! without notices, neighbour descriptions read right, both layouts stay inside their
//! viewBox with no edge through a node — and each check catches a deliberately broken copy.

use study_core::checks::content::check;
use study_core::reader::permalink;
use study_core::stats::selection::Selection;
use study_core::study::attribution::attribute;
use study_core::study::evidence::{bibtex, highlight, quotations_for, search_codebook};
use study_core::study::figure4::{EdgeKind, NodeKind};
use study_core::study::{Group, Study, Terms, Time};
use study_core::text::i18n::{Lang, EN, ZH};
use study_core::text::pieces::{fill_pieces, plain, Piece};
use study_core::view::figure4::{layout, layout_kind, LayoutKind, PHONE_BREAKPOINT};
use study_core::view::selection::selection_summary;

fn study() -> Study {
    Study::embedded().expect("the embedded study loads")
}

/// The problem codes `check` reports for a study.
fn codes(s: &Study) -> Vec<&'static str> {
    check(s).into_iter().map(|p| p.code).collect()
}

#[test]
fn the_shipped_study_has_no_problem() {
    let problems = check(&study());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_diagram_has_figure_4s_constructs() {
    let s = study();
    let m = &s.raw.model;
    assert_eq!(m.nodes.len(), 15);
    let kinds = |k: NodeKind| m.nodes.iter().filter(|n| n.kind == k).count();
    assert_eq!(
        (
            kinds(NodeKind::SocialMedia),
            kinds(NodeKind::CoreCategory),
            kinds(NodeKind::Theme),
            kinds(NodeKind::Outcome)
        ),
        (2, 3, 8, 2)
    );
    for (parent, themes) in [
        ("instrumental-value", vec!["team-reflexivity", "team-monitoring", "team-effort"]),
        ("expressive-value", vec!["social-exchange", "social-support"]),
        (
            "complementarity",
            vec![
                "differentiated-market-positioning",
                "heterogeneous-features-and-affordances",
                "complementary-usage",
            ],
        ),
    ] {
        let children: Vec<&str> = m.children(parent).iter().map(|n| n.id.as_str()).collect();
        assert_eq!(children, themes, "{parent}");
    }
    assert_eq!(
        m.node("work-oriented-social-media").and_then(|n| n.subtitle.as_deref()),
        Some("DingTalk")
    );
    assert_eq!(
        m.node("socialization-oriented-social-media").and_then(|n| n.subtitle.as_deref()),
        Some("WeChat")
    );
    // The synergy is an edge of its own kind, between the two values.
    let synergy: Vec<_> = m.edges.iter().filter(|e| e.kind == EdgeKind::Synergy).collect();
    assert_eq!(synergy.len(), 1);
    let ends = [synergy[0].from.as_str(), synergy[0].to.as_str()];
    assert!(ends.contains(&"instrumental-value") && ends.contains(&"expressive-value"));
    for e in &m.edges {
        assert!(m.node(&e.from).is_some() && m.node(&e.to).is_some(), "{} -> {}", e.from, e.to);
        assert!(!e.argument.text.is_empty() && !e.argument.source.is_empty());
    }
    for n in &m.nodes {
        assert!(!n.definition.text.is_empty() && !n.definition.source.is_empty(), "{}", n.id);
    }
}

#[test]
fn every_theme_has_its_codebook_branch_and_back() {
    let s = study();
    let m = &s.raw.model;
    for n in m.nodes.iter().filter(|n| n.kind == NodeKind::Theme) {
        let id = n.theme.as_deref().expect("a theme node names its theme");
        assert!(
            s.raw.codebook.core_categories.iter().flat_map(|c| &c.themes).any(|t| t.id == id),
            "{id}"
        );
    }
    for t in s.raw.codebook.core_categories.iter().flat_map(|c| &c.themes) {
        assert_eq!(m.node_for_codebook(&t.id).map(|n| n.label.as_str()), Some(t.name.as_str()));
    }
    let monitoring = s
        .raw
        .codebook
        .core_categories
        .iter()
        .flat_map(|c| &c.themes)
        .find(|t| t.id == "team_monitoring")
        .unwrap();
    let concepts: Vec<&str> = monitoring.concepts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        concepts,
        [
            "Work-related information visibility",
            "Observe the actions of teams",
            "Identify performance discrepancies",
            "Provide feedback"
        ]
    );
}

#[test]
fn every_quotation_names_an_informant_and_a_theme_that_exist() {
    let s = study();
    let q = &s.raw.quotations;
    assert_eq!(q.len(), 29);
    assert_eq!(s.raw.quotation_check.count, 29);
    let themes: Vec<&str> = s
        .raw
        .codebook
        .core_categories
        .iter()
        .flat_map(|c| &c.themes)
        .map(|t| t.id.as_str())
        .collect();
    for x in q {
        if let Some(name) = &x.informant {
            assert!(s.informant(name).is_some(), "{}: {name}", x.id);
        }
        assert!(themes.contains(&x.theme.as_str()), "{}: {}", x.id, x.theme);
        assert_eq!(x.timepoint, Some(Time::T2), "{}", x.id);
        assert!(x.timepoint_basis.contains("Inferred"), "{}", x.id);
    }
    let doubtful: Vec<&str> =
        q.iter().filter(|x| x.doubt.is_some()).map(|x| x.id.as_str()).collect();
    assert_eq!(doubtful, ["q04", "q17", "q28", "q29"]);
    assert!(q
        .iter()
        .filter(|x| x.doubt.is_some())
        .all(|x| x.decision.as_deref() == Some("doubtful-quotations")));
    // Table 7's five quotations, and the themes with their evidence.
    assert_eq!(s.raw.table7.rows.len(), 5);
    assert_eq!(quotations_for(q, "team_monitoring").len(), 3);
    assert_eq!(quotations_for(q, "team_reflexivity").len(), 0);
    assert_eq!(s.raw.table5.theme, "team_reflexivity");
    assert_eq!(
        (s.raw.table5.rows.len(), s.raw.table6.rows.len(), s.raw.table_a1.rows.len()),
        (6, 7, 17)
    );
}

#[test]
fn attribution_uses_table_2_and_shows_the_grace_contradiction() {
    let s = study();
    let find = |id: &str| s.raw.quotations.iter().find(|q| q.id == id).unwrap();
    let blake = attribute(&s, find("q01"));
    assert_eq!(blake.who, "Blake");
    assert_eq!(blake.group_id, Some(Group::Service));
    assert!(
        blake.role.contains("supervisor from Service") && blake.role.contains("Department Head"),
        "{}",
        blake.role
    );
    assert_eq!(blake.timepoint, "T2 (inferred)");
    assert!(blake.contradiction.is_none());
    let grace = attribute(&s, find("q15"));
    assert_eq!(grace.group_id, Some(Group::Development));
    assert_eq!(grace.group, "Development (Table 2)");
    assert!(grace.contradiction.as_deref().unwrap().contains("team leader in Service"));
    let unnamed = attribute(&s, find("q14"));
    assert_eq!(unnamed.who, "Unnamed informant");
    assert_eq!(unnamed.group, "Service (as the text says)");
    let nobody = attribute(&s, find("q24"));
    assert_eq!(
        (nobody.role.as_str(), nobody.group.as_str()),
        ("role not stated", "group not stated")
    );
    assert!(blake.line().contains("Blake") && blake.line().contains("T2 (inferred)"));
}

#[test]
fn every_tour_step_parses_without_notices() {
    let s = study();
    let defaults = Selection::paper(&s);
    let steps = &s.raw.tour.steps;
    assert!((4..=6).contains(&steps.len()));
    let ids = s.raw.model.ids();
    for step in steps {
        let (_, notices) = permalink::parse(&step.query, &defaults);
        assert!(notices.is_empty(), "{}: {notices:?}", step.id);
        let (_, node_notices) = permalink::parse_node(&step.query, &ids);
        assert!(node_notices.is_empty(), "{}: {node_notices:?}", step.id);
    }
    // The steps walk through the stages: T1 only, then T2, both times, and the discount off.
    let sel = |i: usize| permalink::parse(&steps[i].query, &defaults).0;
    assert_eq!(sel(0).times, [true, false]);
    assert_eq!(permalink::parse_node(&steps[1].query, &ids).0.as_deref(), Some("team-monitoring"));
    assert!(sel(3).discount && !sel(4).discount);
}

#[test]
fn neighbour_descriptions_let_a_listener_travel_the_graph() {
    let s = study();
    let m = &s.raw.model;
    let d = m.describe("instrumental-value", Lang::En);
    assert!(d.starts_with("Core category (Table 3)."), "{d}");
    assert!(d.contains("Leads to: Team reflexivity (includes); Team monitoring (includes); Team effort (includes); Team performance (improves); Employee performance (improves)."), "{d}");
    assert!(
        d.contains(
            "Comes from: Work-oriented social media (creates it); Complementarity (generates it)."
        ),
        "{d}"
    );
    assert!(d.contains("In synergy with: Expressive value."), "{d}");
    let t = m.describe("team-monitoring", Lang::En);
    assert_eq!(t, "Second-order theme (Table 3) of Instrumental value. Comes from: Instrumental value (includes it).");
    assert!(m.describe("work-oriented-social-media", Lang::En).contains("studied as DingTalk"));
    assert!(!m.describe("employee-performance", Lang::En).contains("Leads to"));
    assert_eq!(m.describe("no-such-node", Lang::En), "");
    // In Chinese the explorer's words are translated and the node names stay as published,
    // marked as the study's own words.
    let zh = m.describe("team-monitoring", Lang::Zh);
    assert_eq!(
        zh,
        "二阶主题（Table 3），属于 Instrumental value。来自：Instrumental value（包含本构念）。"
    );
    assert_ne!(zh, t);
    let pieces = m.describe_pieces("team-monitoring", Lang::Zh);
    assert_eq!(
        pieces.iter().filter(|p| p.study).map(|p| p.text.as_str()).collect::<Vec<_>>(),
        vec!["Instrumental value", "Instrumental value"]
    );
    assert_eq!(plain(&pieces), zh);
    assert_eq!(NodeKind::Theme.label(&EN), "Second-order theme (Table 3)");
    assert_ne!(NodeKind::Theme.label(&ZH), NodeKind::Theme.label(&EN));
    for k in EdgeKind::ALL {
        assert_ne!(k.legend(&ZH), k.legend(&EN));
        // In English the verb is the study file's label for the kind.
        for e in m.edges.iter().filter(|e| e.kind == k) {
            assert_eq!(k.verb(&EN), e.label);
        }
    }
    assert_eq!(
        fill_pieces("{a} of {b}.", &[("a", vec![Piece::ui("x")]), ("b", vec![Piece::study("Y")])]),
        vec![Piece::ui("x of "), Piece::study("Y"), Piece::ui(".")]
    );
    assert_eq!(plain(&fill_pieces("{missing}!", &[])), "{missing}!");
    // The selection line: English as Selection::summary says it, Chinese translated.
    let s = study();
    let paper = Selection::paper(&s);
    assert_eq!(selection_summary(&paper, &Terms::paper(), Lang::En), paper.summary());
    assert_eq!(
        selection_summary(&paper, &Terms::paper(), Lang::Zh),
        "Service 和 Development，T1\u{2192}T2，季度，T2 折算为 2016 年水平"
    );
    let mut one = paper;
    one.groups = [true, false];
    one.discount = false;
    assert_eq!(selection_summary(&one, &Terms::paper(), Lang::En), one.summary());
    let nb = m.neighbours("expressive-value");
    assert_eq!(nb.synergy_with.len(), 1);
    assert_eq!(nb.synergy_with[0].node, "instrumental-value");
}

#[test]
fn reading_order_follows_the_key_findings() {
    let s = study();
    let order: Vec<&str> = s.raw.model.reading_order().iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "work-oriented-social-media",
            "instrumental-value",
            "team-reflexivity",
            "team-monitoring",
            "team-effort",
            "socialization-oriented-social-media",
            "expressive-value",
            "social-exchange",
            "social-support",
            "complementarity",
            "differentiated-market-positioning",
            "heterogeneous-features-and-affordances",
            "complementary-usage",
            "team-performance",
            "employee-performance",
        ]
    );
}

#[test]
fn paths_light_the_edges_into_and_out_of_a_node() {
    let s = study();
    let m = &s.raw.model;
    let idx =
        |from: &str, to: &str| m.edges.iter().position(|e| e.from == from && e.to == to).unwrap();
    let p = m.paths("team-monitoring");
    assert_eq!(
        p.direct.iter().copied().collect::<Vec<_>>(),
        [idx("instrumental-value", "team-monitoring")]
    );
    assert!(p.path.contains(&idx("work-oriented-social-media", "instrumental-value")));
    assert!(p.path.contains(&idx("complementarity", "instrumental-value")));
    assert!(
        !p.path.contains(&idx("instrumental-value", "team-performance")),
        "a theme has nothing downstream"
    );
    let v = m.paths("expressive-value");
    assert!(
        v.direct.contains(&idx("expressive-value", "instrumental-value")),
        "the synergy touches the value"
    );
    assert!(
        !v.path.contains(&idx("instrumental-value", "team-reflexivity")),
        "synergy is not followed"
    );
}

#[test]
fn both_layouts_fit_their_viewbox_without_overlaps_or_crossings() {
    let s = study();
    let m = &s.raw.model;
    assert_eq!(LayoutKind::for_width(375.0), LayoutKind::Phone);
    assert_eq!(LayoutKind::for_width(PHONE_BREAKPOINT), LayoutKind::Desktop);
    assert_eq!(LayoutKind::for_width(f64::NAN), LayoutKind::Desktop);
    assert_eq!(layout(m, 320.0).kind, LayoutKind::Phone);
    assert_eq!(layout(m, 1280.0).kind, LayoutKind::Desktop);
    for kind in [LayoutKind::Phone, LayoutKind::Desktop] {
        let l = layout_kind(m, kind);
        assert_eq!(l.nodes.len(), m.nodes.len());
        assert_eq!(l.edges.len(), m.edges.len());
        assert!(
            l.width > 0.0 && l.height > 0.0 && l.height < 2000.0,
            "{kind:?}: {}x{}",
            l.width,
            l.height
        );
        for n in &l.nodes {
            assert!(
                n.x >= 0.0 && n.y >= 0.0 && n.x + n.w <= l.width && n.y + n.h <= l.height,
                "{kind:?}: {} outside the viewBox",
                n.id
            );
            assert!(!n.lines.is_empty());
        }
        for (i, a) in l.nodes.iter().enumerate() {
            for b in &l.nodes[i + 1..] {
                let apart =
                    a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
                assert!(apart, "{kind:?}: {} overlaps {}", a.id, b.id);
            }
        }
        for r in &l.edges {
            assert!(r.points.len() >= 2);
            for p in &r.points {
                assert!(
                    p.0 >= 0.0 && p.1 >= 0.0 && p.0 <= l.width && p.1 <= l.height,
                    "{kind:?}: edge {} leaves the viewBox at {p:?}",
                    r.edge
                );
            }
            assert!(r.d.starts_with('M'));
        }
        assert_eq!(l.crossings(m), vec![], "{kind:?}: edges through nodes");
        // Labels fit their boxes (at the layout's character width, roughly).
        assert!(
            l.nodes.iter().all(|n| n
                .lines
                .iter()
                .all(|line| line.chars().count() as f64 * l.font * 0.52 <= n.w)),
            "{kind:?}"
        );
    }
    assert!(layout_kind(m, LayoutKind::Phone).width < layout_kind(m, LayoutKind::Desktop).width);
}

#[test]
fn the_context_quotes_the_limitations_and_two_background_sentences() {
    let s = study();
    let c = &s.raw.context;
    assert!(c
        .limitations
        .iter()
        .any(|l| l.source == "Footnote 2" && l.text == s.raw.caution.value));
    assert!(c.limitations.iter().any(|l| l.text.contains("less generalizable")));
    assert_eq!(c.background.sentences.len(), 2);
    assert!(c.background.sentences.iter().any(|x| x.contains("prosocial")));
    let b = bibtex(&s.raw.about.citation);
    assert!(b.starts_with("@article{song2019,"), "{b}");
    assert!(
        b.contains("doi     = {10.1016/j.im.2019.04.003}")
            && b.contains("Information \\& Management"),
        "{b}"
    );
}

#[test]
fn the_codebook_search_filters_and_highlights() {
    let s = study();
    let cb = &s.raw.codebook;
    let hits = search_codebook(cb, "benchmark");
    assert_eq!(hits.matches, 1);
    assert_eq!(hits.concepts.len(), 1);
    let (c, t, k, codes) = &hits.concepts[0];
    assert_eq!(
        cb.core_categories[*c].themes[*t].concepts[*k].name,
        "Identify performance discrepancies"
    );
    assert_eq!(codes, &vec![0]);
    assert!(hits.shows_theme(*c, *t) && !hits.shows_category(1));
    // A theme name shows the whole branch.
    let all = search_codebook(cb, "team monitoring");
    assert_eq!(all.concepts.len(), 4);
    assert_eq!(all.codes(0, 1, 0).map(|c| c.len()), Some(5));
    // Empty query: everything; nonsense: nothing.
    assert_eq!(search_codebook(cb, "").concepts.len(), cb.concept_count());
    assert_eq!(search_codebook(cb, "zzzz-no-such").concepts.len(), 0);
    let parts = highlight("Benchmarking", "BENCH");
    assert_eq!(parts, vec![("Bench".to_string(), true), ("marking".to_string(), false)]);
}

// ---- Each check catches a broken copy ---------------------------------------------------

#[test]
fn an_edge_to_a_missing_node_is_caught() {
    let mut s = study();
    s.raw.model.edges[0].to = "nowhere".into();
    assert!(codes(&s).contains(&"model-edge-node"));
}

#[test]
fn a_theme_without_a_codebook_branch_is_caught() {
    let mut s = study();
    let n = s.raw.model.nodes.iter_mut().find(|n| n.id == "team-effort").unwrap();
    n.theme = Some("team_spirit".into());
    let c = codes(&s);
    assert!(c.contains(&"model-theme-codebook"), "{c:?}");
    assert!(c.contains(&"model-codebook-node"), "team_effort is no longer drawn: {c:?}");
    let mut s = study();
    s.raw.codebook.core_categories[1].themes.pop();
    assert!(codes(&s).contains(&"model-theme-codebook"));
}

#[test]
fn a_quotation_with_an_unknown_informant_or_theme_is_caught() {
    let mut s = study();
    s.raw.quotations[0].informant = Some("Nobody".into());
    assert!(codes(&s).contains(&"quotation-informant"));
    let mut s = study();
    s.raw.quotations[1].theme = "team_spirit".into();
    assert!(codes(&s).contains(&"quotation-theme"));
    let mut s = study();
    s.raw.quotations.pop();
    assert!(codes(&s).contains(&"quotation-count"));
    let mut s = study();
    s.raw.quotations[2].decision = Some("no-such-decision".into());
    assert!(codes(&s).contains(&"quotation-decision"));
    let mut s = study();
    s.raw.table7.rows[0].quotation_id = "q99".into();
    assert!(codes(&s).contains(&"table7-quotation"));
    let mut s = study();
    assert!(!codes(&s).contains(&"quotation-place"));
    s.raw.quotation_check.candidates[3].section = " ".into();
    assert!(codes(&s).contains(&"quotation-place"));
}

#[test]
fn a_tour_step_that_does_not_parse_is_caught() {
    for (query, anchor, code) in [
        ("groups=admins", "coverage", "tour-query"),
        ("times=t1&colour=red", "coverage", "tour-query"),
        ("node=team-spirit", "model", "tour-query"),
        ("times=t1", "nowhere", "tour-anchor"),
    ] {
        let mut s = study();
        s.raw.tour.steps[0].query = query.into();
        s.raw.tour.steps[0].anchor = anchor.into();
        assert!(codes(&s).contains(&code), "{query} #{anchor}");
    }
    let mut s = study();
    s.raw.tour.steps.truncate(2);
    assert!(codes(&s).contains(&"tour-length"));
}

#[test]
fn a_malformed_model_is_caught_without_panicking() {
    let mut s = study();
    s.raw.model.nodes[1].id = s.raw.model.nodes[0].id.clone();
    assert!(codes(&s).contains(&"model-node-duplicate"));
    let mut s = study();
    s.raw.model.nodes[0].id = "Bad Id".into();
    assert!(codes(&s).contains(&"model-node-id"));
    let mut s = study();
    s.raw.model.edges.retain(|e| e.kind != EdgeKind::Synergy);
    assert!(codes(&s).contains(&"model-synergy"));
    let mut s = study();
    let p = s.raw.model.nodes[0].phone;
    s.raw.model.nodes[1].phone = p;
    assert!(codes(&s).contains(&"model-layout-overlap"));
    let mut s = study();
    s.raw.model.nodes[3].desktop.col = f64::NAN;
    assert!(codes(&s).contains(&"model-node-position"));
    let _ = layout_kind(&s.raw.model, LayoutKind::Desktop);
    let mut s = study();
    s.raw.model.nodes.iter_mut().find(|n| n.id == "team-reflexivity").unwrap().parent =
        Some("team-performance".into());
    assert!(codes(&s).contains(&"model-parent"));
    let mut s = study();
    s.raw.model.nodes[0].examples = None;
    assert!(codes(&s).contains(&"model-examples"));
    let mut s = study();
    s.raw.context.background.sentences.push("A third.".into());
    assert!(codes(&s).contains(&"context-background"));
    let mut s = study();
    s.raw.model.nodes.clear();
    s.raw.model.edges.clear();
    assert!(codes(&s).contains(&"model-empty"));
    let l = layout(&s.raw.model, 800.0);
    assert!(l.nodes.is_empty() && l.edges.is_empty());
}

#[test]
fn a_study_file_without_the_optional_keys_still_loads() {
    // The evidence and model keys are optional: a study file without them loads, and `check`
    // reports what is missing.
    let mut v: serde_json::Value = serde_json::from_str(study_core::study::STUDY_JSON).unwrap();
    for k in [
        "quotations",
        "quotation_check",
        "table1",
        "table5",
        "table6",
        "table7",
        "tableA1",
        "model",
        "tour",
        "context",
    ] {
        v.as_object_mut().unwrap().remove(k);
    }
    let s = Study::from_json(&v.to_string()).expect("loads without the optional keys");
    let c = codes(&s);
    assert!(c.contains(&"model-empty") && c.contains(&"tour-length"), "{c:?}");
}
