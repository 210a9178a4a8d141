//! The `#robustness` charts, drawn with plotters on the canvas [`ChartFrame`] provides:
//! the permutation histogram with the observed difference, leave-one-out t per informant,
//! normal Q-Q plots per group, and t and p against the discount factor.
//!
//! Like the other chart modules, these functions only project numbers the core computed
//! (`core::robust::view`) onto pixels; they compute no statistic. Colours follow
//! docs/design.md §Colour through [`Palette`]: groups in their colour, reference marks in
//! grey, the observed or current value in the foreground colour. Their words come from the
//! chart model's language (`m.lang`), so a language switch redraws them with the model.
//!
//! [`ChartFrame`]: crate::ui::charts::frame::ChartFrame

use crate::ui::charts::{err, root, themed, y_range, DrawResult, Palette, Scale};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use study_core::text::format::{fixed, rmb, rmb_tick, tick};
use study_core::text::i18n::fill;
use study_core::view::robustness::{HistogramChart, InfluenceView, QqChart, SensitivityView};

/// A p-value tick label: ".05", ".001" (three significant digits, trailing zeros dropped).
fn p_tick(p: f64) -> String {
    let s = study_core::view::apa::p_significant(p);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The permutation distribution as a histogram, with the observed difference marked.
pub fn draw_permutation(
    canvas: &web_sys::HtmlCanvasElement,
    m: &HistogramChart,
    p: Palette,
    s: Scale,
) -> DrawResult {
    let root = root(canvas, &p)?;
    let t = m.lang.strings();
    let lo = m.bins.first().map(|b| b.0).unwrap_or(0.0);
    let hi = m.bins.last().map(|b| b.1).unwrap_or(1.0);
    let observed = m.observed.value();
    let (lo, hi) = y_range([lo, hi, observed].into_iter(), 0.02);
    let top = m.bins.iter().map(|b| b.2).max().unwrap_or(1).max(1) as f64 * 1.15;
    let mut chart = ChartBuilder::on(&root)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(40.0))
        .y_label_area_size(s.px(64.0))
        .build_cartesian_2d(lo..hi, 0.0..top)
        .map_err(err)?;
    themed(
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(6)
            .x_label_formatter(&|x| rmb_tick(*x))
            .y_label_formatter(&|y| tick(*y))
            .x_desc(m.axis.as_str())
            .y_desc(t.b_ax_relabellings),
        &p,
        s,
        12.0,
    )
    .draw()
    .map_err(err)?;
    chart
        .draw_series(m.bins.iter().filter(|b| b.2 > 0).map(|&(a, b, n)| {
            Rectangle::new([(a, 0.0), (b, n as f64)], p.neutral.mix(0.55).filled())
        }))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(observed, 0.0), (observed, top * 0.88)],
            p.fg.stroke_width(s.px(2.5)),
        ))
        .map_err(err)?;
    let right = observed > (lo + hi) / 2.0;
    let anchor = Pos::new(if right { HPos::Right } else { HPos::Left }, VPos::Bottom);
    chart
        .draw_series([Text::new(
            fill(t.b_ax_observed, &[("value", &rmb(m.observed))]),
            (observed, top * 0.9),
            s.font(12.0, &p).pos(anchor),
        )])
        .map_err(err)?;
    root.present().map_err(err)
}

