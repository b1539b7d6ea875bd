/**
 * Find in post: the find bar opens from the keyboard over the editor, counts the matches of the
 * body (never the front matter), moves between them with wrapping, matches case and whole words,
 * draws the current match where it is in the text, replaces one or all through the editor's own
 * editing (undone with Ctrl/Cmd+Z, autosaved, previewed), and only searches a read-only post.
 * The drawn match is only seen (hidden from assistive technology): it is found by its test id.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { turnOnAutosave } from './writing-post';

const FILE = 'find-me.md';
const FILLER = Array.from({ length: 90 }, (_, i) => `Filler line ${i + 1}.`).join('\n');
const BODY = `\nThe cat sat on the mat. A Cat is not a category.\n\nA well-known and/or well-known 2026-11-27 -- ok.\n\n${FILLER}\n\nThe last cat is here.\n`;
const POST = `---\ntitle: "Find Me"\ntags: [cat]\n---\n${BODY}`;

async function openPost(app: Page, postsDir: string, mode?: number): Promise<Locator> {
  await writeFile(path.join(postsDir, FILE), POST);
  if (mode !== undefined) await chmod(path.join(postsDir, FILE), mode);
  await app.getByRole('option', { name: 'Find Me' }).click();
  const markdown = app.getByRole('textbox', { name: 'Markdown', exact: true });
  await expect(markdown).toHaveValue(/The last cat/);
  await markdown.click();
  await markdown.press('ControlOrMeta+Home');
  return markdown;
}

function findBar(app: Page): Locator {
  return app.getByRole('search', { name: 'Find in post' });
}

/** Where the current match's box is, against where the text's own metrics put `line`, `column` (short lines: no wrapping). */
async function markOffset(app: Page, line: number, column: number, length: number): Promise<number[]> {
  // Purely visual (aria-hidden): no role to find it by.
  const mark = await app.getByTestId('find-mark').first().boundingBox({ timeout: 5000 });
  if (mark === null) throw new Error('no visible highlight');
  const expected = await app.getByRole('textbox', { name: 'Markdown', exact: true }).evaluate(
    (area: HTMLTextAreaElement, [row = 0, col = 0]) => {
      const style = getComputedStyle(area);
      const rect = area.getBoundingClientRect();
      const context = document.createElement('canvas').getContext('2d');
      if (context === null) throw new Error('no canvas');
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const char = context.measureText('x'.repeat(100)).width / 100;
      const top =
        rect.top +
        parseFloat(style.borderTopWidth) +
        parseFloat(style.paddingTop) +
        row * parseFloat(style.lineHeight) -
        area.scrollTop;
      const left = rect.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft) + col * char;
      const scroller = area.scrollHeight > area.clientHeight + 1 ? area : area.closest('.w-md-editor-area');
      const view = (scroller ?? area).getBoundingClientRect();
      return { top, left, char, viewTop: view.top, viewBottom: view.bottom };
    },
    [line, column],
  );
  // Inside the editor's visible part, on the right line, column and width.
  expect(mark.y).toBeGreaterThanOrEqual(expected.viewTop);
  expect(mark.y + mark.height).toBeLessThanOrEqual(expected.viewBottom);
  return [mark.y - expected.top, mark.x - expected.left, mark.width - length * expected.char];
}

test('the other matches in view are tinted beside the current one, on their own words, and follow the switches and the scroll', async ({
  app,
  postsDir,
}) => {
  const markdown = await openPost(app, postsDir);
  await markdown.press('ControlOrMeta+f');
  const bar = findBar(app);
  const find = bar.getByRole('textbox', { name: 'Find', exact: true });
  await find.pressSequentially('cat');
  await expect(bar.getByRole('status')).toHaveText('1 of 4');
  // Line 1 holds "cat", "Cat" and the "cat" of "category"; the last "cat" is screens below.
  const others = app.getByTestId('find-other');
  await expect(others).toHaveCount(2);
  // The marks are redrawn as the view settles (CI once read a box between two drawings: null): read
  // them once all three are on the page.
  const marks = [app.getByTestId('find-mark').first(), others.nth(0), others.nth(1)];
  const measure = () => Promise.all(marks.map((mark) => mark.boundingBox()));
  await expect.poll(async () => (await measure()).every((box) => box !== null)).toBe(true);
  const [current = null, ...boxes] = await measure();
  const char = (current?.width ?? 0) / 3;
  expect(current).not.toBeNull();
  for (const [i, column] of [26, 39].entries()) {
    const other = boxes[i] ?? null;
    expect(other).not.toBeNull();
    if (other === null || current === null) continue;
    // On the current match's line, over its own three letters.
    expect(Math.abs(other.y - current.y)).toBeLessThan(2);
    expect(Math.abs(other.x - (current.x + (column - 4) * char))).toBeLessThan(4);
    expect(Math.abs(other.width - current.width)).toBeLessThan(2);
  }
  // Whole word: "category" is no match now.
  await bar.getByRole('button', { name: 'Whole word' }).click();
  await expect(bar.getByRole('status')).toHaveText('1 of 3');
  await expect(others).toHaveCount(1);
  // At the last match, line 1 is out of view: nothing else is drawn there.
  await find.press('Shift+Enter');
  await expect(bar.getByRole('status')).toHaveText('3 of 3');
  await expect(app.getByTestId('find-mark').first()).toBeVisible();
  await expect(others).toHaveCount(0);
  // Scrolled back to the top by hand, the matches there are drawn again.
  await markdown.evaluate((area: HTMLTextAreaElement) => {
    const scroller = area.scrollHeight > area.clientHeight + 1 ? area : area.closest('.w-md-editor-area');
    if (scroller !== null) scroller.scrollTop = 0;
  });
  await expect(others).toHaveCount(2);
});

