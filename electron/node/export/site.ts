/**
 * Exporting a whole posts folder as a static site: one page per post at its front-matter path,
 * an index newest first, tag pages, and (with the site's URL) an Atom feed and a sitemap. Links
 * are relative with explicit `index.html`, so the site works from a web server and from disk.
 * Everything is written to a staging folder that replaces the output folder only when complete.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, KEEP_OTHER_FILES_HINT, ok, type Result } from '../../../shared/api/contract';
import { FILE_CHANGED, type FileCopy } from './assets';
import { collectPosts, compareNewestFirst, type SourcePost } from './collect';
import { listFiles, tagFiles, type WrittenPost } from './lists';
import { pageLinks, planPages, type PlannedPost } from './plan';
import { defaultPool, renderPages, type PoolOptions } from './pool';
import {
  bodyKey,
  BUILD_RENDER_VERSION,
  loadRenderCache,
  renderCacheFileFor,
  saveRenderCache,
  type CachedBody,
} from './render-cache';
import { PageError } from './site-pages';
import { ClashError } from './beside';
import {
  checkOutputFolder,
  createStage,
  discardStage,
  ForeignFilesError,
  MovedAsideError,
  afterAnswer,
  publishStage,
  stageWriter,
} from './stage';
import { journalKey } from '../journal/location';
import { errnoCode, ioFailure } from '../store/errors';
import { isInside } from '../store/paths';
import { takeOutput } from './leftovers';
import { realPathOf } from './real-path';

/** The default sharing of pages among threads, for callers that bundle the exporter themselves (the bench). */
export { defaultPool } from './pool';

/** What to export, where, and how to report progress. */
export interface ExportSiteOptions {
  postsDir: string;
  outDir: string;
  /** The site's public URL (`https://example.com/blog/`); enables the feed, sitemap and canonical links. */
  siteUrl?: string;
  /** Include posts marked as drafts. */
  drafts?: boolean;
  /**
   * Keep the author's own files in the output folder (a CNAME, a `.git`): the pages are written
   * among them, and a file of theirs where a page goes stops the export. Without it, such files stop it.
   */
  keepOtherFiles?: boolean;
  siteTitle?: string;
  onProgress?: (done: number, total: number) => void;
  /** A monotonic clock in milliseconds, for the time taken. */
  now?: () => number;
  /** How pages are shared among threads; by default the bundled worker, one per core, if built. */
  pool?: PoolOptions;
  /**
   * Reuse body renders of earlier exports: kept in `<dataDir>/render-cache/<folder key>.json`
   * under the pipeline's `version` (by default the build's; running from source has none, and
   * then nothing is cached). Never inside the posts or the output folder.
   */
  renderCache?: { dataDir: string; version?: string };
}

/** What an export wrote. `pages` counts every HTML page, posts included. */
export interface SiteReport {
  posts: number;
  pages: number;
  warnings: string[];
  ms: number;
  /** Of the post pages, how many bodies were rendered and how many reused from the render cache. */
  rendered: number;
  reused: number;
  /** The author's entries left as they were in the output folder (keepOtherFiles; a folder counts once). */
  kept: number;
}

/** Exports a posts folder as a static site. */
export async function exportSite(options: ExportSiteOptions): Promise<Result<SiteReport>> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const siteUrl = normalizeSiteUrl(options.siteUrl);
  if (!siteUrl.ok) return siteUrl;
  const postsRoot = await postsFolder(options.postsDir);
  if (!postsRoot.ok) return postsRoot;
  const beside = options.keepOtherFiles === true;
  const out = await checkOutputFolder(options.outDir, postsRoot.value, beside);
  if (!out.ok) return out;
  const release = await takeOutput(out.value).catch((error: unknown) => ioFailure(error, `export to ${out.value}`));
  if (release === null)
    return fail('CONFLICT', `Another export into ${out.value} is running.`, 'Export again once it has finished.');
  if (typeof release !== 'function') return release;
  const later: (() => void)[] = [];
  try {
    return await exportInto(
      options,
      { started, now, siteUrl: siteUrl.value, postsRoot: postsRoot.value, later },
      out.value,
    );
  } finally {
    await release();
    // Once the answer is on its way: writing the render cache starts by turning megabytes into JSON.
    for (const start of later) setImmediate(start);
  }
}

