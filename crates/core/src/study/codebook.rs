//! The codebook (Table 3): second-order themes grouped under core categories, each theme
//! with its first-order concepts and their initial codes.

use serde::{Deserialize, Serialize};

/// A first-order concept with its initial codes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Concept {
    pub name: String,
    pub codes: Vec<String>,
}

/// A second-order theme with its concepts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub name: String,
    pub concepts: Vec<Concept>,
}

/// A core category with its themes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CoreCategory {
    pub id: String,
    pub name: String,
    pub themes: Vec<Theme>,
}

/// Counts the paper prints for the codebook.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CodebookCounts {
    pub first_order_concepts: usize,
    pub initial_codes: usize,
    pub source: String,
}

/// Table 3.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Codebook {
    pub source: String,
    pub note: String,
    pub printed_counts: CodebookCounts,
    pub core_categories: Vec<CoreCategory>,
}

impl Codebook {
    /// Number of first-order concepts in the transcription.
    pub fn concept_count(&self) -> usize {
        self.core_categories.iter().flat_map(|c| &c.themes).map(|t| t.concepts.len()).sum()
    }

    /// Number of initial codes in the transcription.
    pub fn code_count(&self) -> usize {
        self.core_categories
            .iter()
            .flat_map(|c| &c.themes)
            .flat_map(|t| &t.concepts)
            .map(|c| c.codes.len())
            .sum()
    }
}
