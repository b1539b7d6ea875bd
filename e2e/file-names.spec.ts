/**
 * What a writer is told when a post's file or a pasted image cannot be what they asked for: a
 * plain sentence in the dialog or under the editor (never the API validator's "argument 1…"),
 * nothing written, nothing lost, and a dropped file never opened in place of the editor.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openWriting, WRITING, WRITING_TITLE } from './writing-post';

// Each test drives a whole server and browser; on a loaded two-core machine that can take a minute.
test.describe.configure({ timeout: 120_000 });

async function filesBelow(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return names.map((name) => name.split(path.sep).join('/')).sort();
}

/** Drops or pastes one file on the Markdown textarea; resolves whether the page cancelled the event's default. */
async function giveFile(
  app: Page,
  how: 'drop' | 'paste',
  file: { name: string; type: string; size?: number; text?: string },
): Promise<boolean> {
  return app.evaluate(
    ({ how, name, type, size, text }) => {
      const bytes = new Uint8Array(size ?? 0);
      // A PNG's signature, so only its size stands in the way.
      bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].slice(0, bytes.length));
      const data = new DataTransfer();
      data.items.add(new File(text === undefined ? [bytes] : [text], name, { type }));
      const area = document.querySelector('textarea[aria-label="Markdown"]');
      const init = { bubbles: true, cancelable: true };
      const event =
        how === 'drop'
          ? new DragEvent('drop', { ...init, dataTransfer: data })
          : new ClipboardEvent('paste', { ...init, clipboardData: data });
      return area?.dispatchEvent(event) === false;
    },
    { how, ...file },
  );
}

test('a title longer than a title may be is refused in a sentence, and nothing is created', async ({
  app,
  postsDir,
}) => {
  const before = await filesBelow(postsDir);
  await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  const title = dialog.getByLabel('Title');
  await title.fill('A very long title. '.repeat(30));
  await dialog.getByRole('button', { name: 'Create' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('500 characters');
  await expect(alert).not.toContainText(/argument|createPost/);
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription(/500 characters/);
  expect(await filesBelow(postsDir)).toEqual(before);
});

test('Rename file… refuses a hidden name and another post’s name in other capitals, keeping the post', async ({
  app,
  postsDir,
}) => {
  await openWriting(app);
  const before = await filesBelow(postsDir);
  await app.getByRole('button', { name: 'Rename file…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Rename file' });
  const name = dialog.getByLabel('New file name');
  const alert = dialog.getByRole('alert');

  await name.fill('.writing');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(alert).toContainText('hidden');
  await expect(name).toHaveAccessibleDescription(/hidden/);

  // On Linux two names in other capitals are two files; on a Mac or Windows they are one.
  await name.fill('Notes-On-Revision.md');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(alert).toContainText('notes-on-revision.md');
  await expect(alert).toContainText('nothing was overwritten');
  // The button pressed keeps the focus while the rename is tried and after it is refused: a
  // keyboard or screen-reader user stays in the dialog, where the message is.
  await expect(dialog.getByRole('button', { name: 'Rename' })).toBeFocused();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await filesBelow(postsDir)).toEqual(before);
  await expect(app.getByRole('option', { name: WRITING_TITLE })).toHaveAttribute('aria-selected', 'true');
  expect(before).toContain(WRITING);
});

test('a dropped SVG is refused in a sentence and never opened in place of the editor', async ({ app, postsDir }) => {
  const markdown = await openWriting(app);
  const text = await markdown.inputValue();
  const before = await filesBelow(postsDir);
  const cancelled = await giveFile(app, 'drop', {
    name: 'drawing.svg',
    type: 'image/svg+xml',
    text: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  });
  // Not cancelled, a real drop would leave the app for the file itself.
  expect(cancelled).toBe(true);
  const alert = app.getByRole('alert').filter({ hasText: 'The image was not added' });
  await expect(alert).toContainText('Only PNG, JPEG, GIF, WebP and AVIF images can be pasted');
  await expect(alert).toContainText('drawing.svg');
  await expect(markdown).toHaveValue(text);
  expect(await filesBelow(postsDir)).toEqual(before);
});

test('an image over 20 MiB is refused in a sentence before it is sent, leaving no placeholder', async ({
  app,
  postsDir,
}) => {
  const markdown = await openWriting(app);
  const text = await markdown.inputValue();
  const before = await filesBelow(postsDir);
  let sent = 0;
  await app.route('**/api/saveImage', (route) => {
    sent += 1;
    return route.continue();
  });
  await markdown.click();
  expect(await giveFile(app, 'paste', { name: 'huge.png', type: 'image/png', size: 21 * 1024 * 1024 })).toBe(true);
  const alert = app.getByRole('alert').filter({ hasText: 'The image was not added' });
  await expect(alert).toContainText('larger than 20 MiB');
  await expect(alert).not.toContainText(/argument|saveImage|dataBase64/);
  await expect(markdown).toHaveValue(text);
  expect(sent).toBe(0);
  expect(await filesBelow(postsDir)).toEqual(before);
});

test('an image dropped beside the editor, on the list, is never opened in place of the app', async ({
  app,
  postsDir,
}) => {
  const markdown = await openWriting(app);
  const text = await markdown.inputValue();
  const before = await filesBelow(postsDir);
  const cancelled = await app.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'shot.png', { type: 'image/png' }));
    const list = document.querySelector('[role="listbox"][aria-label="Posts"]');
    const init = { bubbles: true, cancelable: true, dataTransfer: data };
    // The browser opens a file dropped where neither event is cancelled.
    const over = list?.dispatchEvent(new DragEvent('dragover', init)) === false;
    const drop = list?.dispatchEvent(new DragEvent('drop', init)) === false;
    return { over, drop };
  }, 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4YWSEFTEMLQkAc/tLAZi7j8gAAAAASUVORK5CYII=');
  expect(cancelled).toEqual({ over: true, drop: true });
  await expect(markdown).toHaveValue(text);
  expect(await filesBelow(postsDir)).toEqual(before);
});
