/**
 * The preview and the exported page place a post's title and date by the same rule
 * (shared/markdown/title.ts): a body opening with an H1 is titled by it, the date under it; never two H1s.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, projectRoot } from './fixtures';

test.use({ postsSource: path.join(projectRoot, 'e2e/fixtures/titles') });

// eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures first; none are needed here
test.beforeEach(({}, testInfo) => {
  testInfo.skip(testInfo.project.metadata.mode !== 'browser', 'Downloads are browser mode.');
  test.slow();
});

/** Each h1's text and each date, in page order, inside `scope`. */
function outline(root: Page, scope: string): Promise<string[]> {
  return root.evaluate((selector) => {
    const article = document.querySelector(selector);
    if (article === null) throw new Error(`no ${selector}`);
    return [...article.querySelectorAll('h1, .prose-date, .post-date')].map((element) =>
      element.tagName === 'H1' ? `h1 ${element.textContent ?? ''}` : `date ${element.textContent ?? ''}`,
    );
  }, scope);
}

const CASES = [
  { option: 'Front Title', expected: ['h1 Body Title', 'date 4 March 2021'] },
  { option: 'Only Body Title', expected: ['h1 Only Body Title', 'date 5 March 2021'] },
  { option: 'Later Title', expected: ['date 6 March 2021', 'h1 Later Title'] },
  // An empty title is none: the file's name is the title, as the list shows it.
  { option: 'empty-title', expected: ['h1 empty-title', 'date 7 March 2021'] },
  // Keys are read without case, as Hugo reads them.
  { option: 'Capital Key', expected: ['h1 Capital Key', 'date 8 March 2021', 'h1 Later heading'] },
  // Read as the pipeline reads them: a setext heading over two lines (after a link definition)…
  { option: 'Two-Line Front', expected: ['h1 A title written\nover two lines', 'date 9 March 2021'] },
  // …and an `===` that only continues a list item, which is no heading at all.
  { option: 'Not A Heading', expected: ['h1 Not A Heading', 'date 10 March 2021'] },
  // A comment before the heading renders to nothing: the heading still opens the body.
  { option: 'Comment Title', expected: ['h1 Body After Comment', 'date 11 March 2021'] },
];

for (const { option, expected } of CASES) {
  test(`the preview and the export title "${option}" alike`, async ({ app }) => {
    await app.getByRole('option', { name: option }).click();
    const preview = app.getByRole('region', { name: 'Preview' });
    await expect(preview.getByRole('heading', { level: 1 }).last()).toBeVisible();
    await expect.poll(() => outline(app, '[aria-label="Preview"] article')).toEqual(expected);
    const downloading = app.waitForEvent('download');
    await app.getByRole('button', { name: 'Export HTML' }).click();
    const html = await readFile(await (await downloading).path(), 'utf8');
    const page = await app.context().newPage();
    await page.setContent(html);
    expect(await outline(page, 'main article')).toEqual(expected);
    await page.close();
  });
}

test('opening a long post never shows a title its render then takes back', async ({ app, postsDir }) => {
  // Long enough that its first render takes a while: the title must not be guessed before it lands.
  const filler = Array.from({ length: 6000 }, (_, i) => `Paragraph ${i} of a post long enough to take a while.`);
  await writeFile(
    path.join(postsDir, 'long-front.md'),
    `---\ntitle: Long Front\ndate: 2021-03-12\n---\n\n# Long Body\n\n${filler.join('\n\n')}\n`,
  );
  const option = app.getByRole('option', { name: /Long Front/ });
  await expect(option).toBeVisible();
  // Every h1 the preview ever holds while the post opens, caught as it is added to the page.
  await app.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenTitles: string[] }).seenTitles = seen;
    new MutationObserver(() => {
      const preview = document.querySelector('[aria-label="Preview"]');
      const titles = [...(preview?.querySelectorAll('h1') ?? [])].map((h1) => h1.textContent ?? '');
      for (const title of titles) if (!seen.includes(title)) seen.push(title);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await option.click();
  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { level: 1, name: 'Long Body' })).toBeVisible();
  await expect(preview).not.toHaveAttribute('aria-busy', 'true');
  const seen = await app.evaluate(() => (window as unknown as { seenTitles: string[] }).seenTitles);
  expect(seen).toEqual(['Long Body']);
});
