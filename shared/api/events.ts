/**
 * Pushes from the backend to the UI: posts changed on disk, menu commands. Carried by
 * `webContents.send` in Electron and by Server-Sent Events in browser mode.
 */

/** Commands the application menu (or a shortcut handled by the backend) sends to the UI. */
export type MenuCommand =
  | 'newPost'
  | 'save'
  | 'openFolder'
  | 'toggleRaw'
  | 'exportHtml'
  | 'deletePost'
  | 'undo'
  | 'redo'
  | 'find'
  | 'findNext'
  | 'findPrevious'
  | 'replace';

/** Every menu command, for validation. */
export const MENU_COMMANDS = [
  'newPost',
  'save',
  'openFolder',
  'toggleRaw',
  'exportHtml',
  'deletePost',
  'undo',
  'redo',
  'find',
  'findNext',
  'findPrevious',
  'replace',
] as const satisfies readonly MenuCommand[];

/** Event name to payload. */
export interface BlogEvents {
  /** Files appeared, changed or went away in the posts folder (ids). */
  postsChanged: { added: string[]; changed: string[]; removed: string[] };
  /** A menu item was chosen. */
  menuCommand: { command: MenuCommand };
  /** Another folder was opened: the UI reloads everything. */
  workspaceChanged: { name: string };
  /** A site export advanced. */
  exportProgress: { done: number; total: number };
}

/** The names of the events. */
export type EventName = keyof BlogEvents;

/** The IPC channel of each event. */
export const EVENT_CHANNELS = {
  postsChanged: 'blog-event:postsChanged',
  menuCommand: 'blog-event:menuCommand',
  workspaceChanged: 'blog-event:workspaceChanged',
  exportProgress: 'blog-event:exportProgress',
} as const satisfies { [E in EventName]: `blog-event:${E}` };

/** A listener for one event. */
export type EventListener<E extends EventName> = (payload: BlogEvents[E]) => void;