/// Leave-one-out t per informant (a dot per informant, coloured by group), with the
/// full-sample t as a solid reference line and the t that p = .05 needs dashed.
pub fn draw_influence(
    canvas: &web_sys::HtmlCanvasElement,
    m: &InfluenceView,
    p: Palette,
    s: Scale,
) -> DrawResult {
    let root = root(canvas, &p)?;
    let t = m.lang.strings();
    let n = m.rows.len().max(1);
    let (lo, hi) = y_range(m.rows.iter().map(|r| r.t).chain([m.full_t]).chain(m.critical_t), 0.08);
    let names: Vec<String> = m.rows.iter().map(|r| r.informant.clone()).collect();
    // First informant at the top.
    let y_of = |i: usize| (n - 1 - i) as f64;
    let mut chart = ChartBuilder::on(&root)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(36.0))
        .y_label_area_size(s.px(74.0))
        .build_cartesian_2d(lo..hi, -0.6f64..(n as f64 - 0.4))
        .map_err(err)?;
    let label = |y: &f64| -> String {
        let k = y.round();
        if (y - k).abs() > 0.01 || k < 0.0 {
            return String::new();
        }
        let i = n.saturating_sub(1).saturating_sub(k as usize);
        names.get(i).cloned().unwrap_or_default()
    };
    themed(
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n * 2 + 1)
            .y_label_formatter(&label)
            .x_label_formatter(&|x| tick(*x))
            .x_desc(m.terms.pick(t.b_ax_t_without, t.b_ax_t_without_own)),
        &p,
        s,
        11.0,
    )
    .draw()
    .map_err(err)?;
    let (y0, y1) = (-0.6, n as f64 - 0.4);
    if let Some(c) = m.critical_t.filter(|c| *c >= lo && *c <= hi) {
        chart
            .draw_series(DashedLineSeries::new(
                [(c, y0), (c, y1)],
                s.px(6.0),
                s.px(4.0),
                p.neutral.stroke_width(s.px(1.5)),
            ))
            .map_err(err)?;
        chart
            .draw_series([Text::new(
                fill(t.b_ax_needs, &[("t", &fixed(c, 2))]),
                (c + (hi - lo) * 0.01, y1),
                s.font(11.0, &p).color(&p.neutral).pos(Pos::new(HPos::Left, VPos::Top)),
            )])
            .map_err(err)?;
    }
    chart
        .draw_series(LineSeries::new(
            [(m.full_t, y0), (m.full_t, y1)],
            p.fg.stroke_width(s.px(1.5)),
        ))
        .map_err(err)?;
    chart
        .draw_series([Text::new(
            fill(m.terms.pick(t.b_ax_everyone, t.b_ax_everyone_own), &[("t", &fixed(m.full_t, 2))]),
            (m.full_t, y0),
            s.font(11.0, &p).pos(Pos::new(HPos::Left, VPos::Bottom)),
        )])
        .map_err(err)?;
    for (i, r) in m.rows.iter().enumerate() {
        let c = p.group(r.group);
        let y = y_of(i);
        chart
            .draw_series(LineSeries::new(
                [(m.full_t, y), (r.t, y)],
                c.mix(0.6).stroke_width(s.px(1.5)),
            ))
            .map_err(err)?;
        chart.draw_series([Circle::new((r.t, y), s.px(4.5), c.filled())]).map_err(err)?;
        if r.most_influential {
            chart
                .draw_series([Circle::new((r.t, y), s.px(8.0), p.fg.stroke_width(s.px(2.0)))])
                .map_err(err)?;
            // Label on the side with room: left of points in the right half, right otherwise.
            let left = r.t > (lo + hi) / 2.0;
            let anchor = if left { HPos::Right } else { HPos::Left };
            let dx = if left { -(hi - lo) * 0.02 } else { (hi - lo) * 0.02 };
            chart
                .draw_series([Text::new(
                    t.b_mark_most.to_string(),
                    (r.t + dx, y),
                    s.font(11.0, &p).pos(Pos::new(anchor, VPos::Center)),
                )])
                .map_err(err)?;
        }
    }
    root.present().map_err(err)
}

