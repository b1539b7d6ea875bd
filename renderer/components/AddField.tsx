/** The "Add field" row: a key and a text value, checked before they reach the draft. */
import { useId, useState, type Ref, type SyntheticEvent } from 'react';

/** Props of the add-field row. */
export interface AddFieldProps {
  disabled: boolean;
  /** The "Field name" input, for the form to move the focus to. */
  keyInputRef?: Ref<HTMLInputElement>;
  /** Why `key` cannot be added, or null. */
  problemOf: (key: string) => string | null;
  /** Adds the field; the form then moves the focus to its control. */
  onAdd: (key: string, text: string) => void;
}

/** Two inputs and a button; a refused key says why. */
export function AddField({ disabled, keyInputRef, problemOf, onAdd }: AddFieldProps): React.JSX.Element {
  const id = useId();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const refused = problemOf(key);
    setProblem(refused);
    if (refused !== null) return;
    onAdd(key, value);
    setKey('');
    setValue('');
  };

  return (
    <form className="fm-add" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`${id}-key`}>
        Field name
      </label>
      <input
        ref={keyInputRef}
        id={`${id}-key`}
        className="fm-add-key"
        type="text"
        placeholder="new field"
        value={key}
        disabled={disabled}
        aria-invalid={problem !== null}
        aria-describedby={problem === null ? undefined : `${id}-problem`}
        onChange={(e) => setKey(e.target.value)}
      />
      <label className="visually-hidden" htmlFor={`${id}-value`}>
        Field value
      </label>
      <input
        id={`${id}-value`}
        type="text"
        placeholder="value"
        value={value}
        disabled={disabled}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button" disabled={disabled}>
        Add field
      </button>
      {problem === null ? null : (
        <p className="fm-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
