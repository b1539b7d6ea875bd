/**
 * Exporting a whole posts folder as a static site: one page per post at its front-matter path,
 * an index newest first, tag pages, and (with the site's URL) an Atom feed and a sitemap. Links
 * are relative with explicit `index.html`, so the site works from a web server and from disk.
 * Everything is written to a staging folder that replaces the output folder only when complete.
 */
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/contract';
import { renderArticle } from './article';
import type { AssetSink } from './assets';
import { collectPosts, compareNewestFirst } from './collect';
import { listFiles, tagFiles, type WrittenPost } from './lists';
import { publicUrl, relativeHref } from './paths';
import { linkResolver, planPages, type PlannedPost } from './plan';
import { checkOutputFolder, createStage, discardStage, publishStage } from './stage';
import { errnoCode, ioFailure } from '../store/errors';

/** What to export, where, and how to report progress. */
export interface ExportSiteOptions {
  postsDir: string;
  outDir: string;
  /** The site's public URL (`https://example.com/blog/`); enables the feed, sitemap and canonical links. */
  siteUrl?: string;
  /** Include posts marked as drafts. */
  drafts?: boolean;
  siteTitle?: string;
  onProgress?: (done: number, total: number) => void;
  /** A monotonic clock in milliseconds, for the time taken. */
  now?: () => number;
}

/** What an export wrote. `pages` counts every HTML page, posts included. */
export interface SiteReport {
  posts: number;
  pages: number;
  warnings: string[];
  ms: number;
}

/** Exports a posts folder as a static site. */
export async function exportSite(options: ExportSiteOptions): Promise<Result<SiteReport>> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const siteUrl = normalizeSiteUrl(options.siteUrl);
  if (!siteUrl.ok) return siteUrl;
  const postsRoot = await postsFolder(options.postsDir);
  if (!postsRoot.ok) return postsRoot;
  const out = await checkOutputFolder(options.outDir, postsRoot.value);
  if (!out.ok) return out;
  const collected = await collectPosts(postsRoot.value).catch((error: unknown) =>
    ioFailure(error, 'read the posts folder'),
  );
  if ('ok' in collected) return collected;
  const visible = collected.posts.filter((post) => options.drafts === true || !post.facts.draft);
  const plan = planPages(visible);
  if (!plan.ok) return plan;
  const settings = { siteTitle: options.siteTitle ?? 'Blog', siteUrl: siteUrl.value, onProgress: options.onProgress };
  const stage = await createStage(out.value);
  try {
    const written = await writeSite(stage, postsRoot.value, plan.value.pages, settings);
    await publishStage(stage, out.value);
    const warnings = [...collected.problems, ...plan.value.warnings, ...written.warnings];
    return ok({ posts: plan.value.pages.length, pages: written.pages, warnings, ms: Math.round(now() - started) });
  } catch (error) {
    await discardStage(stage);
    return ioFailure(error, `write the export to ${out.value}`);
  }
}

interface SiteSettings {
  siteTitle: string;
  siteUrl: string | undefined;
  onProgress: ((done: number, total: number) => void) | undefined;
}

async function writeSite(
  stage: string,
  postsRoot: string,
  pages: PlannedPost[],
  settings: SiteSettings,
): Promise<{ pages: number; warnings: string[] }> {
  const sink: AssetSink = { mode: 'copy', postsRoot, outRoot: stage, assetsFolder: 'assets', copied: new Map() };
  const ordered = [...pages].sort((a, b) => compareNewestFirst(a.post, b.post));
  const tags = tagFiles(ordered);
  const links = linkResolver(ordered);
  const warnings: string[] = [];
  const written: WrittenPost[] = [];
  settings.onProgress?.(0, ordered.length);
  for (const page of ordered) {
    const article = await renderArticle(page.post, {
      sink,
      pageFile: page.file,
      resolveLink: links(page),
      siteTitle: settings.siteTitle,
      canonicalUrl: settings.siteUrl === undefined ? undefined : publicUrl(settings.siteUrl, page.file),
      home: relativeHref(page.file, 'index.html'),
      tagHref: (tag) => relativeHref(page.file, tags.get(tag) ?? 'tags/index.html'),
      feedHref: settings.siteUrl === undefined ? undefined : relativeHref(page.file, 'feed.xml'),
    });
    await writeOut(stage, page.file, article.html);
    warnings.push(...article.warnings);
    written.push({ page, summary: article.summary, html: article.bodyHtml });
    settings.onProgress?.(written.length, ordered.length);
  }
  const lists = listFiles(written, tags, { siteTitle: settings.siteTitle, siteUrl: settings.siteUrl });
  for (const [file, text] of lists) await writeOut(stage, file, text);
  const listPages = [...lists.keys()].filter((file) => file.endsWith('.html')).length;
  return { pages: written.length + listPages, warnings };
}

async function writeOut(root: string, rel: string, text: string): Promise<void> {
  const target = path.join(root, ...rel.split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
}

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
