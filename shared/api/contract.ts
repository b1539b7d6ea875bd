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
  /**
   * The other top-level scalar front-matter values as written, for sorting by any key: lists
   * joined with ", ", maps left out, each cut to 200 characters; absent when there are none.
   */
  fields?: Record<string, string>;
  /** The sortable date (as `sortKey`) of each value in `fields` that is a date written another way. */
  fieldDates?: Record<string, string>;
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
  { kind: 'none' } | { kind: 'fields'; edits: FieldEdit[] } | { kind: 'raw'; raw: string };

/** A save: the body as the editor holds it, the front-matter change, and the version it edits. */
export interface SaveRequest {
  id: string;
  baseVersion: string;
  /**
   * The body the author edited; left out when they did not edit it, so the file's own body stays
   * (with "keep mine", the body another program wrote meanwhile is kept, as its untouched fields are).
   */
  body?: string;
  frontMatter: FrontMatterChange;
  /** Overwrite even when the file changed on disk since `baseVersion` ("keep mine"). */
  force?: boolean;
}

/** A new post from a title; front matter follows the folder's own style. */
export interface CreateRequest {
  title: string;
}

/** Unsaved edits of one post as the editor holds them (what a save would send). */
export interface JournalDraft {
  id: string;
  baseVersion: string;
  /** The whole body, edited or not (restoring to a post gone from disk makes a new post of it). */
  body: string;
  frontMatter: FrontMatterChange;
  /**
   * False when only fields were edited: restoring then leaves the post's body as it is on disk
   * now, which another program may have changed since (absent: the body was edited).
   */
  bodyEdited?: false;
}

/** An unsaved edit kept in the app's data folder so that a crash loses nothing. */
export interface JournalEntry extends JournalDraft {
  /** The post's title when the edit was journalled, for the restore prompt. */
  title: string;
  /** When the edit was journalled (ISO 8601, UTC). */
  updatedAt: string;
  /** The version on disk now, or null when the post is gone. */
  diskVersion: string | null;
  /**
   * Set on an entry kept apart (Take theirs, or found at launch): its own file, which the post's
   * journal writes, saves and discards never touch; only discardKeptJournal(id, slot) forgets it.
   */
  slot?: string;
  /**
   * The editor session (one page load: a browser tab, the desktop window) whose own entry this is.
   * Each session journals a post in a file of its own, so two tabs on one post never replace or
   * forget each other's edits. Absent on entries kept apart, and on entries an earlier version wrote.
   */
  session?: string;
}

/** A standalone HTML page for one post, images inlined (browser mode downloads it). */
export interface PostExport {
  fileName: string;
  html: string;
  warnings: string[];
}

/** Where and how to write the whole blog as a static site. */
export interface SiteExportRequest {
  outDir: string;
  drafts: boolean;
  siteUrl?: string;
  /** The site's name, on its index, in every page's title and in its feed ("Blog" when absent). */
  siteTitle?: string;
  /**
   * Keep the author's own files in the output folder (a CNAME, a `.git`) and write the pages among
   * them; without it, files the export did not write stop it.
   */
  keepOtherFiles?: boolean;
}

/**
 * The hint of a site export stopped by the author's own files in the output folder: the dialog
 * offers to export beside them (`keepOtherFiles`), the command line names its flag.
 */
export const KEEP_OTHER_FILES_HINT =
  'Export beside them to keep them as they are (the export then writes its pages among them), or choose an empty folder.';

/** What a site export wrote. */
export interface SiteExportSummary {
  outDir: string;
  posts: number;
  pages: number;
  warnings: string[];
  ms: number;
  /** The author's entries left as they were in the output folder (a folder of theirs counts once). */
  kept?: number;
}

/** One post matching a full-text search, with its matching lines. */
export interface SearchHit {
  id: string;
  title: string;
  /** Matches in the title, as [start, end) offsets. */
  titleRanges: [number, number][];
  /** Matching lines of the body (a few at most), with [start, end) offsets within `text`. */
  lines: { line: number; text: string; ranges: [number, number][] }[];
}

/** Rename (move) a post's file inside the posts folder. */
export interface RenameRequest {
  id: string;
  newId: string;
}

/** An image pasted or dropped into a post, to be written beside it in the blog's convention. */
export interface ImageRequest {
  postId: string;
  /** The file name the image came with (or a made-up one), used for a readable name. */
  fileName: string;
  /** The image bytes, base64. */
  dataBase64: string;
}

/** Where an image was written. */
export interface SavedImage {
  /** Posts-folder-relative path of the image. */
  assetPath: string;
  /**
   * The path to put in the post's Markdown: from the site's root where the built site serves the
   * image from there (`/images/x.png` for `static/images/x.png`; a Jekyll post's images), else
   * relative to the post.
   */
  markdownPath: string;
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
  /**
   * Keep the editor's unsaved edits of one post in the journal, replacing the previous entry of
   * the same editor `session` only (32 lowercase hex digits, made once per page load). Without a
   * session: the post's one shared entry, as earlier versions kept it.
   */
  writeJournal(draft: JournalDraft, session?: string): Promise<Result<null>>;
  /** Every journalled unsaved edit of this folder, for the restore prompt. */
  listJournal(): Promise<Result<JournalEntry[]>>;
  /**
   * Forget the journalled edits of one post by one editor `session` (after its save, or when the
   * author discards them there); other sessions' entries stay. Without a session: the shared entry.
   */
  discardJournal(id: string, session?: string): Promise<Result<null>>;
  /**
   * Keep these edits apart from the post's journal until the author restores or discards them,
   * moving them out of the entry of `session` (or the shared entry) when it holds them.
   */
  keepJournal(draft: JournalDraft, session?: string): Promise<Result<JournalEntry>>;
  /** Forget one entry kept apart (the author restored or discarded it). */
  discardKeptJournal(id: string, slot: string): Promise<Result<null>>;
  /** One post as a standalone HTML page with its images inlined. */
  exportPostHtml(id: string): Promise<Result<PostExport>>;
  /** The whole blog as a static site; progress comes as `exportProgress` events. */
  exportSite(request: SiteExportRequest): Promise<Result<SiteExportSummary>>;
  /** Full-text search over titles and bodies. */
  /**
   * Full-text search; `within`, when given, limits it to those posts (the list's filters), so the
   * hits returned are the best of those and not of the whole folder.
   */
  searchPosts(query: string, within?: string[]): Promise<Result<SearchHit[]>>;
  /** Rename a post's file (recoverable: nothing is overwritten). */
  renamePost(request: RenameRequest): Promise<Result<PostDoc>>;
  /** Write a pasted or dropped image where the blog keeps images. */
  saveImage(request: ImageRequest): Promise<Result<SavedImage>>;
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
  'writeJournal',
  'listJournal',
  'discardJournal',
  'keepJournal',
  'discardKeptJournal',
  'exportPostHtml',
  'exportSite',
  'searchPosts',
  'renamePost',
  'saveImage',
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
  writeJournal: 'blog:writeJournal',
  listJournal: 'blog:listJournal',
  discardJournal: 'blog:discardJournal',
  keepJournal: 'blog:keepJournal',
  discardKeptJournal: 'blog:discardKeptJournal',
  exportPostHtml: 'blog:exportPostHtml',
  exportSite: 'blog:exportSite',
  searchPosts: 'blog:searchPosts',
  renamePost: 'blog:renamePost',
  saveImage: 'blog:saveImage',
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
