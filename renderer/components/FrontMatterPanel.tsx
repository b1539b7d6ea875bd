/**
 * The front matter above the editor: a form (one row per key) that folds to a one-line summary, or
 * the whole block as text ("Raw"), or, when it cannot be parsed, the block read-only with the reason.
 */
import { memo, useEffect, useId, useRef } from 'react';
import type { EditorAction } from '../state/editor';
import { newKeyProblem, type FrontMatterDraft } from '../state/frontMatter';
import { formatName, frontMatterSummary, useFrontMatterOpen } from '../state/frontMatterView';
import { AddField } from './AddField';
import { FieldRow } from './FieldRow';

/** Props of the front-matter panel. */
export interface FrontMatterPanelProps {
  draft: FrontMatterDraft;
  /** Counts fresh reads; list inputs restart from the file when it changes. */
  generation: number;
  readOnly: boolean;
  modeNote: string | null;
  dispatch: (action: EditorAction) => void;
}

/** The panel: header (disclosure, summary, Raw toggle) and the body for the current mode. */
export const FrontMatterPanel = memo(function FrontMatterPanel(props: FrontMatterPanelProps): React.JSX.Element {
  const { draft, generation, readOnly, modeNote, dispatch } = props;
  const id = useId();
  const { open, choose, show } = useFrontMatterOpen(draft, generation);
  const raw = draft.mode === 'raw';
  const changed = draft.edits.length > 0 || (raw && draft.raw !== draft.base.raw);

  return (
    <section className={`frontmatter${open ? '' : ' is-collapsed'}`} aria-labelledby={`${id}-toggle`}>
      <div className="fm-header">
        <button
          type="button"
          id={`${id}-toggle`}
          className="fm-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          aria-describedby={`${id}-summary`}
          title={open ? 'Fold the front matter to one line' : 'Show the front-matter fields'}
          onClick={() => choose(!open)}
        >
          <span className="disclosure" aria-hidden="true" />
          Front matter
        </button>
        {/* A wide target for the mouse; keyboard users have the button beside it. */}
        <span className="fm-summary" id={`${id}-summary`} onClick={open ? undefined : () => choose(true)}>
          <Summary draft={draft} open={open} changed={changed} />
        </span>
        {!raw && draft.edits.length > 0 && !readOnly ? (
          <button
            type="button"
            className="button subtle"
            title="Put every field back as the file has it"
            onClick={() => dispatch({ type: 'undoFields' })}
          >
            Undo field changes
          </button>
        ) : null}
        <button
          type="button"
          className="button subtle"
          aria-pressed={raw}
          disabled={readOnly}
          onClick={() => {
            show();
            dispatch({ type: 'setMode', mode: raw ? 'fields' : 'raw' });
          }}
        >
          Raw
        </button>
      </div>
      <p className="fm-note" aria-live="polite">
        {modeNote}
      </p>
      <div className="fm-body" id={`${id}-body`} hidden={!open}>
        {raw ? (
          <RawBlock draft={draft} readOnly={readOnly} onChange={(text) => dispatch({ type: 'editRaw', raw: text })} />
        ) : draft.base.editable ? (
          <FieldForm draft={draft} generation={generation} readOnly={readOnly} dispatch={dispatch} idBase={id} />
        ) : (
          <ReadOnlyBlock draft={draft} />
        )}
      </div>
    </section>
  );
});

/** Open: the format. Folded: title · date · n fields · format. Either way: edited, warnings. */
function Summary({
  draft,
  open,
  changed,
}: {
  draft: FrontMatterDraft;
  open: boolean;
  changed: boolean;
}): React.JSX.Element {
  const { parts, warnings, problem } = frontMatterSummary(draft);
  const [first, ...rest] = parts;
  return (
    <>
      {open ? (
        formatName(draft.base.format)
      ) : (
        <>
          <span className={problem === null ? 'fm-summary-title' : 'fm-summary-problem'}>{first}</span>
          {rest.map((part) => ` · ${part}`).join('')}
        </>
      )}
      {changed ? <span className="fm-changed"> · edited</span> : null}
      {warnings > 0 && !open ? (
        <span className="fm-summary-warning"> · {warnings === 1 ? '1 warning' : `${warnings} warnings`}</span>
      ) : null}
    </>
  );
}

