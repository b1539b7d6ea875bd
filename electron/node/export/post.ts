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
import { ioFailure } from '../store/errors';
import { readLimited, writeFileAtomic } from '../store/io';
import { isInside, locatePost } from '../store/paths';
import { renderArticle } from './article';
import { sourceFromText } from './collect';
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
  const root = await realpath(path.resolve(options.postsDir)).catch(() => null);
  if (root === null) return fail('NOT_FOUND', `The posts folder ${options.postsDir} cannot be read.`);
  const location = await locatePost(root, options.postId);
  if (!location.ok) return location;
  const target = pageTarget(options);
  if (!target.ok) return target;
  if (isInside(root, path.dirname(target.value))) {
    return fail(
      'INVALID_ARGUMENT',
      'The exported page would be written inside the posts folder.',
      'Choose a folder outside it.',
    );
  }
  const text = await (options.readText ?? readFromDisk(root))(options.postId);
  if (!text.ok) return text;
  const source = sourceFromText(options.postId, location.value.real, text.value, 0);
  if ('problem' in source) return fail('PARSE', source.problem, 'Fix the front matter, then export again.');
  return writePage(target.value, root, options, source);
}

async function writePage(
  file: string,
  postsRoot: string,
  options: ExportPostOptions,
  source: Exclude<ReturnType<typeof sourceFromText>, { problem: string }>,
): Promise<Result<PostExport>> {
  const outRoot = path.dirname(file);
  const stem = path.basename(file).replace(/\.html?$/i, '');
  const sink = {
    mode: options.singleFile === true ? ('inline' as const) : ('copy' as const),
    postsRoot,
    outRoot,
    assetsFolder: `${stem}-assets`,
    copied: new Map<string, string>(),
  };
  try {
    await mkdir(outRoot, { recursive: true });
    const siteTitle = options.siteTitle;
    const article = await renderArticle(source, { sink, pageFile: path.basename(file), siteTitle });
    await writeFileAtomic(file, new TextEncoder().encode(article.html), 0o644);
    return ok({ file, images: article.images, warnings: article.warnings });
  } catch (error) {
    return ioFailure(error, `write ${file}`);
  }
}

function pageTarget(options: ExportPostOptions): Result<string> {
  if (options.outFile !== undefined) {
    if (!/\.html?$/i.test(options.outFile))
      return fail('INVALID_ARGUMENT', `The page ${options.outFile} must end in .html.`);
    return ok(path.resolve(options.outFile));
  }
  if (options.outDir === undefined)
    return fail('INVALID_ARGUMENT', 'Say where to write the page (a file or a folder).');
  const slug =
    derivedPageFile(options.postId)
      .replace(/\/index\.html$/, '')
      .split('/')
      .pop() ?? 'post';
  return ok(path.resolve(options.outDir, `${slug}.html`));
}

function readFromDisk(root: string): (postId: string) => Promise<Result<string>> {
  return async (postId) => {
    const location = await locatePost(root, postId);
    if (!location.ok) return location;
    const file = await readLimited(location.value.real, DEFAULT_MAX_FILE_BYTES, 'read this post');
    return file.ok ? ok(decodePost(file.value.bytes).text) : file;
  };
}
