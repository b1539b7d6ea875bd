/**
 * Writing on while a pasted image uploads: the link goes where the image was pasted, the words
 * typed meanwhile stay whole, the caret stays where the author has it, and another post opened
 * before the upload ends is never touched. Browser mode only: the upload is held back by
 * intercepting its request (`POST /api/saveImage`), which Electron's IPC never makes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Each test drives a whole server and browser; on a loaded two-core machine that can take a minute.
test.describe.configure({ timeout: 120_000 });

// eslint-disable-next-line no-empty-pattern -- Playwright passes fixtures first; none are needed here
test.beforeEach(({}, testInfo) => {
  testInfo.skip(testInfo.project.metadata.mode !== 'browser', 'The upload is held back by intercepting HTTP.');
});

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4YWSEFTEMLQkAc/tLAZi7j8gAAAAASUVORK5CYII=';

/** Holds every image upload until `release()`; `arrived` resolves when one has been sent. */
async function holdUploads(app: Page): Promise<{ arrived: () => Promise<void>; release: () => void }> {
  let release = (): void => undefined;
  let released = new Promise<void>((resolve) => (release = resolve));
  let arrive = (): void => undefined;
  let arrived = new Promise<void>((resolve) => (arrive = resolve));
  await app.route('**/api/saveImage', async (route) => {
    arrive();
    await released;
    await route.continue();
  });
  return {
    arrived: () => arrived,
    release: () => {
      release();
      // The next upload is held again.
      released = new Promise<void>((resolve) => (release = resolve));
      arrived = new Promise<void>((resolve) => (arrive = resolve));
    },
  };
}

/** A real paste event on the Markdown textarea, its clipboard holding one PNG file. */
async function pastePng(app: Page, fileName: string): Promise<void> {
  await app.evaluate(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'image/png' }));
      const area = document.querySelector('textarea[aria-label="Markdown"]');
      area?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { base64: PNG_BASE64, name: fileName },
  );
}

/** Selects `text` (its first occurrence) in the Markdown textarea, or puts the caret before or after it. */
async function select(app: Page, text: string, caret: 'before' | 'after' | null = null): Promise<void> {
  await app.evaluate(
    ({ text, caret }) => {
      const area = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Markdown"]');
      if (area === null) throw new Error('no Markdown textarea');
      const at = area.value.indexOf(text);
      if (at < 0) throw new Error(`"${text}" is not in the text`);
      if (caret === 'before') area.setSelectionRange(at, at);
      else if (caret === 'after') area.setSelectionRange(at + text.length, at + text.length);
      else area.setSelectionRange(at, at + text.length);
    },
    { text, caret },
  );
}

async function openPlainText(app: Page): Promise<void> {
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  await expect(app.getByLabel('Markdown', { exact: true })).toHaveValue(/The tool is replaceable;/);
}

/**
 * Opens "Writing in Plain Text" with uploads held, selects `text` (or puts the caret `caret` it),
 * pastes `fileName` there and waits until its upload has been sent: it lands at `upload.release()`.
 */
async function pasteHeld(
  app: Page,
  fileName: string,
  text: string,
  caret: 'before' | 'after' | null,
): Promise<{ upload: Awaited<ReturnType<typeof holdUploads>>; markdown: ReturnType<Page['getByLabel']> }> {
  const upload = await holdUploads(app);
  await openPlainText(app);
  const markdown = app.getByLabel('Markdown', { exact: true });
  await markdown.click();
  await select(app, text, caret);
  await pastePng(app, fileName);
  await upload.arrived();
  return { upload, markdown };
}

