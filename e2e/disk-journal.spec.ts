/**
 * The journal of unsaved edits failing (its folder unwritable, the disk full): the writer is told
 * their edits would not survive a crash, and "Take theirs" never drops edits it could not set aside.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures';
import { WRITING, openWriting, typeAtEnd } from './writing-post';

test.describe.configure({ timeout: 120_000 });

// eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures first; none are needed here
test.beforeEach(({}, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.mode !== 'browser',
    "It breaks the browser-mode server's --data folder (the fixture's `<posts>-data`); Electron keeps its journal elsewhere.",
  );
});

/** A file where the journal's folder goes: no write can make it, not even as root (unlike chmod). */
async function breakJournal(postsDir: string): Promise<void> {
  const journal = path.join(`${postsDir}-data`, 'journal');
  await rm(journal, { recursive: true, force: true });
  await mkdir(path.dirname(journal), { recursive: true });
  await writeFile(journal, 'not a folder');
}

test('unsaved edits the journal cannot keep are said to be at risk, once, until it can write again', async ({
  app,
  postsDir,
}) => {
  await breakJournal(postsDir);
  const markdown = await openWriting(app);
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await app.keyboard.insertText('\nNot journalled.');

  const warning = app.getByRole('alert').filter({ hasText: 'not being kept for recovery' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Save often');
  // The very element stays through a save (an alert put back at every save is read out again each time).
  await warning.evaluate((element) => element.setAttribute('data-seen', 'yes'));
  await markdown.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toContainText('Saved');
  expect(await readFile(path.join(postsDir, WRITING), 'utf8')).toContain('Not journalled.');
  await markdown.press('ControlOrMeta+End');
  await app.keyboard.insertText('\nStill not journalled.');
  await app.waitForTimeout(1500);
  await expect(warning).toHaveAttribute('data-seen', 'yes');

  // The journal's folder back: the next write succeeds, and the warning goes.
  await rm(path.join(`${postsDir}-data`, 'journal'));
  await app.keyboard.insertText(' Kept now.');
  await expect(warning).toHaveCount(0);
});

test('"Take theirs" keeps the edits in the editor when it cannot set them aside', async ({ app, postsDir }) => {
  const file = path.join(postsDir, WRITING);
  const markdown = await openWriting(app);
  await typeAtEnd(app, '\nOnly in mine.');

  await breakJournal(postsDir);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('Every few years', 'Theirs: every few years'));
  const banner = app.getByRole('alert').filter({ hasText: /changed on disk/i });
  await banner.getByRole('button', { name: 'Take theirs' }).click();

  await expect(app.getByRole('alert').filter({ hasText: 'could not be set aside' })).toBeVisible();
  await expect(markdown).toHaveValue(/Only in mine\./);
  expect(await readFile(file, 'utf8')).toContain('Theirs: every few years');
});
