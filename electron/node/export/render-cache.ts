/**
 * A cache of Markdown body renders across site exports, built so that it cannot publish a stale
 * page. An entry is keyed by the pipeline's version and the body text, and remembers every
 * question the render asked (image and link answers) with its answer; it is reused only when the
 * same questions, asked again in order through the real resolvers, get the same answers. Asking
 * them again also does what the render would do (an image is found and queued for copying).
 * Anything unreadable, corrupt or of another version is an empty cache, never an error.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderMarkdown, type RenderOptions, type RenderResult } from '../../../shared/markdown/render';
import { writeFileAtomic } from '../store/io';

/** One question a render asked: which resolver, about what, and the answer it got. */
export type CachedQuery = ['image' | 'link', string, string | null];

/** A body's render and the questions it asked, in order. Plain data (sent to workers, saved as JSON). */
export interface CachedBody {
  html: string;
  warnings: string[];
  queries: CachedQuery[];
}

/** A body render, fresh or reused, with the entry that reproduces it. */
export interface BodyRender {
  result: RenderResult;
  entry: CachedBody;
  reused: boolean;
}

declare const POSTWRIGHT_BUILD_ID: string | undefined;

/**
 * The pipeline's version in a build: the app's version and a hash of every source file bundled
 * and of the installed packages (scripts/build.mjs). Null when running from source (tests):
 * callers then pass a version of their own, or export without the cache.
 */
export const BUILD_RENDER_VERSION: string | null = typeof POSTWRIGHT_BUILD_ID === 'string' ? POSTWRIGHT_BUILD_ID : null;

/** Bumped by hand when the cache's file or key changes shape. */
const FORMAT = 1;

/** The cache key of a body under a pipeline version (the export always keeps remote images). */
export function bodyKey(version: string, body: string): string {
  return createHash('sha256')
    .update(`${String(FORMAT)}\0${version}\0keep\0`)
    .update(body)
    .digest('base64url');
}

/**
 * Renders `body` through the one pipeline, reusing `cached` when replaying its questions through
 * `options`' resolvers gets every same answer. A replay stops at the first different answer; the
 * fresh render then asks the same questions first (the render is a function of the body and the
 * answers), so the resolvers see exactly the calls an uncached render makes.
 */
export function renderBodyCached(body: string, options: RenderOptions, cached: CachedBody | undefined): BodyRender {
  if (cached !== undefined && (options.remoteImages ?? 'keep') === 'keep' && replays(cached.queries, options)) {
    return { result: { html: cached.html, warnings: [...cached.warnings] }, entry: cached, reused: true };
  }
  const queries: CachedQuery[] = [];
  const recorded: RenderOptions = { ...options };
  const { resolveImage, resolveLink } = options;
  if (resolveImage !== undefined) recorded.resolveImage = recorder('image', resolveImage, queries);
  if (resolveLink !== undefined) recorded.resolveLink = recorder('link', resolveLink, queries);
  const result = renderMarkdown(body, recorded);
  return { result, entry: { html: result.html, warnings: [...result.warnings], queries }, reused: false };
}

function recorder(
  kind: CachedQuery[0],
  resolve: (value: string) => string | null,
  queries: CachedQuery[],
): (value: string) => string | null {
  return (value) => {
    const answer = resolve(value);
    queries.push([kind, value, answer]);
    return answer;
  };
}

function replays(queries: readonly CachedQuery[], options: RenderOptions): boolean {
  for (const [kind, value, answer] of queries) {
    const resolve = kind === 'image' ? options.resolveImage : options.resolveLink;
    if (resolve === undefined || resolve(value) !== answer) return false;
  }
  return true;
}

/** The entries of one posts folder's cache, as read at the start of an export. */
export interface RenderCache {
  version: string;
  entries: Map<string, CachedBody>;
}

/** The cache file of a posts folder (real path) in the data folder, keyed like its index and journal. */
export function renderCacheFileFor(dataDir: string, folderKey: string): string {
  return path.join(dataDir, 'render-cache', `${folderKey}.json`);
}

/** Reads a cache file; a missing, unreadable, corrupt or other-version file gives an empty cache. */
export async function loadRenderCache(file: string, version: string): Promise<RenderCache> {
  const empty: RenderCache = { version, entries: new Map() };
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return empty;
  }
  if (!isRecord(data) || data.format !== FORMAT || data.version !== version || !isRecord(data.entries)) return empty;
  for (const [key, value] of Object.entries(data.entries)) if (isEntry(value)) empty.entries.set(key, value);
  return empty;
}

/** Replaces the cache file with `entries` (those one export used), atomically. Throws on I/O failure. */
export async function saveRenderCache(
  file: string,
  version: string,
  entries: ReadonlyMap<string, CachedBody>,
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const json = JSON.stringify({ format: FORMAT, version, entries: Object.fromEntries(entries) });
  await writeFileAtomic(file, new TextEncoder().encode(json), 0o600);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntry(value: unknown): value is CachedBody {
  if (!isRecord(value) || typeof value.html !== 'string') return false;
  const { warnings, queries } = value;
  if (!Array.isArray(warnings) || !warnings.every((w) => typeof w === 'string')) return false;
  return Array.isArray(queries) && queries.every(isQuery);
}

function isQuery(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [kind, asked, answer] = value as unknown[];
  return (
    (kind === 'image' || kind === 'link') &&
    typeof asked === 'string' &&
    (answer === null || typeof answer === 'string')
  );
}
