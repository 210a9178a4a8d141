//! The study's vocabulary: its two groups and two times, the two salary measures, the
//! demographic categories of Table 2, and [`Sourced`], a value with where the paper
//! gives it.

use serde::{Deserialize, Serialize};

/// The two groups of the quasi-experiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    /// Treatment: adopted DingTalk on top of WeChat.
    Service,
    /// Control: WeChat only.
    Development,
}

impl Group {
    /// Both groups, in the paper's order.
    pub const ALL: [Group; 2] = [Group::Service, Group::Development];

    /// The paper's name for the group.
    pub fn label(self) -> &'static str {
        match self {
            Group::Service => "Service",
            Group::Development => "Development",
        }
    }

    /// The permalink word for the group.
    pub fn key(self) -> &'static str {
        match self {
            Group::Service => "service",
            Group::Development => "development",
        }
    }

    /// Index into two-element arrays ([Service, Development]).
    pub fn index(self) -> usize {
        match self {
            Group::Service => 0,
            Group::Development => 1,
        }
    }
}

/// The two timepoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Time {
    /// August 2016 interviews; Q3 2016 salaries.
    T1,
    /// April 2017 interviews; Q2 2017 salaries.
    T2,
}

impl Time {
    /// Both timepoints.
    pub const ALL: [Time; 2] = [Time::T1, Time::T2];

    /// `T1` or `T2`.
    pub fn label(self) -> &'static str {
        match self {
            Time::T1 => "T1",
            Time::T2 => "T2",
        }
    }

    /// The permalink word.
    pub fn key(self) -> &'static str {
        match self {
            Time::T1 => "t1",
            Time::T2 => "t2",
        }
    }
}

/// Which salary table: quarterly (Table 8) or monthly (Table A2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Table 8, the paper's main analysis.
    Quarterly,
    /// Table A2, footnote 4's repetition.
    Monthly,
}

impl Measure {
    /// Both measures.
    pub const ALL: [Measure; 2] = [Measure::Quarterly, Measure::Monthly];

    /// Human label.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Quarterly => "quarterly",
            Measure::Monthly => "monthly",
        }
    }

    /// Permalink word.
    pub fn key(self) -> &'static str {
        self.label()
    }
}

/// A value from the paper with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Table, section or footnote.
    pub source: String,
}

/// Bibliographic data.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Citation {
    pub authors: Vec<String>,
    pub year: u16,
    pub title: String,
    pub journal: String,
    pub volume: u32,
    pub issue: u32,
    pub article: String,
    pub doi: String,
}

/// Gender as printed in Table 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

/// Education as printed in Table 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Education {
    Associate,
    Bachelor,
}

/// Position as printed in Table 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    SalesRepresentative,
    AdministrativeStaff,
    TeamLeader,
    DepartmentHead,
}

impl Position {
    /// The label as Table 2 prints it.
    pub fn label(self) -> &'static str {
        match self {
            Position::SalesRepresentative => "Sales representative",
            Position::AdministrativeStaff => "Administrative staff",
            Position::TeamLeader => "Team leader",
            Position::DepartmentHead => "Department Head",
        }
    }
}
