/**
 * The IPC matrix: every registered channel against forged senders (another origin, a subframe,
 * no frame, a window we did not create), wrong argument types, oversized payloads and unknown
 * channels. Every refusal is a failure value, the implementation is never reached, nothing on
 * disk changes and no link is handed to the system. Cases in ipc.test.ts are not repeated.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, CHANNELS, ok, type ApiMethod, type BlogApi, type Result } from '../../shared/api/contract';
import { DESKTOP_CHANNELS, DESKTOP_METHODS, type DesktopCalls, type DesktopMethod } from '../../shared/api/desktop';
import { MAX_EDITS, MAX_IMAGE_BASE64_LENGTH, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '../../shared/api/validate';
import { createBlogApi, openPostStore } from '../node/store/index';
import { createFolderTokens } from './folder-tokens';
import { registerIpc, senderAllowed, type FrameLike } from './ipc';
import { openExternalSafely } from './links';
import { FakeIpcMain } from './testing/fakes';

const POST = '---\ntitle: "Hello"\n---\nBody\n';
const mainFrame: FrameLike = { url: 'app://postwright/', parent: null, processId: 4, routingId: 1 };
/** The web contents of our window, as the invoke event names it. */
const sender = { id: 1 };
const folders = createFolderTokens();
/** The export folder of VALID.exportSite, chosen in our window (so only the sender check refuses it). */
const SITE_TOKEN = folders.issue(sender.id, '/tmp/postwright-ipc-matrix-site').token;

/** One well-formed call of every method: what a forged sender would ask for. */
const VALID: { [M in ApiMethod]: unknown[] } = {
  getWorkspace: [],
  listPosts: [],
  readPost: ['hello.md'],
  savePost: [{ id: 'hello.md', baseVersion: 'x', body: 'overwritten\n', frontMatter: { kind: 'none' }, force: true }],
  createPost: [{ title: 'Injected' }],
  deletePost: ['hello.md'],
  writeJournal: [{ id: 'hello.md', baseVersion: 'x', body: 'b', frontMatter: { kind: 'none' } }, 'a'.repeat(32)],
  listJournal: [],
  discardJournal: ['hello.md', 'a'.repeat(32)],
  keepJournal: [{ id: 'hello.md', baseVersion: 'x', body: 'b', frontMatter: { kind: 'none' } }, 'a'.repeat(32)],
  discardKeptJournal: ['hello.md', '0123456789abcdef'],
  exportPostHtml: ['hello.md'],
  exportSite: [{ outDir: SITE_TOKEN, drafts: true }],
  searchPosts: ['Hello'],
  renamePost: [{ id: 'hello.md', newId: 'moved.md' }],
  saveImage: [{ postId: 'hello.md', fileName: 'x.png', dataBase64: 'iVBORw0KGgo=' }],
};
const VALID_DESKTOP: { [M in DesktopMethod]: unknown[] } = {
  openFolder: [],
  openExternal: ['https://example.com/'],
  exportPostToFile: ['hello.md'],
  chooseFolder: [],
  answerClose: [1, 'close'],
  setEdited: [true],
};

let folder: string;
const ipc = new FakeIpcMain();
const reached: string[] = [];
const opened: string[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'postwright-ipc-matrix-'));
  await writeFile(path.join(folder, 'hello.md'), POST);
  const store = await openPostStore({ postsDir: folder, now: () => new Date(0) });
  if (!store.ok) throw new Error(store.error.message);
  const real = createBlogApi(store.value, { journalDir: path.join(folder, '..', `${path.basename(folder)}-journal`) });
  // Every call that reaches the implementation is recorded before it runs.
  const api = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      (...args: unknown[]) => (reached.push(m), (real[m] as (...a: unknown[]) => unknown)(...args)),
    ]),
  ) as unknown as BlogApi;
  const record = (m: string) => () => (reached.push(m), Promise.resolve(ok(null)));
  const desktop: DesktopCalls = {
    openFolder: record('openFolder'),
    chooseFolder: record('chooseFolder'),
    exportPostToFile: record('exportPostToFile'),
    answerClose: record('answerClose'),
    setEdited: record('setEdited'),
    openExternal: (url) => openExternalSafely(url, (allowed) => (opened.push(allowed), Promise.resolve())),
  };
  registerIpc(ipc, {
    getApi: () => api,
    isTrustedSender: (frame) => senderAllowed(frame, [mainFrame]),
    desktopFor: () => desktop,
    folders,
  });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await rm(`${folder}-journal`, { recursive: true, force: true });
});

