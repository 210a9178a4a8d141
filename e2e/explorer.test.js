// The control bar, driven like a reader: every control changes the APA line, the salary
// table and the URL to the SciPy reference state it implies (e2e/reference_states.json);
// unticking the last group or timepoint is refused; a bad typed total is refused with its
// field error; "Reset to the paper's values" restores the paper's test.
import { test, before, after } from 'node:test';
import {
  serve, launch, openApp, assert, assertClean, assertShowsState, referenceStates, assertionCount,
  controlState, queryOf, tableCells, textOf, waitForText, waitForQuery,
} from './harness.js';

const S = referenceStates();
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# explorer.test.js: ${assertionCount()} assertions`);
});

const box = (name, value) => `#controls input[name=${name}][value=${value}]`;
const DISCOUNT = '#controls input[name=discount]';

async function openTotals(page) {
  await page.click('#controls details.totals > summary');
  await page.waitForSelector('#total-revenue2017', { state: 'visible' });
}

/** Clicks `selector` and checks that the page then shows reference state `to`, that the
 * APA line and the salary table differ from the state before, and that the URL changed. */
async function step(page, selector, from, to) {
  const before = { apa: await textOf(page, '#apa-primary'), table: await tableCells(page, '#salary-table'), url: queryOf(page) };
  assert.equal(before.apa, from.apa_primary, `before ${selector}`);
  await page.click(selector);
  await assertShowsState(page, to, { full: false });
  if (from.apa_primary !== to.apa_primary) assert.notEqual(await textOf(page, '#apa-primary'), before.apa, `${selector}: APA line changed`);
  assert.notDeepEqual(await tableCells(page, '#salary-table'), before.table, `${selector}: salary table changed`);
  assert.notEqual(queryOf(page), before.url, `${selector}: URL changed`);
}

test('the group checkboxes switch between the paper test and the paired tests', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await assertShowsState(page, S.paper);
  await step(page, box('groups', 'service'), S.paper, S['paired-development']);
  // Other sections follow: demographics has no between-group test, coverage one group.
  assert.match(await textOf(page, '#demographics'), /Only one group is selected/);
  const demo = await tableCells(page, '#demographics-table', { body: true });
  assert.ok(demo.length > 0 && demo.every((r) => r.includes('one group selected: no test')), JSON.stringify(demo));
  assert.equal((await tableCells(page, '#coverage-table', { body: true })).length, 5 * 1 * 2, 'coverage: 5 themes × 1 group × 2 times');
  await step(page, box('groups', 'service'), S['paired-development'], S.paper);
  assert.equal((await tableCells(page, '#coverage-table', { body: true })).length, 5 * 2 * 2, 'coverage: 5 themes × 2 groups × 2 times');
  assert.doesNotMatch(await textOf(page, '#demographics'), /Only one group is selected/);
  // The paper has a Grace: the column that moves her and the decision about her are shown.
  assert.equal((await page.$$eval('#demographics-table thead th', (ths) => ths.map((th) => th.textContent))).at(-1), 'p if Grace were in Service');
  assert.ok(await page.$('#demographics .decision'), 'the Grace decision');
  assert.equal(await page.$('#demographics-no-grace'), null);
  await step(page, box('groups', 'development'), S.paper, S['paired-service']);
  await step(page, box('groups', 'development'), S['paired-service'], S.paper);
  assertClean(problems);
  await context.close();
});

test('the timepoint checkboxes switch to the between-groups tests at T2 and at T1', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await step(page, box('times', 't1'), S.paper, S['between-t2']);
  assert.equal((await tableCells(page, '#coverage-table', { body: true })).length, 5 * 2 * 1, 'coverage: 5 themes × 2 groups × 1 time');
  // With one timepoint the slope and difference charts give way to a note.
  assert.equal(await page.$('#chart-slopes'), null, 'no slope chart with one timepoint');
  assert.match(await textOf(page, '#salaries'), /Select both timepoints/);
  await step(page, box('times', 't1'), S['between-t2'], S.paper);
  assert.ok(await page.$('#chart-slopes'), 'the slope chart is back');
  await step(page, box('times', 't2'), S.paper, S['between-t1']);
  await step(page, box('times', 't2'), S['between-t1'], S.paper);
  assertClean(problems);
  await context.close();
});

test('the salary measure radio switches between Table 8 and Table A2', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await step(page, box('salary', 'monthly'), S.paper, S.monthly);
  assert.equal((await tableCells(page, '#salary-table'))[0].length, 6, 'the checkbox column, informant, group, T1, T2, T2 − T1');
  assert.match(await textOf(page, '#salary-table caption'), /^monthly salary/);
  await step(page, box('salary', 'quarterly'), S.monthly, S.paper);
  assert.match(await textOf(page, '#salary-table caption'), /^quarterly salary/);
  assertClean(problems);
  await context.close();
});

