/**
 * Watching a posts folder without holding up its first listing. chokidar's first scan of a folder
 * `lstat`s and watches every file: for 10,000 posts ~1.2 s here and ~1.4 s of CPU, on the same thread
 * as the listing (~0.4 s), which waited for it. The watcher now starts once the folder has been listed
 * (or `after` settles), and whatever changed on disk between that listing and the watcher being ready
 * is found by one look at every post's stats (~60 ms for 10,000) and reported as the watcher would have.
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import type { BlogApi, PostSummary } from '../../shared/api/contract';
import { timeSlices } from './store/limit';
import { onDiskPath, walkPostFiles } from './store/walk';
import {
  anythingChanged,
  createWatcher,
  namesAny,
  sorted,
  type FolderChanges,
  type FolderWatcher,
  type WatcherOptions,
} from './watcher';

/**
 * How far before a listing started a file's change time may be and still count as made after it, in
 * ms: FAT and exFAT keep times to 2 s, and a network disk's clock may be a little off. A file reported
 * needlessly costs a look at its bytes (the watcher reports only real changes once it knows them).
 */
export const CLOCK_SLACK_MS = 3000;

/** What a listing saw: when it started and each post's size and modification time. */
interface Seen {
  startedAt: number;
  posts: ReadonlyMap<string, Pick<PostSummary, 'size' | 'mtimeMs'>>;
}

/** The API with its listings remembered, and what changed on disk since the latest. */
export interface ListingWitness {
  /** `inner`, whose `listPosts` answers are remembered. */
  api: BlogApi;
  /** Settles once a listing has answered (ok or not). */
  listed: Promise<void>;
  /**
   * What changed below `root` since the first listing started (after any listing under way has
   * answered); without one, what changed since the witness was made, as additions. A folder that
   * cannot be walked (gone, unreadable) has lost every post listed.
   */
  missedSince(root: string): Promise<FolderChanges>;
}

/** Remembers what `inner`'s listings saw; `now` is the clock files' change times are compared with. */
export function listingWitness(inner: BlogApi, now: () => number = Date.now): ListingWitness {
  const madeAt = now();
  let seen: Seen | null = null;
  const underWay = new Set<Promise<unknown>>();
  let done = (): void => undefined;
  const listed = new Promise<void>((resolve) => (done = resolve));
  const api: BlogApi = {
    ...inner,
    listPosts: () => {
      const startedAt = now();
      const listing = inner.listPosts();
      underWay.add(listing);
      void listing.then(
        (result) => {
          underWay.delete(listing);
          // The first listing, not the newest: a page (a tab) that listed first still shows it, and must
          // hear of what changed since; a page that listed later is told again of what it saw (a refresh).
          if (result.ok && (seen === null || startedAt < seen.startedAt)) {
            seen = { startedAt, posts: new Map(result.value.map((post) => [post.id, post])) };
          }
          done();
        },
        () => {
          underWay.delete(listing);
          done();
        },
      );
      return listing;
    },
  };
  return {
    api,
    listed,
    async missedSince(root) {
      while (underWay.size > 0) await Promise.allSettled([...underWay]);
      const since = seen ?? { startedAt: madeAt, posts: null };
      return changesAfter(root, since.startedAt - CLOCK_SLACK_MS, since.posts);
    },
  };
}

/**
 * The posts below `root` added, changed or removed since `posts` was seen, or (none seen) those whose
 * file changed at or after `after` (ms since the epoch), as additions.
 */
