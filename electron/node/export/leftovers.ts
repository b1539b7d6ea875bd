/**
 * Staging folders an export left behind when its process was killed (./stage.ts): hidden folders
 * beside the output folder, as large as the site, which nothing else would ever remove. Each is
 * named after the process that made it, and removed by the next export once that process is gone
 * and the folder has been left alone for an hour.
 */
import { randomBytes } from 'node:crypto';
import { lstat, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { notTheExports } from './ownership';

/** Staging folders this process is writing (a process may run two exports at once). */
const ours = new Set<string>();

/** A fresh staging folder's path beside `outAbs`, named after this process. */
export function stagePath(outAbs: string): string {
  const name = `.${path.basename(outAbs)}.postwright-${String(process.pid)}-${randomBytes(6).toString('hex')}.tmp`;
  const stage = path.join(path.dirname(outAbs), name);
  ours.add(stage);
  return stage;
}

/** Forgets a staging folder this process is done with. */
export function releaseStage(stage: string): void {
  ours.delete(stage);
}

/** How long a leftover must have been left alone before it is removed. */
const QUIET_MS = 60 * 60 * 1000;

/** Whether `folder` has not changed for `ms` (an export writing into it changes it as it adds pages). */
async function untouchedFor(folder: string, ms: number): Promise<boolean> {
  const stats = await lstat(folder).catch(() => null);
  return stats !== null && Date.now() - stats.mtimeMs >= ms;
}

/** Whether process `pid` is running (one that exists but may not be signalled counts as running). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging folders (and replaced outputs, `.old`) that earlier exports to `outAbs` left
 * when their process stopped; never one of a process still running. Best effort: a folder that
 * cannot be listed or removed is left.
 */
export async function sweepLeftovers(outAbs: string): Promise<void> {
  const folder = path.dirname(outAbs);
  const prefix = `.${path.basename(outAbs)}.postwright-`;
  const names = await readdir(folder).catch(() => []);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-[0-9a-f]{12}\.tmp(\.old)?$/.exec(name.slice(prefix.length));
    const pid = Number(match?.[1]);
    const stage = path.join(folder, name.replace(/\.old$/, ''));
    if (match === null || ours.has(stage) || (pid !== process.pid && running(pid))) continue;
    // A process id is this machine's: on a shared drive another machine's export may be writing it now.
    if (!(await untouchedFor(path.join(folder, name), QUIET_MS))) continue;
    if (match[2] === undefined)
      await rm(path.join(folder, name), { recursive: true, force: true }).catch(() => undefined);
    else await retireReplaced(path.join(folder, name), outAbs).catch(() => undefined);
  }
}

/**
 * Deletes a site an export replaced (moved aside as `.old`), unless it holds anything the export
 * did not write: a file the author saved into the folder at the instant it was moved aside, or
 * one that could not be put back. Such a folder is renamed beside the output folder, where the
 * author sees it (`site (kept by Postwright 1a2b3c4d)`), and nothing in it is deleted.
 */
export async function retireReplaced(old: string, outAbs: string): Promise<void> {
  const foreign = await notTheExports(old);
  if (foreign.length === 0) {
    await rm(old, { recursive: true, force: true });
    return;
  }
  await rename(old, keptName(outAbs));
}

/** A name beside the output folder for a folder holding the author's files, which no sweep touches and the author sees. */
export function keptName(outAbs: string): string {
  return `${outAbs} (kept by Postwright ${randomBytes(4).toString('hex')})`;
}

/** Output folders this process is exporting into. */
const exporting = new Set<string>();

/**
 * Takes the output folder `outAbs` for one export at a time, in this process and in others (a file
 * beside it names the process holding it; one left by a process no longer running is taken over).
 * Two exports publishing into one folder at once would each list only its own pages, leaving the
 * other's to be taken for the author's. Resolves to the release, or null when another export holds it.
 */
export async function takeOutput(outAbs: string): Promise<(() => Promise<void>) | null> {
  if (exporting.has(outAbs)) return null;
  exporting.add(outAbs);
  const lock = path.join(path.dirname(outAbs), `.${path.basename(outAbs)}.postwright-lock`);
  const release = async (): Promise<void> => {
    exporting.delete(outAbs);
    await rm(lock, { force: true }).catch(() => undefined);
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, `${String(process.pid)}\n`, { flag: 'wx' });
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        exporting.delete(outAbs);
        throw error;
      }
    }
    const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && running(holder)) break;
    // Left by a process that stopped (or by this one, killed and started again with its id): taken over.
    await rm(lock, { force: true });
  }
  exporting.delete(outAbs);
  return null;
}
