// Accessibility: axe-core on every section in light and dark themes (no serious or
// critical violation), also with an informant left out and with the reader's own file
// loaded; keyboard operation with a visible focus ring and a skip link, and the live
// region that announces the APA result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, ready, openWorkshop, AXE, axeViolations as violations } from './harness.js';

const FIXTURE = new URL('../tests/fixtures/own/spreadsheet.csv', import.meta.url).pathname;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function sections(page) {
  return page.$$eval('main > section[id]', (els) => els.map((e) => e.id));
}

for (const [scheme, lang] of [['light', 'en'], ['dark', 'en'], ['light', 'zh']]) {
  test(`axe finds no serious or critical violation in any section (${scheme}, ${lang})`, async () => {
    const { page, problems, context } = await watchedPage(browser, server.origin, { colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`${server.base}?lang=${lang}`);
    await ready(page);
    // The workshop's tools are a module loaded when the reader gets there: load it.
    await openWorkshop(page);
    // Open every disclosure so the data tables are checked too.
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    // Runtime.evaluate is not subject to the page's CSP, unlike an injected <script>.
    await page.evaluate(AXE);
    const ids = await sections(page);
    assert.ok(ids.length >= 5, `sections found: ${ids}`);
    assert.deepEqual(await violations(page, [...ids, 'controls', 'finding']), []);
    assert.deepEqual(problems.console, []);
    await context.close();
  });
}

// The what-if states: the page with an informant left out (the salary table's checkboxes,
// the banners and their buttons, the ledger's note), and with the reader's own file loaded
// (#your-data's summary, swap, factor and their errors, the banners naming the file, the
// share panel's note), in both colour schemes.
for (const scheme of ['light', 'dark']) {
  test(`axe finds no serious or critical violation with Blake left out or own data loaded (${scheme})`, async () => {
    const { page, problems, context } = await watchedPage(browser, server.origin, { colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`${server.base}?exclude=blake`);
    await ready(page);
    await page.waitForFunction(() => document.querySelectorAll('.data-banner.what-if').length === 4);
    assert.equal(await page.$eval('#salary-table input[aria-label="Include Blake in the analyses"]', (c) => c.checked), false);
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    await page.evaluate(AXE);
    const leftOut = await violations(page, ['salaries', 'test', 'robustness', 'demographics', 'reproducibility', 'controls']);
    // Own data: loaded, then a refused factor and a refused file, so every message shows.
    await page.setInputFiles('#own-file', FIXTURE);
    await page.waitForSelector('#own-summary');
    await page.waitForFunction(() => document.querySelectorAll('.data-banner.own-data').length === 3);
    await page.fill('#own-factor', 'abc');
    await page.press('#own-factor', 'Enter');
    await page.waitForFunction(() => document.querySelector('#own-factor-error')?.textContent.includes('abc'));
    await page.setInputFiles('#own-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('id,grp,t1,t2\n') });
    await page.waitForSelector('#own-error');
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    const own = await violations(page, ['your-data', 'salaries', 'test', 'robustness', 'model', 'share', 'controls']);
    assert.deepEqual({ leftOut, own }, { leftOut: [], own: [] });
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test('keyboard: skip link, controls in order, visible focus ring, live APA region', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(server.base);
  await ready(page);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({ cls: document.activeElement.className, text: document.activeElement.textContent }));
  assert.equal(first.cls, 'skip-link');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused element shows a focus ring');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // Reach the Development checkbox by keyboard and toggle it with Space.
  await page.focus('input[name=groups][value=development]');
  const before = await page.textContent('#apa-primary');
  await page.keyboard.press('Space');
  await page.waitForFunction((b) => document.querySelector('#apa-primary').textContent !== b, before);
  assert.match(await page.textContent('#apa-primary'), /^Paired: t\(9\)/);
  const live = await page.getAttribute('.apa-result', 'aria-live');
  assert.equal(live, 'polite');
  // Every control in the bar is reachable with Tab from the first one.
  await page.focus('input[name=groups][value=service]');
  const visited = new Set();
  for (let i = 0; i < 20; i++) {
    visited.add(await page.evaluate(() => `${document.activeElement.name || document.activeElement.id || document.activeElement.tagName}`));
    await page.keyboard.press('Tab');
  }
  for (const name of ['groups', 'times', 'salary', 'discount']) assert.ok(visited.has(name), `${name} reached by Tab: ${[...visited]}`);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
