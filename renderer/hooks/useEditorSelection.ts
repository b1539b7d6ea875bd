/**
 * The text selected in the Markdown editor, for the status bar's "120 of 1,450 words". Read on
 * `selectionchange`, which also fires as the caret moves while typing: a collapsed selection costs
 * two property reads and no render.
 */
import { useEffect, useRef, useState } from 'react';

/** The Markdown editor's text area, when `node` is it. */
function editorArea(node: EventTarget | Element | null): HTMLTextAreaElement | null {
  return node instanceof HTMLTextAreaElement && node.closest('.markdown-pane') !== null ? node : null;
}

/** The selected text of the Markdown editor, or null when nothing is selected there. */
export function useEditorSelection(): string | null {
  const [selected, setSelected] = useState<{ start: number; end: number; text: string } | null>(null);
  // Whether a selection is shown: a caret moved by typing then schedules no render at all (this event
  // counts as discrete input, and even a bailed-out update costs React a pass on the key's path).
  const some = useRef(false);
  useEffect(() => {
    const onChange = (event: Event): void => {
      // Chromium fires at the text area itself (and bubbles); older engines fire at the document.
      const area = editorArea(event.target) ?? editorArea(document.activeElement);
      if (area === null || area.selectionStart === area.selectionEnd) {
        if ((area !== null || event.target === document) && some.current) {
          some.current = false;
          setSelected(null);
        }
        return;
      }
      some.current = true;
      const { selectionStart: start, selectionEnd: end } = area;
      setSelected((now) =>
        now !== null && now.start === start && now.end === end
          ? now
          : { start, end, text: area.value.slice(start, end) },
      );
    };
    document.addEventListener('selectionchange', onChange, { capture: true });
    return () => document.removeEventListener('selectionchange', onChange, { capture: true });
  }, []);
  return selected?.text ?? null;
}
