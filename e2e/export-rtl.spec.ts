/**
 * An exported page in a right-to-left language, as Chromium lays it out: the page mirrors (a
 * quote's rule on the right), code still reads left to right, and the date, in the post's
 * language, keeps its order (review 23a: `;console.log("hi")`, `} () fn main`, "January 2023 31").
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { renderPostHtml } from '../electron/node/export/post';
import { exportSite } from '../electron/node/export/site';
import { test, expect } from './fixtures';

// eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures first; none are needed here
test.beforeEach(({}, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.mode !== 'browser',
    'The page and the preview are laid out the same in either mode.',
  );
});

const POST = [
  '---',
  'title: "مرحبا بالعالم"',
  'date: 2023-01-31',
  'tags: [C++]',
  '---',
  'هذه تدوينة قصيرة مكتوبة باللغة العربية، وفيها شيفرة واقتباس.',
  '',
  '```js',
  'console.log("hi");',
  '```',
  '',
  'نص مع `let x = 1;` في وسط السطر.',
  '',
  '> اقتباس من كاتب.',
  '',
].join('\n');

/** The left edge of the first occurrence of `text` inside the element matching `selector`. */
async function leftOf(page: Page, selector: string, text: string): Promise<number> {
  return page.evaluate(
    ([selector, text]) => {
      const element = document.querySelector(selector);
      if (element === null) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        return range.getBoundingClientRect().left;
      }
      throw new Error(`no "${text}" in ${selector}`);
    },
    [selector, text] as const,
  );
}

test('a page in Arabic is laid out right to left, with its code left to right and its date in Arabic', async ({
  page,
}) => {
  const posts = await mkdtemp(path.join(tmpdir(), 'postwright-e2e-rtl-'));
  try {
    await writeFile(path.join(posts, 'arabic.md'), POST);
    const exported = await renderPostHtml({ postsDir: posts, postId: 'arabic.md' });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.html).toMatch(/<html lang="ar" dir="rtl">/);
    await page.setViewportSize({ width: 900, height: 900 });
    await page.setContent(exported.value.html);
    // The page mirrors: a quote's rule is on its right, its text starts on the right.
    const quote = await page.locator('blockquote').evaluate((element) => {
      const style = getComputedStyle(element);
      return { right: style.borderRightWidth, left: style.borderLeftWidth };
    });
    expect(quote).toEqual({ right: '3px', left: '0px' });
    // Code reads left to right, in a block and within a line of Arabic.
    expect(await leftOf(page, 'pre code', 'console')).toBeLessThan(await leftOf(page, 'pre code', ';'));
    expect(await leftOf(page, 'p code', 'let')).toBeLessThan(await leftOf(page, 'p code', '1;'));
    // The date is in the post's language and reads right to left, day first: "31 يناير 2023"
    // (before, in English, it had to be kept from reading "January 2023 31").
    const time = page.locator('time');
    await expect(time).toHaveText('31 يناير 2023');
    expect(await leftOf(page, 'time', '31')).toBeGreaterThan(await leftOf(page, 'time', 'يناير'));
    expect(await leftOf(page, 'time', 'يناير')).toBeGreaterThan(await leftOf(page, 'time', '2023'));
    // In the site, a tag keeps its signs where they are written: "#C++", not "++" and "#C".
    const site = path.join(posts, '..', `${path.basename(posts)}-site`);
    const exportedSite = await exportSite({ postsDir: posts, outDir: site });
    if (!exportedSite.ok) throw new Error(exportedSite.error.message);
    await page.goto(pathToFileURL(path.join(site, 'arabic', 'index.html')).href);
    expect(await leftOf(page, '.tags a', '#')).toBeLessThan(await leftOf(page, '.tags a', 'C'));
    expect(await leftOf(page, '.tags a', 'C')).toBeLessThan(await leftOf(page, '.tags a', '++'));
    await rm(site, { recursive: true, force: true });
    await page.screenshot({ path: test.info().outputPath('rtl-page.png'), fullPage: true });
  } finally {
    await rm(posts, { recursive: true, force: true });
  }
});

test('the preview of a post in Arabic is laid out as its exported page: right to left, code left to right, the date in Arabic', async ({
  app,
  postsDir,
}) => {
  await writeFile(path.join(postsDir, 'arabic.md'), POST);
  await app.reload();
  await app.getByRole('option', { name: 'مرحبا بالعالم' }).click();
  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('blockquote')).toBeVisible();
  await expect(preview.locator('article')).toHaveAttribute('dir', 'rtl');
  await expect(preview.locator('article')).toHaveAttribute('lang', 'ar');
  const quote = await preview.getByRole('blockquote').evaluate((element) => {
    const style = getComputedStyle(element);
    return { right: style.borderRightWidth, left: style.borderLeftWidth };
  });
  expect(quote).toEqual({ right: '3px', left: '0px' });
  expect(await leftOf(app, '.preview pre code', 'console')).toBeLessThan(await leftOf(app, '.preview pre code', ';'));
  await expect(preview.locator('time')).toHaveText('31 يناير 2023');
  expect(await leftOf(app, '.preview time', '31')).toBeGreaterThan(await leftOf(app, '.preview time', '2023'));
  await app.screenshot({ path: test.info().outputPath('rtl-preview.png') });
  // An English post stays left to right.
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  await expect(preview.locator('article')).toHaveAttribute('lang', 'en');
  await expect(preview.locator('article')).not.toHaveAttribute('dir');
});
