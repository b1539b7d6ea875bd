/** The BlogApi over one post store: what Electron's IPC and the browser-mode server dispatch to. */
import { ok, type BlogApi } from '../../../shared/api/contract';
import type { PostStore } from './store';

/** Implements every method of the contract over `store`; expected failures come back as values. */
export function createBlogApi(store: PostStore): BlogApi {
  return {
    getWorkspace: () => Promise.resolve(ok({ name: store.name, root: store.root })),
    listPosts: () => store.list(),
    readPost: (id) => store.read(id),
    savePost: (request) => store.save(request),
    createPost: (request) => store.create(request),
    deletePost: (id) => store.remove(id),
  };
}
