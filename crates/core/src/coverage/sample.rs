//! The teaching sample: a small REFI-QDA project built in code from quotations printed in the
//! paper, shipped as `public/sample/teaching-sample.qdpx` so a reader can try the coverage page
//! without the study's transcripts (which are not public).
//!
//! **It is a TEACHING SAMPLE built from published quotations, not the study's transcripts**:
//! the project description and every source name say so. Eight excerpts of informants' words
//! quoted in "Key findings" fill the four Service/Development × T1/T2 cells; the paper only
//! quotes Service informants after DingTalk, so the cell of each excerpt is assigned for the
//! exercise (each source's description says who is quoted and where). Bracketed Chinese names
//! (`[钉钉]` DingTalk, `[微信]` WeChat) are editorial glosses, there so offsets are exercised on
//! CJK text. Two invented coders, `coder-a` and `coder-b`, code with the paper's codebook
//! (Table 3: two core categories, five second-order themes, and one first-order concept,
//! "Work-related information visibility", under Team monitoring); they agree mostly but not
//! fully, and `coder-a` has two overlapping codings in one source.
//!
//! Codings are written as (source, phrase, code, coder); the phrase is located in the text and
//! turned into a half-open character range, so the sample cannot drift from its texts. The
//! archive is written by [`write_qdpx`] (stored entries, fixed timestamps), so its bytes are
//! the same on every build; `tests/coverage.rs` checks the committed file against them.

use super::project::{Code, Coding, ModelError, Project, ProjectParts, Source, User};
use super::qdpx::write::write_qdpx;
use super::qdpx::QdpxError;
use std::collections::BTreeMap;
use std::fmt;

/// The sentence that labels the sample everywhere.
pub const SAMPLE_NOTICE: &str =
    "TEACHING SAMPLE built from published quotations, not the study's transcripts";

/// Where the sample is shipped, relative to the crate root.
pub const SAMPLE_PATH: &str = "public/sample/teaching-sample.qdpx";

/// Code ids (GUIDs) of the sample's codebook.
pub mod code {
    pub const INSTRUMENTAL_VALUE: &str = "c0de0000-0000-4000-8000-000000000001";
    pub const TEAM_REFLEXIVITY: &str = "c0de0000-0000-4000-8000-000000000002";
    pub const TEAM_MONITORING: &str = "c0de0000-0000-4000-8000-000000000003";
    pub const INFORMATION_VISIBILITY: &str = "c0de0000-0000-4000-8000-000000000004";
    pub const TEAM_EFFORT: &str = "c0de0000-0000-4000-8000-000000000005";
    pub const EXPRESSIVE_VALUE: &str = "c0de0000-0000-4000-8000-000000000006";
    pub const SOCIAL_EXCHANGE: &str = "c0de0000-0000-4000-8000-000000000007";
    pub const SOCIAL_SUPPORT: &str = "c0de0000-0000-4000-8000-000000000008";
}

/// User ids (GUIDs) of the two coders.
pub const CODER_A: &str = "05e70000-0000-4000-8000-00000000000a";
pub const CODER_B: &str = "05e70000-0000-4000-8000-00000000000b";

struct Excerpt {
    group: &'static str,
    time: &'static str,
    n: u8,
    who: &'static str,
    text: &'static str,
}

