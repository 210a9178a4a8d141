// The test panel against independent SciPy references: for every state in
// e2e/reference_states.json (written by e2e/reference_states.py from crates/core/data/study.json),
// open its permalink and compare the APA lines, the test details, the t-distribution
// table, the salary table and the group descriptives at the precision the page prints.
import { test, before, after } from 'node:test';
import { serve, launch, openApp, assert, assertClean, assertShowsState, referenceStates, assertionCount } from './harness.js';

const STATES = referenceStates();
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# reference.test.js: ${assertionCount()} assertions`);
});

test('the reference file holds the brief\'s fixed strings', () => {
  assert.equal(STATES.paper.apa_primary, 'Student: t(20) = 3.99, p < .001');
  assert.equal(STATES.paper.apa_welch, 'Welch: t(18.73) = 3.96, p < .001');
  assert.equal(STATES.monthly.apa_primary, 'Student: t(20) = 3.22, p = .004');
  assert.ok(Object.keys(STATES).length >= 8);
});

for (const s of Object.values(STATES)) {
  test(`state ${s.name} (?${s.query}) matches SciPy: ${s.apa_primary}${s.apa_welch ? ` | ${s.apa_welch}` : ''}`, async () => {
    const { page, problems, context } = await openApp(browser, server, s.query ? `?${s.query}` : '');
    await assertShowsState(page, s);
    assert.equal(await page.$('#url-notices'), null, 'a valid permalink raises no notice');
    assertClean(problems);
    await context.close();
  });
}
