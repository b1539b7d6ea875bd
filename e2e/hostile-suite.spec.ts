/**
 * The hostile-post suite (e2e/fixtures/hostile) opened in the app, post by post, while we watch
 * for everything a post must never cause: the sentinel set, a dialog, a navigation, a popup, a
 * request leaving the app's origin, a file read from outside the posts folder, an active element,
 * handler or script URL in the preview, a Content-Security-Policy violation.
 */
import type { Page } from '@playwright/test';
import { HOSTILE_DIR, HOSTILE_POSTS, OUTSIDE_SECRET, plantOutside, sentinels } from '../electron/node/security/hostile';
import { test as base, expect } from './fixtures';
import { activeProblems, CSP_PROBE, PREVIEW_RULES } from './inert-dom';

/** Listing 78 hostile posts, or rendering the deepest of them, can take a while on a busy machine. */
const SLOW = 60_000;

// The CSP listener goes in before the app's own scripts run (browser mode opens `page`).
const test = base.extend({
  page: async ({ page }, use) => {
    await page.addInitScript(CSP_PROBE);
    await use(page);
  },
});

test.use({ postsSource: HOSTILE_DIR });
test.skip(HOSTILE_POSTS.length === 0, 'e2e/fixtures/hostile is missing');

/** What the page did while the posts were open. */
interface Watch {
  dialogs: string[];
  popups: string[];
  navigations: string[];
  foreign: string[];
  files: { url: string; body: Promise<Buffer> }[];
}

function watch(app: Page): Watch {
  const seen: Watch = { dialogs: [], popups: [], navigations: [], foreign: [], files: [] };
  const url = new URL(app.url());
  const origin = `${url.protocol}//${url.host}`;
  app.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  app.on('popup', (popup) => seen.popups.push(popup.url()));
  app.context().on('page', (page) => seen.popups.push(page.url()));
  app.on('framenavigated', (frame) => seen.navigations.push(frame.url()));
  app.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(`${origin}/`) && !/^(data|blob):/.test(target)) seen.foreign.push(target);
  });
  app.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/files/')) {
      seen.files.push({ url: response.url(), body: response.body().catch(() => Buffer.alloc(0)) });
    }
  });
  return seen;
}

async function openEvery(app: Page, postsDir: string, ids: readonly string[]): Promise<void> {
  // The judge itself must see what it is looking for (an inert document loads nothing).
  const planted = await app.evaluateHandle(() => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.innerHTML =
      '<img src="https://evil.example/x.png" onerror="x"><a href="javascript:x">j</a><iframe></iframe><p style="x">';
    return doc.body;
  });
  expect((await planted.evaluate(activeProblems, PREVIEW_RULES)).length).toBeGreaterThanOrEqual(5);
  await plantOutside(postsDir);
  const seen = watch(app);
  const startUrl = app.url();
  await app.evaluate(CSP_PROBE);
  // The planted handler above is itself reported (and blocked) by the CSP: start counting now.
  await app.evaluate(() => ((window as unknown as { __cspViolations?: string[] }).__cspViolations = []));
  const list = app.getByRole('listbox', { name: 'Posts' });
  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(list.getByRole('option')).toHaveCount(HOSTILE_POSTS.length, { timeout: SLOW });
  for (const id of ids) {
    const option = list.locator(`[role="option"][data-id="${id}"]`);
    // A click that lands while the list re-renders (a watcher refresh) is retried.
    await expect(async () => {
      await option.click({ timeout: 5000 });
      await expect(option).toHaveAttribute('aria-selected', 'true', { timeout: 5000 });
    }).toPass({ timeout: SLOW });
    await expect(preview).toContainText(`Hostile post ${id.slice(0, 2)} begins.`, { timeout: SLOW });
    await expect(preview).toHaveAttribute('aria-busy', 'false', { timeout: SLOW });
    expect(await preview.evaluate(activeProblems, PREVIEW_RULES), id).toEqual([]);
    expect(await preview.locator('article > div').first().evaluate(activeProblems, PREVIEW_RULES), id).toEqual([]);
    expect(await app.evaluate(() => '__pwned' in window), id).toBe(false);
    // Clicking what is left of a link may open another post, but never runs or navigates anything.
    for (const link of (await preview.locator('a[href]').all()).slice(0, 5)) {
      const href = (await link.getAttribute('href')) ?? '';
      if (!/^(https?|mailto):/i.test(href)) await link.click({ timeout: 2000 }).catch(() => undefined);
    }
    expect(seen.dialogs, id).toEqual([]);
    expect(seen.popups, id).toEqual([]);
    expect(seen.foreign, id).toEqual([]);
  }
  expect(app.url()).toBe(startUrl);
  expect(seen.navigations.filter((url) => url !== startUrl)).toEqual([]);
  expect(await app.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations)).toEqual([]);
  const bodies = await Promise.all(seen.files.map((file) => file.body));
  expect(bodies.filter((body) => body.includes(OUTSIDE_SECRET))).toEqual([]);
  expect(await sentinels()).toEqual([]);
  await expect(list).toBeVisible();
}

// Four parts, so two workers share the work and each test stays well inside its time budget on a loaded machine.
const PARTS = ['first', 'second', 'third', 'fourth'];
const size = Math.ceil(HOSTILE_POSTS.length / PARTS.length);
const QUARTERS: [string, readonly string[]][] = PARTS.map((name, i) => [
  name,
  HOSTILE_POSTS.slice(i * size, (i + 1) * size),
]);

for (const [name, ids] of QUARTERS) {
  test(`the ${name} quarter of the hostile posts opens as inert text`, async ({ app, postsDir }) => {
    test.setTimeout(300_000);
    await openEvery(app, postsDir, ids);
  });
}
