/**
 * Publishing a site beside the author's own files: a GitHub Pages folder keeps its `.git` and its
 * `CNAME` where the export writes its pages. The swap of ./stage.ts would move them away with the
 * old site, so here the export's files are moved in one by one instead, and nothing of the
 * author's is ever moved, replaced or deleted:
 *
 * - Before anything moves, every page's path is checked: a file or link of the author's at a path
 *   the export writes, or in place of a folder it needs, stops the export and names it.
 * - While pages move in, the marker lists the earlier export's files and names the new ones as
 *   being moved in, each with the identity of the file staged: killed at any point, a page that
 *   landed is known as the export's, and a file the author saves at a path not yet reached is not.
 * - A page only replaces a file the earlier export wrote; anywhere else it is linked in, which
 *   fails rather than replace a file the author saved there since the check.
 * - The earlier export's files the new site no longer has are deleted when they still look like
 *   the export's (a page with its policy, the feed, the sitemap, an asset), and the folders this
 *   leaves empty; a folder still holding anything is left, and a link is never followed.
 *
 * Unlike the swap, a web server reading the folder meanwhile may serve old and new pages side by side.
 */
import { randomBytes } from 'node:crypto';
import { constants, copyFile, link, lstat, mkdir, open, readdir, rename, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from '../store/errors';
import { mapLimit, settleLimit } from '../store/limit';
import {
  EXPORT_MARKER,
  foldersOf,
  hasMarker,
  listed,
  MARKER_TEMP,
  sha256Of,
  markerText,
  pathKey,
  pageLooksExported,
  surveyFolder,
  type PendingFile,
} from './ownership';

/** Paths of the author's that the export would have to write over: it stopped, and touched nothing. */
export class ClashError extends Error {
  constructor(
    readonly outAbs: string,
    readonly names: string[],
    /** How many of the new site's files were already in place when it stopped (0: before any moved). */
    readonly moved = 0,
  ) {
    super(
      moved === 0
        ? `The output folder ${outAbs} holds files of yours where the export writes its pages (${listed(names)}); it stopped rather than replace them.`
        : `A file of yours appeared in the output folder ${outAbs} where the export was writing a page (${listed(names)}); it stopped rather than replace it, with ${String(moved)} of the new site's files in place. Export again once it is moved.`,
    );
    this.name = 'ClashError';
  }
}

/** What publishing beside the author's files left in place. */
export interface BesideReport {
  /** The author's entries found in the folder (a folder of theirs counts once). */
  kept: number;
}

/** Files moved in at once: the disk's calls overlap, few enough that a stop leaves little in flight. */
const AT_ONCE = 16;

/**
 * Moves the files of a complete staging folder (`files`, output-relative) into `outAbs`, among the
 * author's files there, replacing what an earlier export wrote. Throws ClashError, touching nothing,
 * when one of the author's files is in the way.
 */
export async function publishBeside(stage: string, outAbs: string, files: readonly string[]): Promise<BesideReport> {
  await ensureRealFolder(outAbs);
  const found = await surveyFolder(outAbs);
  if (found === null && (await markerInTheWay(outAbs))) throw new ClashError(outAbs, [EXPORT_MARKER]);
  // A marker of the kind that listed nothing: its files were judged by their look, which an
  // author's page copied from the export (a 404.html) shares. Such a page is replaced where the new
  // site has one, but never deleted: those the new site does not write are left, as the author's.
  const legacy = found?.legacy === true;
  const survey = legacy ? { ...found, folders: [] } : found;
  const earlier = survey?.owned ?? [];
  const owned = new Set(earlier.map(pathKey));
  const clashes = await clashesOf(outAbs, files, owned);
  if (clashes.length > 0) throw new ClashError(outAbs, clashes);
  const kept = survey === null ? await countEntries(outAbs) : survey.foreign.length;

  const wanted = new Set(files.map(pathKey));
  // The earlier export's files the marker goes on claiming while pages move in (of a legacy marker,
  // only those a new page replaces).
  const claimed = legacy ? earlier.filter((rel) => wanted.has(pathKey(rel))) : earlier;
  const staged = await mapLimit(files, AT_ONCE, (rel) => stagedFile(stage, rel));
  await writeMarker(outAbs, claimed, staged);
  const placed: string[] = [];
  const moves = await settleLimit(files, AT_ONCE, async (rel) => {
    await moveIn(stage, outAbs, rel, owned.has(pathKey(rel)));
    placed.push(rel);
  });
  const failure = moves.find((move): move is PromiseRejectedResult => move.status === 'rejected');
  if (failure !== undefined) {
    // What landed is the export's now; a page that may have landed without word (its staged copy could
    // not be removed after) stays recorded as being moved in, the export's only if it is that page.
    const landed = new Set(placed.map(pathKey));
    await writeMarker(
      outAbs,
      [...claimed.filter((rel) => !landed.has(pathKey(rel))), ...placed],
      staged.filter((file) => !landed.has(pathKey(file.rel))),
    );
    const reason: unknown = failure.reason;
    if (reason instanceof ClashError) throw new ClashError(outAbs, reason.names, placed.length);
    throw reason;
  }

  const stale = legacy ? [] : earlier.filter((rel) => !wanted.has(pathKey(rel)));
  const left: string[] = [];
  for (const rel of stale) if (!(await removeStale(outAbs, rel))) left.push(rel);
  // Folders the walk found (real ones, never links) that the new site has no file in, deepest first.
  const needed = foldersOf(files.map(pathKey));
  for (const folder of survey?.folders ?? []) if (!needed.has(pathKey(folder))) await removeIfEmpty(outAbs, folder);
  await writeMarker(outAbs, [...files, ...left]);
  for (const temp of survey?.temps ?? []) await unlink(path.join(outAbs, temp)).catch(() => undefined);
  return { kept };
}

/** Makes sure `outAbs` is a folder of its own (made if missing), never a link to one elsewhere. */
async function ensureRealFolder(outAbs: string): Promise<void> {
  const stats = await lstat(outAbs).catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  });
  if (stats === null) await mkdir(outAbs);
  else if (!stats.isDirectory()) {
    throw Object.assign(
      new Error(`The output folder ${outAbs} was replaced by a link or a file while the export ran.`),
      {
        code: 'ENOTDIR',
      },
    );
  }
}

