/**
 * One argument validator per API method, in an exhaustive map. Run on every call that crosses
 * a process or network boundary: the renderer is untrusted.
 */
import type { ApiArgs, ApiMethod, FieldEdit, FieldValue, FrontMatterChange } from './contract';
import { idProblem } from './ids';
import { DESKTOP_METHODS, type DesktopMethod } from './desktop';

/** Largest body or raw front matter accepted in one call (characters). */
export const MAX_TEXT_LENGTH = 16 * 1024 * 1024;
/** Most field edits in one save. */
export const MAX_EDITS = 1000;
/** Largest pasted image accepted, as base64 characters (about 20 MiB of image). */
export const MAX_IMAGE_BASE64_LENGTH = 28 * 1024 * 1024;
/** Longest title for a new post. */
export const MAX_TITLE_LENGTH = 500;

/** A validator returns the typed arguments, or a message saying what is wrong. */
export type Validator<M extends ApiMethod> = (
  args: unknown,
) => { ok: true; args: ApiArgs<M> } | { ok: false; message: string };

type Check = (value: unknown, where: string) => string | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

const string =
  (max: number): Check =>
  (value, where) =>
    typeof value !== 'string' ? `${where} must be a string` : value.length > max ? `${where} is too long` : null;

const postId: Check = (value, where) => {
  const problem = idProblem(value);
  return problem === null ? null : `${where}: ${problem}`;
};

function exactKeys(
  value: Record<string, unknown>,
  required: string[],
  optional: string[],
  where: string,
): string | null {
  for (const key of required) if (!Object.hasOwn(value, key)) return `${where}.${key} is missing`;
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) return `${where}.${key} is not expected`;
  }
  return null;
}

const fieldKey: Check = (value, where) => {
  const problem = string(1000)(value, where);
  if (problem) return problem;
  return (value as string).length === 0 ? `${where} must not be empty` : null;
};

const fieldValue: Check = (value, where) => {
  if (!isRecord(value)) return `${where} must be an object`;
  switch (value.kind) {
    case 'text':
    case 'date':
    case 'number':
      return exactKeys(value, ['kind', 'text'], [], where) ?? string(MAX_TEXT_LENGTH)(value.text, `${where}.text`);
    case 'boolean':
      return (
        exactKeys(value, ['kind', 'value'], [], where) ??
        (typeof value.value === 'boolean' ? null : `${where}.value must be true or false`)
      );
    case 'list': {
      const problem = exactKeys(value, ['kind', 'items'], [], where);
      if (problem) return problem;
      if (!Array.isArray(value.items) || value.items.length > 10_000) return `${where}.items must be a list of strings`;
      return value.items.every((item) => typeof item === 'string' && item.length <= 100_000)
        ? null
        : `${where}.items must be a list of strings`;
    }
    case 'raw':
      return exactKeys(value, ['kind', 'yaml'], [], where) ?? string(MAX_TEXT_LENGTH)(value.yaml, `${where}.yaml`);
    default:
      return `${where}.kind is not a known field kind`;
  }
};

const fieldEdit: Check = (value, where) => {
  if (!isRecord(value)) return `${where} must be an object`;
  if (value.op === 'set')
    return (
      exactKeys(value, ['op', 'key', 'value'], [], where) ??
      fieldKey(value.key, `${where}.key`) ??
      fieldValue(value.value, `${where}.value`)
    );
  if (value.op === 'remove') return exactKeys(value, ['op', 'key'], [], where) ?? fieldKey(value.key, `${where}.key`);
  return `${where}.op must be "set" or "remove"`;
};

const frontMatterChange: Check = (value, where) => {
  if (!isRecord(value)) return `${where} must be an object`;
  if (value.kind === 'none') return exactKeys(value, ['kind'], [], where);
  if (value.kind === 'raw')
    return exactKeys(value, ['kind', 'raw'], [], where) ?? string(MAX_TEXT_LENGTH)(value.raw, `${where}.raw`);
  if (value.kind === 'fields') {
    const problem = exactKeys(value, ['kind', 'edits'], [], where);
    if (problem) return problem;
    if (!Array.isArray(value.edits) || value.edits.length > MAX_EDITS)
      return `${where}.edits must be a list of at most ${MAX_EDITS} edits`;
    for (const [index, edit] of value.edits.entries()) {
      const editProblem = fieldEdit(edit, `${where}.edits[${index}]`);
      if (editProblem) return editProblem;
    }
    return null;
  }
  return `${where}.kind must be "none", "fields" or "raw"`;
};

function tuple<M extends ApiMethod>(...checks: Check[]): Validator<M> {
  return (args) => {
    if (!Array.isArray(args)) return { ok: false, message: 'arguments must be a list' };
    if (args.length !== checks.length)
      return { ok: false, message: `expected ${checks.length} argument(s), got ${args.length}` };
    for (const [index, check] of checks.entries()) {
      const problem = check(args[index], `argument ${index + 1}`);
      if (problem) return { ok: false, message: problem };
    }
    return { ok: true, args: args as ApiArgs<M> };
  };
}

