/**
 * The small things writers rely on while writing: the length of the post and of the selection in
 * the status bar, scroll sync between the editor and the preview (both ways, anchored on blocks,
 * no bounce, and off when switched off), and the settings that shape the page (font size, preview
 * width, theme), each applied at once and kept across a reload. Screenshots go to /tmp/write-shots.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const SHOTS = '/tmp/write-shots';
const FEATURES = 'Everything Markdown Can Do Here';
const LONG = 'A Long Post With Many Sections';

test.describe.configure({ timeout: 120_000 });

/**
 * A post whose editor and preview heights differ unevenly along the way: an HTML comment near the
 * start is tall in the editor and absent from the preview, and paragraphs written on short lines
 * are taller in the editor than in the preview, so a plain ratio puts the wrong section in view.
 * No source line is long enough to wrap, so a line's place in the editor is its number times the
 * line height: the test measures the editor without the app's own measuring.
 */
function longPost(title: string, count: number, noteLines: number): string {
  const sections: string[] = [];
  for (let n = 1; n <= count; n++) {
    sections.push(`## Section ${n}`, '');
    sections.push(
      `Section ${n} opens with a paragraph`,
      'written on short lines in the source,',
      'which the preview joins up.',
      '',
    );
    if (n === 5)
      sections.push('<!--', ...Array<string>(noteLines).fill('A note to self, hidden from readers.'), '-->', '');
    if (n % 7 === 0) sections.push('```text', 'short code', '```', '');
    sections.push(`- a point about section ${n}`, '- another point', '', `The last paragraph of section ${n}.`, '');
  }
  return `---\ntitle: "${title}"\ndate: 2026-12-01\n---\n\n${sections.join('\n')}`;
}

async function openPost(app: Page, name: string): Promise<Locator> {
  await app.getByRole('option', { name }).click();
  const markdown = app.getByLabel('Markdown', { exact: true });
  await expect(markdown).toBeVisible();
  return markdown;
}

async function shoot(app: Page, name: string, target?: Locator): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    const file = path.join(SHOTS, `${name}-${scheme}.png`);
    await (target ?? app).screenshot({ path: file });
  }
  await app.emulateMedia({ colorScheme: 'light' });
}

function lengthGroup(app: Page): Locator {
  return app.getByRole('group', { name: /^Length of the/ });
}

test('the status bar counts words, characters and reading time, and the selection too', async ({ app }) => {
  const markdown = await openPost(app, FEATURES);
  const length = lengthGroup(app);
  // Counted by hand: tables, lists and footnotes count; the code block, the image and the link address do not.
  await expect(length).toHaveText(/^100 words\s*·,\s*[\d,]+ characters\s*·,\s*1 min read$/);
  await expect(app.getByRole('group', { name: 'Length of the post' })).toBeVisible();

  await markdown.click();
  await markdown.press('ControlOrMeta+End');
  await markdown.pressSequentially('\nThree more words');
  await expect(length).toContainText('103 words');

  // Put the caret before the quote, then select it (5 words; 42 characters once the quote marker is left out) with the keyboard.
  await markdown.evaluate((area: HTMLTextAreaElement) => {
    const at = area.value.indexOf('> Simplicity');
    area.setSelectionRange(at, at);
  });
  await markdown.press('Shift+End');
  await expect(length).toContainText('5 of 103 words');
  await expect(length).toContainText('42 of ');
  await expect(app.getByRole('group', { name: 'Length of the selection and the post' })).toBeVisible();
  await shoot(app, 'status-bar', app.getByRole('contentinfo'));

  await markdown.press('ArrowRight');
  await expect(length).toContainText('103 words');
  await expect(length).not.toContainText(' of ');
});

