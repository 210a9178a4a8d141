//! Permalinks: the query string is a public contract (documented in the README).
//!
//! | parameter | values | default |
//! |---|---|---|
//! | `groups` | `service,development` (either or both) | both |
//! | `times` | `t1,t2` (either or both) | both |
//! | `salary` | `quarterly` or `monthly` | `quarterly` |
//! | `discount` | `on` or `off` | `on` |
//! | `salary2016`, `revenue2016`, `salary2017`, `revenue2017` | RMB, plain digits with an optional decimal part | the paper's totals |
//! | `exclude` | informant names to leave out, case-insensitive: `blake,harry` ([`parse_exclude`]) | nobody |
//! | `node` | a node id of the conceptual model (`team-monitoring`) | none selected |
//! | `scale` | informants per group of a **synthetic** study, 2 to 50000 ([`parse_scale`]) | the paper's study |
//!
//! Parsing never fails: an invalid or hostile value (unknown word, empty list, zero,
//! negative, NaN, `1e400`, control bytes, a huge string) falls back to the default for that
//! parameter and produces a [`Notice`] naming what was ignored. Unknown parameters are
//! ignored with a notice too. Serialising writes every control, except totals equal to the
//! paper's, so links stay short.

use crate::reader::amount::{amount_text, parse_amount, AmountError};
use crate::reader::synthetic::{MAX_PER_GROUP, MIN_PER_GROUP};
use crate::stats::selection::{Exclusions, Selection};
use crate::study::{Group, Measure, Time};
use crate::text::i18n::{fill, Lang, Strings, EN};
use std::fmt;

/// Longest value accepted for any parameter (characters).
pub const MAX_VALUE_CHARS: usize = 200;

/// Longest query string read at all (bytes); the rest is ignored with a notice.
pub const MAX_QUERY_BYTES: usize = 8192;

/// Parameters that belong to other parts of the page and are read elsewhere.
pub const OTHER_KNOWN: [&str; 6] = ["node", "lang", "embed", "section", "scale", "exclude"];

/// Something in the URL that was ignored, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The parameter name (sanitised for display).
    pub param: String,
    /// The ignored value, sanitised and shortened for display.
    pub value: String,
    /// Why it was ignored (worded in the UI language by [`Reason::text`]).
    pub reason: Reason,
}

impl Notice {
    /// A notice for a parameter as the link spelled it: name and value are made safe and
    /// short enough to show ([`display_safe`]).
    pub fn rejecting(param: &str, value: &str, reason: Reason) -> Notice {
        Notice { param: display_safe(param), value: display_safe(value), reason }
    }

    /// The notice in a UI language: `param="value": reason` (`param: reason` without a
    /// value). The parameter and value are shown as typed, in every language.
    pub fn text(&self, t: &Strings) -> String {
        let reason = self.reason.text(t);
        // The whole link has no parameter name: `(link)` is worded in the UI language.
        let param =
            if self.reason == Reason::LinkTooLong { t.a_notice_link } else { self.param.as_str() };
        if self.value.is_empty() {
            format!("{param}: {reason}")
        } else {
            format!("{param}=\"{}\": {reason}", self.value)
        }
    }
}

/// The notice in English.
impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(&EN))
    }
}

/// Why a parameter of a link was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The query is longer than [`MAX_QUERY_BYTES`]; its end was cut.
    LinkTooLong,
    /// The parameter appears more than once (the last value wins).
    Repeated,
    /// The value is longer than [`MAX_VALUE_CHARS`].
    ValueTooLong,
    /// `groups=` names no known group.
    BadGroups,
    /// `times=` names no known timepoint.
    BadTimes,
    /// `salary=` is neither `quarterly` nor `monthly`.
    BadSalary,
    /// `discount=` is neither `on` nor `off`.
    BadDiscount,
    /// A total is not a usable amount.
    BadAmount(AmountError),
    /// A parameter the explorer does not know.
    UnknownParam,
    /// `node=` is longer than [`MAX_VALUE_CHARS`].
    NodeTooLong,
    /// `node=` is not a node of the conceptual model.
    UnknownNode,
    /// `lang=` is not a language of the explorer.
    UnknownLang,
    /// `lang=` names a language whose string table could not be fetched (the UI adds this
    /// notice; parsing never does).
    LangUnavailable,
    /// `embed=` is neither 1 nor 0.
    BadEmbed,
    /// `section=` is not a section anchor.
    UnknownSection,
    /// `scale=` is not a whole number of informants per group in the synthetic study's range.
    BadScale,
    /// `exclude=` names nobody in the study (the value is that name).
    UnknownInformant,
}

