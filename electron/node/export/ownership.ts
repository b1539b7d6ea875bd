/**
 * What makes a folder an export's own: a marker file listing every file the export wrote. The next
 * export replaces that folder whole, so it first makes sure the folder holds nothing else: a file
 * the author put there since (a CNAME, a .git folder, notes) stops the export and is never deleted.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gate } from '../store/limit';

/** The file that marks a folder as an export Postwright may replace. */
export const EXPORT_MARKER = '.postwright-export';

const HEADER = 'This folder was written by a Postwright export and is replaced by the next one.';
const LIST_LINE = 'The files it wrote (anything else found here stops the next export, so that it is never deleted):';
/**
 * Files an export was moving in among the author's when the marker was written (./beside.ts): each
 * is the export's only while it is the very file staged (device, inode, size and time alike), so a
 * file the author saves there after a stopped export is never taken for the export's.
 */
const PENDING_LINE = 'Being moved in (each the export’s only while it is the same file):';
/** Larger markers are not read: no export writes one (a million files' names). */
const MAX_MARKER_BYTES = 256 * 1024 * 1024;
/** The marker being written (./beside.ts writes it whole, then renames it): never the author's, and a killed export's is removed. */
export const MARKER_TEMP = /^\.postwright-export\.[0-9a-f]{12}\.tmp$/;

/**
 * A name as compared with the marker's list: as it is on disk, except on macOS, where a disk may
 * store a name in another Unicode form than the one written (HFS+ decomposes it). Case is never
 * folded: whether a disk is case-blind is the disk's (case-sensitive APFS, WSL folders on Windows),
 * and an author's `INDEX.HTML` taken for the export's `index.html` there would be deleted with the
 * old site. On a case-blind disk a name differing only in case stops the export instead, naming it.
 */
function nameKey(name: string): string {
  return process.platform === 'darwin' ? name.normalize('NFC') : name;
}

/** An export's pages open with this policy; the test that tells an earlier export's pages (with no list) apart. */
const PAGE_MARK = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'`;

/** A file moved in while the marker was written, as it was staged. */
export interface PendingFile {
  rel: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** SHA-256 of its bytes: a copy (no links on the disk, or across a mount) is not the same file, but the same bytes. */
  sha256: string;
}

/** Leftovers of a copy across disks (./beside.ts), beside the page it was to replace: the export's, removed. */
export const COPY_TEMP = /\.[0-9a-f]{12}\.postwright\.tmp$/;

/** The marker's text for an export that wrote `files` (output-relative, `/`-separated), and is moving in `pending`. */
export function markerText(files: Iterable<string>, pending: readonly PendingFile[] = []): string {
  const list = [...files].map((file) => `${file}\n`).join('');
  if (pending.length === 0) return `${HEADER}\n${LIST_LINE}\n${list}`;
  const moving = pending.map((p) => `${p.dev}:${p.ino}:${p.size}:${p.mtimeMs}:${p.sha256} ${p.rel}\n`).join('');
  return `${HEADER}\n${LIST_LINE}\n${list}${PENDING_LINE}\n${moving}`;
}

/**
 * Whether a marker line names a file an export could have written: a path inside the folder
 * (no `..`, no absolute or drive path, no empty part) and of the kinds it writes: pages, the feed,
 * the sitemap and files in its assets folder. A line the author (or a merge) edited in to name
 * anything else (`../x`, `.git/config`, `CNAME`) claims nothing.
 */
export function exportedName(rel: string): boolean {
  if (rel === '' || rel.includes('\\') || rel.includes('\0') || /^[a-z]:/i.test(rel)) return false;
  const parts = rel.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return false;
  if (rel === 'feed.xml' || rel === 'sitemap.xml') return true;
  if (parts[0] === 'assets' && parts.length === 2) return true;
  return /\.html?$/i.test(rel);
}

interface Marked {
  files: Set<string>;
  /** Files being moved in, by key: the export's only while they are the file staged. */
  pending: Map<string, PendingFile>;
}

/**
 * The files an export wrote into `folder`, from its marker; 'legacy' for a marker written before
 * markers listed them; null when `folder` holds no marker (a plain file) at all. Lines naming
 * nothing an export writes are left out (exportedName); line ends may be CRLF (a git checkout on Windows).
 */
