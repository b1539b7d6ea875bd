/**
 * Exporting from the app (browser mode): one post downloads as a standalone, script-free page;
 * the whole blog is written as a static site while a progress bar fills, and the exported pages
 * open from disk with their images.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures first; none are needed here
test.beforeEach(({}, testInfo) => {
  testInfo.skip(testInfo.project.metadata.mode !== 'browser', 'Downloads and typed folders are browser mode.');
  // Exports render every post; on a busy two-core machine that takes a while.
  test.slow();
});

test('Export HTML downloads a standalone page with a strict CSP and no script', async ({ app }) => {
  await app.getByRole('option', { name: 'Everything Markdown Can Do Here' }).click();
  await expect(app.getByLabel('Markdown', { exact: true })).toBeVisible();
  const downloading = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export HTML' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('markdown-features.html');
  const file = await download.path();
  const html = await readFile(file, 'utf8');
  expect(html).toContain('<title>Everything Markdown Can Do Here</title>');
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
  expect(html).not.toMatch(/<script/i);
  // The single file carries its image inside it.
  expect(html).toMatch(/<img src="data:image\/png;base64,/);
  await expect(app.getByRole('toolbar', { name: 'Export' })).toContainText('Exported to markdown-features.html');
});

test('Ctrl/Cmd+E exports, and says when unsaved edits are not included', async ({ app }) => {
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially('\nNot saved yet.\n');
  await expect(app.getByRole('status')).toContainText(/unsaved/i);
  const downloading = app.waitForEvent('download');
  await app.keyboard.press('ControlOrMeta+e');
  const html = await readFile(await (await downloading).path(), 'utf8');
  expect(html).not.toContain('Not saved yet.');
  await expect(app.getByRole('toolbar', { name: 'Export' })).toContainText('save first to include your edits');
});

test('Export site writes the site with progress, and its pages open from disk with their images', async ({
  app,
  page,
}) => {
  const base = await mkdtemp(path.join(tmpdir(), 'postwright-e2e-site-'));
  const out = path.join(base, 'site');
  try {
    await app.getByRole('button', { name: 'Export site' }).click();
    const dialog = app.getByRole('dialog', { name: 'Export site' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Output folder').fill('relative/folder');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('not a full path');

    await dialog.getByLabel('Output folder').fill(out);
    await dialog.getByLabel('Site title').fill('Notes from the Desk');
    await dialog.getByLabel('Site URL').fill('https://example.org/blog/');
    await dialog.getByLabel('Include drafts').check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const bar = dialog.getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    await expect(dialog.getByRole('status')).toContainText('Exported 3 posts');
    await expect(dialog.getByRole('status')).toContainText(out);

    for (const file of [
      'index.html',
      'feed.xml',
      'blog/markdown-features/index.html',
      'blog/notes-on-revision/index.html',
    ])
      expect((await stat(path.join(out, file))).isFile(), file).toBe(true);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('Everything Markdown Can Do Here');
    expect(index).toContain('<title>Notes from the Desk</title>');
    expect(await readFile(path.join(out, 'feed.xml'), 'utf8')).toContain('<title>Notes from the Desk</title>');
    expect(index).not.toMatch(/<script/i);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    // The next export starts with the site's name and address as they were.
    await app.getByRole('button', { name: 'Export site' }).click();
    await expect(dialog.getByLabel('Site title')).toHaveValue('Notes from the Desk');
    await expect(dialog.getByLabel('Site URL')).toHaveValue('https://example.org/blog/');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Opened from disk, the page's CSP ('self') still lets its copied image load.
    await page.goto(pathToFileURL(path.join(out, 'blog/markdown-features/index.html')).href);
    const image = page.locator('img[src*="gradient"]');
    await expect(image).toHaveCount(1);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    // A reader goes on from the end of a post to the one beside it: the oldest has only a newer one.
    const more = page.getByRole('navigation', { name: 'More posts' });
    await expect(more.getByRole('link')).toHaveCount(1);
    await more.getByRole('link', { name: 'Newer post Writing in Plain Text' }).click();
    await expect(page).toHaveURL(/\/site\/blog\/writing-in-plain-text\/index\.html$/);
    await expect(more.getByRole('link', { name: 'Older post Everything Markdown Can Do Here' })).toBeVisible();
    await more.getByRole('link', { name: 'Newer post Notes on Revision' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notes on Revision' })).toBeVisible();
    await page.getByRole('link', { name: 'Notes from the Desk' }).first().click();
    await expect(page).toHaveURL(/\/site\/index\.html$/);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
});

test('Export site into a GitHub Pages clone offers to export beside the author’s files, and keeps them byte for byte', async ({
  app,
}) => {
  const base = await mkdtemp(path.join(tmpdir(), 'postwright-e2e-pages-'));
  const out = path.join(base, 'username.github.io');
  try {
    await mkdir(path.join(out, '.git'), { recursive: true });
    await writeFile(path.join(out, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    await writeFile(path.join(out, 'CNAME'), 'blog.example.org\n');
    await app.getByRole('button', { name: 'Export site' }).click();
    const dialog = app.getByRole('dialog', { name: 'Export site' });
    const keep = dialog.getByRole('checkbox', { name: 'Keep my other files in the folder' });
    // A tick holds while the path is typed on; unticked again, the export asks first.
    await dialog.getByLabel('Output folder').fill(base);
    await keep.check();
    await dialog.getByLabel('Output folder').fill(out);
    await expect(keep).toBeChecked();
    await keep.uncheck();
    await expect(keep).not.toBeChecked();
    await expect(keep).toHaveAccessibleDescription(/never changed/);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('is not empty (.git, CNAME) and was not made by a Postwright export');
    expect(await readdir(out)).toEqual(['.git', 'CNAME']);

    await alert.getByRole('button', { name: 'Export beside them' }).press('Enter');
    await expect(dialog.getByRole('status')).toContainText('2 of your own files and folders left untouched');
    // The button went with the question: the keyboard's focus is on the progress, in the dialog.
    await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeFocused();
    await expect(keep).toBeChecked();
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.org\n');
    expect(await readFile(path.join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect((await stat(path.join(out, 'index.html'))).isFile()).toBe(true);

    // Remembered for this folder only: the next export there goes beside them without asking, one
    // to another folder (with files of the author's too) is refused as before.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await app.getByRole('button', { name: 'Export site' }).click();
    await expect(keep).not.toBeChecked();
    await dialog.getByLabel('Output folder').fill(base);
    await expect(keep).not.toBeChecked();
    await dialog.getByLabel('Output folder').fill(`${out}/`);
    await expect(keep).toBeChecked();
    await dialog.getByLabel('Output folder').fill(out);
    await expect(keep).toBeChecked();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('2 of your own files and folders left untouched');
    expect(await readFile(path.join(out, 'CNAME'), 'utf8')).toBe('blog.example.org\n');
  } finally {
    await rm(base, { recursive: true, force: true });
  }
});

test('the preview looks like the exported page: its date, sans-serif headings, left-aligned headers, footnotes’ label', async ({
  app,
}) => {
  await app.getByRole('option', { name: 'Everything Markdown Can Do Here' }).click();
  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { level: 1 })).toBeVisible();
  // The whole post is on the page: its table and, at the end, its footnote.
  await expect(preview.getByRole('table')).toHaveCount(1);
  await expect(preview.getByText('One plugin list renders both')).toHaveCount(1);
  const downloading = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export HTML' }).click();
  // Saved under its own name: a download's temporary file has no extension to be read as HTML by.
  const exported = path.join(await mkdtemp(path.join(tmpdir(), 'postwright-e2e-look-')), 'post.html');
  await (await downloading).saveAs(exported);
  // The same post, as each shows it.
  const look = (root: Page) =>
    root.evaluate(() => {
      const scope = document.querySelector('[aria-label="Preview"] article') ?? document.querySelector('main');
      if (scope === null) throw new Error('no article');
      const style = (selector: string, property: string) => {
        const element = scope.querySelector(selector);
        return element === null ? null : getComputedStyle(element).getPropertyValue(property);
      };
      const sansHeading = /sans|system-ui/.test(style('h2', 'font-family') ?? '');
      const footnoteLabel = scope.querySelector('.footnotes h2');
      return {
        date: scope.querySelector('time')?.textContent ?? null,
        sansHeading,
        headerAlign: style('th:not([class*="align-"])', 'text-align'),
        footnoteLabelShown: footnoteLabel === null ? null : footnoteLabel.getBoundingClientRect().width > 1,
      };
    });
  const inPreview = await look(app);
  const page = await app.context().newPage();
  await page.goto(pathToFileURL(exported).href);
  const inExport = await look(page);
  expect(inPreview).toEqual(inExport);
  expect(inExport).toEqual({
    date: '2 October 2026',
    sansHeading: true,
    // At the line's start: the left in this page, the right in a right-to-left one.
    headerAlign: 'start',
    footnoteLabelShown: false,
  });
});
