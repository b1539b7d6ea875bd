/**
 * What the app and the browser-mode server finish before they quit: work that answered the author
 * before it was done on disk (a listing's index file, the site an export replaced, a render cache).
 * Each is waited for, up to a limit, so a quit right after an export does not leave a half-deleted
 * site beside the output folder (the next export would sweep it only after an hour), and a disk that
 * hangs never holds the app open.
 */

/** How long quitting waits for the disk, at most. */
export const QUIT_WAIT_MS = 10_000;

/**
 * Settles once every task has settled (failures count: quitting goes on) or `ms` have passed;
 * true when they all settled in time.
 */
export async function settleWithin(tasks: readonly Promise<unknown>[], ms: number = QUIT_WAIT_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = Promise.allSettled(tasks).then(() => true as const);
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}
