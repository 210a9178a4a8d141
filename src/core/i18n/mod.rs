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
    // about (ui/about.rs)
    a_about_bibtex,
    a_about_design,
    a_about_group,
    a_about_time,
    a_about_limitations,
    a_about_background,
    a_about_quotations,
    a_about_quotations_held,
    a_about_check_summary,
    a_about_places_label,
    a_about_places_caption,
    a_about_line,
    a_about_text,
    a_about_decision,
    // tour (ui/tour.rs)
    a_tour_lede,
    a_tour_start,
    a_tour_progress,
    a_tour_back,
    a_tour_next,
    a_tour_finish,
    a_tour_close,
    // selection line and shared words (ui/salaries.rs, core/selection.rs, core/view.rs)
    a_selection_line,
    a_sel_summary,
    a_and,
    a_join,
    a_sel_discounted,
    a_sel_as_paid,
    a_informant,
    a_group,
    a_series,
    a_mean,
    a_sd,
    a_ci95,
    a_not_defined,
    // salaries (ui/salaries.rs)
    a_sal_lede,
    a_sal_caption,
    a_sal_desc_caption,
    a_sal_table_label,
    a_sal_desc_label,
    a_sal_csv,
    a_sal_both_times,
    a_chart_slopes,
    a_chart_dots,
    a_mean_change,
    a_ci_low,
    a_ci_high,
    a_slopes_summary,
    a_slopes_discounted,
    a_slopes_as_paid,
    a_slopes_part,
    a_dots_summary,
    a_dots_part,
    a_csv_informant,
    a_csv_group,
    // the test (ui/test_panel.rs, core/view.rs, core/designs.rs)
    a_test_details_label,
    a_test_details,
    a_test_csv,
    a_chart_tdist,
    a_apa_student,
    a_apa_welch,
    a_apa_paired,
    a_no_test_applies,
    a_no_test,
    a_explain_did,
    a_explain_between,
    a_explain_paired,
    a_explain_descriptive,
    a_d_n,
    a_d_mean_of,
    a_d_mean_diffs,
    a_d_sd_diffs,
    a_d_sd_of,
    a_d_mean_difference,
    a_d_se,
    a_d_p,
    a_d_ci,
    a_d_welch_p,
    a_d_welch_ci,
    a_d_mean,
    a_csv_statistic,
    a_csv_value,
    a_csv_selection,
    a_csv_result,
    a_csv_result_welch,
    a_tdist_summary,
    a_tdist_df,
    a_tdist_t,
    a_tdist_p,
    // errors the statistics can give (core/view.rs)
    a_err_too_few,
    a_err_non_finite,
    a_err_zero_variance,
    a_err_length_mismatch,
    a_err_distribution,
    a_err_overflow,
    a_err_discount,
    a_err_empty_selection,
    a_err_not_defined_selection,
    // demographics (ui/demographics.rs, core/demographics.rs)
    a_demo_lede,
    a_demo_one_group,
    a_demo_one_group_cell,
    a_demo_table_label,
    a_demo_caption,
    a_demo_variable,
    a_demo_group_head,
    a_demo_test,
    a_demo_printed_p,
    a_demo_moved_p,
    a_demo_contradiction,
    a_var_age,
    a_var_gender,
    a_var_education,
    a_var_tenure,
    a_var_position,
    a_coding_years,
    a_coding_gender,
    a_coding_education,
    a_coding_position,
    // codebook (ui/codebook.rs)
    a_cb_lede,
    a_cb_search,
    a_cb_no_match,
    a_cb_one_match,
    a_cb_matches,
    a_cb_no_quotes,
    a_cb_one_quote,
    a_cb_quotes,
    a_cb_quotes_for,
    a_cb_show_node,
    a_cb_in_diagram,
    // charts (ui/charts.rs, core/view.rs)
    a_chart_failed,
    a_chart_png,
    a_chart_data,
    a_axis_salary,
    a_axis_change,
    a_axis_density,
    a_axis_coverage,
    a_axis_not_reported,
    a_coverage_summary,
    // link notices and typed amounts (core/permalink.rs)
    a_notice_link,
    a_notice_link_too_long,
    a_notice_repeated,
    a_notice_value_too_long,
    a_notice_groups,
    a_notice_times,
    a_notice_salary,
    a_notice_discount,
    a_notice_amount,
    a_notice_unknown,
    a_notice_node_too_long,
    a_notice_node_unknown,
    a_notice_lang,
    a_amount_empty,
    a_amount_not_plain,
    a_amount_too_long,
    a_amount_not_positive,
    a_amount_out_of_range,
    // panic banner (ui/panic.rs)
    a_panic_title,
    a_panic_reload,
    // (end of area A)

    // ── area B: robustness (ui/robustness.rs, ui/robust_charts.rs, core/robust/view.rs) ──
    // (end of area B)

    // ── area C: coverage and workshop (ui/coverage.rs, ui/workshop.rs, core/coverage/view.rs) ──
    // (end of area C)

    // ── area D: model and reproducibility (ui/model.rs, ui/reproducibility.rs, core/model.rs, core/reproduce.rs) ──
    // (end of area D)

    // ── area E: publishing: embed, copy, print, cite (ui/app.rs, ui/publish.rs) ──
    // (end of area E)

    // ── area F: scale: synthetic study and progress (ui/robustness.rs, ui/state.rs) ──
    // (end of area F)
}
