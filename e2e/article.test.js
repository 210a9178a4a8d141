// The built page is the article (scripts/prerender.mjs, src/ui/takeover.rs):
//  - dist/index.html, read as a file, holds the result, Table 8's rows, every section's
//    anchor, the sharing meta and the JSON-LD;
//  - with JavaScript off, the page reads as the whole article; axe finds nothing serious
//    or critical in the prerendered page (held before the app starts);
//  - when the app takes over, the reader's scroll position, focus and open <details> stay
//    where they were, and the page ends marked <html data-app="ready">.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, watchedPage, ready, assert, assertClean, DIST } from './harness.js';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const HTML = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const STUDY = JSON.parse(fs.readFileSync(path.join(DIST, 'study.json'), 'utf8'));
const SECTIONS = ['about', 'tour', 'model', 'salaries', 'test', 'robustness', 'your-data', 'coverage', 'workshop', 'demographics', 'codebook', 'reproducibility'];
const money = (x) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Table 8's rows as the page prints them: informant, T1, T2 (each informant once). */
function table8() {
  const rows = new Map();
  for (const group of Object.values(STUDY.salaries.quarterly.extracted_rows)) {
    for (const r of group) rows.set(r.informant, [r.informant, money(r.t1), money(r.t2_printed)]);
  }
  return [...rows.values()];
}

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('dist/index.html, read as a file, holds the article and what finds and shares it', () => {
  assert.ok(HTML.includes('<div id="app" data-prerendered>'), 'the prerendered root');
  assert.ok(HTML.includes('t(20) = 3.99, p &lt; .001') || HTML.includes('t(20) = 3.99, p < .001'), 'the result');
  for (const id of SECTIONS) assert.ok(HTML.includes(`<section id="${id}"`) || new RegExp(`<section[^>]* id="${id}"`).test(HTML), `section #${id}`);
  const rows = table8();
  assert.equal(rows.length, 22);
  for (const [name, t1, t2] of rows) {
    assert.match(HTML, new RegExp(`${name}</span></th><td>[^<]*</td><td class="num">${t1}</td><td class="num">${t2}</td>`), `Table 8 row ${name}`);
  }
  for (const meta of ['property="og:title"', 'property="og:description"', 'property="og:image"', 'name="twitter:card"']) {
    assert.ok(HTML.includes(meta), meta);
  }
  const ld = HTML.match(/<script type="application\/ld\+json">(.*?)<\/script>/s);
  assert.ok(ld, 'JSON-LD');
  const graph = JSON.parse(ld[1])['@graph'];
  const article = graph.find((g) => g['@type'] === 'ScholarlyArticle');
  const dataset = graph.find((g) => g['@type'] === 'Dataset');
  assert.equal(article.identifier.value, STUDY.about.citation.doi);
  assert.equal(article.name, STUDY.about.citation.title);
  assert.deepEqual(article.author.map((a) => a.name), STUDY.about.citation.authors);
  assert.equal(dataset.isBasedOn['@id'], `https://doi.org/${STUDY.about.citation.doi}`);
  assert.ok(dataset.license, 'the dataset has a licence');
  assert.ok(fs.existsSync(path.join(DIST, 'og.png')), 'the card image');
  // No canonical link without SITE_URL (this build has none), and no address of the
  // server the snapshot was taken on: where the page names its own (the handout's
  // permalink, "Cite this explorer"), the build leaves it out.
  assert.ok(!HTML.includes('rel="canonical"'));
  assert.ok(!/127\.0\.0\.1|localhost/.test(HTML), 'the built page names no loopback address');
  assert.ok(!HTML.includes('class="print-url"'), 'no permalink in the prerendered handout header');
  // The date is the commit's ("unknown" outside a git checkout, as in build.rs).
  assert.match(HTML, /\[Computer software\]\. \((\d{4}-\d{2}-\d{2}|unknown)\)\.<\/p>/, 'the reference ends with its date');
});

