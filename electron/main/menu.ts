/**
 * The application menu. Commands that act on the document go to the renderer as `menuCommand`
 * events (it knows about unsaved edits), as do Undo and Redo (the editor's history is the page's);
 * the other editing items, zoom and window items use Electron's roles.
 * Shortcuts the page handles itself (quick open, the shortcuts panel, the editor's formatting)
 * are listed too, so the menu shows every shortcut of the help panel.
 */
import type { KeyboardEvent, MenuItemConstructorOptions } from 'electron';
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
  /** Presses a shortcut in the focused page, for a page shortcut chosen with the mouse. */
  press?: (accelerator: string) => void;
}

/**
 * An item for a shortcut the page handles itself. The key goes to the page first (on Windows and
 * Linux the accelerator is shown but not registered); choosing the item presses the key for the
 * author. A key the page left unhandled reaches the item on macOS and is not pressed again.
 */
function pageShortcut(label: string, accelerator: string, options: MenuOptions): MenuItemConstructorOptions {
  return {
    label,
    accelerator,
    registerAccelerator: false,
    click: (_item, _window, event: KeyboardEvent) => {
      if (event.triggeredByAccelerator !== true) options.press?.(accelerator);
    },
  };
}

function fileMenu(options: MenuOptions): MenuItemConstructorOptions {
  const { isMac, send } = options;
  return {
    label: 'File',
    submenu: [
      { label: 'New Post', accelerator: 'CmdOrCtrl+N', click: () => send('newPost') },
      { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => options.openFolder() },
      pageShortcut('Open Post by Title…', 'CmdOrCtrl+P', options),
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
      { label: 'Export HTML…', accelerator: 'CmdOrCtrl+E', click: () => send('exportHtml') },
      { type: 'separator' },
      { label: 'Delete Post…', click: () => send('deletePost') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    ],
  };
}

/**
 * Undo or redo: the page's, not the browser's (the Markdown editor keeps its own history, which the
 * browser's Undo never reaches). The key goes to the page first, as for a page shortcut; chosen
 * with the mouse, or a key the page left unhandled on macOS (a field's undo, which macOS leaves to
 * the menu), the item asks the page.
 */
function historyItem(
  label: string,
  accelerator: string,
  command: 'undo' | 'redo',
  options: MenuOptions,
): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: options.isMac, click: () => options.send(command) };
}

/**
 * A find item: a command for the page's find bar (the page knows whether a post is open). Its key
 * goes to the page first, as Undo's does; chosen with the mouse, or a key the page left unhandled
 * on macOS, the item asks the page.
 */
function findItem(
  label: string,
  accelerator: string,
  command: MenuCommand,
  options: MenuOptions,
): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: options.isMac, click: () => options.send(command) };
}

function editMenu(options: MenuOptions): MenuItemConstructorOptions {
  return {
    label: 'Edit',
    submenu: [
      historyItem('Undo', 'CmdOrCtrl+Z', 'undo', options),
      // The help panel's redo, on every platform (Windows' Ctrl+Y also redoes in the editor).
      historyItem('Redo', 'CmdOrCtrl+Shift+Z', 'redo', options),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' },
      { type: 'separator' },
      findItem('Find…', 'CmdOrCtrl+F', 'find', options),
      findItem('Find Next', 'CmdOrCtrl+G', 'findNext', options),
      findItem('Find Previous', 'CmdOrCtrl+Shift+G', 'findPrevious', options),
      // Cmd+H hides the app on macOS: Replace is Cmd+Alt+F there, as in Apple's own editors.
      findItem('Replace…', options.isMac ? 'Cmd+Alt+F' : 'Ctrl+H', 'replace', options),
      { type: 'separator' },
      pageShortcut('Search All Posts…', 'CmdOrCtrl+Shift+F', options),
    ],
  };
}

function formatMenu(options: MenuOptions): MenuItemConstructorOptions {
  return {
    label: 'Format',
    submenu: [
      pageShortcut('Bold', 'CmdOrCtrl+B', options),
      pageShortcut('Italic', 'CmdOrCtrl+I', options),
      pageShortcut('Link', 'CmdOrCtrl+K', options),
      {
        label: 'Heading',
        submenu: [1, 2, 3, 4, 5, 6].map((level) => pageShortcut(`Heading ${level}`, `CmdOrCtrl+${level}`, options)),
      },
      { type: 'separator' },
      pageShortcut('Duplicate Line', 'Ctrl+D', options),
    ],
  };
}

function viewMenu(options: MenuOptions): MenuItemConstructorOptions {
  const devItems: MenuItemConstructorOptions[] = options.dev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return {
    label: 'View',
    submenu: [
      { label: 'Toggle Raw Front Matter', accelerator: 'CmdOrCtrl+Shift+M', click: () => options.send('toggleRaw') },
      { type: 'separator' },
      pageShortcut('Next Area', 'F6', options),
      pageShortcut('Previous Area', 'Shift+F6', options),
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
  const shortcuts = pageShortcut('Keyboard Shortcuts', 'CmdOrCtrl+/', options);
  return {
    role: 'help',
    label: 'Help',
    submenu: [shortcuts, ...guide, ...(options.isMac ? [] : [{ role: 'about' as const }])],
  };
}

/** The menu template: File, Edit, Format, View, (Window on macOS), Help; the app menu first on macOS. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  return [
    ...(options.isMac ? [{ role: 'appMenu' as const }] : []),
    fileMenu(options),
    editMenu(options),
    formatMenu(options),
    viewMenu(options),
    ...(options.isMac ? [{ role: 'windowMenu' as const }] : []),
    helpMenu(options),
  ];
}

/** One key event of a shortcut, as `webContents.sendInputEvent` takes it. */
export interface ShortcutInput {
  type: 'keyDown' | 'keyUp';
  keyCode: string;
  modifiers: ('control' | 'meta' | 'shift' | 'alt')[];
}

/** The key down and up that press `accelerator` (`CmdOrCtrl+Shift+Z`) on this platform. */
export function shortcutInputs(accelerator: string, isMac: boolean): ShortcutInput[] {
  const parts = accelerator.split('+');
  const keyCode = parts.pop() ?? '';
  const modifiers = parts.map((part): ShortcutInput['modifiers'][number] => {
    if (part === 'CmdOrCtrl') return isMac ? 'meta' : 'control';
    if (part === 'Shift') return 'shift';
    if (part === 'Alt') return 'alt';
    return 'control';
  });
  return [
    { type: 'keyDown', keyCode, modifiers },
    { type: 'keyUp', keyCode, modifiers },
  ];
}
