/**
 * Rendering a site's post pages on every core: this thread and worker threads (one per other
 * core) take posts from one queue (each worker a few at a time), and the pages come back to the
 * caller strictly in order, so progress counts up and the lists see them newest first. Small
 * exports, and builds without the bundled worker entry (tests run from source; Electron's main
 * bundle), render in this thread alone. While a worker loads the pipeline this thread is already
 * rendering.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourcePost } from './collect';
import type { CachedBody } from './render-cache';
import { PageError, pageRenderer, type RenderedPage, type SiteSetup } from './site-pages';
import { revive, type ThreadError } from './thread-error';

/** How the pages are shared out. */
export interface PoolOptions {
  /** The worker entry (electron/node/export/render-worker.ts, bundled), or null to render in this thread. */
  workerUrl: URL | null;
  /** How many threads render, this one included (one per core). */
  size: number;
  /** Fewer posts than this render in this thread: starting the workers would cost more. */
  minPosts: number;
  /** Whether this thread renders too (tests turn it off to keep every post on the workers). */
  alongside?: boolean;
}

/** A post for a worker to render: its index among the site's pages. */
export interface PageJob {
  index: number;
  post: SourcePost;
  /** An earlier render of the post's body, to reuse if still right. */
  cached?: CachedBody;
}

/** A worker's answer about one post, or its word that it is ready for posts. */
export type PageReply = { ready: true } | { index: number; page: RenderedPage } | { index: number; error: ThreadError };

/** The name the bundled worker entry is built under, beside the bundle that exports. */
export const WORKER_FILE = 'export-worker.mjs';

// Posts each worker holds at once: enough that it never waits for the next, few enough to share fairly.
const WINDOW = 4;

/**
 * Fresh posts below which this thread renders alone. A worker loads the pipeline in ~0.3 s and then
 * renders its first posts cold, and a post now renders in ~0.5 ms warm (bench/README.md, rounds 9
 * and 10). On two cores, a worker beside this thread gained nothing at 1,000 posts (1.30 s against
 * 1.29–1.39 s alone, twice the CPU; with pages written by their own thread since round 10, 0.93–1.23 s
 * against 0.83–0.93 s, 1.6–1.8 s of CPU against 0.9–1.0 s, also with the whole worker in one file),
 * and at 4,000 it lost (6.8–7.7 s against 5.2–6.3 s, with another program on one core). Workers
 * start only for far larger exports, where more cores may pay for them.
 */
export const MIN_POSTS_FOR_WORKERS = 5_000;

/**
 * The pool's defaults: one thread per core, and the worker entry the build puts beside the
 * app's Node entry points (dist/node/web.mjs, cli-export.mjs), found beside `script` (the file
 * Node was started with). Anywhere else (tests from source, Electron's main) pages render here.
 */
export function defaultPool(script: string | undefined): PoolOptions {
  const candidate = script === undefined || script === '' ? null : path.join(path.dirname(script), WORKER_FILE);
  const present = candidate !== null && path.isAbsolute(candidate) && existsSync(candidate);
  return {
    workerUrl: present ? pathToFileURL(candidate) : null,
    size: os.availableParallelism(),
    minPosts: MIN_POSTS_FOR_WORKERS,
  };
}

/**
 * Renders page `i` of `setup` from `posts[i]`, handing each to `onPage` in order. Throws PageError.
 * `cachedFor(i)` is an earlier render of post i's body; only posts without one count towards
 * starting workers (replaying a cached render costs a fraction of a millisecond).
 */
export async function renderPages(
  setup: SiteSetup,
  posts: readonly SourcePost[],
  onPage: (index: number, page: RenderedPage) => Promise<void>,
  pool: PoolOptions,
  cachedFor: (index: number) => CachedBody | undefined = () => undefined,
): Promise<void> {
  const page = pageRenderer(setup);
  const render: Render = (post, index) => page(post, index, cachedFor(index));
  const fresh = posts.reduce((count, _post, index) => count + (cachedFor(index) === undefined ? 1 : 0), 0);
  const helpers = Math.min(pool.size - (pool.alongside === false ? 0 : 1), Math.floor(fresh / (2 * WINDOW)));
  const url = pool.workerUrl;
  if (url === null || fresh < pool.minPosts || helpers < 1) {
    await renderHere(render, posts, onPage);
    return;
  }
  const order = sequencer(posts, onPage);
  const workers = Array.from({ length: helpers }, () => new Worker(url, { workerData: { setup } }));
  for (const worker of workers) employ(worker, order, posts, cachedFor);
  const here = pool.alongside === false ? Promise.resolve() : renderAlongside(render, order, posts);
  try {
    await Promise.all([order.finished, here]);
  } finally {
    order.stop(null);
    await Promise.all(workers.map((worker) => worker.terminate()));
    // After a failure no page is handed on, and none is still being handed on when this returns.
    await here;
    await order.idle();
  }
}

