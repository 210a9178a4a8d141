// Writes the article into the build: the page for the default view, as the app itself
// renders it, so a reader without JavaScript, a crawler or a web archive gets the whole
// study, and a reader with it sees the page before the wasm has arrived.
//
// Run by scripts/post-build.sh (Trunk's post_build hook) on the staged build: serves it on
// loopback under its public URL, opens it in headless Chromium, waits until every section
// is built and the robustness view is complete, and writes a snapshot of `#app` into
// index.html (src/ui/takeover.rs takes it over when the app starts). The snapshot is the
// live DOM with what only a running app can use taken out:
//   - Leptos's comment markers;
//   - the canvases' drawing buffers (a canvas keeps its size class; its text summary and
//     data table stand in until the app draws it);
//   - `aria-busy`, and form controls are disabled (they work once the app has started);
//   - the build server's address where the page names its own (the handout's permalink,
//     "Cite this explorer"): the site's with SITE_URL, left out without it;
// and the page's head gains what finds and shares it: the description (the finding, in
// the page's own words), OpenGraph and Twitter-card meta with a screenshot (og.png,
// 1200×630), and, when SITE_URL is set (e.g. SITE_URL=https://example.org/explorer/),
// absolute URLs and <link rel="canonical">; and JSON-LD (schema.org) describing the paper
// (ScholarlyArticle, with its DOI) and the transcribed dataset this build ships
// (study.json: Dataset, based on the paper, with its licence), read from that file.
//
// The build fails if the page does not become ready, logs an error, or carries a style
// attribute (the CSP would drop it in the static page).
//
// Usage: node scripts/prerender.mjs [dir=$TRUNK_STAGING_DIR] (public URL: $TRUNK_PUBLIC_URL)
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, watchedPage } from '../e2e/harness.js';

