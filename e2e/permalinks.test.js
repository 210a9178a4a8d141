// Permalinks: opening a link restores the controls and the test; a view changed with the
// controls survives a reload of its URL; hostile or invalid links fall back to the paper's
// view with a notice naming what was ignored, never run script and never open a dialog;
// exclude= links that are odd (empty, repeated, a whole group) show what they ask for.
import { test, before, after } from 'node:test';
import {
  serve, launch, openApp, ready, assert, assertClean, assertShowsState, referenceStates, assertionCount,
  controlState, queryOf, tableCells, textOf, waitForQuery,
} from './harness.js';

const S = referenceStates();
let server, browser, baselineScripts;
before(async () => {
  server = await serve();
  browser = await launch();
  const { page, context } = await openApp(browser, server);
  baselineScripts = await page.evaluate(() => document.querySelectorAll('script').length);
  await context.close();
});
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# permalinks.test.js: ${assertionCount()} assertions`);
});

const box = (name, value) => `#controls input[name=${name}][value=${value}]`;

// [link as a reader might write it, the reference state it must show]
const LINKS = [
  ['?groups=development&times=t1,t2&salary=monthly&discount=off', 'paired-development-monthly-off'],
  ['?groups=service&times=t2', 'descriptive-service-t2'],
  ['?revenue2017=40000000', 'custom-revenue2017'],
  ['?salary=monthly', 'monthly'],
  ['?times=t1', 'between-t1'],
  ['?discount=off&salary=monthly', 'discount-off-monthly'],
  ['?groups=Service&times=T1', 'descriptive-service-t1'], // words are case-insensitive
  ['?groups=service%2Cdevelopment&times=t2%2C&revenue2017=40000000', 'between-t2-custom'], // encoded commas, empty item
  ['?groups=development,development', 'paired-development'], // repeated word
  ['?salary2016=2000000&revenue2016=25000000&salary2017=2100000&revenue2017=31500000.5', 'custom-all-totals'],
];

for (const [link, name] of LINKS) {
  test(`the permalink ${link} restores ${name}`, async () => {
    const { page, problems, context } = await openApp(browser, server, link);
    await assertShowsState(page, S[name], { full: false });
    assert.equal(await page.$('#url-notices'), null, 'no notice for a valid link');
    assertClean(problems);
    await context.close();
  });
}

test('a section fragment survives the URL rewrite (?salary=monthly#test)', async () => {
  const { page, problems, context } = await openApp(browser, server, '?salary=monthly#test');
  await assertShowsState(page, S.monthly, { full: false });
  assert.equal(new URL(page.url()).hash, '#test');
  await page.click(box('salary', 'quarterly'));
  await assertShowsState(page, S.paper, { full: false });
  assert.equal(new URL(page.url()).hash, '#test', 'the fragment is kept when a control changes');
  assertClean(problems);
  await context.close();
});

test('round trip: change controls, reload the new URL, get the same view', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.click(box('groups', 'service'));
  await page.click(box('salary', 'monthly'));
  await page.click('#controls input[name=discount]');
  await assertShowsState(page, S['paired-development-monthly-off']);
  const url = page.url();
  const view = async (p) => ({
    controls: await controlState(p),
    apa: await textOf(p, '#apa-primary'),
    welch: await textOf(p, '#apa-welch'),
    details: await tableCells(p, '#test-details'),
    table: await tableCells(p, '#salary-table'),
    descriptives: await tableCells(p, '#salary-descriptives'),
    query: queryOf(p),
  });
  const expected = await view(page);

  // 1. reload the same tab
  await page.reload();
  await ready(page);
  await assertShowsState(page, S['paired-development-monthly-off']);
  assert.deepEqual(await view(page), expected, 'same view after reload');

  // 2. open the copied URL in a fresh context (a reader pasting the link)
  const other = await openApp(browser, server, new URL(url).search);
  await assertShowsState(other.page, S['paired-development-monthly-off']);
  assert.deepEqual(await view(other.page), expected, 'same view from the pasted link');
  assertClean(other.problems);
  await other.context.close();

  // 3. with a custom total and one timepoint
  await page.click('#controls details.totals > summary');
  await page.click(box('groups', 'service'));
  await page.click(box('salary', 'quarterly'));
  await page.click('#controls input[name=discount]');
  await page.click(box('times', 't1'));
  await page.fill('#total-revenue2017', '40000000');
  await assertShowsState(page, S['between-t2-custom']);
  const expected2 = await view(page);
  await page.goto(page.url());
  await ready(page);
  await assertShowsState(page, S['between-t2-custom']);
  assert.deepEqual(await view(page), expected2, 'same view after navigating to the URL');
  assertClean(problems);
  await context.close();
});