const EXCERPTS: [Excerpt; 8] = [
    Excerpt {
        group: "Service",
        time: "T1",
        n: 1,
        who: "Blake (Service, department head), on team monitoring before DingTalk",
        text: "We wanted to improve our management methods for a long time but lacked the proper tools. If employees perform their duties in the field, we have no way to track what they are doing.",
    },
    Excerpt {
        group: "Service",
        time: "T1",
        n: 2,
        who: "Barret (Service), on team monitoring before DingTalk",
        text: "Every Monday morning we have a departmental meeting to discuss the questions or issues we encountered in the previous week. Everyone contributes to the discussion and helps to make a quick solution to the questions. You know, however, the meeting is too short to learn about the detailed work progress of other colleagues.",
    },
    Excerpt {
        group: "Service",
        time: "T2",
        n: 1,
        who: "Daniel (Service, team leader), on team effort with DingTalk",
        text: "Our performance data are displayed on DingTalk [钉钉], and everyone in our team can have access to others\u{2019} performance data. I will feel shamed if I lag behind. As a result, I try my best to complete my tasks.",
    },
    Excerpt {
        group: "Service",
        time: "T2",
        n: 2,
        who: "Calvin (Service), on social exchange through WeChat",
        text: "The high association afforded by WeChat [微信] helped our team members to develop friendships. Our team is like a family, and our team members are brothers and sisters. We have developed an emotional attachment to our colleagues and our team. So, I often share my work experiences and information with the team members with whom I have built good personal relationships. In addition, we are not concerned over who takes this task and who does not because we understand that we need to work as a team.",
    },
    Excerpt {
        group: "Development",
        time: "T1",
        n: 1,
        who: "Daniel (a Service informant in the paper), on team monitoring without DingTalk",
        text: "For some sales representatives, they prefer to hold business meetings with clients in places like cafes or teahouses. Sometimes, I wonder whether every member in our team engages equally in the work. I find some colleagues spend the whole afternoon in a teahouse or cafe, but I am not sure whether they are meeting clients or just relaxing. It is hard to tell considering the flexibility of sales work.",
    },
    Excerpt {
        group: "Development",
        time: "T1",
        n: 2,
        who: "Alice (a Service informant in the paper), on interactions on WeChat (Table 7)",
        text: "The communications on WeChat [微信] are casual and relaxing. We can send emoji and animation characters, such as Tuzki. We sometimes use WeChat as a \u{201c}refresher\u{201d} by making some jokes and sharing some office gossip... The interactions on DingTalk are formal compared with WeChat",
    },
    Excerpt {
        group: "Development",
        time: "T2",
        n: 1,
        who: "Barret (a Service informant in the paper), on attachment to the team",
        text: "Our team members share a vision: we need to work hard to become outstanding and not pull down the whole team. Some members are willing to fight for the team\u{2019}s honor to support its growth and success",
    },
    Excerpt {
        group: "Development",
        time: "T2",
        n: 2,
        who: "Daniel (a Service informant in the paper), on inspiring team effort",
        text: "We have accumulated extensive knowledge and skills in the traditional payment field. After the transformation of our business, we need to spend a lot of time and energy to learn new knowledge and skills related to online payment and financing services to reach the company\u{2019}s objectives. Most employees experience pressure related to this. We need to do a lot of things to inspire them to work harder and eliminate their inertia in exploring new things.",
    },
];

