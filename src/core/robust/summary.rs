//! A plain-language summary of the robustness analyses: a few short sentences for the page.
//!
//! The sentences say, in order: what the design's own t-test gives at α; which of the
//! alternative tests (Welch, the rank test, the permutation test) reach the same
//! conclusion at α and which do not; the standardized effect with its interval; the
//! Bayes factor with its verbal label and its range over prior scales; whether the
//! assumption checks flag anything; which single informant moves t most and whether
//! removing any one informant changes the conclusion; how the conclusion behaves over
//! the discount factors (when given); and a closing caveat.
//!
//! **Never overclaim.** "Agree" means "reaches the same side of α", nothing more. The
//! closing sentence always says that these are reanalyses of the same informants from one
//! company, and recalls that the authors themselves describe their design as able to
//! present only anecdotal evidence (footnote 2). An analysis that could not be computed
//! is named with its reason rather than dropped silently.

use crate::core::apa;
use crate::core::format::fixed;
use crate::core::robust::bayes::{describe, BayesFactor, R_MEDIUM};
use crate::core::robust::effect::EffectKind;
use crate::core::robust::report::Robustness;
use crate::core::robust::sensitivity::SensitivityRow;
use crate::core::selection::Design;
use crate::core::stats::TTestKind;

/// The significance level the summary uses unless told otherwise.
pub const ALPHA: f64 = 0.05;

/// α without a leading zero (".05").
fn alpha_text(alpha: f64) -> String {
    apa::no_leading_zero(alpha, 2)
}

/// A Bayes factor with sensible precision.
fn bf_text(bf: f64) -> String {
    if bf >= 100.0 {
        fixed(bf, 0)
    } else if bf >= 10.0 {
        fixed(bf, 1)
    } else if bf >= 0.01 {
        fixed(bf, 2)
    } else {
        format!("{bf:.1e}")
    }
}

/// "A, B and C".
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

