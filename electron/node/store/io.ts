/**
 * Reading and writing post bytes safely: reads never follow a last-component link, never block
 * on a FIFO and stop at a size limit; writes go through a temporary file in the same folder,
 * are flushed, then renamed over the original, so a crash leaves either the old or the new post.
 */
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
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

/**
 * Replaces `target` with `bytes` atomically, giving the new file `mode`. Throws the file-system
 * error on failure, after removing the temporary file; `target` is then untouched.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, mode: number): Promise<void> {
  const temp = tempPathFor(target, randomBytes(6).toString('hex'));
  let created = false;
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', mode & 0o7777);
    created = true;
    try {
      await handle.writeFile(bytes);
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
    if (created && !renamed) await unlink(temp).catch(() => undefined);
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
