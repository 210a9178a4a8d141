// The conceptual model, the codebook, the guided tour and the About section, driven with
// the keyboard: Tab walks the diagram's nodes in reading order, Enter or Space selects,
// Escape clears, the selection is a permalink (node=…) and an unknown node gives a notice;
// the codebook search filters and marks matches; the tour's Next and Back work from the
// keyboard and set the controls; no console error and no request off the page's origin.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import {
  serve, launch, openApp, assert, assertClean, assertionCount, queryOf, textOf, waitForQuery,
} from './harness.js';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# model.test.js: ${assertionCount()} assertions`);
});

const PAPER = 'groups=service,development&times=t1,t2&salary=quarterly&discount=on';
const node = (id) => `#model g[data-node="${id}"]`;
const active = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? document.activeElement?.id ?? null);
const pressed = (page) => page.$$eval('#model g[aria-pressed="true"]', (gs) => gs.map((g) => g.dataset.node));

test('Tab walks at least 10 diagram nodes in reading order, each named and described', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.focus('#model g[data-node]');
  const visited = [];
  for (let i = 0; i < 15; i++) {
    visited.push(await active(page));
    await page.keyboard.press('Tab');
  }
  const ids = await page.$$eval('#model g[data-node]', (gs) => gs.map((g) => g.dataset.node));
  const nodes = visited.filter((v) => ids.includes(v));
  assert.ok(new Set(nodes).size >= 10, `nodes reached by Tab: ${nodes}`);
  assert.deepEqual(nodes.slice(0, 6), [
    'work-oriented-social-media', 'instrumental-value', 'team-reflexivity', 'team-monitoring', 'team-effort',
    'socialization-oriented-social-media',
  ]);
  const a11y = await page.$$eval('#model g[data-node]', (gs) => gs.map((g) => ({
    id: g.dataset.node,
    role: g.getAttribute('role'),
    tabindex: g.getAttribute('tabindex'),
    name: g.getAttribute('aria-label'),
    description: document.getElementById(g.getAttribute('aria-describedby'))?.textContent ?? '',
  })));
  assert.equal(a11y.length, 15);
  for (const n of a11y) {
    assert.equal(n.role, 'button', n.id);
    assert.equal(n.tabindex, '0', n.id);
    assert.ok(n.name && n.name.length > 3, `${n.id} has a name`);
    assert.match(n.description, /Leads to|Comes from|In synergy with/, `${n.id}: ${n.description}`);
  }
  const iv = a11y.find((n) => n.id === 'instrumental-value');
  assert.match(iv.description, /Leads to: Team reflexivity \(includes\)/);
  assert.match(iv.description, /Comes from: Work-oriented social media \(creates it\)/);
  assert.match(iv.description, /In synergy with: Expressive value/);
  // The diagram is SVG built from elements, not a canvas.
  assert.equal(await page.$$eval('#model canvas', (c) => c.length), 0);
  // Focus highlights the node's paths.
  await page.focus(node('team-monitoring'));
  const lit = await page.$$eval('#model g.edge.edge-path', (es) => es.length);
  assert.ok(lit >= 3, `edges on the path of the focused node: ${lit}`);
  assertClean(problems);
  await context.close();
});

