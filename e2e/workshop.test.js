// The Workshop (#workshop): the teaching sample loads in one click and through the file
// input, and its coverage table and kappa show the reference numbers (tests/coverage.rs, from
// an independent Python implementation); corrupt files (random bytes, a truncated zip, a .qdpx
// whose XML is malformed) and a bad CSV get a message naming the problem while the previous
// import and the rest of the page stay as they were; the CSV route (with variables that must
// be picked, CJK text, an empty source and a code name that looks like HTML) gives the
// hand-computed numbers; a MAXQDA-shaped export (document sets, 300 codes, multi-byte text)
// is grouped by its sets with the numbers pinned in tests/coverage/sets.rs, and its code filter
// and "show all codes" work from the keyboard; an ATLAS.ti-shaped export gives its document
// groups; no console error, page error or off-origin request.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { serve, launch, openApp, openWorkshop, assert, assertClean, assertionCount, textOf, waitForText } from './harness.js';

const SAMPLE = new URL('../public/sample/teaching-sample.qdpx', import.meta.url).pathname;
const FIX = (name) => new URL(`./fixtures/workshop/${name}`, import.meta.url).pathname;
const MAXQDA = new URL('../tests/coverage/fixtures/maxqda-24-sets.qdpx', import.meta.url).pathname;
const ATLAS = new URL('../tests/coverage/fixtures/atlas-ti-groups.qdpx', import.meta.url).pathname;
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STUDY = JSON.parse(fs.readFileSync(new URL('../crates/core/data/study.json', import.meta.url), 'utf8'));

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => {
  await browser?.close();
  await server?.close();
  console.log(`# workshop.test.js: ${assertionCount()} assertions`);
});

// ---- Reference numbers ------------------------------------------------------------------

/** Teaching sample, all coders: (code, group, time, pooled, mean of per-source %). */
const SAMPLE_CELLS = [
  ['Instrumental value', 'Development', 'T1', '19.82%', '16.67%'],
  ['Instrumental value', 'Development', 'T2', '17.38%', '12.50%'],
  ['Instrumental value', 'Service', 'T1', '89.86%', '88.45%'],
  ['Instrumental value', 'Service', 'T2', '29.36%', '50.00%'],
  ['Team monitoring', 'Development', 'T1', '19.82%', '16.67%'],
  ['Team monitoring', 'Service', 'T2', '17.30%', '29.47%'],
  ['Social exchange', 'Service', 'T2', '46.95%', '33.23%'],
];
/** MAXQDA-shaped fixture by document set, all coders: (code, set, pooled, mean of per-source %),
 * from tests/coverage/sets.rs (scripts/sets_reference.py). By hand: Well-being in "Remote staff"
 * (interviews 02, 240 characters, and 03, 220) is 81 + 68 coded characters: 149 ÷ 460 = 32.39%,
 * mean (81 ÷ 240 + 68 ÷ 220) ÷ 2 = 32.33%; interview 02 counts in "Managers" too. */
const SET_CELLS = [
  ['Communication', 'Managers', '28.14%', '28.12%'],
  ['Fatigue', 'Managers', '11.34%', '11.67%'],
  ['Overtime: causes', 'Managers', '6.68%', '6.50%'],
  ['Café', 'Managers', '7.29%', '7.50%'],
  ['Well-being', 'Remote staff', '32.39%', '32.33%'],
  ['Isolation', 'Remote staff', '20.22%', '20.66%'],
  ['Fatigue', 'Remote staff', '12.17%', '11.67%'],
  ['Autonomy', 'Remote staff', '13.04%', '13.64%'],
];
const TEAM_MONITORING = 'c0de0000-0000-4000-8000-000000000003';
const TEAM_EFFORT = 'c0de0000-0000-4000-8000-000000000005';

// ---- Helpers ----------------------------------------------------------------------------

/** The import serial shown on #workshop-results (0 before the first import). */
async function serial(page) {
  return Number((await page.getAttribute('#workshop-results', 'data-serial').catch(() => null)) ?? 0);
}

