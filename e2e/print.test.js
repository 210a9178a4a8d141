// Printing, as README's "Languages, printing and citing" describes it: printed from an
// address whose fragment names a section (after the app has rewritten the address, and
// after the reader changes the selection), or with "Print a handout of this section", the
// PDF holds that section alone, headed by the selection and the permalink; printed
// without one, it holds every section, and the guided tour's steps with their text.
// Each case prints a real PDF (Chromium's page.pdf) and reads its text back with
// pdftotext (Debian's poppler-utils, installed by scripts/bootstrap.sh).
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, watchedPage, ready, assert, assertClean, DIST } from './harness.js';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Prints the page to PDF and returns the PDF's text, as pdftotext reads it. */
async function printedText(page) {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.ok(pdf.length > 1000, `a PDF (${pdf.length} bytes)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-print-'));
  try {
    const file = path.join(dir, 'page.pdf');
    fs.writeFileSync(file, pdf);
    try {
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    } catch (e) {
      if (e.code === 'ENOENT') assert.fail('pdftotext is missing: run scripts/bootstrap.sh (Debian package poppler-utils)');
      throw e;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace collapsed to single spaces: a PDF breaks lines where the page does. */
const flat = (s) => s.replace(/\s+/g, ' ').trim();
/** No whitespace at all: a long permalink is broken across lines anywhere. */
const bare = (s) => s.replace(/\s+/g, '');

/** Each section's anchor and heading, as the page shows them. */
function headings(page) {
  return page.$$eval('main > section[id]', (all) => all.map((s) => ({ id: s.id, h2: s.querySelector('h2').textContent.trim() })));
}

/** The ids of the sections whose heading is a line of the printed text. */
function printedSections(text, sections) {
  const lines = new Set(text.split('\n').map((l) => l.trim()));
  return sections.filter((s) => lines.has(s.h2)).map((s) => s.id);
}

/** Asserts the printed text is a handout of `id`: that section's heading and no other,
 * the print header's selection line and the permalink of the current view, ending with
 * the section's fragment. */
async function assertHandout(page, text, id) {
  const sections = await headings(page);
  assert.equal(sections.length, 12, 'every section is built');
  assert.deepEqual(printedSections(text, sections), [id], 'only the handout section is printed');
  // Nor, anywhere in the text, another section's heading that the handout's own section
  // does not use in its words.
  const own = flat(await page.$eval(`#${id}`, (s) => s.textContent));
  const absent = sections.filter((s) => s.id !== id && !own.includes(s.h2));
  assert.ok(absent.length >= 6, `most headings are foreign to #${id}: ${absent.map((s) => s.h2)}`);
  for (const other of absent) {
    assert.ok(!flat(text).includes(other.h2), `no "${other.h2}" in the handout`);
  }
  const header = await page.$eval('#print-header', (h) => [...h.querySelectorAll('p')].map((p) => p.textContent));
  assert.match(header[0], /^Selection: For /, 'the header states the selection');
  assert.ok(flat(text).includes(flat(header[0])), `the selection line is printed: ${header[0]}`);
  const permalink = `${page.url().split('#')[0]}#${id}`;
  assert.match(permalink, /\?groups=/, 'the address carries the selection');
  assert.ok(bare(text).includes(`Permalink:${bare(permalink)}`), `the permalink ${permalink} is printed`);
  // Nothing of the page's chrome: the controls, the contents, the share panel.
  assert.ok(!flat(text).includes('Share, embed or print'), 'no share panel');
}

test('printing from an address with #test prints the test alone, also after a selection change', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(`${server.base}#test`);
  await ready(page);
  // The app rewrites the address with the selection and keeps the fragment.
  await page.waitForFunction(() => location.search.startsWith('?groups='));
  assert.equal(new URL(page.url()).hash, '#test');
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
  const text = await printedText(page);
  await assertHandout(page, text, 'test');
  assert.ok(flat(text).includes('Student: t(20) = 3.99, p < .001'), 'the paper\'s test');
  assert.ok(flat(text).includes('quarterly'), 'the selection is the default, quarterly');

  // The reader changes the selection: the handout follows it, and is still the test alone.
  await page.click('input[name=salary][value=monthly]');
  await page.waitForFunction(() => location.search.includes('salary=monthly'));
  assert.equal(new URL(page.url()).hash, '#test');
  const monthly = await printedText(page);
  await assertHandout(page, monthly, 'test');
  assert.ok(flat(monthly).includes('monthly'), 'the new selection is printed');
  // The monthly test (e2e/reference.test.js checks its value against SciPy) as the page shows it.
  const apa = await page.textContent('#apa-primary');
  assert.notEqual(apa, 'Student: t(20) = 3.99, p < .001', 'the monthly test differs from the quarterly one');
  assert.ok(flat(monthly).includes(apa), `the test under the new selection is printed: ${apa}`);
  assert.ok(!flat(monthly).includes('t(20) = 3.99'), 'not the quarterly test');

  // On screen, after printing, the page is whole again.
  const shown = await page.$$eval('main > section[id]', (all) => all.filter((s) => getComputedStyle(s).display !== 'none').length);
  assert.equal(shown, 12, 'every section shows on screen');
  assert.equal(await page.$eval('#print-header', (h) => getComputedStyle(h).display), 'none');
  assertClean(problems);
  await context.close();
});

