import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PNG } from '../node/export/testing';
import type { DesktopCalls } from '../../shared/api/desktop';
import { createDesktopApi } from './desktop';
import { chosenHtmlFile } from './export-dialogs';
import { createFolderTokens, type FolderTokens } from './folder-tokens';
import { dispatchDesktop } from './ipc';
import { createSettings } from './settings';
import { createWorkspaceHost, type WorkspaceHost } from './workspace';

let base: string;
let posts: string;
let host: WorkspaceHost;
let suggested: string[];
let warned: string[];
let folders: FolderTokens;

function desktopWith(pick: { file?: string | null | Error; folder?: string | null }, caller = 1): DesktopCalls {
  return createDesktopApi(
    {
      host,
      settings: createSettings({ file: path.join(base, 'userData', 'settings.json') }),
      chooseFolder: () => Promise.resolve(null),
      onOpened: () => undefined,
      shellOpenExternal: () => Promise.resolve(),
      warn: (message) => warned.push(message),
      chooseHtmlFile: (fileName) => {
        suggested.push(fileName);
        return pick.file instanceof Error ? Promise.reject(pick.file) : Promise.resolve(pick.file ?? null);
      },
      chooseExportFolder: () => Promise.resolve(pick.folder ?? null),
      folders,
    },
    caller,
  );
}

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'postwright-desktop-export-'));
  posts = path.join(base, 'posts');
  await mkdir(path.join(posts, 'img'), { recursive: true });
  await writeFile(path.join(posts, 'img', 'dot.png'), PNG);
  await writeFile(path.join(posts, 'My Post.md'), '---\ntitle: Mine\n---\n![dot](img/dot.png) ![gone](img/gone.png)\n');
  host = createWorkspaceHost({ now: () => new Date(0), onChange: () => undefined });
  const opened = await host.open(posts);
  if (!opened.ok) throw new Error(opened.error.message);
  suggested = [];
  warned = [];
  folders = createFolderTokens();
});

afterEach(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

describe('exportPostToFile', () => {
  it('writes the page where the author chose, its images copied beside it', async () => {
    const file = path.join(base, 'out', 'mine.html');
    const result = await desktopWith({ file }).exportPostToFile('My Post.md');
    expect(result).toEqual({ ok: true, value: { file } });
    expect(suggested).toEqual(['my-post.html']);
    const html = await readFile(file, 'utf8');
    expect(html).toMatch(/<img src="mine-assets\/[0-9a-f]{12}-dot\.png" alt="dot">/);
    expect(await readdir(path.join(base, 'out', 'mine-assets'))).toHaveLength(1);
    expect(warned).toEqual(['My Post.md: image "img/gone.png" was left out: the file was not found']);
  });

  it('writes nothing when the dialog is cancelled, and reports a failing dialog', async () => {
    expect(await desktopWith({ file: null }).exportPostToFile('My Post.md')).toEqual({ ok: true, value: null });
    const failed = await desktopWith({ file: new Error('no portal') }).exportPostToFile('My Post.md');
    expect(failed.ok ? '' : failed.error.message).toContain('no portal');
  });

  it('refuses to write into the posts folder', async () => {
    const result = await desktopWith({ file: path.join(posts, 'x.html') }).exportPostToFile('My Post.md');
    expect(result.ok ? null : result.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('chooseFolder', () => {
  it('returns a token for the chosen folder, good for the window that asked only, or null', async () => {
    const chosen = await desktopWith({ folder: '/tmp/site' }, 3).chooseFolder();
    if (!chosen.ok || chosen.value === null) throw new Error('no folder chosen');
    expect(chosen.value.label).toBe('/tmp/site');
    expect(chosen.value.token).not.toContain('/tmp/site');
    expect(folders.resolve(3, chosen.value.token)).toEqual({ ok: true, value: '/tmp/site' });
    expect(folders.resolve(4, chosen.value.token).ok).toBe(false);
    expect(await desktopWith({}).chooseFolder()).toEqual({ ok: true, value: null });
  });
});

describe('dispatchDesktop for export', () => {
  it('routes each method and checks its arguments', async () => {
    const desktop = desktopWith({ folder: '/tmp/site' });
    const chosen = await dispatchDesktop(desktop, 'chooseFolder', []);
    expect(chosen.ok && (chosen.value as { label: string }).label).toBe('/tmp/site');
    expect((await dispatchDesktop(desktop, 'chooseFolder', ['x'])).ok).toBe(false);
    expect(await dispatchDesktop(desktop, 'exportPostToFile', ['My Post.md'])).toEqual({ ok: true, value: null });
    for (const args of [[], ['../x.md'], [42], ['a.md', 'b.md']]) {
      const refused = await dispatchDesktop(desktop, 'exportPostToFile', args);
      expect(refused.ok ? null : refused.error.code).toBe('INVALID_ARGUMENT');
    }
    expect(suggested).toEqual(['my-post.html']);
  });
});

describe('chosenHtmlFile', () => {
  it('adds .html when the author left it out', () => {
    expect(chosenHtmlFile({ canceled: true, filePath: '/a.html' })).toBeNull();
    expect(chosenHtmlFile({ canceled: false, filePath: '' })).toBeNull();
    expect(chosenHtmlFile({ canceled: false, filePath: '/x/a.HTML' })).toBe('/x/a.HTML');
    expect(chosenHtmlFile({ canceled: false, filePath: '/x/a' })).toBe('/x/a.html');
  });
});
