import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, CHANNELS, ok, type BlogApi, type Result } from '../../shared/api/contract';
import { DESKTOP_CHANNELS, DESKTOP_METHODS, type DesktopCalls } from '../../shared/api/desktop';
import { createBlogApi, openPostStore } from '../node/store/index';
import { createFolderTokens } from './folder-tokens';
import { dispatchDesktop, MAX_OPEN_EXTERNAL_BYTES, registerIpc, senderAllowed, type FrameLike } from './ipc';
import { FakeIpcMain } from './testing/fakes';

const mainFrame: FrameLike = { url: 'app://postwright/', parent: null, processId: 4, routingId: 1 };
/** The web contents of our window, as the invoke event names it. */
const sender = { id: 12 };

describe('senderAllowed', () => {
  it('accepts the main frame of our window showing the app', () => {
    expect(senderAllowed(mainFrame, [mainFrame])).toBe(true);
    expect(senderAllowed({ ...mainFrame, url: 'app://postwright/index.html#x' }, [mainFrame])).toBe(true);
  });

  it('accepts the same frame host re-wrapped in another object', () => {
    expect(senderAllowed({ ...mainFrame }, [mainFrame])).toBe(true);
  });

  it('refuses a missing frame (destroyed or navigated away)', () => {
    expect(senderAllowed(null, [mainFrame])).toBe(false);
    expect(senderAllowed(undefined, [mainFrame])).toBe(false);
  });

  it('refuses a subframe, even one claiming the app URL', () => {
    expect(senderAllowed({ ...mainFrame, routingId: 2, parent: mainFrame }, [mainFrame])).toBe(false);
    expect(senderAllowed({ ...mainFrame, parent: mainFrame }, [mainFrame])).toBe(false);
  });

  it('refuses frames of other origins and forged look-alikes', () => {
    for (const url of [
      'https://evil.example/',
      'app://evil/',
      'app://postwright.evil/',
      'file:///index.html',
      'app://postwright/files/evil.svg',
      'about:blank',
    ]) {
      expect(senderAllowed({ ...mainFrame, url }, [mainFrame])).toBe(false);
    }
  });

  it('refuses a frame of a window we did not create', () => {
    expect(senderAllowed({ ...mainFrame, processId: 9 }, [mainFrame])).toBe(false);
    expect(senderAllowed({ url: 'app://postwright/', parent: null }, [mainFrame])).toBe(false);
    expect(senderAllowed(mainFrame, [])).toBe(false);
  });
});

describe('dispatchDesktop', () => {
  const calls: string[] = [];
  const desktop: DesktopCalls = {
    openFolder: () => {
      calls.push('openFolder');
      return Promise.resolve(ok(null));
    },
    exportPostToFile: () => Promise.resolve(ok(null)),
    chooseFolder: () => Promise.resolve(ok(null)),
    openExternal: (url) => {
      calls.push(`openExternal ${url}`);
      return Promise.resolve(ok(null));
    },
    answerClose: (request, answer) => {
      calls.push(`answerClose ${String(request)} ${answer}`);
      return Promise.resolve(ok(null));
    },
    setEdited: (edited) => {
      calls.push(`setEdited ${String(edited)}`);
      return Promise.resolve(ok(null));
    },
  };

  it('passes well-formed calls through', async () => {
    calls.length = 0;
    expect(await dispatchDesktop(desktop, 'openFolder', [])).toEqual(ok(null));
    expect(await dispatchDesktop(desktop, 'openExternal', ['https://example.com/'])).toEqual(ok(null));
    expect(await dispatchDesktop(desktop, 'answerClose', [4, 'asking'])).toEqual(ok(null));
    expect(await dispatchDesktop(desktop, 'setEdited', [false])).toEqual(ok(null));
    expect(calls).toEqual([
      'openFolder',
      'openExternal https://example.com/',
      'answerClose 4 asking',
      'setEdited false',
    ]);
  });

  it.each([
    ['an unknown method', 'toString', []],
    ['a prototype key', '__proto__', []],
    ['arguments that are not a list', 'openFolder', 'x'],
    ['extra arguments', 'openFolder', [1]],
    ['no link', 'openExternal', []],
    ['a link that is not a string', 'openExternal', [{ href: 'https://x' }]],
    ['two links', 'openExternal', ['https://a', 'https://b']],
    ['a link over 8 KiB', 'openExternal', [`https://example.com/${'é'.repeat(MAX_OPEN_EXTERNAL_BYTES / 2)}`]],
    ['a close answer without a request', 'answerClose', ['close']],
    ['a close answer with a made-up word', 'answerClose', [1, 'quit']],
    ['a close request number that is not a whole number', 'answerClose', [1.5, 'close']],
    ['a negative close request number', 'answerClose', [-1, 'close']],
    ['a close request number as text', 'answerClose', ['1', 'close']],
    ['an edited mark that is not true or false', 'setEdited', ['yes']],
    ['no edited mark', 'setEdited', []],
  ])('refuses %s without calling the desktop', async (_name, method, args) => {
    calls.length = 0;
    const result = await dispatchDesktop(desktop, method, args);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_ARGUMENT');
    expect(calls).toEqual([]);
  });
});

