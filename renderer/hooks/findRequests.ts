/**
 * Asking the find bar for something, from a key anywhere in the window or from the desktop menu
 * (App's onMenu): open it to find or to replace, or go to the next or previous match.
 */

/** What is asked of the find bar. */
export type FindRequest = 'find' | 'replace' | 'next' | 'previous';

type Listener = (request: FindRequest) => void;

const listeners = new Set<Listener>();

/** Asks the find bar (nothing happens while no post is open: nobody listens). */
export function requestFind(request: FindRequest): void {
  for (const listener of listeners) listener(request);
}

/** Listens for requests; returns what stops listening. */
export function onFindRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The find request a key makes: Ctrl/Cmd+F finds, Ctrl/Cmd+H (Cmd+Alt+F on macOS, where Cmd+H
 * hides the app) replaces, F3 and Ctrl/Cmd+G go to the next match, with Shift to the previous.
 * Ctrl/Cmd+Shift+F is "Search posts", not this.
 */
export function findRequestOf(event: KeyboardEvent, isMac = IS_MAC): FindRequest | null {
  const command = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.key === 'F3' && !command && !event.altKey) return event.shiftKey ? 'previous' : 'next';
  if (!command) return null;
  if (event.altKey) return isMac && event.metaKey && !event.shiftKey && event.code === 'KeyF' ? 'replace' : null;
  if (key === 'g') return event.shiftKey ? 'previous' : 'next';
  if (event.shiftKey) return null;
  if (key === 'f') return 'find';
  if (key === 'h') return 'replace';
  return null;
}
