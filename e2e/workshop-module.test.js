// The workshop module (src/bin/workshop.rs, a wasm of its own) is not part of the first
// load: the default page never requests it; following a link to #workshop loads it and it
// mounts its tools in the section; the "Open the workshop" button loads it without
// scrolling; a module that cannot be loaded says so, and "Try again" loads it; its words
// follow the page's language switch, both ways; it works in the embedded section.
import { test, before, after } from 'node:test';
import { serve, launch, watchedPage, ready, openWorkshop, assert, assertClean, assertionCount, textOf, waitForText } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# workshop-module.test.js: ${assertionCount()} assertions`);
});

/** The workshop module's files (the build names them workshop-<hash>.js and _bg.wasm). */
const MODULE = /\/workshop-[0-9a-f]{16}(\.js|_bg\.wasm)$/;
const moduleRequests = (problems) => problems.requests.filter((u) => MODULE.test(new URL(u).pathname));

test('the default page does not request the workshop module until the reader follows a link to #workshop', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(server.base);
  await ready(page);
  // Every section is built and the page has settled; the workshop is far below.
  await page.waitForFunction(() => document.querySelector('#main')?.getAttribute('aria-busy') === 'false');
  await page.waitForTimeout(500);
  assert.deepEqual(moduleRequests(problems), [], 'no request for the workshop module on the first load');
  assert.equal(await page.getAttribute('#workshop', 'data-workshop'), 'idle');
  assert.match(await textOf(page, '#workshop-module-status'), /load when you reach this section/);
  assert.equal(await page.$('#workshop-sample'), null, 'the tools are not there yet');
  // The section's own words are there before the module.
  assert.match(await textOf(page, '#workshop-privacy'), /nothing is uploaded/);
  // The table of contents' link: the section comes into view and the module loads.
  await page.click('.toc a[href="#workshop"]');
  await openWorkshop(page);
  const requested = moduleRequests(problems).map((u) => new URL(u).pathname.replace(/-[0-9a-f]{16}/, '-HASH'));
  assert.deepEqual(requested.sort(), ['/workshop-HASH.js', '/workshop-HASH_bg.wasm'], 'each file once');
  assert.equal(await textOf(page, '#workshop-sample'), 'Load the sample');
  assert.equal(await page.isHidden('#workshop-module-status'), true, 'the status line goes once the tools are there');
  assert.equal(await page.$('#workshop-open'), null);
  assertClean(problems);
  await context.close();
});

test('the button loads the module without scrolling; a failed load says so and can be retried', async () => {
  // page.route sees no request the service worker answers: no worker in this test.
  const { page, problems, context } = await watchedPage(browser, server.origin, { serviceWorkers: 'block' });
  // The first attempt fails as a dropped connection would.
  let fail = true;
  await page.route(MODULE, (route) => (fail ? route.abort('connectionreset') : route.continue()));
  await page.goto(server.base);
  await ready(page);
  await page.waitForSelector('#workshop-open');
  // A click from script does not scroll: the button alone asks for the module.
  await page.$eval('#workshop-open', (b) => b.click());
  await page.waitForFunction(() => document.getElementById('workshop')?.dataset.workshop === 'failed', null, { timeout: 15000 });
  assert.match(await textOf(page, '#workshop-module-status'), /^The workshop could not be loaded: .+\. The rest of the page works as before\.$/);
  assert.equal(await page.getAttribute('#workshop-module-status', 'role'), 'status');
  assert.equal(await textOf(page, '#workshop-open'), 'Try again');
  assert.equal(await page.$('#workshop-sample'), null);
  // The rest of the page still answers.
  await page.click('input[name=salary][value=monthly]');
  await page.waitForFunction(() => /(^|[?&])salary=monthly(&|$)/.test(location.search), null, { timeout: 5000 });
  fail = false;
  await page.click('#workshop-open');
  await openWorkshop(page);
  await page.click('#workshop-sample');
  await page.waitForSelector('#workshop-results', { timeout: 15000 });
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});

test('the workshop follows the language switch, both ways', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(`${server.base}#workshop`);
  await ready(page);
  await openWorkshop(page);
  await page.click('#workshop-sample');
  await page.waitForSelector('#workshop-results', { timeout: 15000 });
  assert.equal(await textOf(page, '#workshop-sample'), 'Load the sample');
  const heading = await textOf(page, '#workshop-results h3');
  await page.selectOption('#language', 'zh');
  assert.equal(await waitForText(page, '#workshop-sample', '加载样本'), '加载样本');
  assert.notEqual(await textOf(page, '#workshop-results h3'), heading, 'the results follow too');
  assert.match(await textOf(page, '#workshop-results h3'), /[\u4e00-\u9fff]/);
  await page.selectOption('#language', 'en');
  assert.equal(await waitForText(page, '#workshop-sample', 'Load the sample'), 'Load the sample');
  assert.equal(await textOf(page, '#workshop-results h3'), heading);
  assertClean(problems);
  await context.close();
});

test('a page opened in Chinese opens the workshop in Chinese, and the embedded section loads it', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(`${server.base}?lang=zh#workshop`);
  await ready(page);
  await openWorkshop(page);
  assert.equal(await textOf(page, '#workshop-sample'), '加载样本');
  await page.goto(`${server.base}?embed=1&section=workshop`);
  await page.waitForSelector('#embed-root #workshop');
  await openWorkshop(page);
  assert.equal(await textOf(page, '#workshop-sample'), 'Load the sample');
  assertClean(problems);
  await context.close();
});
