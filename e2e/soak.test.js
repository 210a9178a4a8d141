// Long use: 600 rapid changes (toggles and permalink navigations). No console error, the
// answer is still right at the end, and the JS heap does not keep growing (measured after
// a forced garbage collection through the DevTools protocol; the figures are printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watchedPage, ready } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

const TOGGLES = ['input[name=groups][value=development]', 'input[name=times][value=t1]', 'input[name=salary][value=monthly]', 'input[name=salary][value=quarterly]', 'input[name=discount]', 'input[name=groups][value=service]', 'input[name=times][value=t2]'];
const LINKS = ['?groups=service&times=t1,t2', '?salary=monthly&discount=off', '?groups=development&times=t2', '?revenue2017=40000000', ''];

test('600 rapid changes: no error, right answer, no heap growth', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  const cdp = await context.newCDPSession(page);
  await page.goto(server.base);
  await ready(page);
  let changes = 0;
  // Phase 1: 350 toggles on one page; the heap is compared after 50 and after 350.
  const toggle = async () => { await page.click(TOGGLES[changes % TOGGLES.length]); changes++; };
  for (let i = 0; i < 50; i++) await toggle();
  const early = await heap(cdp);
  for (let i = 0; i < 300; i++) await toggle();
  const late = await heap(cdp);
  // Phase 2: 250 more changes mixing permalink navigations and toggles.
  for (let i = 0; i < 250; i++) {
    if (i % 5 === 0) {
      await page.goto(server.base + LINKS[(i / 5) % LINKS.length]);
      await ready(page);
      changes++;
    } else {
      await toggle();
    }
  }
  assert.equal(changes, 600);
  // Finish on the paper's view and check the answer is still right.
  await page.goto(server.base);
  await ready(page);
  assert.equal(await page.textContent('#apa-primary'), 'Student: t(20) = 3.99, p < .001');
  console.log(`soak: ${changes} changes; JS heap after forced GC: ${(early / 1e6).toFixed(2)} MB after 50 toggles, ${(late / 1e6).toFixed(2)} MB after 350`);
  assert.ok(late < early * 1.25 + 1e6, `heap grew from ${early} to ${late} bytes`);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});
