//! Two REFI-QDA projects shaped like real exports, built here byte for byte and committed
//! under `tests/coverage/fixtures/` (`REGENERATE_FIXTURES=1 cargo test --test coverage`
//! rewrites them), so `sets.rs`, `e2e/workshop.test.js` and `scripts/sets_reference.py`
//! read the same files:
//!
//! - [`MAXQDA`], like a MAXQDA 24 export: `project.qde` whose `CodeBook` declares its own
//!   namespace `urn:QDA-XML:codebook:0:4`; 300 codes nested three levels deep (12 categories ×
//!   4 codes × 5 sub-codes), each with a `Description`; `TextSource`s with
//!   `plainTextPath="internal://<guid>.txt"` and no inline text, the texts in a lower-case
//!   `sources/` folder; curly quotes, dashes and accented letters (several UTF-8 bytes each);
//!   a segment memo (a `PlainTextSelection` with a `Description` and no `Coding`); document
//!   sets as `Sets` of `MemberSource`s, one interview in two sets, one in none; no `Cases`
//!   and no variables.
//! - [`ATLAS`], like an ATLAS.ti export with document groups: the `.qde` named after the
//!   project, upper-case GUIDs, a flat code list, quotations coded with two codes by two
//!   coders, `plainTextPath` given as `relative://` paths (found in the archive's `sources/`
//!   folder), document groups as `Sets` (one document in two groups) and a code group (a
//!   `Set` of `MemberCode`s, which is no group of sources).
//!
//! Positions are written as REFI-QDA counts them, in Unicode characters: each selection is
//! placed by finding its phrase in the text and counting the characters before it, and
//! `sets.rs` checks that every selection's characters are that phrase.

use std::io::{Cursor, Write};

/// Where the MAXQDA-shaped project is committed, from the repository root.
pub const MAXQDA: &str = "tests/coverage/fixtures/maxqda-24-sets.qdpx";
/// Where the ATLAS.ti-shaped project is committed, from the repository root.
pub const ATLAS: &str = "tests/coverage/fixtures/atlas-ti-groups.qdpx";

