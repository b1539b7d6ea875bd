/**
 * An exported page as a phone shows it, in Chromium: nothing scrolls the page sideways, code and
 * tables scroll inside themselves and take the keyboard's focus, task checkboxes have names, and
 * an author's http: image is asked for in a way the page's CSP allows. Skipped when there is no Chromium.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stat } from 'node:fs/promises';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown/render';
// @ts-expect-error -- a plain ES module of the test scripts, without types
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';
import { renderPostPage } from './page';

const chromiumPresent = await stat(CHROMIUM_PATH as string).then(
  () => true,
  () => false,
);
if (!chromiumPresent) console.warn(`Skipping the layout tests: no Chromium at ${String(CHROMIUM_PATH)}.`);

const LONG = 'averyveryverylongidentifierwithoutanyplacetobreakitatall_and_then_some_more';

let browser: Browser;
let server: Server;
let port: number;
const pages = new Map<string, string>();

beforeAll(async () => {
  if (!chromiumPresent) return;
  server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages.get(request.url ?? '') ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH as string, args: CHROMIUM_ARGS as string[] });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens a post page (served from 127.0.0.1) in a 390 px wide phone window. */
async function phonePage(title: string, markdown: string) {
  pages.set('/post.html', renderPostPage({ title, bodyHtml: renderMarkdown(markdown).html }));
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  // In-page code is written as text: this project's types have no DOM.
  await page.addInitScript(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  await page.goto(`http://127.0.0.1:${port}/post.html`);
  return { page, close: () => context.close() };
}

describe.skipIf(!chromiumPresent)('an exported page on a phone', () => {
  it('never scrolls sideways: long titles, inline code and URLs wrap; code and tables scroll inside', async () => {
    const { page, close } = await phonePage(
      `A title with ${LONG}`,
      `Call \`${LONG}()\` from https://example.com/${LONG}/${LONG}\n\n# Heading ${LONG}\n\n\`\`\`\n${LONG} ${LONG}\n\`\`\`\n\n| ${LONG} | \`${LONG}\` |\n|---|---|\n| 1 | 2 |\n`,
    );
    const widths = await page.evaluate<{
      page: number;
      pre: number;
      preBox: number;
      table: number;
      tableBox: number;
    }>(`({
      page: document.documentElement.scrollWidth,
      pre: document.querySelector('pre').scrollWidth,
      preBox: document.querySelector('pre').clientWidth,
      table: document.querySelector('table').scrollWidth,
      tableBox: document.querySelector('table').clientWidth,
    })`);
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.pre).toBeGreaterThan(widths.preBox);
    expect(widths.table).toBeGreaterThan(widths.tableBox);
    await close();
  });

  it('lets the keyboard reach every region that scrolls, and names task checkboxes', async () => {
    const { page, close } = await phonePage(
      'Tasks',
      `- [x] Draft the outline\n- [ ] Send it\n\n\`\`\`js\nconst message = "a line much wider than a phone can show on one line";\n\`\`\`\n\n| name | what it is for |\n|---|---|\n| overflow | a long explanation of what the column holds |\n`,
    );
    const unreachable = await page.evaluate<string[]>(`
      [...document.querySelectorAll('body *')]
        .filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX))
        .filter((element) => element.scrollWidth > element.clientWidth && element.tabIndex < 0)
        .map((element) => element.tagName)
    `);
    expect(unreachable).toEqual([]);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Done', exact: true }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: 'Not done', exact: true }).count()).toBe(1);
    await close();
  });

  it('asks for an http: image over https, which the page allows: no CSP violation', async () => {
    // Another origin than the page's ('self'), written with plain http.
    const { page, close } = await phonePage('Image', `![dot](http://localhost:${port}/dot.png)\n`);
    expect(await page.locator('img').getAttribute('src')).toBe(`https://localhost:${port}/dot.png`);
    await page.waitForLoadState('load');
    expect(await page.evaluate('window.__violations')).toEqual([]);
    await close();
  });
});
