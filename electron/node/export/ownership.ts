/**
 * What makes a folder an export's own: a marker file listing every file the export wrote. The next
 * export replaces that folder whole, so it first makes sure the folder holds nothing else: a file
 * the author put there since (a CNAME, a .git folder, notes) stops the export and is never deleted.
 */
import { lstat, open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The file that marks a folder as an export Postwright may replace. */
export const EXPORT_MARKER = '.postwright-export';

const HEADER = 'This folder was written by a Postwright export and is replaced by the next one.';
const LIST_LINE = 'The files it wrote (anything else found here stops the next export, so that it is never deleted):';
/** Larger markers are not read: no export writes one (a million files' names). */
const MAX_MARKER_BYTES = 256 * 1024 * 1024;
/**
 * A name as compared with the marker's list: as it is on disk, except on macOS, where a disk may
 * store a name in another Unicode form than the one written (HFS+ decomposes it). Elsewhere two
 * names that differ only in form are two entries (Linux keeps both), and the author's is not ours.
 */
function nameKey(name: string): string {
  return process.platform === 'darwin' ? name.normalize('NFC') : name;
}

/** An export's pages open with this policy; the test that tells an earlier export's pages (with no list) apart. */
const PAGE_MARK = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'`;

/** The marker's text for an export that wrote `files` (output-relative, `/`-separated). */
export function markerText(files: Iterable<string>): string {
  return `${HEADER}\n${LIST_LINE}\n${[...files].map((file) => `${file}\n`).join('')}`;
}

/**
 * The files an export wrote into `folder`, from its marker; 'legacy' for a marker written before
 * markers listed them; null when `folder` holds no marker (a plain file) at all.
 */
async function markedFiles(folder: string): Promise<Set<string> | 'legacy' | null> {
  const marker = path.join(folder, EXPORT_MARKER);
  const stats = await lstat(marker).catch(() => null);
  if (stats === null || !stats.isFile() || stats.size > MAX_MARKER_BYTES) return null;
  const lines = (await readFile(marker, 'utf8')).split('\n');
  if (lines[0] !== HEADER) return null;
  if (lines[1] !== LIST_LINE) return 'legacy';
  return new Set(
    lines
      .slice(2)
      .filter((line) => line !== '')
      .map(nameKey),
  );
}

/** Whether a file of an export made before markers listed their files looks like that export's output. */
async function legacyOutput(folder: string, rel: string): Promise<boolean> {
  if (rel === 'feed.xml' || rel === 'sitemap.xml' || /^assets\/[0-9a-f]{12}-[^/]+$/.test(rel)) return true;
  if (!/\.html$/.test(rel)) return false;
  const handle = await open(path.join(folder, ...rel.split('/')), 'r').catch(() => null);
  if (handle === null) return false;
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').includes(PAGE_MARK);
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
  /** The folders the marker's files are in (made by the export, though it may have been stopped before filling one). */
  folders: Set<string>;
}

/** Looks through all of `folder` (every level), telling the files its marker lists from the rest; null without a marker. */
export async function surveyFolder(folder: string): Promise<Survey | null> {
  const files = await markedFiles(folder);
  if (files === null) return null;
  const isOwned = (rel: string): Promise<boolean> | boolean =>
    files === 'legacy' ? legacyOutput(folder, rel) : files.has(nameKey(rel));
  const owned: string[] = [];
  // The folders the marker's files are in: any other folder (a `.git` of thousands of objects) holds
  // nothing of the export's and is named without being looked through.
  const listedFolders = files === 'legacy' ? null : foldersOf(files);
  const walk = async (relDir: string): Promise<{ owned: number; foreign: string[] }> => {
    const foreign: string[] = [];
    let mine = 0;
    const entries = await readdir(path.join(folder, ...relDir.split('/').filter(Boolean)), { withFileTypes: true });
    for (const entry of entries) {
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (rel === EXPORT_MARKER) continue;
      if (entry.isDirectory()) {
        const listed = listedFolders?.has(nameKey(rel));
        if (listed === false) {
          foreign.push(`${rel}/`);
          continue;
        }
        const inner = await walk(rel);
        mine += inner.owned;
        // A folder the export wrote nothing into (an empty one too) is the author's as a whole, unless
        // the marker names files in it: an export stopped between making it and filling it.
        if (inner.owned === 0 && listed !== true) foreign.push(`${rel}/`);
        else foreign.push(...inner.foreign);
      } else if (await isOwned(rel)) {
        mine += 1;
        owned.push(rel);
      } else foreign.push(rel);
    }
    return { owned: mine, foreign };
  };
  const foreign = (await walk('')).foreign.sort();
  return { owned, foreign, folders: listedFolders ?? foldersOf(new Set(owned.map(nameKey))) };
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
  const files = await markedFiles(folder);
  if (files === null) return null;
  const names = (await readdir(folder)).filter((name) => name !== EXPORT_MARKER);
  if (files === 'legacy') return foreignEntries(folder);
  const tops = new Set([...files].map((file) => file.split('/')[0]));
  return names.filter((name) => !tops.has(nameKey(name))).sort();
}
