/**
 * The one-field form of the dialogs that name something (a new post's title, a file's new name):
 * the labelled text box, a refusal shown in place, Cancel and the action button.
 */
import { useId, useState, type SyntheticEvent } from 'react';
import type { ApiError } from '../../shared/api/contract';
import { INITIAL_FOCUS } from './Dialog';

/** A second thought about a name before it is sent (a post of that title exists), with another way out. */
export interface NameWarning {
  message: string;
  /** What else to do than going ahead, e.g. open the post that already has this title. */
  other?: { label: string; run: () => void };
}

/** Props of the naming form. */
export interface NameFormProps {
  label: string;
  /** The text the box starts with. */
  initial?: string;
  /** The action button's text ("Create", "Rename"). */
  action: string;
  /** Names that prose dictionaries would flag (file names) turn spelling checks off. */
  spellCheck?: boolean;
  /** A refusal of the trimmed text before it is sent, or null to send it. */
  check: (text: string) => ApiError | null;
  /**
   * A doubt about the trimmed text, or null: shown in place, and the action then goes ahead only
   * when chosen again ("Create anyway") for the same text.
   */
  warn?: (text: string) => NameWarning | null;
  /** Does the work; resolves the refusal to show, or null when it is done. */
  onSubmit: (text: string) => Promise<ApiError | null>;
  onCancel: () => void;
}

/** The form; the action does nothing while it runs, and the box is marked invalid while refused. */
export function NameForm(props: NameFormProps) {
  const { label, initial = '', action, spellCheck, check, warn, onSubmit, onCancel } = props;
  const id = useId();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [warning, setWarning] = useState<{ text: string; doubt: NameWarning } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    const trimmed = text.trim();
    const refused = check(trimmed);
    if (refused !== null) {
      setError(refused);
      setWarning(null);
      return;
    }
    const doubt = warn?.(trimmed) ?? null;
    if (doubt !== null && warning?.text !== trimmed) {
      setError(null);
      setWarning({ text: trimmed, doubt });
      return;
    }
    setBusy(true);
    const failed = await onSubmit(trimmed);
    setBusy(false);
    setError(failed);
  };

  return (
    <form className="dialog-form" onSubmit={(event) => void submit(event)}>
      <label className="field-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        {...INITIAL_FOCUS}
        spellCheck={spellCheck}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-error` : warning !== null ? `${id}-warning` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          // What was said of the text before no longer holds (review 24a: "Give the post a title." stayed,
          // the field marked invalid, while a title was typed); the next Enter checks again.
          setWarning(null);
          setError(null);
        }}
      />
      {error === null ? null : (
        <p className="dialog-error" id={`${id}-error`} role="alert">
          {error.message}
          {error.hint === undefined ? null : <span className="hint"> {error.hint}</span>}
        </p>
      )}
      {warning === null || error !== null ? null : (
        <div className="dialog-warning">
          <p id={`${id}-warning`} role="alert">
            {warning.doubt.message}
          </p>
          {warning.doubt.other === undefined ? null : (
            <button type="button" className="button" onClick={warning.doubt.other.run}>
              {warning.doubt.other.label}
            </button>
          )}
        </div>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        {/* aria-disabled, not disabled: a focused button that is disabled drops the focus out of the dialog. */}
        <button type="submit" className="button primary" aria-disabled={busy || undefined}>
          {warning === null || error !== null ? action : `${action} anyway`}
        </button>
      </div>
    </form>
  );
}
