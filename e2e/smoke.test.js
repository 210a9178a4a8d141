// Smoke test of the release build: it mounts, shows the reproducibility ledger with the
// discrepancies flagged, and makes no console error and no request off its origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, ready } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the reproducibility page renders with no console error and no off-origin request', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(server.base);
  await ready(page);
  const ids = await page.$$eval('#reproducibility tr[data-id]', (rows) => rows.map((r) => r.dataset.id));
  for (const id of ['quarterly-service-t1-mean', 'monthly-development-diff-sd', 'quarterly-t', 'monthly-p', 'demographic-position-p', 'ratio-2016', 'ratio-2017']) {
    assert.ok(ids.includes(id), `ledger row ${id}`);
  }
  const flagged = await page.$$eval('#reproducibility tr.status-discrepancy', (rows) => rows.map((r) => r.dataset.id));
  assert.deepEqual(flagged, ['monthly-development-diff-sd', 'monthly-jeremy-diff', 'monthly-grace-diff']);
  const sd = await page.textContent('tr[data-id="monthly-development-diff-sd"]');
  assert.match(sd, /1602\.52/);
  assert.match(sd, /1602\.42/);
  const problemsText = await page.textContent('#reproducibility .problems');
  assert.match(problemsText, /Grace/);
  assert.match(problemsText, /team leader in Service/);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});
