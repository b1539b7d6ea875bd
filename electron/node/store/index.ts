/** The post store's public surface: open a store over a folder, and the BlogApi over it. */
export { createBlogApi } from './api';
export { DEFAULT_MAX_FILE_BYTES } from './context';
export { createPostStore, openPostStore, type PostStore, type PostStoreOptions } from './store';
export { TRASH_FOLDER } from './trash';
