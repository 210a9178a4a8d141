// Long use: 600 rapid changes (toggles, the salary table's row checkboxes that leave
// informants out, and permalink navigations). No console error, the answer is still right
// at the end, the checkboxes, the address and the banner agree on who is left out, and
// the JS heap does not keep growing (measured after a forced garbage collection through
// the DevTools protocol; the figures are printed).
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
const LINKS = ['?groups=service&times=t1,t2', '?salary=monthly&discount=off&exclude=blake', '?groups=development&times=t2', '?revenue2017=40000000&exclude=blake,harry', ''];
// Every fourth toggle is a row checkbox (one of the first ten rows, in a fixed order).

/** Who is left out, as the checkboxes, the address and the #test banner say. */
async function leftOut(page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('#salary-table td.row-check input')].filter((c) => !c.checked)
      .map((c) => c.getAttribute('aria-label').replace(/^Include (.*) in the analyses$/, '$1').toLowerCase());
    const address = new URLSearchParams(location.search).get('exclude')?.split(',') ?? [];
    const banner = document.querySelector('#test .data-banner.what-if')?.textContent.match(/\((\d+)\)/)?.[1] ?? '0';
    return { boxes, address, banner: Number(banner) };
  });
}

test('600 rapid changes: no error, right answer, no heap growth', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  const cdp = await context.newCDPSession(page);
  await page.goto(server.base);
  await ready(page);
  let changes = 0;
  let checkboxes = 0;
  // Phase 1: 350 toggles on one page; the heap is compared after 50 and after 350.
  const toggle = async () => {
    if (changes % 4 === 3) {
      // From the keyboard: focus a row's checkbox where the page is (no scroll, as the
      // control clicks do not scroll either) and press Space. Either group alone shows at
      // least 10 rows, so rows 1 to 10 always exist.
      await page.$eval(`#salary-table tbody tr:nth-child(${1 + ((changes * 7) % 10)}) td.row-check input`, (c) => c.focus({ preventScroll: true }));
      await page.keyboard.press('Space');
      checkboxes++;
    } else {
      await page.click(TOGGLES[changes % TOGGLES.length]);
    }
    changes++;
  };
  const agree = async (when) => {
    // The address is written after the frame that shows a change.
    await page.waitForTimeout(100);
    const l = await leftOut(page);
    // A group that is not shown hides its rows, so the address can name more than the boxes.
    assert.ok(l.boxes.every((b) => l.address.includes(b)), `${when}: ${JSON.stringify(l)}`);
    assert.equal(l.banner, l.address.length, `${when}: ${JSON.stringify(l)}`);
    return l.address.length;
  };
  for (let i = 0; i < 50; i++) await toggle();
  const early = await heap(cdp);
  for (let i = 0; i < 300; i++) await toggle();
  const late = await heap(cdp);
  const outAfterPhase1 = await agree('after 350 toggles');
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
  await agree('after 600 changes');
  // The what-if view is still right too.
  await page.goto(`${server.base}?exclude=blake`);
  await ready(page);
  assert.equal(await page.textContent('#apa-primary'), 'Student: t(19) = 4.14, p < .001');
  // Finish on the paper's view and check the answer is still right.
  await page.goto(server.base);
  await ready(page);
  assert.equal(await page.textContent('#apa-primary'), 'Student: t(20) = 3.99, p < .001');
  console.log(`soak: ${changes} changes (${checkboxes} of them row checkboxes; ${outAfterPhase1} left out after 350); JS heap after forced GC: ${(early / 1e6).toFixed(2)} MB after 50 toggles, ${(late / 1e6).toFixed(2)} MB after 350`);
  assert.ok(late < early * 1.25 + 1e6, `heap grew from ${early} to ${late} bytes`);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.offOrigin, []);
  await context.close();
});
