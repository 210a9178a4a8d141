// Smoke test of the release build: it mounts, shows the reproducibility ledger with the
// discrepancies flagged, and makes no console error and no request off its origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, ready } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the reproducibility page renders with no console error and no off-origin request', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(server.base);
  // The loading note is in the built page (boot.js shows it while the wasm loads) …
  const html = await (await fetch(server.base)).text();
  assert.match(html, /id="boot-status"[^>]*role="status"[^>]*hidden[^>]*>Loading the interactive explorer/);
  await ready(page);
  // … and gone once the app has started; #main says when every section is in.
  assert.equal(await page.$('#boot-status'), null, 'the loading line is removed');
  await page.waitForSelector('#main[aria-busy=false]');
  const ids = await page.$$eval('#reproducibility tr[data-id]', (rows) => rows.map((r) => r.dataset.id));
  for (const id of ['quarterly-service-t1-mean', 'monthly-development-diff-sd', 'quarterly-t', 'monthly-p', 'demographic-position-p', 'ratio-2016', 'ratio-2017']) {
    assert.ok(ids.includes(id), `ledger row ${id}`);
  }
  const flagged = await page.$$eval('#reproducibility tr.status-discrepancy', (rows) => rows.map((r) => r.dataset.id));
  assert.deepEqual(flagged, ['monthly-development-diff-sd', 'monthly-jeremy-diff', 'monthly-grace-diff']);
  const sd = await page.textContent('tr[data-id="monthly-development-diff-sd"]');
  assert.match(sd, /1602\.52/);
  assert.match(sd, /1602\.42/);
  const problemsText = await page.textContent('#reproducibility .problems');
  assert.match(problemsText, /Grace/);
  assert.match(problemsText, /team leader in Service/);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});

test('a link to a section built after load still lands on it, on a laptop and on a phone', async () => {
  // On a phone the codebook is on screen while the sections above it are replaced, and
  // their live heights differ from the prerendered ones (content-visibility estimates).
  for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
    const { page, problems, context } = await watchedPage(browser, server.origin, { viewport });
    // Every frame from the start: is the codebook's heading at the top (less the scroll
    // margin, to within a subpixel), and how many frames since the last section was built.
    await page.addInitScript(() => {
      const l = (window.__landing = { after: 0, still: 0 });
      const frame = () => {
        const r = document.getElementById('codebook')?.getBoundingClientRect();
        l.still = r && r.top > -1 && r.top < 300 ? l.still + 1 : 0;
        if (document.querySelector('#main[aria-busy=false]')) l.after += 1;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(`${server.base}#codebook`);
    // It stays there: ten frames in a row, thirty frames after the last section was built.
    await page.waitForFunction(() => window.__landing.after >= 30 && window.__landing.still >= 10, null, { timeout: 5000 });
    assert.ok(await page.evaluate(() => window.scrollY) > 1000, `scrolled down to the codebook (${viewport.width})`);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.console, []);
    await context.close();
  }
});

test('every contents link lands on its section, wherever the page was', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(server.base);
  await page.waitForSelector('#main[aria-busy=false]');
  const ids = await page.$$eval('.toc a', (as) => as.map((a) => a.getAttribute('href').slice(1)));
  assert.equal(ids.length, 12);
  // Far jumps first (top → bottom → top), over sections never laid out yet.
  for (const id of ['reproducibility', 'about', 'codebook', 'model', ...ids]) {
    await page.click(`.toc a[href="#${id}"]`);
    // At the top of the viewport (less its scroll margin), or the page could scroll no
    // further: within a few frames (sections the jump uncovers are laid out after it).
    const landed = () => page.evaluate((id) => {
      const el = document.getElementById(id);
      const top = el.getBoundingClientRect().top - parseFloat(getComputedStyle(el).scrollMarginTop);
      const atEnd = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1;
      return { top, ok: Math.abs(top) <= 2 || (atEnd && top > 0) };
    }, id);
    await page.waitForFunction((id) => {
      const el = document.getElementById(id);
      const top = el.getBoundingClientRect().top - parseFloat(getComputedStyle(el).scrollMarginTop);
      return Math.abs(top) <= 2 || (Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight - 1 && top > 0);
    }, id, { timeout: 1000, polling: 'raf' }).catch(() => {});
    // … and stays there.
    await page.waitForTimeout(400);
    const { top, ok } = await landed();
    assert.ok(ok, `#${id} lands at ${top} px`);
  }
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