/** A file of the author's named like the marker (no marker of ours there) would be written over. */
async function markerInTheWay(outAbs: string): Promise<boolean> {
  const stats = await lstat(path.join(outAbs, EXPORT_MARKER)).catch(() => null);
  return stats !== null && !(await hasMarker(outAbs));
}

async function countEntries(outAbs: string): Promise<number> {
  return (await readdir(outAbs)).filter((name) => name !== EXPORT_MARKER && !MARKER_TEMP.test(name)).length;
}

/**
 * The paths among `files` that the author's entries stand in the way of: a file that is not the
 * earlier export's where a page goes, or anything but a plain folder (a file, a link to elsewhere)
 * where a page needs a folder. Each folder is looked at once.
 */
async function clashesOf(outAbs: string, files: readonly string[], owned: ReadonlySet<string>): Promise<string[]> {
  const folders = new Map<string, Promise<'folder' | 'missing' | 'blocked'>>();
  const folderState = (rel: string): Promise<'folder' | 'missing' | 'blocked'> => {
    const key = pathKey(rel);
    let known = folders.get(key);
    if (known === undefined) {
      known = lstat(path.join(outAbs, ...rel.split('/'))).then(
        (stats) => (stats.isDirectory() ? 'folder' : 'blocked'),
        (error: unknown) => {
          if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return 'missing';
          throw error;
        },
      );
      folders.set(key, known);
    }
    return known;
  };
  const clashes = new Set<string>();
  await mapLimit(files, AT_ONCE, async (rel) => {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const state = await folderState(folder);
      if (state === 'blocked') {
        clashes.add(folder);
        return;
      }
      if (state === 'missing') return;
    }
    const stats = await lstat(path.join(outAbs, ...parts)).catch(() => null);
    if (stats !== null && (stats.isDirectory() || !owned.has(pathKey(rel)))) clashes.add(rel);
  });
  return [...clashes].sort();
}

