/**
 * Publishing a site beside the author's own files: a GitHub Pages folder keeps its `.git` and its
 * `CNAME` where the export writes its pages. The swap of ./stage.ts would move them away with the
 * old site, so here the export's files are moved in one by one instead, and nothing of the
 * author's is ever moved, replaced or deleted:
 *
 * - Before anything moves, every page's path is checked: a file or link of the author's at a path
 *   the export writes, or in place of a folder it needs, stops the export and names it.
 * - The marker is written first naming both the files of the site being replaced and the new
 *   site's; killed at any point after, nothing the export wrote is taken for the author's, and
 *   the next export finishes the job.
 * - A page only replaces a file the earlier export wrote; anywhere else it is linked in, which
 *   fails rather than replace a file the author saved there since the check.
 * - The earlier export's files the new site no longer has are deleted, and the folders this
 *   leaves empty; a folder still holding anything is left.
 *
 * Unlike the swap, a web server reading the folder meanwhile may serve old and new pages side by side.
 */
import { copyFile, constants, link, lstat, mkdir, readdir, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errnoCode } from '../store/errors';
import { EXPORT_MARKER, foldersOf, hasMarker, listed, markerText, pathKey, surveyFolder } from './ownership';

/** Paths of the author's that the export would have to write over: it stopped, and touched nothing. */
export class ClashError extends Error {
  constructor(
    readonly outAbs: string,
    readonly names: string[],
  ) {
    super(
      `The output folder ${outAbs} holds files of yours where the export writes its pages (${listed(names)}); it stopped rather than replace them.`,
    );
    this.name = 'ClashError';
  }
}

/** What publishing beside the author's files left in place. */
export interface BesideReport {
  /** The author's entries found in the folder (a folder of theirs counts once). */
  kept: number;
}

/**
 * Moves the files of a complete staging folder (`files`, output-relative) into `outAbs`, among the
 * author's files there, replacing what an earlier export wrote. Throws ClashError, touching nothing,
 * when one of the author's files is in the way.
 */
export async function publishBeside(stage: string, outAbs: string, files: readonly string[]): Promise<BesideReport> {
  await mkdir(outAbs, { recursive: true });
  const survey = await surveyFolder(outAbs);
  if (survey === null && (await markerInTheWay(outAbs))) throw new ClashError(outAbs, [EXPORT_MARKER]);
  const owned = new Set((survey?.owned ?? []).map(pathKey));
  const clashes = await clashesOf(outAbs, files, owned);
  if (clashes.length > 0) throw new ClashError(outAbs, clashes);
  const kept = survey === null ? await countEntries(outAbs) : survey.foreign.length;
  const wanted = new Set(files.map(pathKey));
  const stale = (survey?.owned ?? []).filter((rel) => !wanted.has(pathKey(rel)));
  await writeMarker(outAbs, [...files, ...stale]);
  for (const rel of files) await moveIn(stage, outAbs, rel, owned.has(pathKey(rel)));
  for (const rel of stale) await removeStale(outAbs, rel);
  // Folders the earlier export made that the new site has no file in (a stopped export's empty ones too).
  const needed = foldersOf(wanted);
  const gone = [...(survey?.folders ?? [])].filter((folder) => !needed.has(folder));
  for (const folder of gone.sort((a, b) => b.length - a.length)) await removeIfEmpty(outAbs, folder);
  await writeMarker(outAbs, files);
  return { kept };
}

/** A file of the author's named like the marker (no marker of ours there) would be written over. */
async function markerInTheWay(outAbs: string): Promise<boolean> {
  const stats = await lstat(path.join(outAbs, EXPORT_MARKER)).catch(() => null);
  return stats !== null && !(await hasMarker(outAbs));
}

async function countEntries(outAbs: string): Promise<number> {
  return (await readdir(outAbs)).filter((name) => name !== EXPORT_MARKER).length;
}

/**
 * The paths among `files` that the author's entries stand in the way of: a file that is not the
 * earlier export's where a page goes, or anything but a plain folder (a file, a link to elsewhere)
 * where a page needs a folder. Each folder is looked at once.
 */
async function clashesOf(outAbs: string, files: readonly string[], owned: ReadonlySet<string>): Promise<string[]> {
  const folders = new Map<string, 'folder' | 'missing' | 'blocked'>();
  const folderState = async (rel: string): Promise<'folder' | 'missing' | 'blocked'> => {
    const known = folders.get(rel);
    if (known !== undefined) return known;
    const stats = await lstat(path.join(outAbs, ...rel.split('/'))).catch((error: unknown) => {
      if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return null;
      throw error;
    });
    const state = stats === null ? 'missing' : stats.isDirectory() ? 'folder' : 'blocked';
    folders.set(rel, state);
    return state;
  };
  const clashes = new Set<string>();
  for (const rel of files) {
    const parts = rel.split('/');
    let blocked = false;
    for (let i = 1; i < parts.length && !blocked; i++) {
      const folder = parts.slice(0, i).join('/');
      const state = await folderState(folder);
      if (state === 'blocked') {
        clashes.add(folder);
        blocked = true;
      } else if (state === 'missing') break;
    }
    if (blocked) continue;
    const stats = await lstat(path.join(outAbs, ...parts)).catch(() => null);
    if (stats !== null && (stats.isDirectory() || !owned.has(pathKey(rel)))) clashes.add(rel);
  }
  return [...clashes].sort();
}

/** Writes the marker listing `files` whole or not at all (a killed write leaves the one before). */
async function writeMarker(outAbs: string, files: readonly string[]): Promise<void> {
  const marker = path.join(outAbs, EXPORT_MARKER);
  const temp = `${marker}.${String(process.pid)}.tmp`;
  await writeFile(temp, markerText(files));
  await rename(temp, marker);
}

/**
 * Moves one staged file into place: over the earlier export's file by a rename, elsewhere by a
 * link that fails if the author saved a file there since the check (or a copy that fails so, on a
 * disk without links).
 */
async function moveIn(stage: string, outAbs: string, rel: string, replacesOurs: boolean): Promise<void> {
  const from = path.join(stage, ...rel.split('/'));
  const to = path.join(outAbs, ...rel.split('/'));
  await mkdir(path.dirname(to), { recursive: true });
  if (replacesOurs) {
    await rename(from, to);
    return;
  }
  try {
    await link(from, to);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') throw new ClashError(outAbs, [rel]);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV'].includes(errnoCode(error) ?? '')) throw error;
    try {
      await copyFile(from, to, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if (errnoCode(copyError) === 'EEXIST') throw new ClashError(outAbs, [rel]);
      throw copyError;
    }
  }
  await unlink(from);
}

/** Deletes a page the new site no longer has, then each folder up the way that this leaves empty. */
async function removeStale(outAbs: string, rel: string): Promise<void> {
  const parts = rel.split('/');
  try {
    await unlink(path.join(outAbs, ...parts));
  } catch (error) {
    // Gone already, or no longer a file (the author made a folder of it): left as it is.
    if (['ENOENT', 'EISDIR', 'EPERM', 'ENOTDIR'].includes(errnoCode(error) ?? '')) return;
    throw error;
  }
  for (let i = parts.length - 1; i > 0; i--) if (!(await removeIfEmpty(outAbs, parts.slice(0, i).join('/')))) return;
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
