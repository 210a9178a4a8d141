//! The UI's own words, in English and Simplified Chinese (简体中文): one typed table per
//! language ([`en::EN`], [`zh::ZH`]), the [`Lang`] switch, `{name}` placeholders and the
//! locale's number style.
//!
//! **What is translated.** Every string the explorer itself writes: headings, labels,
//! buttons, notices, chart titles, summaries. **What is not.** The study's own content stays
//! in English as published (quotations, the codebook, theme and code names, definitions,
//! the paper's table and figure labels), pseudonyms are never translated, and APA strings
//! (`t(20) = 3.99, p < .001`) keep their APA form in both languages.
//!
//! **Adding a string.** Add the key to the [`string_table!`] list below (in its section),
//! then to both `en.rs` and `zh.rs`. A key missing from either table is a compile error in
//! every build and test; `tests/i18n.rs` also checks that no entry is empty, that both
//! languages use the same `{placeholders}`, and that the Chinese table is not English.
//!
//! **Numbers.** [`Lang::numbers`] gives the locale's separators (CLDR): for `en` and
//! `zh-Hans` both are `,` for thousands and `.` for decimals, so the digits read the same
//! in both languages; `e2e/i18n.test.js` checks them against the browser's `Intl`.

mod en;
mod zh;

pub use en::EN;
pub use zh::ZH;

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

    /// The language's string table.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// The locale's number separators (CLDR `en` and `zh-Hans`).
    pub fn numbers(self) -> NumberStyle {
        match self {
            Lang::En | Lang::Zh => NumberStyle { group: ',', decimal: '.' },
        }
    }
}

/// Fills `{name}` placeholders in a table entry. A placeholder with no value is left as it
/// is (so a missing argument shows up on screen and in tests instead of vanishing).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a table entry, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// Declares [`Strings`] with one `&'static str` field per key, and the key list.
macro_rules! string_table {
    ($( $(#[$doc:meta])* $key:ident ),* $(,)?) => {
        /// Every UI string, one field per key. `en::EN` and `zh::ZH` are the two tables.
        #[derive(Debug)]
        pub struct Strings {
            $( $(#[$doc])* pub $key: &'static str, )*
        }

        impl Strings {
            /// Every key, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// (key, text) for every entry, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

// Keys are grouped by the part of the page that uses them. Placeholders are `{name}`.
string_table! {
    // ── page shell (ui/app.rs) ──
    app_name,
    page_title,
    skip_link,
    load_error_title,
    download_dataset,
    toc_label,
    footer_computed,
    notices_title,
    dismiss,
    language_label,
    sec_about,
    sec_tour,
    sec_model,
    sec_salaries,
    sec_test,
    sec_robustness,
    sec_coverage,
    sec_workshop,
    sec_demographics,
    sec_codebook,
    sec_reproducibility,

    // ── control bar (ui/controls.rs) ──
    controls_label,
    groups_legend,
    service_detail,
    development_detail,
    times_legend,
    t1_detail,
    t2_detail,
    measure_legend,
    guard_group,
    guard_time,
    discount_legend,
    discount_toggle,
    discount_toggle_detail,
    totals_summary,
    total_salary_2016,
    total_revenue_2016,
    total_salary_2017,
    total_revenue_2017,
    rmb_unit,
    total_error,
    live_factor,
    printed_ratios,
    reset_totals,
    measure_quarterly,
    measure_monthly,

    // ── area A: about, tour, salaries, test, demographics, codebook, charts, notices (ui/about.rs … core/view.rs, core/permalink.rs) ──
    // (end of area A)

    // ── area B: robustness (ui/robustness.rs, ui/robust_charts.rs, core/robust/view.rs) ──
    // (end of area B)

    // ── area C: coverage and workshop (ui/coverage.rs, ui/workshop.rs, core/coverage/view.rs) ──
    // (end of area C)

    // ── area D: model and reproducibility (ui/model.rs, ui/reproducibility.rs, core/model.rs, core/reproduce.rs) ──
    // model section (ui/model.rs, core/model.rs)
    d_model_selected,
    d_model_none_selected,
    d_caution_label,
    d_caution_lead,
    d_model_help,
    d_legend_label,
    d_legend_creates,
    d_legend_complements,
    d_legend_comprises,
    d_legend_drives,
    d_legend_synergy,
    d_legend_improves,
    d_model_empty,
    d_kind_social_media,
    d_kind_core_category,
    d_kind_theme,
    d_kind_outcome,
    d_kind_of,
    d_verb_creates,
    d_verb_complements,
    d_verb_comprises,
    d_verb_drives,
    d_verb_synergy,
    d_verb_improves,
    d_desc_studied_as,
    d_desc_of,
    d_desc_kind,
    d_link_out,
    d_link_in,
    d_desc_leads_to,
    d_desc_comes_from,
    d_desc_synergy,
    d_desc_unconnected,
    d_leads_to,
    d_comes_from,
    d_synergy_with,
    d_why_link,
    d_definition,
    d_codebook_branch,
    d_codebook_branch_themes,
    d_whole_codebook,
    d_coverage,
    d_coverage_only_for,
    d_coverage_section,
    d_coverage_current,
    d_coverage_region,
    d_col_group,
    d_col_time,
    d_col_coverage,
    d_col_source,
    d_not_reported,
    d_all_coverage,
    d_for_selection,
    d_groups_and,
    d_discounted,
    d_as_paid,
    d_doubtful,
    d_quotations_count,
    d_no_quotations,
    d_timepoints,
    d_quotations,
    d_quotations_under,
    d_col_problem,
    d_col_why,
    d_col_consequences,
    d_col_how,
    d_col_benefits,
    d_nature,
    d_proximities,
    d_relationships,
    d_interactions,
    d_flows,
    d_examples,
    d_col_kind,
    d_col_feature,
    d_col_description,
    d_salary_test,
    d_test_link,
    // reproducibility (ui/reproducibility.rs, core/reproduce.rs)
    d_repro_lede,
    d_repro_count,
    d_problems_h,
    d_problem_error,
    d_problem_artefact,
    d_problem_discrepancy,
    d_problem_contradiction,
    d_col_quantity,
    d_col_printed,
    d_col_recomputed,
    d_col_unrounded,
    d_col_status,
    d_status_match,
    d_status_differs,
    d_status_not_computable,
    d_cat_salary_summaries,
    d_cat_salary_tests,
    d_cat_demographics,
    d_cat_discount,
    d_cat_sizes,
    d_cat_codebook,
    d_cat_row_diffs,
    d_q_mean,
    d_q_sd,
    d_q_difference,
    d_q_t,
    d_q_p,
    d_q_demographic_p,
    d_var_age,
    d_var_gender,
    d_var_education,
    d_var_tenure,
    d_var_position,
    d_unknown_variable,
    d_q_ratio,
    d_q_group_size,
    d_q_concepts,
    d_q_codes,
    d_q_row_diff,
    // (end of area D)

    // ── area E: publishing: embed, copy, print, cite (ui/app.rs, ui/publish.rs) ──
    e_share_title,
    e_copy_link,
    e_section_label,
    e_copy_embed,
    e_print,
    e_copied,
    e_copy_failed,
    e_copied_label,
    e_iframe_title,
    e_print_selection,
    e_print_permalink,
    e_print_build,
    e_cite_title,
    e_cite_bibtex,
    e_open_full,
    e_offline_ready,
    e_offline_update,
    e_offline_reload,
    e_offline_unavailable,
    // (end of area E)

    // ── area F: scale: synthetic study and progress (ui/robustness.rs, ui/state.rs) ──
    // (end of area F)
}
