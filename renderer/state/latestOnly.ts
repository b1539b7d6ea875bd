/**
 * A queue that keeps only the newest job: one job runs at a time, and while it runs every new
 * request replaces the waiting one. The preview renders what the author has now, never a backlog.
 */

/** The queue's two doors. */
export interface LatestOnly<T> {
  /** Starts `job` now if idle, else keeps it as the one to run next (dropping any older). */
  request(job: T): void;
  /** The running job finished: starts the waiting one, if any. */
  done(): void;
}

/** Creates a queue that hands jobs to `start`. */
export function latestOnly<T>(start: (job: T) => void): LatestOnly<T> {
  let busy = false;
  let waiting: { job: T } | null = null;
  return {
    request(job) {
      if (busy) {
        waiting = { job };
        return;
      }
      busy = true;
      start(job);
    },
    done() {
      const next = waiting;
      waiting = null;
      busy = next !== null;
      if (next !== null) start(next.job);
    },
  };
}
