/**
 * Writing a whole site without ever leaving it half-written: every file goes into a staging
 * folder beside the output folder, which replaces the output folder only once complete. An
 * existing folder is only ever replaced when an earlier export made it (it holds our marker) and it
 * holds nothing that export did not write (./ownership.ts).
 */
import { lstat, mkdir, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fail, KEEP_OTHER_FILES_HINT, ok, type Result } from '../../../shared/api/contract';
import { errnoCode, ioFailure } from '../store/errors';
import { timeSlices } from '../store/limit';
import { isInside } from '../store/paths';
import { FILE_CHANGED, type FileCopy } from './assets';
import { publishBeside, type BesideReport } from './beside';
import { keptName, releaseStage, retireReplaced, stagePath, sweepLeftovers } from './leftovers';
import { EXPORT_MARKER, foreignEntries, foreignTopLevel, listed, markerText, notTheExports } from './ownership';
import { revive, type ThreadError } from './thread-error';

export { EXPORT_MARKER } from './ownership';

/**
 * Checks that `outDir` may receive an export of `postsRoot` (a real path); returns its absolute path.
 * `beside`: the author's files in it are kept (./beside.ts), so they do not stop the export.
 */
export async function checkOutputFolder(outDir: string, postsRoot: string, beside = false): Promise<Result<string>> {
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
  return replaceable(real, abs, beside).catch((error: unknown) => ioFailure(error, `read the output folder ${abs}`));
}

