// Scale: ?scale=N loads a synthetic study of N informants per group under a banner that
// says so; its Monte Carlo permutation test runs in slices with a labelled <progress>, the
// page keeps answering input meanwhile (a Bayes prior click; a selection change restarts
// the run), and the result then replaces the progress. Per-informant tables stop at 200
// rows with a note. An invalid scale gives a notice and the paper's study. Timings are
// benchmarks (scripts/bench-scale.mjs), not asserted here.
import { test, before, after } from 'node:test';
import { serve, launch, openApp, assert, assertClean, assertionCount, textOf, queryOf } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# scale.test.js: ${assertionCount()} assertions`);
});

const progress = (page) => page.evaluate(() => {
  const bar = document.querySelector('#permutation-progress-bar');
  return bar ? { value: Number(bar.getAttribute('value')), max: Number(bar.getAttribute('max')), label: bar.labels?.[0]?.textContent ?? '' } : null;
});

test('a synthetic study runs its Monte Carlo test in slices, with progress, and stays responsive', async () => {
  const { page, context, problems } = await openApp(browser, server, '?scale=2000');
  // The banner says the data are synthetic, and how many informants there are.
  const banner = await textOf(page, '#scale-banner');
  assert.match(banner, /Synthetic data, not the paper's/);
  assert.match(banner, /2,000 made-up informants per group \(4,000 in all, seed 2019\)/);
  assert.match(await page.getAttribute('#scale-banner-paper', 'href'), /^\?(?!.*scale=)/);

  // The synthetic study has no Grace: no column moving her, no decision about her, a note.
  await page.waitForSelector('#demographics-no-grace', { timeout: 10000 });
  assert.match(await textOf(page, '#demographics-no-grace'), /^This study has no informant named Grace, so the paper’s decision about Grace’s group, and the column that moves Grace, do not apply to it\.$/);
  assert.equal(await page.getAttribute('#demographics-no-grace span', 'lang'), 'en');
  assert.deepEqual(await page.$$eval('#demographics-table thead th', (ths) => ths.map((th) => th.textContent)), ['Variable', 'Service mean (SD)', 'Development mean (SD)', 'Test', 'Printed p']);
  assert.equal(await page.$('#demographics .decision'), null);

  // The progress bar is there with an accessible name, and advances.
  await page.waitForSelector('#permutation-progress-bar', { timeout: 10000 });
  const first = await progress(page);
  assert.ok(first, 'progress shown');
  assert.equal(first.max, 100000);
  assert.match(first.label, /^Monte Carlo permutation test: [\d,]+ of 100,000 resamples$/);
  await page.waitForFunction((v) => Number(document.querySelector('#permutation-progress-bar')?.getAttribute('value') ?? 1e9) > v, first.value, { timeout: 20000 });

  // While it runs, input is answered: the prior scale moves the Bayes table's mark.
  await page.waitForSelector('#bayes-table', { timeout: 20000 });
  const chosen = () => textOf(page, '#bayes-table tbody tr.chosen th');
  assert.match(await chosen(), /^r = √2\/2/);
  await page.click('#bayes-prior input[value="1"]');
  await page.waitForFunction(() => /^r = 1 /.test(document.querySelector('#bayes-table tbody tr.chosen th')?.textContent ?? ''), null, { timeout: 2000 });
  assert.match(await chosen(), /^r = 1 \(wide\) \(shown above\)$/);
  assert.ok(await progress(page), 'still running after the click');

  // A selection change restarts the run on the new salaries (the stale run is dropped).
  const before = (await progress(page)).value;
  await page.click('#controls input[name=discount]');
  await page.waitForFunction((v) => {
    const bar = document.querySelector('#permutation-progress-bar');
    return bar && Number(bar.getAttribute('value')) < v;
  }, before, { timeout: 10000 });
  assert.match(queryOf(page), /discount=off/);

  // The result replaces the progress.
  await page.waitForFunction(() => /Monte Carlo/.test(document.querySelector('#permutation-method')?.textContent ?? ''), null, { timeout: 120000, polling: 100 });
  assert.equal(await progress(page), null, 'progress gone');
  const method = await textOf(page, '#permutation-method');
  assert.ok(method.startsWith('Monte Carlo: 100,000 random relabellings with seed 2019'), method);
  const summary = await textOf(page, '#robustness-summary');
  assert.ok(summary.includes('Monte Carlo permutation test') && !summary.includes('still running'), summary);

  // Tables stop at 200 rows, with a note; the link keeps the scale.
  assert.equal(await page.$$eval('#salary-table tbody tr', (r) => r.length), 200);
  assert.ok((await textOf(page, '#salaries')).includes('Showing the first 200 of 4,000 rows.'));
  assert.equal(await page.$$eval('#influence-table tbody tr', (r) => r.length), 200);
  // The Q-Q data tables stop at 200 rows too, and say so (one note per group's table).
  for (const id of ['figure:has(#chart-qq-service)', 'figure:has(#chart-qq-development)']) {
    assert.equal(await page.$$eval(`${id} tbody tr`, (r) => r.length), 200, id);
    assert.ok((await textOf(page, id)).includes('Showing the first 200 of 2,000 rows.'), id);
  }
  assert.match(queryOf(page), /(^|&)scale=2000(&|$)/);
  assertClean(problems);
  await context.close();
});

test('at scale the model\'s quotations keep the paper\'s speakers', async () => {
  // The synthetic informants have made-up names; the quotations are the paper's, and so
  // are their speakers' roles and groups (Table 2), as the banner says.
  const { page, context, problems } = await openApp(browser, server, '?scale=50&node=team-monitoring');
  await page.waitForSelector('#model-detail .quote figcaption .attribution');
  const quotes = await page.$$eval('#model-detail .quote figcaption .attribution', (c) => c.map((x) => x.textContent));
  assert.equal(quotes.length, 3);
  assert.match(quotes[0], /^Blake — .*supervisor from Service.* · Service · T2 \(inferred\)$/);
  assert.ok(quotes.every((q) => !q.includes('role not stated')), quotes.join(' | '));
  assertClean(problems);
  await context.close();
});

test('an invalid scale gives a notice and the paper\'s study', async () => {
  for (const bad of ['abc', '1', '50001', '-3']) {
    const { page, context, problems } = await openApp(browser, server, `?scale=${bad}`);
    const notices = await textOf(page, '#url-notices');
    assert.ok(notices.includes(`scale="${bad}"`) && notices.includes('from 2 to 50000; the paper\'s study is shown'), notices);
    assert.equal(await page.$('#scale-banner'), null, 'no synthetic banner');
    await page.waitForSelector('#permutation-method');
    assert.ok((await textOf(page, '#permutation-method')).includes('all 646,646 relabellings'));
    assert.equal(await page.$$eval('#salary-table tbody tr', (r) => r.length), 22);
    assert.doesNotMatch(queryOf(page), /scale=/);
    assertClean(problems);
    await context.close();
  }
});
