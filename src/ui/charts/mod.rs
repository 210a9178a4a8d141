//! Charts drawn with plotters on a canvas. Each chart gets numbers already computed by
//! `core::view`; the functions here only project them onto pixels.
//!
//! [`ChartFrame`] sizes the canvas to its container (times `devicePixelRatio` for sharp
//! high-DPI output), redraws when its inputs or its width change (observers, see
//! [`crate::ui::measure`]) while it is on screen or near it, draws a chart far off screen
//! when the reader scrolls to it, gives the
//! canvas `role="img"` with an `aria-label` summary, and offers a PNG download. The data
//! table with the same numbers is passed in as children.
//!
//! Language: the frame's own words follow the UI language of the [`AppState`] in context
//! (English without one), and it redraws when the language changes; drawing functions
//! find the language's table in [`Palette::t`] for the words they put on the canvas.

pub mod robustness;

use crate::ui::measure::{observe_near_view, observe_width};
use crate::ui::state::AppState;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::chart::MeshStyle;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use study_core::study::{Group, Time};
use study_core::text::format::rmb;
use study_core::text::i18n::{Lang, Strings};
use study_core::view::analysis::{CoverageBar, SeriesSummary, Slope, TDistChart};

/// Colours for the current theme (Okabe–Ito; see DESIGN.md), and the UI language's
/// strings for the words drawn on the canvas (axis titles, labels).
#[derive(Clone, Copy)]
pub struct Palette {
    pub bg: RGBColor,
    pub fg: RGBColor,
    pub grid: RGBColor,
    pub neutral: RGBColor,
    pub service: RGBColor,
    pub development: RGBColor,
    /// The UI language's string table.
    pub t: &'static Strings,
}

impl Palette {
    /// Light or dark, from `prefers-color-scheme`, with the strings of `lang`.
    pub fn current(lang: Lang) -> Palette {
        // One MediaQueryList for the page (matchMedia parses the query each call); its
        // `matches` follows a change of the system theme.
        thread_local! {
            static DARK: Option<web_sys::MediaQueryList> =
                web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
        }
        let dark = DARK.with(|q| q.as_ref().is_some_and(|q| q.matches()));
        let t = lang.strings();
        if dark {
            Palette {
                bg: RGBColor(13, 17, 23),
                fg: RGBColor(230, 237, 243),
                grid: RGBColor(48, 54, 61),
                neutral: RGBColor(139, 148, 158),
                service: RGBColor(86, 180, 233),
                development: RGBColor(230, 159, 0),
                t,
            }
        } else {
            Palette {
                bg: RGBColor(255, 255, 255),
                fg: RGBColor(27, 31, 36),
                grid: RGBColor(216, 222, 228),
                neutral: RGBColor(110, 119, 129),
                service: RGBColor(0, 114, 178),
                development: RGBColor(230, 159, 0),
                t,
            }
        }
    }

    /// The colour of a group.
    pub fn group(&self, g: Group) -> RGBColor {
        match g {
            Group::Service => self.service,
            Group::Development => self.development,
        }
    }
}

/// Scale for fonts and strokes: the canvas is drawn in device pixels.
#[derive(Clone, Copy)]
pub struct Scale(pub f64);

impl Scale {
    /// `v` CSS pixels in device pixels (at least one).
    pub fn px(self, v: f64) -> u32 {
        (v * self.0).round().max(1.0) as u32
    }
    /// The chart font at `size` CSS pixels, in the theme's foreground colour.
    pub fn font(self, size: f64, p: &Palette) -> TextStyle<'static> {
        ("sans-serif", size * self.0).into_font().color(&p.fg)
    }
}

/// What every drawing function returns: `Err` carries a message for the chart frame.
pub type DrawResult = Result<(), String>;

/// A plotters error as the message the chart frame shows.
pub fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// The canvas as a plotters drawing area, filled with the theme's background.
pub fn root(
    canvas: &web_sys::HtmlCanvasElement,
    p: &Palette,
) -> Result<DrawingArea<CanvasBackend, Shift>, String> {
    let area = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| "no 2D canvas context".to_string())?
        .into_drawing_area();
    area.fill(&p.bg).map_err(err)?;
    Ok(area)
}

/// The theme's mesh: label and axis-title fonts (labels at `label_size` CSS pixels), light
/// and bold grid lines, and neutral axes. Callers add their labels and descriptions.
pub fn themed<'m, 'a, 'b, X: Ranged, Y: Ranged, DB: DrawingBackend>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
    p: &Palette,
    s: Scale,
    label_size: f64,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB> {
    mesh.label_style(s.font(label_size, p))
        .axis_desc_style(s.font(12.0, p))
        .light_line_style(p.grid.mix(0.4))
        .bold_line_style(p.grid)
        .axis_style(p.neutral)
}

/// An RMB tick label without the cents (`24,000`).
pub fn rmb_tick(x: f64) -> String {
    rmb(x).trim_end_matches(".00").to_string()
}

/// A chart on a canvas, with its text alternative, PNG download and data table.
#[component]
pub fn ChartFrame<D>(
    /// DOM id of the canvas (also the PNG file name).
    id: &'static str,
    /// The chart's title: one idea per chart (a literal, or a closure that follows the UI
    /// language).
    #[prop(into)]
    title: TextProp,
    /// The text alternative (becomes `aria-label` and is shown under the chart).
    #[prop(into)]
    summary: Signal<String>,
    /// CSS height in pixels.
    #[prop(default = 320)]
    height: u32,
    /// Draws the chart; re-run whenever the signals it reads change.
    draw: D,
    children: Children,
) -> impl IntoView
where
    D: Fn(&web_sys::HtmlCanvasElement, Palette, Scale) -> DrawResult + Send + Sync + 'static,
{
    chart_frame(id, title, summary, height, Box::new(draw), children)
}