test('typing on while a pasted image uploads: the link lands where it was pasted, the words stay whole', async ({
  app,
  postsDir,
}) => {
  const { upload, markdown } = await pasteHeld(app, 'shot.png', 'replaceable', null);
  // The placeholder shows at once, over the selection, the caret after it.
  await expect.soft(markdown).toHaveValue(/The tool is !\[Uploading shot\.png…\]\(\); the writing is not\./);
  await markdown.pressSequentially(' with a chart');
  // Words typed before the paste move the placeholder further on.
  await select(app, 'Every few years', 'before');
  await markdown.pressSequentially('Intro. ');
  upload.release();

  await expect(markdown).toHaveValue(/The tool is !\[shot\]\(images\/shot\.png\) with a chart; the writing is not\./);
  await expect(markdown).not.toHaveValue(/Uploading/);
  // The caret stayed where the author was typing.
  await markdown.pressSequentially('More. ');
  await expect(markdown).toHaveValue(/^\n?Intro\. More\. Every few years a new writing tool/);

  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');
  const disk = await readFile(path.join(postsDir, 'writing-in-plain-text.md'), 'utf8');
  expect(disk).toContain('\nIntro. More. Every few years a new writing tool');
  expect(disk).toContain(
    'will open in any editor on any machine for as long as there are computers. The tool is ![shot](images/shot.png) with a chart; the writing is not.\n',
  );
  expect(disk).not.toContain('Uploading');
  expect(await readFile(path.join(postsDir, 'images/shot.png'))).toEqual(Buffer.from(PNG_BASE64, 'base64'));
});

test('the caret stays right after a pasted image’s link, and so does what is typed next', async ({ app }) => {
  // Nothing typed during the upload: the next words follow the link.
  const { upload, markdown } = await pasteHeld(app, 'diagram.png', 'opposite bargain.', 'after');
  upload.release();
  await expect(markdown).toHaveValue(/bargain\.!\[diagram\]\(images\/diagram\.png\) A Markdown file/);
  await markdown.pressSequentially(' Caption one.');
  await expect(markdown).toHaveValue(
    /opposite bargain\.!\[diagram\]\(images\/diagram\.png\) Caption one\. A Markdown file with a little/,
  );

  // Words typed during the upload, then more after it: all of them follow the link, in order.
  await pastePng(app, 'diagram.png');
  await upload.arrived();
  await markdown.pressSequentially(' Two');
  upload.release();
  await expect(markdown).toHaveValue(/Caption one\.!\[diagram\]\(images\/diagram-2\.png\) Two A Markdown/);
  await markdown.pressSequentially(' three.');
  await expect(markdown).toHaveValue(
    /opposite bargain\.!\[diagram\]\(images\/diagram\.png\) Caption one\.!\[diagram\]\(images\/diagram-2\.png\) Two three\. A Markdown file with a little/,
  );
});

test('another post opened before the upload ends is never written into', async ({ app, postsDir }) => {
  const { upload, markdown } = await pasteHeld(app, 'elsewhere.png', 'opposite bargain.', 'after');
  await expect.soft(markdown).toHaveValue(/bargain\.!\[Uploading elsewhere\.png…\]\(\) A Markdown/);

  await app.getByRole('option', { name: 'Notes on Revision' }).click();
  // The placeholder is an unsaved edit: the app may ask about it before leaving the post.
  const dontSave = app.getByRole('dialog').getByRole('button', { name: "Don't save" });
  const notes = app.getByRole('option', { name: 'Notes on Revision', selected: true });
  await expect(dontSave.or(notes)).toBeVisible();
  if (await dontSave.isVisible()) await dontSave.click();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Notes on Revision');
  await expect(markdown).toHaveValue(/Every adverb is a question/);
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  const landed = app.waitForResponse('**/api/saveImage');
  upload.release();
  await landed;
  // An image pasted here now lands after the first one has: by then its link went wherever it went.
  await pastePng(app, 'here.png');
  await upload.arrived();
  upload.release();
  await expect(markdown).toHaveValue(/!\[here\]\(images\/here\.png\)$/);
  expect(await markdown.inputValue()).not.toContain('elsewhere');
  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');
  expect(await readFile(path.join(postsDir, 'notes-on-revision.md'), 'utf8')).not.toContain('elsewhere');
  // The image itself was still written beside the blog.
  expect(await readFile(path.join(postsDir, 'images/elsewhere.png'))).toEqual(Buffer.from(PNG_BASE64, 'base64'));
});

