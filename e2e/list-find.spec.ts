/**
 * Finding a post in a Jekyll blog (e2e/fixtures/list-jekyll-blog): posts dated and titled by their
 * file names when the front matter does not say, drafts kept in `_drafts/`, and a search blind to
 * accents (one post's text is written with a combining accent, as macOS saves it).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, projectRoot, test } from './fixtures';

test.use({ postsSource: path.join(projectRoot, 'e2e/fixtures/list-jekyll-blog') });
test.describe.configure({ timeout: 120_000 });

test('lists Jekyll posts by the dates and titles of their file names, and _drafts as drafts', async ({ app }) => {
  const options = app.getByRole('listbox', { name: 'Posts' }).getByRole('option');
  await expect(options).toHaveText([/^Café notes/, /^Hello world/, /^Unfinished thoughts/]);
  await expect(app.getByRole('option', { name: 'Hello world' })).toContainText('1 January 2019');
  await expect(app.getByRole('option', { name: 'Café notes' })).toContainText('5 May 2020');
  await expect(app.getByRole('option', { name: 'Unfinished thoughts' })).toContainText('Draft');

  await app.getByLabel('Show').selectOption({ label: 'Drafts' });
  await expect(options).toHaveText([/^Unfinished thoughts/]);
  await app.getByLabel('Show').selectOption({ label: 'Published' });
  await expect(options).toHaveText([/^Café notes/, /^Hello world/]);
});

test('finds posts by words typed without their accents, in titles and in text', async ({ app }) => {
  const search = app.getByRole('searchbox', { name: 'Search posts' });
  const results = app.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await search.fill('cafe');
  await expect(results).toHaveText([/^Café notes/]);
  await search.fill('zurich');
  await expect(results).toHaveText([/^Café notes/]);
  // The line as the file has it: `u` and a combining diaeresis.
  await expect(results.first()).toContainText('We met in Zu\u0308rich');
  await search.fill('ZÜRICH station');
  await expect(results).toHaveText([/^Café notes/]);
});

test('a search result says its post’s date and whether it is a draft, as the list does', async ({ app }) => {
  const search = app.getByRole('searchbox', { name: 'Search posts' });
  const results = app.getByRole('listbox', { name: 'Search results' });
  await search.fill('o');
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await expect(results.getByRole('option', { name: 'Hello world' })).toHaveAccessibleDescription(/^1 January 2019/);
  await expect(results.getByRole('option', { name: 'Unfinished thoughts' })).toHaveAccessibleDescription(/Draft/);
  await expect(results.getByRole('option', { name: 'Hello world' })).not.toHaveAccessibleDescription(/Draft/);
});

test('moves through the list by typing the start of a title, and through the results with Home and End', async ({
  app,
}) => {
  const posts = app.getByRole('listbox', { name: 'Posts' });
  await posts.getByRole('option', { name: 'Café notes' }).focus();
  await app.keyboard.press('u');
  await expect(posts.getByRole('option', { name: 'Unfinished thoughts' })).toBeFocused();
  await app.keyboard.press('Home');
  await expect(posts.getByRole('option', { name: 'Café notes' })).toBeFocused();
  await app.keyboard.press('h');
  await expect(posts.getByRole('option', { name: 'Hello world' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(posts.getByRole('option', { name: 'Hello world' })).toHaveAttribute('aria-selected', 'true');

  const search = app.getByRole('searchbox', { name: 'Search posts' });
  const results = app.getByRole('listbox', { name: 'Search results' });
  await search.fill('o');
  await expect(results.getByRole('option')).toHaveCount(3);
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await search.press('ArrowDown');
  await expect(results.getByRole('option').first()).toBeFocused();
  await app.keyboard.press('End');
  await expect(results.getByRole('option').last()).toBeFocused();
  await app.keyboard.press('Home');
  await expect(results.getByRole('option').first()).toBeFocused();
});

test('filters by category, as Jekyll files posts under `categories` or `category`, in any case', async ({ app }) => {
  const options = app.getByRole('listbox', { name: 'Posts' }).getByRole('option');
  const category = app.getByLabel('Category');
  await expect(category.getByRole('option')).toHaveText(['Any', 'travel (2)', 'food (1)']);
  await category.selectOption({ label: 'travel (2)' });
  await expect(options).toHaveText([/^Café notes/, /^Hello world/]);
  await category.selectOption({ label: 'food (1)' });
  await expect(options).toHaveText([/^Café notes/]);
});

test('a search under the Drafts filter finds the draft, however many published posts share the word', async ({
  app,
  postsDir,
}) => {
  // Sixty newer posts with the word in their text: more than one answer of the full-text search holds.
  for (let i = 0; i < 60; i++) {
    await writeFile(
      path.join(postsDir, '_posts', `2024-02-${String((i % 28) + 1).padStart(2, '0')}-note-${i}.md`),
      `---\ntitle: Note ${i}\n---\nA walk by the river.\n`,
    );
  }
  await expect(app.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: /^Note 59/ })).toBeVisible();
  await app.getByLabel('Show').selectOption({ label: 'Drafts' });
  const search = app.getByRole('searchbox', { name: 'Search posts' });
  await search.fill('river');
  const results = app.getByRole('listbox', { name: 'Search results' });
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await expect(results.getByRole('option')).toHaveText([/^Unfinished thoughts/]);
});

test('a search that finds nothing says so where the results would be', async ({ app }) => {
  const search = app.getByRole('searchbox', { name: 'Search posts' });
  await search.fill('nothing like this');
  await expect(app.getByText('No post has “nothing like this” in its title, path, tags or text.')).toBeVisible();
  await app.getByLabel('Show').selectOption({ label: 'Drafts' });
  await expect(
    app.getByText('No post has “nothing like this” in its title, path, tags or text among those the filters show.'),
  ).toBeVisible();
  await search.fill('river');
  await expect(app.getByText(/^No post has/)).toHaveCount(0);
});
