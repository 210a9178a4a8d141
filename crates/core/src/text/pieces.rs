//! Translated sentences with the study's own words in them, as runs ([`Piece`]), and the
//! separators between list items, names and sentences in each UI language.

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

/// Between the items of a list ("A; B" / "A；B").
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Zh => "\u{ff1b}",
    }
}

/// Between a few names ("A, B" / "A、B").
pub fn name_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "\u{3001}",
    }
}

/// Between sentences (a blank in English, none in Chinese).
pub fn sentence_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " ",
        Lang::Zh => "",
    }
}