/** The export itself, once the output folder is this export's alone. */
async function exportInto(
  options: ExportSiteOptions,
  run: { started: number; now: () => number; siteUrl: string | undefined; postsRoot: string; later: (() => void)[] },
  outAbs: string,
): Promise<Result<SiteReport>> {
  const { started, now } = run;
  const beside = options.keepOtherFiles === true;
  const collected = await collectPosts(run.postsRoot).catch((error: unknown) =>
    ioFailure(error, 'read the posts folder'),
  );
  if ('ok' in collected) return collected;
  const visible = collected.posts.filter((post) => options.drafts === true || !post.facts.draft);
  const plan = planPages(visible);
  if (!plan.ok) return plan;
  const settings: SiteSettings = {
    postsRoot: run.postsRoot,
    siteTitle: options.siteTitle ?? 'Blog',
    siteUrl: run.siteUrl,
    onProgress: options.onProgress,
    pool: options.pool ?? defaultPool(process.argv[1]),
    cache: await openCache(options.renderCache, run.postsRoot, outAbs),
  };
  const stage = await createStage(outAbs);
  try {
    const written = await writeSite(stage, plan.value.pages, settings);
    const { kept } = await publishStage(stage, outAbs, written.files, beside);
    // Written after the answer: a first export's whole cache is megabytes, flushed to disk.
    const keeping = keepCache(settings.cache, written.used);
    if (keeping !== null) run.later.push(keeping);
    const jsNotes = jsFrontMatterNotes(collected.posts, options.drafts === true);
    const warnings = [...collected.problems, ...jsNotes, ...plan.value.warnings, ...written.warnings];
    const { pages, rendered, reused } = written;
    const ms = Math.round(now() - started);
    return ok({ posts: plan.value.pages.length, pages, warnings, ms, rendered, reused, kept });
  } catch (error) {
    await discardStage(stage);
    if (error instanceof ForeignFilesError) return fail('EXISTS', error.message, KEEP_OTHER_FILES_HINT);
    if (error instanceof MovedAsideError)
      return fail('CONFLICT', error.message, 'Move it back once the output folder is free, then export again.');
    if (error instanceof ClashError)
      return fail(
        'EXISTS',
        error.message,
        'Move or rename them, or give the posts that need those pages another path.',
      );
    if (errnoCode(error) === FILE_CHANGED && error instanceof Error) return fail('CONFLICT', error.message);
    if (error instanceof PageError && errnoCode(error.cause) !== undefined)
      return ioFailure(error.cause, `export ${error.postId}`);
    return ioFailure(error, `write the export to ${outAbs}`);
  }
}

/**
 * JavaScript front matter is never run (shared/api/drafts.ts reads its text for a draft flag): the
 * author is told that its title, date and tags were not used, and when it was left out as a draft.
 */
function jsFrontMatterNotes(posts: readonly SourcePost[], drafts: boolean): string[] {
  return posts
    .filter((post) => post.parsed.frontMatter.format === 'js')
    .map((post) => {
      const left = post.facts.draft && !drafts ? '; it sets a draft flag, so it was left out as a draft' : '';
      return `${post.id}: its JavaScript front matter was read as text and never run, so its title, date and tags were not used${left}.`;
    });
}

interface SiteSettings {
  postsRoot: string;
  siteTitle: string;
  siteUrl: string | undefined;
  onProgress: ((done: number, total: number) => void) | undefined;
  pool: PoolOptions;
  cache: OpenCache | null;
}

interface WrittenSite {
  pages: number;
  warnings: string[];
  rendered: number;
  reused: number;
  /** Each post body's cache key → the render this export used. */
  used: Map<string, CachedBody>;
  /** Every file written, output-relative. */
  files: string[];
}

