/**
 * Typing ahead of the app's state. The editor's textarea is uncontrolled at every size: a
 * keystroke changes only the textarea, and the app (preview, status, hints) hears of it in a React
 * transition that the next key may interrupt. The app's text then comes back late, as an echo of
 * something typed; anything else (a read, a restore, an inserted image) replaces the textarea's
 * text. Once no typed text is on its way, the app's state is the truth.
 */

/** What the editor knows about the app's text. */
export interface TypingState {
  /** Texts typed here that the app's state has not yet come back with, oldest first. */
  typed: readonly string[];
  /** The app's text as last seen. */
  seen: string;
  /** The app's text as last taken into the textarea. */
  taken: string;
  /** Counts the texts taken: the textarea's text is replaced when it changes. */
  revision: number;
}

/** The state for a textarea that starts out showing `value`. */
export function startTyping(value: string): TypingState {
  return { typed: [], seen: value, taken: value, revision: 0 };
}

/** After a keystroke in the textarea: `text` is on its way to the app. */
export function typedText(state: TypingState, text: string): TypingState {
  return { ...state, typed: [...state.typed, text] };
}

/**
 * Takes the app's `value` into account. `pending` says whether typed text may still be on its way
 * (a transition is pending). Returns `state` itself when nothing changed.
 */
export function reconcile(state: TypingState, value: string, pending: boolean): TypingState {
  if (value === state.seen && (pending || state.typed.length === 0)) return state;
  if (pending) {
    const echo = state.typed.lastIndexOf(value);
    if (echo !== -1) return { ...state, typed: state.typed.slice(echo + 1), seen: value };
  } else if (value === state.typed.at(-1)) {
    return { ...state, typed: [], seen: value };
  }
  return take(state, value);
}

/** `value` replaces the textarea's text (a change from outside, or the state once typing settled). */
function take(state: TypingState, value: string): TypingState {
  return { typed: [], seen: value, taken: value, revision: state.revision + 1 };
}