describe('registerIpc over a real posts folder', () => {
  let folder: string;
  let api: BlogApi;
  const ipc = new FakeIpcMain();
  const desktopCalls: string[] = [];
  const folders = createFolderTokens();

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'postwright-ipc-'));
    await writeFile(path.join(folder, 'hello.md'), '---\ntitle: Hello\n---\nBody\n');
    const store = await openPostStore({ postsDir: folder, now: () => new Date(0) });
    if (!store.ok) throw new Error(store.error.message);
    api = createBlogApi(store.value);
    const desktopFor = (caller: number): DesktopCalls => ({
      openFolder: () => {
        desktopCalls.push(`openFolder from ${String(caller)}`);
        return Promise.resolve(ok(null));
      },
      openExternal: () => Promise.resolve(ok(null)),
      exportPostToFile: () => Promise.resolve(ok(null)),
      chooseFolder: () => Promise.resolve(ok(null)),
      answerClose: () => Promise.resolve(ok(null)),
      setEdited: () => Promise.resolve(ok(null)),
    });
    registerIpc(ipc, {
      getApi: () => api,
      isTrustedSender: (frame) => senderAllowed(frame, [mainFrame]),
      desktopFor,
      folders,
    });
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await rm(`${folder}-site`, { recursive: true, force: true });
  });

  it('registers exactly one handler per contract and desktop method', () => {
    const expected = [...API_METHODS.map((m) => CHANNELS[m]), ...DESKTOP_METHODS.map((m) => DESKTOP_CHANNELS[m])];
    expect([...ipc.handlers.keys()].sort()).toEqual(expected.sort());
  });

  it('answers a trusted sender from the real store', async () => {
    const result = (await ipc.invoke(CHANNELS.readPost, { senderFrame: mainFrame, sender }, 'hello.md')) as Result<{
      body: string;
    }>;
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.body).toBe('Body\n');
  });

  it('validates arguments from a trusted sender', async () => {
    const result = (await ipc.invoke(
      CHANNELS.readPost,
      { senderFrame: mainFrame, sender },
      '../etc/passwd.md',
    )) as Result<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses a subframe, a forged origin and a missing frame with a value, never a throw', async () => {
    const senders = [{ ...mainFrame, parent: mainFrame }, { ...mainFrame, url: 'https://evil.example/' }, null];
    for (const senderFrame of senders) {
      const result = (await ipc.invoke(CHANNELS.listPosts, { senderFrame, sender })) as Result<unknown>;
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_ARGUMENT');
    }
  });

  it('checks the sender of desktop calls too', async () => {
    desktopCalls.length = 0;
    const refused = (await ipc.invoke(DESKTOP_CHANNELS.openFolder, { senderFrame: null, sender })) as Result<unknown>;
    expect(refused.ok).toBe(false);
    const noSender = (await ipc.invoke(DESKTOP_CHANNELS.openFolder, { senderFrame: mainFrame })) as Result<unknown>;
    expect(noSender.ok).toBe(false);
    expect(desktopCalls).toEqual([]);
    await ipc.invoke(DESKTOP_CHANNELS.openFolder, { senderFrame: mainFrame, sender });
    expect(desktopCalls).toEqual(['openFolder from 12']);
  });

  it('refuses a typed export folder from our own window, saying to choose it', async () => {
    const result = (await ipc.invoke(
      CHANNELS.exportSite,
      { senderFrame: mainFrame, sender },
      { outDir: `${folder}-site`, drafts: false },
    )) as Result<unknown>;
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('typed path is refused') as unknown,
    });
    await expect(stat(`${folder}-site`)).rejects.toThrow();
  });

  it('exports into a folder chosen in this window, and refuses its token from another window', async () => {
    const { token } = folders.issue(sender.id, `${folder}-site`);
    const other = (await ipc.invoke(
      CHANNELS.exportSite,
      { senderFrame: mainFrame, sender: { id: 13 } },
      { outDir: token, drafts: false },
    )) as Result<unknown>;
    expect(other.ok ? null : other.error.message).toContain('not chosen in this window');
    const result = (await ipc.invoke(
      CHANNELS.exportSite,
      { senderFrame: mainFrame, sender },
      { outDir: token, drafts: false },
    )) as Result<{ outDir: string; posts: number }>;
    expect(result.ok ? result.value.posts : result.error.message).toBe(1);
    expect((await stat(path.join(`${folder}-site`, 'index.html'))).isFile()).toBe(true);
  });
});
