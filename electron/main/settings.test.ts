import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseStartFolder, createSettings } from './settings';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'postwright-settings-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createSettings', () => {
  it('has no last folder before the first write', async () => {
    expect(await createSettings({ file: path.join(dir, 'settings.json') }).lastFolder()).toBeNull();
  });

  it('remembers the last folder across instances, creating the folder it lives in', async () => {
    const file = path.join(dir, 'user data', 'settings.json');
    const folder = path.join(dir, 'my posts');
    expect(await createSettings({ file }).setLastFolder(folder)).toEqual({ ok: true, value: null });
    expect(await createSettings({ file }).lastFolder()).toBe(folder);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ lastFolder: folder });
  });

  it('leaves no temporary files behind', async () => {
    const file = path.join(dir, 'settings.json');
    await createSettings({ file }).setLastFolder(path.join(dir, 'a'));
    await createSettings({ file }).setLastFolder(path.join(dir, 'b'));
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('keeps keys it does not know (written by another version)', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ lastFolder: '/old', zoom: 2 }));
    await createSettings({ file }).setLastFolder(path.join(dir, 'new'));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ lastFolder: path.join(dir, 'new'), zoom: 2 });
  });

  it.each([
    ['corrupt JSON', '{"lastFolder": '],
    ['a JSON list', '["/x"]'],
    ['a number', '42'],
    ['a relative folder', '{"lastFolder": "posts"}'],
    ['a non-string folder', '{"lastFolder": 7}'],
    ['an empty file', ''],
  ])('reads %s as no last folder, and can overwrite it', async (_name, text) => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, text);
    const settings = createSettings({ file });
    expect(await settings.lastFolder()).toBeNull();
    expect((await settings.setLastFolder(path.join(dir, 'p'))).ok).toBe(true);
    expect(await settings.lastFolder()).toBe(path.join(dir, 'p'));
  });

  it('reports a failed write as a value', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    await writeFile(blocker, 'x');
    const result = await createSettings({ file: path.join(blocker, 'settings.json') }).setLastFolder('/x');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('IO');
  });
});

describe('chooseStartFolder', () => {
  it('reopens the last folder when it still exists', async () => {
    const last = path.join(dir, 'last');
    await mkdir(last);
    const exists = async (folder: string) => (await readdir(path.dirname(folder))).includes(path.basename(folder));
    expect(await chooseStartFolder({ lastFolder: last, defaultFolder: '/default', exists })).toBe(last);
  });

  it('falls back to the default when the last folder is gone', async () => {
    const exists = (folder: string) => folder === '/default';
    expect(await chooseStartFolder({ lastFolder: path.join(dir, 'gone'), defaultFolder: '/default', exists })).toBe(
      '/default',
    );
  });

  it('uses the default on first run', async () => {
    expect(await chooseStartFolder({ lastFolder: null, defaultFolder: '/default', exists: () => true })).toBe(
      '/default',
    );
  });
});