test('Ctrl/Cmd+F finds in the post: count, next and previous with wrap, whole word, match case, a visible match, Esc', async ({
  app,
  postsDir,
}) => {
  const markdown = await openPost(app, postsDir);
  await expect(findBar(app)).toHaveCount(0);
  await markdown.press('ControlOrMeta+f');
  const bar = findBar(app);
  const find = bar.getByRole('textbox', { name: 'Find', exact: true });
  const status = bar.getByRole('status');
  await expect(find).toBeFocused();
  await find.pressSequentially('cat');
  // The front matter's "cat" is not the body's: four in the body.
  await expect(status).toHaveText('1 of 4');
  await find.press('Enter');
  await expect(status).toHaveText('2 of 4');
  await find.press('Shift+Enter');
  await expect(status).toHaveText('1 of 4');
  await find.press('Shift+Enter');
  await expect(status).toHaveText('4 of 4');
  await find.press('Enter');
  await expect(status).toHaveText('1 of 4');
  await find.press('F3');
  await expect(status).toHaveText('2 of 4');
  await find.press('Shift+F3');
  await expect(status).toHaveText('1 of 4');
  await find.press('ControlOrMeta+g');
  await expect(status).toHaveText('2 of 4');
  await find.press('ControlOrMeta+Shift+g');
  await expect(status).toHaveText('1 of 4');
  await bar.getByRole('button', { name: 'Next match' }).click();
  await bar.getByRole('button', { name: 'Next match' }).click();
  await expect(status).toHaveText('3 of 4');
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await expect(status).toHaveText('2 of 4');

  // The first match, "cat" at line 1, column 4, is drawn where the text has it.
  await find.press('Shift+Enter');
  await expect(status).toHaveText('1 of 4');
  const near = await markOffset(app, 1, 4, 3);
  // The box says nothing to a screen reader: the status says where the match is.
  await expect(app.getByTestId('find-mark').first()).toBeVisible();
  await expect(bar.getByRole('img')).toHaveCount(0);
  expect(
    near.map((off) => Math.abs(off) < 4),
    near.join(),
  ).toEqual([true, true, true]);

  const wholeWord = bar.getByRole('button', { name: 'Whole word' });
  await wholeWord.click();
  await expect(wholeWord).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toHaveText(/of 3$/);
  const matchCase = bar.getByRole('button', { name: 'Match case' });
  await matchCase.click();
  await expect(status).toHaveText(/of 2$/);
  await find.fill('CAT');
  await expect(status).toHaveText('No matches');
  await matchCase.click();
  await expect(status).toHaveText('1 of 3');

  // The last "cat", screens below: the editor scrolls to it and the box is over it.
  await find.press('Shift+Enter');
  await expect(status).toHaveText('3 of 3');
  const lastLine = BODY.split('\n').findIndex((text) => text.startsWith('The last cat'));
  await expect
    .poll(async () => (await markOffset(app, lastLine, 9, 3)).map((off) => Math.abs(off) < 4))
    .toEqual([true, true, true]);

  await find.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(markdown).toBeFocused();
  const selected = await markdown.evaluate((area: HTMLTextAreaElement) => [
    area.selectionStart,
    area.value.slice(area.selectionStart, area.selectionEnd),
  ]);
  expect(selected).toEqual([BODY.lastIndexOf('cat'), 'cat']);
});

test('Find takes any character: a hyphenated word, a date, a slash, a double hyphen', async ({ app, postsDir }) => {
  const markdown = await openPost(app, postsDir);
  await markdown.press('ControlOrMeta+f');
  const bar = findBar(app);
  const find = bar.getByRole('textbox', { name: 'Find', exact: true });
  const status = bar.getByRole('status');
  // Typed key by key: each prefix ("well-") is searched on the way.
  await find.pressSequentially('well-known');
  await expect(status).toHaveText('1 of 2');
  await find.press('Enter');
  await expect(status).toHaveText('2 of 2');
  await find.fill('');
  await find.pressSequentially('2026-11-27');
  await expect(status).toHaveText('1 of 1');
  await find.fill('');
  await find.pressSequentially('and/or');
  await expect(status).toHaveText('1 of 1');
  await find.fill('');
  await find.pressSequentially('--');
  await expect(status).toHaveText('1 of 1');
  await bar.getByRole('button', { name: 'Whole word' }).click();
  await find.fill('well-known');
  // From the place moved to above: the second.
  await expect(status).toHaveText('2 of 2');
  // The app is all still there.
  await expect(markdown).toHaveValue(BODY);
  await expect(find).toBeFocused();
});

