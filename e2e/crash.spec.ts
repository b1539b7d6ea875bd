/**
 * A render that throws never leaves a blank window: the crash screen says what happened, that the
 * posts on disk are untouched and unsaved edits are in the journal, and reloads on request.
 */
import { test, expect } from './fixtures';

test('a render that throws shows the crash screen, and Reload brings the app back', async ({ app }) => {
  // A fault injected into this page only: the status bar's word count ("1 min read") formats a
  // number while it is drawn, so opening a post now throws in the middle of a render.
  await app.evaluate(() => {
    Number.prototype.toLocaleString = () => {
      throw new Error('Injected by the test');
    };
  });
  await app.getByRole('option', { name: 'Writing in Plain Text' }).click();
  const crash = app.getByRole('main', { name: 'Postwright hit an error and stopped drawing this window' });
  await expect(crash).toBeVisible();
  await expect(crash).toContainText('Your posts on disk are as they were');
  await expect(crash).toContainText('Injected by the test');
  await expect(crash.getByRole('button', { name: 'Reload' })).toBeFocused();

  // The reload starts a fresh page, without the fault.
  await crash.getByRole('button', { name: 'Reload' }).click();
  await expect(app.getByRole('option', { name: 'Writing in Plain Text' })).toBeVisible();
  await expect(crash).toHaveCount(0);
});
