//! The `#coverage` chart: the paper's coverage by theme, group and time.

use crate::ui::charts::{err, root, themed, DrawResult, Palette, Scale};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use study_core::study::Time;
use study_core::text::format::{fixed, tick};
use study_core::view::analysis::CoverageBar;

/// Grouped bars of coverage by theme; cells the text does not report are outlined and
/// labelled, never drawn as zero.
pub fn draw_coverage(
    canvas: &web_sys::HtmlCanvasElement,
    bars: &[CoverageBar],
    p: Palette,
    s: Scale,
) -> DrawResult {
    let root = root(canvas, &p)?;
    let mut themes: Vec<(String, String)> = Vec::new();
    for b in bars {
        if !themes.iter().any(|t| t.0 == b.theme) {
            themes.push((b.theme.clone(), b.theme_name.clone()));
        }
    }
    let per_theme =
        bars.iter().filter(|b| themes.first().is_some_and(|t| t.0 == b.theme)).count().max(1);
    let top = bars.iter().filter_map(|b| b.value).fold(10.0, f64::max) * 1.15;
    let n = themes.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&root)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(34.0))
        .y_label_area_size(s.px(48.0))
        .build_cartesian_2d(0.0..n, 0.0..top)
        .map_err(err)?;
    themed(
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_label_formatter(&|y| tick(*y))
            .y_desc(p.t.a_axis_coverage),
        &p,
        s,
        12.0,
    )
    .draw()
    .map_err(err)?;
    let width = 0.8 / per_theme as f64;
    let label_style = s.font(11.0, &p).pos(Pos::new(HPos::Center, VPos::Top));
    for (ti, (id, name)) in themes.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(ti as f64 + 0.5, 0.0));
        root.draw_text(name, &label_style, (px, py + s.px(8.0) as i32)).map_err(err)?;
        for (k, b) in bars.iter().filter(|b| &b.theme == id).enumerate() {
            let x0 = ti as f64 + 0.1 + k as f64 * width;
            let c = p.group(b.group);
            let fill = if b.time == Time::T1 { c.mix(0.45) } else { c.mix(1.0) };
            match b.value {
                Some(v) => {
                    chart
                        .draw_series([Rectangle::new(
                            [(x0, 0.0), (x0 + width * 0.9, v)],
                            fill.filled(),
                        )])
                        .map_err(err)?;
                    chart
                        .draw_series([Text::new(
                            fixed(v, 2),
                            (x0, v + top * 0.03),
                            s.font(10.0, &p),
                        )])
                        .map_err(err)?;
                }
                None => {
                    let h = top * 0.25;
                    chart
                        .draw_series([Rectangle::new(
                            [(x0, 0.0), (x0 + width * 0.9, h)],
                            c.stroke_width(s.px(1.5)),
                        )])
                        .map_err(err)?;
                    chart
                        .draw_series([Text::new(
                            p.t.a_axis_not_reported,
                            (x0, h + top * 0.03),
                            s.font(10.0, &p).color(&p.neutral),
                        )])
                        .map_err(err)?;
                }
            }
        }
    }
    root.present().map_err(err)
}
