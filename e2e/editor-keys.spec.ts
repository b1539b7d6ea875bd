/**
 * The keys and toolbar of the Markdown editor as a writer uses them: lists carried on and ended
 * with Enter, Tab and Shift+Tab indenting and outdenting, Escape then Tab leaving the editor (no
 * keyboard trap), Ctrl/Cmd+K a link, Ctrl/Cmd+/ the shortcuts and nothing else, and the quote,
 * list and table buttons acting on lines, never splitting a word.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** A new, empty post's editor, the caret at the end of its text. */
async function newPostEditor(app: Page): Promise<{ markdown: Locator; start: string }> {
  await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Title').fill('Keys');
  await dialog.getByRole('button', { name: 'Create' }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Keys');
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  return { markdown, start: await markdown.inputValue() };
}

test('Enter carries a list on and ends it on an empty item; Tab and Shift+Tab nest and un-nest', async ({ app }) => {
  const { markdown, start } = await newPostEditor(app);
  await markdown.pressSequentially('- one');
  await markdown.press('Enter');
  await markdown.pressSequentially('two');
  await markdown.press('Enter');
  await markdown.press('Tab');
  await markdown.pressSequentially('nested');
  await markdown.press('Enter');
  // An empty nested item moves out a level; an empty top-level one ends the list.
  await markdown.press('Enter');
  await markdown.pressSequentially('three');
  await markdown.press('Enter');
  await markdown.press('Enter');
  await markdown.pressSequentially('After the list.');
  await expect(markdown).toHaveValue(`${start}- one\n- two\n    - nested\n- three\n\nAfter the list.`);

  // Shift+Tab takes indentation back and never types spaces into a sentence.
  await markdown.press('Shift+Tab');
  await expect(markdown).toHaveValue(`${start}- one\n- two\n    - nested\n- three\n\nAfter the list.`);
  await markdown.press('ArrowUp');
  await markdown.press('ArrowUp');
  await markdown.press('ArrowUp');
  await markdown.press('Shift+Tab');
  await expect(markdown).toHaveValue(`${start}- one\n- two\n- nested\n- three\n\nAfter the list.`);

  // Numbered lists count on.
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially('\n\n1. first');
  await markdown.press('Enter');
  await markdown.pressSequentially('second');
  await expect(markdown).toHaveValue(/\n1\. first\n2\. second$/);
  // The list and the sentence render as such.
  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('listitem').filter({ hasText: 'nested' })).toHaveCount(1);
  await expect(preview.getByText('After the list.')).toBeVisible();
});

test('Escape, then Tab, leaves the editor; Tab alone indents', async ({ app }) => {
  const { markdown, start } = await newPostEditor(app);
  await markdown.press('Tab');
  await expect(markdown).toHaveValue(`${start}    `);
  await expect(markdown).toBeFocused();
  await markdown.press('Escape');
  await markdown.press('Tab');
  await expect(markdown).not.toBeFocused();
  await expect(markdown).toHaveValue(`${start}    `);
  // Back in, Tab indents again; Escape then Shift+Tab leaves backwards.
  await markdown.focus();
  await markdown.press('Tab');
  await expect(markdown).toHaveValue(`${start}        `);
  await markdown.press('Escape');
  await markdown.press('Shift+Tab');
  await expect(markdown).not.toBeFocused();
});

