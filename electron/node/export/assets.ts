/**
 * Images a post references by relative path: found inside the posts folder (never outside, never
 * through a link leading out), then copied into the export under a content-hashed name, or inlined
 * as a data: URI for a single-file page. SVG files are left out: opened on their own from a
 * published site they can run scripts. Images are resolved synchronously while the post renders
 * (the pipeline asks about each one), so a post is parsed once; copies are written afterwards.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { slugify } from '../../../shared/api/ids';
import { isInside } from '../store/paths';

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};
const COPY_ONLY = new Set(['bmp', 'ico']);
/** Larger images are left out: no page needs one, and each is read whole (past 2 GiB reading throws). */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

/** Where resolved images go, shared by every page of one export. */
export interface AssetSink {
  mode: 'copy' | 'inline';
  /** The posts folder's real path. */
  postsRoot: string;
  /** The output-relative folder copied images go into. */
  assetsFolder: string;
  /** Real source path → output-relative path of its copy, so each image is read and hashed once. */
  copied: Map<string, string>;
  /** Output-relative path → bytes of copies not yet written (see writeCopies). */
  pending: Map<string, Uint8Array>;
}

/** A sink with nothing copied yet. */
export function assetSink(mode: AssetSink['mode'], postsRoot: string, assetsFolder: string): AssetSink {
  return { mode, postsRoot, assetsFolder, copied: new Map(), pending: new Map() };
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
  const abs = decoded.startsWith('/') ? path.join(sink.postsRoot, decoded) : path.resolve(postFolder, decoded);
  if (!isInside(sink.postsRoot, abs)) return { problem: 'it is outside the posts folder' };
  const ext = path.extname(abs).slice(1).toLowerCase();
  if (ext === 'svg') return { problem: 'SVG images are not exported (opened on their own they can run scripts)' };
  if (MIME[ext] === undefined && !COPY_ONLY.has(ext))
    return { problem: `".${ext}" is not an image type the export copies` };
  if (sink.mode === 'inline' && MIME[ext] === undefined) return { problem: `".${ext}" images cannot be inlined` };
  return locateInside(abs, sink);
}

/**
 * The real path of a file at `abs` (already checked to be inside the posts folder), or why it
 * cannot be exported: a link leading out, not a plain file, too large, or not there.
 */
export function locateInside(abs: string, sink: AssetSink): string | { problem: string } {
  try {
    const real = realpathSync.native(abs);
    if (!isInside(sink.postsRoot, real)) return { problem: 'it is a link to a file outside the posts folder' };
    const stats = lstatSync(real);
    if (stats.isDirectory()) return { problem: 'it is a folder, and only files are exported' };
    if (!stats.isFile()) return { problem: 'it is not a file' };
    if (stats.size > MAX_IMAGE_BYTES) return { problem: `it is larger than ${String(MAX_IMAGE_BYTES >> 20)} MiB` };
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

/** Inlines an image, or names its copy (read and hashed once) and queues it; returns the path or data: URI. */
export function place(real: string, sink: AssetSink): string {
  const ext = path.extname(real).slice(1).toLowerCase();
  if (sink.mode === 'inline')
    return `data:${MIME[ext] ?? 'application/octet-stream'};base64,${readFileSync(real).toString('base64')}`;
  const known = sink.copied.get(real);
  if (known !== undefined) return known;
  const bytes = readFileSync(real);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const stem = slugify(path.basename(real, path.extname(real))) || 'image';
  const rel = `${sink.assetsFolder}/${hash}-${stem}.${ext}`;
  sink.copied.set(real, rel);
  sink.pending.set(rel, bytes);
  return rel;
}

/** Takes the copies queued since the last call, to write here or hand to another thread. */
export function takeCopies(sink: AssetSink): Map<string, Uint8Array> {
  const copies = new Map(sink.pending);
  sink.pending.clear();
  return copies;
}

/** Writes image copies (output-relative path → bytes) below `outRoot`, skipping any in `written`. */
export async function writeCopies(
  outRoot: string,
  copies: ReadonlyMap<string, Uint8Array>,
  written: Set<string> = new Set(),
): Promise<void> {
  const folders = new Set<string>();
  for (const [rel, bytes] of copies) {
    if (written.has(rel)) continue;
    written.add(rel);
    const target = path.join(outRoot, ...rel.split('/'));
    const folder = path.dirname(target);
    if (!folders.has(folder)) await mkdir(folder, { recursive: true });
    folders.add(folder);
    await writeFile(target, bytes);
  }
}
