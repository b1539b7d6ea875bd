import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolderChanges } from '../node/watcher';
import { createWorkspaceHost, type WorkspaceHost } from './workspace';

let base: string;
let host: WorkspaceHost;
let changes: FolderChanges[];
let waiters: (() => void)[];

function nextChange(): Promise<void> {
  return new Promise((resolve) => waiters.push(resolve));
}

async function folderWith(name: string, posts: Record<string, string>): Promise<string> {
  const folder = path.join(base, name);
  await mkdir(folder);
  for (const [file, text] of Object.entries(posts)) await writeFile(path.join(folder, file), text);
  return folder;
}

async function ids(): Promise<string[]> {
  const list = await host.api().listPosts();
  if (!list.ok) throw new Error(list.error.message);
  return list.value.map((post) => post.id).sort();
}

beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'postwright-workspace-'));
  changes = [];
  waiters = [];
  host = createWorkspaceHost({
    now: () => new Date(0),
    onChange: (batch) => {
      changes.push(batch);
      for (const resolve of waiters.splice(0)) resolve();
    },
  });
});

afterEach(async () => {
  await host.close();
  await rm(base, { recursive: true, force: true });
});

describe('createWorkspaceHost', () => {
  it('fails every call clearly while no folder is open', async () => {
    const result = await host.api().listPosts();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('No posts folder is open.');
    expect((await host.resolveAsset('a.png')).ok).toBe(false);
  });

  it('opens a folder and serves its posts', async () => {
    const folder = await folderWith('blog', { 'one.md': '# One\n' });
    const opened = await host.open(folder);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(opened.value.name).toBe('blog');
    expect(await ids()).toEqual(['one.md']);
  });

  it('swaps to another folder as one, and keeps the open one when the new one fails', async () => {
    await host.open(await folderWith('a', { 'a.md': 'a\n' }));
    await host.open(await folderWith('b', { 'b.md': 'b\n' }));
    expect(await ids()).toEqual(['b.md']);
    const missing = await host.open(path.join(base, 'missing'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
    expect(await ids()).toEqual(['b.md']);
  });

  it('runs overlapping opens in order, ending on the last one asked', async () => {
    const a = await folderWith('a', { 'a.md': 'a\n' });
    const b = await folderWith('b', { 'b.md': 'b\n' });
    await Promise.all([host.open(a), host.open(b)]);
    expect(await ids()).toEqual(['b.md']);
  });

  it('reports changes on disk in the open folder', async () => {
    const folder = await folderWith('blog', {});
    await host.open(folder);
    const seen = nextChange();
    await writeFile(path.join(folder, 'new.md'), '# New\n');
    await seen;
    expect(changes.flatMap((batch) => batch.added)).toContain('new.md');
  });

  it("resolves assets in the open folder's confinement", async () => {
    const folder = await folderWith('blog', { 'pic.png': 'png' });
    await host.open(folder);
    const asset = await host.resolveAsset('pic.png');
    expect(asset.ok).toBe(true);
    expect((await host.resolveAsset('../outside.png')).ok).toBe(false);
  });
});
