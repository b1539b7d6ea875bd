/**
 * A writer's day, where it used to surprise: what the preview leaves out is a publishing hint,
 * the file's own actions are at hand with the front matter folded, "Export site" says why it
 * cannot act in a folder without posts, and a narrow window never cuts the save state short.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TITLE = 'Writing in Plain Text';

async function openPost(app: Page): Promise<void> {
  await app.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: TITLE }).click();
  await expect(app.getByLabel('Markdown', { exact: true })).toHaveValue(/Every few years/);
}

test('raw HTML the preview leaves out is listed among the publishing hints', async ({ app }) => {
  await openPost(app);
  const editor = app.getByLabel('Markdown', { exact: true });
  await editor.press('ControlOrMeta+End');
  await app.keyboard.insertText('\n\n<iframe src="https://example.com/map"></iframe>\n');
  const hints = app.getByRole('region', { name: 'Hints' });
  await hints.getByText('Hints').click();
  await expect(hints.getByRole('listitem').filter({ hasText: 'Raw HTML <iframe>' })).toHaveText(
    'Raw HTML <iframe> is left out of the preview and the exported page.',
  );
  // Taken out again, the hint goes with it.
  await app.keyboard.press('ControlOrMeta+z');
  await expect(editor).not.toHaveValue(/iframe/);
  await expect(hints.getByRole('listitem').filter({ hasText: 'Raw HTML' })).toHaveCount(0);
});

test('Rename file… and Delete post… are at hand while the front matter is folded', async ({ app }) => {
  await openPost(app);
  const toggle = app.getByRole('region', { name: 'Front matter' }).getByRole('button', { name: 'Front matter' });
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const actions = app.getByRole('toolbar', { name: 'Post' });

  await actions.getByRole('button', { name: 'Rename file…' }).click();
  const rename = app.getByRole('dialog', { name: 'Rename file' });
  await expect(rename.getByLabel('New file name')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(rename).toHaveCount(0);
  await expect(actions.getByRole('button', { name: 'Rename file…' })).toBeFocused();

  // Unsaved edits: renaming waits for a save, and the button says so to whoever reaches it.
  await app.getByLabel('Markdown', { exact: true }).press('ControlOrMeta+End');
  await app.keyboard.type(' More.');
  await expect(actions.getByRole('button', { name: 'Rename file…' })).toBeDisabled();
  await expect(actions.getByRole('button', { name: 'Rename file…' })).toHaveAccessibleDescription(
    'Save the post before renaming its file.',
  );
  // Still reachable, by Tab and by the toolbar's arrow keys, so the reason is heard; it does nothing.
  await actions.getByRole('button', { name: 'Delete post…' }).focus();
  await app.keyboard.press('ArrowLeft');
  await expect(actions.getByRole('button', { name: 'Rename file…' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(rename).toHaveCount(0);
  await app.keyboard.press('ArrowRight');
  await expect(actions.getByRole('button', { name: 'Delete post…' })).toBeFocused();

  await actions.getByRole('button', { name: 'Delete post…' }).click();
  await expect(app.getByRole('dialog', { name: `Delete “${TITLE}”?` })).toBeVisible();
});

test('"Export site" in a folder without posts says why it cannot act, and acts once there is one', async ({
  app,
  postsDir,
}) => {
  const list = app.getByRole('listbox', { name: 'Posts' });
  await expect(list.getByRole('option')).toHaveCount(3);
  for (const file of ['markdown-features.md', 'notes-on-revision.md', 'writing-in-plain-text.md'])
    await rm(path.join(postsDir, file));
  await expect(app.getByText('No posts in this folder yet')).toBeVisible();

  const exportSite = app.getByRole('toolbar', { name: 'Export' }).getByRole('button', { name: 'Export site' });
  await expect(exportSite).toBeDisabled();
  await expect(exportSite).toHaveAccessibleDescription('There are no posts in this folder to export yet.');

  await app.getByRole('main').getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Title').fill('The First One');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(list.getByRole('option', { name: /The First One/ })).toBeVisible();
  await expect(exportSite).toBeEnabled();
  await exportSite.click();
  await expect(app.getByRole('dialog', { name: 'Export site' })).toBeVisible();
});

test.describe('a narrow window', () => {
  test.use({ viewport: { width: 600, height: 800 } });

  test('shows the save state in full, whatever else the status bar gives up', async ({ app }) => {
    await openPost(app);
    const status = app.getByRole('status').filter({ hasText: 'Saved' });
    await expect(status).toHaveText('Saved');
    // Laid out wider than its box, the word is cut ("Sav") where the writer reads it.
    expect(await status.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    await expect(app.getByRole('button', { name: 'Focus mode' })).toBeInViewport({ ratio: 1 });
  });
});
