/**
 * Footnotes and reference links in the live preview: the preview renders a post block by block,
 * and a footnote's number or a reference's address comes from other blocks. Typing a new note
 * before the old one renumbers both and reorders the list; typing a reference's definition at
 * the end makes its use, far above, a link (that the blocks equal a whole render, as the export
 * renders, is renderer/preview/blockRender.test.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const FEATURES = 'Everything Markdown Can Do Here';

/** Puts the caret right after `after` (which must be in the post) and types `text` as one input. */
async function insertAfter(app: Page, markdown: Locator, after: string, text: string): Promise<void> {
  await markdown.click();
  await markdown.evaluate((area: HTMLTextAreaElement, mark: string) => {
    const at = area.value.indexOf(mark);
    if (at === -1) throw new Error(`"${mark}" is not in the post`);
    area.setSelectionRange(at + mark.length, at + mark.length);
  }, after);
  await app.keyboard.insertText(text);
}

test('a footnote typed before another renumbers both and leads the list; a reference defined below links above', async ({
  app,
}) => {
  await app.getByRole('option', { name: FEATURES }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await expect(markdown).toHaveValue(/\[\^why\]: One plugin list/);
  const preview = app.getByRole('region', { name: 'Preview' });
  const notes = preview.getByRole('list').last();
  await expect(preview.getByRole('link', { name: '1', exact: true })).toHaveAttribute('href', '#user-content-fn-why');
  await expect(notes.getByRole('listitem')).toHaveText([/^\s*One plugin list renders both/]);

  // A call in the first paragraph, its note written at the end (the caret's block and the last block).
  await insertAfter(app, markdown, 'both render.', ' Or so we hope.[^hope]');
  await insertAfter(app, markdown, 'what you publish.', '\n\n[^hope]: A note typed just now.');
  await expect(preview.getByRole('link', { name: '2', exact: true })).toHaveAttribute('href', '#user-content-fn-why');
  await expect(preview.getByRole('link', { name: '1', exact: true })).toHaveAttribute('href', '#user-content-fn-hope');
  await expect(notes.getByRole('listitem')).toHaveText([
    /^\s*A note typed just now\./,
    /^\s*One plugin list renders both/,
  ]);

  // A reference link in the tables' section, its definition at the very end.
  await insertAfter(app, markdown, '## Tables\n', '\nSee [the table guide][guide].\n');
  await expect(preview.getByText('See [the table guide][guide].')).toBeVisible();
  await insertAfter(app, markdown, 'A note typed just now.', '\n\n[guide]: https://example.com/tables "Tables"');
  await expect(preview.getByRole('link', { name: 'the table guide' })).toHaveAttribute(
    'href',
    'https://example.com/tables',
  );
});
