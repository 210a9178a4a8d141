//! The UI's own words, in English and Simplified Chinese (简体中文): one typed table per
//! language ([`Strings`]), the [`Lang`] switch, `{name}` placeholders and the locale's
//! number style.
//!
//! **What is translated.** Every string the explorer itself writes: headings, labels,
//! buttons, notices, chart titles, summaries. **What is not.** The study's own content stays
//! in English as published (quotations, the codebook, theme and code names, definitions,
//! the paper's table and figure labels), pseudonyms are never translated, and APA strings
//! (`t(20) = 3.99, p < .001`) keep their APA form in both languages.
//!
//! **Adding a string.** Add the key to the `string_table!` list in `keys.rs` (in its section),
//! then to both `en.rs` and `zh.rs`. A key missing from either table is a compile error in
//! every build and test; `tests/i18n.rs` also checks that no entry is empty, that both
//! languages use the same `{placeholders}`, and that the Chinese table is not English.
//!
//! **A reader's variant.** An entry written about the paper's salaries (RMB, the quarterly
//! or monthly measure, informants, the discount) that a reader's own data cannot share has
//! its variant right after it, named `…_own`; `study::Terms::pick` chooses between them.
//! An entry both share takes the groups' names as placeholders and amounts with their unit
//! (`study::Terms::amount`).
//!
//! **Numbers.** [`Lang::numbers`] gives the locale's separators (CLDR): for `en` and
//! `zh-Hans` both are `,` for thousands and `.` for decimals, so the digits read the same
//! in both languages; `e2e/i18n.test.js` checks them against the browser's `Intl`.
//!
//! **Tables built in and fetched.** English ([`EN`]) is always built in. The Chinese table
//! is built in with the crate feature `zh` (on by default: tests, tools, the fuzzers). The
//! page and the workshop module are built without it, so readers who never pick Chinese
//! do not download it: the build writes the table into a file of its own
//! ([`packed`], by the `strings-table` tool), the UI fetches that file when Chinese is
//! picked and [`install`]s it. [`Lang::table`] says whether a language's table is here
//! yet; [`Lang::strings`] gives English until it is.

mod en;
mod keys;
pub mod packed;
#[cfg(feature = "zh")]
mod zh;

pub use en::EN;
pub use keys::Strings;
#[cfg(feature = "zh")]
pub use zh::ZH;

use std::sync::OnceLock;

/// The Chinese table once fetched and [`install`]ed (a build without the `zh` feature).
static INSTALLED_ZH: OnceLock<Strings> = OnceLock::new();

/// Why [`install`] refused a table: the language already has one, built in or installed
/// before. Tables never change once here, so a string read from one stays right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableExists(pub Lang);

impl std::fmt::Display for TableExists {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the {} string table is already here", self.0.key())
    }
}

impl std::error::Error for TableExists {}

/// Makes a fetched table its language's table, for the rest of the program. Only a table
/// the build left out can be installed, and only once.
pub fn install(table: Strings) -> Result<(), TableExists> {
    let lang = table.lang;
    match lang {
        Lang::Zh if cfg!(not(feature = "zh")) => {
            INSTALLED_ZH.set(table).map_err(|_| TableExists(lang))
        }
        _ => Err(TableExists(lang)),
    }
}

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

/// Thousands and decimal separators of a locale (CLDR).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    pub group: char,
    pub decimal: char,
}

impl Lang {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The permalink value (`lang=en`, `lang=zh`).
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>` and `Intl`.
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// Reads a permalink value (`en`, `zh`, case-insensitive, surrounding blanks ignored).
    pub fn from_key(s: &str) -> Option<Lang> {
        let s = s.trim();
        Lang::ALL.into_iter().find(|l| l.key().eq_ignore_ascii_case(s))
    }

    /// The default for a browser language list (`navigator.languages`, most preferred
    /// first): the first entry whose primary subtag is `zh` or `en` decides; English
    /// otherwise. `zh-TW` and `zh-HK` readers get Simplified Chinese, the only Chinese
    /// offered, rather than English.
    pub fn from_navigator<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in tags {
            let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
            if primary.eq_ignore_ascii_case("zh") {
                return Lang::Zh;
            }
            if primary.eq_ignore_ascii_case("en") {
                return Lang::En;
            }
        }
        Lang::En
    }

    /// The language's string table if it is here: built in, or fetched and [`install`]ed.
    pub fn table(self) -> Option<&'static Strings> {
        match self {
            Lang::En => Some(&EN),
            #[cfg(feature = "zh")]
            Lang::Zh => Some(&ZH),
            #[cfg(not(feature = "zh"))]
            Lang::Zh => INSTALLED_ZH.get(),
        }
    }

    /// The language's string table, or English while it is not here ([`Lang::table`]).
    /// The UI switches to a language only once its table is here.
    pub fn strings(self) -> &'static Strings {
        self.table().unwrap_or(&EN)
    }

    /// The locale's number separators (CLDR `en` and `zh-Hans`).
    pub fn numbers(self) -> NumberStyle {
        match self {
            Lang::En | Lang::Zh => NumberStyle { group: ',', decimal: '.' },
        }
    }
}

/// One run of a table entry: words, or a `{name}` placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Splits a table entry into words and `{name}` placeholders, in order. A `{` with no
/// closing `}` is words. Empty runs are left out. Every filler is built on this one scanner:
/// [`fill`] (text), [`fill_pieces`](crate::text::pieces::fill_pieces) (runs marked as the
/// explorer's words or the study's) and the UI's fillers of views.
pub fn segments(template: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        if open > 0 {
            out.push(Segment::Text(&rest[..open]));
        }
        out.push(Segment::Placeholder(&rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

/// Fills `{name}` placeholders in a table entry. A placeholder with no value is left as it
/// is (so a missing argument shows up on screen and in tests instead of vanishing).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for seg in segments(template) {
        match seg {
            Segment::Text(t) => out.push_str(t),
            Segment::Placeholder(name) => match args.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => out.push_str(v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// The `{name}` placeholders of a table entry, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    segments(template)
        .into_iter()
        .filter_map(|s| match s {
            Segment::Placeholder(name) => Some(name),
            Segment::Text(_) => None,
        })
        .collect()
}
