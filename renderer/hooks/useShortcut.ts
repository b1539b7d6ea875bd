/** A window-wide keyboard shortcut with Ctrl (Cmd on macOS), caught before the editor sees it. */
import { useEffect, useRef } from 'react';

/**
 * Calls `handler` on Ctrl/Cmd + `key` anywhere in the window (the browser's own action is
 * stopped); with `shift`, on Ctrl/Cmd + Shift + `key` instead.
 */
export function useShortcut(key: string, handler: () => void, { shift = false }: { shift?: boolean } = {}): void {
  const current = useRef(handler);
  useEffect(() => {
    current.current = handler;
  }, [handler]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey !== shift) return;
      if (event.key.toLowerCase() !== key) return;
      event.preventDefault();
      if (!event.repeat) current.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [key, shift]);
}
