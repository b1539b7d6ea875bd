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

const DATE_KEYS = new Set(['date', 'pubdate', 'publishdate', 'published', 'created']);

/** One front-matter entry of a post, with what follows it when its value is on the next lines. */
interface Entry {
  key: string;
  separator: string;
  value: string;
  /** `list` when block lines of `- ` items follow an empty value, `map` for nested keys. */
  below: 'list' | 'map' | null;
}

function entriesOf(text: string): { fence: string; entries: Entry[] } {
  const [fence = '', ...lines] = frontMatterLines(text);
  const entries: Entry[] = [];
  lines.forEach((line, i) => {
    const found = entry(line);
    if (found === null) return;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    const nested = found.value === '' && /^\s*-(\s|$)/.test(next) ? 'list' : /^\s+\S/.test(next) ? 'map' : null;
    entries.push({ ...found, below: found.value === '' ? nested : null });
  });
  return { fence, entries };
}

/** The values most often seen (all of them on a tie); empty when nothing was counted. */
function majority(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  return [...counts].filter(([, n]) => n === top).map(([v]) => v);
}

function quoteOf(value: string): string {
  return /^["']/.test(value) ? value[0]! : 'plain';
}

function separatorOf(separator: string): string {
  return separator === ' = ' ? separator : separator === ': ' ? ': ' : separator.includes('\t') ? ':\t' : 'aligned';
}

/** How a date is written: digits made 9, month names made `Mon`, quotes kept. */
function dateShape(value: string): string {
  return shape(value).replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/g, (m) =>
    m.length === 3 ? 'Mon' : 'Month',
  );
}

function isList(e: Entry): boolean {
  return /^\[/.test(e.value) || e.below === 'list';
}

/**
 * Checks a new post's front matter line by line against what the majority of the folder's posts
 * do: key order (pair by pair), separator, title quotes, date key and shape, list shape.
 */
function expectBlogStyle(texts: string[], created: string): void {
  let posts = texts.map(entriesOf).filter((p) => ['---', '+++', ''].includes(p.fence) && p.entries.length > 0);
  const mine = entriesOf(created);
  const dateKeyOf = (entries: Entry[]) => entries.find((e) => DATE_KEYS.has(e.key.toLowerCase()))?.key;
  const fenceOf = (p: { fence: string }) => (p.fence === '' ? '---' : p.fence);
  expect(majority(posts.map(fenceOf))).toContain(mine.fence);
  // The posts of the majority format are the style; the others (Hugo's few TOML posts) are not.
  posts = posts.filter((p) => fenceOf(p) === mine.fence);

  const dateKeys = posts.map((p) => dateKeyOf(p.entries)).filter((k) => k !== undefined);
  const myDateKey = dateKeyOf(mine.entries);
  if (dateKeys.length > 0) expect(majority(dateKeys), 'the most used date key').toContain(myDateKey);
  // Each post's own date key stands for the new post's, so that posts compare like with like.
  const normalised = (entries: Entry[]) => {
    const own = dateKeyOf(entries);
    return entries.map((e) => (e.key === own && myDateKey !== undefined ? { ...e, key: myDateKey } : e));
  };
  const orders = posts.map((p) => normalised(p.entries).map((e) => e.key));
  const keys = mine.entries.map((e) => e.key);
  keys.forEach((a, i) =>
    keys.slice(i + 1).forEach((b) => {
      const both = orders.filter((o) => o.includes(a) && o.includes(b));
      const before = both.filter((o) => o.indexOf(a) < o.indexOf(b)).length;
      expect(before * 2, `${a} before ${b} in most posts that have both`).toBeGreaterThanOrEqual(both.length);
    }),
  );

  const all = posts.flatMap((p) => normalised(p.entries));
  const separators = majority(all.filter((e) => e.value !== '').map((e) => separatorOf(e.separator)));
  for (const e of mine.entries) {
    const same = all.filter((x) => x.key === e.key);
    expect(same.length, `key ${e.key} is the blog's`).toBeGreaterThan(0);
    if (e.value !== '') expect(separators, `separator after ${e.key}`).toContain(separatorOf(e.separator));
    if (e.key === 'title') {
      expect(e.value).toContain(TITLE);
      expect(majority(same.map((x) => quoteOf(x.value))), 'title quotes').toContain(quoteOf(e.value));
    }
    if (e.key === myDateKey) {
      const shapes = majority(same.filter((x) => x.value !== '').map((x) => dateShape(x.value)));
      expect(shapes, `date shape of ${e.key}: ${e.value}`).toContain(dateShape(e.value));
    }
    if (same.some(isList)) expect(e.value, `${e.key} holds a list in this blog`).toBe('[]');
    // A date may be a map in a few posts (MkDocs' `date: {created: …}`); the shape check above covers it.
    const onlyMaps = same.some((x) => x.below === 'map') && !same.some(isList);
    if (e.key !== myDateKey) expect(onlyMaps, `${e.key} holds a map here, never a list`).toBe(false);
  }
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

      console.log(`[find-new-user] ${generator}: ${created[0]} ←\n${frontMatterLines(text).join('\n')}`);
      expectBlogStyle(texts, text);
    });
  });
}
