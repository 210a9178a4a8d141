//! The English string table: the explorer's own words, as DESIGN.md's voice asks (plain,
//! short, never overclaiming). Keys and their order follow `mod.rs`.

use super::Strings;

/// English.
pub const EN: Strings = Strings {
    // ── page shell (ui/app.rs) ──
    app_name: "Study Explorer",
    page_title: "Study Explorer \u{2014} Song et al. (2019), social media at work",
    skip_link: "Skip to main content",
    load_error_title: "Study Explorer could not load its data",
    download_dataset: "Download the dataset (JSON, with sources)",
    toc_label: "Sections",
    footer_computed: "Every number on this page is computed in your browser from the paper's printed tables. Nothing leaves the page.",
    notices_title: "Some values in this link were ignored, and defaults are shown instead:",
    dismiss: "Dismiss",
    language_label: "Language",
    sec_about: "About this study",
    sec_tour: "Guided tour",
    sec_model: "Conceptual model",
    sec_salaries: "Salaries",
    sec_test: "The test",
    sec_robustness: "Robustness",
    sec_coverage: "Coverage",
    sec_workshop: "Workshop",
    sec_demographics: "Demographics",
    sec_codebook: "Codebook",
    sec_reproducibility: "Reproducibility",

    // ── control bar (ui/controls.rs) ──
    controls_label: "Selection",
    groups_legend: "Groups",
    service_detail: "treatment: DingTalk + WeChat",
    development_detail: "control: WeChat only",
    times_legend: "Timepoints",
    t1_detail: "Aug 2016 interviews \u{b7} Q3 2016 salaries",
    t2_detail: "Apr 2017 interviews \u{b7} Q2 2017 salaries",
    measure_legend: "Salary measure",
    guard_group: "At least one group must stay selected: tick another group first.",
    guard_time: "At least one timepoint must stay selected: tick another timepoint first.",
    discount_legend: "Discount (footnote 3)",
    discount_toggle: "Discount T2 to 2016 terms",
    discount_toggle_detail: "(off: T2 as originally paid)",
    totals_summary: "Totals behind the factor",
    total_salary_2016: "Salary total 2016",
    total_revenue_2016: "Revenue 2016",
    total_salary_2017: "Salary total 2017",
    total_revenue_2017: "Revenue 2017",
    rmb_unit: "(RMB)",
    total_error: "{error}; the last valid value is still used.",
    live_factor: "2016 ratio {r16}%, 2017 ratio {r17}%, factor {factor} (T2 \u{d7} factor = T2 in 2016 terms)",
    printed_ratios: "The paper: {s16} / {v16} RMB in 2016 (printed ratio {r16}%) and {s17} / {v17} RMB in 2017 (printed ratio {r17}%), the 2017 totals implied by footnote 3.",
    reset_totals: "Reset to the paper's values",
    measure_quarterly: "quarterly",
    measure_monthly: "monthly",

    // ── area A: about, tour, salaries, test, demographics, codebook, charts, notices (ui/about.rs … core/view.rs, core/permalink.rs) ──
    // (end of area A)

    // ── area B: robustness (ui/robustness.rs, ui/robust_charts.rs, core/robust/view.rs) ──
    // (end of area B)

    // ── area C: coverage and workshop (ui/coverage.rs, ui/workshop.rs, core/coverage/view.rs) ──
    // (end of area C)

    // ── area D: model and reproducibility (ui/model.rs, ui/reproducibility.rs, core/model.rs, core/reproduce.rs) ──
    // (end of area D)

    // ── area E: publishing: embed, copy, print, cite (ui/app.rs, ui/publish.rs) ──
    e_share_title: "Share, embed or print",
    e_copy_link: "Copy link to this view",
    e_section_label: "Section",
    e_copy_embed: "Copy embed code",
    e_print: "Print a handout of this section",
    e_copied: "Copied to the clipboard.",
    e_copy_failed: "The browser did not allow copying: select the text below and copy it.",
    e_copied_label: "The copied text",
    e_iframe_title: "Study Explorer: {section}",
    e_print_selection: "Selection:",
    e_print_permalink: "Permalink:",
    e_print_build: "Printed from Study Explorer {version}, commit {commit}.",
    e_cite_title: "Cite this explorer",
    e_cite_bibtex: "Download the citation (BibTeX)",
    e_open_full: "Open the full explorer",
    e_offline_ready: "Available offline",
    e_offline_update: "A new version of Study Explorer is available.",
    e_offline_reload: "Reload for the new version",
    e_offline_unavailable: "Offline use is not available in this browser.",
    // (end of area E)

    // ── area F: scale: synthetic study and progress (ui/robustness.rs, ui/state.rs) ──
    // (end of area F)
};