test('the discount checkbox switches T2 between 2016 terms and as paid', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await step(page, DISCOUNT, S.paper, S['discount-off-quarterly']);
  assert.match(await textOf(page, '#test .selection-line'), /T2 as originally paid/);
  await step(page, box('salary', 'monthly'), S['discount-off-quarterly'], S['discount-off-monthly']);
  await step(page, DISCOUNT, S['discount-off-monthly'], S.monthly);
  assert.match(await textOf(page, '#test .selection-line'), /T2 discounted to 2016 terms/);
  assertClean(problems);
  await context.close();
});

test('typing a total recomputes the factor, the T2 salaries and the test', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await openTotals(page);
  const liveBefore = await textOf(page, '#controls .live-factor');
  assert.match(liveBefore, /factor 1\.1959/);
  const tableBefore = await tableCells(page, '#salary-table');
  await page.fill('#total-revenue2017', '40000000');
  await assertShowsState(page, S['custom-revenue2017']);
  assert.notDeepEqual(await tableCells(page, '#salary-table'), tableBefore);
  assert.equal(await textOf(page, '#total-revenue2017-error'), '');
  // (2.28/30)/(1.97/40) = 1.5431 (the 2017 ratio, 4.925 %, sits on a rounding boundary)
  assert.equal(S['custom-revenue2017'].factor.toFixed(4), '1.5431');
  assert.match(await textOf(page, '#controls .live-factor'), /2017 ratio 4\.9[23]%, factor 1\.5431 /);
  // T1 is untouched by the discount; only T2 (and T2 − T1) change.
  const t1 = (rows) => rows.slice(1).map((r) => r[3]); // after the checkbox, informant and group
  assert.deepEqual(t1(await tableCells(page, '#salary-table')), t1(tableBefore));
  // Typing the paper's value back drops the parameter from the URL.
  await page.fill('#total-revenue2017', '31000000');
  await assertShowsState(page, S.paper);
  // All four totals, one at a time.
  await page.fill('#total-salary2016', '2000000');
  await page.fill('#total-revenue2016', '25000000');
  await page.fill('#total-salary2017', '2100000');
  await page.fill('#total-revenue2017', '31500000.5');
  await assertShowsState(page, S['custom-all-totals']);
  assertClean(problems);
  await context.close();
});

test('unticking the last group or the last timepoint is refused and changes nothing', async () => {
  const { page, problems, context } = await openApp(browser, server, '?groups=service&times=t2');
  const s = S['descriptive-service-t2'];
  await assertShowsState(page, s);
  assert.equal(await textOf(page, '#controls p.guard'), '');
  const snapshot = async () => ({
    controls: await controlState(page),
    url: queryOf(page),
    apa: await textOf(page, '#apa-primary'),
    details: await tableCells(page, '#test-details'),
    table: await tableCells(page, '#salary-table'),
  });
  const before = await snapshot();

  await page.click(box('groups', 'service'));
  assert.equal(await waitForText(page, '#controls p.guard', 'At least one group must stay selected: tick another group first.'),
    'At least one group must stay selected: tick another group first.');
  assert.equal(await page.isChecked(box('groups', 'service')), true, 'the last group stays ticked');
  await page.waitForTimeout(100); // let any (wrong) reactive update land before comparing
  assert.deepEqual(await snapshot(), before, 'state and URL unchanged after the refused group');
  await assertShowsState(page, s);

  await page.click(box('times', 't2'));
  assert.equal(await waitForText(page, '#controls p.guard', 'At least one timepoint must stay selected: tick another timepoint first.'),
    'At least one timepoint must stay selected: tick another timepoint first.');
  assert.equal(await page.isChecked(box('times', 't2')), true, 'the last timepoint stays ticked');
  await page.waitForTimeout(100);
  assert.deepEqual(await snapshot(), before, 'state and URL unchanged after the refused timepoint');

  // The guard is live-region text: role=status, polite.
  assert.equal(await page.getAttribute('#controls p.guard', 'role'), 'status');
  // A permitted change clears the message.
  await page.click(box('times', 't1'));
  await assertShowsState(page, S['paired-service']);
  assert.equal(await waitForText(page, '#controls p.guard', ''), '');
  assertClean(problems);
  await context.close();
});

test('the refusal also holds from the keyboard (space on the focused checkbox)', async () => {
  const { page, problems, context } = await openApp(browser, server, '?groups=development');
  await page.focus(box('groups', 'development'));
  await page.keyboard.press('Space');
  assert.equal(await waitForText(page, '#controls p.guard', 'At least one group must stay selected: tick another group first.'),
    'At least one group must stay selected: tick another group first.');
  assert.equal(await page.isChecked(box('groups', 'development')), true);
  await page.waitForTimeout(100);
  await assertShowsState(page, S['paired-development']);
  assertClean(problems);
  await context.close();
});