/// (excerpt index, phrase, code, coder). A phrase is coded from its first occurrence.
const CODINGS: &[(usize, &str, &str, &str)] = {
    use code::*;
    &[
        // Service T1, excerpt 1 (Blake)
        (0, "If employees perform their duties in the field, we have no way to track what they are doing.", TEAM_MONITORING, CODER_A),
        (0, "If employees perform their duties in the field, we have no way to track what they are doing.", TEAM_MONITORING, CODER_B),
        (0, "We wanted to improve our management methods for a long time", TEAM_REFLEXIVITY, CODER_A),
        // Service T1, excerpt 2 (Barret)
        (1, "Every Monday morning we have a departmental meeting to discuss the questions or issues we encountered in the previous week.", TEAM_REFLEXIVITY, CODER_A),
        (1, "Every Monday morning we have a departmental meeting to discuss the questions or issues we encountered in the previous week. Everyone contributes to the discussion and helps to make a quick solution to the questions.", TEAM_REFLEXIVITY, CODER_B),
        (1, "the meeting is too short to learn about the detailed work progress of other colleagues", TEAM_MONITORING, CODER_A),
        (1, "the meeting is too short to learn about the detailed work progress of other colleagues", TEAM_MONITORING, CODER_B),
        (1, "Everyone contributes to the discussion", TEAM_EFFORT, CODER_B),
        // Service T2, excerpt 1 (Daniel): coder-a codes the first-order concept, coder-b its parent;
        // coder-a's two team-effort codings overlap.
        (2, "Our performance data are displayed on DingTalk [钉钉], and everyone in our team can have access to others\u{2019} performance data.", INFORMATION_VISIBILITY, CODER_A),
        (2, "Our performance data are displayed on DingTalk [钉钉], and everyone in our team can have access to others\u{2019} performance data.", TEAM_MONITORING, CODER_B),
        (2, "everyone in our team can have access to others\u{2019} performance data. I will feel shamed if I lag behind.", TEAM_EFFORT, CODER_A),
        (2, "I will feel shamed if I lag behind. As a result, I try my best to complete my tasks.", TEAM_EFFORT, CODER_A),
        (2, "I will feel shamed if I lag behind. As a result, I try my best to complete my tasks.", TEAM_EFFORT, CODER_B),
        // Service T2, excerpt 2 (Calvin)
        (3, "We have developed an emotional attachment to our colleagues and our team. So, I often share my work experiences and information with the team members with whom I have built good personal relationships.", SOCIAL_EXCHANGE, CODER_A),
        (3, "We have developed an emotional attachment to our colleagues and our team. So, I often share my work experiences and information with the team members with whom I have built good personal relationships. In addition, we are not concerned over who takes this task and who does not because we understand that we need to work as a team.", SOCIAL_EXCHANGE, CODER_B),
        (3, "Our team is like a family, and our team members are brothers and sisters.", SOCIAL_SUPPORT, CODER_A),
        (3, "Our team is like a family, and our team members are brothers and sisters.", SOCIAL_SUPPORT, CODER_B),
        // Development T1, excerpt 1 (Daniel)
        (4, "I wonder whether every member in our team engages equally in the work.", TEAM_MONITORING, CODER_A),
        (4, "I wonder whether every member in our team engages equally in the work.", TEAM_MONITORING, CODER_B),
        (4, "I am not sure whether they are meeting clients or just relaxing.", TEAM_MONITORING, CODER_B),
        // Development T1, excerpt 2 (Alice)
        (5, "We sometimes use WeChat as a \u{201c}refresher\u{201d} by making some jokes and sharing some office gossip", SOCIAL_SUPPORT, CODER_A),
        (5, "We sometimes use WeChat as a \u{201c}refresher\u{201d} by making some jokes and sharing some office gossip", SOCIAL_SUPPORT, CODER_B),
        // Development T2, excerpt 1 (Barret)
        (6, "Some members are willing to fight for the team\u{2019}s honor to support its growth and success", SOCIAL_EXCHANGE, CODER_A),
        (6, "Our team members share a vision: we need to work hard to become outstanding and not pull down the whole team. Some members are willing to fight for the team\u{2019}s honor to support its growth and success", SOCIAL_EXCHANGE, CODER_B),
        // Development T2, excerpt 2 (Daniel)
        (7, "We need to do a lot of things to inspire them to work harder and eliminate their inertia in exploring new things.", TEAM_EFFORT, CODER_A),
        (7, "We need to do a lot of things to inspire them to work harder and eliminate their inertia in exploring new things.", TEAM_EFFORT, CODER_B),
    ]
};

/// Why the sample could not be built (only a broken edit of this file can cause it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SampleError {
    /// A coding's phrase is not in its excerpt.
    PhraseNotFound {
        source: usize,
        phrase: String,
    },
    Model(ModelError),
    Qdpx(QdpxError),
}

impl fmt::Display for SampleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SampleError::PhraseNotFound { source, phrase } => {
                write!(
                    f,
                    "teaching sample: excerpt {} does not contain \u{201c}{phrase}\u{201d}",
                    source + 1
                )
            }
            SampleError::Model(e) => write!(f, "teaching sample: {e}"),
            SampleError::Qdpx(e) => write!(f, "teaching sample: {e}"),
        }
    }
}

