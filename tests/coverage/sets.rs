//! Document sets as the cells of coverage, on the two export-shaped fixtures of
//! `fixtures.rs`: the MAXQDA-shaped project (300 codes, a codebook in its own namespace, texts
//! in `sources/`, multi-byte characters, one interview in two sets) and the ATLAS.ti-shaped one
//! (document groups, `relative://` text paths, a code group), pinned against an independent
//! Python computation (`scripts/sets_reference.py`); the workshop's default of showing only
//! codes with codings; hostile `Sets` (unknown, duplicated and skipped members, missing
//! attributes, namespace prefixes) and the writer's round trip.

use super::fixtures::{self, AT_GROUPS, AT_QUOTATIONS, AT_SOURCES, MX_CODINGS, MX_SOURCES};
use super::*;
use study_core::text::i18n::EN;
use study_core::view::coverage::{coverage_view, filter_rows};

fn read(path: &str) -> Import {
    let at = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    import_qdpx(&std::fs::read(at).unwrap()).unwrap()
}

/// Coverage per code (with its descendants) and set, every cell the table has, rounded.
fn set_table(p: &Project, coders: &Coders) -> BTreeMap<(String, String), (f64, f64)> {
    let table = p.coverage_table_by(&Grouping::Sets, coders).unwrap();
    let mut out = BTreeMap::new();
    for row in &table.rows {
        for (cell, v) in table.cells.iter().zip(&row.values) {
            out.insert(
                (row.name.clone(), cell.group.clone()),
                (v.pooled.unwrap_or(f64::NAN), v.mean_of_sources.unwrap_or(f64::NAN)),
            );
        }
    }
    out
}

