/**
 * Watching the posts folder for changes made outside Postwright (another editor, git, a sync
 * tool) and reporting them in batches, as post ids, so the list and open posts can refresh.
 * A change is reported only when the content differs from what was last seen.
 */
import { watch as watchFolder, type FSWatcher as NodeWatcher, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isMarkdownName } from '../../shared/api/ids';
import { DEFAULT_MAX_FILE_BYTES } from './store/context';
import { isInside } from './store/paths';
import { createContentMemory } from './watch-content';
import { isSkippedName } from './store/walk';

/** One batch of changes, as post ids (`/`-separated, NFC), each sorted. */
export interface FolderChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** How the watcher is started. */
export interface WatcherOptions {
  /** The posts folder (its real path, as the store holds it). */
  root: string;
  onChange: (changes: FolderChanges) => void;
  /** Changes within this many milliseconds are reported together (default 150). */
  debounceMs?: number;
  /** Watch errors (e.g. too many watched files); ignored when absent. */
  onError?: (error: Error) => void;
  /** The largest post hashed to tell real changes from touches (default: the store's limit). */
  maxFileBytes?: number;
  /**
   * Hashing every post waits for this (e.g. the first listing), so it does not compete with the
   * work the author is waiting for; until then a touched file is reported, as during the hashing.
   */
  seedAfter?: Promise<unknown>;
  /** How often a posts folder that went away (renamed, deleted, unreadable) is looked for again (default 1000). */
  rewatchMs?: number;
}

/** A running watcher. */
export interface FolderWatcher {
  close(): Promise<void>;
  /** Settles once every post's content is known, so a touch from then on reports nothing. */
  readonly seeded: Promise<void>;
  /** The app wrote post `id`, whose content is now `version` (./watch-content.ts `wrote`). */
  wrote(id: string, version: string): void;
}

type Change = 'added' | 'changed' | 'removed';

/** A batch with nothing in it: "anything may have changed" (the page lists again and checks its open post). */
export function anythingChanged(): FolderChanges {
  return { added: [], changed: [], removed: [] };
}

/** Whether a batch names any post. */
export function namesAny(changes: FolderChanges): boolean {
  return changes.added.length + changes.changed.length + changes.removed.length > 0;
}

/** `changes` with each list sorted (in place). */
export function sorted(changes: FolderChanges): FolderChanges {
  for (const list of [changes.added, changes.changed, changes.removed]) list.sort();
  return changes;
}

/** Starts watching `root`; resolves once the initial scan is done and changes are being reported. */
export async function createWatcher(options: WatcherOptions): Promise<FolderWatcher> {
  const { root } = options;
  const memory = createContentMemory(root, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  let closed = false;
  // Batches are filtered one at a time, so the content memory sees them in order.
  let reporting = Promise.resolve();
  const onError = (error: unknown): void =>
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
  const report = (changes: FolderChanges): void => {
    reporting = reporting
      .then(() => memory.filter(changes))
      .then((real) => {
        if (!closed && namesAny(real)) options.onChange(real);
      })
      .catch(onError);
  };
  const batch = createBatch(report, options.debounceMs ?? 150);
  const note = (change: Change) => (target: string) => {
    const id = toId(root, target);
    if (id === null) return;
    memory.touched(id);
    batch.add(id, change);
  };
  // The folder watched, as dev:inode, checked every `rewatchMs`: a folder replaced by another can
  // leave chokidar on the old one without an `unlinkDir`, deaf from then on.
  let watchedAs: string | null = null;
  // On Linux a folder deleted and made again at once often gets the same inode back, and chokidar,
  // looking after it was made again, reports no `unlinkDir`: inotify's own word that the folder
  // itself went (an event named after it) is heard here.
  let itself: NodeWatcher | null = null;
  const watchRoot = async (): Promise<FSWatcher> => {
    watchedAs = await identityOf(root);
    const watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (target: string, stats?: Stats) => isIgnored(root, target, stats),
    });
    watcher.on('add', note('added'));
    watcher.on('change', note('changed'));
    watcher.on('unlink', note('removed'));
    // The folder itself renamed, deleted or made unreadable: chokidar stops watching it for good.
    watcher.on('unlinkDir', (target: string) => {
      if (path.resolve(target) === path.resolve(root)) lost(watcher);
    });
    watcher.on('error', onError);
    await new Promise<void>((resolve) => watcher.once('ready', resolve));
    itself?.close();
    itself = process.platform === 'linux' ? watchItself(root, () => lost(watcher)) : null;
    return watcher;
  };
  let current = await watchRoot();
  let retry: ReturnType<typeof setTimeout> | undefined;
  let rewatching = Promise.resolve();
  // Started on a folder that is already gone (it went while the watcher waited to start), or one
  // replaced since: chokidar would never report it back, so it is looked for as when it goes later.
  let checking = false;
  const check = async (): Promise<void> => {
    if (closed || checking || retry !== undefined) return;
    checking = true;
    const watching = current;
    try {
      if (watchedAs === null || (await identityOf(root)) !== watchedAs) lost(watching);
    } finally {
      checking = false;
    }
  };
  await check();
  const checks = setInterval(() => void check(), options.rewatchMs ?? 1000);
  checks.unref();
  // Until the folder is back, it is looked for every `rewatchMs`; then watched anew, and the UI told
  // that anything may have changed (an empty change), so the list and the open post are read again.
  function lost(watcher: FSWatcher): void {
    if (closed || watcher !== current || retry !== undefined) return;
    const look = (): void => {
      retry = setTimeout(() => {
        rewatching = rewatching.then(async () => {
          if (closed) return;
          if (!(await isReadableFolder(root))) return look();
          await watcher.close().catch(onError);
          current = await watchRoot();
          retry = undefined;
          if (closed) {
            itself?.close();
            await current.close();
            return;
          }
          reporting = reporting.then(() => {
            if (!closed) options.onChange(anythingChanged());
          });
          // What each post now holds, so a mere touch is not reported as a change again.
          await memory.seed().catch(onError);
        });
      }, options.rewatchMs ?? 1000);
    };
    look();
  }
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  // Closing never waits for `seedAfter`, which may never come (no window ever listed the folder).
  const seeded = Promise.race([(options.seedAfter ?? Promise.resolve()).catch(() => undefined), stopped]).then(() =>
    closed ? undefined : memory.seed(),
  );
  return {
    seeded,
    wrote: (id, version) => memory.wrote(id, version),
    close: async () => {
      closed = true;
      stop();
      clearInterval(checks);
      itself?.close();
      batch.cancel();
      if (retry !== undefined) clearTimeout(retry);
      await rewatching;
      await current.close();
      await Promise.all([seeded, reporting]);
    },
  };
}