const dir = path.resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
const prefix = process.env.TRUNK_PUBLIC_URL || '/';
const site = process.env.SITE_URL ? process.env.SITE_URL.replace(/\/*$/, '/') : '';
const indexFile = path.join(dir, 'index.html');
const template = fs.readFileSync(indexFile, 'utf8');
const EMPTY_ROOT = '<div id="app"></div>';
if (!template.includes(EMPTY_ROOT)) {
  throw new Error(`prerender: ${indexFile} has no empty ${EMPTY_ROOT} to fill`);
}

/** schema.org JSON-LD for the paper and the dataset, from the shipped study.json. */
function linkedData(study, url) {
  const c = study.about.citation;
  const doi = `https://doi.org/${c.doi}`;
  const article = {
    '@type': 'ScholarlyArticle',
    '@id': doi,
    name: c.title,
    headline: c.title,
    author: c.authors.map((name) => ({ '@type': 'Person', name })),
    datePublished: String(c.year),
    identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: c.doi },
    sameAs: doi,
    isPartOf: {
      '@type': 'PublicationVolume',
      volumeNumber: String(c.volume),
      isPartOf: { '@type': 'Periodical', name: c.journal },
    },
  };
  const dataset = {
    '@type': 'Dataset',
    name: `${c.title}: the study's data, transcribed`,
    description: 'Salaries (Tables 8 and A2), demographics (Table 2), interview coverage (Figure 3) and the codebook (Table 3) of '
      + `${c.authors[0].replace(/,.*/, '')} et al. (${c.year}), transcribed from the article; every value names its table, section or footnote.`,
    isBasedOn: { '@id': doi },
    citation: { '@id': doi },
    license: 'https://opensource.org/licenses/MIT',
    isAccessibleForFree: true,
    distribution: { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: url('study.json') },
  };
  const json = JSON.stringify({ '@context': 'https://schema.org', '@graph': [article, dataset] });
  // Inside <script>, "</script" or "<!--" would end or change the element.
  return json.replace(/</g, '\\u003c');
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const server = await serve({ root: dir, prefix });
const browser = await launch();
try {
  const { page, problems } = await watchedPage(browser, server.origin, { viewport: { width: 1280, height: 800 } });
  await page.goto(server.base);
  // Every section built and the robustness view complete (its permutation count is set
  // when the Monte Carlo part has finished).
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready'
    && document.querySelector('#main[aria-busy=false]')
    && document.querySelector('#permutation-method[data-count]:not([data-count=""])'), null, { timeout: 60000 });
  const snapshot = await page.evaluate(({ site }) => {
    const root = document.getElementById('app').cloneNode(true);
    // The page names its own address (the handout's permalink, "Cite this explorer"),
    // here the loopback server's. With SITE_URL it becomes the site's; without it the
    // build does not know where it will be served, so the address is left out (the app
    // writes the reader's own when it starts).
    const here = location.href.split(/[?#]/)[0];
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const t = texts.currentNode;
      if (t.data.includes(here)) t.data = site ? t.data.replaceAll(here, site) : t.data.replaceAll(here, '').trimEnd();
    }
    if (!site) root.querySelectorAll('.print-url').forEach((e) => e.closest('p')?.remove());
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach((c) => c.remove());
    root.querySelectorAll('canvas').forEach((c) => { c.removeAttribute('width'); c.removeAttribute('height'); });
    root.querySelectorAll('[aria-busy]').forEach((e) => e.removeAttribute('aria-busy'));
    root.querySelectorAll('button, input, select, textarea').forEach((e) => e.setAttribute('disabled', ''));
    // boot.js writes the offline status at run time.
    root.querySelectorAll('#offline-status').forEach((e) => e.replaceChildren());
    const styled = [...root.querySelectorAll('[style]')].map((e) => `<${e.localName} id="${e.id}" style="${e.getAttribute('style')}">`);
    return {
      html: root.innerHTML,
      styled,
      title: document.title,
      finding: document.querySelector('.finding-sentence')?.textContent.trim() || document.querySelector('meta[name=description]')?.content || '',
      leftover: root.innerHTML.includes(location.host),
    };
  }, { site });
  if (snapshot.leftover) throw new Error(`prerender: the snapshot still names the build's server (${server.origin})`);
  if (snapshot.styled.length) throw new Error(`prerender: style attributes the CSP would drop: ${snapshot.styled.join(', ')}`);
  if (problems.console.length || problems.pageErrors.length || problems.offOrigin.length) {
    throw new Error(`prerender: the page was not clean: ${JSON.stringify(problems.console.concat(problems.pageErrors, problems.offOrigin))}`);
  }
  // The card image: the first screen at 1200×630.
  await page.setViewportSize({ width: 1200, height: 630 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, 'og.png') });

  const url = (rel) => (site ? new URL(rel, site).href : rel);
  const head = [
    `<meta property="og:type" content="website" />`,
    `<meta property="og:title" content="${escapeAttr(snapshot.title)}" />`,
    `<meta property="og:description" content="${escapeAttr(snapshot.finding)}" />`,
    `<meta property="og:image" content="${escapeAttr(url('og.png'))}" />`,
    `<meta property="og:image:width" content="1200" />`,
    `<meta property="og:image:height" content="630" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${escapeAttr(snapshot.title)}" />`,
    `<meta name="twitter:description" content="${escapeAttr(snapshot.finding)}" />`,
    `<meta name="twitter:image" content="${escapeAttr(url('og.png'))}" />`,
    ...(site ? [`<meta property="og:url" content="${escapeAttr(site)}" />`, `<link rel="canonical" href="${escapeAttr(site)}" />`] : []),
    `<script type="application/ld+json">${linkedData(JSON.parse(fs.readFileSync(path.join(dir, 'study.json'), 'utf8')), url)}</script>`,
  ].map((l) => `    ${l}\n`).join('');
  let out = template.replace(EMPTY_ROOT, `<div id="app" data-prerendered>${snapshot.html}</div>`);
  if (snapshot.finding) {
    out = out.replace(/<meta name="description" content="[^"]*"\s*\/?>/, `<meta name="description" content="${escapeAttr(snapshot.finding)}" />`);
  }
  out = out.replace('</head>', `${head}  </head>`);
  fs.writeFileSync(indexFile, out);
  console.log(`prerender: index.html holds the article (${snapshot.html.length} characters)${site ? `, site ${site}` : ''}`);
} finally {
  await browser.close();
  await server.close();
}