/** How the editor is scrolled, and where a (not wrapping) line of it starts below the top of its visible part. */
async function editorState(app: Page, line = ''): Promise<{ scrollTop: number; scrollMax: number; lineTop: number }> {
  return app.getByLabel('Markdown', { exact: true }).evaluate((area: HTMLTextAreaElement, text) => {
    // What scrolls: the text area itself in a long post, else the first scrolling box around it.
    let scroller: HTMLElement | null = area;
    while (scroller !== null) {
      const overflow = getComputedStyle(scroller).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && scroller.scrollHeight > scroller.clientHeight + 1) break;
      scroller = scroller.parentElement;
    }
    if (scroller === null) throw new Error('the editor does not scroll');
    const style = getComputedStyle(area);
    const index = area.value.split('\n').indexOf(text);
    const offset = parseFloat(style.paddingTop) + index * parseFloat(style.lineHeight);
    // A text area that scrolls itself moves its text by scrollTop; one that grows moves with its box.
    const lineTop =
      scroller === area
        ? offset - area.scrollTop
        : area.getBoundingClientRect().top - scroller.getBoundingClientRect().top + offset;
    return {
      scrollTop: scroller.scrollTop,
      scrollMax: scroller.scrollHeight - scroller.clientHeight,
      lineTop: index === -1 ? Number.NaN : lineTop,
    };
  }, line);
}

async function editorLineTop(app: Page, line: string): Promise<number> {
  const { lineTop } = await editorState(app, line);
  if (Number.isNaN(lineTop)) throw new Error(`no line ${line}`);
  return lineTop;
}

/** Where an element starts, in pixels below the top of the preview's visible area. */
async function previewTop(app: Page, element: Locator): Promise<number> {
  const preview = await app.getByRole('region', { name: 'Preview' }).boundingBox();
  const box = await element.boundingBox();
  if (preview === null || box === null) throw new Error('not laid out');
  return box.y - preview.y;
}

/** Puts the mouse over the editor's visible text (hover() would scroll a tall text area to its middle). */
async function pointAtEditor(app: Page): Promise<void> {
  const area = await app.getByLabel('Markdown', { exact: true }).boundingBox();
  const preview = await app.getByRole('region', { name: 'Preview' }).boundingBox();
  if (area === null || preview === null) throw new Error('not laid out');
  await app.mouse.move(area.x + 60, preview.y + 120);
}

async function scrollTops(app: Page): Promise<{ editor: number; preview: number }> {
  const { scrollTop: editor } = await editorState(app);
  const preview = await app.getByRole('region', { name: 'Preview' }).evaluate((element) => element.scrollTop);
  return { editor, preview };
}

/**
 * Where both panes rest once the sync has finished moving them: the same two readings four frames
 * apart (on a loaded machine the last step of the sync can land a frame after the heading is in place).
 * A pane that never comes to rest fails here, as a bounce would.
 */
async function restingScrollTops(app: Page): Promise<{ editor: number; preview: number }> {
  let last = await scrollTops(app);
  await expect
    .poll(async () => {
      await frames(app, 4);
      const now = await scrollTops(app);
      const still = now.editor === last.editor && now.preview === last.preview;
      last = now;
      return still;
    })
    .toBe(true);
  return last;
}

/** Lets the page run `count` animation frames: long enough for any sync, or any bounce, to happen. */
async function frames(app: Page, count = 12): Promise<void> {
  await app.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = (): void => (--left <= 0 ? resolve() : void requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
}

/** Writes a post of `count` sections and opens it, its preview rendered. */
async function openLongPost(
  app: Page,
  postsDir: string,
  { title = LONG, count = 40, noteLines = 150 } = {},
): Promise<void> {
  await writeFile(path.join(postsDir, `${count}-sections.md`), longPost(title, count, noteLines));
  await expect(app.getByRole('option', { name: title })).toBeVisible({ timeout: 20_000 });
  await openPost(app, title);
  const preview = app.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: `Section ${count}`, exact: true })).toBeAttached();
  await expect(preview).toHaveAttribute('aria-busy', 'false');
}

