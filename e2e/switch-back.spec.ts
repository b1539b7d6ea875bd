/**
 * Clicking another post and straight back before it has been read: the post clicked last is the
 * one shown, in the list and in the editor.
 */
import { expect, test } from './fixtures';

test('clicking away and straight back leaves the post clicked last open', async ({ app }, testInfo) => {
  testInfo.skip(
    testInfo.project.metadata.mode !== 'browser',
    'It holds one read over HTTP (browser mode) to keep it in flight; in Electron reads are IPC.',
  );
  const list = app.getByRole('listbox', { name: 'Posts' });
  const writing = list.getByRole('option', { name: 'Writing in Plain Text' });
  const features = list.getByRole('option', { name: 'Everything Markdown Can Do Here' });
  await writing.click();
  const title = app.getByLabel('title', { exact: true });
  await expect(title).toHaveValue('Writing in Plain Text');
  // The other post's read is held until the click back has been made.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await app.route('**/api/readPost', async (route) => {
    if (route.request().postData()?.includes('markdown-features') === true) await held;
    await route.continue();
  });
  const landed = app.waitForResponse(
    (response) =>
      response.url().endsWith('/api/readPost') && (response.request().postData() ?? '').includes('markdown-features'),
  );
  await features.click();
  await writing.click();
  release();
  await landed;
  // The answer handled and painted: two frames.
  for (let i = 0; i < 2; i++)
    await app.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await expect(title).toHaveValue('Writing in Plain Text');
  await expect(writing).toHaveAttribute('aria-selected', 'true');
  await expect(features).toHaveAttribute('aria-selected', 'false');
});
