/** The BlogApi over one post store: what Electron's IPC and the browser-mode server dispatch to. */
import { ok, type BlogApi } from '../../../shared/api/contract';
import type { BlogEvents, EventName } from '../../../shared/api/events';
import { exportApi } from '../export/api';
import { ioFailure } from './errors';
import { journalMethods } from '../journal/api';
import { createJournal } from '../journal/journal';
import type { PostStore } from './store';
import { writingApi } from './writing';

/** What the API needs beyond the store: the app's data folder and a way to push events. */
export interface BlogApiOptions {
  /** Folder for this posts folder's journal of unsaved edits (in the app's data folder). */
  journalDir?: string;
  /** Pushes an event to the UI (progress of a site export). */
  emit?: <E extends EventName>(event: E, payload: BlogEvents[E]) => void;
  /** The clock. */
  now?: () => Date;
  /** The app's data folder, where site exports keep their render cache. */
  dataDir?: string;
  /** Told about journal files that cannot be read (they are skipped and kept). */
  warn?: (message: string) => void;
}

/** Implements every method of the contract over `store`; expected failures come back as values. */
export function createBlogApi(store: PostStore, options: BlogApiOptions = {}): BlogApi {
  const now = options.now ?? (() => new Date());
  const journal = createJournal(
    store,
    options.warn ? { dir: options.journalDir, now, warn: options.warn } : { dir: options.journalDir, now },
  );
  const writing = writingApi(store, { now });
  return {
    getWorkspace: () => Promise.resolve(ok({ name: store.name, root: store.root })),
    listPosts: () => store.list(),
    readPost: (id) => store.read(id),
    // A saved post leaves no journal entry behind.
    savePost: (request) => journal.saving(request, () => store.save(request)),
    createPost: (request) => store.create(request),
    deletePost: (id) => store.remove(id),
    ...journalMethods(journal),
    ...exportApi(store, { emit: options.emit, now, dataDir: options.dataDir }),
    ...writing,
    // The post's unsaved edits follow its file, so they are still offered for it.
    renamePost: async (request) => {
      const renamed = await writing.renamePost(request);
      if (renamed.ok) {
        // The file is renamed whatever happens here: a failure to move the edits only warns.
        const moved = await journal
          .renamed(request.id, renamed.value.id)
          .catch((error: unknown) => ioFailure(error, 'move the unsaved edits to the new file name'));
        if (!moved.ok && moved.error.code !== 'UNSUPPORTED') {
          options.warn?.(`The unsaved edits of ${request.id} stay under its old name: ${moved.error.message}`);
        }
      }
      return renamed;
    },
  };
}
