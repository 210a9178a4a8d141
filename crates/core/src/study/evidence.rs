//! The paper's qualitative evidence: serde types for the quotations, Tables 1, 5, 6, 7 and
//! A1, the quotation check and the "About" context (limitations, background essay), plus
//! the pure helpers the views need — who said a quotation (informant, role, group,
//! timepoint), which evidence belongs to a theme, the BibTeX entry and the codebook search.
//!
//! Every item carries its source. A quotation's timepoint is *inferred* (the Key findings
//! introduction says the findings come mainly from the T2 Service interviews) and its group
//! comes from Table 2 through the informant; where the prose says otherwise (Grace), both
//! are kept and shown. Semantic checks of these data live in [`crate::checks::content::check`].

use crate::study::codebook::Codebook;
use crate::study::kinds::{Citation, Group, Time};
use serde::{Deserialize, Serialize};

/// One quotation of an informant's words (Key findings and Table 7).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quotation {
    /// `q01` … in the order of the paper.
    pub id: String,
    /// Pseudonym as printed (Table 2), or `None` when the paper names no speaker.
    pub informant: Option<String>,
    /// How the sentence around the quotation describes the speaker, as printed.
    pub role_text: Option<String>,
    /// The group the surrounding prose states, where it states one.
    #[serde(default)]
    pub group_in_text: Option<Group>,
    /// The Table 3 theme id the quotation illustrates.
    pub theme: String,
    /// The Key findings subsection it appears in.
    pub subsection: String,
    /// Inferred, never printed per quotation (see `timepoint_basis`).
    pub timepoint: Option<Time>,
    pub timepoint_basis: String,
    pub text: String,
    pub source: String,
    /// Why the quotation is doubtful as an informant's words, if it is.
    #[serde(default)]
    pub doubt: Option<String>,
    /// A recorded decision about this quotation (an id in `decisions`).
    #[serde(default)]
    pub decision: Option<String>,
}

/// A place in the paper considered while checking the quotations, with the decision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The line of the paper's text extraction where the place is: a locator for the
    /// maintainers' check, not shown to readers, who get `section`.
    pub line: u32,
    /// Where the place is in the paper, as a reader would cite it: a section (`Key
    /// findings: team effort`), a table or a footnote.
    pub section: String,
    pub snippet: String,
    pub decision: String,
}

/// How the quotations were checked to be complete.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuotationCheck {
    /// The number of quotations the check found.
    pub count: usize,
    pub source: String,
    pub method: String,
    pub recheck: String,
    pub candidates: Vec<Candidate>,
}

/// One row of Table 1: the classification of social media in the workplace.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table1Row {
    #[serde(rename = "type")]
    pub kind: String,
    pub nature: String,
    pub proximities: String,
    pub human_relationships: String,
    pub social_interactions: String,
    pub flows: String,
    pub examples: Vec<String>,
    /// The diagram node this row describes.
    #[serde(default)]
    pub node: Option<String>,
    pub source: String,
}

/// Table 1.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table1 {
    pub source: String,
    pub rows: Vec<Table1Row>,
}

/// One row of Table 5 or 6: problem → why → consequences → how DingTalk addresses it → benefits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExampleRow {
    pub problem: String,
    pub why: String,
    pub consequences: String,
    pub how_dingtalk: String,
    pub benefits: String,
    pub source: String,
}

/// Table 5 (team reflexivity) or Table 6 (team monitoring).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExampleTable {
    pub source: String,
    /// The Table 3 theme the table illustrates.
    pub theme: String,
    pub rows: Vec<ExampleRow>,
}

/// One row of Table 7: a heterogeneous feature and a quotation about it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table7Row {
    pub feature: String,
    pub quotation_id: String,
    pub source: String,
}

/// Table 7.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Table7 {
    pub source: String,
    pub theme: String,
    pub rows: Vec<Table7Row>,
}

/// One DingTalk feature (Table A1).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FeatureRow {
    pub category: String,
    pub feature: String,
    pub description: String,
    pub source: String,
}

/// Table A1: the major features of DingTalk.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TableA1 {
    pub source: String,
    /// The diagram node the features belong to (work-oriented social media).
    pub node: String,
    pub rows: Vec<FeatureRow>,
}

/// A limitation or caution the authors state, quoted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Limitation {
    pub text: String,
    pub source: String,
}

/// The two sentences quoted from the background essay.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Background {
    pub sentences: Vec<String>,
    pub note: String,
    pub citation: String,
    pub source: String,
    /// How the essay relates to the paper's thesis (the explorer's words).
    pub echo: String,
}

/// The "About this study" context beyond the citation and design.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Context {
    pub limitations: Vec<Limitation>,
    pub background: Background,
}

/// The quotations that illustrate a theme, in the paper's order.
pub fn quotations_for<'a>(quotations: &'a [Quotation], theme: &str) -> Vec<&'a Quotation> {
    quotations.iter().filter(|q| q.theme == theme).collect()
}

/// The Table 7 feature a quotation illustrates, if any.
pub fn table7_feature<'a>(table7: &'a Table7, quotation_id: &str) -> Option<&'a str> {
    table7.rows.iter().find(|r| r.quotation_id == quotation_id).map(|r| r.feature.as_str())
}

