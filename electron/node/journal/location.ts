/** Where the journal of unsaved edits lives: the app's data folder, one subfolder per posts folder. */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** What the default data folder depends on; the entry point passes process.env, os.homedir(). */
export interface DataDirWorld {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

/** The app's data folder by platform convention (XDG state on Linux, Application Support, APPDATA). */
export function defaultDataDir(world: DataDirWorld): string {
  const { platform, env, home } = world;
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Postwright');
  if (platform === 'win32') {
    const appData = env.APPDATA;
    return path.win32.join(
      appData && appData.length > 0 ? appData : path.win32.join(home, 'AppData', 'Roaming'),
      'Postwright',
    );
  }
  // XDG says a relative XDG_STATE_HOME is invalid and must be ignored.
  const state = env.XDG_STATE_HOME;
  const base = state && path.isAbsolute(state) ? state : path.join(home, '.local', 'state');
  return path.join(base, 'postwright');
}

/** The journal folder of one posts folder (its real path) inside the data folder `dataDir`. */
export function journalDirFor(dataDir: string, postsRoot: string): string {
  return path.join(dataDir, 'journal', journalKey(postsRoot));
}

/** The name of a posts folder's journal folder: 16 hex digits of the SHA-256 of its real path. */
export function journalKey(postsRoot: string): string {
  return createHash('sha256').update(postsRoot).digest('hex').slice(0, 16);
}
