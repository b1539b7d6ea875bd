/**
 * Electron main: lifecycle wiring only. The decisions live in the modules it imports, which are
 * unit-tested without Electron; this file hands them the real Electron objects.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell } from 'electron';
import type { Workspace } from '../../shared/api/contract';
import { CLOSE_REQUEST_CHANNEL } from '../../shared/api/desktop';
import { EVENT_CHANNELS, type BlogEvents, type EventName, type MenuCommand } from '../../shared/api/events';
import { APP_SCHEME, APP_URL } from './app-url';
import { createCloseGuard } from './close-guard';
import { createDesktopApi, type DesktopDeps } from './desktop';
import { chosenFolder, leaveChosen, NOT_ANSWERING_DIALOG, OPEN_FOLDER_DIALOG, UNSAVED_CHANGES_DIALOG } from './dialogs';
import { chosenHtmlFile, EXPORT_FOLDER_DIALOG, saveHtmlDialog } from './export-dialogs';
import { createFolderTokens } from './folder-tokens';
import { registerIpc, senderAllowed, type FrameLike } from './ipc';
import { openExternalSafely } from './links';
import { menuTemplate, shortcutInputs } from './menu';
import { defaultPostsFolder, ensureDefaultFolder, isFolder, postsArgument } from './posts-folder';
import { createProtocolHandler, PRIVILEGED_SCHEMES } from './protocol';
import { configureSession } from './session';
import { chooseStartFolder, createSettings } from './settings';
import { contextMenuTemplate, spellcheckLanguages } from './spelling';
import { guardNavigation, windowOptions } from './window';
import { createWorkspaceHost, type WorkspaceHost } from './workspace';
import { settleWithin } from '../node/settle';
import { exportsSettled } from '../node/export/stage';
import { indexWritesDone } from '../node/store/index-cache';

const windows = new Set<BrowserWindow>();
/** Export folders chosen per window, as tokens the page hands back. */
const folders = createFolderTokens();

function liveWindows(): BrowserWindow[] {
  return [...windows].filter((win) => !win.isDestroyed());
}

/** The window whose web contents has `id` (windows are named by it in IPC and the close guard). */
function windowOf(id: number): BrowserWindow | undefined {
  return liveWindows().find((win) => win.webContents.id === id);
}

const closeGuard = createCloseGuard({
  send: (id, request) => windowOf(id)?.webContents.send(CLOSE_REQUEST_CHANNEL, request),
  close: (id) => windowOf(id)?.close(),
  quit: () => app.quit(),
  askNatively: (id) => {
    const win = windowOf(id);
    return win === undefined || leaveChosen(dialog.showMessageBoxSync(win, NOT_ANSWERING_DIALOG));
  },
  windows: () => liveWindows().map((win) => win.webContents.id),
  schedule: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
});

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

/** Closing asks the page (Save / Don't save / Cancel); a hung or crashed page gets the native question. */
function guardClosing(win: BrowserWindow, id: number): void {
  win.on('close', (event) => {
    if (!closeGuard.windowClosing(id)) event.preventDefault();
  });
  win.on('query-session-end', (event) => {
    if (closeGuard.sessionEnding(id)) event.preventDefault();
  });
  win.on('unresponsive', () => closeGuard.pageLost(id));
  win.on('responsive', () => closeGuard.pageBack(id));
  win.webContents.on('render-process-gone', () => closeGuard.pageLost(id));
  win.webContents.on('did-finish-load', () => closeGuard.pageBack(id));
  // The renderer sets `beforeunload` while it holds unsaved edits: a window the author chose to
  // close goes without a second question; anything else (a reload) asks natively.
  win.webContents.on('will-prevent-unload', (event) => {
    if (closeGuard.phase(id) === 'closing') event.preventDefault();
    else if (leaveChosen(dialog.showMessageBoxSync(win, UNSAVED_CHANGES_DIALOG))) event.preventDefault();
  });
}

/** The editor's context menu: spelling suggestions, Add to Dictionary, Cut, Copy, Paste, Select All. */
function offerSpelling(win: BrowserWindow): void {
  win.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => win.webContents.replaceMisspelling(word),
      addToDictionary: (word) => win.webContents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs'), nativeTheme));
  windows.add(win);
  const id = win.webContents.id;
  win.on('closed', () => {
    windows.delete(win);
    closeGuard.forget(id);
    folders.forget(id);
  });
  win.once('ready-to-show', () => win.show());
  guardClosing(win, id);
  offerSpelling(win);
  void win.loadURL(APP_URL);
  return win;
}