test('an invalid typed total shows its field error and leaves the test unchanged; Reset restores the paper', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await openTotals(page);
  const field = '#total-revenue2017';
  const error = '#total-revenue2017-error';
  const cases = [
    ['abc', 'use plain digits with an optional decimal point, e.g. 2280000; the last valid value is still used.'],
    ['-1', 'the amount must be greater than zero; the last valid value is still used.'],
    ['0', 'the amount must be greater than zero; the last valid value is still used.'],
    ['', 'enter an amount in RMB; the last valid value is still used.'],
    ['1e400', 'use plain digits with an optional decimal point, e.g. 2280000; the last valid value is still used.'],
    ['2,280,000', 'use plain digits with an optional decimal point, e.g. 2280000; the last valid value is still used.'],
  ];
  for (const [typed, message] of cases) {
    await page.fill(field, typed);
    assert.equal(await waitForText(page, error, message), message, `error for ${JSON.stringify(typed)}`);
    assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
    assert.equal(await page.inputValue(field), typed, 'the typed text stays in the field');
    await page.waitForTimeout(50);
    assert.equal(await textOf(page, '#apa-primary'), S.paper.apa_primary, `APA unchanged after ${JSON.stringify(typed)}`);
    assert.equal(queryOf(page), S.paper.canonical_query, `URL unchanged after ${JSON.stringify(typed)}`);
  }
  // A valid value is used, then an invalid one keeps that last valid value.
  await page.fill(field, '40000000');
  assert.equal(await waitForText(page, error, ''), '');
  assert.equal(await page.getAttribute(field, 'aria-invalid'), 'false');
  await assertShowsState(page, S['custom-revenue2017'], { full: false });
  await page.fill(field, 'abc');
  await page.waitForTimeout(50);
  assert.equal(await textOf(page, '#apa-primary'), S['custom-revenue2017'].apa_primary, 'the last valid total is still used');
  assert.equal(queryOf(page), S['custom-revenue2017'].canonical_query);
  // An invalid value in another field too, then Reset.
  await page.fill('#total-salary2016', '-5');
  assert.match(await waitForText(page, '#total-salary2016-error', 'the amount must be greater than zero; the last valid value is still used.'), /greater than zero/);
  await page.click('#controls button:has-text("Reset to the paper\'s values")');
  await assertShowsState(page, S.paper);
  for (const k of ['salary2016', 'revenue2016', 'salary2017', 'revenue2017']) {
    assert.equal(await textOf(page, `#total-${k}-error`), '', `${k} error cleared`);
    assert.equal(await page.getAttribute(`#total-${k}`, 'aria-invalid'), 'false');
  }
  assert.match(await textOf(page, '#controls .live-factor'), /factor 1\.1959/);
  assertClean(problems);
  await context.close();
});

test('Reset after a custom-total permalink returns to the paper and drops the totals from the URL', async () => {
  const { page, problems, context } = await openApp(browser, server, '?salary=monthly&salary2016=2000000&revenue2017=40000000');
  await waitForQuery(page, 'groups=service,development&times=t1,t2&salary=monthly&discount=on&salary2016=2000000&revenue2017=40000000');
  const c = await controlState(page);
  assert.equal(c.totals.salary2016, '2000000');
  assert.equal(c.totals.revenue2017, '40000000');
  await openTotals(page);
  await page.click('#controls button:has-text("Reset to the paper\'s values")');
  await assertShowsState(page, S.monthly);
  assertClean(problems);
  await context.close();
});

test('the refusal message does not outlive the next change of another control', async () => {
  const { page, problems, context } = await openApp(browser, server, '?groups=service');
  await page.click(box('groups', 'service'));
  assert.match(await waitForText(page, '#controls p.guard', 'At least one group must stay selected: tick another group first.'), /At least one group/);
  await page.click(box('salary', 'monthly'));
  await page.waitForFunction(() => document.querySelector('#salary-table caption').textContent.startsWith('monthly'));
  assert.equal(await waitForText(page, '#controls p.guard', '', 1000), '', 'a stale refusal is still announced after the measure changed');
  assertClean(problems);
  await context.close();
});

test('money is exact in cents: the Service T1 mean reads 20,675.48 wherever it appears, and no file path reaches the page', async () => {
  const { page, problems, context } = await openApp(browser, server, '');
  await page.waitForSelector('#reproducibility table.ledger', { timeout: 30000 });
  const text = async (sel) => page.$eval(sel, (e) => e.textContent);
  // Ten salaries summing to 20,675,475 cents: exactly 20,675.475, printed 20,675.48; the
  // double (20,675.4749…) would show 20,675.47.
  const salaries = await text('#salaries');
  assert.match(salaries, /20,675\.48/, '#salaries shows 20,675.48');
  assert.doesNotMatch(salaries, /20,675\.47(?!\d)/, '#salaries never shows 20,675.47');
  const ledger = await text('#reproducibility');
  assert.match(ledger, /20,?675\.48/, 'the ledger recomputes 20,675.48');
  assert.doesNotMatch(ledger, /20,?675\.47(?!\d)/, 'the ledger never shows 20,675.47');
  // No internal file path anywhere a reader can see.
  const page_text = await page.evaluate(() => document.body.textContent);
  for (const path of [/[\w.-]+\/[\w./-]*\.txt\b/, /\b[\w-]*[0-9a-f]{8,}\.txt\b/, /shared\//, /study\/\d/]) {
    assert.doesNotMatch(page_text, path, `no file path like ${path}`);
  }
  assertClean(problems);
  await context.close();
});
