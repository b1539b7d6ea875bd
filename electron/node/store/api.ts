/** The BlogApi over one post store: what Electron's IPC and the browser-mode server dispatch to. */
import { ok, type BlogApi } from '../../../shared/api/contract';
import type { BlogEvents, EventName } from '../../../shared/api/events';
import { exportApi } from '../export/api';
import { journalApi } from '../journal/api';
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
}

/** Implements every method of the contract over `store`; expected failures come back as values. */
export function createBlogApi(store: PostStore, options: BlogApiOptions = {}): BlogApi {
  const now = options.now ?? (() => new Date());
  return {
    getWorkspace: () => Promise.resolve(ok({ name: store.name, root: store.root })),
    listPosts: () => store.list(),
    readPost: (id) => store.read(id),
    savePost: (request) => store.save(request),
    createPost: (request) => store.create(request),
    deletePost: (id) => store.remove(id),
    ...journalApi(store, { dir: options.journalDir, now }),
    ...exportApi(store, { emit: options.emit, now }),
    ...writingApi(store, { now }),
  };
}
