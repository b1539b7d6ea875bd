/**
 * Field edits on a TOML block by replacing the value of one top-level key, in its own quoting and
 * layout: a one-line value, a value over several lines (an array of one item a line, a `"""`
 * string), or a table's text (`[taxonomies]` and what follows it). Every edit is checked by reading
 * the block back: the key reads as the value given and every other key as it did.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FieldEdit, FieldValue, Result } from '../../../shared/api/contract';
import { fail, ok } from '../../../shared/api/contract';
import { escapeWhere, hasControl, isControl } from './chars';
import { trimEndSpaces } from '../../../shared/markdown/spaces';
import { holdsValue, readsBack } from './field-value';
import { parseBlockData } from './parse';
import { tomlArrayItems, tomlLines, tomlSpanningLines, tomlTableSpan, tomlTopEnd } from './toml-lines';
import type { TomlLine } from './toml-lines';
import { readTomlFields } from './toml-fields';

function basicString(value: string): string {
  const escaped = escapeWhere(
    value,
    (c) => c === '\\' || c === '"' || isControl(c),
    (c) => {
      const named: Record<string, string> = {
        '\\': '\\\\',
        '"': '\\"',
        '\n': '\\n',
        '\t': '\\t',
        '\r': '\\r',
        '\b': '\\b',
        '\f': '\\f',
      };
      return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    },
  );
  return `"${escaped}"`;
}

function stringLike(value: string, old: string | undefined): string {
  if (old?.startsWith("'") === true && !value.includes("'") && !hasControl(value, '\t')) return `'${value}'`;
  return basicString(value);
}

function bareIfValid(source: string, check: (v: unknown) => boolean): boolean {
  const parsed = parseBlockData('toml', `k = ${source}\n`);
  return parsed.ok && check(parsed.data.k);
}

/**
 * A list in the style of the one it replaces: each item the author kept keeps its own source text
 * (`1`, `true`, `'C:\dir'`), and a new item is written as the kept items are (a bare number or
 * boolean among bare ones, else a string in the list's quotes).
 */
