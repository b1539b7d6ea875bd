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
}

/** The names of the desktop methods. */
export type DesktopMethod = keyof DesktopApi;

/** Every desktop method name. */
export const DESKTOP_METHODS = ['openFolder', 'openExternal'] as const satisfies readonly DesktopMethod[];

/** The IPC channel of each desktop method. */
export const DESKTOP_CHANNELS = {
  openFolder: 'desktop:openFolder',
  openExternal: 'desktop:openExternal',
} as const satisfies { [M in DesktopMethod]: `desktop:${M}` };
