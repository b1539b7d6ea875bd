import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../shared/api/contract';
import { createDesktopApi } from './desktop';
import { createFolderTokens } from './folder-tokens';
import { createSettings } from './settings';
import { createWorkspaceHost, type WorkspaceHost } from './workspace';

let base: string;
let host: WorkspaceHost;
let announced: Workspace[];
let opened: string[];

function desktopChoosing(choice: string | null | Error) {
  return createDesktopApi(
    {
      host,
      settings: createSettings({ file: path.join(base, 'userData', 'settings.json') }),
      chooseFolder: () => (choice instanceof Error ? Promise.reject(choice) : Promise.resolve(choice)),
      onOpened: (workspace) => announced.push(workspace),
      shellOpenExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
      folders: createFolderTokens(),
    },
    1,
  );
}

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'postwright-desktop-'));
  host = createWorkspaceHost({ now: () => new Date(0), onChange: () => undefined });
  announced = [];
  opened = [];
});

afterEach(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

describe('openFolder', () => {
  it('opens the chosen folder, remembers it and tells the windows', async () => {
    const folder = path.join(base, 'blog');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.md'), 'a\n');
    const result = await desktopChoosing(folder).openFolder();
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value?.name).toBe('blog');
    expect(announced.map((w) => w.name)).toEqual(['blog']);
    const settings = JSON.parse(await readFile(path.join(base, 'userData', 'settings.json'), 'utf8')) as unknown;
    expect(settings).toEqual({ lastFolder: result.ok ? result.value?.root : null });
  });

  it('does nothing when the picker is cancelled', async () => {
    expect(await desktopChoosing(null).openFolder()).toEqual({ ok: true, value: null });
    expect(announced).toEqual([]);
  });

  it('reports a folder that cannot be opened, announcing nothing', async () => {
    const result = await desktopChoosing(path.join(base, 'missing')).openFolder();
    expect(result.ok).toBe(false);
    expect(announced).toEqual([]);
  });

  it('reports a failing picker as a value', async () => {
    const result = await desktopChoosing(new Error('portal unavailable')).openFolder();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('portal unavailable');
  });
});

describe('openExternal', () => {
  it('opens allowed links and refuses others', async () => {
    const desktop = desktopChoosing(null);
    expect((await desktop.openExternal('https://example.com/')).ok).toBe(true);
    expect((await desktop.openExternal('file:///etc/passwd')).ok).toBe(false);
    expect(opened).toEqual(['https://example.com/']);
  });
});

describe('closing', () => {
  it('hands the answer and the edited mark to the app, with the window that sent them', async () => {
    const answers: unknown[][] = [];
    const edited: unknown[][] = [];
    const deps = {
      host,
      settings: createSettings({ file: path.join(base, 'userData', 'settings.json') }),
      chooseFolder: () => Promise.resolve(null),
      onOpened: () => undefined,
      shellOpenExternal: () => Promise.resolve(),
      folders: createFolderTokens(),
      answerClose: (...args: unknown[]) => (answers.push(args), { ok: true as const, value: null }),
      setEdited: (...args: unknown[]) => void edited.push(args),
    };
    const desktop = createDesktopApi(deps, 5);
    expect(await desktop.answerClose(2, 'close')).toEqual({ ok: true, value: null });
    expect(await desktop.setEdited(true)).toEqual({ ok: true, value: null });
    expect(answers).toEqual([[5, 2, 'close']]);
    expect(edited).toEqual([[5, true]]);
    const bare = createDesktopApi({ ...deps, answerClose: undefined }, 5);
    expect((await bare.answerClose(2, 'close')).ok).toBe(false);
  });
});
