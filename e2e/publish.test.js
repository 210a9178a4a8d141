// Publishing: the strict CSP is in the built page, the app works under a sub-path build
// (PUBLIC_URL=/study-explorer/), the workshop module included, and after the first visit it
// works offline, the workshop module included, with an update path when a new build is
// deployed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, watchedPage, ready, openWorkshop, DIST } from './harness.js';

const SUBPATH_DIST = path.resolve(process.env.SUBPATH_DIST_DIR || 'target/dist-subpath');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the built index.html carries the strict CSP and no inline script', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'a CSP meta tag');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  for (const k of ['object-src', 'base-uri', 'form-action']) assert.deepEqual(directives[k], ["'none'"], k);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.ok(!csp.includes('unsafe-inline'), 'no unsafe-inline anywhere');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1);
  for (const [, attrs, body] of scripts) {
    // JSON-LD is data, never executed: the CSP does not apply to it.
    if (/type="application\/ld\+json"/.test(attrs)) continue;
    assert.match(attrs, /\bsrc=/, 'every script loads from a file');
    assert.equal(body.trim(), '', 'no inline script body');
  }
});

test('a sub-path build works end to end under /study-explorer/', async (t) => {
  if (!fs.existsSync(path.join(SUBPATH_DIST, 'index.html'))) {
    assert.fail(`no sub-path build at ${SUBPATH_DIST}: run make test (it builds it) or PUBLIC_URL=/study-explorer/ trunk build --dist ${SUBPATH_DIST}`);
  }
  const server = await serve({ root: SUBPATH_DIST, prefix: '/study-explorer/' });
  try {
    const { page, problems, context } = await watchedPage(browser, server.origin);
    await page.goto(`${server.base}?groups=service&times=t1,t2#test`);
    await ready(page);
    assert.match(await page.textContent('#apa-primary'), /^Paired: t\(9\)/);
    assert.ok(page.url().startsWith(`${server.origin}/study-explorer/?`), page.url());
    await page.click('input[name=salary][value=monthly]');
    assert.match(page.url(), /\/study-explorer\/\?.*salary=monthly/);
    // The workshop module and the teaching sample come from under the sub-path too.
    await openWorkshop(page);
    await page.click('#workshop-sample');
    await page.waitForSelector('#workshop-results', { timeout: 15000 });
    assert.ok(problems.requests.some((u) => /\/study-explorer\/workshop-[0-9a-f]{16}_bg\.wasm$/.test(u)), 'the workshop module was loaded');
    const outside = problems.requests.filter((u) => !u.startsWith(`${server.origin}/study-explorer/`));
    assert.deepEqual(outside, [], 'every asset is under the sub-path');
    assert.deepEqual(problems.console, []);
    assert.deepEqual(problems.offOrigin, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('after the first visit the explorer works offline, and offers a new version', async () => {
  // Serve a private copy so the test can "deploy" a new service worker.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'se-offline-'));
  fs.cpSync(DIST, root, { recursive: true });
  const server = await serve({ root });
  try {
    const { page, problems, context } = await watchedPage(browser, server.origin);
    await page.goto(server.base);
    await ready(page);
    await page.waitForFunction(() => document.querySelector('#offline-status')?.textContent.includes('Available offline'), null, { timeout: 30000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready, null, { timeout: 30000 });
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assert.equal(await page.textContent('#apa-primary'), 'Student: t(20) = 3.99, p < .001');
    // The workshop module was never loaded online, yet the worker cached it with the build.
    await openWorkshop(page);
    await page.click('#workshop-sample');
    await page.waitForSelector('#workshop-results', { timeout: 15000 });
    await context.setOffline(false);
    // Deploy a new build: the worker file changes, the page offers a reload.
    const sw = path.join(root, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '([^']*)'/, "const VERSION = '$1-next'"));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r && r.update()));
    await page.waitForSelector('#offline-status button', { timeout: 30000 });
    assert.match(await page.textContent('#offline-status'), /new version/);
    const reloaded = page.waitForEvent('load');
    await page.click('#offline-status button');
    await reloaded;
    await ready(page);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.offOrigin, []);
    await context.close();
  } finally {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