impl Reason {
    /// The reason in a UI language.
    pub fn text(&self, t: &Strings) -> String {
        match self {
            Reason::LinkTooLong => {
                fill(t.a_notice_link_too_long, &[("bytes", &MAX_QUERY_BYTES.to_string())])
            }
            Reason::Repeated => t.a_notice_repeated.to_string(),
            Reason::ValueTooLong => t.a_notice_value_too_long.to_string(),
            Reason::BadGroups => t.a_notice_groups.to_string(),
            Reason::BadTimes => t.a_notice_times.to_string(),
            Reason::BadSalary => t.a_notice_salary.to_string(),
            Reason::BadDiscount => t.a_notice_discount.to_string(),
            Reason::BadAmount(e) => fill(t.a_notice_amount, &[("error", &e.text(t))]),
            Reason::UnknownParam => t.a_notice_unknown.to_string(),
            Reason::NodeTooLong => t.a_notice_node_too_long.to_string(),
            Reason::UnknownNode => t.a_notice_node_unknown.to_string(),
            Reason::UnknownLang => t.a_notice_lang.to_string(),
            Reason::LangUnavailable => t.a_notice_lang_unavailable.to_string(),
            Reason::BadEmbed => t.e_notice_embed.to_string(),
            Reason::UnknownSection => t.e_notice_section.to_string(),
            Reason::BadScale => fill(
                t.scale_notice,
                &[("min", &MIN_PER_GROUP.to_string()), ("max", &MAX_PER_GROUP.to_string())],
            ),
            Reason::UnknownInformant => t.exclude_notice_unknown.to_string(),
        }
    }
}

/// The reason in English.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(&EN))
    }
}

/// Makes any string safe and short enough to show: control characters become `�`,
/// and it is cut to 40 characters with an ellipsis.
pub fn display_safe(s: &str) -> String {
    let cleaned: String = s.chars().map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect();
    if cleaned.chars().count() > 40 {
        format!("{}\u{2026}", cleaned.chars().take(40).collect::<String>())
    } else {
        cleaned
    }
}

