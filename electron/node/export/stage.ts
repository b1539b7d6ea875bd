/**
 * Writing a whole site without ever leaving it half-written: every file goes into a staging
 * folder beside the output folder, which replaces the output folder only once complete. An
 * existing folder is only ever replaced when an earlier export made it (it holds our marker).
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/contract';
import { errnoCode, ioFailure } from '../store/errors';
import { isInside } from '../store/paths';

/** The file that marks a folder as an export Postwright may replace. */
export const EXPORT_MARKER = '.postwright-export';

/** Checks that `outDir` may receive an export of `postsRoot` (a real path); returns its absolute path. */
export async function checkOutputFolder(outDir: string, postsRoot: string): Promise<Result<string>> {
  const abs = path.resolve(outDir);
  let real: string;
  try {
    await mkdir(path.dirname(abs), { recursive: true });
    real = path.join(await realpath(path.dirname(abs)), path.basename(abs));
  } catch (error) {
    return ioFailure(error, `create the output folder ${abs}`);
  }
  if (isInside(postsRoot, real) || isInside(real, postsRoot)) {
    return fail(
      'INVALID_ARGUMENT',
      `The output folder ${abs} overlaps the posts folder.`,
      'Export to a folder outside the posts folder.',
    );
  }
  const existing = await existingContents(real);
  if (existing === 'not-a-folder') return fail('NOT_A_FILE', `The output path ${abs} exists and is not a folder.`);
  if (existing !== null && existing.length > 0 && !existing.includes(EXPORT_MARKER)) {
    return fail(
      'EXISTS',
      `The output folder ${abs} is not empty and was not made by a Postwright export.`,
      'Choose an empty or new folder.',
    );
  }
  return ok(real);
}

async function existingContents(folder: string): Promise<string[] | 'not-a-folder' | null> {
  try {
    if (!(await lstat(folder)).isDirectory()) return 'not-a-folder';
    return await readdir(folder);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Creates a fresh staging folder beside `outAbs`. */
export async function createStage(outAbs: string): Promise<string> {
  const stage = path.join(
    path.dirname(outAbs),
    `.${path.basename(outAbs)}.postwright-${randomBytes(6).toString('hex')}.tmp`,
  );
  await mkdir(stage);
  return stage;
}

/** Moves a complete staging folder into place, replacing an earlier export. */
export async function publishStage(stage: string, outAbs: string): Promise<void> {
  await writeFile(
    path.join(stage, EXPORT_MARKER),
    'This folder was written by a Postwright export and is replaced by the next one.\n',
  );
  const old = `${stage}.old`;
  let moved = false;
  try {
    await rename(outAbs, old);
    moved = true;
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  try {
    await rename(stage, outAbs);
  } catch (error) {
    if (moved) await rename(old, outAbs);
    throw error;
  }
  if (moved) await rm(old, { recursive: true, force: true });
}

/** Removes a staging folder after a failed export. */
export async function discardStage(stage: string): Promise<void> {
  await rm(stage, { recursive: true, force: true });
}

/** Writes files into a staging folder, several at once, each folder made once. */
export interface StageWriter {
  /** Queues a file (output-relative path); waits only while too many writes are in flight. */
  write: (rel: string, data: string | Uint8Array) => Promise<void>;
  /** Waits for every queued write; throws the first error any of them met. */
  done: () => Promise<void>;
}

// Enough writes in flight to keep libuv's four file threads busy while the next page renders.
const IN_FLIGHT = 16;

/** A writer into `stage`. */
export function stageWriter(stage: string): StageWriter {
  const folders = new Map<string, Promise<unknown>>();
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (made === undefined) {
      made = mkdir(dir, { recursive: true });
      folders.set(dir, made);
    }
    return made;
  };
  const writeOne = async (target: string, data: string | Uint8Array) => {
    await folder(path.dirname(target));
    await writeFile(target, data);
  };
  return {
    async write(rel, data) {
      if (failure !== null) throw failure.error;
      while (running.size >= IN_FLIGHT) await Promise.race(running);
      const job = writeOne(path.join(stage, ...rel.split('/')), data).catch((error: unknown) => {
        failure ??= { error };
      });
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    async done() {
      await Promise.all(running);
      if (failure !== null) throw failure.error;
    },
  };
}
