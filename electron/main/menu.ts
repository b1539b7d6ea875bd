/**
 * The application menu. Commands that act on the document go to the renderer as `menuCommand`
 * events (it knows about unsaved edits); editing, zoom and window items use Electron's roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/events';

/** Where the Help menu's guide points. */
export const MARKDOWN_GUIDE_URL = 'https://commonmark.org/help/';

/** What the menu needs from the app. */
export interface MenuOptions {
  isMac: boolean;
  send: (command: MenuCommand) => void;
  openFolder: () => void;
  /** Reload and developer tools appear only in development. */
  dev?: boolean;
  /** Opens a link in the system browser (the Help menu's guide). */
  openExternal?: (url: string) => void;
}

function fileMenu(options: MenuOptions): MenuItemConstructorOptions {
  const { isMac, send } = options;
  return {
    label: 'File',
    submenu: [
      { label: 'New Post', accelerator: 'CmdOrCtrl+N', click: () => send('newPost') },
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => options.openFolder() },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
      { label: 'Export HTML…', accelerator: 'CmdOrCtrl+E', click: () => send('exportHtml') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    ],
  };
}

const editMenu: MenuItemConstructorOptions = {
  label: 'Edit',
  submenu: [
    { role: 'undo' },
    { role: 'redo' },
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { type: 'separator' },
    { role: 'selectAll' },
  ],
};

function viewMenu(options: MenuOptions): MenuItemConstructorOptions {
  const devItems: MenuItemConstructorOptions[] = options.dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return {
    label: 'View',
    submenu: [
      { label: 'Toggle Raw Front Matter', accelerator: 'CmdOrCtrl+Shift+M', click: () => options.send('toggleRaw') },
      { type: 'separator' },
      ...devItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

function helpMenu(options: MenuOptions): MenuItemConstructorOptions {
  const guide: MenuItemConstructorOptions[] = options.openExternal
    ? [{ label: 'Markdown Guide', click: () => options.openExternal?.(MARKDOWN_GUIDE_URL) }]
    : [];
  return { role: 'help', label: 'Help', submenu: [...guide, ...(options.isMac ? [] : [{ role: 'about' as const }])] };
}

/** The menu template: File, Edit, View, (Window on macOS), Help; the app menu first on macOS. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    fileMenu(options),
    editMenu,
    viewMenu(options),
    ...(options.isMac ? [{ role: 'windowMenu' as const }] : []),
    helpMenu(options),
  ];
}
