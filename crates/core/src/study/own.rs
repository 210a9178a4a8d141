//! A reader's own two-group pre/post study: what the page analyses in place of the
//! paper's salaries when a file is imported at `#your-data`.
//!
//! [`OwnData`] is plain data, read from a CSV file by [`crate::reader::own_csv`]. The
//! first group label in the file fills the [`Group::Service`] slot (the treatment, drawn in
//! the Service colour) and the second the [`Group::Development`] slot; [`OwnData::swapped`]
//! exchanges them. Everything qualitative on the page (the model, coverage, codebook,
//! demographics and the reproducibility ledger) stays the paper's.
//!
//! [`Terms`] says what the analysed data is called, so the quantitative views word the
//! paper's salaries and a reader's values each in their own terms: the groups' names, the
//! unit (RMB, 元, or none), and whether the sentences speak of informants' quarterly or
//! monthly salaries or of the rows of a file.

use crate::study::kinds::{Group, Time};
use crate::text::i18n::{fill, Strings};

/// The names of the two groups as the page shows them, in slot order ([`Group::index`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupNames([String; 2]);

impl GroupNames {
    /// The paper's names: Service and Development.
    pub fn paper() -> GroupNames {
        GroupNames(Group::ALL.map(|g| g.label().to_string()))
    }

    /// Names for the two slots, in order.
    pub fn new(first: String, second: String) -> GroupNames {
        GroupNames([first, second])
    }

    /// The name shown for a group's slot.
    pub fn name(&self, g: Group) -> &str {
        &self.0[g.index()]
    }
}

impl Default for GroupNames {
    fn default() -> GroupNames {
        GroupNames::paper()
    }
}

/// What the analysed values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// The paper's salaries: amounts in RMB (元), quarterly or monthly, one per informant
    /// and time, T2 discounted to 2016 terms by footnote 3 (or as originally paid).
    PaperSalaries,
    /// A reader's own values: no unit and no measure, one per row of the file and time, T2
    /// multiplied by a plain factor (`Selection::t2_factor`).
    Own,
}

/// What the analysed data is called: the two groups' names and what the values are. Every
/// view of the salaries, the test and `#robustness` words the data through it; a string
/// table entry written for the paper's salaries has its reader's variant (`…_own`), and
/// [`Terms::pick`] chooses between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    pub names: GroupNames,
    pub values: ValueKind,
}

impl Terms {
    /// The paper's terms: Service and Development, salaries in RMB.
    pub fn paper() -> Terms {
        Terms { names: GroupNames::paper(), values: ValueKind::PaperSalaries }
    }

    /// A reader's terms: the groups as their file names them, values without a unit.
    pub fn own(names: GroupNames) -> Terms {
        Terms { names, values: ValueKind::Own }
    }

    /// Whether the values are the paper's salaries.
    pub fn is_paper(&self) -> bool {
        self.values == ValueKind::PaperSalaries
    }

    /// The name shown for a group's slot.
    pub fn name(&self, g: Group) -> &str {
        self.names.name(g)
    }

    /// The table entry for the data analysed: `paper` (written for the paper's salaries
    /// and informants) or `own` (its variant for the rows of a reader's file).
    pub fn pick(&self, paper: &'static str, own: &'static str) -> &'static str {
        match self.values {
            ValueKind::PaperSalaries => paper,
            ValueKind::Own => own,
        }
    }

    /// An amount with its unit: `5,456.69 RMB` (`5,456.69 元`) for the paper, the number
    /// alone for a reader's values. `number` is already formatted.
    pub fn amount(&self, number: &str, t: &Strings) -> String {
        match self.values {
            ValueKind::PaperSalaries => fill(t.rmb_amount, &[("amount", number)]),
            ValueKind::Own => number.to_string(),
        }
    }

    /// A label with the unit: `salary (RMB)` (`薪资（元）`) for the paper, the label alone
    /// for a reader's values.
    pub fn with_unit(&self, label: &str, t: &Strings) -> String {
        match self.values {
            ValueKind::PaperSalaries => fill(t.rmb_label, &[("label", label)]),
            ValueKind::Own => label.to_string(),
        }
    }

    /// One group's series: `Service T2` at one time, `Service T2 − T1` for the changes
    /// (`None`). The same in every language.
    pub fn series(&self, g: Group, time: Option<Time>) -> String {
        match time {
            Some(t) => format!("{} {}", self.name(g), t.label()),
            None => format!("{} T2 \u{2212} T1", self.name(g)),
        }
    }
}

