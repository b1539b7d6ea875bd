/** Running async work over a list with bounded concurrency (file handles are finite), and settling every call of it. */

/** Maps `items` through `fn` with at most `limit` calls in flight, keeping the order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * A gate letting at most `limit` calls run at once, the rest queued in order: for work that fans out
 * as it goes (a walk down a tree of folders), where the items are not known up front.
 */
export function gate(limit: number): <R>(call: () => Promise<R>) => Promise<R> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <R>(call: () => Promise<R>): Promise<R> => {
    if (running >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    running += 1;
    try {
      return await call();
    } finally {
      running -= 1;
      queue.shift()?.();
    }
  };
}

/** `each` over `items`, at most `limit` at once, every one settled; after a failure no new one starts. */
export async function settleLimit<T, R>(
  items: readonly T[],
  limit: number,
  each: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = [];
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await each(items[index] as T) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results.filter((result) => result !== undefined);
}

/** How long a synchronous pass (reading or stat-ing posts one by one) may hold the event loop, in ms. */
export const SLICE_MS = 8;

/** Time slices of a synchronous pass: each `pause()` lets other work run (timers, I/O, requests) and starts the next. */
export interface TimeSlices {
  /** Whether the current slice has run `ms` or longer. */
  due(): boolean;
  /** Lets the event loop turn once, then starts a new slice. */
  pause(): Promise<void>;
}

/** Slices of `ms` (SLICE_MS), the first starting now. */
export function timeSlices(ms = SLICE_MS): TimeSlices {
  let start = performance.now();
  return {
    due: () => performance.now() - start > ms,
    pause: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      start = performance.now();
    },
  };
}
