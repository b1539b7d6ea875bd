/**
 * Turns a value from the form into YAML source in the style of the value it replaces (or of
 * the block, for a new key): quoting kept, list shape kept, block scalars kept.
 */
import { isCollection, isScalar, isSeq, parseDocument } from 'yaml';
import type { ParsedNode } from 'yaml';
import type { FieldValue } from '../../../shared/api/contract';
import { fail, ok } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/contract';
import { isSimpleScalar } from './yaml-doc';
import { blockScalar, doubleQuoted, isPlainNumber, plainIfSafe, renderString } from './yaml-scalar';
import type { ScalarStyle } from './yaml-scalar';
import type { YamlBlockStyle } from './yaml-style';
import { refold } from './yaml-refold';

/** YAML source for a value: `inline` follows the key on its line, `below` starts on the next line. */
export type Rendered = { inline: string } | { below: string[] };

/** What the renderer needs to know about the value being replaced. Output uses LF line breaks. */
export interface RenderContext {
  raw: string;
  old: ParsedNode | null;
  style: YamlBlockStyle;
}

function oldScalarStyle(ctx: RenderContext): ScalarStyle {
  const old = ctx.old;
  // A plain number or null stays plain when the new text reads back as a string; else it is quoted.
  return isSimpleScalar(old) && old.type !== undefined ? old.type : ctx.style.quote;
}

function blockIndent(ctx: RenderContext): string {
  const old = ctx.old;
  if (old === null) return '  ';
  const after = ctx.raw.slice(old.range[0], old.range[1]);
  return /\n( +)\S/.exec(after)?.[1] ?? '  ';
}

function renderText(text: string, ctx: RenderContext): Rendered {
  // A hand-wrapped value keeps its line breaks where the edit did not reach.
  const refolded = refold(ctx.raw, ctx.old, text);
  if (refolded !== null) return { inline: refolded };
  const style = oldScalarStyle(ctx);
  if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    const block = blockScalar(text, style, blockIndent(ctx));
    return { inline: block ?? doubleQuoted(text) };
  }
  return { inline: renderString(text, style, ctx.style.fallbackQuote, false) };
}

function renderNumber(text: string): Result<Rendered> {
  const source = text.trim();
  if (!isPlainNumber(source)) return fail('INVALID_ARGUMENT', `“${text}” is not a number.`);
  return ok({ inline: source });
}

function renderBoolean(value: boolean, ctx: RenderContext): Rendered {
  const old = ctx.old;
  const source = isScalar(old) ? ctx.raw.slice(old.range[0], old.range[1]) : 'true';
  const word = value ? 'true' : 'false';
  if (source === source.toUpperCase() && /[A-Z]/.test(source)) return { inline: word.toUpperCase() };
  if (/^[A-Z]/.test(source)) return { inline: `${word.slice(0, 1).toUpperCase()}${word.slice(1)}` };
  return { inline: word };
}

function itemStyle(ctx: RenderContext): ScalarStyle {
  const old = ctx.old;
  if (!isSeq(old)) return ctx.style.quote;
  const counts = { PLAIN: 0, QUOTE_DOUBLE: 0, QUOTE_SINGLE: 0 };
  for (const item of old.items)
    if (isScalar(item) && item.type !== undefined && item.type in counts) counts[item.type as keyof typeof counts]++;
  const best = (Object.keys(counts) as (keyof typeof counts)[]).sort((x, y) => counts[y] - counts[x])[0];
  return best !== undefined && counts[best] > 0 ? best : ctx.style.quote;
}

/** Renders new items, reusing the exact source of items the author kept (`1` stays a number, `'a'` stays single-quoted). */
function itemSources(items: string[], ctx: RenderContext, inFlow: boolean): string[] {
  const old = ctx.old;
  const kept = new Map<string, string[]>();
  if (isSeq(old)) {
    for (const item of old.items) {
      if (!isSimpleScalar(item)) continue;
      const key = String(item.value);
      kept.set(key, [...(kept.get(key) ?? []), ctx.raw.slice(item.range[0], item.range[1])]);
    }
  }
  const style = itemStyle(ctx);
  return items.map((i) => kept.get(i)?.shift() ?? renderString(i, style, ctx.style.fallbackQuote, inFlow));
}

function renderList(items: string[], ctx: RenderContext): Rendered {
  const old = ctx.old;
  if (isSeq(old) && old.flow !== true && items.length > 0) {
    const lineStart = ctx.raw.lastIndexOf('\n', old.range[0] - 1) + 1;
    const indent = /( *)$/.exec(ctx.raw.slice(lineStart, old.range[0]))?.[1] ?? '';
    return { below: itemSources(items, ctx, false).map((source) => `${indent}- ${source}`) };
  }
  const source = isSeq(old) ? ctx.raw.slice(old.range[0], old.range[1]) : '[a, b]';
  const pad = source.startsWith('[ ') ? ' ' : '';
  const comma = /,\S/.test(source) && !/, /.test(source) ? ',' : ', ';
  const inner = itemSources(items, ctx, true).join(comma);
  return { inline: items.length === 0 ? '[]' : `[${pad}${inner}${pad}]` };
}

/**
 * Raw YAML from the form, placed as the value it replaces was: a flow value or a block scalar stays
 * on the key's line with its lines as written; a block collection goes below the key at the
 * indentation the old one had (two spaces when there was none to follow).
 */
function renderRaw(yaml: string, ctx: RenderContext): Rendered {
  const lines = yaml.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length <= 1) return { inline: lines[0] ?? '' };
  const [first = '', ...rest] = lines;
  const indented = rest.map((l) => (l === '' || l.startsWith(' ') ? l : `  ${l}`));
  if (/^[|>]/.test(first) || (/^[[{"']/.test(first) && !isBlockCollection(yaml))) {
    return { inline: [first, ...indented].join('\n') };
  }
  const indent = collectionIndent(ctx, first.startsWith('- '));
  return { below: lines.map((l) => (l === '' ? l : `${indent}${l}`)) };
}

/** Whether YAML text is a block map or list (`"og:image": a.png` starts with a quote, yet is one). */
function isBlockCollection(yaml: string): boolean {
  const contents = parseDocument(yaml, { schema: 'core', uniqueKeys: false, prettyErrors: false }).contents;
  return isCollection(contents) && contents.flow !== true;
}

/** The indentation of the block collection being replaced, or two spaces. */
function collectionIndent(ctx: RenderContext, sequence: boolean): string {
  const old = ctx.old;
  if (!isCollection(old) || old.flow === true) return '  ';
  const before = ctx.raw.slice(ctx.raw.lastIndexOf('\n', old.range[0] - 1) + 1, old.range[0]);
  // A sequence may sit at its key's own column; a mapping may not.
  if (!/^ *$/.test(before) || (before === '' && !sequence)) return '  ';
  return before;
}

/** Renders a form value as YAML source in the style of the value it replaces. */
export function renderValue(value: FieldValue, ctx: RenderContext): Result<Rendered> {
  switch (value.kind) {
    case 'text':
    case 'date':
      return ok(renderText(value.text, ctx));
    case 'number':
      return renderNumber(value.text);
    case 'boolean':
      return ok(renderBoolean(value.value, ctx));
    case 'list':
      return ok(renderList(value.items, ctx));
    case 'raw':
      return ok(renderRaw(value.yaml, ctx));
  }
}

/** A key written plain when it reads back as itself, else double-quoted. */
export function renderKey(key: string): string {
  return plainIfSafe(key, false) ?? doubleQuoted(key);
}
