//! The `#test` chart: the t distribution with the observed t and the p area shaded.

use crate::ui::charts::{err, root, DrawResult, Palette, Scale};
use plotters::prelude::*;
use study_core::text::format::{fixed, tick};
use study_core::view::analysis::TDistChart;

/// The t distribution with the observed t and the two-sided p area shaded.
pub fn draw_tdist(
    canvas: &web_sys::HtmlCanvasElement,
    m: &TDistChart,
    p: Palette,
    s: Scale,
) -> DrawResult {
    let root = root(canvas, &p)?;
    let lim = m.curve.first().map(|c| -c.0).unwrap_or(4.0);
    let top = m.curve.iter().map(|c| c.1).fold(0.0, f64::max) * 1.12;
    let mut chart = ChartBuilder::on(&root)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(30.0))
        .y_label_area_size(s.px(48.0))
        .build_cartesian_2d(-lim..lim, 0.0..top.max(0.01))
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_label_formatter(&|x| tick(*x))
        .y_label_formatter(&|y| tick(*y))
        .x_desc("t")
        .y_desc(p.t.a_axis_density)
        .label_style(s.font(12.0, &p))
        .axis_desc_style(s.font(12.0, &p))
        .axis_style(p.neutral)
        .draw()
        .map_err(err)?;
    let cut = m.t.abs();
    let left: Vec<(f64, f64)> = m.curve.iter().copied().filter(|c| c.0 <= -cut).collect();
    let right: Vec<(f64, f64)> = m.curve.iter().copied().filter(|c| c.0 >= cut).collect();
    for tail in [left, right] {
        if tail.len() > 1 {
            chart
                .draw_series(
                    AreaSeries::new(tail, 0.0, p.service.mix(0.35)).border_style(p.service),
                )
                .map_err(err)?;
        }
    }
    chart
        .draw_series(LineSeries::new(m.curve.iter().copied(), p.fg.stroke_width(s.px(1.5))))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(m.t, 0.0), (m.t, top * 0.92)],
            p.development.stroke_width(s.px(2.5)),
        ))
        .map_err(err)?;
    chart
        .draw_series([Text::new(
            format!("t = {}", fixed(m.t, 2)),
            (m.t, top * 0.95),
            s.font(12.0, &p),
        )])
        .map_err(err)?;
    root.present().map_err(err)
}