test('with JavaScript off the page is the whole article', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(server.base);
  assert.deepEqual(await page.$$eval('main > section[id]', (s) => s.map((e) => e.id)), SECTIONS);
  assert.equal(await page.textContent('#apa-primary'), 'Student: t(20) = 3.99, p < .001');
  const names = await page.$$eval('#salary-table tbody th', (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(names, table8().map((r) => r[0]));
  assert.ok(await page.isVisible('.static-note'), 'the note says what needs JavaScript');
  await context.close();
});

test('axe finds nothing serious on the prerendered page with JavaScript on, before the app starts', async () => {
  const { page, context } = await watchedPage(browser, server.origin);
  // Hold the wasm back, so the page stays the prerendered one while axe runs.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.base, { waitUntil: 'domcontentloaded' });
  assert.equal(await page.getAttribute('#app', 'data-prerendered'), '');
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`));
  assert.deepEqual(found, []);
  release();
  await ready(page);
  await context.close();
});

/** Opens the page with the wasm held back, lets `act` read the prerendered page, then lets
 * the app start and waits until it has taken over and built every section. */
async function takeOver(viewport, act) {
  const w = await watchedPage(browser, server.origin, { viewport });
  let release;
  const held = new Promise((r) => { release = r; });
  await w.page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await w.page.goto(server.base, { waitUntil: 'domcontentloaded' });
  const before = await act(w.page);
  assert.equal(await w.page.getAttribute('html', 'data-app'), null, 'not ready while the wasm is held');
  release();
  await ready(w.page);
  return { ...w, before };
}

// Where the focused element sits in the viewport. That, not the scroll offset, is what
// must not move: sections off screen are not laid out (content-visibility) and have
// estimated heights, which can differ between the prerendered and the live page.
const top = (page) => page.evaluate(() => Math.round(document.activeElement.getBoundingClientRect().top));

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.localName, text: el.textContent.trim().slice(0, 60), href: el.getAttribute('href') };
});

test('scroll position, focus and an open <details> in the first sections survive the takeover', async () => {
  const { page, problems, context, before } = await takeOver({ width: 390, height: 844 }, async (page) => {
    // Read down to the salary table's data and open the chart's data table there.
    await page.$eval('#salaries .chart-data summary', (s) => s.scrollIntoView({ block: 'center' }));
    await page.click('#salaries .chart-data summary');
    await page.focus('#salaries .chart-data summary');
    return { y: await page.evaluate(() => scrollY), top: await top(page), focus: await focused(page) };
  });
  assert.ok(before.y > 1000, `scrolled down (${before.y})`);
  assert.ok(Math.abs((await top(page)) - before.top) <= 1, `the focused element stays in place: ${before.top} → ${await top(page)}`);
  assert.deepEqual(await focused(page), before.focus);
  assert.equal(await page.$eval('#salaries .chart-data', (d) => d.open), true);
  // The live elements, not the prerendered ones.
  assert.equal(await page.$('[data-prerendered]'), null);
  assertClean(problems);
  await context.close();
});

test('scroll position and focus in a later section survive its replacement, and the focus in the contents survives the takeover', async () => {
  for (const [where, act] of [
    ['a later section', async (page) => {
      await page.$eval('#codebook', (s) => s.scrollIntoView());
      await page.evaluate(() => scrollBy(0, 200));
      await page.focus('#codebook a[href], #codebook summary');
    }],
    ['the contents', async (page) => {
      await page.focus('.toc a[href="#demographics"]');
    }],
  ]) {
    const { page, problems, context, before } = await takeOver({ width: 1280, height: 800 }, async (page) => {
      await act(page);
      return { top: await top(page), focus: await focused(page) };
    });
    assert.ok(Math.abs((await top(page)) - before.top) <= 1, `the focused element stays in place (${where}): ${before.top} → ${await top(page)}`);
    assert.deepEqual(await focused(page), before.focus, `focus (${where})`);
    assert.equal(await page.getAttribute('html', 'data-app'), 'ready');
    assertClean(problems);
    await context.close();
  }
});