/** Whether the folder at `real` (named `abs` to the author) is missing, empty, or an export's own with nothing added. */
async function replaceable(real: string, abs: string, beside: boolean): Promise<Result<string>> {
  const existing = await existingContents(real);
  if (existing === 'not-a-folder') return fail('NOT_A_FILE', `The output path ${abs} exists and is not a folder.`);
  if (beside || existing === null || existing.length === 0) return ok(real);
  // Only the top level here, before any work: the whole folder is looked through once, just before it
  // is replaced (publishStage), which also catches what the author adds while the export runs.
  const top = existing.includes(EXPORT_MARKER) ? await foreignTopLevel(real) : null;
  // Something of the author's: the whole folder is looked through, so every such file is named at once.
  const foreign = top !== null && top.length > 0 ? await foreignEntries(real) : top;
  if (foreign === null) {
    return fail(
      'EXISTS',
      `The output folder ${abs} is not empty (${listed(existing.sort())}) and was not made by a Postwright export.`,
      KEEP_OTHER_FILES_HINT,
    );
  }
  if (foreign.length === 0) return ok(real);
  return fail(
    'EXISTS',
    `The output folder ${abs} holds files an export did not write (${listed(foreign)}); the export replaces the whole folder, so it stopped rather than delete them.`,
    KEEP_OTHER_FILES_HINT,
  );
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

/** Creates a fresh staging folder beside `outAbs`, first removing those that killed exports left. */
export async function createStage(outAbs: string): Promise<string> {
  await sweepLeftovers(outAbs);
  const stage = stagePath(outAbs);
  await mkdir(stage);
  return stage;
}

/**
 * Moves a complete staging folder, holding `files` (output-relative), into place, replacing an
 * earlier export. A folder holding the author's files too stops the export (ForeignFilesError),
 * unless `beside`: then the pages are moved in among them (./beside.ts).
 */
export async function publishStage(
  stage: string,
  outAbs: string,
  files: readonly string[],
  beside = false,
): Promise<BesideReport> {
  // Looked through again just before it is replaced: the author may have saved a file into it meanwhile.
  const added = await notTheExports(outAbs);
  if (added.length > 0) {
    if (!beside) throw new ForeignFilesError(outAbs, added);
    return besideThenDiscard(stage, outAbs, files);
  }
  await writeFile(path.join(stage, EXPORT_MARKER), markerText(files));
  const old = `${stage}.old`;
  let moved = false;
  try {
    await rename(outAbs, old);
    moved = true;
  } catch (error) {
    const code = errnoCode(error);
    // A folder that cannot be moved as a whole (a mount point, or held open on Windows): its pages
    // are moved in one by one instead, as beside the author's files (there are none in it).
    if (code !== undefined && UNMOVABLE.includes(code)) {
      await rm(path.join(stage, EXPORT_MARKER), { force: true });
      return besideThenDiscard(stage, outAbs, files);
    }
    if (code !== 'ENOENT') throw error;
  }
  if (moved && beside) {
    // Asked to keep the author's files: looked through again once moved aside, as one saved just
    // before the move would have gone with the old site. It is put back, and the pages moved in.
    const late = await notTheExports(old);
    if (late.length > 0) {
      await putBack(old, outAbs);
      await rm(path.join(stage, EXPORT_MARKER), { force: true });
      return besideThenDiscard(stage, outAbs, files);
    }
  }
  if (moved && !beside) {
    // A file saved at the top of the folder between the look and the move (a CNAME, say) stops the
    // export, as it would have a moment before: the folder is put back as it was. One saved deeper in
    // is left to retireReplaced, which keeps the replaced folder whole beside the output folder.
    const late = await foreignTopLevel(old);
    if (late === null || late.length > 0) {
      await putBack(old, outAbs);
      throw new ForeignFilesError(outAbs, late ?? []);
    }
  }
  try {
    await rename(stage, outAbs);
  } catch (error) {
    if (moved) await rename(old, outAbs);
    throw error;
  }
  releaseStage(stage);
  // The site replaced is deleted after the export has answered: the author does not wait for the
  // disk to unlink a thousand pages (a killed process's `.old` is swept by the next export).
  if (moved) afterAnswer(retireReplaced(old, outAbs));
  return { kept: 0 };
}

/**
 * Puts the folder moved aside (holding a file of the author's) back in place. Should something have
 * taken its place meanwhile, it is moved to a name the sweep of leftovers never touches, and the
 * export stops saying where it is: never left where it would be deleted.
 */
async function putBack(old: string, outAbs: string): Promise<void> {
  try {
    await rename(old, outAbs);
  } catch {
    const kept = keptName(outAbs);
    await rename(old, kept);
    throw new MovedAsideError(outAbs, kept);
  }
}

/** The output folder could not be put back after it was moved aside: it is kept under another name, said here. */
export class MovedAsideError extends Error {
  constructor(outAbs: string, kept: string) {
    super(
      `The output folder ${outAbs} was taken by something else while the export moved it aside; the folder with your files is now ${kept}.`,
    );
    this.name = 'MovedAsideError';
  }
}

/** What renaming a whole output folder may answer when the folder itself cannot move. */
const UNMOVABLE = ['EBUSY', 'EXDEV', 'EPERM', 'EACCES'];

/** Publishes beside the author's files (./beside.ts), then removes the emptied staging folder. */
async function besideThenDiscard(stage: string, outAbs: string, files: readonly string[]): Promise<BesideReport> {
  const report = await publishBeside(stage, outAbs, files);
  await discardStage(stage);
  return report;
}

/** Work exports left for after their answer, still running. */
const later = new Set<Promise<void>>();

/**
 * Runs `work` after the export has answered (it is already under way): what the author need not
 * wait for, as deleting a replaced site or writing the render cache. A failure is dropped: such
 * work is bookkeeping, and the export it follows has succeeded.
 */
export function afterAnswer(work: Promise<unknown>): void {
  const settled: Promise<void> = work
    .then(() => undefined)
    .catch(() => undefined)
    .finally(() => later.delete(settled));
  later.add(settled);
}

/**
 * Settles once the work exports left for after their answer is done (replaced sites deleted,
 * render caches written): a command, the server and the app wait for it before they exit.
 */
export async function exportsSettled(): Promise<void> {
  while (later.size > 0) await Promise.all([...later]);
}

/** The output folder gained files of the author's while the export ran: it was left as it was. */
export class ForeignFilesError extends Error {
  constructor(
    readonly outAbs: string,
    readonly names: string[],
  ) {
    super(
      `The output folder ${outAbs} holds files an export did not write${names.length > 0 ? ` (${listed(names)})` : ''}; the export replaces the whole folder, so it stopped rather than delete them.`,
    );
    this.name = 'ForeignFilesError';
  }
}

/** Removes a staging folder after a failed export. */
export async function discardStage(stage: string): Promise<void> {
  await rm(stage, { recursive: true, force: true });
  releaseStage(stage);
}

/** Writes files into a staging folder, each folder made once. */
export interface StageWriter {
  /**
   * Hands a file (output-relative path) to a writer thread; settles once there is room for more.
   * Rejects with the first error a write met (after it, no writer starts another file).
   */
  write: (rel: string, data: string | Uint8Array) => Promise<void>;
  /** Hands a copy of a file (output-relative path) to the writer thread, streamed there; as `write`. */
  copy: (rel: string, source: FileCopy) => Promise<void>;
  /** Settles once every file handed over is written and the threads have stopped; rejects with the first error. */
  finish: () => Promise<void>;
  /** How many writer threads have started so far. */
  threads: () => number;
}

/** Characters (or bytes) handed over and not yet written, above which `write` waits. */
const MAX_PENDING = 8_000_000;

/**
 * Writer threads an export may use. Each page has a folder of its own, and making a folder costs
 * this kind of disk about what writing the page does, mostly in the kernel: two threads wrote 1,061
 * pages in their folders in half the time of one (820 against 1,683 ms, medians of 7, on a slow
 * spell of the disk), three or four no faster than two (bench/README.md, round 16).
 */
export const WRITER_THREADS = 2;

/**
 * Characters (or bytes) handed over and not yet written above which another writer starts: the
 * writers have fallen behind the pages (about 100 of them). While one keeps up, as it does when
 * pages are rendered and the disk is quick, no second thread takes a core from the render.
 */
const BEHIND = 1_000_000;

/**
 * A writer thread (CommonJS, evaluated from this string: no file to find beside whichever bundle
 * runs the export, Electron's main included). It makes each folder once and writes each file
 * synchronously, in the order given, and answers every file with its size. Once any writer of the
 * export has failed (the shared flag in workerData), it writes nothing more. A copy streams from
 * its source, opened without following a link, and only while it is still the file named (as
 * ./assets.ts copyChecked).
 */
const WRITER_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, writeFileSync, writeSync } = require('node:fs');
const path = require('node:path');
const stopped = new Int32Array(workerData.stopped);
const folders = new Set();
let chunk = null;
function changed(copy) {
  return Object.assign(new Error(copy.source + ' changed while the export was copying it; export again.'), { code: '${FILE_CHANGED}' });
}
function copyChecked(copy, target) {
  let from;
  try {
    from = openSync(copy.source, constants.O_RDONLY | (constants.O_NOFOLLOW || 0));
  } catch (error) {
    throw error && error.code === 'ELOOP' ? changed(copy) : error;
  }
  try {
    const s = fstatSync(from);
    if (s.size !== copy.size || s.dev !== copy.dev || s.ino !== copy.ino || s.mtimeMs !== copy.mtimeMs)
      throw changed(copy);
    const to = openSync(target, 'w');
    chunk ??= Buffer.allocUnsafe(1024 * 1024);
    try {
      for (let n = readSync(from, chunk, 0, chunk.length, null); n > 0; n = readSync(from, chunk, 0, chunk.length, null))
        for (let done = 0; done < n; ) done += writeSync(to, chunk, done, n - done);
    } finally {
      closeSync(to);
    }
  } finally {
    closeSync(from);
  }
}
parentPort.on('message', (job) => {
  if (job.finish) return parentPort.postMessage({ finished: true });
  if (Atomics.load(stopped, 0) === 0) {
    try {
      const folder = path.dirname(job.target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      if (job.copy) copyChecked(job.copy, job.target);
      else writeFileSync(job.target, job.data);
    } catch (error) {
      Atomics.store(stopped, 0, 1);
      const code = error && typeof error.code === 'string' ? error.code : undefined;
      parentPort.postMessage({ error: { message: String(error && error.message), code, stack: error && error.stack } });
    }
  }
  parentPort.postMessage({ written: job.size });
});
`;

type WriterReply = { written: number } | { finished: true } | { error: ThreadError };

/** One writer thread, as the stage writer sees it. */
interface WriterThread {
  worker: Worker;
  /** Characters (or bytes) handed to it and not yet written. */
  pending: number;
  finished: boolean;
  stopped: boolean;
}

/**
 * A writer into `stage`, on threads of their own: making a folder or a file costs this kind of disk
 * 0.1 to 1 ms in the kernel, and made one by one in the thread that renders, the folders and pages
 * of 1,000 posts added that time to the render's. Here the two overlap (bench/README.md, round 10),
 * and the files go to whichever writer has least still to write. Threads of our own, not libuv's
 * pool: four pool threads creating files in one folder spent more time (system time, mostly waiting
 * on each other) than one thread; two of ours, each making its pages' folders, take half the time.
 * One writer starts; up to `threads` once they fall behind (tests set one, to know which file a
 * failure stops before).
 */
export function stageWriter(stage: string, threads = WRITER_THREADS): StageWriter {
  const stopFlag = new SharedArrayBuffer(4);
  let failure: { error: unknown } | null = null;
  const slices = timeSlices();
  const waiting = new Set<() => void>();
  const wake = (): void => {
    for (const resolve of waiting) resolve();
    waiting.clear();
  };
  const next = (): Promise<void> => new Promise((resolve) => waiting.add(resolve));
  const fail = (error: unknown): void => {
    failure ??= { error };
    // The other writers stop too (a thread that crashed could not say so itself).
    Atomics.store(new Int32Array(stopFlag), 0, 1);
    wake();
  };
  const startWriter = (): WriterThread => {
    const writer: WriterThread = {
      worker: new Worker(WRITER_THREAD, { eval: true, workerData: { stopped: stopFlag } }),
      pending: 0,
      finished: false,
      stopped: false,
    };
    writer.worker.on('message', (reply: WriterReply) => {
      if ('error' in reply) fail(revive(reply.error));
      else if ('written' in reply) writer.pending -= reply.written;
      else writer.finished = true;
      wake();
    });
    writer.worker.on('error', fail);
    writer.worker.on('exit', () => {
      writer.stopped = true;
      if (!writer.finished) fail(new Error('An export writer thread stopped early.'));
      wake();
    });
    return writer;
  };
  const writers: WriterThread[] = [startWriter()];
  const pending = (): number => writers.reduce((sum, writer) => sum + writer.pending, 0);
  let closed = false;
  const check = (): void => {
    if (failure !== null) throw failure.error;
  };
  const hand = async (rel: string, job: { data: string | Uint8Array } | { copy: FileCopy }, size: number) => {
    check();
    if (closed) throw new Error('The export writer has stopped: it was already finished.');
    if (writers.length < threads && pending() > BEHIND) writers.push(startWriter());
    const writer = writers.reduce((least, other) => (other.pending < least.pending ? other : least));
    writer.worker.postMessage({ target: path.join(stage, ...rel.split('/')), size, ...job });
    writer.pending += size;
    if (slices.due() || pending() > MAX_PENDING) {
      await slices.pause();
      while (pending() > MAX_PENDING && failure === null) await next();
    }
    check();
  };
  return {
    write: (rel, data) => hand(rel, { data }, data.length),
    copy: (rel, source) => hand(rel, { copy: source }, source.size),
    threads: () => writers.length,
    async finish() {
      closed = true;
      const running = writers.filter((writer) => !writer.stopped);
      for (const writer of running) writer.worker.postMessage({ finish: true });
      while (running.some((writer) => !writer.finished && !writer.stopped)) await next();
      await Promise.all(running.map((writer) => writer.worker.terminate()));
      check();
    },
  };
}