/** Where the focus goes once the fields have changed: a field's control, by key or by place. */
type FocusTarget = { key: string } | { removedAt: number };

function FieldForm(props: {
  draft: FrontMatterDraft;
  generation: number;
  readOnly: boolean;
  idBase: string;
  dispatch: (action: EditorAction) => void;
}): React.JSX.Element {
  const { draft, generation, readOnly, idBase, dispatch } = props;
  const fields = draft.fields;
  const addKeyRef = useRef<HTMLInputElement>(null);
  // A removed row takes its button with it, and a new row is where the writer goes next: either
  // way the focus is moved once the form shows the change, never left to fall to the page.
  const focusNext = useRef<FocusTarget | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const index =
      'key' in target
        ? fields.findIndex((field) => field.key === target.key)
        : Math.min(target.removedAt, fields.length - 1);
    const control = index < 0 ? null : document.getElementById(`${idBase}-field-${index}`);
    (control ?? addKeyRef.current)?.focus();
  }, [fields, idBase]);

  return (
    <div className="fm-form">
      {fields.length === 0 ? <p className="fm-empty">No fields yet.</p> : null}
      {fields.map((field, index) => (
        <FieldRow
          key={`${generation}:${draft.undone ?? 0}:${field.key}`}
          id={`${idBase}-field-${index}`}
          field={field}
          disabled={readOnly}
          onChange={(value) => dispatch({ type: 'setField', key: field.key, value })}
          onRemove={() => {
            focusNext.current = { removedAt: index };
            dispatch({ type: 'removeField', key: field.key });
          }}
        />
      ))}
      <AddField
        disabled={readOnly}
        keyInputRef={addKeyRef}
        problemOf={(key) => newKeyProblem(draft, key)}
        onAdd={(key, text) => {
          focusNext.current = { key };
          dispatch({ type: 'addField', key, text });
        }}
      />
    </div>
  );
}

function ParseError({ draft }: { draft: FrontMatterDraft }): React.JSX.Element | null {
  const { error, note } = draft.base;
  if (error === undefined && note === undefined) return null;
  return (
    <div className="fm-error" role="note">
      {note === undefined ? null : <p>{note}</p>}
      {error === undefined ? null : (
        <p>
          {error.line === undefined ? '' : `Line ${error.line}: `}
          {error.message}
        </p>
      )}
    </div>
  );
}

function ReadOnlyBlock({ draft }: { draft: FrontMatterDraft }): React.JSX.Element {
  return (
    <div className="fm-readonly">
      <ParseError draft={draft} />
      <pre className="fm-raw-text" aria-label="Front matter (read-only)" tabIndex={0}>
        {draft.base.raw}
      </pre>
      <p className="fm-hint">Choose Raw to edit the block as text. Nothing in it is run.</p>
    </div>
  );
}

function RawBlock({
  draft,
  readOnly,
  onChange,
}: {
  draft: FrontMatterDraft;
  readOnly: boolean;
  onChange: (text: string) => void;
}): React.JSX.Element {
  const stale = draft.raw !== draft.base.raw;
  return (
    <div className="fm-rawmode">
      {stale ? null : <ParseError draft={draft} />}
      {stale && draft.base.error !== undefined ? (
        <p className="fm-hint">The block is checked again when you save.</p>
      ) : null}
      <textarea
        className="fm-raw-input"
        aria-label="Front matter"
        spellCheck={false}
        readOnly={readOnly}
        rows={Math.min(16, Math.max(4, draft.raw.split('\n').length + 1))}
        value={draft.raw}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
