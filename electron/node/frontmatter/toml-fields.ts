/**
 * The form's view of a TOML block. Values are shown as written (dates and numbers as their
 * source text); tables and arrays of tables are shown as their TOML text.
 */
import type { FrontMatterField } from '../../../shared/api/contract';
import { asListField } from '../../../shared/api/fields';
import { calendarWarning, looksLikeDate } from './dates';
import { jsonText } from './json-fields';
import { parseBlockData } from './parse';
import { tomlLines, tomlRawSources } from './toml-lines';
import type { TomlLine } from './toml-lines';
import type { YamlFields } from './yaml-fields';
import { listableItems } from './list-items';

function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return null;
}

function dateField(key: string, text: string): FrontMatterField {
  const warning = calendarWarning(text);
  return warning === undefined ? { key, kind: 'date', value: text } : { key, kind: 'date', value: text, warning };
}

function field(
  key: string,
  value: unknown,
  line: TomlLine | undefined,
  rawSource: () => string | undefined,
): FrontMatterField {
  if (typeof value === 'boolean') return { key, kind: 'boolean', value };
  if (typeof value === 'number' || typeof value === 'bigint')
    return { key, kind: 'number', value: line?.source ?? String(value) };
  // smol-toml's TomlDate is a Date; the source text is what the author wrote.
  if (value instanceof Date) return dateField(key, line?.source ?? value.toISOString());
  if (typeof value === 'string')
    return asListField(looksLikeDate(value) ? dateField(key, value) : { key, kind: 'text', value });
  if (Array.isArray(value)) {
    const items = value.map(scalarText);
    if (items.every((i): i is string => i !== null) && listableItems(items) && !value.some((v) => v instanceof Date))
      return { key, kind: 'list', value: items };
  }
  const source = line?.source ?? rawSource();
  return { key, kind: 'raw', value: source ?? jsonText(value) };
}

/** Reads the fields of a TOML block's text. Never throws. */
export function readTomlFields(raw: string): YamlFields {
  const parsed = parseBlockData('toml', raw);
  if (!parsed.ok) {
    const note = 'The front matter has an error; fix it as text (the fields are read-only until it parses).';
    return { fields: [], editable: false, note, error: parsed.error };
  }
  // Maps, not a search per key: a block of 30,000 keys or tables must stay linear.
  const lines = new Map<string, TomlLine>();
  for (const line of tomlLines(raw)) if (!lines.has(line.key)) lines.set(line.key, line);
  let sources: Map<string, string> | undefined;
  const fields = Object.keys(parsed.data).map((key) =>
    field(key, parsed.data[key], lines.get(key), () => (sources ??= tomlRawSources(raw)).get(key)),
  );
  return { fields, editable: true };
}
