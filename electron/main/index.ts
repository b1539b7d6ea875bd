/**
 * Electron main: lifecycle wiring only. The decisions live in the modules it imports, which are
 * unit-tested without Electron; this file hands them the real Electron objects.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell } from 'electron';
import type { Workspace } from '../../shared/api/contract';
import { EVENT_CHANNELS, type BlogEvents, type EventName, type MenuCommand } from '../../shared/api/events';
import { APP_SCHEME, APP_URL } from './app-url';
import { createDesktopApi } from './desktop';
import { chosenFolder, leaveChosen, OPEN_FOLDER_DIALOG, UNSAVED_CHANGES_DIALOG } from './dialogs';
import { chosenHtmlFile, EXPORT_FOLDER_DIALOG, saveHtmlDialog } from './export-dialogs';
import { registerIpc, senderAllowed, type FrameLike } from './ipc';
import { openExternalSafely } from './links';
import { menuTemplate } from './menu';
import { defaultPostsFolder, ensureDefaultFolder, isFolder, postsArgument } from './posts-folder';
import { createProtocolHandler, PRIVILEGED_SCHEMES } from './protocol';
import { configureSession } from './session';
import { chooseStartFolder, createSettings } from './settings';
import { guardNavigation, windowOptions } from './window';
import { createWorkspaceHost } from './workspace';

const windows = new Set<BrowserWindow>();

function liveWindows(): BrowserWindow[] {
  return [...windows].filter((win) => !win.isDestroyed());
}

function send<E extends EventName>(event: E, payload: BlogEvents[E]): void {
  for (const win of liveWindows()) win.webContents.send(EVENT_CHANNELS[event], payload);
}

function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  return senderAllowed(
    frame,
    liveWindows().map((win) => win.webContents.mainFrame),
  );
}

function openExternal(url: string): void {
  void openExternalSafely(url, (allowed) => shell.openExternal(allowed));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs'), nativeTheme));
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  win.once('ready-to-show', () => win.show());
  // The renderer sets `beforeunload` while it holds unsaved edits; the author decides.
  win.webContents.on('will-prevent-unload', (event) => {
    if (leaveChosen(dialog.showMessageBoxSync(win, UNSAVED_CHANGES_DIALOG))) event.preventDefault();
  });
  void win.loadURL(APP_URL);
  return win;
}

async function startFolder(settings: ReturnType<typeof createSettings>): Promise<string> {
  // `npm start -- --posts <dir>` (and the end-to-end specs) name the folder explicitly.
  const named = postsArgument(process.argv, process.cwd());
  if (named !== null) return named;
  const fallback = defaultPostsFolder({
    isPackaged: app.isPackaged,
    mainDir: __dirname,
    resourcesPath: process.resourcesPath,
    documentsDir: app.getPath('documents'),
  });
  const lastFolder = await settings.lastFolder();
  const chosen = await chooseStartFolder({ lastFolder, defaultFolder: fallback.folder, exists: isFolder });
  if (chosen !== fallback.folder) return chosen;
  const ensured = await ensureDefaultFolder(fallback);
  if (!ensured.ok) dialog.showErrorBox('Postwright', ensured.error.message);
  return fallback.folder;
}

async function start(): Promise<void> {
  configureSession(session.defaultSession);
  const settings = createSettings({ file: path.join(app.getPath('userData'), 'settings.json') });
  const host = createWorkspaceHost({
    now: () => new Date(),
    trash: (absPath) => shell.trashItem(absPath),
    onChange: (changes) => send('postsChanged', changes),
    onWatchError: (error) => console.warn(`Watching the posts folder failed: ${error.message}`),
    emit: send,
    journalRoot: path.join(app.getPath('userData'), 'journal'),
  });
  const opened = await host.open(await startFolder(settings));
  if (!opened.ok) dialog.showErrorBox('Postwright', `${opened.error.message} ${opened.error.hint ?? ''}`);
  protocol.handle(
    APP_SCHEME,
    createProtocolHandler({
      rendererDir: path.join(__dirname, '..', 'renderer'),
      resolveAsset: (relPath) => host.resolveAsset(relPath),
    }),
  );
  const desktop = createDesktopApi({
    host,
    settings,
    chooseFolder: async () => {
      const parent = BrowserWindow.getFocusedWindow() ?? liveWindows()[0];
      const result = parent
        ? await dialog.showOpenDialog(parent, OPEN_FOLDER_DIALOG)
        : await dialog.showOpenDialog(OPEN_FOLDER_DIALOG);
      return chosenFolder(result);
    },
    onOpened: (workspace: Workspace) => send('workspaceChanged', { name: workspace.name }),
    shellOpenExternal: (url) => shell.openExternal(url),
    warn: (message) => console.warn(message),
    chooseHtmlFile: async (fileName) => {
      const options = saveHtmlDialog(path.join(app.getPath('documents'), fileName));
      const parent = BrowserWindow.getFocusedWindow() ?? liveWindows()[0];
      return chosenHtmlFile(
        parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options),
      );
    },
    chooseExportFolder: async () => {
      const parent = BrowserWindow.getFocusedWindow() ?? liveWindows()[0];
      const result = parent
        ? await dialog.showOpenDialog(parent, EXPORT_FOLDER_DIALOG)
        : await dialog.showOpenDialog(EXPORT_FOLDER_DIALOG);
      return chosenFolder(result);
    },
  });
  registerIpc(ipcMain, () => host.api(), isTrustedSender, desktop);
  const sendCommand = (command: MenuCommand): void => send('menuCommand', { command });
  const template = menuTemplate({
    isMac: process.platform === 'darwin',
    send: sendCommand,
    // The page knows whether it holds unsaved edits; it asks desktop.openFolder() when safe.
    openFolder: () => sendCommand('openFolder'),
    dev: !app.isPackaged,
    openExternal,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.on('before-quit', () => void host.close());
  createWindow();
}

// The end-to-end specs give each run its own settings so they never touch the author's.
const userDataOverride = process.env.POSTWRIGHT_USER_DATA;
if (userDataOverride) app.setPath('userData', userDataOverride);

protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = liveWindows()[0];
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  // Every web contents, including any created by a bug, gets the navigation guards.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, openExternal));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && liveWindows().length === 0) createWindow();
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Postwright could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}
