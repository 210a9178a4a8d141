// Embedding and sharing: embed=1 in an <iframe> on a host page of another origin, sized by
// the README's own host snippet from the height messages; the messages' fixed shape; hostile
// messages from the host change nothing; "copy link" and "copy embed code"; the printed
// handout (print media, the section marked `data-handout`); "cite this explorer".
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { serve, launch, watchedPage, ready, assert, assertClean, queryOf } from './harness.js';

/** The host snippet exactly as README documents it (between the host-snippet markers). */
function readmeSnippet() {
  const md = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = md.split('<!-- host-snippet:start -->')[1]?.split('<!-- host-snippet:end -->')[0] ?? '';
  const html = block.replace(/^\s*```html\s*/, '').replace(/```\s*$/, '').trim();
  assert.ok(html.includes('addEventListener("message"'), 'README has the host snippet');
  assert.ok(html.split('\n').length <= 5, `the host snippet is at most 5 lines:\n${html}`);
  return html;
}

let app, host, browser;
const hostPage = (src, origin) => `<!doctype html><html lang="en"><head><title>Course page</title></head><body>
<h1>A course page</h1>
<script>window.__messages = []; addEventListener("message", (e) => window.__messages.push({ origin: e.origin, data: e.data }));</script>
<iframe id="se" src="${src}" title="Study Explorer" width="100%" height="150"></iframe>
${readmeSnippet().replace('https://example.org', origin)}
<p>After the frame.</p>
</body></html>`;

before(async () => {
  app = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await app?.close(); await host?.close(); });

async function openHost(query) {
  host?.close();
  const src = `${app.base}?${query}`;
  host = await serve({ prefix: '/nothing-here/', extra: { '/host.html': hostPage(src, app.origin), '/favicon.ico': ' ' } });
  const w = await watchedPage(browser, host.origin);
  await w.page.goto(`${host.origin}/host.html`);
  const frame = await (await w.page.waitForSelector('#se')).contentFrame();
  await frame.waitForSelector('#embed-root #test #apa-primary', { timeout: 30000 });
  return { ...w, frame };
}

/** assertClean for a host page: the frame's requests go to the explorer's origin, and only
 * there. */
function assertCleanHost(problems) {
  assertClean({ ...problems, offOrigin: problems.offOrigin.filter((u) => !u.startsWith(app.origin + '/')) });
}

async function heightMessages(page, min = 1) {
  await page.waitForFunction((n) => window.__messages.filter((m) => m.data?.type === 'height').length >= n, min, { timeout: 10000 });
  return page.evaluate(() => window.__messages);
}

test('embed=1 in a host page: only the controls and the section, and the frame is sized from height messages', async () => {
  const { page, frame, context, problems } = await openHost('embed=1&section=test&groups=service');
  // No site chrome in the frame; the controls and exactly one section.
  assert.equal(await frame.$('.site-header'), null, 'no header');
  assert.equal(await frame.$('nav.toc'), null, 'no table of contents');
  assert.equal(await frame.$('.site-footer'), null, 'no footer');
  assert.ok(await frame.$('#controls'), 'the controls');
  assert.deepEqual(await frame.$$eval('main > section[id]', (s) => s.map((e) => e.id)), ['test']);
  assert.match(await frame.textContent('#apa-primary'), /^Paired: t\(9\)/, 'the link selection applies');
  // Every message has the documented shape and comes from the explorer's origin.
  const messages = await heightMessages(page);
  for (const m of messages) {
    assert.equal(m.origin, app.origin);
    assert.deepEqual(Object.keys(m.data).sort(), ['height', 'section', 'source', 'type', 'version']);
    assert.equal(m.data.source, 'study-explorer');
    assert.equal(m.data.type, 'height');
    assert.equal(m.data.version, 1);
    assert.equal(m.data.section, 'test');
    assert.ok(Number.isInteger(m.data.height) && m.data.height > 300, `height ${m.data.height}`);
  }
  // The README snippet sized the frame to the last reported height, and the frame shows
  // its content without scrolling.
  const last = messages.at(-1).data.height;
  await page.waitForFunction((h) => document.getElementById('se').style.height === `${h}px`, last, { timeout: 5000 });
  const fits = await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);
  assert.ok(fits, 'the content fits the resized frame');
  // Opening the totals grows the content: a new, larger height is posted and applied.
  const before = messages.length;
  await frame.click('details.totals > summary');
  const more = await heightMessages(page, before + 1);
  const grown = more.at(-1).data.height;
  assert.ok(grown > last, `taller after opening the totals: ${grown} > ${last}`);
  await page.waitForFunction((h) => document.getElementById('se').style.height === `${h}px`, grown, { timeout: 5000 });
  assertCleanHost(problems);
  await context.close();
});

test('messages from the host page change nothing in the embedded explorer', async () => {
  const { page, frame, context, problems } = await openHost('embed=1&section=test');
  const q0 = queryOf(frame);
  const apa0 = await frame.textContent('#apa-primary');
  await page.evaluate(() => {
    const w = document.getElementById('se').contentWindow;
    for (const m of [
      'skip-waiting',
      { source: 'study-explorer', type: 'height', version: 1, section: 'test', height: 1 },
      { type: 'selection', groups: ['service'] },
      { type: 'navigate', url: 'javascript:alert(1)' },
      '<img src=x onerror=alert(1)>',
    ]) w.postMessage(m, '*');
  });
  await frame.waitForTimeout(300);
  assert.equal(queryOf(frame), q0, 'the view is unchanged');
  assert.equal(await frame.textContent('#apa-primary'), apa0);
  assertCleanHost(problems);
  await context.close();
});

