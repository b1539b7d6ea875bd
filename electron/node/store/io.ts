/**
 * Reading and writing post bytes safely: reads never follow a last-component link, never block
 * on a FIFO and stop at a size limit; writes go through a temporary file in the same folder,
 * are flushed, then renamed over the original, so a crash leaves either the old or the new post.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ok, type Result } from '../../../shared/api/contract';
import { ioFailure, notAFile, tooLarge } from './errors';

// Windows has neither flag; there the realpath check before opening is the guard.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A file's bytes with the status of the handle they were read from. */
export interface FileBytes {
  bytes: Uint8Array;
  stats: Stats;
}

/**
 * A plain file's bytes read synchronously (never through a final link, never waiting on a FIFO),
 * or undefined when it is not a regular file of at most `maxFileBytes`, grew since its stat, or
 * cannot be read: the caller then takes the full path, which says why (or reads it whole).
 */
export function readPlainSync(abs: string, maxFileBytes: number): FileBytes | undefined {
  let fd: number;
  try {
    fd = openSync(abs, READ_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > maxFileBytes) return undefined;
    // One byte more than the stat says: a file still being written is seen to grow. A read that
    // returns exactly the stat's size stopped at the end of the file, so no second read is asked
    // for to see it end (a fifth of the syscalls of listing a big folder).
    const bytes = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, length);
      if (read === 0) break;
      length += read;
      if (length === stats.size) break;
    }
    if (length > stats.size) return undefined;
    return { bytes: bytes.subarray(0, length), stats };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole regular file of at most `limit` bytes; `action` names it in failures. */
export async function readLimited(real: string, limit: number, action: string): Promise<Result<FileBytes>> {
  let handle;
  try {
    handle = await open(real, READ_FLAGS);
    const stats = await handle.stat();
    if (!stats.isFile()) return notAFile('This post');
    if (stats.size > limit) return tooLarge(stats.size, limit);
    const bytes = new Uint8Array(await handle.readFile());
    if (bytes.length > limit) return tooLarge(bytes.length, limit);
    return ok({ bytes, stats });
  } catch (error) {
    return ioFailure(error, action);
  } finally {
    await handle?.close();
  }
}

/** The temporary name beside `target`, kept under the 255-byte limit of most file systems. */
export function tempPathFor(target: string, random: string): string {
  const base = path.basename(target);
  const name = Buffer.byteLength(base) > 200 ? 'postwright' : base;
  return path.join(path.dirname(target), `.${name}.${random}.tmp`);
}

/** Writes all of `bytes` to an open file; injectable so tests can make the disk fill up. */
export type WriteBytes = (handle: FileHandle, bytes: Uint8Array) => Promise<void>;

/** The real low-level write. */
export const writeBytesToDisk: WriteBytes = (handle, bytes) => handle.writeFile(bytes);

// Temporary files being written by this process right now: never swept as leftovers.
const inFlight = new Set<string>();

/**
 * Replaces `target` with `bytes` atomically, giving the new file `mode`. Throws the file-system
 * error on failure, after removing the temporary file; `target` is then untouched. On success,
 * temporary files a killed process left beside `target` are removed.
 */
export async function writeFileAtomic(
  target: string,
  bytes: Uint8Array,
  mode: number,
  writeBytes: WriteBytes = writeBytesToDisk,
): Promise<void> {
  const temp = tempPathFor(target, randomBytes(6).toString('hex'));
  let created = false;
  let renamed = false;
  inFlight.add(temp);
  try {
    const handle = await open(temp, 'wx', mode & 0o7777);
    created = true;
    try {
      await writeBytes(handle, bytes);
      // The umask may have narrowed the mode given to open; the post keeps its own.
      await handle.chmod(mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    renamed = true;
    await syncFolder(path.dirname(target));
  } finally {
    inFlight.delete(temp);
    if (created && !renamed) await unlink(temp).catch(() => undefined);
  }
  await sweepLeftovers(target);
}

/** Whether `name` is a temporary file `tempPathFor` made for `target` (any random part). */
export function isLeftoverOf(target: string, name: string): boolean {
  const prefix = path.basename(tempPathFor(target, ''));
  // tempPathFor(target, '') ends in "..tmp": the random part goes between the two dots.
  const head = prefix.slice(0, -'.tmp'.length);
  return name.startsWith(head) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(head.length));
}

/** Removes temporary files of `target` left by a process killed mid-save; best effort. */
async function sweepLeftovers(target: string): Promise<void> {
  const folder = path.dirname(target);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const temp = path.join(folder, name);
    if (isLeftoverOf(target, name) && !inFlight.has(temp)) await unlink(temp).catch(() => undefined);
  }
}

/** Creates `target` exclusively (failing with EEXIST) and flushes it to disk. */
export async function writeFileExclusive(target: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(target, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    // A half-written new post is worse than none: the author still has the title.
    await handle.close();
    await unlink(target).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await syncFolder(path.dirname(target));
}

/** Flushes a folder's entries so a rename survives a power cut; not supported everywhere. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open or fsync a folder; the rename itself is still atomic.
  }
}
