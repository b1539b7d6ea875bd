/**
 * Small windows and 200% zoom (700×450 is 1400×900 at 200%), checked by geometry: after a new
 * post opens its front matter, the editor keeps room to write; the add-field row never overlaps
 * its value box; the post list leaves most of the width to the writing; the folder's name is not
 * cut short. Screenshots in both themes go to /tmp/fix-new-shots.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const SHOTS = process.env.PW_NARROW_SHOTS ?? '/tmp/fix-new-shots';

test.describe.configure({ timeout: 120_000 });

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error(`${locator.toString()} has no box`);
  return found;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** How much of an element shows: its box cut by every ancestor that clips its overflow, and by the window. */
async function shownHeight(locator: Locator): Promise<{ height: number; bottom: number }> {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    let top = Math.max(rect.top, 0);
    let bottom = Math.min(rect.bottom, window.innerHeight);
    for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowY === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      top = Math.max(top, clip.top);
      bottom = Math.min(bottom, clip.bottom);
    }
    return { height: Math.max(0, bottom - top), bottom };
  });
}

async function newPost(app: Page, title: string): Promise<void> {
  await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
  const dialog = app.getByRole('dialog', { name: 'New post' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue(title);
  await expect(
    app.getByRole('region', { name: 'Front matter' }).getByRole('button', { name: 'Front matter' }),
  ).toHaveAttribute('aria-expanded', 'true');
}

for (const size of [
  { width: 560, height: 700 },
  { width: 700, height: 450 },
]) {
  test(`at ${size.width}×${size.height} a new post leaves room to write, in both themes`, async ({ app }) => {
    await app.setViewportSize(size);
    await newPost(app, 'A Small Window');
    const markdown = app.getByLabel('Markdown', { exact: true });
    const statusBar = app.getByRole('contentinfo');
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      const label = `${scheme} ${size.width}×${size.height}`;
      await app.screenshot({ path: `${SHOTS}/${size.width}x${size.height}-${scheme}.png` });

      // The editor's text area: at least 200 px of it shown, above the status bar.
      const editor = await box(markdown);
      expect(editor.height, label).toBeGreaterThanOrEqual(200);
      const shown = await shownHeight(markdown);
      expect(shown.height, label).toBeGreaterThanOrEqual(200);
      expect(shown.bottom, label).toBeLessThanOrEqual((await box(statusBar)).y + 1);

      // The post list leaves most of the width to the writing.
      const sidebar = await box(app.getByRole('navigation', { name: 'Posts folder' }));
      expect(sidebar.width / size.width, label).toBeLessThanOrEqual(0.35);

      // The add-field row: Add field never lies over the value box (scrolled into the front matter's view).
      const add = app.getByRole('button', { name: 'Add field' });
      await add.scrollIntoViewIfNeeded();
      const value = await box(app.getByLabel('Field value'));
      const key = await box(app.getByLabel('Field name'));
      const button = await box(add);
      expect(overlaps(button, value), label).toBe(false);
      expect(overlaps(button, key), label).toBe(false);
      expect(value.width, label).toBeGreaterThanOrEqual(100);
      expect(button.x + button.width, label).toBeLessThanOrEqual(size.width);
    }
  });
}

test('the folder’s name is not cut short in a narrow window', async ({ app }) => {
  for (const width of [900, 700]) {
    await app.setViewportSize({ width, height: 700 });
    const name = app.getByRole('navigation', { name: 'Posts folder' }).getByRole('heading', { level: 1 });
    const cut = await name.evaluate(
      (element) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight,
    );
    expect(cut, `${width} px`).toBe(false);
    // Its buttons are still there, beside or under it, within the list.
    await expect(
      app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }),
    ).toBeInViewport();
  }
  await app.screenshot({ path: `${SHOTS}/folder-700.png` });
});
