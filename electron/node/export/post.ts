/**
 * Exporting one post as a standalone page: its relative images copied into a folder beside the
 * page (or inlined as data: URIs for a single file), remote images left as links to their hosts,
 * anything outside the posts folder left out with a warning. The page is written atomically.
 */
import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/contract';
import { decodePost } from '../frontmatter/index';
import { DEFAULT_MAX_FILE_BYTES } from '../store/context';
import { errnoCode, ioFailure } from '../store/errors';
import { readLimited, writeFileAtomic } from '../store/io';
import { isInside, locatePost } from '../store/paths';
import { realPathOf } from './real-path';
import { renderArticle } from './article';
import { assetSink, FILE_CHANGED, takeCopies, writeCopies } from './assets';
import { sourceFromText, type SourcePost } from './collect';
import { derivedPageFile } from './paths';

/** What to export and where. Give `outFile` (the page) or `outDir` (a folder to put it in). */
export interface ExportPostOptions {
  postsDir: string;
  postId: string;
  /** Reads a post's text by id; by default the file is read from the posts folder. */
  readText?: (postId: string) => Promise<Result<string>>;
  outFile?: string;
  outDir?: string;
  /** Inline images as data: URIs so the page is one self-contained file. */
  singleFile?: boolean;
  siteTitle?: string;
}

/** What an export of one post wrote. */
export interface PostExport {
  file: string;
  images: number;
  warnings: string[];
}

/** Exports one post as a standalone HTML page. */
export async function exportPost(options: ExportPostOptions): Promise<Result<PostExport>> {
  const root = await postsRoot(options.postsDir);
  if (!root.ok) return root;
  const target = pageTarget(options);
  if (!target.ok) return target;
  // Their real places, the page's and its images folder's: a link into the posts folder leads inside it too.
  const assets = path.join(path.dirname(target.value), `${pageStem(target.value)}-assets`);
  const places = await Promise.all([realPathOf(path.dirname(target.value)), realPathOf(assets)]);
  if (places.some((place) => isInside(root.value, place))) {
    return fail(
      'INVALID_ARGUMENT',
      'The exported page would be written inside the posts folder.',
      'Choose a folder outside it.',
    );
  }
  const source = await loadSource(root.value, options);
  if (!source.ok) return source;
  return writePage(target.value, root.value, options, source.value);
}

/** What to render as a single-file page held in memory. */
export type RenderPostOptions = Pick<ExportPostOptions, 'postsDir' | 'postId' | 'readText' | 'siteTitle'>;

/** One post as a single self-contained page (images inlined), not written anywhere. */
export interface PostPage {
  /** A file name for the page: the post's slug with `.html`. */
  fileName: string;
  html: string;
  images: number;
  warnings: string[];
}

/** Renders one post as a single-file page in memory (browser mode downloads it). */
export async function renderPostHtml(options: RenderPostOptions): Promise<Result<PostPage>> {
  const root = await postsRoot(options.postsDir);
  if (!root.ok) return root;
  const source = await loadSource(root.value, options);
  if (!source.ok) return source;
  const fileName = postFileName(options.postId);
  // Inline mode writes nothing: the assets folder is never used.
  const sink = assetSink('inline', root.value, '');
  try {
    const article = renderArticle(source.value, { sink, pageFile: fileName, siteTitle: options.siteTitle });
    return ok({ fileName, html: article.html, images: article.images, warnings: article.warnings });
  } catch (error) {
    return ioFailure(error, `read the images of ${options.postId}`);
  }
}

async function postsRoot(postsDir: string): Promise<Result<string>> {
  const root = await realpath(path.resolve(postsDir)).catch(() => null);
  return root === null ? fail('NOT_FOUND', `The posts folder ${postsDir} cannot be read.`) : ok(root);
}

async function loadSource(root: string, options: RenderPostOptions): Promise<Result<SourcePost>> {
  const location = await locatePost(root, options.postId);
  if (!location.ok) return location;
  const text = await (options.readText ?? readFromDisk(root))(options.postId);
  if (!text.ok) return text;
  const source = sourceFromText(options.postId, location.value.real, text.value, 0);
  if ('problem' in source) return fail('PARSE', source.problem, 'Fix the front matter, then export again.');
  return ok(source);
}

async function writePage(
  file: string,
  postsRoot: string,
  options: ExportPostOptions,
  source: SourcePost,
): Promise<Result<PostExport>> {
  const outRoot = path.dirname(file);
  const sink = assetSink(options.singleFile === true ? 'inline' : 'copy', postsRoot, `${pageStem(file)}-assets`);
  try {
    await mkdir(outRoot, { recursive: true });
    const siteTitle = options.siteTitle;
    const article = renderArticle(source, { sink, pageFile: path.basename(file), siteTitle });
    await writeCopies(outRoot, takeCopies(sink));
    await writeFileAtomic(file, new TextEncoder().encode(article.html), 0o644);
    return ok({ file, images: article.images, warnings: article.warnings });
  } catch (error) {
    if (errnoCode(error) === FILE_CHANGED && error instanceof Error) return fail('CONFLICT', error.message);
    return ioFailure(error, `write ${file}`);
  }
}

/** A page file's name without `.html`: its images go in `<stem>-assets` beside it. */
function pageStem(file: string): string {
  return path.basename(file).replace(/\.html?$/i, '');
}

function pageTarget(options: ExportPostOptions): Result<string> {
  if (options.outFile !== undefined) {
    if (!/\.html?$/i.test(options.outFile))
      return fail('INVALID_ARGUMENT', `The page ${options.outFile} must end in .html.`);
    return ok(path.resolve(options.outFile));
  }
  if (options.outDir === undefined)
    return fail('INVALID_ARGUMENT', 'Say where to write the page (a file or a folder).');
  return ok(path.resolve(options.outDir, postFileName(options.postId)));
}

/** The file name an exported page of `postId` gets by default: its slug with `.html`. */
export function postFileName(postId: string): string {
  return `${postSlug(postId)}.html`;
}

function postSlug(postId: string): string {
  return (
    derivedPageFile(postId)
      .replace(/\/index\.html$/, '')
      .split('/')
      .pop() ?? 'post'
  );
}

function readFromDisk(root: string): (postId: string) => Promise<Result<string>> {
  return async (postId) => {
    const location = await locatePost(root, postId);
    if (!location.ok) return location;
    const file = await readLimited(location.value.real, DEFAULT_MAX_FILE_BYTES, 'read this post');
    return file.ok ? ok(decodePost(file.value.bytes).text) : file;
  };
}
