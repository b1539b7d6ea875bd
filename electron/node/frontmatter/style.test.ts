import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePost } from './encoding';
import { parsePost } from './post';
import { inferFolderStyle, newPostText } from './style';
import { summarizePost } from './summary';

const POST = { title: 'Say "Hi": now', slug: 'say-hi-now', date: '2024-03-05' };

function seed(slug: string, date: string, title: string): string {
  return `---\npath:\t"/blog/${slug}"\ndate:\t"${date}"\ntitle:\t"${title}"\n---\n\nBody\n`;
}

describe('inferFolderStyle / newPostText', () => {
  it('writes the author’s own style exactly', () => {
    const style = inferFolderStyle([seed('b', '2016-06-01', 'B'), seed('a', '2016-05-26', 'A')]);
    expect(newPostText(style, POST)).toBe(
      '---\npath:\t"/blog/say-hi-now"\ndate:\t"2024-03-05"\ntitle:\t"Say \\"Hi\\": now"\n---\n\n',
    );
  });

  it('uses a plain YAML default with no posts', () => {
    expect(newPostText(inferFolderStyle([]), POST)).toBe(
      '---\ntitle: "Say \\"Hi\\": now"\ndate: "2024-03-05"\ndraft: true\n---\n\n',
    );
  });

  it('follows a Jekyll folder: plain strings, unquoted datetimes with offset, common keys and shared values', () => {
    const posts = [
      '---\nlayout: post\ntitle: One\ndate: 2016-10-06 11:10:38 -0700\ntags: [a]\n---\n',
      '---\nlayout: post\ntitle: Two\ndate: 2017-01-02 09:00:00 -0700\ntags: [b]\nextra: x\n---\n',
      '---\nlayout: post\ntitle: Three\ndate: 2018-01-02 09:00:00 -0700\ntags: []\n---\n',
    ];
    const text = newPostText(inferFolderStyle(posts), { title: 'Plain', slug: 'plain', date: '2024-03-05' });
    expect(text).toBe('---\nlayout: post\ntitle: Plain\ndate: 2024-03-05 00:00:00 -0700\ntags: []\n---\n\n');
    expect(parsePost(text).frontMatter.editable).toBe(true);
  });

  it('follows a TOML folder and its line endings', () => {
    const posts = [
      '+++\r\ntitle = "A"\r\ndate = 2017-01-01\r\n+++\r\n',
      '+++\r\ntitle = "B"\r\ndate = 2017-01-02\r\n+++\r\n',
    ];
    expect(newPostText(inferFolderStyle(posts), POST)).toBe(
      '+++\r\ntitle = "Say \\"Hi\\": now"\r\ndate = 2024-03-05\r\n+++\r\n\r\n',
    );
  });

  it('aligns values when the folder does', () => {
    const posts = ['---\ntitle:  "A"\ndate:   "2020-01-01"\n---\n', '---\ntitle:  "B"\ndate:   "2020-01-02"\n---\n'];
    expect(newPostText(inferFolderStyle(posts), POST)).toBe(
      '---\ntitle: "Say \\"Hi\\": now"\ndate:  "2024-03-05"\n---\n\n',
    );
  });

  it('repeats a shared one-word setting but never shared prose', () => {
    const post = (title: string) => `---\ntitle: ${title}\nlayout: post\nexcerpt: Lorem ipsum dolor\n---\n`;
    const text = newPostText(inferFolderStyle([post('A'), post('B')]), { title: 'C', slug: 'c', date: '2024-03-05' });
    expect(text).toBe('---\ntitle: C\nlayout: post\nexcerpt: ""\n---\n\n');
  });

  it('files a new post under no category or tag the others share: that is the writer’s choice', () => {
    const post = (title: string) => `---\ntitle: ${title}\nlayout: post\ncategory: release\ntag: Ruby\n---\n`;
    const text = newPostText(inferFolderStyle([post('A'), post('B')]), { title: 'C', slug: 'c', date: '2024-03-05' });
    expect(text).toBe('---\ntitle: C\nlayout: post\ncategory: ""\ntag: ""\n---\n\n');
  });

  it('ignores posts it cannot learn from', () => {
    const style = inferFolderStyle(['no front matter', '---js\n{}\n---\n', seed('a', '2016-05-26', 'A')]);
    expect(style.separator).toBe(':\t');
  });

  it('always writes a date: the most used date key, in its own shape and quotes', () => {
    const posts = [
      "---\ntitle: 'A'\ndescription: 'x'\npubDate: 'Jun 19 2024'\n---\n",
      "---\ntitle: 'B'\ndate: '2022-07-01'\ndescription: 'y'\n---\n",
      "---\ntitle: 'C'\ndescription: 'z'\npubDate: 'Jul 08 2022'\n---\n",
      '---\ntitle: D\npublishDate: 2019-12-01 00:00:00\n---\n',
    ];
    expect(newPostText(inferFolderStyle(posts), POST)).toBe(
      "---\ntitle: 'Say \"Hi\": now'\ndescription: ''\npubDate: 'Mar 05 2024'\n---\n\n",
    );
  });

  it('breaks a tie between date keys by the newest posts, and keeps a date most posts lack', () => {
    const posts = ['---\ntitle: A\npublishDate: 2020-01-02\n---\n', '---\ntitle: B\ndate: 2020-01-01\n---\n'];
    expect(newPostText(inferFolderStyle(posts), POST)).toBe(
      '---\ntitle: "Say \\"Hi\\": now"\npublishDate: 2024-03-05\n---\n\n',
    );
    const fewDated = ['---\ntitle: A\n---\n', '---\ntitle: B\n---\n', '---\ntitle: C\ndate: July 8, 2022\n---\n'];
    expect(newPostText(inferFolderStyle(fewDated), POST)).toBe(
      '---\ntitle: "Say \\"Hi\\": now"\ndate: March 5, 2024\n---\n\n',
    );
  });

  it('starts a key that holds a list anywhere as an empty list, and leaves maps out', () => {
    const posts = [
      '---\ntitle: A\ntags: one tag\nauthors: ann\nimage:\n  src: a.png\n---\n',
      '---\ntitle: B\ntags: [x, y]\nauthors:\n  - name: Bo\n    url: b\nimage:\n  src: b.png\n---\n',
      '---\ntitle: C\ntags:\nauthors: cy\nimage:\n  src: c.png\n---\n',
    ];
    const text = newPostText(inferFolderStyle(posts), { title: 'New', slug: 'new', date: '2024-03-05' });
    expect(text).toBe('---\ntitle: New\ntags: []\nauthors: []\n---\n\n');
    expect(parsePost(text).frontMatter.fields).toEqual([
      { key: 'title', kind: 'text', value: 'New' },
      { key: 'tags', kind: 'list', value: [] },
      { key: 'authors', kind: 'list', value: [] },
    ]);
  });

  it('starts a post as a draft where the folder’s posts mark drafts, even in one post, as they write it', () => {
    const draftPost = `---\npath:\t"/blog/c"\ndate:\t"2016-06-02"\ntitle:\t"C"\ndraft:\ttrue\n---\n\nBody\n`;
    const posts = [seed('b', '2016-06-01', 'B'), draftPost, seed('a', '2016-05-26', 'A')];
    expect(newPostText(inferFolderStyle(posts), POST)).toBe(
      '---\npath:\t"/blog/say-hi-now"\ndate:\t"2024-03-05"\ntitle:\t"Say \\"Hi\\": now"\ndraft:\ttrue\n---\n\n',
    );
    // A draft flag that is off in the one post that has it still says the folder uses drafts.
    const off = draftPost.replace('draft:\ttrue', 'draft:\tfalse');
    expect(newPostText(inferFolderStyle([seed('b', '2016-06-01', 'B'), off]), POST)).toContain('\ndraft:\ttrue\n');
  });

  it('writes a TOML draft flag as TOML, and `published = false` where posts are published by a flag', () => {
    const toml = (title: string, extra: string) =>
      `+++\ntitle = "${title}"\ndate = 2024-01-0${title.length}\n${extra}+++\nBody\n`;
    expect(newPostText(inferFolderStyle([toml('A', ''), toml('BB', 'draft = true\n'), toml('CCC', '')]), POST)).toBe(
      '+++\ntitle = "Say \\"Hi\\": now"\ndate = 2024-03-05\ndraft = true\n+++\n\n',
    );
    const jekyll = (title: string, extra: string) => `---\ntitle: ${title}\ndate: 2024-01-02\n${extra}---\nBody\n`;
    expect(newPostText(inferFolderStyle([jekyll('A', ''), jekyll('B', 'published: false\n')]), POST)).toBe(
      '---\ntitle: "Say \\"Hi\\": now"\ndate: 2024-03-05\npublished: false\n---\n\n',
    );
  });

  it('adds no draft flag where no post has one, nor for a `published` date', () => {
    expect(
      newPostText(inferFolderStyle([seed('b', '2016-06-01', 'B'), seed('a', '2016-05-26', 'A')]), POST),
    ).not.toMatch(/draft|published/);
    const dated = '---\ntitle: A\npublished: 2024-01-02\n---\nBody\n';
    expect(newPostText(inferFolderStyle([dated, dated]), POST)).toBe(
      '---\ntitle: "Say \\"Hi\\": now"\npublished: 2024-03-05\n---\n\n',
    );
  });

  it('quotes the title as the folder quotes its titles', () => {
    const post = (title: string, author: string) => `---\nlayout: post\ntitle: ${title}\nauthor: ${author}\n---\n`;
    const style = inferFolderStyle([post('"A: b"', 'ann'), post('"C"', 'bo'), post('D', 'cy')]);
    expect(newPostText(style, { title: 'New', slug: 'new', date: '2024-03-05' })).toBe(
      '---\nlayout: post\ntitle: "New"\nauthor: ""\n---\n\n',
    );
  });
});

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus/real-posts');
const NEW_USER = { title: 'Tried as a New User', slug: 'tried-as-a-new-user', date: '2024-05-17' };
if (!existsSync(CORPUS)) console.log(`Skipping the new-post corpus tests: no corpus at ${CORPUS}.`);