/** Presses a shortcut in the focused window's page (a page shortcut chosen in the menu). */
function pressInPage(accelerator: string): void {
  const win = BrowserWindow.getFocusedWindow();
  if (win === null) return;
  for (const input of shortcutInputs(accelerator, process.platform === 'darwin')) win.webContents.sendInputEvent(input);
}

/** Spellcheck in the system's languages (macOS checks with the system's own spellchecker). */
function configureSpelling(): void {
  if (process.platform === 'darwin') return;
  const languages = spellcheckLanguages(
    app.getPreferredSystemLanguages(),
    session.defaultSession.availableSpellCheckerLanguages,
  );
  if (languages.length > 0) session.defaultSession.setSpellCheckerLanguages(languages);
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

/** The desktop API's world: native pickers, settings, the close guard and the export folder tokens. */
function desktopDeps(host: WorkspaceHost, settings: ReturnType<typeof createSettings>): DesktopDeps {
  const parentWindow = () => BrowserWindow.getFocusedWindow() ?? liveWindows()[0];
  return {
    host,
    settings,
    chooseFolder: async () => {
      const parent = parentWindow();
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
      const parent = parentWindow();
      return chosenHtmlFile(
        parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options),
      );
    },
    chooseExportFolder: async () => {
      const parent = parentWindow();
      const result = parent
        ? await dialog.showOpenDialog(parent, EXPORT_FOLDER_DIALOG)
        : await dialog.showOpenDialog(EXPORT_FOLDER_DIALOG);
      return chosenFolder(result);
    },
    folders,
    answerClose: (caller, request, answer) => closeGuard.answer(caller, request, answer),
    setEdited: (caller, edited) => {
      closeGuard.setEdited(caller, edited);
      // macOS marks the close button of a window with unsaved edits.
      if (process.platform === 'darwin') windowOf(caller)?.setDocumentEdited(edited);
    },
  };
}

async function start(): Promise<void> {
  configureSession(session.defaultSession);
  configureSpelling();
  const settings = createSettings({ file: path.join(app.getPath('userData'), 'settings.json') });
  const host = createWorkspaceHost({
    now: () => new Date(),
    trash: (absPath) => shell.trashItem(absPath),
    onChange: (changes) => send('postsChanged', changes),
    onWatchError: (error) => console.warn(`Watching the posts folder failed: ${error.message}`),
    emit: send,
    journalRoot: path.join(app.getPath('userData'), 'journal'),
    indexRoot: path.join(app.getPath('userData'), 'index'),
    dataDir: app.getPath('userData'),
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
  const deps = desktopDeps(host, settings);
  registerIpc(ipcMain, {
    getApi: () => host.api(),
    isTrustedSender,
    desktopFor: (caller) => createDesktopApi(deps, caller),
    folders,
  });
  const sendCommand = (command: MenuCommand): void => send('menuCommand', { command });
  const template = menuTemplate({
    isMac: process.platform === 'darwin',
    send: sendCommand,
    // The page knows whether it holds unsaved edits; it asks desktop.openFolder() when safe.
    openFolder: () => sendCommand('openFolder'),
    dev: !app.isPackaged,
    openExternal,
    press: pressInPage,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  // Quitting waits (a few seconds at most) for what answered before it was on disk: the watcher's
  // close, a listing's index file, the site an export replaced; then it quits again, and this time goes
  // (every window is closed by now, so nothing is asked).
  app.on('will-quit', (event) => {
    if (leaving) return;
    event.preventDefault();
    leaving = true;
    void settleWithin([host.close(), indexWritesDone(), exportsSettled()]).finally(() => app.quit());
  });
  createWindow();
}

/** Whether the app is quitting (and waiting, a few seconds at most, for work still going to disk). */
let leaving = false;

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
  // Quitting (menu, Cmd/Ctrl+Q, the OS) asks each window first.
  app.on('before-quit', (event) => {
    if (!closeGuard.appQuitting()) event.preventDefault();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    // Not while quitting waits for the disk: the workspace is closed by then.
    if (!leaving && app.isReady() && liveWindows().length === 0) createWindow();
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Postwright could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}
