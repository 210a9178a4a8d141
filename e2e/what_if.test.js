// What if: leaving informants out (exclude= and the salary table's checkboxes) and a
// reader's own file (#your-data), against SciPy's references (tests/what_if.rs,
// scripts/reference/what_if.py): without Blake t(19) = 4.14, without Blake and Harry
// t(18) = 3.90; the spreadsheet fixture t(13) = 7.63, Welch t(12.81) = 7.64, U = 56, an
// exact permutation over 6,435 relabellings. Then: the banners and their way back, the
// keyboard, a group left with one informant, swapping the groups and the factor on T2,
// the paper's data downloaded and imported again, every kind of file the page refuses
// (the data shown before stays), and the print header. Assertions are on numbers, ids and
// the file name; sentences around them are worded elsewhere and may change.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  serve, launch, openApp, assert, assertClean, assertionCount, textOf, tableCells, waitForText, waitForQuery, queryOf,
} from './harness.js';

const FIXTURE = new URL('../tests/fixtures/own/spreadsheet.csv', import.meta.url).pathname;
const PAPER_QUERY = 'groups=service,development&times=t1,t2&salary=quarterly&discount=on';
const PAPER = { apa: 'Student: t(20) = 3.99, p < .001', welch: 'Welch: t(18.73) = 3.96, p < .001' };
// SciPy's ttest_ind on the quarterly T2 − T1 differences (T2 as printed).
const WITHOUT_BLAKE = 'Student: t(19) = 4.14, p < .001';
const WITHOUT_BLAKE_HARRY = 'Student: t(18) = 3.90, p = .001';
// SciPy on tests/fixtures/own/spreadsheet.csv, Pilot (the file's first group) against Usual.
const OWN = { apa: 'Student: t(13) = 7.63, p < .001', welch: 'Welch: t(12.81) = 7.64, p < .001' };
const SERVICE = ['aaron', 'ablett', 'bruce', 'barret', 'alice', 'blake', 'calvin', 'emily', 'chad', 'daniel'];
const QUANTITATIVE = ['salaries', 'test', 'robustness', 'demographics'];

let server, browser, tmp;
before(async () => {
  server = await serve();
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'se-what-if-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`# what_if.test.js: ${assertionCount()} assertions`);
});

// ---- Helpers ----------------------------------------------------------------------------

/** Text of the banner of each section that has one: { section id: "class: text" }. */
async function banners(page) {
  return page.$$eval('main > section[id] .data-banner', (bs) => Object.fromEntries(bs.map((b) => [b.closest('section').id, `${b.className}: ${b.textContent}`])));
}

/** The salary table's checkboxes: [aria-label, checked]. */
async function checks(page) {
  return page.$$eval('#salary-table td.row-check input[type=checkbox]', (cs) => cs.map((c) => [c.getAttribute('aria-label'), c.checked]));
}

const checkbox = (name) => `#salary-table td.row-check input[aria-label="Include ${name} in the analyses"]`;

/** Picks `file` (a path, or { name, buffer }) in #own-file and waits until the page has
 * either loaded it (#own-summary names it) or refused it (#own-error names it). */
async function pick(page, file) {
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  const payload = typeof file === 'string' ? file : { mimeType: 'text/csv', ...file };
  await page.setInputFiles('#own-file', payload);
  await page.waitForFunction((n) => {
    const error = document.querySelector('#own-error')?.textContent ?? '';
    const summary = document.querySelector('#own-summary')?.textContent ?? '';
    return error.startsWith(`${n} `) || (summary.includes(n) && !error);
  }, name, { timeout: 30000, polling: 20 });
  return name;
}

/** The permutation method's count (data-count) once #robustness shows it. */
async function permutationCount(page, expected) {
  await page.waitForFunction((e) => document.querySelector('#permutation-method')?.dataset.count === e, expected, { timeout: 15000 }).catch(() => {});
  return page.getAttribute('#permutation-method', 'data-count');
}