function renderList(items: string[], old: string | undefined): string {
  const single = old !== undefined && /^\[\s*'/.test(old);
  const pad = old?.startsWith('[ ') === true && items.length > 0 ? ' ' : '';
  const kept = old === undefined ? [] : keptItems(old);
  const bare = kept.length > 0 && kept.every((item) => !/^["']/.test(item.source));
  const inner = items.map((item) => {
    const at = kept.findIndex((k) => k.text === item);
    if (at !== -1) return kept.splice(at, 1)[0]?.source ?? basicString(item);
    if (bare && bareIfValid(item, (v) => typeof v !== 'string' && !(v instanceof Date))) return item;
    return single ? stringLike(item, "'") : basicString(item);
  });
  const layout = old === undefined ? null : lineLayout(old);
  if (layout !== null && inner.length > 0) {
    const { eol, indent, close, trailing } = layout;
    return `[${eol}${inner.map((item) => indent + item).join(`,${eol}`)}${trailing ? ',' : ''}${eol}${close}]`;
  }
  return `[${pad}${inner.join(', ')}${pad}]`;
}

/**
 * How an array written one item a line is laid out (`[` and its line break, each item's indent,
 * a comma after the last, the indent of `]`), or null for an array on one line or laid out otherwise.
 */
function lineLayout(old: string): { eol: string; indent: string; close: string; trailing: boolean } | null {
  // In steps, not one regex: a lazy match of the items before the spaces at the end is quadratic on a long run.
  const open = /^\[(\r?\n)([ \t]*)\S/.exec(old);
  const lastBreak = old.lastIndexOf('\n');
  if (open === null || !old.endsWith(']') || lastBreak <= open[0].length) return null;
  const close = old.slice(lastBreak + 1, -1);
  if (trimEndSpaces(close) !== '') return null;
  const [, eol = '\n', indent = ''] = open;
  const items = trimEndSpaces(old.slice(0, old[lastBreak - 1] === '\r' ? lastBreak - 1 : lastBreak));
  return { eol, indent, close, trailing: items.endsWith(',') };
}

/** A text value written as the `"""` string it replaces, or null when the value cannot be one as it is. */
function multiLineString(value: string, old: string | undefined): string | null {
  if (old === undefined || !old.startsWith('"""')) return null;
  // Only text needing no escapes: a backslash, three quotes, a quote before the closing ones, a CR or control.
  if (/\\|"""|"$|\r/.test(value) || hasControl(value, '\t\n')) return null;
  const eol = /^"""(\r?\n)/.exec(old)?.[1] ?? '';
  return `"""${eol}${value}"""`;
}

/** The items of an array as the form shows them, each with its source text. */
function keptItems(old: string): { text: string; source: string }[] {
  const sources = tomlArrayItems(old, true);
  const parsed = parseBlockData('toml', `k = ${old}\n`);
  const values = parsed.ok ? parsed.data.k : undefined;
  if (sources === null || !Array.isArray(values) || values.length !== sources.length) return [];
  return sources.map((source, i) => ({ text: itemText(values[i]), source }));
}

function itemText(value: unknown): string {
  return typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : String(value);
}

function renderValue(value: FieldValue, old: string | undefined): Result<string> {
  switch (value.kind) {
    case 'text':
      return ok(multiLineString(value.text, old) ?? stringLike(value.text, old));
    case 'date': {
      const bare = old !== undefined && !/^["']/.test(old) && bareIfValid(value.text, (v) => v instanceof Date);
      return ok(bare ? value.text : stringLike(value.text, old));
    }
    case 'number':
      return bareIfValid(value.text.trim(), (v) => typeof v === 'number' || typeof v === 'bigint')
        ? ok(value.text.trim())
        : fail('INVALID_ARGUMENT', `“${value.text}” is not a number.`);
    case 'boolean':
      return ok(value.value ? 'true' : 'false');
    case 'list':
      // Comments between the items of an array over several lines would be lost in a new one.
      if (old !== undefined && /\n/.test(old) && tomlArrayItems(old, true) === null)
        return fail('UNSUPPORTED', 'This list has comments between its items.', 'Edit it in Raw mode to keep them.');
      return ok(renderList(value.items, old));
    case 'raw':
      return /[\r\n]/.test(value.yaml) && (old === undefined || !/[\r\n]/.test(old))
        ? fail('UNSUPPORTED', 'A multi-line TOML value can only be edited in Raw mode.')
        : ok(value.yaml.trim());
  }
}

function insertLine(raw: string, lines: TomlLine[], key: string, source: string, eol: string): string {
  const last = lines[lines.length - 1];
  const eq = last === undefined ? ' = ' : raw.slice(last.lineStart + last.key.length, last.valueStart);
  const at = last === undefined ? tomlTopEnd(raw) : last.lineEnd;
  const bareKey = /^[A-Za-z0-9_-]+$/.test(key) ? key : basicString(key);
  const needsBreak = at > 0 && raw[at - 1] !== '\n';
  return `${raw.slice(0, at)}${needsBreak ? eol : ''}${bareKey}${/^[ \t]*=[ \t]*$/.test(eq) ? eq : ' = '}${source}${eol}${raw.slice(at)}`;
}

function applyOne(raw: string, edit: FieldEdit, eol: string): Result<string> {
  const read = readTomlFields(raw);
  if (!read.editable)
    return fail(
      'READ_ONLY',
      'This front matter does not parse, so its fields cannot be edited.',
      'Fix it in Raw mode.',
    );
  const lines = tomlLines(raw);
  const line = lines.find((l) => l.key === edit.key) ?? tomlSpanningLines(raw).find((l) => l.key === edit.key);
  const current = read.fields.find((f) => f.key === edit.key);
  const exists = current !== undefined;
  if (edit.op === 'set' && holdsValue(current, edit.value)) return ok(raw);
  let next: string;
  if (exists && line === undefined) {
    const table = tomlTableSpan(raw, edit.key);
    if (table === null || edit.op === 'remove' || edit.value.kind !== 'raw')
      return fail('UNSUPPORTED', `“${edit.key}” is a TOML table or a multi-line value.`, 'Edit it in Raw mode.');
    // A table shown as its text: the text replaces the table's lines; the blank lines after them stay.
    const section = raw.slice(table.start, table.end);
    const ending = section.slice(section.trimEnd().length);
    next = raw.slice(0, table.start) + edit.value.yaml.trimEnd() + ending + raw.slice(table.end);
    return checked(raw, next, edit);
  }
  const source = edit.op === 'remove' ? undefined : renderValue(edit.value, line?.source);
  if (source !== undefined && !source.ok) return source;
  if (line === undefined) next = source === undefined ? raw : insertLine(raw, lines, edit.key, source.value, eol);
  else if (source === undefined) next = raw.slice(0, line.lineStart) + raw.slice(line.lineEnd);
  else next = raw.slice(0, line.valueStart) + source.value + raw.slice(line.valueEnd);
  return checked(raw, next, edit);
}

/** `next`, the block with `edit` applied, if it parses, holds the value given and every other key as `raw` did. */
function checked(raw: string, next: string, edit: FieldEdit): Result<string> {
  const parsed = parseBlockData('toml', next);
  if (!parsed.ok)
    return fail('PARSE', `The edit to “${edit.key}” would make the front matter invalid: ${parsed.error.message}.`);
  // Every other key must read as it did: an edit that touched anything but its own value is refused.
  const before = parseBlockData('toml', raw);
  const kept =
    before.ok &&
    Object.keys(before.data).every(
      (key) => key === edit.key || isDeepStrictEqual(before.data[key], parsed.data[key]),
    ) &&
    Object.keys(parsed.data).every((key) => key === edit.key || key in before.data);
  const written =
    edit.op === 'remove'
      ? !(edit.key in parsed.data)
      : readsBack(
          readTomlFields(next).fields.find((f) => f.key === edit.key),
          edit.value,
        );
  return kept && written
    ? ok(next)
    : fail('PARSE', `Postwright could not write “${edit.key}” without changing anything else.`, 'Edit it in Raw mode.');
}

/** Applies field edits to a TOML block's text, in order. */
export function applyTomlEdits(raw: string, edits: FieldEdit[], eol: string): Result<string> {
  let current = raw;
  for (const edit of edits) {
    const next = applyOne(current, edit, eol);
    if (!next.ok) return next;
    current = next.value;
  }
  return ok(current);
}
