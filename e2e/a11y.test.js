// Accessibility: axe-core on every section in light and dark themes (no serious or
// critical violation), keyboard operation with a visible focus ring and a skip link,
// and the live region that announces the APA result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { serve, launch, watchedPage, ready } from './harness.js';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

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
    // Open every disclosure so the data tables are checked too.
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    // Runtime.evaluate is not subject to the page's CSP, unlike an injected <script>.
    await page.evaluate(AXE);
    const ids = await sections(page);
    assert.ok(ids.length >= 5, `sections found: ${ids}`);
    const report = [];
    for (const id of [...ids, 'controls']) {
      const result = await page.evaluate(async (sel) => {
        const r = await window.axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target}`);
      }, `#${id}`);
      for (const v of result) report.push(`#${id}: ${v}`);
    }
    const page_level = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
    });
    report.push(...page_level.map((v) => `page: ${v}`));
    assert.deepEqual(report, []);
    assert.deepEqual(problems.console, []);
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