/** What an import that fails must leave as it was. */
async function shown(page) {
  return {
    apa: await textOf(page, '#apa-primary'),
    welch: await textOf(page, '#apa-welch'),
    summary: await textOf(page, '#own-summary'),
    banners: await banners(page),
    table: await tableCells(page, '#salary-table'),
    tests: await tableCells(page, '#robustness-tests', { body: true }),
    query: queryOf(page),
  };
}

// ---- Leaving informants out ---------------------------------------------------------------

test('?exclude=blake: t(19) = 4.14 in every quantitative view, a banner naming Blake, the ledger on the full sample', async () => {
  const { page, problems, context } = await openApp(browser, server, '?exclude=blake');
  assert.equal(await waitForText(page, '#apa-primary', WITHOUT_BLAKE), WITHOUT_BLAKE);
  assert.equal(await waitForQuery(page, `${PAPER_QUERY}&exclude=blake`), `${PAPER_QUERY}&exclude=blake`);
  assert.equal(await page.$('#url-notices'), null, 'a valid name raises no notice');
  // The checkbox: Blake unticked, the other 21 ticked.
  const boxes = await checks(page);
  assert.equal(boxes.length, 22, 'a left-out informant keeps a row, to be put back');
  assert.deepEqual(boxes.filter(([, c]) => !c).map(([l]) => l), ['Include Blake in the analyses']);
  // Salaries: Service's descriptives over 9; the robustness tests, the exact permutation
  // over C(21, 9) relabellings and leave-one-out over the 21 remaining.
  const desc = await tableCells(page, '#salary-descriptives', { body: true });
  assert.deepEqual(desc.filter((r) => r[0] === 'Service').map((r) => r[2]), ['9', '9', '9'], JSON.stringify(desc));
  const tests = await tableCells(page, '#robustness-tests', { body: true });
  assert.equal(tests[0][1], 't(19) = 4.14, p < .001');
  assert.equal(await permutationCount(page, '293,930'), '293,930');
  assert.equal(await page.$$eval('#influence-table tbody tr', (r) => r.length), 21);
  // The salary charts' data tables: a line per informant left in, a row per group.
  assert.deepEqual(await page.$$eval('#salaries details.chart-data', (ds) => ds.map((d) => d.querySelectorAll('tbody tr').length)), [21, 2]);
  // Demographics: Table 2's tests over 21 informants.
  assert.match(await textOf(page, '#demographics-table'), /t\(19\) = /);
  assert.doesNotMatch(await textOf(page, '#demographics-table'), /t\(20\) = /);
  // A banner in each quantitative section names Blake and has the way back; the ledger
  // says it keeps the full sample.
  const b = await banners(page);
  for (const id of QUANTITATIVE) {
    assert.ok(b[id]?.startsWith('data-banner what-if: '), `#${id}: ${b[id]}`);
    assert.ok(b[id].includes('Blake') && b[id].includes('(1)'), `#${id} names Blake: ${b[id]}`);
    assert.equal(await page.$$eval(`#${id} .data-banner .restore-sample`, (x) => x.length), 1, `#${id}: a restore button`);
  }
  assert.ok(b.reproducibility?.includes('22'), `the ledger's note: ${b.reproducibility}`);
  assert.equal(await page.$('#reproducibility .restore-sample'), null);
  for (const id of ['model', 'coverage', 'codebook']) assert.equal(b[id], undefined, `#${id} has no banner`);
  assertClean(problems);
  await context.close();
});

for (const [link, query] of [['?exclude=blake,harry', 'exclude=blake,harry'], ['?exclude=%20Harry%20,BLAKE', 'exclude=blake,harry']]) {
  test(`${link}: t(18) = 3.90, and the address names them in the study's order`, async () => {
    const { page, problems, context } = await openApp(browser, server, link);
    assert.equal(await waitForText(page, '#apa-primary', WITHOUT_BLAKE_HARRY), WITHOUT_BLAKE_HARRY);
    assert.equal(await waitForQuery(page, `${PAPER_QUERY}&${query}`), `${PAPER_QUERY}&${query}`);
    assert.equal(await page.$('#url-notices'), null);
    assert.deepEqual((await checks(page)).filter(([, c]) => !c).map(([l]) => l), ['Include Blake in the analyses', 'Include Harry in the analyses']);
    assert.equal(await permutationCount(page, '167,960'), '167,960', 'C(20, 9) relabellings');
    const b = await banners(page);
    for (const id of QUANTITATIVE) assert.ok(b[id]?.includes('Blake') && b[id].includes('Harry') && b[id].includes('(2)'), `#${id}: ${b[id]}`);
    assertClean(problems);
    await context.close();
  });
}

