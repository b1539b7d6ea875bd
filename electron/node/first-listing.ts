/**
 * Browser mode lists the folder as soon as it watches it, while the page is still loading its
 * code: the page's first `listPosts` then gets that listing instead of starting one. It is handed
 * out once, and only while nothing can have changed since it started (no change reported by the
 * watcher, no call that writes); otherwise the page gets a fresh listing, as always. The watcher starts
 * after this listing (watch-after.ts) and then reports what changed since it began, so the page lists again.
 */
import type { BlogApi, PostSummary, Result } from '../../shared/api/contract';

/** Methods that write nothing a listing shows. */
const READ_ONLY = new Set<keyof BlogApi>(['getWorkspace', 'listPosts', 'readPost', 'listJournal', 'searchPosts']);

/** The API with the early listing, and the hooks the server calls. */
export interface FirstListing {
  /** `api`, whose first `listPosts` may be answered by the early listing. */
  api: BlogApi;
  /** Starts the early listing. */
  start(): void;
  /** The folder changed, or the watcher failed: the early listing may be stale. */
  invalidate(): void;
  /** Settles when the early listing (if started) has finished, so stopping can wait for its index write. */
  settled(): Promise<void>;
}

/** Wraps `inner` so that its first listing can start before anyone asks for it. */
export function firstListing(inner: BlogApi): FirstListing {
  let early: Promise<Result<PostSummary[]>> | null = null;
  let started: Promise<void> = Promise.resolve();
  const api: BlogApi = {
    ...inner,
    listPosts: () => {
      const ready = early;
      early = null;
      return ready ?? inner.listPosts();
    },
  };
  const methods = api as unknown as Record<string, unknown>;
  const source = inner as unknown as Record<string, (this: BlogApi, ...args: unknown[]) => unknown>;
  for (const key of Object.keys(inner) as (keyof BlogApi)[]) {
    if (READ_ONLY.has(key)) continue;
    const method = source[key];
    if (method === undefined) continue;
    methods[key] = (...args: unknown[]) => {
      early = null;
      return method.apply(inner, args);
    };
  }
  return {
    api,
    start() {
      const listing = inner.listPosts();
      early = listing;
      // Settled either way; a failed early listing is simply not used.
      started = listing.then(
        () => undefined,
        () => undefined,
      );
    },
    settled: () => started,
    invalidate() {
      early = null;
    },
  };
}
