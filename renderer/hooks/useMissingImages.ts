/**
 * Which of a post's relative images are missing on disk. The renderer does not know the posts
 * folder's files, so it asks the same place the preview loads images from (`/files/<path>`, served
 * only from inside the posts folder by the app's protocol or the browser-mode server) with a HEAD
 * request: 404 means missing. Answers are remembered for a while, so typing asks again only for
 * new paths, and a file the author adds later is noticed.
 *
 * One request at a time: starting a fetch costs the page's main thread several ms, so a post's
 * dozens of images asked at once held it for over 100 ms (a trace of typing into a 100 KB post just
 * opened), and the keys typed then waited. Asked one after another, each starts in its own task, and
 * a body that changed stops the rest.
 */
import { useEffect, useRef, useState } from 'react';
import { relativeImages } from '../state/hints';
import { imageUrl } from '../state/urls';

/** How long an answer is trusted before the path is asked about again. */
const FRESH_MS = 10_000;
/** How long the body must rest before images are checked (no request per keystroke). */
const SETTLE_MS = 400;

/** Answers by posts-folder path. */
export type Known = Map<string, { missing: boolean; at: number }>;

/** Asks whether the image `src` of `postId` is missing: true, false, or null when unknown. */
export type AskMissing = (postId: string, src: string) => Promise<boolean | null>;

async function isMissing(postId: string, src: string): Promise<boolean | null> {
  const url = imageUrl(postId, src);
  if (url === null) return null;
  try {
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
    return response.status === 404;
  } catch {
    return null; // Unknown (offline, shutting down): say nothing rather than something wrong.
  }
}

/**
 * Asks about each relative image of `body` not known or known for longer than FRESH_MS, one at a
 * time, and records the answers in `known`; stops early once `live()` is false. True when every
 * image was asked about.
 */
export async function checkImages(
  postId: string,
  body: string,
  known: Known,
  live: () => boolean,
  ask: AskMissing = isMissing,
): Promise<boolean> {
  const now = Date.now();
  const stale = relativeImages(postId, body).filter(({ path }) => {
    if (path === null) return false;
    const entry = known.get(path);
    return entry === undefined || now - entry.at > FRESH_MS;
  });
  for (const { src, path } of stale) {
    if (!live()) return false;
    const missing = await ask(postId, src);
    if (missing !== null && path !== null) known.set(path, { missing, at: Date.now() });
  }
  return true;
}

function missingOf(known: Known): Set<string> {
  return new Set([...known].filter(([, entry]) => entry.missing).map(([path]) => path));
}

/** The posts-folder paths of the images of `body` found missing (empty until checked). */
export function useMissingImages(postId: string, body: string): ReadonlySet<string> {
  const [missing, setMissing] = useState<ReadonlySet<string>>(() => new Set());
  // Keyed by posts-folder path, so an answer holds for every post that shows the same file.
  const known = useRef<Known>(new Map());
  useEffect(() => {
    const paths = known.current;
    let live = true;
    const timer = setTimeout(() => {
      void checkImages(postId, body, paths, () => live).then(() => {
        if (live) setMissing((before) => sameSet(before, missingOf(paths)));
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [postId, body]);
  return missing;
}

/** `before` when it holds the same paths as `after`, so that nothing re-renders for nothing. */
function sameSet(before: ReadonlySet<string>, after: Set<string>): ReadonlySet<string> {
  return before.size === after.size && [...after].every((path) => before.has(path)) ? before : after;
}
