/**
 * The opened posts folder: its store, its API and its watcher, swapped as one when the author
 * opens another folder. Events from a folder that is no longer open are dropped.
 */
import { API_METHODS, fail, type BlogApi, type Result, type Workspace } from '../../shared/api/contract';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { journalKey } from '../node/journal/location';
import { createBlogApi, openPostStore, type PostStore, type PostStoreOptions } from '../node/store/index';
import type { BlogApiOptions } from '../node/store/api';
import { openFolderSession, type FolderSession } from '../node/folder-session';
import type { FolderChanges } from '../node/watcher';

/** What the host needs from the world. */
export interface WorkspaceHostOptions {
  now: () => Date;
  /** Moves a file to the system trash (Electron's `shell.trashItem`). */
  trash?: (absPath: string) => Promise<void>;
  /** Changes on disk in the open folder. */
  onChange: (changes: FolderChanges) => void;
  /** Watching failed (the folder still works, without live updates). */
  onWatchError?: (error: Error) => void;
  /** Pushes an API event (site export progress) to the windows. */
  emit?: BlogApiOptions['emit'];
  /** Where journals of unsaved edits go, one subfolder per posts folder (`<userData>/journal`). */
  journalRoot?: string;
  /** Where the front-matter index files go, one per posts folder (`<userData>/index`). */
  indexRoot?: string;
  /** The app's data folder (userData): site exports keep their render cache in it. */
  dataDir?: string;
}

/** The index file of a posts folder (its real path) inside `indexRoot`. */
export function indexFileFor(indexRoot: string, postsRoot: string): string {
  return path.join(indexRoot, `${journalKey(postsRoot)}.json`);
}

/** The open folder, as the IPC handlers and the protocol handler reach it. */
export interface WorkspaceHost {
  /** The API over the open folder (every call fails clearly while none is open). */
  api(): BlogApi;
  /** Opens `folder`, replacing the open one; the old folder stays open when this fails. */
  open(folder: string): Promise<Result<Workspace>>;
  /** A post asset's real path inside the open folder. */
  resolveAsset(relPath: string): Promise<Result<string>>;
  /** Stops watching. */
  close(): Promise<void>;
}

/** How long a folder opened goes unwatched at most while its first listing is awaited, in ms. */
export const WATCH_AFTER_MS = 1500;

const NONE_OPEN = fail('NOT_FOUND', 'No posts folder is open.', 'Open a folder with File › Open Folder….');

// Every method of the contract answers the same clear failure while no folder is open.
const closedApi = Object.fromEntries(
  API_METHODS.map((method) => [method, () => Promise.resolve(NONE_OPEN)]),
) as unknown as BlogApi;

interface Opened {
  store: PostStore;
  /** The API, its watcher, and the check behind its remembered first listing. */
  session: FolderSession;
}

/** Creates the host with no folder open. */
export function createWorkspaceHost(options: WorkspaceHostOptions): WorkspaceHost {
  let current: Opened | null = null;
  let generation = 0;
  // Opens run one after another, so two quick "Open Folder" choices cannot interleave.
  let queue: Promise<unknown> = Promise.resolve();

  async function storeOptions(folder: string): Promise<PostStoreOptions> {
    const opening: PostStoreOptions = { postsDir: folder, now: options.now };
    if (options.trash) opening.trash = options.trash;
    if (options.indexRoot === undefined) return opening;
    try {
      // Keyed by the real path, as the store names its root, so a symlinked folder shares its index.
      opening.indexFile = indexFileFor(options.indexRoot, await realpath(folder));
    } catch {
      // The store reports what is wrong with the folder.
    }
    return opening;
  }

  async function openNow(folder: string): Promise<Result<Workspace>> {
    const store = await openPostStore(await storeOptions(folder));
    if (!store.ok) return store;
    const mine = generation + 1;
    const previous = current;
    generation = mine;
    const journalDir =
      options.journalRoot === undefined ? undefined : path.join(options.journalRoot, journalKey(store.value.root));
    const opened = store.value;
    // The watcher starts once the page has listed the folder (or WATCH_AFTER_MS have passed): its first
    // scan of a big folder would otherwise hold up the window and the listing.
    const session = openFolderSession(
      createBlogApi(opened, { emit: options.emit, journalDir, now: options.now, dataDir: options.dataDir }),
      {
        root: opened.root,
        remembered: () => opened.remembered(),
        onChange: (changes: FolderChanges) => {
          if (mine === generation) options.onChange(changes);
        },
        onWatchError: (error) => options.onWatchError?.(error),
        watchWithinMs: WATCH_AFTER_MS,
      },
    );
    current = { store: opened, session };
    await previous?.session.close();
    return { ok: true, value: { name: store.value.name, root: store.value.root } };
  }

  return {
    api: () => current?.session.api ?? closedApi,
    open(folder) {
      const next = queue.then(() => openNow(folder));
      queue = next.catch(() => undefined);
      return next;
    },
    resolveAsset: (relPath) => (current ? current.store.resolveAsset(relPath) : Promise.resolve(NONE_OPEN)),
    async close() {
      generation += 1;
      const closing = current;
      current = null;
      // Quitting right after opening must not cut the index write of the check behind the first listing.
      await closing?.session.close();
    },
  };
}
