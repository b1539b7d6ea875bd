/**
 * The desktop extras behind `window.desktop`: the folder picker (which swaps the open folder and
 * remembers it), opening links through the allowlist, the export's save and folder dialogs (the
 * site's folder reaches the page as a token only), and the page's side of closing a window.
 */
import { fail, ok, type Result, type Workspace } from '../../shared/api/contract';
import type { ChosenFolder, CloseAnswer, DesktopCalls } from '../../shared/api/desktop';
import { exportPost, postFileName } from '../node/export/post';
import type { FolderTokens } from './folder-tokens';
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
  /** Asks where to save an exported page, suggesting `fileName`; null when cancelled. */
  chooseHtmlFile?: (fileName: string) => Promise<string | null>;
  /** Asks for the folder a site export goes into; null when cancelled. */
  chooseExportFolder?: () => Promise<string | null>;
  /** The export folders chosen per window, as tokens. */
  folders: FolderTokens;
  /** Hands a window's answer to a close request to the close guard. */
  answerClose?: (caller: number, request: number, answer: CloseAnswer) => Result<null>;
  /** Records whether a window holds unsaved edits. */
  setEdited?: (caller: number, edited: boolean) => void;
}

/** Builds the desktop API as window `caller` (its web contents id) calls it. */
export function createDesktopApi(deps: DesktopDeps, caller: number): DesktopCalls {
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
    exportPostToFile: (id) => exportPostToFile(deps, id),
    chooseFolder: () => chooseExportFolder(deps, caller),
    answerClose: (request, answer) => {
      const answerClose = deps.answerClose;
      return Promise.resolve(answerClose ? answerClose(caller, request, answer) : UNSUPPORTED_CLOSE);
    },
    setEdited: (edited) => {
      deps.setEdited?.(caller, edited);
      return Promise.resolve(ok(null));
    },
  };
}

const UNSUPPORTED_CLOSE = fail<null>('UNSUPPORTED', 'Closing is not guarded here.');

async function chooseExportFolder(deps: DesktopDeps, caller: number): Promise<Result<ChosenFolder | null>> {
  const folder = await ask(deps.chooseExportFolder, 'The folder picker');
  if (!folder.ok) return folder;
  return ok(folder.value === null ? null : deps.folders.issue(caller, folder.value));
}

async function exportPostToFile(deps: DesktopDeps, id: string): Promise<Result<{ file: string } | null>> {
  const workspace = await deps.host.api().getWorkspace();
  if (!workspace.ok) return workspace;
  const pick = deps.chooseHtmlFile;
  const file = await ask(pick && (() => pick(postFileName(id))), 'The save dialog');
  if (!file.ok || file.value === null) return file.ok ? ok(null) : file;
  // Images are copied into a folder beside the page, so the page stays small and opens from disk.
  const written = await exportPost({ postsDir: workspace.value.root, postId: id, outFile: file.value });
  if (!written.ok) return written;
  for (const warning of written.value.warnings) deps.warn?.(warning);
  return ok({ file: written.value.file });
}

/** Runs a native picker, turning its absence or failure into a clear result. */
async function ask(picker: (() => Promise<string | null>) | undefined, what: string): Promise<Result<string | null>> {
  if (picker === undefined) return fail('UNSUPPORTED', `${what} is not available here.`);
  try {
    return ok(await picker());
  } catch (error) {
    return fail('IO', `${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