test('"Print a handout of this section" prints that section alone, headed by the selection', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  // The button calls window.print(); the test prints the PDF at that moment instead.
  await page.addInitScript(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.goto(`${server.base}?groups=service#test`);
  await ready(page);
  await page.click('#share > summary');
  // The section the address already names: the fragment does not change.
  await page.selectOption('#share-section', 'test');
  await page.click('#print-section');
  await page.waitForFunction(() => window.__printed === 1);
  await assertHandout(page, await printedText(page), 'test');

  // Another section: the fragment moves to it.
  await page.selectOption('#share-section', 'reproducibility');
  await page.click('#print-section');
  await page.waitForFunction(() => window.__printed === 2);
  assert.equal(new URL(page.url()).hash, '#reproducibility');
  const text = await printedText(page);
  await assertHandout(page, text, 'reproducibility');
  assert.match(page.url(), /\?groups=service&/, 'the handout keeps the selection');
  assert.ok(flat(text).includes('Selection: For Service,'), 'the printed selection is Service alone');

  // A second handout, of another section, replaces the first.
  await page.selectOption('#share-section', 'demographics');
  await page.click('#print-section');
  await page.waitForFunction(() => window.__printed === 3);
  await assertHandout(page, await printedText(page), 'demographics');
  assertClean(problems);
  await context.close();
});

test('printed without a section in the address, the page holds every section and the tour\'s steps with their text', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(server.base);
  await ready(page);
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
  const text = await printedText(page);
  const sections = await headings(page);
  assert.deepEqual(printedSections(text, sections), sections.map((s) => s.id), 'every section is printed');
  const { steps } = JSON.parse(fs.readFileSync(path.join(DIST, 'study.json'), 'utf8')).tour;
  assert.equal(steps.length, 5, 'the tour has five steps');
  // The printed text from the tour's heading to the next section's.
  const lines = text.split('\n').map((l) => l.trim());
  const from = lines.indexOf(sections.find((s) => s.id === 'tour').h2);
  const to = lines.indexOf(sections.find((s) => s.id === 'model').h2);
  assert.ok(from >= 0 && to > from, 'the tour is printed before the model');
  const tour = flat(lines.slice(from + 1, to).join(' '));
  let at = 0;
  for (const step of steps) {
    const title = tour.indexOf(flat(step.title), at);
    assert.ok(title >= 0, `the step "${step.title}" is printed, in order`);
    const body = tour.indexOf(flat(step.text), title);
    assert.equal(body, title + flat(step.title).length + 1, `its text follows its title: ${step.text}`);
    at = body;
  }
  assertClean(problems);
  await context.close();
});
