/**
 * Deleting a post recoverably: into the system trash when the host offers one (Electron),
 * otherwise into `.postwright-trash/<YYYYMMDD-HHMMSS>/<id>` inside the posts folder, never
 * overwriting an earlier deleted copy.
 */
import { lstat, mkdir, realpath, rename } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/contract';
import { localStamp, type StoreContext } from './context';
import { errnoCode, ioFailure, notAFile } from './errors';
import { isInside, locatePost } from './paths';

/** The trash folder's name inside the posts folder (hidden, so the list and watcher skip it). */
export const TRASH_FOLDER = '.postwright-trash';

/** Moves post `id` somewhere it can be recovered from. */
export async function removePost(ctx: StoreContext, id: string): Promise<Result<{ id: string }>> {
  const location = await locatePost(ctx.root, id);
  if (!location.ok) return location;
  try {
    // Deleting through a link would trash the target, which may be another post.
    if (location.value.isLink || !(await lstat(location.value.real)).isFile()) return notAFile('This post');
    if (ctx.trash) await ctx.trash(location.value.real);
    else if (!(await moveIntoTrashFolder(ctx, id, location.value.real))) {
      return fail(
        'PERMISSION',
        `The ${TRASH_FOLDER} folder leads outside the posts folder.`,
        `Remove the ${TRASH_FOLDER} link.`,
      );
    }
    return ok({ id });
  } catch (error) {
    if (errnoCode(error) !== undefined) return ioFailure(error, 'move this post to the trash');
    const reason = error instanceof Error ? error.message : 'unknown error';
    return fail('IO', `Could not move this post to the trash: ${reason}`, 'Check that the system trash is available.');
  }
}

/** Moves the post into the trash folder; false when that folder is a link (it could lead out). */
async function moveIntoTrashFolder(ctx: StoreContext, id: string, real: string): Promise<boolean> {
  const trashRoot = path.join(ctx.root, TRASH_FOLDER);
  await mkdir(trashRoot, { recursive: true });
  if ((await lstat(trashRoot)).isSymbolicLink()) return false;
  const stamp = localStamp(ctx.now());
  for (let attempt = 1; ; attempt++) {
    const folder = attempt === 1 ? stamp : `${stamp}-${attempt}`;
    const target = path.join(trashRoot, folder, ...id.split('/'));
    if (await exists(target)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    if (!isInside(ctx.root, await realpath(path.dirname(target)))) return false;
    await rename(real, target);
    return true;
  }
}

async function exists(target: string): Promise<boolean> {
  try {
    await lstat(target);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}
