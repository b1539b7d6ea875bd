/**
 * The contract between the UI and the backend, written once.
 *
 * Everything the renderer may ask of the main process (Electron) or of the local server (browser
 * mode) is a method of `BlogApi`. Channels, argument validators, the preload bridge, the IPC
 * handlers and the HTTP client are all derived from this interface. Data is plain JSON.
 */

/** Expected failures travel as values; a thrown error is a bug. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_ID'
  | 'NOT_FOUND'
  | 'NOT_A_FILE'
  | 'EXISTS'
  | 'CONFLICT'
  | 'READ_ONLY'
  | 'TOO_LARGE'
  | 'PERMISSION'
  | 'NO_SPACE'
  | 'PARSE'
  | 'UNSUPPORTED'
  | 'IO';

/** A failure the UI can show: what happened, and what the author can do about it. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  hint?: string;
}

/** Either a value or an expected failure. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The opened posts folder. */
export interface Workspace {
  /** The folder's base name, for the window title. */
  name: string;
  /** The folder's absolute path, for display only (never sent back as an id). */
  root: string;
}

/** One post as the list shows it. `id` is the path relative to the posts folder, `/`-separated. */
export interface PostSummary {
  id: string;
  title: string;
  /** The front-matter date exactly as the author wrote it (no time-zone shift), or null. */
  date: string | null;
  /** A sortable form of `date` (`YYYY-MM-DD…`), or null when it is not a recognisable date. */
  sortKey: string | null;
  draft: boolean;
  /** The front-matter `path` (the post's URL), when it has one. */
  path: string | null;
  tags: string[];
  /** Set when the front matter could not be read; the post is still listed. */
  problem?: string;
  size: number;
  mtimeMs: number;
}

/** Front-matter syntaxes Postwright recognises. */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'js' | 'none';

/** How a field is edited in the form. */
export type FieldKind = 'text' | 'date' | 'boolean' | 'number' | 'list' | 'raw';

/** One top-level front-matter key, as the form shows it. */
export interface FrontMatterField {
  key: string;
  kind: FieldKind;
  /**
   * text/date/number: the value as the author wrote it, quotes removed and escapes decoded;
   * boolean: true/false; list: the items as strings; raw: the YAML text of the value.
   */
  value: string | boolean | string[];
  /** A non-blocking note, e.g. "not a valid calendar date". */
  warning?: string;
}

/** The front-matter block of a post. */
export interface FrontMatterInfo {
  format: FrontMatterFormat;
  /** The block's text between the fences, exactly as on disk (line endings normalised to LF). */
  raw: string;
  /** False when the block can only be shown as text (JavaScript, unparseable, unknown). */
  editable: boolean;
  /** Why the block is read-only, for the author. */
  note?: string;
  fields: FrontMatterField[];
  /** The parser's message, with its 1-based line within the block when known. */
  error?: { message: string; line?: number };
}

/** A post opened for editing. */
export interface PostDoc {
  id: string;
  /** Opaque version of the bytes on disk (a content hash); saves must name it. */
  version: string;
  frontMatter: FrontMatterInfo;
  /** The Markdown body with LF line endings; the file's own endings are restored on save. */
  body: string;
  lineEnding: 'lf' | 'crlf';
  /** Set when the file cannot be saved safely (e.g. not UTF-8); the reason, for the author. */
  readOnly?: string;
}

/** The value of a field sent back from the form. */
export type FieldValue =
  | { kind: 'text'; text: string }
  | { kind: 'date'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'raw'; yaml: string };

/** One change to one top-level key. `set` on a missing key adds it at the end of the block. */
export type FieldEdit = { op: 'set'; key: string; value: FieldValue } | { op: 'remove'; key: string };

/** What happened to the front matter since the post was read. */
export type FrontMatterChange =
  | { kind: 'none' }
  | { kind: 'fields'; edits: FieldEdit[] }
  | { kind: 'raw'; raw: string };

/** A save: the body as the editor holds it, the front-matter change, and the version it edits. */
export interface SaveRequest {
  id: string;
  baseVersion: string;
  body: string;
  frontMatter: FrontMatterChange;
  /** Overwrite even when the file changed on disk since `baseVersion` ("keep mine"). */
  force?: boolean;
}

/** A new post from a title; front matter follows the folder's own style. */
export interface CreateRequest {
  title: string;
}

/** Everything the UI may ask of the backend. */
export interface BlogApi {
  /** The opened posts folder. */
  getWorkspace(): Promise<Result<Workspace>>;
  /** Every post in the folder, newest first. */
  listPosts(): Promise<Result<PostSummary[]>>;
  /** One post, parsed for editing. */
  readPost(id: string): Promise<Result<PostDoc>>;
  /** Save an edited post atomically; CONFLICT when the disk changed since it was read. */
  savePost(request: SaveRequest): Promise<Result<PostDoc>>;
  /** Create a post named after its title, in the folder's style. */
  createPost(request: CreateRequest): Promise<Result<PostDoc>>;
  /** Move a post somewhere it can be recovered from. */
  deletePost(id: string): Promise<Result<{ id: string }>>;
}

/** The names of the API's methods. */
export type ApiMethod = keyof BlogApi;

/** Every method name, in one list the compiler keeps complete. */
export const API_METHODS = [
  'getWorkspace',
  'listPosts',
  'readPost',
  'savePost',
  'createPost',
  'deletePost',
] as const satisfies readonly ApiMethod[];

type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
/** Fails to compile when a method of `BlogApi` is missing from `API_METHODS`. */
export const API_METHODS_COMPLETE: MissingMethods extends never ? true : never = true;

/** The IPC channel of each method. */
export const CHANNELS = {
  getWorkspace: 'blog:getWorkspace',
  listPosts: 'blog:listPosts',
  readPost: 'blog:readPost',
  savePost: 'blog:savePost',
  createPost: 'blog:createPost',
  deletePost: 'blog:deletePost',
} as const satisfies { [M in ApiMethod]: `blog:${M}` };

/** Arguments of a method, as a tuple. */
export type ApiArgs<M extends ApiMethod> = Parameters<BlogApi[M]>;
/** The resolved value of a method. */
export type ApiReturn<M extends ApiMethod> = Awaited<ReturnType<BlogApi[M]>>;

/** Builds an ok result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function fail<T = never>(code: ErrorCode, message: string, hint?: string): Result<T> {
  return hint === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, hint } };
}
