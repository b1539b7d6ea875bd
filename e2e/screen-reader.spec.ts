/**
 * What a screen reader and a keyboard meet (review 24a): what the page speaks through its live
 * regions (recorded as a screen reader hears them: text that appears or changes in a region that
 * is live, never under `aria-live="off"`), the Markdown field's description, F6 to a warning's
 * buttons, and the front matter's fields in sight at 200% zoom.
 */
import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { WRITING, changeOnDisk, openWriting, turnOnAutosave, typeAtEnd } from './writing-post';

test.describe.configure({ timeout: 120_000 });

/** From now on, every text a live region of the page speaks is kept, in order (`spoken`). */
async function listen(app: Page): Promise<void> {
  await app.evaluate(() => {
    const spoken: string[] = [];
    (window as unknown as { spoken: string[] }).spoken = spoken;
    const LIVE = '[role="status"], [role="alert"], [role="log"], [aria-live="polite"], [aria-live="assertive"]';
    const liveRegion = (start: Element | null): Element | null => {
      for (let element = start; element !== null; element = element.parentElement) {
        if (element.getAttribute('aria-live') === 'off') return null;
        if (element.matches(LIVE)) return element;
      }
      return null;
    };
    const said = new WeakMap<Element, string>();
    const speak = (region: Element): void => {
      const text = region.textContent ?? '';
      if (said.get(region) === text) return;
      said.set(region, text);
      if (text.trim() !== '') spoken.push(text.trim());
    };
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        const region = liveRegion(target);
        if (region !== null) speak(region);
        // An alert put on the page is spoken whole.
        for (const node of record.addedNodes)
          if (node instanceof Element && node.matches('[role="alert"]') && liveRegion(node) === node) speak(node);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function spoken(app: Page): Promise<string[]> {
  return app.evaluate(() => [...(window as unknown as { spoken: string[] }).spoken]);
}

test('only a save the writer asked for is spoken: not opening a post, typing, or autosave', async ({
  app,
  postsDir,
}) => {
  await turnOnAutosave(app);
  await listen(app);

  await openWriting(app);
  await typeAtEnd(app, '\nWritten while autosave is on.');
  const file = path.join(postsDir, WRITING);
  await expect.poll(() => readFile(file, 'utf8'), { timeout: 15_000 }).toContain('Written while autosave is on.');
  // The status bar still shows the state, and a screen reader reads it when asked.
  await expect(app.getByRole('status')).toHaveText('Saved');
  await typeAtEnd(app, ' Twice.');
  await expect.poll(() => readFile(file, 'utf8'), { timeout: 15_000 }).toContain('Twice.');
  await expect(app.getByRole('status')).toHaveText('Saved');
  expect(await spoken(app)).toEqual([]);

  // Ctrl+S is answered, each time.
  await app.getByLabel('Markdown', { exact: true }).press('ControlOrMeta+s');
  await expect.poll(() => spoken(app)).toEqual(['Saved']);
  await app.getByLabel('Markdown', { exact: true }).press('ControlOrMeta+s');
  await expect.poll(() => spoken(app)).toEqual(['Saved', 'Saved']);
});

test('a failed save is spoken once, as an alert that says to save again', async ({ app, postsDir }) => {
  await openWriting(app);
  await typeAtEnd(app, '\nNot yet on disk.');
  const file = path.join(postsDir, WRITING);
  await chmod(file, 0o444);
  try {
    await listen(app);
    await app.getByLabel('Markdown', { exact: true }).press('ControlOrMeta+s');
    const alert = app.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(alert).toContainText('Not saved: this file is read-only on disk.');
    await expect(alert).toContainText('Make the file writable, then save again');
    await expect.poll(() => spoken(app)).toHaveLength(1);
    expect((await spoken(app))[0]).toContain('Not saved: this file is read-only on disk.');
  } finally {
    await chmod(file, 0o644);
  }
  // Writable again: Ctrl+S saves, with nothing to reopen.
  await app.getByLabel('Markdown', { exact: true }).press('ControlOrMeta+s');
  await expect.poll(() => readFile(file, 'utf8')).toContain('Not yet on disk.');
});

test('the Markdown field says how to leave it, and Escape then Tab does', async ({ app }) => {
  const markdown = await openWriting(app);
  await expect(markdown).toHaveAccessibleDescription('Tab indents. To move on, press Escape, then Tab.');
  await markdown.focus();
  await app.keyboard.press('Escape');
  await app.keyboard.press('Tab');
  await expect(markdown).not.toBeFocused();
});

test('F6 reaches the buttons of a warning about the open post', async ({ app, postsDir }) => {
  const markdown = await openWriting(app);
  await typeAtEnd(app, '\nMine.');
  await changeOnDisk(path.join(postsDir, WRITING), 'Every few years', 'Every other year');
  const banner = app.getByRole('alert').filter({ hasText: 'changed on disk' });
  await expect(banner).toBeVisible();
  await markdown.focus();
  // From the editor, round the areas: the preview, the list, then the warning.
  const reached: string[] = [];
  for (let i = 0; i < 5 && reached.length === 0; i++) {
    await app.keyboard.press('F6');
    const inBanner = await banner.evaluate((element) => element.contains(document.activeElement));
    if (inBanner) reached.push(await app.evaluate(() => document.activeElement?.textContent ?? ''));
  }
  expect(reached).toEqual(['Compare']);
  // And back: Shift+F6 leaves it for the list.
  await app.keyboard.press('Shift+F6');
  await expect(app.getByRole('listbox', { name: 'Posts' }).getByRole('option', { selected: true })).toBeFocused();
});

test('renaming a post raises no alert about its own path', async ({ app }) => {
  await openWriting(app);
  await listen(app);
  await app.getByRole('button', { name: 'Rename file…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Rename file' });
  await dialog.getByLabel('New file name').fill('plain-text-renamed.md');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('contentinfo')).toContainText('plain-text-renamed.md');
  // Long enough for the list's refresh to land.
  await app.waitForTimeout(1000);
  expect((await spoken(app)).filter((text) => /already uses this path/.test(text))).toEqual([]);
});

test('at 200% zoom, each front-matter field tabbed to is in sight', async ({ app }) => {
  await app.setViewportSize({ width: 640, height: 480 });
  await openWriting(app);
  const form = app.getByRole('region', { name: 'Front matter' });
  const toggle = form.getByRole('button', { name: 'Front matter' });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  for (const name of ['path', 'date', 'title']) {
    const field = form.getByLabel(name, { exact: true });
    await field.focus();
    // The point at the middle of the field is the field itself: not its panel's header, not the edge.
    const hit = await field.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === element;
    });
    expect(hit, name).toBe(true);
  }
  await app.screenshot({ path: test.info().outputPath('front-matter-640x480.png') });
});

