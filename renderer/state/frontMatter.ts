/**
 * The front-matter form's draft: what the author sees, and the edits to send. Only keys the author
 * actually changed become `FieldEdit`s, so the backend rewrites nothing else.
 */
import type {
  FieldEdit,
  FieldValue,
  FrontMatterChange,
  FrontMatterField,
  FrontMatterInfo,
} from '../../shared/api/contract';
import { LIST_KEYS } from '../../shared/api/fields';
import { calendarWarning } from '../../shared/markdown/dates';
import { dateSortKey } from '../../shared/markdown/sortDate';

/** The form's state for one opened post. */
export interface FrontMatterDraft {
  /** The block as read from disk. */
  base: FrontMatterInfo;
  /** The fields as the form shows them now (added keys at the end, removed keys gone). */
  fields: FrontMatterField[];
  /** One edit per changed key, in the order the author first touched them. */
  edits: FieldEdit[];
  /** Editing the whole block as text instead of field by field. */
  mode: 'fields' | 'raw';
  /** The text of the block in raw mode. */
  raw: string;
  /** How many times the field changes were undone (the form's inputs start again from the file's values each time). */
  undone?: number;
}

/** A fresh draft of a block as read. */
export function createDraft(base: FrontMatterInfo): FrontMatterDraft {
  return { base, fields: base.fields.map(withDateWarning), edits: [], mode: 'fields', raw: base.raw };
}

/**
 * A field as it came from the file, with the warning a date gets as it is typed (a date already
 * in the file that the list cannot sort is flagged from the start, not only once retyped).
 */
function withDateWarning(field: FrontMatterField): FrontMatterField {
  if (field.warning !== undefined || (field.kind !== 'date' && field.kind !== 'text')) return field;
  const warning = dateWarning(field.key, fieldValueOf(field));
  return warning === undefined ? field : { ...field, warning };
}

/** The form value of a field, as a `FieldValue` of its kind. */
export function fieldValueOf(field: FrontMatterField): FieldValue {
  const { kind, value } = field;
  if (kind === 'boolean') return { kind, value: value === true };
  if (kind === 'list') return { kind, items: Array.isArray(value) ? value : [] };
  const text = typeof value === 'string' ? value : '';
  return kind === 'raw' ? { kind, yaml: text } : { kind, text };
}

/** A field as the form shows it after `value` was set. */
export function fieldFromValue(key: string, value: FieldValue, warning?: string): FrontMatterField {
  const shown =
    value.kind === 'boolean'
      ? value.value
      : value.kind === 'list'
        ? value.items
        : value.kind === 'raw'
          ? value.yaml
          : value.text;
  return warning === undefined
    ? { key, kind: value.kind, value: shown }
    : { key, kind: value.kind, value: shown, warning };
}

/** Whether two field values say the same thing. */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function original(draft: FrontMatterDraft, key: string): FrontMatterField | undefined {
  return draft.base.fields.find((field) => field.key === key);
}

function withEdit(edits: FieldEdit[], edit: FieldEdit | null, key: string): FieldEdit[] {
  const index = edits.findIndex((existing) => existing.key === key);
  if (edit === null) return index === -1 ? edits : edits.filter((_, i) => i !== index);
  return index === -1 ? [...edits, edit] : edits.map((existing, i) => (i === index ? edit : existing));
}

/** The keys the post list reads a post's date from (electron/node/frontmatter/summary.ts), in any case. */
const LIST_DATE_KEYS = new Set(['date', 'pubdate', 'published', 'publishdate', 'created']);

/** A yes-or-no flag written as text, which a `published` key often holds. */
const FLAG_WORDS = /^(?:true|false|yes|no|on|off|0|1)$/i;

/** What the post list's sort asks a date to be written as. */
export const UNSORTABLE_DATE_WARNING = 'Not a date the list can sort: write it as 2026-11-26';

