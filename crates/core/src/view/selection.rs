//! The reader's selection in words, in the UI language.

use crate::stats::selection::{measure_text, Selection};
use crate::text::i18n::{fill, Lang};
use crate::text::pieces::{clause_separator, name_separator};

/// The selection line of the detail panel ("Service and Development, T1→T2, quarterly,
/// T2 discounted to 2016 terms") in the UI language; in English it is
/// [`Selection::summary`].
pub fn selection_summary(sel: &Selection, lang: Lang) -> String {
    let t = lang.strings();
    let groups: Vec<&str> = sel.selected_groups().iter().map(|g| g.label()).collect();
    let groups = match groups.as_slice() {
        [a, b] => fill(t.d_groups_and, &[("first", a), ("second", b)]),
        _ => groups.join(name_separator(lang)),
    };
    let times: Vec<&str> = sel.selected_times().iter().map(|x| x.label()).collect();
    let measure = measure_text(sel.measure, t);
    let discount = if sel.discount { t.d_discounted } else { t.d_as_paid };
    [groups.as_str(), &times.join("\u{2192}"), measure, discount].join(clause_separator(lang))
}