test('an unknown name is ignored with a notice naming it; the known one is left out', async () => {
  const { page, problems, context } = await openApp(browser, server, '?exclude=blake,zed');
  assert.equal(await waitForText(page, '#apa-primary', WITHOUT_BLAKE), WITHOUT_BLAKE);
  const notices = await page.$$eval('#url-notices li', (li) => li.map((x) => x.textContent));
  assert.equal(notices.length, 1, JSON.stringify(notices));
  assert.ok(notices[0].startsWith('exclude="zed"'), notices[0]);
  assert.equal(await waitForQuery(page, `${PAPER_QUERY}&exclude=blake`), `${PAPER_QUERY}&exclude=blake`, 'the unknown name leaves the address');
  assertClean(problems);
  await context.close();
});

test("each section's restore button brings back the paper's sample and t(20) = 3.99, and exclude= leaves the address", async () => {
  const { page, problems, context } = await openApp(browser, server, '?exclude=blake,harry');
  assert.equal(await waitForText(page, '#apa-primary', WITHOUT_BLAKE_HARRY), WITHOUT_BLAKE_HARRY);
  for (const id of QUANTITATIVE) {
    await page.click(`#${id} .data-banner .restore-sample`);
    assert.equal(await waitForText(page, '#apa-primary', PAPER.apa), PAPER.apa, `restored from #${id}`);
    assert.equal(await textOf(page, '#apa-welch'), PAPER.welch);
    assert.equal(await waitForQuery(page, PAPER_QUERY), PAPER_QUERY, `no exclude= after restoring from #${id}`);
    assert.deepEqual(await banners(page), {}, 'no banner left');
    assert.ok((await checks(page)).every(([, c]) => c), 'every checkbox ticked');
    assert.equal(await permutationCount(page, '646,646'), '646,646');
    // Leave Blake out again with his checkbox, for the next section's button.
    await page.click(checkbox('Blake'));
    assert.equal(await waitForText(page, '#apa-primary', WITHOUT_BLAKE), WITHOUT_BLAKE);
    assert.equal(await waitForQuery(page, `${PAPER_QUERY}&exclude=blake`), `${PAPER_QUERY}&exclude=blake`);
  }
  assertClean(problems);
  await context.close();
});

test('keyboard: Tab reaches the row checkboxes, Space leaves an informant out and keeps the focus', async () => {
  const { page, problems, context } = await openApp(browser, server);
  // Clicking the caption moves the sequential focus start there; Tab goes to the first row.
  await page.click('#salary-table caption');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Include Aaron in the analyses');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    window.__box = document.activeElement;
    return { label: document.activeElement.getAttribute('aria-label'), type: document.activeElement.type, outline: getComputedStyle(document.activeElement).outlineStyle };
  });
  assert.equal(focused.label, 'Include Blake in the analyses');
  assert.equal(focused.type, 'checkbox');
  assert.notEqual(focused.outline, 'none', 'a visible focus ring');
  await page.keyboard.press('Space');
  assert.equal(await waitForText(page, '#apa-primary', WITHOUT_BLAKE), WITHOUT_BLAKE);
  assert.equal(await waitForQuery(page, `${PAPER_QUERY}&exclude=blake`), `${PAPER_QUERY}&exclude=blake`);
  assert.deepEqual(await page.evaluate(() => [document.activeElement === window.__box, window.__box.isConnected, window.__box.checked]), [true, true, false],
    'the same checkbox keeps the focus, unticked');
  // Space again puts Blake back.
  await page.keyboard.press('Space');
  assert.equal(await waitForText(page, '#apa-primary', PAPER.apa), PAPER.apa);
  assert.equal(await waitForQuery(page, PAPER_QUERY), PAPER_QUERY);
  assert.deepEqual(await page.evaluate(() => [document.activeElement === window.__box, window.__box.checked]), [true, true]);
  // Tab moves on to the next row's checkbox.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Include Calvin in the analyses');
  assertClean(problems);
  await context.close();
});