async function changesAfter(
  root: string,
  after: number,
  posts: ReadonlyMap<string, Pick<PostSummary, 'size' | 'mtimeMs'>> | null,
): Promise<FolderChanges> {
  const changes = anythingChanged();
  let files;
  try {
    files = await walkPostFiles(root);
  } catch {
    // Gone or unreadable: its posts are gone for the page (the watcher looks for the folder again).
    changes.removed = [...(posts?.keys() ?? [])];
    return sorted(changes);
  }
  const onDisk = new Set<string>();
  const slices = timeSlices();
  for (const file of files) {
    if (slices.due()) await slices.pause();
    onDisk.add(file.id);
    const abs = onDiskPath(root, file);
    let stats;
    try {
      stats = lstatSync(abs);
    } catch {
      // Gone since the walk: a removal, if it was listed.
      onDisk.delete(file.id);
      continue;
    }
    const before = posts?.get(file.id);
    if (before === undefined) {
      if (posts !== null || Math.max(stats.mtimeMs, stats.ctimeMs) >= after) changes.added.push(file.id);
    } else if (file.link ? linkChanged(abs, stats, before) : changedSince(stats, before, after)) {
      changes.changed.push(file.id);
    }
  }
  for (const id of posts?.keys() ?? []) if (!onDisk.has(id)) changes.removed.push(id);
  return sorted(changes);
}

/** Whether a file's stats differ from those listed, or it changed at or after `after`. */
function changedSince(stats: Stats, before: Pick<PostSummary, 'size' | 'mtimeMs'>, after: number): boolean {
  return (
    Math.max(stats.mtimeMs, stats.ctimeMs) >= after || before.size !== stats.size || before.mtimeMs !== stats.mtimeMs
  );
}

/**
 * Whether a linked post changed: the listing keeps its target's size and time when it read it, its
 * own when it could not (a link out of the folder). Its target, when a post, is judged under its own id.
 */
function linkChanged(abs: string, own: Stats, before: Pick<PostSummary, 'size' | 'mtimeMs'>): boolean {
  const same = (stats: Stats | undefined): boolean =>
    stats !== undefined && stats.size === before.size && stats.mtimeMs === before.mtimeMs;
  return !same(own) && !same(statSync(abs, { throwIfNoEntry: false }));
}

/** A watcher started later: `ready` settles once it reports changes (or failed to start, or was closed first). */
export interface LateWatcher {
  ready: Promise<void>;
  close(): Promise<void>;
  /** The app wrote post `id` (passed on once the watcher runs; before that, nothing is remembered to be wrong). */
  wrote(id: string, version: string): void;
}

/** How the watcher is started later. */
export interface LateWatcherOptions extends WatcherOptions {
  /** The watcher starts once this settles. */
  after: Promise<unknown>;
  /** What changed since the folder was last listed, reported once the watcher is ready. */
  missed: () => Promise<FolderChanges>;
  /** Starts the watcher (the default: createWatcher; a test passes a slow one). */
  start?: (options: WatcherOptions) => Promise<FolderWatcher>;
}

/** Starts watching once `after` settles; failures to start go to `onError`. */
export function watchAfter(options: LateWatcherOptions): LateWatcher {
  const { after, missed, start = createWatcher, ...watching } = options;
  let closed = false;
  let stop = (): void => undefined;
  // Closing never waits for `after`, which may never come.
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const onError = (error: unknown): void =>
    watching.onError?.(error instanceof Error ? error : new Error(String(error)));
  let live: FolderWatcher | null = null;
  const running: Promise<FolderWatcher | null> = Promise.race([after.catch(() => undefined), stopped])
    .then(async () => {
      if (closed) return null;
      const watcher = await start(watching);
      if (closed) {
        await watcher.close();
        return null;
      }
      live = watcher;
      try {
        const changes = await missed();
        if (!closed && namesAny(changes)) watching.onChange(changes);
      } catch (error) {
        // The catch-up failed; the watcher still reports what changes from now on.
        onError(error);
      }
      return watcher;
    })
    .catch((error: unknown) => {
      onError(error);
      return null;
    });
  return {
    ready: running.then(() => undefined),
    wrote(id, version) {
      if (!closed) live?.wrote(id, version);
    },
    async close() {
      closed = true;
      stop();
      await (await running)?.close();
    },
  };
}
