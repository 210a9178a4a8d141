// Languages: lang=zh|en in the permalink, the default from the browser's language, the
// switch, <html lang>, a scan of the Chinese page for English left untranslated (outside the
// study's own content, which is marked lang="en"), numbers against the browser's Intl, and
// APA strings identical in both languages.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import { serve, launch, watchedPage, ready, openWorkshop, assert, assertClean, queryOf } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Words that are the same in both languages: names, units, symbols, the paper's labels. */
const SAME_IN_BOTH = new Set(`
Study Explorer Service Development DingTalk WeChat APA BibTeX JSON CSV PNG REFI QDA QDPX QDA-XML
Table Figure Tables Figures Song Wang Chen Benitez Hu Information Management doi DOI
Welch Student Mann Whitney Wilcoxon Cohen Hedges Glass Bayes Shapiro Wilk Levene Brown Forsythe
JZS Cauchy Fisher Yates ChaCha ChaCha20 Knuth Gray Hodges Lehmann Satterthwaite Kappa Cohen's Holm Bonferroni
SciPy NumPy Python Leptos Rust WebAssembly Chengdu Chromium Firefox Safari Trunk GitHub MIT NVivo ATLAS MAXQDA
Lee Wagenmakers Royston Rouder Vickers Altman Q-Q Unicode REFI-QDA qdpx txt exp
source start end code coder Parent Child group time
`.split(/\s+/).filter(Boolean));
// Column names of the workshop's CSV format (source … coder, "Parent > Child", group, time)
// are typed verbatim in a file, so they stay as they are. The study's own names stay
// English too; where they sit inside a single sentence or an aria-label they cannot carry
// lang="en", so they are allowed by name: pseudonyms, theme and construct names.
const study = JSON.parse(fs.readFileSync(new URL('../crates/core/data/study.json', import.meta.url), 'utf8'));
const studyNames = [
  ...study.informants.map((i) => i.name),
  ...study.model.nodes.flatMap((n) => [n.label, n.subtitle, n.theme, n.category]),
  ...study.codebook.core_categories.flatMap((c) => [c.name, ...(c.themes || []).map((t) => t.name)]),
].filter((x) => typeof x === 'string');
for (const name of studyNames) for (const w of name.match(/[A-Za-z][A-Za-z'’-]{2,}/g) || []) SAME_IN_BOTH.add(w.replace(/['’-]+$/, ''));

/** English words (3+ Latin letters) visible in the page or its labels, outside lang="en". */
async function untranslated(page) {
  return page.evaluate((same) => {
    const allowed = new Set(same);
    const out = new Map();
    const note = (text, where) => {
      for (const w of text.match(/[A-Za-z][A-Za-z'’-]{2,}/g) || []) {
        const word = w.replace(/['’-]+$/, '');
        if (allowed.has(word) || /^[A-Z]{2,}\d*$/.test(word)) continue;
        if (!out.has(word)) out.set(word, where);
      }
    };
    const english = (el) => !!el?.closest?.('[lang="en"], [lang^="en-"], script, style, noscript, textarea, code, pre, .apa, .print-url, .explorer-reference');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!english(el)) note(n.textContent, el.id ? `#${el.id}` : el.closest('[id]') ? `#${el.closest('[id]').id} ${el.tagName}` : el.tagName);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (english(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.hasAttribute(a)) note(el.getAttribute(a), `${a} of ${el.tagName}${el.id ? '#' + el.id : ''}`);
    }
    return [...out.entries()].map(([w, where]) => `${w} (${where})`);
  }, [...SAME_IN_BOTH]);
}

test('lang=zh shows the Chinese UI, keeps the study in English and survives a toggle', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(`${server.base}?lang=zh#test`);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await page.$eval('#language', (s) => s.value), 'zh');
  assert.equal(await page.textContent('#about-h'), '关于本研究');
  assert.match(await page.title(), /研究浏览器/);
  // The paper's title stays as published.
  assert.equal(await page.getAttribute('.site-header h1', 'lang'), 'en');
  await page.click('input[name=salary][value=monthly]');
  // The address follows once the change is drawn.
  await page.waitForFunction(() => /(^|[?&])salary=monthly(&|$)/.test(location.search), null, { timeout: 5000 });
  assert.match(queryOf(page), /lang=zh/);
  assertClean(problems);
  await context.close();
});

test('the default follows the browser language, and the switch writes lang= into the link', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin, { locale: 'zh-CN' });
  await page.goto(server.base);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.doesNotMatch(queryOf(page), /lang=/, 'a browser default is not written into the link');
  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('#about-h'), 'About this study');
  await page.waitForFunction(() => location.search.includes('lang=en'));
  assertClean(problems);
  await context.close();
});

test('a bad lang value gives a notice and the browser language', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(`${server.base}?lang=xx%3Cb%3E`);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('#url-notices'), /lang="xx<b>"/);
  assertClean(problems);
  await context.close();
});

test('the Chinese page has no English left outside the study content', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  await page.goto(`${server.base}?lang=zh`);
  await ready(page);
  // The workshop's tools are a module loaded when the reader gets there: scan them too.
  await openWorkshop(page);
  await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
  await page.waitForTimeout(200);
  const words = await untranslated(page);
  assert.deepEqual(words, [], `English words in the Chinese UI (translate them, or mark study content lang="en"):\n${words.join('\n')}`);
  assertClean(problems);
  await context.close();
});

test('numbers follow the locale (as the browser formats them) and APA stays APA', async () => {
  const { page, problems, context } = await watchedPage(browser, server.origin);
  const seen = {};
  for (const lang of ['en', 'zh']) {
    await page.goto(`${server.base}?lang=${lang}`);
    await ready(page);
    const check = await page.evaluate((tag) => {
      const cells = [...document.querySelectorAll('#salary-table tbody td')].map((c) => c.textContent.trim()).filter((t) => /^[−-]?[\d,]+\.\d\d$/.test(t));
      const fmt = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const bad = cells.filter((t) => fmt.format(Number(t.replace(/,/g, '').replace('−', '-'))).replace('-', '−') !== t);
      return { n: cells.length, bad };
    }, lang === 'zh' ? 'zh-Hans' : 'en');
    assert.ok(check.n >= 40, `${lang}: salary amounts found: ${check.n}`);
    assert.deepEqual(check.bad, [], `${lang}: amounts not in the locale's format`);
    // The label before the result is translated ("Student:", "Paired:"); the APA result is not.
    const apa = async (sel) => { const t = await page.textContent(sel); return t.slice(t.indexOf('t(')); };
    seen[lang] = { apa: await apa('#apa-primary'), welch: await apa('#apa-welch') };
  }
  assert.match(seen.en.apa, /^t\(20\) = \d\.\d\d, p [<=] \.\d+$/);
  assert.deepEqual(seen.zh, seen.en, 'APA results are the same text in both languages');
  assertClean(problems);
  await context.close();
});
