//! The frame every chart is shown in. [`ChartFrame`] sizes the canvas to its container (times `devicePixelRatio` for sharp
//! high-DPI output), redraws when its inputs or its width change (observers, see
//! [`crate::ui::measure`]) while it is on screen or near it, draws a chart far off screen
//! when the reader scrolls to it, gives the
//! canvas `role="img"` with an `aria-label` summary, and offers a PNG download. The data
//! table with the same numbers is passed in as children.
//!
//! Language: the frame's own words follow the UI language in context
//! ([`crate::ui::lang::UiLang`], English without one), and it redraws when the language
//! changes. The frame reads nothing else from context, so the page and the workshop module
//! both use it.

use crate::ui::charts::{DrawResult, Palette, Scale};
use crate::ui::lang::use_ui_lang;
use crate::ui::measure::{observe_near_view, observe_width};
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use study_core::text::i18n::Lang;

/// A chart on a canvas, with its text alternative, PNG download and data table.
///
/// Generic only in `draw`, which it boxes for one non-generic body (`chart_frame`): one
/// of the UI's size trades, see [the `ui` module](crate::ui#size-trades).
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
    /// CSS height in pixels; style/main.css has a rule `.h-{height}` for each height used
    /// (`tests/architecture.rs` checks).
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

/// The body of [`ChartFrame`], not generic: only the drawing differs between charts
/// ([size trades](crate::ui#size-trades)).
fn chart_frame(
    id: &'static str,
    title: TextProp,
    summary: Signal<String>,
    height: u32,
    draw: Draw,
    children: Children,
) -> AnyView {
    let canvas_ref: NodeRef<Canvas> = NodeRef::new();
    let lang = use_ui_lang();
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
    // The canvas has its height from the start (the class `h-{height}`, a rule of
    // style/main.css, since the CSP forbids style attributes in the prerendered page), so
    // drawing it later does not move the page.
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
                <canvas id=id node_ref=canvas_ref role="img" aria-label=move || summary.get() class=format!("h-{height}")></canvas>
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