test("a name dialog's error goes as soon as the name is changed", async ({ app }) => {
  await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  const title = dialog.getByLabel('Title');
  await title.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Give the post a title.');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await title.pressSequentially('A');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(title).toHaveAttribute('aria-invalid', 'false');
  await expect(title).not.toHaveAccessibleDescription('Give the post a title.');
});

test('after quick open from the post list, the focus is on the row of the post opened', async ({ app }) => {
  const list = app.getByRole('listbox', { name: 'Posts' });
  const first = list.getByRole('option', { name: /Notes on Revision/ });
  await first.click();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Notes on Revision');
  await first.focus();
  await app.keyboard.press('ControlOrMeta+p');
  const dialog = app.getByRole('dialog', { name: 'Open post' });
  await dialog.getByRole('combobox', { name: 'Post title' }).fill('plain');
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Writing in Plain Text');
  const opened = list.getByRole('option', { name: /Writing in Plain Text/ });
  await expect(opened).toHaveAttribute('aria-selected', 'true');
  await expect(opened).toBeFocused();
  // The list's one tab stop is that row too.
  await expect(list.locator('[tabindex="0"]')).toHaveCount(1);
  await expect(opened).toHaveAttribute('tabindex', '0');
});

test('Export site’s Export button is reached by Tab before it can run, and says what it waits for', async ({
  app,
}, testInfo) => {
  testInfo.skip(testInfo.project.metadata.mode !== 'browser', 'The desktop app chooses the folder in its own picker.');
  let exports = 0;
  app.on('request', (request) => {
    if (request.url().includes('/api/exportSite')) exports += 1;
  });
  await app.getByRole('toolbar', { name: 'Export' }).getByRole('button', { name: 'Export site' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export site' });
  const folder = dialog.getByRole('textbox', { name: 'Output folder' });
  const run = dialog.getByRole('button', { name: 'Export', exact: true });
  await expect(run).toBeDisabled();
  await expect(run).toHaveAccessibleDescription('Type the folder to write the site to first.');
  await run.focus();
  await expect(run).toBeFocused();
  await app.keyboard.press('Enter');
  await folder.press('Enter');
  await expect(dialog).toBeVisible();
  expect(exports).toBe(0);
  await folder.fill('/tmp/nowhere-yet');
  await expect(run).toBeEnabled();
  await expect(run).not.toHaveAccessibleDescription('Type the folder to write the site to first.');
});

test('an unedited post read again because it changed on disk is said, once', async ({ app, postsDir }) => {
  const markdown = await openWriting(app);
  await listen(app);
  await changeOnDisk(path.join(postsDir, WRITING), 'Every few years', 'Every other year');
  await expect(markdown).toHaveValue(/Every other year/);
  await expect
    .poll(() => spoken(app))
    .toEqual(['The post changed on disk and was read again. Your text can be brought back from the note above it.']);
});

test('quick open with no match says so once, with no list to enter', async ({ app }) => {
  await app.keyboard.press('ControlOrMeta+p');
  const dialog = app.getByRole('dialog', { name: 'Open post' });
  const input = dialog.getByRole('combobox', { name: 'Post title' });
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await input.fill('zzzz no such post');
  await expect(dialog.getByRole('status')).toHaveText('No post has this in its title or file name.');
  await expect(dialog.getByRole('option')).toHaveCount(0);
  await expect(dialog.getByRole('listbox').getByRole('listitem')).toHaveCount(0);
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await input.fill('plain');
  await expect(dialog.getByRole('status')).toHaveText('');
  await expect(input).toHaveAttribute('aria-expanded', 'true');
});

test('the formatting toolbar lists its buttons only, not the lines between its groups', async ({ app }) => {
  await openWriting(app);
  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });
  const buttons = await toolbar.getByRole('button').count();
  expect(buttons).toBeGreaterThan(5);
  await expect(toolbar.getByRole('listitem')).toHaveCount(buttons);
});

