/**
 * Surveying an output folder (./ownership.ts surveyFolder) when it is large or the disk answers
 * otherwise than usual: the files it opens to tell whose they are stay few at once, a process short
 * of file handles is not taken as "the author's file", and a failed read stops the walk.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const hook = vi.hoisted(() => ({
  open: null as null | ((file: string) => void),
  readdir: null as null | ((folder: string) => void),
  opened: 0,
  openNow: 0,
  mostOpen: 0,
  reads: 0,
}));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof actual.open>) => {
    hook.open?.(String(args[0]));
    const handle = await actual.open(...args);
    hook.opened += 1;
    hook.openNow += 1;
    hook.mostOpen = Math.max(hook.mostOpen, hook.openNow);
    const close = handle.close.bind(handle);
    handle.close = async () => {
      hook.openNow -= 1;
      return close();
    };
    return handle;
  };
  const readdir = (async (...args: Parameters<typeof actual.readdir>) => {
    hook.reads += 1;
    hook.readdir?.(String(args[0]));
    return actual.readdir(...args);
  }) as typeof actual.readdir;
  const patched = { open, readdir };
  return { ...actual, ...patched, default: { ...actual, ...patched } };
});

import { EXPORT_MARKER, markerText, surveyFolder } from './ownership';

/** The first line of a marker: one of the earliest kind, which listed nothing (its pages are judged by their look). */
const LEGACY_MARKER = `${markerText([]).split('\n')[0] ?? ''}\n`;
const EXPORTED_PAGE = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head></html>\n`;

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'pw-survey-faults-'));
  Object.assign(hook, { open: null, readdir: null, opened: 0, openNow: 0, mostOpen: 0, reads: 0 });
});
afterEach(async () => {
  Object.assign(hook, { open: null, readdir: null });
  await rm(out, { recursive: true, force: true });
});

/** A site of the earliest marker's kind with `count` pages in one folder. */
async function flatLegacySite(count: number): Promise<void> {
  await writeFile(path.join(out, EXPORT_MARKER), LEGACY_MARKER);
  await mkdir(path.join(out, 'posts'));
  for (let i = 0; i < count; i++) await writeFile(path.join(out, 'posts', `p${i}.html`), EXPORTED_PAGE);
}

describe('surveying an output folder', () => {
  it('opens the pages it judges by their look a few at a time, and owns every one', async () => {
    await flatLegacySite(300);
    const survey = await surveyFolder(out);
    expect(survey?.owned).toHaveLength(300);
    expect(survey?.foreign).toEqual([]);
    expect(hook.opened).toBe(300);
    // All 300 pages of one folder held open at once would run a process with a low limit out of handles.
    expect(hook.mostOpen).toBeLessThanOrEqual(16);
  });

  it('fails, rather than take the export’s page for the author’s, when the process has no file handle left', async () => {
    await flatLegacySite(20);
    hook.open = (file) => {
      if (file.endsWith(`${path.sep}p7.html`))
        throw Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
    };
    await expect(surveyFolder(out)).rejects.toMatchObject({ code: 'EMFILE' });
  });

  it('stops reading folders at the first that cannot be read, and answers with that failure', async () => {
    await writeFile(path.join(out, EXPORT_MARKER), LEGACY_MARKER);
    for (let i = 0; i < 200; i++) {
      await mkdir(path.join(out, `page-${i}`));
      await writeFile(path.join(out, `page-${i}`, 'index.html'), EXPORTED_PAGE);
    }
    let failed = false;
    hook.readdir = (folder) => {
      if (folder === out || failed) return;
      failed = true;
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
    };
    await expect(surveyFolder(out)).rejects.toMatchObject({ code: 'EACCES' });
    // Let anything still under way finish: the reads already started (at most a gate's worth), no more.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hook.reads).toBeLessThan(20);
  });
});
