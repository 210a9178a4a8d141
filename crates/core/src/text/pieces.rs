//! Translated sentences with the study's own words in them, as runs ([`Piece`]), and the one
//! home of the separators the explorer puts between the parts of its own sentences, in each
//! UI language: between the items of a list ([`list_separator`]), between names
//! ([`name_separator`]), between clauses ([`clause_separator`]) and between sentences
//! ([`sentence_separator`]).
//!
//! The English ones follow CLDR's `en` list patterns (`{0}, {1}`); the Chinese ones follow
//! CLDR's `zh` patterns (`{0}、{1}`) and the national standard on punctuation
//! (GB/T 15834-2011, 标点符号用法): 顿号 `、` between coordinate words, 逗号 `，` for a pause
//! inside a sentence, 分号 `；` between coordinate clauses. Chinese punctuation is full-width
//! and carries its own spacing, so no space follows it, and Chinese sentences are not
//! separated by spaces. The words around a list ("A, B and C", "A、B和C") are table entries
//! (`b_and`, `d_groups_and`, …), since they are words, not separators.

use crate::text::i18n::{segments, Lang, Segment};

/// A run of text in a translated sentence: the explorer's own words, or words that stay in
/// English in every UI language — the study's content as published (node names,
/// pseudonyms, sources) and the names printed on keys — which the page marks `lang="en"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// The study's own words (English in every UI language).
    pub study: bool,
}

impl Piece {
    /// The explorer's own words.
    pub fn ui(text: impl Into<String>) -> Piece {
        Piece { text: text.into(), study: false }
    }
    /// The study's own words.
    pub fn study(text: impl Into<String>) -> Piece {
        Piece { text: text.into(), study: true }
    }
}

fn push_piece(out: &mut Vec<Piece>, p: Piece) {
    if p.text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.study == p.study => last.text.push_str(&p.text),
        _ => out.push(p),
    }
}

/// Fills `{name}` placeholders like [`crate::text::i18n::fill`], each value being runs of
/// its own; the template's words are the explorer's. Adjacent runs of one kind merge.
pub fn fill_pieces(template: &str, args: &[(&str, Vec<Piece>)]) -> Vec<Piece> {
    let mut out = Vec::new();
    for seg in segments(template) {
        match seg {
            Segment::Text(t) => push_piece(&mut out, Piece::ui(t)),
            Segment::Placeholder(name) => match args.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => v.iter().cloned().for_each(|p| push_piece(&mut out, p)),
                None => push_piece(&mut out, Piece::ui(format!("{{{name}}}"))),
            },
        }
    }
    out
}

/// Joins runs with a separator of the explorer's.
pub fn join_pieces(parts: Vec<Vec<Piece>>, sep: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            push_piece(&mut out, Piece::ui(sep));
        }
        part.into_iter().for_each(|p| push_piece(&mut out, p));
    }
    out
}

/// The runs as one string.
pub fn plain(pieces: &[Piece]) -> String {
    pieces.iter().map(|p| p.text.as_str()).collect()
}

/// Between the items of a list whose items are clauses or may hold commas themselves
/// ("Service mean 1 at T2; Development mean 2 at T2"): `"; "` in English, `"；"` (U+FF1B,
/// 分号) in Chinese.
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Zh => "\u{ff1b}",
    }
}

/// Between names or other short items of one enumeration ("Harry, Grace", "Welch t,
/// Mann–Whitney U"): `", "` in English, `"、"` (U+3001, 顿号) in Chinese.
pub fn name_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "\u{3001}",
    }
}

/// Between the clauses or phrases of one sentence ("Service and Development, T1→T2,
/// quarterly"; "…, z = 1.23"): `", "` in English, `"，"` (U+FF0C, 逗号) in Chinese.
pub fn clause_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "\u{ff0c}",
    }
}

/// Between sentences: `" "` in English, nothing in Chinese (a sentence ends with its
/// full-width `。`, which needs no space after it).
pub fn sentence_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " ",
        Lang::Zh => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_in_both_languages() {
        let sep = |f: fn(Lang) -> &'static str| (f(Lang::En), f(Lang::Zh));
        assert_eq!(sep(list_separator), ("; ", "\u{ff1b}"));
        assert_eq!(sep(name_separator), (", ", "\u{3001}"));
        assert_eq!(sep(clause_separator), (", ", "\u{ff0c}"));
        assert_eq!(sep(sentence_separator), (" ", ""));
    }
}
