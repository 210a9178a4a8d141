// Charts and downloads: every chart canvas is an image with a text alternative and a data
// table in a <details>; its PNG download works; the salary and test CSVs start with a
// header; the dataset JSON parses and carries its schema version.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import { serve, launch, openApp, assert, assertClean, referenceStates, assertionCount, textOf, showChart } from './harness.js';

const S = referenceStates();
const CHARTS = ['chart-slopes', 'chart-differences', 'chart-tdist', 'chart-coverage'];
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# charts.test.js: ${assertionCount()} assertions`);
});

/** Clicks `button` and returns the download's suggested name and bytes. */
async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(button)]);
  const failure = await dl.failure();
  assert.equal(failure, null, `download of ${dl.suggestedFilename()} failed: ${failure}`);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file), url: dl.url() };
}

test('every chart is an image with a text alternative, a data table and something drawn', async () => {
  const { page, problems, context } = await openApp(browser, server);
  for (const id of CHARTS) {
    await showChart(page, id);
    const info = await page.$eval(`#${id}`, (c) => {
      const fig = c.closest('figure');
      const details = fig.querySelector('details.chart-data');
      const ctx = c.getContext('2d');
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return {
        tag: c.tagName,
        role: c.getAttribute('role'),
        label: c.getAttribute('aria-label'),
        summary: fig.querySelector('.chart-summary')?.textContent,
        title: fig.querySelector('figcaption')?.textContent,
        hasDetails: !!details,
        detailsSummary: details?.querySelector('summary')?.textContent,
        tableRows: details ? details.querySelectorAll('table tbody tr').length : 0,
        width: c.width,
        height: c.height,
        colours: colours.size,
        error: fig.querySelector('.field-error')?.textContent ?? null,
      };
    });
    assert.equal(info.tag, 'CANVAS', id);
    assert.equal(info.role, 'img', `${id} role`);
    assert.ok(info.label && info.label.trim().length > 20, `${id} aria-label: ${info.label}`);
    assert.equal(info.summary, info.label, `${id}: the visible summary is the aria-label`);
    assert.ok(info.title, `${id} has a title`);
    assert.ok(info.hasDetails, `${id} has a <details> data table`);
    assert.equal(info.detailsSummary, 'Data table for this chart');
    assert.ok(info.tableRows > 0, `${id} data table has rows`);
    assert.ok(info.width > 0 && info.height > 0, `${id} has a size`);
    assert.ok(info.colours > 2, `${id} is drawn (${info.colours} colours sampled)`);
    assert.equal(info.error, null, `${id} drew without error`);
  }
  // The summaries carry the numbers of the paper state.
  assert.match(await page.getAttribute('#chart-tdist', 'aria-label'), /with 20 degrees of freedom\. The observed t = 3\.99/);
  assert.match(await page.getAttribute('#chart-differences', 'aria-label'), /Service: mean 5,456\.69 RMB/);
  assert.match(await page.getAttribute('#chart-slopes', 'aria-label'), /quarterly salary/);
  const slopeRows = await page.$$eval('#salaries details.chart-data table tbody tr', (r) => r.length);
  assert.equal(slopeRows, S.paper.salary_table.rows.length + 2, 'slopes: one row per informant; differences: one per group');
  // Data tables open from the keyboard / a click.
  await page.click('#chart-coverage >> xpath=ancestor::figure//details/summary');
  assert.ok(await page.isVisible('#coverage-table'));
  assertClean(problems);
  await context.close();
});

test('chart summaries follow the selection', async () => {
  const { page, problems, context } = await openApp(browser, server, '?salary=monthly&discount=off');
  assert.match(await page.getAttribute('#chart-slopes', 'aria-label'), /monthly salary from T1 to T2 \(T2 as paid\)/);
  assert.match(await page.getAttribute('#chart-tdist', 'aria-label'), /The observed t = 3\.04/);
  await page.click('#controls input[name=times][value=t1]');
  await page.waitForSelector('#chart-slopes', { state: 'detached' });
  assert.equal(await page.$('#chart-differences'), null);
  assert.match(await page.getAttribute('#chart-tdist', 'aria-label'), /with 20 degrees of freedom/);
  await page.click('#controls input[name=groups][value=development]');
  await page.waitForSelector('#chart-tdist', { state: 'detached' });
  assert.equal(await textOf(page, '#apa-primary'), 'No test applies');
  assert.ok(await page.$('#chart-coverage'), 'coverage chart stays');
  assertClean(problems);
  await context.close();
});

