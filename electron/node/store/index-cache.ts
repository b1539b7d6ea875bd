/**
 * The front-matter index: each listed post's summary, remembered by id, file size, modification
 * time and status-change time, so listing a folder again reads only the files that changed. It lives in
 * memory, and in a JSON file in the app's data folder when one is given (a second start of the
 * app then lists at the speed of `stat`). A damaged or outdated file is ignored, never trusted.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PostSummary } from '../../../shared/api/contract';
import { writeFileAtomic } from './io';

/** Bump when summaries change shape or meaning: older index files are then ignored. */
export const INDEX_VERSION = 7;

/**
 * Remembered summaries, valid while a file's size, modification time and status-change time
 * (ctime) stay the same. The ctime matters: tools that restore a file's modification time (rsync
 * -t, cp -p, tar, a backup) or set it (`touch -r`) leave a changed file with its old size and mtime,
 * but no tool can set its ctime back.
 */
export interface IndexCache {
  /** Reads the index file, once (opening the cache does not, so a start-up never waits for it). */
  load(): Promise<void>;
  /** Whether a summary of `id` is remembered at all (so a first listing need not `lstat` what it will read). */
  has(id: string): boolean;
  /** Every summary remembered (after `load()`), unchecked against the files. */
  all(): PostSummary[];
  /**
   * The summary of `id` if it was made from a file of exactly this size, modification time and
   * ctime (a summary remembered with a ctime is never given for a file whose ctime is unknown).
   */
  get(id: string, size: number, mtimeMs: number, ctimeMs?: number): PostSummary | undefined;
  /** Remembers a summary (keyed by its own id, size and mtimeMs, and the file's `ctimeMs` when known). */
  set(summary: PostSummary, ctimeMs?: number): void;
  /**
   * Remembers a summary for the list only: a post every listing reads in full (a link, a file that
   * cannot be read, a name refused). `all()` gives it, so a remembered list has every post the last
   * one had; `get()` never does.
   */
  show(summary: PostSummary): void;
  /** Forgets every post not in `ids` (deleted or renamed files). */
  retain(ids: ReadonlySet<string>): void;
  /**
   * Writes the index file if anything changed since it was read or last written, after any write
   * already under way (one at a time, so an older index never lands last).
   */
  flush(): Promise<void>;
}

/** Index files being written, by every cache of this process. */
const underWay = new Set<Promise<void>>();

/** Settles once every index file write started so far has finished (so a process can stop without cutting one). */
export async function indexWritesDone(): Promise<void> {
  while (underWay.size > 0) await Promise.all(underWay);
}

interface IndexFile {
  version: number;
  posts: PostSummary[];
  /** Each post's file ctime, in the order of `posts` (null when it was not known; LIST_ONLY for one shown only). */
  ctimes: (number | null | typeof LIST_ONLY)[];
}

/** The `ctimes` entry of a summary remembered for the list only. */
const LIST_ONLY = 'list-only';

interface Entry {
  post: PostSummary;
  ctimeMs: number | undefined;
  listOnly?: true;
}

/**
 * Opens the index over `file`, read on the first `load()` (missing, damaged or outdated files count
 * as empty). Without a file it lives in memory only.
 */
export function openIndexCache(file?: string): Promise<IndexCache> {
  const entries = new Map<string, Entry>();
  let loading: Promise<void> | null = null;
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();
  const write = async (): Promise<void> => {
    if (file === undefined || !dirty) return;
    dirty = false;
    try {
      const all = [...entries.values()];
      const body: IndexFile = {
        version: INDEX_VERSION,
        posts: all.map((entry) => entry.post),
        ctimes: all.map((entry) => (entry.listOnly === true ? LIST_ONLY : (entry.ctimeMs ?? null))),
      };
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, Buffer.from(JSON.stringify(body)), 0o600);
    } catch (error) {
      dirty = true;
      throw error;
    }
  };
  return Promise.resolve({
    load() {
      loading ??= (async () => {
        if (file === undefined) return;
        // Entries remembered since opening are newer than the file's.
        for (const entry of await load(file)) if (!entries.has(entry.post.id)) entries.set(entry.post.id, entry);
      })();
      return loading;
    },
    has(id) {
      return entries.has(id);
    },
    all() {
      return [...entries.values()].map((entry) => entry.post);
    },
    get(id, size, mtimeMs, ctimeMs) {
      const known = entries.get(id);
      if (known === undefined || known.listOnly === true) return undefined;
      if (known.post.size !== size || known.post.mtimeMs !== mtimeMs) return undefined;
      return known.ctimeMs === undefined || known.ctimeMs === ctimeMs ? known.post : undefined;
    },
    set(summary, ctimeMs) {
      entries.set(summary.id, { post: summary, ctimeMs });
      dirty = true;
    },
    show(summary) {
      const known = entries.get(summary.id);
      // The same summary again (a link or an unreadable file, unchanged): nothing to write.
      if (known?.listOnly === true && JSON.stringify(known.post) === JSON.stringify(summary)) return;
      entries.set(summary.id, { post: summary, ctimeMs: undefined, listOnly: true });
      dirty = true;
    },
    retain(ids) {
      for (const id of entries.keys()) {
        if (!ids.has(id)) {
          entries.delete(id);
          dirty = true;
        }
      }
    },
    flush() {
      const next = writing.then(write);
      const settled = next.catch(() => undefined);
      writing = settled;
      underWay.add(settled);
      void settled.then(() => underWay.delete(settled));
      return next;
    },
  });
}

async function load(file: string): Promise<Entry[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return [];
  }
  if (!isIndexFile(parsed) || parsed.version !== INDEX_VERSION) return [];
  const entries: Entry[] = [];
  parsed.posts.forEach((post, index) => {
    const ctime = parsed.ctimes[index];
    if (!isSummary(post)) return;
    if (ctime === LIST_ONLY) entries.push({ post, ctimeMs: undefined, listOnly: true });
    else entries.push({ post, ctimeMs: typeof ctime === 'number' ? ctime : undefined });
  });
  return entries;
}

function isIndexFile(value: unknown): value is IndexFile {
  if (typeof value !== 'object' || value === null) return false;
  const { posts, ctimes } = value as Partial<IndexFile>;
  return Array.isArray(posts) && Array.isArray(ctimes) && ctimes.length === posts.length;
}

function isSummary(value: unknown): value is PostSummary {
  if (typeof value !== 'object' || value === null) return false;
  const post = value as Partial<PostSummary>;
  return (
    typeof post.id === 'string' &&
    typeof post.title === 'string' &&
    typeof post.size === 'number' &&
    typeof post.mtimeMs === 'number' &&
    Array.isArray(post.tags) &&
    (post.problem === undefined || typeof post.problem === 'string')
  );
}
