/**
 * The sample post most specs write in ("Writing in Plain Text", posts/writing-in-plain-text.md),
 * and the steps they share: open it, type at its end, change it on disk as another program would.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The post's file, relative to the posts folder. */
export const WRITING = 'writing-in-plain-text.md';
/** Its title in the list. */
export const WRITING_TITLE = 'Writing in Plain Text';

/** Opens the post and waits for its text in the editor; returns the Markdown field. */
export async function openWriting(app: Page): Promise<Locator> {
  await app.getByRole('option', { name: WRITING_TITLE }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await expect(markdown).toHaveValue(/Every few years/);
  return markdown;
}

/** Types `text` at the end of the open post in one input event (as a paste) and waits for "unsaved". */
export async function typeAtEnd(app: Page, text: string): Promise<void> {
  const markdown = app.getByLabel('Markdown', { exact: true });
  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  // One input event: typing key by key adds nothing here and is slow on a busy machine.
  await app.keyboard.insertText(text);
  await expect(app.getByRole('status')).toContainText(/unsaved/i);
}

/** Rewrites a post on disk the way another program would: `from` (which must be there) replaced by `to`. */
export async function changeOnDisk(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

/** What the author adds before the file changes on disk, in compareWithDisk. */
const MINE = '\nOnly in mine.';

/**
 * The post opened and edited (MINE at its end), `from` changed to `to` on disk by another program,
 * and the banner's Compare pressed: the Compare region and the Markdown field.
 */
export async function compareWithDisk(
  app: Page,
  file: string,
  from: string,
  to: string,
): Promise<{ compare: Locator; markdown: Locator }> {
  const markdown = await openWriting(app);
  await typeAtEnd(app, MINE);
  await changeOnDisk(file, from, to);
  await app.getByRole('alert').getByRole('button', { name: 'Compare' }).click();
  return { compare: app.getByRole('region', { name: 'Compare' }), markdown };
}

/** Switches autosave on in Settings, as a writer would. */
export async function turnOnAutosave(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Settings' }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Autosave').check();
  await settings.getByRole('button', { name: 'Done' }).click();
}