const record =
  (required: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (value, where) => {
    if (!isRecord(value)) return `${where} must be an object`;
    const problem = exactKeys(value, Object.keys(required), Object.keys(optional), where);
    if (problem) return problem;
    for (const [key, check] of Object.entries(required)) {
      const keyProblem = check(value[key], `${where}.${key}`);
      if (keyProblem) return keyProblem;
    }
    for (const [key, check] of Object.entries(optional)) {
      if (!Object.hasOwn(value, key)) continue;
      const keyProblem = check(value[key], `${where}.${key}`);
      if (keyProblem) return keyProblem;
    }
    return null;
  };

const nonEmpty =
  (max: number): Check =>
  (value, where) =>
    string(max)(value, where) ?? ((value as string).length === 0 ? `${where} must not be empty` : null);

/** The name of an entry kept apart in the journal: 16 lowercase hex digits, never a path. */
export const KEPT_SLOT = /^[0-9a-f]{16}$/;

const keptSlot: Check = (value, where) =>
  typeof value === 'string' && KEPT_SLOT.test(value) ? null : `${where} must be 16 lowercase hex digits`;

/**
 * An editor session (one page load) that journals its own entry of a post: 32 lowercase hex digits,
 * part of a journal file name, never a path.
 */
export const EDITOR_SESSION = /^[0-9a-f]{32}$/;

const editorSession: Check = (value, where) =>
  typeof value === 'string' && EDITOR_SESSION.test(value) ? null : `${where} must be 32 lowercase hex digits`;

/** The most posts a search may be limited to (a folder's every post, listed by a filter). */
export const MAX_SEARCH_WITHIN = 200_000;

/** A list of post ids, at most `max` of them. */
const postIds =
  (max: number): Check =>
  (value, where) => {
    if (!Array.isArray(value)) return `${where} must be a list`;
    if (value.length > max) return `${where} is too long`;
    for (const [index, item] of value.entries()) {
      const problem = postId(item, `${where}[${String(index)}]`);
      if (problem !== null) return problem;
    }
    return null;
  };

/** Like `tuple`, with trailing arguments that may be left out (each is checked when given). */
function tupleWithOptional<M extends ApiMethod>(required: Check[], optional: Check[]): Validator<M> {
  return (args) => {
    if (!Array.isArray(args)) return { ok: false, message: 'arguments must be a list' };
    const most = required.length + optional.length;
    if (args.length < required.length || args.length > most)
      return { ok: false, message: `expected ${required.length} to ${most} argument(s), got ${args.length}` };
    for (const [index, check] of [...required, ...optional].slice(0, args.length).entries()) {
      const problem = check(args[index], `argument ${index + 1}`);
      if (problem) return { ok: false, message: problem };
    }
    return { ok: true, args: args as ApiArgs<M> };
  };
}

const onlyFalse: Check = (value, where) => (value === false ? null : `${where} must be false when given`);

const journalDraft = record(
  {
    id: postId,
    baseVersion: string(200),
    body: string(MAX_TEXT_LENGTH),
    frontMatter: frontMatterChange,
  },
  { bodyEdited: onlyFalse },
);

const boolean: Check = (value, where) => (typeof value === 'boolean' ? null : `${where} must be true or false`);

/** The validator of every method: the compiler insists each method has one. */
export const VALIDATORS: { [M in ApiMethod]: Validator<M> } = {
  getWorkspace: tuple(),
  listPosts: tuple(),
  readPost: tuple(postId),
  savePost: tuple(
    record(
      { id: postId, baseVersion: string(200), frontMatter: frontMatterChange },
      { body: string(MAX_TEXT_LENGTH), force: boolean },
    ),
  ),
  createPost: tuple(record({ title: string(MAX_TITLE_LENGTH) })),
  deletePost: tuple(postId),
  writeJournal: tupleWithOptional([journalDraft], [editorSession]),
  listJournal: tuple(),
  discardJournal: tupleWithOptional([postId], [editorSession]),
  keepJournal: tupleWithOptional([journalDraft], [editorSession]),
  discardKeptJournal: tuple(postId, keptSlot),
  exportPostHtml: tuple(postId),
  exportSite: tuple(
    record(
      { outDir: nonEmpty(4096), drafts: boolean },
      { siteUrl: string(2048), siteTitle: string(200), keepOtherFiles: boolean },
    ),
  ),
  searchPosts: tupleWithOptional([string(1000)], [postIds(MAX_SEARCH_WITHIN)]),
  renamePost: tuple(record({ id: postId, newId: postId })),
  saveImage: tuple(record({ postId: postId, fileName: nonEmpty(255), dataBase64: string(MAX_IMAGE_BASE64_LENGTH) })),
};

/** Whether a value names an API method (an own key of the validator map, never a prototype key). */
export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(VALIDATORS, name);
}

/** Whether a value names a desktop method. */
export function isDesktopMethod(name: unknown): name is DesktopMethod {
  return typeof name === 'string' && (DESKTOP_METHODS as readonly string[]).includes(name);
}

// Re-exported so the validators' shapes and the contract's types cannot drift apart silently.
export type { FieldEdit, FieldValue, FrontMatterChange };