/// A BibTeX entry for the paper, built from the study file's citation.
pub fn bibtex(c: &Citation) -> String {
    let first = c
        .authors
        .first()
        .map(|a| a.split(',').next().unwrap_or(a).trim().to_lowercase())
        .unwrap_or_else(|| "anon".into());
    let key: String =
        format!("{first}{}", c.year).chars().filter(|ch| ch.is_ascii_alphanumeric()).collect();
    let authors = c.authors.join(" and ");
    let esc = |s: &str| s.replace('&', "\\&");
    format!(
        "@article{{{key},\n  author  = {{{authors}}},\n  year    = {{{}}},\n  title   = {{{}}},\n  journal = {{{}}},\n  volume  = {{{}}},\n  number  = {{{}}},\n  pages   = {{{}}},\n  doi     = {{{}}}\n}}\n",
        c.year,
        esc(&c.title),
        esc(&c.journal),
        c.volume,
        c.issue,
        esc(&c.article),
        c.doi
    )
}

/// Splits `text` into (segment, is_match) parts for a case-insensitive search of `query`
/// (what a view wraps in `<mark>`). An empty query gives the whole text unmatched.
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let q: Vec<char> = query.trim().chars().flat_map(|c| c.to_lowercase()).collect();
    let chars: Vec<char> = text.chars().collect();
    if q.is_empty() {
        return vec![(text.to_string(), false)];
    }
    let lower: Vec<Vec<char>> = chars.iter().map(|c| c.to_lowercase().collect()).collect();
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        // Match query chars against the lowercased text, char by char.
        let mut j = i;
        let mut k = 0;
        while j < chars.len() && k < q.len() {
            let l = &lower[j];
            if q.len() - k >= l.len() && q[k..k + l.len()] == l[..] {
                k += l.len();
                j += 1;
            } else {
                break;
            }
        }
        if k == q.len() && j > i {
            if !plain.is_empty() {
                out.push((std::mem::take(&mut plain), false));
            }
            out.push((chars[i..j].iter().collect(), true));
            i = j;
        } else {
            plain.push(chars[i]);
            i += 1;
        }
    }
    if !plain.is_empty() {
        out.push((plain, false));
    }
    out
}

/// Whether `text` contains `query`, ignoring case (an empty query matches everything).
pub fn matches(text: &str, query: &str) -> bool {
    query.trim().is_empty() || highlight(text, query).iter().any(|(_, m)| *m)
}

/// What a codebook search keeps: for each core category, the themes and concepts shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodebookHits {
    /// (category index, theme index, concept index, code indices) of each concept shown.
    pub concepts: Vec<(usize, usize, usize, Vec<usize>)>,
    /// The number of entries (names and codes) that match.
    pub matches: usize,
}

impl CodebookHits {
    /// Whether anything of the theme is shown.
    pub fn shows_theme(&self, c: usize, t: usize) -> bool {
        self.concepts.iter().any(|(ci, ti, _, _)| *ci == c && *ti == t)
    }
    /// Whether anything of the category is shown.
    pub fn shows_category(&self, c: usize) -> bool {
        self.concepts.iter().any(|(ci, _, _, _)| *ci == c)
    }
    /// The codes shown for a concept, or `None` when the concept is hidden.
    pub fn codes(&self, c: usize, t: usize, k: usize) -> Option<&[usize]> {
        self.concepts
            .iter()
            .find(|(ci, ti, ki, _)| *ci == c && *ti == t && *ki == k)
            .map(|x| x.3.as_slice())
    }
}

/// Filters Table 3 by a case-insensitive query. A concept is shown with all its codes when
/// it, its theme or its category matches; otherwise with only the codes that match.
pub fn search_codebook(codebook: &Codebook, query: &str) -> CodebookHits {
    let mut concepts = Vec::new();
    let mut count = 0;
    for (ci, cat) in codebook.core_categories.iter().enumerate() {
        let cat_hit = matches(&cat.name, query);
        count += usize::from(cat_hit && !query.trim().is_empty());
        for (ti, theme) in cat.themes.iter().enumerate() {
            let theme_hit = matches(&theme.name, query);
            count += usize::from(theme_hit && !query.trim().is_empty());
            for (ki, concept) in theme.concepts.iter().enumerate() {
                let concept_hit = matches(&concept.name, query);
                count += usize::from(concept_hit && !query.trim().is_empty());
                let code_hits: Vec<usize> = concept
                    .codes
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| matches(c, query))
                    .map(|(i, _)| i)
                    .collect();
                if !query.trim().is_empty() {
                    count += code_hits.len();
                }
                if cat_hit || theme_hit || concept_hit {
                    concepts.push((ci, ti, ki, (0..concept.codes.len()).collect()));
                } else if !code_hits.is_empty() {
                    concepts.push((ci, ti, ki, code_hits));
                }
            }
        }
    }
    CodebookHits { concepts, matches: count }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_is_case_insensitive_and_keeps_the_text() {
        let parts = highlight("Identify performance discrepancies", "PERFORMANCE");
        assert_eq!(
            parts,
            vec![
                ("Identify ".to_string(), false),
                ("performance".to_string(), true),
                (" discrepancies".to_string(), false)
            ]
        );
        let joined: String = highlight("Çà et là, ÇA", "ça").into_iter().map(|(s, _)| s).collect();
        assert_eq!(joined, "Çà et là, ÇA");
        assert_eq!(highlight("x", ""), vec![("x".to_string(), false)]);
        assert!(highlight("abc", "abcd").iter().all(|(_, m)| !m));
    }
}
