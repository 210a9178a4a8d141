// Browser benchmark of a reader's own file at the largest size the page reads (release
// build, headless Chromium, loopback), for BENCHMARKS.md. The budget: importing a file,
// the test and the first views within 1.5 s; no main-thread task over 100 ms while the
// Monte Carlo permutation test runs.
//
// The file: ROWS rows (100,000, the most #your-data reads) of `id,group,t1,t2`, two groups
// taking turns, salaries drawn from a seeded generator (so every run reads the same bytes),
// with a larger T2 − T1 change in the first group. It is written to a temporary file and
// picked in #own-file, as a reader would.
//
// Method, per fresh page load (RUNS of them), all in the page's own clock (performance.now()),
// recorded by an init script injected through the DevTools protocol (so the page's CSP does
// not apply to it). The page is first left to finish the paper's views (#robustness shows the
// exact permutation over 646,646 relabellings); then the file is picked, and:
//  - change: the input's change event, seen by a capturing listener on the window (before
//    the page's own listener runs);
//  - test shown: #apa-primary shows Student's t with the file's df (ROWS − 2);
//  - first robustness view: #robustness-tests shows the file's Student t (every analysis
//    of #robustness but the Monte Carlo test, which then starts in slices);
//  - Monte Carlo result: #permutation-method says "Monte Carlo" and the progress is gone;
//  - the longest main-thread task (PerformanceObserver 'longtask', tasks of 50 ms or more,
//    0 = none) between change and test shown, between test shown and the first robustness
//    view, and during the sliced run (from the first robustness view to the result), with
//    how many tasks of that run took over 100 ms;
//  - the same tasks' CPU time: a longtask is wall time, and on a loaded machine the OS can
//    stop the page's thread in the middle of a 20 ms slice. A Chromium trace (category
//    'toplevel': every task of the renderer's main thread with its wall and thread time,
//    placed by performance marks the init script sets) gives the longest task's CPU time
//    in each window, so the page's own work is told apart from the machine's load.
// "Shown" is when the DOM holds the text (a MutationObserver callback), before the paint.
// The expected t is computed here from the file's values and printed beside the page's.
//
// `--profile` also records a Chromium CPU profile (DevTools Profiler) of the first load from
// the change event to the first robustness view, writes it to target/bench-own.cpuprofile
// (open it in Chromium's DevTools, Performance panel) and prints the functions with the
// most self time. The release wasm has no name section, so its functions show as
// wasm-function[N]; for names, serve a copy of dist/ whose *_bg.wasm is wasm-bindgen's
// output before wasm-opt ($CARGO_TARGET_DIR/wasm-bindgen/release/, same JS glue; drop the
// wasm preload's integrity attribute) with DIST_DIR pointing at it.
// Usage: DIST_DIR=dist node scripts/bench-own.mjs [runs=3] [rows=100000] [--profile]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, watchedPage, ready } from '../e2e/harness.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const PROFILE = process.argv.includes('--profile');
const RUNS = Math.max(1, Number(args[0] || 3));
const ROWS = Math.max(4, Number(args[1] || 100000));
const BUDGET_IMPORT = 1500;
const BUDGET_TASK = 100;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

// ---- The file ------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so the file is the same on every run. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeFile(rows) {
  const rand = generator(2019);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const lines = ['id,group,t1,t2'];
  const diffs = { Pilot: [], Usual: [] };
  for (let i = 0; i < rows; i++) {
    const group = i % 2 ? 'Usual' : 'Pilot';
    const t1 = Math.max(1000, 20000 + 6000 * normal());
    const t2 = t1 * (group === 'Pilot' ? 1.06 : 1.04) + 800 * normal();
    const [a, b] = [t1.toFixed(2), t2.toFixed(2)];
    lines.push(`P${String(i).padStart(6, '0')},${group},${a},${b}`);
    diffs[group].push(Number(b) - Number(a));
  }
  return { text: `${lines.join('\n')}\n`, diffs };
}

/** Student's t (pooled variance) of the first group against the second, as the page
 * prints it in APA form: "t(df) = x.xx" with a minus sign. */
