/**
 * The Markdown editor's textarea, at every size: uncontrolled, so a keystroke costs the page what
 * it costs a bare textarea. React never writes its value (a controlled textarea's value and default
 * value are rewritten whole on every render); MarkdownPane replaces the text when one comes from
 * elsewhere (./typing.ts).
 */
import { useLayoutEffect, useRef, type Ref, type TextareaHTMLAttributes } from 'react';
import { keepHistory } from './editHistory';

/** Props of the plain textarea. */
export interface PlainTextareaProps {
  /** Attributes the editor gives its textarea (class names, ARIA, read-only); `value` is ignored. */
  attributes: TextareaHTMLAttributes<HTMLTextAreaElement>;
  /** The editor's own key handling (list continuation, indentation, shortcuts). */
  onKey: (event: KeyboardEvent) => void;
  /** The text after each change, typed or made by a toolbar command. */
  onText: (text: string) => void;
  /** The editor's ref (its toolbar commands act on this element). */
  ref?: Ref<HTMLTextAreaElement>;
}

/** A textarea that holds its own text. */
export function PlainTextarea({ attributes, onKey, onText, ref }: PlainTextareaProps): React.JSX.Element {
  const rest = { ...attributes };
  // The text is the textarea's own; changes are reported through onText.
  delete rest.value;
  delete rest.defaultValue;
  delete rest.onChange;
  const own = useRef<HTMLTextAreaElement | null>(null);
  const keys = useRef(onKey);
  const texts = useRef(onText);
  useLayoutEffect(() => {
    keys.current = onKey;
    texts.current = onText;
  });
  // Listening from the commit on: a key in the first frame the textarea is painted is never missed.
  useLayoutEffect(() => {
    const area = own.current;
    if (area === null) return;
    // First: undo and redo keys are the history's, before the editor's shortcuts see them.
    const stopHistory = keepHistory(area);
    // A native listener, as the editor's own textarea has: its handlers expect DOM keyboard events.
    const listener = (event: KeyboardEvent): void => keys.current(event);
    // Native too: React drops an `input` event whose value its tracker already saw (a toolbar command
    // that set the value before dispatching), and a change the app never hears of is never saved.
    // It stops here: React's root listener would copy and compare the whole text again, for no handler.
    const input = (event: Event): void => {
      event.stopPropagation();
      texts.current(area.value);
    };
    area.addEventListener('keydown', listener);
    area.addEventListener('input', input);
    return () => {
      stopHistory();
      area.removeEventListener('keydown', listener);
      area.removeEventListener('input', input);
    };
  }, []);
  return (
    <textarea
      {...rest}
      ref={(element) => {
        own.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref !== null && ref !== undefined) ref.current = element;
      }}
    />
  );
}
