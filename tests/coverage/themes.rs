//! Matching imported code names to the paper's five themes.

use super::*;

#[test]
fn code_names_match_the_papers_themes_loosely() {
    assert_eq!(normalize_code_name("Team monitoring"), normalize_code_name("team_monitoring"));
    assert_eq!(normalize_code_name("  TEAM-Monitoring "), "team monitoring");
    let p = sample::teaching_project().unwrap();
    let m = match_themes(&p, &PAPER_THEMES);
    assert_eq!(m.matched.len(), 5);
    assert!(m
        .matched
        .iter()
        .any(|t| t.theme == "team_monitoring" && t.code == sample::code::TEAM_MONITORING));
    assert!(m.missing_themes.is_empty() && m.ambiguous.is_empty());
    assert_eq!(
        m.unmatched_codes,
        strings(&[
            sample::code::INSTRUMENTAL_VALUE,
            sample::code::INFORMATION_VISIBILITY,
            sample::code::EXPRESSIVE_VALUE
        ])
    );

    let q = project(
        vec![],
        vec![
            Code::leaf("a", "team_effort"),
            Code::leaf("b", "Team Effort"),
            Code::leaf("c", "social support"),
        ],
        &[],
        vec![],
    )
    .unwrap();
    let m = match_themes(&q, &PAPER_THEMES);
    assert_eq!(m.ambiguous, vec![("team_effort".to_string(), strings(&["a", "b"]))]);
    assert_eq!(m.matched, vec![ThemeMapping { theme: "social_support".into(), code: "c".into() }]);
    assert_eq!(
        m.missing_themes,
        strings(&["team_reflexivity", "team_monitoring", "social_exchange"])
    );
}
