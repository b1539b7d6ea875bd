/**
 * The desktop extras behind `window.desktop`: the folder picker (which swaps the open folder and
 * remembers it) and opening links through the allowlist.
 */
import { fail, ok, type Result, type Workspace } from '../../shared/api/contract';
import type { DesktopApi } from '../../shared/api/desktop';
import { openExternalSafely } from './links';
import type { Settings } from './settings';
import type { WorkspaceHost } from './workspace';

/** What the desktop API needs from the world. */
export interface DesktopDeps {
  host: WorkspaceHost;
  settings: Settings;
  /** Shows the system folder picker; null when cancelled. */
  chooseFolder: () => Promise<string | null>;
  /** Tells the windows another folder is open. */
  onOpened: (workspace: Workspace) => void;
  /** The system's link handler (`shell.openExternal`). */
  shellOpenExternal: (url: string) => Promise<void>;
  /** Non-fatal problems, e.g. the settings file could not be written. */
  warn?: (message: string) => void;
}

/** Builds the desktop API over the workspace host. */
export function createDesktopApi(deps: DesktopDeps): DesktopApi {
  return {
    async openFolder(): Promise<Result<Workspace | null>> {
      let folder: string | null;
      try {
        folder = await deps.chooseFolder();
      } catch (error) {
        return fail('IO', `The folder picker failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (folder === null) return ok(null);
      const opened = await deps.host.open(folder);
      if (!opened.ok) return opened;
      const saved = await deps.settings.setLastFolder(opened.value.root);
      if (!saved.ok) deps.warn?.(saved.error.message);
      deps.onOpened(opened.value);
      return opened;
    },
    openExternal: (url) => openExternalSafely(url, deps.shellOpenExternal),
    exportPostToFile: () => Promise.resolve(fail('UNSUPPORTED', 'Export is not available yet.')),
    chooseFolder: () => Promise.resolve(fail('UNSUPPORTED', 'Not available yet.')),
  };
}
