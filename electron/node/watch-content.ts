/**
 * What the watcher last saw of each post, by content hash, so that only real changes are
 * reported: a touch (new time, same bytes), a rewrite with identical bytes or a sync tool
 * re-copying a file must not disturb an author's open post.
 */
import path from 'node:path';
import { versionOf } from './store/doc';
import { readPlainSync } from './store/io';
import { timeSlices } from './store/limit';
import { walkPosts } from './store/walk';
import type { FolderChanges } from './watcher';

/** The content hashes of a folder's posts, kept current from the watcher's events. */
export interface ContentMemory {
  /** Hashes every post once; events that arrived since the memory was made win over what the scan read. */
  seed(): Promise<void>;
  /** Notes that an event arrived for `id` (before the batch is filtered). */
  touched(id: string): void;
  /** The batch without changes whose content is what was last seen; remembers the new content. */
  filter(changes: FolderChanges): Promise<FolderChanges>;
  /**
   * The app itself wrote post `id` with content `hash` (its version). The next batch naming `id`
   * reports it unless the file then holds exactly that: a program writing the old bytes back within
   * one batch of the app's save (an editor autosaving its stale copy, a sync tool restoring the
   * server's) left the file as the memory last saw it, and the change went unreported while the
   * app said "Saved" over a file that no longer held the save (review 24b). The app's own save is
   * still reported as before: the pages refresh their lists by it (review 25).
   */
  wrote(id: string, hash: string): void;
}

/** The content hash of post `id` (null: not a regular file of at most `maxBytes`, or unreadable). */
function hashOf(root: string, id: string, maxBytes: number): string | null {
  const read = readPlainSync(path.join(root, ...id.split('/')), maxBytes);
  return read === undefined ? null : versionOf(read.bytes);
}

/**
 * The content hashes of `ids`, read synchronously in time slices as the listing reads: a promise per
 * read cost 10,000 posts ~1.7 s of the server's main thread, on the author's first seconds in the
 * list (bench/README.md, round 22). The event loop still turns every few milliseconds.
 */
async function hashAll(root: string, ids: readonly string[], maxBytes: number): Promise<(string | null)[]> {
  const hashes: (string | null)[] = [];
  const slices = timeSlices();
  for (const id of ids) {
    if (slices.due()) await slices.pause();
    hashes.push(hashOf(root, id, maxBytes));
  }
  return hashes;
}

/** Remembers the content of the posts below `root`, reading at most `maxBytes` of each. */
export function createContentMemory(root: string, maxBytes: number): ContentMemory {
  const known = new Map<string, string>();
  // The app's own writes since the last batch naming each post.
  const written = new Map<string, string>();
  // From the start, not only while hashing: an event's batch may be judged after a later seed read the new bytes.
  let seeding: Set<string> | null = new Set<string>();
  return {
    async seed() {
      const touchedMeanwhile = seeding ?? new Set<string>();
      seeding = touchedMeanwhile;
      const ids = await walkPosts(root).catch(() => [] as string[]);
      const hashes = await hashAll(root, ids, maxBytes);
      ids.forEach((id, index) => {
        const hash = hashes[index];
        if (hash !== null && hash !== undefined && !touchedMeanwhile.has(id)) known.set(id, hash);
      });
      seeding = null;
    },
    touched(id) {
      seeding?.add(id);
    },
    wrote(id, hash) {
      // A scan still hashing may have read the bytes before the write: the post counts as not yet seen.
      seeding?.add(id);
      written.set(id, hash);
    },
    async filter(changes) {
      for (const id of changes.removed) known.delete(id);
      const ids = [...changes.added, ...changes.changed];
      const read = await hashAll(root, ids, maxBytes);
      const hashes = ids.map((id, index) => [id, read[index] ?? null] as const);
      const before = new Map(known);
      for (const [id, hash] of hashes) {
        // An unreadable file is always reported: the editor must look for itself.
        if (hash === null) known.delete(id);
        else known.set(id, hash);
      }
      // Unchanged since last seen, and not (only) because the old bytes came back over the app's own write.
      const same = (id: string) => {
        const now = known.get(id);
        const ours = written.get(id);
        return before.has(id) && before.get(id) === now && (ours === undefined || ours === now);
      };
      const changed = changes.changed.filter((id) => !same(id));
      for (const [id] of hashes) written.delete(id);
      for (const id of changes.removed) written.delete(id);
      return { added: changes.added, changed, removed: changes.removed };
    },
  };
}