/** Waits until an import after `before` has been shown. */
async function waitImported(page, before) {
  await page.waitForFunction((b) => Number(document.querySelector('#workshop-results')?.dataset.serial ?? 0) > b, before, { timeout: 15000 });
}

/** Waits until the error message mentions `needle`; returns it. */
async function waitError(page, needle) {
  await page.waitForFunction((n) => (document.querySelector('#workshop-error')?.textContent ?? '').includes(n), needle, { timeout: 15000 }).catch(() => {});
  return textOf(page, '#workshop-error');
}

/** #workshop-cells as { "code name": { "group|time|def": text } }. */
async function cellTable(page) {
  return page.$$eval('#workshop-cells tbody tr', (rows) => Object.fromEntries(rows.map((r) => [
    r.querySelector('.code-label').textContent,
    Object.fromEntries([...r.querySelectorAll('td')].map((td) => [`${td.dataset.group}|${td.dataset.time}|${td.dataset.def}`, td.textContent])),
  ])));
}

function assertSampleCells(table, what) {
  for (const [code, group, time, pooled, mean] of SAMPLE_CELLS) {
    assert.equal(table[code]?.[`${group}|${time}|pooled`], pooled, `${what}: ${code} ${group} ${time} pooled`);
    assert.equal(table[code]?.[`${group}|${time}|mean`], mean, `${what}: ${code} ${group} ${time} mean of per-source %`);
  }
  assert.equal(Object.keys(table).length, 8, `${what}: one row per code`);
}