async function writeSite(stage: string, pages: PlannedPost[], settings: SiteSettings): Promise<WrittenSite> {
  const ordered = [...pages].sort((a, b) => compareNewestFirst(a.post, b.post));
  const tags = tagFiles(ordered);
  const setup = {
    postsRoot: settings.postsRoot,
    siteTitle: settings.siteTitle,
    siteUrl: settings.siteUrl,
    pages: pageLinks(ordered),
    tags: [...tags],
  };
  const copied = new Set<string>();
  const warnings: string[] = [];
  const written: WrittenPost[] = [];
  const cache = settings.cache;
  const posts = ordered.map((page) => page.post);
  const keys = cache === null ? [] : posts.map((post) => bodyKey(cache.version, post.parsed.body));
  const used = new Map<string, CachedBody>();
  let reused = 0;
  let lists: Map<string, string>;
  // From here until finish() the writer's thread runs: whatever fails (a progress callback too) stops it.
  const stageFiles = stageWriter(stage);
  const files: string[] = [];
  const writer = {
    write: (rel: string, data: string | Uint8Array) => {
      files.push(rel);
      return stageFiles.write(rel, data);
    },
    copy: (rel: string, source: FileCopy) => {
      files.push(rel);
      return stageFiles.copy(rel, source);
    },
    finish: () => stageFiles.finish(),
  };
  try {
    settings.onProgress?.(0, ordered.length);
    await renderPages(
      setup,
      posts,
      async (index, rendered) => {
        const page = ordered[index];
        if (page === undefined) throw new Error(`No page ${String(index)}`);
        for (const [rel, source] of rendered.copies) if (!copied.has(rel)) await writer.copy(rel, source);
        for (const rel of rendered.copies.keys()) copied.add(rel);
        await writer.write(page.file, rendered.html);
        warnings.push(...rendered.warnings);
        written.push({ page, summary: rendered.summary, html: rendered.bodyHtml });
        const key = keys[index];
        if (key !== undefined) used.set(key, rendered.cache);
        if (rendered.reused) reused += 1;
        settings.onProgress?.(written.length, ordered.length);
      },
      settings.pool,
      (index) => {
        const key = keys[index];
        return key === undefined ? undefined : cache?.entries.get(key);
      },
    );
    const listed = listFiles(written, tags, { siteTitle: settings.siteTitle, siteUrl: settings.siteUrl });
    lists = listed.files;
    warnings.push(...listed.warnings);
    for (const [file, text] of lists) await writer.write(file, text);
  } catch (error) {
    // The writer thread stops, with nothing still being written when the caller discards the stage.
    await writer.finish().catch(() => undefined);
    throw error;
  }
  await writer.finish();
  const listPages = [...lists.keys()].filter((file) => file.endsWith('.html')).length;
  return { pages: written.length + listPages, warnings, rendered: written.length - reused, reused, used, files };
}

interface OpenCache {
  file: string;
  version: string;
  entries: Map<string, CachedBody>;
}

/** The render cache of this export, or null: no version, or a data folder inside the posts or output folder. */
async function openCache(
  options: ExportSiteOptions['renderCache'],
  postsRoot: string,
  outAbs: string,
): Promise<OpenCache | null> {
  const version = options?.version ?? BUILD_RENDER_VERSION;
  if (options === undefined || version === null) return null;
  const file = renderCacheFileFor(await realPathOf(path.resolve(options.dataDir)), journalKey(postsRoot));
  if (isInside(postsRoot, file) || isInside(outAbs, file)) return null;
  await cacheSaves.get(file)?.catch(() => undefined);
  const loaded = await loadRenderCache(file, version);
  return { file, version, entries: loaded.entries };
}

/**
 * Keeps the renders an export used (and only those) for the next, once the export has answered
 * (the next export of the folder waits for it); a cache that cannot be written is skipped. When the
 * export used exactly the entries it read, the file already holds them. Returns what starts the
 * write (the caller calls it once it has answered), or null when there is nothing to write.
 */
function keepCache(cache: OpenCache | null, used: ReadonlyMap<string, CachedBody>): (() => void) | null {
  if (cache === null) return null;
  const same = used.size === cache.entries.size && [...used].every(([key, entry]) => cache.entries.get(key) === entry);
  if (same) return null;
  let start = (): void => undefined;
  const started = new Promise<void>((resolve) => {
    start = resolve;
  });
  const saving = started
    .then(() => saveRenderCache(cache.file, cache.version, used))
    .finally(() => {
      if (cacheSaves.get(cache.file) === saving) cacheSaves.delete(cache.file);
    });
  cacheSaves.set(cache.file, saving);
  afterAnswer(saving);
  return start;
}

/** Render caches being written after their export answered, by file: the next export of the folder reads it once written. */
const cacheSaves = new Map<string, Promise<void>>();

async function postsFolder(postsDir: string): Promise<Result<string>> {
  try {
    const real = await realpath(path.resolve(postsDir));
    if (!(await stat(real)).isDirectory()) return fail('NOT_A_FILE', `The posts folder ${postsDir} is not a folder.`);
    return ok(real);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return fail('NOT_FOUND', `The posts folder ${postsDir} does not exist.`);
    return ioFailure(error, `read the posts folder ${postsDir}`);
  }
}

/** The site's URL with a trailing slash, or why it is refused. */
export function normalizeSiteUrl(url: string | undefined): Result<string | undefined> {
  if (url === undefined) return ok(undefined);
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/i.test(trimmed)) {
    return fail(
      'INVALID_ARGUMENT',
      `The site URL "${url}" is not an http(s) URL without a query or fragment.`,
      'For example: https://example.com/blog/',
    );
  }
  return ok(trimmed.endsWith('/') ? trimmed : `${trimmed}/`);
}
