/**
 * Finding posts and filling in their front matter, on a temporary copy of e2e/fixtures/find-blog:
 * sorting by a key only this blog has, filtering by tag, tag suggestions that keep each post's
 * list style on disk, and the broken-image hint. Screenshots go to $PW_SHOTS when it is set.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, projectRoot, test } from './fixtures';

const SHOTS = process.env.PW_SHOTS;

test.use({ postsSource: path.join(projectRoot, 'e2e/fixtures/find-blog') });
// Each test drives a whole server and browser; on a loaded two-core machine that can take a minute.
test.describe.configure({ timeout: 120_000 });

/** Screenshots of the page in light and in dark, when screenshots are wanted. */
async function shoot(app: Page, name: string): Promise<void> {
  if (SHOTS === undefined) return;
  await mkdir(SHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme });
    await app.screenshot({ path: `${SHOTS}/${name}-${colorScheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });
}

async function save(app: Page): Promise<void> {
  await app.keyboard.press('ControlOrMeta+s');
  await expect(app.getByRole('status')).toHaveText('Saved');
}

test('sorts by a front-matter key only this blog has, numbers by value, missing last both ways', async ({ app }) => {
  const options = app.getByRole('listbox', { name: 'Posts' }).getByRole('option');
  await expect(options).toHaveCount(3);
  const sort = app.getByLabel('Sort by');
  await expect(sort.getByRole('option')).toContainText(['Date', 'Title', 'author (2)', 'categories (2)', 'weight (2)']);
  await sort.selectOption({ label: 'weight (2)' });
  await expect(options).toHaveText([/Block Tags Post/, /Flow Tags Post/, /No Weight/]);
  await expect(options.first()).toContainText('weight: 9');
  await expect(options.last()).toContainText('No weight');
  await app.getByRole('button', { name: 'Ascending order' }).click();
  await expect(options).toHaveText([/Flow Tags Post/, /Block Tags Post/, /No Weight/]);
  await shoot(app, 'sort-by-weight');
});

test('filters by tag', async ({ app }) => {
  const options = app.getByRole('listbox', { name: 'Posts' }).getByRole('option');
  await app.getByLabel('Tag', { exact: true }).selectOption({ label: 'rust (2)' });
  await expect(options).toHaveText([/Block Tags Post/, /No Weight/]);
  await app.getByLabel('Tag', { exact: true }).selectOption({ label: 'css (1)' });
  await expect(options).toHaveText([/Flow Tags Post/]);
});

test('tag suggestions: keyboard and mouse, each list saved in its own style', async ({ app, postsDir }) => {
  await app.getByRole('option', { name: 'Block Tags Post' }).click();
  const tags = app.getByRole('combobox', { name: 'tags', exact: true });
  await expect(tags).toHaveValue('astro, rust');
  await tags.click();
  await tags.press('End');
  await tags.pressSequentially(', c');
  const suggestions = app.getByRole('listbox', { name: 'Suggestions for tags' });
  await expect(tags).toHaveAttribute('aria-expanded', 'true');
  await expect(suggestions.getByRole('option')).toHaveText([/css\s*1 post/]);
  await tags.press('ArrowDown');
  const active = suggestions.getByRole('option', { name: 'css' });
  await expect(active).toHaveAttribute('aria-selected', 'true');
  await expect(tags).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id')) ?? 'missing');
  await shoot(app, 'tag-suggestions');
  await tags.press('Enter');
  await expect(tags).toHaveValue('astro, rust, css, ');
  await expect(tags).toHaveAttribute('aria-expanded', 'false');
  await save(app);
  await expect
    .poll(() => readFile(path.join(postsDir, 'block-tags.md'), 'utf8'))
    .toContain('tags:\n  - astro\n  - rust\n  - css\nweight: 9\n');

  await app.getByRole('option', { name: 'Flow Tags Post' }).click();
  const flowTags = app.getByRole('combobox', { name: 'tags', exact: true });
  await expect(flowTags).toHaveValue('astro, css');
  await flowTags.click();
  await flowTags.press('End');
  await flowTags.pressSequentially(', r');
  await expect(app.getByRole('listbox', { name: 'Suggestions for tags' }).getByRole('option')).toHaveText([
    /rust\s*2 posts/,
  ]);
  await flowTags.press('Escape');
  await expect(flowTags).toHaveAttribute('aria-expanded', 'false');
  await flowTags.press('ArrowDown');
  await app.getByRole('listbox', { name: 'Suggestions for tags' }).getByRole('option', { name: 'rust' }).click();
  await expect(flowTags).toHaveValue('astro, css, rust, ');
  await expect(flowTags).toBeFocused();
  await save(app);
  await expect
    .poll(() => readFile(path.join(postsDir, 'flow-tags.md'), 'utf8'))
    .toBe(
      '---\ntitle: "Flow Tags Post"\ndate: 2024-03-01\ntags: [astro, css, rust]\nweight: 10\nauthor: Ada\n' +
        'categories: [Web, Design]\n---\n\nA post whose tags are a flow list.\n',
    );
});

test('categories are suggested from the other posts too', async ({ app }) => {
  await app.getByRole('option', { name: 'Block Tags Post' }).click();
  const categories = app.getByRole('combobox', { name: 'categories', exact: true });
  await categories.click();
  await categories.press('End');
  await categories.pressSequentially(', d');
  await expect(app.getByRole('listbox', { name: 'Suggestions for categories' }).getByRole('option')).toHaveText([
    /Design/,
  ]);
});

test('the hints flag an image that is not in the posts folder, not the one that is', async ({ app }) => {
  await app.getByRole('option', { name: 'No Weight' }).click();
  const hints = app.getByRole('region', { name: 'Hints' });
  await hints.getByText('Hints').click();
  await expect(hints.getByText('The image images/missing.png is not in the posts folder.')).toBeVisible();
  await expect(hints.getByText(/present\.png/)).toHaveCount(0);
  await expect(app.getByRole('region', { name: 'Preview' }).getByRole('img', { name: 'A gradient' })).toBeVisible();
  await shoot(app, 'broken-image-hint');
});
