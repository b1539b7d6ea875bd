/**
 * Writing a pasted or dropped image where the blog keeps its images: beside the post for a page
 * bundle, else in the images folder the blog already has, else in an `images/` folder beside the
 * post. Only raster formats recognised by their first bytes are written; never SVG (it can script).
 * The post names it as the built site will find it (markdownPathOf).
 */
import { lstat, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type ImageRequest, type Result, type SavedImage } from '../../../shared/api/contract';
import { idProblem, slugify } from '../../../shared/api/ids';
import { errnoCode, ioFailure } from './errors';
import { writeFileExclusive } from './io';
import { isBundleIndex } from './list';
import { isInside, locatePost } from './paths';
import { relativeTo, servedPath } from './served';

/** The largest image accepted: 20 MiB. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Folders (relative to the posts folder) a blog keeps shared images in, most specific first. */
export const IMAGE_FOLDERS = ['images', 'static/images', 'assets/images', 'public/images', 'static'] as const;

/** The image formats written, by the extension they get. */
export type ImageType = 'png' | 'jpg' | 'gif' | 'webp' | 'avif';

/** The format of `bytes` from its magic number, or null when it is not an accepted image. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b))
    return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'avif';
  return null;
}

/** Decodes strict base64 (no whitespace or other characters), or null. */
export function decodeBase64(data: string): Uint8Array | null {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return null;
  return new Uint8Array(Buffer.from(data, 'base64'));
}

/** A readable file name stem from the name the image came with. */
export function imageStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // Cut by characters, not UTF-16 units: half a character is stored as U+FFFD, and the link would miss.
  const stem = Array.from(slugify(base.replace(/\.[^.]*$/, '')))
    .slice(0, 60)
    .join('')
    .replace(/-+$/, '');
  if (stem === '') return 'image';
  // "CON.png" would be a device on Windows (the write goes nowhere) and the preview refuses it.
  return idProblem(stem, { requireMarkdown: false }) === null ? stem : `${stem}-image`;
}

/** Writes the image of `request` for its post; returns where it went. */
export async function saveImage(root: string, request: ImageRequest): Promise<Result<SavedImage>> {
  const bytes = decodeBase64(request.dataBase64);
  if (bytes === null) return fail('INVALID_ARGUMENT', 'The image data is not valid base64.');
  if (bytes.length === 0) return fail('INVALID_ARGUMENT', 'The image is empty.');
  if (bytes.length > MAX_IMAGE_BYTES) {
    return fail('TOO_LARGE', 'This image is larger than 20 MiB.', 'Resize or compress it, then paste it again.');
  }
  const type = sniffImage(bytes);
  if (type === null) {
    return fail(
      'UNSUPPORTED',
      'Only PNG, JPEG, GIF, WebP and AVIF images can be pasted.',
      'SVG and other formats are refused because they can carry scripts or are not images.',
    );
  }
  const post = await locatePost(root, request.postId);
  if (!post.ok) return post;
  const postFolder = path.dirname(post.value.abs);
  const folder = await imageFolder(root, request.postId, postFolder);
  if (!folder.ok) return folder;
  const written = await writeUnique(folder.value, imageStem(request.fileName), type, bytes);
  if (!written.ok) return written;
  const assetPath = relativeTo(root, written.value);
  return ok({
    assetPath,
    markdownPath: markdownPathOf(root, request.postId, assetPath, relativeTo(postFolder, written.value)),
  });
}

/**
 * How post `id` of the blog in `root` names its image at `assetPath` so that the built site finds
 * it: when the post is a Jekyll post (`_posts/`, `_drafts/`) and the image in the blog's own images
 * folder, from the site's root, as Jekyll serves it (it makes a post a page at a dated URL, where a
 * path relative to the post's file breaks); when the image is in the folder the site serves at its
 * root (./served.ts: `static/images/cat.png` is `/images/cat.png` in Hugo), from there; else
 * relative to the post (`relative`), which also works from disk.
 */
export function markdownPathOf(root: string, id: string, assetPath: string, relative: string): string {
  const jekyll = /^_(posts|drafts)\//.test(id);
  if (jekyll && IMAGE_FOLDERS.some((folder) => assetPath.startsWith(`${folder}/`))) return `/${assetPath}`;
  return servedPath(root, assetPath) ?? relative;
}

/** The folder an image of post `id` goes into, created when it is the fallback `images/`. */
export async function imageFolder(root: string, id: string, postFolder: string): Promise<Result<string>> {
  if (isBundleIndex(id)) return ok(postFolder);
  for (const candidate of IMAGE_FOLDERS) {
    const found = await existingFolder(root, path.join(root, ...candidate.split('/')));
    if (found !== null) return ok(found);
  }
  const fallback = path.join(postFolder, 'images');
  try {
    await mkdir(fallback, { recursive: true });
    const real = await existingFolder(root, fallback);
    return real === null ? fail('INVALID_ID', 'The images folder leads outside the posts folder.') : ok(real);
  } catch (error) {
    return ioFailure(error, 'create the images folder');
  }
}

async function existingFolder(root: string, abs: string): Promise<string | null> {
  try {
    const real = await realpath(abs);
    return isInside(root, real) && (await lstat(real)).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

async function writeUnique(folder: string, stem: string, ext: ImageType, bytes: Uint8Array): Promise<Result<string>> {
  for (let n = 1; n <= 1000; n++) {
    const target = path.join(folder, `${stem}${n === 1 ? '' : `-${n}`}.${ext}`);
    try {
      await writeFileExclusive(target, bytes);
      return ok(target);
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') return ioFailure(error, 'save the image');
    }
  }
  return fail('EXISTS', 'There are already 1000 images of this name.', 'Rename the image before pasting it.');
}