test('every control of the window is inside a landmark: the footer holds the status and its tools', async ({ app }) => {
  await openWriting(app);
  const footer = app.getByRole('contentinfo');
  await expect(footer.getByRole('status')).toHaveText('Saved');
  await expect(footer.getByRole('button', { name: 'Focus mode' })).toBeVisible();
  const outside = await app.evaluate(() => {
    const LANDMARKS =
      'header, footer, main, nav, aside, section[aria-label], form[aria-label], [role="region"], [role="navigation"], [role="main"], [role="contentinfo"], [role="banner"], [role="complementary"], [role="search"], dialog';
    return [...document.querySelectorAll('button, input, select, textarea, [role="option"]')]
      .filter((element) => element.getClientRects().length > 0 && element.closest(LANDMARKS) === null)
      .map((element) => element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName);
  });
  expect(outside).toEqual([]);
});

test('in a short window, a toolbar button clicked straight from a front-matter field is not moved from under the click', async ({
  app,
}) => {
  await app.setViewportSize({ width: 1000, height: 600 });
  const markdown = await openWriting(app);
  const form = app.getByRole('region', { name: 'Front matter' });
  const toggle = form.getByRole('button', { name: 'Front matter' });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await form.getByLabel('title', { exact: true }).focus();
  const before = await markdown.inputValue();
  await app.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: /bold/i }).click();
  await expect.poll(() => markdown.inputValue()).not.toBe(before);
  expect((await markdown.inputValue()).length).toBeGreaterThan(before.length);
});

test('Ctrl+S on a post opened read-only says nothing was saved, not "Saved"', async ({ app, postsDir }) => {
  const file = path.join(postsDir, WRITING);
  await chmod(file, 0o444);
  try {
    await app.reload();
    const markdown = await openWriting(app);
    await expect(app.getByRole('status')).toHaveText('Read-only');
    await listen(app);
    await markdown.press('ControlOrMeta+s');
    await expect.poll(() => spoken(app)).toEqual(['Read-only: nothing was saved.']);
  } finally {
    await chmod(file, 0o644);
  }
});
