/**
 * Finding and writing on a temporary copy of posts/: full-text search with marked matches, sorting
 * and filtering the list, quick open, pasting an image, and the publishing hints.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures';

const SHOTS = process.env.PW_SHOTS;

// Each test drives a whole server and browser; on a loaded two-core machine that can take a minute.
test.describe.configure({ timeout: 120_000 });

test('full-text search finds a word in a body and marks it', async ({ app }) => {
  await app.getByRole('searchbox', { name: 'Search posts' }).fill('ADVERB');
  const results = app.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option')).toHaveCount(1);
  const hit = results.getByRole('option', { name: 'Notes on Revision' });
  await expect(hit.locator('mark')).toHaveText(['adverb']);
  if (SHOTS) await app.screenshot({ path: `${SHOTS}/search.png` });
  await hit.click();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Notes on Revision');
  await app.getByRole('searchbox', { name: 'Search posts' }).press('Escape');
  await expect(app.getByRole('listbox', { name: 'Posts' }).getByRole('option')).toHaveCount(3);
});

test('the list answers each key of a search while typing goes on; the full-text hits join at the pause', async ({
  app,
}) => {
  // The page's timers stand still unless moved on: no pause in typing happens by itself.
  await app.clock.install();
  await app.clock.pauseAt((await app.evaluate(() => Date.now())) + 1000);
  const box = app.getByRole('searchbox', { name: 'Search posts' });
  const results = app.getByRole('listbox', { name: 'Search results' });
  const pause = () =>
    expect
      .poll(async () => {
        await app.clock.runFor(100);
        return results.getAttribute('aria-busy');
      })
      .toBe('false');
  await box.pressSequentially('markd');
  await app.clock.runFor(20);
  // Found by title within a few milliseconds of the last key, the full-text search not asked yet.
  await expect(results.getByRole('option')).toHaveText([/Everything Markdown Can Do Here/]);
  await expect(results).toHaveAttribute('aria-busy', 'true');
  // Typing pauses: the server is asked, and its hits join: a post with the word only in its body.
  await pause();
  await expect(results.getByRole('option')).toHaveCount(2);
  const inBody = results.getByRole('option', { name: /Writing in Plain Text/ });
  await expect(inBody.locator('.search-line mark').first()).toHaveText(/markd/i);

  // The hits of a query never show under the next one: "adverb" is in a body, "adverbx" nowhere.
  await box.fill('');
  await box.pressSequentially('adverb');
  await pause();
  await expect(results.getByRole('option')).toHaveText([/Notes on Revision/]);
  await box.press('x');
  await app.clock.runFor(20);
  await expect(results).toHaveAttribute('aria-busy', 'true');
  await expect(results.getByRole('option')).toHaveCount(0);
  await pause();
  await expect(results.getByRole('option')).toHaveCount(0);
});

test('sorts by title either way and filters drafts and tags', async ({ app }) => {
  const options = app.getByRole('listbox', { name: 'Posts' }).getByRole('option');
  await app.getByLabel('Sort by').selectOption({ label: 'Title' });
  await expect(options).toHaveText([/Everything Markdown/, /Notes on Revision/, /Writing in Plain Text/]);
  await app.getByRole('button', { name: 'Ascending order' }).click();
  await expect(options).toHaveText([/Writing in Plain Text/, /Notes on Revision/, /Everything Markdown/]);
  await app.getByLabel('Show').selectOption({ label: 'Drafts' });
  await expect(options).toHaveText([/Notes on Revision/]);
  await app.getByLabel('Show').selectOption({ label: 'All' });
  await app.getByLabel('Tag').selectOption('markdown');
  await expect(options).toHaveText([/Everything Markdown/]);
  if (SHOTS) await app.screenshot({ path: `${SHOTS}/sort-filter.png` });
});

test('the selection survives a reload of the list', async ({ app }) => {
  const list = app.getByRole('listbox', { name: 'Posts' });
  await list.getByRole('option', { name: 'Writing in Plain Text' }).click();
  await expect(list.getByRole('option', { name: 'Writing in Plain Text' })).toHaveAttribute('aria-selected', 'true');
  await app.getByLabel('Sort by').selectOption({ label: 'Title' });
  await expect(list.getByRole('option', { name: 'Writing in Plain Text' })).toHaveAttribute('aria-selected', 'true');
});

test('Ctrl/Cmd+P opens a post by its title', async ({ app }) => {
  await expect(app.getByRole('listbox', { name: 'Posts' }).getByRole('option')).toHaveCount(3);
  await app.keyboard.press('ControlOrMeta+p');
  const dialog = app.getByRole('dialog', { name: 'Open post' });
  const input = dialog.getByRole('combobox', { name: 'Post title' });
  await expect(input).toBeFocused();
  await input.fill('plain');
  await expect(dialog.getByRole('option')).toHaveText([/Writing in Plain Text/]);
  if (SHOTS) await app.screenshot({ path: `${SHOTS}/quick-open.png` });
  await input.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Writing in Plain Text');
});

test('path: generate from title, duplicate warning, rename the file', async ({ app, postsDir }) => {
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  const pathField = app.getByLabel('path', { exact: true });
  await expect(pathField).toHaveValue('/blog/writing-in-plain-text');
  await pathField.fill('/blog/notes-on-revision/');
  await expect(app.getByText('Another post already uses this path: Notes on Revision')).toBeVisible();
  if (SHOTS) await app.screenshot({ path: `${SHOTS}/path-duplicate.png` });
  await app.getByLabel('title', { exact: true }).fill('Plain Text, Again');
  await app.getByRole('button', { name: 'Generate from title' }).click();
  await expect(pathField).toHaveValue('/blog/plain-text-again/');
  await expect(app.getByText(/Another post already uses this path/)).toBeHidden();
  await expect(app.getByRole('status')).toHaveText('Unsaved changes');
  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');

  await app.getByRole('button', { name: 'Rename file…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Rename file' });
  const name = dialog.getByLabel('New file name');
  await expect(name).toHaveValue('plain-text-again.md');
  await name.fill('markdown-features.md');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Another file already has this name');
  await name.fill('plain-text-again.md');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('option', { name: 'Plain Text, Again' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => fileExists(path.join(postsDir, 'plain-text-again.md'))).toBe(true);
  expect(await fileExists(path.join(postsDir, 'writing-in-plain-text.md'))).toBe(false);
});

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4YWSEFTEMLQkAc/tLAZi7j8gAAAAASUVORK5CYII=';

test('pasting an image writes it beside the blog and shows it in the preview', async ({ app, postsDir }) => {
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await markdown.click();
  await markdown.press('ControlOrMeta+Home');
  await app.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'Pasted Photo.png', { type: 'image/png' }));
    const area = document.querySelector('textarea[aria-label="Markdown"]');
    area?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, PNG_BASE64);
  await expect(markdown).toHaveValue(/^!\[Pasted Photo\]\(images\/pasted-photo\.png\)/);
  const image = app.getByRole('region', { name: 'Preview' }).getByRole('img', { name: 'Pasted Photo' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(8);
  expect(await readFile(path.join(postsDir, 'images/pasted-photo.png'))).toEqual(Buffer.from(PNG_BASE64, 'base64'));
  if (SHOTS) await app.screenshot({ path: `${SHOTS}/image-paste.png` });
});

async function fileExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

test('hints, the shortcuts panel and focus mode', async ({ app }) => {
  await app.getByRole('option', { name: 'Notes on Revision' }).click();
  const hints = app.getByRole('region', { name: 'Hints' });
  await hints.getByText('Hints').click();
  await expect(hints.getByRole('listitem')).toHaveText([/no description/, /draft flag is still on/]);
  await app.getByLabel('draft', { exact: true }).uncheck();
  await expect(hints.getByRole('listitem')).toHaveText([/no description/]);
  if (SHOTS) await app.screenshot({ path: `${SHOTS}/hints.png` });

  await app.keyboard.press('ControlOrMeta+/');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Open a post by its title');
  if (SHOTS) await app.screenshot({ path: `${SHOTS}/help.png` });
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();

  await app.getByRole('button', { name: 'Focus mode' }).click();
  await expect(app.getByRole('listbox', { name: 'Posts' })).toBeHidden();
  await expect(app.getByLabel('Markdown', { exact: true })).toBeVisible();
  if (SHOTS) await app.screenshot({ path: `${SHOTS}/focus.png` });
  await app.keyboard.press('Escape');
  await expect(app.getByRole('listbox', { name: 'Posts' })).toBeVisible();
});