async function expectUntouched(): Promise<void> {
  expect(await readdir(folder)).toEqual(['hello.md']);
  expect(await readFile(path.join(folder, 'hello.md'), 'utf8')).toBe(POST);
}

function refused(result: unknown): boolean {
  const value = result as Result<unknown>;
  return !value.ok && value.error.code === 'INVALID_ARGUMENT';
}

const CHANNEL_CALLS: [string, unknown[]][] = [
  ...API_METHODS.map((m) => [CHANNELS[m], VALID[m]] as [string, unknown[]]),
  ...DESKTOP_METHODS.map((m) => [DESKTOP_CHANNELS[m], VALID_DESKTOP[m]] as [string, unknown[]]),
];

describe('forged senders are refused on every channel', () => {
  const forged: [string, FrameLike | null | undefined][] = [
    ['another origin', { ...mainFrame, url: 'https://evil.example/' }],
    ['a file: page', { ...mainFrame, url: 'file:///tmp/evil.html' }],
    ['a look-alike app host', { ...mainFrame, url: 'app://postwright.evil/' }],
    ['an app asset (an SVG opened as a page)', { ...mainFrame, url: 'app://postwright/files/images/evil.svg' }],
    ['a data: page', { ...mainFrame, url: 'data:text/html,<script>1</script>' }],
    ['about:blank', { ...mainFrame, url: 'about:blank' }],
    ['DevTools', { ...mainFrame, url: 'devtools://devtools/bundled/inspector.html' }],
    ['a subframe of our window', { ...mainFrame, routingId: 7, parent: mainFrame }],
    ['a subframe claiming the main frame ids', { ...mainFrame, parent: mainFrame }],
    ['another window showing the app', { ...mainFrame, processId: 99 }],
    ['a frame without ids', { url: 'app://postwright/', parent: null }],
    ['no frame (destroyed)', null],
    ['no frame at all', undefined],
  ];

  it.each(forged)('%s', async (_name, senderFrame) => {
    reached.length = 0;
    for (const [channel, args] of CHANNEL_CALLS) {
      const result = await ipc.invoke(channel, { senderFrame, sender }, ...args);
      expect(refused(result), channel).toBe(true);
    }
    expect(reached).toEqual([]);
    expect(opened).toEqual([]);
    await expectUntouched();
  });
});

/** Values of the wrong type for any argument position. */
const GARBAGE: unknown[] = [
  undefined,
  null,
  1,
  true,
  [],
  { a: 1 },
  Object.create(null),
  new Date(0),
  new Map(),
  () => 1,
];