impl std::error::Error for SampleError {}

fn source_id(i: usize) -> String {
    format!("50c50000-0000-4000-8000-{:012x}", i + 1)
}

/// The sample as a [`Project`].
pub fn teaching_project() -> Result<Project, SampleError> {
    use code::*;
    let codes = vec![
        Code {
            id: INSTRUMENTAL_VALUE.into(),
            name: "Instrumental value".into(),
            children: vec![
                Code::leaf(TEAM_REFLEXIVITY, "Team reflexivity"),
                Code {
                    id: TEAM_MONITORING.into(),
                    name: "Team monitoring".into(),
                    children: vec![Code::leaf(
                        INFORMATION_VISIBILITY,
                        "Work-related information visibility",
                    )],
                },
                Code::leaf(TEAM_EFFORT, "Team effort"),
            ],
        },
        Code {
            id: EXPRESSIVE_VALUE.into(),
            name: "Expressive value".into(),
            children: vec![
                Code::leaf(SOCIAL_EXCHANGE, "Social exchange"),
                Code::leaf(SOCIAL_SUPPORT, "Social support"),
            ],
        },
    ];
    let sources: Vec<Source> = EXCERPTS
        .iter()
        .enumerate()
        .map(|(i, e)| Source {
            id: source_id(i),
            name: format!("{} {}, excerpt {} \u{2014} {SAMPLE_NOTICE}", e.group, e.time, e.n),
            description: format!(
                "Quotation of {} printed in Song et al. (2019), Key findings. The {} {} cell is assigned for this teaching sample. Bracketed Chinese names are editorial glosses.",
                e.who, e.group, e.time
            ),
            text: e.text.to_string(),
            attributes: BTreeMap::from([("group".to_string(), e.group.to_string()), ("time".to_string(), e.time.to_string())]),
        })
        .collect();
    let mut codings = Vec::with_capacity(CODINGS.len());
    for (n, &(i, phrase, code, coder)) in CODINGS.iter().enumerate() {
        let text = EXCERPTS.get(i).map(|e| e.text).unwrap_or("");
        let byte = text
            .find(phrase)
            .ok_or_else(|| SampleError::PhraseNotFound { source: i, phrase: phrase.to_string() })?;
        let start = text.get(..byte).map_or(0, |t| t.chars().count());
        codings.push(Coding {
            source: source_id(i),
            start,
            end: start + phrase.chars().count(),
            code: code.to_string(),
            coder: coder.to_string(),
            origin: format!("teaching sample coding {}", n + 1),
        });
    }
    let parts = ProjectParts {
        name: format!("Study Explorer \u{2014} {SAMPLE_NOTICE}"),
        description: format!(
            "{SAMPLE_NOTICE}. Eight short excerpts of quotations printed in Song et al. (2019), \u{201c}Impact of the usage of social media in the workplace on team and employee performance\u{201d}, Information & Management 56, 103160, Key findings; coded with the paper's codebook by two invented coders (coder-a, coder-b) who agree mostly but not fully. The paper quotes Service informants after DingTalk: the Service/Development \u{d7} T1/T2 cell of each excerpt is assigned for the exercise, so its coverage percentages say nothing about the study. Bracketed Chinese names ([\u{9489}\u{9489}] DingTalk, [\u{5fae}\u{4fe1}] WeChat) are editorial glosses."
        ),
        users: vec![User { id: CODER_A.into(), name: "coder-a".into() }, User { id: CODER_B.into(), name: "coder-b".into() }],
        codes,
        sources,
        codings,
        sets: Vec::new(),
    };
    Project::new(parts).map_err(SampleError::Model)
}

/// The sample as `.qdpx` bytes, identical on every build.
pub fn build_teaching_sample() -> Result<Vec<u8>, SampleError> {
    write_qdpx(&teaching_project()?).map_err(SampleError::Qdpx)
}
