// Shared e2e harness: a static server for dist/ on loopback and Debian's Chromium driven
// by playwright-core. Every page is watched for console errors, page errors and requests
// that leave the page's origin; tests assert those lists are empty.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import nodeAssert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.qdpx': 'application/zip',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const DIST = path.resolve(process.env.DIST_DIR || 'dist');

/** Serves `root` under `prefix` (e.g. "/" or "/study-explorer/") on 127.0.0.1. */
export async function serve({ root = DIST, prefix = '/', extra = {} } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (extra[url.pathname]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(extra[url.pathname]);
      return;
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not under the prefix');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, base: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Waits until `expression` (plain JavaScript, evaluated in the page) is true, polling
 * through the DevTools protocol every `interval` ms. Benchmarks of a load use this instead
 * of `page.waitForFunction`, which first injects Playwright's utility script into the page:
 * a task of 20–35 ms on the page's main thread (seen in a Chromium trace of a loopback
 * load), which lands in the middle of the parse or the mount that the benchmark times. */
export async function until(cdp, expression, { timeout = 60000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `Boolean(${expression})`, returnByValue: true });
    if (result.value === true) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Opens a page that records console errors, page errors and off-origin requests. */
export async function watchedPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = { console: [], pageErrors: [], offOrigin: [], requests: [], dialogs: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('dialog', (d) => { problems.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    problems.requests.push(u);
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.offOrigin.push(u);
  });
  return { context, page, problems };
}

/** Waits until the app has taken over the prerendered page (`<html data-app="ready">`)
 * and built every section (no `#main[aria-busy=true]`), so the reproducibility ledger is
 * the live one. */
export async function ready(page) {
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready'
    && !document.querySelector('#main[aria-busy=true]')
    && document.querySelector('#reproducibility table.ledger'), null, { timeout: 30000 });
}

// ---- Helpers shared by the explorer e2e tests -------------------------------------------

/** node:assert/strict, counting every assertion made (`assertionCount()`), so a test file
 * can report how many checks it ran. */
let assertions = 0;
export const assert = new Proxy(nodeAssert, {
  apply(target, thisArg, args) { assertions += 1; return Reflect.apply(target, thisArg, args); },
  get(target, key) {
    const v = Reflect.get(target, key);
    return typeof v === 'function' ? (...args) => { assertions += 1; return Reflect.apply(v, target, args); } : v;
  },
});
export function assertionCount() { return assertions; }

/** Asserts that the page logged no console error, threw nothing, opened no dialog and
 * requested nothing off its origin. */
export function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.console, [], 'console errors');
  assert.deepEqual(problems.offOrigin, [], 'requests off the page origin');
  assert.deepEqual(problems.dialogs, [], 'dialogs');
}

/** A watched page opened at `base` + `query` (e.g. "?salary=monthly") and mounted. */
export async function openApp(browser, server, query = '', options = {}) {
  const w = await watchedPage(browser, server.origin, options);
  await w.page.goto(server.base + query);
  await ready(w.page);
  return w;
}

/** Brings #workshop into view, so the page loads the workshop module (a wasm of its own,
 * fetched only when the reader gets there), and waits until the module has mounted its
 * tools: `data-workshop="ready"` on the section. Fails if the module could not be loaded. */
export async function openWorkshop(page) {
  const state = await page.waitForFunction(() => {
    const s = document.getElementById('workshop');
    if (!s) return false;
    if (s.dataset.workshop === 'ready' || s.dataset.workshop === 'failed') return s.dataset.workshop;
    const r = s.getBoundingClientRect();
    if (!(r.bottom > 0 && r.top < innerHeight)) s.scrollIntoView({ block: 'start' });
    return false;
  }, null, { timeout: 30000, polling: 100 });
  const shown = await state.jsonValue();
  if (shown !== 'ready') throw new Error(`the workshop module did not load: ${await page.textContent('#workshop-module-status')}`);
}

/** Scrolls chart `id` into view and waits until it is drawn (more than two colours in a
 * sample of its pixels): a chart far off screen is drawn when it comes near the viewport
 * (ui::measure), not before. */
export async function showChart(page, id) {
  // Sections far off screen are not laid out (content-visibility: auto), so the first
  // scroll can land on an estimate; scroll again until the chart is in the viewport.
  await page.waitForFunction((id) => {
    const c = document.getElementById(id);
    if (!c) return false;
    const r = c.getBoundingClientRect();
    if (r.bottom > 0 && r.top < innerHeight) return true;
    c.scrollIntoView({ block: 'center' });
    return false;
  }, id, { timeout: 5000, polling: 100 });
  await page.waitForFunction((id) => {
    const c = document.getElementById(id);
    if (!c || !c.width || !c.height) return false;
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return colours.size > 2;
  }, id, { timeout: 5000, polling: 20 });
}

/** The query string of the page's URL, without "?" (raw, not decoded). */
export function queryOf(page) {
  return new URL(page.url()).search.replace(/^\?/, '');
}

/** Text of an element, '' when it is absent. */
export async function textOf(page, selector) {
  return page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
}

/** Waits (up to `timeout` ms) until `textOf(selector)` equals `expected`; returns the text
 * last seen, so the caller asserts with a useful message rather than a timeout. */