/**
 * The warning for a date as typed: a day no calendar has, or text the post list cannot read as a
 * date (the post would drop out of date order). Checked for a date field, and for a text field
 * the list takes its date from. An empty value is no date, not a wrong one.
 */
export function dateWarning(key: string, value: FieldValue): string | undefined {
  const dated = value.kind === 'date' || (value.kind === 'text' && LIST_DATE_KEYS.has(key.toLowerCase()));
  if (!dated || value.text.trim() === '') return undefined;
  // `published: "false"` is Jekyll's draft flag written as text, not a date gone wrong.
  if (value.kind === 'text' && FLAG_WORDS.test(value.text.trim())) return undefined;
  return calendarWarning(value.text) ?? (dateSortKey(value.text) === null ? UNSORTABLE_DATE_WARNING : undefined);
}

/** Sets a field's value; setting it back to what is on disk withdraws the edit. */
export function setField(draft: FrontMatterDraft, key: string, value: FieldValue): FrontMatterDraft {
  const before = original(draft, key);
  const unchanged = before !== undefined && before.kind === value.kind && sameValue(fieldValueOf(before), value);
  const edit: FieldEdit | null = unchanged ? null : { op: 'set', key, value };
  // The backend's warning described the old value: a date is checked again as it is typed, any
  // other warning comes back with the next save if still true.
  const shown = unchanged ? withDateWarning(before) : fieldFromValue(key, value, dateWarning(key, value));
  const exists = draft.fields.some((field) => field.key === key);
  const fields = exists ? draft.fields.map((field) => (field.key === key ? shown : field)) : [...draft.fields, shown];
  return { ...draft, fields, edits: withEdit(draft.edits, edit, key) };
}

/** Removes a field; removing a key the author added only withdraws that addition. */
export function removeField(draft: FrontMatterDraft, key: string): FrontMatterDraft {
  const edit: FieldEdit | null = original(draft, key) === undefined ? null : { op: 'remove', key };
  return {
    ...draft,
    fields: draft.fields.filter((field) => field.key !== key),
    edits: withEdit(draft.edits, edit, key),
  };
}

/** Why a new key cannot be added, or null when it can. */
export function newKeyProblem(draft: FrontMatterDraft, key: string): string | null {
  if (key.trim() === '') return 'Enter a name for the field.';
  if (key !== key.trim()) return 'A field name cannot start or end with a space.';
  if (/[\n\r]/.test(key)) return 'A field name must fit on one line.';
  if (draft.fields.some((field) => field.key === key)) return `There is already a field named "${key}".`;
  return null;
}

/**
 * What a value typed into "Add field" stands for: `true` or `false` a boolean (a draft flag written
 * as the text "true" is a string to most generators, and a draft published), the commas of a
 * list key's value its items; anything else the text as typed.
 */
export function newFieldValue(key: string, text: string): FieldValue {
  if (LIST_KEYS.has(key.trim().toLowerCase())) {
    return {
      kind: 'list',
      items: text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    };
  }
  const word = text.trim().toLowerCase();
  if (word === 'true' || word === 'false') return { kind: 'boolean', value: word === 'true' };
  return { kind: 'text', text };
}

/** Adds a field at the end of the block, its value read as `newFieldValue` reads it. */
export function addField(draft: FrontMatterDraft, key: string, text: string): FrontMatterDraft {
  if (newKeyProblem(draft, key) !== null) return draft;
  return setField(draft, key, newFieldValue(key, text));
}

/** The form as read from the file again: every field change undone (a removed field back in its place). */
export function undoFieldChanges(draft: FrontMatterDraft): FrontMatterDraft {
  if (draft.mode !== 'fields' || draft.edits.length === 0) return draft;
  return { ...createDraft(draft.base), undone: (draft.undone ?? 0) + 1 };
}