test('typing in the post with the bar open updates the count shown, not the one read out', async ({
  app,
  postsDir,
}) => {
  const markdown = await openPost(app, postsDir);
  await markdown.press('ControlOrMeta+f');
  const bar = findBar(app);
  const find = bar.getByRole('textbox', { name: 'Find', exact: true });
  const status = bar.getByRole('status');
  await find.pressSequentially('cat');
  await expect(status).toHaveText('1 of 4');

  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially(' A cat.');
  await expect(bar).toBeVisible();
  // The count on screen follows the text; the live region is not told (no "1 of 5" read out).
  await expect(bar.getByText('1 of 5', { exact: true })).toBeVisible();
  await expect(status).toHaveText('1 of 4');

  // Moving, and changing the query or a switch, is read out, with the new count.
  await find.press('Enter');
  await expect(status).toHaveText('2 of 5');
  await bar.getByRole('button', { name: 'Whole word' }).click();
  await expect(status).toHaveText('2 of 4');
  await find.fill('mat');
  await expect(status).toHaveText('1 of 1');
});

test('Ctrl/Cmd+H replaces one and all through the editor: undone with Ctrl/Cmd+Z, autosaved, never in the front matter', async ({
  app,
  postsDir,
}) => {
  await turnOnAutosave(app);
  const markdown = await openPost(app, postsDir);
  const file = path.join(postsDir, FILE);

  await markdown.press('ControlOrMeta+h');
  const bar = findBar(app);
  const status = bar.getByRole('status');
  await bar.getByRole('textbox', { name: 'Find', exact: true }).fill('cat');
  await bar.getByRole('textbox', { name: 'Replace with' }).fill('dog');
  await expect(status).toHaveText('1 of 4');
  await bar.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(markdown).toHaveValue(/^\nThe dog sat on the mat\. A Cat is/);
  // The next match is now the current one.
  await expect(status).toHaveText('1 of 3');
  await expect(app.getByRole('region', { name: 'Preview' })).toContainText('The dog sat');

  await bar.getByRole('button', { name: 'Whole word' }).click();
  await bar.getByRole('button', { name: 'Replace all' }).click();
  await expect(status).toHaveText('Replaced 2 matches');
  await expect(markdown).toHaveValue(/A dog is not a category\.[\s\S]*The last dog is here/);
  await expect.poll(() => readFile(file, 'utf8'), { timeout: 10_000 }).toContain('The last dog is here.');
  const saved = await readFile(file, 'utf8');
  expect(saved).toContain('tags: [cat]');
  expect(saved).toContain('The dog sat on the mat. A dog is not a category.');

  // Replace all is one step back; the single replace another.
  await markdown.focus();
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).toHaveValue(
    /^\nThe dog sat on the mat\. A Cat is not a category\.[\s\S]*The last cat is here/,
  );
  await markdown.press('ControlOrMeta+z');
  await expect(markdown).toHaveValue(BODY);
  await expect.poll(() => readFile(file, 'utf8'), { timeout: 10_000 }).toBe(POST);
});

test('a read-only post can be searched but not changed from the find bar', async ({ app, postsDir }) => {
  const markdown = await openPost(app, postsDir, 0o444);
  await expect(app.getByText(/read-only on disk/).first()).toBeVisible();
  await app.keyboard.press('ControlOrMeta+h');
  const bar = findBar(app);
  await bar.getByRole('textbox', { name: 'Find', exact: true }).fill('cat');
  await expect(bar.getByRole('status')).toHaveText(/ of 4$/);
  const before = await bar.getByRole('status').textContent();
  for (const name of ['Replace', 'Replace all']) {
    const button = bar.getByRole('button', { name, exact: true });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(/read-only/);
  }
  const replaceWith = bar.getByRole('textbox', { name: 'Replace with' });
  await expect(replaceWith).not.toBeEditable();
  await replaceWith.press('Enter');
  await replaceWith.press('ControlOrMeta+Alt+Enter');
  await bar.getByRole('button', { name: 'Replace all' }).dispatchEvent('click');
  await expect(bar.getByRole('status')).toHaveText(before ?? '');
  await expect(markdown).toHaveValue(BODY);
  expect(await readFile(path.join(postsDir, FILE), 'utf8')).toBe(POST);
});