test('scrolling the editor brings the same section to the top of the preview, without bouncing back', async ({
  app,
  postsDir,
}) => {
  await openLongPost(app, postsDir);
  const preview = app.getByRole('region', { name: 'Preview' });
  const heading = preview.getByRole('heading', { name: 'Section 8', exact: true });

  await pointAtEditor(app);
  await app.mouse.wheel(0, await editorLineTop(app, '## Section 8'));
  await expect.poll(() => editorLineTop(app, '## Section 8')).toBeLessThan(30);
  await expect.poll(() => editorLineTop(app, '## Section 8')).toBeGreaterThan(-30);
  await expect(heading).toBeInViewport();
  await expect.poll(async () => Math.abs(await previewTop(app, heading))).toBeLessThan(60);

  // A plain ratio of the two scroll heights would have shown another part of the post, out of view.
  const editor = await editorState(app);
  const previewMax = await preview.evaluate((element) => element.scrollHeight - element.clientHeight);
  const ratioTop = (editor.scrollTop / editor.scrollMax) * previewMax;
  const { preview: syncedTop } = await scrollTops(app);
  const height = await preview.evaluate((element) => element.clientHeight);
  expect(Math.abs(ratioTop - syncedTop)).toBeGreaterThan(height);

  // No feedback loop: the preview moving does not move the editor, frames later.
  const settled = await restingScrollTops(app);
  await frames(app);
  expect(await scrollTops(app)).toEqual(settled);
  await shoot(app, 'synced-panes');
});

test('scrolling the preview brings the same section to the top of the editor', async ({ app, postsDir }) => {
  await openLongPost(app, postsDir);
  const preview = app.getByRole('region', { name: 'Preview' });
  const heading = preview.getByRole('heading', { name: 'Section 12', exact: true });

  await preview.hover();
  await app.mouse.wheel(0, await previewTop(app, heading));
  await expect.poll(async () => Math.abs(await previewTop(app, heading))).toBeLessThan(30);
  await expect.poll(async () => Math.abs(await editorLineTop(app, '## Section 12'))).toBeLessThan(40);

  const settled = await restingScrollTops(app);
  await frames(app);
  expect(await scrollTops(app)).toEqual(settled);
});

test('in a short post scroll sync works both ways too', async ({ app, postsDir }) => {
  const title = 'A Short Post';
  // Posts under 6,000 characters once had an editor of their own: keep the short case covered.
  expect(longPost(title, 12, 30).length).toBeLessThan(6000);
  await openLongPost(app, postsDir, { title, count: 12, noteLines: 30 });
  const preview = app.getByRole('region', { name: 'Preview' });

  await pointAtEditor(app);
  await app.mouse.wheel(0, await editorLineTop(app, '## Section 7'));
  await expect.poll(async () => Math.abs(await editorLineTop(app, '## Section 7'))).toBeLessThan(30);
  const seven = preview.getByRole('heading', { name: 'Section 7', exact: true });
  await expect.poll(async () => Math.abs(await previewTop(app, seven))).toBeLessThan(60);

  const three = preview.getByRole('heading', { name: 'Section 3', exact: true });
  await preview.hover();
  await app.mouse.wheel(0, await previewTop(app, three));
  await expect.poll(async () => Math.abs(await previewTop(app, three))).toBeLessThan(30);
  await expect.poll(async () => Math.abs(await editorLineTop(app, '## Section 3'))).toBeLessThan(40);
});