// ---- hostile and invalid links ---------------------------------------------------------

const LONG = 'a'.repeat(6 * 1024);
// [label, query as typed into the address bar, params the notice must name, extra check]
const HOSTILE = [
  ['unknown words', '?groups=admins&salary=weekly', ['groups', 'salary']],
  ['NaN total', '?salary2016=NaN', ['salary2016']],
  ['1e400 total', '?revenue2016=1e400', ['revenue2016']],
  ['negative total', '?salary2017=-5', ['salary2017']],
  ['zero total', '?revenue2017=0', ['revenue2017']],
  ['6 KB value', `?groups=${LONG}`, ['groups'], (t) => assert.match(t, /too long/)],
  ['6 KB value of an unknown parameter', `?x=${LONG}`, ['x']],
  ['control bytes', '?discount=%00%1b', ['discount'], (t) => assert.ok(t.includes('discount="\uFFFD\uFFFD"'), t)],
  ['script as a value', '?groups=<script>alert(1)</script>', ['groups'], (t) => assert.ok(t.includes('<script>alert(1)</script>'), t)],
  ['encoded script as a value', '?salary=%3Cscript%3Ealert(1)%3C%2Fscript%3E', ['salary'], (t) => assert.ok(t.includes('<script>alert(1)</script>'), t)],
  ['markup in a value', '?times=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', ['times'], (t) => assert.ok(t.includes('<img src=x onerror=alert(1)>'), t)],
  ['script as a parameter name', '?%3Cscript%3Ealert(1)%3C%2Fscript%3E=1', ['<script>alert(1)</script>']],
  ['unknown parameter', '?evil=1', ['evil'], (t) => assert.match(t, /unknown parameter/)],
  ['empty lists', '?groups=&times=,', ['groups', 'times']],
  // exclude= names informants: a name the study lacks is ignored with a notice naming it.
  ['6 KB exclude value', `?exclude=${LONG}`, ['exclude'], (t) => assert.match(t, /too long/)],
  ['6 KB list of real names', `?exclude=${'blake,'.repeat(1000)}`, ['exclude'], (t) => assert.match(t, /too long/)],
  ['control bytes as an informant', '?exclude=%00%1b', ['exclude'], (t) => assert.ok(t.includes('exclude="\uFFFD\uFFFD"'), t)],
  ['control bytes around a real name', '?exclude=%1bblake%00', ['exclude'], (t) => assert.ok(t.includes('exclude="\uFFFDblake\uFFFD"'), t)],
  ['script as an informant', '?exclude=<script>alert(1)</script>', ['exclude'], (t) => assert.ok(t.includes('<script>alert(1)</script>'), t)],
  ['markup as an informant, encoded', '?exclude=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', ['exclude'], (t) => assert.ok(t.includes('<img src=x onerror=alert(1)>'), t)],
  // Repeated: one notice for the repetition, one for each unknown name (as for groups=).
  ['repeated unknown informant', '?exclude=zed&exclude=zed', ['exclude', 'exclude', 'exclude'], (t) => assert.match(t, /more than once/)],
  ['everything at once', `?groups=admins&times=t3&salary=weekly&discount=maybe&salary2016=NaN&revenue2016=1e400&salary2017=-5&revenue2017=0&evil=%00%1b&x=${LONG}`,
    ['groups', 'times', 'salary', 'discount', 'salary2016', 'revenue2016', 'salary2017', 'revenue2017', 'evil', 'x']],
];

