//! The reader's selection in words, in the UI language.

use crate::stats::selection::{measure_text, Selection};
use crate::study::Terms;
use crate::text::i18n::{fill, Lang};
use crate::text::pieces::{clause_separator, name_separator};

/// The selection line of the detail panel ("Service and Development, T1→T2, quarterly,
/// T2 discounted to 2016 terms") for the data `terms` names, in the UI language; in
/// English it is [`Selection::summary_in`]. A reader's own values have no measure.
pub fn selection_summary(sel: &Selection, terms: &Terms, lang: Lang) -> String {
    let t = lang.strings();
    let groups: Vec<&str> = sel.selected_groups().iter().map(|g| terms.name(*g)).collect();
    let groups = match groups.as_slice() {
        [a, b] => fill(t.d_groups_and, &[("first", a), ("second", b)]),
        _ => groups.join(name_separator(lang)),
    };
    let times: Vec<&str> = sel.selected_times().iter().map(|x| x.label()).collect();
    let times = times.join("\u{2192}");
    let discount = sel.t2_words(terms, t.d_discounted, t.d_as_paid, t);
    let mut parts = vec![groups.as_str(), &times];
    if terms.is_paper() {
        parts.push(measure_text(sel.measure, t));
    }
    parts.push(&discount);
    parts.join(clause_separator(lang))
}
