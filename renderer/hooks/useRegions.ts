/**
 * F6 and Shift+F6: the focus moves to the next or previous main area of the window, as in desktop
 * apps: the post list (the sidebar), a warning about the open post when one is up (changed or
 * deleted on disk, a failed save: its buttons were 17 Shift+Tabs from the editor, review 24a), the
 * note offering back a text a reading from disk replaced, the front matter, the editor, the preview. An area is entered
 * where the writer last was in it, else at its main control; areas not on screen (no post open,
 * focus mode) are passed over. A keyboard alone otherwise needed some twenty Shift+Tabs to get
 * from the editor back to the list.
 */
import { useEffect } from 'react';

/** One area: where it is on the page, and the controls to enter it at, best first. */
interface Region {
  selector: string;
  entries: readonly string[];
}

/** The areas, in the order F6 visits them. */
const REGIONS: readonly Region[] = [
  {
    selector: '.sidebar',
    entries: ['[role="listbox"] [role="option"][tabindex="0"]', '[role="option"]', 'input[type="search"]'],
  },
  { selector: '.banner[role="alert"]', entries: ['.banner-actions button'] },
  // The note offering back a text that a reading from disk replaced (./DiskChangeBanner.tsx ReplacedBanner).
  { selector: '.banner-replaced', entries: ['.banner-actions button'] },
  {
    selector: '.frontmatter',
    entries: ['.fm-body input', '.fm-body textarea', '.fm-body select', '.fm-body [tabindex="0"]', '.fm-toggle'],
  },
  { selector: '.markdown-pane', entries: ['textarea'] },
  { selector: '.preview', entries: [':scope'] },
];

function shown(element: Element): boolean {
  return element.isConnected && element.getClientRects().length > 0 && !element.closest('[inert]');
}

function focusable(element: Element | null | undefined): element is HTMLElement {
  return element instanceof HTMLElement && shown(element) && !(element as HTMLButtonElement).disabled;
}

/** Where each area was last left: entered again there. */
const lastFocus = new WeakMap<Element, HTMLElement>();

function entryOf(region: Region, area: Element): HTMLElement | null {
  const last = lastFocus.get(area);
  // Not a list row the list no longer tabs to (another post is open since): the list's own tab stop.
  if (focusable(last) && area.contains(last) && last.tabIndex >= 0) return last;
  for (const selector of region.entries) {
    const found =
      selector === ':scope'
        ? focusable(area)
          ? area
          : undefined
        : [...area.querySelectorAll(selector)].find(focusable);
    if (found !== undefined) return found;
  }
  return null;
}

/** The areas on screen now, each with the element to focus in it. */
function areas(): { area: Element; entry: HTMLElement }[] {
  return REGIONS.flatMap((region) => {
    const area = document.querySelector(region.selector);
    if (area === null || !shown(area)) return [];
    const entry = entryOf(region, area);
    return entry === null ? [] : [{ area, entry }];
  });
}

/** Moves the focus to the next (or previous) area from the focused element; false when there is none. */
export function moveToRegion(backwards: boolean): boolean {
  const list = areas();
  if (list.length === 0) return false;
  const active = document.activeElement;
  const here = list.findIndex(({ area }) => active !== null && area.contains(active));
  let index: number;
  if (here !== -1) {
    index = (here + (backwards ? list.length - 1 : 1)) % list.length;
  } else {
    // Outside every area (a toolbar, the status row): the next area after it on the page, or the one before.
    const after = list.findIndex(
      ({ area }) =>
        active !== null &&
        active !== document.body &&
        (active.compareDocumentPosition(area) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    if (backwards) index = after === -1 ? list.length - 1 : (after + list.length - 1) % list.length;
    else index = after === -1 ? 0 : after;
  }
  const target = list[index];
  if (target === undefined) return false;
  target.entry.focus();
  return true;
}

/** Listens for F6 and Shift+F6 in the whole window (a dialog keeps the focus while it is open). */
export function useRegionKeys(): void {
  useEffect(() => {
    const onFocus = (event: FocusEvent): void => {
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      for (const region of REGIONS) {
        const area = target.closest(region.selector);
        if (area !== null) lastFocus.set(area, target);
      }
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return;
      if (document.querySelector('dialog[open]') !== null) return;
      if (moveToRegion(event.shiftKey)) event.preventDefault();
    };
    document.addEventListener('focusin', onFocus);
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      document.removeEventListener('focusin', onFocus);
      window.removeEventListener('keydown', onKey, { capture: true });
    };
  }, []);
}
