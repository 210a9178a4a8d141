//! A reader's own two-group pre/post study: what the page analyses in place of the
//! paper's salaries when a file is imported at `#your-data`.
//!
//! [`OwnData`] is plain data, read from a CSV file by [`crate::reader::own_csv`]. The
//! first group label in the file fills the [`Group::Service`] slot (the treatment, drawn in
//! the Service colour) and the second the [`Group::Development`] slot; [`OwnData::swapped`]
//! exchanges them. Everything qualitative on the page (the model, coverage, codebook,
//! demographics and the reproducibility ledger) stays the paper's.

use crate::study::kinds::Group;

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
}