export async function waitForText(page, selector, expected, timeout = 5000) {
  try {
    await page.waitForFunction(([s, e]) => (document.querySelector(s)?.textContent ?? null) === e, [selector, expected], { timeout, polling: 20 });
  } catch { /* fall through: the caller's assertion reports the difference */ }
  return textOf(page, selector);
}

/** Waits until the page's query string (raw, without "?") equals `expected`. */
export async function waitForQuery(page, expected, timeout = 5000) {
  try {
    await page.waitForFunction((e) => location.search.replace(/^\?/, '') === e, expected, { timeout, polling: 20 });
  } catch { /* reported by the caller */ }
  return queryOf(page);
}

/** The cells of a table's rows (th and td), as trimmed text; header rows included. */
export async function tableCells(page, selector, { body = false } = {}) {
  return page.$$eval(`${selector} ${body ? 'tbody ' : ''}tr`, (rows) => rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent.trim())));
}

/** The state of every control in #controls. */
export async function controlState(page) {
  return page.evaluate(() => {
    const q = (s) => [...document.querySelectorAll(s)];
    return {
      groups: q('input[name=groups]').filter((i) => i.checked).map((i) => i.value),
      times: q('input[name=times]').filter((i) => i.checked).map((i) => i.value),
      salary: q('input[name=salary]').filter((i) => i.checked).map((i) => i.value).join(','),
      discount: document.querySelector('input[name=discount]').checked,
      totals: Object.fromEntries(['salary2016', 'revenue2016', 'salary2017', 'revenue2017'].map((k) => [k, document.getElementById(`total-${k}`).value])),
    };
  });
}

/** The SciPy reference states written by e2e/reference_states.py. */
export function referenceStates() {
  const file = new URL('./reference_states.json', import.meta.url);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  return Object.fromEntries(doc.states.map((s) => [s.name, s]));
}

/** Whether `actual` is the expected display (a string, or a list of equally correct ones). */
export function accepts(expected, actual) {
  return Array.isArray(expected) ? expected.includes(actual) : expected === actual;
}

function assertCells(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: ${actual.length} rows, expected ${expected.length}\n${JSON.stringify(actual)}`);
  expected.forEach((row, i) => {
    assert.equal(actual[i].length, row.length, `${what} row ${i}: ${JSON.stringify(actual[i])} vs ${JSON.stringify(row)}`);
    row.forEach((cell, j) => assert.ok(accepts(cell, actual[i][j]), `${what} row ${i} col ${j}: got ${JSON.stringify(actual[i][j])}, expected ${JSON.stringify(cell)}`));
  });
}

/** Asserts that the page shows reference state `s`: the controls, the URL, the APA lines,
 * the test details, the t-distribution table, the salary table and the descriptives.
 * `{ url: false }` skips the URL check; `{ full: false }` checks only controls, URL, APA and
 * the salary table. Waits for the APA line first (the view updates asynchronously). */
export async function assertShowsState(page, s, { url = true, full = true } = {}) {
  const apa = await waitForText(page, '#apa-primary', s.apa_primary);
  assert.equal(apa, s.apa_primary, `${s.name}: APA line`);
  assert.equal(await textOf(page, '#apa-welch'), s.apa_welch, `${s.name}: Welch line`);
  const c = await controlState(page);
  assert.deepEqual(c, s.controls, `${s.name}: controls`);
  if (url) assert.equal(await waitForQuery(page, s.canonical_query), s.canonical_query, `${s.name}: URL query`);
  const table = await tableCells(page, '#salary-table');
  assert.deepEqual(table[0], s.salary_table.head, `${s.name}: salary table head`);
  assertCells(table.slice(1), s.salary_table.rows, `${s.name}: salary table`);
  if (!full) return;
  assertCells(await tableCells(page, '#test-details'), s.details, `${s.name}: test details`);
  assertCells(await tableCells(page, '#salary-descriptives', { body: true }), s.descriptives, `${s.name}: descriptives`);
  const explanation = await textOf(page, '#test-explanation');
  assert.ok(explanation.includes(s.explanation_contains), `${s.name}: explanation ${JSON.stringify(explanation)} lacks ${JSON.stringify(s.explanation_contains)}`);
  if (s.tdist) {
    assertCells(await tableCells(page, '#test details.chart-data'), s.tdist, `${s.name}: t-distribution data table`);
  } else {
    assert.equal(await page.$('#chart-tdist'), null, `${s.name}: no t-distribution chart without a test`);
  }
}

/** axe-core's source, to evaluate in a page (Runtime.evaluate is not subject to the page's
 * CSP, unlike an injected <script>). */
export const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's serious and critical violations in each of `ids` (elements by id) and on the
 * whole page, as lines naming where; axe must already be in the page. */
export async function axeViolations(page, ids) {
  const report = [];
  for (const id of ids) {
    const result = await page.evaluate(async (sel) => {
      const r = await window.axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target}`);
    }, `#${id}`);
    for (const v of result) report.push(`#${id}: ${v}`);
  }
  const pageLevel = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
  });
  report.push(...pageLevel.map((v) => `page: ${v}`));
  return report;
}
