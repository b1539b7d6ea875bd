/**
 * Where the posts live on first start. In development: the project's posts/ folder. Packaged:
 * the sample posts are copied once from the app's resources into the author's Documents, because
 * the app's own folder is replaced (or read-only) on every update and must never hold posts.
 */
import path from 'node:path';
import { cp, mkdir, stat } from 'node:fs/promises';
import { fail, ok, type Result } from '../../shared/api/contract';

/** The folder name created in Documents for a packaged app's first start. */
export const PACKAGED_FOLDER_NAME = 'Postwright';

/** The default folder, and where its first contents come from (packaged only). */
export interface DefaultFolder {
  folder: string;
  seedFrom: string | null;
}

/** The default posts folder for this run. `mainDir` is the folder of dist/electron/main.cjs. */
export function defaultPostsFolder(options: {
  isPackaged: boolean;
  mainDir: string;
  resourcesPath: string;
  documentsDir: string;
}): DefaultFolder {
  if (!options.isPackaged) return { folder: path.resolve(options.mainDir, '..', '..', 'posts'), seedFrom: null };
  return {
    folder: path.join(options.documentsDir, PACKAGED_FOLDER_NAME),
    seedFrom: path.join(options.resourcesPath, 'posts'),
  };
}

/** Whether `folder` exists and is a folder. */
export async function isFolder(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

/** Makes sure the default folder exists; a missing one is created from the seed, never overwriting. */
export async function ensureDefaultFolder(target: DefaultFolder): Promise<Result<string>> {
  if (await isFolder(target.folder)) return ok(target.folder);
  try {
    if (target.seedFrom !== null && (await isFolder(target.seedFrom))) {
      await cp(target.seedFrom, target.folder, { recursive: true, force: false, errorOnExist: true });
    } else {
      await mkdir(target.folder, { recursive: true });
    }
    return ok(target.folder);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('IO', `The posts folder ${target.folder} could not be created: ${reason}`, 'Open another folder.');
  }
}

/** The folder named by `--posts <dir>` or `--posts=<dir>` on the command line, if any. */
export function postsArgument(argv: readonly string[], cwd: string): string | null {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--posts') {
      const next = argv[index + 1];
      return next === undefined || next.startsWith('--') ? null : path.resolve(cwd, next);
    }
    if (arg.startsWith('--posts=')) return path.resolve(cwd, arg.slice('--posts='.length));
  }
  return null;
}