async function markedFiles(folder: string): Promise<Marked | 'legacy' | null> {
  const marker = path.join(folder, EXPORT_MARKER);
  const stats = await lstat(marker).catch(() => null);
  if (stats === null || !stats.isFile() || stats.size > MAX_MARKER_BYTES) return null;
  const lines = (await readFile(marker, 'utf8')).split(/\r?\n/);
  if (lines[0] !== HEADER) return null;
  if (lines[1] !== LIST_LINE) return 'legacy';
  const files = new Set<string>();
  const pending = new Map<string, PendingFile>();
  let moving = false;
  for (const line of lines.slice(2)) {
    if (line === PENDING_LINE) moving = true;
    else if (!moving) {
      if (exportedName(line)) files.add(nameKey(line));
    } else {
      // The path is the rest of the line, whatever it holds (U+2028 too).
      const match = /^(\d+):(\d+):(\d+):([\d.]+):([0-9a-f]{64}) ([^\r\n]+)$/.exec(line);
      const rel = match?.[6];
      if (match === null || rel === undefined || !exportedName(rel)) continue;
      const [dev, ino, size, mtimeMs] = match.slice(1, 5).map(Number);
      const sha256 = match[5] ?? '';
      pending.set(nameKey(rel), { rel, dev: dev ?? 0, ino: ino ?? 0, size: size ?? 0, mtimeMs: mtimeMs ?? 0, sha256 });
    }
  }
  return { files, pending };
}

/** Whether a file of an export made before markers listed their files looks like that export's output. */
async function legacyOutput(folder: string, rel: string): Promise<boolean> {
  if (rel === 'feed.xml' || rel === 'sitemap.xml' || /^assets\/[0-9a-f]{12}-[^/]+$/.test(rel)) return true;
  return /\.html$/.test(rel) && pageLooksExported(path.join(folder, ...rel.split('/')));
}

/** Whether the page at `file` opens as the export's pages do (read without following a link). */
export async function pageLooksExported(file: string): Promise<boolean> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(notForLack);
  if (handle === null) return false;
  try {
    // The policy comes early in the head; a long language tag or title may push it past the first KB.
    const head = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').includes(PAGE_MARK);
  } finally {
    await handle.close();
  }
}

/** Whether the file at `rel` is still the one recorded as being moved in. */
async function samePending(folder: string, rel: string, pending: PendingFile): Promise<boolean> {
  const file = path.join(folder, ...rel.split('/'));
  const stats = await lstat(file).catch(notForLack);
  if (stats === null || !stats.isFile() || stats.size !== pending.size) return false;
  if (stats.dev === pending.dev && stats.ino === pending.ino && stats.mtimeMs === pending.mtimeMs) return true;
  // Copied in (a disk without links, or across a mount): the export's when it holds the page's very bytes.
  return (await sha256Of(file).catch(notForLack)) === pending.sha256;
}

/**
 * A file that could not be opened is not taken for the export's (null), unless the process ran short
 * of file handles or memory, or the disk failed: that says nothing of whose the file is, so it is thrown.
 */
function notForLack(error: unknown): null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EMFILE' || code === 'ENFILE' || code === 'ENOMEM' || code === 'EIO') throw error;
  return null;
}

