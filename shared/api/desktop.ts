/**
 * Desktop-only extras. Optional: the UI asks whether the bridge offers them (feature test),
 * never whether it runs in Electron.
 */
import type { Result, Workspace } from './contract';

/** A folder the author chose in the system picker: an opaque token for the main process, a label to show. */
export interface ChosenFolder {
  /** Meaningful only to the main process that issued it, and only for the window that asked. */
  token: string;
  /** The folder's path, for display only (never sent back). */
  label: string;
}

/** Why the app wants the window gone: its own close (button, menu, shortcut) or quitting the app. */
export type CloseReason = 'close' | 'quit';

/** The main process asks the page before a window closes or the app quits. */
export interface CloseRequest {
  /** Names this request in the answer; an answer to an older request is refused. */
  request: number;
  reason: CloseReason;
}

/** The page's answer: `asking` (the author is being asked, wait), `close` (go ahead) or `stay`. */
export type CloseAnswer = 'asking' | 'close' | 'stay';

/** Every close answer, for validation. */
export const CLOSE_ANSWERS = ['asking', 'close', 'stay'] as const satisfies readonly CloseAnswer[];

/** What only the desktop app can do, each a request to the main process. */
export interface DesktopCalls {
  /** Show the system folder picker and open the chosen folder; null when cancelled. */
  openFolder(): Promise<Result<Workspace | null>>;
  /** Open an http(s) or mailto link in the system browser (checked against the allowlist). */
  openExternal(url: string): Promise<Result<null>>;
  /** Ask where to save one post as HTML (images copied beside it) and write it; null when cancelled. */
  exportPostToFile(id: string): Promise<Result<{ file: string } | null>>;
  /** Ask for a folder for the site export: `exportSite` takes its token as `outDir`; null when cancelled. */
  chooseFolder(): Promise<Result<ChosenFolder | null>>;
  /** Answer the close request named `request` (see `onCloseRequested`). */
  answerClose(request: number, answer: CloseAnswer): Promise<Result<null>>;
  /** Tell the app whether this window holds unsaved edits (the close button's mark, OS shutdown). */
  setEdited(edited: boolean): Promise<Result<null>>;
}

/** The desktop extras as the page sees them: the calls, and the close requests pushed to it. */
export interface DesktopApi extends DesktopCalls {
  /** Subscribe to close requests; every request must be answered. Returns the unsubscribe function. */
  onCloseRequested(listener: (request: CloseRequest) => void): () => void;
}

/** The names of the desktop calls. */
export type DesktopMethod = keyof DesktopCalls;

/** Every desktop call's name. */
export const DESKTOP_METHODS = [
  'openFolder',
  'openExternal',
  'exportPostToFile',
  'chooseFolder',
  'answerClose',
  'setEdited',
] as const satisfies readonly DesktopMethod[];

type MissingMethods = Exclude<DesktopMethod, (typeof DESKTOP_METHODS)[number]>;
/** Fails to compile when a method of `DesktopCalls` is missing from `DESKTOP_METHODS`. */
export const DESKTOP_METHODS_COMPLETE: MissingMethods extends never ? true : never = true;

/** The IPC channel of each desktop call. */
export const DESKTOP_CHANNELS = {
  openFolder: 'desktop:openFolder',
  openExternal: 'desktop:openExternal',
  exportPostToFile: 'desktop:exportPostToFile',
  chooseFolder: 'desktop:chooseFolder',
  answerClose: 'desktop:answerClose',
  setEdited: 'desktop:setEdited',
} as const satisfies { [M in DesktopMethod]: `desktop:${M}` };

/** The IPC channel of the close request the main process sends to one window. */
export const CLOSE_REQUEST_CHANNEL = 'desktop-event:closeRequested';
