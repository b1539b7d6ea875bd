/** The writing part of the BlogApi: full-text search, renaming a post's file, saving pasted images. */
import type { BlogApi } from '../../../shared/api/contract';
import { DEFAULT_MAX_FILE_BYTES } from './context';
import { saveImage } from './images';
import { renamePost } from './rename';
import { createSearcher } from './search';
import type { PostStore } from './store';

/** Writing helpers over `store`. */
export function writingApi(
  store: PostStore,
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- every API part takes the clock; this one needs none yet
  _options: { now: () => Date },
): Pick<BlogApi, 'searchPosts' | 'renamePost' | 'saveImage'> {
  const search = createSearcher({ root: store.root, maxFileBytes: DEFAULT_MAX_FILE_BYTES });
  return {
    searchPosts: (query, within) => search(query, within),
    renamePost: (request) => renamePost(store.root, request, (id) => store.read(id)),
    saveImage: (request) => saveImage(store.root, request),
  };
}
