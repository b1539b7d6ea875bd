/**
 * Writing a whole site without ever leaving it half-written: every file goes into a staging
 * folder beside the output folder, which replaces the output folder only once complete. An
 * existing folder is only ever replaced when an earlier export made it (it holds our marker).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Writes files into a staging folder, each folder made once. */
export interface StageWriter {
  /** Writes a file (output-relative path); complete when it settles, or rejects with the error it met. */
  write: (rel: string, data: string | Uint8Array) => Promise<void>;
}

/** How long writing may hold the event loop before other work runs, in ms. */
const SLICE_MS = 8;

/**
 * A writer into `stage`. Synchronous calls in time slices: a page's mkdir, open, write and close as
 * promises cost about twice the CPU and wall time of the calls themselves (four trips through
 * libuv's threads per page), and the event loop still turns every few milliseconds.
 */
export function stageWriter(stage: string): StageWriter {
  const folders = new Set<string>();
  let slice = performance.now();
  return {
    async write(rel, data) {
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
      const target = path.join(stage, ...rel.split('/'));
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(target, data);
    },
  };
}