/** Why the block cannot switch between the form and raw text right now, or null. */
export function modeSwitchProblem(draft: FrontMatterDraft): string | null {
  if (draft.mode === 'fields') {
    return draft.edits.length > 0 ? 'Save or undo the field changes before editing the block as text.' : null;
  }
  return draft.raw !== draft.base.raw ? 'Save the text changes before returning to the form.' : null;
}

/** Switches between the form and raw text when nothing would be lost. */
export function setMode(draft: FrontMatterDraft, mode: 'fields' | 'raw'): FrontMatterDraft {
  if (draft.mode === mode || modeSwitchProblem(draft) !== null) return draft;
  return { ...draft, mode, raw: draft.base.raw };
}

/** Replaces the block's text in raw mode. */
export function editRaw(draft: FrontMatterDraft, raw: string): FrontMatterDraft {
  return draft.mode === 'raw' ? { ...draft, raw } : draft;
}

/** What the save request says about the front matter. */
export function frontMatterChange(draft: FrontMatterDraft): FrontMatterChange {
  if (draft.mode === 'raw') return draft.raw === draft.base.raw ? { kind: 'none' } : { kind: 'raw', raw: draft.raw };
  return draft.edits.length === 0 ? { kind: 'none' } : { kind: 'fields', edits: draft.edits };
}

/** Carries the author's later changes onto the block a save returned. */
export function rebaseDraft(
  current: FrontMatterDraft,
  sent: FrontMatterDraft,
  base: FrontMatterInfo,
): FrontMatterDraft {
  const fresh = createDraft(base);
  if (current === sent) return current.mode === 'raw' ? { ...fresh, mode: 'raw' } : fresh;
  if (current.mode === 'raw') return { ...fresh, mode: 'raw', raw: current.raw === sent.raw ? base.raw : current.raw };
  const sentEdits = new Set(sent.edits.map((edit) => JSON.stringify(edit)));
  const later = current.edits
    .filter((edit) => !sentEdits.has(JSON.stringify(edit)))
    .reduce(
      (draft, edit) => (edit.op === 'remove' ? removeField(draft, edit.key) : setField(draft, edit.key, edit.value)),
      fresh,
    );
  // A field the save sent and the author has since changed back: its edit was withdrawn (the field
  // equals the block it was read from again), so the change back is carried as an edit of its own.
  const edited = new Set(current.edits.map((edit) => edit.key));
  return sent.edits
    .filter((edit) => !edited.has(edit.key))
    .reduce((draft, { key }) => {
      const was = current.base.fields.find((field) => field.key === key);
      return was === undefined ? removeField(draft, key) : setField(draft, key, fieldValueOf(was));
    }, later);
}

/** A field both the author and another program changed: its value on disk and in the author's form, as text. */
export interface FieldClash {
  /** The field's key, or '' for the block edited as text. */
  key: string;
  disk: string;
  mine: string;
}

function shownValue(field: FrontMatterField | undefined): string {
  if (field === undefined) return '(removed)';
  return Array.isArray(field.value) ? field.value.join(', ') : String(field.value);
}

/**
 * What "Keep mine" would write over: the fields the author changed that the file on disk changed
 * too, from the block the author started from, to something else than the author's. In raw mode,
 * the block itself when both changed it.
 */
export function fieldClashes(draft: FrontMatterDraft, disk: FrontMatterInfo): FieldClash[] {
  if (draft.mode === 'raw') {
    const both = draft.raw !== draft.base.raw && disk.raw !== draft.base.raw && disk.raw !== draft.raw;
    return both ? [{ key: '', disk: disk.raw, mine: draft.raw }] : [];
  }
  return draft.edits.flatMap((edit) => {
    const there = shownValue(disk.fields.find((field) => field.key === edit.key));
    const before = shownValue(draft.base.fields.find((field) => field.key === edit.key));
    const mine = shownValue(draft.fields.find((field) => field.key === edit.key));
    return there === before || there === mine ? [] : [{ key: edit.key, disk: there, mine }];
  });
}
