// The #robustness section against SciPy 1.17.1 references (the numbers in tests/robustness.rs
// and tests/robustness_view.rs), compared at the precision the page prints: the exact
// permutation test's count and p-values, Welch beside Student, Mann–Whitney, effect sizes,
// Shapiro–Wilk, Levene / Brown–Forsythe, Bayes factors for each prior scale, leave-one-out.
// Then: the section follows the selection (monthly; one group → paired, Wilcoxon, sign
// flips; one group at one time → "not defined"), the prior-scale control changes BF10, and
// every chart is an image with a text alternative and a data table; ANCOVA and the log
// scale against NumPy and SciPy, following the selection, and over a reader's own file in
// its own terms. Every page is checked for console errors, page errors and off-origin
// requests.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import { serve, launch, openApp, assert, assertClean, assertionCount, textOf, tableCells, waitForText, showChart } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# robustness.test.js: ${assertionCount()} assertions`);
});

/** A p-value as the page prints exact p: three significant digits, no leading zero. */
function sig3(p) {
  const digits = Math.max(0, 2 - Math.floor(Math.log10(p)));
  return p.toFixed(digits).replace(/^0\./, '.');
}
const fix = (x, d) => x.toFixed(d).replace('-', '\u2212');

// SciPy 1.17.1 on the paper's quarterly data, discounted (see tests/robustness.rs).
const REF = {
  studentT: 3.98964, studentP: 7.208e-4, welchDf: 18.73, welchT: 3.96,
  mwuU: 115, mwuP: 5.876e-5,
  permCount: 646646, permObserved: 7311.62, permGreater: 12, permTwoSided: 24, permAbs: 82,
  d: 1.7083, dCi: [0.7025, 2.6833], g: 1.6433,
  shapiro: [['Service T2 \u2212 T1', 0.6361, 1.49e-4], ['Development T2 \u2212 T1', 0.9218, 0.301]],
  levene: [0.455, 0.508], brownForsythe: [0.801, 0.381],
  bf10: [31.93, 39.26, 45.32],
  looMin: [3.71, 'Harry'], looMax: [4.22, 'Carol'],
};
const MONTHLY = { t: 3.2151644, p: 0.0043432, permTwoSided: 0.00303, d: 1.377, dCi: [0.423, 2.303], bf10: 9.62 };

const CHARTS = ['chart-permutation', 'chart-influence', 'chart-qq-service', 'chart-qq-development', 'chart-sensitivity'];
const cell = (table, row, col) => `#${table} tbody tr:nth-child(${row}) ${col}`;

