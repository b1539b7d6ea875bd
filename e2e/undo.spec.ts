/**
 * Undo and redo in the Markdown editor, which keeps its own history (renderer/state/undoHistory.ts):
 * a run of typing goes back at once, a toolbar command and a line break are steps of their own,
 * redo puts them back, the preview and the saved file follow, and an undo screens away brings its
 * change into view. (A pasted image's link landing is in image-upload.spec.ts.)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function openWriting(app: Page): Promise<Locator> {
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await expect(markdown).toHaveValue(/Every few years/);
  return markdown;
}

test('Ctrl+Z takes back typing a run at a time and a toolbar command at once; Ctrl+Shift+Z and Ctrl+Y put them back', async ({
  app,
  postsDir,
}) => {
  const markdown = await openWriting(app);
  const opened = await markdown.inputValue();
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  const states = [opened];
  const keep = async (): Promise<void> => {
    states.push(await markdown.inputValue());
  };
  // A line break ends a run; the words after it are the next one.
  // A space first: the bold command would take a word touching the caret.
  await markdown.pressSequentially('\nA closing line ');
  await keep();
  // A toolbar command is a step of its own (it goes through the browser's editing).
  await app.getByRole('button', { name: /Add bold text/ }).click();
  await keep();
  expect(states[2]).not.toBe(states[1]);
  await markdown.pressSequentially('strong');
  await keep();
  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong', { hasText: 'strong' })).toBeVisible();

  // Back: "strong", then the bold marks, then "A closing line ", then the line break.
  for (const expected of [states[2], states[1], `${opened}\n`, opened]) {
    await markdown.press('ControlOrMeta+z');
    await expect(markdown).toHaveValue(expected ?? '');
  }
  await expect(preview.locator('strong', { hasText: 'strong' })).toHaveCount(0);
  await expect(app.getByRole('status')).not.toContainText(/unsaved/i);

  // Forward again, with both redo keys.
  await markdown.press('ControlOrMeta+Shift+z');
  await expect(markdown).toHaveValue(`${opened}\n`);
  await markdown.press('ControlOrMeta+Shift+z');
  await markdown.press('Control+y');
  await markdown.press('ControlOrMeta+Shift+z');
  await expect(markdown).toHaveValue(states[3] ?? '');
  await expect(preview.locator('strong', { hasText: 'strong' })).toBeVisible();
  // Nothing more to redo: the text stays.
  await markdown.press('ControlOrMeta+Shift+z');
  await expect(markdown).toHaveValue(states[3] ?? '');

  // What is typed after an undo replaces what was undone, and the save writes what is on screen.
  await markdown.press('ControlOrMeta+z');
  await markdown.pressSequentially('plain');
  await expect(markdown).toHaveValue(`${states[2]?.slice(0, -'****'.length)}**plain**`);
  await markdown.press('ControlOrMeta+Shift+z');
  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');
  const disk = await readFile(path.join(postsDir, 'writing-in-plain-text.md'), 'utf8');
  expect(disk.endsWith('\nA closing line **plain**')).toBe(true);
});

test('an undo screens away from where the author is brings its change into view', async ({ app }) => {
  const markdown = await openWriting(app);
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  // Long enough to scroll, whatever the window's height.
  await app.keyboard.insertText(`\n${'A line of words to make the post long.\n'.repeat(150)}`);
  await markdown.pressSequentially('The last words.');
  // Far up in the post, the end of it out of view.
  await markdown.press('ControlOrMeta+Home');
  const scrolled = () =>
    markdown.evaluate((area) => {
      // The element that scrolls the editor's text (the textarea grows with its text).
      let box: Element | null = area;
      while (
        box !== null &&
        !(box.scrollHeight > box.clientHeight + 1 && getComputedStyle(box).overflowY !== 'visible')
      )
        box = box.parentElement;
      return box === null ? null : { top: box.scrollTop, height: box.scrollHeight, view: box.clientHeight };
    });
  await expect.poll(async () => (await scrolled())?.top ?? Infinity).toBeLessThan(100);
  const far = await scrolled();
  if (far === null) throw new Error('nothing scrolls the editor');
  // The post is several screens long, so its end is out of view.
  expect(far.height).toBeGreaterThan(far.view * 3);

  await markdown.press('ControlOrMeta+z');
  await expect(markdown).not.toHaveValue(/The last words/);
  await expect.poll(async () => (await scrolled())?.top ?? 0).toBeGreaterThan(far.height - far.view * 2);
  // The caret is at the change: what is typed goes there.
  await markdown.pressSequentially(' Then.');
  await expect(markdown).toHaveValue(/long\.\n Then\.$/);
});

test('the browser’s own Undo and Redo (its context menu) take the editor’s steps too', async ({ app }) => {
  const markdown = await openWriting(app);
  const opened = await markdown.inputValue();
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially('\nFrom the menu.');
  // What the context menu's Undo sends the textarea before the browser would act on its own history.
  const historyInput = (inputType: string) =>
    markdown.evaluate((area, type) => {
      const event = new InputEvent('beforeinput', { inputType: type, bubbles: true, cancelable: true });
      area.dispatchEvent(event);
      return event.defaultPrevented;
    }, inputType);
  expect(await historyInput('historyUndo')).toBe(true);
  await expect(markdown).toHaveValue(`${opened}\n`);
  expect(await historyInput('historyRedo')).toBe(true);
  await expect(markdown).toHaveValue(`${opened}\nFrom the menu.`);
});

test('a key that changed nothing leaves no trace: undoing a command puts back the selection it was given', async ({
  app,
}) => {
  const markdown = await openWriting(app);
  await markdown.click();
  // Backspace at the very start changes nothing (the browser announces it, then does nothing).
  await markdown.press('ControlOrMeta+Home');
  await markdown.press('Backspace');
  const { start, end } = await markdown.evaluate((area: HTMLTextAreaElement) => {
    const at = area.value.indexOf('replaceable');
    area.setSelectionRange(at, at + 'replaceable'.length);
    return { start: area.selectionStart, end: area.selectionEnd };
  });
  await markdown.press('ControlOrMeta+b');
  await expect(markdown).toHaveValue(/The tool is \*\*replaceable\*\*;/);
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).toHaveValue(/The tool is replaceable;/);
  expect(await markdown.evaluate((area: HTMLTextAreaElement) => [area.selectionStart, area.selectionEnd])).toEqual([
    start,
    end,
  ]);
  // Redo selects the word inside the marks again, as the command left it.
  await markdown.press('ControlOrMeta+Shift+z');
  await expect(markdown).toHaveValue(/The tool is \*\*replaceable\*\*;/);
  expect(
    await markdown.evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd)),
  ).toBe('replaceable');
});

test('each post has its own history, even two new posts with the same text', async ({ app }) => {
  const create = async (title: string): Promise<void> => {
    await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
    const dialog = app.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(app.getByLabel('title', { exact: true })).toHaveValue(title);
  };
  const markdown = app.getByLabel('Markdown', { exact: true });
  await create('First Draft');
  const fresh = await markdown.inputValue();
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially('Private words for the first post.');
  // Taken out again: the text is the new post's as it was made, so nothing is unsaved.
  await markdown.evaluate((area: HTMLTextAreaElement) => {
    const at = area.value.indexOf('Private');
    area.setSelectionRange(at, area.value.length);
  });
  await markdown.press('Delete');
  await expect(markdown).toHaveValue(fresh);

  await create('Second Draft');
  await expect(markdown).toHaveValue(fresh);
  await markdown.click();
  // Nothing to undo in a post just made: the first post's deletion is not this one's.
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).not.toHaveValue(/Private/);
  await expect(markdown).toHaveValue(fresh);
});
