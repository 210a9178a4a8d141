//! Markup for large data tables, as one escaped HTML string per table part.
//!
//! A table of a few hundred cells that changes on every toggle is cheaper to replace
//! whole (`<tbody inner_html=…>`: one DOM call, parsed natively) than to rebuild cell by
//! cell through the view layer, which in the size-optimised wasm build removes and
//! re-adds every attribute of every cell (about 1,000 DOM calls per toggle for the
//! robustness tables alone). Only text and attribute values vary, and both are escaped
//! here, so the strings can never carry markup of their own; the tags and attribute
//! names are fixed in this module.
//!
//! It also cuts sentences at the informants' pseudonyms ([`name_pieces`]), which the page
//! keeps in `lang="en"` spans inside translated text.

use std::collections::HashSet;

/// One body row: a class, the row header, and (class, text) cells. A row headed by an
/// informant keeps the pseudonym (study content, never translated) in a `lang="en"` span.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub class: String,
    pub head: String,
    /// The header's leading pseudonym, if any (`head` then holds what follows it).
    pub name: Option<String>,
    pub cells: Vec<(&'static str, String)>,
    /// A checkbox before the row header, if any.
    pub check: Option<RowCheck>,
}

/// A checkbox in a row's first cell (`<td class="row-check">`), before the row header: its
/// value, whether it is ticked, and its accessible name.
#[derive(Debug, Clone, PartialEq)]
pub struct RowCheck {
    pub value: String,
    pub checked: bool,
    pub label: String,
}

