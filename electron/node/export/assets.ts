/**
 * Images a post references by relative path: found inside the posts folder (never outside, never
 * through a link leading out), then copied into the export under a content-hashed name, or inlined
 * as a data: URI for a single-file page. SVG files are left out: opened on their own from a
 * published site they can run scripts. Images are resolved synchronously while the post renders
 * (the pipeline asks about each one), so a post is parsed once; copies are written afterwards,
 * streamed from the file found, which must still be that file. Never more than a set total is
 * copied (or inlined); past it, files are left out with a warning.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { slugify } from '../../../shared/api/ids';
import { errnoCode } from '../store/errors';
import { isInside, servedFile } from '../store/paths';

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};
const COPY_ONLY = new Set(['bmp', 'ico']);
/** Larger images (and linked files) are left out: no page needs one. */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
/** The most one export copies in all (its images and linked files), by default. */
export const MAX_COPY_TOTAL_BYTES = 4 * 1024 * 1024 * 1024;
/** The most a single-file page inlines in all: the page is one string in memory, a third larger again in base64. */
export const MAX_INLINE_TOTAL_BYTES = 64 * 1024 * 1024;
/** Opening a source never follows a link swapped in for it since it was found (0 where there is no such flag). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const CHUNK_BYTES = 1024 * 1024;

/**
 * A file to copy into the export: its real path, and what it was when named by its content. The
 * copy streams from it and refuses a file that is no longer the one named (./stage.ts copies the same way).
 */
export interface FileCopy {
  source: string;
  size: number;
  dev: number;
  ino: number;
  mtimeMs: number;
}

/** Where resolved images go, shared by every page of one export. */
export interface AssetSink {
  mode: 'copy' | 'inline';
  /** The posts folder's real path. */
  postsRoot: string;
  /** The output-relative folder copied images go into. */
  assetsFolder: string;
  /** Real source path → output-relative path of its copy, so each image is read and hashed once. */
  copied: Map<string, string>;
  /** Output-relative path → the file of each copy not yet written (see writeCopies). */
  pending: Map<string, FileCopy>;
  /** Bytes copied or inlined so far, and the most allowed. */
  total: number;
  maxTotal: number;
}

/** A sink with nothing copied yet. */
export function assetSink(
  mode: AssetSink['mode'],
  postsRoot: string,
  assetsFolder: string,
  maxTotal = mode === 'inline' ? MAX_INLINE_TOTAL_BYTES : MAX_COPY_TOTAL_BYTES,
): AssetSink {
  return { mode, postsRoot, assetsFolder, copied: new Map(), pending: new Map(), total: 0, maxTotal };
}

/** One post's images as its render resolves them. */
export interface PostImages {
  /** For the pipeline's `resolveImage`: the output-relative copy or data: URI, or null (with a warning). */
  resolve: (src: string) => string | null;
  /** Each resolved source → its output-relative copy or data: URI. */
  targets: Map<string, string>;
  /** The sources left out, each with one warning saying why. */
  refused: Set<string>;
  warnings: string[];
}

/** A resolver for the relative image sources of one post (whose real folder is `postFolder`). */
export function postImages(postFolder: string, sink: AssetSink): PostImages {
  const images: PostImages = { resolve, targets: new Map(), refused: new Set(), warnings: [] };
  function resolve(src: string): string | null {
    const known = images.targets.get(src);
    if (known !== undefined) return known;
    if (images.refused.has(src)) return null;
    const found = locateImage(src, postFolder, sink);
    if (typeof found !== 'string') {
      images.refused.add(src);
      images.warnings.push(`image "${src}" was left out: ${found.problem}`);
      return null;
    }
    const target = place(found, sink);
    images.targets.set(src, target);
    return target;
  }
  return images;
}