function studentLine(a, b) {
  const mean = (x) => x.reduce((s, v) => s + v, 0) / x.length;
  const ss = (x, m) => x.reduce((s, v) => s + (v - m) ** 2, 0);
  const [ma, mb] = [mean(a), mean(b)];
  const df = a.length + b.length - 2;
  const pooled = (ss(a, ma) + ss(b, mb)) / df;
  const t = (ma - mb) / Math.sqrt(pooled * (1 / a.length + 1 / b.length));
  return `t(${df}) = ${t.toFixed(2).replace('-', '\u2212')}`;
}

const { text, diffs } = makeFile(ROWS);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-bench-own-'));
const file = path.join(dir, `own-${ROWS}.csv`);
fs.writeFileSync(file, text);
const expected = studentLine(diffs.Pilot, diffs.Usual);
const df = ROWS - 2;

// ---- The runs ----------------------------------------------------------------------------

const server = await serve();
const browser = await launch();
const results = [];
let shownLine = '';
let profileTop = null;
try {
  for (let i = 0; i < RUNS; i++) {
    const { page, context, problems } = await watchedPage(browser, server.origin);
    await page.addInitScript((dfText) => {
      const m = (window.__own = { longtasks: [] });
      new PerformanceObserver((list) => { for (const e of list.getEntries()) m.longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
      // Each moment is also a performance mark, which places it in the trace.
      const at = (k) => { m[k] = performance.now(); performance.mark(`own:${k}`); };
      addEventListener('change', (e) => { if (e.target?.id === 'own-file' && m.change === undefined) at('change'); }, true);
      new MutationObserver(() => {
        if (m.change === undefined) return;
        if (m.test === undefined && (document.querySelector('#apa-primary')?.textContent || '').startsWith(`Student: ${dfText}`)) at('test');
        if (m.robust === undefined && (document.querySelector('#robustness-tests')?.textContent || '').includes(dfText)) at('robust');
        if (m.robust !== undefined && m.result === undefined && !document.querySelector('#permutation-progress-bar')
          && /Monte Carlo/.test(document.querySelector('#permutation-method')?.textContent || '')) at('result');
      }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value'] });
    }, `t(${df}) = `);
    await page.goto(server.base);
    await ready(page);
    // Let the paper's views finish first, so the page is idle when the file is picked.
    await page.waitForFunction(() => document.querySelector('#permutation-method')?.dataset.count === '646,646', null, { timeout: 60000 });
    await page.waitForTimeout(500);
    let cdp;
    if (PROFILE && i === 0) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
    await page.setInputFiles('#own-file', file);
    await page.waitForFunction(() => window.__own.robust !== undefined, null, { timeout: 120000, polling: 50 });
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.mkdirSync('target', { recursive: true });
      fs.writeFileSync('target/bench-own.cpuprofile', JSON.stringify(profile));
      profileTop = selfTimes(profile);
    }
    shownLine = await page.textContent('#apa-primary');
    await page.waitForFunction(() => window.__own.result !== undefined, null, { timeout: 900000, polling: 500 });
    const cpu = taskTimes(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    const m = await page.evaluate(() => window.__own);
    const tasks = (from, to) => m.longtasks.filter(([s]) => s >= from && s < to).map(([, d]) => d);
    const longest = (from, to) => Math.max(0, ...tasks(from, to));
    results.push({
      test: m.test - m.change,
      robust: m.robust - m.change,
      result: (m.result - m.change) / 1000,
      importTask: longest(m.change - 1, m.test),
      robustTask: longest(m.test, m.robust),
      runTask: longest(m.robust, m.result),
      runOver: tasks(m.robust, m.result).filter((d) => d > BUDGET_TASK).length,
      runLong: tasks(m.robust, m.result).length,
      importCpu: cpu.longest('change', 'robust'),
      runCpu: cpu.longest('robust', 'result'),
      runCpuOver: cpu.over('robust', 'result', BUDGET_TASK),
      runWall: cpu.longestWall('robust', 'result'),
    });
    if (problems.console.length || problems.pageErrors.length) throw new Error(`page problems: ${JSON.stringify(problems)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The renderer main thread's tasks in a trace (the CrRendererMain thread that holds the
 * page's marks), as wall and CPU ms, with the windows between two of the page's marks. */
function taskTimes(events) {
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && e.name?.startsWith('own:'));
  const owner = marks[0] ? `${marks[0].pid}:${marks[0].tid}` : '';
  const at = Object.fromEntries(marks.map((e) => [e.name.slice(4), e.ts]));
  const tasks = events.filter((e) => `${e.pid}:${e.tid}` === owner && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask')
    .map((e) => ({ ts: e.ts, wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
  const within = (from, to) => tasks.filter((t) => t.ts >= at[from] && t.ts < at[to]);
  return {
    longest: (from, to) => Math.max(0, ...within(from, to).map((t) => t.cpu)),
    longestWall: (from, to) => Math.max(0, ...within(from, to).map((t) => t.wall)),
    over: (from, to, ms) => within(from, to).filter((t) => t.cpu > ms).length,
  };
}

/** The functions with the most self time in a CPU profile, in ms. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dts = profile.timeDeltas;
  for (let k = 0; k < profile.samples.length; k++) {
    const n = byId.get(profile.samples[k]);
    const f = n.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url.split('?')[0]) : ''}`.trim();
    self.set(name, (self.get(name) || 0) + (dts[k + 1] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { total, top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15) };
}

// ---- Report ------------------------------------------------------------------------------

const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '—');
const col = (k) => results.map((r) => r[k]);
console.log(`Own data: ${ROWS.toLocaleString('en-US')} rows (${(text.length / 1e6).toFixed(1)} MB) picked in #own-file, ${RUNS} fresh load(s); ms in the page's clock from the input's change event`);
console.log(`The page shows "${shownLine}"; computed here: Student: ${expected}${shownLine.startsWith(`Student: ${expected},`) ? '' : ' (DIFFERENT)'}`);
console.log('| measure | median | min | max | budget |\n|---|---:|---:|---:|---:|');
for (const [name, k, d, budget] of [
  ['change → #test shows the file\'s t', 'test', 0, ''],
  ['change → first #robustness view (all but the Monte Carlo test)', 'robust', 0, `≤ ${BUDGET_IMPORT}`],
  ['change → Monte Carlo result (100,000 resamples), s', 'result', 1, ''],
  ['longest main-thread task, change → test shown', 'importTask', 0, ''],
  ['longest main-thread task, test shown → first robustness view', 'robustTask', 0, ''],
  ['longest main-thread task while the Monte Carlo runs (≥ 50 ms; 0 = none)', 'runTask', 0, `≤ ${BUDGET_TASK}`],
  ['tasks over 100 ms while the Monte Carlo runs', 'runOver', 0, '0'],
  ['tasks of 50 ms or more while the Monte Carlo runs', 'runLong', 0, ''],
  ['longest task while the Monte Carlo runs, wall time in the trace', 'runWall', 0, ''],
  ['longest task while the Monte Carlo runs, CPU time in the trace', 'runCpu', 0, `≤ ${BUDGET_TASK}`],
  ['tasks over 100 ms of CPU time while the Monte Carlo runs', 'runCpuOver', 0, '0'],
  ['longest task, change → first robustness view, CPU time in the trace', 'importCpu', 0, ''],
]) {
  const xs = col(k);
  console.log(`| ${name} | ${f(median(xs), d)} | ${f(Math.min(...xs), d)} | ${f(Math.max(...xs), d)} | ${budget} |`);
}
const importMet = median(col('robust')) <= BUDGET_IMPORT;
const runMet = median(col('runTask')) <= BUDGET_TASK;
const runCpuMet = median(col('runCpu')) <= BUDGET_TASK;
console.log(`Budget: import + test + first views ${importMet ? 'met' : `missed by ${f(median(col('robust')) - BUDGET_IMPORT)} ms`} (median); `
  + `longest task during the Monte Carlo run ${runMet ? 'met' : `over by ${f(median(col('runTask')) - BUDGET_TASK)} ms`} in wall time, `
  + `${runCpuMet ? 'met' : `over by ${f(median(col('runCpu')) - BUDGET_TASK)} ms`} in CPU time (medians).`);
if (profileTop) {
  console.log(`\nCPU profile of load 1, change → first robustness view (${f(profileTop.total)} ms sampled; target/bench-own.cpuprofile): self time`);
  for (const [name, ms] of profileTop.top) console.log(`  ${f(ms, 1).padStart(8)} ms  ${name}`);
}