for (const [label, query, params, extra, options = {}] of HOSTILE) {
  test(`hostile link (${label}) falls back to the paper's view with a notice`, options, async () => {
    const { page, problems, context } = await openApp(browser, server, query);
    await assertShowsState(page, S.paper, { full: false });
    const notices = await page.$$eval('#url-notices li', (li) => li.map((x) => x.textContent));
    assert.equal(notices.length, params.length, `one notice per ignored parameter: ${JSON.stringify(notices)}`);
    params.forEach((p, i) => assert.ok(notices[i].startsWith(`${p}=`) || notices[i].startsWith(`${p}:`), `notice ${i} names ${p}: ${notices[i]}`));
    const text = await textOf(page, '#url-notices');
    assert.match(text, /Some values in this link were ignored/);
    if (extra) extra(text);
    // Shown as text: nothing was injected.
    assert.equal(await page.evaluate(() => document.querySelectorAll('script').length), baselineScripts, 'script count unchanged');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, iframe, object, embed, frame').length), 0, 'no injected element');
    assert.equal(await page.$$eval('#url-notices li *', (els) => els.length), 0, 'notices are plain text');
    // Each notice shows at most 40 characters of the value (plus an ellipsis).
    for (const n of notices) {
      const m = n.match(/="(.*)": /s);
      if (m) assert.ok([...m[1]].length <= 41, `value shortened: ${n.length} chars`);
    }
    // The address bar is rewritten to the view actually shown.
    assert.equal(await waitForQuery(page, S.paper.canonical_query), S.paper.canonical_query);
    // Dismiss removes the notice; the view stays.
    await page.click('#url-notices button');
    await page.waitForSelector('#url-notices', { state: 'detached' });
    assert.equal(await textOf(page, '#apa-primary'), S.paper.apa_primary);
    await page.waitForTimeout(50); // a late dialog would be recorded by the harness
    assertClean(problems);
    await context.close();
  });
}

// exclude= links that are odd but not wrong: empty lists and repeated names leave the view
// without a notice; a repeated parameter keeps the last; a whole group (or everyone) left
// out gives the usual explanation, never a page error. SciPy: without Harry t(19) = 3.71,
// p = .00148; with Development left out of a Service-only view, the paired test is the
// paper's Service test.
const ALL_SERVICE = 'aaron,ablett,bruce,barret,alice,blake,calvin,emily,chad,daniel';
const ALL_DEVELOPMENT = 'evan,gary,basia,harry,herbert,james,carol,jeremy,lambert,matt,dana,grace';
const NOT_DEFINED = (n) => `No test: not defined for this selection: needs at least 2 values per group, but has ${n}.`;
// [link, the APA line, the address the page writes, the notices (their starts)]
const EXCLUDE_LINKS = [
  ['?exclude=,,,', S.paper.apa_primary, S.paper.canonical_query, []],
  ['?exclude=', S.paper.apa_primary, S.paper.canonical_query, []],
  ['?exclude=blake,BLAKE,%20Blake%20', 'Student: t(19) = 4.14, p < .001', `${S.paper.canonical_query}&exclude=blake`, []],
  ['?exclude=blake&exclude=harry', 'Student: t(19) = 3.71, p = .001', `${S.paper.canonical_query}&exclude=harry`, ['exclude="harry": given more than once']],
  ['?exclude=blake&exclude=', S.paper.apa_primary, S.paper.canonical_query, ['exclude: given more than once']],
  [`?exclude=${ALL_SERVICE}`, NOT_DEFINED(0), `${S.paper.canonical_query}&exclude=${ALL_SERVICE}`, []],
  [`?exclude=${ALL_SERVICE.split(',').reverse().join(',').toUpperCase()}`, NOT_DEFINED(0), `${S.paper.canonical_query}&exclude=${ALL_SERVICE}`, []],
  [`?groups=service&exclude=${ALL_DEVELOPMENT}`, S['paired-service'].apa_primary, `${S['paired-service'].canonical_query}&exclude=${ALL_DEVELOPMENT}`, []],
  [`?groups=development&exclude=${ALL_DEVELOPMENT}`, NOT_DEFINED(0), `${S['paired-development'].canonical_query}&exclude=${ALL_DEVELOPMENT}`, []],
  [`?exclude=${ALL_SERVICE},${ALL_DEVELOPMENT}`, NOT_DEFINED(0), `${S.paper.canonical_query}&exclude=${ALL_SERVICE},${ALL_DEVELOPMENT}`, []],
];

for (const [link, apa, query, notices] of EXCLUDE_LINKS) {
  test(`the exclude= link ${link.length > 60 ? `${link.slice(0, 60)}…` : link} shows ${apa}`, async () => {
    const { page, problems, context } = await openApp(browser, server, link);
    await page.waitForFunction((e) => document.querySelector('#apa-primary')?.textContent === e, apa, { timeout: 5000 }).catch(() => {});
    assert.equal(await textOf(page, '#apa-primary'), apa);
    assert.equal(await waitForQuery(page, query), query);
    const shown = await page.$$eval('#url-notices li', (li) => li.map((x) => x.textContent));
    assert.equal(shown.length, notices.length, JSON.stringify(shown));
    notices.forEach((n, i) => assert.ok(shown[i].startsWith(n), `${shown[i]} starts with ${n}`));
    if (apa.startsWith('No test')) {
      for (const sel of ['#robustness-summary', '#permutation']) assert.match(await textOf(page, sel), /not defined for this selection/, sel);
      assert.equal(await page.$('#chart-tdist'), null);
    }
    // The page's own address reloads to the same view, without a notice.
    await page.goto(page.url());
    await ready(page);
    assert.equal(await textOf(page, '#apa-primary'), apa, 'the same view from the address the page wrote');
    assert.equal(await page.$('#url-notices'), null, 'the address the page wrote raises no notice');
    assertClean(problems);
    await context.close();
  });
}

