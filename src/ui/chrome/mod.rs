//! The page around the sections: the language switch, the notices about the URL, the
//! control bar, and publishing the current view (share, print, cite, the embed mode's
//! height messages).

pub mod banner;
pub mod controls;
pub mod language;
pub mod notices;
pub mod publish;
