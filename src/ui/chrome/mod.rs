//! The page around the sections: the control bar, and publishing the current view (share,
//! print, cite, the embed mode's height messages).

pub mod controls;
pub mod publish;