test('Ctrl+K makes a link, Ctrl+/ only shows the shortcuts, and line buttons take the whole line', async ({ app }) => {
  const { markdown, start } = await newPostEditor(app);
  await markdown.pressSequentially('See the docs');
  await markdown.press('Shift+ControlOrMeta+ArrowLeft');
  await markdown.press('ControlOrMeta+k');
  await expect(markdown).toHaveValue(`${start}See the [docs](url)`);

  await markdown.press('ControlOrMeta+a');
  await markdown.press('ControlOrMeta+/');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Link/ })).toContainText('K');
  await help.getByRole('button', { name: 'Close' }).click();
  // The text was not made a comment behind the dialog.
  await expect(markdown).toHaveValue(`${start}See the [docs](url)`);

  // A quote of the line the caret is in, not of the word under it.
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially('\n\nA whole sentence to quote.');
  await markdown.press('ArrowLeft');
  await markdown.press('ArrowLeft');
  await markdown.press('ArrowLeft');
  await app.getByRole('button', { name: 'Insert a quote' }).click();
  await expect(markdown).toHaveValue(/\n> A whole sentence to quote\.$/);

  // A table goes after the line, never inside a word.
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially('\n\nHello world');
  await markdown.press('ArrowLeft');
  await markdown.press('ArrowLeft');
  await markdown.press('ArrowLeft');
  await app.getByRole('button', { name: 'Add table' }).click();
  await expect(markdown).toHaveValue(/\nHello world\n+\| Header/);
});

test('the formatting buttons are one toolbar: one Tab stop, the arrow keys between its buttons', async ({ app }) => {
  const { markdown } = await newPostEditor(app);
  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });
  const bold = toolbar.getByRole('button', { name: /Add bold text/ });
  await bold.focus();
  await app.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: /Add italic text/ })).toBeFocused();
  await app.keyboard.press('End');
  const last = toolbar.getByRole('button').last();
  await expect(last).toBeFocused();
  await app.keyboard.press('Home');
  await expect(bold).toBeFocused();
  // From the toolbar, one Tab reaches the text; Shift+Tab comes back to the button last used.
  await app.keyboard.press('ArrowRight');
  await app.keyboard.press('Tab');
  await expect(markdown).toBeFocused();
  await app.keyboard.press('Escape');
  await app.keyboard.press('Shift+Tab');
  await expect(toolbar.getByRole('button', { name: /Add italic text/ })).toBeFocused();
});

test('the list button makes every selected line an item, keeps blank lines blank, and takes the markers back', async ({
  app,
}) => {
  const { markdown, start } = await newPostEditor(app);
  await markdown.pressSequentially('Intro.');
  await app.keyboard.insertText('\n\nFirst thing\n\nSecond thing');
  await markdown.evaluate((area: HTMLTextAreaElement) => {
    area.setSelectionRange(area.value.indexOf('First'), area.value.length);
  });
  const bullets = app.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: /Add unordered list/ });
  await bullets.click();
  await expect(markdown).toHaveValue(`${start}Intro.\n\n- First thing\n\n- Second thing`);
  await bullets.click();
  await expect(markdown).toHaveValue(`${start}Intro.\n\nFirst thing\n\nSecond thing`);
  // In a quote, Enter carries its list on.
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially('\n\n> - quoted');
  await markdown.press('Enter');
  await markdown.pressSequentially('next');
  await expect(markdown).toHaveValue(/\n> - quoted\n> - next$/);
});

test('the heading button is a menu button: its menu takes the focus, ↑ ↓ move in it, Escape closes it', async ({
  app,
}) => {
  const { markdown, start } = await newPostEditor(app);
  await markdown.pressSequentially('A title');
  const toolbar = app.getByRole('toolbar', { name: 'Formatting' });
  const heading = toolbar.getByRole('button', { name: 'Heading', exact: true });
  await expect(heading).toHaveAttribute('aria-expanded', 'false');
  await heading.focus();
  await app.keyboard.press('Enter');
  await expect(heading).toHaveAttribute('aria-expanded', 'true');
  const focusedLabel = () => app.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  const first = await focusedLabel();
  expect(first).toMatch(/1/);
  await app.keyboard.press('ArrowDown');
  expect(await focusedLabel()).toMatch(/2/);
  await app.keyboard.press('Escape');
  await expect(heading).toHaveAttribute('aria-expanded', 'false');
  await expect(heading).toBeFocused();
  // Opened again and a level chosen: the line becomes that heading.
  await app.keyboard.press('Enter');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(markdown).toHaveValue(`${start}## A title`);
  await expect(heading).toHaveAttribute('aria-expanded', 'false');
});
