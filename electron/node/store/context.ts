/** The world a post store works in, fixed when it is created. */
import type { WriteBytes } from './io';

/** What every store operation needs: the posts folder's real path, the clock, the limits. */
export interface StoreContext {
  /** The posts folder's real path, taken once at start. */
  root: string;
  now: () => Date;
  /** Moves a file to the system trash (Electron's `shell.trashItem`); absent in plain Node. */
  trash?: (absPath: string) => Promise<void>;
  /** The largest post read or listed, in bytes. */
  maxFileBytes: number;
  /** The low-level write of a post's bytes (node:fs; tests inject a full disk). */
  writeBytes: WriteBytes;
  /**
   * The bytes last read or written of recently opened posts, so that a post deleted on disk while
   * open can be saved again exactly as the author sees it ("Save again").
   */
  lastKnown: Map<string, Uint8Array>;
}

/** How many posts' last known bytes a store keeps. */
export const LAST_KNOWN_POSTS = 16;

/** Remembers the bytes of post `id`, forgetting the oldest beyond LAST_KNOWN_POSTS. */
export function rememberBytes(ctx: StoreContext, id: string, bytes: Uint8Array): void {
  ctx.lastKnown.delete(id);
  ctx.lastKnown.set(id, bytes);
  const oldest = ctx.lastKnown.keys().next().value;
  if (ctx.lastKnown.size > LAST_KNOWN_POSTS && oldest !== undefined) ctx.lastKnown.delete(oldest);
}

/** The default size limit for a post: 10 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A date as `YYYY-MM-DD` in the local time zone, as an author would write today's date. */
export function localDate(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A local timestamp `YYYYMMDD-HHMMSS`, for naming trash folders. */
export function localStamp(date: Date): string {
  const day = localDate(date).replaceAll('-', '');
  return `${day}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
