/**
 * A post's text as the editor sees it (front matter + LF body) and back. Whatever the author did
 * not change is copied from the original text, byte for byte.
 */
import type { FrontMatterChange, FrontMatterInfo, Result } from '../../../shared/api/contract';
import { fail, ok } from '../../../shared/api/contract';
import { readJsonFields } from './json-fields';
import { commonBreak, detectLineEnding, firstBreak, restoreLineEndings } from './line-endings';
import { splitPost } from './split';
import { applyTomlEdits } from './toml-edit';
import { readTomlFields } from './toml-fields';
import type { ParsedPost, SplitPost } from './types';
import { applyYamlEdits } from './yaml-edit';
import { readYamlFields } from './yaml-fields';
import type { YamlFields } from './yaml-fields';

const JS_NOTE = 'JavaScript front matter is shown as text and never run; the body is editable.';

// A lone CR (classic Mac OS) is a line break too: the editor's text box reads it as one.
function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Reads the fields; a block nested deep enough to exhaust the stack opens as text instead. */
function readFields(split: SplitPost): YamlFields {
  try {
    return readFieldsOf(split);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const note = 'This front matter is nested too deeply to show as fields; edit it as text.';
    // The engine's own words ("Maximum call stack size exceeded") mean nothing to a writer.
    const message = 'Its lists or maps are nested too deeply to read';
    return { fields: [], editable: false, note, error: { message } };
  }
}

function readFieldsOf(split: SplitPost): YamlFields {
  switch (split.format) {
    case 'yaml':
      return readYamlFields(split.raw);
    case 'toml':
      return readTomlFields(split.raw);
    case 'json':
      return readJsonFields(split.raw);
    case 'js':
      return { fields: [], editable: false, note: JS_NOTE };
    case 'none':
      return { fields: [], editable: true };
  }
}

function frontMatterInfo(split: SplitPost): FrontMatterInfo {
  const read = readFields(split);
  const info: FrontMatterInfo = {
    format: split.format,
    raw: toLf(split.raw).replace(/\n$/, ''),
    editable: read.editable,
    fields: read.fields,
  };
  if (read.note !== undefined) info.note = read.note;
  if (read.error !== undefined) info.error = read.error;
  return info;
}

/** Splits a post's text into its front matter (for the form) and its LF body. Never throws. */
export function parsePost(text: string): ParsedPost {
  const split = splitPost(text);
  const lineEnding = detectLineEnding(text);
  // Every CRLF becomes LF, even in a mostly-LF file; saving restores each kept line's own ending.
  const body = toLf(split.body);
  return { frontMatter: frontMatterInfo(split), body, lineEnding };
}

function newRawBlock(split: SplitPost, raw: string, eol: string): Result<string> {
  // `FrontMatterInfo.raw` is the block without its last line break, so one is added back.
  const lines = raw === '' ? '' : `${raw.replace(/\r?\n/g, eol)}${eol}`;
  if (split.format === 'none') return ok(`---${eol}${lines}---${eol}`);
  return ok(split.head + lines + split.tail);
}

/** Whether `text` opens with blank lines, then a fence line (`+++` or `---`), and holds the same fence again further on. */
function fenceAfterBlanks(text: string): boolean {
  const open = /^(?:[ \t]*\r?\n)+[ \t]*(\+\+\+|---)[ \t]*\r?\n/.exec(text);
  if (open === null) return false;
  const close = open[1] === '+++' ? /^\+\+\+[ \t]*\r?$/m : /^---[ \t]*\r?$/m;
  return close.test(text.slice(open[0].length));
}