/** Calls `gone` when inotify says that `folder` itself was deleted or moved (never throws). */
function watchItself(folder: string, gone: () => void): NodeWatcher | null {
  try {
    const name = path.basename(folder);
    const watcher = watchFolder(folder, { persistent: false }, (_type, changed) => {
      // An entry of the same name inside it costs a needless look again, never a missed change.
      if (changed === name) gone();
    });
    watcher.on('error', gone);
    return watcher;
  } catch {
    return null;
  }
}

/** A folder's device and inode (`dev:ino`), or null when it is not a folder (one `stat`: checked every second). */
async function identityOf(folder: string): Promise<string | null> {
  try {
    const stats = await stat(folder);
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : null;
  } catch {
    return null;
  }
}

/** Whether `folder` is a folder this process can list (it may be gone, or made unreadable). */
async function isReadableFolder(folder: string): Promise<boolean> {
  try {
    await readdir(folder);
    return true;
  } catch {
    return false;
  }
}

/** Whether chokidar should skip a path: hidden entries, node_modules, and non-Markdown files. */
function isIgnored(root: string, target: string, stats?: Stats): boolean {
  const rel = path.relative(root, target);
  if (rel === '') return false;
  if (rel.split(path.sep).some(isSkippedName)) return true;
  return stats?.isFile() === true && !isMarkdownName(target);
}

function toId(root: string, target: string): string | null {
  const rel = path.relative(root, target);
  if (rel === '' || !isInside(root, target) || !isMarkdownName(rel)) return null;
  const segments = rel.split(path.sep);
  if (segments.some(isSkippedName)) return null;
  return segments.join('/').normalize('NFC');
}

/** Collects changes and reports them once no new change arrived for `delayMs`. */
function createBatch(onChange: (changes: FolderChanges) => void, delayMs: number) {
  const pending = new Map<string, Change>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    timer = undefined;
    const changes = anythingChanged();
    for (const [id, change] of pending) changes[change].push(id);
    pending.clear();
    if (namesAny(changes)) onChange(sorted(changes));
  };
  return {
    add(id: string, change: Change): void {
      const merged = merge(pending.get(id), change);
      if (merged === null) pending.delete(id);
      else pending.set(id, merged);
      // Not reset by later changes: a busy folder (a git checkout) still reports every delayMs.
      timer ??= setTimeout(flush, delayMs);
    },
    cancel(): void {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}

/** The net effect of two changes to one file within a batch; null when they cancel out. */
function merge(before: Change | undefined, after: Change): Change | null {
  if (before === undefined) return after;
  if (before === 'added') return after === 'removed' ? null : 'added';
  if (before === 'removed') return after === 'removed' ? 'removed' : 'changed';
  return after === 'removed' ? 'removed' : 'changed';
}
