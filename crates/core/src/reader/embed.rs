//! Embedding the explorer in another page: the `embed=1&section=…` parameters, the height
//! message sent to the host, and the `<iframe>` snippet the "copy embed code" button copies.
//!
//! **The height message** has one fixed shape, documented in README ("Embedding"):
//!
//! ```json
//! { "source": "study-explorer", "type": "height", "version": 1, "section": "test", "height": 1234 }
//! ```
//!
//! `height` is the document's height in CSS pixels (a whole number), `section` the embedded
//! section's anchor. The page only ever *sends* this message (to `window.parent`); it never
//! listens for messages, so nothing a host posts can change it (`tests/architecture.rs`
//! checks that no message listener exists).

use crate::reader::permalink::{bounded_query, Notice, Reason, MAX_VALUE_CHARS};
use crate::text::markup::escape;
use serde::Serialize;

/// The value of the message's `source` field.
pub const MESSAGE_SOURCE: &str = "study-explorer";
/// The message shape's version; bumped only if the shape changes.
pub const MESSAGE_VERSION: u32 = 1;
/// The section shown when `embed=1` names none.
pub const DEFAULT_SECTION: &str = "test";

/// The message the embedded page posts to its host whenever its height changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeightMessage {
    pub source: &'static str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub version: u32,
    pub section: String,
    pub height: u32,
}

impl HeightMessage {
    /// The message for a section at a height in CSS pixels (rounded up, at least 0,
    /// clamped to 1,000,000 so a runaway layout cannot send a nonsense number).
    pub fn new(section: &str, height: f64) -> HeightMessage {
        let h = if height.is_finite() { height.ceil().clamp(0.0, 1_000_000.0) as u32 } else { 0 };
        HeightMessage {
            source: MESSAGE_SOURCE,
            kind: "height",
            version: MESSAGE_VERSION,
            section: section.to_string(),
            height: h,
        }
    }
}

/// Reads `embed` and `section`. `Some(section)` when the page is embedded (`embed=1`, also
/// `true`/`yes`/`on`); `section` must be one of `known`, otherwise [`DEFAULT_SECTION`] is
/// shown and a [`Notice`] says so. `embed=0` (or `false`/`no`/`off`) is the normal page;
/// any other value is ignored with a notice. `section` without `embed` is ignored quietly
/// (it is the anchor part of an embed link).
pub fn parse_embed(query: &str, known: &[&str]) -> (Option<String>, Vec<Notice>) {
    let (q, _) = bounded_query(query);
    let mut embed = false;
    let mut section: Option<String> = None;
    let mut notices = Vec::new();
    for (key, value) in form_urlencoded::parse(q.as_bytes()) {
        let reject = |reason: Reason| Notice::rejecting(&key, &value, reason);
        match &*key {
            "embed" => match value.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => embed = true,
                "0" | "false" | "no" | "off" => embed = false,
                _ => notices.push(reject(Reason::BadEmbed)),
            },
            "section" => {
                if value.chars().count() > MAX_VALUE_CHARS {
                    notices.push(reject(Reason::ValueTooLong));
                    section = None;
                } else if let Some(id) = known.iter().find(|k| k.eq_ignore_ascii_case(value.trim()))
                {
                    section = Some((*id).to_string());
                } else {
                    notices.push(reject(Reason::UnknownSection));
                    section = None;
                }
            }
            _ => {}
        }
    }
    if !embed {
        // A bad `section` only matters when embedding; the full page shows every section.
        notices.retain(|n| n.param != "section");
        return (None, notices);
    }
    let shown = section.unwrap_or_else(|| DEFAULT_SECTION.to_string());
    (Some(shown), notices)
}

/// The `<iframe>` a host pastes to embed `section` of the view at `page_url` (the page's
/// address without query or fragment) with the view's `query`. The frame starts 800 px
/// high; the host snippet in README resizes it from the height messages.
pub fn iframe_snippet(page_url: &str, query: &str, section: &str, title: &str) -> String {
    let sep = if query.is_empty() { "" } else { "&" };
    let src = format!("{page_url}?{query}{sep}embed=1&section={section}");
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"800\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>",
        escape(&src),
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: [&str; 3] = ["about", "test", "reproducibility"];

    #[test]
    fn embed_and_section_are_read_and_checked() {
        assert_eq!(parse_embed("groups=service", &KNOWN), (None, vec![]));
        assert_eq!(parse_embed("embed=1", &KNOWN), (Some("test".into()), vec![]));
        assert_eq!(
            parse_embed("embed=1&section=Reproducibility", &KNOWN),
            (Some("reproducibility".into()), vec![])
        );
        assert_eq!(parse_embed("embed=0&section=nope", &KNOWN), (None, vec![]));
        let (e, n) = parse_embed("embed=1&section=nope%3Cb%3E", &KNOWN);
        assert_eq!(e.as_deref(), Some("test"));
        assert_eq!((n.len(), n[0].param.as_str(), n[0].value.as_str()), (1, "section", "nope<b>"));
        let (e, n) = parse_embed("embed=maybe", &KNOWN);
        assert_eq!((e, n.len()), (None, 1));
    }

    // serde_json is a native-only dependency (the wasm reads JSON with core::json).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_message_has_the_documented_shape() {
        let m = HeightMessage::new("test", 1233.2);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"source":"study-explorer","type":"height","version":1,"section":"test","height":1234}"#
        );
        assert_eq!(HeightMessage::new("test", f64::NAN).height, 0);
        assert_eq!(HeightMessage::new("test", -5.0).height, 0);
        assert_eq!(HeightMessage::new("test", 1e12).height, 1_000_000);
    }

    #[test]
    fn the_snippet_escapes_what_it_embeds() {
        let s = iframe_snippet(
            "https://example.org/se/",
            "groups=service&lang=zh",
            "test",
            "Study \"Explorer\" <test>",
        );
        assert_eq!(
            s,
            "<iframe src=\"https://example.org/se/?groups=service&amp;lang=zh&amp;embed=1&amp;section=test\" title=\"Study &quot;Explorer&quot; &lt;test&gt;\" width=\"100%\" height=\"800\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>"
        );
        assert!(iframe_snippet("https://e.org/", "", "about", "t")
            .contains("src=\"https://e.org/?embed=1&amp;section=about\""));
    }
}
