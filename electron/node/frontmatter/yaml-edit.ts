/**
 * Field edits on a YAML block by splicing its text: each edit replaces only the bytes of one
 * value (or adds or removes one key's lines), located through the `yaml` parser's source
 * ranges. Every result is parsed again and checked before it is returned.
 */
import { isDeepStrictEqual } from 'node:util';
import { isCollection, isScalar } from 'yaml';
import type { Document, ParsedNode } from 'yaml';
import type { FieldEdit, FrontMatterField, Result } from '../../../shared/api/contract';
import { fail, ok } from '../../../shared/api/contract';
import { holdsValue, readsBack } from './field-value';
import { findPair, keyEnd, pairKey, parseYamlBlock, topLevelPairs, valueStart } from './yaml-doc';
import type { YamlPair } from './yaml-doc';
import { readYamlFields } from './yaml-fields';
import { blockListSplices } from './yaml-list-edit';
import { renderKey, renderValue } from './yaml-render';
import type { Rendered } from './yaml-render';
import { separatorFor, yamlBlockStyle } from './yaml-style';
import type { YamlBlockStyle } from './yaml-style';

interface Splice {
  start: number;
  end: number;
  text: string;
}

function splice(raw: string, s: Splice, eol: string): string {
  return raw.slice(0, s.start) + s.text.replace(/\n/g, eol) + raw.slice(s.end);
}

/** The index after the line break that ends the line containing `pos - 1` (or `pos` itself at a line start). */
function afterLine(raw: string, pos: number): number {
  if (pos > 0 && raw[pos - 1] === '\n') return pos;
  const nl = raw.indexOf('\n', pos);
  return nl === -1 ? raw.length : nl + 1;
}

function lineStart(raw: string, pos: number): number {
  return raw.lastIndexOf('\n', pos - 1) + 1;
}

/** Where a pair's value text ends, before any line break that closes it. */
function contentEnd(raw: string, pair: YamlPair): number {
  const keyEnd = isScalar(pair.key) ? pair.key.range[1] : 0;
  const colon = raw.indexOf(':', keyEnd) + 1;
  const value = pair.value;
  // An empty value sits after any spaces, just before a comment: it ends at the colon.
  if (value === null || value.range[0] === value.range[1]) return colon;
  let end = Math.max(colon, value.range[1]);
  if (raw[end - 1] === '\n') end -= raw[end - 2] === '\r' ? 2 : 1;
  return end;
}

function inlineReplaceable(value: ParsedNode | null): value is ParsedNode {
  if (value === null || value.range[0] === value.range[1]) return false;
  return !isCollection(value) || value.flow === true;
}

function withKey(key: string, rendered: Rendered, style: YamlBlockStyle): string {
  if ('below' in rendered) return `${key}:\n${rendered.below.join('\n')}`;
  return rendered.inline === '' ? `${key}:` : `${key}${separatorFor(key, style)}${rendered.inline}`;
}

function replaceSplice(raw: string, pair: YamlPair, rendered: Rendered, style: YamlBlockStyle): Splice {
  const value = pair.value;
  if ('inline' in rendered && rendered.inline !== '' && inlineReplaceable(value)) {
    const end = value.range[1];
    // A block scalar's source owns its final line break; a flow value's does not.
    const oldEndsLine = raw[end - 1] === '\n';
    const newEndsLine = rendered.inline.endsWith('\n');
    let text = rendered.inline;
    if (oldEndsLine && !newEndsLine) text += '\n';
    if (!oldEndsLine && newEndsLine) text = text.slice(0, -1);
    return { start: valueStart(raw, pair, value), end, text };
  }
  // Empty values and block collections are rewritten from the end of the key on.
  const key = pairKey(pair) ?? '';
  const text = withKey(key, rendered, style).slice(key.length);
  return { start: keyEnd(pair), end: contentEnd(raw, pair), text: text.replace(/\n$/, '') };
}

function appendSplice(raw: string, pairs: YamlPair[], key: string, rendered: Rendered, style: YamlBlockStyle): Splice {
  const last = pairs[pairs.length - 1];
  const at = last === undefined ? raw.length : afterLine(raw, contentEnd(raw, last));
  const line = withKey(renderKey(key), rendered, style).replace(/\n$/, '');
  const needsBreak = at > 0 && raw[at - 1] !== '\n';
  return { start: at, end: at, text: `${needsBreak ? '\n' : ''}${line}\n` };
}

function removeSplice(raw: string, pair: YamlPair): Splice {
  const start = lineStart(raw, isScalar(pair.key) ? pair.key.range[0] : 0);
  return { start, end: afterLine(raw, contentEnd(raw, pair)), text: '' };
}