test('a group left with one informant, or none, gives the explanation and no page error', async () => {
  // Eight of Service's ten left out by the link, the ninth by its checkbox.
  const { page, problems, context } = await openApp(browser, server, `?exclude=${SERVICE.slice(0, 8).join(',')}`);
  const two = () => page.waitForFunction(() => /^Student: t\(12\) = /.test(document.querySelector('#apa-primary')?.textContent ?? ''), null, { timeout: 5000 }).catch(() => {});
  await two();
  assert.match(await textOf(page, '#apa-primary'), /^Student: t\(12\) = /, 'two of Service left: a test');
  await page.click(checkbox('Chad'));
  await page.waitForFunction(() => /not defined for this selection/.test(document.querySelector('#apa-primary')?.textContent ?? ''), null, { timeout: 5000 }).catch(() => {});
  const apa = await textOf(page, '#apa-primary');
  assert.match(apa, /not defined for this selection/, apa);
  assert.match(apa, /\b2\b.*\b1\b/, `names the two needed and the one left: ${apa}`);
  assert.equal(await textOf(page, '#apa-welch'), null, 'no Welch line without a test');
  for (const sel of ['#robustness-summary', '#permutation']) {
    assert.match(await textOf(page, sel), /not defined for this selection/, sel);
  }
  assert.equal(await page.$('#chart-tdist'), null, 'no t distribution without a test');
  assert.match(queryOf(page), /exclude=aaron,ablett,bruce,barret,alice,blake,calvin,emily,chad$/);
  // The last one too: none left.
  await page.click(checkbox('Daniel'));
  await page.waitForFunction(() => /\b0\b/.test(document.querySelector('#apa-primary')?.textContent ?? ''), null, { timeout: 5000 }).catch(() => {});
  assert.match(await textOf(page, '#apa-primary'), /not defined for this selection.*\b0\b/);
  // Ticking two back gives a test again.
  await page.click(checkbox('Daniel'));
  await page.click(checkbox('Chad'));
  await two();
  assert.match(await textOf(page, '#apa-primary'), /^Student: t\(12\) = /);
  assertClean(problems);
  await context.close();
});

// ---- Your own data ------------------------------------------------------------------------