test('the default view matches SciPy at the displayed precision', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.waitForSelector('#permutation-method');
  // Tests: Student (APA) with its exact p, Welch t(18.73), Mann–Whitney U with exact p.
  const tests = await tableCells(page, '#robustness-tests', { body: true });
  assert.equal(tests[0][1], `t(20) = ${fix(REF.studentT, 2)}, p < .001`);
  assert.ok(tests[0][2].includes(`two-sided p = ${sig3(REF.studentP)}`), tests[0][2]);
  assert.match(tests[1][0], /Welch/);
  assert.equal(tests[1][1], `t(${fix(REF.welchDf, 2)}) = ${fix(REF.welchT, 2)}, p < .001`);
  assert.match(tests[2][0], /Mann–Whitney U/);
  assert.equal(tests[2][1], `U = ${REF.mwuU}, p < .001`);
  assert.ok(tests[2][2].includes(`two-sided p = ${sig3(REF.mwuP)} (exact`), tests[2][2]);

  // The exact permutation test: the count, and every p with three significant digits.
  const method = await textOf(page, '#permutation-method');
  assert.ok(method.includes('all 646,646 relabellings'), method);
  assert.equal(await page.getAttribute('#permutation-method', 'data-count'), '646,646');
  assert.ok((await textOf(page, '#permutation-observed')).includes(`= ${REF.permObserved.toLocaleString('en-US', { minimumFractionDigits: 2 })} RMB`));
  const perm = await tableCells(page, '#permutation-table', { body: true });
  const byLabel = (re) => perm.find((r) => re.test(r[0]));
  const greater = byLabel(/one-sided, greater/);
  assert.deepEqual(greater.slice(1), [sig3(REF.permGreater / REF.permCount), `${REF.permGreater} of 646,646 relabellings`]);
  const scipy = byLabel(/SciPy's definition/);
  assert.deepEqual(scipy.slice(1), [sig3(REF.permTwoSided / REF.permCount), `${REF.permTwoSided} of 646,646 relabellings`]);
  const abs = byLabel(/\|D\|/);
  assert.deepEqual(abs.slice(1), [sig3(REF.permAbs / REF.permCount), `${REF.permAbs} of 646,646 relabellings`]);
  assert.equal(scipy[1], '.0000371');
  assert.equal(abs[1], '.000127');

  // Effect sizes, each definition labelled.
  const eff = await tableCells(page, '#robustness-effects', { body: true });
  assert.match(eff[0][0], /Cohen's d \(pooled SD\)/);
  assert.equal(eff[0][1], `d = ${fix(REF.d, 2)}, 95% CI [${fix(REF.dCi[0], 2)}, ${fix(REF.dCi[1], 2)}]`);
  assert.match(eff[0][2], /non-central t/);
  assert.match(eff[1][0], /Hedges' g/);
  assert.ok(eff[1][1].startsWith(`g = ${fix(REF.g, 2)}, 95% CI`), eff[1][1]);
  assert.match(eff[2][0], /Mean difference/);

  // Assumption checks.
  const norm = await tableCells(page, '#normality-table', { body: true });
  REF.shapiro.forEach(([label, w, p], i) => {
    assert.deepEqual(norm[i].slice(0, 4), [label, String(i ? 12 : 10), fix(w, 4), sig3(p)]);
  });
  assert.match(norm[0][4], /suggests .* not normally distributed; with n = 10 the test has little power either way/);
  const vars = await tableCells(page, '#variance-table', { body: true });
  assert.deepEqual(vars.map((r) => [r[1], r[2], r[3]]), [
    [`W = ${fix(REF.levene[0], 3)}`, '1, 20', sig3(REF.levene[1])],
    [`W = ${fix(REF.brownForsythe[0], 3)}`, '1, 20', sig3(REF.brownForsythe[1])],
  ]);
  assert.match(vars[0][0], /Levene.*mean-centred/);
  assert.match(vars[1][0], /Brown–Forsythe.*median-centred/);

  // Bayes factors: all three scales, √2/2 shown by default, the label kept apart from "anecdotal".
  const bf = await tableCells(page, '#bayes-table', { body: true });
  assert.deepEqual(bf.map((r) => r[1]), REF.bf10.map((x) => fix(x, 2)));
  assert.equal(await textOf(page, '#bayes-bf10'), fix(REF.bf10[1], 2));
  assert.match(await textOf(page, '#bayes-result'), /very strong evidence for a difference/);
  assert.match(await textOf(page, '#bayes-note'), /different thing from the paper's own remark that its design can present only anecdotal evidence/);

  // Leave-one-out: min and max t, the most influential informant highlighted.
  const minmax = await textOf(page, '#influence-minmax');
  assert.ok(minmax.includes(`${fix(REF.looMin[0], 2)} (without ${REF.looMin[1]})`) && minmax.includes(`${fix(REF.looMax[0], 2)} (without ${REF.looMax[1]})`), minmax);
  const top = await page.$$eval('#influence-table tr.most-influential th', (r) => r.map((x) => x.textContent));
  assert.deepEqual(top, ['Harry (most influential, lowest t)']);
  assert.equal(await page.$$eval('#influence-table tbody tr', (r) => r.length), 22);

  // Discount sensitivity: 1.00 and the paper's factor, the current one marked.
  const sens = await tableCells(page, '#sensitivity-table', { body: true });
  assert.ok(sens.some((r) => r[0] === '1.00' && r[3] === 'no discount'));
  assert.deepEqual(await page.$$eval('#sensitivity-table tr.current', (r) => r.map((x) => [...x.children].map((c) => c.textContent))), [['1.196', '3.99', sig3(REF.studentP), "the paper's factor, current"]]);

  // The summary, never overclaiming.
  const summary = await textOf(page, '#robustness-summary');
  assert.match(summary, /exact permutation test/);
  assert.match(summary, /anecdotal evidence \(footnote 2\)/);
  for (const word of ['prove', 'confirm', 'demonstrate']) assert.ok(!summary.toLowerCase().includes(word), `summary overclaims: ${word}`);
  assertClean(problems);
  await context.close();
});

test('every robustness chart is an image with a text alternative and a data table', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.waitForSelector('#chart-sensitivity');
  for (const id of CHARTS) {
    await showChart(page, id);
    const info = await page.$eval(`#${id}`, (c) => {
      const fig = c.closest('figure');
      const details = fig.querySelector('details.chart-data');
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return {
        role: c.getAttribute('role'),
        label: c.getAttribute('aria-label'),
        summary: fig.querySelector('.chart-summary')?.textContent,
        title: fig.querySelector('figcaption')?.textContent,
        rows: details ? details.querySelectorAll('table tbody tr').length : 0,
        download: [...fig.querySelectorAll('button')].some((b) => b.textContent === 'Download PNG'),
        colours: colours.size,
        error: fig.querySelector('.field-error')?.textContent ?? null,
        inSection: !!c.closest('#robustness'),
        styleAttr: fig.querySelector('[style]:not(canvas)') ? 'yes' : null,
      };
    });
    assert.equal(info.role, 'img', `${id} role`);
    assert.ok(info.label && info.label.length > 40, `${id} aria-label: ${info.label}`);
    assert.equal(info.summary, info.label, `${id}: the visible summary is the aria-label`);
    assert.ok(info.title, `${id} title`);
    assert.ok(info.rows > 0, `${id} data table has rows`);
    assert.ok(info.download, `${id} PNG download`);
    assert.ok(info.colours > 2, `${id} is drawn (${info.colours} colours sampled)`);
    assert.equal(info.error, null, `${id} drew without error`);
    assert.ok(info.inSection, `${id} is in #robustness`);
    assert.equal(info.styleAttr, null, `${id}: no inline style attribute besides the canvas size`);
  }
  assert.match(await page.getAttribute('#chart-permutation', 'aria-label'), /all 646,646 relabellings\. The observed value, 7,311\.62 RMB, is marked/);
  assert.match(await page.getAttribute('#chart-influence', 'aria-label'), /from 3\.71 \(without Harry\) to 4\.22 \(without Carol\); Harry moves it most/);
  assert.match(await page.getAttribute('#chart-qq-service', 'aria-label'), /farthest from the line is Blake/);
  assert.match(await page.getAttribute('#chart-sensitivity', 'aria-label'), /The current factor, 1\.196, gives t = 3\.99/);
  // The PNG download works for the section's charts (ChartFrame's button).
  for (const id of ['chart-permutation', 'chart-sensitivity']) {
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click(`#${id} >> xpath=ancestor::figure//button[text()="Download PNG"]`)]);
    assert.equal(await dl.failure(), null, `${id} download`);
    assert.equal(dl.suggestedFilename(), `${id}.png`);
    const bytes = fs.readFileSync(await dl.path());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${id}: a PNG`);
  }
  // One data-table row per histogram bin (core::robust::permutation::HISTOGRAM_BINS).
  assert.equal(await page.$eval('#chart-permutation', (c) => c.closest('figure').querySelectorAll('details.chart-data tbody tr').length), 60);
  assertClean(problems);
  await context.close();
});

test('the section follows the selection: monthly, one group (paired), one group at one time', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.waitForSelector('#permutation-method');
  const student = cell('robustness-tests', 1, 'td.result');

  // Monthly.
  await page.click('input[name=salary][value=monthly]');
  const monthlyT = `t(20) = ${fix(MONTHLY.t, 2)}, p = ${fix(MONTHLY.p, 3).replace(/^0/, '')}`;
  assert.equal(await waitForText(page, student, monthlyT), monthlyT);
  const perm = await tableCells(page, '#permutation-table', { body: true });
  assert.equal(perm.find((r) => /SciPy's definition/.test(r[0]))[1], sig3(MONTHLY.permTwoSided));
  assert.ok((await textOf(page, '#permutation-method')).includes('all 646,646 relabellings'));
  assert.equal((await tableCells(page, '#robustness-effects', { body: true }))[0][1], `d = ${fix(MONTHLY.d, 2)}, 95% CI [${fix(MONTHLY.dCi[0], 2)}, ${fix(MONTHLY.dCi[1], 2)}]`);
  assert.equal(await textOf(page, '#bayes-bf10'), fix(MONTHLY.bf10, 2));
  assert.match((await tableCells(page, '#robustness-tests', { body: true }))[2][2], /normal approximation with tie and continuity corrections/);
  assert.match(await textOf(page, '#robustness .selection-line'), /monthly/);

  // Back to quarterly, then Service only: paired t, Wilcoxon, sign flips, d_z.
  await page.click('input[name=salary][value=quarterly]');
  assert.equal(await waitForText(page, student, 't(20) = 3.99, p < .001'), 't(20) = 3.99, p < .001');
  await page.click('input[name=groups][value=development]');
  const wilcoxon = cell('robustness-tests', 2, 'th');
  assert.equal(await waitForText(page, wilcoxon, 'Wilcoxon signed-rank test (ranks)'), 'Wilcoxon signed-rank test (ranks)');
  const tests = await tableCells(page, '#robustness-tests', { body: true });
  assert.equal(tests.length, 2, 'paired t and Wilcoxon, no Welch');
  assert.equal(tests[0][0], 'Paired t-test');
  // stats.wilcoxon(t2, t1) = (0.0, 0.001953125)
  assert.equal(tests[1][1], 'T = 0, p = .002');
  assert.ok(tests[1][2].includes(`two-sided p = ${sig3(0.001953125)} (exact`), tests[1][2]);
  assert.ok((await textOf(page, '#permutation-method')).includes('all 1,024 sign patterns'));
  assert.match((await tableCells(page, '#robustness-effects', { body: true }))[0][1], /^d_z = 1\.23, 95% CI \[0\.38, 2\.04\]$/);
  assert.match(await textOf(page, '#variance-table'), /Not applicable to a paired design/);
  assert.match(await textOf(page, '#sensitivity-undefined'), /^not defined for this selection: the discount sensitivity reruns the paper's test/);
  assert.equal(await page.$('#chart-sensitivity'), null);
  assert.equal(await page.$('#chart-qq-development'), null);
  assert.ok(await page.$('#chart-qq-service'));
  assert.equal(await page.$$eval('#influence-table tbody tr', (r) => r.length), 10);
  assert.equal(await textOf(page, '#bayes-bf10'), '13.85');
  // Both groups again: the variance table comes back in place of its reason, with the
  // paper's figures (the table is built anew when the tests become defined).
  await page.click('input[name=groups][value=development]');
  await page.waitForSelector('table#variance-table');
  const back = await tableCells(page, '#variance-table', { body: true });
  assert.deepEqual(back.map((r) => r[2]), ['1, 20', '1, 20']);
  assert.equal((await tableCells(page, '#bayes-table', { body: true })).length, 3);
  assertClean(problems);
  await context.close();

  // One group at one time, from a permalink: every part says why it is not defined.
  const w = await openApp(browser, server, '?groups=service&times=t1');
  await w.page.waitForSelector('#robustness-summary li');
  const summary = await textOf(w.page, '#robustness-summary li');
  assert.equal(summary, 'not defined for this selection: select two groups or two timepoints to compare');
  for (const sel of ['#permutation', '#influence', '#bayes-result', '#sensitivity-undefined', '#variance-table']) {
    assert.match(await textOf(w.page, sel), /^not defined for this selection/, sel);
  }
  for (const id of CHARTS) assert.equal(await w.page.$(`#${id}`), null, `${id} hidden`);
  assertClean(w.problems);
  await w.context.close();
});

// NumPy lstsq on T2 ~ 1 + group + T1 and SciPy ttest_ind / ttest_1samp on log(t2/t1), the
// paper's quarterly data, T2 discounted (tests/robustness/ancova.rs,
// scripts/reference/robust/ancova.py).
const ANCOVA = {
  b: 7301.105593048217, se: 1915.9228980372457, t: 3.810751257541619, p: 0.001180445679292025,
  ci: [3291.0328810645847, 11311.17830503185], slope: 0.9969471763868758, slopeCi: [0.7733181982267298, 1.2205761545470217],
  residualSd: 4391.250617583506,
};
const LOG = {
  t: 4.8281979218261295, p: 0.00010212604129588658, service: 24.722730013338694, development: -5.387247988294657,
  ratio: [1.3182443947715228, 1.1699119262240538, 1.4853838527445977], serviceT: 11.07488743706177, serviceP: 1.5203661461408475e-06,
};
const rmb = (x) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace('-', '\u2212');
const pct = (x) => `${x > 0 ? '+' : ''}${fix(x, 2)}%`;
const apaP = (p) => (p < 0.001 ? 'p < .001' : `p = ${p.toFixed(3).replace(/^0/, '')}`);

test('ANCOVA and the log scale show the NumPy and SciPy references and follow the selection', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.waitForSelector('#ancova-apa');
  const ci = `95% CI [${rmb(ANCOVA.ci[0])}, ${rmb(ANCOVA.ci[1])}]`;
  assert.equal(await textOf(page, '#ancova-apa'), `Service \u2212 Development at T2, adjusted for T1: b = ${rmb(ANCOVA.b)} RMB, ${ci}, t(19) = ${fix(ANCOVA.t, 2)}, ${apaP(ANCOVA.p)}`);
  assert.equal(await textOf(page, '#ancova-apa'), 'Service \u2212 Development at T2, adjusted for T1: b = 7,301.11 RMB, 95% CI [3,291.03, 11,311.18], t(19) = 3.81, p = .001');
  assert.equal(await textOf(page, '#ancova-reading'), `Among informants who started from the same T1 salary, Service's T2 salary was on average ${rmb(ANCOVA.b)} RMB higher than Development's.`);
  const anc = await tableCells(page, '#ancova-table', { body: true });
  assert.deepEqual(anc.map((r) => r[1]), [
    `${rmb(ANCOVA.b)} RMB, ${ci}`,
    `${fix(ANCOVA.slope, 3)}, 95% CI [${fix(ANCOVA.slopeCi[0], 3)}, ${fix(ANCOVA.slopeCi[1], 3)}]`,
    `${rmb(ANCOVA.residualSd)} RMB`,
  ]);
  assert.ok(anc[0][2].startsWith(`SE = ${rmb(ANCOVA.se)} RMB; t(19) = ${fix(ANCOVA.t, 2)}, two-sided p = ${sig3(ANCOVA.p)};`), anc[0][2]);
  assert.equal(sig3(ANCOVA.p), '.00118');
  assert.match(anc[2][2], /22 informants with both salaries \(10 Service, 12 Development\); df = n − 3 = 19/);
  // Row headers, and a focusable, labelled region for the table, as every robustness table.
  assert.deepEqual(await page.$$eval('#ancova-table tbody th', (h) => h.map((x) => x.getAttribute('scope'))), ['row', 'row', 'row']);
  assert.equal(await page.$eval('#ancova-table', (t) => t.closest('.table-wrap').getAttribute('tabindex')), '0');

  assert.equal(await textOf(page, '#log-scale-apa'), `ln(T2/T1), Service vs Development: t(20) = ${fix(LOG.t, 2)}, ${apaP(LOG.p)}`);
  assert.equal(await textOf(page, '#log-scale-reading'), `Typically, Service's salaries changed by ${pct(LOG.service)} from T1 to T2 and Development's by ${pct(LOG.development)} (geometric means).`);
  assert.equal(pct(LOG.service) + pct(LOG.development), '+24.72%\u22125.39%');
  const log = await tableCells(page, '#log-scale-table', { body: true });
  assert.deepEqual(log.map((r) => r[1]), [
    `t(20) = ${fix(LOG.t, 2)}, p < .001`, pct(LOG.service), pct(LOG.development),
    `${fix(LOG.ratio[0], 3)}, 95% CI [${fix(LOG.ratio[1], 3)}, ${fix(LOG.ratio[2], 3)}]`,
  ]);
  assert.ok(log[0][2].startsWith(`two-sided p = ${sig3(LOG.p)};`), log[0][2]);

  // One sentence each in "In short".
  const summary = await textOf(page, '#robustness-summary');
  assert.ok(summary.includes(`ANCOVA, adjusting each informant's T2 salary for their T1 salary, gives Service \u2212 Development = ${rmb(ANCOVA.b)} RMB (95% CI ${rmb(ANCOVA.ci[0])} to ${rmb(ANCOVA.ci[1])}), t(19) = ${fix(ANCOVA.t, 2)}, ${apaP(ANCOVA.p)}: significant at α = .05.`), summary);
  assert.ok(summary.includes(`On the log scale, Student's t-test on ln(T2/T1) gives t(20) = ${fix(LOG.t, 2)}, p < .001 (significant at α = .05); typically, Service's salaries changed by ${pct(LOG.service)} and Development's by ${pct(LOG.development)}.`), summary);

  // Service only: the paired test on the logs; ANCOVA says why it is not shown.
  await page.click('#controls input[name=groups][value=development]');
  const paired = `ln T2 vs ln T1, Service: t(9) = ${fix(LOG.serviceT, 2)}, p < .001`;
  assert.equal(await waitForText(page, '#log-scale-apa', paired), paired);
  assert.equal((await tableCells(page, '#log-scale-table', { body: true }))[0][2].split(';')[0], `two-sided p = ${sig3(LOG.serviceP)}`);
  assert.equal(await page.$('#ancova-apa'), null);
  assert.match(await textOf(page, '#ancova-undefined'), /^not defined for this selection: ANCOVA compares Service with Development at T2, .* so select both groups and both timepoints$/);
  assert.ok(!(await textOf(page, '#robustness-summary')).includes('ANCOVA'));

  // Both groups again, then T2 only: both say why.
  await page.click('#controls input[name=groups][value=development]');
  await page.waitForSelector('#ancova-apa');
  assert.equal(await textOf(page, '#ancova-apa'), 'Service \u2212 Development at T2, adjusted for T1: b = 7,301.11 RMB, 95% CI [3,291.03, 11,311.18], t(19) = 3.81, p = .001');
  await page.click('#controls input[name=times][value=t1]');
  await page.waitForSelector('#log-scale-undefined');
  assert.match(await textOf(page, '#ancova-undefined'), /^not defined for this selection: ANCOVA/);
  assert.equal(await textOf(page, '#log-scale-undefined'), "not defined for this selection: the log scale compares each informant's T2 salary with their T1 salary, so select both timepoints");
  assert.equal(await page.$('#log-scale-table'), null);
  assertClean(problems);
  await context.close();
});

// A reader's own file (tests/fixtures/own/spreadsheet.csv): ANCOVA and the log scale in the
// file's terms, against NumPy and SciPy (tests/what_if.rs, scripts/reference/what_if.py).
test('ANCOVA and the log scale speak of a reader\'s rows and values, without a unit', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.waitForSelector('#ancova-apa');
  await page.setInputFiles('#own-file', 'tests/fixtures/own/spreadsheet.csv');
  const apa = 'Pilot \u2212 Usual at T2, adjusted for T1: b = 147.63, 95% CI [111.39, 183.87], t(12) = 8.87, p < .001';
  assert.equal(await waitForText(page, '#ancova-apa', apa), apa);
  assert.equal(await textOf(page, '#ancova-reading'), "Among rows that started from the same T1 value, Pilot's T2 value was on average 147.63 higher than Usual's.");
  assert.equal(await textOf(page, '#log-scale-apa'), 'ln(T2/T1), Pilot vs Usual: t(13) = 8.41, p < .001');
  const intros = await page.$$eval('#ancova, #log-scale', (els) => els.map((e) => e.previousElementSibling.textContent));
  assert.ok(intros[0].includes("each row's T2 value is regressed on its group"), intros[0]);
  assert.ok(intros[1].includes("each row's log ratio"), intros[1]);
  const words = [intros.join(' '), await textOf(page, '#ancova'), await textOf(page, '#log-scale')].join(' ');
  for (const word of ['RMB', 'informant', 'salar', 'Service', 'Development']) assert.ok(!words.includes(word), `${word} in ${words}`);
  assertClean(problems);
  await context.close();
});

