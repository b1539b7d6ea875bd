/**
 * The app's own origin. The UI is served from `app://postwright/` (a privileged standard scheme)
 * rather than `file://`, so the page has a real origin that the CSP, the navigation guards and
 * the IPC sender check can name exactly.
 */

/** The custom scheme the UI is served from. */
export const APP_SCHEME = 'app';
/** The only host the scheme answers for. */
export const APP_HOST = 'postwright';
/** The URL the window loads. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;
/** Requests under this path are post assets (images), resolved inside the posts folder. */
export const ASSET_PREFIX = '/files/';

/** The page's Content-Security-Policy: scripts and styles from the app only, no remote loads. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

/** The policy of post assets: an SVG or HTML file opened directly can run nothing. */
export const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether a URL belongs to the app's origin (`app://postwright`), exactly. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** Whether a URL is the app's page itself (not an asset under `/files/`). */
export function isAppDocumentUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/' || pathname === '/index.html';
}