/// The sentences, in reading order.
pub fn summarize(r: &Robustness, sensitivity: Option<&[SensitivityRow]>, alpha: f64) -> Vec<String> {
    let mut out = Vec::new();
    let a = alpha_text(alpha);
    let sig = r.primary.p < alpha;
    let side = |p: f64| if p < alpha { "significant" } else { "not significant" };

    // 1. The design's own test.
    let name = match (r.design, r.primary.kind) {
        (Design::DiffInDiff, _) => "The paper's test (Student's t on the T2 \u{2212} T1 differences)",
        (_, TTestKind::Paired) => "The paired t-test",
        _ => "Student's t-test",
    };
    out.push(format!("{name} gives {}: {} at \u{3b1} = {a}.", apa::t_test(&r.primary), side(r.primary.p)));

    // 2. Agreement of the alternative tests.
    let mut agree = Vec::new();
    let mut disagree = Vec::new();
    let mut undefined = Vec::new();
    let mut consider = |label: String, note: Option<&str>, p: Result<f64, String>| {
        let detail = |x: String| match note {
            Some(n) => format!("{label} ({n}, {x})"),
            None => format!("{label} ({x})"),
        };
        match p {
            Ok(p) if (p < alpha) == sig => agree.push(detail(apa::p_value(p))),
            Ok(p) => disagree.push(detail(apa::p_value(p))),
            Err(e) => undefined.push(format!("{label}: {e}")),
        }
    };
    if let Some(w) = &r.welch {
        consider("Welch's t-test".to_string(), None, w.as_ref().map(|t| t.p).map_err(|e| e.to_string()));
    }
    match &r.rank {
        Ok(t) => consider(format!("the {}", t.name()), Some(t.method().label()), Ok(t.p())),
        Err(e) => consider("the rank test".to_string(), None, Err(e.to_string())),
    }
    match &r.permutation {
        Ok(p) => consider(format!("the {} permutation test", if p.exact { "exact" } else { "Monte Carlo" }), None, Ok(p.p_two_sided)),
        Err(e) => consider("the permutation test".to_string(), None, Err(e.to_string())),
    }
    if !agree.is_empty() {
        out.push(format!("At \u{3b1} = {a}, {} {} the same conclusion.", join(&agree), if agree.len() == 1 { "reaches" } else { "reach" }));
    }
    if !disagree.is_empty() {
        out.push(format!("{} {} not reach it, so the conclusion depends on the method.", capitalize(&join(&disagree)), if disagree.len() == 1 { "does" } else { "do" }));
    }
    if !undefined.is_empty() {
        out.push(format!("Not computed: {}.", undefined.join("; ")));
    }

    // 3. Effect size.
    if let Ok(e) = &r.effect {
        let symbol = e.kind.symbol();
        let sizes = if e.n1 == e.n2 && matches!(r.design, Design::Paired(_)) { format!("{} informants", e.n1) } else { format!("{} and {} informants", e.n1, e.n2) };
        let zero = if e.ci_d.0 <= 0.0 && e.ci_d.1 >= 0.0 { " The interval includes zero." } else { "" };
        let g_name = match e.kind {
            EffectKind::CohensD => "Hedges' g",
            EffectKind::PairedDz => "bias-corrected g_z",
        };
        out.push(format!(
            "The standardized difference is {symbol} = {} (95 % CI {} to {}; {g_name} = {}). With {sizes} the interval is wide.{zero}",
            fixed(e.d, 2),
            fixed(e.ci_d.0, 2),
            fixed(e.ci_d.1, 2),
            fixed(e.g, 2)
        ));
    }

    // 4. Bayes factor.
    let bfs: Vec<&BayesFactor> = r.bayes.iter().filter_map(|b| b.as_ref().ok()).collect();
    if let Some(main) = bfs.iter().find(|b| (b.r - R_MEDIUM).abs() < 1e-12).or(bfs.first()) {
        let mut s = format!("The JZS Bayes factor (prior scale r = {}) is BF\u{2081}\u{2080} = {}: {} by Lee and Wagenmakers' labels.", fixed(main.r, 3), bf_text(main.bf10), describe(main.bf10));
        if bfs.len() > 1 {
            let lo = bfs.iter().map(|b| b.bf10).fold(f64::INFINITY, f64::min);
            let hi = bfs.iter().map(|b| b.bf10).fold(f64::NEG_INFINITY, f64::max);
            s.push_str(&format!(" Over the prior scales shown it ranges from {} to {}.", bf_text(lo), bf_text(hi)));
        }
        out.push(s);
    }

    // 5. Assumption checks.
    let non_normal: Vec<String> = r
        .normality
        .iter()
        .filter_map(|n| n.result.as_ref().ok().filter(|s| s.p < alpha).map(|s| format!("{} (W = {}, {})", n.label, apa::no_leading_zero(s.w, 2), apa::p_value(s.p))))
        .collect();
    let unequal = r.levene_mean.as_ref().and_then(|l| l.as_ref().ok()).filter(|l| l.p < alpha);
    if !non_normal.is_empty() {
        out.push(format!("Shapiro\u{2013}Wilk suggests {} may not be normally distributed; the rank and permutation tests do not assume normality.", join(&non_normal)));
    }
    if let Some(l) = unequal {
        out.push(format!("Levene's test suggests unequal variances ({}); Welch's test allows for them.", apa::p_value(l.p)));
    }
    if non_normal.is_empty() && unequal.is_none() {
        let checks = if r.levene_mean.is_some() { "Neither Shapiro\u{2013}Wilk nor Levene's test flags a problem" } else { "Shapiro\u{2013}Wilk does not flag a problem" };
        out.push(format!("{checks}, but with groups this small such checks can easily miss one."));
    }

    // 6. Influence.
    if let Ok(inf) = &r.influence {
        let (lo, hi, top) = (&inf.rows[inf.min_t], &inf.rows[inf.max_t], inf.most_influential_row());
        out.push(format!(
            "Leaving out one informant at a time, t ranges from {} (without {}) to {} (without {}); {} moves it most (\u{394}t = {}).",
            fixed(lo.t, 2),
            lo.informant,
            fixed(hi.t, 2),
            hi.informant,
            top.informant,
            fixed(top.delta_t, 2)
        ));
        let would_be = |p: f64| {
            let text = apa::p_value(p);
            text.strip_prefix("p = ").or_else(|| text.strip_prefix("p ")).unwrap_or(&text).to_string()
        };
        let crossing: Vec<String> = inf.crossing(alpha).map(|x| format!("{} (p would be {})", x.informant, would_be(x.p))).collect();
        match crossing.as_slice() {
            [] => out.push(format!("No single informant's removal changes the conclusion at \u{3b1} = {a}.")),
            [one] => out.push(format!("Removing only {one} would change the conclusion at \u{3b1} = {a}: it depends on a single informant.")),
            [init @ .., last] => out.push(format!(
                "Removing any one of {} or {last} would change the conclusion at \u{3b1} = {a}: it depends on single informants.",
                init.join(", ")
            )),
        }
    }

    // 7. Discount sensitivity.
    if let Some(rows) = sensitivity.filter(|s| !s.is_empty()) {
        let lo = rows.iter().map(|x| x.factor).fold(f64::INFINITY, f64::min);
        let hi = rows.iter().map(|x| x.factor).fold(f64::NEG_INFINITY, f64::max);
        let changed: Vec<String> = rows.iter().filter(|x| (x.p < alpha) != sig).map(|x| format!("{} ({})", fixed(x.factor, 2), apa::p_value(x.p))).collect();
        let max_p = rows.iter().map(|x| x.p).fold(0.0, f64::max);
        if changed.is_empty() {
            out.push(format!(
                "For every discount factor from {} to {} (1.00 = T2 as originally paid), the conclusion is the same (largest {}).",
                fixed(lo, 2),
                fixed(hi, 2),
                apa::p_value(max_p)
            ));
        } else {
            out.push(format!("The conclusion changes with the discount factor: at {} it is {}.", join(&changed), if sig { "no longer significant" } else { "significant" }));
        }
        if let Some(none) = rows.iter().find(|x| x.factor == 1.0) {
            out.push(format!("Without any discount (factor 1.00), t = {}, {}.", fixed(none.t, 2), apa::p_value(none.p)));
        }
    }

    // 8. The caveat.
    let n = r.primary.a.n + if matches!(r.design, Design::Paired(_)) { 0 } else { r.primary.b.n };
    out.push(format!(
        "All of these reanalyse the same {n} informants from one company: agreement shows the result does not hinge on the t-test's assumptions, not that it generalizes. The authors themselves say their design can present only anecdotal evidence (footnote 2)."
    ));
    out
}

/// Upper-cases the first letter. The phrases are this module's own labels ("Welch's
/// t-test", "the exact permutation test", ...), which start with an ASCII letter, so ASCII
/// case mapping gives the same text as `char::to_uppercase` while keeping the Unicode
/// upper-case table (about 10 KB gzip) out of the wasm.
fn capitalize(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}
