// Browser benchmarks of the release build (dist/) in headless Chromium on loopback:
//  - startup: navigation → first contentful paint (the prerendered article), →
//    interactive (the app has taken over: `<html data-app="ready">`; the prerendered
//    controls exist from the start, but disabled) and → complete (every section built,
//    `#main` no longer aria-busy), median of RUNS fresh page loads, in the page's own clock;
//  - recompute: one toggle → finished DOM and canvas update (all effects flushed),
//    median and p95 over TOGGLES toggles, measured in the page with performance.now(),
//    with the page at the top (charts far off screen are drawn when scrolled to, see
//    ui::measure), with the salary charts in view and with the robustness charts in view.
// Usage: node scripts/bench-browser.mjs [runs=15] [toggles=240]
import { serve, launch, until, watchedPage } from '../e2e/harness.js';

const RUNS = Number(process.argv[2] || 15);
const TOGGLES = Number(process.argv[3] || 240);
const pct = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]; };

const server = await serve();
const browser = await launch();
const rows = [];
try {
  const fcp = [], interactive = [], complete = [];
  for (let i = 0; i < RUNS; i++) {
    const { page, context } = await watchedPage(browser, server.origin);
    // Injected through the DevTools protocol, so the page's CSP does not apply to it.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.documentElement.dataset.app === 'ready') {
          window.__interactive ??= performance.now();
        }
        if (document.querySelector('#main[aria-busy=false]')) {
          window.__complete = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'data-app'] });
    });
    const cdp = await context.newCDPSession(page);
    await page.goto(server.base, { waitUntil: 'commit' });
    await until(cdp, 'window.__complete !== undefined', { timeout: 30000 });
    const t = await page.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, interactive: window.__interactive, complete: window.__complete }));
    fcp.push(t.fcp); interactive.push(t.interactive); complete.push(t.complete);
    await context.close();
  }
  rows.push(['startup: first contentful paint (ms)', pct(fcp, 0.5), pct(fcp, 0.95), RUNS]);
  rows.push(['startup: interactive (ms)', pct(interactive, 0.5), pct(interactive, 0.95), RUNS]);
  rows.push(['startup: every section built (ms)', pct(complete, 0.5), pct(complete, 0.95), RUNS]);

  for (const [where, anchor] of [['page at the top', null], ['salary charts in view', '#salaries'], ['robustness charts in view', '#chart-permutation']]) {
    const { page, context } = await watchedPage(browser, server.origin);
    await page.goto(server.base);
    await page.waitForSelector('#main[aria-busy=false]');
    if (anchor) await page.$eval(anchor, (el) => el.scrollIntoView({ block: 'start' }));
    const times = await page.evaluate(async (n) => {
      const boxes = ['input[name=groups][value=development]', 'input[name=salary][value=monthly]', 'input[name=salary][value=quarterly]', 'input[name=discount]', 'input[name=times][value=t1]'];
      const out = [];
      const settle = () => new Promise((r) => setTimeout(r, 0));
      // Let the observers report and the charts in view draw before timing.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      for (let i = 0; i < n; i++) {
        const el = document.querySelector(boxes[i % boxes.length]);
        const t0 = performance.now();
        el.click();
        await settle(); // every microtask (Leptos effects: DOM and canvas) has run
        out.push(performance.now() - t0);
      }
      return out;
    }, TOGGLES);
    rows.push([`recompute: toggle → DOM + canvas, ${where} (ms)`, pct(times, 0.5), pct(times, 0.95), TOGGLES]);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('| measure | median | p95 | n |\n|---|---:|---:|---:|');
for (const [name, med, p95, n] of rows) console.log(`| ${name} | ${med.toFixed(2)} | ${p95.toFixed(2)} | ${n} |`);
