/**
 * The session's defences: no permission is ever granted, nothing is downloaded, and every
 * response carries the app's Content-Security-Policy.
 */
import { APP_CSP } from './app-url';

type Headers = Record<string, string[] | string>;

/** The parts of `Session` configured here (a structural type, so tests can pass a fake). */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Headers },
        callback: (response: { responseHeaders?: Headers }) => void,
      ) => void,
    ): void;
  };
}

// Page-bearing schemes only: DevTools (devtools:) keeps its own policy in development.
const CSP_SCHEMES = new Set(['app:', 'http:', 'https:', 'file:']);

/** The headers of a response with the app's CSP added (existing policies still apply too). */
export function withAppCsp(url: string, headers: Headers | undefined): Headers {
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    scheme = '';
  }
  if (!CSP_SCHEMES.has(scheme)) return { ...headers };
  return { ...headers, 'Content-Security-Policy': [APP_CSP] };
}

/** Denies every permission, prevents downloads, and adds the CSP to every response. */
export function configureSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => {
    event.preventDefault();
  });
  // Header events do not fire for custom protocols (electron#6021), so the app:// handler sets
  // the CSP itself; this covers anything else a bug might let the window load.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withAppCsp(details.url, details.responseHeaders) });
  });
}