/// Every cell of `p`'s set table is the reference's, or 0 % both ways where the reference
/// lists nothing (no coding of the code in the set).
#[track_caller]
fn assert_sets_match(p: &Project, coders: &Coders, reference: &[(&str, &str, f64, f64)]) {
    let table = set_table(p, coders);
    for (code, set, pooled, mean) in reference {
        let got = table[&(code.to_string(), set.to_string())];
        assert!(
            (got.0 - pooled).abs() < 1e-9 && (got.1 - mean).abs() < 1e-9,
            "{code} in {set}: got {got:?}, want ({pooled}, {mean})"
        );
    }
    for ((code, set), (pooled, mean)) in &table {
        if !reference.iter().any(|(c, s, ..)| c == code && s == set) {
            assert_eq!((*pooled, *mean), (0.0, 0.0), "{code} in {set}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// MAXQDA 24

/// Coverage by document set of the MAXQDA-shaped project, all coders: (code, set, pooled,
/// mean of sources). From `scripts/sets_reference.py`, an independent implementation
/// (zipfile + ElementTree by local name; Python's `len()` counts code points, as REFI-QDA's
/// positions do):
///
/// ```python
/// def coded(source, code, coder):
///     v = [0] * len(texts[source])
///     for s, a, b, c, u in codings:
///         if s == source and (coder is None or u == coder) and code in ancestors_or_self(c):
///             for i in range(a, b): v[i] = 1
///     return sum(v)
/// cs = [coded(s, code, None) for s in members]; lengths = [len(texts[s]) for s in members]
/// pooled = 100 * sum(cs) / sum(lengths)
/// mean = sum(100 * c / n for c, n in zip(cs, lengths)) / len(members)
/// ```
///
/// By hand: "Managers" holds interview 01 (254 characters, 267 UTF-8 bytes) and 02 (240
/// characters). Well-being in 02 is Fatigue's "Video calls are tiring — après four calls I
/// can’t think." (56 characters) and Isolation's "Sometimes I feel isolated" (25), apart:
/// 81; in 01 nothing. Pooled = 81 ÷ (254 + 240) = 16.3967611336 %; mean = (0 + 81 ÷ 240) ÷ 2 =
/// 16.875 %. "Remote staff" holds 02 and 03 (220 characters): in 03 the two Isolation codings
/// overlap and together cover its last sentence, 68 characters, once; so Isolation there is
/// (25 + 68) ÷ (240 + 220) = 20.2173913043 %, mean (25 ÷ 240 + 68 ÷ 220) ÷ 2 = 20.6628787879 %.
/// Interview 02 counts in both sets.
pub const MX_SET_COVERAGE: &[(&str, &str, f64, f64)] = &[
    ("Communication", "Managers", 28.137651821862, 28.120078740157),
    ("Channels", "Managers", 10.121457489879, 10.095144356955),
    ("video", "Managers", 6.072874493927, 6.158136482940),
    ("chat", "Managers", 4.048582995951, 3.937007874016),
    ("Meetings", "Managers", 19.635627530364, 19.599737532808),
    ("stand-ups", "Managers", 10.728744939271, 10.433070866142),
    ("quiet hours", "Managers", 8.906882591093, 9.166666666667),
    ("Coordination", "Managers", 5.668016194332, 5.511811023622),
    ("Time zones", "Managers", 5.668016194332, 5.511811023622),
    ("Trust", "Managers", 7.287449392713, 7.086614173228),
    ("Autonomy", "Managers", 7.287449392713, 7.086614173228),
    ("Workload", "Managers", 11.336032388664, 11.023622047244),
    ("Overtime", "Managers", 11.336032388664, 11.023622047244),
    ("Overtime: causes", "Managers", 6.680161943320, 6.496062992126),
    ("Well-being", "Managers", 16.396761133603, 16.875000000000),
    ("Isolation", "Managers", 5.060728744939, 5.208333333333),
    ("Fatigue", "Managers", 11.336032388664, 11.666666666667),
    ("Workplace", "Managers", 7.287449392713, 7.500000000000),
    ("Caf\u{e9}", "Managers", 7.287449392713, 7.500000000000),
    ("Communication", "Remote staff", 23.260869565217, 23.068181818182),
    ("Channels", "Remote staff", 13.695652173913, 13.901515151515),
    ("video", "Remote staff", 4.782608695652, 4.583333333333),
    ("chat", "Remote staff", 4.565217391304, 4.772727272727),
    ("e-mail", "Remote staff", 4.347826086957, 4.545454545455),
    ("Meetings", "Remote staff", 9.565217391304, 9.166666666667),
    ("quiet hours", "Remote staff", 9.565217391304, 9.166666666667),
    ("Trust", "Remote staff", 13.043478260870, 13.636363636364),
    ("Autonomy", "Remote staff", 13.043478260870, 13.636363636364),
    ("Workload", "Remote staff", 6.739130434783, 7.045454545455),
    ("Overtime", "Remote staff", 6.739130434783, 7.045454545455),
    ("Well-being", "Remote staff", 32.391304347826, 32.329545454545),
    ("Isolation", "Remote staff", 20.217391304348, 20.662878787879),
    ("Fatigue", "Remote staff", 12.173913043478, 11.666666666667),
    ("Workplace", "Remote staff", 7.826086956522, 7.500000000000),
    ("Caf\u{e9}", "Remote staff", 7.826086956522, 7.500000000000),
];

#[test]
fn the_maxqda_shaped_export_is_read_completely() {
    let Import { project: p, notes } = read(fixtures::MAXQDA);
    // The CodeBook's own namespace is no reason for a note: only the project's is checked.
    assert_eq!(notes, Vec::new());
    assert_eq!(p.name(), "Remote work interviews");
    let rows = p.code_rows();
    assert_eq!(rows.len(), 300);
    assert_eq!(
        (1..=3).map(|d| rows.iter().filter(|r| r.depth == d).count()).collect::<Vec<_>>(),
        vec![12, 48, 240]
    );
    assert_eq!(p.users().len(), 1);
    assert_eq!(p.sources().len(), 4);
    assert!(p.attribute_names().is_empty(), "no cases, no variables");
    for (s, (name, text)) in p.sources().iter().zip(MX_SOURCES) {
        assert_eq!((s.name.as_str(), s.text.as_str()), (name, text));
        assert!(s.text.len() > s.len_chars(), "{name}: multi-byte characters");
    }
    // Every selection covers its phrase when positions count characters, as REFI-QDA
    // specifies; read as byte offsets, they would not.
    assert_eq!(p.codings().len(), MX_CODINGS.len(), "the segment memo codes nothing");
    let mut by_source = MX_CODINGS.to_vec();
    by_source.sort_by_key(|c| c.1);
    let mut bytes_differ = 0;
    for (c, (code, source, phrase)) in p.codings().iter().zip(by_source) {
        let s = &p.sources()[source];
        assert_eq!(c.source, s.id);
        assert_eq!(p.code_row(&c.code).unwrap().name, code);
        assert_eq!(s.slice_chars(c.start, c.end), Some(phrase), "{code}");
        bytes_differ += usize::from(s.text.get(c.start..c.end) != Some(phrase));
    }
    assert!(bytes_differ > 15, "{bytes_differ}");
    // Two document sets; interview 02 is in both, interview 04 in none.
    let sets: Vec<(&str, Vec<&str>)> = p
        .sets()
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.sources.iter().map(|id| p.source(id).unwrap().name.as_str()).collect(),
            )
        })
        .collect();
    let s = |i: usize| MX_SOURCES[i].0;
    assert_eq!(sets, vec![("Managers", vec![s(0), s(1)]), ("Remote staff", vec![s(1), s(2)])]);
    assert_eq!(p.default_grouping(), Some(Grouping::Sets), "no variables: the sets are the cells");
}

#[test]
fn maxqda_coverage_by_set_matches_the_independent_reference() {
    let p = read(fixtures::MAXQDA).project;
    let table = p.coverage_table_by(&Grouping::Sets, &all()).unwrap();
    let heads: Vec<(&str, Option<&str>, usize, u64)> = table
        .cells
        .iter()
        .zip(&table.rows[0].values)
        .map(|(c, v)| (c.group.as_str(), c.time.as_deref(), c.sources.len(), v.total_chars))
        .collect();
    assert_eq!(heads, vec![("Managers", None, 2, 254 + 240), ("Remote staff", None, 2, 240 + 220)]);
    let name = |id: &String| p.source(id).unwrap().name.clone();
    assert_eq!(table.unassigned.iter().map(name).collect::<Vec<_>>(), vec![MX_SOURCES[3].0]);
    assert_eq!(table.overlapping.iter().map(name).collect::<Vec<_>>(), vec![MX_SOURCES[1].0]);
    assert_sets_match(&p, &all(), MX_SET_COVERAGE);
    // The one coder coded everything.
    let ana = p.users()[0].id.clone();
    assert_sets_match(&p, &Coders::One(ana), MX_SET_COVERAGE);
    // A source in two sets counts in both: interview 02's Fatigue (56 characters) is in each.
    let fatigue = table.rows.iter().find(|r| r.name == "Fatigue").unwrap();
    assert_eq!(fatigue.values.iter().map(|v| v.coded_chars).collect::<Vec<_>>(), vec![56, 56]);
}

#[test]
fn with_300_codes_the_view_starts_with_the_23_that_have_codings() {
    let p = read(fixtures::MAXQDA).project;
    let v = coverage_view(&p, p.default_grouping().as_ref(), &all(), &EN).unwrap();
    assert_eq!(v.rows.len(), 300);
    assert_eq!(v.overlapping, vec![MX_SOURCES[1].0.to_string()]);
    assert_eq!(v.unassigned, vec![MX_SOURCES[3].0.to_string()]);
    assert_eq!(
        v.sources.iter().map(|s| s.cell.as_deref()).collect::<Vec<_>>(),
        vec![Some("Managers"), Some("Managers, Remote staff"), Some("Remote staff"), None]
    );
    let f = filter_rows(&v.rows, "", false, &EN);
    let shown: Vec<&str> =
        v.rows.iter().zip(&f.visible).filter(|(_, s)| **s).map(|(r, _)| r.name.as_str()).collect();
    // The 14 coded codes and their 9 parents, in codebook order.
    assert_eq!(
        shown,
        vec![
            "Communication",
            "Channels",
            "video",
            "chat",
            "e-mail",
            "Meetings",
            "stand-ups",
            "quiet hours",
            "Coordination",
            "Time zones",
            "Trust",
            "Autonomy",
            "Monitoring",
            "Workload",
            "Overtime",
            "Overtime: causes",
            "Well-being",
            "Isolation",
            "Fatigue",
            "Workplace",
            "Caf\u{e9}",
            "Change",
            "Reorganisation",
        ]
    );
    assert_eq!((f.shown, f.total, f.uncoded, f.unmatched), (23, 300, 277, 0));
    assert_eq!(f.text, "Showing 23 of 300 codes; 277 hidden (277 with no codings).");
    // Filtering by name, in any case: the parent stays with the code that matches.
    let f = filter_rows(&v.rows, "CAF\u{c9}", false, &EN);
    assert_eq!(f.visible.iter().filter(|s| **s).count(), 2);
    assert_eq!((f.uncoded, f.unmatched), (277, 21));
    // Showing all codes brings back the café's five uncoded sub-codes.
    let f = filter_rows(&v.rows, "caf\u{e9}", true, &EN);
    let shown: Vec<&str> =
        v.rows.iter().zip(&f.visible).filter(|(_, s)| **s).map(|(r, _)| r.name.as_str()).collect();
    assert_eq!(
        shown,
        vec![
            "Workplace",
            "Caf\u{e9}",
            "Caf\u{e9}: causes",
            "Caf\u{e9}: consequences",
            "Caf\u{e9}: examples",
            "Caf\u{e9}: coping",
            "Caf\u{e9}: open questions",
        ]
    );
    assert_eq!(
        f.text,
        "Showing 7 of 300 codes; 293 hidden (293 not matching \u{201c}caf\u{e9}\u{201d})."
    );
    assert_eq!(filter_rows(&v.rows, " ", true, &EN).text, "Showing all codes (300).");
}

// ---------------------------------------------------------------------------------------------
// ATLAS.ti

/// Coverage by document group of the ATLAS.ti-shaped project, all coders and each coder
/// (`scripts/sets_reference.py tests/coverage/fixtures/atlas-ti-groups.qdpx`). By hand: Tools
/// in Sales (Interview A, 131 characters; Interview B, 143) is coder 1's "We track every deal
/// in the CRM, so my lead sees my numbers anyway." (66) in A and coder 2's "I ping people on
/// chat all day." (30) in B: pooled 96 ÷ 274 = 35.0364963504 %, mean (66 ÷ 131 + 30 ÷ 143) ÷ 2
/// = 35.6803501842 %; coder 1 alone: 66 ÷ 274 = 24.0875912409 %.
const AT_ALL: &[(&str, &str, f64, f64)] = &[
    ("Monitoring", "Sales", 24.087591240876, 25.190839694656),
    ("Communication", "Sales", 30.656934306569, 31.100197512411),
    ("Handover", "Sales", 19.343065693431, 18.531468531469),
    ("Tools", "Sales", 35.036496350365, 35.680350184167),
    ("Isolation", "Sales", 19.708029197080, 20.610687022901),
    ("Communication", "Engineering", 11.406844106464, 10.489510489510),
    ("Handover", "Engineering", 20.152091254753, 18.531468531469),
    ("Learning", "Engineering", 14.448669201521, 15.833333333333),
    ("Documentation", "Engineering", 19.391634980989, 21.250000000000),
    ("Tools", "Engineering", 11.406844106464, 10.489510489510),
    ("Monitoring", "Team leads", 27.173913043478, 27.173913043478),
    ("Trust", "Team leads", 27.173913043478, 27.173913043478),
    ("Tools", "Team leads", 27.173913043478, 27.173913043478),
];
const AT_CODER_1: &[(&str, &str, f64, f64)] = &[
    ("Monitoring", "Sales", 24.087591240876, 25.190839694656),
    ("Communication", "Sales", 30.656934306569, 31.100197512411),
    ("Handover", "Sales", 19.343065693431, 18.531468531469),
    ("Tools", "Sales", 24.087591240876, 25.190839694656),
    ("Communication", "Engineering", 11.406844106464, 10.489510489510),
    ("Handover", "Engineering", 20.152091254753, 18.531468531469),
    ("Learning", "Engineering", 14.448669201521, 15.833333333333),
    ("Documentation", "Engineering", 19.391634980989, 21.250000000000),
    ("Monitoring", "Team leads", 27.173913043478, 27.173913043478),
    ("Trust", "Team leads", 27.173913043478, 27.173913043478),
    ("Tools", "Team leads", 27.173913043478, 27.173913043478),
];
const AT_CODER_2: &[(&str, &str, f64, f64)] = &[
    ("Monitoring", "Sales", 24.087591240876, 25.190839694656),
    ("Handover", "Sales", 19.343065693431, 18.531468531469),
    ("Tools", "Sales", 10.948905109489, 10.489510489510),
    ("Isolation", "Sales", 19.708029197080, 20.610687022901),
    ("Handover", "Engineering", 20.152091254753, 18.531468531469),
    ("Learning", "Engineering", 14.448669201521, 15.833333333333),
    ("Documentation", "Engineering", 19.391634980989, 21.250000000000),
    ("Tools", "Engineering", 11.406844106464, 10.489510489510),
    ("Trust", "Team leads", 27.173913043478, 27.173913043478),
];

#[test]
fn the_atlas_shaped_export_gives_document_groups_as_cells() {
    let Import { project: p, notes } = read(fixtures::ATLAS);
    // The code group is a set of codes: dropped, and said so.
    assert_eq!(notes, vec![ImportNote::CodeSets { n: 1 }]);
    assert!(notes[0].to_string().starts_with("1 set(s) hold codes or notes rather than sources"));
    assert_eq!(p.code_rows().iter().filter(|r| r.depth == 1).count(), 8, "a flat code list");
    // The texts behind relative:// paths were found in the archive's sources/ folder.
    for (s, (name, text)) in p.sources().iter().zip(AT_SOURCES) {
        assert_eq!((s.name.as_str(), s.text.as_str()), (name, text));
    }
    let n_codings: usize = AT_QUOTATIONS.iter().map(|q| q.2.len()).sum();
    assert_eq!(p.codings().len(), n_codings, "one coding per Coding, several per quotation");
    let groups: Vec<(&str, usize)> =
        p.sets().iter().map(|s| (s.name.as_str(), s.sources.len())).collect();
    assert_eq!(groups, AT_GROUPS.iter().map(|(n, m)| (*n, m.len())).collect::<Vec<_>>());
    assert_eq!(p.sets()[0].description, "Document group");
    assert_eq!(p.default_grouping(), Some(Grouping::Sets));
    let cells = p.set_cells();
    assert!(cells.unassigned.is_empty());
    assert_eq!(
        cells.overlapping.iter().map(|id| p.source(id).unwrap().name.as_str()).collect::<Vec<_>>(),
        vec!["Interview B"]
    );
    assert_sets_match(&p, &all(), AT_ALL);
    assert_sets_match(&p, &Coders::One(p.users()[0].id.clone()), AT_CODER_1);
    assert_sets_match(&p, &Coders::One(p.users()[1].id.clone()), AT_CODER_2);
}

// ---------------------------------------------------------------------------------------------
// Hostile and odd Sets

const TWO_SOURCES: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:q="urn:QDA-XML:project:1.0" name="sets">
  <Users><User guid="U" name="u"/></Users>
  <CodeBook><Codes><Code guid="C" name="c"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="S1" name="one"><PlainTextContent>0123456789</PlainTextContent>
      <PlainTextSelection guid="P" startPosition="0" endPosition="5" creatingUser="U"><Coding guid="G"><CodeRef targetGUID="C"/></Coding></PlainTextSelection>
    </TextSource>
    <TextSource guid="S2" name="two"><PlainTextContent>abcdefghijklmnopqrst</PlainTextContent></TextSource>
    <PDFSource guid="PDF" name="scan" path="internal://scan.pdf"/>
  </Sources>
SETS
</Project>
"#;

fn with_sets(sets: &str) -> Result<Import, QdpxError> {
    import_qdpx(&super::qdpx::zip_of(
        &[("project.qde", TWO_SOURCES.replace("SETS", sets).as_bytes())],
        zip::CompressionMethod::Stored,
    ))
}

#[test]
fn unknown_duplicated_and_skipped_members_are_reported_or_left_out_never_fatal() {
    let sets = r#"  <Sets>
    <Set guid="K1" name="first">
      <MemberSource targetGUID="S1"/>
      <MemberSource targetGUID="S1"/>
      <MemberSource targetGUID="nowhere"/>
      <MemberSource targetGUID="PDF"/>
    </Set>
    <Set guid="K2"><Description> no name </Description><MemberSource targetGUID="S2"/><MemberSource targetGUID="gone"/></Set>
    <Set guid="K3" name="empty"/>
  </Sets>"#;
    let Import { project: p, notes } = with_sets(sets).unwrap();
    let line =
        TWO_SOURCES.replace("SETS", sets)[..].lines().position(|l| l.contains("nowhere")).unwrap()
            + 1;
    assert_eq!(
        notes,
        vec![
            ImportNote::Skipped { n: 1, kind: "PDFSource".into() },
            ImportNote::SetMembersUnknown {
                n: 2,
                guid: "nowhere".into(),
                set: "first".into(),
                line
            },
        ]
    );
    assert_eq!(
        notes[1].to_string(),
        format!("2 MemberSource reference(s) in Sets name no source of the project (the first is nowhere in set \u{201c}first\u{201d}, line {line}); they were left out of their sets")
    );
    let sets: Vec<(&str, &str, Vec<&str>)> = p
        .sets()
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.description.as_str(),
                s.sources.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    // S1 listed twice counts once; a set without a name is named by its GUID; an empty set
    // stays, an empty cell.
    assert_eq!(
        sets,
        vec![("first", "", vec!["S1"]), ("K2", "no name", vec!["S2"]), ("empty", "", vec![])]
    );
    let table = p.coverage_table_by(&Grouping::Sets, &all()).unwrap();
    let v: Vec<(usize, Option<f64>, Option<f64>)> =
        table.rows[0].values.iter().map(|v| (v.n_sources, v.pooled, v.mean_of_sources)).collect();
    assert_eq!(v, vec![(1, Some(50.0), Some(50.0)), (1, Some(0.0), Some(0.0)), (0, None, None)]);
    assert!(table.overlapping.is_empty() && table.unassigned.is_empty());
}

#[test]
fn sets_are_read_whatever_the_namespace_prefix() {
    let sets = r#"  <q:Sets><q:Set guid="K" name="prefixed"><q:MemberSource targetGUID="S2"/><q:MemberSource targetGUID="S1"/></q:Set></q:Sets>"#;
    let p = with_sets(sets).unwrap().project;
    assert_eq!(p.sets()[0].sources, strings(&["S2", "S1"]));
    // Cells list their sources in project order.
    assert_eq!(p.set_cells().cells[0].sources, strings(&["S1", "S2"]));
}

#[test]
fn broken_sets_name_the_element_and_line() {
    let e = with_sets(r#"  <Sets><Set name="no guid"/></Sets>"#).unwrap_err();
    assert!(
        matches!(e, QdpxError::MissingAttribute { element: "Set", attribute: "guid", .. }),
        "{e}"
    );
    assert!(e.to_string().starts_with("project.qde line 12: <Set> has no guid attribute"), "{e}");
    let e = with_sets(r#"  <Sets><Set guid="K"><MemberSource/></Set></Sets>"#).unwrap_err();
    assert!(e.to_string().contains("<MemberSource> has no targetGUID attribute"), "{e}");
    let e = with_sets(r#"  <Sets><Set guid="K" name="a"/><Set guid="K" name="b"/></Sets>"#)
        .unwrap_err();
    assert_eq!(e.to_string(), "two sets have the same id \u{201c}K\u{201d}");
    // A set of codes is not a group of sources.
    let i = with_sets(
        r#"  <Sets><Set guid="K" name="codes"><MemberCode targetGUID="C"/></Set></Sets>"#,
    )
    .unwrap();
    assert!(i.project.sets().is_empty());
    assert_eq!(i.notes.last(), Some(&ImportNote::CodeSets { n: 1 }));
    assert_eq!(i.project.default_grouping(), None);
}

#[test]
fn a_project_with_a_set_of_an_unknown_source_is_refused() {
    let e = Project::new(ProjectParts {
        sources: vec![source("s", "abc", &[])],
        sets: vec![SourceSet {
            id: "k".into(),
            name: "K".into(),
            description: String::new(),
            sources: strings(&["s", "ghost"]),
        }],
        ..ProjectParts::default()
    })
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "set \u{201c}K\u{201d} lists a source \u{201c}ghost\u{201d} that does not exist"
    );
}

#[test]
fn relative_text_paths_outside_the_archive_are_refused() {
    let qde = |path: &str| {
        format!(
            r#"<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="S" name="doc" plainTextPath="{path}"/></Sources></Project>"#
        )
    };
    let zip = |path: &str| {
        super::qdpx::zip_of(
            &[("p.qde", qde(path).as_bytes()), ("sources/doc.txt", b"text")],
            zip::CompressionMethod::Stored,
        )
    };
    assert_eq!(import_qdpx(&zip("relative:///doc.txt")).unwrap().project.sources()[0].text, "text");
    assert_eq!(
        import_qdpx(&zip("relative://sources/DOC.txt")).unwrap().project.sources()[0].text,
        "text"
    );
    for path in ["relative:///elsewhere.txt", "absolute:///C:/doc.txt", "doc.txt"] {
        let e = import_qdpx(&zip(path)).unwrap_err();
        assert!(matches!(e, QdpxError::ExternalText { .. }), "{path}: {e}");
    }
}

#[test]
fn written_and_read_again_the_sets_and_their_coverage_survive() {
    for path in [fixtures::MAXQDA, fixtures::ATLAS] {
        let p = read(path).project;
        let again = import_qdpx(&write_qdpx(&p).unwrap()).unwrap().project;
        let members = |p: &Project| {
            p.sets()
                .iter()
                .map(|s| (s.id.clone(), s.name.clone(), s.description.clone(), s.sources.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(members(&again), members(&p), "{path}");
        assert_eq!(set_table(&again, &all()), set_table(&p, &all()), "{path}");
    }
}
