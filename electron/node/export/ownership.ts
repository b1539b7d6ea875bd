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

/**
 * What in an export's `folder` the export did not write (a folder holding nothing it wrote is named
 * once, with a trailing `/`), or null when `folder` holds no marker.
 */
export async function foreignEntries(folder: string): Promise<string[] | null> {
  const files = await markedFiles(folder);
  if (files === null) return null;
  const owned = (rel: string): Promise<boolean> | boolean =>
    files === 'legacy' ? legacyOutput(folder, rel) : files.has(nameKey(rel));
  const walk = async (relDir: string): Promise<{ owned: number; foreign: string[] }> => {
    const foreign: string[] = [];
    let mine = 0;
    const entries = await readdir(path.join(folder, ...relDir.split('/').filter(Boolean)), { withFileTypes: true });
    for (const entry of entries) {
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (rel === EXPORT_MARKER) continue;
      if (entry.isDirectory()) {
        const inner = await walk(rel);
        mine += inner.owned;
        // A folder the export wrote nothing into (an empty one too) is the author's as a whole.
        if (inner.owned === 0) foreign.push(`${rel}/`);
        else foreign.push(...inner.foreign);
      } else if (await owned(rel)) mine += 1;
      else foreign.push(rel);
    }
    return { owned: mine, foreign };
  };
  return (await walk('')).foreign.sort();
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
