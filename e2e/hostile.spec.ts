/**
 * Hostile posts run nothing: every trap in e2e/fixtures/hostile-posts is opened in the preview
 * while we watch for the sentinel, dialogs, navigation, popups and requests leaving the app.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test, expect, projectRoot } from './fixtures';

test.use({ postsSource: path.join(projectRoot, 'e2e/fixtures/hostile-posts') });

const POSTS = ["Hostile <script>window.__pwned = 'title'</script>", 'Climbing out'];

test('hostile posts render as inert text', async ({ app }) => {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  const popups: string[] = [];
  app.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  app.on('popup', (popup) => popups.push(popup.url()));
  const origin = new URL(app.url()).origin;
  app.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url);
  });
  const startUrl = app.url();

  for (const name of POSTS) {
    await app.getByRole('option', { name }).click();
    const preview = app.getByRole('region', { name: 'Preview' });
    await expect(preview).toBeVisible();
    await expect(app.getByLabel('title', { exact: true })).toHaveValue(name);
  }
  await app.getByRole('option', { name: POSTS[0] }).click();
  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('The end of the traps.');
  // Click every link the sanitizer left: none may navigate the app or run anything.
  for (const link of await preview.getByRole('link').all()) await link.click({ modifiers: [] }).catch(() => undefined);

  const dom = await preview.evaluate((root) => {
    const bad: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (
        [
          'script',
          'iframe',
          'object',
          'embed',
          'base',
          'meta',
          'form',
          'style',
          'link',
          'svg',
          'picture',
          'source',
        ].includes(tag)
      )
        bad.push(tag);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcset') bad.push(`${tag}[${attr.name}]`);
        if (
          /^(href|src|action|data)$/i.test(attr.name) &&
          /^\s*(javascript|vbscript|data:text|file):/i.test(attr.value)
        )
          bad.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
    return bad;
  });
  expect(dom).toEqual([]);
  expect(await app.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(popups).toEqual([]);
  expect(foreign).toEqual([]);
  expect(app.url()).toBe(startUrl);
  await expect(app.getByRole('listbox', { name: 'Posts' })).toBeVisible();
});

test('JavaScript front matter is shown as text and never run', async ({ app }) => {
  await app.getByRole('option', { name: /js-front-matter|JS front matter/ }).click();
  await expect(app.getByText(/never run/i).first()).toBeVisible();
  await expect(app.getByRole('region', { name: 'Preview' })).toContainText('It must never run.');
  expect(existsSync('/tmp/postwright-pwned')).toBe(false);
});
