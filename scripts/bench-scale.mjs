// Browser benchmark at scale (release build, headless Chromium, loopback): the page loaded
// with ?scale=N (a synthetic study of N informants per group, 2N in all), for BENCHMARKS.md.
//
// Method, per fresh page load (RUNS of them), all in the page's own clock (performance.now(),
// 0 = navigation start), recorded by an init script injected through the DevTools protocol
// (so the page's CSP does not apply to it). The page opens on the prerendered article (the
// paper's default view), which the app replaces section by section after it is ready; only
// the live page counts, so `#robustness` is matched only once it is not the prerendered copy
// (any `#robustness` before `data-app="ready"` is one):
//  - ready: `data-app="ready"` (loading the wasm, generating the study, selecting, the
//    t-tests and the mount of the header and the controls);
//  - first render: the app has taken over with the synthetic study (`#scale-banner`) and
//    built every section (`#main` no longer `aria-busy`);
//  - robustness shown: the live #robustness lists Welch's test (every analysis except the
//    Monte Carlo test, computed in the task after the mount) and the sliced run has begun;
//  - permutation result: the live #permutation-method says "Monte Carlo" (all resamples done);
//  - longest main-thread task (PerformanceObserver 'longtask', tasks ≥ 50 ms) before the app
//    is ready (the wasm, generating the study, the mount), while the sections are built
//    (the robustness analyses are one of those tasks), and during the sliced run once every
//    section is built, until the result: the last is the "does the page freeze" figure
//    (slices are ≤ 20 ms of work; a task above 50 ms there is the final render, or other
//    load);
//  - during the run: a Bayes prior-scale click → the Bayes table marks the new prior (the
//    page answers input while the test runs; that control does not restart the run).
// Then, once per load: a discount toggle at scale → the salary descriptives updated (20,000
// salary points, t-tests, every section but #robustness re-rendered), and → #robustness
// shows the new analyses with the restarted run's progress (the next task).
// Usage: DIST_DIR=dist node scripts/bench-scale.mjs [runs=3] [per-group=10000]
import { serve, launch, watchedPage } from '../e2e/harness.js';

const RUNS = Math.max(1, Number(process.argv[2] || 3));
const N = Number(process.argv[3] || 10000);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

const server = await serve();
const browser = await launch();
const results = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const { page, context, problems } = await watchedPage(browser, server.origin);
    await page.addInitScript(() => {
      const m = (window.__scale = { longtasks: [] });
      new PerformanceObserver((list) => { for (const e of list.getEntries()) m.longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
      let copy = null;
      const live = (selector) => {
        const section = document.getElementById('robustness');
        return section && section !== copy ? section.querySelector(selector) : null;
      };
      new MutationObserver(() => {
        const now = performance.now();
        const ready = document.documentElement.dataset.app === 'ready';
        if (!ready) copy ??= document.getElementById('robustness');
        if (ready) m.ready ??= now;
        if (m.rendered === undefined && ready && document.querySelector('#scale-banner') && document.querySelector('#main[aria-busy=false]')) m.rendered = now;
        if (m.progress === undefined && /Welch/.test(live('#robustness-tests')?.textContent || '')) m.progress = now;
        if (m.result === undefined && /Monte Carlo/.test(live('#permutation-method')?.textContent || '')) m.result = now;
      }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-app', 'aria-busy'] });
    });
    await page.goto(`${server.base}?scale=${N}`);
    await page.waitForFunction(() => window.__scale.rendered !== undefined && (window.__scale.progress !== undefined || window.__scale.result !== undefined), null, { timeout: 120000 });
    // While the test runs: one click that must be answered promptly.
    const click = await page.evaluate(async () => {
      const radio = [...document.querySelectorAll('input[name=bayes-prior]')].find((r) => !r.checked);
      const chosen = () => document.querySelector('#bayes-table tbody tr.chosen th')?.textContent;
      const before = chosen();
      const t0 = performance.now();
      radio.click();
      while (chosen() === before) await new Promise((r) => setTimeout(r, 0));
      return { ms: performance.now() - t0, running: !!document.querySelector('#permutation-progress-bar') };
    });
    await page.waitForFunction(() => window.__scale.result !== undefined, null, { timeout: 600000, polling: 200 });
    const m = await page.evaluate(() => window.__scale);
    const longest = (from, to) => Math.max(0, ...m.longtasks.filter(([s]) => s >= from && s < to).map(([, d]) => d));
    const r = {
      ready: m.ready,
      rendered: m.rendered,
      progress: m.progress,
      result: m.result,
      loadTask: longest(0, m.ready),
      buildTask: longest(m.ready, m.rendered),
      runTask: longest(Math.max(m.progress, m.rendered), m.result),
      click: click.ms,
      clickDuringRun: click.running,
    };
    // A discount toggle at scale: until the restarted run's progress shows again.
    const toggle = await page.evaluate(async () => {
      const tests = () => document.querySelector('#robustness-tests')?.textContent;
      const salaries = () => document.querySelector('#salary-descriptives')?.textContent;
      const [t, s] = [tests(), salaries()];
      const t0 = performance.now();
      document.querySelector('input[name=discount]').click();
      let page, section;
      while (section === undefined) {
        await new Promise((res) => setTimeout(res, 0));
        if (page === undefined && salaries() !== s) page = performance.now() - t0;
        if (tests() !== t && document.querySelector('#permutation-progress-bar')) section = performance.now() - t0;
      }
      return { page, section };
    });
    r.toggle = toggle.page;
    r.toggleSection = toggle.section;
    if (problems.console.length || problems.pageErrors.length) throw new Error(`page problems: ${JSON.stringify(problems)}`);
    results.push(r);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : '—');
const col = (k) => results.map((r) => r[k]);
console.log(`Scale: ?scale=${N} (${(2 * N).toLocaleString('en-US')} informants), ${RUNS} fresh load(s); ms in the page's clock from navigation start`);
console.log('| measure | median | min | max |\n|---|---:|---:|---:|');
for (const [name, k] of [
  ['`data-app="ready"` (wasm, generating the study, selecting, t-tests, the mount)', 'ready'],
  ['#robustness analyses shown (all but the Monte Carlo test), slices begin', 'progress'],
  ['first render: every section built', 'rendered'],
  ['permutation result shown (100,000 resamples done)', 'result'],
  ['Monte Carlo run: result − robustness shown', null],
  ['longest main-thread task before `data-app="ready"` (wasm, generating the study, the mount)', 'loadTask'],
  ['longest main-thread task while the sections are built (the #robustness analyses among them)', 'buildTask'],
  ['longest main-thread task during the sliced run (longtask ≥ 50 ms; 0 = none)', 'runTask'],
  ['a click during the run → DOM updated', 'click'],
  ['discount toggle at scale → salaries and test updated', 'toggle'],
  ['discount toggle at scale → #robustness analyses updated, run restarted', 'toggleSection'],
]) {
  const xs = k ? col(k) : results.map((r) => r.result - r.progress);
  console.log(`| ${name} | ${f(median(xs))} | ${f(Math.min(...xs))} | ${f(Math.max(...xs))} |`);
}
if (results.some((r) => !r.clickDuringRun)) console.log('(the click landed after the run had finished in some loads)');
