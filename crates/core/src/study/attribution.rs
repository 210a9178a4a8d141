//! Who said a quotation, as the explorer shows it: the informant (Table 2 through the
//! pseudonym), the role, the group and the inferred timepoint, with any contradiction
//! between Table 2 and the prose said plainly.

use crate::study::evidence::Quotation;
use crate::study::kinds::Group;
use crate::study::load::Study;

/// Who said a quotation, as the explorer shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The pseudonym, or "Unnamed informant".
    pub who: String,
    /// The prose's description if there is one, else Table 2's position.
    pub role: String,
    /// The group: Table 2's through the informant, else the prose's, else "group not stated".
    pub group: String,
    /// The group as a value, when there is one.
    pub group_id: Option<Group>,
    /// "T2 (inferred)".
    pub timepoint: String,
    /// Where Table 2 and the prose disagree about the group.
    pub contradiction: Option<String>,
}

impl Attribution {
    /// One line: "Blake — supervisor from Service · Service · T2 (inferred)".
    pub fn line(&self) -> String {
        format!(
            "{} \u{2014} {} \u{00b7} {} \u{00b7} {}",
            self.who, self.role, self.group, self.timepoint
        )
    }
}

/// The attribution of a quotation: informant, role, group (Table 2 through the informant)
/// and the inferred timepoint. Never fails; missing pieces are said plainly.
pub fn attribute(study: &Study, q: &Quotation) -> Attribution {
    let informant = q.informant.as_deref().and_then(|n| study.informant(n));
    let who = q.informant.clone().unwrap_or_else(|| "Unnamed informant".to_string());
    let role = match (&q.role_text, informant) {
        (Some(r), Some(i)) => format!("\u{201c}{r}\u{201d} (Table 2: {})", i.position.label()),
        (Some(r), None) => format!("\u{201c}{r}\u{201d}"),
        (None, Some(i)) => format!("{} (Table 2)", i.position.label()),
        (None, None) => "role not stated".to_string(),
    };
    let (group, group_id, contradiction) = match (informant, q.group_in_text) {
        (Some(i), Some(t)) if t != i.group => (
            format!("{} (Table 2)", i.group.label()),
            Some(i.group),
            Some(format!(
                "The text calls {} \u{201c}{}\u{201d}; Table 2 places {} in {}.",
                i.name,
                q.role_text.clone().unwrap_or_default(),
                i.name,
                i.group.label()
            )),
        ),
        (Some(i), _) => (i.group.label().to_string(), Some(i.group), None),
        (None, Some(t)) => (format!("{} (as the text says)", t.label()), Some(t), None),
        (None, None) => ("group not stated".to_string(), None, None),
    };
    let timepoint = match q.timepoint {
        Some(t) => format!("{} (inferred)", t.label()),
        None => "timepoint not stated".to_string(),
    };
    Attribution { who, role, group, group_id, timepoint, contradiction }
}
