/**
 * Front matter a form edit used to strand: Hugo's tags written one to a line, Zola's tags in a
 * [taxonomies] table. Each saves from the form in its own layout; and every field change can be
 * undone at once (a removed field back in its place), after which Raw mode opens.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const HUGO =
  '+++\ntitle = "Rich Content"\ndate = 2019-03-10\ntags = [\n    "shortcodes",\n    "privacy"\n]\n+++\n\nHugo ships with several built-in shortcodes.\n';
const ZOLA =
  '+++\ntitle = "Tabi Tables"\ndate = 2023-01-01\n\n[taxonomies]\ntags = ["markdown", "zola"]\n\n[extra]\nkatex = true\n+++\n\nA table, a footnote.\n';

async function save(app: Page): Promise<void> {
  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');
}

test('Hugo tags one to a line and Zola tags in a table save from the form, in their own layout', async ({
  app,
  postsDir,
}) => {
  await writeFile(path.join(postsDir, 'rich-content.md'), HUGO);
  await writeFile(path.join(postsDir, 'tabi.md'), ZOLA);
  await app.reload();

  await app.getByRole('option', { name: 'Rich Content' }).click();
  await app.getByLabel('title', { exact: true }).fill('Richer Content');
  const tags = app.getByRole('combobox', { name: 'tags', exact: true });
  await expect(tags).toHaveValue('shortcodes, privacy');
  await tags.fill('shortcodes, privacy, hugo');
  await tags.press('Escape');
  await save(app);
  await expect
    .poll(() => readFile(path.join(postsDir, 'rich-content.md'), 'utf8'))
    .toBe(HUGO.replace('"Rich Content"', '"Richer Content"').replace('"privacy"\n', '"privacy",\n    "hugo"\n'));

  await app.getByRole('option', { name: 'Tabi Tables' }).click();
  const taxonomies = app.getByLabel('taxonomies', { exact: true });
  await expect(taxonomies).toHaveValue('[taxonomies]\ntags = ["markdown", "zola"]');
  await taxonomies.fill('[taxonomies]\ntags = ["markdown", "zola", "tabi"]');
  await save(app);
  await expect
    .poll(() => readFile(path.join(postsDir, 'tabi.md'), 'utf8'))
    .toBe(ZOLA.replace('"zola"]', '"zola", "tabi"]'));
});

test('"Undo field changes" puts a removed field back where it was, and Raw mode opens after it', async ({
  app,
  postsDir,
}) => {
  const file = path.join(postsDir, 'writing-in-plain-text.md');
  const original = await readFile(file, 'utf8');
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  const date = app.getByLabel('date', { exact: true });
  const before = await date.inputValue();
  await app.getByRole('button', { name: 'Remove date' }).click();
  await expect(date).toHaveCount(0);
  await app.getByLabel('title', { exact: true }).fill('Another title');
  // Raw mode waits for the field changes to be saved or undone.
  const raw = app.getByRole('button', { name: 'Raw' });
  await raw.click();
  await expect(app.getByText('Save or undo the field changes before editing the block as text.')).toBeVisible();
  await app.getByRole('button', { name: 'Undo field changes' }).click();
  await expect(date).toHaveValue(before);
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Writing in Plain Text');
  await expect(app.getByRole('button', { name: 'Undo field changes' })).toHaveCount(0);
  await expect(app.getByRole('status')).toHaveText('Saved');
  // Back in its place: above the title, as in the file.
  const y = async (label: string) => (await app.getByLabel(label, { exact: true }).boundingBox())?.y ?? NaN;
  expect(await y('date')).toBeLessThan(await y('title'));
  await raw.click();
  await expect(raw).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByRole('textbox', { name: 'Front matter', exact: true })).toHaveValue(/^path:/);
  expect(await readFile(file, 'utf8')).toBe(original);
});