test('an invalid parameter falls back alone: the valid ones are kept', async () => {
  const { page, problems, context } = await openApp(browser, server, '?salary=monthly&revenue2017=0&groups=service,staff');
  // groups falls back to both, revenue2017 to the paper's total; monthly stays.
  await assertShowsState(page, S.monthly, { full: false });
  const notices = await page.$$eval('#url-notices li', (li) => li.map((x) => x.textContent));
  assert.equal(notices.length, 2, JSON.stringify(notices));
  assert.ok(notices[0].startsWith('revenue2017="0"'), notices[0]);
  assert.ok(notices[1].startsWith('groups="service,staff"'), notices[1]);
  assertClean(problems);
  await context.close();
});

test('a link longer than 8 KB is cut with a notice and still renders', async () => {
  const { page, problems, context } = await openApp(browser, server, `?salary=monthly&pad=${'b'.repeat(9000)}`);
  await assertShowsState(page, S.monthly, { full: false });
  const notices = await page.$$eval('#url-notices li', (li) => li.map((x) => x.textContent));
  assert.ok(notices.some((n) => n.startsWith('(link)')), JSON.stringify(notices));
  assert.ok(notices.some((n) => n.startsWith('pad=')), JSON.stringify(notices));
  assertClean(problems);
  await context.close();
});

// Any total the field accepts must survive the URL: the link the app writes reloads to the
// same view with no notice. Amounts are written with every digit, so tiny totals and totals
// with many decimals round-trip.
const TYPED = ['0.0000001', '0.5', '1970000.0000004', '31500000.5', '1234567.891234567', '999999999999999.9'];
for (const typed of TYPED) {
  test(`a typed total the app accepts (${typed}) round-trips through its URL`, async () => {
    const { page, problems, context } = await openApp(browser, server);
    await page.click('#controls details.totals > summary');
    await page.fill('#total-salary2017', typed);
    await page.waitForTimeout(100);
    const error = await textOf(page, '#total-salary2017-error');
    const before = { apa: await textOf(page, '#apa-primary'), welch: await textOf(page, '#apa-welch'), table: await tableCells(page, '#salary-table') };
    if (error) {
      // Refused: the paper's view stays and the URL does not change.
      assert.equal(before.apa, S.paper.apa_primary, `refused ${typed}: APA unchanged`);
      assert.equal(queryOf(page), S.paper.canonical_query, `refused ${typed}: URL unchanged`);
    } else {
      const query = queryOf(page);
      assert.match(query, /(^|&)salary2017=[0-9.]+$/, `the URL carries the total: ${query}`);
      await page.goto(page.url());
      await ready(page);
      const notices = await page.$$eval('#url-notices li', (li) => li.map((x) => x.textContent));
      assert.deepEqual(notices, [], `the app's own link for ${typed} (?${query}) raises no notice`);
      assert.equal(Number(await page.inputValue('#total-salary2017')), Number(typed), 'the field shows the same amount after reload');
      assert.deepEqual({ apa: await textOf(page, '#apa-primary'), welch: await textOf(page, '#apa-welch'), table: await tableCells(page, '#salary-table') }, before,
        `same view after reloading ?${query}`);
      assert.equal(queryOf(page), query, 'the URL is stable');
    }
    assertClean(problems);
    await context.close();
  });
}

test('a linked total is shown in its field exactly as linked', async () => {
  const { page, problems, context } = await openApp(browser, server, '?salary2017=1970000.0000004&revenue2017=31500000.5');
  assert.equal(await page.inputValue('#total-salary2017'), '1970000.0000004');
  assert.equal(await page.inputValue('#total-revenue2017'), '31500000.5');
  assert.equal(await page.$('#url-notices'), null);
  assertClean(problems);
  await context.close();
});