test('the spreadsheet fixture: t(13) = 7.63, Welch t(12.81) = 7.64, U = 56, an exact permutation over 6,435', async () => {
  const { page, problems, context } = await openApp(browser, server);
  const query = await waitForQuery(page, PAPER_QUERY);
  await pick(page, FIXTURE);
  assert.equal(await waitForText(page, '#apa-primary', OWN.apa), OWN.apa);
  assert.equal(await textOf(page, '#apa-welch'), OWN.welch);
  const summary = await textOf(page, '#own-summary');
  for (const part of ['spreadsheet.csv', '15', 'Pilot (8)', 'Usual (7)']) assert.ok(summary.includes(part), `#own-summary ${JSON.stringify(summary)} lacks ${part}`);
  assert.equal(await page.$('#own-error'), null);
  // The salary table lists the file's 15 rows, ids as the spreadsheet quoted them, no checkboxes.
  const table = await tableCells(page, '#salary-table', { body: true });
  assert.equal(table.length, 15);
  assert.deepEqual(table.map((r) => r[0]).filter((id) => /[,"]/.test(id)), ['Lee, Ann', 'O"Neil', 'Park, J.']);
  assert.deepEqual(table[0].slice(-3), ['1,234.50', '1,480.00', '245.50'], 'a quoted "1,234.50" is read as 1234.5');
  assert.deepEqual(table.map((r) => r[1]), [...Array(8).fill('Pilot'), ...Array(7).fill('Usual')], "the file's own group labels");
  assert.equal(await page.$('#salary-table td.row-check'), null);
  // Robustness: Student, Welch, Mann–Whitney with SciPy's exact p, the exact permutation.
  const tests = await tableCells(page, '#robustness-tests', { body: true });
  assert.equal(tests[0][1], 't(13) = 7.63, p < .001');
  assert.equal(tests[1][1], 't(12.81) = 7.64, p < .001');
  assert.match(tests[2][0], /Mann–Whitney U/);
  assert.equal(tests[2][1], 'U = 56, p < .001');
  assert.ok(tests[2][2].includes('two-sided p = .000311'), tests[2][2]);
  assert.equal(await permutationCount(page, '6,435'), '6,435');
  assert.ok((await textOf(page, '#permutation-method')).includes('6,435 relabellings of the 15 '), await textOf(page, '#permutation-method'));
  const perm = await tableCells(page, '#permutation-table', { body: true });
  const scipy = perm.find((r) => /SciPy's definition/.test(r[0]));
  assert.deepEqual(scipy?.slice(1), ['.000311', '2 of 6,435 relabellings'], JSON.stringify(perm));
  // Banners: the analysed sections name the file; the others say they stay the paper's.
  const b = await banners(page);
  for (const id of ['salaries', 'test', 'robustness']) {
    assert.ok(b[id]?.startsWith('data-banner own-data: ') && b[id].includes('spreadsheet.csv'), `#${id}: ${b[id]}`);
    assert.equal(await page.$$eval(`#${id} .data-banner .back-to-paper`, (x) => x.length), 1, `#${id}: a way back`);
  }
  for (const id of ['model', 'coverage', 'demographics', 'codebook', 'reproducibility']) {
    assert.ok(b[id]?.startsWith('data-banner note: ') && !b[id].includes('spreadsheet.csv'), `#${id}: ${b[id]}`);
  }
  // The share panel says a link cannot carry the file; the address is the paper's view.
  assert.ok(await page.$('#share-own-note'), '#share-own-note');
  assert.equal(queryOf(page), query, 'importing does not change the address');
  assertClean(problems);
  await context.close();
});

test('own data: swap the groups, a factor on T2 (a bad one refused), back to the paper', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await pick(page, FIXTURE);
  assert.equal(await waitForText(page, '#apa-primary', OWN.apa), OWN.apa);
  assert.equal(await page.inputValue('#own-factor'), '1');
  await page.click('#own-swap');
  assert.equal(await waitForText(page, '#apa-primary', 'Student: t(13) = \u22127.63, p < .001'), 'Student: t(13) = \u22127.63, p < .001');
  assert.equal(await textOf(page, '#apa-welch'), 'Welch: t(12.81) = \u22127.64, p < .001');
  assert.ok((await textOf(page, '#own-summary')).indexOf('Usual (7)') < (await textOf(page, '#own-summary')).indexOf('Pilot (8)'), 'Usual first after the swap');
  // Factor 0.5 on T2 (SciPy: t = −1.598, p = .134; Welch t(12.81) = −1.628), applied on Enter.
  await page.fill('#own-factor', '0.5');
  await page.press('#own-factor', 'Enter');
  assert.equal(await waitForText(page, '#apa-primary', 'Student: t(13) = \u22121.60, p = .134'), 'Student: t(13) = \u22121.60, p = .134');
  assert.equal(await textOf(page, '#apa-welch'), 'Welch: t(12.81) = \u22121.63, p = .128');
  // A value that is not a factor is explained, and the factor in use stays.
  for (const bad of ['abc', '0', '-1', '1e9']) {
    await page.fill('#own-factor', bad);
    await page.press('#own-factor', 'Enter');
    await page.waitForFunction((b) => (document.querySelector('#own-factor-error')?.textContent ?? '').includes(b), bad, { timeout: 3000 }).catch(() => {});
    assert.ok((await textOf(page, '#own-factor-error')).includes(`“${bad}”`), `${bad}: ${await textOf(page, '#own-factor-error')}`);
    assert.equal(await page.getAttribute('#own-factor', 'aria-invalid'), 'true');
    assert.equal(await textOf(page, '#apa-primary'), 'Student: t(13) = \u22121.60, p = .134', `${bad} keeps the factor`);
  }
  // Factor 1.1, applied when the field is left (SciPy: t = −6.013, Welch t(12.71) = −6.01).
  await page.fill('#own-factor', '1.1');
  await page.keyboard.press('Tab');
  assert.equal(await waitForText(page, '#apa-primary', 'Student: t(13) = \u22126.01, p < .001'), 'Student: t(13) = \u22126.01, p < .001');
  assert.equal(await textOf(page, '#apa-welch'), 'Welch: t(12.71) = \u22126.01, p < .001');
  assert.equal(await textOf(page, '#own-factor-error'), '', 'the error is cleared');
  assert.equal(await page.getAttribute('#own-factor', 'aria-invalid'), 'false');
  // Swapping keeps the factor.
  await page.click('#own-swap');
  assert.equal(await waitForText(page, '#apa-primary', 'Student: t(13) = 6.01, p < .001'), 'Student: t(13) = 6.01, p < .001');
  // Importing a file starts from factor 1 and the file's own order of groups.
  await pick(page, { name: 'spreadsheet-again.csv', buffer: fs.readFileSync(FIXTURE) });
  assert.equal(await waitForText(page, '#apa-primary', OWN.apa), OWN.apa);
  assert.equal(await page.inputValue('#own-factor'), '1');
  // Back to the paper's data, from the test's banner.
  await page.click('#test .data-banner .back-to-paper');
  assert.equal(await waitForText(page, '#apa-primary', PAPER.apa), PAPER.apa);
  assert.equal(await textOf(page, '#apa-welch'), PAPER.welch);
  assert.deepEqual(await banners(page), {});
  assert.equal(await page.$('#own-summary'), null);
  assert.equal(await page.$('#share-own-note'), null);
  assert.equal((await checks(page)).length, 22, 'the checkboxes are back');
  assert.equal(await permutationCount(page, '646,646'), '646,646');
  assertClean(problems);
  await context.close();
});

test("round trip: the paper's data downloaded in this format and imported again gives t(20) = 3.99, p < .001", async () => {
  const { page, problems, context } = await openApp(browser, server);
  const paper = { apa: await textOf(page, '#apa-primary'), welch: await textOf(page, '#apa-welch'), tests: await tableCells(page, '#robustness-tests', { body: true }) };
  assert.equal(paper.apa, PAPER.apa);
  const download = page.waitForEvent('download');
  await page.click('#your-data button:has-text("Download the paper")');
  const d = await download;
  assert.equal(d.suggestedFilename(), 'song-2019-table8-quarterly.csv');
  const saved = path.join(tmp, d.suggestedFilename());
  await d.saveAs(saved);
  const text = fs.readFileSync(saved, 'utf8');
  const lines = text.split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'id,group,t1,t2');
  assert.equal(lines.length, 23, 'the header and the 22 informants');
  assert.equal(lines[1], 'Aaron,Service,37200.5,43532.78');
  await pick(page, saved);
  await page.waitForFunction(() => document.querySelector('.data-banner.own-data'), null, { timeout: 5000 });
  assert.equal(await waitForText(page, '#apa-primary', PAPER.apa), PAPER.apa, "exactly the paper's line");
  assert.equal(await textOf(page, '#apa-welch'), paper.welch);
  assert.ok((await textOf(page, '#own-summary')).includes('song-2019-table8-quarterly.csv'));
  assert.ok((await textOf(page, '#test .data-banner')).includes('song-2019-table8-quarterly.csv'));
  assert.equal(await permutationCount(page, '646,646'), '646,646');
  const tests = await tableCells(page, '#robustness-tests', { body: true });
  assert.deepEqual(tests.map((r) => r[1]), paper.tests.map((r) => r[1]), 'the same robustness tests');
  assertClean(problems);
  await context.close();
});

// ---- Files the page refuses -------------------------------------------------------------

const lines = (...rows) => Buffer.from(`${rows.join('\n')}\n`);
const rowsOf = (n, idWidth = 0) => {
  const head = 'id,group,t1,t2\n';
  const pad = 'x'.repeat(idWidth);
  const body = Array.from({ length: n }, (_, i) => `r${i}${pad},${i % 2 ? 'A' : 'B'},${1000 + (i % 97)},${1100 + (i % 89)}\n`);
  return Buffer.from(head + body.join(''));
};

const LARGE = rowsOf(80_000, 250);
assert.ok(LARGE.length > 20_000_000, `${LARGE.length} bytes`);

// [file name, contents (a Buffer, or a function returning a path written on disk), the
//  parts the message must hold]
const BAD = [
  ['header.csv', lines('id,grp,t1,t2', 'a,X,1,2', 'b,Y,2,3'), ['line 1, column 2 (group)', '“grp”', 'id,group,t1,t2']],
  ['one-group.csv', lines('id,group,t1,t2', 'a,X,1,2', 'b,X,2,3', 'c,X,3,5'), ['line 2, column 2 (group)', '“X”']],
  ['three-groups.csv', lines('id,group,t1,t2', 'a,X,1,2', 'b,Y,2,3', 'c,Z,3,5'), ['line 4, column 2 (group)', '“Z”', '“X”', '“Y”']],
  ['not-a-number.csv', lines('id,group,t1,t2', 'a,X,1,2', 'b,Y,n/a,3', 'c,X,3,5'), ['line 3, column 3 (t1)', '“n/a”']],
  ['not-a-number-t2.csv', Buffer.from('\uFEFFid,group,t1,t2\r\n"a, b",X,1,2\r\nc,Y,2,"1,23"\r\n'), ['line 3, column 4 (t2)', '“1,23”']],
  ['empty.csv', Buffer.alloc(0), ['empty']],
  ['too-many-rows.csv', rowsOf(100_001), ['line 100002', '100,000']],
  // Over 20 MB with fewer than 100,000 rows: the size alone refuses it. Written to disk
  // (a 20 MB buffer is slow to pass through the DevTools protocol).
  ['too-large.csv', () => {
    const file = path.join(tmp, 'too-large.csv');
    fs.writeFileSync(file, LARGE);
    return file;
  }, [`the file is ${(LARGE.length / 1e6).toFixed(1)} MB`, '20 MB']],
];

for (const [name, contents, parts] of BAD) {
  test(`a refused file (${name}): the message names line and column, the data shown before stays`, async () => {
    const { page, problems, context } = await openApp(browser, server);
    await pick(page, FIXTURE);
    assert.equal(await waitForText(page, '#apa-primary', OWN.apa), OWN.apa);
    const before = await shown(page);
    const file = typeof contents === 'function' ? contents() : { name, buffer: contents };
    assert.equal(await pick(page, file), name);
    const message = await textOf(page, '#own-error');
    assert.ok(message.startsWith(`${name} was not loaded: `), message);
    for (const part of parts) assert.ok(message.includes(part), `${JSON.stringify(message)} lacks ${JSON.stringify(part)}`);
    if (!parts.some((p) => p.startsWith('line '))) assert.doesNotMatch(message, /line \d/, 'a whole-file problem names no line');
    assert.equal(await page.getAttribute('#own-error', 'role'), 'alert');
    assert.deepEqual(await shown(page), before, 'the spreadsheet stays loaded and analysed');
    assert.equal(before.apa, OWN.apa);
    // A good file afterwards loads and clears the message.
    await pick(page, { name: 'again.csv', buffer: fs.readFileSync(FIXTURE) });
    assert.equal(await page.$('#own-error'), null);
    assert.ok((await textOf(page, '#own-summary')).includes('again.csv'));
    assert.equal(await textOf(page, '#apa-primary'), OWN.apa);
    assertClean(problems);
    await context.close();
  });
}

test("a refused file while the paper's data is shown leaves the paper's view", async () => {
  const { page, problems, context } = await openApp(browser, server, '?exclude=blake');
  assert.equal(await waitForText(page, '#apa-primary', WITHOUT_BLAKE), WITHOUT_BLAKE);
  await pick(page, { name: 'three-groups.csv', buffer: BAD[2][1] });
  assert.ok((await textOf(page, '#own-error')).includes('line 4, column 2 (group)'));
  assert.equal(await textOf(page, '#apa-primary'), WITHOUT_BLAKE);
  assert.equal(await page.$('#own-summary'), null);
  assert.equal(await page.$('.data-banner.own-data'), null);
  assert.ok((await banners(page)).test.includes('Blake'), 'the exclusion banner stays');
  assert.equal(queryOf(page), `${PAPER_QUERY}&exclude=blake`);
  assertClean(problems);
  await context.close();
});

// ---- Printing ---------------------------------------------------------------------------

test('the print header names the file while own data is loaded, and stops when it is not', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await pick(page, FIXTURE);
  assert.equal(await waitForText(page, '#apa-primary', OWN.apa), OWN.apa);
  await page.click('#share > summary');
  assert.ok(await page.isVisible('#share-own-note'), 'the share panel says a link cannot carry the file');
  await page.selectOption('#share-section', 'test');
  await page.click('#print-section');
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const visible = (el) => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
    return {
      header: visible(document.getElementById('print-header')),
      text: document.getElementById('print-header').textContent,
      sections: [...document.querySelectorAll('main > section[id]')].filter(visible).map((s) => s.id),
      apa: document.getElementById('apa-primary').textContent,
    };
  });
  assert.ok(printed.header, 'the print header is printed');
  assert.ok(printed.text.includes('spreadsheet.csv'), printed.text);
  assert.ok(printed.text.includes(page.url().split('#')[0]), `the permalink is printed: ${printed.text}`);
  assert.deepEqual(printed.sections, ['test']);
  assert.equal(printed.apa, OWN.apa, "the handout shows the file's test");
  await page.emulateMedia({ media: 'screen' });
  await page.click('#test .data-banner .back-to-paper');
  assert.equal(await waitForText(page, '#apa-primary', PAPER.apa), PAPER.apa);
  assert.ok(!(await textOf(page, '#print-header')).includes('spreadsheet.csv'), 'no file named once it is gone');
  assertClean(problems);
  await context.close();
});

