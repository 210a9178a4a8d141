// Takes a screenshot of the release build (dist/) in headless Chromium:
//   node scripts/screenshot.mjs [out.png] [query] [width] [fullPage]
import { serve, launch, watchedPage } from '../e2e/harness.js';

const [out = 'public/screenshot.png', query = '', width = '1280', full = ''] = process.argv.slice(2);
const server = await serve();
const browser = await launch();
const { page, problems } = await watchedPage(browser, server.origin, { viewport: { width: Number(width), height: 900 } });
await page.goto(server.base + query);
await page.waitForSelector('#reproducibility table.ledger', { timeout: 30000 });
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: full === 'full' });
console.log(JSON.stringify({ out, console: problems.console, pageErrors: problems.pageErrors, offOrigin: problems.offOrigin }));
await browser.close();
await server.close();