type Render = (post: SourcePost, index: number) => RenderedPage;

async function renderHere(
  render: Render,
  posts: readonly SourcePost[],
  onPage: (index: number, page: RenderedPage) => Promise<void>,
): Promise<void> {
  for (const [index, post] of posts.entries()) await onPage(index, renderOne(render, post, index));
}

function renderOne(render: Render, post: SourcePost, index: number): RenderedPage {
  try {
    return render(post, index);
  } catch (error) {
    throw new PageError(post.id, error);
  }
}

/** The shared queue of posts and the in-order hand-over of their pages. */
interface Sequencer {
  /** The next post to render, or undefined when none is left or the export stopped. */
  take: () => number | undefined;
  put: (index: number, page: RenderedPage) => void;
  /** Stops handing out and handing on; an error (not null) fails `finished`. */
  stop: (error: unknown) => void;
  /** Settles when every page was handed on, or with the first error. */
  finished: Promise<void>;
  /** Settles once no page is being handed on. */
  idle: () => Promise<void>;
}

function sequencer(
  posts: readonly SourcePost[],
  onPage: (index: number, page: RenderedPage) => Promise<void>,
): Sequencer {
  let next = 0;
  let delivered = 0;
  let stopped = false;
  const ready = new Map<number, RenderedPage>();
  let chain = Promise.resolve();
  let settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Keeps an unawaited rejection (after a stop) from being reported as unhandled.
  finished.catch(() => undefined);
  const stop = (error: unknown) => {
    if (!stopped && error !== null) settle?.reject(error);
    stopped = true;
  };
  // Pages go out in index order, one onPage at a time, however the threads finish.
  const drain = async () => {
    for (let page = ready.get(delivered); page !== undefined && !stopped; page = ready.get(delivered)) {
      ready.delete(delivered);
      await onPage(delivered, page);
      delivered += 1;
    }
    if (delivered === posts.length) settle?.resolve();
  };
  return {
    take: () => (stopped || next >= posts.length ? undefined : next++),
    put: (index, page) => {
      ready.set(index, page);
      chain = chain.then(drain).catch(stop);
    },
    stop,
    finished,
    idle: async () => {
      for (let current = chain; ; current = chain) {
        await current;
        if (current === chain) return;
      }
    },
  };
}

/** Renders posts in this thread until the queue is empty, yielding between posts so workers are fed. */
async function renderAlongside(render: Render, order: Sequencer, posts: readonly SourcePost[]): Promise<void> {
  for (let index = order.take(); index !== undefined; index = order.take()) {
    const post = posts[index];
    if (post === undefined) return;
    try {
      order.put(index, renderOne(render, post, index));
    } catch (error) {
      order.stop(error);
      return;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Feeds a worker from the queue, a few posts at a time, and hands its pages on. */
function employ(
  worker: Worker,
  order: Sequencer,
  posts: readonly SourcePost[],
  cachedFor: (index: number) => CachedBody | undefined,
): void {
  const feed = () => {
    const index = order.take();
    const post = index === undefined ? undefined : posts[index];
    if (index === undefined || post === undefined) return;
    const cached = cachedFor(index);
    worker.postMessage((cached === undefined ? { index, post } : { index, post, cached }) satisfies PageJob);
  };
  worker.on('message', (reply: PageReply) => {
    // Posts go to a worker only once it has loaded the pipeline: until then this thread takes them.
    if ('ready' in reply) {
      for (let i = 0; i < WINDOW; i += 1) feed();
      return;
    }
    if ('error' in reply) {
      order.stop(new PageError(posts[reply.index]?.id ?? `page ${String(reply.index)}`, revive(reply.error)));
      return;
    }
    order.put(reply.index, reply.page);
    feed();
  });
  worker.on('error', order.stop);
  worker.on('exit', (code) => {
    order.stop(new Error(`An export worker stopped early (exit code ${String(code)}).`));
  });
}
