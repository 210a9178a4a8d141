//! The page around the sections: the language switch, the first screen's finding under
//! the paper's title, the notices about the URL, the control bar, publishing the current
//! view (share, print, cite, the embed mode's height messages) and which section a print
//! holds.

pub mod banner;
pub mod controls;
pub mod finding;
pub mod handout;
pub mod language;
pub mod notices;
pub mod publish;
