// The Chinese string table is not part of the first load: the build writes it as a file of
// its own (strings-zh-<hash>.postcard, named on the boot tag), the English page never
// requests it, picking 简体中文 fetches it once, and a page that starts in Chinese fetches
// it before the takeover. A table that cannot be fetched changes nothing: the switch says
// why and stays on English, and lang=zh opens in English with a notice.
import { test, before, after } from 'node:test';
import { serve, launch, watchedPage, ready, assert, assertClean, assertionCount, queryOf, textOf } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# lang-table.test.js: ${assertionCount()} assertions`);
});

/** The Chinese table's file. */
const TABLE = /\/strings-zh-[0-9a-f]{16}\.postcard$/;
const tableRequests = (problems) => problems.requests.filter((u) => TABLE.test(new URL(u).pathname));

test('the English page does not fetch the Chinese table; picking 简体中文 fetches it once', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin, { locale: 'en-GB' });
  await page.goto(server.base);
  await ready(page);
  const named = await page.getAttribute('script[data-strings-zh]', 'data-strings-zh');
  assert.match(named, /^\/strings-zh-[0-9a-f]{16}\.postcard$/, 'the boot tag names the hashed file');
  await page.waitForTimeout(300);
  assert.deepEqual(tableRequests(problems), [], 'no request for the table on the first load');
  await page.selectOption('#language', 'zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  assert.equal(await page.textContent('#about-h'), '关于本研究');
  await page.waitForFunction(() => location.search.includes('lang=zh'));
  // Back and forth: the table stays, and is not fetched again.
  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.selectOption('#language', 'zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  assert.equal(tableRequests(problems).length, 1, 'fetched once');
  assert.equal(new URL(tableRequests(problems)[0]).pathname, named);
  assertClean(problems);
  await context.close();
});

test('a table that cannot be fetched leaves the page in English and says why; picking again retries', async () => {
  // page.route sees no request the service worker answers: no worker in this test.
  const { page, problems, context } = await watchedPage(browser, server.origin, { locale: 'en-GB', serviceWorkers: 'block' });
  let fail = true;
  await page.route(TABLE, (route) => (fail ? route.abort('connectionreset') : route.continue()));
  await page.goto(server.base);
  await ready(page);
  await page.selectOption('#language', 'zh');
  await page.waitForFunction(() => document.querySelector('.guard')?.textContent.includes('简体中文'), null, { timeout: 10000 });
  assert.match(await textOf(page, '.guard'), /^简体中文 could not be loaded: .+\. The page stays as it is\.$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#about-h'), 'About this study');
  assert.equal(await page.$eval('#language', (s) => s.value), 'en', 'the switch shows the language in use');
  assert.doesNotMatch(queryOf(page), /lang=/, 'nothing is written into the link');
  // The page still answers.
  await page.click('input[name=salary][value=monthly]');
  await page.waitForFunction(() => /(^|[?&])salary=monthly(&|$)/.test(location.search), null, { timeout: 5000 });
  fail = false;
  await page.selectOption('#language', 'zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  assert.equal(await page.textContent('#about-h'), '关于本研究');
  assert.equal(await textOf(page, '.guard'), '', 'the message goes once the switch succeeds');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});

test('lang=zh fetches the table before the takeover, and opens in English with a notice when it cannot', async () => {
  {
    const { page, problems, context } = await watchedPage(browser, server.origin);
    await page.goto(`${server.base}?lang=zh`);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.equal(await page.textContent('#about-h'), '关于本研究');
    assert.equal(tableRequests(problems).length, 1);
    assertClean(problems);
    await context.close();
  }
  const { page, problems, context } = await watchedPage(browser, server.origin, { serviceWorkers: 'block' });
  await page.route(TABLE, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' }));
  await page.goto(`${server.base}?lang=zh`);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#about-h'), 'About this study');
  assert.match(await textOf(page, '#url-notices'), /lang="zh".*its texts could not be loaded, so the page is in English/s);
  assert.match(queryOf(page), /lang=zh/, 'the link keeps what the reader was sent');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});
