/**
 * The disk changing at awkward moments: while a save is on its way back, and into something that
 * is not a file. The editor never shows text as "Saved" that the disk no longer holds.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures';
import { WRITING, openWriting } from './writing-post';

test.describe.configure({ timeout: 120_000 });

test('a change on disk while a save is on its way back is not lost behind "Saved"', async ({
  app,
  postsDir,
}, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.mode !== 'browser',
    "It holds the save's answer over HTTP (browser mode); in Electron the save is IPC.",
  );
  const file = path.join(postsDir, WRITING);
  const markdown = await openWriting(app);

  // The save reaches the disk, but its answer is held until another program has written the file.
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let saved = (): void => undefined;
  const onDisk = new Promise<void>((resolve) => (saved = resolve));
  await app.route('**/api/savePost', async (route) => {
    const response = await route.fetch();
    saved();
    await held;
    await route.fulfill({ response });
  });

  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await app.keyboard.insertText('\nMine, saved.');
  await markdown.press('ControlOrMeta+s');
  await onDisk;
  const mine = await readFile(file, 'utf8');
  expect(mine).toContain('Mine, saved.');
  await expect(app.getByRole('status')).toContainText('Saving');
  await writeFile(file, mine.replace('Mine, saved.', 'Theirs, after.'));
  // Long enough for the watcher to have told the page (it waits ~150 ms to batch changes).
  await app.waitForTimeout(1500);
  release();

  // No edits since the save: the editor takes the disk's newer text, as it does for any outside change.
  await expect(markdown).toHaveValue(/Theirs, after\./);
  await expect(app.getByRole('status')).toContainText('Saved');
  expect(await readFile(file, 'utf8')).toContain('Theirs, after.');
});

test('a post whose file became a folder says it is gone, and keeps its text', async ({ app, postsDir }) => {
  const file = path.join(postsDir, WRITING);
  const markdown = await openWriting(app);
  const text = await markdown.inputValue();

  await rm(file);
  await mkdir(file);
  await writeFile(path.join(file, 'note.txt'), 'not a post');

  const banner = app.getByRole('alert').filter({ hasText: 'This post was deleted on disk' });
  await expect(banner).toBeVisible();
  await expect(markdown).toHaveValue(text);
  // Saving again cannot put a file where a folder is: it says why, and the text stays.
  await banner.getByRole('button', { name: 'Save again' }).click();
  await expect(banner).toContainText(/not a (regular )?file|folder/i);
  await expect(markdown).toHaveValue(text);
});