impl Default for Terms {
    fn default() -> Terms {
        Terms::paper()
    }
}

/// One row of the reader's file.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnRow {
    /// The `id` cell, as written.
    pub id: String,
    pub group: Group,
    /// `None` when the cell is empty.
    pub t1: Option<f64>,
    pub t2: Option<f64>,
    /// 1-based line of the row in the file.
    pub line: u64,
}

/// A reader's study, as read from their file.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnData {
    /// The file's name, as the browser gave it.
    pub file: String,
    pub names: GroupNames,
    pub rows: Vec<OwnRow>,
}

impl OwnData {
    /// The same study with the two groups' slots exchanged: the second label in the file
    /// becomes the treatment.
    pub fn swapped(&self) -> OwnData {
        let [a, b] = self.names.0.clone();
        OwnData {
            file: self.file.clone(),
            names: GroupNames::new(b, a),
            rows: self.rows.iter().map(|r| OwnRow { group: other(r.group), ..r.clone() }).collect(),
        }
    }

    /// Rows with an empty `t1` or `t2` cell.
    pub fn incomplete_rows(&self) -> usize {
        self.rows.iter().filter(|r| r.t1.is_none() || r.t2.is_none()).count()
    }

    /// Rows of one group.
    pub fn group_rows(&self, g: Group) -> impl Iterator<Item = &OwnRow> {
        self.rows.iter().filter(move |r| r.group == g)
    }
}

fn other(g: Group) -> Group {
    match g {
        Group::Service => Group::Development,
        Group::Development => Group::Service,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, group: Group, t1: Option<f64>, t2: Option<f64>) -> OwnRow {
        OwnRow { id: id.into(), group, t1, t2, line: 2 }
    }

    #[test]
    fn swapping_exchanges_the_names_and_every_rows_slot() {
        let data = OwnData {
            file: "a.csv".into(),
            names: GroupNames::new("Pilot".into(), "Usual".into()),
            rows: vec![
                row("1", Group::Service, Some(1.0), None),
                row("2", Group::Development, None, Some(2.0)),
            ],
        };
        let s = data.swapped();
        assert_eq!(s.names.name(Group::Service), "Usual");
        assert_eq!(s.names.name(Group::Development), "Pilot");
        assert_eq!(s.rows[0].group, Group::Development);
        assert_eq!(s.rows[1].group, Group::Service);
        assert_eq!(s.swapped(), data);
        assert_eq!(data.incomplete_rows(), 2);
    }

    #[test]
    fn the_papers_terms_carry_the_unit_and_a_readers_none() {
        use crate::text::i18n::{EN, ZH};
        let paper = Terms::paper();
        assert!(paper.is_paper());
        assert_eq!(paper.name(Group::Development), "Development");
        assert_eq!(paper.amount("1.00", &EN), "1.00 RMB");
        assert_eq!(paper.amount("1.00", &ZH), "1.00 \u{5143}");
        assert_eq!(paper.with_unit("salary", &EN), "salary (RMB)");
        assert_eq!(paper.with_unit("x", &ZH), "x\u{ff08}\u{5143}\u{ff09}");
        assert_eq!(paper.series(Group::Service, None), "Service T2 \u{2212} T1");
        assert_eq!(paper.pick("paper", "own"), "paper");
        let own = Terms::own(GroupNames::new("Pilot".into(), "Usual".into()));
        assert!(!own.is_paper());
        assert_eq!(own.amount("1.00", &ZH), "1.00");
        assert_eq!(own.with_unit("value", &EN), "value");
        assert_eq!(own.series(Group::Development, Some(Time::T1)), "Usual T1");
        assert_eq!(own.pick("paper", "own"), "own");
        assert_eq!(Terms::default(), paper);
    }
}
