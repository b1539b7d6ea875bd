/**
 * The main window's options and its navigation guards. The page shows untrusted Markdown, so
 * the window is locked down as if the preview could run script: no Node, sandboxed, isolated,
 * no navigation away from the app, no new windows, no webviews.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { isAppDocumentUrl } from './app-url';
import { externalUrlAllowed } from './links';

export { isAppUrl } from './app-url';

/** Background colours matching the renderer's dark and light themes (no white flash on load). */
export const BACKGROUND = { dark: '#1e1e1e', light: '#ffffff' } as const;

/** The window's options: every web preference at its secure value, shown only when ready. */
export function windowOptions(
  preloadPath: string,
  theme: { shouldUseDarkColors: boolean },
): BrowserWindowConstructorOptions {
  return {
    title: 'Postwright',
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: theme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      enableWebSQL: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/** Whether the page may navigate to a URL: only to the app's own page. */
export function navigationDecision(url: string): 'allow' | 'deny' {
  return isAppDocumentUrl(url) ? 'allow' : 'deny';
}

/** What a new-window request becomes: always denied; allowed links go to the system browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: externalUrlAllowed(url) };
}

/** A navigation event as the guards see it. */
export interface NavigationEvent {
  url: string;
  isMainFrame?: boolean;
  preventDefault(): void;
}

/** The parts of `WebContents` the guards use (a structural type, so tests can pass a fake). */
export interface GuardedContents {
  // One overload per event, as Electron declares them: a union would not accept a real WebContents.
  on(event: 'will-navigate', listener: (details: NavigationEvent) => void): unknown;
  // eslint-disable-next-line @typescript-eslint/unified-signatures -- see above
  on(event: 'will-frame-navigate', listener: (details: NavigationEvent) => void): unknown;
  // eslint-disable-next-line @typescript-eslint/unified-signatures -- see above
  on(event: 'will-redirect', listener: (details: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Wires the guards: navigation, redirects and frame navigation away from the app are stopped. */
export function guardNavigation(contents: GuardedContents, openExternal: (url: string) => void): void {
  // A clicked link in the preview would replace the app; it opens in the browser instead.
  contents.on('will-navigate', (details) => {
    if (navigationDecision(details.url) === 'allow') return;
    details.preventDefault();
    if (externalUrlAllowed(details.url)) openExternal(details.url);
  });
  contents.on('will-frame-navigate', (details) => {
    if (navigationDecision(details.url) === 'deny') details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (navigationDecision(details.url) === 'deny') details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) openExternal(url);
    return { action: decision.action };
  });
}
