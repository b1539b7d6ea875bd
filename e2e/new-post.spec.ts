/**
 * A new post as the writer's blog expects it: a draft where the blog marks drafts (so that an
 * export never publishes it half-written), and a title the list already has pointed out before a
 * second post of that title is made, with the existing post to open instead.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function startNewPost(app: Page, title: string) {
  await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Create' }).click();
  return dialog;
}

test('in a blog that marks drafts, a new post starts as a draft: the list and the form say so', async ({
  app,
  postsDir,
}) => {
  await startNewPost(app, 'Half Written Thoughts');
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Half Written Thoughts');
  await expect(app.getByRole('option', { name: 'Half Written Thoughts' })).toContainText('Draft');
  await expect(app.getByLabel('draft', { exact: true })).toBeChecked();
  const text = await readFile(path.join(postsDir, 'half-written-thoughts.md'), 'utf8');
  expect(text).toMatch(/\ntitle:\t"Half Written Thoughts"\ndraft:\ttrue\n---\n/);
});

test('a title the list already has is pointed out first, with the post to open or Create anyway', async ({
  app,
  postsDir,
}) => {
  const before = await readdir(postsDir);
  const dialog = await startNewPost(app, '  writing in PLAIN text ');
  const title = dialog.getByLabel('Title');
  const message = dialog.getByRole('alert');
  await expect(message).toHaveText(/A post titled “Writing in Plain Text” already exists/);
  await expect(title).toHaveAccessibleDescription(/A post titled “Writing in Plain Text” already exists/);
  expect(await readdir(postsDir)).toEqual(before);

  // Open it: the dialog closes on the existing post.
  await dialog.getByRole('button', { name: 'Open the existing post' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Writing in Plain Text');
  expect(await readdir(postsDir)).toEqual(before);

  // Another title clears the warning; back to the same title, Create anyway makes the second post.
  await startNewPost(app, 'Writing in Plain Text');
  await expect(message).toBeVisible();
  await title.fill('Writing in Plain Text, again');
  await expect(message).toBeHidden();
  await expect(title).not.toHaveAttribute('aria-describedby');
  await title.fill('Writing in Plain Text');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(message).toBeVisible();
  await dialog.getByRole('button', { name: 'Create anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('option', { name: 'Writing in Plain Text' })).toHaveCount(2);
  expect((await readdir(postsDir)).filter((name) => !before.includes(name))).toEqual(['writing-in-plain-text-2.md']);
});
