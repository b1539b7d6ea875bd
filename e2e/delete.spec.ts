/**
 * Deleting a post from the app: asked first (Cancel has the focus), the file goes to the trash
 * (browser mode: `.postwright-trash/` inside the posts folder), its unsaved work is forgotten with
 * it (and the dialog says so), the list loses it, and the focus lands in the list.
 */
import { chmod, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { journal } from './backend';
import { expect, test } from './fixtures';

const TITLE = 'Writing in Plain Text';
const FILE = 'writing-in-plain-text.md';

async function openWithFields(app: Page): Promise<void> {
  await app.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: TITLE }).click();
  await expect(app.getByLabel('Markdown', { exact: true })).toHaveValue(/Every few years/);
  const toggle = app.getByRole('region', { name: 'Front matter' }).getByRole('button', { name: 'Front matter' });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

async function filesBelow(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return names.map((name) => name.split(path.sep).join('/'));
}

test('Delete post… asks first, moves the file to the trash and leaves the focus in the list', async ({
  app,
  postsDir,
}, testInfo) => {
  const original = await readFile(path.join(postsDir, FILE));
  await openWithFields(app);
  await app.getByLabel('Markdown', { exact: true }).press('ControlOrMeta+End');
  await app.keyboard.type('\nA sentence never saved.');

  await app.getByRole('button', { name: 'Delete post…' }).click();
  const dialog = app.getByRole('dialog', { name: `Delete “${TITLE}”?` });
  await expect(dialog).toContainText(FILE);
  // Said plainly: the trash gets the file as last saved, so the unsaved sentence cannot be got back from it.
  await expect(dialog).toContainText(
    'Its changes that are not saved are lost: the trash keeps the post as last saved.',
  );
  if (testInfo.project.metadata.mode === 'browser') await expect(dialog).toContainText('.postwright-trash');
  // One Enter deletes nothing.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect(await readFile(path.join(postsDir, FILE))).toEqual(original);

  await app.getByRole('button', { name: 'Delete post…' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toHaveCount(0);
  const list = app.getByRole('listbox', { name: 'Posts' });
  await expect(list.getByRole('option', { name: TITLE })).toHaveCount(0);
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option').first()).toBeFocused();
  await expect(app.getByLabel('Markdown', { exact: true })).toHaveCount(0);

  const files = await filesBelow(postsDir);
  expect(files).not.toContain(FILE);
  if (testInfo.project.metadata.mode === 'browser') {
    const trashed = files.filter((name) => name.startsWith('.postwright-trash/') && name.endsWith(`/${FILE}`));
    expect(trashed).toHaveLength(1);
    // The trash holds the file as it was on disk: the unsaved sentence was never written.
    expect(await readFile(path.join(postsDir, trashed[0] ?? ''))).toEqual(original);
    expect(await journal(app)).toEqual([]);
  }
});

test('a file read-only on disk opens read-only, and Delete post… is not offered for it', async ({ app, postsDir }) => {
  await chmod(path.join(postsDir, FILE), 0o444);
  await openWithFields(app);
  await expect(app.getByText(/read-only on disk/).first()).toBeVisible();
  await expect(app.getByRole('button', { name: 'Delete post…' })).toBeDisabled();
  await expect(app.getByRole('button', { name: 'Rename file…' })).toBeDisabled();
});

test('deleting the last post leaves the focus in the search box above the empty list', async ({ app, postsDir }) => {
  await rm(path.join(postsDir, 'markdown-features.md'));
  await rm(path.join(postsDir, 'notes-on-revision.md'));
  const list = app.getByRole('listbox', { name: 'Posts' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await openWithFields(app);
  await app.getByRole('button', { name: 'Delete post…' }).click();
  await app
    .getByRole('dialog', { name: `Delete “${TITLE}”?` })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(list.getByRole('option')).toHaveCount(0);
  await expect(app.getByRole('searchbox', { name: 'Search posts' })).toBeFocused();
  // The page says what is true of the folder now, and offers the way on.
  await expect(app.getByText('No posts in this folder yet')).toBeVisible();
  await expect(app.getByRole('main').getByRole('button', { name: 'New post' })).toBeVisible();
});
