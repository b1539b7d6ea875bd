/**
 * A folder of hundreds of posts: the list renders only the rows in view (renderer/preview/listWindow.ts),
 * keeps its height to the window, and still reaches every post by scrolling and by keyboard.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './fixtures';

const COUNT = 400;

test('a long list renders the rows in view, and every post is reachable', async ({ app, postsDir }) => {
  // Dated one day apart, oldest first: newest first in the list, after the three sample posts.
  for (let i = 0; i < COUNT; i++) {
    const date = new Date(Date.UTC(2010, 0, 1 + i)).toISOString().slice(0, 10);
    const title = `Numbered post ${String(i).padStart(3, '0')}`;
    await writeFile(path.join(postsDir, `n-${i}.md`), `---\ntitle: ${title}\ndate: ${date}\n---\nBody.\n`);
  }
  await app.reload();
  const list = app.getByRole('listbox', { name: 'Posts' });
  // The count is shown (and said apart, by a polite live region, once typing in the search box pauses).
  await expect(app.getByText(`${COUNT + 3} posts`).first()).toBeVisible();
  const options = list.getByRole('option');
  await expect(options.first()).toBeVisible();
  // Only a window of rows is in the page, and the list stays the height of its pane.
  expect(await options.count()).toBeLessThan(60);
  const box = await list.boundingBox();
  expect(box?.height ?? Infinity).toBeLessThan(1000);

  // The keyboard reaches the last post (oldest first: Numbered post 000), scrolling it into view.
  await options.first().focus();
  await app.keyboard.press('End');
  const last = list.getByRole('option', { name: 'Numbered post 000' });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-posinset', String(COUNT + 3));

  // Scrolling to the middle (away from the focused row) shows the rows there, and stays there:
  // row 205 is post 403 - 205 = 198.
  await list.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
  const middle = list.getByRole('option', { name: 'Numbered post 198' });
  await expect(middle).toBeInViewport();
  await expect(middle).toHaveAttribute('aria-posinset', '205');
  await middle.click();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Numbered post 198');
});

test('search results come a page at a time: "Show more" adds the next, and a new query starts at the top', async ({
  app,
  postsDir,
}) => {
  for (let i = 0; i < 100; i++) {
    const date = new Date(Date.UTC(2012, 0, 1 + i)).toISOString().slice(0, 10);
    await writeFile(
      path.join(postsDir, `walk-${i}.md`),
      `---\ntitle: Walk number ${String(i).padStart(3, '0')}\ndate: ${date}\n---\nBody.\n`,
    );
  }
  await app.reload();
  await expect(app.getByText('103 posts').first()).toBeVisible();
  const search = app.getByRole('searchbox', { name: 'Search posts' });
  await search.fill('walk');
  const results = app.getByRole('listbox', { name: 'Search results' });
  // The first page: 40 of the 100 found, and a button for the rest.
  await expect(app.getByText('100 posts found').first()).toBeVisible();
  await expect(results.getByRole('option')).toHaveCount(40);
  const more = app.getByRole('button', { name: 'Show more results (60 more)' });
  await more.click();
  await expect(results.getByRole('option')).toHaveCount(80);
  await expect(app.getByRole('button', { name: 'Show more results (20 more)' })).toBeVisible();

  // Scrolled down, then the query refined: its results start at the top, the first one the tab stop.
  await results.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect.poll(() => results.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  await search.press('End');
  await search.pressSequentially(' number 0');
  await expect(app.getByText('100 posts found').first()).toBeVisible();
  await expect(results.getByRole('option')).toHaveCount(40);
  await expect.poll(() => results.evaluate((element) => element.scrollTop)).toBe(0);
  await expect(results.getByRole('option').first()).toHaveAttribute('tabindex', '0');
  // "05": Walk number 005, and 050 to 059.
  await search.pressSequentially('5');
  await expect(app.getByText('11 posts found').first()).toBeVisible();
  await expect(results.getByRole('option')).toHaveCount(11);
  await expect(app.getByRole('button', { name: /Show more results/ })).toHaveCount(0);
});