test('copy link and copy embed code copy the current view, and the embed code works', async () => {
  const w = await watchedPage(browser, app.origin, { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page, problems, context } = w;
  await page.goto(`${app.base}?salary=monthly`);
  await ready(page);
  await page.click('#share > summary');
  await page.click('#copy-link');
  await page.waitForSelector('#copied-text');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, page.url().split('#')[0], 'the link is the current view');
  assert.match(await page.textContent('.copy-status'), /Copied/);
  await page.selectOption('#share-section', 'reproducibility');
  await page.click('#copy-embed');
  await page.waitForFunction(() => document.getElementById('copied-text')?.value.startsWith('<iframe'));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  const src = code.match(/src="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(src, code);
  assert.ok(src.startsWith(app.base + '?'), src);
  assert.match(src, /salary=monthly/);
  assert.match(src, /&embed=1&section=reproducibility$/);
  assert.match(code, /title="Study Explorer: Reproducibility"/);
  await page.goto(src);
  await page.waitForSelector('#embed-root #reproducibility table.ledger', { timeout: 30000 });
  assert.deepEqual(await page.$$eval('main > section[id]', (s) => s.map((e) => e.id)), ['reproducibility']);
  assert.ok((await page.$$eval('input[name=salary]:checked', (i) => i.map((e) => e.value))).includes('monthly'));
  assertClean(problems);
  await context.close();
});

test('an embedded page does not show the prerendered article while the app loads', async () => {
  const { page, problems, context } = await watchedPage(browser, app.origin);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${app.base}?embed=0&embed=On&section=test`);
  await page.waitForFunction(() => document.getElementById('boot-status')?.hidden === false);
  assert.equal(await page.isVisible('#app'), false, 'the article is hidden (the last embed value counts)');
  assert.ok(await page.$('#app .site-header'), 'the article is in the page, for a reader without JavaScript');
  release();
  await page.waitForSelector('#embed-root #test #apa-primary', { timeout: 30000 });
  assert.equal(await page.isVisible('#app'), true);
  assert.equal(await page.$('.site-header'), null, 'the section alone, no site chrome');
  // Not embedded: the article shows while the app loads.
  const full = await watchedPage(browser, app.origin);
  let go;
  const wait = new Promise((r) => { go = r; });
  await full.page.route('**/*_bg.wasm', async (route) => { await wait; await route.continue(); });
  await full.page.goto(`${app.base}?embed=1&embed=off`);
  await full.page.waitForFunction(() => document.getElementById('boot-status')?.hidden === false);
  assert.equal(await full.page.isVisible('#app .site-header'), true, 'embed=off: the article shows');
  go();
  await ready(full.page);
  assertClean(problems);
  assertClean(full.problems);
  await full.context.close();
  await context.close();
});

test('a bad embed or section value gives a notice and a working page', async () => {
  const { page, problems, context } = await watchedPage(browser, app.origin);
  await page.goto(`${app.base}?embed=1&section=%3Cscript%3E`);
  await page.waitForSelector('#embed-root #test #apa-primary', { timeout: 30000 });
  assert.match(await page.textContent('#url-notices'), /section="<script>": not a section of the explorer/);
  await page.goto(`${app.base}?embed=maybe`);
  await ready(page);
  assert.ok(await page.$('.site-header'), 'the full page');
  assert.match(await page.textContent('#url-notices'), /embed="maybe"/);
  assertClean(problems);
  await context.close();
});

test('printing #test gives a handout: that section, the selection and the permalink', async () => {
  const { page, problems, context } = await watchedPage(browser, app.origin);
  await page.addInitScript(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.goto(`${app.base}?groups=service`);
  await ready(page);
  await page.click('#share > summary');
  await page.selectOption('#share-section', 'test');
  await page.click('#print-section');
  await page.waitForFunction(() => window.__printed === 1);
  assert.equal(new URL(page.url()).hash, '#test');
  assert.match(queryOf(page), /^groups=service&/, 'the print keeps the selection in the address');
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => {
    const visible = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
    return {
      sections: [...document.querySelectorAll('main > section[id]')].filter(visible).map((s) => s.id),
      header: visible(document.getElementById('print-header')),
      headerText: document.getElementById('print-header').textContent,
      controls: visible(document.getElementById('controls')),
      toc: visible(document.querySelector('nav.toc')),
      share: visible(document.getElementById('share')),
    };
  });
  assert.deepEqual(shown.sections, ['test']);
  assert.ok(shown.header, 'the handout header is printed');
  assert.ok(shown.headerText.includes(page.url().split('#')[0]), `the permalink is printed: ${shown.headerText}`);
  assert.match(shown.headerText, /Service/, 'the selection is printed');
  assert.equal(shown.controls || shown.toc || shown.share, false, 'no controls, contents or share panel');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, `a PDF handout (${pdf.length} bytes)`);
  // On screen the handout header stays hidden.
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('print-header')).display), 'none');
  assertClean(problems);
  await context.close();
});

test('cite this explorer names the version and the commit of the build', async () => {
  const { page, problems, context } = await watchedPage(browser, app.origin);
  await page.goto(app.base);
  await ready(page);
  const ref = await page.textContent('#cite-explorer .explorer-reference');
  const version = fs.readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8').match(/^version = "([^"]+)"/m)[1];
  assert.ok(ref.includes(`Version ${version}, commit `), ref);
  const commit = ref.match(/commit ([0-9a-f]{12}|unknown)/)?.[1];
  assert.ok(commit, ref);
  let head = null;
  try { head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim(); } catch { /* not a checkout */ }
  // make test builds dist/ from the checkout right before the browser tests.
  if (head) assert.equal(commit, head, 'the build names the checkout it was built from');
  assert.ok(ref.includes(app.base), 'the reference names where the explorer is served');
  assertClean(problems);
  await context.close();
});
