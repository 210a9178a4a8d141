//! REFI-QDA `.qdpx` import: a complete fixture, tolerated variations (file names, BOM,
//! CRLF, stored entries) and refusals that name the file, element and line (malformed XML,
//! missing files, unknown references, bad positions, size limits, deep code trees).

use super::*;

const QDE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="fixture">
  <Users>
    <User guid="U-ann" name="ann"/>
    <User guid="U-bob" name="bob"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="C-inst" name="Instrumental value" isCodable="true">
        <Code guid="C-mon" name="Team monitoring" isCodable="true"/>
      </Code>
      <Code guid="C-sup" name="social_support" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="V-g" name="Group" typeOfVariable="Text"/>
    <Variable guid="V-t" name="Time" typeOfVariable="Text"/>
  </Variables>
  <Cases>
    <Case guid="K-1" name="Service">
      <VariableValue><VariableRef targetGUID="V-g"/><TextValue>Service</TextValue></VariableValue>
      <SourceRef targetGUID="S-1"/>
      <SourceRef targetGUID="S-2"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="S-1" name="one" plainTextPath="internal://S-1.txt">
      <PlainTextSelection guid="P-1" startPosition="2" endPosition="6" creatingUser="U-ann">
        <Coding guid="G-1" creatingUser="U-ann"><CodeRef targetGUID="C-mon"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="P-2" startPosition="4" endPosition="8">
        <Coding guid="G-2" creatingUser="U-bob"><CodeRef targetGUID="C-mon"/></Coding>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="V-t"/><TextValue>T1</TextValue></VariableValue>
    </TextSource>
    <TextSource guid="S-2" name="two">
      <PlainTextContent>钉钉 &amp; 微信</PlainTextContent>
      <Coding guid="G-3" creatingUser="U-bob"><CodeRef targetGUID="C-sup"/></Coding>
      <VariableValue><VariableRef targetGUID="V-t"/><TextValue>T2</TextValue></VariableValue>
    </TextSource>
    <PDFSource guid="S-3" name="a pdf" path="internal://x.pdf"/>
  </Sources>
  <Description>A fixture.</Description>
</Project>
"#;

const TEXT_ONE: &str = "0123456789";

pub(crate) fn zip_of(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn qdpx(qde: &str, text_one: &str) -> Vec<u8> {
    zip_of(
        &[("project.qde", qde.as_bytes()), ("Sources/S-1.txt", text_one.as_bytes())],
        zip::CompressionMethod::Deflated,
    )
}

/// 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle in fixture")].matches('\n').count() + 1
}

#[test]
fn qdpx_fixture_is_read_completely() {
    let Import { project: p, notes } = import_qdpx(&qdpx(QDE, TEXT_ONE)).unwrap();
    assert_eq!(p.name(), "fixture");
    assert_eq!(p.description(), "A fixture.");
    assert_eq!(p.users().iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), vec!["ann", "bob"]);
    assert_eq!(
        p.code_rows().iter().map(|r| (r.name.as_str(), r.depth)).collect::<Vec<_>>(),
        vec![("Instrumental value", 1), ("Team monitoring", 2), ("social_support", 1)]
    );
    let one = p.source("S-1").unwrap();
    assert_eq!(one.text, TEXT_ONE);
    assert_eq!(
        one.attributes,
        BTreeMap::from([("Group".into(), "Service".into()), ("Time".into(), "T1".into())])
    );
    let two = p.source("S-2").unwrap();
    assert_eq!(two.text, "钉钉 & 微信", "inline text, entity resolved");
    assert_eq!(two.attributes.get("Time").map(String::as_str), Some("T2"));
    assert_eq!(p.sources().len(), 2, "the PDF source is skipped");
    assert!(notes.iter().any(|n| n.to_string().contains("PDFSource")), "{notes:?}");

    // S-1: ann [2,6), bob [4,8) (coder from the Coding) → all [2,8) = 6 of 10.
    close(p.source_coverage("S-1", "C-mon", &all()).unwrap().percent, 60.0);
    close(p.source_coverage("S-1", "C-inst", &all()).unwrap().percent, 60.0);
    close(p.source_coverage("S-1", "C-mon", &Coders::One("U-ann".into())).unwrap().percent, 40.0);
    // S-2: a Coding directly in the TextSource codes all 7 characters.
    close(p.source_coverage("S-2", "C-sup", &all()).unwrap().percent, 100.0);

    let keys = p.detect_cell_keys().unwrap();
    assert_eq!(keys, CellKeys { group: "Group".into(), time: "Time".into() });
    let cells = p.cells(&keys);
    assert_eq!(
        cells
            .cells
            .iter()
            .map(|c| (c.group.as_str(), c.time.as_deref().unwrap()))
            .collect::<Vec<_>>(),
        vec![("Service", "T1"), ("Service", "T2")]
    );

    // Kappa ann vs bob on S-1 only (bob alone coded S-2): the 1/6 table again.
    let ag = p.agreement("U-ann", "U-bob").unwrap();
    assert_eq!(ag.sources, strings(&["S-1"]));
    kappa_close(ag.codes[1].kappa, 1.0 / 6.0);
}

