/**
 * The post store: every operation on the posts of one folder, taking the folder's real path
 * once at start. Expected failures are Result values; a thrown error is a bug.
 */
import { stat, realpath } from 'node:fs/promises';
import path from 'node:path';
import {
  fail,
  ok,
  type CreateRequest,
  type PostDoc,
  type PostSummary,
  type Result,
  type SaveRequest,
} from '../../../shared/api/contract';
import { DEFAULT_MAX_FILE_BYTES, rememberBytes, type StoreContext } from './context';
import { createPost } from './create';
import { docFromBytes, writeBlock } from './doc';
import { errnoCode, ioFailure, notAFile } from './errors';
import { openIndexCache, type IndexCache } from './index-cache';
import { readLimited, writeBytesToDisk, type WriteBytes } from './io';
import { compareSummaries, listPosts } from './list';
import { locateAsset, locatePost } from './paths';
import { savePost } from './save';
import { removePost } from './trash';

/** What the API and other modules (export, protocol handler, watcher wiring) ask of the posts. */
export interface PostStore {
  /** The posts folder's real path. */
  readonly root: string;
  /** The posts folder's base name. */
  readonly name: string;
  list(): Promise<Result<PostSummary[]>>;
  /**
   * The list as the index file remembers it, sorted, without looking at the files (null when nothing
   * is remembered): what a second opening shows at once while list() checks it (remembered-first.ts).
   */
  remembered(): Promise<PostSummary[] | null>;
  read(id: string): Promise<Result<PostDoc>>;
  save(request: SaveRequest): Promise<Result<PostDoc>>;
  create(request: CreateRequest): Promise<Result<PostDoc>>;
  remove(id: string): Promise<Result<{ id: string }>>;
  /** The real absolute path of an existing post, inside the folder. */
  resolveId(id: string): Promise<Result<string>>;
  /** The real absolute path of an image or media file named `/`-separated, relative to the folder. */
  resolveAsset(relPath: string): Promise<Result<string>>;
}

/** How a store is opened. */
export interface PostStoreOptions {
  postsDir: string;
  now: () => Date;
  trash?: (absPath: string) => Promise<void>;
  maxFileBytes?: number;
  /** The low-level write of a post's bytes; defaults to node:fs (tests inject failures). */
  writeBytes?: WriteBytes;
  /** The front-matter index file (in the app's data folder); without one the index lives in memory only. */
  indexFile?: string;
}

/** Opens the store over `postsDir`; fails clearly when it is missing or not a folder. */
export async function openPostStore(options: PostStoreOptions): Promise<Result<PostStore>> {
  let root: string;
  try {
    root = await realpath(options.postsDir);
    if (!(await stat(root)).isDirectory()) {
      return fail('NOT_A_FILE', `The posts folder ${options.postsDir} is a file, not a folder.`, 'Choose a folder.');
    }
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') {
      return fail('NOT_FOUND', `The posts folder ${options.postsDir} does not exist.`, 'Choose another folder.');
    }
    return ioFailure(error, `open the posts folder ${options.postsDir}`);
  }
  const ctx: StoreContext = {
    root,
    now: options.now,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    writeBytes: options.writeBytes ?? writeBytesToDisk,
    lastKnown: new Map(),
  };
  if (options.trash) ctx.trash = options.trash;
  return ok(storeOver(ctx, await openIndexCache(options.indexFile)));
}

/** Opens the store over `postsDir`; throws with a clear message when the folder is unusable. */
export async function createPostStore(options: PostStoreOptions): Promise<PostStore> {
  const store = await openPostStore(options);
  if (!store.ok) throw new Error(`${store.error.message}${store.error.hint ? ` ${store.error.hint}` : ''}`);
  return store.value;
}

function storeOver(ctx: StoreContext, index: IndexCache): PostStore {
  return {
    root: ctx.root,
    name: path.basename(ctx.root),
    list: () => list(ctx, index),
    remembered: async () => {
      await index.load();
      const posts = index.all();
      return posts.length === 0 ? null : posts.sort(compareSummaries);
    },
    read: (id) => read(ctx, id),
    save: (request) => savePost(ctx, request),
    create: (request) => createPost(ctx, request),
    remove: (id) => removePost(ctx, id),
    resolveId: (id) => resolveId(ctx, id),
    resolveAsset: (relPath) => locateAsset(ctx.root, relPath),
  };
}

async function list(ctx: StoreContext, index: IndexCache): Promise<Result<PostSummary[]>> {
  try {
    return ok(await listPosts(ctx.root, ctx.maxFileBytes, index));
  } catch (error) {
    return ioFailure(error, 'read the posts folder');
  }
}

async function read(ctx: StoreContext, id: string): Promise<Result<PostDoc>> {
  const location = await locatePost(ctx.root, id);
  if (!location.ok) return location;
  const bytes = await readLimited(location.value.real, ctx.maxFileBytes, 'open this post');
  if (!bytes.ok) return bytes;
  rememberBytes(ctx, id, bytes.value.bytes);
  const block = await writeBlock(location.value.real, location.value.isLink, bytes.value.stats.mode);
  return ok(docFromBytes(id, bytes.value.bytes, block));
}

async function resolveId(ctx: StoreContext, id: string): Promise<Result<string>> {
  const location = await locatePost(ctx.root, id);
  if (!location.ok) return location;
  try {
    if (!(await stat(location.value.real)).isFile()) return notAFile('This post');
  } catch (error) {
    return ioFailure(error, 'open this post');
  }
  return ok(location.value.real);
}