function fieldOf(raw: string, key: string): FrontMatterField | undefined {
  return readYamlFields(raw).fields.find((f) => f.key === key);
}

/** `next` checked: it parses, the edit reads back, and no key but the edited one reads otherwise than in `before`. */
function checked(before: Document.Parsed, next: string, edit: FieldEdit): Result<string> {
  const { doc, error } = parseYamlBlock(next);
  if (error !== undefined) {
    const where = error.line === undefined ? '' : ` (line ${error.line} of the front matter)`;
    return fail('PARSE', `The edit to “${edit.key}” would make the front matter invalid: ${error.message}${where}.`);
  }
  if (edit.op === 'set' && !readsBack(fieldOf(next, edit.key), edit.value)) {
    return fail('PARSE', `Postwright could not write “${edit.key}” so that it reads back unchanged.`);
  }
  if (!othersKept(before, doc, edit.key)) {
    return fail(
      'PARSE',
      `Postwright could not write “${edit.key}” without changing another field.`,
      'Edit it in Raw mode.',
    );
  }
  return ok(next);
}

/**
 * Whether every key but `key` reads as it did: an edit that touched anything but its own value
 * (or a value an alias shares with another key) is refused. A block too large to read whole
 * (alias expansion past the parser's limit) is left to the checks above.
 */
function othersKept(before: Document.Parsed, after: Document.Parsed, key: string): boolean {
  let old: unknown;
  let now: unknown;
  try {
    old = before.toJS();
    now = after.toJS();
  } catch {
    return true;
  }
  if (!isRecord(old) || !isRecord(now)) return isRecord(old) === isRecord(now) || old === null || now === null;
  const others = (record: Record<string, unknown>) => Object.keys(record).filter((k) => k !== key);
  return (
    others(old).length === others(now).length && others(old).every((k) => k in now && isDeepStrictEqual(old[k], now[k]))
  );
}

/** The anchor or tag of a map or list value, said for the author (`the anchor &b`), or null. */
function collectionProps(value: ParsedNode | null): string | null {
  if (!isCollection(value)) return null;
  if (typeof value.anchor === 'string' && value.anchor !== '') return `the anchor &${value.anchor}`;
  if (typeof value.tag === 'string' && value.tag !== '')
    return `the tag ${value.tag.replace(/^tag:yaml.org,2002:/, '!!')}`;
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function applyOne(raw: string, edit: FieldEdit, eol: string): Result<string> {
  const { doc, error } = parseYamlBlock(raw);
  const pairs = topLevelPairs(doc);
  if (error !== undefined || pairs === null) {
    return fail(
      'READ_ONLY',
      'This front matter does not parse, so its fields cannot be edited.',
      'Fix it in Raw mode.',
    );
  }
  const pair = findPair(pairs, edit.key);
  // The form may send back every field; one that holds its value already is left as written.
  if (edit.op === 'set' && holdsValue(fieldOf(raw, edit.key), edit.value)) return ok(raw);
  if (edit.op === 'remove')
    return pair === undefined ? ok(raw) : checked(doc, splice(raw, removeSplice(raw, pair), eol), edit);
  // An anchor or a tag on a map or list (`base: &b`, `!!map`) is not in the text the form shows:
  // writing that text back would drop it (and break every alias to it).
  const props = pair === undefined ? null : collectionProps(pair.value);
  if (props !== null) {
    return fail('UNSUPPORTED', `“${edit.key}” carries ${props}, which the form does not show.`, 'Edit it in Raw mode.');
  }
  const style = yamlBlockStyle(raw, pairs);
  const rendered = renderValue(edit.value, { raw, old: pair?.value ?? null, style });
  if (!rendered.ok) return rendered;
  // A block list keeps the lines (and comments) of the items the author kept.
  const inPlace =
    pair !== undefined && edit.value.kind === 'list' && 'below' in rendered.value
      ? blockListSplices(raw, pair.value, edit.value.items, rendered.value.below)
      : null;
  if (inPlace !== null)
    return checked(
      doc,
      inPlace.reduce((text, s) => splice(text, s, eol), raw),
      edit,
    );
  const s =
    pair === undefined
      ? appendSplice(raw, pairs, edit.key, rendered.value, style)
      : replaceSplice(raw, pair, rendered.value, style);
  return checked(doc, splice(raw, s, eol), edit);
}

/** Applies field edits to a YAML block's text (lines with their breaks), in order. */
export function applyYamlEdits(raw: string, edits: FieldEdit[], eol: string): Result<string> {
  let current = raw;
  for (const edit of edits) {
    const next = applyOne(current, edit, eol);
    if (!next.ok) return next;
    current = next.value;
  }
  return ok(current);
}
