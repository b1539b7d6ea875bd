/**
 * Renaming a post's file inside the posts folder without ever overwriting another file: a hard
 * link to the new name fails atomically when that name exists; only then is the old name removed.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { link, lstat, readdir, realpath, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type PostDoc, type RenameRequest, type Result } from '../../../shared/api/contract';
import { idProblem, overNameBytes } from '../../../shared/api/ids';
import { errnoCode, ioFailure } from './errors';
import { tempPathFor } from './io';
import { containedJoin, isInside, locatePost } from './paths';
import { isSkippedName } from './walk';

/** Gives the file `from` the second name `to` (node:fs `link`; tests make another program race it). */
export type LinkFile = (from: string, to: string) => Promise<void>;

/** Renames post `id` to `newId`; EXISTS when `newId` is taken, nothing is overwritten. */
export async function renamePost(
  root: string,
  request: RenameRequest,
  read: (id: string) => Promise<Result<PostDoc>>,
  linkFile: LinkFile = link,
): Promise<Result<PostDoc>> {
  const { id, newId } = request;
  const problem = idProblem(newId);
  if (problem !== null) return fail('INVALID_ID', `This file name is refused: ${problem}.`);
  if (newId === id) return fail('INVALID_ARGUMENT', 'The new file name is the same as the current one.');
  const unfit = unfitName(newId);
  if (unfit !== null) return unfit;
  const from = await locatePost(root, id);
  if (!from.ok) return from;
  // Only a post's own regular file is renamed: never a folder or FIFO named x.md, never a link.
  const source = await lstatOrNull(from.value.abs);
  if (source === null) return fail('NOT_FOUND', 'This post is not there any more.');
  if (!source.isFile() || from.value.isLink) return fail('NOT_A_FILE', 'Only a post file can be renamed.');
  const target = await targetPath(root, newId);
  if (!target.ok) return target;
  const twin = await nameTwin(target.value, source);
  if (twin !== null) return twinTaken(twin);
  const moved = await moveExclusive(from.value.abs, target.value, sameFileIgnoringCase(id, newId), linkFile);
  if (!moved.ok) return moved;
  return read(newId);
}

/**
 * Why the list would never show a post named `newId` (a hidden name, a `node_modules` folder), or
 * a name too long for the disk; null when neither. Such a rename would seem to lose the post, or
 * fail with a bare ENAMETOOLONG.
 */
function unfitName(newId: string): Result<never> | null {
  if (newId.split('/').some(isSkippedName)) {
    return fail(
      'INVALID_ID',
      'A post named with a leading dot, or inside a node_modules folder, is hidden: it would disappear from the list.',
      'Choose a name that starts with a letter or a digit.',
    );
  }
  if (overNameBytes(path.posix.basename(newId))) {
    return fail(
      'INVALID_ID',
      'This file name is too long: a file name holds at most 255 bytes (a letter outside English takes two to four).',
      'Choose a shorter name.',
    );
  }
  return null;
}

/**
 * Another file in the folder of `to` whose name differs from its name only in capitals or in
 * Unicode form (`café` composed or decomposed), or null. Linux keeps such names apart, so the hard
 * link below would not see them; but a Mac or Windows disk (or a clone of the blog there) holds
 * them as one file, and two names of one NFC form leave both posts unopenable. The post itself
 * (renamed to other capitals) is no other file.
 */
async function nameTwin(to: string, source: Stats): Promise<string | null> {
  const name = path.basename(to);
  const key = foldName(name);
  const entries = await readdir(path.dirname(to)).catch(() => [] as string[]);
  for (const entry of entries) {
    // The very name is left to the hard link, which refuses it atomically.
    if (entry === name || foldName(entry) !== key) continue;
    const other = await lstatOrNull(path.join(path.dirname(to), entry)).catch(() => null);
    if (other !== null && !(other.ino === source.ino && other.dev === source.dev)) return entry;
  }
  return null;
}

function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Where `newId` leads: its folder must exist and stay inside the posts folder. */
async function targetPath(root: string, newId: string): Promise<Result<string>> {
  const abs = containedJoin(root, newId);
  if (abs === null) return fail('INVALID_ID', 'This file name leads outside the posts folder.');
  try {
    const folder = await realpath(path.dirname(abs));
    if (!isInside(root, folder)) return fail('INVALID_ID', 'This file name leads outside the posts folder.');
    return ok(path.join(folder, path.basename(abs)));
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') {
      return fail('NOT_FOUND', 'The folder of the new file name does not exist.', 'Rename within an existing folder.');
    }
    return ioFailure(error, 'rename this post');
  }
}

function sameFileIgnoringCase(id: string, newId: string): boolean {
  return id.toLowerCase() === newId.toLowerCase();
}

async function moveExclusive(from: string, to: string, caseOnly: boolean, linkFile: LinkFile): Promise<Result<null>> {
  if (caseOnly) return renameIfFree(from, to, true);
  try {
    await linkFile(from, to);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') return taken();
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV') {
      return renameIfFree(from, to, false);
    }
    return ioFailure(error, 'rename this post');
  }
  return dropOldName(from, to);
}

/**
 * Removes the old name once the new one links the post. Another program may have saved over the old
 * name since the link (an editor or a sync writing a temporary file and renaming it into place): the
 * old name then holds that save, not the file linked, and unlinking it would delete the save. So the
 * old name is first moved aside (atomically, whatever it holds now) and deleted only when it is the
 * file linked; a save found there becomes the post under its new name.
 */
async function dropOldName(from: string, to: string): Promise<Result<null>> {
  // Hidden beside the post, and not named `.tmp`: a save's sweep of leftover temporary files must
  // never take it for one while it holds the post.
  const aside = tempPathFor(from, randomBytes(6).toString('hex')).replace(/\.tmp$/, '.renaming');
  try {
    await rename(from, aside);
  } catch (error) {
    // Both names still lead to the post; undo the new one so nothing seems duplicated.
    await unlink(to).catch(() => undefined);
    return ioFailure(error, 'rename this post');
  }
  try {
    const [moved, linked] = await Promise.all([lstat(aside), lstat(to)]);
    if (moved.ino === linked.ino && moved.dev === linked.dev) await unlink(aside);
    // Saved over since the link: that save is the newest text of the post.
    else await rename(aside, to);
    return ok(null);
  } catch (error) {
    // The post goes back under its old name, as it was; the new name is undone.
    await rename(aside, from).catch(() => undefined);
    await unlink(to).catch(() => undefined);
    return ioFailure(error, 'rename this post');
  }
}

async function renameIfFree(from: string, to: string, caseOnly: boolean): Promise<Result<null>> {
  try {
    const existing = await lstatOrNull(to);
    // On a case-insensitive disk the "other" name is the post itself: renaming it is safe.
    if (existing !== null && !(caseOnly && existing.ino === (await lstat(from)).ino)) return taken();
    await rename(from, to);
    return ok(null);
  } catch (error) {
    return ioFailure(error, 'rename this post');
  }
}

async function lstatOrNull(file: string): Promise<Stats | null> {
  try {
    return await lstat(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function twinTaken(twin: string): Result<never> {
  return fail(
    'EXISTS',
    `Another file, “${twin.normalize('NFC')}”, already has this name (in other capitals, or written another way in Unicode); on a Mac or Windows the two would be one file.`,
    'Choose another name; nothing was overwritten.',
  );
}

function taken(): Result<never> {
  return fail('EXISTS', 'Another file already has this name.', 'Choose another name; nothing was overwritten.');
}
