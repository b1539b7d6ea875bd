/** One front-matter field in the form: its key as the label, a control fitting its kind. */
import { useState } from 'react';
import type { FieldValue, FrontMatterField } from '../../shared/api/contract';

/** Props of one field row. */
export interface FieldRowProps {
  id: string;
  field: FrontMatterField;
  disabled: boolean;
  onChange: (value: FieldValue) => void;
  onRemove: () => void;
}

/** A labelled control, its warning, and a remove button. */
export function FieldRow({ id, field, disabled, onChange, onRemove }: FieldRowProps): React.JSX.Element {
  const warningId = `${id}-warning`;
  const describedBy = field.warning === undefined ? undefined : warningId;
  return (
    <div className={`fm-row fm-kind-${field.kind}`}>
      <label className="fm-key" htmlFor={id} title={field.key}>
        {field.key}
      </label>
      <div className="fm-control">
        <FieldControl id={id} field={field} disabled={disabled} onChange={onChange} describedBy={describedBy} />
        {field.warning === undefined ? null : (
          <p className="fm-warning" id={warningId}>
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
  onChange: (value: FieldValue) => void;
}

function FieldControl({ id, field, disabled, describedBy, onChange }: ControlProps): React.JSX.Element {
  const common = { id, disabled, 'aria-describedby': describedBy };
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
        <ListInput
          {...common}
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
      // A one-line input would silently drop line breaks the value already has.
      return text.includes('\n') ? (
        <textarea
          {...common}
          rows={Math.min(8, text.split('\n').length)}
          value={text}
          onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
        />
      ) : (
        <input
          {...common}
          type="text"
          value={text}
          onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
        />
      );
  }
}

/** The items of a comma-separated list, trimmed, empty ones dropped. */
function splitItems(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

interface ListInputProps {
  id: string;
  disabled: boolean;
  'aria-describedby': string | undefined;
  items: string[];
  onChange: (items: string[]) => void;
}

/** Comma-separated items, typed freely (the text is kept while typing "a, "), shown as chips. */
function ListInput({ items, onChange, ...input }: ListInputProps): React.JSX.Element {
  const [text, setText] = useState(() => items.join(', '));
  return (
    <div className="fm-list">
      <input
        {...input}
        type="text"
        value={text}
        placeholder="item, another item"
        onChange={(e) => {
          setText(e.target.value);
          onChange(splitItems(e.target.value));
        }}
      />
      {items.length > 0 ? (
        <ul className="chips" aria-hidden="true">
          {items.map((item, index) => (
            <li key={index} className="chip">
              {item}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