/// A comma list of known words; `None` when any word is unknown or the list is empty.
fn word_set<T: Copy + PartialEq>(value: &str, words: &[(&str, T)]) -> Option<Vec<T>> {
    let mut out = Vec::new();
    for w in value.split(',').map(|w| w.trim()).filter(|w| !w.is_empty()) {
        let hit = words.iter().find(|(k, _)| k.eq_ignore_ascii_case(w))?;
        if !out.contains(&hit.1) {
            out.push(hit.1);
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// The query without its leading `?`, cut at a character boundary to at most
/// [`MAX_QUERY_BYTES`]; the flag says whether anything was cut.
pub(crate) fn bounded_query(query: &str) -> (&str, bool) {
    let q = query.strip_prefix('?').unwrap_or(query);
    if q.len() <= MAX_QUERY_BYTES {
        return (q, false);
    }
    let mut cut = MAX_QUERY_BYTES;
    while !q.is_char_boundary(cut) {
        cut -= 1;
    }
    (&q[..cut], true)
}

/// Parses a query string (with or without the leading `?`) on top of `defaults`.
pub fn parse(query: &str, defaults: &Selection) -> (Selection, Vec<Notice>) {
    let mut sel = *defaults;
    let mut notices = Vec::new();
    let (q, cut) = bounded_query(query);
    if cut {
        notices.push(Notice {
            param: "(link)".into(),
            value: String::new(),
            reason: Reason::LinkTooLong,
        });
    }
    let mut seen: Vec<String> = Vec::new();
    for (key, value) in form_urlencoded::parse(q.as_bytes()) {
        let shown = display_safe(&value);
        if seen.iter().any(|k| *k == key) {
            notices.push(Notice {
                param: display_safe(&key),
                value: shown.clone(),
                reason: Reason::Repeated,
            });
        } else if seen.len() < 64 {
            seen.push(key.to_string());
        }
        let mut reject = |reason: Reason| {
            notices.push(Notice { param: display_safe(&key), value: shown.clone(), reason })
        };
        if value.chars().count() > MAX_VALUE_CHARS {
            reject(Reason::ValueTooLong);
            continue;
        }
        match key.as_ref() {
            "groups" => match word_set(
                &value,
                &[("service", Group::Service), ("development", Group::Development)],
            ) {
                Some(gs) => {
                    sel.groups = [gs.contains(&Group::Service), gs.contains(&Group::Development)]
                }
                None => {
                    sel.groups = defaults.groups;
                    reject(Reason::BadGroups);
                }
            },
            "times" => match word_set(&value, &[("t1", Time::T1), ("t2", Time::T2)]) {
                Some(ts) => sel.times = [ts.contains(&Time::T1), ts.contains(&Time::T2)],
                None => {
                    sel.times = defaults.times;
                    reject(Reason::BadTimes);
                }
            },
            "salary" => match word_set(
                &value,
                &[("quarterly", Measure::Quarterly), ("monthly", Measure::Monthly)],
            )
            .as_deref()
            {
                Some([m]) => sel.measure = *m,
                _ => {
                    sel.measure = defaults.measure;
                    reject(Reason::BadSalary);
                }
            },
            "discount" => match value.trim().to_ascii_lowercase().as_str() {
                "on" => sel.discount = true,
                "off" => sel.discount = false,
                _ => {
                    sel.discount = defaults.discount;
                    reject(Reason::BadDiscount);
                }
            },
            "salary2016" | "revenue2016" | "salary2017" | "revenue2017" => {
                let slot = match key.as_ref() {
                    "salary2016" => &mut sel.totals.salary_2016,
                    "revenue2016" => &mut sel.totals.revenue_2016,
                    "salary2017" => &mut sel.totals.salary_2017,
                    _ => &mut sel.totals.revenue_2017,
                };
                let default = match key.as_ref() {
                    "salary2016" => defaults.totals.salary_2016,
                    "revenue2016" => defaults.totals.revenue_2016,
                    "salary2017" => defaults.totals.salary_2017,
                    _ => defaults.totals.revenue_2017,
                };
                match parse_amount(&value) {
                    Ok(v) => *slot = v,
                    Err(e) => {
                        *slot = default;
                        reject(Reason::BadAmount(e));
                    }
                }
            }
            k if OTHER_KNOWN.contains(&k) => {}
            _ => reject(Reason::UnknownParam),
        }
    }
    (sel, notices)
}

/// Parses the `node` parameter (the diagram node the link selects) against the model's
/// node ids. It never fails: an unknown, empty or over-long id selects nothing and gives a
/// [`Notice`]. The last `node` in the query wins; every other parameter is left to [`parse`].
pub fn parse_node(query: &str, known: &[&str]) -> (Option<String>, Vec<Notice>) {
    let (q, _) = bounded_query(query);
    let mut node = None;
    let mut notices = Vec::new();
    for (key, value) in form_urlencoded::parse(q.as_bytes()).filter(|(k, _)| k == "node") {
        let reject = |reason: Reason| Notice::rejecting(&key, &value, reason);
        if value.chars().count() > MAX_VALUE_CHARS {
            notices.push(reject(Reason::NodeTooLong));
            node = None;
        } else if let Some(id) = known.iter().find(|k| k.eq_ignore_ascii_case(value.trim())) {
            node = Some((*id).to_string());
        } else {
            notices.push(reject(Reason::UnknownNode));
            node = None;
        }
    }
    (node, notices)
}

/// Parses the `lang` parameter (`en` or `zh`). `None` when the link names no language (the
/// page then follows the browser's); an unknown or over-long value gives a [`Notice`] and
/// `None`. The last `lang` in the query wins.
pub fn parse_lang(query: &str) -> (Option<Lang>, Vec<Notice>) {
    let (q, _) = bounded_query(query);
    let mut lang = None;
    let mut notices = Vec::new();
    for (key, value) in form_urlencoded::parse(q.as_bytes()).filter(|(k, _)| k == "lang") {
        match Lang::from_key(&value) {
            Some(l) if value.chars().count() <= MAX_VALUE_CHARS => lang = Some(l),
            _ => {
                notices.push(Notice::rejecting(&key, &value, Reason::UnknownLang));
                lang = None;
            }
        }
    }
    (lang, notices)
}

/// Parses the `scale` parameter: load a synthetic study with this many informants per
/// group ([`crate::reader::synthetic`]) instead of the paper's. It never fails: a value that
/// is not a whole number from [`MIN_PER_GROUP`] to [`MAX_PER_GROUP`] gives a [`Notice`] and
/// `None` (the paper's study). The last `scale` in the query wins.
pub fn parse_scale(query: &str) -> (Option<usize>, Vec<Notice>) {
    let (q, _) = bounded_query(query);
    let mut scale = None;
    let mut notices = Vec::new();
    for (key, value) in form_urlencoded::parse(q.as_bytes()).filter(|(k, _)| k == "scale") {
        let v = value.trim();
        let parsed = if v.len() <= 6 && !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
            v.parse::<usize>().ok()
        } else {
            None
        };
        match parsed {
            Some(n) if (MIN_PER_GROUP..=MAX_PER_GROUP).contains(&n) => scale = Some(n),
            _ => {
                notices.push(Notice::rejecting(&key, &value, Reason::BadScale));
                scale = None;
            }
        }
    }
    (scale, notices)
}

/// Parses the `exclude` parameter: the informants to leave out, as a comma list of names
/// matched case-insensitively against `informants` (the study's names, in its order).
/// It never fails: each name the study does not have is ignored with a [`Notice`] naming
/// it, and an over-long value leaves nobody out ([`parse`] gives its notice, as for every
/// parameter). The last `exclude` in the query wins.
pub fn parse_exclude(query: &str, informants: &[&str]) -> (Exclusions, Vec<Notice>) {
    let (q, _) = bounded_query(query);
    let mut excluded = Exclusions::NONE;
    let mut notices = Vec::new();
    for (key, value) in form_urlencoded::parse(q.as_bytes()).filter(|(k, _)| k == "exclude") {
        excluded = Exclusions::NONE;
        if value.chars().count() > MAX_VALUE_CHARS {
            continue;
        }
        for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match informants.iter().position(|i| i.eq_ignore_ascii_case(name)) {
                Some(place) => excluded = excluded.with(place, true),
                None => notices.push(Notice::rejecting(&key, name, Reason::UnknownInformant)),
            }
        }
    }
    (excluded, notices)
}

/// `query` with `exclude=` appended when informants are left out: their names in lower
/// case, in the study's order, comma-separated.
pub fn with_exclude(mut query: String, names: &[&str]) -> String {
    if names.is_empty() {
        return query;
    }
    let list: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("exclude", &list.join(","));
    if !query.is_empty() {
        query.push('&');
    }
    query.push_str(&out.finish().replace("%2C", ","));
    query
}

/// `query` with `scale=N` appended when a synthetic study is shown, so the link keeps it.
pub fn with_scale(mut query: String, scale: Option<usize>) -> String {
    if let Some(n) = scale {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&format!("scale={n}"));
    }
    query
}