test('each chart downloads as a PNG', async () => {
  const { page, problems, context } = await openApp(browser, server);
  for (const id of CHARTS) {
    const btn = `figure:has(#${id}) button:has-text("Download PNG")`;
    const { name, bytes } = await download(page, btn);
    assert.equal(name, `${id}.png`);
    assert.match(name, /\.png$/);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${id}: PNG signature`);
    assert.ok(bytes.length > 1000, `${id}: ${bytes.length} bytes`);
  }
  assertClean(problems);
  await context.close();
});

test('the salary CSV and the test CSV download with a header line', async () => {
  const { page, problems, context } = await openApp(browser, server);
  const salaries = await download(page, '#salaries button:has-text("Download CSV of this table")');
  assert.equal(salaries.name, 'salaries-quarterly.csv');
  const sLines = salaries.bytes.toString('utf8').split('\r\n');
  assert.equal(sLines[0], 'informant,group,T1,T2,T2-T1');
  assert.equal(sLines.filter((l) => l).length, 1 + S.paper.salary_table.rows.length);
  assert.equal(sLines[1], 'Aaron,Service,37200.50,43532.78,6332.28');

  const tests = await download(page, '#test button:has-text("Download CSV of the results")');
  assert.equal(tests.name, 'test-results.csv');
  const tLines = tests.bytes.toString('utf8').split('\r\n');
  assert.equal(tLines[0], 'statistic,value');
  assert.ok(tLines.includes('result (APA),"Student: t(20) = 3.99, p < .001"'), tLines.join('\n'));
  assert.ok(tLines.includes('"result (APA, Welch)","Welch: t(18.73) = 3.96, p < .001"'), tLines.join('\n'));

  // The CSVs follow the selection.
  await page.click('#controls input[name=salary][value=monthly]');
  await page.click('#controls input[name=times][value=t2]');
  await page.waitForFunction(() => document.querySelector('#apa-primary').textContent.startsWith('Student: t(20) = '));
  const monthly = await download(page, '#salaries button:has-text("Download CSV of this table")');
  assert.equal(monthly.name, 'salaries-monthly.csv');
  assert.equal(monthly.bytes.toString('utf8').split('\r\n')[0], 'informant,group,T1');
  assertClean(problems);
  await context.close();
});

test('the dataset downloads as JSON with its schema version', async () => {
  const { page, problems, context } = await openApp(browser, server);
  const { name, bytes } = await download(page, 'header a:has-text("Download the dataset")');
  assert.match(name, /\.json$/);
  const text = bytes.toString('utf8');
  assert.ok(text.includes('"schema_version"'));
  const doc = JSON.parse(text);
  assert.equal(doc.schema_version, 1);
  assert.ok(doc.salaries.quarterly.extracted_rows.service.length >= 10);
  assertClean(problems);
  await context.close();
});

/** Parses RFC 4180 CSV text into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('the test CSV keeps negative numbers as numbers (no formula-guard apostrophe)', async () => {
  const { page, problems, context } = await openApp(browser, server, '?groups=development');
  const { bytes } = await download(page, '#test button:has-text("Download CSV of the results")');
  const rows = parseCsv(bytes.toString('utf8'));
  assert.deepEqual(rows[0], ['statistic', 'value']);
  const guarded = rows.filter(([, v]) => /^'[-\d]/.test(v ?? ''));
  assert.deepEqual(guarded, [], 'numeric values written as text');
  assertClean(problems);
  await context.close();
});

test('a chart far off screen is drawn with the current numbers when it scrolls into view', async () => {
  const { page, problems, context } = await openApp(browser, server);
  // At the top of the page the t-distribution chart is far below the viewport: not drawn yet.
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  const blank = await page.$eval('#chart-tdist', (c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    return data.every((v, i) => (i % 4 === 3 ? true : v === data[i % 4]));
  });
  assert.ok(blank, 'an off-screen chart waits until it is near the viewport');
  // Its text alternative follows the selection at once, drawn or not.
  await page.click('#controls input[name=salary][value=monthly]');
  await page.waitForFunction(() => /The observed t = 3\.22/.test(document.querySelector('#chart-tdist').getAttribute('aria-label')));
  await showChart(page, 'chart-tdist');
  const width = await page.$eval('#chart-tdist', (c) => c.width);
  assert.ok(width >= 240, `drawn at the width of its frame (${width} px)`);
  // Back at the top, a toggle leaves it alone until it is seen again, then it is redrawn.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('#controls input[name=salary][value=quarterly]');
  await page.waitForFunction(() => /The observed t = 3\.99/.test(document.querySelector('#chart-tdist').getAttribute('aria-label')));
  await showChart(page, 'chart-tdist');
  // The PNG of a chart that was never drawn is drawn first.
  await page.evaluate(() => window.scrollTo(0, 0));
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.$eval('#chart-coverage', (c) => c.closest('figure').querySelector('.chart-actions button').click()),
  ]);
  const bytes = fs.readFileSync(await dl.path());
  assert.ok(bytes.length > 1000, `the never-seen coverage chart downloads drawn (${bytes.length} bytes)`);
  assertClean(problems);
  await context.close();
});
