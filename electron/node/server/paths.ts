/**
 * Request paths to files: decoded exactly once, refused on any sign of traversal, confined to a
 * folder by `path.relative` on real paths, and opened only when they are regular files.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { open, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** A path split into decoded segments, or the reason it is refused. */
export type Segments = { ok: true; segments: string[] } | { ok: false; reason: string };

// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;
const ENCODED_SEPARATOR = /%(2f|5c|00)/i;
// After one decoding, a remaining escape of a dot or separator can only be double encoding.
const DOUBLE_ENCODED = /%(2e|2f|5c|00)/i;

/** Splits the path of a request target (after the route prefix, starting with `/`) into segments. */
export function decodeSegments(rawPath: string): Segments {
  if (!rawPath.startsWith('/')) return { ok: false, reason: 'the path must start with /' };
  if (rawPath.includes('#')) return { ok: false, reason: 'the path contains #' };
  if (ENCODED_SEPARATOR.test(rawPath)) return { ok: false, reason: 'the path contains an encoded separator or NUL' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, reason: 'the path is not valid percent-encoded UTF-8' };
  }
  if (decoded.includes('\\') || CONTROL.test(decoded))
    return { ok: false, reason: 'the path contains \\ or a control character' };
  if (DOUBLE_ENCODED.test(decoded)) return { ok: false, reason: 'the path is encoded twice' };
  const segments = decoded.slice(1).split('/');
  if (segments.length === 1 && segments[0] === '') return { ok: true, segments: [] };
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..')
      return { ok: false, reason: 'the path has an empty, . or .. segment' };
    if (segment.includes(':')) return { ok: false, reason: 'the path contains :' };
  }
  return { ok: true, segments };
}

/** Whether `target` lies inside `root` (both absolute), by `path.relative`, never a prefix test. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** An opened regular file, ready to be read or streamed. */
export interface OpenedFile {
  handle: FileHandle;
  size: number;
  mtime: Date;
}

/** Why a file could not be opened: missing (or not a regular file), or refused. */
export type OpenProblem = 'missing' | 'refused';

/** Opens the file at `segments` under `root` (a real path) when it is a regular file inside it. */
export async function openConfined(root: string, segments: string[]): Promise<OpenedFile | OpenProblem> {
  const target = path.resolve(root, ...segments);
  if (!isInside(root, target)) return 'refused';
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return 'missing';
  }
  // A symlink inside the folder must not lead out of it.
  if (!isInside(root, real)) return 'refused';
  return openRegularFile(real);
}

/** Opens a regular file; FIFOs, devices and folders are never opened (a FIFO would block a thread). */
export async function openRegularFile(file: string): Promise<OpenedFile | OpenProblem> {
  try {
    if (!(await stat(file)).isFile()) return 'missing';
    // O_NONBLOCK: should the file be swapped for a FIFO between stat and open, open does not hang.
    const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return 'missing';
    }
    return { handle, size: info.size, mtime: info.mtime };
  } catch {
    return 'missing';
  }
}

/** A small regular file read whole, with its modification time. */
export interface ReadFile {
  bytes: Buffer;
  mtime: Date;
}

/**
 * `openConfined`'s checks and a whole read, synchronously, for files of at most `maxBytes` ('large'
 * above): the renderer's own files are small and local, and while the server lists a large folder in
 * time slices every asynchronous step waits for a gap, so a 0.4 MB script streamed in chunks took
 * hundreds of ms to reach the page.
 */
export function readConfinedSync(root: string, segments: string[], maxBytes: number): ReadFile | OpenProblem | 'large' {
  const target = path.resolve(root, ...segments);
  if (!isInside(root, target)) return 'refused';
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return 'missing';
  }
  if (!isInside(root, real)) return 'refused';
  let fd: number;
  try {
    const found = statSync(real);
    if (!found.isFile()) return 'missing';
    // Decided before opening: a large file is opened once, by the streaming path.
    if (found.size > maxBytes) return 'large';
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return 'missing';
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return 'missing';
    if (info.size > maxBytes) return 'large';
    const bytes = Buffer.allocUnsafe(info.size);
    let length = 0;
    for (let read = 1; read > 0 && length < bytes.length; length += read) {
      read = readSync(fd, bytes, length, bytes.length - length, length);
    }
    return { bytes: bytes.subarray(0, length), mtime: info.mtime };
  } catch {
    return 'missing';
  } finally {
    closeSync(fd);
  }
}