/// The query string for a selection plus the selected diagram node, if any.
pub fn to_query_with_node(sel: &Selection, defaults: &Selection, node: Option<&str>) -> String {
    to_query_with(sel, defaults, node, None)
}

/// The query string for a selection, the selected diagram node and the reader's chosen
/// language (`None`: the link leaves the language to the reader's browser).
pub fn to_query_with(
    sel: &Selection,
    defaults: &Selection,
    node: Option<&str>,
    lang: Option<Lang>,
) -> String {
    let mut q = to_query(sel, defaults);
    let mut out = form_urlencoded::Serializer::new(String::new());
    if let Some(n) = node {
        out.append_pair("node", n);
    }
    if let Some(l) = lang {
        out.append_pair("lang", l.key());
    }
    let extra = out.finish();
    if !extra.is_empty() {
        q.push('&');
        q.push_str(&extra);
    }
    q
}

/// The query string (without `?`) for a selection.
pub fn to_query(sel: &Selection, defaults: &Selection) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    let groups: Vec<&str> = sel.selected_groups().iter().map(|g| g.key()).collect();
    let times: Vec<&str> = sel.selected_times().iter().map(|t| t.key()).collect();
    out.append_pair("groups", &groups.join(","));
    out.append_pair("times", &times.join(","));
    out.append_pair("salary", sel.measure.key());
    out.append_pair("discount", if sel.discount { "on" } else { "off" });
    for ((name, v), (_, d)) in sel.totals.fields().into_iter().zip(defaults.totals.fields()) {
        if v != d {
            out.append_pair(name, &amount_text(v));
        }
    }
    out.finish().replace("%2C", ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::discount::DiscountTotals;

    fn defaults() -> Selection {
        Selection {
            groups: [true, true],
            times: [true, true],
            measure: Measure::Quarterly,
            discount: true,
            totals: DiscountTotals {
                salary_2016: 2.28e6,
                revenue_2016: 30e6,
                salary_2017: 1.97e6,
                revenue_2017: 31e6,
            },
            excluded: Exclusions::NONE,
            t2_factor: 1.0,
        }
    }

    #[test]
    fn exclude_names_are_matched_case_insensitively_and_unknown_ones_named() {
        let names = ["Anna", "Blake", "Harry"];
        let (ex, notices) = parse_exclude("?exclude=blake,HARRY", &names);
        assert_eq!(ex, Exclusions::NONE.with(1, true).with(2, true));
        assert!(notices.is_empty());
        let (ex, notices) = parse_exclude("exclude=%20blake%20,nobody,,", &names);
        assert_eq!(ex, Exclusions::NONE.with(1, true));
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].value, "nobody");
        assert_eq!(notices[0].reason, Reason::UnknownInformant);
        let long = format!("exclude={}", "a,".repeat(150));
        let (ex, notices) = parse_exclude(&long, &names);
        assert!(ex.is_empty());
        assert!(notices.is_empty(), "parse gives the one notice: {notices:?}");
        assert_eq!(parse(&long, &defaults()).1[0].reason, Reason::ValueTooLong);
        assert_eq!(parse_exclude("groups=service", &names), (Exclusions::NONE, vec![]));
    }

    #[test]
    fn exclude_round_trips_through_the_query() {
        let names = ["Anna", "Blake", "Harry"];
        let q = with_exclude("groups=service".into(), &["Blake", "Harry"]);
        assert_eq!(q, "groups=service&exclude=blake,harry");
        assert_eq!(parse_exclude(&q, &names).0, Exclusions::NONE.with(1, true).with(2, true));
        assert_eq!(with_exclude("a=b".into(), &[]), "a=b");
        assert_eq!(parse(&q, &defaults()).1, vec![]);
    }

    #[test]
    fn scale_values() {
        assert_eq!(parse_scale("?scale=10000"), (Some(10_000), vec![]));
        assert_eq!(parse_scale("groups=service&scale=%202%20").0, Some(2));
        assert_eq!(parse_scale("scale=50000").0, Some(50_000));
        assert_eq!(parse_scale("groups=service"), (None, vec![]));
        for bad in
            ["1", "0", "50001", "-5", "1e4", "10.5", "", "abc", "99999999999999999999999", "\u{0}7"]
        {
            let (n, notices) = parse_scale(&format!(
                "scale={}",
                form_urlencoded::byte_serialize(bad.as_bytes()).collect::<String>()
            ));
            assert_eq!(n, None, "{bad:?}");
            assert_eq!(notices.len(), 1, "{bad:?}");
            assert_eq!(notices[0].reason, Reason::BadScale);
            assert!(notices[0].to_string().contains("from 2 to 50000"), "{}", notices[0]);
        }
        // The last value wins; a bad last value falls back to the paper.
        assert_eq!(parse_scale("scale=10&scale=20").0, Some(20));
        assert_eq!(parse_scale("scale=10&scale=x").0, None);
        // The selection parser leaves it alone.
        assert_eq!(parse("scale=10000", &defaults()).1, vec![]);
        assert_eq!(with_scale("groups=service".into(), Some(300)), "groups=service&scale=300");
        assert_eq!(with_scale(String::new(), Some(300)), "scale=300");
        assert_eq!(with_scale("a=b".into(), None), "a=b");
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("2280000"), Ok(2280000.0));
        assert_eq!(parse_amount(" 1.5 "), Ok(1.5));
        for v in [1.0000001, 31500000.5, 1e15, 2280000.0, 1.1] {
            assert_eq!(parse_amount(&amount_text(v)), Ok(v), "{v}");
        }
        for (bad, e) in [
            ("", AmountError::Empty),
            ("0", AmountError::NotPositive),
            ("-5", AmountError::NotPositive),
            ("NaN", AmountError::NotPlain),
            ("1e400", AmountError::NotPlain),
            ("inf", AmountError::NotPlain),
            ("1.", AmountError::NotPlain),
            ("2,280,000", AmountError::NotPlain),
            ("9999999999999999", AmountError::OutOfRange),
            ("0.5", AmountError::OutOfRange),
            ("00000000000000000000000000000000000000001", AmountError::TooLong),
        ] {
            assert_eq!(parse_amount(bad), Err(e), "{bad:?}");
        }
    }

    #[test]
    fn round_trip() {
        let d = defaults();
        let mut s = d;
        s.groups = [false, true];
        s.times = [true, false];
        s.measure = Measure::Monthly;
        s.discount = false;
        s.totals.revenue_2017 = 31500000.5;
        let q = to_query(&s, &d);
        assert_eq!(
            q,
            "groups=development&times=t1&salary=monthly&discount=off&revenue2017=31500000.5"
        );
        let (back, notices) = parse(&format!("?{q}"), &d);
        assert_eq!(back, s);
        assert!(notices.is_empty());
    }

    #[test]
    fn hostile_values_fall_back_with_notices() {
        let d = defaults();
        let long = "x".repeat(6000);
        let (s, n) = parse(&format!("groups=admins&times=&salary=weekly&discount=maybe&salary2016=NaN&revenue2016=1e400&salary2017=-3&revenue2017=0&evil=%00%1b&x={long}"), &d);
        assert_eq!(s, d);
        let params: Vec<&str> = n.iter().map(|x| x.param.as_str()).collect();
        assert_eq!(
            params,
            [
                "groups",
                "times",
                "salary",
                "discount",
                "salary2016",
                "revenue2016",
                "salary2017",
                "revenue2017",
                "evil",
                "x"
            ]
        );
        assert_eq!(n[8].value, "\u{FFFD}\u{FFFD}");
        assert!(n[9].value.chars().count() <= 41);
    }

    #[test]
    fn a_repeated_parameter_is_named() {
        let (s, n) = parse("groups=service&groups=development", &defaults());
        assert_eq!(s.groups, [false, true]);
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].param, "groups");
    }

    #[test]
    fn words_are_case_insensitive_and_other_parameters_are_known() {
        let (s, n) = parse("groups=Service&node=team-monitoring&lang=zh", &defaults());
        assert_eq!(s.groups, [true, false]);
        assert!(n.is_empty());
    }

    #[test]
    fn node_is_parsed_separately_with_a_notice_when_unknown() {
        let known = ["team-monitoring", "social-support"];
        assert_eq!(
            parse_node("?groups=service&node=team-monitoring", &known),
            (Some("team-monitoring".to_string()), vec![])
        );
        assert_eq!(parse_node("groups=service", &known), (None, vec![]));
        let (n, notices) = parse_node("node=nope%00", &known);
        assert_eq!(n, None);
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].param, "node");
        assert_eq!(notices[0].value, "nope\u{FFFD}");
        let (n, notices) = parse_node("node=", &known);
        assert_eq!((n, notices.len()), (None, 1));
        let q = to_query_with_node(&defaults(), &defaults(), Some("social-support"));
        assert_eq!(q, "groups=service,development&times=t1,t2&salary=quarterly&discount=on&node=social-support");
        assert_eq!(parse_node(&q, &known).0.as_deref(), Some("social-support"));
    }

    #[test]
    fn lang_round_trips_and_bad_values_are_named() {
        assert_eq!(parse_lang("groups=service"), (None, vec![]));
        assert_eq!(parse_lang("lang=zh").0, Some(Lang::Zh));
        assert_eq!(parse_lang("lang=%20EN%20&lang=zh").0, Some(Lang::Zh));
        let (l, n) = parse_lang("lang=fr%00");
        assert_eq!(l, None);
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].param, "lang");
        assert_eq!(n[0].value, "fr\u{FFFD}");
        let (l, n) = parse_lang("lang=zh&lang=xx");
        assert_eq!((l, n.len()), (None, 1));
        let q = to_query_with(&defaults(), &defaults(), Some("social-support"), Some(Lang::Zh));
        assert!(q.ends_with("&node=social-support&lang=zh"), "{q}");
        assert_eq!(parse_lang(&q).0, Some(Lang::Zh));
        assert_eq!(
            to_query_with(&defaults(), &defaults(), None, None),
            to_query(&defaults(), &defaults())
        );
        assert_eq!(parse(&q, &defaults()), (defaults(), vec![]));
    }

    #[test]
    fn notices_are_worded_in_the_ui_language() {
        use crate::text::i18n::ZH;
        let (_, n) = parse("discount=maybe&revenue2017=0&evil=1", &defaults());
        assert_eq!(n[0].to_string(), "discount=\"maybe\": expected on or off; the discount is on");
        assert_eq!(n[0].text(&EN), n[0].to_string());
        assert_eq!(
            n[1].to_string(),
            "revenue2017=\"0\": the amount must be greater than zero; the paper's total is used"
        );
        assert_eq!(n[2].to_string(), "evil=\"1\": unknown parameter, ignored");
        for x in &n {
            let zh = x.text(&ZH);
            assert_ne!(zh, x.to_string());
            assert!(zh.starts_with(&format!("{}=\"{}\": ", x.param, x.value)), "{zh}");
        }
        assert_eq!(
            AmountError::OutOfRange.to_string(),
            "the amount must be between 1 and 10^15 RMB"
        );
        assert_eq!(
            AmountError::NotPlain.to_string(),
            "use plain digits with an optional decimal point, e.g. 2280000"
        );
        assert_ne!(AmountError::Empty.text(&ZH), AmountError::Empty.to_string());
        let (_, n) = parse(&"é".repeat(MAX_QUERY_BYTES), &defaults());
        assert!(
            n[0].to_string()
                .starts_with("(link): the link is longer than 8192 bytes; its end was ignored"),
            "{}",
            n[0]
        );
        assert!(!n[0].text(&ZH).starts_with("(link)"));
        let (_, n) = parse_lang("lang=fr");
        assert_eq!(n[0].to_string(), "lang=\"fr\": not a language of the explorer (en or zh); the browser's language is used");
        let (_, n) = parse_node("node=x", &["y"]);
        assert_eq!(
            n[0].to_string(),
            "node=\"x\": not a node of the conceptual model; no node is selected"
        );
    }

    #[test]
    fn a_huge_query_is_cut_safely() {
        let q = "é".repeat(MAX_QUERY_BYTES);
        let (s, n) = parse(&q, &defaults());
        assert_eq!(s, defaults());
        assert!(!n.is_empty());
    }
}
