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
    b_lede,
    b_in_short,
    b_h_tests,
    b_tests_caption,
    b_col_test,
    b_col_result,
    b_col_how,
    b_effects_caption,
    b_col_measure,
    b_col_value,
    b_col_definition,
    b_h_perm,
    b_perm_intro,
    b_observed,
    b_perm_caption,
    b_col_which_p,
    b_col_count,
    b_chart_perm,
    b_col_bin,
    b_col_relabellings,
    b_h_effects,
    b_effects_intro,
    b_h_influence,
    b_influence_intro,
    b_mark_most,
    b_mark_lowest,
    b_mark_highest,
    b_marked,
    b_influence_caption,
    b_minmax,
    b_col_left_out,
    b_col_group,
    b_col_p_two,
    b_col_change_t,
    b_chart_influence,
    b_h_assumptions,
    b_assumptions_intro,
    b_normality_caption,
    b_col_values,
    b_col_reading,
    b_variance_caption,
    b_col_statistic,
    b_col_df,
    b_qq_error,
    b_chart_qq_service,
    b_chart_qq_development,
    b_col_informant,
    b_col_normal_quantile,
    b_col_value_rmb,
    b_qq_note,
    b_h_bayes,
    b_bayes_intro,
    b_prior_legend,
    b_bayes_result,
    b_shown_above,
    b_bayes_caption,
    b_col_prior,
    b_col_label,
    b_h_sensitivity,
    b_sensitivity_intro,
    b_chart_sens,
    b_col_factor,
    b_col_note,
    b_ax_relabellings,
    b_ax_observed,
    b_ax_t_without,
    b_ax_needs,
    b_ax_everyone,
    b_ax_quantile,
    b_ax_rmb,
    b_ax_current,
    b_ax_factor,
    b_ax_p_log,
    b_prior_narrow,
    b_prior_medium,
    b_prior_wide,
    b_bayes_note,
    b_sensitivity_design,
    b_range,
    b_inf_crit,
    b_inf_summary,
    b_qq_far,
    b_qq_summary,
    b_sens_current,
    b_sens_summary,
    b_nothing_compared,
    b_tests_label,
    b_no_prior,
    b_cmp_did,
    b_cmp_between,
    b_cmp_paired,
    b_cmp_none,
    b_two_sided_p,
    b_t_paired,
    b_t_student_paper,
    b_t_student,
    b_t_welch,
    b_note_paired,
    b_note_student,
    b_note_welch,
    b_wilcoxon,
    b_mann_whitney,
    b_ranks,
    b_mw_exact,
    b_mw_approx,
    b_w_exact,
    b_w_exact_cond,
    b_w_approx,
    b_mw_note,
    b_w_note,
    b_zero_one,
    b_zero_many,
    b_what_diffs,
    b_what_t1,
    b_what_t2,
    b_what_changes,
    b_unit_relabellings,
    b_unit_signs,
    b_method_exact,
    b_method_signs,
    b_method_mc,
    b_stat_paired,
    b_axis_paired,
    b_stat_did,
    b_axis_did,
    b_stat_between,
    b_axis_between,
    b_of,
    b_of_mc,
    b_p_greater,
    b_p_less,
    b_p_scipy,
    b_p_abs,
    b_two_sided_note,
    b_tail_large,
    b_tail_small,
    b_tail_exact,
    b_tail_mc,
    b_over_exact,
    b_over_mc,
    b_hist_summary,
    b_d_and_g,
    b_mean_change,
    b_mean_change_note,
    b_mean_diff,
    b_mean_diff_note,
    b_mean_value,
    b_effect_value,
    b_j_note,
    b_cohen_label,
    b_cohen_note,
    b_hedges_label,
    b_g_note,
    b_dz_label,
    b_dz_note,
    b_gz_label,
    b_gz_note,
    b_inf_test_paired,
    b_inf_test_student,
    b_without,
    b_verdict_none,
    b_verdict_one,
    b_verdict_many,
    b_or,
    b_and,
    b_inf_reading,
    b_power_small,
    b_power_large,
    b_normal_small_p,
    b_normal_ok,
    b_var_paired,
    b_levene_label,
    b_bf_label,
    b_var_small_p,
    b_var_ok,
    b_bf_h1_times,
    b_bf_h0_times,
    b_not_computed,
    b_note_paper,
    b_note_none,
    b_note_current,
    b_strength_no,
    b_strength_anecdotal,
    b_strength_moderate,
    b_strength_strong,
    b_strength_very_strong,
    b_strength_extreme,
    b_bf_for_h1,
    b_bf_for_h0,
    b_bf_neither,
    b_sum_paper_test,
    b_sum_paired,
    b_sum_student,
    b_significant,
    b_not_significant,
    b_no_longer_significant,
    b_sum_gives,
    b_sum_welch,
    b_sum_mann_whitney,
    b_sum_wilcoxon,
    b_rank_exact,
    b_rank_exact_ties,
    b_rank_approx,
    b_sum_rank_test,
    b_sum_perm_exact,
    b_sum_perm_mc,
    b_sum_perm,
    b_detail_note,
    b_detail,
    b_label_error,
    b_sum_agree_one,
    b_sum_agree_many,
    b_sum_disagree_one,
    b_sum_disagree_many,
    b_sum_not_computed,
    b_sum_informants_one,
    b_sum_informants_two,
    b_sum_includes_zero,
    b_sum_hedges,
    b_sum_gz,
    b_sum_effect,
    b_sum_bayes,
    b_sum_bayes_range,
    b_sum_sw_item,
    b_sum_sw,
    b_sum_levene,
    b_sum_checks_both,
    b_sum_checks_sw,
    b_sum_influence,
    b_sum_would_be,
    b_sum_no_crossing,
    b_sum_one_crossing,
    b_sum_many_crossing,
    b_sum_sens_same,
    b_sum_sens_changes,
    b_sum_no_discount,
    b_sum_caveat,
    b_err_not_defined,
    b_err_too_few,
    b_err_too_many,
    b_err_non_finite,
    b_err_zero_variance,
    b_err_zero_range,
    b_err_all_tied,
    b_err_length,
    b_err_no_comparison,
    b_err_invalid,
    b_err_no_convergence,
    b_err_overflow,
    b_err_without,
    b_err_stats_too_few,
    b_err_stats_zero_variance,
    b_err_stats_distribution,
    b_err_discount,
    b_param_n_eff,
    b_param_df,
    b_param_prior,
    b_param_ncp,
    b_param_probability,
    b_param_level,
    b_param_hedges_df,
    b_param_subset,
    b_param_bins,
    b_param_resamples,
    b_param_paper_factor,
    b_param_factor,
    b_what_bf_integral,
    b_what_ncp,
    // (end of area B)

    // ── area C: coverage and workshop (ui/coverage.rs, ui/workshop.rs, core/coverage/view.rs) ──
    c_and,
    c_list_sep,
    c_semicolon,
    c_not_reported,
    c_points,
    c_col_theme,
    c_col_group,
    c_col_time,
    c_col_coverage,
    c_col_source,
    c_selection_line,
    c_cov_chart_title,
    c_changes_region,
    c_changes_caption,
    c_col_did,
    c_unknown_error,
    c_err_browser_read,
    c_err_sample_fetch,
    c_no_window,
    c_not_http,
    c_server_answered,
    c_unchanged,
    c_reading,
    c_imported,
    c_could_not_import,
    c_could_not_import_sample,
    c_could_not_import_csv,
    c_the_sample,
    c_choose_codings,
    c_choose_texts,
    c_and_other_file,
    c_and_other_files,
    c_workshop_lede,
    c_privacy,
    c_sample_h,
    c_sample_desc,
    c_load_sample,
    c_qdpx_h,
    c_qdpx_label,
    c_qdpx_hint,
    c_csv_legend,
    c_csv_codings_label,
    c_csv_sources_label,
    c_csv_texts_label,
    c_csv_import,
    c_sample_label_strong,
    c_sample_label_text,
    c_sample_notice,
    c_import_notes,
    c_read_from,
    c_keys_detected,
    c_keys_none,
    c_pickers_legend,
    c_group_var,
    c_time_var,
    c_choose,
    c_only_coder,
    c_mapping_none,
    c_not_mapped,
    c_mapping_summary,
    c_mapping_note,
    c_compare_none,
    c_compare_chart_title,
    c_col_paper,
    c_col_imported,
    c_col_imported_code,
    c_kappa_none_one,
    c_kappa_none_many,
    c_download_file,
    c_download_codings,
    c_download_sources,
    c_export_texts,
    c_export_failed,
    c_codings_of,
    c_all_coders,
    c_defs_intro,
    c_defs_pooled,
    c_defs_mean,
    c_defs_empty_a,
    c_defs_empty_b,
    c_beside_h,
    c_beside_text,
    c_def_legend,
    c_agreement_h,
    c_kappa_method_1,
    c_kappa_method_2,
    c_kappa_paper_a,
    c_kappa_paper_b,
    c_export_h,
    c_export_text,
    c_sources_one,
    c_sources_many,
    c_n_empty,
    c_cell_n,
    c_cells_region,
    c_cells_caption,
    c_col_code,
    c_unassigned,
    c_sources_region,
    c_sources_caption,
    c_sources_list,
    c_col_key,
    c_col_group_time,
    c_col_chars,
    c_no_cell,
    c_aggregate_title,
    c_with_subcodes,
    c_agreement_region,
    c_kappa_caption_one,
    c_kappa_caption_many,
    c_col_kappa_pooled,
    c_col_kappa_weighted,
    c_col_both,
    c_col_neither,
    c_overall,
    c_axis_coverage,
    c_legend_group,
    c_legend_paper,
    c_legend_imported,
    c_legend_not_reported,
    c_undefined,
    c_bytes,
    c_qdpx_too_big,
    c_file_too_big,
    c_files_too_big,
    c_no_name,
    c_import_summary,
    c_codes_one,
    c_codes_many,
    c_codings_one,
    c_codings_many,
    c_coders_one,
    c_coders_many,
    c_assign_chosen,
    c_assign_chosen_instead,
    c_assign_conflict,
    c_assign_by_name,
    c_assign_ambiguous,
    c_assign_missing,
    c_def_pooled,
    c_def_mean,
    c_no_code_mapped,
    c_no_sources_in_cell,
    c_missing_from_study,
    c_cmp_item,
    c_cmp_items,
    c_cmp_none,
    c_cmp_summary,
    c_kappa_undefined,
    c_kappa_no_chars,
    c_kappa_no_variation,
    c_err_no_source,
    c_err_no_code,
    c_err_no_coder,
    c_err_same_coder,
    c_kind_source,
    c_kind_code,
    c_kind_coder,
    c_kind_user,
    c_kind_variable,
    c_err_duplicate_id,
    c_err_empty_id,
    c_err_tree_deep,
    c_coding_ref,
    c_err_ref_source,
    c_err_ref_code,
    c_err_ref_coder,
    c_err_reversed,
    c_err_out_of_range,
    c_note_namespace,
    c_note_skipped,
    c_note_no_coder,
    c_note_no_row,
    c_at_line,
    c_in_file,
    c_err_not_utf8,
    c_err_missing_column,
    c_err_empty_value,
    c_err_bad_position,
    c_err_no_text_file,
    c_err_duplicate_source,
    c_err_bad_code_path,
    c_err_write_csv,
    c_err_archive_too_large,
    c_err_entry_too_large,
    c_err_total_too_large,
    c_err_not_zip,
    c_err_unreadable,
    c_err_no_project_file,
    c_err_several_project_files,
    c_err_not_utf8_qdpx,
    c_err_xml,
    c_err_not_a_project,
    c_err_missing_attribute,
    c_err_missing_child,
    c_err_bad_selection,
    c_err_no_sources_folder,
    c_err_missing_text_file,
    c_err_external_text,
    c_err_no_text,
    c_err_unknown_reference,
    c_err_conflicting_value,
    c_err_nested_too_deep,
    c_err_write_qdpx,
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