#[test]
fn qdpx_tolerates_any_qde_name_lowercase_sources_and_stored_entries() {
    let bytes = zip_of(
        &[("My Project.QDE", QDE.as_bytes()), ("sources/S-1.txt", TEXT_ONE.as_bytes())],
        zip::CompressionMethod::Stored,
    );
    let p = import_qdpx(&bytes).unwrap().project;
    assert_eq!(p.source("S-1").unwrap().text, TEXT_ONE);
    // A .qde inside a folder, with Sources beside it.
    let bytes = zip_of(
        &[("export/p.qde", QDE.as_bytes()), ("export/SOURCES/S-1.txt", TEXT_ONE.as_bytes())],
        zip::CompressionMethod::Deflated,
    );
    assert!(import_qdpx(&bytes).is_ok());
}

#[test]
fn qdpx_strips_a_byte_order_mark_from_xml_and_text() {
    let xml = format!("\u{feff}{QDE}");
    let text = format!("\u{feff}{TEXT_ONE}");
    let p = import_qdpx(&qdpx(&xml, &text)).unwrap().project;
    assert_eq!(p.source("S-1").unwrap().text, TEXT_ONE);
    assert_eq!(p.source("S-1").unwrap().len_chars(), 10);
}

#[test]
fn qdpx_keeps_crlf_so_positions_refer_to_the_stored_text() {
    // "line one\r\nline two" is 18 characters: the CRLF counts as two. [10,18) is "line two".
    // Normalising to LF would make the text 17 characters and this selection run past the end.
    let text = "line one\r\nline two";
    let xml = QDE
        .replace(r#"startPosition="2" endPosition="6""#, r#"startPosition="10" endPosition="18""#)
        .replace(r#"startPosition="4" endPosition="8""#, r#"startPosition="0" endPosition="8""#);
    let p = import_qdpx(&qdpx(&xml, text)).unwrap().project;
    let s = p.source("S-1").unwrap();
    assert_eq!(s.len_chars(), 18);
    assert_eq!(s.slice_chars(10, 18), Some("line two"));
    let c = p.source_coverage("S-1", "C-mon", &Coders::One("U-ann".into())).unwrap();
    assert_eq!((c.coded_chars, c.total_chars), (8, 18));
    // Inline content keeps a CR written as a character reference, and a literal CRLF.
    let inline = QDE.replace("钉钉 &amp; 微信", "a&#13;\nb\r\nc");
    let p = import_qdpx(&qdpx(&inline, TEXT_ONE)).unwrap().project;
    assert_eq!(p.source("S-2").unwrap().text, "a\r\nb\r\nc");
}

#[test]
fn qdpx_malformed_xml_names_file_and_line() {
    let xml = QDE.replace("  </Users>", "  </User>");
    let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
    let QdpxError::Xml { file, line, .. } = &err else { panic!("{err:?}") };
    assert_eq!(file, "project.qde");
    assert_eq!(*line, line_of(&xml, "</User>\n"));
    assert!(
        err.to_string().starts_with(&format!("project.qde line {line}: malformed XML")),
        "{err}"
    );

    let truncated = &QDE[..QDE.find("<Sources>").unwrap()];
    assert!(matches!(import_qdpx(&qdpx(truncated, TEXT_ONE)), Err(QdpxError::Xml { .. })));
    let not_project = "<?xml version=\"1.0\"?>\n<CodeBook/>";
    assert!(matches!(
        import_qdpx(&qdpx(not_project, TEXT_ONE)),
        Err(QdpxError::NotAProject { .. })
    ));
    assert!(matches!(
        import_qdpx(&qdpx(&QDE.replace("&amp;", "&bogus;"), TEXT_ONE)),
        Err(QdpxError::Xml { .. })
    ));
    assert!(matches!(import_qdpx(b"PK not really a zip"), Err(QdpxError::NotAZip(_))));
    assert!(matches!(
        import_qdpx(&zip_of(&[("readme.txt", b"hi")], zip::CompressionMethod::Stored)),
        Err(QdpxError::NoProjectFile)
    ));
    let two = zip_of(
        &[("a.qde", QDE.as_bytes()), ("b.qde", QDE.as_bytes())],
        zip::CompressionMethod::Stored,
    );
    let e = import_qdpx(&two).unwrap_err();
    assert!(matches!(e, QdpxError::SeveralProjectFiles(_)));
    // The file names are listed with the language's name separator (", " / "、").
    assert!(e.to_string().contains("(a.qde, b.qde)"), "{e}");
    assert!(e.message(&study_core::text::i18n::ZH).contains("a.qde\u{3001}b.qde"), "{e}");
    let latin1 =
        zip_of(&[("p.qde", b"<Project name=\"caf\xe9\"/>")], zip::CompressionMethod::Stored);
    assert!(matches!(import_qdpx(&latin1), Err(QdpxError::NotUtf8 { line: 1, .. })));
}

#[test]
fn qdpx_missing_sources_folder_or_file_is_an_error() {
    let no_folder = zip_of(&[("project.qde", QDE.as_bytes())], zip::CompressionMethod::Stored);
    let err = import_qdpx(&no_folder).unwrap_err();
    assert_eq!(
        err,
        QdpxError::NoSourcesFolder { source: "one".into(), path: "internal://S-1.txt".into() }
    );
    assert!(err.to_string().contains("no Sources folder"));

    let wrong_file = zip_of(
        &[("project.qde", QDE.as_bytes()), ("Sources/S-9.txt", b"x")],
        zip::CompressionMethod::Stored,
    );
    let err = import_qdpx(&wrong_file).unwrap_err();
    assert_eq!(
        err,
        QdpxError::MissingTextFile { source: "one".into(), path: "internal://S-1.txt".into() }
    );

    let external = QDE.replace("internal://S-1.txt", "relative://texts/S-1.txt");
    assert!(matches!(import_qdpx(&qdpx(&external, TEXT_ONE)), Err(QdpxError::ExternalText { .. })));
    let no_text = QDE.replace(r#" plainTextPath="internal://S-1.txt""#, "");
    assert!(matches!(import_qdpx(&qdpx(&no_text, TEXT_ONE)), Err(QdpxError::NoText { .. })));
}

#[test]
fn qdpx_unknown_guid_references_name_kind_guid_and_line() {
    let cases = [
        (
            QDE.replacen(
                r#"<CodeRef targetGUID="C-mon"/>"#,
                r#"<CodeRef targetGUID="C-nope"/>"#,
                1,
            ),
            "code",
            "C-nope",
            r#"<Coding guid="G-1""#,
        ),
        (
            QDE.replacen(
                r#"<Coding guid="G-2" creatingUser="U-bob">"#,
                r#"<Coding guid="G-2" creatingUser="U-zed">"#,
                1,
            ),
            "user",
            "U-zed",
            r#"<Coding guid="G-2""#,
        ),
        (
            QDE.replacen(r#"<SourceRef targetGUID="S-2"/>"#, r#"<SourceRef targetGUID="S-9"/>"#, 1),
            "source",
            "S-9",
            r#"<SourceRef targetGUID="S-9""#,
        ),
        (
            QDE.replacen(
                r#"<VariableRef targetGUID="V-t"/>"#,
                r#"<VariableRef targetGUID="V-x"/>"#,
                1,
            ),
            "variable",
            "V-x",
            r#"<VariableRef targetGUID="V-x""#,
        ),
    ];
    for (xml, kind, guid, at) in cases {
        let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
        let QdpxError::UnknownReference { kind: k, guid: g, line, .. } = &err else {
            panic!("{kind}: {err:?}")
        };
        assert_eq!((*k, g.as_str(), *line), (kind, guid, line_of(&xml, at)), "{err}");
        assert!(err.to_string().contains(guid));
    }
}

#[test]
fn qdpx_positions_must_be_whole_numbers_inside_the_text() {
    for (bad, value) in [
        (r#"startPosition="two""#, "two"),
        (r#"startPosition="-2""#, "-2"),
        (r#"startPosition="2.5""#, "2.5"),
    ] {
        let xml = QDE.replacen(r#"startPosition="2""#, bad, 1);
        let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
        let QdpxError::BadPosition { line, attribute, value: v, selection, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(
            (*line, *attribute, v.as_str(), selection.as_str()),
            (line_of(&xml, "P-1"), "startPosition", value, "P-1")
        );
    }
    let xml = QDE.replacen(r#"endPosition="8""#, r#"endPosition="11""#, 1);
    let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
    assert!(
        matches!(err, QdpxError::Model(ModelError::OutOfRange { end: 11, len: 10, .. })),
        "{err:?}"
    );
    assert!(
        err.to_string().contains(&format!("project.qde line {}", line_of(&xml, "P-2"))),
        "{err}"
    );
    let missing = QDE.replacen(r#" endPosition="6""#, "", 1);
    assert!(matches!(
        import_qdpx(&qdpx(&missing, TEXT_ONE)),
        Err(QdpxError::MissingAttribute { attribute: "endPosition", .. })
    ));
}

#[test]
fn qdpx_codings_without_a_user_and_conflicting_variables() {
    let xml =
        QDE.replacen(r#"<Coding guid="G-2" creatingUser="U-bob">"#, r#"<Coding guid="G-2">"#, 1);
    let Import { project, notes } = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap();
    assert!(project.users().iter().any(|u| u.name == "(unknown coder)"));
    assert!(notes.iter().any(|n| n.to_string().contains("name no coder")));
    // The selection's creatingUser is used when the Coding has none.
    let xml =
        QDE.replacen(r#"<Coding guid="G-1" creatingUser="U-ann">"#, r#"<Coding guid="G-1">"#, 1);
    let p = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap().project;
    assert_eq!(p.codings()[0].coder, "U-ann");

    let xml = QDE.replacen("<TextValue>T1</TextValue>", "<TextValue>T1</TextValue></VariableValue><VariableValue><VariableRef targetGUID=\"V-g\"/><TextValue>Development</TextValue>", 1);
    let err = import_qdpx(&qdpx(&xml, TEXT_ONE)).unwrap_err();
    assert!(
        matches!(&err, QdpxError::ConflictingValue { variable, .. } if variable == "Group"),
        "{err:?}"
    );
}

#[test]
fn qdpx_size_limits_stop_a_zip_bomb() {
    assert_eq!(
        QDPX_LIMITS,
        QdpxLimits { archive_bytes: 100 << 20, entry_bytes: 64 << 20, total_bytes: 256 << 20 }
    );
    // 10 characters of text followed by a million zeros deflates to about a kilobyte.
    let bomb_text = format!("{TEXT_ONE}{}", "0".repeat(1_000_000));
    let bomb = qdpx(QDE, &bomb_text);
    assert!(bomb.len() < 10_000, "the archive is small: {}", bomb.len());
    let limits = QdpxLimits { archive_bytes: 1 << 20, entry_bytes: 100_000, total_bytes: 1 << 20 };
    let err = import_qdpx_with_limits(&bomb, &limits).unwrap_err();
    assert_eq!(err, QdpxError::EntryTooLarge { file: "Sources/S-1.txt".into(), limit: 100_000 });
    assert!(err.to_string().contains("zip bomb"));

    let total = QdpxLimits {
        archive_bytes: 1 << 20,
        entry_bytes: 1 << 20,
        total_bytes: QDE.len() as u64 + 5,
    };
    assert_eq!(
        import_qdpx_with_limits(&qdpx(QDE, TEXT_ONE), &total).unwrap_err(),
        QdpxError::TotalTooLarge { limit: QDE.len() as u64 + 5 }
    );

    let archive = QdpxLimits { archive_bytes: 100, ..QDPX_LIMITS };
    assert!(matches!(
        import_qdpx_with_limits(&qdpx(QDE, TEXT_ONE), &archive),
        Err(QdpxError::ArchiveTooLarge { limit: 100, .. })
    ));
}

#[test]
fn qdpx_deep_code_trees_are_refused() {
    let mut codes = String::new();
    for i in 0..=MAX_CODE_DEPTH {
        codes.push_str(&format!("<Code guid=\"D-{i}\" name=\"d{i}\" isCodable=\"true\">"));
    }
    codes.push_str(&"</Code>".repeat(MAX_CODE_DEPTH + 1));
    let xml = QDE.replace(
        r#"<Code guid="C-sup" name="social_support" isCodable="true"/>"#,
        &format!("<Code guid=\"C-sup\" name=\"social_support\" isCodable=\"true\"/>{codes}"),
    );
    assert!(matches!(import_qdpx(&qdpx(&xml, TEXT_ONE)), Err(QdpxError::CodeTreeTooDeep { .. })));
}
