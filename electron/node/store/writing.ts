/** The writing part of the BlogApi: search, rename, images (placeholder until it lands). */
import { fail, type BlogApi } from '../../../shared/api/contract';
import type { PostStore } from './store';

/** Writing helpers over `store`. */
export function writingApi(_store: PostStore, _options: { now: () => Date }): Pick<BlogApi, 'searchPosts' | 'renamePost' | 'saveImage'> {
  const unsupported = () => Promise.resolve(fail<never>('UNSUPPORTED', 'Not available yet.'));
  return { searchPosts: unsupported, renamePost: unsupported, saveImage: unsupported };
}