test('Enter on Team monitoring shows its codebook branch; Space selects too; Escape clears', async () => {
  const { page, problems, context } = await openApp(browser, server);
  assert.match(await textOf(page, '#model-detail'), /Select a construct/);
  await page.focus(node('team-monitoring'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#model-detail-h');
  const panel = await textOf(page, '#model-detail');
  for (const concept of ['Work-related information visibility', 'Observe the actions of teams', 'Identify performance discrepancies', 'Provide feedback']) {
    assert.ok(panel.includes(concept), `panel shows ${concept}`);
  }
  assert.ok(panel.includes('Clock in/out in the field'), 'codes are shown');
  assert.ok(panel.includes('Team monitoring involves observing the actions of team members'), 'definition');
  assert.ok(panel.includes('Table 6'), 'Table 6 rows');
  // Coverage for the current selection, "not reported" where the paper has no number.
  const coverage = await page.$$eval('#model-coverage tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim()).slice(0, 3)));
  assert.deepEqual(coverage.map((r) => r.join(' ')), [
    'Service T1 not reported', 'Service T2 50.28%', 'Development T1 not reported', 'Development T2 not reported',
  ]);
  // Quotations with attribution: informant, role, group, timepoint.
  const quotes = await page.$$eval('#model-detail .quote figcaption .attribution', (c) => c.map((x) => x.textContent));
  assert.equal(quotes.length, 3);
  assert.match(quotes[0], /^Blake — .*supervisor from Service.* · Service · T2 \(inferred\)$/);
  assert.deepEqual(await pressed(page), ['team-monitoring']);
  assert.equal(await waitForQuery(page, `${PAPER}&node=team-monitoring`), `${PAPER}&node=team-monitoring`);
  assert.equal(await active(page), 'team-monitoring', 'focus stays on the node');
  // Space selects another node.
  await page.focus(node('social-support'));
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#model-detail-h')?.textContent === 'Social support');
  const grace = await textOf(page, '#model-detail');
  assert.match(grace, /Grace — .* · Development \(Table 2\) · T2 \(inferred\)/, 'Grace: group from Table 2');
  assert.match(grace, /team leader in Service/, 'and the contradiction');
  // Escape clears.
  await page.keyboard.press('Escape');
  await page.waitForSelector('#model-empty');
  assert.deepEqual(await pressed(page), []);
  assert.equal(await waitForQuery(page, PAPER), PAPER);
  assertClean(problems);
  await context.close();
});

test('the node= permalink restores the selection; an unknown node gives a notice', async () => {
  {
    const { page, problems, context } = await openApp(browser, server, '?groups=service&times=t2&node=team-monitoring');
    await page.waitForSelector('#model-detail-h');
    assert.deepEqual(await pressed(page), ['team-monitoring']);
    assert.match(await textOf(page, '#model-detail'), /Work-related information visibility/);
    const coverage = await page.$$eval('#model-coverage tbody tr', (rows) => rows.map((r) => r.textContent));
    assert.equal(coverage.length, 1, 'coverage follows the selection (Service × T2)');
    assert.match(coverage[0], /50\.28%/);
    assert.equal(await page.$('#url-notices'), null);
    assert.equal(queryOf(page), 'groups=service&times=t2&salary=quarterly&discount=on&node=team-monitoring');
    assertClean(problems);
    await context.close();
  }
  {
    const { page, problems, context } = await openApp(browser, server, '?node=team-spirit');
    await page.waitForSelector('#url-notices');
    assert.match(await textOf(page, '#url-notices'), /node="team-spirit": not a node of the conceptual model/);
    assert.deepEqual(await pressed(page), []);
    assert.equal(await waitForQuery(page, PAPER), PAPER);
    assertClean(problems);
    await context.close();
  }
});

test('employee performance shows the live APA sentence and links to the test', async () => {
  const { page, problems, context } = await openApp(browser, server, '?node=employee-performance');
  await page.waitForSelector('#model-apa');
  assert.equal(await textOf(page, '#model-apa'), await textOf(page, '#apa-primary'));
  assert.equal(await page.getAttribute('#model-detail a[href="#test"]', 'href'), '#test');
  await page.click('#controls input[name=discount]');
  await page.waitForFunction(() => document.querySelector('#model-apa').textContent === document.querySelector('#apa-primary').textContent);
  assert.equal(await textOf(page, '#model-apa'), await textOf(page, '#apa-primary'));
  // The social media nodes show Table 1 and, for DingTalk, Table A1.
  await page.focus(node('work-oriented-social-media'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#model-features');
  assert.equal(await page.$$eval('#model-features tbody tr', (r) => r.length), 17);
  assert.match(await textOf(page, '#model-detail'), /Microsoft Yammer, DingTalk/);
  assertClean(problems);
  await context.close();
});

test('the codebook search filters and marks the matches; entries link to the diagram', async () => {
  const { page, problems, context } = await openApp(browser, server);
  const themes = () => page.$$eval('#codebook-tree .cb-theme', (ts) => ts.map((t) => t.dataset.theme));
  assert.equal((await themes()).length, 8);
  await page.fill('#codebook-search', 'benchmark');
  await page.waitForFunction(() => document.querySelectorAll('#codebook-tree .cb-theme').length === 1);
  assert.deepEqual(await themes(), ['team_monitoring']);
  assert.deepEqual(await page.$$eval('#codebook-tree .cb-code', (c) => c.map((x) => x.textContent)), ['Benchmarking']);
  assert.deepEqual(await page.$$eval('#codebook-tree mark', (m) => m.map((x) => x.textContent)), ['Benchmark']);
  assert.match(await textOf(page, '#codebook-status'), /1 entry matches/);
  await page.fill('#codebook-search', 'zzzz');
  await page.waitForFunction(() => document.querySelectorAll('#codebook-tree .cb-theme').length === 0);
  assert.match(await textOf(page, '#codebook-status'), /No entry matches/);
  await page.fill('#codebook-search', '');
  await page.waitForFunction(() => document.querySelectorAll('#codebook-tree .cb-theme').length === 8);
  // An entry's link selects its node in the diagram and moves focus there.
  await page.focus('#codebook-tree .cb-theme[data-theme="social_exchange"] details summary');
  await page.keyboard.press('Enter'); // open the theme
  await page.focus('#codebook-tree .cb-theme[data-theme="social_exchange"] a.cb-node');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-node') === 'social-exchange');
  assert.deepEqual(await pressed(page), ['social-exchange']);
  assert.equal(await waitForQuery(page, `${PAPER}&node=social-exchange`), `${PAPER}&node=social-exchange`);
  // …and its quotations link opens the panel at the quotations.
  await page.focus('#codebook-tree .cb-theme[data-theme="complementary_usage"] details summary');
  await page.keyboard.press('Enter');
  await page.focus('#codebook-tree .cb-theme[data-theme="complementary_usage"] a.cb-quotes');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#model-detail-h')?.textContent === 'Complementary usage');
  assert.equal(await page.$$eval('#model-detail .quote', (q) => q.length), 6);
  await page.waitForFunction(() => document.activeElement?.id === 'model-quotes');
  assert.equal(await textOf(page, '#model-quotes'), 'Quotations (6)', 'focus lands on the quotations');
  assertClean(problems);
  await context.close();
});

test("the tour's Next and Back work from the keyboard and set the view", async () => {
  const { page, problems, context } = await openApp(browser, server);
  await page.focus('#tour-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#tour-bar');
  await page.waitForFunction(() => document.activeElement?.id === 'tour-next');
  assert.equal(await textOf(page, '#tour-progress'), 'Step 1 of 5');
  assert.equal(await waitForQuery(page, 'groups=service,development&times=t1&salary=quarterly&discount=on'), 'groups=service,development&times=t1&salary=quarterly&discount=on');
  assert.deepEqual(await page.$$eval('#controls input[name=times]:checked', (i) => i.map((x) => x.value)), ['t1']);
  await page.keyboard.press('Enter'); // Next
  await page.waitForFunction(() => document.querySelector('#tour-progress')?.textContent === 'Step 2 of 5');
  assert.equal(await waitForQuery(page, 'groups=service&times=t2&salary=quarterly&discount=on&node=team-monitoring'), 'groups=service&times=t2&salary=quarterly&discount=on&node=team-monitoring');
  assert.deepEqual(await pressed(page), ['team-monitoring']);
  assert.equal(await active(page), 'tour-next', 'focus stays on Next');
  await page.keyboard.press('Space'); // Next again, with Space
  await page.waitForFunction(() => document.querySelector('#tour-progress')?.textContent === 'Step 3 of 5');
  await page.keyboard.press('Shift+Tab'); // to Back
  assert.equal(await active(page), 'tour-back');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#tour-progress')?.textContent === 'Step 2 of 5');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#tour-progress')?.textContent === 'Step 1 of 5');
  await page.keyboard.press('Enter'); // Back on the first step stays there
  assert.equal(await textOf(page, '#tour-progress'), 'Step 1 of 5');
  assert.equal(await page.getAttribute('#tour-back', 'aria-disabled'), 'true');
  // Forward to the last step: the discount is off.
  await page.focus('#tour-next');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#tour-progress')?.textContent === 'Step 5 of 5');
  assert.equal(await page.$eval('#controls input[name=discount]', (i) => i.checked), false);
  assert.equal(await textOf(page, '#tour-next'), 'Finish');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#tour-bar'));
  await page.waitForFunction(() => document.activeElement?.id === 'tour-start');
  assertClean(problems);
  await context.close();
});

test('phone and desktop widths get their own layout', async () => {
  for (const [width, kind, box] of [[390, 'phone', '0 0 360 '], [1280, 'desktop', '0 0 960 ']]) {
    const { page, problems, context } = await openApp(browser, server, '', { viewport: { width, height: 900 } });
    await page.waitForSelector(`#model svg.layout-${kind}`);
    assert.ok((await page.getAttribute('#model svg', 'viewBox')).startsWith(box), `${kind} viewBox`);
    const fits = await page.$eval('#model svg', (svg) => svg.getBoundingClientRect().width <= document.documentElement.clientWidth);
    assert.ok(fits, `${kind}: the diagram fits the page width`);
    assert.match(await textOf(page, '#model .caution'), /anecdotal evidence/, 'footnote 2 is shown with the diagram');
    assertClean(problems);
    await context.close();
  }
});

test('The header\'s BibTeX download; About: limitations and the background sentences', async () => {
  const { page, problems, context } = await openApp(browser, server);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.site-header #bibtex-download')]);
  assert.equal(download.suggestedFilename(), 'song-2019.bib');
  const bib = fs.readFileSync(await download.path(), 'utf8');
  assert.match(bib, /^@article\{song2019,/);
  assert.match(bib, /doi {5}= \{10\.1016\/j\.im\.2019\.04\.003\}/);
  const about = await textOf(page, '#about');
  assert.match(about, /less generalizable/);
  assert.match(about, /over 90% of SES initiatives fail/);
  assert.match(about, /prosocial behavior/);
  assert.match(about, /The dataset holds 29 quotations/);
  const toc = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href')));
  for (const id of ['#about', '#tour', '#model', '#codebook']) assert.ok(toc.includes(id), `${id} in the contents`);
  const order = await page.$$eval('main > section[id]', (s) => s.map((x) => x.id));
  const want = ['about', 'tour', 'model', 'salaries', 'test', 'coverage', 'demographics', 'codebook', 'reproducibility'];
  assert.deepEqual(order.filter((id) => want.includes(id)), want, 'reading order of docs/design.md');
  assertClean(problems);
  await context.close();
});

// The shared axe test sees the page as it opens; these states only appear after a choice.
for (const scheme of ['light', 'dark']) {
  test(`axe: a selected node, the tour bar and codebook matches (${scheme})`, async () => {
    const report = [];
    for (const id of ['team-monitoring', 'work-oriented-social-media', 'employee-performance', 'instrumental-value', 'social-support']) {
      const { page, problems, context } = await openApp(browser, server, `?node=${id}`, { colorScheme: scheme, reducedMotion: 'reduce' });
      await page.waitForSelector('#model-detail-h');
      await page.$$eval('#model details', (ds) => ds.forEach((d) => { d.open = true; }));
      await page.focus(node(id));
      if (id === 'team-monitoring') {
        await page.fill('#codebook-search', 'team');
        await page.waitForSelector('#codebook-tree mark');
        await page.click('#tour-start');
        await page.waitForSelector('#tour-bar');
      }
      await page.evaluate(AXE);
      for (const sel of ['#model', '#codebook', '#tour', '#about']) {
        const found = await page.evaluate(async (s) => {
          const r = await window.axe.run({ include: [[s]] }, { resultTypes: ['violations'] });
          return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' | ')}`);
        }, sel);
        report.push(...found.map((f) => `${id} ${sel}: ${f}`));
      }
      assertClean(problems);
      await context.close();
    }
    assert.deepEqual(report, []);
  });
}