test('scroll sync can be switched off in Settings, and stays off after a reload', async ({ app, postsDir }) => {
  await openLongPost(app, postsDir);
  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  const toggle = dialog.getByRole('checkbox', { name: 'Scroll the editor and the preview together' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await dialog.getByRole('button', { name: 'Done' }).click();

  const before = await scrollTops(app);
  await pointAtEditor(app);
  await app.mouse.wheel(0, 3000);
  await expect.poll(async () => (await scrollTops(app)).editor).toBeGreaterThan(before.editor + 1000);
  await frames(app);
  expect((await scrollTops(app)).preview).toBe(before.preview);

  await app.reload();
  await app.getByRole('button', { name: 'Settings' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Scroll the editor and the preview together' })).not.toBeChecked();
});

function settingsDialog(app: Page): Locator {
  return app.getByRole('dialog', { name: 'Settings' });
}

async function openSettings(app: Page): Promise<Locator> {
  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = settingsDialog(app);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function style(locator: Locator, property: 'fontSize' | 'backgroundColor' | 'color'): Promise<string> {
  return locator.evaluate((element, name) => getComputedStyle(element)[name], property);
}

/** How light a CSS colour is, 0 (black) to 255 (white). */
function lightness(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('the editor font size is applied at once and kept after a reload', async ({ app }) => {
  const markdown = await openPost(app, 'Writing in Plain Text');
  expect(await style(markdown, 'fontSize')).toBe('15px');
  const dialog = await openSettings(app);
  const size = dialog.getByRole('spinbutton', { name: 'Editor font size' });
  // Typed a digit at a time: "1" on the way to "18" is not taken as 10 (the smallest size).
  await size.fill('');
  await size.pressSequentially('18');
  await expect.poll(() => style(markdown, 'fontSize')).toBe('18px');
  await shoot(app, 'settings-dialog', dialog);
  await dialog.getByRole('button', { name: 'Done' }).click();

  await app.reload();
  const reopened = await openPost(app, 'Writing in Plain Text');
  expect(await style(reopened, 'fontSize')).toBe('18px');
  await expect((await openSettings(app)).getByRole('spinbutton', { name: 'Editor font size' })).toHaveValue('18');
});

test('the preview width changes the preview column and its line length, and is kept after a reload', async ({
  app,
}) => {
  await openPost(app, 'Writing in Plain Text');
  const article = app.getByRole('region', { name: 'Preview' }).getByRole('article');
  const width = async (): Promise<number> => (await article.boundingBox())?.width ?? 0;
  const normal = await width();
  const dialog = await openSettings(app);
  const choice = dialog.getByRole('combobox', { name: 'Preview width' });
  await choice.selectOption({ label: 'Narrow' });
  await expect.poll(width).toBeLessThan(normal - 50);
  await choice.selectOption({ label: 'Wide' });
  await expect.poll(width).toBeGreaterThan(normal + 50);
  const wide = await width();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await app.reload();
  await openPost(app, 'Writing in Plain Text');
  await expect.poll(width).toBe(wide);
  await expect((await openSettings(app)).getByRole('combobox', { name: 'Preview width' })).toHaveValue('wide');
});

test('the theme follows the system, or is forced light or dark, and is kept after a reload', async ({ app }) => {
  await openPost(app, 'Writing in Plain Text');
  const page = app.locator('body');
  await app.emulateMedia({ colorScheme: 'light' });
  expect(lightness(await style(page, 'backgroundColor'))).toBeGreaterThan(200);
  await app.emulateMedia({ colorScheme: 'dark' });
  // Same as the system, by default.
  await expect.poll(async () => lightness(await style(page, 'backgroundColor'))).toBeLessThan(60);

  const dialog = await openSettings(app);
  const theme = dialog.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await theme.selectOption({ label: 'Light' });
  await expect.poll(async () => lightness(await style(page, 'backgroundColor'))).toBeGreaterThan(200);
  await theme.selectOption({ label: 'Dark' });
  await app.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => lightness(await style(page, 'backgroundColor'))).toBeLessThan(60);
  expect(lightness(await style(page, 'color'))).toBeGreaterThan(180);
  await dialog.getByRole('button', { name: 'Done' }).click();

  await app.reload();
  await openPost(app, 'Writing in Plain Text');
  await expect.poll(async () => lightness(await style(page, 'backgroundColor'))).toBeLessThan(60);
  await expect((await openSettings(app)).getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
});
