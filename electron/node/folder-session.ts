/**
 * What both hosts (the browser-mode server and the desktop app's workspace) run over an opened posts
 * folder, put together once: the API, whose first listing answers from the index with a check right
 * behind it (remembered-first.ts) and whose listings are witnessed; the watcher, started once the
 * folder is listed, with what changed meanwhile as its first batch (watch-after.ts); and the
 * export's pipeline, loaded a little after that listing (export/api.ts).
 */
import type { BlogApi, PostSummary } from '../../shared/api/contract';
import { prepareExportAfter } from './export/api';
import { rememberedFirst } from './remembered-first';
import { listingWitness, watchAfter } from './watch-after';
import type { FolderChanges } from './watcher';

/** How a folder session reports and when its watcher starts. */
export interface FolderSessionOptions {
  root: string;
  /** The list the index remembers (null: nothing remembered), shown at the first listing. */
  remembered: () => Promise<PostSummary[] | null>;
  /** Changes found by the check behind a remembered listing, or by the watcher. */
  onChange: (changes: FolderChanges) => void;
  /** The watcher failed, or could not start. */
  onWatchError: (error: Error) => void;
  /** The watcher starts at the first listing, or this many ms after opening if that comes first. */
  watchWithinMs?: number;
  /** How long after the first listing the watcher hashes every post (until then a touch counts as a change). */
  seedAfterMs?: number;
}

/** An opened folder's API, and its closing (the watcher, and the check behind a remembered listing with its index write). */
export interface FolderSession {
  api: BlogApi;
  close(): Promise<void>;
}

/** Opens `inner` (a store's API) as a folder session. */
export function openFolderSession(inner: BlogApi, options: FolderSessionOptions): FolderSession {
  const { root, onChange } = options;
  const witness = listingWitness(inner);
  const remembered = rememberedFirst(witness.api, options.remembered, onChange);
  const listed = witness.listed;
  const { watchWithinMs, seedAfterMs } = options;
  const watcher = watchAfter({
    root,
    after: watchWithinMs === undefined ? listed : Promise.race([listed, delay(watchWithinMs)]),
    missed: () => witness.missedSince(root),
    ...(seedAfterMs === undefined ? {} : { seedAfter: listed.then(() => delay(seedAfterMs)) }),
    onChange,
    onError: options.onWatchError,
  });
  prepareExportAfter(listed);
  // The watcher learns each save's content, so that the old bytes written back at once are a change.
  const savePost: BlogApi['savePost'] = async (request) => {
    const saved = await remembered.api.savePost(request);
    if (saved.ok) watcher.wrote(saved.value.id, saved.value.version);
    return saved;
  };
  return {
    api: { ...remembered.api, savePost },
    async close() {
      await Promise.all([watcher.close(), remembered.checked()]);
    },
  };
}

/** Settles after `ms`, keeping no process alive for it. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
