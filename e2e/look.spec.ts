/**
 * The layout facts a writer sees, checked by geometry rather than pixels: the front matter folds
 * to one line on a laptop screen and opens on demand, the status row's buttons never overlap the
 * status bar at common window sizes in either theme, and the palette keeps text readable.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const LAPTOP = { width: 1366, height: 768 };
const TITLE = 'Writing in Plain Text';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: LAPTOP });

async function openPost(app: Page, name: string | RegExp): Promise<void> {
  await app.getByRole('option', { name }).click();
  await expect(app.getByLabel('Markdown', { exact: true })).toBeVisible();
}

function frontMatter(app: Page): { region: Locator; toggle: Locator } {
  const region = app.getByRole('region', { name: 'Front matter' });
  return { region, toggle: region.getByRole('button', { name: 'Front matter' }) };
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error(`${locator.toString()} has no box`);
  return found;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('on a laptop screen the front matter folds to one line and opens on demand', async ({ app }) => {
  await openPost(app, TITLE);
  const { region, toggle } = frontMatter(app);
  const title = app.getByLabel('title', { exact: true });

  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(title).toBeHidden();
  await expect(region).toContainText(`${TITLE} · 2026-11-20 · 3 fields · YAML`);
  expect((await box(region)).height).toBeLessThanOrEqual(48);
  // The writing starts in the top quarter of the window, not under a third of it in form.
  const markdown = await box(app.getByLabel('Markdown', { exact: true }));
  expect(markdown.y).toBeLessThan(LAPTOP.height / 4);
  // The path tools fold with the form; the file's own actions stay in the bar above the post.
  await expect(app.getByRole('button', { name: 'Generate from title' })).toBeHidden();
  await expect(app.getByRole('toolbar', { name: 'Post' }).getByRole('button', { name: 'Rename file…' })).toBeVisible();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(title).toBeVisible();
  await expect(app.getByRole('button', { name: 'Generate from title' })).toBeVisible();
  await expect(toggle).toBeFocused();

  // Keyboard: Space folds it again and focus stays on the button rather than falling to the page.
  await region.getByRole('button', { name: 'Raw' }).focus();
  await app.keyboard.press('Shift+Tab');
  await expect(toggle).toBeFocused();
  await app.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(title).toBeHidden();
});

test('the choice lasts the session: the next post opens the way the author left the last', async ({ app }) => {
  await openPost(app, TITLE);
  await frontMatter(app).toggle.click();
  await openPost(app, 'Notes on Revision');
  await expect(frontMatter(app).toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Notes on Revision');

  await frontMatter(app).toggle.click();
  await app.reload();
  await openPost(app, TITLE);
  await expect(frontMatter(app).toggle).toHaveAttribute('aria-expanded', 'false');
});

test('a block that cannot be read opens by itself; a new post shows its fields', async ({ app, postsDir }) => {
  await writeFile(path.join(postsDir, 'broken.md'), '---\ntitle: "Broken\ndate: 2024-01-02\n---\n\nBody.\n');
  await openPost(app, /broken/i);
  // The title comes from the file name, never from the lines of the block that failed to parse.
  await expect(app.getByRole('region', { name: 'Preview' })).not.toContainText('date: 2024');
  const { region, toggle } = frontMatter(app);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(region.getByRole('note')).toContainText(/error/i);
  await toggle.click();
  await expect(region).toContainText('Cannot be read');

  await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
  await app.getByRole('dialog').getByLabel('Title').fill('Fresh Ideas');
  await app.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(app.getByLabel('title', { exact: true })).toHaveValue('Fresh Ideas');
  await expect(frontMatter(app).toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(app.getByLabel('title', { exact: true })).toBeVisible();
});

test('the focus-mode button never overlaps the status bar', async ({ app }) => {
  await openPost(app, TITLE);
  const focus = app.getByRole('button', { name: 'Focus mode' });
  // The window's footer holds the button too; the status bar's own parts are what it must not cover.
  const statusBar = app.getByRole('contentinfo');
  const counts = statusBar.getByRole('group', { name: /^Length of/ });
  const items = [
    app.getByRole('status'),
    statusBar.getByText(/words?/).first(),
    statusBar.getByText('writing-in-plain-text.md'),
  ];
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    for (const size of [LAPTOP, { width: 1024, height: 700 }, { width: 1920, height: 1080 }]) {
      await app.setViewportSize(size);
      for (const focusMode of [false, true]) {
        if (focusMode) await focus.click();
        const button = await box(focus);
        const label = `${scheme} ${size.width}×${size.height}${focusMode ? ' focus mode' : ''}`;
        expect(overlaps(button, await box(counts)), label).toBe(false);
        for (const item of items) expect(overlaps(button, await box(item)), label).toBe(false);
        expect(button.x + button.width, label).toBeLessThanOrEqual(size.width);
        expect(button.y + button.height, label).toBeLessThanOrEqual(size.height);
        if (focusMode) await app.keyboard.press('Escape');
      }
    }
  }
});

/** The WCAG contrast of the palette's text colours on their backgrounds, as the browser resolves them. */
async function weakPairs(app: Page): Promise<string[]> {
  return app.evaluate(() => {
    const pairs: [string, string[]][] = [
      ['--ink', ['--paper', '--surface', '--surface-2', '--selected', '--code-bg', '--warn-bg', '--danger-bg']],
      ['--ink-soft', ['--paper', '--surface', '--surface-2']],
      ['--muted', ['--paper', '--surface', '--surface-2', '--selected', '--code-bg']],
      ['--accent', ['--paper', '--surface', '--accent-soft', '--selected']],
      ['--accent-ink', ['--accent']],
      ['--warn', ['--warn-bg', '--paper', '--surface']],
      ['--danger', ['--danger-bg', '--paper', '--surface']],
      ['--paper', ['--danger']],
      ['--dirty', ['--paper', '--surface']],
      ['--syntax-keyword', ['--code-bg']],
      ['--syntax-string', ['--code-bg']],
      ['--syntax-number', ['--code-bg']],
      ['--syntax-title', ['--code-bg']],
      ['--syntax-attr', ['--code-bg']],
    ];
    const probe = document.createElement('span');
    document.body.append(probe);
    const rgb = (name: string): number[] => {
      probe.style.color = `var(${name})`;
      return (getComputedStyle(probe).color.match(/[\d.]+/g) ?? []).map(Number);
    };
    const luminance = (channels: number[]): number => {
      const [r = 0, g = 0, b = 0] = channels.map((c) => {
        const v = c / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const weak: string[] = [];
    for (const [text, backgrounds] of pairs) {
      for (const background of backgrounds) {
        const [high, low] = [luminance(rgb(text)), luminance(rgb(background))].sort((a, b) => b - a);
        const ratio = ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
        if (ratio < 4.5) weak.push(`${text} on ${background}: ${ratio.toFixed(2)}`);
      }
    }
    probe.remove();
    return weak;
  });
}

test('one palette, readable in both themes, and a forced theme reaches the editor too', async ({ app }) => {
  const paper = (): Promise<string> => app.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await app.emulateMedia({ colorScheme: 'light' });
  expect(await weakPairs(app)).toEqual([]);
  const lightPaper = await paper();
  await app.emulateMedia({ colorScheme: 'dark' });
  expect(await weakPairs(app)).toEqual([]);
  const darkPaper = await paper();
  expect(darkPaper).not.toBe(lightPaper);

  // The system says light; Settings says dark: the page and the Markdown editor both go dark.
  await app.emulateMedia({ colorScheme: 'light' });
  await openPost(app, TITLE);
  await app.getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('dialog', { name: 'Settings' }).getByLabel('Theme').selectOption('dark');
  await app.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Done' }).click();
  expect(await paper()).toBe(darkPaper);
  expect(await weakPairs(app)).toEqual([]);
  // What shows behind the Markdown text: the first ancestor with a background of its own.
  const editorBackground = await app.getByLabel('Markdown', { exact: true }).evaluate((area) => {
    for (let element: Element | null = area; element !== null; element = element.parentElement) {
      const colour = getComputedStyle(element).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
    }
    return 'none';
  });
  expect(editorBackground).toBe(darkPaper);
});
