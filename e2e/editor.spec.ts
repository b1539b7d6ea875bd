/**
 * The writer's core loop on a temporary copy of posts/: list, open, edit a field and the body,
 * watch the preview follow, save, and check the bytes on disk changed exactly where edited.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures';

const WRITING = 'writing-in-plain-text.md';

test('lists every sample post by its title, newest first', async ({ app }) => {
  const list = app.getByRole('listbox', { name: 'Posts' });
  await expect(list.getByRole('option')).toHaveCount(3);
  await expect(list.getByRole('option')).toHaveText([
    /Notes on Revision/,
    /Writing in Plain Text/,
    /Everything Markdown Can Do Here/,
  ]);
  await expect(list.getByRole('option', { name: 'Notes on Revision' })).toContainText('Draft');
});

test('the preview’s worker is started while the list waits, and the first post uses it', async ({ app }) => {
  const previewWorkers = () => app.workers().filter((worker) => worker.url().includes('blockWorker'));
  // Before any post is opened: started once the list was shown and nothing was typed or clicked for a second.
  await expect(app.getByRole('listbox', { name: 'Posts' }).getByRole('option')).toHaveCount(3);
  await expect.poll(() => previewWorkers().length).toBe(1);
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Writing in Plain Text');
  await app.getByRole('option', { name: 'Notes on Revision' }).click();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Notes on Revision');
  expect(previewWorkers()).toHaveLength(1);
});

test('edits a field and the body, previews, saves only what changed', async ({ app, postsDir }) => {
  const file = path.join(postsDir, WRITING);
  const before = await readFile(file, 'utf8');
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();

  const title = app.getByLabel('title', { exact: true });
  await expect(title).toHaveValue('Writing in Plain Text');
  await title.fill('Writing in "Plain" Text: A Defence');

  const markdown = app.getByLabel('Markdown', { exact: true });
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially('\nA closing line with **bold** words.\n');

  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong', { hasText: 'bold' })).toBeVisible();
  await expect(app.getByRole('status')).toContainText(/unsaved/i);

  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');

  const after = await readFile(file, 'utf8');
  const beforeLines = before.split('\n');
  const afterLines = after.split('\n');
  // The front matter: only the title's value changed, in its own TAB + double-quote style.
  expect(afterLines.slice(0, 5)).toEqual([
    '---',
    'path:\t"/blog/writing-in-plain-text"',
    'date:\t"2026-11-20"',
    'title:\t"Writing in \\"Plain\\" Text: A Defence"',
    '---',
  ]);
  expect(beforeLines[3]).toBe('title:\t"Writing in Plain Text"');
  // The body: the old text is intact and the new line follows it.
  expect(after.slice(after.indexOf('---', 4))).toContain(before.slice(before.indexOf('---', 4) + 4).trimEnd());
  expect(after).toContain('A closing line with **bold** words.');
});

test('opening and saving without edits leaves the file byte-identical', async ({ app, postsDir }) => {
  const files = ['markdown-features.md', 'notes-on-revision.md', WRITING];
  const before = await Promise.all(files.map((f) => readFile(path.join(postsDir, f))));
  for (const name of ['Everything Markdown Can Do Here', 'Notes on Revision', 'Writing in Plain Text']) {
    await app.getByRole('option', { name }).click();
    await expect(app.getByLabel('title', { exact: true })).toHaveValue(name);
    await app.keyboard.press('ControlOrMeta+s');
  }
  const after = await Promise.all(files.map((f) => readFile(path.join(postsDir, f))));
  after.forEach((bytes, i) => expect(bytes.equals(before[i]!)).toBe(true));
});

test('creates a post in the folder’s own front-matter style', async ({ app, postsDir }) => {
  await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog');
  await dialog.getByLabel('Title').fill('Café Notes: Day One');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.getByRole('option', { name: 'Café Notes: Day One' })).toBeVisible();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Café Notes: Day One');

  const text = await readFile(path.join(postsDir, 'cafe-notes-day-one.md'), 'utf8');
  expect(text).toMatch(
    /^---\npath:\t"\/blog\/cafe-notes-day-one"\ndate:\t"\d{4}-\d{2}-\d{2}"\ntitle:\t"Café Notes: Day One"\n/,
  );
});

test('asks before leaving a post with unsaved edits', async ({ app, postsDir }) => {
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially(' An unsaved thought.');

  await app.getByRole('option', { name: 'Notes on Revision' }).click();
  const dialog = app.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(markdown).toHaveValue(/An unsaved thought\./);

  await app.getByRole('option', { name: 'Notes on Revision' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Notes on Revision');
  expect(await readFile(path.join(postsDir, WRITING), 'utf8')).toContain('An unsaved thought.');
});

test('a save over a file changed on disk shows a conflict and loses nothing', async ({ app, postsDir }) => {
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially(' Mine.');

  const file = path.join(postsDir, WRITING);
  const theirs = (await readFile(file, 'utf8')) + '\nTheirs, from another editor.\n';
  await writeFile(file, theirs);

  await app.keyboard.press('ControlOrMeta+s');
  const alert = app.getByRole('alert');
  await expect(alert).toContainText(/changed on disk/i);
  expect(await readFile(file, 'utf8')).toBe(theirs);
  await expect(markdown).toHaveValue(/Mine\./);
});

test('a text field with a line break stays a text box when the break is deleted: the keys typed next are kept', async ({
  app,
  postsDir,
}) => {
  const file = path.join(postsDir, 'two-lines.md');
  await writeFile(file, '---\ntitle: "Two lines"\nsummary: "first line\\nsecond line"\n---\n\nBody.\n');
  await app.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: 'Two lines' }).click();
  const summary = app.getByLabel('summary', { exact: true });
  await expect(summary).toHaveValue('first line\nsecond line');
  await summary.click();
  await app.keyboard.press('ControlOrMeta+Home');
  await app.keyboard.press('End');
  await app.keyboard.press('Delete');
  await app.keyboard.type(' and more');
  await expect(summary).toBeFocused();
  await expect(summary).toHaveValue('first line and moresecond line');
  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toContainText('Saved');
  expect(await readFile(file, 'utf8')).toContain('summary: "first line and moresecond line"');
});

test('a draft flag added in the form is a draft: the list says so and the file holds a boolean', async ({
  app,
  postsDir,
}) => {
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  await app.getByLabel('Field name').fill('draft');
  await app.getByLabel('Field value').fill('true');
  await app.getByRole('button', { name: 'Add field' }).click();
  await app.getByLabel('Field name').fill('tags');
  await app.getByLabel('Field value').fill('writing, tools');
  await app.getByRole('button', { name: 'Add field' }).click();
  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');
  const text = await readFile(path.join(postsDir, WRITING), 'utf8');
  expect(text).toMatch(/\ndraft:\s*true\n/);
  expect(text).not.toContain('"true"');
  expect(text).not.toContain('"writing, tools"');
  await expect(app.getByRole('option', { name: 'Writing in Plain Text' })).toContainText('Draft');
  // Two tags, each its own in the tag filter.
  const tag = app.getByLabel('Tag', { exact: true });
  await expect(tag.getByRole('option', { name: 'writing (1)' })).toHaveCount(1);
  await expect(tag.getByRole('option', { name: 'tools (1)' })).toHaveCount(1);
});

test('a new post starts with the caret after its blank line: the first words follow the front matter’s gap', async ({
  app,
  postsDir,
}) => {
  await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Title').fill('Fresh Start');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Fresh Start');
  // Reached by keyboard (a click puts the caret where it lands).
  await app.getByLabel('Markdown', { exact: true }).focus();
  await app.keyboard.type('First words.');
  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');
  expect(await readFile(path.join(postsDir, 'fresh-start.md'), 'utf8')).toMatch(/\n---\n\nFirst words\.$/);
});
