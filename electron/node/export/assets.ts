/**
 * Images a post references by relative path: found inside the posts folder (never outside, never
 * through a link leading out), then copied into the export under a content-hashed name, or inlined
 * as a data: URI for a single-file page. SVG files are left out: opened on their own from a
 * published site they can run scripts.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
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

/** Where resolved images go, shared by every page of one export. */
export interface AssetSink {
  mode: 'copy' | 'inline';
  /** The posts folder's real path. */
  postsRoot: string;
  /** The folder output-relative paths are relative to. */
  outRoot: string;
  /** The output-relative folder copied images go into. */
  assetsFolder: string;
  /** Real source path → output-relative path of its copy, so each image is copied once. */
  copied: Map<string, string>;
}

/** Each resolvable image source mapped to its output-relative copy or its data: URI; notes for the rest. */
export interface ResolvedImages {
  targets: Map<string, string>;
  warnings: string[];
}

/** Resolves the relative image sources of one post (whose real folder is `postFolder`). */
export async function resolveImages(
  srcs: readonly string[],
  postFolder: string,
  sink: AssetSink,
): Promise<ResolvedImages> {
  const targets = new Map<string, string>();
  const warnings: string[] = [];
  for (const src of new Set(srcs)) {
    const found = await locateImage(src, postFolder, sink);
    if (typeof found !== 'string') {
      warnings.push(`image "${src}" was left out: ${found.problem}`);
      continue;
    }
    targets.set(src, await place(found, sink));
  }
  return { targets, warnings };
}

async function locateImage(src: string, postFolder: string, sink: AssetSink): Promise<string | { problem: string }> {
  const decoded = decodeSource(src.replace(/[?#].*$/, ''));
  const abs = decoded.startsWith('/') ? path.join(sink.postsRoot, decoded) : path.resolve(postFolder, decoded);
  if (!isInside(sink.postsRoot, abs)) return { problem: 'it is outside the posts folder' };
  const ext = path.extname(abs).slice(1).toLowerCase();
  if (ext === 'svg') return { problem: 'SVG images are not exported (opened on their own they can run scripts)' };
  if (MIME[ext] === undefined && !COPY_ONLY.has(ext))
    return { problem: `".${ext}" is not an image type the export copies` };
  if (sink.mode === 'inline' && MIME[ext] === undefined) return { problem: `".${ext}" images cannot be inlined` };
  try {
    const real = await realpath(abs);
    if (!isInside(sink.postsRoot, real)) return { problem: 'it is a link to a file outside the posts folder' };
    if (!(await lstat(real)).isFile()) return { problem: 'it is not a file' };
    return real;
  } catch {
    return { problem: 'the file was not found' };
  }
}

function decodeSource(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

/** Copies (once) or inlines an image; returns its output-relative path or its data: URI. */
async function place(real: string, sink: AssetSink): Promise<string> {
  const ext = path.extname(real).slice(1).toLowerCase();
  if (sink.mode === 'inline')
    return `data:${MIME[ext] ?? 'application/octet-stream'};base64,${(await readFile(real)).toString('base64')}`;
  const known = sink.copied.get(real);
  if (known !== undefined) return known;
  const bytes = await readFile(real);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const stem = slugify(path.basename(real, path.extname(real))) || 'image';
  const rel = `${sink.assetsFolder}/${hash}-${stem}.${ext}`;
  await mkdir(path.join(sink.outRoot, ...sink.assetsFolder.split('/')), { recursive: true });
  await writeFile(path.join(sink.outRoot, ...rel.split('/')), bytes);
  sink.copied.set(real, rel);
  return rel;
}