/** The SHA-256 of a file's bytes, read without following a link. */
export async function sha256Of(file: string): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    for (let n = (await handle.read(chunk, 0, chunk.length, null)).bytesRead; n > 0;) {
      hash.update(chunk.subarray(0, n));
      n = (await handle.read(chunk, 0, chunk.length, null)).bytesRead;
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

/** What an earlier export's folder holds: the files it wrote, and the author's entries beside them. */
export interface Survey {
  /** Files the export wrote (output-relative, `/`-separated), found in the folder. */
  owned: string[];
  /** Everything else, sorted; a folder holding nothing the export wrote is named once, with a trailing `/`. */
  foreign: string[];
  /** The folders walked (real folders, never links), deepest first: the ones the export may remove once empty. */
  folders: string[];
  /** Killed exports' leftovers: half-written markers at the top (MARKER_TEMP), copies across disks (COPY_TEMP): to remove. */
  temps: string[];
  /** Whether the marker is of the kind that listed nothing (its files were judged by their look). */
  legacy: boolean;
}

/** Folders read at once by a survey. */
const READS_AT_ONCE = 8;

/** Files a survey opens at once to tell whose they are. */
const CHECKS_AT_ONCE = 16;

const NOTHING: { owned: number; foreign: string[] } = { owned: 0, foreign: [] };

/** Looks through all of `folder` (every level), telling the files its marker lists from the rest; null without a marker. */
export async function surveyFolder(folder: string): Promise<Survey | null> {
  const marked = await markedFiles(folder);
  if (marked === null) return null;
  const owned: string[] = [];
  const walked: string[] = [];
  const temps: string[] = [];
  // The folders the marker's files are in: any other folder (a `.git` of thousands of objects) holds
  // nothing of the export's and is named without being looked through.
  const listedFolders =
    marked === 'legacy'
      ? null
      : foldersOf([...marked.files, ...[...marked.pending.values()].map((p) => nameKey(p.rel))]);
  // Folders are read several at once (a site is a folder per page: read one by one, 1,000 of them
  // took 85 ms here, eight at a time 12 ms); each folder's entries are judged in their listed order.
  // The checks that open a file (a legacy marker's pages, files being moved in) have a gate of their
  // own: a folder of thousands of such files would otherwise hold a handle and a buffer for each at once.
  const reading = gate(READS_AT_ONCE);
  const checking = gate(CHECKS_AT_ONCE);
  // After the first failure nothing more is read or opened, and the walk's answer is that failure.
  let failure: { error: unknown } | null = null;
  const guarded =
    <R>(call: () => Promise<R>) =>
    async (): Promise<R> => {
      if (failure !== null) throw failure.error;
      try {
        return await call();
      } catch (error) {
        failure ??= { error };
        throw error;
      }
    };
  // Whether the export wrote the file at `rel`: named by the marker, or (opening it) judged by its look
  // under a legacy marker, or the very file recorded as being moved in.
  const owns = async (rel: string): Promise<boolean> => {
    if (marked === 'legacy') return checking(guarded(() => legacyOutput(folder, rel)));
    const key = nameKey(rel);
    if (marked.files.has(key)) return true;
    const pending = marked.pending.get(key);
    return pending !== undefined && checking(guarded(() => samePending(folder, rel, pending)));
  };
  const walk = async (relDir: string): Promise<{ owned: number; foreign: string[] }> => {
    const entries = await reading(
      guarded(() => readdir(path.join(folder, ...relDir.split('/').filter(Boolean)), { withFileTypes: true })),
    );
    const judged = await Promise.all(
      entries.map(async (entry): Promise<{ owned: number; foreign: string[] }> => {
        const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
        if (rel === EXPORT_MARKER) return NOTHING;
        if (entry.isFile() && ((relDir === '' && MARKER_TEMP.test(entry.name)) || COPY_TEMP.test(entry.name))) {
          temps.push(rel);
          return NOTHING;
        }
        if (entry.isDirectory()) {
          const listed = listedFolders?.has(nameKey(rel));
          if (listed === false) return { owned: 0, foreign: [`${rel}/`] };
          const inner = await walk(rel);
          walked.push(rel);
          // A folder the export wrote nothing into (an empty one too) is the author's as a whole, unless
          // the marker names files in it: an export stopped between making it and filling it.
          if (inner.owned === 0 && listed !== true) return { owned: 0, foreign: [`${rel}/`] };
          return inner;
        }
        if (await owns(rel)) {
          owned.push(rel);
          return { owned: 1, foreign: [] };
        }
        return { owned: 0, foreign: [rel] };
      }),
    );
    return {
      owned: judged.reduce((sum, one) => sum + one.owned, 0),
      foreign: judged.flatMap((one) => one.foreign),
    };
  };
  const top = await walk('').catch((error: unknown) => {
    throw failure === null ? error : failure.error;
  });
  const foreign = top.foreign.sort();
  // Read several at once, the files and folders were found in no set order: named in one.
  return { owned: owned.sort(), foreign, folders: walked, temps: temps.sort(), legacy: marked === 'legacy' };
}

/** The first five of `names` for a message, and how many more. */
export function listed(names: readonly string[]): string {
  const more = names.length > 5 ? ` and ${String(names.length - 5)} more` : '';
  return `${names.slice(0, 5).join(', ')}${more}`;
}

/** Every folder on the way to each of `files` (output-relative). */
export function foldersOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let cut = file.lastIndexOf('/'); cut > 0; cut = file.lastIndexOf('/', cut - 1)) {
      const folder = file.slice(0, cut);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return folders;
}

/**
 * What in an export's `folder` the export did not write (a folder holding nothing it wrote is named
 * once, with a trailing `/`), or null when `folder` holds no marker.
 */
export async function foreignEntries(folder: string): Promise<string[] | null> {
  return (await surveyFolder(folder))?.foreign ?? null;
}

/**
 * What `folder` holds that no export wrote, every level looked through: a folder without a marker
 * is the author's whole; a folder gone holds nothing.
 */
export async function notTheExports(folder: string): Promise<string[]> {
  try {
    return (await foreignEntries(folder)) ?? (await readdir(folder));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Whether `folder`'s marker file is one an export wrote (false when there is none). */
export async function hasMarker(folder: string): Promise<boolean> {
  return (await markedFiles(folder)) !== null;
}

/** The key two output-relative paths are compared by (see nameKey). */
export function pathKey(rel: string): string {
  return nameKey(rel);
}

/**
 * The top-level entries of an export's `folder` that its marker does not account for: the quick
 * check before an export starts (the whole folder is looked through just before it is replaced).
 * A marker of an earlier kind lists nothing, so each entry is judged as that export's output.
 */
export async function foreignTopLevel(folder: string): Promise<string[] | null> {
  const marked = await markedFiles(folder);
  if (marked === null) return null;
  const names = (await readdir(folder)).filter((name) => name !== EXPORT_MARKER && !MARKER_TEMP.test(name));
  if (marked === 'legacy') return foreignEntries(folder);
  const keys = [...marked.files, ...[...marked.pending.values()].map((p) => nameKey(p.rel))];
  const tops = new Set(keys.map((file) => file.split('/')[0]));
  return names.filter((name) => !tops.has(nameKey(name))).sort();
}