/** A new post in each generator's folder of the corpus, as the store would write it on 17 May 2024. */
const EXPECTED: Record<string, string> = {
  astro: "---\ntitle: 'Tried as a New User'\npubDate: 'May 17 2024'\ndescription: ''\n---\n\n",
  docusaurus: '---\ntitle: "Tried as a New User"\nauthors: []\ndate: 2024-05-17 00:00:00\n---\n\n',
  eleventy: '---\ntitle: Tried as a New User\ndescription: ""\ndate: 2024-05-17\ntags: []\n---\n\n',
  // Its posts write `draft: false`: a new one starts as a draft.
  gatsby: '---\ntitle: Tried as a New User\ndate: "2024-05-17T00:00:00.000Z"\ndraft: true\ndescription: ""\n---\n\n',
  hexo: '---\ntitle: Tried as a New User\ndate: 2024-05-17 00:00:00\ntags: []\n---\n\n',
  hugo: '---\ndate: 2024-05-17\ntitle: "Tried as a New User"\ndescription: ""\n---\n\n',
  jekyll: "---\ntitle: 'Tried as a New User'\ndate: 2024-05-17 00:00:00 -0500\nauthor: []\n---\n\n",
  mkdocs: '---\ndate: 2024-05-17\nauthors: []\ndescription: ""\ncategories: []\ntitle: Tried as a New User\n---\n\n',
  // Its two posts tie between double and single quotes; the newest (first by title) wins.
  nextjs: '---\ntitle: "Tried as a New User"\nexcerpt: ""\ncoverImage: ""\ndate: "2024-05-17T00:00:00.000Z"\n---\n\n',
  zola: '+++\ntitle = "Tried as a New User"\ndate = 2024-05-17\ndescription = ""\n+++\n\n',
};

function markdownBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? markdownBelow(full) : name.endsWith('.md') ? [full] : [];
    });
}

/** The folder's readable posts newest first, as the store hands them to inferFolderStyle. */
function newestFirst(dir: string): string[] {
  const posts = markdownBelow(dir)
    .map((file) => decodePost(new Uint8Array(readFileSync(file))).text)
    .map((text) => ({ text, summary: summarizePost(text) }))
    .filter(({ summary }) => summary.problem === undefined);
  const byDate = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1;
  // The store's order: newest first, then by title (see compareSummaries in store/list.ts).
  const byTitle = (a: string | null, b: string | null) =>
    (a ?? '').localeCompare(b ?? '', undefined, { sensitivity: 'base', numeric: true });
  return posts
    .sort((a, b) => byDate(a.summary.sortKey, b.summary.sortKey) || byTitle(a.summary.title, b.summary.title))
    .map(({ text }) => text);
}

describe.skipIf(!existsSync(CORPUS))('newPostText over the real-posts corpus', () => {
  it('has a new post for every generator folder', () => {
    const folders = readdirSync(CORPUS).filter((name) => statSync(join(CORPUS, name)).isDirectory());
    expect(folders.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [generator, expected] of Object.entries(EXPECTED)) {
    it(`writes a ${generator} post in that blog's style`, () => {
      const text = newPostText(inferFolderStyle(newestFirst(join(CORPUS, generator)).slice(0, 20)), NEW_USER);
      expect(text).toBe(expected);
      const parsed = parsePost(text).frontMatter;
      expect(parsed.editable).toBe(true);
      expect(parsed.fields.filter((f) => f.kind === 'text' && f.value === '').map((f) => f.key)).not.toContain('tags');
    });
  }
});
