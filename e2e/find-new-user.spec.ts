/**
 * Tried as a new user would, once per generator of ../shared/corpus/real-posts (each folder copied
 * to a temporary folder): find a post by a word of its body, then start a new post and read its
 * front matter back from disk; it must be written in that blog's own style (fence, separator,
 * quoting, date shape, keys). Screenshots go to $PW_SHOTS when it is set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, projectRoot, test } from './fixtures';

const SHOTS = process.env.PW_SHOTS;
const CORPUS = path.resolve(projectRoot, '../shared/corpus/real-posts');
const TITLE = 'Tried as a New User';

test.describe.configure({ timeout: 180_000 });

/** The front matter's lines as the author wrote them, with the opening fence first ('' for Hexo's none). */
function frontMatterLines(text: string): string[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const fence = lines[0] ?? '';
  if (fence !== '---' && fence !== '+++') {
    // Hexo: the block may start without a fence and end at the first `---`.
    const end = lines.indexOf('---');
    return end > 0 && entry(fence) !== null ? ['', ...lines.slice(0, end)] : [fence];
  }
  const end = lines.indexOf(fence, 1);
  return [fence, ...lines.slice(1, end === -1 ? lines.length : end)];
}

/** One top-level `key: value` or `key = value` line, split into its parts. */
function entry(line: string): { key: string; separator: string; value: string } | null {
  const m = /^([A-Za-z_][\w-]*)(:[ \t]*|[ \t]*=[ \t]*)(.*)$/.exec(line);
  return m === null ? null : { key: m[1]!, separator: m[2]!.includes('=') ? ' = ' : m[2]!, value: m[3]! };
}

/** How a value is written, with the digits of a date made generic: `"9999-99-99"`. */
function shape(value: string): string {
  return value.replace(/\d/g, '9');
}

interface Style {
  fences: Set<string>;
  keys: Set<string>;
  separators: Set<string>;
  titleQuotes: Set<string>;
  dateShapes: Set<string>;
}

function styleOf(texts: string[]): Style {
  const style: Style = {
    fences: new Set(),
    keys: new Set(),
    separators: new Set(),
    titleQuotes: new Set(),
    dateShapes: new Set(),
  };
  for (const text of texts) {
    const [fence = '', ...lines] = frontMatterLines(text);
    style.fences.add(fence);
    for (const found of lines.map(entry)) {
      if (found === null) continue;
      style.keys.add(found.key);
      if (found.value !== '') style.separators.add(found.separator.replace(/ +/g, ' '));
      if (found.key === 'title') style.titleQuotes.add(/^["']/.test(found.value) ? found.value[0]! : 'plain');
      if (/^["']?\d{4}-\d{1,2}-\d{1,2}/.test(found.value)) style.dateShapes.add(shape(found.value));
    }
  }
  return style;
}

/** A long word of some post's body that as few other posts as possible have, for full-text search. */
function searchWord(texts: string[]): string | null {
  const words = texts.map((text) => new Set(text.toLowerCase().match(/\b[a-z]{8,}\b/g) ?? []));
  let best: { word: string; posts: number } | null = null;
  for (const text of texts) {
    const body = text
      .split(/\n(?:---|\+\+\+)\s*\n/)
      .slice(1)
      .join('\n');
    for (const word of body.match(/(?<![\w/.#-])[a-zA-Z]{8,}(?![\w/.-])/g) ?? []) {
      const posts = words.filter((set) => set.has(word.toLowerCase())).length;
      if (best === null || posts < best.posts) best = { word, posts };
    }
  }
  return best?.word ?? null;
}

async function shoot(app: Page, name: string): Promise<void> {
  if (SHOTS === undefined) return;
  await mkdir(SHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme });
    await app.screenshot({ path: `${SHOTS}/${name}-${colorScheme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const generators = existsSync(CORPUS)
  ? readdirSync(CORPUS, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
  : [];

if (generators.length === 0) {
  test('new user on the real-posts corpus', () => {
    console.log(`[find-new-user] skipped: no corpus at ${CORPUS}`);
    test.skip(true, `No corpus at ${CORPUS}`);
  });
}

for (const generator of generators) {
  test.describe(generator, () => {
    const source = path.join(CORPUS, generator);
    test.use({ postsSource: source });

    test(`finds a post by a word of its body and starts one in the ${generator} blog's style`, async ({
      app,
      postsDir,
    }) => {
      const names = readdirSync(source).filter((name) => /\.(md|markdown)$/i.test(name));
      const texts = names.map((name) => readFileSync(path.join(source, name), 'utf8'));
      await expect(app.getByRole('listbox', { name: 'Posts' }).getByRole('option')).toHaveCount(names.length);

      const word = searchWord(texts);
      expect(word, 'a long word in some post').not.toBeNull();
      await app.getByRole('searchbox', { name: 'Search posts' }).fill(word!);
      const results = app.getByRole('listbox', { name: 'Search results' }).getByRole('option');
      // Full-text hits come first; a post whose file name has the word may follow.
      await expect(results.first().locator('mark').first()).toHaveText(new RegExp(word!, 'i'));
      await shoot(app, `${generator}-search`);
      await results.first().click();
      await expect(app.getByLabel('Markdown', { exact: true })).toHaveValue(new RegExp(word!, 'i'));
      await app.getByRole('searchbox', { name: 'Search posts' }).press('Escape');
      await expect(app.getByRole('listbox', { name: 'Posts' }).getByRole('option')).toHaveCount(names.length);

      const before = new Set(await filesBelow(postsDir));
      await app.getByRole('navigation', { name: 'Posts folder' }).getByRole('button', { name: 'New post' }).click();
      await app.getByRole('dialog', { name: 'New post' }).getByLabel('Title').fill(TITLE);
      await app.getByRole('dialog', { name: 'New post' }).getByRole('button', { name: 'Create' }).click();
      await expect(app.getByRole('dialog', { name: 'New post' })).toBeHidden();
      await expect(app.getByRole('listbox', { name: 'Posts' }).getByRole('option', { name: TITLE })).toBeVisible();
      const created = (await filesBelow(postsDir)).filter((file) => !before.has(file));
      expect(created).toHaveLength(1);
      const text = await readFile(path.join(postsDir, created[0]!), 'utf8');
      await shoot(app, `${generator}-new`);

      const blog = styleOf(texts);
      const [fence = '', ...lines] = frontMatterLines(text);
      const entries = lines.map(entry).filter((e) => e !== null);
      console.log(`[find-new-user] ${generator}: ${created[0]} ←\n${[fence, ...lines].join('\n')}`);
      expect(blog.fences).toContain(fence);
      expect(entries.length).toBeGreaterThan(0);
      for (const { key, separator, value } of entries) {
        expect(blog.keys, `key ${key}`).toContain(key);
        if (value !== '') expect(blog.separators, `separator after ${key}`).toContain(separator.replace(/ +/g, ' '));
        if (key === 'title') {
          expect(value).toContain(TITLE);
          expect(blog.titleQuotes).toContain(/^["']/.test(value) ? value[0]! : 'plain');
        }
        if (/^["']?\d{4}-\d{1,2}-\d{1,2}/.test(value) && blog.dateShapes.size > 0) {
          expect(blog.dateShapes, `date shape of ${key}: ${value}`).toContain(shape(value));
        }
      }
    });
  });
}
