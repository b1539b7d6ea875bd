/**
 * The URL policy, as pure functions: which link targets and image sources a post may use.
 * Decisions are made on the URL as a browser would read it (entities are already decoded by the
 * parsers; tabs and newlines removed, leading/trailing controls and spaces trimmed), so that case,
 * whitespace and control-character obfuscation cannot smuggle a scheme past us.
 */

/** What a link target turned out to be. */
export type LinkVerdict =
  { kind: 'web' | 'mailto' | 'anchor' | 'relative'; url: string } | { kind: 'refused'; reason: string };

/** What an image source turned out to be. */
export type ImageVerdict =
  | { kind: 'remote'; url: string; host: string }
  | { kind: 'data' | 'relative'; url: string }
  | { kind: 'refused'; reason: string };

// eslint-disable-next-line no-control-regex -- control characters are what browsers ignore here
const EDGE_JUNK = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
// eslint-disable-next-line no-control-regex -- any control character left is an obfuscation attempt
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const WEB = /^https?:\/\/([^/?#\s]+)/i;
const RASTER_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i;

/** The URL the way a browser's URL parser sees it before choosing a scheme. */
export function browserView(raw: string): string {
  return raw.replace(TAB_OR_NEWLINE, '').replace(EDGE_JUNK, '');
}

/** The scheme of a URL, lower-cased, or null for a relative reference. */
export function schemeOf(url: string): string | null {
  const match = SCHEME.exec(url);
  return match?.[1] === undefined ? null : match[1].toLowerCase();
}

/** Refusal reasons shared by links and images, or null when the URL may be looked at further. */
function structuralProblem(url: string): string | null {
  if (CONTROL.test(url)) return 'contains control characters';
  // Browsers read a backslash as a slash in web URLs: `/\evil.example` is protocol-relative.
  if (url.includes('\\')) return 'contains a backslash';
  if (url.startsWith('//')) return 'is protocol-relative (//host)';
  return null;
}

/** Whether a scheme-less reference still has a colon where a scheme would be (`c:/x`, `1ab:x`). */
function colonBeforePath(url: string): boolean {
  const colon = url.indexOf(':');
  if (colon === -1) return false;
  const firstDelimiter = url.search(/[/?#]/);
  return firstDelimiter === -1 || colon < firstDelimiter;
}

/** The host part of an http(s) URL without credentials or port, or null when it has none. */
export function hostOf(url: string): string | null {
  const authority = WEB.exec(url)?.[1];
  if (authority === undefined) return null;
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  return host === '' ? null : host.toLowerCase();
}

/** Links: http(s), mailto, in-page anchors and relative references; everything else is refused. */
export function judgeLink(raw: string): LinkVerdict {
  const url = browserView(raw);
  if (url.startsWith('#')) return CONTROL.test(url) ? refused('contains control characters') : { kind: 'anchor', url };
  const problem = structuralProblem(url);
  if (problem !== null) return refused(problem);
  const scheme = schemeOf(url);
  if (scheme === 'http' || scheme === 'https') {
    return hostOf(url) === null ? refused('has no host') : { kind: 'web', url };
  }
  if (scheme === 'mailto') return { kind: 'mailto', url };
  if (scheme !== null) return refused(`uses the ${scheme}: scheme`);
  if (colonBeforePath(url)) return refused('looks like a scheme or a drive letter');
  return { kind: 'relative', url };
}

/** Images: remote http(s), raster base64 data URIs, and relative paths; everything else is refused. */
export function judgeImage(raw: string): ImageVerdict {
  const url = browserView(raw);
  const problem = structuralProblem(url);
  if (problem !== null) return refused(problem);
  const scheme = schemeOf(url);
  if (scheme === 'http' || scheme === 'https') {
    const host = hostOf(url);
    return host === null ? refused('has no host') : { kind: 'remote', url, host };
  }
  if (scheme === 'data') {
    return RASTER_DATA.test(url)
      ? { kind: 'data', url }
      : refused('is a data: URI that is not a PNG, JPEG, GIF, WebP or AVIF image');
  }
  if (scheme !== null) return refused(`uses the ${scheme}: scheme`);
  if (url === '' || url.startsWith('#') || url.startsWith('?')) return refused('is empty');
  if (colonBeforePath(url)) return refused('looks like a scheme or a drive letter');
  return { kind: 'relative', url };
}

function refused(reason: string): { kind: 'refused'; reason: string } {
  return { kind: 'refused', reason };
}