// README: "edit a value and import it again to see what changes". A browser fires no change
// event when the file already in an input is picked again, so the page clears the input
// after each read.

test('the same file, fixed after an error or edited after loading, is read again when picked again', async () => {
  const { page, problems, context } = await openApp(browser, server);
  const file = path.join(tmp, 'edited.csv');
  fs.writeFileSync(file, lines('id,group,t1,t2', 'a,X,1,2', 'b,Y,n/a,3', 'c,X,3,5', 'd,Y,4,4'));
  await pick(page, file);
  assert.ok((await textOf(page, '#own-error')).includes('line 3, column 3 (t1)'));
  // Fixed in place, picked again.
  fs.writeFileSync(file, fs.readFileSync(FIXTURE));
  await page.setInputFiles('#own-file', file);
  assert.equal(await waitForText(page, '#apa-primary', OWN.apa), OWN.apa, 'the fixed file is read');
  assert.equal(await page.$('#own-error'), null);
  // Edited after loading (the groups' order swapped), picked again.
  const edited = fs.readFileSync(FIXTURE, 'utf8').split('\r\n');
  fs.writeFileSync(file, [edited[0], ...edited.slice(1).reverse()].join('\r\n'));
  await page.setInputFiles('#own-file', file);
  assert.equal(await waitForText(page, '#apa-primary', 'Student: t(13) = \u22127.63, p < .001'), 'Student: t(13) = \u22127.63, p < .001', 'the edited file is read');
  assertClean(problems);
  await context.close();
});
