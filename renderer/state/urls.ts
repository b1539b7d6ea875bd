/**
 * Where URLs inside a post lead. Relative image sources become posts-folder paths served under
 * `/files/`; clicked links become a scroll, an external open, another post, or nothing.
 */
import { idProblem, isMarkdownName } from '../../shared/api/ids';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// eslint-disable-next-line no-control-regex -- control characters never belong in a file path
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The posts-folder-relative path `src` names from the post `postId`, or null when it leaves the folder. */
export function resolvePostPath(postId: string, src: string): string | null {
  const target = src.trim().replace(/[?#].*$/s, '');
  if (target === '' || SCHEME.test(target) || target.startsWith('//') || target.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return null;
  }
  if (CONTROL.test(decoded)) return null;
  const segments = decoded.startsWith('/') ? [] : postId.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return null;
  }
  return segments.length === 0 ? null : segments.join('/');
}

/** The URL a relative image source in post `postId` loads from, or null to drop it. */
export function imageUrl(postId: string, src: string): string | null {
  const path = resolvePostPath(postId, src);
  return path === null ? null : `/files/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** What clicking a link in the preview does. */
export type LinkTarget =
  | { kind: 'anchor'; fragment: string }
  | { kind: 'external'; url: string }
  | { kind: 'post'; id: string }
  | { kind: 'none' };

/** Decides what a preview link may do; the app itself never navigates. */
export function linkTarget(postId: string, href: string): LinkTarget {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return { kind: 'anchor', fragment: safeDecode(trimmed.slice(1)) };
  if (SCHEME.test(trimmed) || trimmed.startsWith('//')) return external(trimmed);
  const path = resolvePostPath(postId, trimmed);
  if (path === null || !isMarkdownName(path) || idProblem(path) !== null) return { kind: 'none' };
  return { kind: 'post', id: path.normalize('NFC') };
}

function external(href: string): LinkTarget {
  let url: URL;
  try {
    url = new URL(href.startsWith('//') ? `https:${href}` : href);
  } catch {
    return { kind: 'none' };
  }
  return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? { kind: 'external', url: url.href } : { kind: 'none' };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