test('a link waits while an input method composes in the editor, then lands where the image was pasted', async ({
  app,
}) => {
  const { upload, markdown } = await pasteHeld(app, 'ime.png', 'the writing is not.', 'after');
  // The author starts composing (Japanese, Chinese, Korean input) before the upload ends.
  await markdown.dispatchEvent('compositionstart', { data: '' });
  const saved = app.waitForResponse((response) => response.url().endsWith('/api/saveImage'));
  upload.release();
  await saved;
  // Writing the link now would end the composition: the placeholder stays meanwhile (half a second
  // after the upload's answer; the link lands within a frame of it otherwise).
  await app.waitForTimeout(500);
  expect(await markdown.inputValue()).toMatch(/the writing is not\.!\[Uploading ime\.png…\]\(\)/);
  await markdown.dispatchEvent('compositionend', { data: '' });
  await expect(markdown).toHaveValue(/the writing is not\.!\[ime\]\(images\/ime\.png\)/);
  await expect(markdown).not.toHaveValue(/Uploading/);
});

test('Ctrl+Z after a pasted image’s link lands takes back the typing, then the image; no placeholder comes back', async ({
  app,
  postsDir,
}) => {
  const { upload, markdown } = await pasteHeld(app, 'shot.png', 'replaceable', null);
  await markdown.pressSequentially(' with a chart');
  await select(app, 'Every few years', 'before');
  await markdown.pressSequentially('Intro. ');
  upload.release();
  const landed = /The tool is !\[shot\]\(images\/shot\.png\) with a chart; the writing is not\./;
  await expect(markdown).toHaveValue(landed);
  await expect(markdown).toHaveValue(/Intro\. Every few years/);

  // The last typing goes first; the link stays where it landed.
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).not.toHaveValue(/Intro\./);
  await expect(markdown).toHaveValue(landed);
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).toHaveValue(/The tool is !\[shot\]\(images\/shot\.png\); the writing is not\./);
  // Then the paste: the selected word it replaced comes back, with no placeholder.
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).toHaveValue(/The tool is replaceable; the writing is not\./);
  await expect(markdown).not.toHaveValue(/Uploading|!\[shot\]/);

  // Redo brings back the link, never the placeholder.
  await markdown.press('ControlOrMeta+Shift+z');
  await expect(markdown).toHaveValue(/The tool is !\[shot\]\(images\/shot\.png\); the writing is not\./);
  await expect(markdown).not.toHaveValue(/Uploading/);
  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');
  const disk = await readFile(path.join(postsDir, 'writing-in-plain-text.md'), 'utf8');
  expect(disk).toContain('The tool is ![shot](images/shot.png); the writing is not.\n');
  expect(disk).not.toContain('Intro.');
});

test('an image pasted, undone, then uploaded: redo never brings its placeholder back', async ({ app }) => {
  const { upload, markdown } = await pasteHeld(app, 'later.png', 'opposite bargain.', 'after');
  await expect(markdown).toHaveValue(/bargain\.!\[Uploading later\.png…\]\(\)/);
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).not.toHaveValue(/Uploading/);
  upload.release();
  // Where it was pasted is gone, so the app says where the image went.
  await expect(app.getByRole('alert')).toContainText('images/later.png');
  await markdown.press('ControlOrMeta+Shift+z');
  await markdown.press('ControlOrMeta+Shift+z');
  await expect(markdown).toHaveValue(/opposite bargain\. A Markdown file/);
  await expect(markdown).not.toHaveValue(/Uploading/);
});

test('an image pasted right before another image’s link: undo takes the new one away, and only it', async ({ app }) => {
  const upload = await holdUploads(app);
  await openPlainText(app);
  const markdown = app.getByLabel('Markdown', { exact: true });
  await markdown.click();
  await select(app, 'The tool is', 'before');
  await app.keyboard.insertText('![old](images/old.png) ');
  await select(app, '![old]', 'before');
  await pastePng(app, 'new.png');
  await upload.arrived();
  upload.release();
  await expect(markdown).toHaveValue(/!\[new\]\(images\/new\.png\)!\[old\]\(images\/old\.png\) The tool is/);
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).toHaveValue(/computers\. !\[old\]\(images\/old\.png\) The tool is/);
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).toHaveValue(/computers\. The tool is/);
});