/// A normal Q-Q plot: each value against its normal quantile, with the line mean + SD·z.
pub fn draw_qq(
    canvas: &web_sys::HtmlCanvasElement,
    m: &QqChart,
    p: Palette,
    s: Scale,
) -> DrawResult {
    let root = root(canvas, &p)?;
    let t = m.lang.strings();
    let (x0, x1) = y_range(m.points.iter().map(|q| q.theoretical), 0.12);
    let line = |z: f64| m.mean.value() + m.sd * z;
    let values = m.points.iter().map(|q| q.value.value());
    let (y0, y1) = y_range(values.chain([line(x0), line(x1)]), 0.08);
    let mut chart = ChartBuilder::on(&root)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(36.0))
        .y_label_area_size(s.px(74.0))
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(err)?;
    themed(
        chart
            .configure_mesh()
            .x_desc(t.b_ax_quantile)
            .y_desc(m.axis())
            .x_label_formatter(&|x| tick(*x))
            .y_label_formatter(&|y| rmb_tick(*y)),
        &p,
        s,
        12.0,
    )
    .draw()
    .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(x0, line(x0)), (x1, line(x1))],
            p.neutral.stroke_width(s.px(1.5)),
        ))
        .map_err(err)?;
    let c = p.group(m.group);
    chart
        .draw_series(
            m.points
                .iter()
                .map(|q| Circle::new((q.theoretical, q.value.value()), s.px(4.5), c.filled())),
        )
        .map_err(err)?;
    // Name the point farthest from the line (the summary names it too).
    if let Some(far) = m.points.iter().max_by(|a, b| m.distance(a).total_cmp(&m.distance(b))) {
        let anchor = if far.theoretical > (x0 + x1) / 2.0 { HPos::Right } else { HPos::Left };
        let dx =
            if far.theoretical > (x0 + x1) / 2.0 { -(x1 - x0) * 0.03 } else { (x1 - x0) * 0.03 };
        chart
            .draw_series([Text::new(
                far.informant.clone(),
                (far.theoretical + dx, far.value.value()),
                s.font(11.0, &p).color(&c).pos(Pos::new(anchor, VPos::Center)),
            )])
            .map_err(err)?;
    }
    root.present().map_err(err)
}

