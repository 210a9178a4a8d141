//! The Simplified Chinese (简体中文) string table. The study's own content (quotations,
//! codebook, theme names, pseudonyms, the groups' names Service / Development and the
//! timepoints T1 / T2) stays in English as published; APA strings keep their APA form.
//! Keys and their order follow `mod.rs`.

use super::Strings;

/// Simplified Chinese.
pub const ZH: Strings = Strings {
    // ── page shell (ui/app.rs) ──
    app_name: "Study Explorer 研究浏览器",
    page_title: "Study Explorer 研究浏览器 \u{2014} Song 等（2019）：职场中的社交媒体",
    skip_link: "跳到主要内容",
    load_error_title: "研究浏览器无法加载数据",
    download_dataset: "下载数据集（JSON，含出处）",
    toc_label: "章节",
    footer_computed: "本页的每个数字都由您的浏览器根据论文印出的表格计算得出。任何数据都不会离开本页。",
    notices_title: "此链接中的部分参数已被忽略，改为显示默认值：",
    dismiss: "关闭",
    language_label: "语言",
    sec_about: "关于本研究",
    sec_tour: "导览",
    sec_model: "概念模型",
    sec_salaries: "薪资",
    sec_test: "检验",
    sec_robustness: "稳健性",
    sec_coverage: "编码覆盖率",
    sec_workshop: "工作坊",
    sec_demographics: "人口统计",
    sec_codebook: "编码手册",
    sec_reproducibility: "可复现性",

    // ── control bar (ui/controls.rs) ──
    controls_label: "选择",
    groups_legend: "组别",
    service_detail: "实验组：钉钉 + 微信",
    development_detail: "对照组：仅微信",
    times_legend: "时间点",
    t1_detail: "2016年8月访谈 \u{b7} 2016年第三季度薪资",
    t2_detail: "2017年4月访谈 \u{b7} 2017年第二季度薪资",
    measure_legend: "薪资口径",
    guard_group: "至少要保留一个组别：请先勾选另一个组别。",
    guard_time: "至少要保留一个时间点：请先勾选另一个时间点。",
    discount_legend: "折算（脚注 3）",
    discount_toggle: "将 T2 折算为 2016 年水平",
    discount_toggle_detail: "（关闭：T2 按实际发放金额）",
    totals_summary: "折算系数所依据的总额",
    total_salary_2016: "2016 年薪资总额",
    total_revenue_2016: "2016 年营业收入",
    total_salary_2017: "2017 年薪资总额",
    total_revenue_2017: "2017 年营业收入",
    rmb_unit: "（元）",
    total_error: "{error}；仍使用上一个有效值。",
    live_factor: "2016 年比率 {r16}%，2017 年比率 {r17}%，系数 {factor}（T2 \u{d7} 系数 = 按 2016 年水平计的 T2）",
    printed_ratios: "论文数据：2016 年 {s16} / {v16} 元（印出的比率 {r16}%），2017 年 {s17} / {v17} 元（印出的比率 {r17}%），2017 年总额由脚注 3 推得。",
    reset_totals: "恢复为论文中的数值",
    measure_quarterly: "季度",
    measure_monthly: "月度",

    // ── area A: about, tour, salaries, test, demographics, codebook, charts, notices (ui/about.rs … core/view.rs, core/permalink.rs) ──
    // (end of area A)

    // ── area B: robustness (ui/robustness.rs, ui/robust_charts.rs, core/robust/view.rs) ──
    // (end of area B)

    // ── area C: coverage and workshop (ui/coverage.rs, ui/workshop.rs, core/coverage/view.rs) ──
    // (end of area C)

    // ── area D: model and reproducibility (ui/model.rs, ui/reproducibility.rs, core/model.rs, core/reproduce.rs) ──
    // (end of area D)

    // ── area E: publishing: embed, copy, print, cite (ui/app.rs, ui/publish.rs) ──
    e_share_title: "分享、嵌入或打印",
    e_copy_link: "复制本视图的链接",
    e_section_label: "章节",
    e_copy_embed: "复制嵌入代码",
    e_print: "打印本章节的讲义",
    e_copied: "已复制到剪贴板。",
    e_copy_failed: "浏览器不允许复制：请选中下方文字后手动复制。",
    e_copied_label: "已复制的文字",
    e_iframe_title: "Study Explorer 研究浏览器：{section}",
    e_print_selection: "当前选择：",
    e_print_permalink: "永久链接：",
    e_print_build: "打印自 Study Explorer 研究浏览器 {version}，提交 {commit}。",
    e_cite_title: "引用本浏览器",
    e_cite_bibtex: "下载引用（BibTeX）",
    e_open_full: "打开完整的浏览器",
    e_offline_ready: "可离线使用",
    e_offline_update: "Study Explorer 研究浏览器有新版本。",
    e_offline_reload: "重新加载以使用新版本",
    e_offline_unavailable: "此浏览器不支持离线使用。",
    // (end of area E)

    // ── area F: scale: synthetic study and progress (ui/robustness.rs, ui/state.rs) ──
    // (end of area F)
};
