/**
 * Field edits on a TOML block by replacing the value of one simple top-level line, in that
 * line's own quoting. Tables and multi-line values are edited in Raw mode.
 */
import type { FieldEdit, FieldValue, Result } from '../../../shared/api/contract';
import { fail, ok } from '../../../shared/api/contract';
import { escapeWhere, hasControl, isControl } from './chars';
import { holdsValue, readsBack } from './field-value';
import { parseBlockData } from './parse';
import { tomlLines, tomlTopEnd } from './toml-lines';
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

function renderList(items: string[], old: string | undefined): string {
  const single = old !== undefined && /^\[\s*'/.test(old);
  const pad = old?.startsWith('[ ') === true && items.length > 0 ? ' ' : '';
  const inner = items.map((i) => (single ? stringLike(i, "'") : basicString(i))).join(', ');
  return `[${pad}${inner}${pad}]`;
}

function renderValue(value: FieldValue, old: string | undefined): Result<string> {
  switch (value.kind) {
    case 'text':
      return ok(stringLike(value.text, old));
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
      return ok(renderList(value.items, old));
    case 'raw':
      return /[\r\n]/.test(value.yaml)
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
  const line = lines.find((l) => l.key === edit.key);
  const current = read.fields.find((f) => f.key === edit.key);
  const exists = current !== undefined;
  if (edit.op === 'set' && holdsValue(current, edit.value)) return ok(raw);
  if (exists && line === undefined) {
    return fail('UNSUPPORTED', `“${edit.key}” is a TOML table or a multi-line value.`, 'Edit it in Raw mode.');
  }
  if (edit.op === 'remove')
    return ok(line === undefined ? raw : raw.slice(0, line.lineStart) + raw.slice(line.lineEnd));
  const source = renderValue(edit.value, line?.source);
  if (!source.ok) return source;
  const next =
    line === undefined
      ? insertLine(raw, lines, edit.key, source.value, eol)
      : raw.slice(0, line.valueStart) + source.value + raw.slice(line.valueEnd);
  const parsed = parseBlockData('toml', next);
  if (!parsed.ok)
    return fail('PARSE', `The edit to “${edit.key}” would make the front matter invalid: ${parsed.error.message}.`);
  return readsBack(
    readTomlFields(next).fields.find((f) => f.key === edit.key),
    edit.value,
  )
    ? ok(next)
    : fail('PARSE', `Postwright could not write “${edit.key}” so that it reads back unchanged.`);
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