describe('wrong argument types are refused before the implementation', () => {
  it.each(API_METHODS)('%s', async (method) => {
    reached.length = 0;
    const valid = VALID[method];
    const variants: unknown[][] = [[...valid, 'extra'], ...(valid.length > 0 ? [[]] : [])];
    for (let i = 0; i < valid.length; i++) {
      for (const value of GARBAGE) variants.push(valid.map((arg, j) => (j === i ? value : arg)));
    }
    for (const [index, args] of variants.entries()) {
      expect(
        refused(await ipc.invoke(CHANNELS[method], { senderFrame: mainFrame, sender }, ...args)),
        `variant ${String(index)}`,
      ).toBe(true);
    }
    expect(reached).toEqual([]);
    await expectUntouched();
  });

  it('refuses objects carrying keys named after the prototype', async () => {
    const request = JSON.parse('{"title":"x","__proto__":{"polluted":1}}') as unknown;
    expect(refused(await ipc.invoke(CHANNELS.createPost, { senderFrame: mainFrame, sender }, request))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('oversized payloads are refused before the implementation', () => {
  const big = (n: number) => 'x'.repeat(n + 1);
  const cases: [string, string, unknown[]][] = [
    [
      'a body over the text limit',
      CHANNELS.savePost,
      [{ ...(VALID.savePost[0] as object), body: big(MAX_TEXT_LENGTH) }],
    ],
    [
      'a journal body over the limit',
      CHANNELS.writeJournal,
      [{ ...(VALID.writeJournal[0] as object), body: big(MAX_TEXT_LENGTH) }],
    ],
    [
      'raw front matter over the limit',
      CHANNELS.savePost,
      [{ ...(VALID.savePost[0] as object), frontMatter: { kind: 'raw', raw: big(MAX_TEXT_LENGTH) } }],
    ],
    [
      'too many field edits',
      CHANNELS.savePost,
      [
        {
          ...(VALID.savePost[0] as object),
          frontMatter: {
            kind: 'fields',
            edits: Array.from({ length: MAX_EDITS + 1 }, () => ({ op: 'remove', key: 'k' })),
          },
        },
      ],
    ],
    [
      'a list of 10,001 items',
      CHANNELS.savePost,
      [
        {
          ...(VALID.savePost[0] as object),
          frontMatter: {
            kind: 'fields',
            edits: [{ op: 'set', key: 'tags', value: { kind: 'list', items: Array<string>(10_001).fill('t') } }],
          },
        },
      ],
    ],
    ['a title over the limit', CHANNELS.createPost, [{ title: big(MAX_TITLE_LENGTH) }]],
    [
      'an image over the limit',
      CHANNELS.saveImage,
      [{ ...(VALID.saveImage[0] as object), dataBase64: big(MAX_IMAGE_BASE64_LENGTH) }],
    ],
    ['a search over 1,000 characters', CHANNELS.searchPosts, [big(1000)]],
    ['an export folder path over 4,096 characters', CHANNELS.exportSite, [{ outDir: `/${big(4096)}`, drafts: false }]],
    [
      'a site title over 200 characters',
      CHANNELS.exportSite,
      [{ ...(VALID.exportSite[0] as object), siteTitle: big(200) }],
    ],
    ['a site title that is not text', CHANNELS.exportSite, [{ ...(VALID.exportSite[0] as object), siteTitle: 7 }]],
    [
      'a keep-other-files flag that is not true or false',
      CHANNELS.exportSite,
      [{ ...(VALID.exportSite[0] as object), keepOtherFiles: 'yes' }],
    ],

    ['a link over 8 KiB', DESKTOP_CHANNELS.openExternal, [`https://example.com/${big(8192)}`]],
  ];

  it.each(cases)('%s', async (_name, channel, args) => {
    reached.length = 0;
    expect(refused(await ipc.invoke(channel, { senderFrame: mainFrame, sender }, ...args))).toBe(true);
    expect(reached).toEqual([]);
    expect(opened).toEqual([]);
    await expectUntouched();
  });
});

describe('the export folder is chosen in the main process, never typed by the page', () => {
  const cases: [string, number, unknown][] = [
    ['a typed absolute path', sender.id, '/tmp/postwright-ipc-matrix-site'],
    ['a typed Windows path', sender.id, 'C:\\Users\\author\\site'],
    ['a relative path', sender.id, 'site'],
    ['a forged token', sender.id, `${SITE_TOKEN.slice(0, -2)}xx`],
    ['the token of another window', 2, SITE_TOKEN],
    ['the token prefix alone', sender.id, 'chosen-folder:'],
  ];

  it.each(cases)('%s', async (_name, id, outDir) => {
    reached.length = 0;
    const result = await ipc.invoke(
      CHANNELS.exportSite,
      { senderFrame: mainFrame, sender: { id } },
      { outDir, drafts: false },
    );
    expect(refused(result)).toBe(true);
    expect(reached).toEqual([]);
    await expectUntouched();
  });
});

describe('channels', () => {
  it('registers only the contract and desktop channels, so any other name has no handler', () => {
    const registered = [...ipc.handlers.keys()].sort();
    expect(registered).toEqual(CHANNEL_CALLS.map(([channel]) => channel).sort());
    for (const name of [
      'blog:__proto__',
      'blog:constructor',
      'blog:toString',
      'blog:listPosts ',
      'BLOG:listPosts',
      'blog:',
      'desktop:openPath',
      'desktop:__proto__',
      'ELECTRON_BROWSER_REQUIRE',
      'shell:openExternal',
    ]) {
      expect(ipc.handlers.has(name), name).toBe(false);
    }
  });

  it.each([
    'file:///etc/passwd',
    'smb://evil.example/share/x.exe',
    '\\\\evil.example\\share\\x.exe',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'vscode://file/x',
    'app://postwright/files/x.html',
    'javascript:alert(1)',
  ])('never hands %s to the system, even from our own window', async (url) => {
    const result = (await ipc.invoke(
      DESKTOP_CHANNELS.openExternal,
      { senderFrame: mainFrame, sender },
      url,
    )) as Result<null>;
    expect(result.ok).toBe(false);
    expect(opened).toEqual([]);
  });
});