/** A staged file as the marker records it while it is moved in (a link or a rename keeps it the same file). */
async function stagedFile(stage: string, rel: string): Promise<PendingFile> {
  const file = path.join(stage, ...rel.split('/'));
  const [stats, sha256] = await Promise.all([lstat(file), sha256Of(file)]);
  return { rel, dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, sha256 };
}

/**
 * Writes the marker listing `files`, and `pending` as being moved in, whole or not at all: into a
 * file of a fresh name that must not exist (never through a link, never over a file of the
 * author's), then renamed over the marker. A killed export's leftover is removed by the next.
 */
async function writeMarker(
  outAbs: string,
  files: readonly string[],
  pending: readonly PendingFile[] = [],
): Promise<void> {
  const temp = path.join(outAbs, `${EXPORT_MARKER}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(markerText(files, pending));
  } finally {
    await handle.close();
  }
  await rename(temp, path.join(outAbs, EXPORT_MARKER));
}

/**
 * Moves one staged file into place: over the earlier export's file by a rename, elsewhere by a
 * link that fails if the author saved a file there since the check (or a copy that fails so, on a
 * disk without links). Across disks (the output folder is a mount point) a copy is made beside
 * the target and renamed over it.
 */
async function moveIn(stage: string, outAbs: string, rel: string, replacesOurs: boolean): Promise<void> {
  const from = path.join(stage, ...rel.split('/'));
  const to = path.join(outAbs, ...rel.split('/'));
  await mkdir(path.dirname(to), { recursive: true });
  if (replacesOurs) {
    try {
      await rename(from, to);
    } catch (error) {
      if (errnoCode(error) !== 'EXDEV') throw error;
      const temp = `${to}.${randomBytes(6).toString('hex')}.postwright.tmp`;
      await copyFile(from, temp, constants.COPYFILE_EXCL);
      await rename(temp, to);
    }
    return;
  }
  try {
    await link(from, to);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') throw new ClashError(outAbs, [rel]);
    // No links on this disk (FAT, exFAT, some network shares; Windows says EISDIR or EPERM): a copy.
    try {
      await copyFile(from, to, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if (errnoCode(copyError) === 'EEXIST') throw new ClashError(outAbs, [rel]);
      throw copyError;
    }
  }
  await unlink(from);
}

/**
 * Deletes a page the new site no longer has, when it still looks like the export's; whether it is
 * gone. One that cannot be deleted (locked, held open) stays the export's.
 */
async function removeStale(outAbs: string, rel: string): Promise<boolean> {
  const file = path.join(outAbs, ...rel.split('/'));
  const stats = await lstat(file).catch(() => null);
  if (stats === null) return true;
  // Not a plain file (a folder or a link of the author's now), or not the export's look: theirs now.
  if (!stats.isFile() || !(await looksExported(file, rel))) return true;
  try {
    await unlink(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return true;
    return false;
  }
  const parts = rel.split('/');
  for (let i = parts.length - 1; i > 0; i--) if (!(await removeIfEmpty(outAbs, parts.slice(0, i).join('/')))) break;
  return true;
}

/** Whether a file the marker lists still looks like what the export writes (a hand-edited marker line claims nothing else). */
async function looksExported(file: string, rel: string): Promise<boolean> {
  return !/\.html?$/i.test(rel) || pageLooksExported(file);
}

/** Removes a folder if it is empty; whether it did. */
async function removeIfEmpty(outAbs: string, rel: string): Promise<boolean> {
  try {
    await rmdir(path.join(outAbs, ...rel.split('/')));
    return true;
  } catch {
    // Not empty (the author's files, or pages of the new site), gone, or not ours to remove.
    return false;
  }
}