test('the prior scale changes BF10 without touching the rest', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.waitForSelector('#bayes-bf10');
  const before = await textOf(page, '#permutation');
  assert.equal(await page.$eval('input[name=bayes-prior][value="0.707"]', (i) => i.checked), true);
  assert.ok(await page.$('#bayes-prior legend'), 'the control has a visible label');
  for (const [key, bf] of [['0.5', REF.bf10[0]], ['1', REF.bf10[2]], ['0.707', REF.bf10[1]]]) {
    await page.click(`input[name=bayes-prior][value="${key}"]`);
    assert.equal(await waitForText(page, '#bayes-bf10', fix(bf, 2)), fix(bf, 2), `r = ${key}`);
    const chosen = await page.$$eval('#bayes-table tr.chosen td.num', (r) => r.map((x) => x.textContent));
    assert.deepEqual(chosen, [fix(bf, 2)], `r = ${key}: the chosen row is marked`);
  }
  await page.click('input[name=bayes-prior][value="1"]');
  assert.match(await textOf(page, '#bayes-result'), /r = 1 \(wide\)/);
  assert.equal(await textOf(page, '#permutation'), before, 'the permutation test is unchanged');
  // The prior survives a selection change and applies to the new selection.
  await page.click('input[name=salary][value=monthly]');
  // jzs_bf10(3.2151644243044415, 120/22, 20, 1) = 10.302937838403365
  assert.equal(await waitForText(page, '#bayes-bf10', '10.30'), '10.30');
  assertClean(problems);
  await context.close();
});