function editedFields(
  split: SplitPost,
  change: Extract<FrontMatterChange, { kind: 'fields' }>,
  eol: string,
): Result<string> {
  // Front matter after blank lines is not read as front matter (nor by gray-matter), but Hugo and
  // Zola read it: a new block above it would give the post two.
  if (split.format === 'none' && fenceAfterBlanks(split.body))
    return fail(
      'UNSUPPORTED',
      'This post starts with blank lines, then a “+++” or “---” line: its front matter is not read as such, and a new block would be a second one.',
      'Delete the blank lines above it (in the text), save, and its fields show in the form.',
    );
  const prefix = (raw: string) =>
    split.format === 'none' ? (raw === '' ? '' : `---${eol}${raw}---${eol}`) : split.head + raw + split.tail;
  if (split.format === 'yaml' || split.format === 'none') {
    const raw = applyYamlEdits(split.raw, change.edits, eol);
    return raw.ok ? ok(prefix(raw.value)) : raw;
  }
  if (split.format === 'toml') {
    const raw = applyTomlEdits(split.raw, change.edits, eol);
    return raw.ok ? ok(prefix(raw.value)) : raw;
  }
  const why = split.format === 'js' ? JS_NOTE : 'JSON front matter is edited in Raw mode.';
  return fail('READ_ONLY', `The fields of this front matter cannot be edited: ${why}`, 'Use Raw mode.');
}

function newPrefix(split: SplitPost, change: FrontMatterChange, eol: string): Result<string> {
  const unchanged = split.head + split.raw + split.tail;
  if (change.kind === 'none') return ok(unchanged);
  if (change.kind === 'fields') return change.edits.length === 0 ? ok(unchanged) : editedFields(split, change, eol);
  if (change.raw === frontMatterInfo(split).raw) return ok(unchanged);
  return newRawBlock(split, change.raw, eol);
}

function checkBlock(text: string, expectedRaw: string | null, expectedBody: string): Result<string> {
  const parsed = parsePost(text);
  if (expectedRaw !== null && parsed.frontMatter.raw !== expectedRaw) {
    return fail(
      'PARSE',
      'The front matter text would not be read back as written (does it contain a fence line such as “---”?).',
    );
  }
  if (parsed.body !== expectedBody)
    return fail('PARSE', 'The post would not be read back as written; nothing was saved.');
  const error = parsed.frontMatter.error;
  if (error !== undefined) {
    const where = error.line === undefined ? '' : ` (line ${error.line} of the front matter)`;
    return fail(
      'PARSE',
      `The front matter does not parse: ${error.message}${where}.`,
      'Fix the front matter, then save again.',
    );
  }
  return ok(text);
}

/**
 * The new full text (without BOM) after a save. No change and the same body give back the
 * original text exactly; a body-only edit keeps every byte before the body.
 */
export function applySave(originalText: string, change: FrontMatterChange, bodyLF: string | undefined): Result<string> {
  const split = splitPost(originalText);
  // New lines take the break of their own part: a front matter in LF over a body in CRLF keeps both.
  const whole = commonBreak(originalText, firstBreak(originalText));
  // A front matter block needs LF or CRLF (its fences and YAML are read by lines): never a lone CR.
  const block = commonBreak(split.head + split.raw + split.tail, whole);
  const eol = block === '\r' ? '\n' : block;
  const prefix = newPrefix(split, change, eol);
  if (!prefix.ok) return prefix;
  // No body given: the author did not edit it, and the file's stays as it is.
  const sameBody = bodyLF === undefined || bodyLF === toLf(split.body);
  const body =
    sameBody || bodyLF === undefined
      ? split.body
      : restoreLineEndings(split.body, bodyLF, commonBreak(split.body, whole));
  const unchangedPrefix = prefix.value === split.head + split.raw + split.tail;
  // A closing fence at the very end of the file has no line break; a new body needs one.
  const joint = body !== '' && prefix.value !== '' && !prefix.value.endsWith('\n') ? eol : '';
  const text = prefix.value + joint + body;
  if (unchangedPrefix) return ok(text);
  const expectedRaw = change.kind === 'raw' ? toLf(change.raw) : null;
  return checkBlock(text, expectedRaw, toLf(body));
}