async function assertSampleKappa(page) {
  const kappa = await page.$eval(`#workshop-kappa-1 tr[data-code="${TEAM_MONITORING}"] td.kappa`, (td) => [td.textContent, td.dataset.value]);
  assert.deepEqual(kappa, ['0.91', '0.905502'], 'Team monitoring kappa');
  const overall = await page.$eval('#workshop-kappa-1 tr.overall', (tr) => ['.overall-pooled', '.overall-weighted'].map((s) => [tr.querySelector(s).textContent, tr.querySelector(s).dataset.value]));
  assert.deepEqual(overall, [['0.69', '0.689192'], ['0.57', '0.574993']], 'overall kappa, pooled and weighted');
  assert.match(await textOf(page, '#workshop-kappa-1 caption'), /coder-a and coder-b: Cohen's κ over the 8 sources both coded/);
  assert.equal(await textOf(page, '#workshop-kappa-paper .printed-kappa'), STUDY.printed_other.kappa.value, 'the paper\'s printed kappa');
  assert.match(await textOf(page, '#workshop-kappa-method'), /character level/);
  assert.match(await textOf(page, '#workshop-kappa-method'), /undefined/);
}

/** #workshop-cells by set: { "code name": { "set|def": text } }, and which rows are shown. */
async function setTable(page) {
  return page.$$eval('#workshop-cells tbody tr', (rows) => rows.map((r) => ({
    name: r.querySelector('.code-label').textContent,
    shown: !r.hidden,
    cells: Object.fromEntries([...r.querySelectorAll('td')].map((td) => [`${td.dataset.group}|${td.dataset.def}`, td.textContent])),
  })));
}

/** Names of the code rows a table shows. */
async function shownRows(page, table) {
  return page.$$eval(`${table} tbody tr`, (rows) => rows.filter((r) => !r.hidden && getComputedStyle(r).display !== 'none').map((r) => r.querySelector('.code-label').textContent));
}

/** What must not change when an import fails. */
async function snapshot(page) {
  return {
    serial: await serial(page),
    notice: await textOf(page, '#workshop-notice'),
    cells: await textOf(page, '#workshop-cells'),
    sources: await textOf(page, '#workshop-sources'),
    kappa: await textOf(page, '#workshop-kappa'),
    apa: await textOf(page, '#apa-primary'),
    coverage: await textOf(page, '#coverage-table'),
    toc: await textOf(page, 'nav.toc'),
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A valid zip of stored (uncompressed) entries. */
function storedZip(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const n = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    parts.push(local, n, data);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(20, 6); head.writeUInt16LE(0x21, 14);
    head.writeUInt32LE(crc, 16); head.writeUInt32LE(data.length, 20); head.writeUInt32LE(data.length, 24); head.writeUInt16LE(n.length, 28);
    head.writeUInt32LE(offset, 42);
    central.push(head, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** Deterministic "random" bytes. */
function noise(n, seed = 42) {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; out[i] = x >>> 24; }
  return out;
}

const BAD_XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<Project xmlns="urn:QDA-XML:project:1.0" name="Broken">',
  '  <Users>',
  '    <User guid="05e70000-0000-4000-8000-00000000000a" name="a">',
  '  </Users>',
  '</Project>',
].join('\n');

// ---- Tests ------------------------------------------------------------------------------

test('"Load the sample" imports the teaching sample in one click, labelled as a teaching sample', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await openWorkshop(page);
  assert.ok((await textOf(page, 'nav.toc')).includes('Workshop'), 'the table of contents links to the Workshop');
  assert.match(await textOf(page, '#workshop-privacy'), /nothing is uploaded and nothing is saved/);
  await page.click('#workshop-sample');
  await waitImported(page, 0);
  const label = await textOf(page, '#workshop-sample-label');
  assert.match(label, /built from quotations printed in the paper, not the study's transcripts/);
  assert.match(label, /TEACHING SAMPLE built from published quotations, not the study's transcripts/);
  assert.match(await textOf(page, '#workshop-notice .import-summary'), /8 sources, 8 codes, 26 codings by 2 coders\. Read from the teaching sample\./);
  assert.match(await textOf(page, '#workshop-keys'), /“group” and “time”/);
  assertSampleCells(await cellTable(page), 'sample button');
  const heads = await page.$$eval('#workshop-cells thead tr:nth-child(2) th', (t) => t.map((x) => x.textContent));
  assert.deepEqual(heads.slice(0, 2), ['pooled (Σ coded ÷ Σ characters)', 'mean of per-source %']);
  assert.match(await textOf(page, '#workshop .definitions'), /NVivo defines neither/);
  // Aggregates are marked, depth is a class (no inline style anywhere in the section).
  assert.equal(await page.$eval(`#workshop-cells tr[data-code="c0de0000-0000-4000-8000-000000000001"] th`, (th) => th.className), 'code-name depth-1');
  assert.equal(await page.$eval('#workshop-cells tr[data-code="c0de0000-0000-4000-8000-000000000004"] th', (th) => th.className), 'code-name depth-3');
  assert.equal(await page.$$eval('#workshop-cells tr.aggregate', (r) => r.length), 3, 'three aggregate codes');
  assert.equal(await page.$$eval('#workshop [style]', (e) => e.filter((x) => x.tagName !== 'CANVAS').length), 0, 'no inline style');
  // Per source: 8 source columns; the source list names each one.
  assert.equal(await page.$$eval('#workshop-sources thead th', (t) => t.length), 9);
  assert.equal(await page.$$eval('#workshop-source-list tbody tr', (t) => t.length), 8);
  await assertSampleKappa(page);

  // The chart beside the paper: role=img, a summary, a data table; not reported stays "not reported".
  const chart = await page.$eval('#chart-workshop', (c) => [c.getAttribute('role'), c.getAttribute('aria-label')]);
  assert.equal(chart[0], 'img');
  assert.match(chart[1], /Team monitoring Service T2: imported 17\.30%, paper 50\.28%/);
  assert.match(chart[1], /10 of 20 cells reported/);
  const row = (theme, group, time) => `#workshop-compare-table tr[data-theme="${theme}"][data-group="${group}"][data-time="${time}"]`;
  assert.equal(await textOf(page, `${row('team_monitoring', 'Service', 'T1')} .paper-value`), 'not reported');
  assert.equal(await textOf(page, `${row('team_monitoring', 'Service', 'T2')} .imported-value`), '17.30%');
  assert.ok(await page.$('#workshop .chart-actions button'), 'PNG download');

  // The other definition.
  await page.check('input[name="workshop-definition"][value="mean"]');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === '29.47%', `${row('team_monitoring', 'Service', 'T2')} .imported-value`, { timeout: 5000 }).catch(() => {});
  assert.equal(await textOf(page, `${row('team_monitoring', 'Service', 'T2')} .imported-value`), '29.47%');

  // Map "Work-related information visibility" to Team effort: it replaces the match by name.
  const mapSelect = await page.$eval('#workshop-mapping', (d) => {
    const label = [...d.querySelectorAll('label')].find((l) => l.textContent === 'Work-related information visibility');
    return `#${label.htmlFor}`;
  });
  await page.click('#workshop-mapping summary');
  await page.selectOption(mapSelect, 'team_effort');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'Work-related information visibility', `${row('team_effort', 'Service', 'T2')} td:last-child`, { timeout: 5000 }).catch(() => {});
  assert.equal(await textOf(page, `${row('team_effort', 'Service', 'T2')} td:last-child`), 'Work-related information visibility');
  assert.equal(await textOf(page, `${row('team_effort', 'Service', 'T2')} .imported-value`), '29.47%');
  assert.match(await textOf(page, '#workshop-assignments li[data-theme="team_effort"]'), /mapped by you/);

  // One coder: coder-b's Team effort in Service T2.
  await page.selectOption('#workshop-coder', { label: 'Only coder-b' });
  await page.waitForFunction((s) => document.querySelector(s)?.textContent === '11.91%', `#workshop-cells tr[data-code="${TEAM_EFFORT}"] td[data-group="Service"][data-time="T2"][data-def="pooled"]`, { timeout: 5000 }).catch(() => {});
  const effort = await page.$$eval(`#workshop-cells tr[data-code="${TEAM_EFFORT}"] td[data-group="Service"][data-time="T2"]`, (t) => t.map((x) => x.textContent));
  assert.deepEqual(effort, ['11.91%', '20.29%'], 'coder-b only');

  // Export back as CSV.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#workshop-export-codings')]);
  assert.equal(download.suggestedFilename(), 'codings.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
  assert.equal(csv[0], 'source,start,end,code,coder');
  assert.equal(csv.length, 27, 'a header and 26 codings');
  const [sources] = await Promise.all([page.waitForEvent('download'), page.click('#workshop-export-sources')]);
  assert.equal(fs.readFileSync(await sources.path(), 'utf8').split(/\r?\n/)[0], 'source,group,time');
  assertClean(problems);
  await context.close();
});

test('the sample through the file input, then corrupt files: a message naming the problem, nothing else changes', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await openWorkshop(page);
  // A corrupt file before any import: a message, no results.
  await page.setInputFiles('#workshop-qdpx', { name: 'x.qdpx', mimeType: 'application/octet-stream', buffer: noise(4096) });
  const first = await waitError(page, 'x.qdpx');
  assert.match(first, /^Could not import x\.qdpx: this is not a readable \.qdpx \(zip\) file/);
  assert.equal(await page.$('#workshop-results'), null);

  await page.setInputFiles('#workshop-qdpx', SAMPLE);
  await waitImported(page, 0);
  assert.equal(await page.$('#workshop-error'), null, 'a success clears the message');
  assert.match(await textOf(page, '#workshop-status'), /Imported teaching-sample\.qdpx/);
  assert.ok(await page.$('#workshop-sample-label'), 'the sample is labelled when read from a file too');
  assertSampleCells(await cellTable(page), 'file input');
  await assertSampleKappa(page);

  const sample = fs.readFileSync(SAMPLE);
  const corrupt = [
    ['x.qdpx', noise(4096, 7), /this is not a readable \.qdpx \(zip\) file/],
    ['truncated.qdpx', sample.subarray(0, Math.floor(sample.length / 2)), /this is not a readable \.qdpx \(zip\) file/],
    ['bad-xml.qdpx', storedZip([['project.qde', BAD_XML]]), /project\.qde line 5: malformed XML/],
    ['no-project.qdpx', storedZip([['Sources/a.txt', 'hello']]), /no \.qde project file/],
  ];
  const before = await snapshot(page);
  for (const [name, buffer, why] of corrupt) {
    await page.setInputFiles('#workshop-qdpx', { name, mimeType: 'application/octet-stream', buffer });
    const message = await waitError(page, name);
    assert.ok(message.startsWith(`Could not import ${name}: `), `${name}: ${message}`);
    assert.match(message, why, name);
    assert.match(message, /the data shown before \(if any\) is unchanged/);
    assert.deepEqual(await snapshot(page), before, `${name}: the previous import and the rest of the page are unchanged`);
  }
  assertSampleCells(await cellTable(page), 'after corrupt files');
  assertClean(problems);
  await context.close();
});

test('the CSV route: pickers for the variables, CJK offsets, an empty source, text never read as HTML, and a bad file', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await openWorkshop(page);
  // Texts are required.
  await page.setInputFiles('#workshop-csv-codings', FIX('codings.csv'));
  await page.click('#workshop-csv-import');
  assert.match(await waitError(page, 'plain-text'), /Choose the plain-text source files/);

  await page.setInputFiles('#workshop-csv-sources', FIX('sources.csv'));
  await page.setInputFiles('#workshop-csv-texts', ['Ann.txt', 'Bo.txt', 'Cy.txt'].map(FIX));
  await page.click('#workshop-csv-import');
  await waitImported(page, 0);
  assert.match(await textOf(page, '#workshop-notice .import-summary'), /“codings\.csv”: 3 sources, 6 codes, 6 codings by 2 coders\. Read from codings\.csv and 4 other files\./);
  assert.equal(await page.$('#workshop-sample-label'), null, 'not labelled as the sample');
  // No variables named group/time: no cells until the reader picks them.
  assert.equal(await page.$('#workshop-cells'), null);
  assert.ok(await page.$('#workshop-compare-none'));
  await page.selectOption('#workshop-group-var', 'Team');
  await page.selectOption('#workshop-time-var', 'Wave');
  await page.waitForSelector('#workshop-cells', { timeout: 5000 });
  const t = await cellTable(page);
  // By hand (fixtures/workshop): Ann 40 characters, Bo 45, Cy empty.
  assert.deepEqual(t['Team monitoring'], { 'Sales|1|pooled': '15.29%', 'Sales|1|mean': '16.25%', 'Sales|2|pooled': 'undefined', 'Sales|2|mean': 'undefined' });
  assert.deepEqual(t['Instrumental value'], { 'Sales|1|pooled': '47.06%', 'Sales|1|mean': '50.00%', 'Sales|2|pooled': 'undefined', 'Sales|2|mean': 'undefined' });
  assert.equal(t['Social support']['Sales|1|pooled'], '31.76%');
  assert.equal(t['<img src=x onerror=alert(1)>']['Sales|1|mean'], '18.89%', 'the HTML-like code name is plain text');
  assert.equal(await page.$$eval('#workshop img, #workshop b', (e) => e.length), 0, 'no element made from imported text');
  assert.match(await textOf(page, '#workshop-cells thead'), /Sales × 2 \(1 source, 1 empty, 0 characters\)/);
  const sourcesRow = await page.$$eval('#workshop-sources tbody tr:first-child td', (t) => t.map((x) => x.textContent));
  assert.deepEqual(sourcesRow, ['100.00%', '0.00%', 'undefined'], 'Instrumental value per source: Ann, Bo, Cy');
  const kappa = await page.$eval('#workshop-kappa-1 tr[data-code="Instrumental value > Team monitoring"] td.kappa', (td) => td.dataset.value);
  assert.equal(kappa, '0.664032');
  const support = await page.$eval('#workshop-kappa-1 tr[data-code="Expressive value > Social support"] td.kappa', (td) => td.textContent);
  assert.equal(support, '0.56');

  // A coding past the end of its source: the file and line are named, nothing changes.
  const before = await snapshot(page);
  await page.setInputFiles('#workshop-csv-codings', FIX('codings-out-of-range.csv'));
  await page.click('#workshop-csv-import');
  const message = await waitError(page, 'codings-out-of-range.csv');
  assert.match(message, /codings-out-of-range\.csv line 3: code “Team monitoring” by “ann” in source “Bo”, \[10, 999\)\) ends at character 999, past the end of its source \(45 characters/);
  assert.deepEqual(await snapshot(page), before, 'the previous import and the rest of the page are unchanged');
  assertClean(problems);
  await context.close();
});

test('a MAXQDA-shaped export: its document sets are the cells, with the hand-computed coverage', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await openWorkshop(page);
  await page.setInputFiles('#workshop-qdpx', MAXQDA);
  await waitImported(page, 0);
  assert.match(await textOf(page, '#workshop-notice .import-summary'), /“Remote work interviews”: 4 sources, 300 codes, 21 codings by 1 coder\. Read from maxqda-24-sets\.qdpx\./);
  assert.equal(await page.$('#workshop-notice .import-notes'), null, 'no import note: the CodeBook\'s own namespace is fine');
  // No variables: the document sets are chosen, beside the (absent) variables.
  assert.equal(await textOf(page, '#workshop-keys legend'), 'Cells: group the sources by their document sets (REFI-QDA Sets), or by a group and a time variable');
  assert.equal(await page.$eval('#workshop-group-var', (s) => s.options[s.selectedIndex].textContent), 'Document sets (2)');
  assert.match(await textOf(page, '#workshop-sets-note'), /a source in more than one set counts in each/);
  assert.equal(await textOf(page, '#workshop-cells caption'), 'Coverage per code and document set, both definitions');
  const heads = await page.$$eval('#workshop-cells thead tr:first-child th.cell-head', (t) => t.map((x) => x.textContent));
  assert.deepEqual(heads, ['Managers (2 sources, 494 characters)', 'Remote staff (2 sources, 460 characters)']);
  const table = await setTable(page);
  for (const [code, set, pooled, mean] of SET_CELLS) {
    const row = table.find((r) => r.name === code);
    assert.equal(row?.cells[`${set}|pooled`], pooled, `${code} in ${set}, pooled`);
    assert.equal(row?.cells[`${set}|mean`], mean, `${code} in ${set}, mean of per-source %`);
  }
  // A source in two sets is said so, as is the one in none.
  assert.equal(await textOf(page, '#workshop-overlap'), '1 source(s) are in more than one set and count in each, so those cells overlap and are not independent: Interview 02 – José (manager, remote).');
  assert.equal(await textOf(page, '#workshop-unassigned'), '1 source(s) are in no set and belong to no cell: Interview 04 – Łukasz (office).');
  const listed = await page.$$eval('#workshop-source-list tbody tr td:nth-child(3)', (t) => t.map((x) => x.textContent));
  assert.deepEqual(listed, ['Managers', 'Managers, Remote staff', 'Remote staff', 'no cell']);
  assert.equal(await textOf(page, '#workshop-source-list thead th:nth-child(3)'), 'Document sets');
  // 300 codes: only the 23 with codings (or a coded sub-code) are shown at first.
  assert.equal(table.length, 300, 'every code has a row');
  assert.equal(table.filter((r) => r.shown).length, 23);
  assert.equal(await textOf(page, '#workshop-codes-shown'), 'Showing 23 of 300 codes; 277 hidden (277 with no codings).');
  assert.equal((await shownRows(page, '#workshop-sources')).length, 23, 'the per-source table follows');
  assert.equal(await textOf(page, '#workshop-compare-none'), 'The paper\'s cells are group × time: choose a group and a time variable above to compare with the paper. Document sets are not compared with it.');
  await page.evaluate(AXE);
  const report = await page.evaluate(async () => {
    const r = await window.axe.run({ include: [['#workshop']] }, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target}`);
  });
  assert.deepEqual(report, []);
  assertClean(problems);
  await context.close();
});

test('the code filter and "show all codes" work from the keyboard', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await openWorkshop(page);
  await page.setInputFiles('#workshop-qdpx', MAXQDA);
  await waitImported(page, 0);
  await page.focus('#workshop-code-filter');
  await page.keyboard.type('café');
  assert.equal(await waitForText(page, '#workshop-codes-shown', 'Showing 2 of 300 codes; 298 hidden (277 with no codings; 21 not matching “café”).'), 'Showing 2 of 300 codes; 298 hidden (277 with no codings; 21 not matching “café”).');
  assert.deepEqual(await shownRows(page, '#workshop-cells'), ['Workplace', 'Café'], 'the parent stays with the match');
  assert.deepEqual(await shownRows(page, '#workshop-sources'), ['Workplace', 'Café']);
  // Tab reaches the checkbox; Space shows the café's uncoded sub-codes too.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'workshop-show-all');
  await page.keyboard.press('Space');
  assert.equal(await waitForText(page, '#workshop-codes-shown', 'Showing 7 of 300 codes; 293 hidden (293 not matching “café”).'), 'Showing 7 of 300 codes; 293 hidden (293 not matching “café”).');
  assert.deepEqual(await shownRows(page, '#workshop-cells'), ['Workplace', 'Café', 'Café: causes', 'Café: consequences', 'Café: examples', 'Café: coping', 'Café: open questions']);
  assert.equal(await page.$eval('#workshop-cells tbody tr:not([hidden]) td[data-group="Managers"][data-def="pooled"]', (td) => td.textContent), '7.29%', 'the figures do not change');
  // Back to the field, clear it: all 300 codes.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'workshop-code-filter');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  assert.equal(await waitForText(page, '#workshop-codes-shown', 'Showing all codes (300).'), 'Showing all codes (300).');
  assert.equal((await shownRows(page, '#workshop-cells')).length, 300);
  // Space again: back to the codes with codings.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.equal(await waitForText(page, '#workshop-codes-shown', 'Showing 23 of 300 codes; 277 hidden (277 with no codings).'), 'Showing 23 of 300 codes; 277 hidden (277 with no codings).');
  assertClean(problems);
  await context.close();
});

test('an ATLAS.ti-shaped export: document groups are the cells, the code group is set aside', async () => {
  const { page, problems, context } = await openApp(browser, server);
  await openWorkshop(page);
  await page.setInputFiles('#workshop-qdpx', ATLAS);
  await waitImported(page, 0);
  assert.match(await textOf(page, '#workshop-notice .import-notes'), /1 set\(s\) hold codes or notes rather than sources \(such as ATLAS\.ti's code groups\)/);
  const heads = await page.$$eval('#workshop-cells thead tr:first-child th.cell-head', (t) => t.map((x) => x.textContent));
  assert.deepEqual(heads, ['Sales (2 sources, 274 characters)', 'Engineering (2 sources, 263 characters)', 'Team leads (1 source, 92 characters)']);
  // By hand (tests/coverage/sets.rs): Tools in Sales, (66 + 30) ÷ 274 = 35.04%, mean 35.68%.
  const tools = (await setTable(page)).find((r) => r.name === 'Tools');
  assert.deepEqual([tools.cells['Sales|pooled'], tools.cells['Sales|mean']], ['35.04%', '35.68%']);
  assert.match(await textOf(page, '#workshop-overlap'), /^1 source\(s\) are in more than one set .*: Interview B\.$/);
  assertClean(problems);
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`keyboard and axe: the sample loads from the keyboard, and the results have no serious or critical violation (${scheme})`, async () => {
    const { page, problems, context } = await openApp(browser, server, '', { colorScheme: scheme, reducedMotion: 'reduce' });
    await openWorkshop(page);
    await page.focus('#workshop-sample');
    await page.keyboard.press('Enter');
    await waitImported(page, 0);
    // Every control has a visible label.
    const unlabelled = await page.$$eval('#workshop input:not([type=radio]), #workshop select', (els) => els.filter((e) => !document.querySelector(`label[for="${e.id}"]`)).map((e) => e.id || e.outerHTML));
    assert.deepEqual(unlabelled, [], 'controls without a label');
    // The coder picker works from the keyboard.
    await page.focus('#workshop-coder');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('#workshop-coder').value !== '', null, { timeout: 5000 });
    await page.$$eval('#workshop details', (ds) => ds.forEach((d) => { d.open = true; }));
    await page.evaluate(AXE);
    const report = await page.evaluate(async () => {
      const r = await window.axe.run({ include: [['#workshop']] }, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target}`);
    });
    assert.deepEqual(report, []);
    assertClean(problems);
    await context.close();
  });
}
