//! The `#workshop` chart: the imported coverage beside the paper's, per theme, group and
//! time.

use crate::ui::charts::{err, root, themed, Palette, Scale};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use study_core::study::Time;
use study_core::text::format::tick;
use study_core::text::i18n::{fill, Strings};
use study_core::view::coverage::{ComparisonBar, Definition};

/// Paired bars per theme: the paper's printed coverage (solid; outlined where not reported)
/// and the imported coverage (striped), Service blue and Development orange, T1 lighter.
pub fn draw_comparison(
    canvas: &web_sys::HtmlCanvasElement,
    bars: &[ComparisonBar],
    def: Definition,
    t: &Strings,
    p: Palette,
    s: Scale,
) -> Result<(), String> {
    let px = |v: f64| s.px(v);
    let font = |size: f64| s.font(size, &p);
    let root = root(canvas, &p)?;
    let mut themes: Vec<(String, String)> = Vec::new();
    for b in bars {
        if !themes.iter().any(|t| t.0 == b.theme) {
            themes.push((b.theme.clone(), b.theme_name.clone()));
        }
    }
    let n = themes.len().max(1) as f64;
    let top = bars
        .iter()
        .flat_map(|b| [b.paper, b.imported])
        .flatten()
        .filter(|v| v.is_finite())
        .fold(10.0, f64::max)
        * 1.12;
    let mut chart = ChartBuilder::on(&root)
        .margin(px(12.0))
        .margin_top(px(52.0))
        .x_label_area_size(px(34.0))
        .y_label_area_size(px(48.0))
        .build_cartesian_2d(0.0..n, 0.0..top)
        .map_err(err)?;
    themed(
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_label_formatter(&|y| tick(*y))
            .y_desc(t.c_axis_coverage),
        &p,
        s,
        12.0,
    )
    .draw()
    .map_err(err)?;
    let shade = |b: &ComparisonBar| {
        let c = p.group(b.group);
        if b.time == Time::T1 {
            c.mix(0.45)
        } else {
            c.mix(1.0)
        }
    };
    let slot = 0.84 / 4.0;
    let w = slot * 0.42;
    let label_style = font(11.0).pos(Pos::new(HPos::Center, VPos::Top));
    for (ti, (id, name)) in themes.iter().enumerate() {
        let (lx, ly) = chart.backend_coord(&(ti as f64 + 0.5, 0.0));
        root.draw_text(name, &label_style, (lx, ly + px(8.0) as i32)).map_err(err)?;
        for (k, b) in bars.iter().filter(|b| &b.theme == id).enumerate() {
            let x0 = ti as f64 + 0.08 + k as f64 * slot;
            let c = p.group(b.group);
            match b.paper {
                Some(v) => {
                    chart
                        .draw_series([Rectangle::new([(x0, 0.0), (x0 + w, v)], shade(b).filled())])
                        .map_err(err)?;
                }
                None => {
                    chart
                        .draw_series([Rectangle::new(
                            [(x0, 0.0), (x0 + w, top * 0.2)],
                            c.stroke_width(px(1.5)),
                        )])
                        .map_err(err)?;
                }
            }
            if let Some(v) = b.imported {
                let (ax, ay) = chart.backend_coord(&(x0 + w * 1.08, v));
                let (bx, by) = chart.backend_coord(&(x0 + w * 2.08, 0.0));
                let ay = ay.min(by - px(2.0) as i32);
                root.draw(&Rectangle::new([(ax, ay), (bx, by)], c.stroke_width(px(1.0))))
                    .map_err(err)?;
                let step = px(4.0) as usize;
                for y in (ay..=by).rev().step_by(step.max(2)) {
                    root.draw(&PathElement::new(
                        vec![(ax, y), (bx, y)],
                        shade(b).stroke_width(px(1.5)),
                    ))
                    .map_err(err)?;
                }
            }
        }
    }
    // A direct legend above the plot.
    let (sw, sh) = (px(14.0) as i32, px(10.0) as i32);
    let gap = px(6.0) as i32;
    let legend_font = font(11.0).pos(Pos::new(HPos::Left, VPos::Center));
    // plotters measures text with a styled <span>, which the CSP forbids: estimate instead
    // (0.6 em a character at 11 px is generous for the system sans-serif).
    // A CJK character takes a full em.
    let text_width = |text: &str| {
        (text.chars().map(|c| if c.is_ascii() { 0.6 } else { 1.0 }).sum::<f64>() * 11.0 * s.0)
            .round() as i32
    };
    let mut x = px(12.0) as i32;
    let row1 = px(14.0) as i32;
    for (label, colour) in [("Service", p.service), ("Development", p.development)] {
        for mix in [0.45, 1.0] {
            root.draw(&Rectangle::new(
                [(x, row1 - sh / 2), (x + sw, row1 + sh / 2)],
                colour.mix(mix).filled(),
            ))
            .map_err(err)?;
            x += sw + 2;
        }
        let text = fill(t.c_legend_group, &[("group", label)]);
        root.draw_text(&text, &legend_font, (x + gap / 2, row1)).map_err(err)?;
        x += text_width(&text) + gap * 3;
    }
    let row2 = row1 + px(20.0) as i32;
    let mut x = px(12.0) as i32;
    let items: [(&str, u8); 3] = [(t.c_legend_paper, 0), ("", 1), (t.c_legend_not_reported, 2)];
    for (label, kind) in items {
        let r = [(x, row2 - sh / 2), (x + sw, row2 + sh / 2)];
        match kind {
            0 => root.draw(&Rectangle::new(r, p.neutral.filled())).map_err(err)?,
            1 => {
                root.draw(&Rectangle::new(r, p.neutral.stroke_width(px(1.0)))).map_err(err)?;
                for y in ((row2 - sh / 2)..=(row2 + sh / 2)).step_by((px(4.0) as usize).max(2)) {
                    root.draw(&PathElement::new(
                        vec![(x, y), (x + sw, y)],
                        p.neutral.stroke_width(px(1.5)),
                    ))
                    .map_err(err)?;
                }
            }
            _ => root.draw(&Rectangle::new(r, p.neutral.stroke_width(px(1.5)))).map_err(err)?,
        }
        let text = if kind == 1 {
            fill(t.c_legend_imported, &[("definition", def.label(t))])
        } else {
            label.to_string()
        };
        root.draw_text(&text, &legend_font, (x + sw + gap, row2)).map_err(err)?;
        x += sw + gap + text_width(&text) + gap * 3;
    }
    root.present().map_err(err)
}
