/**
 * The hostile-name matrix of the posts folder: every name-taking entry point of the contract
 * (through `dispatch`, exactly as IPC and HTTP call it) and the store's own resolvers, against
 * traversal, absolute and drive paths, control characters, Windows names, streams, long names,
 * twins, links leading out, hard links, FIFOs, folders named like posts and oversized files.
 * Everything is refused with a clear failure value, nothing outside is read or changed, and the
 * process carries on. Cases already covered by paths.test.ts are not repeated here.
 */
import { execFileSync } from 'node:child_process';
import { link, mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlogApi, Result } from '../../../shared/api/contract';
import { dispatch } from '../dispatch';
import { createBlogApi } from './api';
import { createPostStore, type PostStore } from './store';
import { allFiles, FIXED_NOW, makeTempFolder, seedPost, writeFiles } from './testing';

const SECRET = 'SECRET-OUTSIDE-THE-POSTS-FOLDER';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const POSIX = process.platform !== 'win32';

let base: { dir: string; remove: () => Promise<void> };
let posts: string;
let outside: string;
let store: PostStore;
let api: BlogApi;

function code(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

beforeAll(async () => {
  base = await makeTempFolder('postwright-matrix-');
  posts = path.join(base.dir, 'posts');
  outside = path.join(base.dir, 'outside');
  await writeFiles(outside, { 'secret.md': `---\ntitle: "${SECRET}"\n---\n${SECRET}\n`, 'secret.png': SECRET });
  await writeFiles(posts, {
    'post.md': seedPost('post', '2024-01-01', 'Post'),
    'images/a.png': Buffer.from(PNG, 'base64'),
  });
  store = await createPostStore({ postsDir: posts, now: FIXED_NOW, maxFileBytes: 64 * 1024 });
  api = createBlogApi(store, { journalDir: path.join(base.dir, 'journal'), now: FIXED_NOW });
});

afterAll(async () => {
  await base.remove();
});

/** The outside folder is exactly as it was planted. */
async function expectOutsideUntouched(): Promise<void> {
  expect(await allFiles(outside)).toEqual(['secret.md', 'secret.png']);
  expect(await readFile(path.join(outside, 'secret.md'), 'utf8')).toContain(SECRET);
}

/** Every contract call that names a post, with `id` in the name's place. */
function callsNaming(id: string): [string, unknown[]][] {
  const save = { id, baseVersion: 'x', body: 'overwritten\n', frontMatter: { kind: 'none' }, force: true };
  return [
    ['readPost', [id]],
    ['savePost', [save]],
    ['deletePost', [id]],
    ['writeJournal', [{ id, baseVersion: 'x', body: 'b', frontMatter: { kind: 'none' } }]],
    ['discardJournal', [id]],
    ['keepJournal', [{ id, baseVersion: 'x', body: 'b', frontMatter: { kind: 'none' } }]],
    ['discardKeptJournal', [id, '0123456789abcdef']],
    ['exportPostHtml', [id]],
    ['renamePost', [{ id, newId: 'renamed.md' }]],
    ['renamePost', [{ id: 'post.md', newId: id }]],
    ['saveImage', [{ postId: id, fileName: 'x.png', dataBase64: PNG }]],
  ];
}

/** Names refused by their shape alone, before any file is touched. */
const MALFORMED: [string, string][] = [
  ['parent segment', '../outside/secret.md'],
  ['parent after a folder', 'a/../../outside/secret.md'],
  ['parent at the end', 'a/..'],
  ['dot segment', './post.md'],
  ['backslash traversal', '..\\outside\\secret.md'],
  ['absolute POSIX', '/etc/secret.md'],
  ['absolute Windows', 'C:\\Users\\me\\secret.md'],
  ['drive-relative', 'C:secret.md'],
  ['UNC', '\\\\server\\share\\secret.md'],
  ['forward-slash UNC', '//server/share/secret.md'],
  ['NUL', 'post.md\u0000.png'],
  ['newline', 'po\nst.md'],
  ['escape character', '\u001b[2Jpost.md'],
  ['DEL', 'post\u007f.md'],
  ['C1 control', 'post\u0085.md'],
  ['CON', 'CON.md'],
  ['nul with extension', 'nul.md'],
  ['COM1 lower case', 'com1.md'],
  ['LPT superscript', 'lpt¹.md'],
  ['reserved folder', 'aux/post.md'],
  ['reserved with two extensions', 'con.txt.md'],
  ['trailing dot', 'post.md.'],
  ['trailing space', 'post.md '],
  ['folder with trailing dot', 'drafts./post.md'],
  ['folder with trailing space', 'drafts /post.md'],
  ['alternate data stream', 'post.md:evil'],
  ['ADS with type', 'post.md::$DATA'],
  ['wildcard', 'p*.md'],
  ['long segment', `${'a'.repeat(256)}.md`],
  ['long id', `${'a/'.repeat(520)}post.md`],
  ['NFD (not NFC)', 'cafe\u0301.md'],
  ['empty', ''],
  ['not Markdown', 'post.txt'],
  ['only an extension', '.md'],
];

describe('names refused by their shape, at every entry point', () => {
  it.each(MALFORMED)('%s: %j', async (_name, id) => {
    for (const [method, args] of callsNaming(id)) {
      const result = await dispatch(api, method, args);
      expect(code(result), `${method} ${JSON.stringify(args).slice(0, 80)}`).toBe('INVALID_ARGUMENT');
      expect(result.ok ? '' : result.error.message.length).toBeGreaterThan(10);
    }
    expect(code(await store.resolveId(id))).toBe('INVALID_ID');
    await expectOutsideUntouched();
  });
});

describe('names well-formed but leading somewhere they must not', () => {
  beforeAll(async () => {
    await symlink(path.join(outside, 'secret.md'), path.join(posts, 'escape.md'));
    await symlink(outside, path.join(posts, 'linked'));
    if (POSIX) await symlink(path.join(posts, 'loop.md'), path.join(posts, 'loop.md'));
    await mkdir(path.join(posts, 'folder.md'));
    if (POSIX) execFileSync('mkfifo', [path.join(posts, 'pipe.md')]);
    await writeFile(path.join(posts, 'big.md'), `---\ntitle: Big\n---\n${'x'.repeat(70 * 1024)}\n`);
    // A sparse file far beyond the limit: refused by its size, never read into memory.
    await writeFile(path.join(posts, 'huge.md'), '');
    await truncate(path.join(posts, 'huge.md'), 8 * 1024 * 1024 * 1024);
  });

  /** What each entry point answers for one of these names (`renameTo`: another post renamed onto it). */
  interface Expected {
    read: string[];
    remove: string[];
    /** Renaming it elsewhere, where that is a security question (links leading out). */
    rename?: string[];
    renameTo: string[];
    /** The export reads with its own size limit (10 MiB), not the store's. */
    export?: string[];
  }
  const taken = ['EXISTS'];
  const cases: [string, string, Expected][] = [
    [
      'a link to a file outside',
      'escape.md',
      { read: ['INVALID_ID'], remove: ['INVALID_ID'], rename: ['INVALID_ID'], renameTo: taken },
    ],
    [
      'a post below a linked folder outside',
      'linked/secret.md',
      { read: ['INVALID_ID'], remove: ['INVALID_ID'], rename: ['INVALID_ID'], renameTo: ['INVALID_ID'] },
    ],
    ['a folder named like a post', 'folder.md', { read: ['NOT_A_FILE'], remove: ['NOT_A_FILE'], renameTo: taken }],
    // Too large to open, but the author may still delete or rename it.
    ['a file over the size limit', 'big.md', { read: ['TOO_LARGE'], remove: ['ok'], renameTo: taken, export: ['ok'] }],
    ['an 8 GiB sparse file', 'huge.md', { read: ['TOO_LARGE'], remove: ['ok'], renameTo: taken }],
    ...(POSIX
      ? ([
          [
            'a link to itself',
            'loop.md',
            { read: ['NOT_A_FILE', 'IO'], remove: ['NOT_A_FILE', 'IO'], rename: ['NOT_A_FILE', 'IO'], renameTo: taken },
          ],
          ['a FIFO', 'pipe.md', { read: ['NOT_A_FILE'], remove: ['NOT_A_FILE'], renameTo: taken }],
        ] as [string, string, Expected][])
      : []),
  ];

  it.each(cases)('%s (%s) is refused by every entry point that reads or writes it', async (_name, id, expected) => {
    const save = { id, baseVersion: 'x', body: 'overwritten\n', frontMatter: { kind: 'none' }, force: true };
    const image = { postId: id, fileName: 'x.png', dataBase64: PNG };
    const slug = id.replace(/\W/g, '-');
    await writeFile(path.join(posts, `from-${slug}.md`), seedPost('from', '2024-01-01', 'From'));
    const rows: [string, unknown[], string[]][] = [
      ['readPost', [id], expected.read],
      ['savePost', [save], expected.read],
      ['exportPostHtml', [id], expected.export ?? expected.read],
      ['saveImage', [image], [...expected.read, 'ok']],
      ['renamePost', [{ id: `from-${slug}.md`, newId: id }], expected.renameTo],
      ...(expected.rename === undefined
        ? []
        : [['renamePost', [{ id, newId: `renamed-${slug}.md` }], expected.rename] as [string, unknown[], string[]]]),
      ['deletePost', [id], expected.remove],
    ];
    for (const [method, args, codes] of rows) {
      const result = await dispatch(api, method, args);
      expect(codes, `${method} ${JSON.stringify(args).slice(0, 80)}`).toContain(code(result));
      expect(JSON.stringify(result)).not.toContain(SECRET);
    }
    await expectOutsideUntouched();
  });

  it('lists every one of them without hanging, reading none of the secret', async () => {
    const listed = await dispatch(api, 'listPosts', []);
    expect(listed.ok).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    const searched = await dispatch(api, 'searchPosts', [SECRET]);
    expect(JSON.stringify(searched.ok ? searched.value : [])).not.toContain(SECRET);
  });

  it('never renames a post into a linked folder leading outside', async () => {
    await writeFile(path.join(posts, 'mover.md'), seedPost('mover', '2024-01-01', 'Mover'));
    const moved = await dispatch(api, 'renamePost', [{ id: 'mover.md', newId: 'linked/moved.md' }]);
    expect(code(moved)).toBe('INVALID_ID');
    expect(await readFile(path.join(posts, 'mover.md'), 'utf8')).toContain('Mover');
    await expectOutsideUntouched();
  });
});

describe('hard links (decision: a hard link is the file itself, but Postwright never writes through one)', () => {
  it('reads a hard-linked post, and a save replaces only the name inside the folder', async () => {
    const target = path.join(base.dir, 'hardlinked-target.md');
    await writeFile(target, seedPost('hard', '2024-01-02', 'Hard'));
    await link(target, path.join(posts, 'hard.md'));
    const read = await api.readPost('hard.md');
    if (!read.ok) throw new Error(read.error.message);
    const saved = await api.savePost({
      id: 'hard.md',
      baseVersion: read.value.version,
      body: 'Changed.\n',
      frontMatter: { kind: 'none' },
    });
    expect(code(saved)).toBe('ok');
    // The atomic save wrote a new file and renamed it over the name: the other name keeps its bytes.
    expect(await readFile(target, 'utf8')).toBe(seedPost('hard', '2024-01-02', 'Hard'));
    expect(await readFile(path.join(posts, 'hard.md'), 'utf8')).toContain('Changed.');
  });
});

describe('twins by case and Unicode normalisation', () => {
  it('opens the NFC name of a file stored in NFD, and never an NFD id', async () => {
    await writeFile(path.join(posts, 'cafe\u0301.md'), seedPost('cafe', '2024-01-03', 'Café'));
    expect(code(await api.readPost('caf\u00e9.md'))).toBe('ok');
    expect(code(await dispatch(api, 'readPost', ['cafe\u0301.md']))).toBe('INVALID_ARGUMENT');
  });

  it('refuses an id two files share in NFC and NFD, listing it once with the reason, both files untouched', async (context) => {
    const twins = await makeTempFolder('postwright-matrix-twins-');
    try {
      const composed = seedPost('nfc', '2024-01-04', 'NFC post');
      const decomposed = seedPost('nfd', '2024-01-05', 'NFD post');
      await writeFile(path.join(twins.dir, 'caf\u00e9.md'), composed);
      await writeFile(path.join(twins.dir, 'cafe\u0301.md'), decomposed);
      if ((await allFiles(twins.dir)).length < 2) {
        console.log('skipping NFC/NFD twins: this disk stores both names as one file');
        context.skip();
      }
      await writeFiles(twins.dir, { 'plain.md': seedPost('plain', '2024-01-01', 'Plain') });
      const twinApi = createBlogApi(await createPostStore({ postsDir: twins.dir, now: FIXED_NOW }));
      const listed = await twinApi.listPosts();
      if (!listed.ok) throw new Error(listed.error.message);
      expect(listed.value.map((post) => post.id).sort()).toEqual(['caf\u00e9.md', 'plain.md']);
      expect(listed.value.find((post) => post.id === 'caf\u00e9.md')?.problem).toMatch(/two ways in Unicode/);
      const read = await twinApi.readPost('caf\u00e9.md');
      expect(code(read)).toBe('INVALID_ID');
      expect(read.ok ? '' : read.error.hint).toMatch(/Rename one of them/);
      const saved = await twinApi.savePost({
        id: 'caf\u00e9.md',
        baseVersion: 'x',
        body: 'Over.\n',
        frontMatter: { kind: 'none' },
        force: true,
      });
      expect(code(saved)).toBe('INVALID_ID');
      expect(code(await twinApi.deletePost('caf\u00e9.md'))).toBe('INVALID_ID');
      expect(await readFile(path.join(twins.dir, 'caf\u00e9.md'), 'utf8')).toBe(composed);
      expect(await readFile(path.join(twins.dir, 'cafe\u0301.md'), 'utf8')).toBe(decomposed);
    } finally {
      await twins.remove();
    }
  });

  it('treats a name differing only in case as another name (or, on a case-insensitive disk, the same file inside)', async () => {
    const result = await api.readPost('POST.md');
    expect(['ok', 'NOT_FOUND']).toContain(code(result));
    if (result.ok) expect(result.value.body).toContain('Some words.');
  });
});

describe('asset paths (the /files route and the app:// protocol resolve through here)', () => {
  beforeAll(async () => {
    await symlink(path.join(outside, 'secret.png'), path.join(posts, 'images', 'escape.png'));
    await mkdir(path.join(posts, 'dir.png'));
    if (POSIX) execFileSync('mkfifo', [path.join(posts, 'images', 'pipe.png')]);
  });

  it.each([
    ['../outside/secret.png', 'INVALID_ID'],
    ['images/../../outside/secret.png', 'INVALID_ID'],
    ['/etc/secret.png', 'INVALID_ID'],
    ['C:/secret.png', 'INVALID_ID'],
    ['C:secret.png', 'INVALID_ID'],
    ['\\\\server\\share\\x.png', 'INVALID_ID'],
    ['images\\a.png', 'INVALID_ID'],
    ['images/a.png\u0000.png', 'INVALID_ID'],
    ['images/\u0001a.png', 'INVALID_ID'],
    ['images//a.png', 'INVALID_ID'],
    [`images/${'a'.repeat(5000)}.png`, 'INVALID_ID'],
    ['post.md', 'INVALID_ID'],
    ['images/a.png.', 'INVALID_ID'],
    ['images/CON.png', 'INVALID_ID'],
    ['nul/a.png', 'INVALID_ID'],
    ['images/com1.jpg', 'INVALID_ID'],
    ['x:evil.png', 'INVALID_ID'],
    ['images/a.png:evil.png', 'INVALID_ID'],
    ['images/escape.png', 'INVALID_ID'],
    ['linked/secret.png', 'INVALID_ID'],
    ['dir.png', 'NOT_A_FILE'],
    ['%2e%2e/outside/secret.png', 'NOT_FOUND'],
    ['%c0%ae%c0%ae/outside/secret.png', 'NOT_FOUND'],
    ...(POSIX ? [['images/pipe.png', 'NOT_A_FILE']] : []),
  ])('refuses %j with %s', async (rel, expected) => {
    const result = await store.resolveAsset(rel);
    expect(code(result)).toBe(expected);
  });

  it('resolves an image inside, to a real path inside', async () => {
    expect(await store.resolveAsset('images/a.png')).toEqual({
      ok: true,
      value: path.join(store.root, 'images', 'a.png'),
    });
  });
});

describe('pasted images never land outside', () => {
  it('refuses an images folder that is a link leading outside', async () => {
    const other = await makeTempFolder('postwright-matrix-images-');
    try {
      await writeFiles(other.dir, { 'post.md': seedPost('p', '2024-01-01', 'P') });
      await symlink(outside, path.join(other.dir, 'images'));
      const otherApi = createBlogApi(await createPostStore({ postsDir: other.dir, now: FIXED_NOW }));
      const saved = await otherApi.saveImage({ postId: 'post.md', fileName: '../../evil.png', dataBase64: PNG });
      expect(code(saved)).toBe('INVALID_ID');
      await expectOutsideUntouched();
    } finally {
      await other.remove();
    }
  });

  it('names the file from a slug of its name, never from the path it claims', async () => {
    const saved = await api.saveImage({ postId: 'post.md', fileName: '../../../etc/evil.png', dataBase64: PNG });
    expect(saved.ok && saved.value.assetPath).toMatch(/^images\/evil(-\d+)?\.png$/);
  });
});

describe('new posts from hostile titles', () => {
  it.each([
    ['../../outside/evil', /^outside-evil(-\d+)?\.md$/],
    ['C:\\Windows\\evil', /^c-windows-evil(-\d+)?\.md$/],
    ['<script>alert(1)</script>', /^script-alert-1-script(-\d+)?\.md$/],
    ['x'.repeat(400), /^x{80}(-\d+)?\.md$/],
  ])('%j becomes a plain slug inside the folder', async (title, id) => {
    const created = await api.createPost({ title });
    expect(created.ok && created.value.id).toMatch(id);
    await expectOutsideUntouched();
  });

  it.each(['CON', 'nul', 'Aux', 'com1', 'LPT9'])('%s never becomes a Windows device name', async (title) => {
    const created = await api.createPost({ title });
    expect(created.ok).toBe(true);
    if (created.ok) expect(created.value.id.toLowerCase()).not.toMatch(/^(con|nul|aux|com\d|lpt\d)\.md$/);
  });

  it.each(['', '   ', '\u0000', 'a\nb', '!!!'])('refuses the title %j clearly', async (title) => {
    const created = await api.createPost({ title });
    expect(code(created)).toBe('INVALID_ARGUMENT');
  });
});
