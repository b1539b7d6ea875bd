/**
 * Which of a post's relative images are missing on disk. The renderer does not know the posts
 * folder's files, so it asks the same place the preview loads images from (`/files/<path>`, served
 * only from inside the posts folder by the app's protocol or the browser-mode server) with a HEAD
 * request: 404 means missing. Answers are remembered for a while, so typing asks again only for
 * new paths, and a file the author adds later is noticed.
 */
import { useEffect, useRef, useState } from 'react';
import { relativeImages } from '../state/hints';
import { imageUrl } from '../state/urls';

/** How long an answer is trusted before the path is asked about again. */
const FRESH_MS = 10_000;
/** How long the body must rest before images are checked (no request per keystroke). */
const SETTLE_MS = 400;

type Known = Map<string, { missing: boolean; at: number }>;

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

async function check(postId: string, body: string, known: Known): Promise<void> {
  const now = Date.now();
  const stale = relativeImages(postId, body).filter(({ path }) => {
    if (path === null) return false;
    const entry = known.get(path);
    return entry === undefined || now - entry.at > FRESH_MS;
  });
  await Promise.all(
    stale.map(async ({ src, path }) => {
      const missing = await isMissing(postId, src);
      if (missing !== null && path !== null) known.set(path, { missing, at: Date.now() });
    }),
  );
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
      void check(postId, body, paths).then(() => {
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
