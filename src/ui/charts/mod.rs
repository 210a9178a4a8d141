//! Charts drawn with plotters on a canvas. Each chart gets numbers already computed by
//! `core::view`; the functions here only project them onto pixels.
//!
//! This module holds what every chart shares: the theme ([`Palette`], [`Scale`]) and the
//! plotters helpers. [`frame::ChartFrame`] puts a chart on the page; the drawing functions
//! live in one module per section that draws them (`salaries`, `test`, `coverage`,
//! `robustness`; the workshop module's chart is `crate::workshop::chart`). Drawing
//! functions find the UI language's table in [`Palette::t`] for the words they put on the
//! canvas. Every numeric axis is labelled by the core's `text::format::tick` or `rmb_tick`,
//! never by plotters' default, so ticks have the text's minus sign and grouping.

pub mod coverage;
pub mod frame;
pub mod robustness;
pub mod salaries;
pub mod test;

use plotters::chart::MeshStyle;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use study_core::study::Group;
use study_core::text::i18n::{Lang, Strings};

/// Colours for the current theme (Okabe–Ito; see docs/design.md §Colour), and the UI language's
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
