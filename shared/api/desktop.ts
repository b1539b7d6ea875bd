/**
 * Desktop-only extras. Optional: the UI asks whether the bridge offers them (feature test),
 * never whether it runs in Electron.
 */
import type { Result, Workspace } from './contract';

/** What only the desktop app can do. */
export interface DesktopApi {
  /** Show the system folder picker and open the chosen folder; null when cancelled. */
  openFolder(): Promise<Result<Workspace | null>>;
  /** Open an http(s) or mailto link in the system browser (checked against the allowlist). */
  openExternal(url: string): Promise<Result<null>>;
  /** Ask where to save one post as HTML (images copied beside it) and write it; null when cancelled. */
  exportPostToFile(id: string): Promise<Result<{ file: string } | null>>;
  /** Ask for a folder (for the site export); null when cancelled. */
  chooseFolder(): Promise<Result<string | null>>;
}

/** The names of the desktop methods. */
export type DesktopMethod = keyof DesktopApi;

/** Every desktop method name. */
export const DESKTOP_METHODS = [
  'openFolder',
  'openExternal',
  'exportPostToFile',
  'chooseFolder',
] as const satisfies readonly DesktopMethod[];

/** The IPC channel of each desktop method. */
export const DESKTOP_CHANNELS = {
  openFolder: 'desktop:openFolder',
  openExternal: 'desktop:openExternal',
  exportPostToFile: 'desktop:exportPostToFile',
  chooseFolder: 'desktop:chooseFolder',
} as const satisfies { [M in DesktopMethod]: `desktop:${M}` };