function locateImage(src: string, postFolder: string, sink: AssetSink): string | { problem: string } {
  const decoded = decodeSource(src.replace(/[?#].*$/, ''));
  const abs = decoded.startsWith('/') ? siteRootFile(sink.postsRoot, decoded) : path.resolve(postFolder, decoded);
  if (!isInside(sink.postsRoot, abs)) return { problem: 'it is outside the posts folder' };
  const ext = path.extname(abs).slice(1).toLowerCase();
  if (ext === 'svg') return { problem: 'SVG images are not exported (opened on their own they can run scripts)' };
  if (MIME[ext] === undefined && !COPY_ONLY.has(ext))
    return { problem: `".${ext}" is not an image type the export copies` };
  if (sink.mode === 'inline' && MIME[ext] === undefined) return { problem: `".${ext}" images cannot be inlined` };
  return locateInside(abs, sink);
}

/** The file a site-root path (`/images/cat.png`) names, found as the preview finds it (../store/paths.ts servedFile). */
function siteRootFile(postsRoot: string, decoded: string): string {
  return servedFile(postsRoot, decoded.replace(/^\/+/, '')) ?? path.join(postsRoot, decoded);
}

/**
 * The real path of a file at `abs` (already checked to be inside the posts folder), or why it
 * cannot be exported: a link leading out, not a plain file, too large, or not there.
 */
export function locateInside(abs: string, sink: AssetSink): string | { problem: string } {
  try {
    // A missing file (a post's broken image) is answered without an exception's cost; the real path
    // is then asked of a file that is there, and judged as before.
    if (lstatSync(abs, { throwIfNoEntry: false }) === undefined) return { problem: 'the file was not found' };
    const real = realpathSync.native(abs);
    if (!isInside(sink.postsRoot, real)) return { problem: 'it is a link to a file outside the posts folder' };
    const stats = lstatSync(real);
    if (stats.isDirectory()) return { problem: 'it is a folder, and only files are exported' };
    if (!stats.isFile()) return { problem: 'it is not a file' };
    if (stats.size > MAX_IMAGE_BYTES) return { problem: `it is larger than ${String(MAX_IMAGE_BYTES >> 20)} MiB` };
    const counted = sink.mode === 'copy' && sink.copied.has(real);
    if (!counted && sink.total + stats.size > sink.maxTotal) return { problem: overTotal(sink) };
    return real;
  } catch {
    return { problem: 'the file was not found' };
  }
}

/** A source path %-decoded (as written when it does not decode). */
export function decodeSource(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

function overTotal(sink: AssetSink): string {
  const size = sizeText(sink.maxTotal);
  return sink.mode === 'inline'
    ? `inlining it would take this page's images past ${size}, the most one single-file page carries`
    : `copying it would take the files this export copies past ${size}, the most one export copies`;
}

function sizeText(bytes: number): string {
  const [unit, scale] =
    bytes >= 1024 ** 3 ? ['GiB', 1024 ** 3] : bytes >= 1024 ** 2 ? ['MiB', 1024 ** 2] : ['bytes', 1];
  const units = bytes / scale;
  return `${Number.isInteger(units) ? String(units) : units.toFixed(1)} ${unit}`;
}

/** Inlines an image, or names its copy (hashed once, streamed) and queues it; returns the path or data: URI. */
export function place(real: string, sink: AssetSink): string {
  const ext = path.extname(real).slice(1).toLowerCase();
  if (sink.mode === 'inline') {
    const bytes = readChecked(real);
    sink.total += bytes.length;
    return `data:${MIME[ext] ?? 'application/octet-stream'};base64,${bytes.toString('base64')}`;
  }
  const known = sink.copied.get(real);
  if (known !== undefined) return known;
  const { hash, copy } = hashFile(real);
  const stem = slugify(path.basename(real, path.extname(real))) || 'image';
  const rel = `${sink.assetsFolder}/${hash.slice(0, 12)}-${stem}.${ext}`;
  sink.copied.set(real, rel);
  sink.pending.set(rel, copy);
  sink.total += copy.size;
  return rel;
}

let chunk: Buffer | undefined;

/**
 * A file's bytes, read only if it is still a plain file within the size limit: opened without
 * following a link, so one swapped in since it was found never brings in a file from elsewhere.
 */
function readChecked(real: string): Buffer {
  const fd = openSync(real, constants.O_RDONLY | NO_FOLLOW);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_IMAGE_BYTES) {
      throw Object.assign(new Error(`${real} changed while the export was reading it; export again.`), {
        code: FILE_CHANGED,
      });
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file's SHA-256, read a chunk at a time, and what the file was (for the copy's check). */
function hashFile(real: string): { hash: string; copy: FileCopy } {
  const fd = openSync(real, constants.O_RDONLY | NO_FOLLOW);
  try {
    const stats = fstatSync(fd);
    const hash = createHash('sha256');
    chunk ??= Buffer.allocUnsafe(CHUNK_BYTES);
    for (let n = readSync(fd, chunk, 0, CHUNK_BYTES, null); n > 0; n = readSync(fd, chunk, 0, CHUNK_BYTES, null))
      hash.update(chunk.subarray(0, n));
    const copy = { source: real, size: stats.size, dev: stats.dev, ino: stats.ino, mtimeMs: stats.mtimeMs };
    return { hash: hash.digest('hex'), copy };
  } finally {
    closeSync(fd);
  }
}

/** Whether a file's stats are still those of the file a copy was named from. */
export function sameFile(stats: { size: number; dev: number; ino: number; mtimeMs: number }, copy: FileCopy): boolean {
  return stats.size === copy.size && stats.dev === copy.dev && stats.ino === copy.ino && stats.mtimeMs === copy.mtimeMs;
}

/** The error code of a copy whose file changed (or was replaced, by a link too) after it was named by its content. */
export const FILE_CHANGED = 'EPW_CHANGED';

function changedError(copy: FileCopy): Error {
  const error = new Error(`${copy.source} changed while the export was copying it; export again.`);
  return Object.assign(error, { code: FILE_CHANGED });
}

/** Takes the copies queued since the last call, to write here or hand to another thread. */
export function takeCopies(sink: AssetSink): Map<string, FileCopy> {
  const copies = new Map(sink.pending);
  sink.pending.clear();
  return copies;
}

/** Writes copies (output-relative path → file) below `outRoot`, streamed, skipping any in `written`. */
export async function writeCopies(
  outRoot: string,
  copies: ReadonlyMap<string, FileCopy>,
  written: Set<string> = new Set(),
): Promise<void> {
  const folders = new Set<string>();
  for (const [rel, copy] of copies) {
    if (written.has(rel)) continue;
    written.add(rel);
    const target = path.join(outRoot, ...rel.split('/'));
    const folder = path.dirname(target);
    if (!folders.has(folder)) await mkdir(folder, { recursive: true });
    folders.add(folder);
    await copyChecked(copy, target);
  }
}

async function copyChecked(copy: FileCopy, target: string): Promise<void> {
  const from = await open(copy.source, constants.O_RDONLY | NO_FOLLOW).catch((error: unknown) => {
    throw errnoCode(error) === 'ELOOP' ? changedError(copy) : error;
  });
  try {
    if (!sameFile(await from.stat(), copy)) throw changedError(copy);
    // A link where the copy goes is refused (ELOOP), never written through.
    const to = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | NO_FOLLOW, 0o644);
    try {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(copy.size, 1)));
      for (let { bytesRead } = await from.read(buffer, 0, buffer.length); bytesRead > 0;) {
        for (let done = 0; done < bytesRead;) done += (await to.write(buffer, done, bytesRead - done)).bytesWritten;
        ({ bytesRead } = await from.read(buffer, 0, buffer.length));
      }
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
