/**
 * Getting around by keyboard, and finding out how: Ctrl/Cmd+Shift+F goes to the search box, F6 and
 * Shift+F6 move between the window's areas, the sidebar's "Keyboard shortcuts" button opens the
 * panel that lists them; and a date the post list cannot sort is said at once in the form.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const WRITING = 'Writing in Plain Text';

async function openWriting(app: Page): Promise<void> {
  await app.getByRole('option', { name: WRITING }).click();
  await expect(app.getByLabel('Markdown', { exact: true })).toBeVisible();
  await expect(app.getByLabel('title', { exact: true })).toBeVisible();
}

test('Ctrl/Cmd+Shift+F goes from the editor to the search box, even in focus mode', async ({ app }) => {
  await openWriting(app);
  const editor = app.getByLabel('Markdown', { exact: true });
  const search = app.getByRole('searchbox', { name: 'Search posts' });
  const before = await editor.inputValue();

  await editor.click();
  await app.keyboard.press('ControlOrMeta+Shift+F');
  await expect(search).toBeFocused();
  // The key went to the app, not into the post.
  await expect(editor).toHaveValue(before);

  // The last search is selected, so typing replaces it.
  await search.fill('revision');
  await editor.click();
  await app.keyboard.press('ControlOrMeta+Shift+F');
  await expect(search).toBeFocused();
  await app.keyboard.type('plain');
  await expect(search).toHaveValue('plain');

  // Focus mode hides the list: the shortcut leaves it.
  await app.getByRole('button', { name: 'Focus mode' }).click();
  await expect(search).toBeHidden();
  await editor.click();
  await app.keyboard.press('ControlOrMeta+Shift+F');
  await expect(search).toBeVisible();
  await expect(search).toBeFocused();
  await expect(app.getByRole('button', { name: 'Focus mode' })).toHaveAttribute('aria-pressed', 'false');
});

test('F6 and Shift+F6 move between the post list, the front matter, the editor and the preview', async ({ app }) => {
  await openWriting(app);
  const editor = app.getByLabel('Markdown', { exact: true });
  const preview = app.getByRole('region', { name: 'Preview' });
  const openPost = app.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: WRITING });
  const firstField = app.getByLabel('path', { exact: true });

  await editor.click();
  await app.keyboard.press('F6');
  await expect(preview).toBeFocused();
  await app.keyboard.press('F6');
  // Round to the list, at the open post.
  await expect(openPost).toBeFocused();
  await app.keyboard.press('F6');
  await expect(firstField).toBeFocused();
  await app.keyboard.press('F6');
  await expect(editor).toBeFocused();

  await app.keyboard.press('Shift+F6');
  await expect(firstField).toBeFocused();
  await app.keyboard.press('Shift+F6');
  await expect(openPost).toBeFocused();
  await app.keyboard.press('Shift+F6');
  await expect(preview).toBeFocused();

  // An area is entered again where the writer left it.
  await app.getByLabel('title', { exact: true }).focus();
  await app.keyboard.press('F6');
  await expect(editor).toBeFocused();
  await app.keyboard.press('Shift+F6');
  await expect(app.getByLabel('title', { exact: true })).toBeFocused();

  // In focus mode the list and the form are not on screen: F6 passes them over.
  await app.getByRole('button', { name: 'Focus mode' }).click();
  await editor.click();
  await app.keyboard.press('F6');
  await expect(preview).toBeFocused();
  await app.keyboard.press('F6');
  await expect(editor).toBeFocused();
});

test('a visible "Keyboard shortcuts" button opens the panel, which lists the ways around', async ({ app }) => {
  const button = app.getByRole('button', { name: 'Keyboard shortcuts' });
  await expect(button).toBeVisible();
  await button.click();
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  // It opens at its title, with the first shortcuts and Close in view: the list scrolls, not the dialog.
  await expect(help.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeInViewport();
  await expect(help.getByRole('row').first()).toBeInViewport();
  await expect(help.getByRole('button', { name: 'Close' })).toBeInViewport();
  const row = (action: string) => help.getByRole('row').filter({ hasText: action });
  await expect(row('Search all posts')).toContainText(/(Ctrl|⌘)\+Shift\+F/);
  await expect(row('next or previous area')).toContainText('F6');
  await expect(row('next or previous area')).toContainText('Shift+F6');
  await expect(row('New post (desktop app)')).toContainText(/(Ctrl|⌘)\+N/);
  await expect(row('Open a folder (desktop app)')).toContainText(/(Ctrl|⌘)\+O/);
  await expect(row('fields and raw text (desktop app)')).toContainText(/(Ctrl|⌘)\+Shift\+M/);
  await expect(row('Open a post by its title')).toContainText(/(Ctrl|⌘)\+P/);
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
  // Back where the writer was.
  await expect(button).toBeFocused();
  // Keyboard users reach it too, with Enter.
  await app.keyboard.press('Enter');
  await expect(help).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('a date the post list cannot sort is flagged as it is typed; the shapes blogs use are not', async ({ app }) => {
  await openWriting(app);
  const date = app.getByLabel('date', { exact: true });
  const warning = /Not a date the list can sort: write it as 2026-11-26/;
  for (const text of ['next tuesday', '26/11/2026']) {
    await date.fill(text);
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAccessibleDescription(warning);
  }
  for (const text of ['2017-04-05 16:16:01 -0800', '2024-05-01T10:00:00Z', '2015-11-3', 'Jul 08 2022']) {
    await date.fill(text);
    await expect(date).not.toHaveAttribute('aria-invalid', 'true');
  }
  // A day no calendar has keeps its own warning.
  await date.fill('2026-02-30');
  await expect(date).toHaveAccessibleDescription(/not a valid calendar date/);
});