impl TableRow {
    pub fn new(
        class: impl Into<String>,
        head: impl Into<String>,
        cells: Vec<(&'static str, String)>,
    ) -> TableRow {
        TableRow { class: class.into(), head: head.into(), name: None, cells, check: None }
    }

    /// A row headed by an informant's pseudonym, then `rest` (", most influential", …).
    pub fn named(
        class: impl Into<String>,
        name: String,
        rest: String,
        cells: Vec<(&'static str, String)>,
    ) -> TableRow {
        TableRow { class: class.into(), head: rest, name: Some(name), cells, check: None }
    }

    /// The row with a checkbox before its header.
    pub fn with_check(self, check: RowCheck) -> TableRow {
        TableRow { check: Some(check), ..self }
    }
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, safe both as element text and
/// inside a double-quoted attribute value.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text`, escaped (see [`push_escaped`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// ` class="…"`, or nothing for an empty class.
fn push_class(out: &mut String, class: &str) {
    if !class.is_empty() {
        out.push_str(" class=\"");
        push_escaped(out, class);
        out.push('"');
    }
}

/// One cell: `open` (a tag without its closing `>`), the class, the escaped text, `close`.
fn push_cell(out: &mut String, open: &str, class: &str, text: &str, close: &str) {
    out.push_str(open);
    push_class(out, class);
    out.push('>');
    push_escaped(out, text);
    out.push_str(close);
}

/// The `<tr>`s of a table body: `<th scope="row">` for the header, `<td>` for the cells,
/// and a `<td class="row-check">` with a checkbox before the header for a row that has one.
pub fn body_rows(rows: &[TableRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 96);
    for r in rows {
        out.push_str("<tr");
        push_class(&mut out, &r.class);
        out.push('>');
        if let Some(c) = &r.check {
            out.push_str("<td class=\"row-check\"><input type=\"checkbox\" value=\"");
            push_escaped(&mut out, &c.value);
            out.push_str("\" aria-label=\"");
            push_escaped(&mut out, &c.label);
            out.push('"');
            if c.checked {
                out.push_str(" checked");
            }
            out.push_str("></td>");
        }
        out.push_str("<th scope=\"row\">");
        if let Some(name) = &r.name {
            out.push_str("<span lang=\"en\">");
            push_escaped(&mut out, name);
            out.push_str("</span>");
        }
        push_escaped(&mut out, &r.head);
        out.push_str("</th>");
        for (class, text) in &r.cells {
            push_cell(&mut out, "<td", class, text, "</td>");
        }
        out.push_str("</tr>");
    }
    out
}

/// A header row of `<th scope="col">` cells, each (class, text).
pub fn head_row(heads: &[(&str, &str)]) -> String {
    let mut out = String::from("<tr>");
    for (class, text) in heads {
        push_cell(&mut out, "<th scope=\"col\"", class, text, "</th>");
    }
    out.push_str("</tr>");
    out
}

/// A piece of a sentence cut at the informants' pseudonyms ([`name_pieces`]): plain text, or
/// a pseudonym (study content, never translated, so the page keeps it in a `lang="en"` span).
/// Not to be confused with [`crate::text::pieces::Piece`], a run of a translated sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamePiece<'a> {
    Text(&'a str),
    Name(&'a str),
}

/// `text` cut into plain text and the pseudonyms in `names`, matched as whole words (a
/// run of letters and digits). Pseudonyms are single words (the paper's first names, the
/// synthetic `S00001`), so each word of the text is looked up once: the cost is linear in
/// the text whatever the number of names (20,000 at `?scale=10000`). A name that is not a
/// single word never matches.
pub fn name_pieces<'a>(text: &'a str, names: &HashSet<String>) -> Vec<NamePiece<'a>> {
    let mut out = Vec::new();
    let mut plain = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        if names.contains(&text[start..end]) {
            if plain < start {
                out.push(NamePiece::Text(&text[plain..start]));
            }
            out.push(NamePiece::Name(&text[start..end]));
            plain = end;
        }
    }
    if plain < text.len() {
        out.push(NamePiece::Text(&text[plain..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("Jeremy, 20 675.48 ≈ ¥"), "Jeremy, 20 675.48 ≈ ¥");
    }

    #[test]
    fn rows_have_the_fixed_shape() {
        let rows = [
            TableRow::named(
                "flag",
                "Aaron".into(),
                ", most influential".into(),
                vec![("num", "1,234.50".into()), ("", "a<b".into())],
            ),
            TableRow::new("", "Mean", vec![("num", "3".into())]),
        ];
        assert_eq!(
            body_rows(&rows),
            "<tr class=\"flag\"><th scope=\"row\"><span lang=\"en\">Aaron</span>, most influential</th><td class=\"num\">1,234.50</td><td>a&lt;b</td></tr>\
             <tr><th scope=\"row\">Mean</th><td class=\"num\">3</td></tr>"
        );
        assert_eq!(body_rows(&[]), "");
        assert_eq!(head_row(&[("", "Test"), ("num", "p \"two\"")]), "<tr><th scope=\"col\">Test</th><th scope=\"col\" class=\"num\">p &quot;two&quot;</th></tr>");
    }

    #[test]
    fn a_checkbox_comes_before_the_header_with_escaped_value_and_label() {
        let check =
            |checked| RowCheck { value: "5\"x".into(), checked, label: "Include <Blake>".into() };
        let row = TableRow::named("", "Blake".into(), String::new(), vec![("num", "1".into())]);
        assert_eq!(
            body_rows(&[row.clone().with_check(check(true))]),
            "<tr><td class=\"row-check\"><input type=\"checkbox\" value=\"5&quot;x\" aria-label=\"Include &lt;Blake&gt;\" checked></td><th scope=\"row\"><span lang=\"en\">Blake</span></th><td class=\"num\">1</td></tr>"
        );
        assert!(!body_rows(&[row.with_check(check(false))]).contains("checked"));
    }

    #[test]
    fn a_class_cannot_break_out_of_its_attribute() {
        let rows = [TableRow::new("x\" onclick=\"alert(1)", "h", vec![])];
        assert_eq!(
            body_rows(&rows),
            "<tr class=\"x&quot; onclick=&quot;alert(1)\"><th scope=\"row\">h</th></tr>"
        );
    }

    #[test]
    fn names_are_cut_out_as_whole_words() {
        let names: HashSet<String> = ["Harry", "Grace", "S00012"].map(String::from).into();
        assert_eq!(
            name_pieces(
                "Leaving out Harry gives t = 3.71; Harryson and GraceX are not names.",
                &names
            ),
            [
                NamePiece::Text("Leaving out "),
                NamePiece::Name("Harry"),
                NamePiece::Text(" gives t = 3.71; Harryson and GraceX are not names.")
            ]
        );
        assert_eq!(name_pieces("Grace", &names), [NamePiece::Name("Grace")]);
        assert_eq!(
            name_pieces("（剔除 Harry）与 S00012、Grace", &names),
            [
                NamePiece::Text("（剔除 "),
                NamePiece::Name("Harry"),
                NamePiece::Text("）与 "),
                NamePiece::Name("S00012"),
                NamePiece::Text("、"),
                NamePiece::Name("Grace"),
            ]
        );
        // A Chinese character is a letter, so a name glued to one is not a whole word.
        assert_eq!(name_pieces("剔除Harry", &names), [NamePiece::Text("剔除Harry")]);
        assert_eq!(name_pieces("", &names), []);
        assert_eq!(
            name_pieces("no names here", &HashSet::new()),
            [NamePiece::Text("no names here")]
        );
    }
}