/// t (top panel) and p (bottom panel, log scale, with .05 dashed) against the discount
/// factor; the current factor is marked in both.
pub fn draw_sensitivity(
    canvas: &web_sys::HtmlCanvasElement,
    m: &SensitivityView,
    p: Palette,
    s: Scale,
) -> DrawResult {
    let root = root(canvas, &p)?;
    let tx = m.lang.strings();
    let (_, h) = root.dim_in_pixel();
    let (upper, lower) = root.split_vertically(h / 2);
    let (f0, f1) = y_range(m.rows.iter().map(|r| r.factor), 0.03);
    let pts_t: Vec<(f64, f64)> = m.rows.iter().map(|r| (r.factor, r.t)).collect();
    let pts_p: Vec<(f64, f64)> =
        m.rows.iter().filter(|r| r.p > 0.0).map(|r| (r.factor, r.p)).collect();
    let current = m.rows.iter().find(|r| r.is_current);

    let (t0, t1) = y_range(pts_t.iter().map(|x| x.1), 0.15);
    let mut top = ChartBuilder::on(&upper)
        .margin(s.px(10.0))
        .x_label_area_size(s.px(22.0))
        .y_label_area_size(s.px(56.0))
        .build_cartesian_2d(f0..f1, t0..t1)
        .map_err(err)?;
    themed(
        top.configure_mesh()
            .x_labels(7)
            .x_label_formatter(&|x| fixed(*x, 2))
            .y_label_formatter(&|y| tick(*y))
            .y_desc("t"),
        &p,
        s,
        11.0,
    )
    .draw()
    .map_err(err)?;
    top.draw_series(LineSeries::new(pts_t.iter().copied(), p.neutral.stroke_width(s.px(1.5))))
        .map_err(err)?;
    top.draw_series(pts_t.iter().map(|&(f, t)| Circle::new((f, t), s.px(3.0), p.neutral.filled())))
        .map_err(err)?;
    if let Some(c) = current {
        top.draw_series(DashedLineSeries::new(
            [(c.factor, t0), (c.factor, t1)],
            s.px(5.0),
            s.px(3.0),
            p.fg.stroke_width(s.px(1.5)),
        ))
        .map_err(err)?;
        top.draw_series([Circle::new((c.factor, c.t), s.px(6.0), p.fg.filled())]).map_err(err)?;
        let right = c.factor > (f0 + f1) / 2.0;
        let dx = if right { -(f1 - f0) * 0.015 } else { (f1 - f0) * 0.015 };
        top.draw_series([Text::new(
            fill(tx.b_ax_current, &[("factor", &c.factor_text), ("t", &c.t_text)]),
            (c.factor + dx, t1),
            s.font(11.0, &p).pos(Pos::new(if right { HPos::Right } else { HPos::Left }, VPos::Top)),
        )])
        .map_err(err)?;
    }

    // p on a log scale, drawn as log10(p) on a linear axis with decade ticks (a plotters
    // log coordinate would add a second copy of the chart code to the wasm).
    let lg = |x: f64| x.log10();
    let pmin = pts_p.iter().map(|x| x.1).fold(f64::INFINITY, f64::min);
    let pmax = pts_p.iter().map(|x| x.1).fold(m.alpha, f64::max);
    let (pl, ph) = if pmin.is_finite() && pmin > 0.0 {
        (lg(pmin / 2.0), lg((pmax * 2.0).min(1.0)))
    } else {
        (-4.0, 0.0)
    };
    let decades = ((ph - pl).ceil() as usize).clamp(1, 12);
    let mut bottom = ChartBuilder::on(&lower)
        .margin(s.px(10.0))
        .x_label_area_size(s.px(36.0))
        .y_label_area_size(s.px(56.0))
        .build_cartesian_2d(f0..f1, pl..ph)
        .map_err(err)?;
    themed(
        bottom
            .configure_mesh()
            .x_labels(7)
            .y_labels(decades * 2 + 1)
            .x_label_formatter(&|x| fixed(*x, 2))
            .y_label_formatter(&|y| {
                if (y - y.round()).abs() < 1e-6 {
                    p_tick(10f64.powf(y.round()))
                } else {
                    String::new()
                }
            })
            .x_desc(tx.b_ax_factor)
            .y_desc(tx.b_ax_p_log),
        &p,
        s,
        11.0,
    )
    .draw()
    .map_err(err)?;
    let alpha = lg(m.alpha);
    if alpha >= pl && alpha <= ph {
        bottom
            .draw_series(DashedLineSeries::new(
                [(f0, alpha), (f1, alpha)],
                s.px(6.0),
                s.px(4.0),
                p.neutral.stroke_width(s.px(1.5)),
            ))
            .map_err(err)?;
        bottom
            .draw_series([Text::new(
                "p = .05".to_string(),
                (f0 + (f1 - f0) * 0.01, alpha + (ph - pl) * 0.03),
                s.font(11.0, &p).color(&p.neutral).pos(Pos::new(HPos::Left, VPos::Bottom)),
            )])
            .map_err(err)?;
    }
    let pts_lg: Vec<(f64, f64)> = pts_p.iter().map(|&(f, q)| (f, lg(q))).collect();
    bottom
        .draw_series(LineSeries::new(pts_lg.iter().copied(), p.neutral.stroke_width(s.px(1.5))))
        .map_err(err)?;
    bottom
        .draw_series(
            pts_lg.iter().map(|&(f, q)| Circle::new((f, q), s.px(3.0), p.neutral.filled())),
        )
        .map_err(err)?;
    if let Some(c) = current.filter(|c| c.p > 0.0) {
        bottom
            .draw_series(DashedLineSeries::new(
                [(c.factor, pl), (c.factor, ph)],
                s.px(5.0),
                s.px(3.0),
                p.fg.stroke_width(s.px(1.5)),
            ))
            .map_err(err)?;
        bottom
            .draw_series([Circle::new((c.factor, lg(c.p)), s.px(6.0), p.fg.filled())])
            .map_err(err)?;
    }
    root.present().map_err(err)
}
