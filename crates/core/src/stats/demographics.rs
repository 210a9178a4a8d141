//! Demographic balance (Table 2): independent t-tests on age, gender, education, tenure
//! and position, as the paper reports them.
//!
//! Coding of the categorical variables (decision `position-coding` in the study file):
//! gender male = 1, female = 0; education bachelor = 1, associate = 0; position by
//! seniority, sales representative = 1, administrative staff = 2, team leader = 3,
//! department head = 4. With Grace in Development (decision `grace-group`) these
//! reproduce all five printed p-values (.22, .51, .90, .86, .78).

use crate::stats::selection::Exclusions;
use crate::stats::ttest::{self, Descriptives, StatsError, TTest};
use crate::study::{Education, Gender, Group, Informant, Position, Study};
use crate::text::i18n::{Strings, EN};

/// A demographic variable of Table 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variable {
    Age,
    Gender,
    Education,
    Tenure,
    Position,
}

impl Variable {
    /// In the order the paper prints the p-values.
    pub const ALL: [Variable; 5] = [
        Variable::Age,
        Variable::Gender,
        Variable::Education,
        Variable::Tenure,
        Variable::Position,
    ];

    /// The key used in the study file (`printed_demographic_p`).
    pub fn key(self) -> &'static str {
        match self {
            Variable::Age => "age",
            Variable::Gender => "gender",
            Variable::Education => "education",
            Variable::Tenure => "tenure",
            Variable::Position => "position",
        }
    }

    /// Human label, in English.
    pub fn label(self) -> &'static str {
        self.label_in(&EN)
    }

    /// Human label in a UI language.
    pub fn label_in(self, t: &Strings) -> &'static str {
        match self {
            Variable::Age => t.a_var_age,
            Variable::Gender => t.a_var_gender,
            Variable::Education => t.a_var_education,
            Variable::Tenure => t.a_var_tenure,
            Variable::Position => t.a_var_position,
        }
    }

    /// How the variable is coded for the t-test, in English.
    pub fn coding(self) -> &'static str {
        self.coding_in(&EN)
    }

    /// How the variable is coded for the t-test, in a UI language.
    pub fn coding_in(self, t: &Strings) -> &'static str {
        match self {
            Variable::Age | Variable::Tenure => t.a_coding_years,
            Variable::Gender => t.a_coding_gender,
            Variable::Education => t.a_coding_education,
            Variable::Position => t.a_coding_position,
        }
    }

    /// The coded value of one informant.
    pub fn code(self, i: &Informant) -> f64 {
        match self {
            Variable::Age => i.age as f64,
            Variable::Tenure => i.tenure_years as f64,
            Variable::Gender => match i.gender {
                Gender::Male => 1.0,
                Gender::Female => 0.0,
            },
            Variable::Education => match i.education {
                Education::Bachelor => 1.0,
                Education::Associate => 0.0,
            },
            Variable::Position => match i.position {
                Position::SalesRepresentative => 1.0,
                Position::AdministrativeStaff => 2.0,
                Position::TeamLeader => 3.0,
                Position::DepartmentHead => 4.0,
            },
        }
    }
}

/// One balance row: each group's descriptives and Student's t-test.
#[derive(Debug, Clone, PartialEq)]
pub struct BalanceRow {
    pub variable: Variable,
    pub service: Result<Descriptives, StatsError>,
    pub development: Result<Descriptives, StatsError>,
    pub test: Result<TTest, StatsError>,
}

/// The balance table. `moved` reassigns named informants to another group (to show
/// what a different reading of Table 2 would give); pass `&[]` for the study as stored.
pub fn balance(study: &Study, moved: &[(&str, Group)]) -> Vec<BalanceRow> {
    balance_without(study, moved, Exclusions::NONE)
}

/// [`balance`] without the informants the reader left out.
pub fn balance_without(
    study: &Study,
    moved: &[(&str, Group)],
    excluded: Exclusions,
) -> Vec<BalanceRow> {
    let group_of = |i: &Informant| {
        moved.iter().find(|(n, _)| *n == i.name).map(|(_, g)| *g).unwrap_or(i.group)
    };
    Variable::ALL
        .into_iter()
        .map(|v| {
            let pick = |g: Group| -> Vec<f64> {
                study
                    .raw
                    .informants
                    .iter()
                    .enumerate()
                    .filter(|(place, i)| group_of(i) == g && !excluded.contains(*place))
                    .map(|(_, i)| i)
                    .map(|i| v.code(i))
                    .collect()
            };
            let (s, d) = (pick(Group::Service), pick(Group::Development));
            BalanceRow {
                variable: v,
                service: ttest::describe(&s),
                development: ttest::describe(&d),
                test: ttest::student(&s, &d),
            }
        })
        .collect()
}

/// The balance table with the informant `name` moved to `group` (and without the
/// informants left out), or `None` when the study has no informant of that name (a
/// synthetic study has none of the paper's pseudonyms, and moving nobody would only repeat
/// the stored table).
pub fn balance_moved(
    study: &Study,
    name: &str,
    group: Group,
    excluded: Exclusions,
) -> Option<Vec<BalanceRow>> {
    study.informant(name).map(|_| balance_without(study, &[(name, group)], excluded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::i18n::ZH;

    #[test]
    fn moving_an_informant_needs_one_of_that_name() {
        let paper = Study::embedded().expect("embedded study");
        let stored = balance(&paper, &[]);
        let moved = balance_moved(&paper, "Grace", Group::Service, Exclusions::NONE)
            .expect("the paper has Grace");
        let p = |rows: &[BalanceRow]| {
            rows.iter()
                .map(|r| r.test.as_ref().map(|t| t.p).unwrap_or(f64::NAN))
                .collect::<Vec<_>>()
        };
        assert_ne!(p(&moved), p(&stored), "moving Grace changes the tests");
        assert!(balance_moved(&paper, "Nobody", Group::Service, Exclusions::NONE).is_none());
    }

    #[test]
    fn labels_and_codings_are_worded_in_the_ui_language() {
        assert_eq!(Variable::Position.label(), "Job position (seniority 1\u{2013}4)");
        assert_eq!(Variable::Gender.coding(), "male = 1, female = 0");
        for v in Variable::ALL {
            assert_ne!(v.label_in(&ZH), v.label());
            assert_ne!(v.coding_in(&ZH), v.coding());
        }
    }
}