/// A chart's drawing function, boxed so the frame is compiled once for every chart.
type Draw = Box<dyn Fn(&web_sys::HtmlCanvasElement, Palette, Scale) -> DrawResult + Send + Sync>;

/// The body of [`ChartFrame`], not generic: only the drawing differs between charts.
fn chart_frame(
    id: &'static str,
    title: TextProp,
    summary: Signal<String>,
    height: u32,
    draw: Draw,
    children: Children,
) -> AnyView {
    let canvas_ref: NodeRef<Canvas> = NodeRef::new();
    let lang = use_context::<AppState>().map(|s| s.lang);
    let t = move || lang.map(|l| l.get()).unwrap_or_default().strings();
    let wrap: NodeRef<Div> = NodeRef::new();
    // The wrapper's width and whether it is near the viewport, both reported after layout
    // (never read from the DOM while drawing).
    let width = observe_width(wrap);
    let near = observe_near_view(wrap);
    let failure = RwSignal::new(None::<String>);
    let draw = StoredValue::new(draw);
    // Sizes the canvas to `css_w` CSS pixels (times the device pixel ratio) and draws.
    let paint = move |canvas: &web_sys::HtmlCanvasElement, css_w: f64, lang: Lang| {
        let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 4.0);
        let css_w = css_w.round().clamp(240.0, 1400.0);
        canvas.set_width((css_w * dpr) as u32);
        canvas.set_height((height as f64 * dpr) as u32);
        failure.set(draw.with_value(|d| d(canvas, Palette::current(lang), Scale(dpr))).err());
    };
    // The canvas has its height from the start (style:height, set through the CSSOM, which
    // the CSP allows), so drawing it later does not move the page.
    // Drawn while on screen or near it; a chart far off screen is drawn (with the numbers
    // of the moment) when it comes near, so a toggle redraws only what can be seen.
    Effect::new(move |_| {
        if !near.get() {
            return;
        }
        let css_w = width.get();
        let lang = lang.map(|l| l.get()).unwrap_or_default();
        let Some(canvas) = canvas_ref.get() else { return };
        // Not laid out yet: the observer's first report draws the chart.
        if css_w <= 0.0 {
            return;
        }
        paint(&canvas, css_w, lang);
    });
    // Drawn afresh for the download, so a chart far off screen (not drawn yet, or drawn
    // for an earlier selection) downloads with the current numbers.
    let download = move |_| {
        let Some(canvas) = canvas_ref.get_untracked() else { return };
        let css_w = match width.get_untracked() {
            w if w > 0.0 => w,
            _ => canvas.parent_element().map(|p| p.client_width()).unwrap_or(640) as f64,
        };
        paint(&canvas, css_w, lang.map(|l| l.get_untracked()).unwrap_or_default());
        if let Ok(url) = canvas.to_data_url() {
            crate::ui::export::download_url(&url, &format!("{id}.png"));
        }
    };
    view! {
        <figure class="chart">
            <figcaption class="chart-title">{move || title.get()}</figcaption>
            <div class="canvas-wrap" node_ref=wrap>
                <canvas id=id node_ref=canvas_ref role="img" aria-label=move || summary.get() style:height=format!("{height}px")></canvas>
            </div>
            <p class="chart-summary">{move || summary.get()}</p>
            {move || failure.get().map(|f| view! { <p class="field-error">{t().a_chart_failed}" " {f}</p> })}
            <div class="chart-actions">
                <button type="button" on:click=download>{move || t().a_chart_png}</button>
            </div>
            <details class="chart-data">
                <summary>{move || t().a_chart_data}</summary>
                {children()}
            </details>
        </figure>
    }
    .into_any()
}

/// (lo, hi) of the finite values, padded by `pad` of the span; a unit span around a flat
/// series (flat relative to its magnitude), and (0, 1) when nothing is finite.
pub fn y_range(values: impl Iterator<Item = f64>, pad: f64) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    if hi - lo < 1e-9 * hi.abs().max(1.0) {
        return (lo - 1.0, hi + 1.0);
    }
    let p = (hi - lo) * pad;
    (lo - p, hi + p)
}

/// Slope chart: each informant's T1→T2 salary, coloured by group.
pub fn draw_slopes(
    canvas: &web_sys::HtmlCanvasElement,
    slopes: &[Slope],
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
            .y_desc(p.t.a_axis_salary),
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
    let labels: Vec<&'static str> = groups.iter().map(|g| g.label()).collect();
    themed(
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(groups.len().max(1))
            .x_label_formatter(&|x| {
                labels.get(x.round().max(0.0) as usize).copied().unwrap_or("").to_string()
            })
            .y_label_formatter(&|y| rmb_tick(*y))
            .y_desc(p.t.a_axis_change),
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
                    [(xm - 0.06, m.mean), (xm + 0.06, m.mean)],
                    p.fg.stroke_width(s.px(3.0)),
                ))
                .map_err(err)?;
        }
    }
    root.present().map_err(err)
}

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
        .draw_series([Text::new(format!("t = {:.2}", m.t), (m.t, top * 0.95), s.font(12.0, &p))])
        .map_err(err)?;
    root.present().map_err(err)
}

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
        chart.configure_mesh().disable_x_mesh().x_labels(0).y_desc(p.t.a_axis_coverage),
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
                            format!("{v:.2}"),
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
