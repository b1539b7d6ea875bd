/**
 * The compare view while the disk keeps changing: "Keep mine" never saves over a version of the
 * file the author was not shown.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures';
import { WRITING, compareWithDisk, openWriting, changeOnDisk } from './writing-post';

test.describe.configure({ timeout: 120_000 });

test('the file changing again while compared: "Keep mine" shows the new version instead of saving over it', async ({
  app,
  postsDir,
}) => {
  const file = path.join(postsDir, WRITING);
  const { compare } = await compareWithDisk(app, file, 'The tool is replaceable', 'First on disk.');
  await expect(compare).toContainText('First on disk.');

  // Another program writes again while the author reads the comparison.
  await changeOnDisk(file, 'First on disk.', 'Second on disk.');
  await compare.getByRole('button', { name: 'Keep mine' }).click();
  await expect(compare).toContainText('Second on disk.');
  await expect(compare).toContainText('The file changed on disk again');
  expect(await readFile(file, 'utf8')).toContain('Second on disk.');

  // Seen now: keeping mine saves over it.
  await compare.getByRole('button', { name: 'Keep mine' }).click();
  await expect(compare).toHaveCount(0);
  await expect(app.getByRole('status')).toContainText('Saved');
  const saved = await readFile(file, 'utf8');
  expect(saved).toContain('Only in mine.');
  expect(saved).not.toContain('Second on disk.');
});

test('"Keep mine" after Compare saves over the version shown only: a change landing meanwhile is refused, not overwritten', async ({
  app,
  postsDir,
}, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.mode !== 'browser',
    "It changes the file while the save's request is held over HTTP (browser mode); in Electron the save is IPC.",
  );
  const file = path.join(postsDir, WRITING);
  const { compare, markdown } = await compareWithDisk(app, file, 'The tool is replaceable', 'Shown on disk.');
  await expect(compare).toContainText('Shown on disk.');

  // Another program writes once more after Keep mine has looked, before the save reaches the disk.
  await app.route('**/api/savePost', async (route) => {
    await changeOnDisk(file, 'Shown on disk.', 'Never shown.');
    await route.continue();
  });
  await compare.getByRole('button', { name: 'Keep mine' }).click();
  await expect(app.getByRole('alert').first()).toBeVisible();
  await expect.poll(async () => (await readFile(file, 'utf8')).includes('Never shown.')).toBe(true);
  await expect(app.getByRole('status')).not.toContainText('Saved');
  const onDisk = await readFile(file, 'utf8');
  expect(onDisk).toContain('Never shown.');
  expect(onDisk).not.toContain('Only in mine.');
  await expect(markdown).toHaveValue(/Only in mine\./);
});

test('Compare names a front-matter field changed on disk and in yours, each to its own value', async ({
  app,
  postsDir,
}) => {
  const file = path.join(postsDir, WRITING);
  await openWriting(app);
  await app.getByLabel('title', { exact: true }).fill('Writing in Plain Text (mine)');
  await changeOnDisk(file, 'title:\t"Writing in Plain Text"', 'title:\t"Writing in Plain Text (theirs)"');
  await app.getByRole('alert').getByRole('button', { name: 'Compare' }).click();
  const clashes = app.getByRole('region', { name: 'Compare' }).getByRole('note', { name: 'Changed on disk too' });
  await expect(clashes.getByRole('listitem')).toHaveText([
    'title: on disk Writing in Plain Text (theirs), yours Writing in Plain Text (mine)',
  ]);
});

test('with Compare open, the front matter keeps a field in view beside the comparison', async ({ app, postsDir }) => {
  const file = path.join(postsDir, WRITING);
  const { compare } = await compareWithDisk(app, file, 'The tool is replaceable', 'First on disk.');
  await expect(compare).toContainText('First on disk.');
  // The form had its header alone (40 px), every field scrolled out of it, while Compare was open.
  const form = await app.getByRole('region', { name: 'Front matter' }).boundingBox();
  const field = await app.getByLabel('path', { exact: true }).boundingBox();
  expect(form).not.toBeNull();
  expect(field).not.toBeNull();
  if (form === null || field === null) return;
  expect(field.y + field.height).toBeLessThanOrEqual(form.y + form.height);
  // The comparison keeps its lines, and the changed one is in view.
  await expect(compare.getByText('First on disk.').first()).toBeInViewport();
});

test('Compare opens its lines at the first difference, not at the top of the post', async ({ app, postsDir }) => {
  const file = path.join(postsDir, WRITING);
  // The post's last paragraph, below the lines' first screen.
  const { compare } = await compareWithDisk(app, file, 'The preview beside the editor', 'On disk, the preview');
  await expect(compare.getByText('On disk, the preview')).toBeInViewport();
  await expect(compare.getByText('Every few years a new writing tool').first()).not.toBeInViewport();
});

test('"Keep mine" after editing only a field keeps the body another program wrote meanwhile', async ({
  app,
  postsDir,
}) => {
  const file = path.join(postsDir, WRITING);
  await openWriting(app);
  const before = await readFile(file, 'utf8');
  await app.getByLabel('title', { exact: true }).fill('Mine: Plain Text');
  await expect(app.getByRole('status')).toContainText(/unsaved/i);

  // A pull changes the date and the body's first words; the author touched neither.
  await changeOnDisk(file, '"2026-11-20"', '"2026-11-21"');
  await changeOnDisk(file, 'Every few years', 'THEIRS: every few years');
  const banner = app.getByRole('alert').filter({ hasText: 'This post changed on disk' });
  // Compare takes the focus, says the text on disk stays, and Escape gives the focus back to its button.
  await banner.getByRole('button', { name: 'Compare' }).click();
  const compare = app.getByRole('region', { name: 'Compare' });
  await expect(compare).toBeFocused();
  await expect(compare).toContainText(
    'You changed only front-matter fields: Keep mine writes them and keeps the text on disk',
  );
  await expect(compare).not.toContainText('only in yours');
  await app.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);
  await expect(banner.getByRole('button', { name: 'Compare' })).toBeFocused();
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await expect(app.getByRole('status')).toContainText('Saved');
  // The banner gone with its button, the focus is back in the text, not on the page (review 23b).
  await expect(app.getByLabel('Markdown', { exact: true })).toBeFocused();
  // Review 23b: the old body was written back over theirs.
  expect(await readFile(file, 'utf8')).toBe(
    before
      .replace('"2026-11-20"', '"2026-11-21"')
      .replace('Every few years', 'THEIRS: every few years')
      .replace('"Writing in Plain Text"', '"Mine: Plain Text"'),
  );
});
