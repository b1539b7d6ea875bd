/**
 * The arrow keys of a small toolbar (role="toolbar"): Left/Right move the focus to the previous or
 * next button, wrapping, Home/End to the first or last. Buttons that cannot act now stay reachable
 * (they are aria-disabled, with the reason as their description), so they are stepped on too.
 */
import type { KeyboardEvent } from 'react';

/** Which button index the key moves to from `at` among `count`, or null for a key that is not the toolbar's. */
export function toolbarStep(key: string, at: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (at + 1) % count;
    case 'ArrowLeft':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The toolbar's keydown handler: moves the focus among its buttons. */
export function onToolbarKeyDown(event: KeyboardEvent<HTMLElement>): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
  const at = buttons.findIndex((button) => button === document.activeElement);
  if (at === -1) return;
  const next = toolbarStep(event.key, at, buttons.length);
  if (next === null) return;
  event.preventDefault();
  buttons[next]?.focus();
}
