/**
 * Renaming a post's file inside the posts folder without ever overwriting another file: a hard
 * link to the new name fails atomically when that name exists; only then is the old name removed.
 */
import { link, lstat, realpath, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type PostDoc, type RenameRequest, type Result } from '../../../shared/api/contract';
import { idProblem } from '../../../shared/api/ids';
import { errnoCode, ioFailure } from './errors';
import { containedJoin, isInside, locatePost } from './paths';

/** Renames post `id` to `newId`; EXISTS when `newId` is taken, nothing is overwritten. */
export async function renamePost(
  root: string,
  request: RenameRequest,
  read: (id: string) => Promise<Result<PostDoc>>,
): Promise<Result<PostDoc>> {
  const { id, newId } = request;
  const problem = idProblem(newId);
  if (problem !== null) return fail('INVALID_ID', `This file name is refused: ${problem}.`);
  if (newId === id) return fail('INVALID_ARGUMENT', 'The new file name is the same as the current one.');
  const from = await locatePost(root, id);
  if (!from.ok) return from;
  // Only a post's own regular file is renamed: never a folder or FIFO named x.md, never a link.
  const source = await lstatOrNull(from.value.abs);
  if (source === null) return fail('NOT_FOUND', 'This post is not there any more.');
  if (!source.isFile() || from.value.isLink) return fail('NOT_A_FILE', 'Only a post file can be renamed.');
  const target = await targetPath(root, newId);
  if (!target.ok) return target;
  const moved = await moveExclusive(from.value.abs, target.value, sameFileIgnoringCase(id, newId));
  if (!moved.ok) return moved;
  return read(newId);
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

async function moveExclusive(from: string, to: string, caseOnly: boolean): Promise<Result<null>> {
  if (caseOnly) return renameIfFree(from, to, true);
  try {
    await link(from, to);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') return taken();
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV') {
      return renameIfFree(from, to, false);
    }
    return ioFailure(error, 'rename this post');
  }
  try {
    await unlink(from);
  } catch (error) {
    // Both names now lead to the post; undo the new one so nothing seems duplicated.
    await unlink(to).catch(() => undefined);
    return ioFailure(error, 'rename this post');
  }
  return ok(null);
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

async function lstatOrNull(file: string): Promise<Awaited<ReturnType<typeof lstat>> | null> {
  try {
    return await lstat(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function taken(): Result<never> {
  return fail('EXISTS', 'Another file already has this name.', 'Choose another name; nothing was overwritten.');
}
