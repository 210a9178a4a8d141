//! The `#salaries` charts: the slope chart (each informant's T1→T2 salary) and the dot
//! plot of the differences with group means and 95 % CIs.

use crate::ui::charts::{err, root, themed, y_range, DrawResult, Palette, Scale};
use plotters::prelude::*;
use study_core::study::{Group, Terms};
use study_core::text::format::rmb_tick;
use study_core::view::analysis::{SeriesSummary, Slope};

/// Slope chart: each informant's T1→T2 salary, coloured by group.
pub fn draw_slopes(
    canvas: &web_sys::HtmlCanvasElement,
    slopes: &[Slope],
    terms: &Terms,
    p: Palette,
    s: Scale,
) -> DrawResult {
    let root = root(canvas, &p)?;
    let (lo, hi) = y_range(slopes.iter().flat_map(|x| [x.t1, x.t2]), 0.08);
    let mut chart = ChartBuilder::on(&root)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(30.0))
        .y_label_area_size(s.px(78.0))
        .build_cartesian_2d(-0.15f64..1.45f64, lo..hi)
        .map_err(err)?;
    themed(
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(2)
            .x_label_formatter(&|x| if *x < 0.5 { "T1".into() } else { "T2".into() })
            .y_label_formatter(&|y| rmb_tick(*y))
            .y_desc(terms.pick(p.t.a_axis_salary, p.t.a_axis_salary_own)),
        &p,
        s,
        12.0,
    )
    .draw()
    .map_err(err)?;
    for sl in slopes {
        let c = p.group(sl.group);
        chart
            .draw_series(LineSeries::new([(0.0, sl.t1), (1.0, sl.t2)], c.stroke_width(s.px(1.5))))
            .map_err(err)?;
        chart
            .draw_series([Circle::new((0.0, sl.t1), s.px(3.5), c.mix(0.5).filled())])
            .map_err(err)?;
        chart
            .draw_series([Rectangle::new(
                [
                    (1.0 - 0.012, sl.t2 - (hi - lo) * 0.006),
                    (1.0 + 0.012, sl.t2 + (hi - lo) * 0.006),
                ],
                c.filled(),
            )])
            .map_err(err)?;
        chart
            .draw_series([Text::new(
                sl.informant.clone(),
                (1.04, sl.t2),
                s.font(11.0, &p).color(&c),
            )])
            .map_err(err)?;
    }
    root.present().map_err(err)
}

/// Dot plot: each informant's T2−T1 change with group means and 95 % CIs.
pub fn draw_dots(
    canvas: &web_sys::HtmlCanvasElement,
    slopes: &[Slope],
    summaries: &[SeriesSummary],
    terms: &Terms,
    p: Palette,
    s: Scale,
) -> DrawResult {
    let root = root(canvas, &p)?;
    let groups: Vec<Group> =
        Group::ALL.into_iter().filter(|g| slopes.iter().any(|x| x.group == *g)).collect();
    let (lo, hi) = y_range(
        slopes
            .iter()
            .map(|x| x.t2 - x.t1)
            .chain(summaries.iter().flat_map(|m| [m.ci95.0, m.ci95.1]))
            .chain([0.0]),
        0.08,
    );
    let n = groups.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&root)
        .margin(s.px(12.0))
        .x_label_area_size(s.px(30.0))
        .y_label_area_size(s.px(78.0))
        .build_cartesian_2d(-0.5f64..(n - 0.5), lo..hi)
        .map_err(err)?;
    let labels: Vec<&str> = groups.iter().map(|g| terms.name(*g)).collect();
    themed(
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(groups.len().max(1))
            .x_label_formatter(&|x| {
                labels.get(x.round().max(0.0) as usize).copied().unwrap_or("").to_string()
            })
            .y_label_formatter(&|y| rmb_tick(*y))
            .y_desc(terms.pick(p.t.a_axis_change, p.t.a_axis_change_own)),
        &p,
        s,
        12.0,
    )
    .draw()
    .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(-0.5, 0.0), (n - 0.5, 0.0)],
            p.neutral.stroke_width(s.px(1.0)),
        ))
        .map_err(err)?;
    for (gi, g) in groups.iter().enumerate() {
        let c = p.group(*g);
        let x0 = gi as f64;
        for (k, sl) in slopes.iter().filter(|x| x.group == *g).enumerate() {
            let jitter = ((k as f64 * 0.618_033_988_75).fract() - 0.5) * 0.3;
            chart
                .draw_series([Circle::new(
                    (x0 - 0.1 + jitter, sl.t2 - sl.t1),
                    s.px(4.0),
                    c.mix(0.75).filled(),
                )])
                .map_err(err)?;
        }
        if let Some(m) = summaries.iter().find(|m| m.group == *g) {
            let xm = x0 + 0.28;
            chart
                .draw_series(LineSeries::new(
                    [(xm, m.ci95.0), (xm, m.ci95.1)],
                    p.fg.stroke_width(s.px(2.0)),
                ))
                .map_err(err)?;
            chart
                .draw_series(LineSeries::new(
                    [(xm - 0.06, m.mean.value()), (xm + 0.06, m.mean.value())],
                    p.fg.stroke_width(s.px(3.0)),
                ))
                .map_err(err)?;
        }
    }
    root.present().map_err(err)
}