/// A zip of stored entries with fixed timestamps and permissions: the same bytes every time.
fn stored_zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        w.start_file(name.as_str(), options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// `[start, end)` of `phrase` in `text`, in characters.
pub fn char_span(text: &str, phrase: &str) -> (usize, usize) {
    let at = text.find(phrase).unwrap_or_else(|| panic!("{phrase:?} is not in {text:?}"));
    let start = text[..at].chars().count();
    (start, start + phrase.chars().count())
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

// ---------------------------------------------------------------------------------------------
// MAXQDA 24

/// Lower-case GUIDs, as MAXQDA writes them: `kind` tells objects apart, `n` numbers them.
fn mx_guid(kind: u32, n: usize) -> String {
    format!("{kind:08x}-5a1e-4c0d-9e5f-{n:012x}")
}

/// The interviews: (name, text).
pub const MX_SOURCES: [(&str, &str); 4] = [
    (
        "Interview 01 \u{2013} Ren\u{e9}e (manager)",
        "Ren\u{e9}e: \u{201c}Our team moved to Zo\u{eb}\u{2019}s caf\u{e9}-style stand-ups in 2021 \u{2014} short, daily, on video.\u{201d} At first the chat was chaotic; now we use one channel per project. I trust people to plan their own day, but the overtime creeps in when the time zones don\u{2019}t line up.",
    ),
    (
        "Interview 02 \u{2013} Jos\u{e9} (manager, remote)",
        "Jos\u{e9}: \u{201c}I manage from home, so I\u{2019}m a manager and a remote worker at once.\u{201d} Video calls are tiring \u{2014} apr\u{e8}s four calls I can\u{2019}t think. We agreed on \u{201c}quiet hours\u{201d} without meetings. Sometimes I feel isolated; the caf\u{e9} chats on Fridays help a lot.",
    ),
    (
        "Interview 03 \u{2013} Zo\u{eb} (remote)",
        "Zo\u{eb}: \u{201c}Nobody checks when I start, and that autonomy matters to me.\u{201d} I write long e-mails because the chat is too noisy. Overtime? Only before releases. The hardest part is being alone \u{2014} no small talk, no coffee, nothing.",
    ),
    (
        "Interview 04 \u{2013} \u{141}ukasz (office)",
        "\u{141}ukasz: \u{201c}In the office we just talk.\u{201d} I rarely use the chat. My manager sees my work, so there\u{2019}s no need for daily check-ins \u{2014} but I miss the na\u{ef}ve optimism we had before the reorganisation.",
    ),
];

/// The codebook: 12 categories of 4 codes.
pub const MX_CATEGORIES: [(&str, [&str; 4]); 12] = [
    ("Communication", ["Channels", "Meetings", "Response times", "Misunderstandings"]),
    ("Coordination", ["Planning", "Hand-offs", "Time zones", "Tools"]),
    ("Trust", ["Autonomy", "Monitoring", "Reliability", "Openness"]),
    ("Workload", ["Overtime", "Interruptions", "Deadlines", "Recovery"]),
    ("Well-being", ["Isolation", "Fatigue", "Work\u{2013}life balance", "Motivation"]),
    ("Leadership", ["Support", "Feedback", "Recognition", "Decisions"]),
    ("Learning", ["Onboarding", "Mentoring", "Self-study", "Knowledge sharing"]),
    ("Career", ["Promotion", "Visibility", "Skills", "Mobility"]),
    ("Culture", ["Rituals", "Humour", "Values", "Belonging"]),
    ("Conflict", ["Sources of conflict", "Escalation", "Resolution", "Avoidance"]),
    ("Workplace", ["Home office", "Office", "Caf\u{e9}", "Equipment"]),
    ("Change", ["Reorganisation", "New tools", "Policies", "Resistance"]),
];

/// The five sub-codes of a code: named for Channels and Meetings, aspects elsewhere.
pub fn mx_subcodes(code: &str) -> [String; 5] {
    match code {
        "Channels" => {
            ["video", "chat", "e-mail", "face to face", "other channels"].map(String::from)
        }
        "Meetings" => ["stand-ups", "quiet hours", "one-to-ones", "all-hands", "other meetings"]
            .map(String::from),
        _ => ["causes", "consequences", "examples", "coping", "open questions"]
            .map(|a| format!("{code}: {a}")),
    }
}

/// The codings: (code name, source index, phrase). Every code name here is unique in the
/// codebook. Two Isolation codings in interview 03 overlap; Overtime's sub-code "Overtime:
/// causes" lies inside an Overtime coding.
pub const MX_CODINGS: [(&str, usize, &str); 21] = [
    ("video", 0, "on video"),
    ("video", 1, "Video calls are tiring"),
    ("chat", 0, "the chat was chaotic"),
    ("chat", 2, "the chat is too noisy"),
    ("chat", 3, "I rarely use the chat"),
    ("e-mail", 2, "I write long e-mails"),
    ("stand-ups", 0, "caf\u{e9}-style stand-ups in 2021 \u{2014} short, daily, on video"),
    ("quiet hours", 1, "We agreed on \u{201c}quiet hours\u{201d} without meetings."),
    ("Autonomy", 0, "I trust people to plan their own day"),
    ("Autonomy", 2, "Nobody checks when I start, and that autonomy matters to me."),
    ("Monitoring", 3, "My manager sees my work, so there\u{2019}s no need for daily check-ins"),
    ("Overtime", 0, "the overtime creeps in when the time zones don\u{2019}t line up"),
    ("Overtime", 2, "Overtime? Only before releases."),
    ("Overtime: causes", 0, "when the time zones don\u{2019}t line up"),
    ("Time zones", 0, "the time zones don\u{2019}t line up"),
    ("Isolation", 1, "Sometimes I feel isolated"),
    ("Isolation", 2, "The hardest part is being alone \u{2014} no small talk"),
    ("Isolation", 2, "being alone \u{2014} no small talk, no coffee, nothing."),
    ("Fatigue", 1, "Video calls are tiring \u{2014} apr\u{e8}s four calls I can\u{2019}t think."),
    ("Caf\u{e9}", 1, "the caf\u{e9} chats on Fridays help a lot"),
    ("Reorganisation", 3, "the na\u{ef}ve optimism we had before the reorganisation"),
];

/// The document sets: (name, member interviews). Interview 02 is in both; 04 in none.
pub const MX_SETS: [(&str, [usize; 2]); 2] = [("Managers", [0, 1]), ("Remote staff", [1, 2])];

/// The segment memo: a selection with a `Description` and no `Coding`.
const MX_MEMO: (usize, &str) = (1, "I\u{2019}m a manager and a remote worker at once");

/// The MAXQDA-shaped project.
pub fn maxqda_qdpx() -> Vec<u8> {
    let user = mx_guid(0x05e7, 1);
    let stamp = "creationDateTime=\"2025-03-14T09:12:00Z\"";
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!("<Project xmlns=\"urn:QDA-XML:project:1.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"Remote work interviews\" origin=\"MAXQDA 24 (Release 24.7.0)\" creatingUserGUID=\"{user}\" {stamp} modifyingUserGUID=\"{user}\" modifiedDateTime=\"2025-03-20T16:40:00Z\" xsi:schemaLocation=\"urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd\">\n"));
    x.push_str(&format!(
        "  <Users>\n    <User guid=\"{user}\" name=\"Ana S\u{e1}nchez\" id=\"AS\"/>\n  </Users>\n"
    ));
    x.push_str("  <CodeBook xmlns=\"urn:QDA-XML:codebook:0:4\">\n    <Codes>\n");
    let mut code_guid = std::collections::BTreeMap::new();
    let mut n = 0;
    let mut guid_for = |name: String, map: &mut std::collections::BTreeMap<String, String>| {
        n += 1;
        let g = mx_guid(0xc0de, n);
        map.entry(name).or_insert_with(|| g.clone());
        g
    };
    let colours = ["#ff5a5a", "#3c9be1", "#5ab45a", "#f0c81e"];
    for (ci, (cat, codes)) in MX_CATEGORIES.iter().enumerate() {
        let g = guid_for(cat.to_string(), &mut code_guid);
        x.push_str(&format!(
            "      <Code guid=\"{g}\" name=\"{}\" isCodable=\"true\" color=\"{}\">\n        <Description>{} \u{2014} main category {} of 12.</Description>\n",
            esc(cat),
            colours[ci % 4],
            esc(cat),
            ci + 1
        ));
        for code in codes {
            let g = guid_for(code.to_string(), &mut code_guid);
            x.push_str(&format!(
                "        <Code guid=\"{g}\" name=\"{}\" isCodable=\"true\" color=\"{}\">\n          <Description>Code when the interviewee talks about {} (\u{201c}{}\u{201d}).</Description>\n",
                esc(code),
                colours[ci % 4],
                esc(&code.to_lowercase()),
                esc(cat)
            ));
            for sub in mx_subcodes(code) {
                let g = guid_for(sub.clone(), &mut code_guid);
                x.push_str(&format!(
                    "          <Code guid=\"{g}\" name=\"{}\" isCodable=\"true\" color=\"{}\">\n            <Description>Sub-code of \u{201c}{}\u{201d}.</Description>\n          </Code>\n",
                    esc(&sub),
                    colours[ci % 4],
                    esc(code)
                ));
            }
            x.push_str("        </Code>\n");
        }
        x.push_str("      </Code>\n");
    }
    x.push_str("    </Codes>\n  </CodeBook>\n  <Sources>\n");
    let mut entries = Vec::new();
    let mut sel = 0;
    for (si, (name, text)) in MX_SOURCES.iter().enumerate() {
        let g = mx_guid(0x50c5, si + 1);
        x.push_str(&format!(
            "    <TextSource guid=\"{g}\" name=\"{}\" plainTextPath=\"internal://{g}.txt\" creatingUser=\"{user}\" {stamp} modifyingUser=\"{user}\" modifiedDateTime=\"2025-03-20T16:40:00Z\">\n",
            esc(name)
        ));
        for (code, _, phrase) in MX_CODINGS.iter().filter(|c| c.1 == si) {
            sel += 1;
            let (start, end) = char_span(text, phrase);
            let cg = code_guid.get(*code).unwrap_or_else(|| panic!("no code {code}"));
            x.push_str(&format!(
                "      <PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{start}\" endPosition=\"{end}\" creatingUser=\"{user}\" {stamp}>\n        <Coding guid=\"{}\" creatingUser=\"{user}\" {stamp}>\n          <CodeRef targetGUID=\"{cg}\"/>\n        </Coding>\n      </PlainTextSelection>\n",
                mx_guid(0x5e1e, sel),
                esc(phrase),
                mx_guid(0xc0d1, sel)
            ));
        }
        if MX_MEMO.0 == si {
            let (start, end) = char_span(text, MX_MEMO.1);
            x.push_str(&format!(
                "      <PlainTextSelection guid=\"{}\" name=\"Memo\" startPosition=\"{start}\" endPosition=\"{end}\" creatingUser=\"{user}\" {stamp}>\n        <Description>In both document sets: a manager who works remotely.</Description>\n      </PlainTextSelection>\n",
                mx_guid(0x5e1e, 999)
            ));
        }
        x.push_str("    </TextSource>\n");
        entries.push((format!("sources/{g}.txt"), text.as_bytes().to_vec()));
    }
    x.push_str("  </Sources>\n  <Sets>\n");
    for (i, (name, members)) in MX_SETS.iter().enumerate() {
        x.push_str(&format!(
            "    <Set guid=\"{}\" name=\"{}\">\n",
            mx_guid(0x5e75, i + 1),
            esc(name)
        ));
        for m in members {
            x.push_str(&format!(
                "      <MemberSource targetGUID=\"{}\"/>\n",
                mx_guid(0x50c5, m + 1)
            ));
        }
        x.push_str("    </Set>\n");
    }
    x.push_str("  </Sets>\n</Project>\n");
    entries.insert(0, ("project.qde".to_string(), x.into_bytes()));
    stored_zip(&entries)
}

// ---------------------------------------------------------------------------------------------
// ATLAS.ti

/// Upper-case GUIDs, as ATLAS.ti writes them.
fn at_guid(kind: u32, n: usize) -> String {
    format!("{kind:08X}-A71A-4E5D-8B0C-{n:012X}")
}

/// The documents: (name, text).
pub const AT_SOURCES: [(&str, &str); 4] = [
    (
        "Interview A",
        "We track every deal in the CRM, so my lead sees my numbers anyway. Honestly, the weekly call is the only time I talk to the others.",
    ),
    (
        "Interview B",
        "I sell and I build the demos, so I sit between both teams. The handover to engineering is where things get lost. I ping people on chat all day.",
    ),
    (
        "Interview C",
        "Engineering works in sprints; we write things down because half of us are remote. Code review is where I learn the most.",
    ),
    (
        "Interview D",
        "As a lead I try not to micromanage \u{2014} I read the CRM on Mondays and otherwise trust the team.",
    ),
];

/// The flat code list.
pub const AT_CODES: [&str; 8] = [
    "Monitoring",
    "Communication",
    "Handover",
    "Learning",
    "Trust",
    "Documentation",
    "Tools",
    "Isolation",
];

/// A quotation: (document, phrase, [(code, coder)]).
pub type Quotation = (usize, &'static str, &'static [(&'static str, usize)]);

/// The quotations: (document, phrase, [(code, coder)]). A quotation with two codes has two
/// `Coding`s, as ATLAS.ti writes it; coder 1 and coder 2 disagree now and then.
pub const AT_QUOTATIONS: [Quotation; 8] = [
    (
        0,
        "We track every deal in the CRM, so my lead sees my numbers anyway.",
        &[("Monitoring", 1), ("Tools", 1), ("Monitoring", 2)],
    ),
    (
        0,
        "the weekly call is the only time I talk to the others.",
        &[("Communication", 1), ("Isolation", 2)],
    ),
    (
        1,
        "The handover to engineering is where things get lost.",
        &[("Handover", 1), ("Handover", 2)],
    ),
    (1, "I ping people on chat all day.", &[("Communication", 1), ("Tools", 2)]),
    (
        2,
        "we write things down because half of us are remote.",
        &[("Documentation", 1), ("Documentation", 2)],
    ),
    (2, "Code review is where I learn the most.", &[("Learning", 1), ("Learning", 2)]),
    (3, "I read the CRM on Mondays", &[("Monitoring", 1), ("Tools", 1)]),
    (3, "otherwise trust the team.", &[("Trust", 1), ("Trust", 2)]),
];

/// The document groups: (name, members). Interview B is in Sales and in Engineering.
pub const AT_GROUPS: [(&str, &[usize]); 3] =
    [("Sales", &[0, 1]), ("Engineering", &[1, 2]), ("Team leads", &[3])];

/// The ATLAS.ti-shaped project.
pub fn atlas_qdpx() -> Vec<u8> {
    let users = [at_guid(0x05E7, 1), at_guid(0x05E7, 2)];
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Team interviews\" origin=\"ATLAS.ti Windows 24.2.0\" creatingUserGUID=\"{}\" creationDateTime=\"2025-02-03T10:00:00Z\">\n", users[0]));
    x.push_str("  <Users>\n");
    for (i, u) in users.iter().enumerate() {
        x.push_str(&format!("    <User guid=\"{u}\" name=\"Coder {}\"/>\n", i + 1));
    }
    x.push_str("  </Users>\n  <CodeBook>\n    <Codes>\n");
    for (i, c) in AT_CODES.iter().enumerate() {
        x.push_str(&format!(
            "      <Code guid=\"{}\" name=\"{c}\" isCodable=\"true\" color=\"#A0A0A0\"/>\n",
            at_guid(0xC0DE, i + 1)
        ));
    }
    x.push_str("    </Codes>\n  </CodeBook>\n  <Sources>\n");
    let code = |name: &str| {
        let i = AT_CODES.iter().position(|c| *c == name).unwrap_or_else(|| panic!("{name}"));
        at_guid(0xC0DE, i + 1)
    };
    let mut entries = Vec::new();
    let (mut q, mut c) = (0, 0);
    for (si, (name, text)) in AT_SOURCES.iter().enumerate() {
        x.push_str(&format!(
            "    <TextSource guid=\"{}\" name=\"{name}\" plainTextPath=\"relative:///{name}.txt\" creatingUser=\"{}\" creationDateTime=\"2025-02-03T10:00:00Z\">\n",
            at_guid(0x50C5, si + 1),
            users[0]
        ));
        for (_, phrase, codings) in AT_QUOTATIONS.iter().filter(|a| a.0 == si) {
            q += 1;
            let (start, end) = char_span(text, phrase);
            x.push_str(&format!(
                "      <PlainTextSelection guid=\"{}\" name=\"{}:{q}\" startPosition=\"{start}\" endPosition=\"{end}\" creatingUser=\"{}\">\n",
                at_guid(0x5E1E, q),
                si + 1,
                users[0]
            ));
            for (cname, coder) in codings.iter() {
                c += 1;
                x.push_str(&format!(
                    "        <Coding guid=\"{}\" creatingUser=\"{}\">\n          <CodeRef targetGUID=\"{}\"/>\n        </Coding>\n",
                    at_guid(0xC0D1, c),
                    users[coder - 1],
                    code(cname)
                ));
            }
            x.push_str("      </PlainTextSelection>\n");
        }
        x.push_str("    </TextSource>\n");
        entries.push((format!("sources/{name}.txt"), text.as_bytes().to_vec()));
    }
    x.push_str("  </Sources>\n  <Sets>\n");
    for (i, (name, members)) in AT_GROUPS.iter().enumerate() {
        x.push_str(&format!(
            "    <Set guid=\"{}\" name=\"{name}\">\n      <Description>Document group</Description>\n",
            at_guid(0x5E75, i + 1)
        ));
        for m in members.iter() {
            x.push_str(&format!(
                "      <MemberSource targetGUID=\"{}\"/>\n",
                at_guid(0x50C5, m + 1)
            ));
        }
        x.push_str("    </Set>\n");
    }
    x.push_str(&format!(
        "    <Set guid=\"{}\" name=\"Code group: ways of working\">\n      <MemberCode targetGUID=\"{}\"/>\n      <MemberCode targetGUID=\"{}\"/>\n    </Set>\n",
        at_guid(0x5E75, 9),
        code("Documentation"),
        code("Tools")
    ));
    x.push_str("  </Sets>\n</Project>\n");
    entries.insert(0, ("Team interviews.qde".to_string(), x.into_bytes()));
    stored_zip(&entries)
}

fn committed_equals_built(path: &str, built: Vec<u8>) {
    let at = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var("REGENERATE_FIXTURES").as_deref() == Ok("1") {
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        std::fs::write(&at, &built).unwrap();
    }
    let committed = std::fs::read(&at)
        .unwrap_or_else(|_| panic!("{path} exists (REGENERATE_FIXTURES=1 writes it)"));
    assert!(
        committed == built,
        "{path} is stale: run REGENERATE_FIXTURES=1 cargo test --test coverage"
    );
}

#[test]
fn the_committed_fixtures_equal_the_built_ones() {
    assert_eq!(maxqda_qdpx(), maxqda_qdpx(), "the build is deterministic");
    committed_equals_built(MAXQDA, maxqda_qdpx());
    committed_equals_built(ATLAS, atlas_qdpx());
}
