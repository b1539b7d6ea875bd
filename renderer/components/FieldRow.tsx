/** One front-matter field in the form: its key as the label, a control fitting its kind. */
import { useState } from 'react';
import type { FieldValue, FrontMatterField } from '../../shared/api/contract';
import { ListCombobox } from './ListCombobox';

/** Props of one field row. */
export interface FieldRowProps {
  id: string;
  field: FrontMatterField;
  disabled: boolean;
  onChange: (value: FieldValue) => void;
  onRemove: () => void;
}

/**
 * A labelled control, its warning, and a remove button. A warning marks the control invalid and is
 * the control's description. It is a polite live region, except while the writer is in the control:
 * a date typed digit by digit is not a date until its last digit, and was warned of at the first
 * and again halfway (review 24a).
 */
export function FieldRow({ id, field, disabled, onChange, onRemove }: FieldRowProps): React.JSX.Element {
  const warningId = `${id}-warning`;
  const invalid = field.warning !== undefined;
  const describedBy = invalid ? warningId : undefined;
  const [editing, setEditing] = useState(false);
  return (
    <div className={`fm-row fm-kind-${field.kind}`}>
      <label className="fm-key" htmlFor={id} title={field.key}>
        {field.key}
      </label>
      <div className="fm-control" onFocus={() => setEditing(true)} onBlur={() => setEditing(false)}>
        <FieldControl
          id={id}
          field={field}
          disabled={disabled}
          onChange={onChange}
          describedBy={describedBy}
          invalid={invalid}
        />
        {field.warning === undefined ? null : (
          <p className="fm-warning" id={warningId} aria-live={editing ? 'off' : 'polite'}>
            {field.warning}
          </p>
        )}
      </div>
      <button
        type="button"
        className="icon-button fm-remove"
        aria-label={`Remove ${field.key}`}
        title={`Remove ${field.key}`}
        disabled={disabled}
        onClick={onRemove}
      >
        ×
      </button>
    </div>
  );
}

interface ControlProps {
  id: string;
  field: FrontMatterField;
  disabled: boolean;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (value: FieldValue) => void;
}

function FieldControl({ id, field, disabled, describedBy, invalid, onChange }: ControlProps): React.JSX.Element {
  const common = { id, disabled, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined };
  const text = typeof field.value === 'string' ? field.value : '';
  switch (field.kind) {
    case 'boolean':
      return (
        <input
          {...common}
          type="checkbox"
          checked={field.value === true}
          onChange={(e) => onChange({ kind: 'boolean', value: e.target.checked })}
        />
      );
    case 'list':
      return (
        <ListCombobox
          id={id}
          fieldKey={field.key}
          disabled={disabled}
          describedBy={describedBy}
          invalid={invalid}
          items={Array.isArray(field.value) ? field.value : []}
          onChange={(items) => onChange({ kind: 'list', items })}
        />
      );
    case 'raw':
      return (
        <textarea
          {...common}
          className="fm-yaml"
          spellCheck={false}
          rows={Math.min(12, text.split('\n').length + 1)}
          value={text}
          onChange={(e) => onChange({ kind: 'raw', yaml: e.target.value })}
        />
      );
    case 'number':
      return (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          value={text}
          onChange={(e) => onChange({ kind: 'number', text: e.target.value })}
        />
      );
    case 'date':
      // A text box on purpose: a date picker would rewrite the author's format.
      return (
        <input
          {...common}
          type="text"
          className="fm-date"
          value={text}
          onChange={(e) => onChange({ kind: 'date', text: e.target.value })}
        />
      );
    case 'text':
      return <TextControl common={common} text={text} onChange={onChange} />;
  }
}

/**
 * A text field: one line, or a textarea once the value has a line break (a one-line input would
 * silently drop it). A textarea stays one while the field is shown: swapping it for an input when
 * the author deletes the last line break would drop the focus, and every key typed after it.
 */
function TextControl({
  common,
  text,
  onChange,
}: {
  common: { id: string; disabled: boolean; 'aria-describedby': string | undefined; 'aria-invalid': true | undefined };
  text: string;
  onChange: (value: FieldValue) => void;
}): React.JSX.Element {
  const [multiline, setMultiline] = useState(() => text.includes('\n'));
  if (!multiline && text.includes('\n')) setMultiline(true);
  return multiline ? (
    <textarea
      {...common}
      rows={Math.min(8, Math.max(2, text.split('\n').length))}
      value={text}
      onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
    />
  ) : (
    <input {...common} type="text" value={text} onChange={(e) => onChange({ kind: 'text', text: e.target.value })} />
  );
}
