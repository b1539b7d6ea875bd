/**
 * Where the focus goes, and what is announced, when the form and the toolbars change under the
 * writer: removing or adding a front-matter field, exporting one post, a field's warning, the
 * dates in the post list, and a file renamed without its extension.
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const WRITING = 'Writing in Plain Text';

async function openWriting(app: Page): Promise<void> {
  await app.getByRole('option', { name: WRITING }).click();
  await expect(app.getByLabel('Markdown', { exact: true })).toBeVisible();
  await expect(app.getByLabel('title', { exact: true })).toBeVisible();
}

test('removing a field with the keyboard moves the focus to the next field, the previous, then "Field name"', async ({
  app,
}) => {
  await openWriting(app);
  // path, date, title: removing the middle one lands on the one after it.
  await app.getByLabel('date', { exact: true }).focus();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('button', { name: 'Remove date' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('date', { exact: true })).toHaveCount(0);
  await expect(app.getByLabel('title', { exact: true })).toBeFocused();

  // The last field has none after it: the one before it.
  await app.keyboard.press('Tab');
  await expect(app.getByRole('button', { name: 'Remove title' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('path', { exact: true })).toBeFocused();

  // The only field: the add-field row's name.
  await app.keyboard.press('Tab');
  await expect(app.getByRole('button', { name: 'Remove path' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByText('No fields yet.')).toBeVisible();
  await expect(app.getByLabel('Field name')).toBeFocused();
});

test('adding a field moves the focus to the new field’s control', async ({ app }) => {
  await openWriting(app);
  await app.getByLabel('Field name').fill('subtitle');
  await app.getByLabel('Field value').fill('On owning your words');
  await app.getByRole('button', { name: 'Add field' }).click();
  const subtitle = app.getByLabel('subtitle', { exact: true });
  await expect(subtitle).toHaveValue('On owning your words');
  await expect(subtitle).toBeFocused();

  // With the keyboard, and a flag: the checkbox, ready to be checked or unchecked.
  await app.getByLabel('Field name').fill('featured');
  await app.getByLabel('Field value').fill('true');
  await app.getByLabel('Field value').press('Enter');
  const featured = app.getByRole('checkbox', { name: 'featured' });
  await expect(featured).toBeChecked();
  await expect(featured).toBeFocused();
});

test('a field’s warning marks it invalid and describes it, and is not spoken while the date is typed', async ({
  app,
}) => {
  await openWriting(app);
  const date = app.getByLabel('date', { exact: true });
  await expect(date).not.toHaveAttribute('aria-invalid', 'true');
  await date.fill('2017-02-29');
  const warning = app.getByText('not a valid calendar date');
  await expect(warning).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/not a valid calendar date$/);
  // Typed digit by digit, the date is not a date until its end: a live warning would speak at every step.
  await expect(warning).toHaveAttribute('aria-live', 'off');
  await date.press('Tab');
  await expect(warning).toHaveAttribute('aria-live', 'polite');
  await date.fill('2016-02-29');
  await expect(warning).toHaveCount(0);
  await expect(date).not.toHaveAttribute('aria-invalid', 'true');
});

test('Export HTML keeps the focus while it runs and announces where the page went', async ({ app }, testInfo) => {
  testInfo.skip(testInfo.project.metadata.mode !== 'browser', 'Downloads are browser mode.');
  test.slow();
  await openWriting(app);
  const toolbar = app.getByRole('toolbar', { name: 'Export' });
  const exportHtml = toolbar.getByRole('button', { name: 'Export HTML' });
  await exportHtml.focus();
  const downloading = app.waitForEvent('download');
  await app.keyboard.press('Enter');
  const download = await downloading;
  await expect(toolbar.getByRole('button', { name: 'Exporting…' })).toHaveCount(0);
  await expect(exportHtml).toBeEnabled();
  await expect(exportHtml).toBeFocused();
  await expect(toolbar.getByRole('status')).toHaveText(`Exported to ${download.suggestedFilename()}.`);
});

test('the post list shows dates as the preview does, the text as written kept in its title', async ({
  app,
  postsDir,
}) => {
  const list = app.getByRole('listbox', { name: 'Posts' });
  await expect(list.getByRole('option', { name: WRITING })).toHaveAccessibleDescription(/20 November 2026/);
  await writeFile(
    path.join(postsDir, 'timestamped.md'),
    '---\ntitle: Timestamped\ndate: 2026-03-10T00:00:00.000Z\n---\n\nA post.\n',
  );
  await writeFile(path.join(postsDir, 'someday.md'), '---\ntitle: Someday\ndate: sometime in spring\n---\n\nA post.\n');
  const timestamped = list.getByRole('option', { name: 'Timestamped' });
  await expect(timestamped).toHaveAccessibleDescription(/10 March 2026/);
  await expect(timestamped).not.toContainText('T00:00');
  await expect(timestamped.getByText('10 March 2026')).toHaveAttribute('title', '2026-03-10T00:00:00.000Z');
  // A date that cannot be read is shown as written.
  await expect(list.getByRole('option', { name: 'Someday' })).toHaveAccessibleDescription(/sometime in spring/);
});

test('a new file name typed without ".md" keeps the extension; a refusal is a plain sentence', async ({
  app,
  postsDir,
}) => {
  await openWriting(app);
  await app.getByRole('button', { name: 'Rename file…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Rename file' });
  const name = dialog.getByLabel('New file name');

  await name.fill('my:name');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('The file name contains a character that is not allowed');
  await expect(refusal).not.toContainText(/renamePost|argument/);
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await name.fill('my new name');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => (await readdir(postsDir)).filter((file) => file.startsWith('my')))
    .toEqual(['my new name.md']);
  await expect(app.getByRole('option', { name: WRITING })).toHaveAttribute('aria-selected', 'true');
});
