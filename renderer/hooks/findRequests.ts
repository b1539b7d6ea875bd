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

/** Whether the keys are a Mac's (Cmd, Option). */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The fields of a key press read here: a DOM or a React keyboard event. */
type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/**
 * The find request a key makes: Ctrl/Cmd+F finds, Ctrl/Cmd+H (Cmd+Alt+F on macOS, where Cmd+H
 * hides the app) replaces, F3 and Ctrl/Cmd+G go to the next match, with Shift to the previous.
 * Ctrl/Cmd+Shift+F is "Search posts", not this.
 */
export function findRequestOf(event: KeyPress, isMac = IS_MAC): FindRequest | null {
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

/** A switch of the find bar. */
export type FindToggle = 'matchCase' | 'wholeWord';

const TOGGLE_CODES: Readonly<Record<string, FindToggle>> = { KeyC: 'matchCase', KeyW: 'wholeWord' };

/**
 * The switch a key in the find bar flips: Alt+C (match case) and Alt+W (whole word); on macOS
 * Cmd+Option+C and Cmd+Option+W (as VS Code), since Option+C and Option+W type "ç" and "∑" there,
 * which the fields must take. Read by the key's place (`code`): Option changes the character.
 * Never with Ctrl (AltGr on Windows is Ctrl+Alt) or Shift.
 */
export function findToggleOf(event: KeyPress, isMac = IS_MAC): FindToggle | null {
  if (!event.altKey || event.ctrlKey || event.shiftKey || event.metaKey !== isMac) return null;
  return TOGGLE_CODES[event.code] ?? null;
}

/** A switch's key as shown (a tooltip, the shortcuts list) and as told to assistive technology (aria-keyshortcuts). */
export interface ToggleKey {
  label: string;
  aria: string;
}

/** The keys of the find bar's switches on this platform (see findToggleOf). */
export function findToggleKeys(isMac = IS_MAC): Record<FindToggle, ToggleKey> {
  const [label, aria] = isMac ? ['⌘+⌥+', 'Meta+Alt+'] : ['Alt+', 'Alt+'];
  return {
    matchCase: { label: `${label}C`, aria: `${aria}C` },
    wholeWord: { label: `${label}W`, aria: `${aria}W` },
  };
}
